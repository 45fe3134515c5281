/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The output forms of an mvlan device (struct mvlan_dev, ipc_types.h).
 */
#ifndef MVCTL_DEV_H
#define MVCTL_DEV_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "ipc_types.h"
#include "json.h"

/* A mode's name, or its number for a mode this tool does not know. */
#define NUM_STRLEN	12	/* "0x80000000", "4294967295" and a NUL */
const char *mode_str(uint32_t mode, char buf[NUM_STRLEN]);

/*
 * One line:
 * "mv0: ifindex 7 link veth0 mode bridge[ nopromisc][ nodst][ hostbridge] address ..."
 */
void dev_print_text(FILE *f, const struct mvlan_dev *d);
/* The same without the newline. */
void dev_print_line(FILE *f, const struct mvlan_dev *d);

/*
 * The members of one object, without its braces: "ifname":"mv0",
 * "ifindex":7,"link":"veth0",... then those of d->present.
 */
void dev_print_json_members(struct json *j, const struct mvlan_dev *d);

/* One object: {"ifname":"mv0","ifindex":7,"link":"veth0",...} */
void dev_print_json(struct json *j, const struct mvlan_dev *d);

/* All of them: text lines, or a JSON array and a newline. */
void devs_print(FILE *f, const struct mvlan_dev *devs, size_t n,
		enum output out);

/* "mvctl mode NAME": "MODE[ FLAG...]", or {"ifname":..,"mode":..,"flags":[..]} */
void dev_print_mode(FILE *f, const struct mvlan_dev *d, enum output out);

#endif /* MVCTL_DEV_H */
