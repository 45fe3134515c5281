// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the output forms of "mvctl source NAME list" (cli/entry.c),
 * "mvctl stats" (cli/counters.c) and "mvctl monitor" (cli/event.c).
 */
#include <string.h>

#include <netlink/attr.h>
#include <netlink/genl/genl.h>
#include <netlink/msg.h>

#include <linux/mvlan.h>

#include "counters.h"
#include "entry.h"
#include "event.h"
#include "ipc_priv.h"
#include "memout.h"
#include "unit.h"

/* Source entries */

static const struct source_entry entries[] = {
	{ { 0x02, 0, 0, 0, 0, 0x02 }, true, 5, 490, 1200 },
	{ { 0x02, 0, 0, 0, 0, 0x01 }, false, 0, 0, 0 },
};

static const char *entries_of(const struct source_entry *e, size_t n,
			      enum output out)
{
	FILE *f = memout_open();

	entries_print(f, e, n, out);
	return memout_close(f);
}

static void test_entries_text(void)
{
	CHECK_STR(entries_of(entries, 2, OUT_TEXT),
		  "02:00:00:00:00:02 packets 5 bytes 490 last_seen_ms 1200\n"
		  "02:00:00:00:00:01 packets 0 bytes 0\n");
	CHECK_STR(entries_of(entries, 0, OUT_TEXT), "");
}

static void test_entries_json(void)
{
	CHECK_STR(entries_of(entries, 2, OUT_JSON),
		  "[{\"address\":\"02:00:00:00:00:02\",\"packets\":5,"
		  "\"bytes\":490,\"last_seen_ms\":1200},"
		  "{\"address\":\"02:00:00:00:00:01\",\"packets\":0,"
		  "\"bytes\":0}]\n");
	CHECK_STR(entries_of(entries, 0, OUT_JSON), "[]\n");
	CHECK_STR(entries_of(entries + 1, 1, OUT_JSON_PRETTY),
		  "[\n  {\n    \"address\": \"02:00:00:00:00:01\",\n"
		  "    \"packets\": 0,\n    \"bytes\": 0\n  }\n]\n");
}

static void test_entries_sort(void)
{
	struct entry_list l = { 0 };
	struct source_entry *e;
	static const uint8_t addrs[][MAC_LEN] = {
		{ 0x0a, 0, 0, 0, 0, 1 }, { 0x02, 0xff, 0, 0, 0, 0 },
		{ 0x02, 0, 0, 0, 0, 9 }, { 0x02, 0, 0, 0, 0, 1 },
	};
	size_t i;

	for (i = 0; i < 4; i++) {
		e = ARRAY_ADD(l.e, l.n, l.cap);
		CHECK(e != NULL);
		if (e)
			memcpy(e->addr, addrs[i], MAC_LEN);
	}
	entries_sort(l.e, l.n);
	CHECK_STR(entries_of(l.e, l.n, OUT_TEXT),
		  "02:00:00:00:00:01 packets 0 bytes 0\n"
		  "02:00:00:00:00:09 packets 0 bytes 0\n"
		  "02:ff:00:00:00:00 packets 0 bytes 0\n"
		  "0a:00:00:00:00:01 packets 0 bytes 0\n");
	ARRAY_FREE(l.e, l.n, l.cap);
}

/* Stats and ports, parsed by the ipc layer from replies built with libnl */

/* A STATS_GET or PORT_GET reply, for a device if name is not NULL. */
static struct nl_msg *reply(uint8_t cmd, const char *name, uint32_t ifindex)
{
	struct nl_msg *msg = nlmsg_alloc();

	genlmsg_put(msg, 0, 0, 0x20, 0, 0, cmd, MVLAN_GENL_VERSION);
	if (name) {
		nla_put_u32(msg, MVLAN_A_IFINDEX, ifindex);
		nla_put_string(msg, MVLAN_A_IFNAME, name);
	}
	return msg;
}

/* An MVLAN_A_STATS nest of every counter, i + 100 each. */
static struct nlattr *stats_nest(struct nl_msg *msg, bool all)
{
	struct nlattr *nest = nla_nest_start(msg, MVLAN_A_STATS);
	int a;

	for (a = MVLAN_STATS_A_RX_PACKETS; a <= MVLAN_STATS_A_MAX; a++)
		if (all || a != MVLAN_STATS_A_DROP_BACKLOG)
			nla_put_u64(msg, a, a + 100);
	nla_put_u64(msg, 60, 1);	/* unknown to this tool: skipped */
	nla_nest_end(msg, nest);
	return nest;
}

static struct nlattr *port_nest(struct nl_msg *msg)
{
	struct nlattr *nest = nla_nest_start(msg, MVLAN_A_PORT);

	nla_put_u32(msg, MVLAN_PORT_A_IFINDEX, 2);
	nla_put_string(msg, MVLAN_PORT_A_IFNAME, "lower0");
	nla_put_u32(msg, MVLAN_PORT_A_DEVICES, 3);
	nla_put_u32(msg, MVLAN_PORT_A_PRIVATE, 0);
	nla_put_u32(msg, MVLAN_PORT_A_VEPA, 1);
	nla_put_u32(msg, MVLAN_PORT_A_BRIDGE, 1);
	nla_put_u32(msg, MVLAN_PORT_A_PASSTHRU, 0);
	nla_put_u32(msg, MVLAN_PORT_A_SOURCE, 1);
	nla_put_u32(msg, MVLAN_PORT_A_BC_QUEUE_LEN_USED, 1000);
	nla_put_u32(msg, MVLAN_PORT_A_BC_QUEUE_LEN, 4);
	nla_put_s32(msg, MVLAN_PORT_A_BC_CUTOFF, -1);
	nla_put_u64(msg, MVLAN_PORT_A_BC_QUEUE_DROPS, 1ULL << 40);
	nla_put_u32(msg, MVLAN_PORT_A_SOURCE_ENTRIES, 7);
	nla_nest_end(msg, nest);
	return nest;
}

static struct counters_list devs, ports;

/* Parses msg's nest attr into a new element of l, and frees msg. */
static void parse_into(struct nl_msg *msg, int attr, struct counters_list *l)
{
	struct counters *c = ARRAY_ADD(l->c, l->n, l->cap);
	struct mvipc_error e;

	CHECK(c && mvipc_parse_counters(nlmsg_hdr(msg), attr, c, &e) == 0);
	nlmsg_free(msg);
}

static void fill_lists(void)
{
	struct nl_msg *msg;

	ARRAY_FREE(devs.c, devs.n, devs.cap);
	ARRAY_FREE(ports.c, ports.n, ports.cap);
	msg = reply(MVLAN_CMD_STATS_GET, "mv0", 7);
	stats_nest(msg, true);
	parse_into(msg, MVLAN_A_STATS, &devs);
	msg = reply(MVLAN_CMD_STATS_GET, "mv1", 8);
	stats_nest(msg, false);
	parse_into(msg, MVLAN_A_STATS, &devs);
	msg = reply(MVLAN_CMD_PORT_GET, NULL, 0);
	port_nest(msg);
	parse_into(msg, MVLAN_A_PORT, &ports);
}

static const char *counters_of(enum output out)
{
	FILE *f = memout_open();

	counters_print(f, &devs, &ports, out);
	return memout_close(f);
}

static void test_stats_text(void)
{
	fill_lists();
	CHECK_STR(counters_of(OUT_TEXT),
		  "mv0: ifindex 7 rx_packets 102 rx_bytes 103 rx_multicast 104 "
		  "rx_errors 105 rx_dropped 106 tx_packets 107 tx_bytes 108 "
		  "tx_dropped 109 drop_dev_down 110 drop_nomem 111 "
		  "drop_filtered 112 drop_backlog 113\n"
		  "mv1: ifindex 8 rx_packets 102 rx_bytes 103 rx_multicast 104 "
		  "rx_errors 105 rx_dropped 106 tx_packets 107 tx_bytes 108 "
		  "tx_dropped 109 drop_dev_down 110 drop_nomem 111 "
		  "drop_filtered 112\n"
		  "port lower0: ifindex 2 devices 3 private 0 vepa 1 bridge 1 "
		  "passthru 0 source 1 bcqueuelen_used 1000 bcqueue_frames 4 "
		  "bclim -1 bcqueue_drops 1099511627776 source_entries 7\n");
}

static void test_stats_json(void)
{
	fill_lists();
	devs.n = 1;
	CHECK_STR(counters_of(OUT_JSON),
		  "{\"devices\":[{\"ifname\":\"mv0\",\"ifindex\":7,"
		  "\"rx_packets\":102,\"rx_bytes\":103,\"rx_multicast\":104,"
		  "\"rx_errors\":105,\"rx_dropped\":106,\"tx_packets\":107,"
		  "\"tx_bytes\":108,\"tx_dropped\":109,\"drop_dev_down\":110,"
		  "\"drop_nomem\":111,\"drop_filtered\":112,"
		  "\"drop_backlog\":113}],"
		  "\"ports\":[{\"ifname\":\"lower0\",\"ifindex\":2,"
		  "\"devices\":3,\"private\":0,\"vepa\":1,\"bridge\":1,"
		  "\"passthru\":0,\"source\":1,\"bcqueuelen_used\":1000,"
		  "\"bcqueue_frames\":4,\"bclim\":-1,"
		  "\"bcqueue_drops\":1099511627776,\"source_entries\":7}]}\n");
	devs.n = 0;
	ports.n = 0;
	CHECK_STR(counters_of(OUT_JSON), "{\"devices\":[],\"ports\":[]}\n");
	CHECK_STR(counters_of(OUT_JSON_PRETTY),
		  "{\n  \"devices\": [],\n  \"ports\": []\n}\n");
	CHECK_STR(counters_of(OUT_TEXT), "");
}

/* A counter of the wrong size is a malformed reply, not a wrong number. */
static void test_stats_malformed(void)
{
	struct nl_msg *msg = reply(MVLAN_CMD_STATS_GET, "mv0", 7);
	struct counters c = { .name = "" };
	struct mvipc_error e;
	struct nlattr *nest;

	nest = nla_nest_start(msg, MVLAN_A_STATS);
	nla_put_u32(msg, MVLAN_STATS_A_RX_PACKETS, 1);
	nla_nest_end(msg, nest);
	CHECK(mvipc_parse_counters(nlmsg_hdr(msg), MVLAN_A_STATS, &c, &e) < 0);
	nlmsg_free(msg);
}

/* Events */

static const struct mvlan_dev mv0 = {
	.ifindex = 7,
	.name = "mv0",
	.link = 2,
	.link_name = "lower0",
	.mode = MVLAN_MODE_SOURCE,
	.flags = MVLAN_F_NODST,
	.address = { 0x02, 0, 0, 0, 0, 0x10 },
};

static const char *dev_event_of(const char *kind, const struct mvlan_dev *d,
				enum output out)
{
	FILE *f = memout_open();

	event_print_dev(f, kind, d, out);
	return memout_close(f);
}

static void test_dev_events(void)
{
	struct mvlan_dev d = mv0;

	CHECK_STR(dev_event_of("new", &d, OUT_TEXT),
		  "new mv0: ifindex 7 link lower0 mode source nodst "
		  "address 02:00:00:00:00:10\n");
	d.present = DEV_HAS_BC_QUEUE_LEN | DEV_HAS_BC_CUTOFF |
		    DEV_HAS_SOURCE_COUNT;
	d.bc_queue_len = 1000;
	d.bc_cutoff = -1;
	d.source_count = 2;
	CHECK_STR(dev_event_of("change", &d, OUT_TEXT),
		  "change mv0: ifindex 7 link lower0 mode source nodst "
		  "address 02:00:00:00:00:10 bcqueuelen 1000 bclim -1\n");
	CHECK_STR(dev_event_of("del", &d, OUT_JSON),
		  "{\"event\":\"del\",\"ifname\":\"mv0\",\"ifindex\":7,"
		  "\"link\":\"lower0\",\"link_ifindex\":2,\"mode\":\"source\","
		  "\"flags\":[\"nodst\"],\"address\":\"02:00:00:00:00:10\","
		  "\"bcqueuelen\":1000,\"bclim\":-1,\"source_count\":2}\n");

	/* the kind: unsaid in text for mvlan, always in JSON */
	d.present = DEV_HAS_KIND;
	strcpy(d.kind, "mvlan");
	CHECK_STR(dev_event_of("new", &d, OUT_TEXT),
		  "new mv0: ifindex 7 link lower0 mode source nodst "
		  "address 02:00:00:00:00:10\n");
	strcpy(d.kind, "mvtap");
	CHECK_STR(dev_event_of("new", &d, OUT_TEXT),
		  "new mv0: ifindex 7 link lower0 type mvtap mode source nodst "
		  "address 02:00:00:00:00:10\n");
	CHECK_STR(dev_event_of("new", &d, OUT_JSON),
		  "{\"event\":\"new\",\"ifname\":\"mv0\",\"ifindex\":7,"
		  "\"link\":\"lower0\",\"link_ifindex\":2,\"type\":\"mvtap\","
		  "\"mode\":\"source\",\"flags\":[\"nodst\"],"
		  "\"address\":\"02:00:00:00:00:10\"}\n");
}

static const char *source_event_of(const struct source_event *e,
				   enum output out)
{
	FILE *f = memout_open();

	event_print_source(f, e, out);
	return memout_close(f);
}

static void test_source_events(void)
{
	struct source_event e = {
		.name = "mv0", .ifindex = 7,
		.present = SRC_HAS_COUNT | SRC_HAS_ADDED | SRC_HAS_REMOVED,
		.count = 3, .added = 3, .removed = 0,
	};

	CHECK_STR(source_event_of(&e, OUT_TEXT),
		  "source mv0: ifindex 7 count 3 added 3 removed 0\n");
	CHECK_STR(source_event_of(&e, OUT_JSON),
		  "{\"event\":\"source\",\"ifname\":\"mv0\",\"ifindex\":7,"
		  "\"count\":3,\"added\":3,\"removed\":0}\n");
	e.present = SRC_HAS_COUNT;
	CHECK_STR(source_event_of(&e, OUT_TEXT),
		  "source mv0: ifindex 7 count 3\n");
}

int main(void)
{
	RUN(test_entries_text);
	RUN(test_entries_json);
	RUN(test_entries_sort);
	RUN(test_stats_text);
	RUN(test_stats_json);
	RUN(test_stats_malformed);
	RUN(test_dev_events);
	RUN(test_source_events);
	ARRAY_FREE(devs.c, devs.n, devs.cap);
	ARRAY_FREE(ports.c, ports.n, ports.cap);
	free(memout_buf);
	return unit_summary();
}
