// SPDX-License-Identifier: GPL-2.0
/*
 * Output forms of an mvlan device.
 */
#include "dev.h"

#define NUM_STRLEN	12	/* "0x80000000", "4294967295" and a NUL */

/* A mode's name, or its number for a mode this tool does not know. */
static const char *mode_str(uint32_t mode, char buf[NUM_STRLEN])
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

void dev_print_text(FILE *f, const struct mvlan_dev *d)
{
	char buf[NUM_STRLEN], mac[MAC_STRLEN];
	uint32_t flags;

	fprintf(f, "%s: ifindex %u link %s mode %s", d->name, d->ifindex,
		d->link_name, mode_str(d->mode, buf));
	for (flags = d->flags; flags; flags &= flags - 1)
		fprintf(f, " %s", flag_str(lowest_bit(flags), buf));
	format_mac(d->address, mac);
	fprintf(f, " address %s\n", mac);
}

void dev_print_json(struct json *j, const struct mvlan_dev *d)
{
	char buf[NUM_STRLEN], mac[MAC_STRLEN];
	uint32_t flags;

	json_object_begin(j);
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
	json_key(j, "mode");
	json_string(j, mode_str(d->mode, buf));

	json_key(j, "flags");
	json_array_begin(j);
	for (flags = d->flags; flags; flags &= flags - 1)
		json_string(j, flag_str(lowest_bit(flags), buf));
	json_array_end(j);

	format_mac(d->address, mac);
	json_key(j, "address");
	json_string(j, mac);
	json_object_end(j);
}

void devs_print(FILE *f, const struct mvlan_dev *devs, size_t n, bool json)
{
	struct json j;
	size_t i;

	if (!json) {
		for (i = 0; i < n; i++)
			dev_print_text(f, &devs[i]);
		return;
	}

	json_init(&j, f);
	json_array_begin(&j);
	for (i = 0; i < n; i++)
		dev_print_json(&j, &devs[i]);
	json_array_end(&j);
	fputc('\n', f);
}
