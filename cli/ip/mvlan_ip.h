/* SPDX-License-Identifier: GPL-2.0 */
/*
 * link_mvlan.so, the iproute2 link plugin of kinds "mvlan" and "mvtap"
 * (link_mvtap.so is the same file): what its files share.
 */
#ifndef MVLAN_IP_H
#define MVLAN_IP_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <linux/mvlan.h>

#include "iproute2.h"
#include "../parse.h"

/* one IFLA_MVLAN_MACADDR takes this much of the request */
#define MVLAN_IP_MAC_SPACE	RTA_SPACE(MAC_LEN)
/* more addresses never fit in ip's request */
#define MVLAN_IP_MACS_MAX	(IP_REQ_MAXLEN / MVLAN_IP_MAC_SPACE)

/* What "ip link add|set ... type mvlan ARGS" asks for (or type mvtap). */
struct mvlan_ip_opts {
	const char	*kind;		/* "mvlan", "mvtap": for messages */
	bool		has_mode;
	bool		has_flags;
	bool		has_bc_queue_len;
	bool		has_bc_cutoff;
	int		macaddr_op;	/* enum mvlan_macaddr_mode, or -1 */
	uint32_t	mode;
	uint32_t	flags;
	uint32_t	bc_queue_len;
	int32_t		bc_cutoff;
	unsigned int	nmacs;
	uint8_t		macs[MVLAN_IP_MACS_MAX][MAC_LEN];
};

/* The functions of the ip we are loaded into (link_mvlan.c). */
extern struct ip_host mvlan_ip;

/* opt.c */
/*
 * Parse ARGS of link kind @kind with macvlan's grammar into @o. 0, or -1
 * after an error message on stderr (a missing argument exits, as in every
 * ip plugin).
 */
int mvlan_ip_parse(const struct ip_host *ip, const char *kind, int argc,
		   char **argv, struct mvlan_ip_opts *o);
/*
 * Append @o to @n as IFLA_MVLAN_* attributes, within @maxlen bytes of
 * message. 0, or -1 after a message, with @n as it was.
 */
int mvlan_ip_put(const struct mvlan_ip_opts *o, struct nlmsghdr *n,
		 unsigned int maxlen);
/* The grammar, as "ip link help mvlan" (or mvtap, @kind) prints it. */
void mvlan_ip_usage(FILE *f, const char *kind);

/* print.c */
/* What "ip -d link show" prints of an mvlan device's IFLA_INFO_DATA. */
void mvlan_ip_print(const struct ip_host *ip, FILE *f, struct rtattr *tb[]);

#endif /* MVLAN_IP_H */
