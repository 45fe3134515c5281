// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of cli/maclist.c: MAC list files, as "source NAME set file
 * FILE" reads them.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "maclist.h"
#include "unit.h"

static struct maclist list;
static struct maclist_error error;

/* Reads text as a file; returns maclist_read()'s result. */
static int read_text(const char *text)
{
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	int err;

	if (!f) {
		perror("fmemopen");
		exit(1);
	}
	memset(&error, 0, sizeof(error));
	err = maclist_read(&list, f, &error);
	fclose(f);
	return err;
}

static const char *mac_at(size_t i)
{
	static char buf[MAC_STRLEN];

	format_mac(list.mac[i], buf);
	return buf;
}

static void test_plain(void)
{
	maclist_free(&list);
	CHECK(read_text("02:00:00:00:00:01\n02:00:00:00:00:02\n") == 0);
	CHECK(list.n == 2);
	CHECK_STR(mac_at(0), "02:00:00:00:00:01");
	CHECK_STR(mac_at(1), "02:00:00:00:00:02");
}

static void test_no_final_newline(void)
{
	maclist_free(&list);
	CHECK(read_text("02:00:00:00:00:01") == 0);
	CHECK(list.n == 1);
}

static void test_empty(void)
{
	maclist_free(&list);
	CHECK(read_text("") == 0);
	CHECK(list.n == 0);
	CHECK(read_text("\n\n# nothing\n   \n") == 0);
	CHECK(list.n == 0);
}

static void test_comments_blanks_and_case(void)
{
	maclist_free(&list);
	CHECK(read_text("# a list\n"
			"\n"
			"  02:AA:bb:CC:dd:EE  \n"
			"\t# indented comment\n"
			"02:00:00:00:00:03\r\n"
			"   \t\n") == 0);
	CHECK(list.n == 2);
	CHECK_STR(mac_at(0), "02:aa:bb:cc:dd:ee");
	CHECK_STR(mac_at(1), "02:00:00:00:00:03");
}

struct bad_case {
	const char *text;
	unsigned long line;
	int err;
	const char *word;
};

static const struct bad_case bad_cases[] = {
	{ "zz\n", 1, -EINVAL, "zz" },
	{ "02:00:00:00:00:01\n\n# x\n02:00:00:00:00\n", 4, -EINVAL,
	  "02:00:00:00:00" },
	{ "02:00:00:00:00:01\n01:00:5e:00:00:01\n", 2, -EADDRNOTAVAIL,
	  "01:00:5e:00:00:01" },
	{ "\n\n\nff:ff:ff:ff:ff:ff\n", 4, -EADDRNOTAVAIL, "ff:ff:ff:ff:ff:ff" },
	{ "00:00:00:00:00:00", 1, -EADDRNOTAVAIL, "00:00:00:00:00:00" },
	{ "02:00:00:00:00:01 # trailing comment\n", 1, -EINVAL,
	  "02:00:00:00:00:01 # tr..." },
	{ "02:00:00:00:00:01 02:00:00:00:00:02\n", 1, -EINVAL,
	  "02:00:00:00:00:01 02:0..." },
	{ "02-00-00-00-00-01\n", 1, -EINVAL, "02-00-00-00-00-01" },
	/* a bad line after good ones: the good ones are not kept */
	{ "02:00:00:00:00:01\n02:00:00:00:00:02\n02:00:00:00:00:0x\n", 3,
	  -EINVAL, "02:00:00:00:00:0x" },
};

static void test_bad_lines(void)
{
	static const uint8_t kept[MAC_LEN] = { 0x02, 0xee, 0, 0, 0, 0x01 };
	size_t i;

	for (i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
		const struct bad_case *c = &bad_cases[i];

		case_begin();
		maclist_free(&list);
		CHECK(maclist_add(&list, kept) == 0);
		CHECK(read_text(c->text) == c->err);
		CHECK(error.line == c->line);
		CHECK(error.err == c->err);
		CHECK_STR(error.text, c->word);
		/* what was there before stays, nothing of the file is added */
		CHECK(list.n == 1 && !memcmp(list.mac[0], kept, MAC_LEN));
		case_end("bad MAC list file -> line %lu \"%s\"", c->line,
			 c->word);
	}
}

static void test_sort_unique(void)
{
	maclist_free(&list);
	CHECK(read_text("02:00:00:00:00:03\n02:00:00:00:00:01\n"
			"02:00:00:00:00:03\n02:00:00:00:00:02\n"
			"02:00:00:00:00:01\n02:00:00:00:00:03\n") == 0);
	maclist_sort_unique(&list);
	CHECK(list.n == 3);
	CHECK_STR(mac_at(0), "02:00:00:00:00:01");
	CHECK_STR(mac_at(1), "02:00:00:00:00:02");
	CHECK_STR(mac_at(2), "02:00:00:00:00:03");

	maclist_free(&list);
	maclist_sort_unique(&list);		/* empty: fine */
	CHECK(list.n == 0);
}

/* A million addresses in reverse order: read, sort, all there, and fast. */
static void test_million(void)
{
	const size_t n = 1000000;
	size_t i, len = n * MAC_STRLEN;
	char *text = malloc(len + 1), *p = text;
	struct timespec t0, t1;
	double secs;
	bool ordered = true;

	CHECK(text != NULL);
	if (!text)
		return;
	for (i = n; i-- > 0;)
		p += sprintf(p, "02:00:00:%02zx:%02zx:%02zx\n", (i >> 16) & 0xff,
			     (i >> 8) & 0xff, i & 0xff);
	maclist_free(&list);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	CHECK(read_text(text) == 0);
	maclist_sort_unique(&list);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	free(text);

	CHECK(list.n == n);
	for (i = 1; i < list.n; i++)
		ordered &= memcmp(list.mac[i - 1], list.mac[i], MAC_LEN) < 0;
	CHECK(ordered);
	secs = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	/* about 0.2 s; generous for slow machines, but not O(n^2) */
	CHECK(secs < 10);
}

int main(void)
{
	RUN(test_plain);
	RUN(test_no_final_newline);
	RUN(test_empty);
	RUN(test_comments_blanks_and_case);
	test_bad_lines();
	RUN(test_sort_unique);
	RUN(test_million);
	maclist_free(&list);
	return unit_summary();
}
