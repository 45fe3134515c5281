/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mvlan: internal definitions shared by the files of the module.
 */
#ifndef _MVLAN_PRIV_H
#define _MVLAN_PRIV_H

#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/rhashtable.h>
#include <linux/skbuff.h>
#include <linux/u64_stats_sync.h>
#include <linux/workqueue.h>
#include <linux/mvlan.h>

#include "compat.h"

#define MVLAN_VERSION			"0.1.0"

#define MVLAN_MC_FILTER_BITS		8
#define MVLAN_MC_FILTER_SZ		BIT(MVLAN_MC_FILTER_BITS)
#define MVLAN_DEFAULT_BC_QUEUE_LEN	1000
#define MVLAN_DEFAULT_BC_CUTOFF		1

#define MVLAN_MODE_ALL	(MVLAN_MODE_PRIVATE | MVLAN_MODE_VEPA | \
			 MVLAN_MODE_BRIDGE | MVLAN_MODE_PASSTHRU | \
			 MVLAN_MODE_SOURCE)

/* Per-CPU counters of one device, read by ndo_get_stats64. */
struct mvlan_pcpu_stats {
	u64_stats_t		rx_packets;
	u64_stats_t		rx_bytes;
	u64_stats_t		rx_multicast;
	u64_stats_t		tx_packets;
	u64_stats_t		tx_bytes;
	u64_stats_t		rx_errors;
	u64_stats_t		tx_dropped;
	struct u64_stats_sync	syncp;
};

/*
 * The state mvlan keeps on a lower device: one per lower device, shared by
 * all of its mvlan devices. It hangs off lower->rx_handler_data.
 *
 * @vlan_hash: the devices that are up, by MAC address (RCU readers, RTNL
 *	writers). Passthru devices are not in it.
 * @vlans: every device on this lower (RCU readers, RTNL writers).
 */
struct mvlan_port {
	struct net_device	*dev;
	struct rhashtable	vlan_hash;
	struct list_head	vlans;
	int			count;
	bool			passthru;
	bool			addr_change;
	u32			bc_queue_len_used;
	int			bc_cutoff;
	struct sk_buff_head	bc_queue;
	struct work_struct	bc_work;
	DECLARE_BITMAP(mc_filter, MVLAN_MC_FILTER_SZ);
	DECLARE_BITMAP(bc_filter, MVLAN_MC_FILTER_SZ);
	unsigned char		perm_addr[ETH_ALEN];
};

/* The private part of an mvlan net_device. */
struct mvlan_dev {
	struct net_device	*dev;
	struct net_device	*lowerdev;
	netdevice_tracker	dev_tracker;
	struct mvlan_port	*port;
	struct list_head	list;
	struct rhash_head	node;
	/* hash key: a copy of dev->dev_addr while in port->vlan_hash */
	unsigned char		addr[ETH_ALEN] __aligned(sizeof(u16));
	u32			mode;
	u32			flags;
	u32			bc_queue_len_req;
	netdev_features_t	set_features;
	struct mvlan_pcpu_stats __percpu *pcpu_stats;
	DECLARE_BITMAP(mc_filter, MVLAN_MC_FILTER_SZ);
};

/* link.c */
extern struct rtnl_link_ops mvlan_link_ops;
int mvlan_change(struct mvlan_dev *vlan, const u32 *mode, const u32 *flags,
		 struct netlink_ext_ack *extack);

/* dev.c */
void mvlan_setup(struct net_device *dev);
bool netif_is_mvlan(const struct net_device *dev);
void mvlan_count_rx(const struct mvlan_dev *vlan, unsigned int len,
		    bool success, bool multicast);
void mvlan_compute_filter(unsigned long *mc_filter, struct net_device *dev,
			  const struct mvlan_dev *vlan, int cutoff);
u32 mvlan_mc_hash(const struct mvlan_dev *vlan, const unsigned char *addr);
int mvlan_follow_lower_address(struct net_device *dev);

/* port.c */
int mvlan_port_create(struct net_device *lower, struct netlink_ext_ack *extack);
void mvlan_port_destroy(struct net_device *lower);
struct mvlan_port *mvlan_port_get_rtnl(const struct net_device *lower);
bool netif_is_mvlan_port(const struct net_device *dev);
struct mvlan_dev *mvlan_hash_lookup(const struct mvlan_port *port,
				    const unsigned char *addr);
int mvlan_hash_add(struct mvlan_dev *vlan);
void mvlan_hash_del(struct mvlan_dev *vlan);
bool mvlan_addr_busy(const struct mvlan_port *port, const unsigned char *addr);
void mvlan_port_update_bc_queue_len(struct mvlan_port *port);
void mvlan_port_recompute_bc_filter(struct mvlan_port *port);
int mvlan_notifier_register(void);
void mvlan_notifier_unregister(void);

/* rx.c */
rx_handler_result_t mvlan_handle_frame(struct sk_buff **pskb);
void mvlan_broadcast(struct sk_buff *skb, const struct mvlan_port *port,
		     const struct net_device *src, u32 mode);
void mvlan_process_broadcast(struct work_struct *work);
void mvlan_bc_queue_purge(struct mvlan_port *port);

/* tx.c */
netdev_tx_t mvlan_start_xmit(struct sk_buff *skb, struct net_device *dev);

/* netlink.c */
int mvlan_genl_register(void);
void mvlan_genl_unregister(void);

static inline struct mvlan_port *mvlan_port_get_rcu(const struct net_device *lower)
{
	return rcu_dereference(lower->rx_handler_data);
}

#endif /* _MVLAN_PRIV_H */
