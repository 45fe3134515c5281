/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What link_mvlan.so assumes of the iproute2 "ip" that loads it: our own
 * declarations of the structure and functions it shares with ip, written
 * from iproute2's headers of the releases it knows (host.c), never
 * included from them.
 *
 * Checked against the tags v5.0.0 to v7.1.0 of iproute2:
 *  - struct link_util (ip/ip_common.h): unchanged since v4.11 but for the
 *    arguments of print_ifla_xstats (v4.20), which we never set.
 *  - struct iplink_req (ip/ip_common.h): the request ip hands to
 *    parse_opt, a struct nlmsghdr and a struct ifinfomsg, then a 1024-byte
 *    buffer; iproute2's own link plugins bound their attributes by 1024.
 *  - include/json_print.h: enum output_type and the print_color_*()
 *    functions (void until v5.7, int since: we ignore the value),
 *    open_json_array(), close_json_array(), is_json_context().
 *  - include/color.h: enum color_attr, COLOR_NONE its seventh value.
 *  - include/utils.h: get_u32(), get_s32(), incomplete_command().
 * Not used because it moved: matches() returned int until v5.2, bool from
 * v5.3 and int again from v6.7, and matched an empty argument until v5.3;
 * link.c has its own (kw()).
 */
#ifndef MVLAN_IPROUTE2_H
#define MVLAN_IPROUTE2_H

#include <stdbool.h>
#include <stdio.h>

#include <linux/netlink.h>
#include <linux/rtnetlink.h>

/* ip/ip_common.h */
struct link_util {
	struct link_util	*next;
	const char		*id;
	int			maxattr;
	int			(*parse_opt)(struct link_util *lu, int argc,
					     char **argv, struct nlmsghdr *n);
	void			(*print_opt)(struct link_util *lu, FILE *f,
					     struct rtattr *tb[]);
	void			(*print_xstats)(struct link_util *lu, FILE *f,
						struct rtattr *xstats);
	void			(*print_help)(struct link_util *lu, int argc,
					      char **argv, FILE *f);
	int			(*parse_ifla_xstats)(struct link_util *lu,
						     int argc, char **argv);
	int			(*print_ifla_xstats)(struct nlmsghdr *n,
						     void *arg);
};

/* The bound of a link plugin's attributes in ip's request, as ip's own. */
#define IP_REQ_MAXLEN		1024

/* include/json_print.h */
enum ip_output_type {
	IP_PRINT_FP	= 1,
	IP_PRINT_JSON	= 2,
	IP_PRINT_ANY	= 4,
};

/* include/color.h: enum color_attr */
#define IP_COLOR_NONE		6

/*
 * The functions of ip that the plugin calls, found by name in the ip that
 * loaded it (host.c). Every one is set once the host is recognised.
 */
struct ip_host {
	int (*print_color_string)(enum ip_output_type t, int color,
				  const char *key, const char *fmt,
				  const char *value);
	int (*print_color_int)(enum ip_output_type t, int color,
			       const char *key, const char *fmt, int value);
	int (*print_color_luint)(enum ip_output_type t, int color,
				 const char *key, const char *fmt,
				 unsigned long value);
	int (*print_color_bool)(enum ip_output_type t, int color,
				const char *key, const char *fmt, bool value);
	void (*open_json_array)(enum ip_output_type t, const char *key);
	void (*close_json_array)(enum ip_output_type t, const char *delim);
	bool (*is_json_context)(void);
	int (*get_u32)(__u32 *val, const char *arg, int base);
	int (*get_s32)(__s32 *val, const char *arg, int base);
	void (*incomplete_command)(void) __attribute__((noreturn));
};

#endif /* MVLAN_IPROUTE2_H */
