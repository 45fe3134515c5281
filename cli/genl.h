/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Builders of the requests of the "mvlan" generic netlink family. They only
 * put attributes into libnl messages; nothing is sent.
 */
#ifndef MVCTL_GENL_H
#define MVCTL_GENL_H

#include <stddef.h>
#include <stdint.h>

#include <netlink/msg.h>

#include "parse.h"

/*
 * The most MVLAN_A_SOURCE entries a request carries; a longer list is sent
 * in several requests (a transaction, for SOURCE_SET). 4000 entries take
 * 64 kB, well below the default socket send buffer.
 */
#define MVMSG_SOURCES_MAX	4000

/* Room for a request's header, device and flags, besides sources. */
#define MVMSG_BASE_SIZE		256

/*
 * A request of command cmd for the family, with extra netlink flags
 * (NLM_F_DUMP, ...) and room for n source entries. NULL without memory.
 */
struct nl_msg *mvmsg_new(int family, uint8_t cmd, int flags, size_t n);

/* MVLAN_A_IFINDEX when ifindex is not 0, MVLAN_A_IFNAME when name is set. */
int mvmsg_put_dev(struct nl_msg *msg, uint32_t ifindex, const char *name);

/* One MVLAN_A_SOURCE { MVLAN_SOURCE_A_ADDR } per address. */
int mvmsg_put_sources(struct nl_msg *msg, const uint8_t (*mac)[MAC_LEN],
		      size_t n);

/* Requests needed for n entries, MVMSG_SOURCES_MAX a request; at least 1. */
size_t mvmsg_chunks(size_t n);

/*
 * MVLAN_A_SOURCE_SET_FLAGS of request i (from 0) of a SOURCE_SET sent as
 * chunks requests: 0 alone, then MORE for the first, CONTINUE | MORE for
 * the middle ones, CONTINUE for the last.
 */
uint32_t mvmsg_set_flags(size_t i, size_t chunks);

#endif /* MVCTL_GENL_H */
