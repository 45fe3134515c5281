// SPDX-License-Identifier: GPL-2.0
/*
 * "ip -d link show" of an mvlan device: macvlan's words, keys and order
 * (iproute2's ip/iplink_macvlan.c), through ip's own print functions so
 * that -j, -p and -c work; then what only mvlan has: bclim, hostbridge.
 */
#include <string.h>

#include "mvlan_ip.h"

static bool get_u32(struct rtattr *tb[], int type, uint32_t *v)
{
	if (!tb[type] || RTA_PAYLOAD(tb[type]) < sizeof(*v))
		return false;
	memcpy(v, RTA_DATA(tb[type]), sizeof(*v));
	return true;
}

/* the addresses of a source list: JSON strings, or words */
static void print_macs(const struct ip_host *ip, struct rtattr *list)
{
	struct rtattr *rta = RTA_DATA(list);
	int len = RTA_PAYLOAD(list);
	char buf[MAC_STRLEN];

	ip->open_json_array(IP_PRINT_JSON, "macaddr_data");
	for (; RTA_OK(rta, len); rta = RTA_NEXT(rta, len)) {
		if (rta->rta_type != IFLA_MVLAN_MACADDR ||
		    RTA_PAYLOAD(rta) < MAC_LEN)
			continue;
		format_mac(RTA_DATA(rta), buf);
		ip->print_color_string(IP_PRINT_ANY, IP_COLOR_NONE, NULL, "%s ", buf);
	}
	ip->close_json_array(IP_PRINT_JSON, NULL);
}

void mvlan_ip_print(const struct ip_host *ip, FILE *f, struct rtattr *tb[])
{
	uint32_t mode, flags = 0, v;
	const char *name;

	(void)f;	/* ip's print functions write to its output */
	if (!tb || !get_u32(tb, IFLA_MVLAN_MODE, &mode))
		return;

	name = mode_name(mode);
	ip->print_color_string(IP_PRINT_ANY, IP_COLOR_NONE, "mode", "mode %s ",
			       name ? name : "unknown");

	get_u32(tb, IFLA_MVLAN_FLAGS, &flags);
	if (flags & MVLAN_F_NOPROMISC)
		ip->print_color_bool(IP_PRINT_ANY, IP_COLOR_NONE, "nopromisc",
				     "nopromisc ", true);
	if (flags & MVLAN_F_NODST)
		ip->print_color_bool(IP_PRINT_ANY, IP_COLOR_NONE, "nodst",
				     "nodst ", true);

	if (get_u32(tb, IFLA_MVLAN_BC_QUEUE_LEN, &v))
		ip->print_color_luint(IP_PRINT_ANY, IP_COLOR_NONE, "bcqueuelen",
				      "bcqueuelen %lu ", v);
	if (get_u32(tb, IFLA_MVLAN_BC_QUEUE_LEN_USED, &v))
		ip->print_color_luint(IP_PRINT_ANY, IP_COLOR_NONE, "usedbcqueuelen",
				      "usedbcqueuelen %lu ", v);

	/*
	 * Source mode: the number of entries and, while the list fits in a
	 * link message (see mvlan(4)), the addresses.
	 */
	if (mode == MVLAN_MODE_SOURCE &&
	    get_u32(tb, IFLA_MVLAN_SOURCE_COUNT, &v)) {
		ip->print_color_int(IP_PRINT_ANY, IP_COLOR_NONE, "macaddr_count",
				    "remotes (%d) ", (int)v);
		if (tb[IFLA_MVLAN_MACADDR_DATA])
			print_macs(ip, tb[IFLA_MVLAN_MACADDR_DATA]);
	}

	/* mvlan's own, after all of macvlan's */
	if (get_u32(tb, IFLA_MVLAN_BC_CUTOFF, &v))
		ip->print_color_int(IP_PRINT_ANY, IP_COLOR_NONE, "bclim",
				    "bclim %d ", (int32_t)v);
	if (flags & MVLAN_F_HOSTBRIDGE)
		ip->print_color_bool(IP_PRINT_ANY, IP_COLOR_NONE, "hostbridge",
				     "hostbridge ", true);
}
