/* SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR MIT) */
/*
 * mvlan: MAC address based virtual LAN devices, an out-of-tree MACVLAN driver.
 *
 * This header is the protocol's specification. It is shared by the kernel
 * module and by userspace (mvctl). Enumerations are append-only: a value,
 * once released, keeps its number and its meaning forever.
 *
 * Two netlink surfaces
 * --------------------
 *
 * 1. rtnetlink, link kind "mvlan" (MVLAN_LINK_KIND). A device is created with
 *    RTM_NEWLINK carrying IFLA_LINK (the lower device) and
 *    IFLA_LINKINFO { IFLA_INFO_KIND "mvlan", IFLA_INFO_DATA { IFLA_MVLAN_* } },
 *    so that it is registered directly in its final mode. Deleting,
 *    renaming, moving to another netns and statistics are plain rtnetlink.
 *
 * 2. generic netlink, family "mvlan" (MVLAN_GENL_NAME), version
 *    MVLAN_GENL_VERSION. Every message carries attributes of the set below.
 *
 *    MVLAN_CMD_DEV_GET
 *      do:   request  { MVLAN_A_IFINDEX | MVLAN_A_IFNAME }
 *            reply    one device (see the tree below)
 *      dump: request  { }
 *            reply    one message per mvlan device of the caller's netns
 *
 *    A device is described by:
 *
 *      MVLAN_A_IFINDEX         u32       ifindex of the mvlan device
 *      MVLAN_A_IFNAME          string    its name, NUL terminated
 *      MVLAN_A_LINK            u32       ifindex of the lower device
 *      MVLAN_A_MODE            u32       enum mvlan_mode
 *      MVLAN_A_FLAGS           u32       MVLAN_F_* bits
 *      MVLAN_A_ADDRESS         binary    the device's MAC, ETH_ALEN bytes
 *      MVLAN_A_LINK_NETNSID    s32       only when the lower device is in
 *                                        another netns: that netns' id
 *
 *    MVLAN_A_LINK is relative to the lower device's netns. When that is not
 *    the device's netns (after `ip link set ... netns`), MVLAN_A_LINK_NETNSID
 *    names it, exactly as IFLA_LINK and IFLA_LINK_NETNSID do for rtnetlink.
 *
 *    A device is looked up in the netns of the requesting socket only: a
 *    device in another netns is never reachable by ifindex or name.
 *    Errors carry an extended ACK message naming the offending attribute.
 */
#ifndef _UAPI_LINUX_MVLAN_H
#define _UAPI_LINUX_MVLAN_H

#include <linux/types.h>

#define MVLAN_LINK_KIND		"mvlan"

#define MVLAN_GENL_NAME		"mvlan"
#define MVLAN_GENL_VERSION	1

/*
 * Forwarding modes. The values are those of the kernel's MACVLAN_MODE_*
 * (include/uapi/linux/if_link.h) so that what users know carries over.
 */
enum mvlan_mode {
	MVLAN_MODE_PRIVATE	= 1,	/* never talk to other mvlan devices */
	MVLAN_MODE_VEPA		= 2,	/* talk to others via an external switch */
	MVLAN_MODE_BRIDGE	= 4,	/* talk to bridge-mode devices directly */
	MVLAN_MODE_PASSTHRU	= 8,	/* take over the lower device */
	MVLAN_MODE_SOURCE	= 16,	/* match on source MAC address */
};

#define MVLAN_MODE_DEFAULT	MVLAN_MODE_VEPA

/* Device flags, the values of the kernel's MACVLAN_FLAG_*. */
#define MVLAN_F_NOPROMISC	1		/* passthru: lower not promiscuous */
#define MVLAN_F_NODST		2		/* source: consume matched frames */
#define MVLAN_F_ALL		(MVLAN_F_NOPROMISC | MVLAN_F_NODST)

/* IFLA_INFO_DATA attributes of link kind "mvlan". */
enum {
	IFLA_MVLAN_UNSPEC,
	IFLA_MVLAN_MODE,		/* u32: enum mvlan_mode */
	IFLA_MVLAN_FLAGS,		/* u32: MVLAN_F_* */
	__IFLA_MVLAN_MAX,
};

#define IFLA_MVLAN_MAX		(__IFLA_MVLAN_MAX - 1)

/* Generic netlink commands of family "mvlan". */
enum mvlan_cmd {
	MVLAN_CMD_UNSPEC,
	MVLAN_CMD_DEV_GET,
	__MVLAN_CMD_MAX,
};

#define MVLAN_CMD_MAX		(__MVLAN_CMD_MAX - 1)

/* Generic netlink attributes of family "mvlan". */
enum mvlan_attr {
	MVLAN_A_UNSPEC,
	MVLAN_A_PAD,
	MVLAN_A_IFINDEX,		/* u32 */
	MVLAN_A_IFNAME,			/* string */
	MVLAN_A_LINK,			/* u32 */
	MVLAN_A_MODE,			/* u32: enum mvlan_mode */
	MVLAN_A_FLAGS,			/* u32: MVLAN_F_* */
	MVLAN_A_ADDRESS,		/* binary: ETH_ALEN bytes */
	MVLAN_A_LINK_NETNSID,		/* s32 */
	__MVLAN_A_MAX,
};

#define MVLAN_A_MAX		(__MVLAN_A_MAX - 1)

#endif /* _UAPI_LINUX_MVLAN_H */
