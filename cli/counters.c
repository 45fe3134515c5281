// SPDX-License-Identifier: GPL-2.0
/*
 * Output forms of device counters and ports.
 */
#include <inttypes.h>

#include "counters.h"

static bool has(const struct counters *c, const struct mvipc_value *v)
{
	return c->present & (UINT64_C(1) << v->attr);
}

static void print_value_text(FILE *f, const struct mvipc_value *v,
			     uint64_t x)
{
	if (v->type == MVIPC_S32)
		fprintf(f, " %s %" PRId64, v->name, (int64_t)x);
	else
		fprintf(f, " %s %" PRIu64, v->name, x);
}

static void print_text(FILE *f, const struct mvipc_values *vals,
		       const char *prefix, const struct counters *c)
{
	size_t i;

	fprintf(f, "%s%s: ifindex %u", prefix, c->name, c->ifindex);
	for (i = 0; i < vals->n; i++)
		if (has(c, &vals->v[i]))
			print_value_text(f, &vals->v[i], c->v[vals->v[i].attr]);
	fputc('\n', f);
}

static void print_json(struct json *j, const struct mvipc_values *vals,
		       const struct counters *c)
{
	size_t i;

	json_object_begin(j);
	json_key(j, "ifname");
	json_string(j, c->name);
	json_key(j, "ifindex");
	json_uint(j, c->ifindex);
	for (i = 0; i < vals->n; i++) {
		const struct mvipc_value *v = &vals->v[i];

		if (!has(c, v))
			continue;
		json_key(j, v->name);
		if (v->type == MVIPC_S32)
			json_int(j, (int64_t)c->v[v->attr]);
		else
			json_uint(j, c->v[v->attr]);
	}
	json_object_end(j);
}

static void print_list_json(struct json *j, const char *key,
			    const struct mvipc_values *vals,
			    const struct counters_list *l)
{
	size_t i;

	json_key(j, key);
	json_array_begin(j);
	for (i = 0; i < l->n; i++)
		print_json(j, vals, &l->c[i]);
	json_array_end(j);
}

void counters_print(FILE *f, const struct counters_list *devs,
		    const struct counters_list *ports, enum output out)
{
	struct json j;
	size_t i;

	if (out == OUT_TEXT) {
		for (i = 0; i < devs->n; i++)
			print_text(f, &mvipc_stats_values, "", &devs->c[i]);
		for (i = 0; i < ports->n; i++)
			print_text(f, &mvipc_port_values, "port ",
				   &ports->c[i]);
		return;
	}
	json_init_out(&j, f, out);
	json_object_begin(&j);
	print_list_json(&j, "devices", &mvipc_stats_values, devs);
	print_list_json(&j, "ports", &mvipc_port_values, ports);
	json_object_end(&j);
	fputc('\n', f);
}
