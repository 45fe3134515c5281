// SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR MIT)
/* Do not edit directly, auto-generated from: */
/*	uapi/mvlan.yaml */
/* by tests/tools/ynl-gen.py with ynl-gen-c.py of linux-source-6.12 */

#include "nl_gen.h"

/* Common nested types */
const struct nla_policy mvlan_source_nl_policy[MVLAN_SOURCE_A_LAST_SEEN + 1] = {
	[MVLAN_SOURCE_A_ADDR] = NLA_POLICY_EXACT_LEN(ETH_ALEN),
	[MVLAN_SOURCE_A_PACKETS] = { .type = NLA_U64, },
	[MVLAN_SOURCE_A_BYTES] = { .type = NLA_U64, },
	[MVLAN_SOURCE_A_LAST_SEEN] = { .type = NLA_U64, },
};

/* MVLAN_CMD_DEV_GET - do and dump */
const struct nla_policy mvlan_dev_get_nl_policy[MVLAN_A_LINK + 1] = {
	[MVLAN_A_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
	[MVLAN_A_IFNAME] = { .type = NLA_NUL_STRING, .len = 15, },
	[MVLAN_A_LINK] = NLA_POLICY_MIN(NLA_U32, 1),
};

/* MVLAN_CMD_DEV_SET - do */
const struct nla_policy mvlan_dev_set_nl_policy[MVLAN_A_BC_CUTOFF + 1] = {
	[MVLAN_A_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
	[MVLAN_A_IFNAME] = { .type = NLA_NUL_STRING, .len = 15, },
	[MVLAN_A_MODE] = NLA_POLICY_MASK(NLA_U32, 0x1f),
	[MVLAN_A_FLAGS] = NLA_POLICY_MASK(NLA_U32, 0x7),
	[MVLAN_A_BC_QUEUE_LEN] = { .type = NLA_U32, },
	[MVLAN_A_BC_CUTOFF] = { .type = NLA_S32, },
};

/* MVLAN_CMD_SOURCE_ADD - do */
const struct nla_policy mvlan_source_add_nl_policy[MVLAN_A_SOURCE + 1] = {
	[MVLAN_A_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
	[MVLAN_A_IFNAME] = { .type = NLA_NUL_STRING, .len = 15, },
	[MVLAN_A_SOURCE] = NLA_POLICY_NESTED(mvlan_source_nl_policy),
};

/* MVLAN_CMD_SOURCE_DEL - do */
const struct nla_policy mvlan_source_del_nl_policy[MVLAN_A_SOURCE + 1] = {
	[MVLAN_A_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
	[MVLAN_A_IFNAME] = { .type = NLA_NUL_STRING, .len = 15, },
	[MVLAN_A_SOURCE] = NLA_POLICY_NESTED(mvlan_source_nl_policy),
};

/* MVLAN_CMD_SOURCE_FLUSH - do */
const struct nla_policy mvlan_source_flush_nl_policy[MVLAN_A_IFNAME + 1] = {
	[MVLAN_A_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
	[MVLAN_A_IFNAME] = { .type = NLA_NUL_STRING, .len = 15, },
};

/* MVLAN_CMD_SOURCE_SET - do */
const struct nla_policy mvlan_source_set_nl_policy[MVLAN_A_SOURCE + 1] = {
	[MVLAN_A_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
	[MVLAN_A_IFNAME] = { .type = NLA_NUL_STRING, .len = 15, },
	[MVLAN_A_SOURCE_SET_FLAGS] = NLA_POLICY_MASK(NLA_U32, 0x3),
	[MVLAN_A_SOURCE] = NLA_POLICY_NESTED(mvlan_source_nl_policy),
};

/* MVLAN_CMD_SOURCE_GET - dump */
const struct nla_policy mvlan_source_get_nl_policy[MVLAN_A_IFNAME + 1] = {
	[MVLAN_A_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
	[MVLAN_A_IFNAME] = { .type = NLA_NUL_STRING, .len = 15, },
};

/* MVLAN_CMD_STATS_GET - do and dump */
const struct nla_policy mvlan_stats_get_nl_policy[MVLAN_A_IFNAME + 1] = {
	[MVLAN_A_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
	[MVLAN_A_IFNAME] = { .type = NLA_NUL_STRING, .len = 15, },
};

/* MVLAN_CMD_PORT_GET - do and dump */
const struct nla_policy mvlan_port_get_nl_policy[MVLAN_A_LINK + 1] = {
	[MVLAN_A_LINK] = NLA_POLICY_MIN(NLA_U32, 1),
};
