// SPDX-License-Identifier: GPL-2.0
/*
 * The "mvlan" generic netlink family: resolving it, building its requests,
 * and its devices (MVLAN_CMD_DEV_GET, MVLAN_CMD_DEV_SET).
 */
#include <errno.h>
#include <string.h>

#include <netlink/attr.h>
#include <netlink/genl/ctrl.h>
#include <netlink/genl/genl.h>

#include <linux/mvlan.h>

#include "ipc_priv.h"

/* --- the family ---------------------------------------------------------- */

int mvipc_family(struct mvipc *ipc, struct mvipc_error *e)
{
	int err;

	mvipc_begin(ipc, e);
	if (ipc->family)
		return 0;
	err = mvipc_need(ipc->genl, "generic netlink", e);
	if (err)
		return err;

	err = genl_ctrl_resolve(ipc->genl, MVLAN_GENL_NAME);
	if (err >= 0) {
		ipc->family = err;
		return 0;
	}
	if (err == -NLE_OBJ_NOTFOUND)
		return mvipc_fail(e, ENOENT, NULL);
	return mvipc_lib_fail(e, err);
}

/*
 * Every top-level attribute a reply or a notification may carry; how each
 * kind of message uses them is its parser's business.
 */
const struct nla_policy mvipc_genl_policy[MVLAN_A_MAX + 1] = {
	[MVLAN_A_IFINDEX]		= { .type = NLA_U32 },
	[MVLAN_A_IFNAME]		= { .type = NLA_STRING, .maxlen = IFNAMSIZ },
	[MVLAN_A_LINK]			= { .type = NLA_U32 },
	[MVLAN_A_MODE]			= { .type = NLA_U32 },
	[MVLAN_A_FLAGS]			= { .type = NLA_U32 },
	[MVLAN_A_ADDRESS]		= { .minlen = MAC_LEN, .maxlen = MAC_LEN },
	[MVLAN_A_LINK_NETNSID]		= { .type = NLA_S32 },
	[MVLAN_A_BC_QUEUE_LEN]		= { .type = NLA_U32 },
	[MVLAN_A_BC_QUEUE_LEN_USED]	= { .type = NLA_U32 },
	[MVLAN_A_BC_CUTOFF]		= { .type = NLA_S32 },
	[MVLAN_A_SOURCE_COUNT]		= { .type = NLA_U32 },
	[MVLAN_A_SOURCE_ADDED]		= { .type = NLA_U32 },
	[MVLAN_A_SOURCE_REMOVED]	= { .type = NLA_U32 },
	[MVLAN_A_STATS]			= { .type = NLA_NESTED },
	[MVLAN_A_PORT]			= { .type = NLA_NESTED },
	[MVLAN_A_KIND]			= { .type = NLA_STRING, .maxlen = IFNAMSIZ },
};

/* --- building requests --------------------------------------------------- */

/* nla_total_size() of an MVLAN_A_SOURCE { MVLAN_SOURCE_A_ADDR } */
#define SOURCE_SIZE	(NLA_HDRLEN + NLA_ALIGN(NLA_HDRLEN + MAC_LEN))

struct nl_msg *mvipc_msg_new(int family, uint8_t cmd, int flags, size_t n)
{
	struct nl_msg *msg;

	msg = nlmsg_alloc_size(MVIPC_MSG_BASE_SIZE + n * SOURCE_SIZE);
	if (!msg)
		return NULL;
	if (!genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, family, 0, flags, cmd,
			 MVLAN_GENL_VERSION)) {
		nlmsg_free(msg);
		return NULL;
	}
	return msg;
}

int mvipc_msg_put_dev(struct nl_msg *msg, uint32_t ifindex, const char *name)
{
	int err = 0;

	if (ifindex)
		err = nla_put_u32(msg, MVLAN_A_IFINDEX, ifindex);
	if (!err && name)
		err = nla_put_string(msg, MVLAN_A_IFNAME, name);
	return err;
}

int mvipc_msg_put_sources(struct nl_msg *msg, const uint8_t (*mac)[MAC_LEN],
			  size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		struct nlattr *nest = nla_nest_start(msg, MVLAN_A_SOURCE);

		if (!nest || nla_put(msg, MVLAN_SOURCE_A_ADDR, MAC_LEN, mac[i]))
			return -NLE_NOMEM;
		nla_nest_end(msg, nest);
	}
	return 0;
}

size_t mvipc_msg_chunks(size_t n)
{
	return n ? (n + MVIPC_MSG_SOURCES_MAX - 1) / MVIPC_MSG_SOURCES_MAX : 1;
}

uint32_t mvipc_msg_set_flags(size_t i, size_t chunks)
{
	uint32_t flags = 0;

	if (i > 0)
		flags |= MVLAN_SOURCE_SET_F_CONTINUE;
	if (i + 1 < chunks)
		flags |= MVLAN_SOURCE_SET_F_MORE;
	return flags;
}

struct nl_msg *mvipc_msg_dev(int family, uint8_t cmd, int flags,
			     uint32_t ifindex, const char *name)
{
	struct nl_msg *msg = mvipc_msg_new(family, cmd, flags, 0);

	return mvipc_msg_checked(msg, msg &&
				 mvipc_msg_put_dev(msg, ifindex, name));
}

struct nl_msg *mvipc_msg_dev_dump(int family, uint32_t link)
{
	struct nl_msg *msg = mvipc_msg_new(family, MVLAN_CMD_DEV_GET,
					   NLM_F_DUMP, 0);

	return mvipc_msg_checked(msg, msg && link &&
			    nla_put_u32(msg, MVLAN_A_LINK, link));
}

struct nl_msg *mvipc_msg_dev_set(int family, const struct mvlan_dev *d,
				 uint32_t mode, uint32_t flags)
{
	struct nl_msg *msg = mvipc_msg_dev(family, MVLAN_CMD_DEV_SET, 0,
					   d->ifindex, d->name);

	return mvipc_msg_checked(msg, msg &&
				 (nla_put_u32(msg, MVLAN_A_MODE, mode) ||
				  nla_put_u32(msg, MVLAN_A_FLAGS, flags)));
}

/* --- devices ------------------------------------------------------------- */

#define DEV_FIELD(attr, kind, member, req, has) \
	MVIPC_FIELD(struct mvlan_dev, attr, kind, member, req, has)

/* A reply must carry the first six; in this order, they are checked. */
static const struct mvipc_field dev_fields[] = {
	DEV_FIELD(MVLAN_A_IFINDEX, MVIPC_F_U32, ifindex, true, 0),
	DEV_FIELD(MVLAN_A_IFNAME, MVIPC_F_NAME, name, true, 0),
	DEV_FIELD(MVLAN_A_LINK, MVIPC_F_U32, link, true, 0),
	DEV_FIELD(MVLAN_A_MODE, MVIPC_F_U32, mode, true, 0),
	DEV_FIELD(MVLAN_A_FLAGS, MVIPC_F_U32, flags, true, 0),
	DEV_FIELD(MVLAN_A_ADDRESS, MVIPC_F_MAC, address, true, 0),
	DEV_FIELD(MVLAN_A_LINK_NETNSID, MVIPC_F_S32, link_netnsid, false, 0),
	DEV_FIELD(MVLAN_A_BC_QUEUE_LEN, MVIPC_F_U32, bc_queue_len, false,
		  DEV_HAS_BC_QUEUE_LEN),
	DEV_FIELD(MVLAN_A_BC_QUEUE_LEN_USED, MVIPC_F_U32, bc_queue_len_used,
		  false, DEV_HAS_BC_QUEUE_LEN_USED),
	DEV_FIELD(MVLAN_A_BC_CUTOFF, MVIPC_F_S32, bc_cutoff, false,
		  DEV_HAS_BC_CUTOFF),
	DEV_FIELD(MVLAN_A_SOURCE_COUNT, MVIPC_F_U32, source_count, false,
		  DEV_HAS_SOURCE_COUNT),
	DEV_FIELD(MVLAN_A_KIND, MVIPC_F_NAME, kind, false, DEV_HAS_KIND),
};

int mvipc_parse_dev(struct nlmsghdr *nlh, struct mvlan_dev *d,
		    struct mvipc_error *e)
{
	struct nlattr *tb[MVLAN_A_MAX + 1];

	memset(d, 0, sizeof(*d));
	if (genlmsg_parse(nlh, 0, tb, MVLAN_A_MAX,
			  mvipc_genl_policy) < 0)
		return mvipc_fail(e, EPROTO, "malformed device attributes");
	d->link_netns = tb[MVLAN_A_LINK_NETNSID] != NULL;
	return mvipc_fill(tb, dev_fields, ARRAY_SIZE(dev_fields), d,
			  &d->present, "reply", e);
}

/* mvipc_parse_fn */
static int parse_dev(struct nlmsghdr *nlh, void *obj, struct mvipc_error *e)
{
	return mvipc_parse_dev(nlh, obj, e);
}

int mvipc_dev_get(struct mvipc *ipc, const char *name, struct mvlan_dev *d,
		  struct mvipc_error *e)
{
	if (mvipc_family(ipc, e))
		return -e->err;
	return mvipc_get_one(ipc, ipc->genl,
					 mvipc_msg_dev(ipc->family,
						       MVLAN_CMD_DEV_GET, 0, 0,
						       name),
					 parse_dev, d, e);
}

int mvipc_dev_dump(struct mvipc *ipc, uint32_t link, struct dev_list *l,
		   struct mvipc_error *e)
{
	if (mvipc_family(ipc, e))
		return -e->err;
	return mvipc_collect(ipc, ipc->genl,
					 mvipc_msg_dev_dump(ipc->family, link),
					 MVIPC_COLLECT(l, devs, parse_dev), e);
}

int mvipc_dev_set_mode(struct mvipc *ipc, const struct mvlan_dev *d,
		       uint32_t mode, uint32_t flags, struct mvipc_error *e)
{
	if (mvipc_family(ipc, e))
		return -e->err;
	return mvipc_send(ipc, ipc->genl,
				      mvipc_msg_dev_set(ipc->family, d, mode,
							flags),
				      NULL, NULL, NULL, e);
}
