/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Device counters (MVLAN_A_STATS) and ports (MVLAN_A_PORT) as
 * MVLAN_CMD_STATS_GET and MVLAN_CMD_PORT_GET report them, and their output
 * forms. Each value has a key, the same in text and in JSON; a value the
 * kernel did not send is left out.
 */
#ifndef MVCTL_COUNTERS_H
#define MVCTL_COUNTERS_H

#include <net/if.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <netlink/attr.h>

#include <linux/mvlan.h>

#include "json.h"

/* The values of one nest, by attribute type; bit t of present for each. */
struct counters {
	char name[IFNAMSIZ];
	uint32_t ifindex;
	uint64_t present;
	uint64_t v[64];
};

/* Counters of a device (kind_stats) or values of a port (kind_port). */
struct counter_kind;
extern const struct counter_kind kind_stats, kind_port;

/*
 * Reads the values of a nest of that kind into c (name and ifindex are the
 * caller's, but for a port, whose nest carries them). Returns 0 or -EINVAL
 * for a malformed nest.
 */
int counters_parse(const struct counter_kind *k, struct nlattr *nest,
		   struct counters *c);

struct counters_list {
	struct counters *c;
	size_t n, cap;
};

/* A new zeroed element at the end, NULL without memory. */
struct counters *counters_add(struct counters_list *l);
void counters_free(struct counters_list *l);

/*
 * Devices, then ports. Text, one line each:
 *   "mv0: ifindex 7 rx_packets 5 rx_bytes 490 ... drop_backlog 0"
 *   "port lower0: ifindex 2 devices 2 private 0 ... source_entries 0"
 * JSON, and a newline:
 *   {"devices":[{"ifname":"mv0","ifindex":7,"rx_packets":5,...}],
 *    "ports":[{"ifname":"lower0","ifindex":2,"devices":2,...}]}
 */
void counters_print(FILE *f, const struct counters_list *devs,
		    const struct counters_list *ports, enum output out);

#endif /* MVCTL_COUNTERS_H */
