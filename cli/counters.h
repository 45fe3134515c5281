/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The output forms of device counters (MVLAN_A_STATS) and ports
 * (MVLAN_A_PORT), struct counters of ipc_types.h. Each value has a key,
 * the same in text and in JSON; a value the kernel did not send is left
 * out.
 */
#ifndef MVCTL_COUNTERS_H
#define MVCTL_COUNTERS_H

#include <stdio.h>

#include "ipc_types.h"
#include "json.h"

/*
 * Devices, then ports. Text, one line each:
 *   "mv0: ifindex 7 rx_packets 5 rx_bytes 490 ... drop_backlog 0"
 *   "port lower0: ifindex 2 devices 2 private 0 ... source_entries 0"
 * JSON, and a newline:
 *   {"devices":[{"ifname":"mv0","ifindex":7,"rx_packets":5,...}],
 *    "ports":[{"ifname":"lower0","ifindex":2,"devices":2,...}]}
 * Each value of mvipc_stats_values and mvipc_port_values the kernel sent,
 * in that order, its name the key.
 */
void counters_print(FILE *f, const struct counters_list *devs,
		    const struct counters_list *ports, enum output out);

#endif /* MVCTL_COUNTERS_H */
