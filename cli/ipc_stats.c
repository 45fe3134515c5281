// SPDX-License-Identifier: GPL-2.0
/*
 * Device counters (MVLAN_CMD_STATS_GET, MVLAN_A_STATS) and ports
 * (MVLAN_CMD_PORT_GET, MVLAN_A_PORT). A nest's values are read by a table:
 * a new counter is a line in it (and in the uapi header), nothing more.
 */
#include <errno.h>
#include <string.h>

#include <netlink/attr.h>
#include <netlink/genl/genl.h>

#include <linux/mvlan.h>

#include "ipc_priv.h"

/* In the order printed. */
static const struct mvipc_value stats_values[] = {
	{ MVLAN_STATS_A_RX_PACKETS,		MVIPC_U64, "rx_packets" },
	{ MVLAN_STATS_A_RX_BYTES,		MVIPC_U64, "rx_bytes" },
	{ MVLAN_STATS_A_RX_MULTICAST,		MVIPC_U64, "rx_multicast" },
	{ MVLAN_STATS_A_RX_ERRORS,		MVIPC_U64, "rx_errors" },
	{ MVLAN_STATS_A_RX_DROPPED,		MVIPC_U64, "rx_dropped" },
	{ MVLAN_STATS_A_TX_PACKETS,		MVIPC_U64, "tx_packets" },
	{ MVLAN_STATS_A_TX_BYTES,		MVIPC_U64, "tx_bytes" },
	{ MVLAN_STATS_A_TX_DROPPED,		MVIPC_U64, "tx_dropped" },
	{ MVLAN_STATS_A_DROP_DEV_DOWN,		MVIPC_U64, "drop_dev_down" },
	{ MVLAN_STATS_A_DROP_NOMEM,		MVIPC_U64, "drop_nomem" },
	{ MVLAN_STATS_A_DROP_FILTERED,		MVIPC_U64, "drop_filtered" },
	{ MVLAN_STATS_A_DROP_BACKLOG,		MVIPC_U64, "drop_backlog" },
};

static const struct mvipc_value port_values[] = {
	{ MVLAN_PORT_A_DEVICES,			MVIPC_U32, "devices" },
	{ MVLAN_PORT_A_PRIVATE,			MVIPC_U32, "private" },
	{ MVLAN_PORT_A_VEPA,			MVIPC_U32, "vepa" },
	{ MVLAN_PORT_A_BRIDGE,			MVIPC_U32, "bridge" },
	{ MVLAN_PORT_A_PASSTHRU,		MVIPC_U32, "passthru" },
	{ MVLAN_PORT_A_SOURCE,			MVIPC_U32, "source" },
	{ MVLAN_PORT_A_BC_QUEUE_LEN_USED,	MVIPC_U32, "bcqueuelen_used" },
	{ MVLAN_PORT_A_BC_QUEUE_LEN,		MVIPC_U32, "bcqueue_frames" },
	{ MVLAN_PORT_A_BC_CUTOFF,		MVIPC_S32, "bclim" },
	{ MVLAN_PORT_A_BC_QUEUE_DROPS,		MVIPC_U64, "bcqueue_drops" },
	{ MVLAN_PORT_A_SOURCE_ENTRIES,		MVIPC_U32, "source_entries" },
	{ MVLAN_PORT_A_DEV_BUCKETS,		MVIPC_U32, "dev_buckets" },
	{ MVLAN_PORT_A_SOURCE_BUCKETS,		MVIPC_U32, "source_buckets" },
};

const struct mvipc_values mvipc_stats_values = {
	stats_values, ARRAY_SIZE(stats_values),
};

const struct mvipc_values mvipc_port_values = {
	port_values, ARRAY_SIZE(port_values),
};

/* What a nest is: its values, and the attributes in it that name it. */
struct nest_kind {
	int attr;			/* MVLAN_A_STATS or MVLAN_A_PORT */
	const char *attr_name;
	const struct mvipc_values *values;
	int max;			/* the nest's highest attribute type */
	int ifindex, ifname;		/* attributes naming it in it, or 0 */
};

static const struct nest_kind kinds[] = {
	{ MVLAN_A_STATS, "MVLAN_A_STATS", &mvipc_stats_values,
	  MVLAN_STATS_A_MAX, 0, 0 },
	{ MVLAN_A_PORT, "MVLAN_A_PORT", &mvipc_port_values,
	  MVLAN_PORT_A_MAX, MVLAN_PORT_A_IFINDEX, MVLAN_PORT_A_IFNAME },
};

static const int type_len[] = {
	[MVIPC_U32] = 4, [MVIPC_S32] = 4, [MVIPC_U64] = 8,
};

static uint64_t get_value(const struct nlattr *a, enum mvipc_value_type t)
{
	switch (t) {
	case MVIPC_U32:
		return nla_get_u32(a);
	case MVIPC_S32:
		return (uint64_t)(int64_t)nla_get_s32(a);
	default:
		return nla_get_u64(a);
	}
}

/* The values of a nest into c. Returns 0 or -EINVAL for a malformed one. */
static int parse_nest(const struct nest_kind *k, struct nlattr *nest,
		      struct counters *c)
{
	const struct mvipc_values *vals = k->values;
	struct nlattr *tb[64];
	size_t i;

	if (k->max >= 64 || nla_parse_nested(tb, k->max, nest, NULL) < 0)
		return -EINVAL;
	for (i = 0; i < vals->n; i++) {
		const struct mvipc_value *v = &vals->v[i];
		struct nlattr *a = tb[v->attr];

		if (!a)
			continue;
		if (nla_len(a) != type_len[v->type])
			return -EINVAL;
		c->v[v->attr] = get_value(a, v->type);
		c->present |= UINT64_C(1) << v->attr;
	}
	if (k->ifindex && tb[k->ifindex]) {
		if (nla_len(tb[k->ifindex]) != 4)
			return -EINVAL;
		c->ifindex = nla_get_u32(tb[k->ifindex]);
	}
	if (k->ifname && tb[k->ifname])
		nla_strlcpy(c->name, tb[k->ifname], sizeof(c->name));
	return 0;
}

int mvipc_parse_counters(struct nlmsghdr *nlh, int attr, struct counters *c,
			 struct mvipc_error *e)
{
	const struct nest_kind *k = &kinds[attr == MVLAN_A_PORT];
	struct nlattr *tb[MVLAN_A_MAX + 1];

	memset(c, 0, sizeof(*c));
	if (genlmsg_parse(nlh, 0, tb, MVLAN_A_MAX,
			  mvipc_genl_policy) < 0)
		return mvipc_fail(e, EPROTO, "malformed reply");
	if (!tb[k->attr])
		return mvipc_fail(e, EPROTO, "reply lacks %s", k->attr_name);
	if (tb[MVLAN_A_IFINDEX])
		c->ifindex = nla_get_u32(tb[MVLAN_A_IFINDEX]);
	if (tb[MVLAN_A_IFNAME])
		nla_strlcpy(c->name, tb[MVLAN_A_IFNAME], sizeof(c->name));
	if (parse_nest(k, tb[k->attr], c))
		return mvipc_fail(e, EPROTO, "malformed counters");
	return 0;
}

/* mvipc_parse_fn */
static int parse_stats(struct nlmsghdr *nlh, void *obj, struct mvipc_error *e)
{
	return mvipc_parse_counters(nlh, MVLAN_A_STATS, obj, e);
}

/* mvipc_parse_fn */
static int parse_port(struct nlmsghdr *nlh, void *obj, struct mvipc_error *e)
{
	return mvipc_parse_counters(nlh, MVLAN_A_PORT, obj, e);
}

int mvipc_stats_get(struct mvipc *ipc, const struct mvlan_dev *d,
		    struct counters_list *l, struct mvipc_error *e)
{
	if (mvipc_family(ipc, e))
		return -e->err;
	return mvipc_collect(ipc, ipc->genl,
					 d ? mvipc_msg_dev(ipc->family,
							   MVLAN_CMD_STATS_GET,
							   0, d->ifindex,
							   d->name) :
					 mvipc_msg_new(ipc->family,
						       MVLAN_CMD_STATS_GET,
						       NLM_F_DUMP, 0),
					 MVIPC_COLLECT(l, c, parse_stats), e);
}

struct nl_msg *mvipc_msg_port(int family, uint32_t link)
{
	struct nl_msg *msg = mvipc_msg_new(family, MVLAN_CMD_PORT_GET,
					   link ? 0 : NLM_F_DUMP, 0);

	if (msg && link && nla_put_u32(msg, MVLAN_A_LINK, link)) {
		nlmsg_free(msg);
		return NULL;
	}
	return msg;
}

int mvipc_port_get(struct mvipc *ipc, uint32_t link, struct counters_list *l,
		   struct mvipc_error *e)
{
	if (mvipc_family(ipc, e))
		return -e->err;
	return mvipc_collect(ipc, ipc->genl,
					 mvipc_msg_port(ipc->family, link),
					 MVIPC_COLLECT(l, c, parse_port), e);
}
