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
	bool after_key;			/* a value completes a "key": pair */
	bool empty[JSON_MAX_DEPTH + 1];	/* nothing written yet at a level */
};

void json_init(struct json *j, FILE *f);

void json_object_begin(struct json *j);
void json_object_end(struct json *j);
void json_array_begin(struct json *j);
void json_array_end(struct json *j);

void json_key(struct json *j, const char *key);
void json_string(struct json *j, const char *s);
void json_uint(struct json *j, uint64_t v);
void json_int(struct json *j, int64_t v);
void json_bool(struct json *j, bool v);

/* Writes s as a JSON string literal, quotes included. */
void json_write_escaped(FILE *f, const char *s);

#endif /* MVCTL_JSON_H */
