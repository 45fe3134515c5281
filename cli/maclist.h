/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A list of MAC addresses, as "mvctl source" sends them: grown by appending,
 * read from a file of one address a line, sorted and made unique.
 */
#ifndef MVCTL_MACLIST_H
#define MVCTL_MACLIST_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "parse.h"

struct maclist {
	uint8_t (*mac)[MAC_LEN];
	size_t n, cap;
};

/* Where maclist_read() stopped on a bad line. */
struct maclist_error {
	unsigned long line;	/* 1 for the first line */
	int err;		/* as parse_mac_unicast() */
	char text[MAC_STRLEN + 8];	/* the line's word, maybe cut short */
};

/* Appends mac. Returns 0 or -ENOMEM. */
int maclist_add(struct maclist *l, const uint8_t mac[MAC_LEN]);

/*
 * Appends the addresses of f: one a line; blanks around it are ignored,
 * and so are blank lines and lines whose first non-blank is '#'. Returns
 * 0; -EINVAL or -EADDRNOTAVAIL with *e describing the first bad line, and
 * nothing appended from f; -ENOMEM; or -EIO when reading f failed (errno
 * tells why).
 */
int maclist_read(struct maclist *l, FILE *f, struct maclist_error *e);

/* Sorts the list and drops repeated addresses. O(n log n). */
void maclist_sort_unique(struct maclist *l);

void maclist_free(struct maclist *l);

#endif /* MVCTL_MACLIST_H */
