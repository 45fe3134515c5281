// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mvlan: receive. The rx_handler on the lower device steers each frame to
 * the mvlan device it is addressed to; broadcast and multicast frames are
 * flooded to the devices whose mode and filter accept them, inline or from
 * the port's bounded flood queue.
 */
#include <linux/etherdevice.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <net/ip.h>

#include "hostbridge.h"
#include "mvlan_priv.h"

struct mvlan_skb_cb {
	const struct mvlan_dev *src;
};

#define MVLAN_SKB_CB(skb) ((struct mvlan_skb_cb *)&((skb)->cb[0]))

/*
 * Hand one flooded clone to @vlan. A frame flooded from a bridge-mode
 * device is looped straight into @vlan (@local); otherwise the clone is
 * retargeted and the caller queues it with netif_rx().
 */
static int mvlan_broadcast_one(struct sk_buff *skb, const struct mvlan_dev *vlan,
			       const struct ethhdr *eth, bool local)
{
	struct net_device *dev = vlan->dev;

	if (local)
		return __dev_forward_skb(dev, skb);

	skb->dev = dev;
	if (ether_addr_equal_64bits(eth->h_dest, dev->broadcast))
		skb->pkt_type = PACKET_BROADCAST;
	else
		skb->pkt_type = PACKET_MULTICAST;
	return 0;
}

/*
 * Flood @skb to every up device of @port whose mode is in @mode, except
 * @src, and whose multicast filter accepts the destination. Under RCU.
 */
void mvlan_broadcast(struct sk_buff *skb, const struct mvlan_port *port,
		     const struct net_device *src, u32 mode)
{
	const struct ethhdr *eth = eth_hdr(skb);
	const struct mvlan_dev *vlan;
	struct sk_buff *nskb;
	int err;

	if (skb->protocol == htons(ETH_P_PAUSE))
		return;

	list_for_each_entry_rcu(vlan, &port->vlans, list) {
		if (vlan->dev == src || !(vlan->mode & mode) ||
		    !(vlan->dev->flags & IFF_UP))
			continue;
		if (!test_bit(mvlan_mc_hash(vlan, eth->h_dest), vlan->mc_filter))
			continue;

		nskb = skb_clone(skb, GFP_ATOMIC);
		if (likely(nskb)) {
			err = mvlan_broadcast_one(nskb, vlan, eth,
						  mode == MVLAN_MODE_BRIDGE) ?:
			      netif_rx(nskb);
			if (err != NET_RX_SUCCESS)
				mvlan_count_drop(vlan, MVLAN_DROP_BACKLOG);
		} else {
			err = NET_RX_DROP;
			mvlan_count_drop(vlan, MVLAN_DROP_NOMEM);
		}
		mvlan_count_rx(vlan, skb->len + ETH_HLEN,
			       err == NET_RX_SUCCESS, true);
	}
}

/* Flood a frame that came in on the lower device, by its source. */
static void mvlan_multicast_rx(const struct mvlan_port *port,
			       const struct mvlan_dev *src, struct sk_buff *skb)
{
	if (!src)
		/* from outside: everyone but source-mode devices */
		mvlan_broadcast(skb, port, NULL,
				MVLAN_MODE_PRIVATE | MVLAN_MODE_VEPA |
				MVLAN_MODE_PASSTHRU | MVLAN_MODE_BRIDGE);
	else if (src->mode == MVLAN_MODE_VEPA)
		/* reflected by the switch: everyone but the sender */
		mvlan_broadcast(skb, port, src->dev,
				MVLAN_MODE_VEPA | MVLAN_MODE_BRIDGE);
	else
		/* bridge-mode devices saw it on the way out */
		mvlan_broadcast(skb, port, src->dev, MVLAN_MODE_VEPA);
}

void mvlan_process_broadcast(struct work_struct *work)
{
	struct mvlan_port *port = container_of(work, struct mvlan_port, bc_work);
	struct sk_buff_head list;
	struct sk_buff *skb;

	__skb_queue_head_init(&list);

	spin_lock_bh(&port->bc_queue.lock);
	skb_queue_splice_tail_init(&port->bc_queue, &list);
	spin_unlock_bh(&port->bc_queue.lock);

	while ((skb = __skb_dequeue(&list))) {
		const struct mvlan_dev *src = MVLAN_SKB_CB(skb)->src;

		rcu_read_lock();
		mvlan_multicast_rx(port, src, skb);
		rcu_read_unlock();

		if (src)
			dev_put(src->dev);
		consume_skb(skb);
		cond_resched();
	}
}

static void mvlan_broadcast_enqueue(struct mvlan_port *port,
				    const struct mvlan_dev *src,
				    struct sk_buff *skb)
{
	u32 queue_len = READ_ONCE(port->bc_queue_len_used);
	struct sk_buff *nskb;
	bool queued = false;

	nskb = skb_clone(skb, GFP_ATOMIC);
	if (!nskb)
		goto drop;

	MVLAN_SKB_CB(nskb)->src = src;

	spin_lock(&port->bc_queue.lock);
	if (skb_queue_len(&port->bc_queue) < queue_len) {
		if (src)
			dev_hold(src->dev);
		__skb_queue_tail(&port->bc_queue, nskb);
		queued = true;
	}
	spin_unlock(&port->bc_queue.lock);

	queue_work(system_unbound_wq, &port->bc_work);
	if (queued)
		return;

	kfree_skb(nskb);
drop:
	atomic64_inc(&port->bc_queue_drops);
	dev_core_stats_rx_dropped_inc(skb->dev);
}

/* Free what is left in the flood queue. The port is going away. */
void mvlan_bc_queue_purge(struct mvlan_port *port)
{
	struct sk_buff *skb;

	while ((skb = __skb_dequeue(&port->bc_queue))) {
		const struct mvlan_dev *src = MVLAN_SKB_CB(skb)->src;

		if (src)
			dev_put(src->dev);
		kfree_skb(skb);
	}
}

static rx_handler_result_t mvlan_handle_multicast(struct sk_buff **pskb,
						  struct mvlan_port *port)
{
	const struct mvlan_dev *src;
	struct sk_buff *skb;
	const struct ethhdr *eth;
	u32 hash;
	int ret;

	if (mvlan_hostbridge_rx(*pskb))
		return RX_HANDLER_PASS;

	skb = ip_check_defrag(dev_net((*pskb)->dev), *pskb, IP_DEFRAG_MACVLAN);
	if (!skb)
		return RX_HANDLER_CONSUMED;
	*pskb = skb;
	eth = eth_hdr(skb);

	if (mvlan_forward_source(skb, port, eth->h_source)) {
		kfree_skb(skb);
		return RX_HANDLER_CONSUMED;
	}

	src = mvlan_hash_lookup_rcu(port, eth->h_source);
	if (src && src->mode != MVLAN_MODE_VEPA &&
	    src->mode != MVLAN_MODE_BRIDGE) {
		/*
		 * private or passthru: only the sender gets it back. Counted
		 * as a packet of no bytes, as macvlan counts it.
		 */
		ret = mvlan_broadcast_one(skb, src, eth, false) ?: __netif_rx(skb);
		if (ret != NET_RX_SUCCESS)
			mvlan_count_drop(src, MVLAN_DROP_BACKLOG);
		mvlan_count_rx(src, 0, ret == NET_RX_SUCCESS, false);
		return RX_HANDLER_CONSUMED;
	}

	hash = mvlan_mc_hash(NULL, eth->h_dest);
	if (test_bit(hash, port->bc_filter))
		mvlan_broadcast_enqueue(port, src, skb);
	else if (test_bit(hash, port->mc_filter))
		mvlan_multicast_rx(port, src, skb);

	return RX_HANDLER_PASS;
}

/* Called under rcu_read_lock() from __netif_receive_skb_core(). */
rx_handler_result_t mvlan_handle_frame(struct sk_buff **pskb)
{
	struct sk_buff *skb = *pskb;
	const struct ethhdr *eth = eth_hdr(skb);
	const struct mvlan_dev *vlan;
	struct mvlan_port *port;
	struct net_device *dev;
	unsigned int len;

	/* frames from dev_loopback_xmit() have no link-layer header */
	if (unlikely(skb->pkt_type == PACKET_LOOPBACK))
		return RX_HANDLER_PASS;

	port = mvlan_port_get_rcu(skb->dev);
	if (is_multicast_ether_addr(eth->h_dest))
		return mvlan_handle_multicast(pskb, port);

	if (mvlan_forward_source(skb, port, eth->h_source)) {
		kfree_skb(skb);
		return RX_HANDLER_CONSUMED;
	}

	if (port->passthru)
		vlan = list_first_or_null_rcu(&port->vlans, struct mvlan_dev,
					      list);
	else
		vlan = mvlan_hash_lookup_rcu(port, eth->h_dest);
	if (!vlan || vlan->mode == MVLAN_MODE_SOURCE)
		return RX_HANDLER_PASS;

	dev = vlan->dev;
	if (unlikely(!(dev->flags & IFF_UP))) {
		/* not a device error: macvlan does not count it either */
		mvlan_count_drop(vlan, MVLAN_DROP_DEV_DOWN);
		kfree_skb(skb);
		return RX_HANDLER_CONSUMED;
	}

	len = skb->len + ETH_HLEN;
	skb = skb_share_check(skb, GFP_ATOMIC);
	if (!skb) {
		mvlan_count_drop(vlan, MVLAN_DROP_NOMEM);
		mvlan_count_rx(vlan, len, false, false);
		return RX_HANDLER_CONSUMED;
	}

	*pskb = skb;
	skb->dev = dev;
	skb->pkt_type = PACKET_HOST;
	mvlan_count_rx(vlan, len, true, false);
	return RX_HANDLER_ANOTHER;
}
