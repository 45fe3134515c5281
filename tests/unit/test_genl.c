// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of cli/ipc_genl.c: the requests mvctl sends, taken apart again
 * with libnl, and how long source lists are cut into requests.
 */
#include <string.h>

#include <netlink/attr.h>
#include <netlink/genl/genl.h>
#include <netlink/msg.h>

#include <linux/mvlan.h>

#include "ipc_priv.h"
#include "unit.h"

#define FAMILY	0x1234

static void test_header_and_dev(void)
{
	struct nl_msg *msg = mvipc_msg_new(FAMILY, MVLAN_CMD_DEV_SET, 0, 0);
	struct nlattr *tb[MVLAN_A_MAX + 1];
	struct nlmsghdr *nlh;
	struct genlmsghdr *g;

	CHECK(msg != NULL);
	if (!msg)
		return;
	CHECK(mvipc_msg_put_dev(msg, 7, "mv0") == 0);
	nlh = nlmsg_hdr(msg);
	g = nlmsg_data(nlh);
	CHECK(nlh->nlmsg_type == FAMILY);
	CHECK(g->cmd == MVLAN_CMD_DEV_SET);
	CHECK(g->version == MVLAN_GENL_VERSION);
	CHECK(genlmsg_parse(nlh, 0, tb, MVLAN_A_MAX, NULL) == 0);
	CHECK(tb[MVLAN_A_IFINDEX] && nla_get_u32(tb[MVLAN_A_IFINDEX]) == 7);
	CHECK(tb[MVLAN_A_IFNAME] &&
	      !strcmp(nla_get_string(tb[MVLAN_A_IFNAME]), "mv0"));
	nlmsg_free(msg);

	/* by name only */
	msg = mvipc_msg_new(FAMILY, MVLAN_CMD_SOURCE_GET, NLM_F_DUMP, 0);
	CHECK(msg && mvipc_msg_put_dev(msg, 0, "mv1") == 0);
	if (!msg)
		return;
	CHECK(nlmsg_hdr(msg)->nlmsg_flags & NLM_F_DUMP);
	CHECK(genlmsg_parse(nlmsg_hdr(msg), 0, tb, MVLAN_A_MAX, NULL) == 0);
	CHECK(!tb[MVLAN_A_IFINDEX] && tb[MVLAN_A_IFNAME]);
	nlmsg_free(msg);
}

/* MVIPC_MSG_SOURCES_MAX entries fit the room mvipc_msg_new() made for them. */
static void test_sources_nests(void)
{
	static uint8_t mac[MVIPC_MSG_SOURCES_MAX][MAC_LEN];
	struct nl_msg *msg;
	struct nlattr *nla;
	size_t i, seen = 0;
	bool all_right = true;
	int rem;

	for (i = 0; i < MVIPC_MSG_SOURCES_MAX; i++) {
		mac[i][0] = 0x02;
		mac[i][4] = i >> 8;
		mac[i][5] = i & 0xff;
	}
	msg = mvipc_msg_new(FAMILY, MVLAN_CMD_SOURCE_SET, 0, MVIPC_MSG_SOURCES_MAX);
	CHECK(msg != NULL);
	if (!msg)
		return;
	CHECK(mvipc_msg_put_dev(msg, 0, "mv0") == 0);
	CHECK(mvipc_msg_put_sources(msg, (const uint8_t (*)[MAC_LEN])mac,
				MVIPC_MSG_SOURCES_MAX) == 0);
	/* at most 64 kB: well inside the default socket buffers */
	CHECK(nlmsg_hdr(msg)->nlmsg_len <= 65536);

	nla_for_each_attr(nla, genlmsg_attrdata(nlmsg_data(nlmsg_hdr(msg)), 0),
			  genlmsg_attrlen(nlmsg_data(nlmsg_hdr(msg)), 0), rem) {
		struct nlattr *tb[MVLAN_SOURCE_A_MAX + 1];

		if (nla_type(nla) != MVLAN_A_SOURCE)
			continue;
		if (nla_parse_nested(tb, MVLAN_SOURCE_A_MAX, nla, NULL) ||
		    !tb[MVLAN_SOURCE_A_ADDR] ||
		    nla_len(tb[MVLAN_SOURCE_A_ADDR]) != MAC_LEN ||
		    memcmp(nla_data(tb[MVLAN_SOURCE_A_ADDR]), mac[seen], MAC_LEN))
			all_right = false;
		seen++;
	}
	CHECK(rem == 0);
	CHECK(seen == MVIPC_MSG_SOURCES_MAX);
	CHECK(all_right);
	nlmsg_free(msg);
}

static void test_chunks(void)
{
	CHECK(mvipc_msg_chunks(0) == 1);	/* "set" with nothing empties */
	CHECK(mvipc_msg_chunks(1) == 1);
	CHECK(mvipc_msg_chunks(MVIPC_MSG_SOURCES_MAX) == 1);
	CHECK(mvipc_msg_chunks(MVIPC_MSG_SOURCES_MAX + 1) == 2);
	CHECK(mvipc_msg_chunks(1000000) == (1000000 + MVIPC_MSG_SOURCES_MAX - 1) /
				       MVIPC_MSG_SOURCES_MAX);
}

static void test_set_flags(void)
{
	const uint32_t M = MVLAN_SOURCE_SET_F_MORE;
	const uint32_t C = MVLAN_SOURCE_SET_F_CONTINUE;

	CHECK(mvipc_msg_set_flags(0, 1) == 0);		/* one request */
	CHECK(mvipc_msg_set_flags(0, 2) == M);
	CHECK(mvipc_msg_set_flags(1, 2) == C);
	CHECK(mvipc_msg_set_flags(0, 4) == M);
	CHECK(mvipc_msg_set_flags(1, 4) == (C | M));
	CHECK(mvipc_msg_set_flags(2, 4) == (C | M));
	CHECK(mvipc_msg_set_flags(3, 4) == C);
}

int main(void)
{
	RUN(test_header_and_dev);
	RUN(test_sources_nests);
	RUN(test_chunks);
	RUN(test_set_flags);
	return unit_summary();
}
