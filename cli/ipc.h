/* SPDX-License-Identifier: GPL-2.0 */
/*
 * libmvipc: every netlink request mvlan's userspace makes, and every reply
 * turned into the plain structures of ipc_types.h. mvctl, the CNI plugin
 * and whatever else speaks to mvlan link it (cli/libmvipc.a); none of them
 * builds a netlink message or includes libnl.
 *
 * Conventions, for every function here:
 * - It returns 0, or a negative errno value with the struct mvipc_error
 *   *e it was given (never NULL) saying why: the kernel's errno and
 *   extended ACK message, or what the layer found itself (EPROTO and a
 *   detail for a malformed reply). It never prints. What it was to fill
 *   is undefined after a failure.
 * - Lists (struct dev_list, ...) are appended to; the caller passes them
 *   zeroed (or holding earlier results) and frees their array. A dump that
 *   the kernel flagged NLM_F_DUMP_INTR (what it listed changed meanwhile)
 *   is tried again from the start, MVIPC_DUMP_TRIES times in all, the
 *   list emptied of what the failed try had added; then it fails with
 *   EAGAIN.
 * - Names are device names of at most IFNAMSIZ - 1 characters; structures
 *   passed in stay the caller's.
 * - A handle is for one thread at a time. Its sockets are bound to the
 *   network namespace the thread was in when mvipc_open() made them: all
 *   requests act there (CNI: open a handle inside the container's netns
 *   for the devices there).
 */
#ifndef MVIPC_H
#define MVIPC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ipc_types.h"

struct mvipc;

/* --- handles and errors (ipc_core.c) ------------------------------------ */

/* Sockets of a handle: bits of mvipc_open()'s socks. */
#define MVIPC_GENL	0x1	/* generic netlink: the "mvlan" family */
#define MVIPC_ROUTE	0x2	/* rtnetlink: links, addresses, routes */

/* Times a dump is tried before it fails with EAGAIN (see above). */
#define MVIPC_DUMP_TRIES	5

/*
 * Opens a handle with the sockets socks asks for, in the current netns,
 * extended ACK enabled. On failure *ipc is NULL; e->desc is NULL when
 * memory for the sockets was lacking, else libnl's reason why a socket
 * could not be opened. Close it with mvipc_close() (NULL is fine).
 */
int mvipc_open(struct mvipc **ipc, unsigned int socks, struct mvipc_error *e);
void mvipc_close(struct mvipc *ipc);

/*
 * "<strerror(err) or desc>[: <msg>]", in e->text, which it returns.
 */
const char *mvipc_strerror(struct mvipc_error *e);

/* --- the "mvlan" family (ipc_genl.c) ------------------------------------ */

/*
 * Resolves the "mvlan" generic netlink family, once a handle: every genl
 * request does it first. -ENOENT when the kernel has no such family (the
 * module is not loaded); needs MVIPC_GENL, as every genl request does.
 */
int mvipc_family(struct mvipc *ipc, struct mvipc_error *e);

/*
 * The mvlan device called name (MVLAN_CMD_DEV_GET do) into *d, link_name
 * left empty (mvipc_name_links() names it). -ENODEV: no such device here;
 * a device that is not an mvlan one is the kernel's error, with its
 * message.
 */
int mvipc_dev_get(struct mvipc *ipc, const char *name, struct mvlan_dev *d,
		  struct mvipc_error *e);

/*
 * All mvlan devices of the netns, or those on the lower device of ifindex
 * link when it is not 0 (DEV_GET dump), appended to l; link_name empty.
 */
int mvipc_dev_dump(struct mvipc *ipc, uint32_t link, struct dev_list *l,
		   struct mvipc_error *e);

/*
 * MVLAN_CMD_DEV_SET of mode and flags on d, named by its ifindex and its
 * name both: the kernel refuses the change (-ENODEV) if d was renamed or
 * replaced since it was read.
 */
int mvipc_dev_set_mode(struct mvipc *ipc, const struct mvlan_dev *d,
		       uint32_t mode, uint32_t flags, struct mvipc_error *e);

/* --- source lists (ipc_source.c) ---------------------------------------- */

/*
 * The source list of device d (MVLAN_CMD_SOURCE_GET dump, by ifindex and
 * name), appended to l in the kernel's order.
 */
int mvipc_source_list(struct mvipc *ipc, const struct mvlan_dev *d,
		      struct entry_list *l, struct mvipc_error *e);

/*
 * MVLAN_CMD_SOURCE_ADD, _DEL, _SET or _FLUSH (cmd) of the n addresses mac
 * on the device called name. A list longer than one request holds is sent
 * in several; for SOURCE_SET as one transaction, so that the kernel
 * replaces the list atomically whatever its length (a million included).
 * FLUSH takes no addresses (n 0).
 */
int mvipc_source_change(struct mvipc *ipc, uint8_t cmd, const char *name,
			const uint8_t (*mac)[MAC_LEN], size_t n,
			struct mvipc_error *e);

/* --- counters and ports (ipc_stats.c) ----------------------------------- */

/*
 * The counters of device d (MVLAN_CMD_STATS_GET do, by ifindex and name),
 * or of every device of the netns when d is NULL (dump), appended to l.
 */
int mvipc_stats_get(struct mvipc *ipc, const struct mvlan_dev *d,
		    struct counters_list *l, struct mvipc_error *e);

/*
 * The port of the lower device of ifindex link (MVLAN_CMD_PORT_GET do), or
 * every port of the netns when link is 0 (dump), appended to l.
 */
int mvipc_port_get(struct mvipc *ipc, uint32_t link, struct counters_list *l,
		   struct mvipc_error *e);

/* --- notifications (ipc_event.c) ---------------------------------------- */

/* The id of the family's multicast group "events" into *group. */
int mvipc_events_group(struct mvipc *ipc, int *group, struct mvipc_error *e);

/*
 * Joins group on the handle's genl socket, with a receive buffer of rcvbuf
 * bytes (0: the default). From then on that socket only receives
 * notifications: make requests on another handle.
 */
int mvipc_events_join(struct mvipc *ipc, int group, int rcvbuf,
		      struct mvipc_error *e);

/*
 * Called for each notification read: ev, or, when bad is not NULL, only
 * ev->cmd of one that could not be parsed (bad says why). Returns 0 to go
 * on, or a positive value to stop mvipc_events_read(), which returns it.
 */
typedef int (*mvipc_event_fn)(const struct mvipc_event *ev,
			      struct mvipc_error *bad, void *arg);

/*
 * Waits for notifications and hands what one read brings to fn; others
 * than the family's four are skipped. Returns 0, fn's positive value,
 * -ENOBUFS when the receive buffer overran (notifications were lost; the
 * socket goes on), -EINTR or -EAGAIN (nothing read; try again), or another
 * negative errno.
 */
int mvipc_events_read(struct mvipc *ipc, mvipc_event_fn fn, void *arg,
		      struct mvipc_error *e);

/* --- rtnetlink links (ipc_link.c) --------------------------------------- */

/*
 * The device of ifindex, or when ifindex is 0 the one called name, into
 * *l (RTM_GETLINK). -ENODEV: no such device.
 */
int mvipc_link_get(struct mvipc *ipc, uint32_t ifindex, const char *name,
		   struct mvipc_link *l, struct mvipc_error *e);

/*
 * The ifindex of the device called name, in the calling thread's netns
 * (SIOCGIFINDEX: no RTM_GETLINK and its whole reply). -ENODEV: no such
 * device.
 */
int mvipc_link_index(const char *name, uint32_t *ifindex,
		     struct mvipc_error *e);

/* Is kind (IFLA_INFO_KIND) one of mvlan's, "mvlan" or "mvtap"? */
bool mvipc_is_mvlan_kind(const char *kind);

/* Every device of the netns (RTM_GETLINK dump), appended to l. */
int mvipc_link_dump(struct mvipc *ipc, struct mvipc_link_list *l,
		    struct mvipc_error *e);

/*
 * Names the lower devices of devs (link_name) as this netns knows them; a
 * lower device in another netns, or gone, is "if<N>", as ip shows it. One
 * RTM_GETLINK dump for all of them.
 */
int mvipc_name_links(struct mvipc *ipc, struct mvlan_dev *devs, size_t n,
		     struct mvipc_error *e);

/*
 * Creates the mvlan device nl describes, of link kind nl->kind (mvlan when
 * NULL, or mvtap: -EOPNOTSUPP without mvtap.ko), in its final mode from the start
 * (IFLA_INFO_DATA), in the netns of nl->netns_fd when MVIPC_NEW_NETNS_FD is
 * given (the lower device is the socket's netns' either way). -EEXIST: the
 * name is taken there.
 */
int mvipc_link_add(struct mvipc *ipc, const struct mvipc_newlink *nl,
		   struct mvipc_error *e);

/* Deletes the device of ifindex (RTM_DELLINK). */
int mvipc_link_del(struct mvipc *ipc, uint32_t ifindex, struct mvipc_error *e);

/*
 * Deletes the device called name (RTM_DELLINK by IFLA_IFNAME): for one
 * whose ifindex could not be read. -ENODEV: no such device.
 */
int mvipc_link_del_name(struct mvipc *ipc, const char *name,
			struct mvipc_error *e);

/* Sets the device of ifindex up, or down. */
int mvipc_link_set_up(struct mvipc *ipc, uint32_t ifindex, bool up,
		      struct mvipc_error *e);

/* Renames the device of ifindex (it must be down). */
int mvipc_link_rename(struct mvipc *ipc, uint32_t ifindex, const char *name,
		      struct mvipc_error *e);

/* --- rtnetlink addresses and routes (ipc_route.c) ----------------------- */

/*
 * Adds address a->addr/a->prefixlen to device a->ifindex (RTM_NEWADDR),
 * with a->flags (IFA_F_*, e.g. IFA_F_NODAD); an IPv4 one gets the
 * broadcast address of its prefix, as ip does with "brd +". -EEXIST if the
 * device has it already.
 */
int mvipc_addr_add(struct mvipc *ipc, const struct mvipc_addr *a,
		   struct mvipc_error *e);

/*
 * The addresses of family (AF_INET, AF_INET6, or AF_UNSPEC for both) of
 * the device of ifindex, or of all devices when it is 0, appended to l.
 */
int mvipc_addr_dump(struct mvipc *ipc, int family, uint32_t ifindex,
		    struct mvipc_addr_list *l, struct mvipc_error *e);

/*
 * Adds route r (RTM_NEWROUTE, NLM_F_EXCL): r->dst/r->dst_len (0: default)
 * via r->gateway if has_gateway, out of r->oif if not 0, in r->table
 * (0: main), of r->priority, with r->mtu and r->advmss (RTA_METRICS) when
 * not 0; of scope r->scope if has_scope, else link without a gateway,
 * universe with (an IPv6 route has no scope: the kernel ignores it).
 */
int mvipc_route_add(struct mvipc *ipc, const struct mvipc_route *r,
		    struct mvipc_error *e);

/*
 * The routes of family (AF_INET or AF_INET6) of every table (RTM_GETROUTE
 * dump), cached clones left out, appended to l. For a multipath route,
 * gateway and oif are those of its first next hop.
 */
int mvipc_route_dump(struct mvipc *ipc, int family,
		     struct mvipc_route_list *l, struct mvipc_error *e);

/*
 * The device of the default route of family: of the main table's unicast
 * routes to dst_len 0 with a device, the one of the lowest metric (the
 * first listed among equals). -ENOENT if there is none.
 */
int mvipc_default_route(struct mvipc *ipc, int family, uint32_t *ifindex,
			struct mvipc_error *e);

/* The same choice among routes listed already; NULL if none fits. */
const struct mvipc_route *mvipc_pick_default(const struct mvipc_route *r,
					     size_t n, int family);

#endif /* MVIPC_H */
