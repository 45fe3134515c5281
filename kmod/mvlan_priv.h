/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mvlan: internal definitions shared by the files of the module.
 */
#ifndef _MVLAN_PRIV_H
#define _MVLAN_PRIV_H

#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/skbuff.h>
#include <linux/u64_stats_sync.h>
#include <linux/workqueue.h>
#include <linux/mvlan.h>

#include "compat.h"
#include "hash.h"

#define MVLAN_MC_FILTER_BITS		8
#define MVLAN_MC_FILTER_SZ		BIT(MVLAN_MC_FILTER_BITS)

#define MVLAN_MODE_ALL	(MVLAN_MODE_PRIVATE | MVLAN_MODE_VEPA | \
			 MVLAN_MODE_BRIDGE | MVLAN_MODE_PASSTHRU | \
			 MVLAN_MODE_SOURCE)

/* Why a frame meant for a device did not reach it (MVLAN_STATS_A_DROP_*). */
enum mvlan_drop_reason {
	MVLAN_DROP_DEV_DOWN,
	MVLAN_DROP_NOMEM,
	MVLAN_DROP_FILTERED,
	MVLAN_DROP_BACKLOG,
	MVLAN_DROP_MAX,
};

/*
 * Per-CPU counters of one device. The first ones are what ndo_get_stats64
 * reports, counted exactly as macvlan counts them; drops[] says why.
 */
struct mvlan_pcpu_stats {
	u64_stats_t		rx_packets;
	u64_stats_t		rx_bytes;
	u64_stats_t		rx_multicast;
	u64_stats_t		tx_packets;
	u64_stats_t		tx_bytes;
	u64_stats_t		rx_errors;
	u64_stats_t		tx_dropped;
	u64_stats_t		drops[MVLAN_DROP_MAX];
	struct u64_stats_sync	syncp;
};

/* The sum over all CPUs. */
struct mvlan_stats {
	u64	rx_packets;
	u64	rx_bytes;
	u64	rx_multicast;
	u64	rx_errors;
	u64	tx_packets;
	u64	tx_bytes;
	u64	tx_dropped;
	u64	drops[MVLAN_DROP_MAX];
};

/* A source list entry as a dump shows it. */
struct mvlan_source_info {
	unsigned char	addr[ETH_ALEN];
	bool		seen;
	u64		packets;
	u64		bytes;
	u64		last_seen_ms;
};

struct mvlan_hostbridge;
struct mvlan_source_entry;
struct mvlan_source_txn;

/*
 * The state mvlan keeps on a lower device: one per lower device, shared by
 * all of its mvlan devices. It hangs off lower->rx_handler_data.
 *
 * @vlan_hash: the devices that are up, by MAC address (RCU readers, RTNL
 *	writers). Passthru devices are in it too (multicast looks senders up).
 * @source_hash: the source list entries of all its source-mode devices,
 *	staged ones included, by source MAC (RCU readers, RTNL writers). Its
 *	count is 0 on a port without source entries, and rx looks no further.
 * @vlans: every device on this lower (RCU readers, RTNL writers).
 * @bc_queue_len_used: the largest bc_queue_len_req of @vlans, and
 *	@bc_queue_len_holders the number of devices asking for it (port.c,
 *	under RTNL; the flood path reads @bc_queue_len_used).
 * @hostbridge: its hook while a device has MVLAN_F_HOSTBRIDGE (hostbridge.c,
 *	under RTNL), NULL otherwise.
 */
struct mvlan_port {
	struct net_device	*dev;
	struct mvlan_htable	vlan_hash;
	struct mvlan_htable	source_hash;
	struct list_head	vlans;
	int			count;
	bool			passthru;
	bool			addr_change;
	u32			bc_queue_len_used;
	u32			bc_queue_len_holders;
	int			bc_cutoff;
	struct sk_buff_head	bc_queue;
	struct work_struct	bc_work;
	atomic64_t		bc_queue_drops;
	DECLARE_BITMAP(mc_filter, MVLAN_MC_FILTER_SZ);
	DECLARE_BITMAP(bc_filter, MVLAN_MC_FILTER_SZ);
	unsigned char		perm_addr[ETH_ALEN];
	struct mvlan_hostbridge	*hostbridge;
};

/* The private part of an mvlan net_device. */
struct mvlan_dev {
	struct net_device	*dev;
	struct net_device	*lowerdev;
	netdevice_tracker	dev_tracker;
	struct mvlan_port	*port;
	struct list_head	list;
	/* in port->vlan_hash while up; its key is dev->dev_addr's then */
	struct mvlan_hnode	hnode;
	u32			mode;
	u32			flags;
	u32			bc_queue_len_req;
	netdev_features_t	set_features;
	struct mvlan_pcpu_stats __percpu *pcpu_stats;
	DECLARE_BITMAP(mc_filter, MVLAN_MC_FILTER_SZ);
	/* the source list, under RTNL; see source.c */
	struct list_head	sources;
	u32			source_count;
	u32			source_gen;	/* read by the data path */
	u32			source_seq;	/* changes with the list */
	struct mvlan_source_txn	*source_txn;
#ifdef CONFIG_NET_POLL_CONTROLLER
	/* the lower device's netpoll while netpoll runs on this one */
	struct netpoll		*netpoll;
#endif
};

/*
 * A source list entry (source.c): in its port's source_hash and on its
 * device's list, or its transaction's. Frames match it while @gen is its
 * device's source_gen.
 */
struct mvlan_source_entry {
	struct mvlan_hnode	hnode;		/* key: the source MAC */
	struct list_head	list;
	struct mvlan_dev	*vlan;
	u32			gen;
	unsigned long		last_seen;	/* jiffies: the last frame */
	atomic64_t		packets;
	atomic64_t		bytes;
	struct rcu_head		rcu;
};

/* The source entry whose link of the array @b is @pos. */
static __always_inline struct mvlan_source_entry *
mvlan_source_entry_of(const struct mvlan_hbuckets *b, struct hlist_node *pos)
{
	return container_of(mvlan_hnode_of(b, pos), struct mvlan_source_entry,
			    hnode);
}

/*
 * A change of device settings; set_* says what to change, *_attr which
 * attribute of the request asked (for the extended ACK).
 */
struct mvlan_config {
	bool	set_mode;
	bool	set_flags;
	bool	set_bc_queue_len;
	bool	set_bc_cutoff;
	u32	mode;
	u32	flags;
	u32	bc_queue_len;
	s32	bc_cutoff;
	const struct nlattr *mode_attr;
	const struct nlattr *flags_attr;
};

/*
 * The attribute types that carry the settings on one netlink surface:
 * IFLA_MVLAN_* or MVLAN_A_*. The reported ones are never parsed.
 */
struct mvlan_config_attrs {
	u16	mode;
	u16	flags;
	u16	bc_queue_len;
	u16	bc_queue_len_used;	/* reported */
	u16	bc_cutoff;
	u16	source_count;		/* reported */
};

/* config.c */
extern const struct mvlan_config_attrs mvlan_rtnl_config_attrs;
extern const struct mvlan_config_attrs mvlan_genl_config_attrs;
int mvlan_config_parse(struct mvlan_config *cfg, struct nlattr **tb,
		       const struct mvlan_config_attrs *a,
		       struct netlink_ext_ack *extack);
int mvlan_config_check_new(const struct mvlan_config *cfg,
			   struct netlink_ext_ack *extack);
int mvlan_config_attach(struct mvlan_dev *vlan, struct netlink_ext_ack *extack);
void mvlan_config_detach(struct mvlan_dev *vlan);
size_t mvlan_config_size(void);
int mvlan_config_fill(struct sk_buff *skb, const struct mvlan_dev *vlan,
		      const struct mvlan_config_attrs *a);
int mvlan_change(struct mvlan_dev *vlan, const struct mvlan_config *cfg,
		 struct netlink_ext_ack *extack);

/* link.c */
extern struct rtnl_link_ops mvlan_link_ops;

/* dev.c */
void mvlan_setup(struct net_device *dev);
bool netif_is_mvlan(const struct net_device *dev);
void mvlan_count_drop(const struct mvlan_dev *vlan, enum mvlan_drop_reason why);
void mvlan_get_stats(const struct mvlan_dev *vlan, struct mvlan_stats *stats);
void mvlan_compute_filter(unsigned long *mc_filter, struct net_device *dev,
			  const struct mvlan_dev *vlan, int cutoff);
u32 mvlan_mc_hash(const struct mvlan_dev *vlan, const unsigned char *addr);
int mvlan_follow_lower_address(struct net_device *dev);

/* port.c */
int mvlan_port_create(struct net_device *lower, struct netlink_ext_ack *extack);
void mvlan_port_destroy(struct net_device *lower);
struct mvlan_port *mvlan_port_get_rtnl(const struct net_device *lower);
bool netif_is_mvlan_port(const struct net_device *dev);
int mvlan_hash_add(struct mvlan_dev *vlan);
void mvlan_hash_del(struct mvlan_dev *vlan);
bool mvlan_addr_busy(const struct mvlan_port *port, const unsigned char *addr);
void mvlan_port_recount_bc_queue_len(struct mvlan_port *port);
void mvlan_port_bc_queue_len_add(struct mvlan_port *port, u32 req);
void mvlan_port_bc_queue_len_del(struct mvlan_port *port, u32 req);
void mvlan_port_set_bc_cutoff(struct mvlan_port *port, int cutoff);
void mvlan_port_recompute_bc_filter(struct mvlan_port *port);
int mvlan_notifier_register(void);
void mvlan_notifier_unregister(void);

/* rx.c */
rx_handler_result_t mvlan_handle_frame(struct sk_buff **pskb);
void mvlan_flood_one(struct sk_buff *skb, const struct mvlan_dev *vlan,
		     bool local);
void mvlan_broadcast(struct sk_buff *skb, const struct mvlan_port *port,
		     const struct net_device *src, u32 mode);
void mvlan_process_broadcast(struct work_struct *work);
void mvlan_bc_queue_purge(struct mvlan_port *port);

/* tx.c */
netdev_tx_t mvlan_start_xmit(struct sk_buff *skb, struct net_device *dev);

/* source.c */
int mvlan_source_init(void);
void mvlan_source_exit(void);
void mvlan_source_dev_init(struct mvlan_dev *vlan);
int mvlan_source_add(struct mvlan_dev *vlan, const unsigned char *addr);
int mvlan_source_del(struct mvlan_dev *vlan, const unsigned char *addr);
u32 mvlan_source_flush(struct mvlan_dev *vlan);
struct mvlan_source_txn *mvlan_source_txn_get(struct mvlan_dev *vlan,
					      struct net *net, u32 portid,
					      u32 flags,
					      struct netlink_ext_ack *extack);
int mvlan_source_txn_add(struct mvlan_source_txn *txn,
			 const unsigned char *addr);
void mvlan_source_txn_commit(struct mvlan_source_txn *txn, u32 *old_count,
			     u32 *new_count);
void mvlan_source_txn_abort(struct mvlan_dev *vlan);
struct mvlan_source_entry *mvlan_source_first(struct mvlan_dev *vlan);
struct mvlan_source_entry *mvlan_source_next(struct mvlan_dev *vlan,
					     struct mvlan_source_entry *entry);
struct mvlan_source_entry *mvlan_source_nth(struct mvlan_dev *vlan,
					    unsigned long n);
void mvlan_source_entry_info(const struct mvlan_source_entry *entry,
			     struct mvlan_source_info *info);

/* netlink.c, nl_dev.c, nl_source.c: the genl family; the events under RTNL */
int mvlan_genl_register(void);
void mvlan_genl_unregister(void);
void mvlan_nl_notify_dev(struct net_device *dev, u8 cmd);
void mvlan_nl_notify_source(struct mvlan_dev *vlan, u32 added, u32 removed);

static inline struct mvlan_port *mvlan_port_get_rcu(const struct net_device *lower)
{
	return rcu_dereference(lower->rx_handler_data);
}

/*
 * The up device of @port with address @addr. Under RCU (receive), RCU-bh
 * (transmit) or RTNL. Inline: rx looks up one or two for every frame.
 */
static __always_inline struct mvlan_dev *
mvlan_hash_lookup(const struct mvlan_port *port, const unsigned char *addr)
{
	const struct mvlan_hbuckets *b = mvlan_htable_buckets(&port->vlan_hash);
	u64 key = mvlan_mac_key(addr);
	struct hlist_node *pos;

	for (pos = mvlan_hbucket_first(b, key); pos; pos = mvlan_hnext(pos)) {
		struct mvlan_hnode *node = mvlan_hnode_of(b, pos);

		if (node->key == key)
			return container_of(node, struct mvlan_dev, hnode);
	}
	return NULL;
}

/*
 * Count a frame received by @vlan, from the rx_handler: softirq context,
 * where no preemption is to be disabled.
 */
static __always_inline void mvlan_count_rx_bh(const struct mvlan_dev *vlan,
					      unsigned int len)
{
	struct mvlan_pcpu_stats *stats = this_cpu_ptr(vlan->pcpu_stats);

	u64_stats_update_begin(&stats->syncp);
	u64_stats_inc(&stats->rx_packets);
	u64_stats_add(&stats->rx_bytes, len);
	u64_stats_update_end(&stats->syncp);
}

/*
 * One more of @vlan's per-CPU counter at @off in its struct
 * mvlan_pcpu_stats, from any context: mvlan_pcpu_inc(vlan, field).
 */
static inline void __mvlan_pcpu_inc(const struct mvlan_dev *vlan, size_t off)
{
	struct mvlan_pcpu_stats *stats;
	unsigned long flags;

	stats = get_cpu_ptr(vlan->pcpu_stats);
	flags = u64_stats_update_begin_irqsave(&stats->syncp);
	u64_stats_inc((u64_stats_t *)((u8 *)stats + off));
	u64_stats_update_end_irqrestore(&stats->syncp, flags);
	put_cpu_ptr(vlan->pcpu_stats);
}

#define mvlan_pcpu_inc(vlan, field) \
	__mvlan_pcpu_inc(vlan, offsetof(struct mvlan_pcpu_stats, field))

/* A frame that could not be sent. */
static inline void mvlan_count_tx_dropped(const struct mvlan_dev *vlan)
{
	mvlan_pcpu_inc(vlan, tx_dropped);
}

/* Inline, as macvlan_count_rx(): it runs for every frame received. */
static inline void mvlan_count_rx(const struct mvlan_dev *vlan,
				  unsigned int len, bool success,
				  bool multicast)
{
	struct mvlan_pcpu_stats *stats;
	unsigned long flags;

	/* floods are delivered from process context too: no this_cpu_ptr() */
	stats = get_cpu_ptr(vlan->pcpu_stats);
	flags = u64_stats_update_begin_irqsave(&stats->syncp);
	if (likely(success)) {
		u64_stats_inc(&stats->rx_packets);
		u64_stats_add(&stats->rx_bytes, len);
		if (multicast)
			u64_stats_inc(&stats->rx_multicast);
	} else {
		u64_stats_inc(&stats->rx_errors);
	}
	u64_stats_update_end_irqrestore(&stats->syncp, flags);
	put_cpu_ptr(vlan->pcpu_stats);
}

#endif /* _MVLAN_PRIV_H */
