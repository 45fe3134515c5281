/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mvlan: the device operations that pass a request on to the lower device
 * (netpoll.c, tstamp.c) or keep macvlan's rules for it (fdb.c), for dev.c's
 * tables and tx.c.
 */
#ifndef _MVLAN_NDO_H
#define _MVLAN_NDO_H

#include <linux/ethtool.h>
#include <linux/netdevice.h>
#include <linux/netpoll.h>

#include "mvlan_priv.h"

/* netpoll.c: netconsole and friends, on the lower device's netpoll */
#ifdef CONFIG_NET_POLL_CONTROLLER
void mvlan_poll_controller(struct net_device *dev);
int mvlan_netpoll_setup(struct net_device *dev, struct netpoll_info *npinfo);
void mvlan_netpoll_cleanup(struct net_device *dev);
netdev_tx_t mvlan_netpoll_send_skb(struct mvlan_dev *vlan, struct sk_buff *skb);

#define MVLAN_NETPOLL_OPS					\
	.ndo_poll_controller	= mvlan_poll_controller,	\
	.ndo_netpoll_setup	= mvlan_netpoll_setup,		\
	.ndo_netpoll_cleanup	= mvlan_netpoll_cleanup
#else
/* netpoll_tx_running() is false without netpoll: never called */
static inline netdev_tx_t mvlan_netpoll_send_skb(struct mvlan_dev *vlan,
						 struct sk_buff *skb)
{
	dev_kfree_skb_any(skb);
	return NET_XMIT_DROP;
}

#define MVLAN_NETPOLL_OPS
#endif

/* tstamp.c: hardware time stamping, the lower device's */
int mvlan_get_ts_info(struct net_device *dev, struct mvlan_ts_info *info);
#ifdef MVLAN_HAVE_NDO_HWTSTAMP
int mvlan_hwtstamp_get(struct net_device *dev,
		       struct kernel_hwtstamp_config *cfg);
int mvlan_hwtstamp_set(struct net_device *dev,
		       struct kernel_hwtstamp_config *cfg,
		       struct netlink_ext_ack *extack);

#define MVLAN_TSTAMP_OPS				\
	.ndo_hwtstamp_get	= mvlan_hwtstamp_get,	\
	.ndo_hwtstamp_set	= mvlan_hwtstamp_set
#else
int mvlan_eth_ioctl(struct net_device *dev, struct ifreq *ifr, int cmd);

#define MVLAN_TSTAMP_OPS				\
	.ndo_eth_ioctl		= mvlan_eth_ioctl
#endif

/*
 * fdb.c: bridge fdb add/del/show ... self. ndo_fdb_add/del are the same in
 * 6.1's and 6.12's headers (kernels after 6.12 change them: a probe then).
 */
int mvlan_fdb_add(struct ndmsg *ndm, struct nlattr *tb[],
		  struct net_device *dev, const unsigned char *addr, u16 vid,
		  u16 flags, struct netlink_ext_ack *extack);
int mvlan_fdb_del(struct ndmsg *ndm, struct nlattr *tb[],
		  struct net_device *dev, const unsigned char *addr, u16 vid,
		  struct netlink_ext_ack *extack);

#define MVLAN_FDB_OPS					\
	.ndo_fdb_add		= mvlan_fdb_add,	\
	.ndo_fdb_del		= mvlan_fdb_del,	\
	.ndo_fdb_dump		= ndo_dflt_fdb_dump

#endif /* _MVLAN_NDO_H */
