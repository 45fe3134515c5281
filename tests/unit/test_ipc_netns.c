// SPDX-License-Identifier: GPL-2.0
/*
 * The ipc layer's rtnetlink calls against the host's own kernel, in a
 * network namespace of this test's own (unshare(2); with a user
 * namespace too when that is what is allowed), so nothing outside it
 * changes: links read, set up, renamed, deleted; addresses and routes
 * added and listed; the default route's device; and the kernel's own
 * extended ACK for a link kind it does not know. Like cli.sh, it expects
 * a kernel without the mvlan module.
 *
 *    [ this test's netns ]
 *      lo
 *      v0 10.9.8.7/24 2001:db8::7/64 --- veth --- v1 (renamed w1)
 *      default via 10.9.8.1 dev v0
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <linux/if_addr.h>
#include <linux/if_arp.h>
#include <linux/rtnetlink.h>

#include <linux/mvlan.h>

#include "array.h"
#include "ipc.h"
#include "ownns.h"
#include "unit.h"

static struct mvipc *ipc;

static void test_family(void)
{
	struct mvipc_error e;

	CHECK(mvipc_family(ipc, &e) == -ENOENT);
}

static void test_lo(void)
{
	struct mvipc_link_list all = { 0 };
	struct mvipc_error e;
	struct mvipc_link l;

	CHECK(mvipc_link_get(ipc, 0, "lo", &l, &e) == 0);
	CHECK(l.ifindex == 1 && l.type == ARPHRD_LOOPBACK);
	CHECK((l.flags & IFF_LOOPBACK) && l.mtu > 0);
	CHECK_STR(l.name, "lo");
	CHECK_STR(l.kind, "");
	CHECK(l.address_len == 6);

	CHECK(mvipc_link_get(ipc, 1, NULL, &l, &e) == 0);
	CHECK_STR(l.name, "lo");

	CHECK(mvipc_link_get(ipc, 0, "mvtest-nosuch0", &l, &e) == -ENODEV);
	CHECK(e.err == ENODEV);

	CHECK(mvipc_link_dump(ipc, &all, &e) == 0);
	CHECK(all.n == 1 && !strcmp(all.links[0].name, "lo"));
	ARRAY_FREE(all.links, all.n, all.cap);
}

static void test_veth(void)
{
	struct mvipc_error e;
	struct mvipc_link l;
	uint32_t v0, v1;

	CHECK(system("ip link add v0 type veth peer name v1") == 0);
	v0 = ifindex_of("v0");
	v1 = ifindex_of("v1");
	CHECK(v0 && v1);
	CHECK(mvipc_link_get(ipc, v0, NULL, &l, &e) == 0);
	CHECK_STR(l.kind, "veth");
	CHECK(l.link == v1 && !(l.flags & IFF_UP));
	CHECK(!l.has_mvlan);

	CHECK(mvipc_link_set_up(ipc, v0, true, &e) == 0);
	CHECK(mvipc_link_get(ipc, v0, NULL, &l, &e) == 0 &&
	      (l.flags & IFF_UP));

	CHECK(mvipc_link_rename(ipc, v1, "w1", &e) == 0);
	CHECK(ifindex_of("w1") == v1 && !ifindex_of("v1"));
	/* a name that is taken */
	CHECK(mvipc_link_rename(ipc, v1, "lo", &e) == -EEXIST);

	CHECK(mvipc_link_set_up(ipc, v1, true, &e) == 0);
	CHECK(mvipc_link_set_up(ipc, v1, false, &e) == 0);
	CHECK(mvipc_link_get(ipc, v1, NULL, &l, &e) == 0 &&
	      !(l.flags & IFF_UP));
}

static void test_name_links(void)
{
	struct mvlan_dev d[3] = {
		{ .link = ifindex_of("v0") },
		{ .link = 999 },
		{ .link = 1, .link_netns = true },
	};
	struct mvipc_error e;

	CHECK(mvipc_name_links(ipc, d, 3, &e) == 0);
	CHECK_STR(d[0].link_name, "v0");
	CHECK_STR(d[1].link_name, "if999");
	CHECK_STR(d[2].link_name, "if1");
}

static bool has_addr(const struct mvipc_addr_list *l, int family,
		     const char *text, uint8_t prefixlen)
{
	uint8_t want[16] = { 0 };
	size_t i;

	inet_pton(family, text, want);
	for (i = 0; i < l->n; i++)
		if (l->addrs[i].family == family &&
		    l->addrs[i].prefixlen == prefixlen &&
		    !memcmp(l->addrs[i].addr, want, family == AF_INET ? 4 : 16))
			return true;
	return false;
}

static void test_addresses(void)
{
	struct mvipc_addr a = {
		.family = AF_INET, .ifindex = ifindex_of("v0"), .prefixlen = 24,
	};
	struct mvipc_addr_list l = { 0 };
	struct mvipc_error e;
	size_t i;

	inet_pton(AF_INET, "10.9.8.7", a.addr);
	CHECK(mvipc_addr_add(ipc, &a, &e) == 0);
	CHECK(mvipc_addr_add(ipc, &a, &e) == -EEXIST);
	a.family = AF_INET6;
	a.prefixlen = 64;
	a.flags = IFA_F_NODAD;
	inet_pton(AF_INET6, "2001:db8::7", a.addr);
	CHECK(mvipc_addr_add(ipc, &a, &e) == 0);
	a.family = AF_PACKET;
	CHECK(mvipc_addr_add(ipc, &a, &e) == -EAFNOSUPPORT);

	CHECK(mvipc_addr_dump(ipc, AF_INET, a.ifindex, &l, &e) == 0);
	CHECK(l.n == 1 && has_addr(&l, AF_INET, "10.9.8.7", 24));
	CHECK(mvipc_addr_dump(ipc, AF_UNSPEC, 0, &l, &e) == 0);
	CHECK(has_addr(&l, AF_INET6, "2001:db8::7", 64));
	for (i = 0; i < l.n; i++)
		if (l.addrs[i].family == AF_INET6 && l.addrs[i].addr[0] == 0x20)
			CHECK(l.addrs[i].flags & IFA_F_NODAD);
	ARRAY_FREE(l.addrs, l.n, l.cap);
}

static void test_routes(void)
{
	struct mvipc_route r = { .family = AF_INET, .has_gateway = true };
	struct mvipc_route_list l = { 0 };
	struct mvipc_error e;
	uint32_t oif = 0, v0 = ifindex_of("v0");
	size_t i, found = 0;

	inet_pton(AF_INET, "10.9.8.1", r.gateway);
	r.oif = v0;
	CHECK(mvipc_route_add(ipc, &r, &e) == 0);
	CHECK(mvipc_route_add(ipc, &r, &e) == -EEXIST);
	CHECK(mvipc_default_route(ipc, AF_INET, &oif, &e) == 0);
	CHECK(oif == v0);
	CHECK(mvipc_default_route(ipc, AF_INET6, &oif, &e) == -ENOENT);
	CHECK_STR(mvipc_strerror(&e), "No such file or directory: no default route");

	CHECK(mvipc_route_dump(ipc, AF_INET, &l, &e) == 0);
	for (i = 0; i < l.n; i++)
		if (l.routes[i].table == RT_TABLE_MAIN &&
		    l.routes[i].dst_len == 24 && l.routes[i].oif == v0 &&
		    l.routes[i].scope == RT_SCOPE_LINK)
			found++;	/* the prefix route of 10.9.8.7/24 */
	CHECK(found == 1);
	ARRAY_FREE(l.routes, l.n, l.cap);
}

/* No mvlan module: the kernel's own words for a kind it does not know. */
static void test_mvlan_unknown(void)
{
	struct mvipc_newlink nl = {
		.name = "mv0", .link = ifindex_of("v0"),
		.mode = MVLAN_MODE_BRIDGE,
	};
	struct mvipc_error e;

	CHECK(mvipc_link_add(ipc, &nl, &e) == -EOPNOTSUPP);
	CHECK_STR(mvipc_strerror(&e),
		  "Operation not supported: Unknown device type");
	nl.given = MVIPC_NEW_NETNS_FD;
	nl.netns_fd = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	CHECK(nl.netns_fd >= 0);
	CHECK(mvipc_link_add(ipc, &nl, &e) == -EOPNOTSUPP);
	close(nl.netns_fd);
}

static void test_del(void)
{
	uint32_t v0 = ifindex_of("v0");
	struct mvipc_error e;

	CHECK(mvipc_link_del(ipc, v0, &e) == 0);
	CHECK(!ifindex_of("v0") && !ifindex_of("w1"));
	CHECK(mvipc_link_del(ipc, v0, &e) == -ENODEV);
}

int main(void)
{
	struct mvipc_error e;

	if (enter_own_netns()) {
		printf("FAIL: a network namespace of its own: %s\n"
		       "0 passed, 1 failed\n", strerror(errno));
		return 1;
	}
	if (mvipc_open(&ipc, MVIPC_GENL | MVIPC_ROUTE, &e)) {
		printf("FAIL: mvipc_open: %s\n0 passed, 1 failed\n",
		       mvipc_strerror(&e));
		return 1;
	}
	RUN(test_family);
	RUN(test_lo);
	RUN(test_veth);
	RUN(test_name_links);
	RUN(test_addresses);
	RUN(test_routes);
	RUN(test_mvlan_unknown);
	RUN(test_del);
	mvipc_close(ipc);
	return unit_summary();
}
