// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mvlan: the mvlan net_device itself: open/stop, addresses and filters,
 * MTU, features, statistics and ethtool.
 */
#include <linux/ethtool.h>
#include <linux/hash.h>
#include <linux/if_vlan.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/rtnetlink.h>

#include "mvlan_lib.h"
#include "mvlan_priv.h"
#include "ndo.h"

#define MVLAN_ALWAYS_ON_OFFLOADS \
	(NETIF_F_SG | NETIF_F_HW_CSUM | NETIF_F_GSO_SOFTWARE | \
	 NETIF_F_GSO_ROBUST | NETIF_F_GSO_ENCAP_ALL)

#define MVLAN_ALWAYS_ON_FEATURES (MVLAN_ALWAYS_ON_OFFLOADS | MVLAN_F_LLTX_COMPAT)

#define MVLAN_FEATURES \
	(NETIF_F_SG | NETIF_F_HW_CSUM | NETIF_F_HIGHDMA | NETIF_F_FRAGLIST | \
	 NETIF_F_GSO | NETIF_F_TSO | NETIF_F_LRO | \
	 NETIF_F_TSO_ECN | NETIF_F_TSO6 | NETIF_F_GRO | NETIF_F_RXCSUM | \
	 NETIF_F_HW_VLAN_CTAG_FILTER | NETIF_F_HW_VLAN_STAG_FILTER)

#define MVLAN_STATE_MASK \
	((1 << __LINK_STATE_NOCARRIER) | (1 << __LINK_STATE_DORMANT))

/* mvlan devices always nest above another device: their own lock class. */
static struct lock_class_key mvlan_netdev_addr_lock_key;

static const struct net_device_ops mvlan_netdev_ops;

bool netif_is_mvlan(const struct net_device *dev)
{
	return dev->netdev_ops == &mvlan_netdev_ops;
}

void mvlan_count_drop(const struct mvlan_dev *vlan, enum mvlan_drop_reason why)
{
	mvlan_pcpu_inc(vlan, drops[why]);
}

static u32 mvlan_hash_mix(const struct mvlan_dev *vlan)
{
	return (u32)(((unsigned long)vlan) >> L1_CACHE_SHIFT);
}

/*
 * The multicast filter hash. A device's own filter mixes in the device so
 * that collisions differ between devices; the port's filters use vlan NULL.
 */
u32 mvlan_mc_hash(const struct mvlan_dev *vlan, const unsigned char *addr)
{
	u32 val = __get_unaligned_cpu32(addr + 2);

	if (vlan)
		val ^= mvlan_hash_mix(vlan);
	return hash_32(val, MVLAN_MC_FILTER_BITS);
}

/*
 * Fill @mc_filter from the multicast list of @dev. For a port filter
 * (@vlan NULL) only addresses that more than @cutoff devices subscribed to
 * are taken.
 */
void mvlan_compute_filter(unsigned long *mc_filter, struct net_device *dev,
			  const struct mvlan_dev *vlan, int cutoff)
{
	DECLARE_BITMAP(filter, MVLAN_MC_FILTER_SZ);
	struct netdev_hw_addr *ha;

	if (dev->flags & (IFF_PROMISC | IFF_ALLMULTI)) {
		bitmap_fill(mc_filter, MVLAN_MC_FILTER_SZ);
		return;
	}

	bitmap_zero(filter, MVLAN_MC_FILTER_SZ);
	netdev_for_each_mc_addr(ha, dev) {
		if (!vlan && ha->synced <= cutoff)
			continue;
		__set_bit(mvlan_mc_hash(vlan, ha->addr), filter);
	}
	__set_bit(mvlan_mc_hash(vlan, dev->broadcast), filter);
	bitmap_copy(mc_filter, filter, MVLAN_MC_FILTER_SZ);
}

static int mvlan_open(struct net_device *dev)
{
	struct mvlan_dev *vlan = netdev_priv(dev);
	struct net_device *lowerdev = vlan->lowerdev;
	int err;

	if (vlan->port->passthru) {
		if (!(vlan->flags & MVLAN_F_NOPROMISC)) {
			err = dev_set_promiscuity(lowerdev, 1);
			if (err < 0)
				return err;
		}
		goto hash_add;
	}

	if (mvlan_addr_busy(vlan->port, dev->dev_addr))
		return -EADDRINUSE;

	err = dev_uc_add(lowerdev, dev->dev_addr);
	if (err < 0)
		return err;

	if (dev->flags & IFF_ALLMULTI) {
		err = dev_set_allmulti(lowerdev, 1);
		if (err < 0)
			goto del_unicast;
	}

	if (dev->flags & IFF_PROMISC) {
		err = dev_set_promiscuity(lowerdev, 1);
		if (err < 0)
			goto clear_multi;
	}

hash_add:
	/* the passthru device is hashed too: multicast looks up senders */
	err = mvlan_hash_add(vlan);
	if (err < 0)
		goto clear_promisc;
	return 0;

clear_promisc:
	if (vlan->port->passthru) {
		if (!(vlan->flags & MVLAN_F_NOPROMISC))
			dev_set_promiscuity(lowerdev, -1);
		return err;
	}
	if (dev->flags & IFF_PROMISC)
		dev_set_promiscuity(lowerdev, -1);
clear_multi:
	if (dev->flags & IFF_ALLMULTI)
		dev_set_allmulti(lowerdev, -1);
del_unicast:
	dev_uc_del(lowerdev, dev->dev_addr);
	return err;
}

static int mvlan_stop(struct net_device *dev)
{
	struct mvlan_dev *vlan = netdev_priv(dev);
	struct net_device *lowerdev = vlan->lowerdev;

	dev_uc_unsync(lowerdev, dev);
	dev_mc_unsync(lowerdev, dev);

	if (vlan->port->passthru) {
		if (!(vlan->flags & MVLAN_F_NOPROMISC))
			dev_set_promiscuity(lowerdev, -1);
	} else {
		if (dev->flags & IFF_ALLMULTI)
			dev_set_allmulti(lowerdev, -1);
		if (dev->flags & IFF_PROMISC)
			dev_set_promiscuity(lowerdev, -1);
		dev_uc_del(lowerdev, dev->dev_addr);
	}

	mvlan_hash_del(vlan);
	return 0;
}

/*
 * Give @dev the address @addr, keeping the lower device's unicast filter
 * and the port's table in step.
 */
static int mvlan_sync_address(struct net_device *dev, const unsigned char *addr)
{
	struct mvlan_dev *vlan = netdev_priv(dev);
	struct mvlan_port *port = vlan->port;
	int err;

	ASSERT_RTNL();

	if (!(dev->flags & IFF_UP)) {
		eth_hw_addr_set(dev, addr);
	} else {
		if (mvlan_addr_busy(port, addr))
			return -EADDRINUSE;

		if (!port->passthru) {
			err = dev_uc_add(vlan->lowerdev, addr);
			if (err)
				return err;
			dev_uc_del(vlan->lowerdev, dev->dev_addr);
		}

		/* unhashed, and no reader left, before the key changes */
		mvlan_hash_del(vlan);
		eth_hw_addr_set(dev, addr);
		/*
		 * Cannot fail: its one error is a clash, which
		 * mvlan_addr_busy() ruled out above, under RTNL.
		 */
		err = mvlan_hash_add(vlan);
		if (WARN_ON_ONCE(err))
			return err;
	}

	if (port->passthru && !port->addr_change)
		/* the lower device changed its address: remember it */
		ether_addr_copy(port->perm_addr, vlan->lowerdev->dev_addr);
	port->addr_change = false;
	return 0;
}

static int mvlan_set_mac_address(struct net_device *dev, void *p)
{
	struct mvlan_dev *vlan = netdev_priv(dev);
	struct sockaddr *addr = p;

	if (!is_valid_ether_addr(addr->sa_data))
		return -EADDRNOTAVAIL;

	if (ether_addr_equal(dev->dev_addr, addr->sa_data))
		return 0;

	if (vlan->port->passthru) {
		/* the lower device's notifier brings the new address back */
		vlan->port->addr_change = true;
		return dev_set_mac_address(vlan->lowerdev, addr, NULL);
	}

	if (mvlan_addr_busy(vlan->port, addr->sa_data))
		return -EADDRINUSE;

	return mvlan_sync_address(dev, addr->sa_data);
}

/* The lower device's address changed under a passthru device. */
int mvlan_follow_lower_address(struct net_device *dev)
{
	struct mvlan_dev *vlan = netdev_priv(dev);

	return mvlan_sync_address(dev, vlan->lowerdev->dev_addr);
}

static void mvlan_change_rx_flags(struct net_device *dev, int change)
{
	struct mvlan_dev *vlan = netdev_priv(dev);
	struct net_device *lowerdev = vlan->lowerdev;

	if (!(dev->flags & IFF_UP))
		return;

	if (change & IFF_ALLMULTI)
		dev_set_allmulti(lowerdev, dev->flags & IFF_ALLMULTI ? 1 : -1);
	if (!vlan->port->passthru && (change & IFF_PROMISC))
		dev_set_promiscuity(lowerdev, dev->flags & IFF_PROMISC ? 1 : -1);
}

static void mvlan_set_rx_mode(struct net_device *dev)
{
	struct mvlan_dev *vlan = netdev_priv(dev);

	mvlan_compute_filter(vlan->mc_filter, dev, vlan, 0);

	dev_uc_sync(vlan->lowerdev, dev);
	dev_mc_sync(vlan->lowerdev, dev);

	/*
	 * The port filters take the lower device's own subscriptions too;
	 * that only costs a few needless floods.
	 */
	mvlan_compute_filter(vlan->port->mc_filter, vlan->lowerdev, NULL, 0);
	mvlan_port_recompute_bc_filter(vlan->port);
}

static int mvlan_change_mtu(struct net_device *dev, int new_mtu)
{
	struct mvlan_dev *vlan = netdev_priv(dev);

	if (vlan->lowerdev->mtu < new_mtu)
		return -EINVAL;
	WRITE_ONCE(dev->mtu, new_mtu);
	return 0;
}

static int mvlan_init(struct net_device *dev)
{
	struct mvlan_dev *vlan = netdev_priv(dev);
	struct net_device *lowerdev = vlan->lowerdev;

	dev->state = (dev->state & ~MVLAN_STATE_MASK) |
		     (lowerdev->state & MVLAN_STATE_MASK);
	vlan->set_features = MVLAN_FEATURES;
	dev->features = lowerdev->features & MVLAN_FEATURES;
	dev->features |= MVLAN_ALWAYS_ON_FEATURES;
	dev->hw_features |= NETIF_F_LRO;
	dev->vlan_features = lowerdev->vlan_features & MVLAN_FEATURES;
	dev->vlan_features |= MVLAN_ALWAYS_ON_OFFLOADS;
	dev->hw_enc_features |= dev->features;
	mvlan_set_lltx(dev);
	netif_inherit_tso_max(dev, lowerdev);
	dev->hard_header_len = lowerdev->hard_header_len;
	dev->needed_headroom = lowerdev->needed_headroom;
	dev->needed_tailroom = lowerdev->needed_tailroom;

	netdev_lockdep_set_classes(dev);
	lockdep_set_class(&dev->addr_list_lock, &mvlan_netdev_addr_lock_key);

	vlan->pcpu_stats = netdev_alloc_pcpu_stats(struct mvlan_pcpu_stats);
	if (!vlan->pcpu_stats)
		return -ENOMEM;

	vlan->port->count++;
	netdev_hold(lowerdev, &vlan->dev_tracker, GFP_KERNEL);
	return 0;
}

static void mvlan_uninit(struct net_device *dev)
{
	struct mvlan_dev *vlan = netdev_priv(dev);
	struct mvlan_port *port = vlan->port;

	free_percpu(vlan->pcpu_stats);
	vlan->pcpu_stats = NULL;

	if (!--port->count)
		mvlan_port_destroy(port->dev);
}

void mvlan_get_stats(const struct mvlan_dev *vlan, struct mvlan_stats *stats)
{
	int cpu, i;

	memset(stats, 0, sizeof(*stats));
	if (!vlan->pcpu_stats)
		return;

	for_each_possible_cpu(cpu) {
		const struct mvlan_pcpu_stats *p = per_cpu_ptr(vlan->pcpu_stats, cpu);
		struct mvlan_stats s;
		unsigned int start;

		do {
			start = u64_stats_fetch_begin(&p->syncp);
			s.rx_packets = u64_stats_read(&p->rx_packets);
			s.rx_bytes = u64_stats_read(&p->rx_bytes);
			s.rx_multicast = u64_stats_read(&p->rx_multicast);
			s.rx_errors = u64_stats_read(&p->rx_errors);
			s.tx_packets = u64_stats_read(&p->tx_packets);
			s.tx_bytes = u64_stats_read(&p->tx_bytes);
			s.tx_dropped = u64_stats_read(&p->tx_dropped);
			for (i = 0; i < MVLAN_DROP_MAX; i++)
				s.drops[i] = u64_stats_read(&p->drops[i]);
		} while (u64_stats_fetch_retry(&p->syncp, start));

		stats->rx_packets += s.rx_packets;
		stats->rx_bytes += s.rx_bytes;
		stats->rx_multicast += s.rx_multicast;
		stats->rx_errors += s.rx_errors;
		stats->tx_packets += s.tx_packets;
		stats->tx_bytes += s.tx_bytes;
		stats->tx_dropped += s.tx_dropped;
		for (i = 0; i < MVLAN_DROP_MAX; i++)
			stats->drops[i] += s.drops[i];
	}
}

/* As macvlan: rx_dropped is rx_errors, the failed deliveries. */
static void mvlan_get_stats64(struct net_device *dev,
			      struct rtnl_link_stats64 *stats)
{
	struct mvlan_stats s;

	mvlan_get_stats(netdev_priv(dev), &s);
	stats->rx_packets = s.rx_packets;
	stats->rx_bytes = s.rx_bytes;
	stats->multicast = s.rx_multicast;
	stats->rx_errors = s.rx_errors;
	stats->rx_dropped = s.rx_errors;
	stats->tx_packets = s.tx_packets;
	stats->tx_bytes = s.tx_bytes;
	stats->tx_dropped = s.tx_dropped;
}

static int mvlan_vlan_rx_add_vid(struct net_device *dev, __be16 proto, u16 vid)
{
	struct mvlan_dev *vlan = netdev_priv(dev);

	return vlan_vid_add(vlan->lowerdev, proto, vid);
}

static int mvlan_vlan_rx_kill_vid(struct net_device *dev, __be16 proto, u16 vid)
{
	struct mvlan_dev *vlan = netdev_priv(dev);

	vlan_vid_del(vlan->lowerdev, proto, vid);
	return 0;
}

static netdev_features_t mvlan_fix_features(struct net_device *dev,
					    netdev_features_t features)
{
	struct mvlan_dev *vlan = netdev_priv(dev);
	netdev_features_t lowerdev_features = vlan->lowerdev->features;
	netdev_features_t mask;

	features |= NETIF_F_ALL_FOR_ALL;
	features &= (vlan->set_features | ~MVLAN_FEATURES);
	mask = features;

	lowerdev_features &= (features | ~NETIF_F_LRO);
	features = netdev_increment_features(lowerdev_features, features, mask);
	features |= MVLAN_ALWAYS_ON_FEATURES;
	features &= (MVLAN_ALWAYS_ON_FEATURES | MVLAN_FEATURES);

	return features;
}

static int mvlan_get_iflink(const struct net_device *dev)
{
	const struct mvlan_dev *vlan = netdev_priv(dev);

	return READ_ONCE(vlan->lowerdev->ifindex);
}

static int mvlan_hard_header(struct sk_buff *skb, struct net_device *dev,
			     unsigned short type, const void *daddr,
			     const void *saddr, unsigned int len)
{
	const struct mvlan_dev *vlan = netdev_priv(dev);

	return dev_hard_header(skb, vlan->lowerdev, type, daddr,
			       saddr ? : dev->dev_addr, len);
}

static const struct header_ops mvlan_header_ops = {
	.create		= mvlan_hard_header,
	.parse		= eth_header_parse,
	.cache		= eth_header_cache,
	.cache_update	= eth_header_cache_update,
	.parse_protocol	= eth_header_parse_protocol,
};

static void mvlan_get_drvinfo(struct net_device *dev,
			      struct ethtool_drvinfo *info)
{
	strscpy(info->driver, "mvlan", sizeof(info->driver));
	strscpy(info->version, MVLAN_VERSION, sizeof(info->version));
}

static int mvlan_get_link_ksettings(struct net_device *dev,
				    struct ethtool_link_ksettings *cmd)
{
	const struct mvlan_dev *vlan = netdev_priv(dev);

	return __ethtool_get_link_ksettings(vlan->lowerdev, cmd);
}

static const struct ethtool_ops mvlan_ethtool_ops = {
	.get_link		= ethtool_op_get_link,
	.get_link_ksettings	= mvlan_get_link_ksettings,
	.get_drvinfo		= mvlan_get_drvinfo,
	.get_ts_info		= mvlan_get_ts_info,
};

static const struct net_device_ops mvlan_netdev_ops = {
	.ndo_init		= mvlan_init,
	.ndo_uninit		= mvlan_uninit,
	.ndo_open		= mvlan_open,
	.ndo_stop		= mvlan_stop,
	.ndo_start_xmit		= mvlan_start_xmit,
	.ndo_change_mtu		= mvlan_change_mtu,
	.ndo_fix_features	= mvlan_fix_features,
	.ndo_change_rx_flags	= mvlan_change_rx_flags,
	.ndo_set_mac_address	= mvlan_set_mac_address,
	.ndo_set_rx_mode	= mvlan_set_rx_mode,
	.ndo_get_stats64	= mvlan_get_stats64,
	.ndo_validate_addr	= eth_validate_addr,
	.ndo_vlan_rx_add_vid	= mvlan_vlan_rx_add_vid,
	.ndo_vlan_rx_kill_vid	= mvlan_vlan_rx_kill_vid,
	.ndo_get_iflink		= mvlan_get_iflink,
	.ndo_features_check	= passthru_features_check,
	MVLAN_FDB_OPS,
	MVLAN_TSTAMP_OPS,
	MVLAN_NETPOLL_OPS
};

static void mvlan_dev_free(struct net_device *dev)
{
	struct mvlan_dev *vlan = netdev_priv(dev);

	netdev_put(vlan->lowerdev, &vlan->dev_tracker);
}

/* What every mvlan device is, mvtap's too (mvlan_lib.h). */
void mvlan_common_setup(struct net_device *dev)
{
	ether_setup(dev);

	dev->max_mtu = ETH_MAX_MTU;
	dev->priv_flags &= ~IFF_TX_SKB_SHARING;
	dev->priv_flags |= IFF_UNICAST_FLT;
	netif_keep_dst(dev);
	mvlan_set_change_proto_down(dev);
	dev->netdev_ops = &mvlan_netdev_ops;
	dev->needs_free_netdev = true;
	dev->priv_destructor = mvlan_dev_free;
	dev->header_ops = &mvlan_header_ops;
	dev->ethtool_ops = &mvlan_ethtool_ops;
}
EXPORT_SYMBOL_GPL(mvlan_common_setup);

/* An mvlan device has no queue: the lower device's queues it. */
void mvlan_setup(struct net_device *dev)
{
	mvlan_common_setup(dev);
	dev->priv_flags |= IFF_NO_QUEUE;
}
