// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the ipc layer's "mvlan" family: replies and notifications
 * built here with libnl as the kernel builds them, good, lacking required
 * attributes and malformed, through the parsers of cli/ipc_genl.c,
 * ipc_source.c, ipc_stats.c and ipc_event.c; and the requests the layer
 * builds for them, taken apart again.
 */
#include <errno.h>
#include <string.h>

#include <netlink/attr.h>
#include <netlink/genl/genl.h>
#include <netlink/msg.h>

#include <linux/mvlan.h>

#include "ipc_priv.h"
#include "unit.h"

#define FAMILY	0x20

static const uint8_t mac0[MAC_LEN] = { 0x02, 0, 0, 0, 0, 0x10 };

static struct nl_msg *genl_msg(uint8_t cmd)
{
	struct nl_msg *msg = nlmsg_alloc();

	genlmsg_put(msg, 0, 0, FAMILY, 0, 0, cmd, MVLAN_GENL_VERSION);
	return msg;
}

/* What the module's DEV_GET reply carries, but for attribute skip. */
static struct nl_msg *dev_msg(uint8_t cmd, int skip)
{
	struct nl_msg *msg = genl_msg(cmd);

	if (skip != MVLAN_A_IFINDEX)
		nla_put_u32(msg, MVLAN_A_IFINDEX, 7);
	if (skip != MVLAN_A_IFNAME)
		nla_put_string(msg, MVLAN_A_IFNAME, "mv0");
	if (skip != MVLAN_A_LINK)
		nla_put_u32(msg, MVLAN_A_LINK, 2);
	if (skip != MVLAN_A_MODE)
		nla_put_u32(msg, MVLAN_A_MODE, MVLAN_MODE_SOURCE);
	if (skip != MVLAN_A_FLAGS)
		nla_put_u32(msg, MVLAN_A_FLAGS, MVLAN_F_NODST);
	if (skip != MVLAN_A_ADDRESS)
		nla_put(msg, MVLAN_A_ADDRESS, MAC_LEN, mac0);
	nla_put_u32(msg, MVLAN_A_BC_QUEUE_LEN, 1000);
	nla_put_u32(msg, MVLAN_A_BC_QUEUE_LEN_USED, 2000);
	nla_put_s32(msg, MVLAN_A_BC_CUTOFF, -1);
	nla_put_u32(msg, MVLAN_A_SOURCE_COUNT, 3);
	return msg;
}

static void test_dev(void)
{
	struct nl_msg *msg = dev_msg(MVLAN_CMD_DEV_GET, 0);
	struct mvipc_error e;
	struct mvlan_dev d;

	memset(&d, 0xff, sizeof(d));
	CHECK(mvipc_parse_dev(nlmsg_hdr(msg), &d, &e) == 0);
	CHECK(d.ifindex == 7 && d.link == 2);
	CHECK_STR(d.name, "mv0");
	CHECK_STR(d.link_name, "");
	CHECK(d.mode == MVLAN_MODE_SOURCE && d.flags == MVLAN_F_NODST);
	CHECK(!memcmp(d.address, mac0, MAC_LEN));
	CHECK(!d.link_netns);
	CHECK(d.present == (DEV_HAS_BC_QUEUE_LEN | DEV_HAS_BC_QUEUE_LEN_USED |
			    DEV_HAS_BC_CUTOFF | DEV_HAS_SOURCE_COUNT));
	CHECK(d.bc_queue_len == 1000 && d.bc_queue_len_used == 2000);
	CHECK(d.bc_cutoff == -1 && d.source_count == 3);
	nlmsg_free(msg);

	/* a lower device in another netns */
	msg = dev_msg(MVLAN_CMD_DEV_GET, 0);
	nla_put_s32(msg, MVLAN_A_LINK_NETNSID, 0);
	CHECK(mvipc_parse_dev(nlmsg_hdr(msg), &d, &e) == 0);
	CHECK(d.link_netns && d.link_netnsid == 0);
	nlmsg_free(msg);

	/* the link kind of an mvtap device */
	msg = dev_msg(MVLAN_CMD_DEV_GET, 0);
	nla_put_string(msg, MVLAN_A_KIND, MVTAP_LINK_KIND);
	CHECK(mvipc_parse_dev(nlmsg_hdr(msg), &d, &e) == 0);
	CHECK(d.present & DEV_HAS_KIND);
	CHECK_STR(d.kind, "mvtap");
	nlmsg_free(msg);

	/* the optional ones missing: an older module */
	msg = genl_msg(MVLAN_CMD_DEV_GET);
	nla_put_u32(msg, MVLAN_A_IFINDEX, 7);
	nla_put_string(msg, MVLAN_A_IFNAME, "mv0");
	nla_put_u32(msg, MVLAN_A_LINK, 2);
	nla_put_u32(msg, MVLAN_A_MODE, MVLAN_MODE_VEPA);
	nla_put_u32(msg, MVLAN_A_FLAGS, 0);
	nla_put(msg, MVLAN_A_ADDRESS, MAC_LEN, mac0);
	CHECK(mvipc_parse_dev(nlmsg_hdr(msg), &d, &e) == 0);
	CHECK(d.present == 0 && d.bc_cutoff == 0);
	nlmsg_free(msg);
}

/* Each attribute a device must have, named when it is missing. */
static void test_dev_required(void)
{
	static const struct {
		int attr;
		const char *text;
	} required[] = {
		{ MVLAN_A_IFINDEX, "Protocol error: reply lacks MVLAN_A_IFINDEX" },
		{ MVLAN_A_IFNAME, "Protocol error: reply lacks MVLAN_A_IFNAME" },
		{ MVLAN_A_LINK, "Protocol error: reply lacks MVLAN_A_LINK" },
		{ MVLAN_A_MODE, "Protocol error: reply lacks MVLAN_A_MODE" },
		{ MVLAN_A_FLAGS, "Protocol error: reply lacks MVLAN_A_FLAGS" },
		{ MVLAN_A_ADDRESS, "Protocol error: reply lacks MVLAN_A_ADDRESS" },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(required); i++) {
		struct nl_msg *msg = dev_msg(MVLAN_CMD_DEV_GET,
					     required[i].attr);
		struct mvipc_error e;
		struct mvlan_dev d;

		CHECK(mvipc_parse_dev(nlmsg_hdr(msg), &d, &e) == -EPROTO);
		CHECK_STR(mvipc_strerror(&e), required[i].text);
		nlmsg_free(msg);
	}
}

static void test_dev_malformed(void)
{
	static const uint8_t five[5] = { 2, 0, 0, 0, 1 };
	static const char long_name[IFNAMSIZ + 1] = "0123456789abcdef";
	struct mvipc_error e;
	struct mvlan_dev d;
	struct nl_msg *msg;
	uint16_t u16 = 7;

	/* an address of 5 bytes */
	msg = dev_msg(MVLAN_CMD_DEV_GET, MVLAN_A_ADDRESS);
	nla_put(msg, MVLAN_A_ADDRESS, sizeof(five), five);
	CHECK(mvipc_parse_dev(nlmsg_hdr(msg), &d, &e) == -EPROTO);
	CHECK_STR(mvipc_strerror(&e),
		  "Protocol error: malformed device attributes");
	nlmsg_free(msg);

	/* a name of IFNAMSIZ characters and its NUL */
	msg = dev_msg(MVLAN_CMD_DEV_GET, MVLAN_A_IFNAME);
	nla_put(msg, MVLAN_A_IFNAME, sizeof(long_name), long_name);
	CHECK(mvipc_parse_dev(nlmsg_hdr(msg), &d, &e) == -EPROTO);
	nlmsg_free(msg);

	/* a name without its NUL */
	msg = dev_msg(MVLAN_CMD_DEV_GET, MVLAN_A_IFNAME);
	nla_put(msg, MVLAN_A_IFNAME, 3, "mv0");
	CHECK(mvipc_parse_dev(nlmsg_hdr(msg), &d, &e) == -EPROTO);
	nlmsg_free(msg);

	/* a kind of IFNAMSIZ characters and its NUL */
	msg = dev_msg(MVLAN_CMD_DEV_GET, 0);
	nla_put(msg, MVLAN_A_KIND, sizeof(long_name), long_name);
	CHECK(mvipc_parse_dev(nlmsg_hdr(msg), &d, &e) == -EPROTO);
	nlmsg_free(msg);

	/* a u32 of 2 bytes */
	msg = dev_msg(MVLAN_CMD_DEV_GET, MVLAN_A_IFINDEX);
	nla_put(msg, MVLAN_A_IFINDEX, sizeof(u16), &u16);
	CHECK(mvipc_parse_dev(nlmsg_hdr(msg), &d, &e) == -EPROTO);
	nlmsg_free(msg);

	/* shorter than a genl header */
	msg = nlmsg_alloc_simple(FAMILY, 0);
	nlmsg_reserve(msg, 2, NLMSG_ALIGNTO);
	CHECK(mvipc_parse_dev(nlmsg_hdr(msg), &d, &e) == -EPROTO);
	nlmsg_free(msg);
}

/* Source entries */

static void put_entry(struct nl_msg *msg, uint8_t last, bool seen,
		      bool with_addr)
{
	struct nlattr *nest = nla_nest_start(msg, MVLAN_A_SOURCE);
	uint8_t mac[MAC_LEN] = { 0x02, 0, 0, 0, 0, last };

	if (with_addr)
		nla_put(msg, MVLAN_SOURCE_A_ADDR, MAC_LEN, mac);
	nla_put_u64(msg, MVLAN_SOURCE_A_PACKETS, last * 10);
	nla_put_u64(msg, MVLAN_SOURCE_A_BYTES, (uint64_t)last << 40);
	if (seen)
		nla_put_u64(msg, MVLAN_SOURCE_A_LAST_SEEN, 1200);
	nla_nest_end(msg, nest);
}

static struct nl_msg *sources_msg(void)
{
	struct nl_msg *msg = genl_msg(MVLAN_CMD_SOURCE_GET);

	nla_put_u32(msg, MVLAN_A_IFINDEX, 7);
	nla_put_string(msg, MVLAN_A_IFNAME, "mv0");
	return msg;
}

static void test_sources(void)
{
	struct nl_msg *msg = sources_msg();
	struct entry_list l = { 0 };
	struct source_entry *first;
	struct mvipc_error e;

	put_entry(msg, 1, false, true);
	put_entry(msg, 2, true, true);
	put_entry(msg, 3, false, true);
	/* appended to what the list has */
	first = ARRAY_ADD(l.e, l.n, l.cap);
	CHECK(first != NULL);
	CHECK(mvipc_parse_sources(nlmsg_hdr(msg), &l, &e) == 0);
	CHECK(l.n == 4);
	if (l.n == 4) {
		CHECK(l.e[1].addr[5] == 1 && !l.e[1].has_last_seen);
		CHECK(l.e[1].packets == 10 && l.e[1].bytes == 1ULL << 40);
		CHECK(l.e[2].addr[5] == 2 && l.e[2].has_last_seen &&
		      l.e[2].last_seen == 1200);
		CHECK(l.e[3].addr[5] == 3 && l.e[3].packets == 30);
	}
	nlmsg_free(msg);

	/* none: a device with an empty list */
	msg = sources_msg();
	CHECK(mvipc_parse_sources(nlmsg_hdr(msg), &l, &e) == 0);
	CHECK(l.n == 4);
	nlmsg_free(msg);
	ARRAY_FREE(l.e, l.n, l.cap);
}

static void test_sources_bad(void)
{
	static const uint8_t seven[7] = { 2 };
	struct entry_list l = { 0 };
	struct mvipc_error e;
	struct nlattr *nest;
	struct nl_msg *msg;

	msg = sources_msg();
	put_entry(msg, 1, false, true);
	put_entry(msg, 2, false, false);
	CHECK(mvipc_parse_sources(nlmsg_hdr(msg), &l, &e) == -EPROTO);
	CHECK_STR(mvipc_strerror(&e),
		  "Protocol error: source entry lacks MVLAN_SOURCE_A_ADDR");
	CHECK(l.n == 1);	/* the one before */
	nlmsg_free(msg);

	msg = sources_msg();
	nest = nla_nest_start(msg, MVLAN_A_SOURCE);
	nla_put(msg, MVLAN_SOURCE_A_ADDR, sizeof(seven), seven);
	nla_nest_end(msg, nest);
	CHECK(mvipc_parse_sources(nlmsg_hdr(msg), &l, &e) == -EPROTO);
	CHECK_STR(mvipc_strerror(&e), "Protocol error: malformed source entry");
	nlmsg_free(msg);

	msg = nlmsg_alloc_simple(FAMILY, 0);
	CHECK(mvipc_parse_sources(nlmsg_hdr(msg), &l, &e) == -EPROTO);
	CHECK_STR(mvipc_strerror(&e), "Protocol error: malformed reply");
	nlmsg_free(msg);
	ARRAY_FREE(l.e, l.n, l.cap);
}

/* Counters and ports */

static void test_counters(void)
{
	struct nl_msg *msg = genl_msg(MVLAN_CMD_PORT_GET);
	struct mvipc_error e;
	struct counters c;
	struct nlattr *nest;

	nest = nla_nest_start(msg, MVLAN_A_PORT);
	nla_put_u32(msg, MVLAN_PORT_A_IFINDEX, 2);
	nla_put_string(msg, MVLAN_PORT_A_IFNAME, "lower0");
	nla_put_u32(msg, MVLAN_PORT_A_DEVICES, 3);
	nla_put_s32(msg, MVLAN_PORT_A_BC_CUTOFF, -1);
	nla_put_u64(msg, MVLAN_PORT_A_BC_QUEUE_DROPS, 1ULL << 40);
	nla_nest_end(msg, nest);
	CHECK(mvipc_parse_counters(nlmsg_hdr(msg), MVLAN_A_PORT, &c, &e) == 0);
	CHECK(c.ifindex == 2);
	CHECK_STR(c.name, "lower0");
	CHECK(c.present == ((1ULL << MVLAN_PORT_A_DEVICES) |
			    (1ULL << MVLAN_PORT_A_BC_CUTOFF) |
			    (1ULL << MVLAN_PORT_A_BC_QUEUE_DROPS)));
	CHECK(c.v[MVLAN_PORT_A_DEVICES] == 3);
	CHECK((int64_t)c.v[MVLAN_PORT_A_BC_CUTOFF] == -1);
	CHECK(c.v[MVLAN_PORT_A_BC_QUEUE_DROPS] == 1ULL << 40);

	/* a PORT_GET reply is no STATS_GET one */
	CHECK(mvipc_parse_counters(nlmsg_hdr(msg), MVLAN_A_STATS, &c, &e) ==
	      -EPROTO);
	CHECK_STR(mvipc_strerror(&e), "Protocol error: reply lacks MVLAN_A_STATS");
	nlmsg_free(msg);

	msg = genl_msg(MVLAN_CMD_STATS_GET);
	CHECK(mvipc_parse_counters(nlmsg_hdr(msg), MVLAN_A_PORT, &c, &e) ==
	      -EPROTO);
	CHECK_STR(mvipc_strerror(&e), "Protocol error: reply lacks MVLAN_A_PORT");
	nlmsg_free(msg);

	/* a u64 counter sent as a u32 */
	msg = genl_msg(MVLAN_CMD_STATS_GET);
	nest = nla_nest_start(msg, MVLAN_A_STATS);
	nla_put_u32(msg, MVLAN_STATS_A_TX_BYTES, 1);
	nla_nest_end(msg, nest);
	CHECK(mvipc_parse_counters(nlmsg_hdr(msg), MVLAN_A_STATS, &c, &e) ==
	      -EPROTO);
	CHECK_STR(mvipc_strerror(&e), "Protocol error: malformed counters");
	nlmsg_free(msg);
}

/* The tables: every value of a nest once, attribute types in range. */
static void test_value_tables(void)
{
	const struct mvipc_values *t[] = {
		&mvipc_stats_values, &mvipc_port_values,
	};
	const int max[] = { MVLAN_STATS_A_MAX, MVLAN_PORT_A_MAX };
	size_t i, j;

	CHECK(mvipc_stats_values.n ==
	      MVLAN_STATS_A_MAX - MVLAN_STATS_A_RX_PACKETS + 1);
	CHECK(mvipc_port_values.n ==
	      MVLAN_PORT_A_MAX - MVLAN_PORT_A_DEVICES + 1);
	for (i = 0; i < ARRAY_SIZE(t); i++) {
		uint64_t seen = 0;

		for (j = 0; j < t[i]->n; j++) {
			int a = t[i]->v[j].attr;

			CHECK(a > 0 && a <= max[i] && a < 64);
			CHECK(!(seen & (1ULL << a)));
			seen |= 1ULL << a;
		}
	}
}

/* Notifications */

static void test_events(void)
{
	struct mvipc_event ev;
	struct mvipc_error e;
	struct nl_msg *msg;

	msg = dev_msg(MVLAN_CMD_DEV_CHANGE, 0);
	CHECK(mvipc_parse_event(nlmsg_hdr(msg), FAMILY, &ev, &e) == 0);
	CHECK(ev.cmd == MVLAN_CMD_DEV_CHANGE && ev.dev.ifindex == 7);
	/* another family's message, on a socket that sees more */
	CHECK(mvipc_parse_event(nlmsg_hdr(msg), FAMILY + 1, &ev, &e) == 1);
	nlmsg_free(msg);

	/* a command that is no notification */
	msg = dev_msg(MVLAN_CMD_DEV_GET, 0);
	CHECK(mvipc_parse_event(nlmsg_hdr(msg), FAMILY, &ev, &e) == 1);
	nlmsg_free(msg);

	msg = dev_msg(MVLAN_CMD_DEV_NEW, MVLAN_A_MODE);
	CHECK(mvipc_parse_event(nlmsg_hdr(msg), FAMILY, &ev, &e) == -EPROTO);
	CHECK(ev.cmd == MVLAN_CMD_DEV_NEW);
	CHECK_STR(mvipc_strerror(&e), "Protocol error: reply lacks MVLAN_A_MODE");
	nlmsg_free(msg);

	msg = genl_msg(MVLAN_CMD_SOURCE_CHANGE);
	nla_put_u32(msg, MVLAN_A_IFINDEX, 7);
	nla_put_string(msg, MVLAN_A_IFNAME, "mv0");
	nla_put_u32(msg, MVLAN_A_SOURCE_COUNT, 3);
	nla_put_u32(msg, MVLAN_A_SOURCE_REMOVED, 1);
	CHECK(mvipc_parse_event(nlmsg_hdr(msg), FAMILY, &ev, &e) == 0);
	CHECK(ev.cmd == MVLAN_CMD_SOURCE_CHANGE);
	CHECK(ev.source.ifindex == 7 && ev.source.count == 3 &&
	      ev.source.removed == 1 && ev.source.added == 0);
	CHECK_STR(ev.source.name, "mv0");
	CHECK(ev.source.present == (SRC_HAS_COUNT | SRC_HAS_REMOVED));
	nlmsg_free(msg);

	msg = genl_msg(MVLAN_CMD_SOURCE_CHANGE);
	nla_put(msg, MVLAN_A_SOURCE_ADDED, 2, "xx");
	CHECK(mvipc_parse_event(nlmsg_hdr(msg), FAMILY, &ev, &e) == -EPROTO);
	CHECK_STR(mvipc_strerror(&e), "bad attributes");
	nlmsg_free(msg);
}

/* Requests */

static struct nlattr **attrs_of(struct nl_msg *msg)
{
	static struct nlattr *tb[MVLAN_A_MAX + 1];

	memset(tb, 0, sizeof(tb));
	CHECK(genlmsg_parse(nlmsg_hdr(msg), 0, tb, MVLAN_A_MAX, NULL) == 0);
	return tb;
}

static void test_requests(void)
{
	struct mvlan_dev d = { .ifindex = 7, .name = "mv0" };
	struct nl_msg *msg;
	struct nlattr **tb;

	msg = mvipc_msg_dev_dump(FAMILY, 4);
	CHECK(nlmsg_hdr(msg)->nlmsg_flags & NLM_F_DUMP);
	tb = attrs_of(msg);
	CHECK(tb[MVLAN_A_LINK] && nla_get_u32(tb[MVLAN_A_LINK]) == 4);
	nlmsg_free(msg);
	msg = mvipc_msg_dev_dump(FAMILY, 0);
	CHECK(!attrs_of(msg)[MVLAN_A_LINK]);
	nlmsg_free(msg);

	msg = mvipc_msg_dev_set(FAMILY, &d, MVLAN_MODE_BRIDGE, MVLAN_F_NODST);
	CHECK(((struct genlmsghdr *)nlmsg_data(nlmsg_hdr(msg)))->cmd ==
	      MVLAN_CMD_DEV_SET);
	CHECK(!(nlmsg_hdr(msg)->nlmsg_flags & NLM_F_DUMP));
	tb = attrs_of(msg);
	CHECK(tb[MVLAN_A_IFINDEX] && nla_get_u32(tb[MVLAN_A_IFINDEX]) == 7);
	CHECK(tb[MVLAN_A_IFNAME] && !strcmp(nla_get_string(tb[MVLAN_A_IFNAME]),
					    "mv0"));
	CHECK(tb[MVLAN_A_MODE] &&
	      nla_get_u32(tb[MVLAN_A_MODE]) == MVLAN_MODE_BRIDGE);
	CHECK(tb[MVLAN_A_FLAGS] &&
	      nla_get_u32(tb[MVLAN_A_FLAGS]) == MVLAN_F_NODST);
	nlmsg_free(msg);

	msg = mvipc_msg_port(FAMILY, 2);
	CHECK(!(nlmsg_hdr(msg)->nlmsg_flags & NLM_F_DUMP));
	tb = attrs_of(msg);
	CHECK(tb[MVLAN_A_LINK] && nla_get_u32(tb[MVLAN_A_LINK]) == 2);
	nlmsg_free(msg);
	msg = mvipc_msg_port(FAMILY, 0);
	CHECK(nlmsg_hdr(msg)->nlmsg_flags & NLM_F_DUMP);
	CHECK(!attrs_of(msg)[MVLAN_A_LINK]);
	nlmsg_free(msg);
}

static size_t sources_in(struct nl_msg *msg)
{
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	struct nlattr *nla;
	size_t n = 0;
	int rem;

	nla_for_each_attr(nla, genlmsg_attrdata(nlmsg_data(nlh), 0),
			  genlmsg_attrlen(nlmsg_data(nlh), 0), rem)
		n += nla_type(nla) == MVLAN_A_SOURCE;
	return n;
}

/* A SOURCE_SET of 10001 addresses: three requests, one transaction. */
static void test_source_chunks(void)
{
	static uint8_t mac[10001][MAC_LEN];
	static const struct {
		size_t count;
		uint32_t flags;
	} want[] = {
		{ 4000, MVLAN_SOURCE_SET_F_MORE },
		{ 4000, MVLAN_SOURCE_SET_F_CONTINUE | MVLAN_SOURCE_SET_F_MORE },
		{ 2001, MVLAN_SOURCE_SET_F_CONTINUE },
	};
	struct nl_msg *msg;
	struct nlattr **tb;
	size_t i;

	CHECK(mvipc_msg_chunks(10001) == 3);
	for (i = 0; i < 3; i++) {
		msg = mvipc_msg_sources(FAMILY, MVLAN_CMD_SOURCE_SET, "mv0",
					(const uint8_t (*)[MAC_LEN])mac,
					10001, i);
		CHECK(msg != NULL);
		if (!msg)
			return;
		CHECK(sources_in(msg) == want[i].count);
		tb = attrs_of(msg);
		CHECK(tb[MVLAN_A_SOURCE_SET_FLAGS] &&
		      nla_get_u32(tb[MVLAN_A_SOURCE_SET_FLAGS]) ==
		      want[i].flags);
		CHECK(!tb[MVLAN_A_IFINDEX] && tb[MVLAN_A_IFNAME]);
		nlmsg_free(msg);
	}

	/* ADD in chunks too, without transaction flags */
	msg = mvipc_msg_sources(FAMILY, MVLAN_CMD_SOURCE_ADD, "mv0",
				(const uint8_t (*)[MAC_LEN])mac, 10001, 2);
	CHECK(sources_in(msg) == 2001);
	CHECK(!attrs_of(msg)[MVLAN_A_SOURCE_SET_FLAGS]);
	nlmsg_free(msg);

	/* SET of nothing empties the list: one request, no flags */
	msg = mvipc_msg_sources(FAMILY, MVLAN_CMD_SOURCE_SET, "mv0", NULL, 0, 0);
	CHECK(sources_in(msg) == 0);
	CHECK(!attrs_of(msg)[MVLAN_A_SOURCE_SET_FLAGS]);
	nlmsg_free(msg);
}

int main(void)
{
	RUN(test_dev);
	RUN(test_dev_required);
	RUN(test_dev_malformed);
	RUN(test_sources);
	RUN(test_sources_bad);
	RUN(test_counters);
	RUN(test_value_tables);
	RUN(test_events);
	RUN(test_requests);
	RUN(test_source_chunks);
	return unit_summary();
}
