/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mvlan: what mvlan.ko exports for the link kinds built on it (mvtap.ko),
 * as macvlan exports macvlan_common_newlink() and friends for macvtap.
 *
 * Such a kind's device is an mvlan device: its private data starts with a
 * struct mvlan_dev (mvlan_priv.h), its setup calls mvlan_common_setup(),
 * its newlink mvlan_common_newlink() and its dellink mvlan_dellink(), and
 * mvlan_link_register() registers its rtnl_link_ops with mvlan's
 * attributes, policy, changelink and fill_info. Everything mvlan does with
 * a device (the genl family, the port, the notifier) then holds for it.
 */
#ifndef _MVLAN_LIB_H
#define _MVLAN_LIB_H

#include <linux/netdevice.h>
#include <net/rtnetlink.h>

void mvlan_common_setup(struct net_device *dev);
int mvlan_common_newlink(struct net *src_net, struct net_device *dev,
			 struct nlattr *tb[], struct nlattr *data[],
			 struct netlink_ext_ack *extack);
void mvlan_dellink(struct net_device *dev, struct list_head *head);
int mvlan_link_register(struct rtnl_link_ops *ops);

#endif /* _MVLAN_LIB_H */
