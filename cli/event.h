/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The output forms of notifications of the "events" group (ipc_types.h):
 * one line of text, or one JSON object, an event.
 */
#ifndef MVCTL_EVENT_H
#define MVCTL_EVENT_H

#include <stdio.h>

#include "dev.h"
#include "ipc_types.h"
#include "json.h"

/*
 * DEV_NEW, DEV_DEL, DEV_CHANGE as kind "new", "del", "change":
 *   "new mv0: ifindex 7 link lower0 mode bridge address ...[ bcqueuelen N][ bclim N]"
 *   {"event":"new","ifname":"mv0",...as mvctl -j show...}
 */
void event_print_dev(FILE *f, const char *kind, const struct mvlan_dev *d,
		     enum output out);

/*
 * SOURCE_CHANGE:
 *   "source mv0: ifindex 7 count 3 added 3 removed 0"
 *   {"event":"source","ifname":"mv0","ifindex":7,"count":3,"added":3,"removed":0}
 */
void event_print_source(FILE *f, const struct source_event *e,
			enum output out);

#endif /* MVCTL_EVENT_H */
