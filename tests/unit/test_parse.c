// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of cli/parse.c.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>

#include <linux/mvlan.h>

#include "parse.h"
#include "unit.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* s with non-printable bytes as \xNN, for test case names. */
static const char *printable(const char *s)
{
	static char buf[256];
	size_t n = 0;

	for (; *s && n < sizeof(buf) - 5; s++) {
		unsigned char c = *s;

		if (c >= 0x20 && c < 0x7f)
			buf[n++] = c;
		else
			n += snprintf(buf + n, sizeof(buf) - n, "\\x%02x", c);
	}
	buf[n] = '\0';
	return buf;
}

/* A parser's return value, for test case names. */
static const char *ret_name(int err)
{
	switch (err) {
	case 0:
		return "0";
	case -EINVAL:
		return "-EINVAL";
	case -ERANGE:
		return "-ERANGE";
	case -EADDRNOTAVAIL:
		return "-EADDRNOTAVAIL";
	}
	return "?";
}

/* MAC addresses */

struct mac_case {
	const char *in;
	int err;		/* parse_mac() */
	int err_unicast;	/* parse_mac_unicast() */
	uint8_t mac[MAC_LEN];
};

static const struct mac_case mac_cases[] = {
	{ "02:11:22:33:44:55", 0, 0, { 0x02, 0x11, 0x22, 0x33, 0x44, 0x55 } },
	{ "AA:bb:Cc:dD:eE:fe", 0, 0, { 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xfe } },
	{ "fe:ff:ff:ff:ff:ff", 0, 0, { 0xfe, 0xff, 0xff, 0xff, 0xff, 0xff } },
	{ "00:00:00:00:00:01", 0, 0, { 0, 0, 0, 0, 0, 1 } },
	/* multicast, broadcast and all-zero: only the strict variant refuses */
	{ "01:00:5e:00:00:01", 0, -EADDRNOTAVAIL,
	  { 0x01, 0x00, 0x5e, 0x00, 0x00, 0x01 } },
	{ "33:33:00:00:00:01", 0, -EADDRNOTAVAIL,
	  { 0x33, 0x33, 0x00, 0x00, 0x00, 0x01 } },
	{ "0B:00:00:00:00:00", 0, -EADDRNOTAVAIL, { 0x0b, 0, 0, 0, 0, 0 } },
	{ "ff:ff:ff:ff:ff:ff", 0, -EADDRNOTAVAIL,
	  { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff } },
	{ "00:00:00:00:00:00", 0, -EADDRNOTAVAIL, { 0 } },
	/* malformed */
	{ "00:11:22:33:44", -EINVAL, -EINVAL, { 0 } },
	{ "00:11:22:33:44:55:66", -EINVAL, -EINVAL, { 0 } },
	{ "0g:11:22:33:44:55", -EINVAL, -EINVAL, { 0 } },
	{ "00:11:22:33:44:5g", -EINVAL, -EINVAL, { 0 } },
	{ "00:11:22:33:44:55x", -EINVAL, -EINVAL, { 0 } },
	{ "00:11:22:33:44:55:", -EINVAL, -EINVAL, { 0 } },
	{ "00:11:22:33:44:5", -EINVAL, -EINVAL, { 0 } },
	{ "0:11:22:33:44:55", -EINVAL, -EINVAL, { 0 } },
	{ "00:11:22:33:4:455", -EINVAL, -EINVAL, { 0 } },
	{ "00-11-22-33-44-55", -EINVAL, -EINVAL, { 0 } },
	{ "001122334455", -EINVAL, -EINVAL, { 0 } },
	{ " 00:11:22:33:44:55", -EINVAL, -EINVAL, { 0 } },
	{ "00:11:22:33:44:55 ", -EINVAL, -EINVAL, { 0 } },
	{ "+0:11:22:33:44:55", -EINVAL, -EINVAL, { 0 } },
	{ "", -EINVAL, -EINVAL, { 0 } },
};

static void check_mac(int (*parse)(const char *, uint8_t *), const char *in,
		      int want_err, const uint8_t *want)
{
	static const uint8_t canary[MAC_LEN] = { 0xde, 0xad, 0xbe, 0xef, 1, 2 };
	uint8_t mac[MAC_LEN];

	memcpy(mac, canary, MAC_LEN);
	CHECK(parse(in, mac) == want_err);
	if (want_err)
		CHECK(!memcmp(mac, canary, MAC_LEN));	/* left alone */
	else
		CHECK(!memcmp(mac, want, MAC_LEN));
}

static void test_macs(void)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(mac_cases); i++) {
		const struct mac_case *c = &mac_cases[i];

		case_begin();
		check_mac(parse_mac, c->in, c->err, c->mac);
		case_end("parse_mac \"%s\" -> %s", c->in, ret_name(c->err));

		case_begin();
		check_mac(parse_mac_unicast, c->in, c->err_unicast, c->mac);
		case_end("parse_mac_unicast \"%s\" -> %s", c->in,
			 ret_name(c->err_unicast));
	}
}

static void test_format_mac(void)
{
	static const uint8_t mac[MAC_LEN] = { 0x02, 0xab, 0x0c, 0xde, 0xf0, 0x01 };
	uint8_t back[MAC_LEN];
	char buf[MAC_STRLEN];

	format_mac(mac, buf);
	CHECK_STR(buf, "02:ab:0c:de:f0:01");
	CHECK(parse_mac(buf, back) == 0 && !memcmp(back, mac, MAC_LEN));
}

/* Modes and flags */

static void test_modes(void)
{
	static const struct {
		const char *name;
		uint32_t mode;
	} modes[] = {
		{ "private",	MVLAN_MODE_PRIVATE },
		{ "vepa",	MVLAN_MODE_VEPA },
		{ "bridge",	MVLAN_MODE_BRIDGE },
		{ "passthru",	MVLAN_MODE_PASSTHRU },
		{ "source",	MVLAN_MODE_SOURCE },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(modes); i++) {
		uint32_t mode = 0;

		case_begin();
		CHECK(parse_mode(modes[i].name, &mode) == 0);
		CHECK(mode == modes[i].mode);
		CHECK(mode_name(modes[i].mode) &&
		      !strcmp(mode_name(modes[i].mode), modes[i].name));
		case_end("mode \"%s\" <-> %u", modes[i].name, modes[i].mode);
	}
}

static void test_bad_modes(void)
{
	static const char *const bad[] = {
		"foo", "", "Bridge", "VEPA", "bridge ", " bridge", "4", "pass",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		uint32_t mode = 12345;

		case_begin();
		CHECK(parse_mode(bad[i], &mode) == -EINVAL);
		CHECK(mode == 12345);
		case_end("parse_mode \"%s\" -> -EINVAL", bad[i]);
	}
}

static void test_unknown_mode_values(void)
{
	CHECK(mode_name(0) == NULL);
	CHECK(mode_name(3) == NULL);
	CHECK(mode_name(32) == NULL);
	CHECK(mode_name(UINT32_MAX) == NULL);
}

static void test_flags(void)
{
	uint32_t flag = 0;

	CHECK(parse_flag("nopromisc", &flag) == 0 && flag == MVLAN_F_NOPROMISC);
	CHECK(parse_flag("nodst", &flag) == 0 && flag == MVLAN_F_NODST);
	CHECK(parse_flag("hostbridge", &flag) == 0 && flag == MVLAN_F_HOSTBRIDGE);
	CHECK(parse_flag("", &flag) == -EINVAL);
	CHECK(parse_flag("promisc", &flag) == -EINVAL);
	CHECK(parse_flag("nohostbridge", &flag) == -EINVAL);
	CHECK_STR(flag_name(MVLAN_F_NOPROMISC), "nopromisc");
	CHECK_STR(flag_name(MVLAN_F_NODST), "nodst");
	CHECK_STR(flag_name(MVLAN_F_HOSTBRIDGE), "hostbridge");
	CHECK(flag_name(0) == NULL);
	CHECK(flag_name(1U << 3) == NULL);
	CHECK(flag_name(MVLAN_F_ALL) == NULL);	/* one bit at a time */
}

/* Device names */

static void test_ifnames(void)
{
	static const struct {
		const char *name;
		bool valid;
	} cases[] = {
		{ "a", true },
		{ "mv0", true },
		{ "eth0.100", true },
		{ "123456789012345", true },		/* 15: IFNAMSIZ - 1 */
		{ "mv%d", true },
		{ "...", true },
		{ ".a", true },
		{ "a-b_c@d", true },
		{ "\xc3\xa9t\xc3\xa9", true },		/* UTF-8 is fine */
		{ "", false },
		{ "1234567890123456", false },		/* 16 */
		{ "12345678901234567890123456789012", false },
		{ ".", false },
		{ "..", false },
		{ "a/b", false },
		{ "/", false },
		{ "a:b", false },
		{ "a b", false },
		{ " a", false },
		{ "a\tb", false },
		{ "a\nb", false },
		{ "a\vb", false },
		{ "a\fb", false },
		{ "a\rb", false },
		{ "a\xa0" "b", false },		/* the kernel's isspace() */
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		case_begin();
		CHECK(valid_ifname(cases[i].name) == cases[i].valid);
		case_end("valid_ifname \"%s\" -> %s", printable(cases[i].name),
			 cases[i].valid ? "true" : "false");
	}
}

/* Numbers */

static void test_u32(void)
{
	static const struct {
		const char *in;
		int err;
		uint32_t v;
	} cases[] = {
		{ "0", 0, 0 },
		{ "1", 0, 1 },
		{ "007", 0, 7 },
		{ "1500", 0, 1500 },
		{ "4294967295", 0, UINT32_MAX },
		{ "4294967296", -ERANGE, 0 },
		{ "99999999999999999999999", -ERANGE, 0 },
		{ "", -EINVAL, 0 },
		{ "-1", -EINVAL, 0 },
		{ "-0", -EINVAL, 0 },
		{ "+1", -EINVAL, 0 },
		{ "12x", -EINVAL, 0 },
		{ "x12", -EINVAL, 0 },
		{ " 1", -EINVAL, 0 },
		{ "1 ", -EINVAL, 0 },
		{ "0x10", -EINVAL, 0 },
		{ "1e3", -EINVAL, 0 },
		{ "1.0", -EINVAL, 0 },
		{ "42949672960x", -EINVAL, 0 },	/* junk beats overflow */
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		uint32_t v = 12345;

		case_begin();
		CHECK(parse_u32(cases[i].in, &v) == cases[i].err);
		CHECK(v == (cases[i].err ? 12345 : cases[i].v));
		case_end("parse_u32 \"%s\" -> %s", cases[i].in,
			 ret_name(cases[i].err));
	}
}

static void test_s32(void)
{
	static const struct {
		const char *in;
		int err;
		int32_t v;
	} cases[] = {
		{ "0", 0, 0 },
		{ "-0", 0, 0 },
		{ "1", 0, 1 },
		{ "-1", 0, -1 },
		{ "2147483647", 0, INT32_MAX },
		{ "-2147483648", 0, INT32_MIN },
		{ "2147483648", -ERANGE, 0 },
		{ "-2147483649", -ERANGE, 0 },
		{ "4294967296", -ERANGE, 0 },
		{ "", -EINVAL, 0 },
		{ "-", -EINVAL, 0 },
		{ "--1", -EINVAL, 0 },
		{ "+1", -EINVAL, 0 },
		{ "12x", -EINVAL, 0 },
		{ "-12x", -EINVAL, 0 },
		{ " -1", -EINVAL, 0 },
		{ "- 1", -EINVAL, 0 },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		int32_t v = 12345;

		case_begin();
		CHECK(parse_s32(cases[i].in, &v) == cases[i].err);
		CHECK(v == (cases[i].err ? 12345 : cases[i].v));
		case_end("parse_s32 \"%s\" -> %s", cases[i].in,
			 ret_name(cases[i].err));
	}
}

/* bclim: negative numbers are fine, -1 is "all inline" */
static void test_bclim_numbers(void)
{
	static const struct {
		const char *in;
		int err;
		int32_t v;
	} cases[] = {
		{ "-1", 0, -1 },
		{ "-2", 0, -2 },
		{ "-10", 0, -10 },
		{ "-0001", 0, -1 },
		{ "-2147483648", 0, INT32_MIN },
		{ "1", 0, 1 },
		{ "-1-", -EINVAL, 0 },
		{ "-1.5", -EINVAL, 0 },
		{ "-0x1", -EINVAL, 0 },
		{ "1-", -EINVAL, 0 },
		{ "\xe2\x88\x92" "1", -EINVAL, 0 },	/* U+2212 minus sign */
		{ "-99999999999999999999", -ERANGE, 0 },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		int32_t v = 12345;

		case_begin();
		CHECK(parse_s32(cases[i].in, &v) == cases[i].err);
		CHECK(v == (cases[i].err ? 12345 : cases[i].v));
		case_end("bclim parse_s32 \"%s\" -> %s", printable(cases[i].in),
			 ret_name(cases[i].err));
	}
}

static void test_mac_strerror(void)
{
	char buf[128];

	mac_strerror(buf, sizeof(buf), "zz", -EINVAL);
	CHECK_STR(buf, "invalid MAC address \"zz\"");
	mac_strerror(buf, sizeof(buf), "", -EINVAL);
	CHECK_STR(buf, "invalid MAC address \"\"");
	mac_strerror(buf, sizeof(buf), "01:00:5e:00:00:01", -EADDRNOTAVAIL);
	CHECK_STR(buf, "\"01:00:5e:00:00:01\" is a multicast MAC address, not unicast");
	mac_strerror(buf, sizeof(buf), "ff:ff:ff:ff:ff:ff", -EADDRNOTAVAIL);
	CHECK_STR(buf, "\"ff:ff:ff:ff:ff:ff\" is a multicast MAC address, not unicast");
	mac_strerror(buf, sizeof(buf), "00:00:00:00:00:00", -EADDRNOTAVAIL);
	CHECK_STR(buf, "\"00:00:00:00:00:00\" is the all-zero MAC address, not unicast");
	/* a short buffer cuts, never overflows */
	mac_strerror(buf, 8, "zz", -EINVAL);
	CHECK_STR(buf, "invalid");
}

/* Batch lines */

struct split_case {
	const char *in;
	int err;
	int argc;
	const char *argv[6];
};

static const struct split_case split_cases[] = {
	{ "", 0, 0, { NULL } },
	{ "   \t  \n", 0, 0, { NULL } },
	{ "# a comment", 0, 0, { NULL } },
	{ "   # indented comment", 0, 0, { NULL } },
	{ "show\n", 0, 1, { "show" } },
	{ "show\r\n", 0, 1, { "show" } },
	{ "  add  mv0\tlink lower0  \n", 0, 4,
	  { "add", "mv0", "link", "lower0" } },
	{ "show mv0 # the rest is a comment", 0, 2, { "show", "mv0" } },
	{ "show mv#0", 0, 2, { "show", "mv#0" } },
	{ "mode \"\"", 0, 2, { "mode", "" } },
	{ "mode ''", 0, 2, { "mode", "" } },
	{ "a \"b c\" d", 0, 3, { "a", "b c", "d" } },
	{ "a 'b \"c\" d'", 0, 2, { "a", "b \"c\" d" } },
	{ "a \"b 'c' d\"", 0, 2, { "a", "b 'c' d" } },
	{ "a\"b\"'c'd", 0, 1, { "abcd" } },
	{ "\"#not a comment\" x", 0, 2, { "#not a comment", "x" } },
	{ "a \"\" b", 0, 3, { "a", "", "b" } },
	{ "a \"b\\\" c\"", -EINVAL, 0, { NULL } },	/* no escapes */
	{ "a \"b", -EINVAL, 0, { NULL } },
	{ "a 'b", -EINVAL, 0, { NULL } },
	{ "'", -EINVAL, 0, { NULL } },
	{ "a \"b'", -EINVAL, 0, { NULL } },
};

static void test_split(void)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(split_cases); i++) {
		const struct split_case *c = &split_cases[i];
		char line[128];
		char **argv = NULL;
		int argc = -1, k, err;

		snprintf(line, sizeof(line), "%s", c->in);
		case_begin();
		err = split_args(line, &argv, &argc);
		CHECK(err == c->err);
		if (!err && argv) {
			CHECK(argc == c->argc);
			for (k = 0; k < argc && k < c->argc; k++)
				CHECK_STR(argv[k], c->argv[k]);
			CHECK(argv[argc] == NULL);
		}
		free(argv);
		case_end("split_args \"%s\" -> %s, %d words", printable(c->in),
			 ret_name(c->err), c->argc);
	}
}

/* Every word of a long line, and the array's bound. */
static void test_split_many_words(void)
{
	char line[4096], **argv = NULL;
	size_t n = 0;
	int argc = 0, i;

	for (i = 0; i < 1000; i++)
		n += snprintf(line + n, sizeof(line) - n, "%s", "a ");
	CHECK(split_args(line, &argv, &argc) == 0);
	CHECK(argc == 1000);
	CHECK(argv && argv[999] && !strcmp(argv[999], "a") && !argv[1000]);
	free(argv);

	/* only empty words: the densest line there is */
	snprintf(line, sizeof(line), "\"\"\"\" ''");
	CHECK(split_args(line, &argv, &argc) == 0);
	CHECK(argc == 2);
	free(argv);
}

int main(void)
{
	test_macs();
	RUN(test_format_mac);
	test_modes();
	test_bad_modes();
	RUN(test_unknown_mode_values);
	RUN(test_flags);
	test_ifnames();
	test_u32();
	test_s32();
	test_bclim_numbers();
	RUN(test_mac_strerror);
	test_split();
	RUN(test_split_many_words);
	return unit_summary();
}
