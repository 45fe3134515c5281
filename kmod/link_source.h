/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mvlan: the source list over rtnetlink (link_source.c), for link.c.
 */
#ifndef _MVLAN_LINK_SOURCE_H
#define _MVLAN_LINK_SOURCE_H

#include <net/netlink.h>

#include "mvlan_priv.h"

/*
 * Link dumps list the addresses of a source list up to this many entries,
 * and only count longer ones (see link_source.c).
 */
#define MVLAN_LINK_SOURCE_DUMP_MAX	128

/* the IFLA_INFO_DATA policy of the source list attributes */
#define MVLAN_LINK_SOURCE_POLICY \
	[IFLA_MVLAN_MACADDR_MODE] = NLA_POLICY_MAX(NLA_U32, MVLAN_MACADDR_SET), \
	[IFLA_MVLAN_MACADDR]	= NLA_POLICY_ETH_ADDR, \
	[IFLA_MVLAN_MACADDR_DATA] = { .type = NLA_NESTED }

int mvlan_link_source_validate(struct nlattr *data[],
			       struct netlink_ext_ack *extack);
int mvlan_link_source_check(struct nlattr *data[], u32 mode,
			    struct netlink_ext_ack *extack);
int mvlan_link_source_create(struct mvlan_dev *vlan, struct nlattr *data[]);
int mvlan_link_source_change(struct mvlan_dev *vlan,
			     const struct mvlan_config *cfg,
			     struct nlattr *data[],
			     struct netlink_ext_ack *extack);
size_t mvlan_link_source_size(const struct mvlan_dev *vlan);
int mvlan_link_source_fill(struct sk_buff *skb, struct mvlan_dev *vlan);

#endif /* _MVLAN_LINK_SOURCE_H */
