/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The output forms of source list entries (struct source_entry,
 * ipc_types.h).
 */
#ifndef MVCTL_ENTRY_H
#define MVCTL_ENTRY_H

#include <stddef.h>
#include <stdio.h>

#include "ipc_types.h"
#include "json.h"

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
