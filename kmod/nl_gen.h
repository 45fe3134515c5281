/* SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR MIT) */
/* Do not edit directly, auto-generated from: */
/*	uapi/mvlan.yaml */
/* by tests/tools/ynl-gen.py with ynl-gen-c.py of linux-source-6.12 */

#ifndef _LINUX_MVLAN_GEN_H
#define _LINUX_MVLAN_GEN_H

#include <linux/bits.h>
#include <net/netlink.h>
#include <net/genetlink.h>

#include <linux/mvlan.h>

/* Common nested types */
extern const struct nla_policy mvlan_source_nl_policy[MVLAN_SOURCE_A_LAST_SEEN + 1];

/* One policy a command, for its do and its dump requests */
extern const struct nla_policy mvlan_dev_get_nl_policy[MVLAN_A_LINK + 1];
extern const struct nla_policy mvlan_dev_set_nl_policy[MVLAN_A_BC_CUTOFF + 1];
extern const struct nla_policy mvlan_source_add_nl_policy[MVLAN_A_SOURCE + 1];
extern const struct nla_policy mvlan_source_del_nl_policy[MVLAN_A_SOURCE + 1];
extern const struct nla_policy mvlan_source_flush_nl_policy[MVLAN_A_IFNAME + 1];
extern const struct nla_policy mvlan_source_set_nl_policy[MVLAN_A_SOURCE + 1];
extern const struct nla_policy mvlan_source_get_nl_policy[MVLAN_A_IFNAME + 1];
extern const struct nla_policy mvlan_stats_get_nl_policy[MVLAN_A_IFNAME + 1];
extern const struct nla_policy mvlan_port_get_nl_policy[MVLAN_A_LINK + 1];

/* Entries of the ops table, but for their handlers */
#define MVLAN_DEV_GET_NL_OP \
	.cmd = MVLAN_CMD_DEV_GET, \
	.policy = mvlan_dev_get_nl_policy, \
	.maxattr = MVLAN_A_LINK
#define MVLAN_DEV_SET_NL_OP \
	.cmd = MVLAN_CMD_DEV_SET, \
	.policy = mvlan_dev_set_nl_policy, \
	.maxattr = MVLAN_A_BC_CUTOFF, \
	.flags = GENL_UNS_ADMIN_PERM
#define MVLAN_SOURCE_ADD_NL_OP \
	.cmd = MVLAN_CMD_SOURCE_ADD, \
	.policy = mvlan_source_add_nl_policy, \
	.maxattr = MVLAN_A_SOURCE, \
	.flags = GENL_UNS_ADMIN_PERM
#define MVLAN_SOURCE_DEL_NL_OP \
	.cmd = MVLAN_CMD_SOURCE_DEL, \
	.policy = mvlan_source_del_nl_policy, \
	.maxattr = MVLAN_A_SOURCE, \
	.flags = GENL_UNS_ADMIN_PERM
#define MVLAN_SOURCE_FLUSH_NL_OP \
	.cmd = MVLAN_CMD_SOURCE_FLUSH, \
	.policy = mvlan_source_flush_nl_policy, \
	.maxattr = MVLAN_A_IFNAME, \
	.flags = GENL_UNS_ADMIN_PERM
#define MVLAN_SOURCE_SET_NL_OP \
	.cmd = MVLAN_CMD_SOURCE_SET, \
	.policy = mvlan_source_set_nl_policy, \
	.maxattr = MVLAN_A_SOURCE, \
	.flags = GENL_UNS_ADMIN_PERM
#define MVLAN_SOURCE_GET_NL_OP \
	.cmd = MVLAN_CMD_SOURCE_GET, \
	.policy = mvlan_source_get_nl_policy, \
	.maxattr = MVLAN_A_IFNAME
#define MVLAN_STATS_GET_NL_OP \
	.cmd = MVLAN_CMD_STATS_GET, \
	.policy = mvlan_stats_get_nl_policy, \
	.maxattr = MVLAN_A_IFNAME
#define MVLAN_PORT_GET_NL_OP \
	.cmd = MVLAN_CMD_PORT_GET, \
	.policy = mvlan_port_get_nl_policy, \
	.maxattr = MVLAN_A_LINK

/* The attributes each request takes */
#define MVLAN_DEV_GET_DO_ATTRS \
	(BIT(MVLAN_A_IFINDEX) | \
	 BIT(MVLAN_A_IFNAME))
#define MVLAN_DEV_GET_DUMP_ATTRS	BIT(MVLAN_A_LINK)
#define MVLAN_DEV_SET_DO_ATTRS \
	(BIT(MVLAN_A_IFINDEX) | \
	 BIT(MVLAN_A_IFNAME) | \
	 BIT(MVLAN_A_MODE) | \
	 BIT(MVLAN_A_FLAGS) | \
	 BIT(MVLAN_A_BC_QUEUE_LEN) | \
	 BIT(MVLAN_A_BC_CUTOFF))
#define MVLAN_SOURCE_ADD_DO_ATTRS \
	(BIT(MVLAN_A_IFINDEX) | \
	 BIT(MVLAN_A_IFNAME) | \
	 BIT(MVLAN_A_SOURCE))
#define MVLAN_SOURCE_DEL_DO_ATTRS \
	(BIT(MVLAN_A_IFINDEX) | \
	 BIT(MVLAN_A_IFNAME) | \
	 BIT(MVLAN_A_SOURCE))
#define MVLAN_SOURCE_FLUSH_DO_ATTRS \
	(BIT(MVLAN_A_IFINDEX) | \
	 BIT(MVLAN_A_IFNAME))
#define MVLAN_SOURCE_SET_DO_ATTRS \
	(BIT(MVLAN_A_IFINDEX) | \
	 BIT(MVLAN_A_IFNAME) | \
	 BIT(MVLAN_A_SOURCE) | \
	 BIT(MVLAN_A_SOURCE_SET_FLAGS))
#define MVLAN_SOURCE_GET_DUMP_ATTRS \
	(BIT(MVLAN_A_IFINDEX) | \
	 BIT(MVLAN_A_IFNAME))
#define MVLAN_STATS_GET_DO_ATTRS \
	(BIT(MVLAN_A_IFINDEX) | \
	 BIT(MVLAN_A_IFNAME))
#define MVLAN_STATS_GET_DUMP_ATTRS	0
#define MVLAN_PORT_GET_DO_ATTRS	BIT(MVLAN_A_LINK)
#define MVLAN_PORT_GET_DUMP_ATTRS	0

enum {
	MVLAN_NLGRP_EVENTS,
};

#endif /* _LINUX_MVLAN_GEN_H */
