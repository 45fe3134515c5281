/* SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR MIT) */
/*
 * mvlan: MAC address based virtual LAN devices, an out-of-tree MACVLAN driver.
 *
 * This header is the protocol's specification. It is shared by the kernel
 * module and by userspace (mvctl); uapi/mvlan.yaml says the same as a YNL
 * spec. Enumerations are append-only: a value, once released, keeps its
 * number and its meaning forever.
 *
 * Two netlink surfaces
 * ====================
 *
 * 1. rtnetlink, link kind "mvlan" (MVLAN_LINK_KIND). A device is created with
 *    RTM_NEWLINK carrying IFLA_LINK (the lower device) and
 *    IFLA_LINKINFO { IFLA_INFO_KIND "mvlan", IFLA_INFO_DATA { IFLA_MVLAN_* } },
 *    so that it is registered directly in its final mode. RTM_NEWLINK on an
 *    existing device changes it with the rules of MVLAN_CMD_DEV_SET.
 *    Deleting, renaming, moving to another netns and statistics are plain
 *    rtnetlink.
 *    Link kind "mvtap" (MVTAP_LINK_KIND, module mvtap.ko) takes the same
 *    attributes: an mvtap device is an mvlan device whose received frames go
 *    to the character device /dev/tapN (N its ifindex), as macvtap's. The
 *    genl family shows both kinds alike, MVLAN_A_KIND tells them apart.
 *
 * 2. generic netlink, family "mvlan" (MVLAN_GENL_NAME), version
 *    MVLAN_GENL_VERSION, multicast group "events" (MVLAN_MCGRP_EVENTS).
 *
 * Devices are named by MVLAN_A_IFINDEX or MVLAN_A_IFNAME (or both, which
 * must then agree) and looked up in the netns of the requesting socket only:
 * a device in another netns is never reachable. Every command that changes
 * state needs CAP_NET_ADMIN in the user namespace that owns the netns.
 * Errors carry an extended ACK message, and the offending attribute.
 *
 * Commands
 * --------
 *
 *  MVLAN_CMD_DEV_GET       do:   { dev }                 -> a device
 *                          dump: { [MVLAN_A_LINK] }      -> a device each,
 *                                all of the netns or those of one lower
 *  MVLAN_CMD_DEV_SET       do:   { dev, [MVLAN_A_MODE], [MVLAN_A_FLAGS],
 *                                [MVLAN_A_BC_QUEUE_LEN], [MVLAN_A_BC_CUTOFF] }
 *                                macvlan's rules: never into or out of
 *                                passthru; leaving source mode flushes the
 *                                source list. MVLAN_F_HOSTBRIDGE only in
 *                                bridge mode: a device that has it leaves
 *                                bridge mode only by clearing it in the
 *                                same request. All or nothing.
 *  MVLAN_CMD_SOURCE_ADD    do:   { dev, MVLAN_A_SOURCE... } add the addresses
 *                                (already listed ones are no error)
 *  MVLAN_CMD_SOURCE_DEL    do:   { dev, MVLAN_A_SOURCE... } remove them
 *                                (unlisted ones are no error)
 *  MVLAN_CMD_SOURCE_FLUSH  do:   { dev }                   remove all
 *  MVLAN_CMD_SOURCE_SET    do:   { dev, [MVLAN_A_SOURCE...],
 *                                [MVLAN_A_SOURCE_SET_FLAGS] }
 *                                replace the list, atomically: frames see
 *                                the old list or the new one, never a mix,
 *                                and on any error the old list stays. A
 *                                list too long for one message is sent as
 *                                a transaction over several messages from
 *                                one socket: the first with
 *                                MVLAN_SOURCE_SET_F_MORE, the middle ones
 *                                with CONTINUE | MORE, the last with
 *                                CONTINUE. It commits with the last and is
 *                                dropped on error or when the socket closes.
 *  MVLAN_CMD_SOURCE_GET    dump: { dev }                  -> messages of
 *                                { dev, MVLAN_A_SOURCE... } with hit counters
 *  MVLAN_CMD_STATS_GET     do:   { dev }                  -> { dev, MVLAN_A_STATS }
 *                          dump: { }                      -> one per device
 *  MVLAN_CMD_PORT_GET      do:   { MVLAN_A_LINK }         -> { MVLAN_A_PORT }
 *                          dump: { }                      -> one per lower
 *                                device of the netns that carries mvlan
 *
 *  Notifications to the "events" group, in the netns of the device:
 *  MVLAN_CMD_DEV_NEW, MVLAN_CMD_DEV_DEL       a device, as DEV_GET shows it
 *  MVLAN_CMD_DEV_CHANGE                       a device after mode, flags,
 *                                             bcqueuelen or bclim changed
 *  MVLAN_CMD_SOURCE_CHANGE                    { dev, MVLAN_A_SOURCE_COUNT,
 *                                             MVLAN_A_SOURCE_ADDED,
 *                                             MVLAN_A_SOURCE_REMOVED }
 *
 * Dumps resume across messages; a change while a dump runs sets
 * NLM_F_DUMP_INTR on the messages after it, and the reader should retry.
 *
 * The attribute tree
 * ------------------
 *
 *  dev (top level, enum mvlan_attr)
 *   MVLAN_A_IFINDEX            u32     the mvlan device
 *   MVLAN_A_IFNAME             string  its name
 *   MVLAN_A_LINK               u32     ifindex of the lower device, in the
 *                                      lower device's netns
 *   MVLAN_A_LINK_NETNSID       s32     only when the lower device is in
 *                                      another netns: that netns' id, as
 *                                      IFLA_LINK_NETNSID
 *   MVLAN_A_MODE               u32     enum mvlan_mode
 *   MVLAN_A_FLAGS              u32     MVLAN_F_*
 *   MVLAN_A_ADDRESS            binary  the device's MAC, ETH_ALEN bytes
 *   MVLAN_A_BC_QUEUE_LEN       u32     flood queue length this device asks
 *                                      for (default 1000)
 *   MVLAN_A_BC_QUEUE_LEN_USED  u32     what the port uses: the largest ask
 *   MVLAN_A_BC_CUTOFF          s32     bclim: multicast groups joined by more
 *                                      devices than this are flooded from the
 *                                      queue, others inline; -1: all inline
 *   MVLAN_A_SOURCE_COUNT       u32     entries in the source list
 *   MVLAN_A_SOURCE_ADDED       u32     notification: entries added
 *   MVLAN_A_SOURCE_REMOVED     u32     notification: entries removed
 *   MVLAN_A_SOURCE_SET_FLAGS   u32     MVLAN_SOURCE_SET_F_*
 *   MVLAN_A_SOURCE             nest    one source list entry; repeated, a
 *                                      message carries many (multi-attr)
 *    MVLAN_SOURCE_A_ADDR       binary  source MAC, ETH_ALEN bytes, unicast
 *    MVLAN_SOURCE_A_PACKETS    u64     frames that matched (dumps only)
 *    MVLAN_SOURCE_A_BYTES      u64     their bytes, with Ethernet header
 *    MVLAN_SOURCE_A_LAST_SEEN  u64     ms since the last match; absent if
 *                                      the entry never matched
 *   MVLAN_A_STATS              nest    counters of the device
 *    MVLAN_STATS_A_RX_PACKETS .. MVLAN_STATS_A_TX_DROPPED     u64
 *                                      what ndo_get_stats64 reports
 *    MVLAN_STATS_A_DROP_*      u64     drops by reason (enum below); floods
 *                                      dropped because the port's queue was
 *                                      full count in MVLAN_PORT_A_BC_QUEUE_DROPS
 *   MVLAN_A_PORT               nest    a lower device carrying mvlan
 *    MVLAN_PORT_A_IFINDEX      u32     the lower device
 *    MVLAN_PORT_A_IFNAME       string  its name
 *    MVLAN_PORT_A_DEVICES      u32     mvlan devices on it
 *    MVLAN_PORT_A_PRIVATE .. MVLAN_PORT_A_SOURCE  u32  devices per mode
 *    MVLAN_PORT_A_BC_QUEUE_LEN_USED   u32  flood queue limit in use
 *    MVLAN_PORT_A_BC_QUEUE_LEN        u32  frames in the queue now
 *    MVLAN_PORT_A_BC_CUTOFF           s32  bclim in use
 *    MVLAN_PORT_A_BC_QUEUE_DROPS      u64  floods dropped, queue full
 *    MVLAN_PORT_A_SOURCE_ENTRIES      u32  source entries of all devices
 *    MVLAN_PORT_A_DEV_BUCKETS         u32  buckets of the port's table of
 *                                          devices by address (it grows
 *                                          and shrinks with their number)
 *    MVLAN_PORT_A_SOURCE_BUCKETS      u32  buckets of its table of source
 *                                          entries (the same)
 *   MVLAN_A_KIND               string  the rtnetlink link kind: "mvlan" or
 *                                      "mvtap" (in DEV_GET replies and the
 *                                      DEV_NEW, _DEL and _CHANGE events)
 */
#ifndef _UAPI_LINUX_MVLAN_H
#define _UAPI_LINUX_MVLAN_H

#include <linux/types.h>

#define MVLAN_LINK_KIND		"mvlan"
#define MVTAP_LINK_KIND		"mvtap"	/* an mvlan device with a /dev/tapN */

#define MVLAN_GENL_NAME		"mvlan"
#define MVLAN_GENL_VERSION	1
#define MVLAN_MCGRP_EVENTS	"events"

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

/*
 * Device flags. NOPROMISC and NODST have the values of the kernel's
 * MACVLAN_FLAG_*; HOSTBRIDGE is mvlan's own: for a bridge-mode device, the
 * lower device's own stack is one more bridge-mode device of the port
 * (frames between them never reach the wire; see mvlan(4)).
 */
#define MVLAN_F_NOPROMISC	1	/* passthru: lower not promiscuous */
#define MVLAN_F_NODST		2	/* source: consume matched frames */
#define MVLAN_F_HOSTBRIDGE	4	/* bridge: bridged with the lower's stack */
#define MVLAN_F_ALL		(MVLAN_F_NOPROMISC | MVLAN_F_NODST | MVLAN_F_HOSTBRIDGE)

/* Flood queue defaults, as macvlan's. */
#define MVLAN_BC_QUEUE_LEN_DEFAULT	1000
#define MVLAN_BC_CUTOFF_DEFAULT		1

/* MVLAN_A_SOURCE_SET_FLAGS */
#define MVLAN_SOURCE_SET_F_MORE		1	/* more messages follow */
#define MVLAN_SOURCE_SET_F_CONTINUE	2	/* continues a transaction */
#define MVLAN_SOURCE_SET_F_ALL		(MVLAN_SOURCE_SET_F_MORE | \
					 MVLAN_SOURCE_SET_F_CONTINUE)

/* IFLA_INFO_DATA attributes of link kind "mvlan". */
enum {
	IFLA_MVLAN_UNSPEC,
	IFLA_MVLAN_MODE,		/* u32: enum mvlan_mode */
	IFLA_MVLAN_FLAGS,		/* u32: MVLAN_F_* */
	IFLA_MVLAN_BC_QUEUE_LEN,	/* u32 */
	IFLA_MVLAN_BC_QUEUE_LEN_USED,	/* u32, read only */
	IFLA_MVLAN_BC_CUTOFF,		/* s32 */
	IFLA_MVLAN_SOURCE_COUNT,	/* u32, read only */
	IFLA_MVLAN_MACADDR_MODE,	/* u32: enum mvlan_macaddr_mode */
	IFLA_MVLAN_MACADDR,		/* binary: ETH_ALEN bytes */
	IFLA_MVLAN_MACADDR_DATA,	/* nest of IFLA_MVLAN_MACADDR */
	__IFLA_MVLAN_MAX,
};

#define IFLA_MVLAN_MAX		(__IFLA_MVLAN_MAX - 1)

/*
 * IFLA_MVLAN_MACADDR_MODE: a change of the source list over rtnetlink, as
 * macvlan's IFLA_MACVLAN_MACADDR_MODE (same values): ADD and DEL take one
 * IFLA_MVLAN_MACADDR, SET replaces the list with IFLA_MVLAN_MACADDR and the
 * addresses nested in IFLA_MVLAN_MACADDR_DATA, FLUSH empties it; the rules
 * of the SOURCE_* commands. Link messages carry IFLA_MVLAN_SOURCE_COUNT and,
 * while the list has at most 128 entries, its addresses in
 * IFLA_MVLAN_MACADDR_DATA (MVLAN_CMD_SOURCE_GET lists any number).
 */
enum mvlan_macaddr_mode {
	MVLAN_MACADDR_ADD,
	MVLAN_MACADDR_DEL,
	MVLAN_MACADDR_FLUSH,
	MVLAN_MACADDR_SET,
};

/* Generic netlink commands of family "mvlan". */
enum mvlan_cmd {
	MVLAN_CMD_UNSPEC,
	MVLAN_CMD_DEV_GET,
	MVLAN_CMD_DEV_SET,
	MVLAN_CMD_SOURCE_ADD,
	MVLAN_CMD_SOURCE_DEL,
	MVLAN_CMD_SOURCE_FLUSH,
	MVLAN_CMD_SOURCE_SET,
	MVLAN_CMD_SOURCE_GET,
	MVLAN_CMD_STATS_GET,
	MVLAN_CMD_PORT_GET,
	MVLAN_CMD_DEV_NEW,		/* notification */
	MVLAN_CMD_DEV_DEL,		/* notification */
	MVLAN_CMD_DEV_CHANGE,		/* notification */
	MVLAN_CMD_SOURCE_CHANGE,	/* notification */
	__MVLAN_CMD_MAX,
};

#define MVLAN_CMD_MAX		(__MVLAN_CMD_MAX - 1)

/* Top-level attributes of family "mvlan". */
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
	MVLAN_A_BC_QUEUE_LEN,		/* u32 */
	MVLAN_A_BC_QUEUE_LEN_USED,	/* u32 */
	MVLAN_A_BC_CUTOFF,		/* s32 */
	MVLAN_A_SOURCE_COUNT,		/* u32 */
	MVLAN_A_SOURCE_ADDED,		/* u32 */
	MVLAN_A_SOURCE_REMOVED,		/* u32 */
	MVLAN_A_SOURCE_SET_FLAGS,	/* u32: MVLAN_SOURCE_SET_F_* */
	MVLAN_A_SOURCE,			/* nest, repeated: enum mvlan_source_attr */
	MVLAN_A_STATS,			/* nest: enum mvlan_stats_attr */
	MVLAN_A_PORT,			/* nest: enum mvlan_port_attr */
	MVLAN_A_KIND,			/* string: MVLAN_LINK_KIND, MVTAP_LINK_KIND */
	__MVLAN_A_MAX,
};

#define MVLAN_A_MAX		(__MVLAN_A_MAX - 1)

/* One source list entry, nested in MVLAN_A_SOURCE. */
enum mvlan_source_attr {
	MVLAN_SOURCE_A_UNSPEC,
	MVLAN_SOURCE_A_PAD,
	MVLAN_SOURCE_A_ADDR,		/* binary: ETH_ALEN bytes */
	MVLAN_SOURCE_A_PACKETS,		/* u64 */
	MVLAN_SOURCE_A_BYTES,		/* u64 */
	MVLAN_SOURCE_A_LAST_SEEN,	/* u64: ms ago */
	__MVLAN_SOURCE_A_MAX,
};

#define MVLAN_SOURCE_A_MAX	(__MVLAN_SOURCE_A_MAX - 1)

/* Device counters, nested in MVLAN_A_STATS. All u64. */
enum mvlan_stats_attr {
	MVLAN_STATS_A_UNSPEC,
	MVLAN_STATS_A_PAD,
	MVLAN_STATS_A_RX_PACKETS,
	MVLAN_STATS_A_RX_BYTES,
	MVLAN_STATS_A_RX_MULTICAST,
	MVLAN_STATS_A_RX_ERRORS,
	MVLAN_STATS_A_RX_DROPPED,
	MVLAN_STATS_A_TX_PACKETS,
	MVLAN_STATS_A_TX_BYTES,
	MVLAN_STATS_A_TX_DROPPED,
	MVLAN_STATS_A_DROP_DEV_DOWN,	/* addressed to it while it was down */
	MVLAN_STATS_A_DROP_NOMEM,	/* no memory for a copy of the frame */
	MVLAN_STATS_A_DROP_FILTERED,	/* consumed by nodst source matching */
	MVLAN_STATS_A_DROP_BACKLOG,	/* the rx backlog refused the frame */
	__MVLAN_STATS_A_MAX,
};

#define MVLAN_STATS_A_MAX	(__MVLAN_STATS_A_MAX - 1)

/* A lower device carrying mvlan devices, nested in MVLAN_A_PORT. */
enum mvlan_port_attr {
	MVLAN_PORT_A_UNSPEC,
	MVLAN_PORT_A_PAD,
	MVLAN_PORT_A_IFINDEX,		/* u32 */
	MVLAN_PORT_A_IFNAME,		/* string */
	MVLAN_PORT_A_DEVICES,		/* u32 */
	MVLAN_PORT_A_PRIVATE,		/* u32: devices in that mode */
	MVLAN_PORT_A_VEPA,		/* u32 */
	MVLAN_PORT_A_BRIDGE,		/* u32 */
	MVLAN_PORT_A_PASSTHRU,		/* u32 */
	MVLAN_PORT_A_SOURCE,		/* u32 */
	MVLAN_PORT_A_BC_QUEUE_LEN_USED,	/* u32 */
	MVLAN_PORT_A_BC_QUEUE_LEN,	/* u32 */
	MVLAN_PORT_A_BC_CUTOFF,		/* s32 */
	MVLAN_PORT_A_BC_QUEUE_DROPS,	/* u64 */
	MVLAN_PORT_A_SOURCE_ENTRIES,	/* u32 */
	MVLAN_PORT_A_DEV_BUCKETS,	/* u32 */
	MVLAN_PORT_A_SOURCE_BUCKETS,	/* u32 */
	__MVLAN_PORT_A_MAX,
};

#define MVLAN_PORT_A_MAX	(__MVLAN_PORT_A_MAX - 1)

#endif /* _UAPI_LINUX_MVLAN_H */
