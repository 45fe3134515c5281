/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mvlan: shims for the kernel APIs that moved between the kernels we support.
 *
 * Each MVLAN_HAVE_* macro is set by Kbuild after probing the target's own
 * headers, never from a version number alone.
 */
#ifndef _MVLAN_COMPAT_H
#define _MVLAN_COMPAT_H

#include <linux/ethtool.h>
#include <linux/net_tstamp.h>
#include <linux/netdevice.h>
#include <linux/phy.h>
#include <net/genetlink.h>

/*
 * Lockless transmit became a net_device bit (dev->lltx) in 6.11; before it
 * was the NETIF_F_LLTX feature, which then must stay in the feature set.
 */
#ifdef MVLAN_HAVE_DEV_LLTX
#define MVLAN_F_LLTX_COMPAT	0
static inline void mvlan_set_lltx(struct net_device *dev)
{
	dev->lltx = true;
}
#else
#define MVLAN_F_LLTX_COMPAT	NETIF_F_LLTX
static inline void mvlan_set_lltx(struct net_device *dev)
{
	dev->features |= NETIF_F_LLTX;
}
#endif

/* IFF_CHANGE_PROTO_DOWN became the dev->change_proto_down bit in 6.10. */
static inline void mvlan_set_change_proto_down(struct net_device *dev)
{
#ifdef MVLAN_HAVE_DEV_CHANGE_PROTO_DOWN
	dev->change_proto_down = true;
#else
	dev->priv_flags |= IFF_CHANGE_PROTO_DOWN;
#endif
}

/*
 * The parsed request of a dump: genl_dumpit_info(cb)->attrs on 6.1; later
 * kernels keep it in a struct genl_info, genl_info_dump(cb).
 */
static inline struct nlattr **mvlan_genl_dump_attrs(struct netlink_callback *cb)
{
#ifdef MVLAN_HAVE_GENL_INFO_DUMP
	return genl_info_dump(cb)->attrs;
#else
	return genl_dumpit_info(cb)->attrs;
#endif
}

/*
 * ethtool's time stamping capabilities: struct kernel_ethtool_ts_info since
 * 6.11, struct ethtool_ts_info before.
 */
#ifdef MVLAN_HAVE_KERNEL_ETHTOOL_TS_INFO
#define mvlan_ts_info kernel_ethtool_ts_info
#else
#define mvlan_ts_info ethtool_ts_info
#endif

/*
 * What ethtool -T reports for @lower: its PHY's or its MAC's capabilities,
 * else software time stamps only. ethtool_get_ts_info_by_layer() since
 * 6.10; before, what it does by hand, as macvlan did it.
 */
static inline int mvlan_lower_ts_info(struct net_device *lower,
				      struct mvlan_ts_info *info)
{
#ifdef MVLAN_HAVE_ETHTOOL_TS_INFO_BY_LAYER
	return ethtool_get_ts_info_by_layer(lower, info);
#else
	const struct ethtool_ops *ops = lower->ethtool_ops;

	if (phy_has_tsinfo(lower->phydev))
		return phy_ts_info(lower->phydev, info);
	if (ops->get_ts_info)
		return ops->get_ts_info(lower, info);
	info->so_timestamping = SOF_TIMESTAMPING_RX_SOFTWARE |
				SOF_TIMESTAMPING_SOFTWARE;
	info->phc_index = -1;
	return 0;
#endif
}

/* struct class's namespace() takes a const device since 6.2 (mvtap.c) */
#ifdef MVLAN_HAVE_CLASS_NS_CONST
#define mvlan_class_dev_const const
#else
#define mvlan_class_dev_const
#endif

#endif /* _MVLAN_COMPAT_H */
