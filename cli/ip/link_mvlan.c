// SPDX-License-Identifier: GPL-2.0
/*
 * link_mvlan.so: iproute2's "ip" learns link kind "mvlan".
 *
 * ip's get_link_kind("mvlan") dlopen()s IP_LIB_DIR/link_mvlan.so and
 * takes dlsym("mvlan_link_util") as its struct link_util. The plugin
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
 * mvlan_link_util is therefore a GNU indirect function: glibc's dlsym()
 * returns what its resolver returns. Nothing in the plugin refers to it,
 * so the resolver runs for ip's dlsym() only, after the constructor.
 */
#include <string.h>

#include "host.h"
#include "mvlan_ip.h"

struct ip_host mvlan_ip;

static int mvlan_parse_opt(struct link_util *lu, int argc, char **argv,
			   struct nlmsghdr *n)
{
	struct mvlan_ip_opts o;

	(void)lu;
	if (mvlan_ip_parse(&mvlan_ip, argc, argv, &o))
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
	(void)lu;
	(void)argc;
	(void)argv;
	mvlan_ip_usage(f);
}

static struct link_util mvlan_util = {
	.id		= MVLAN_IP_KIND,
	.maxattr	= IFLA_MVLAN_MAX,
	.parse_opt	= mvlan_parse_opt,
	.print_opt	= mvlan_print_opt,
	.print_help	= mvlan_print_help,
};

/* what mvlan_link_util resolves to: set by the constructor */
static struct link_util *mvlan_util_for_ip;

__attribute__((constructor))
static void mvlan_ip_init(void)
{
	char why[512];

	if (ip_host_recognise(&mvlan_ip, why, sizeof(why))) {
		fprintf(stderr, "link_mvlan.so: %s: not used\n", why);
		return;
	}
	mvlan_util_for_ip = &mvlan_util;
}

typedef void (*mvlan_ifunc_t)(void);

static mvlan_ifunc_t mvlan_link_util_resolve(void)
{
	return (mvlan_ifunc_t)(void *)mvlan_util_for_ip;
}

/* the symbol ip looks for: the link_util, or NULL (see above) */
__attribute__((visibility("default")))
void mvlan_link_util(void) __attribute__((ifunc("mvlan_link_util_resolve")));
