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

/*
 * The kernel lists entries in the order they were added, and "set" adds
 * them sorted: most lists come in order, and a look at each neighbour
 * costs far less than qsort()'s comparisons (20 an entry at a million).
 */
static int entries_sorted(const struct source_entry *e, size_t n)
{
	size_t i;

	for (i = 1; i < n; i++)
		if (memcmp(e[i - 1].addr, e[i].addr, MAC_LEN) > 0)
			return 0;
	return 1;
}

void entries_sort(struct source_entry *e, size_t n)
{
	if (n > 1 && !entries_sorted(e, n))
		qsort(e, n, sizeof(*e), entry_cmp);
}

/* @s (a literal) at @p: the end of the copy */
#define PUT_LIT(p, s)	((char *)memcpy((p), (s), sizeof(s) - 1) + sizeof(s) - 1)

/* @v in decimal at @p: the end of the digits */
static char *put_u64(char *p, uint64_t v)
{
	char num[U64_STRLEN];
	const char *d = format_u64(v, num);
	size_t len = num + U64_STRLEN - 1 - d;

	return (char *)memcpy(p, d, len) + len;
}

/* The longest line of an entry, its newline included. */
#define ENTRY_LINE_MAX	(MAC_STRLEN + sizeof(" packets  bytes  last_seen_ms \n") + \
			 3 * U64_STRLEN)

/*
 * Lines built in a buffer of our own and written a buffer at a time,
 * without printf or a stdio call a field: a list may have a million
 * entries, and stdio's calls cost more than the kernel's dump of them.
 */
struct text_out {
	FILE *f;
	size_t n;
	char buf[1 << 16];
};

static void text_flush(struct text_out *o)
{
	fwrite(o->buf, 1, o->n, o->f);
	o->n = 0;
}

static void entry_print_text(struct text_out *o, const struct source_entry *e)
{
	char *p;

	if (sizeof(o->buf) - o->n < ENTRY_LINE_MAX)
		text_flush(o);
	p = o->buf + o->n;
	format_mac(e->addr, p);
	p += MAC_STRLEN - 1;
	p = PUT_LIT(p, " packets ");
	p = put_u64(p, e->packets);
	p = PUT_LIT(p, " bytes ");
	p = put_u64(p, e->bytes);
	if (e->has_last_seen) {
		p = PUT_LIT(p, " last_seen_ms ");
		p = put_u64(p, e->last_seen);
	}
	*p++ = '\n';
	o->n = p - o->buf;
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
		static struct text_out o;

		o.f = f;
		o.n = 0;
		for (i = 0; i < n; i++)
			entry_print_text(&o, &e[i]);
		text_flush(&o);
		return;
	}
	json_init_out(&j, f, out);
	json_array_begin(&j);
	for (i = 0; i < n; i++)
		entry_print_json(&j, &e[i]);
	json_array_end(&j);
	fputc('\n', f);
}
