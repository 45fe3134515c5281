/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The plain structures the ipc layer (ipc.h) fills from the kernel's
 * replies, and the error it returns. Nothing here knows netlink or libnl:
 * printers and other programs read these and nothing else.
 *
 * Lists are growable arrays: a pointer, a count n and a capacity cap. They
 * start zeroed; the layer appends to them, and the caller releases the
 * array with free() (or ARRAY_FREE() of array.h).
 */
#ifndef MVIPC_TYPES_H
#define MVIPC_TYPES_H

#include <net/if.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "parse.h"

/* --- errors ------------------------------------------------------------ */

#define MVIPC_MSG_LEN	256

/*
 * Why a call failed. err is an errno value (> 0): the kernel's, or what
 * the layer found itself (EPROTO for a malformed reply, ENOMEM, ...). msg
 * is the kernel's extended ACK message, or a detail the layer adds ("reply
 * lacks MVLAN_A_MODE"); "" for none. desc, when not NULL, is static text
 * that describes the failure in place of strerror(err): libnl's own words
 * for a failure libnl found (a socket that cannot be bound, say).
 *
 * Every function of the layer that takes a struct mvipc_error empties it,
 * and fills it when it fails.
 */
struct mvipc_error {
	int err;
	const char *desc;
	char msg[MVIPC_MSG_LEN];
	char text[MVIPC_MSG_LEN + 128];	/* mvipc_strerror()'s result */
};

/* --- mvlan devices (MVLAN_CMD_DEV_GET, notifications) ------------------- */

/* Attributes a reply may lack: bits of mvlan_dev.present. */
#define DEV_HAS_BC_QUEUE_LEN		0x1
#define DEV_HAS_BC_QUEUE_LEN_USED	0x2
#define DEV_HAS_BC_CUTOFF		0x4
#define DEV_HAS_SOURCE_COUNT		0x8
#define DEV_HAS_KIND			0x10

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
	char kind[IFNAMSIZ];		/* link kind: "mvlan", "mvtap" */
};

struct dev_list {
	struct mvlan_dev *devs;
	size_t n, cap;
};

/* --- source lists (MVLAN_CMD_SOURCE_GET) -------------------------------- */

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

/* --- counters (MVLAN_A_STATS) and ports (MVLAN_A_PORT) ------------------ */

enum mvipc_value_type { MVIPC_U32, MVIPC_S32, MVIPC_U64 };

/* One value of a nest: its attribute, its type and its name. */
struct mvipc_value {
	int attr;
	enum mvipc_value_type type;
	const char *name;	/* as mvctl prints it and mvctl.8 lists it */
};

/* The values a nest may carry, in the order mvctl prints them. */
struct mvipc_values {
	const struct mvipc_value *v;
	size_t n;
};

/* Those of MVLAN_A_STATS and of MVLAN_A_PORT (ipc_stats.c). */
extern const struct mvipc_values mvipc_stats_values, mvipc_port_values;

/*
 * The values of one nest, by attribute type: v[attr], with bit attr of
 * present set for each value the kernel sent (an S32 is sign-extended).
 * name and ifindex are the device's (stats) or the lower device's (port).
 */
struct counters {
	char name[IFNAMSIZ];
	uint32_t ifindex;
	uint64_t present;
	uint64_t v[64];
};

struct counters_list {
	struct counters *c;
	size_t n, cap;
};

/* --- notifications of the "events" group -------------------------------- */

/* Values a MVLAN_CMD_SOURCE_CHANGE may lack: bits of .present. */
#define SRC_HAS_COUNT		0x1
#define SRC_HAS_ADDED		0x2
#define SRC_HAS_REMOVED		0x4

struct source_event {
	char name[IFNAMSIZ];
	uint32_t ifindex;
	unsigned int present;	/* SRC_HAS_* */
	uint32_t count, added, removed;
};

/*
 * A notification: cmd is MVLAN_CMD_DEV_NEW, _DEV_DEL or _DEV_CHANGE (dev
 * is set, its link_name left empty) or MVLAN_CMD_SOURCE_CHANGE (source).
 */
struct mvipc_event {
	uint8_t cmd;
	union {
		struct mvlan_dev dev;
		struct source_event source;
	};
};

/* --- rtnetlink: links, addresses, routes -------------------------------- */

#define MVIPC_HWADDR_MAX	32	/* the kernel's MAX_ADDR_LEN */
#define MVIPC_KIND_LEN		32

/* A network device as RTM_GETLINK reports it. */
struct mvipc_link {
	uint32_t ifindex;
	char name[IFNAMSIZ];
	uint32_t flags;			/* ifi_flags: IFF_UP, ... */
	uint16_t type;			/* ifi_type: ARPHRD_* */
	uint32_t mtu;			/* 0 if not reported */
	uint8_t address[MVIPC_HWADDR_MAX];
	unsigned int address_len;	/* 0 if it has none */
	uint32_t link;			/* IFLA_LINK: the lower, 0 if none */
	bool link_netns;		/* IFLA_LINK_NETNSID sent: */
	int32_t link_netnsid;		/* the lower's netns, as an id here */
	char kind[MVIPC_KIND_LEN];	/* IFLA_INFO_KIND, "" if none */
	bool has_mvlan;			/* mvlan/mvtap IFLA_INFO_DATA read: */
	uint32_t mvlan_mode;		/* IFLA_MVLAN_MODE, enum mvlan_mode */
	uint32_t mvlan_flags;		/* IFLA_MVLAN_FLAGS, MVLAN_F_* */
};

struct mvipc_link_list {
	struct mvipc_link *links;
	size_t n, cap;
};

/* What mvipc_newlink.given says is set. */
#define MVIPC_NEW_ADDRESS	0x1
#define MVIPC_NEW_MTU		0x2
#define MVIPC_NEW_BC_QUEUE_LEN	0x4
#define MVIPC_NEW_BC_CUTOFF	0x8
#define MVIPC_NEW_NETNS_FD	0x10

/* A new mvlan device: RTM_NEWLINK with IFLA_INFO_DATA, in one request. */
struct mvipc_newlink {
	const char *name;
	const char *kind;	/* MVLAN_LINK_KIND (NULL too), MVTAP_LINK_KIND */
	uint32_t link;		/* the lower device, in the socket's netns */
	uint32_t mode;		/* enum mvlan_mode */
	uint32_t flags;		/* MVLAN_F_* */
	unsigned int given;	/* MVIPC_NEW_*: which of these to send */
	uint8_t address[MAC_LEN];
	uint32_t mtu;
	uint32_t bc_queue_len;
	int32_t bc_cutoff;
	int netns_fd;		/* created in this netns (IFLA_NET_NS_FD) */
};

/* An IPv4 or IPv6 address of a device (RTM_NEWADDR, RTM_GETADDR). */
struct mvipc_addr {
	int family;		/* AF_INET or AF_INET6 */
	uint32_t ifindex;
	uint8_t prefixlen;
	uint8_t scope;		/* RT_SCOPE_*: listed; 0 (universe) to add */
	uint32_t flags;		/* IFA_F_*: listed, and sent when adding */
	uint8_t addr[16];	/* 4 bytes for AF_INET */
};

struct mvipc_addr_list {
	struct mvipc_addr *addrs;
	size_t n, cap;
};

/* A route (RTM_NEWROUTE, RTM_GETROUTE). */
struct mvipc_route {
	int family;		/* AF_INET or AF_INET6 */
	uint8_t dst[16];
	uint8_t dst_len;	/* 0: a default route */
	bool has_gateway;
	uint8_t gateway[16];
	uint32_t oif;		/* the device, 0 for none */
	uint32_t table;		/* RT_TABLE_*; 0 to add means RT_TABLE_MAIN */
	uint32_t priority;	/* the metric, 0 for none */
	uint8_t type;		/* RTN_*: listed; 0 to add means unicast */
	/*
	 * RT_SCOPE_*: listed; sent when adding if has_scope, else link
	 * without a gateway, universe with (has_scope is false when listed)
	 */
	uint8_t scope;
	bool has_scope;
	uint8_t protocol;	/* RTPROT_*: listed; 0 to add means boot */
	/* RTA_METRICS to add: RTAX_MTU, RTAX_ADVMSS, 0 for none; not listed */
	uint32_t mtu;
	uint32_t advmss;
};

struct mvipc_route_list {
	struct mvipc_route *routes;
	size_t n, cap;
};

#endif /* MVIPC_TYPES_H */
