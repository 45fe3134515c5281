// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of cli/dev.c: the text and JSON forms of "mvctl show" and of
 * "mvctl mode NAME".
 */
#include <string.h>

#include <linux/mvlan.h>

#include "dev.h"
#include "memout.h"
#include "unit.h"

static const struct mvlan_dev mv0 = {
	.ifindex = 7,
	.name = "mv0",
	.link = 4,
	.link_name = "veth0",
	.mode = MVLAN_MODE_BRIDGE,
	.flags = 0,
	.address = { 0x02, 0x11, 0x22, 0x33, 0x44, 0x55 },
};

static const char *text_of(const struct mvlan_dev *d)
{
	FILE *f = memout_open();

	dev_print_text(f, d);
	return memout_close(f);
}

static const char *json_of(const struct mvlan_dev *d, size_t n)
{
	FILE *f = memout_open();

	devs_print(f, d, n, OUT_JSON);
	return memout_close(f);
}

static void test_text(void)
{
	CHECK_STR(text_of(&mv0), "mv0: ifindex 7 link veth0 mode bridge "
				 "address 02:11:22:33:44:55\n");
}

static void test_text_flags(void)
{
	struct mvlan_dev d = mv0;

	d.mode = MVLAN_MODE_PASSTHRU;
	d.flags = MVLAN_F_NOPROMISC;
	CHECK_STR(text_of(&d), "mv0: ifindex 7 link veth0 mode passthru "
			       "nopromisc address 02:11:22:33:44:55\n");

	d.mode = MVLAN_MODE_SOURCE;
	d.flags = MVLAN_F_NODST;
	CHECK_STR(text_of(&d), "mv0: ifindex 7 link veth0 mode source "
			       "nodst address 02:11:22:33:44:55\n");

	d.flags = MVLAN_F_NODST | MVLAN_F_NOPROMISC;
	CHECK_STR(text_of(&d), "mv0: ifindex 7 link veth0 mode source "
			       "nopromisc nodst address 02:11:22:33:44:55\n");

	d.mode = MVLAN_MODE_BRIDGE;
	d.flags = MVLAN_F_HOSTBRIDGE;
	CHECK_STR(text_of(&d), "mv0: ifindex 7 link veth0 mode bridge "
			       "hostbridge address 02:11:22:33:44:55\n");
}

static void test_text_unknown_values(void)
{
	struct mvlan_dev d = mv0;

	d.mode = 32;
	d.flags = 1U << 4 | MVLAN_F_NODST;
	CHECK_STR(text_of(&d), "mv0: ifindex 7 link veth0 mode 32 "
			       "nodst 0x10 address 02:11:22:33:44:55\n");
}

static void test_text_lower_elsewhere(void)
{
	struct mvlan_dev d = mv0;

	strcpy(d.link_name, "if4");
	CHECK_STR(text_of(&d), "mv0: ifindex 7 link if4 mode bridge "
			       "address 02:11:22:33:44:55\n");
}

static void test_json_one(void)
{
	CHECK_STR(json_of(&mv0, 1),
		  "[{\"ifname\":\"mv0\",\"ifindex\":7,\"link\":\"veth0\","
		  "\"link_ifindex\":4,\"mode\":\"bridge\",\"flags\":[],"
		  "\"address\":\"02:11:22:33:44:55\"}]\n");
}

static void test_json_two(void)
{
	struct mvlan_dev d[2] = { mv0, mv0 };

	strcpy(d[1].name, "mv\"1");
	d[1].ifindex = 8;
	d[1].mode = MVLAN_MODE_SOURCE;
	d[1].flags = MVLAN_F_NOPROMISC | MVLAN_F_NODST;
	d[1].address[5] = 0xab;
	CHECK_STR(json_of(d, 2),
		  "[{\"ifname\":\"mv0\",\"ifindex\":7,\"link\":\"veth0\","
		  "\"link_ifindex\":4,\"mode\":\"bridge\",\"flags\":[],"
		  "\"address\":\"02:11:22:33:44:55\"},"
		  "{\"ifname\":\"mv\\\"1\",\"ifindex\":8,\"link\":\"veth0\","
		  "\"link_ifindex\":4,\"mode\":\"source\","
		  "\"flags\":[\"nopromisc\",\"nodst\"],"
		  "\"address\":\"02:11:22:33:44:ab\"}]\n");
}

static void test_none(void)
{
	FILE *f = memout_open();

	devs_print(f, NULL, 0, OUT_TEXT);
	CHECK_STR(memout_close(f), "");
	CHECK_STR(json_of(NULL, 0), "[]\n");
}

static void test_text_many(void)
{
	struct mvlan_dev d[2] = { mv0, mv0 };
	FILE *f = memout_open();

	strcpy(d[1].name, "mv1");
	d[1].ifindex = 8;
	devs_print(f, d, 2, OUT_TEXT);
	CHECK_STR(memout_close(f),
		  "mv0: ifindex 7 link veth0 mode bridge address 02:11:22:33:44:55\n"
		  "mv1: ifindex 8 link veth0 mode bridge address 02:11:22:33:44:55\n");
}

static void test_json_optional_keys_at_the_end(void)
{
	struct mvlan_dev d = mv0;

	d.present = DEV_HAS_BC_QUEUE_LEN | DEV_HAS_BC_QUEUE_LEN_USED |
		    DEV_HAS_BC_CUTOFF | DEV_HAS_SOURCE_COUNT;
	d.bc_queue_len = 100;
	d.bc_queue_len_used = 1000;
	d.bc_cutoff = -1;
	d.source_count = 3;
	CHECK_STR(json_of(&d, 1),
		  "[{\"ifname\":\"mv0\",\"ifindex\":7,\"link\":\"veth0\","
		  "\"link_ifindex\":4,\"mode\":\"bridge\",\"flags\":[],"
		  "\"address\":\"02:11:22:33:44:55\",\"bcqueuelen\":100,"
		  "\"bcqueuelen_used\":1000,\"bclim\":-1,\"source_count\":3}]\n");

	d.present = DEV_HAS_SOURCE_COUNT;
	CHECK_STR(json_of(&d, 1),
		  "[{\"ifname\":\"mv0\",\"ifindex\":7,\"link\":\"veth0\","
		  "\"link_ifindex\":4,\"mode\":\"bridge\",\"flags\":[],"
		  "\"address\":\"02:11:22:33:44:55\",\"source_count\":3}]\n");
}

/* The optional values never reach the text line of show. */
static void test_text_without_optional_values(void)
{
	struct mvlan_dev d = mv0;

	d.present = DEV_HAS_BC_QUEUE_LEN | DEV_HAS_BC_CUTOFF |
		    DEV_HAS_SOURCE_COUNT;
	d.bc_queue_len = 100;
	CHECK_STR(text_of(&d), "mv0: ifindex 7 link veth0 mode bridge "
			       "address 02:11:22:33:44:55\n");
}

static void test_json_link_netnsid(void)
{
	struct mvlan_dev d = mv0;

	d.link_netns = true;
	d.link_netnsid = 0;
	strcpy(d.link_name, "if4");
	CHECK_STR(json_of(&d, 1),
		  "[{\"ifname\":\"mv0\",\"ifindex\":7,\"link\":\"if4\","
		  "\"link_ifindex\":4,\"link_netnsid\":0,\"mode\":\"bridge\","
		  "\"flags\":[],\"address\":\"02:11:22:33:44:55\"}]\n");
}

static void test_json_pretty(void)
{
	struct mvlan_dev d = mv0;
	FILE *f = memout_open();

	d.flags = MVLAN_F_NODST;
	devs_print(f, &d, 1, OUT_JSON_PRETTY);
	CHECK_STR(memout_close(f),
		  "[\n"
		  "  {\n"
		  "    \"ifname\": \"mv0\",\n"
		  "    \"ifindex\": 7,\n"
		  "    \"link\": \"veth0\",\n"
		  "    \"link_ifindex\": 4,\n"
		  "    \"mode\": \"bridge\",\n"
		  "    \"flags\": [\n"
		  "      \"nodst\"\n"
		  "    ],\n"
		  "    \"address\": \"02:11:22:33:44:55\"\n"
		  "  }\n"
		  "]\n");
}

static const char *mode_of(const struct mvlan_dev *d, enum output out)
{
	FILE *f = memout_open();

	dev_print_mode(f, d, out);
	return memout_close(f);
}

static void test_mode_forms(void)
{
	struct mvlan_dev d = mv0;

	CHECK_STR(mode_of(&d, OUT_TEXT), "bridge\n");
	CHECK_STR(mode_of(&d, OUT_JSON),
		  "{\"ifname\":\"mv0\",\"mode\":\"bridge\",\"flags\":[]}\n");
	d.mode = MVLAN_MODE_SOURCE;
	d.flags = MVLAN_F_NODST | MVLAN_F_NOPROMISC;
	CHECK_STR(mode_of(&d, OUT_TEXT), "source nopromisc nodst\n");
	CHECK_STR(mode_of(&d, OUT_JSON),
		  "{\"ifname\":\"mv0\",\"mode\":\"source\","
		  "\"flags\":[\"nopromisc\",\"nodst\"]}\n");
	CHECK_STR(mode_of(&d, OUT_JSON_PRETTY),
		  "{\n  \"ifname\": \"mv0\",\n  \"mode\": \"source\",\n"
		  "  \"flags\": [\n    \"nopromisc\",\n    \"nodst\"\n  ]\n}\n");
	d.mode = MVLAN_MODE_BRIDGE;
	d.flags = MVLAN_F_HOSTBRIDGE;
	CHECK_STR(mode_of(&d, OUT_TEXT), "bridge hostbridge\n");
	CHECK_STR(mode_of(&d, OUT_JSON),
		  "{\"ifname\":\"mv0\",\"mode\":\"bridge\","
		  "\"flags\":[\"hostbridge\"]}\n");
	d.mode = 64;
	d.flags = 0x10;
	CHECK_STR(mode_of(&d, OUT_TEXT), "64 0x10\n");
}

int main(void)
{
	RUN(test_text);
	RUN(test_text_flags);
	RUN(test_text_unknown_values);
	RUN(test_text_lower_elsewhere);
	RUN(test_json_one);
	RUN(test_json_two);
	RUN(test_none);
	RUN(test_text_many);
	RUN(test_json_optional_keys_at_the_end);
	RUN(test_text_without_optional_values);
	RUN(test_json_link_netnsid);
	RUN(test_json_pretty);
	RUN(test_mode_forms);
	free(memout_buf);
	return unit_summary();
}
