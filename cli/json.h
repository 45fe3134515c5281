/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A tiny streaming JSON writer: compact output, commas placed automatically.
 *
 *	json_init(&j, stdout);
 *	json_array_begin(&j);
 *	json_object_begin(&j);
 *	json_key(&j, "ifname");
 *	json_string(&j, "mv0");
 *	json_object_end(&j);
 *	json_array_end(&j);		-> [{"ifname":"mv0"}]
 *
 * Strings are written as given (UTF-8 is passed through) with '"', '\\'
 * and control characters escaped.
 *
 * A pretty writer (json_init_pretty()) puts each member and element on a
 * line of its own, indented by two spaces a level, and a space after the
 * ':' of a key, as Python's json.dumps(indent=2) does; empty arrays and
 * objects stay "[]" and "{}". Neither writer ends the text with a newline.
 */
#ifndef MVCTL_JSON_H
#define MVCTL_JSON_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define JSON_MAX_DEPTH	16

struct json {
	FILE *f;
	unsigned int depth;
	bool pretty;
	bool after_key;			/* a value completes a "key": pair */
	bool empty[JSON_MAX_DEPTH + 1];	/* nothing written yet at a level */
};

/* What a command prints: text, JSON (-j), or indented JSON (-j -p). */
enum output {
	OUT_TEXT,
	OUT_JSON,
	OUT_JSON_PRETTY,
};

void json_init(struct json *j, FILE *f);
void json_init_pretty(struct json *j, FILE *f);
/* json_init() or json_init_pretty(), as out says (OUT_JSON or _PRETTY). */
void json_init_out(struct json *j, FILE *f, enum output out);

void json_object_begin(struct json *j);
void json_object_end(struct json *j);
void json_array_begin(struct json *j);
void json_array_end(struct json *j);

void json_key(struct json *j, const char *key);
void json_string(struct json *j, const char *s);
void json_uint(struct json *j, uint64_t v);
void json_int(struct json *j, int64_t v);
void json_bool(struct json *j, bool v);

/* v in decimal, in buf (the result points into it), fast. */
#define U64_STRLEN	21	/* "18446744073709551615" and a NUL */
const char *format_u64(uint64_t v, char buf[U64_STRLEN]);

/* Writes s as a JSON string literal, quotes included. */
void json_write_escaped(FILE *f, const char *s);

#endif /* MVCTL_JSON_H */
