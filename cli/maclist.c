// SPDX-License-Identifier: GPL-2.0
/*
 * Lists of MAC addresses.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "maclist.h"

int maclist_add(struct maclist *l, const uint8_t mac[MAC_LEN])
{
	uint8_t (*new)[MAC_LEN] = ARRAY_ADD(l->mac, l->n, l->cap);

	if (!new)
		return -ENOMEM;
	memcpy(*new, mac, MAC_LEN);
	return 0;
}

static bool is_blank(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* The line without the blanks around it, in place. */
static char *trim(char *s)
{
	size_t n;

	while (is_blank(*s))
		s++;
	n = strlen(s);
	while (n > 0 && is_blank(s[n - 1]))
		s[--n] = '\0';
	return s;
}

static void set_error(struct maclist_error *e, unsigned long line, int err,
		      const char *text)
{
	size_t n = strlen(text);

	e->line = line;
	e->err = err;
	if (n < sizeof(e->text)) {
		memcpy(e->text, text, n + 1);
	} else {
		memcpy(e->text, text, sizeof(e->text) - 4);
		strcpy(e->text + sizeof(e->text) - 4, "...");
	}
}

int maclist_read(struct maclist *l, FILE *f, struct maclist_error *e)
{
	size_t start = l->n, size = 0;
	unsigned long line = 0;
	char *buf = NULL;
	int err = 0;

	while (getline(&buf, &size, f) >= 0) {
		uint8_t mac[MAC_LEN];
		char *s = trim(buf);

		line++;
		if (!*s || *s == '#')
			continue;
		err = parse_mac_unicast(s, mac);
		if (err) {
			set_error(e, line, err, s);
			break;
		}
		err = maclist_add(l, mac);
		if (err)
			break;
	}
	if (!err && ferror(f))
		err = -EIO;
	free(buf);
	if (err)
		l->n = start;
	return err;
}

static int mac_cmp(const void *a, const void *b)
{
	return memcmp(a, b, MAC_LEN);
}

void maclist_sort_unique(struct maclist *l)
{
	size_t i, n = 0;

	if (l->n < 2)
		return;
	qsort(l->mac, l->n, sizeof(*l->mac), mac_cmp);
	for (i = 1; i < l->n; i++)
		if (memcmp(l->mac[n], l->mac[i], MAC_LEN))
			memcpy(l->mac[++n], l->mac[i], MAC_LEN);
	l->n = n + 1;
}

void maclist_free(struct maclist *l)
{
	ARRAY_FREE(l->mac, l->n, l->cap);
}
