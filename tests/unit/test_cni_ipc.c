// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of what the CNI plugin (cli/cni) asks of the ipc layer beyond
 * mvctl: the requests as built (taken apart again with libnl), then the
 * same calls against the host's kernel, in a network namespace of this
 * test's own (ownns.h), so that nothing outside it changes.
 *
 * - ADD's undo of a device it made but could not read back: RTM_DELLINK
 *   by name (mvipc_link_del_name()).
 */
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
#include "unit.h"

static struct mvipc *ipc;

static struct nlattr **attrs(struct nl_msg *msg, size_t hdrlen, int max)
{
	static struct nlattr *tb[64];

	memset(tb, 0, sizeof(tb));
	CHECK(max < 64);
	CHECK(nlmsg_parse(nlmsg_hdr(msg), (int)hdrlen, tb, max, NULL) == 0);
	return tb;
}

static uint32_t ifindex_of(const char *name)
{
	struct mvipc_error e;
	struct mvipc_link l;

	return mvipc_link_get(ipc, 0, name, &l, &e) ? 0 : l.ifindex;
}

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

int main(void)
{
	struct mvipc_error e;

	RUN(test_msg_dellink_name);

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
	mvipc_close(ipc);
	return unit_summary();
}
