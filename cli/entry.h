/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Source list entries as MVLAN_CMD_SOURCE_GET reports them, and their
 * output forms.
 */
#ifndef MVCTL_ENTRY_H
#define MVCTL_ENTRY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "json.h"
#include "parse.h"

struct source_entry {
	uint8_t addr[MAC_LEN];
	bool has_last_seen;	/* the entry matched a frame once */
	uint64_t packets;
	uint64_t bytes;
	uint64_t last_seen;	/* ms ago */
};

struct entry_list {
	struct source_entry *e;
	size_t n, cap;
};

/* A new zeroed entry at the end, NULL without memory. */
struct source_entry *entry_list_add(struct entry_list *l);
void entry_list_free(struct entry_list *l);

/* By address. */
void entries_sort(struct source_entry *e, size_t n);

/*
 * One line an entry:
 *   "02:00:00:00:00:01 packets 5 bytes 490[ last_seen_ms 1200]"
 * or a JSON array of objects and a newline:
 *   [{"address":"02:00:00:00:00:01","packets":5,"bytes":490,"last_seen_ms":1200}]
 * last_seen_ms only for an entry that matched a frame once.
 */
void entries_print(FILE *f, const struct source_entry *e, size_t n,
		   enum output out);

#endif /* MVCTL_ENTRY_H */
