// SPDX-License-Identifier: GPL-2.0
/*
 * Output forms of an mvlan device.
 */
#include <string.h>

#include <linux/mvlan.h>

#include "dev.h"

const char *mode_str(uint32_t mode, char buf[NUM_STRLEN])
{
	const char *name = mode_name(mode);

	if (name)
		return name;
	snprintf(buf, NUM_STRLEN, "%u", mode);
	return buf;
}

/* A flag bit's name, or the bit in hex for a flag this tool does not know. */
static const char *flag_str(uint32_t bit, char buf[NUM_STRLEN])
{
	const char *name = flag_name(bit);

	if (name)
		return name;
	snprintf(buf, NUM_STRLEN, "0x%x", bit);
	return buf;
}

static uint32_t lowest_bit(uint32_t v)
{
	return v & -v;
}

/* " flag1 flag2", the names of the flags, each after a space. */
static void print_flags_text(FILE *f, uint32_t flags)
{
	char buf[NUM_STRLEN];

	for (; flags; flags &= flags - 1)
		fprintf(f, " %s", flag_str(lowest_bit(flags), buf));
}

static void print_flags_json(struct json *j, uint32_t flags)
{
	char buf[NUM_STRLEN];

	json_key(j, "flags");
	json_array_begin(j);
	for (; flags; flags &= flags - 1)
		json_string(j, flag_str(lowest_bit(flags), buf));
	json_array_end(j);
}

void dev_print_line(FILE *f, const struct mvlan_dev *d)
{
	char buf[NUM_STRLEN], mac[MAC_STRLEN];

	fprintf(f, "%s: ifindex %u link %s", d->name, d->ifindex,
		d->link_name);
	/* the default type goes unsaid, as "mvctl add" takes it */
	if ((d->present & DEV_HAS_KIND) && strcmp(d->kind, MVLAN_LINK_KIND))
		fprintf(f, " type %s", d->kind);
	fprintf(f, " mode %s", mode_str(d->mode, buf));
	print_flags_text(f, d->flags);
	format_mac(d->address, mac);
	fprintf(f, " address %s", mac);
}

void dev_print_text(FILE *f, const struct mvlan_dev *d)
{
	dev_print_line(f, d);
	fputc('\n', f);
}

static void print_optional_json(struct json *j, const struct mvlan_dev *d)
{
	if (d->present & DEV_HAS_BC_QUEUE_LEN) {
		json_key(j, "bcqueuelen");
		json_uint(j, d->bc_queue_len);
	}
	if (d->present & DEV_HAS_BC_QUEUE_LEN_USED) {
		json_key(j, "bcqueuelen_used");
		json_uint(j, d->bc_queue_len_used);
	}
	if (d->present & DEV_HAS_BC_CUTOFF) {
		json_key(j, "bclim");
		json_int(j, d->bc_cutoff);
	}
	if (d->present & DEV_HAS_SOURCE_COUNT) {
		json_key(j, "source_count");
		json_uint(j, d->source_count);
	}
}

void dev_print_json_members(struct json *j, const struct mvlan_dev *d)
{
	char buf[NUM_STRLEN], mac[MAC_STRLEN];

	json_key(j, "ifname");
	json_string(j, d->name);
	json_key(j, "ifindex");
	json_uint(j, d->ifindex);
	json_key(j, "link");
	json_string(j, d->link_name);
	json_key(j, "link_ifindex");
	json_uint(j, d->link);
	if (d->link_netns) {
		json_key(j, "link_netnsid");
		json_int(j, d->link_netnsid);
	}
	if (d->present & DEV_HAS_KIND) {
		json_key(j, "type");
		json_string(j, d->kind);
	}
	json_key(j, "mode");
	json_string(j, mode_str(d->mode, buf));
	print_flags_json(j, d->flags);
	format_mac(d->address, mac);
	json_key(j, "address");
	json_string(j, mac);
	print_optional_json(j, d);
}

void dev_print_json(struct json *j, const struct mvlan_dev *d)
{
	json_object_begin(j);
	dev_print_json_members(j, d);
	json_object_end(j);
}

void devs_print(FILE *f, const struct mvlan_dev *devs, size_t n,
		enum output out)
{
	struct json j;
	size_t i;

	if (out == OUT_TEXT) {
		for (i = 0; i < n; i++)
			dev_print_text(f, &devs[i]);
		return;
	}

	json_init_out(&j, f, out);
	json_array_begin(&j);
	for (i = 0; i < n; i++)
		dev_print_json(&j, &devs[i]);
	json_array_end(&j);
	fputc('\n', f);
}

void dev_print_mode(FILE *f, const struct mvlan_dev *d, enum output out)
{
	char buf[NUM_STRLEN];
	struct json j;

	if (out == OUT_TEXT) {
		fputs(mode_str(d->mode, buf), f);
		print_flags_text(f, d->flags);
		fputc('\n', f);
		return;
	}

	json_init_out(&j, f, out);
	json_object_begin(&j);
	json_key(&j, "ifname");
	json_string(&j, d->name);
	json_key(&j, "mode");
	json_string(&j, mode_str(d->mode, buf));
	print_flags_json(&j, d->flags);
	json_object_end(&j);
	fputc('\n', f);
}
