// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of cli/dev.c: the text and JSON forms of "mvctl show".
 */
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

	devs_print(f, d, n, true);
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

	devs_print(f, NULL, 0, false);
	CHECK_STR(memout_close(f), "");
	CHECK_STR(json_of(NULL, 0), "[]\n");
}

static void test_text_many(void)
{
	struct mvlan_dev d[2] = { mv0, mv0 };
	FILE *f = memout_open();

	strcpy(d[1].name, "mv1");
	d[1].ifindex = 8;
	devs_print(f, d, 2, false);
	CHECK_STR(memout_close(f),
		  "mv0: ifindex 7 link veth0 mode bridge address 02:11:22:33:44:55\n"
		  "mv1: ifindex 8 link veth0 mode bridge address 02:11:22:33:44:55\n");
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
	free(memout_buf);
	return unit_summary();
}
