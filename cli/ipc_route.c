// SPDX-License-Identifier: GPL-2.0
/*
 * rtnetlink addresses and routes: what a CNI plugin sets on the device it
 * made, and the default route's device, the usual lower device.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include <linux/rtnetlink.h>
#include <netlink/attr.h>
#include <netlink/msg.h>

#include "ipc_priv.h"

size_t mvipc_addr_len(int family)
{
	return family == AF_INET ? 4 : family == AF_INET6 ? 16 : 0;
}

/* A request of type with a fixed header hdr of size bytes. */
static struct nl_msg *route_msg(int type, int nlflags, const void *hdr,
				size_t size)
{
	struct nl_msg *msg = nlmsg_alloc_simple(type, nlflags);

	return mvipc_msg_checked(msg, msg && nlmsg_append(msg, (void *)hdr,
							  size, NLMSG_ALIGNTO));
}

/* A reply attribute holding an address of len bytes into dst. */
static int get_addr(const struct nlattr *a, size_t len, uint8_t *dst,
		    const char *name, struct mvipc_error *e)
{
	if ((size_t)nla_len(a) != len)
		return mvipc_fail(e, EPROTO, "%s of %d bytes", name,
				  nla_len(a));
	memcpy(dst, nla_data(a), len);
	return 0;
}

/* --- addresses ----------------------------------------------------------- */

/* The broadcast address of an IPv4 prefix, as ip's "brd +". */
static void broadcast(const uint8_t addr[4], uint8_t prefixlen, uint8_t brd[4])
{
	uint32_t a, mask = prefixlen ? ~UINT32_C(0) << (32 - prefixlen) : 0;

	memcpy(&a, addr, 4);
	a = htonl(ntohl(a) | ~mask);
	memcpy(brd, &a, 4);
}

struct nl_msg *mvipc_msg_newaddr(const struct mvipc_addr *a)
{
	struct ifaddrmsg ifa = {
		.ifa_family = (uint8_t)a->family,
		.ifa_prefixlen = a->prefixlen,
		.ifa_flags = (uint8_t)a->flags,
		.ifa_scope = a->scope,
		.ifa_index = a->ifindex,
	};
	int len = (int)mvipc_addr_len(a->family);
	struct nl_msg *msg;
	uint8_t brd[4];

	msg = route_msg(RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL | NLM_F_ACK,
			&ifa, sizeof(ifa));
	if (msg && a->family == AF_INET)
		broadcast(a->addr, a->prefixlen, brd);
	return mvipc_msg_checked(msg, msg &&
		(nla_put(msg, IFA_LOCAL, len, a->addr) ||
		 nla_put(msg, IFA_ADDRESS, len, a->addr) ||
		 (a->family == AF_INET && a->prefixlen < 31 &&
		  nla_put(msg, IFA_BROADCAST, 4, brd)) ||
		 (a->flags && nla_put_u32(msg, IFA_FLAGS, a->flags))));
}

struct nl_msg *mvipc_msg_addrdump(int family)
{
	struct ifaddrmsg ifa = { .ifa_family = (uint8_t)family };

	return route_msg(RTM_GETADDR, NLM_F_DUMP, &ifa, sizeof(ifa));
}

static const struct nla_policy addr_policy[IFA_MAX + 1] = {
	[IFA_ADDRESS]	= { .minlen = 4, .maxlen = 16 },
	[IFA_LOCAL]	= { .minlen = 4, .maxlen = 16 },
	[IFA_FLAGS]	= { .type = NLA_U32 },
};

int mvipc_parse_addr(struct nlmsghdr *nlh, struct mvipc_addr *a,
		     struct mvipc_error *e)
{
	const struct ifaddrmsg *ifa = nlmsg_data(nlh);
	struct nlattr *tb[IFA_MAX + 1], *addr;
	size_t len;

	memset(a, 0, sizeof(*a));
	if (mvipc_rtnl_parse(nlh, RTM_NEWADDR, sizeof(*ifa), tb, IFA_MAX,
			     addr_policy, "address", e))
		return -EPROTO;
	len = mvipc_addr_len(ifa->ifa_family);
	if (!len)
		return 1;	/* neither IPv4 nor IPv6 */
	a->family = ifa->ifa_family;
	a->prefixlen = ifa->ifa_prefixlen;
	a->scope = ifa->ifa_scope;
	a->flags = tb[IFA_FLAGS] ? nla_get_u32(tb[IFA_FLAGS]) : ifa->ifa_flags;
	a->ifindex = ifa->ifa_index;
	/* IPv4 has the device's own address in IFA_LOCAL, IPv6 only one */
	addr = tb[IFA_LOCAL] ? tb[IFA_LOCAL] : tb[IFA_ADDRESS];
	if (!addr)
		return mvipc_fail(e, EPROTO, "address reply lacks IFA_ADDRESS");
	return get_addr(addr, len, a->addr, "address", e);
}

int mvipc_addr_add(struct mvipc *ipc, const struct mvipc_addr *a,
		   struct mvipc_error *e)
{
	if (!mvipc_addr_len(a->family))
		return mvipc_fail(e, EAFNOSUPPORT, "address family %d",
				  a->family);
	return mvipc_route_do(ipc, mvipc_msg_newaddr(a), e);
}

/* mvipc_parse_fn */
static int parse_addr(struct nlmsghdr *nlh, void *obj, struct mvipc_error *e)
{
	return mvipc_parse_addr(nlh, obj, e);
}

int mvipc_addr_dump(struct mvipc *ipc, int family, uint32_t ifindex,
		    struct mvipc_addr_list *l, struct mvipc_error *e)
{
	size_t i, kept = l->n;
	int err = mvipc_need_route(ipc, e);

	if (!err)
		err = mvipc_collect(ipc, ipc->route, mvipc_msg_addrdump(family),
				    MVIPC_COLLECT(l, addrs, parse_addr), e);
	/* the kernel lists every device's: keep those of ifindex */
	for (i = kept; i < l->n && !err; i++)
		if (!ifindex || l->addrs[i].ifindex == ifindex)
			l->addrs[kept++] = l->addrs[i];
	if (!err)
		l->n = kept;
	return err;
}

/* --- routes -------------------------------------------------------------- */

/* RTA_METRICS { RTAX_MTU, RTAX_ADVMSS }, those not 0; none if both are. */
static int put_metrics(struct nl_msg *msg, const struct mvipc_route *r)
{
	struct nlattr *mx;

	if (!r->mtu && !r->advmss)
		return 0;
	mx = nla_nest_start(msg, RTA_METRICS);
	if (!mx || (r->mtu && nla_put_u32(msg, RTAX_MTU, r->mtu)) ||
	    (r->advmss && nla_put_u32(msg, RTAX_ADVMSS, r->advmss)))
		return -NLE_NOMEM;
	nla_nest_end(msg, mx);
	return 0;
}

struct nl_msg *mvipc_msg_newroute(const struct mvipc_route *r)
{
	uint32_t table = r->table ? r->table : RT_TABLE_MAIN;
	struct rtmsg rtm = {
		.rtm_family = (uint8_t)r->family,
		.rtm_dst_len = r->dst_len,
		.rtm_table = table < 256 ? (uint8_t)table : RT_TABLE_UNSPEC,
		.rtm_protocol = r->protocol ? r->protocol : RTPROT_BOOT,
		.rtm_scope = r->has_scope ? r->scope :
			     r->has_gateway ? RT_SCOPE_UNIVERSE : RT_SCOPE_LINK,
		.rtm_type = r->type ? r->type : RTN_UNICAST,
	};
	int len = (int)mvipc_addr_len(r->family);
	struct nl_msg *msg;

	msg = route_msg(RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL | NLM_F_ACK,
			&rtm, sizeof(rtm));
	return mvipc_msg_checked(msg, msg &&
		((table >= 256 && nla_put_u32(msg, RTA_TABLE, table)) ||
		 (r->dst_len && nla_put(msg, RTA_DST, len, r->dst)) ||
		 (r->has_gateway &&
		  nla_put(msg, RTA_GATEWAY, len, r->gateway)) ||
		 (r->oif && nla_put_u32(msg, RTA_OIF, r->oif)) ||
		 (r->priority && nla_put_u32(msg, RTA_PRIORITY, r->priority)) ||
		 put_metrics(msg, r)));
}

struct nl_msg *mvipc_msg_routedump(int family)
{
	struct rtmsg rtm = { .rtm_family = (uint8_t)family };

	return route_msg(RTM_GETROUTE, NLM_F_DUMP, &rtm, sizeof(rtm));
}

static const struct nla_policy route_policy[RTA_MAX + 1] = {
	[RTA_DST]	= { .minlen = 4, .maxlen = 16 },
	[RTA_GATEWAY]	= { .minlen = 4, .maxlen = 16 },
	[RTA_OIF]	= { .type = NLA_U32 },
	[RTA_PRIORITY]	= { .type = NLA_U32 },
	[RTA_TABLE]	= { .type = NLA_U32 },
	[RTA_MULTIPATH]	= { .minlen = sizeof(struct rtnexthop) },
};

/* The first next hop of RTA_MULTIPATH, for what the route itself lacks. */
static int parse_multipath(const struct nlattr *mp, size_t len,
			   struct mvipc_route *r, struct mvipc_error *e)
{
	const struct rtnexthop *nh = nla_data(mp);
	struct nlattr *gw;

	if (nh->rtnh_len < sizeof(*nh) || nh->rtnh_len > nla_len(mp))
		return mvipc_fail(e, EPROTO, "malformed RTA_MULTIPATH");
	if (!r->oif)
		r->oif = (uint32_t)nh->rtnh_ifindex;
	gw = nla_find((const struct nlattr *)RTNH_DATA(nh),
		      nh->rtnh_len - (int)sizeof(*nh), RTA_GATEWAY);
	if (!gw || r->has_gateway)
		return 0;
	r->has_gateway = true;
	return get_addr(gw, len, r->gateway, "gateway", e);
}

int mvipc_parse_route(struct nlmsghdr *nlh, struct mvipc_route *r,
		      struct mvipc_error *e)
{
	const struct rtmsg *rtm = nlmsg_data(nlh);
	struct nlattr *tb[RTA_MAX + 1];
	size_t len;
	int err = 0;

	memset(r, 0, sizeof(*r));
	if (mvipc_rtnl_parse(nlh, RTM_NEWROUTE, sizeof(*rtm), tb, RTA_MAX,
			     route_policy, "route", e))
		return -EPROTO;
	len = mvipc_addr_len(rtm->rtm_family);
	if (!len || (rtm->rtm_flags & RTM_F_CLONED))
		return 1;	/* neither IPv4 nor IPv6, or a cached clone */
	r->family = rtm->rtm_family;
	r->dst_len = rtm->rtm_dst_len;
	r->table = tb[RTA_TABLE] ? nla_get_u32(tb[RTA_TABLE]) : rtm->rtm_table;
	r->type = rtm->rtm_type;
	r->scope = rtm->rtm_scope;
	r->protocol = rtm->rtm_protocol;
	if (tb[RTA_OIF])
		r->oif = nla_get_u32(tb[RTA_OIF]);
	if (tb[RTA_PRIORITY])
		r->priority = nla_get_u32(tb[RTA_PRIORITY]);
	if (tb[RTA_DST])
		err = get_addr(tb[RTA_DST], len, r->dst, "destination", e);
	if (!err && tb[RTA_GATEWAY]) {
		r->has_gateway = true;
		err = get_addr(tb[RTA_GATEWAY], len, r->gateway, "gateway", e);
	}
	if (!err && tb[RTA_MULTIPATH])
		err = parse_multipath(tb[RTA_MULTIPATH], len, r, e);
	return err;
}

int mvipc_route_add(struct mvipc *ipc, const struct mvipc_route *r,
		    struct mvipc_error *e)
{
	if (!mvipc_addr_len(r->family))
		return mvipc_fail(e, EAFNOSUPPORT, "address family %d",
				  r->family);
	return mvipc_route_do(ipc, mvipc_msg_newroute(r), e);
}

/* mvipc_parse_fn */
static int parse_route(struct nlmsghdr *nlh, void *obj, struct mvipc_error *e)
{
	return mvipc_parse_route(nlh, obj, e);
}

int mvipc_route_dump(struct mvipc *ipc, int family,
		     struct mvipc_route_list *l, struct mvipc_error *e)
{
	if (mvipc_need_route(ipc, e))
		return -e->err;
	return mvipc_collect(ipc, ipc->route, mvipc_msg_routedump(family),
					 MVIPC_COLLECT(l, routes, parse_route),
					 e);
}

const struct mvipc_route *mvipc_pick_default(const struct mvipc_route *r,
					     size_t n, int family)
{
	const struct mvipc_route *best = NULL;
	size_t i;

	for (i = 0; i < n; i++) {
		if (r[i].family != family || r[i].table != RT_TABLE_MAIN ||
		    r[i].dst_len || r[i].type != RTN_UNICAST || !r[i].oif)
			continue;
		if (!best || r[i].priority < best->priority)
			best = &r[i];
	}
	return best;
}

int mvipc_default_route(struct mvipc *ipc, int family, uint32_t *ifindex,
			struct mvipc_error *e)
{
	struct mvipc_route_list l = { 0 };
	const struct mvipc_route *best;
	int err;

	err = mvipc_route_dump(ipc, family, &l, e);
	if (!err) {
		best = mvipc_pick_default(l.routes, l.n, family);
		if (best)
			*ifindex = best->oif;
		else
			err = mvipc_fail(e, ENOENT, "no default route");
	}
	ARRAY_FREE(l.routes, l.n, l.cap);
	return err;
}
