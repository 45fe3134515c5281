// SPDX-License-Identifier: GPL-2.0
/*
 * Output forms of source list entries.
 */
#include <stdlib.h>
#include <string.h>

#include "entry.h"

static int entry_cmp(const void *a, const void *b)
{
	const struct source_entry *x = a, *y = b;

	return memcmp(x->addr, y->addr, MAC_LEN);
}

void entries_sort(struct source_entry *e, size_t n)
{
	if (n > 1)
		qsort(e, n, sizeof(*e), entry_cmp);
}

/* A line at once, without printf: a list may have a million entries. */
static void entry_print_text(FILE *f, const struct source_entry *e)
{
	char mac[MAC_STRLEN], num[U64_STRLEN];

	format_mac(e->addr, mac);
	fputs(mac, f);
	fputs(" packets ", f);
	fputs(format_u64(e->packets, num), f);
	fputs(" bytes ", f);
	fputs(format_u64(e->bytes, num), f);
	if (e->has_last_seen) {
		fputs(" last_seen_ms ", f);
		fputs(format_u64(e->last_seen, num), f);
	}
	fputc('\n', f);
}

static void entry_print_json(struct json *j, const struct source_entry *e)
{
	char mac[MAC_STRLEN];

	format_mac(e->addr, mac);
	json_object_begin(j);
	json_key(j, "address");
	json_string(j, mac);
	json_key(j, "packets");
	json_uint(j, e->packets);
	json_key(j, "bytes");
	json_uint(j, e->bytes);
	if (e->has_last_seen) {
		json_key(j, "last_seen_ms");
		json_uint(j, e->last_seen);
	}
	json_object_end(j);
}

void entries_print(FILE *f, const struct source_entry *e, size_t n,
		   enum output out)
{
	struct json j;
	size_t i;

	if (out == OUT_TEXT) {
		for (i = 0; i < n; i++)
			entry_print_text(f, &e[i]);
		return;
	}
	json_init_out(&j, f, out);
	json_array_begin(&j);
	for (i = 0; i < n; i++)
		entry_print_json(&j, &e[i]);
	json_array_end(&j);
	fputc('\n', f);
}
