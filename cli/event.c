// SPDX-License-Identifier: GPL-2.0
/*
 * Output forms of notifications.
 */
#include "event.h"

void event_print_dev(FILE *f, const char *kind, const struct mvlan_dev *d,
		     enum output out)
{
	struct json j;

	if (out == OUT_TEXT) {
		fprintf(f, "%s ", kind);
		dev_print_line(f, d);
		if (d->present & DEV_HAS_BC_QUEUE_LEN)
			fprintf(f, " bcqueuelen %u", d->bc_queue_len);
		if (d->present & DEV_HAS_BC_CUTOFF)
			fprintf(f, " bclim %d", d->bc_cutoff);
		fputc('\n', f);
		return;
	}
	json_init_out(&j, f, out);
	json_object_begin(&j);
	json_key(&j, "event");
	json_string(&j, kind);
	dev_print_json_members(&j, d);
	json_object_end(&j);
	fputc('\n', f);
}

static const struct {
	unsigned int bit;
	const char *key;
} source_values[] = {
	{ SRC_HAS_COUNT,	"count" },
	{ SRC_HAS_ADDED,	"added" },
	{ SRC_HAS_REMOVED,	"removed" },
};

static uint32_t source_value(const struct source_event *e, unsigned int bit)
{
	return bit == SRC_HAS_COUNT ? e->count :
	       bit == SRC_HAS_ADDED ? e->added : e->removed;
}

void event_print_source(FILE *f, const struct source_event *e,
			enum output out)
{
	struct json j;
	size_t i, n = sizeof(source_values) / sizeof(source_values[0]);

	if (out == OUT_TEXT) {
		fprintf(f, "source %s: ifindex %u", e->name, e->ifindex);
		for (i = 0; i < n; i++)
			if (e->present & source_values[i].bit)
				fprintf(f, " %s %u", source_values[i].key,
					source_value(e, source_values[i].bit));
		fputc('\n', f);
		return;
	}
	json_init_out(&j, f, out);
	json_object_begin(&j);
	json_key(&j, "event");
	json_string(&j, "source");
	json_key(&j, "ifname");
	json_string(&j, e->name);
	json_key(&j, "ifindex");
	json_uint(&j, e->ifindex);
	for (i = 0; i < n; i++) {
		if (!(e->present & source_values[i].bit))
			continue;
		json_key(&j, source_values[i].key);
		json_uint(&j, source_value(e, source_values[i].bit));
	}
	json_object_end(&j);
	fputc('\n', f);
}
