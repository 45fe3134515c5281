/* SPDX-License-Identifier: GPL-2.0 */
/*
 * MVLAN_CMD_DEV_GET: reading devices from the kernel.
 */
#ifndef MVCTL_DEVGET_H
#define MVCTL_DEVGET_H

#include <stddef.h>
#include <stdint.h>

#include <netlink/msg.h>

#include "dev.h"
#include "nl.h"

struct dev_list {
	struct mvlan_dev *devs;
	size_t n, cap;
	struct mvnl *nl;	/* for reporting malformed replies */
};

/*
 * Parses a message carrying a device (a DEV_GET reply or a DEV_NEW, _DEL
 * or _CHANGE notification) into *d, link_name left empty. Returns 0 or a
 * negative libnl error code recorded in nl.
 */
int dev_parse(struct mvnl *nl, struct nl_msg *msg, struct mvlan_dev *d);

/*
 * The device called name (DEV_GET do) into *d, its lower device named.
 * op says what for, in errors: "cannot <op> <name>: ...". Returns 0, or -1
 * after printing an error ("cannot find device" for ENODEV).
 */
int dev_get(struct mvnl *nl, int family, const char *name, const char *op,
	    struct mvlan_dev *d);

/*
 * All devices of the netns, or those on lower device link if it is not 0
 * (DEV_GET dump), into list, lower devices named. Returns 0, or -1 after
 * printing an error.
 */
int dev_dump(struct mvnl *nl, int family, uint32_t link, struct dev_list *list);

/*
 * Names the lower devices as this netns knows them. A lower device in
 * another netns, or gone, is "if<N>", as ip shows it. Returns 0, or -1
 * after printing an error.
 */
int dev_name_links(struct mvlan_dev *devs, size_t n);

void dev_list_free(struct dev_list *l);

#endif /* MVCTL_DEVGET_H */
