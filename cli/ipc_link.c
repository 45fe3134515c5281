// SPDX-License-Identifier: GPL-2.0
/*
 * rtnetlink links: reading them, creating mvlan devices in their final
 * mode, and the plain changes (up, rename, delete) by ifindex; delete by
 * name too, for a device whose ifindex is not known.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <net/if.h>

#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <netlink/attr.h>
#include <netlink/msg.h>

#include <linux/mvlan.h>

#include "ipc_priv.h"

/* --- requests ------------------------------------------------------------ */

/* A request of type with an ifinfomsg for ifindex, changing flags. */
static struct nl_msg *link_msg(int type, int nlflags, uint32_t ifindex,
			       uint32_t change, uint32_t flags)
{
	struct ifinfomsg ifi = {
		.ifi_family = AF_UNSPEC,
		.ifi_index = (int)ifindex,
		.ifi_flags = flags,
		.ifi_change = change,
	};
	struct nl_msg *msg = nlmsg_alloc_simple(type, nlflags);

	return mvipc_msg_checked(msg, msg &&
				 nlmsg_append(msg, &ifi, sizeof(ifi),
					      NLMSG_ALIGNTO));
}

struct nl_msg *mvipc_msg_getlink(uint32_t ifindex, const char *name)
{
	struct nl_msg *msg = link_msg(RTM_GETLINK, NLM_F_ACK, ifindex, 0, 0);

	return mvipc_msg_checked(msg, msg && !ifindex &&
				 nla_put_string(msg, IFLA_IFNAME, name));
}

struct nl_msg *mvipc_msg_linkdump(void)
{
	return link_msg(RTM_GETLINK, NLM_F_DUMP, 0, 0, 0);
}

/* IFLA_LINKINFO { IFLA_INFO_KIND "mvlan", IFLA_INFO_DATA { ... } } */
static int put_linkinfo(struct nl_msg *msg, const struct mvipc_newlink *nl)
{
	const char *kind = nl->kind ? nl->kind : MVLAN_LINK_KIND;
	struct nlattr *info, *data;

	info = nla_nest_start(msg, IFLA_LINKINFO);
	if (!info || nla_put_string(msg, IFLA_INFO_KIND, kind))
		return -NLE_NOMEM;

	data = nla_nest_start(msg, IFLA_INFO_DATA);
	if (!data ||
	    nla_put_u32(msg, IFLA_MVLAN_MODE, nl->mode) ||
	    nla_put_u32(msg, IFLA_MVLAN_FLAGS, nl->flags))
		return -NLE_NOMEM;
	if ((nl->given & MVIPC_NEW_BC_QUEUE_LEN) &&
	    nla_put_u32(msg, IFLA_MVLAN_BC_QUEUE_LEN, nl->bc_queue_len))
		return -NLE_NOMEM;
	if ((nl->given & MVIPC_NEW_BC_CUTOFF) &&
	    nla_put_s32(msg, IFLA_MVLAN_BC_CUTOFF, nl->bc_cutoff))
		return -NLE_NOMEM;

	nla_nest_end(msg, data);
	nla_nest_end(msg, info);
	return 0;
}

struct nl_msg *mvipc_msg_newlink(const struct mvipc_newlink *nl)
{
	struct nl_msg *msg = link_msg(RTM_NEWLINK,
				      NLM_F_CREATE | NLM_F_EXCL | NLM_F_ACK,
				      0, 0, 0);

	return mvipc_msg_checked(msg, msg &&
		(nla_put_string(msg, IFLA_IFNAME, nl->name) ||
		 nla_put_u32(msg, IFLA_LINK, nl->link) ||
		 ((nl->given & MVIPC_NEW_ADDRESS) &&
		  nla_put(msg, IFLA_ADDRESS, MAC_LEN, nl->address)) ||
		 ((nl->given & MVIPC_NEW_MTU) &&
		  nla_put_u32(msg, IFLA_MTU, nl->mtu)) ||
		 ((nl->given & MVIPC_NEW_NETNS_FD) &&
		  nla_put_u32(msg, IFLA_NET_NS_FD, (uint32_t)nl->netns_fd)) ||
		 put_linkinfo(msg, nl)));
}

struct nl_msg *mvipc_msg_dellink(uint32_t ifindex)
{
	return link_msg(RTM_DELLINK, NLM_F_ACK, ifindex, 0, 0);
}

struct nl_msg *mvipc_msg_dellink_name(const char *name)
{
	struct nl_msg *msg = link_msg(RTM_DELLINK, NLM_F_ACK, 0, 0, 0);

	return mvipc_msg_checked(msg, msg &&
				 nla_put_string(msg, IFLA_IFNAME, name));
}

struct nl_msg *mvipc_msg_setlink(uint32_t ifindex, uint32_t change,
				 uint32_t flags, const char *name)
{
	struct nl_msg *msg = link_msg(RTM_NEWLINK, NLM_F_ACK, ifindex, change,
				      flags);

	return mvipc_msg_checked(msg, msg && name &&
				 nla_put_string(msg, IFLA_IFNAME, name));
}

/* --- replies ------------------------------------------------------------- */

static const struct nla_policy link_policy[IFLA_MAX + 1] = {
	[IFLA_IFNAME]		= { .type = NLA_STRING, .maxlen = IFNAMSIZ },
	[IFLA_MTU]		= { .type = NLA_U32 },
	[IFLA_ADDRESS]		= { .maxlen = MVIPC_HWADDR_MAX },
	[IFLA_LINK]		= { .type = NLA_U32 },
	[IFLA_LINK_NETNSID]	= { .type = NLA_S32 },
	[IFLA_LINKINFO]		= { .type = NLA_NESTED },
};

static const struct nla_policy info_policy[IFLA_INFO_MAX + 1] = {
	[IFLA_INFO_KIND]	= { .type = NLA_STRING,
				    .maxlen = MVIPC_KIND_LEN },
	[IFLA_INFO_DATA]	= { .type = NLA_NESTED },
};

static const struct nla_policy mvlan_policy[IFLA_MVLAN_MAX + 1] = {
	[IFLA_MVLAN_MODE]	= { .type = NLA_U32 },
	[IFLA_MVLAN_FLAGS]	= { .type = NLA_U32 },
};

#define LINK_FIELD(attr, kind, member, req) \
	MVIPC_FIELD(struct mvipc_link, attr, kind, member, req, 0)

static const struct mvipc_field link_fields[] = {
	LINK_FIELD(IFLA_IFNAME, MVIPC_F_NAME, name, true),
	LINK_FIELD(IFLA_MTU, MVIPC_F_U32, mtu, false),
	LINK_FIELD(IFLA_LINK, MVIPC_F_U32, link, false),
	LINK_FIELD(IFLA_LINK_NETNSID, MVIPC_F_S32, link_netnsid, false),
};

bool mvipc_is_mvlan_kind(const char *kind)
{
	return !strcmp(kind, MVLAN_LINK_KIND) || !strcmp(kind, MVTAP_LINK_KIND);
}

/* IFLA_LINKINFO: the kind and, for mvlan and mvtap, mode and flags. */
static int parse_linkinfo(struct nlattr *nest, struct mvipc_link *l,
			  struct mvipc_error *e)
{
	struct nlattr *info[IFLA_INFO_MAX + 1], *data[IFLA_MVLAN_MAX + 1];

	if (nla_parse_nested(info, IFLA_INFO_MAX, nest, info_policy) < 0)
		return mvipc_fail(e, EPROTO, "malformed IFLA_LINKINFO");
	if (!info[IFLA_INFO_KIND])
		return 0;
	nla_strlcpy(l->kind, info[IFLA_INFO_KIND], sizeof(l->kind));
	if (!mvipc_is_mvlan_kind(l->kind) || !info[IFLA_INFO_DATA])
		return 0;
	if (nla_parse_nested(data, IFLA_MVLAN_MAX, info[IFLA_INFO_DATA],
			     mvlan_policy) < 0)
		return mvipc_fail(e, EPROTO, "malformed IFLA_INFO_DATA");
	if (data[IFLA_MVLAN_MODE] && data[IFLA_MVLAN_FLAGS]) {
		l->has_mvlan = true;
		l->mvlan_mode = nla_get_u32(data[IFLA_MVLAN_MODE]);
		l->mvlan_flags = nla_get_u32(data[IFLA_MVLAN_FLAGS]);
	}
	return 0;
}

int mvipc_rtnl_parse(struct nlmsghdr *nlh, int type, size_t hdrlen,
		     struct nlattr **tb, int max,
		     const struct nla_policy *policy, const char *what,
		     struct mvipc_error *e)
{
	if (nlh->nlmsg_type != type ||
	    nlmsg_parse(nlh, (int)hdrlen, tb, max, policy) < 0)
		return mvipc_fail(e, EPROTO, "malformed %s attributes", what);
	return 0;
}

int mvipc_parse_link(struct nlmsghdr *nlh, struct mvipc_link *l,
		     struct mvipc_error *e)
{
	struct nlattr *tb[IFLA_MAX + 1];
	const struct ifinfomsg *ifi = nlmsg_data(nlh);
	int err;

	memset(l, 0, sizeof(*l));
	err = mvipc_rtnl_parse(nlh, RTM_NEWLINK, sizeof(*ifi), tb, IFLA_MAX,
			       link_policy, "link", e);
	if (err)
		return err;
	l->ifindex = (uint32_t)ifi->ifi_index;
	l->flags = ifi->ifi_flags;
	l->type = ifi->ifi_type;
	err = mvipc_fill(tb, link_fields, ARRAY_SIZE(link_fields), l, NULL,
			 "link reply", e);
	if (err)
		return err;
	if (tb[IFLA_ADDRESS]) {
		l->address_len = (unsigned int)nla_len(tb[IFLA_ADDRESS]);
		memcpy(l->address, nla_data(tb[IFLA_ADDRESS]), l->address_len);
	}
	l->link_netns = tb[IFLA_LINK_NETNSID] != NULL;
	return tb[IFLA_LINKINFO] ? parse_linkinfo(tb[IFLA_LINKINFO], l, e) : 0;
}

/* --- the requests, sent ------------------------------------------------- */

/* mvipc_parse_fn */
static int parse_link(struct nlmsghdr *nlh, void *obj, struct mvipc_error *e)
{
	return mvipc_parse_link(nlh, obj, e);
}

int mvipc_link_get(struct mvipc *ipc, uint32_t ifindex, const char *name,
		   struct mvipc_link *l, struct mvipc_error *e)
{
	if (mvipc_need_route(ipc, e))
		return -e->err;
	if (!ifindex && !name)
		return mvipc_fail(e, EINVAL, "neither ifindex nor name");
	return mvipc_get_one(ipc, ipc->route, mvipc_msg_getlink(ifindex, name),
			     parse_link, l, e);
}

int mvipc_link_index(const char *name, uint32_t *ifindex,
		     struct mvipc_error *e)
{
	unsigned int i = if_nametoindex(name);

	if (!i)
		return mvipc_fail(e, errno, NULL);
	*ifindex = i;
	return mvipc_fail(e, 0, NULL);	/* e empty */
}

int mvipc_link_dump(struct mvipc *ipc, struct mvipc_link_list *l,
		    struct mvipc_error *e)
{
	if (mvipc_need_route(ipc, e))
		return -e->err;
	return mvipc_collect(ipc, ipc->route, mvipc_msg_linkdump(),
					 MVIPC_COLLECT(l, links, parse_link),
					 e);
}

int mvipc_name_links(struct mvipc *ipc, struct mvlan_dev *devs, size_t n,
		     struct mvipc_error *e)
{
	struct mvipc_link_list links = { 0 };
	size_t i, j;
	int err;

	mvipc_begin(ipc, e);
	if (!n)
		return 0;
	err = mvipc_link_dump(ipc, &links, e);
	for (i = 0; i < n && !err; i++) {
		struct mvlan_dev *d = &devs[i];

		snprintf(d->link_name, sizeof(d->link_name), "if%u", d->link);
		for (j = 0; j < links.n && !d->link_netns; j++)
			if (links.links[j].ifindex == d->link)
				memcpy(d->link_name, links.links[j].name,
				       sizeof(d->link_name));
	}
	ARRAY_FREE(links.links, links.n, links.cap);
	return err;
}

int mvipc_route_do(struct mvipc *ipc, struct nl_msg *msg,
		   struct mvipc_error *e)
{
	if (mvipc_need_route(ipc, e)) {
		nlmsg_free(msg);
		return -e->err;
	}
	return mvipc_send(ipc, ipc->route, msg, NULL, NULL, NULL, e);
}

int mvipc_link_add(struct mvipc *ipc, const struct mvipc_newlink *nl,
		   struct mvipc_error *e)
{
	return mvipc_route_do(ipc, mvipc_msg_newlink(nl), e);
}

int mvipc_link_del(struct mvipc *ipc, uint32_t ifindex, struct mvipc_error *e)
{
	return mvipc_route_do(ipc, mvipc_msg_dellink(ifindex), e);
}

int mvipc_link_del_name(struct mvipc *ipc, const char *name,
			struct mvipc_error *e)
{
	return mvipc_route_do(ipc, mvipc_msg_dellink_name(name), e);
}

int mvipc_link_set_up(struct mvipc *ipc, uint32_t ifindex, bool up,
		      struct mvipc_error *e)
{
	return mvipc_route_do(ipc, mvipc_msg_setlink(ifindex, IFF_UP,
						     up ? IFF_UP : 0, NULL),
			      e);
}

int mvipc_link_rename(struct mvipc *ipc, uint32_t ifindex, const char *name,
		      struct mvipc_error *e)
{
	return mvipc_route_do(ipc, mvipc_msg_setlink(ifindex, 0, 0, name), e);
}
