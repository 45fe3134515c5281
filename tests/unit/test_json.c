// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of cli/json.c.
 */
#include <stdint.h>

#include "json.h"
#include "memout.h"
#include "unit.h"

static struct json j;
static FILE *out;

static void begin(void)
{
	out = memout_open();
	json_init(&j, out);
}

static const char *end(void)
{
	return memout_close(out);
}

/* The JSON literal json_string() makes of s. */
static const char *string_of(const char *s)
{
	begin();
	json_string(&j, s);
	return end();
}

static void test_empty_array(void)
{
	begin();
	json_array_begin(&j);
	json_array_end(&j);
	CHECK_STR(end(), "[]");
}

static void test_empty_object(void)
{
	begin();
	json_object_begin(&j);
	json_object_end(&j);
	CHECK_STR(end(), "{}");
}

static void test_object_members(void)
{
	begin();
	json_object_begin(&j);
	json_key(&j, "s");
	json_string(&j, "x");
	json_key(&j, "u");
	json_uint(&j, 7);
	json_key(&j, "i");
	json_int(&j, -2);
	json_key(&j, "t");
	json_bool(&j, true);
	json_key(&j, "f");
	json_bool(&j, false);
	json_object_end(&j);
	CHECK_STR(end(), "{\"s\":\"x\",\"u\":7,\"i\":-2,\"t\":true,\"f\":false}");
}

static void test_array_elements(void)
{
	begin();
	json_array_begin(&j);
	json_uint(&j, 1);
	json_string(&j, "two");
	json_array_begin(&j);
	json_array_end(&j);
	json_object_begin(&j);
	json_object_end(&j);
	json_array_end(&j);
	CHECK_STR(end(), "[1,\"two\",[],{}]");
}

static void test_nesting(void)
{
	begin();
	json_array_begin(&j);
	json_object_begin(&j);
	json_key(&j, "a");
	json_array_begin(&j);
	json_string(&j, "x");
	json_string(&j, "y");
	json_array_end(&j);
	json_key(&j, "b");
	json_object_begin(&j);
	json_key(&j, "c");
	json_uint(&j, 1);
	json_object_end(&j);
	json_object_end(&j);
	json_object_begin(&j);
	json_key(&j, "a");
	json_array_begin(&j);
	json_array_end(&j);
	json_object_end(&j);
	json_array_end(&j);
	CHECK_STR(end(), "[{\"a\":[\"x\",\"y\"],\"b\":{\"c\":1}},{\"a\":[]}]");
}

static void test_integer_limits(void)
{
	begin();
	json_array_begin(&j);
	json_uint(&j, UINT64_MAX);
	json_int(&j, INT64_MIN);
	json_int(&j, INT64_MAX);
	json_uint(&j, 0);
	json_array_end(&j);
	CHECK_STR(end(), "[18446744073709551615,-9223372036854775808,"
			 "9223372036854775807,0]");
}

static void test_escape_plain(void)
{
	CHECK_STR(string_of(""), "\"\"");
	CHECK_STR(string_of("mv0"), "\"mv0\"");
	CHECK_STR(string_of("a/b"), "\"a/b\"");		/* '/' needs none */
	CHECK_STR(string_of("\x7f"), "\"\x7f\"");	/* DEL is no control */
}

static void test_escape_quote(void)
{
	CHECK_STR(string_of("a\"b"), "\"a\\\"b\"");
	CHECK_STR(string_of("\"\""), "\"\\\"\\\"\"");
}

static void test_escape_backslash(void)
{
	CHECK_STR(string_of("a\\b"), "\"a\\\\b\"");
	CHECK_STR(string_of("\\"), "\"\\\\\"");
	CHECK_STR(string_of("\\\""), "\"\\\\\\\"\"");
}

static void test_escape_short_controls(void)
{
	CHECK_STR(string_of("\b\f\n\r\t"), "\"\\b\\f\\n\\r\\t\"");
}

static void test_escape_other_controls(void)
{
	CHECK_STR(string_of("\x01"), "\"\\u0001\"");
	CHECK_STR(string_of("a\x1f" "b"), "\"a\\u001fb\"");
	CHECK_STR(string_of("\x0b"), "\"\\u000b\"");
	CHECK_STR(string_of("\x1b[0m"), "\"\\u001b[0m\"");
}

static void test_utf8_passes_through(void)
{
	CHECK_STR(string_of("\xc3\xa9t\xc3\xa9"), "\"\xc3\xa9t\xc3\xa9\"");
}

static void test_escaped_key(void)
{
	begin();
	json_object_begin(&j);
	json_key(&j, "k\"\n");
	json_uint(&j, 1);
	json_object_end(&j);
	CHECK_STR(end(), "{\"k\\\"\\n\":1}");
}

/* The pretty writer: Python's json.dumps(indent=2). */
static const char *pretty_nesting(void)
{
	out = memout_open();
	json_init_pretty(&j, out);
	json_array_begin(&j);
	json_object_begin(&j);
	json_key(&j, "a");
	json_array_begin(&j);
	json_string(&j, "x");
	json_uint(&j, 2);
	json_array_end(&j);
	json_key(&j, "b");
	json_object_begin(&j);
	json_key(&j, "c");
	json_int(&j, -1);
	json_object_end(&j);
	json_key(&j, "e");
	json_array_begin(&j);
	json_array_end(&j);
	json_key(&j, "o");
	json_object_begin(&j);
	json_object_end(&j);
	json_object_end(&j);
	json_bool(&j, true);
	json_array_end(&j);
	return end();
}

static void test_pretty(void)
{
	CHECK_STR(pretty_nesting(),
		  "[\n"
		  "  {\n"
		  "    \"a\": [\n"
		  "      \"x\",\n"
		  "      2\n"
		  "    ],\n"
		  "    \"b\": {\n"
		  "      \"c\": -1\n"
		  "    },\n"
		  "    \"e\": [],\n"
		  "    \"o\": {}\n"
		  "  },\n"
		  "  true\n"
		  "]");
}

static void test_pretty_empty(void)
{
	out = memout_open();
	json_init_pretty(&j, out);
	json_array_begin(&j);
	json_array_end(&j);
	CHECK_STR(end(), "[]");
}

static void test_init_out(void)
{
	out = memout_open();
	json_init_out(&j, out, OUT_JSON);
	json_object_begin(&j);
	json_key(&j, "k");
	json_uint(&j, 1);
	json_object_end(&j);
	CHECK_STR(end(), "{\"k\":1}");

	out = memout_open();
	json_init_out(&j, out, OUT_JSON_PRETTY);
	json_object_begin(&j);
	json_key(&j, "k");
	json_uint(&j, 1);
	json_object_end(&j);
	CHECK_STR(end(), "{\n  \"k\": 1\n}");
}

int main(void)
{
	RUN(test_empty_array);
	RUN(test_empty_object);
	RUN(test_object_members);
	RUN(test_array_elements);
	RUN(test_nesting);
	RUN(test_integer_limits);
	RUN(test_escape_plain);
	RUN(test_escape_quote);
	RUN(test_escape_backslash);
	RUN(test_escape_short_controls);
	RUN(test_escape_other_controls);
	RUN(test_utf8_passes_through);
	RUN(test_escaped_key);
	RUN(test_pretty);
	RUN(test_pretty_empty);
	RUN(test_init_out);
	free(memout_buf);
	return unit_summary();
}
