// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of what the CNI plugin (cli/cni) asks of the ipc layer beyond
 * mvctl: the requests as built (taken apart again with libnl), then the
 * same calls against the host's kernel, in a network namespace of this
 * test's own (ownns.h), so that nothing outside it changes.
 *
 * - ADD's undo of a device it made but could not read back: RTM_DELLINK
 *   by name (mvipc_link_del_name()).
 * - The 1.1.0 keys of an IPAM result's routes: mtu and advmss in
 *   RTA_METRICS, scope in rtm_scope (mvipc_route_add()).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <netlink/attr.h>
#include <netlink/msg.h>

#include "ipc_priv.h"
#include "ownns.h"
#include "nlattrs.h"
#include "unit.h"

static struct mvipc *ipc;

/* --- requests ------------------------------------------------------------ */

static void test_msg_dellink_name(void)
{
	struct nl_msg *msg = mvipc_msg_dellink_name("mvtmp0123abcd");
	const struct ifinfomsg *ifi = nlmsg_data(nlmsg_hdr(msg));
	struct nlattr **tb;

	CHECK(nlmsg_hdr(msg)->nlmsg_type == RTM_DELLINK);
	CHECK(nlmsg_hdr(msg)->nlmsg_flags & NLM_F_ACK);
	/* no ifindex: the kernel looks the name up */
	CHECK(ifi->ifi_index == 0);
	tb = attrs(msg, sizeof(*ifi), IFLA_MAX);
	CHECK(tb[IFLA_IFNAME] &&
	      !strcmp(nla_get_string(tb[IFLA_IFNAME]), "mvtmp0123abcd"));
	nlmsg_free(msg);
}

static void test_msg_route_keys(void)
{
	struct mvipc_route r = {
		.family = AF_INET, .dst_len = 16, .dst = { 10, 9, 0, 0 },
		.has_gateway = true, .gateway = { 10, 1, 2, 1 }, .oif = 8,
		.mtu = 1400, .advmss = 1360,
	};
	struct nl_msg *msg = mvipc_msg_newroute(&r);
	const struct rtmsg *rtm = nlmsg_data(nlmsg_hdr(msg));
	struct nlattr **tb, *mx[RTAX_MAX + 1];

	/* no scope given: universe with a gateway, as before */
	CHECK(rtm->rtm_scope == RT_SCOPE_UNIVERSE);
	tb = attrs(msg, sizeof(*rtm), RTA_MAX);
	CHECK(tb[RTA_METRICS] &&
	      nla_parse_nested(mx, RTAX_MAX, tb[RTA_METRICS], NULL) == 0);
	CHECK(mx[RTAX_MTU] && nla_get_u32(mx[RTAX_MTU]) == 1400);
	CHECK(mx[RTAX_ADVMSS] && nla_get_u32(mx[RTAX_ADVMSS]) == 1360);
	nlmsg_free(msg);

	/* one metric alone; a scope given wins over the gateway's */
	r.advmss = 0;
	r.has_scope = true;
	r.scope = RT_SCOPE_LINK;
	msg = mvipc_msg_newroute(&r);
	rtm = nlmsg_data(nlmsg_hdr(msg));
	CHECK(rtm->rtm_scope == RT_SCOPE_LINK);
	tb = attrs(msg, sizeof(*rtm), RTA_MAX);
	CHECK(tb[RTA_METRICS] &&
	      nla_parse_nested(mx, RTAX_MAX, tb[RTA_METRICS], NULL) == 0);
	CHECK(mx[RTAX_MTU] && !mx[RTAX_ADVMSS]);
	nlmsg_free(msg);

	/* scope universe (0) given, without a gateway; no metrics */
	r.has_gateway = false;
	r.mtu = 0;
	r.scope = RT_SCOPE_UNIVERSE;
	msg = mvipc_msg_newroute(&r);
	rtm = nlmsg_data(nlmsg_hdr(msg));
	CHECK(rtm->rtm_scope == RT_SCOPE_UNIVERSE);
	CHECK(!attrs(msg, sizeof(*rtm), RTA_MAX)[RTA_METRICS]);
	nlmsg_free(msg);

	/* neither: link without a gateway, as before */
	r.has_scope = false;
	msg = mvipc_msg_newroute(&r);
	rtm = nlmsg_data(nlmsg_hdr(msg));
	CHECK(rtm->rtm_scope == RT_SCOPE_LINK);
	nlmsg_free(msg);
}

/* --- the kernel ---------------------------------------------------------- */

static void test_del_name(void)
{
	struct mvipc_error e;

	CHECK(system("ip link add mvtmp0 type veth peer name mvtmp1") == 0);
	CHECK(ifindex_of("mvtmp0") && ifindex_of("mvtmp1"));
	CHECK(mvipc_link_del_name(ipc, "mvtmp0", &e) == 0);
	/* the pair went, as with RTM_DELLINK by ifindex */
	CHECK(!ifindex_of("mvtmp0") && !ifindex_of("mvtmp1"));
	CHECK(mvipc_link_del_name(ipc, "mvtmp0", &e) == -ENODEV);
	CHECK(e.err == ENODEV);
}

/*
 * What "ip -4 route show dst" prints of the route, between two spaces (so
 * that a word is " word "); " " if nothing.
 */
static const char *ip_route(const char *dst)
{
	static char line[512];
	char cmd[128];
	FILE *f;

	snprintf(cmd, sizeof(cmd), "ip -4 route show %s", dst);
	strcpy(line, " ");
	f = popen(cmd, "r");
	if (!f)
		return line;
	if (!fgets(line + 1, sizeof(line) - 2, f))
		line[1] = '\0';
	pclose(f);
	line[strcspn(line, "\n")] = '\0';
	strcat(line, " ");
	return line;
}

/* What the kernel makes of the keys: metrics kept, the scope as given. */
static void test_route_keys(void)
{
	struct mvipc_route r = { .family = AF_INET, .dst_len = 16 };
	struct mvipc_route_list l = { 0 };
	struct mvipc_error e;
	const char *text;
	uint32_t r0;
	size_t i;
	int scope = -1;

	/* up, both ends: a route on a device whose peer is down is linkdown */
	CHECK(system("ip link add mvr0 type veth peer name mvr1 && "
		     "ip link set mvr0 up && ip link set mvr1 up") == 0);
	r0 = ifindex_of("mvr0");
	CHECK(r0);
	r.oif = r0;
	inet_pton(AF_INET, "10.9.0.0", r.dst);
	r.mtu = 1400;
	r.advmss = 1360;
	CHECK(mvipc_route_add(ipc, &r, &e) == 0);
	text = ip_route("10.9.0.0/16");
	CHECK(strstr(text, " dev mvr0 scope link "));
	CHECK(strstr(text, " mtu 1400 advmss 1360 "));

	inet_pton(AF_INET, "10.10.0.0", r.dst);
	r.mtu = r.advmss = 0;
	r.has_scope = true;
	r.scope = RT_SCOPE_HOST;
	CHECK(mvipc_route_add(ipc, &r, &e) == 0);
	text = ip_route("10.10.0.0/16");
	CHECK(strstr(text, " scope host ") && !strstr(text, " mtu "));
	CHECK(mvipc_route_dump(ipc, AF_INET, &l, &e) == 0);
	for (i = 0; i < l.n; i++)
		if (l.routes[i].dst_len == 16 && l.routes[i].dst[1] == 10)
			scope = l.routes[i].scope;
	CHECK(scope == RT_SCOPE_HOST);
	ARRAY_FREE(l.routes, l.n, l.cap);

	/* the kernel's own refusal: a host route has no gateway */
	inet_pton(AF_INET, "10.11.0.0", r.dst);
	r.has_gateway = true;
	inet_pton(AF_INET, "10.9.0.1", r.gateway);
	CHECK(mvipc_route_add(ipc, &r, &e) == -EINVAL);
	CHECK_STR(mvipc_strerror(&e),
		  "Invalid argument: Route with host scope can not have a gateway");
	CHECK(mvipc_link_del(ipc, r0, &e) == 0);
}

int main(void)
{
	struct mvipc_error e;

	RUN(test_msg_dellink_name);
	RUN(test_msg_route_keys);

	if (enter_own_netns()) {
		printf("FAIL: a network namespace of its own: %s\n",
		       strerror(errno));
		unit_failed++;
		return unit_summary();
	}
	if (mvipc_open(&ipc, MVIPC_ROUTE, &e)) {
		printf("FAIL: mvipc_open: %s\n", mvipc_strerror(&e));
		unit_failed++;
		return unit_summary();
	}
	RUN(test_del_name);
	RUN(test_route_keys);
	mvipc_close(ipc);
	return unit_summary();
}
