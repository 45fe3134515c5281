/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mvlan: shims for the kernel APIs that moved between the kernels we support.
 *
 * Each MVLAN_HAVE_* macro is set by Kbuild after probing the target's own
 * headers, never from a version number alone.
 */
#ifndef _MVLAN_COMPAT_H
#define _MVLAN_COMPAT_H

#include <linux/netdevice.h>
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

#endif /* _MVLAN_COMPAT_H */
