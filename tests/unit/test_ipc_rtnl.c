// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the ipc layer's rtnetlink requests (cli/ipc_link.c,
 * ipc_route.c): links, addresses and routes as the CNI plugin and mvctl
 * ask for them, taken apart again with libnl; and replies shaped as the
 * kernel's, through the parsers; and the choice of the default route.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <string.h>

#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <netlink/attr.h>
#include <netlink/msg.h>

#include <linux/mvlan.h>

#include "ipc_priv.h"
#include "nlattrs.h"
#include "unit.h"

/* The header after the netlink one, and the attributes after that. */
static void *hdr_of(struct nl_msg *msg)
{
	return nlmsg_data(nlmsg_hdr(msg));
}

static bool str_attr(const struct nlattr *a, const char *want)
{
	return a && !strcmp(nla_get_string(a), want);
}

/* --- links --------------------------------------------------------------- */

static void test_getlink(void)
{
	struct nl_msg *msg = mvipc_msg_getlink(0, "eth0");
	const struct ifinfomsg *ifi = hdr_of(msg);
	struct nlattr **tb;

	CHECK(nlmsg_hdr(msg)->nlmsg_type == RTM_GETLINK);
	CHECK(nlmsg_hdr(msg)->nlmsg_flags & NLM_F_ACK);
	CHECK(ifi->ifi_index == 0);
	tb = attrs(msg, sizeof(*ifi), IFLA_MAX);
	CHECK(str_attr(tb[IFLA_IFNAME], "eth0"));
	nlmsg_free(msg);

	/* by ifindex, the name left out */
	msg = mvipc_msg_getlink(9, "eth0");
	ifi = hdr_of(msg);
	CHECK(ifi->ifi_index == 9);
	CHECK(!attrs(msg, sizeof(*ifi), IFLA_MAX)[IFLA_IFNAME]);
	nlmsg_free(msg);

	msg = mvipc_msg_linkdump();
	CHECK(nlmsg_hdr(msg)->nlmsg_flags & NLM_F_DUMP);
	nlmsg_free(msg);
}

static void test_newlink(void)
{
	struct mvipc_newlink nl = {
		.name = "tmp1234", .link = 2, .mode = MVLAN_MODE_BRIDGE,
		.flags = MVLAN_F_NODST,
		.given = MVIPC_NEW_ADDRESS | MVIPC_NEW_MTU |
			 MVIPC_NEW_BC_QUEUE_LEN | MVIPC_NEW_BC_CUTOFF |
			 MVIPC_NEW_NETNS_FD,
		.address = { 0x02, 0, 0, 0, 0, 1 }, .mtu = 1400,
		.bc_queue_len = 100, .bc_cutoff = -1, .netns_fd = 5,
	};
	struct nlattr *info[IFLA_INFO_MAX + 1], *data[IFLA_MVLAN_MAX + 1];
	struct nl_msg *msg = mvipc_msg_newlink(&nl);
	struct nlattr **tb;

	CHECK(nlmsg_hdr(msg)->nlmsg_type == RTM_NEWLINK);
	CHECK((nlmsg_hdr(msg)->nlmsg_flags &
	       (NLM_F_CREATE | NLM_F_EXCL | NLM_F_ACK)) ==
	      (NLM_F_CREATE | NLM_F_EXCL | NLM_F_ACK));
	tb = attrs(msg, sizeof(struct ifinfomsg), IFLA_MAX);
	CHECK(str_attr(tb[IFLA_IFNAME], "tmp1234"));
	CHECK(tb[IFLA_LINK] && nla_get_u32(tb[IFLA_LINK]) == 2);
	CHECK(tb[IFLA_ADDRESS] && nla_len(tb[IFLA_ADDRESS]) == MAC_LEN &&
	      !memcmp(nla_data(tb[IFLA_ADDRESS]), nl.address, MAC_LEN));
	CHECK(tb[IFLA_MTU] && nla_get_u32(tb[IFLA_MTU]) == 1400);
	CHECK(tb[IFLA_NET_NS_FD] && nla_get_u32(tb[IFLA_NET_NS_FD]) == 5);
	CHECK(tb[IFLA_LINKINFO] &&
	      !nla_parse_nested(info, IFLA_INFO_MAX, tb[IFLA_LINKINFO], NULL));
	CHECK(str_attr(info[IFLA_INFO_KIND], MVLAN_LINK_KIND));
	CHECK(info[IFLA_INFO_DATA] &&
	      !nla_parse_nested(data, IFLA_MVLAN_MAX, info[IFLA_INFO_DATA],
				NULL));
	CHECK(data[IFLA_MVLAN_MODE] &&
	      nla_get_u32(data[IFLA_MVLAN_MODE]) == MVLAN_MODE_BRIDGE);
	CHECK(data[IFLA_MVLAN_FLAGS] &&
	      nla_get_u32(data[IFLA_MVLAN_FLAGS]) == MVLAN_F_NODST);
	CHECK(data[IFLA_MVLAN_BC_QUEUE_LEN] &&
	      nla_get_u32(data[IFLA_MVLAN_BC_QUEUE_LEN]) == 100);
	CHECK(data[IFLA_MVLAN_BC_CUTOFF] &&
	      nla_get_s32(data[IFLA_MVLAN_BC_CUTOFF]) == -1);
	nlmsg_free(msg);

	/* only what is given: mode and flags always, in the final mode */
	nl.given = 0;
	msg = mvipc_msg_newlink(&nl);
	tb = attrs(msg, sizeof(struct ifinfomsg), IFLA_MAX);
	CHECK(!tb[IFLA_ADDRESS] && !tb[IFLA_MTU] && !tb[IFLA_NET_NS_FD]);
	CHECK(!nla_parse_nested(info, IFLA_INFO_MAX, tb[IFLA_LINKINFO], NULL));
	CHECK(!nla_parse_nested(data, IFLA_MVLAN_MAX, info[IFLA_INFO_DATA],
				NULL));
	CHECK(data[IFLA_MVLAN_MODE] && data[IFLA_MVLAN_FLAGS]);
	CHECK(!data[IFLA_MVLAN_BC_QUEUE_LEN] && !data[IFLA_MVLAN_BC_CUTOFF]);
	nlmsg_free(msg);

	/* an mvtap device: the same request of another kind */
	nl.kind = MVTAP_LINK_KIND;
	msg = mvipc_msg_newlink(&nl);
	tb = attrs(msg, sizeof(struct ifinfomsg), IFLA_MAX);
	CHECK(!nla_parse_nested(info, IFLA_INFO_MAX, tb[IFLA_LINKINFO], NULL));
	CHECK(str_attr(info[IFLA_INFO_KIND], MVTAP_LINK_KIND));
	CHECK(!nla_parse_nested(data, IFLA_MVLAN_MAX, info[IFLA_INFO_DATA],
				NULL));
	CHECK(data[IFLA_MVLAN_MODE] &&
	      nla_get_u32(data[IFLA_MVLAN_MODE]) == MVLAN_MODE_BRIDGE);
	nlmsg_free(msg);
}

static void test_setlink(void)
{
	struct nl_msg *msg = mvipc_msg_setlink(7, IFF_UP, IFF_UP, NULL);
	const struct ifinfomsg *ifi = hdr_of(msg);

	CHECK(nlmsg_hdr(msg)->nlmsg_type == RTM_NEWLINK);
	CHECK(!(nlmsg_hdr(msg)->nlmsg_flags & NLM_F_CREATE));
	CHECK(ifi->ifi_index == 7 && ifi->ifi_change == IFF_UP &&
	      ifi->ifi_flags == IFF_UP);
	CHECK(!attrs(msg, sizeof(*ifi), IFLA_MAX)[IFLA_IFNAME]);
	nlmsg_free(msg);

	msg = mvipc_msg_setlink(7, IFF_UP, 0, NULL);
	ifi = hdr_of(msg);
	CHECK(ifi->ifi_change == IFF_UP && ifi->ifi_flags == 0);
	nlmsg_free(msg);

	/* a rename changes no flag */
	msg = mvipc_msg_setlink(7, 0, 0, "eth1");
	ifi = hdr_of(msg);
	CHECK(ifi->ifi_index == 7 && ifi->ifi_change == 0);
	CHECK(str_attr(attrs(msg, sizeof(*ifi), IFLA_MAX)[IFLA_IFNAME], "eth1"));
	nlmsg_free(msg);

	msg = mvipc_msg_dellink(7);
	ifi = hdr_of(msg);
	CHECK(nlmsg_hdr(msg)->nlmsg_type == RTM_DELLINK);
	CHECK(ifi->ifi_index == 7);
	nlmsg_free(msg);
}

/* An RTM_NEWLINK as the kernel sends it for a device of kind. */
static struct nl_msg *link_reply(const char *name, const char *kind)
{
	struct ifinfomsg ifi = {
		.ifi_family = AF_UNSPEC, .ifi_type = 1, .ifi_index = 8,
		.ifi_flags = IFF_UP | IFF_BROADCAST,
	};
	static const uint8_t mac[MAC_LEN] = { 0x02, 0xaa, 0, 0, 0, 1 };
	struct nl_msg *msg = nlmsg_alloc_simple(RTM_NEWLINK, 0);
	struct nlattr *info, *data;

	nlmsg_append(msg, &ifi, sizeof(ifi), NLMSG_ALIGNTO);
	if (name)
		nla_put_string(msg, IFLA_IFNAME, name);
	nla_put_u32(msg, IFLA_MTU, 1500);
	nla_put(msg, IFLA_ADDRESS, MAC_LEN, mac);
	nla_put_u32(msg, IFLA_LINK, 2);
	if (!kind)
		return msg;
	info = nla_nest_start(msg, IFLA_LINKINFO);
	nla_put_string(msg, IFLA_INFO_KIND, kind);
	data = nla_nest_start(msg, IFLA_INFO_DATA);
	nla_put_u32(msg, IFLA_MVLAN_MODE, MVLAN_MODE_PASSTHRU);
	nla_put_u32(msg, IFLA_MVLAN_FLAGS, MVLAN_F_NOPROMISC);
	nla_nest_end(msg, data);
	nla_nest_end(msg, info);
	return msg;
}

static void test_parse_link(void)
{
	struct nl_msg *msg = link_reply("mv0", MVLAN_LINK_KIND);
	struct mvipc_error e;
	struct mvipc_link l;

	CHECK(mvipc_parse_link(nlmsg_hdr(msg), &l, &e) == 0);
	CHECK(l.ifindex == 8 && l.type == 1);
	CHECK(l.flags == (IFF_UP | IFF_BROADCAST));
	CHECK_STR(l.name, "mv0");
	CHECK(l.mtu == 1500 && l.link == 2 && !l.link_netns);
	CHECK(l.address_len == MAC_LEN && l.address[1] == 0xaa);
	CHECK_STR(l.kind, "mvlan");
	CHECK(l.has_mvlan && l.mvlan_mode == MVLAN_MODE_PASSTHRU &&
	      l.mvlan_flags == MVLAN_F_NOPROMISC);
	nlmsg_free(msg);

	/* another kind's data is not read as mvlan's */
	msg = link_reply("mv0", "macvlan");
	CHECK(mvipc_parse_link(nlmsg_hdr(msg), &l, &e) == 0);
	CHECK_STR(l.kind, "macvlan");
	CHECK(!l.has_mvlan);
	nlmsg_free(msg);

	/* lo: no kind at all */
	msg = link_reply("lo", NULL);
	CHECK(mvipc_parse_link(nlmsg_hdr(msg), &l, &e) == 0);
	CHECK_STR(l.kind, "");
	nlmsg_free(msg);

	msg = link_reply(NULL, NULL);
	CHECK(mvipc_parse_link(nlmsg_hdr(msg), &l, &e) == -EPROTO);
	CHECK_STR(mvipc_strerror(&e),
		  "Protocol error: link reply lacks IFLA_IFNAME");
	nlmsg_free(msg);

	/* an RTM_NEWADDR is no link; a message shorter than its header */
	msg = nlmsg_alloc_simple(RTM_NEWADDR, 0);
	CHECK(mvipc_parse_link(nlmsg_hdr(msg), &l, &e) == -EPROTO);
	nlmsg_free(msg);
	msg = nlmsg_alloc_simple(RTM_NEWLINK, 0);
	nlmsg_reserve(msg, 4, NLMSG_ALIGNTO);
	CHECK(mvipc_parse_link(nlmsg_hdr(msg), &l, &e) == -EPROTO);
	CHECK_STR(mvipc_strerror(&e),
		  "Protocol error: malformed link attributes");
	nlmsg_free(msg);
}

/* --- addresses ----------------------------------------------------------- */

static void test_newaddr(void)
{
	struct mvipc_addr a = {
		.family = AF_INET, .ifindex = 8, .prefixlen = 24,
		.addr = { 10, 1, 2, 3 },
	};
	static const uint8_t brd[4] = { 10, 1, 2, 255 };
	struct nl_msg *msg = mvipc_msg_newaddr(&a);
	const struct ifaddrmsg *ifa = hdr_of(msg);
	struct nlattr **tb;

	CHECK(nlmsg_hdr(msg)->nlmsg_type == RTM_NEWADDR);
	CHECK(nlmsg_hdr(msg)->nlmsg_flags & NLM_F_EXCL);
	CHECK(ifa->ifa_family == AF_INET && ifa->ifa_index == 8 &&
	      ifa->ifa_prefixlen == 24 && ifa->ifa_scope == 0);
	tb = attrs(msg, sizeof(*ifa), IFA_MAX);
	CHECK(tb[IFA_LOCAL] && nla_len(tb[IFA_LOCAL]) == 4 &&
	      !memcmp(nla_data(tb[IFA_LOCAL]), a.addr, 4));
	CHECK(tb[IFA_ADDRESS] && !memcmp(nla_data(tb[IFA_ADDRESS]), a.addr, 4));
	CHECK(tb[IFA_BROADCAST] && !memcmp(nla_data(tb[IFA_BROADCAST]), brd, 4));
	CHECK(!tb[IFA_FLAGS]);
	nlmsg_free(msg);

	/* a /31 and a /32 have no broadcast address */
	a.prefixlen = 31;
	msg = mvipc_msg_newaddr(&a);
	CHECK(!attrs(msg, sizeof(*ifa), IFA_MAX)[IFA_BROADCAST]);
	nlmsg_free(msg);

	a.family = AF_INET6;
	a.prefixlen = 64;
	a.flags = IFA_F_NODAD;
	inet_pton(AF_INET6, "2001:db8::5", a.addr);
	msg = mvipc_msg_newaddr(&a);
	ifa = hdr_of(msg);
	CHECK(ifa->ifa_family == AF_INET6 && ifa->ifa_flags == IFA_F_NODAD);
	tb = attrs(msg, sizeof(*ifa), IFA_MAX);
	CHECK(tb[IFA_LOCAL] && nla_len(tb[IFA_LOCAL]) == 16);
	CHECK(!tb[IFA_BROADCAST]);
	CHECK(tb[IFA_FLAGS] && nla_get_u32(tb[IFA_FLAGS]) == IFA_F_NODAD);
	nlmsg_free(msg);

	msg = mvipc_msg_addrdump(AF_INET6);
	CHECK(nlmsg_hdr(msg)->nlmsg_flags & NLM_F_DUMP);
	CHECK(((struct ifaddrmsg *)hdr_of(msg))->ifa_family == AF_INET6);
	nlmsg_free(msg);
}

static struct nl_msg *addr_reply(int family, const char *text, int attr,
				 int len)
{
	struct ifaddrmsg ifa = {
		.ifa_family = (uint8_t)family, .ifa_prefixlen = 24,
		.ifa_scope = RT_SCOPE_UNIVERSE, .ifa_index = 8,
		.ifa_flags = IFA_F_PERMANENT,
	};
	struct nl_msg *msg = nlmsg_alloc_simple(RTM_NEWADDR, NLM_F_MULTI);
	uint8_t addr[16] = { 0 };

	inet_pton(family, text, addr);
	nlmsg_append(msg, &ifa, sizeof(ifa), NLMSG_ALIGNTO);
	nla_put(msg, attr, len, addr);
	return msg;
}

static void test_parse_addr(void)
{
	struct nl_msg *msg = addr_reply(AF_INET, "10.1.2.3", IFA_LOCAL, 4);
	static const uint8_t want[4] = { 10, 1, 2, 3 };
	struct mvipc_error e;
	struct mvipc_addr a;

	CHECK(mvipc_parse_addr(nlmsg_hdr(msg), &a, &e) == 0);
	CHECK(a.family == AF_INET && a.ifindex == 8 && a.prefixlen == 24);
	CHECK(a.flags == IFA_F_PERMANENT && !memcmp(a.addr, want, 4));
	/* IFA_FLAGS, when there, has all of them */
	nla_put_u32(msg, IFA_FLAGS, IFA_F_PERMANENT | IFA_F_NOPREFIXROUTE);
	CHECK(mvipc_parse_addr(nlmsg_hdr(msg), &a, &e) == 0);
	CHECK(a.flags == (IFA_F_PERMANENT | IFA_F_NOPREFIXROUTE));
	nlmsg_free(msg);

	msg = addr_reply(AF_INET6, "2001:db8::5", IFA_ADDRESS, 16);
	CHECK(mvipc_parse_addr(nlmsg_hdr(msg), &a, &e) == 0);
	CHECK(a.family == AF_INET6 && a.addr[15] == 5 && a.addr[0] == 0x20);
	nlmsg_free(msg);

	/* an IPv6 address of 4 bytes */
	msg = addr_reply(AF_INET6, "2001:db8::5", IFA_ADDRESS, 4);
	CHECK(mvipc_parse_addr(nlmsg_hdr(msg), &a, &e) == -EPROTO);
	CHECK_STR(mvipc_strerror(&e), "Protocol error: address of 4 bytes");
	nlmsg_free(msg);

	msg = addr_reply(AF_INET, "10.1.2.3", IFA_LABEL, 4);
	CHECK(mvipc_parse_addr(nlmsg_hdr(msg), &a, &e) == -EPROTO);
	CHECK_STR(mvipc_strerror(&e),
		  "Protocol error: address reply lacks IFA_ADDRESS");
	nlmsg_free(msg);

	/* another family's: not for the list */
	msg = addr_reply(AF_PACKET, "", IFA_ADDRESS, 4);
	CHECK(mvipc_parse_addr(nlmsg_hdr(msg), &a, &e) == 1);
	nlmsg_free(msg);
}

/* --- routes -------------------------------------------------------------- */

static void test_newroute(void)
{
	struct mvipc_route r = {
		.family = AF_INET, .has_gateway = true,
		.gateway = { 10, 1, 2, 1 }, .oif = 8,
	};
	struct nl_msg *msg = mvipc_msg_newroute(&r);
	const struct rtmsg *rtm = hdr_of(msg);
	struct nlattr **tb;

	CHECK(nlmsg_hdr(msg)->nlmsg_type == RTM_NEWROUTE);
	CHECK(nlmsg_hdr(msg)->nlmsg_flags & NLM_F_EXCL);
	CHECK(rtm->rtm_family == AF_INET && rtm->rtm_dst_len == 0);
	CHECK(rtm->rtm_table == RT_TABLE_MAIN && rtm->rtm_type == RTN_UNICAST);
	CHECK(rtm->rtm_protocol == RTPROT_BOOT);
	CHECK(rtm->rtm_scope == RT_SCOPE_UNIVERSE);
	tb = attrs(msg, sizeof(*rtm), RTA_MAX);
	CHECK(!tb[RTA_DST] && !tb[RTA_TABLE] && !tb[RTA_PRIORITY]);
	CHECK(tb[RTA_GATEWAY] && nla_len(tb[RTA_GATEWAY]) == 4 &&
	      !memcmp(nla_data(tb[RTA_GATEWAY]), r.gateway, 4));
	CHECK(tb[RTA_OIF] && nla_get_u32(tb[RTA_OIF]) == 8);
	nlmsg_free(msg);

	/* a link route in a table of its own, with a metric */
	memset(&r, 0, sizeof(r));
	r.family = AF_INET6;
	r.dst_len = 64;
	inet_pton(AF_INET6, "2001:db8::", r.dst);
	r.oif = 8;
	r.table = 1000;
	r.priority = 100;
	msg = mvipc_msg_newroute(&r);
	rtm = hdr_of(msg);
	CHECK(rtm->rtm_table == RT_TABLE_UNSPEC && rtm->rtm_dst_len == 64);
	CHECK(rtm->rtm_scope == RT_SCOPE_LINK);
	tb = attrs(msg, sizeof(*rtm), RTA_MAX);
	CHECK(tb[RTA_TABLE] && nla_get_u32(tb[RTA_TABLE]) == 1000);
	CHECK(tb[RTA_DST] && nla_len(tb[RTA_DST]) == 16);
	CHECK(tb[RTA_PRIORITY] && nla_get_u32(tb[RTA_PRIORITY]) == 100);
	CHECK(!tb[RTA_GATEWAY]);
	nlmsg_free(msg);

	msg = mvipc_msg_routedump(AF_INET);
	CHECK(nlmsg_hdr(msg)->nlmsg_flags & NLM_F_DUMP);
	nlmsg_free(msg);
}

static struct nl_msg *route_reply(uint8_t dst_len, uint8_t table,
				  unsigned int flags)
{
	struct rtmsg rtm = {
		.rtm_family = AF_INET, .rtm_dst_len = dst_len,
		.rtm_table = table, .rtm_protocol = RTPROT_DHCP,
		.rtm_scope = RT_SCOPE_UNIVERSE, .rtm_type = RTN_UNICAST,
		.rtm_flags = flags,
	};
	static const uint8_t gw[4] = { 10, 1, 2, 1 };
	struct nl_msg *msg = nlmsg_alloc_simple(RTM_NEWROUTE, NLM_F_MULTI);

	nlmsg_append(msg, &rtm, sizeof(rtm), NLMSG_ALIGNTO);
	nla_put_u32(msg, RTA_TABLE, table);
	nla_put(msg, RTA_GATEWAY, 4, gw);
	nla_put_u32(msg, RTA_PRIORITY, 600);
	return msg;
}

static void test_parse_route(void)
{
	struct nl_msg *msg = route_reply(0, RT_TABLE_MAIN, 0);
	struct mvipc_error e;
	struct mvipc_route r;
	struct rtnexthop *nh;
	struct nlattr *mp;

	nla_put_u32(msg, RTA_OIF, 8);
	CHECK(mvipc_parse_route(nlmsg_hdr(msg), &r, &e) == 0);
	CHECK(r.family == AF_INET && r.dst_len == 0 && r.oif == 8);
	CHECK(r.table == RT_TABLE_MAIN && r.type == RTN_UNICAST);
	CHECK(r.priority == 600 && r.protocol == RTPROT_DHCP);
	CHECK(r.has_gateway && r.gateway[3] == 1);
	nlmsg_free(msg);

	/* multipath: the first hop's device */
	msg = route_reply(0, RT_TABLE_MAIN, 0);
	mp = nla_reserve(msg, RTA_MULTIPATH, 2 * sizeof(*nh));
	nh = nla_data(mp);
	memset(nh, 0, 2 * sizeof(*nh));
	nh[0].rtnh_len = sizeof(*nh);
	nh[0].rtnh_ifindex = 11;
	nh[1].rtnh_len = sizeof(*nh);
	nh[1].rtnh_ifindex = 12;
	CHECK(mvipc_parse_route(nlmsg_hdr(msg), &r, &e) == 0);
	CHECK(r.oif == 11);
	nh[0].rtnh_len = 200;	/* longer than the attribute */
	CHECK(mvipc_parse_route(nlmsg_hdr(msg), &r, &e) == -EPROTO);
	CHECK_STR(mvipc_strerror(&e), "Protocol error: malformed RTA_MULTIPATH");
	nlmsg_free(msg);

	/* a cached clone is not listed */
	msg = route_reply(32, RT_TABLE_MAIN, RTM_F_CLONED);
	CHECK(mvipc_parse_route(nlmsg_hdr(msg), &r, &e) == 1);
	nlmsg_free(msg);

	/* a destination of 3 bytes */
	msg = route_reply(0, RT_TABLE_MAIN, 0);
	nla_put(msg, RTA_DST, 3, "abc");
	CHECK(mvipc_parse_route(nlmsg_hdr(msg), &r, &e) == -EPROTO);
	nlmsg_free(msg);
}

static void test_pick_default(void)
{
	const struct mvipc_route r[] = {
		/* not default, other table, no device, other family */
		{ .family = AF_INET, .dst_len = 24, .table = RT_TABLE_MAIN,
		  .type = RTN_UNICAST, .oif = 1 },
		{ .family = AF_INET, .table = 100, .type = RTN_UNICAST,
		  .oif = 2 },
		{ .family = AF_INET, .table = RT_TABLE_MAIN,
		  .type = RTN_UNICAST },
		{ .family = AF_INET6, .table = RT_TABLE_MAIN,
		  .type = RTN_UNICAST, .oif = 3 },
		{ .family = AF_INET, .table = RT_TABLE_MAIN,
		  .type = RTN_UNREACHABLE, .oif = 4 },
		/* two defaults: the lower metric wins, the first of equals */
		{ .family = AF_INET, .table = RT_TABLE_MAIN,
		  .type = RTN_UNICAST, .oif = 5, .priority = 200 },
		{ .family = AF_INET, .table = RT_TABLE_MAIN,
		  .type = RTN_UNICAST, .oif = 6, .priority = 100 },
		{ .family = AF_INET, .table = RT_TABLE_MAIN,
		  .type = RTN_UNICAST, .oif = 7, .priority = 100 },
	};
	const struct mvipc_route *best;

	best = mvipc_pick_default(r, ARRAY_SIZE(r), AF_INET);
	CHECK(best && best->oif == 6);
	best = mvipc_pick_default(r, ARRAY_SIZE(r), AF_INET6);
	CHECK(best && best->oif == 3);
	CHECK(!mvipc_pick_default(r, 5, AF_INET));
	CHECK(!mvipc_pick_default(r, 0, AF_INET));
}

int main(void)
{
	RUN(test_getlink);
	RUN(test_newlink);
	RUN(test_setlink);
	RUN(test_parse_link);
	RUN(test_newaddr);
	RUN(test_parse_addr);
	RUN(test_newroute);
	RUN(test_parse_route);
	RUN(test_pick_default);
	return unit_summary();
}
