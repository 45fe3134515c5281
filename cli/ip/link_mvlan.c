// SPDX-License-Identifier: GPL-2.0
/*
 * link_mvlan.so: iproute2's "ip" learns link kinds "mvlan" and "mvtap", as
 * its own iplink_macvlan.c has macvlan and macvtap.
 *
 * ip's get_link_kind("mvlan") dlopen()s IP_LIB_DIR/link_mvlan.so and
 * takes dlsym("mvlan_link_util") as its struct link_util; for "mvtap",
 * link_mvtap.so (a link to this file) and "mvtap_link_util". The plugin
 * must never crash an ip whose layout it does not know (iproute2.h says
 * what it assumes), so it first recognises the ip it is loaded into
 * (host.c: its release, from its executable, and the functions it needs,
 * by name). Only then does mvlan_link_util resolve to the link_util;
 * otherwise it resolves to NULL, after one line on stderr, and ip goes on
 * as without the plugin: "type mvlan" alone still creates a device, and
 * options are refused ("Garbage instead of arguments").
 *
 * Why not a link_util without callbacks instead: ip takes such a kind's
 * options without a word and sends none of them (ip link add ... type mvlan
 * mode bridge would make a vepa device), and the plugin would still have
 * to be right about the place of every field ip reads.
 *
 * mvlan_link_util and mvtap_link_util are therefore GNU indirect functions:
 * glibc's dlsym() returns what their resolver returns. Nothing in the
 * plugin refers to them, so the resolvers run for ip's dlsym() only, after
 * the constructor.
 */
#include <string.h>

#include "host.h"
#include "mvlan_ip.h"

struct ip_host mvlan_ip;

static int mvlan_parse_opt(struct link_util *lu, int argc, char **argv,
			   struct nlmsghdr *n)
{
	struct mvlan_ip_opts o;

	if (mvlan_ip_parse(&mvlan_ip, lu->id, argc, argv, &o))
		return -1;
	return mvlan_ip_put(&o, n, IP_REQ_MAXLEN);
}

static void mvlan_print_opt(struct link_util *lu, FILE *f, struct rtattr *tb[])
{
	(void)lu;
	mvlan_ip_print(&mvlan_ip, f, tb);
}

static void mvlan_print_help(struct link_util *lu, int argc, char **argv,
			     FILE *f)
{
	(void)argc;
	(void)argv;
	mvlan_ip_usage(f, lu->id);
}

static struct link_util mvlan_util = {
	.id		= MVLAN_LINK_KIND,
	.maxattr	= IFLA_MVLAN_MAX,
	.parse_opt	= mvlan_parse_opt,
	.print_opt	= mvlan_print_opt,
	.print_help	= mvlan_print_help,
};

/* an mvtap device takes and shows what an mvlan device does */
static struct link_util mvtap_util = {
	.id		= MVTAP_LINK_KIND,
	.maxattr	= IFLA_MVLAN_MAX,
	.parse_opt	= mvlan_parse_opt,
	.print_opt	= mvlan_print_opt,
	.print_help	= mvlan_print_help,
};

/* what mvlan_link_util and mvtap_link_util resolve to: the constructor's */
static struct link_util *mvlan_util_for_ip, *mvtap_util_for_ip;

__attribute__((constructor))
static void mvlan_ip_init(void)
{
	char why[512];

	if (ip_host_recognise(&mvlan_ip, why, sizeof(why))) {
		fprintf(stderr, "link_mvlan.so: %s: not used\n", why);
		return;
	}
	mvlan_util_for_ip = &mvlan_util;
	mvtap_util_for_ip = &mvtap_util;
}

typedef void (*mvlan_ifunc_t)(void);

static mvlan_ifunc_t mvlan_link_util_resolve(void)
{
	return (mvlan_ifunc_t)(void *)mvlan_util_for_ip;
}

static mvlan_ifunc_t mvtap_link_util_resolve(void)
{
	return (mvlan_ifunc_t)(void *)mvtap_util_for_ip;
}

/* the symbols ip looks for: the link_utils, or NULL (see above) */
__attribute__((visibility("default")))
void mvlan_link_util(void) __attribute__((ifunc("mvlan_link_util_resolve")));
__attribute__((visibility("default")))
void mvtap_link_util(void) __attribute__((ifunc("mvtap_link_util_resolve")));
