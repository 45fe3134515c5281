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
};

/*
 * One line:
 * "mv0: ifindex 7 link veth0 mode bridge[ nopromisc][ nodst] address ..."
 */
void dev_print_text(FILE *f, const struct mvlan_dev *d);

/* One object: {"ifname":"mv0","ifindex":7,"link":"veth0",...} */
void dev_print_json(struct json *j, const struct mvlan_dev *d);

/* All of them: text lines, or a JSON array and a newline. */
void devs_print(FILE *f, const struct mvlan_dev *devs, size_t n, bool json);

#endif /* MVCTL_DEV_H */
