// SPDX-License-Identifier: GPL-2.0
/*
 * Device counters and ports, and their output forms.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "counters.h"

enum value_type { U32, S32, U64 };

struct counter_def {
	int attr;
	enum value_type type;
	const char *key;
};

struct counter_kind {
	const struct counter_def *defs;
	size_t n;
	int max;		/* the nest's highest attribute type */
	int ifindex, ifname;	/* attributes of the nest naming it, or 0 */
};

/* In the order printed. */
static const struct counter_def stats_defs[] = {
	{ MVLAN_STATS_A_RX_PACKETS,		U64, "rx_packets" },
	{ MVLAN_STATS_A_RX_BYTES,		U64, "rx_bytes" },
	{ MVLAN_STATS_A_RX_MULTICAST,		U64, "rx_multicast" },
	{ MVLAN_STATS_A_RX_ERRORS,		U64, "rx_errors" },
	{ MVLAN_STATS_A_RX_DROPPED,		U64, "rx_dropped" },
	{ MVLAN_STATS_A_TX_PACKETS,		U64, "tx_packets" },
	{ MVLAN_STATS_A_TX_BYTES,		U64, "tx_bytes" },
	{ MVLAN_STATS_A_TX_DROPPED,		U64, "tx_dropped" },
	{ MVLAN_STATS_A_DROP_DEV_DOWN,		U64, "drop_dev_down" },
	{ MVLAN_STATS_A_DROP_NOMEM,		U64, "drop_nomem" },
	{ MVLAN_STATS_A_DROP_FILTERED,		U64, "drop_filtered" },
	{ MVLAN_STATS_A_DROP_BACKLOG,		U64, "drop_backlog" },
};

static const struct counter_def port_defs[] = {
	{ MVLAN_PORT_A_DEVICES,			U32, "devices" },
	{ MVLAN_PORT_A_PRIVATE,			U32, "private" },
	{ MVLAN_PORT_A_VEPA,			U32, "vepa" },
	{ MVLAN_PORT_A_BRIDGE,			U32, "bridge" },
	{ MVLAN_PORT_A_PASSTHRU,		U32, "passthru" },
	{ MVLAN_PORT_A_SOURCE,			U32, "source" },
	{ MVLAN_PORT_A_BC_QUEUE_LEN_USED,	U32, "bcqueuelen_used" },
	{ MVLAN_PORT_A_BC_QUEUE_LEN,		U32, "bcqueue_frames" },
	{ MVLAN_PORT_A_BC_CUTOFF,		S32, "bclim" },
	{ MVLAN_PORT_A_BC_QUEUE_DROPS,		U64, "bcqueue_drops" },
	{ MVLAN_PORT_A_SOURCE_ENTRIES,		U32, "source_entries" },
};

const struct counter_kind kind_stats = {
	stats_defs, sizeof(stats_defs) / sizeof(stats_defs[0]),
	MVLAN_STATS_A_MAX, 0, 0,
};

const struct counter_kind kind_port = {
	port_defs, sizeof(port_defs) / sizeof(port_defs[0]),
	MVLAN_PORT_A_MAX, MVLAN_PORT_A_IFINDEX, MVLAN_PORT_A_IFNAME,
};

static const int type_len[] = { [U32] = 4, [S32] = 4, [U64] = 8 };

static uint64_t get_value(const struct nlattr *a, enum value_type t)
{
	switch (t) {
	case U32:
		return nla_get_u32(a);
	case S32:
		return (uint64_t)(int64_t)nla_get_s32(a);
	default:
		return nla_get_u64(a);
	}
}

int counters_parse(const struct counter_kind *k, struct nlattr *nest,
		   struct counters *c)
{
	struct nlattr *tb[64];
	size_t i;

	if (k->max >= 64 || nla_parse_nested(tb, k->max, nest, NULL) < 0)
		return -EINVAL;
	for (i = 0; i < k->n; i++) {
		const struct counter_def *d = &k->defs[i];
		struct nlattr *a = tb[d->attr];

		if (!a)
			continue;
		if (nla_len(a) != type_len[d->type])
			return -EINVAL;
		c->v[d->attr] = get_value(a, d->type);
		c->present |= UINT64_C(1) << d->attr;
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

struct counters *counters_add(struct counters_list *l)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 8;
		struct counters *c = reallocarray(l->c, cap, sizeof(*c));

		if (!c)
			return NULL;
		l->c = c;
		l->cap = cap;
	}
	memset(&l->c[l->n], 0, sizeof(l->c[0]));
	return &l->c[l->n++];
}

void counters_free(struct counters_list *l)
{
	free(l->c);
	l->c = NULL;
	l->n = l->cap = 0;
}

static void print_value_text(FILE *f, const struct counter_def *d,
			     uint64_t v)
{
	if (d->type == S32)
		fprintf(f, " %s %" PRId64, d->key, (int64_t)v);
	else
		fprintf(f, " %s %" PRIu64, d->key, v);
}

static void print_text(FILE *f, const struct counter_kind *k,
		       const char *prefix, const struct counters *c)
{
	size_t i;

	fprintf(f, "%s%s: ifindex %u", prefix, c->name, c->ifindex);
	for (i = 0; i < k->n; i++)
		if (c->present & (UINT64_C(1) << k->defs[i].attr))
			print_value_text(f, &k->defs[i],
					 c->v[k->defs[i].attr]);
	fputc('\n', f);
}

static void print_json(struct json *j, const struct counter_kind *k,
		       const struct counters *c)
{
	size_t i;

	json_object_begin(j);
	json_key(j, "ifname");
	json_string(j, c->name);
	json_key(j, "ifindex");
	json_uint(j, c->ifindex);
	for (i = 0; i < k->n; i++) {
		const struct counter_def *d = &k->defs[i];

		if (!(c->present & (UINT64_C(1) << d->attr)))
			continue;
		json_key(j, d->key);
		if (d->type == S32)
			json_int(j, (int64_t)c->v[d->attr]);
		else
			json_uint(j, c->v[d->attr]);
	}
	json_object_end(j);
}

static void print_list_json(struct json *j, const char *key,
			    const struct counter_kind *k,
			    const struct counters_list *l)
{
	size_t i;

	json_key(j, key);
	json_array_begin(j);
	for (i = 0; i < l->n; i++)
		print_json(j, k, &l->c[i]);
	json_array_end(j);
}

void counters_print(FILE *f, const struct counters_list *devs,
		    const struct counters_list *ports, enum output out)
{
	struct json j;
	size_t i;

	if (out == OUT_TEXT) {
		for (i = 0; i < devs->n; i++)
			print_text(f, &kind_stats, "", &devs->c[i]);
		for (i = 0; i < ports->n; i++)
			print_text(f, &kind_port, "port ", &ports->c[i]);
		return;
	}
	json_init_out(&j, f, out);
	json_object_begin(&j);
	print_list_json(&j, "devices", &kind_stats, devs);
	print_list_json(&j, "ports", &kind_port, ports);
	json_object_end(&j);
	fputc('\n', f);
}
