// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mvlan: transmit. Bridge-mode devices deliver to each other directly;
 * everything else leaves through the lower device.
 */
#include <linux/etherdevice.h>
#include <linux/netdevice.h>
#include <linux/netpoll.h>

#include "hostbridge.h"
#include "mvlan_priv.h"
#include "ndo.h"

static int mvlan_queue_xmit(struct sk_buff *skb, struct net_device *dev)
{
	const struct mvlan_dev *vlan = netdev_priv(dev);
	const struct mvlan_port *port = vlan->port;
	const struct mvlan_dev *dest;

	if (vlan->mode == MVLAN_MODE_BRIDGE) {
		const struct ethhdr *eth = skb_eth_hdr(skb);

		if (is_multicast_ether_addr(eth->h_dest)) {
			/* other bridge-mode devices get it now, the world too */
			skb_reset_mac_header(skb);
			mvlan_broadcast(skb, port, dev, MVLAN_MODE_BRIDGE);
			goto xmit_world;
		}

		/* BH off: an RCU-bh reader, as dev_queue_xmit() makes us */
		dest = mvlan_hash_lookup(port, eth->h_dest);
		if (dest && dest->mode == MVLAN_MODE_BRIDGE) {
			/* through the lower device first, for its taps */
			dev_forward_skb(vlan->lowerdev, skb);
			return NET_XMIT_SUCCESS;
		}
	}

xmit_world:
	skb->dev = vlan->lowerdev;
	return mvlan_hostbridge_xmit(skb, vlan);
}

netdev_tx_t mvlan_start_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct mvlan_dev *vlan = netdev_priv(dev);
	struct mvlan_pcpu_stats *stats;
	unsigned int len = skb->len;
	int ret;

	/* netpoll, with interrupts off: netpoll.c */
	if (unlikely(netpoll_tx_running(dev)))
		return mvlan_netpoll_send_skb(vlan, skb);

	ret = mvlan_queue_xmit(skb, dev);

	stats = this_cpu_ptr(vlan->pcpu_stats);
	u64_stats_update_begin(&stats->syncp);
	if (likely(ret == NET_XMIT_SUCCESS || ret == NET_XMIT_CN)) {
		u64_stats_inc(&stats->tx_packets);
		u64_stats_add(&stats->tx_bytes, len);
	} else {
		u64_stats_inc(&stats->tx_dropped);
	}
	u64_stats_update_end(&stats->syncp);
	return ret;
}
