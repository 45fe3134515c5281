// SPDX-License-Identifier: GPL-2.0
/*
 * A tiny streaming JSON writer.
 */
#include <assert.h>

#include "json.h"

const char *format_u64(uint64_t v, char buf[U64_STRLEN])
{
	char *p = buf + U64_STRLEN - 1;

	*p = '\0';
	do
		*--p = '0' + v % 10;
	while (v /= 10);
	return p;
}

void json_init(struct json *j, FILE *f)
{
	j->f = f;
	j->pretty = false;
	j->depth = 0;
	j->after_key = false;
	j->empty[0] = true;
}

void json_init_pretty(struct json *j, FILE *f)
{
	json_init(j, f);
	j->pretty = true;
}

void json_init_out(struct json *j, FILE *f, enum output out)
{
	json_init(j, f);
	j->pretty = out == OUT_JSON_PRETTY;
}

/* Pretty only: a new line indented for nesting level depth. */
static void json_newline(struct json *j, unsigned int depth)
{
	fputc('\n', j->f);
	while (depth--)
		fputs("  ", j->f);
}

/*
 * Writes what separates a new member or element from what came before:
 * nothing after a key, else a ',' if one is due and, pretty, a new line.
 */
static void json_separate(struct json *j)
{
	if (j->after_key) {
		j->after_key = false;
	} else {
		if (!j->empty[j->depth])
			fputc(',', j->f);
		if (j->pretty && j->depth > 0)
			json_newline(j, j->depth);
	}
	j->empty[j->depth] = false;
}

static void json_open(struct json *j, char c)
{
	assert(j->depth < JSON_MAX_DEPTH);
	json_separate(j);
	fputc(c, j->f);
	j->empty[++j->depth] = true;
}

static void json_close(struct json *j, char c)
{
	assert(j->depth > 0 && !j->after_key);
	if (j->pretty && !j->empty[j->depth])
		json_newline(j, j->depth - 1);
	j->depth--;
	fputc(c, j->f);
}

void json_object_begin(struct json *j)
{
	json_open(j, '{');
}

void json_object_end(struct json *j)
{
	json_close(j, '}');
}

void json_array_begin(struct json *j)
{
	json_open(j, '[');
}

void json_array_end(struct json *j)
{
	json_close(j, ']');
}

/* The escape of c, or NULL if c stands for itself in a JSON string. */
static const char *escape_of(unsigned char c, char buf[7])
{
	switch (c) {
	case '"':
		return "\\\"";
	case '\\':
		return "\\\\";
	case '\b':
		return "\\b";
	case '\f':
		return "\\f";
	case '\n':
		return "\\n";
	case '\r':
		return "\\r";
	case '\t':
		return "\\t";
	}
	if (c >= 0x20)
		return NULL;
	snprintf(buf, 7, "\\u%04x", c);
	return buf;
}

/* Runs of plain characters are written at once: lists can be long. */
void json_write_escaped(FILE *f, const char *s)
{
	const char *run = s;
	char buf[7];

	fputc('"', f);
	for (; *s; s++) {
		const char *esc = escape_of(*s, buf);

		if (!esc)
			continue;
		fwrite(run, 1, s - run, f);
		fputs(esc, f);
		run = s + 1;
	}
	fwrite(run, 1, s - run, f);
	fputc('"', f);
}

void json_key(struct json *j, const char *key)
{
	assert(!j->after_key);
	json_separate(j);
	json_write_escaped(j->f, key);
	fputs(j->pretty ? ": " : ":", j->f);
	j->after_key = true;
}

void json_string(struct json *j, const char *s)
{
	json_separate(j);
	json_write_escaped(j->f, s);
}

void json_uint(struct json *j, uint64_t v)
{
	char buf[U64_STRLEN];

	json_separate(j);
	fputs(format_u64(v, buf), j->f);
}

void json_int(struct json *j, int64_t v)
{
	char buf[U64_STRLEN + 1];

	json_separate(j);
	if (v < 0)
		fputc('-', j->f);
	/* -(v + 1) + 1: INT64_MIN has no positive twin */
	fputs(format_u64(v < 0 ? (uint64_t)-(v + 1) + 1 : (uint64_t)v, buf),
	      j->f);
}

void json_bool(struct json *j, bool v)
{
	json_separate(j);
	fputs(v ? "true" : "false", j->f);
}
