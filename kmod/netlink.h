/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mvlan: what the files of the generic netlink family share.
 */
#ifndef _MVLAN_NETLINK_H
#define _MVLAN_NETLINK_H

#include <net/genetlink.h>

#include "mvlan_priv.h"

/* index of the "events" group in the family's mcgrps */
#define MVLAN_NL_MCGRP_EVENTS	0

/* the attributes that name a device */
#define MVLAN_NL_DEV_POLICY \
	[MVLAN_A_IFINDEX]	= NLA_POLICY_MIN(NLA_U32, 1), \
	[MVLAN_A_IFNAME]	= { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 }

extern struct genl_family mvlan_genl_family;
extern const struct nla_policy mvlan_source_list_policy[MVLAN_A_MAX + 1];
extern const struct nla_policy mvlan_source_set_policy[MVLAN_A_MAX + 1];

struct mvlan_dev *mvlan_nl_get_dev(struct net *net, struct nlattr **attrs,
				   struct netlink_ext_ack *extack);
int mvlan_nl_put_dev_id(struct sk_buff *skb, const struct mvlan_dev *vlan);

/* nl_source.c */
int mvlan_nl_source_add_doit(struct sk_buff *skb, struct genl_info *info);
int mvlan_nl_source_del_doit(struct sk_buff *skb, struct genl_info *info);
int mvlan_nl_source_flush_doit(struct sk_buff *skb, struct genl_info *info);
int mvlan_nl_source_set_doit(struct sk_buff *skb, struct genl_info *info);
int mvlan_nl_source_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);

/* The request's attributes, in a dump. */
static inline struct nlattr **mvlan_nl_dump_attrs(struct netlink_callback *cb)
{
#ifdef MVLAN_HAVE_GENL_INFO_DUMP
	return genl_info_dump(cb)->attrs;
#else
	return genl_dumpit_info(cb)->attrs;
#endif
}

#endif /* _MVLAN_NETLINK_H */
