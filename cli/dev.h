/* SPDX-License-Identifier: GPL-2.0 */
/*
 * An mvlan device as reported by MVLAN_CMD_DEV_GET, and its output forms.
 */
#ifndef MVCTL_DEV_H
#define MVCTL_DEV_H

#include <net/if.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "json.h"
#include "parse.h"

/* Attributes a reply may lack: bits of mvlan_dev.present. */
#define DEV_HAS_BC_QUEUE_LEN		0x1
#define DEV_HAS_BC_QUEUE_LEN_USED	0x2
#define DEV_HAS_BC_CUTOFF		0x4
#define DEV_HAS_SOURCE_COUNT		0x8

struct mvlan_dev {
	uint32_t ifindex;
	char name[IFNAMSIZ];
	uint32_t link;			/* lower ifindex, in the lower's netns */
	char link_name[IFNAMSIZ];	/* its name here, or "if<N>" */
	bool link_netns;		/* the lower is in another netns, */
	int32_t link_netnsid;		/* this one as this netns knows it */
	uint32_t mode;			/* enum mvlan_mode */
	uint32_t flags;			/* MVLAN_F_* */
	uint8_t address[MAC_LEN];
	unsigned int present;		/* DEV_HAS_*: which of these are set */
	uint32_t bc_queue_len;
	uint32_t bc_queue_len_used;
	int32_t bc_cutoff;
	uint32_t source_count;
};

/* A mode's name, or its number for a mode this tool does not know. */
#define NUM_STRLEN	12	/* "0x80000000", "4294967295" and a NUL */
const char *mode_str(uint32_t mode, char buf[NUM_STRLEN]);

/*
 * One line:
 * "mv0: ifindex 7 link veth0 mode bridge[ nopromisc][ nodst] address ..."
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
