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
 * Frames from listed sources: the source table is macvlan's source mode
 * (source.c keeps it). Each source-mode device that lists a frame's source
 * gets a copy, whatever the frame's destination, before anything else.
 */

/*
 * The first entry of @port's source table with the address @addr (of any
 * device and generation), as a link of the array *@bp, or NULL. Inline and
 * calling nothing, for the fast path of rx; nothing of the table is read on
 * a port without source entries. Under RCU.
 */
static __always_inline struct hlist_node *
mvlan_source_find_rcu(const struct mvlan_port *port, const unsigned char *addr,
		      const struct mvlan_hbuckets **bp)
{
	const struct mvlan_hbuckets *b;
	struct hlist_node *pos;
	u64 key;

	if (likely(!READ_ONCE(port->source_hash.count)))
		return NULL;

	b = mvlan_htable_buckets(&port->source_hash);
	key = mvlan_mac_key(addr);
	for (pos = mvlan_hbucket_first(b, key); pos; pos = mvlan_hnext(pos)) {
		if (mvlan_hnode_of(b, pos)->key == key) {
			*bp = b;
			return pos;
		}
	}
	return NULL;
}

/* A frame from a source that @vlan lists: does nodst keep it from going on? */
static __always_inline bool mvlan_source_nodst(const struct mvlan_dev *vlan)
{
	if (likely(!(READ_ONCE(vlan->flags) & MVLAN_F_NODST)))
		return false;
	mvlan_count_drop(vlan, MVLAN_DROP_FILTERED);
	return true;
}

/*
 * A frame whose source is @entry's, an entry of its device's list (not a
 * staged one): a copy to the device if it is up. Returns true when the
 * device has nodst. Under RCU, in the rx_handler (softirq context).
 */
static __always_inline bool
mvlan_forward_source_one(struct sk_buff *skb, struct mvlan_source_entry *entry)
{
	struct mvlan_dev *vlan = entry->vlan;
	struct net_device *dev = vlan->dev;
	struct sk_buff *nskb;
	unsigned int len;
	int ret;

	if (unlikely(!(dev->flags & IFF_UP)))
		return mvlan_source_nodst(vlan);

	len = skb->len + ETH_HLEN;
	/* the line is dirty already: no need to test before the store */
	WRITE_ONCE(entry->last_seen, jiffies);
	atomic64_inc(&entry->packets);
	atomic64_add(len, &entry->bytes);

	nskb = skb_clone(skb, GFP_ATOMIC);
	if (unlikely(!nskb)) {
		mvlan_count_drop(vlan, MVLAN_DROP_NOMEM);
		return mvlan_source_nodst(vlan);
	}
	nskb->dev = dev;
	if (ether_addr_equal_64bits(eth_hdr(skb)->h_dest, dev->dev_addr))
		nskb->pkt_type = PACKET_HOST;

	ret = __netif_rx(nskb);
	if (likely(ret == NET_RX_SUCCESS)) {
		mvlan_count_rx_bh(vlan, len);
	} else {
		mvlan_count_drop(vlan, MVLAN_DROP_BACKLOG);
		mvlan_count_rx(vlan, len, false, false);
	}
	return mvlan_source_nodst(vlan);
}

/*
 * A frame whose source is listed: @pos is the first entry of its address
 * in the array @b (mvlan_source_find_rcu()); this one and those of the same
 * address after it in the chain get the frame, if they are of their
 * device's current generation. Returns true when one of their devices has
 * nodst: the frame goes no further.
 *
 * A device's generation is read once for all of its entries of the
 * address: they are next to each other (source.c), and the frame matches
 * the old list or the new one, never both or neither, when a replacement
 * commits. Old entries stay in the chain until readers that may have read
 * the old generation are gone; a reader that read the new one sees the new
 * entries, linked before the generation changed (hence the acquire).
 */
static __always_inline bool
mvlan_forward_source_from(struct sk_buff *skb, const struct mvlan_hbuckets *b,
			  struct hlist_node *pos)
{
	struct mvlan_source_entry *entry = mvlan_source_entry_of(b, pos);
	const struct mvlan_dev *vlan = entry->vlan;
	/* pairs with the release in mvlan_source_txn_commit() */
	u32 gen = smp_load_acquire(&vlan->source_gen);
	u64 key = entry->hnode.key;
	bool consume = false;

	for (;;) {
		if (entry->gen == gen && mvlan_forward_source_one(skb, entry))
			consume = true;
		/* the next entry of the address */
		do {
			pos = mvlan_hnext(pos);
			if (!pos)
				return consume;
			entry = mvlan_source_entry_of(b, pos);
		} while (entry->hnode.key != key);
		if (entry->vlan != vlan) {
			vlan = entry->vlan;
			/* as above: mvlan_source_txn_commit() */
			gen = smp_load_acquire(&vlan->source_gen);
		}
	}
}

/*
 * Copy @skb to every up source-mode device that lists its source @addr.
 * Returns true when one of them has nodst: the frame goes no further.
 */
static __always_inline bool mvlan_forward_source(struct sk_buff *skb,
						 const struct mvlan_port *port,
						 const unsigned char *addr)
{
	const struct mvlan_hbuckets *b = NULL;
	struct hlist_node *pos;

	pos = mvlan_source_find_rcu(port, addr, &b);
	return pos && mvlan_forward_source_from(skb, b, pos);
}

/* @skb, a multicast frame, as received by @dev. */
static void mvlan_mc_retarget(struct sk_buff *skb, struct net_device *dev)
{
	skb->dev = dev;
	if (ether_addr_equal_64bits(eth_hdr(skb)->h_dest, dev->broadcast))
		skb->pkt_type = PACKET_BROADCAST;
	else
		skb->pkt_type = PACKET_MULTICAST;
}

/*
 * One flooded copy of @skb for @vlan, counted as received (multicast). A
 * frame flooded from a bridge-mode device or from the lower's own stack
 * (@local) is looped straight into @vlan; otherwise the copy is retargeted
 * and queued with netif_rx(). Under RCU, bottom halves off.
 *
 * Counted as skb->len + ETH_HLEN, as macvlan_broadcast() counts: right on
 * the receive path, where skb->data is past the Ethernet header; 14 bytes
 * more than the frame on the transmit path (tx.c, hostbridge.c), where it
 * is at the header. Kept so: the counters are macvlan's, and a device
 * counts a flood alike whichever bridge-mode sender it came from.
 *
 * Inline in mvlan_broadcast()'s loop, as it was before hostbridge.c needed
 * it too: a call a copy cost P4 1% (make bench).
 */
static __always_inline void __mvlan_flood_one(struct sk_buff *skb,
					      const struct mvlan_dev *vlan,
					      bool local)
{
	struct sk_buff *nskb;
	int err;

	nskb = skb_clone(skb, GFP_ATOMIC);
	if (unlikely(!nskb)) {
		mvlan_count_drop(vlan, MVLAN_DROP_NOMEM);
		mvlan_count_rx(vlan, skb->len + ETH_HLEN, false, true);
		return;
	}

	if (local) {
		/* scrubs, for another netns, as a veth does */
		err = __dev_forward_skb(vlan->dev, nskb) ?: netif_rx(nskb);
	} else {
		mvlan_mc_retarget(nskb, vlan->dev);
		err = netif_rx(nskb);
	}
	if (err != NET_RX_SUCCESS)
		mvlan_count_drop(vlan, MVLAN_DROP_BACKLOG);
	mvlan_count_rx(vlan, skb->len + ETH_HLEN, err == NET_RX_SUCCESS, true);
}

void mvlan_flood_one(struct sk_buff *skb, const struct mvlan_dev *vlan,
		     bool local)
{
	__mvlan_flood_one(skb, vlan, local);
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

	if (skb->protocol == htons(ETH_P_PAUSE))
		return;

	list_for_each_entry_rcu(vlan, &port->vlans, list) {
		if (vlan->dev == src || !(vlan->mode & mode) ||
		    !(vlan->dev->flags & IFF_UP))
			continue;
		if (!test_bit(mvlan_mc_hash(vlan, eth->h_dest), vlan->mc_filter))
			continue;
		__mvlan_flood_one(skb, vlan, mode == MVLAN_MODE_BRIDGE);
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

static noinline rx_handler_result_t
mvlan_handle_multicast(struct sk_buff **pskb, struct mvlan_port *port)
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

	src = mvlan_hash_lookup(port, eth->h_source);
	if (src && src->mode != MVLAN_MODE_VEPA &&
	    src->mode != MVLAN_MODE_BRIDGE) {
		/*
		 * private or passthru: only the sender gets it back. Counted
		 * as a packet of no bytes, as macvlan counts it.
		 */
		mvlan_mc_retarget(skb, src->dev);
		ret = __netif_rx(skb);
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

/*
 * The unicast path, from here on. The common case (a frame whose source is
 * not listed, to a device that is up, on a port not in passthru mode) is
 * mvlan_handle_frame() alone: inline, and calling nothing, so that it needs
 * no stack frame; a shared frame (pktgen, taps) takes one tail call. The
 * rest is out of line.
 */

/* @skb, not shared, to @vlan, which is up. */
static __always_inline rx_handler_result_t
mvlan_rx_deliver(struct sk_buff *skb, const struct mvlan_dev *vlan)
{
	skb->dev = vlan->dev;
	skb->pkt_type = PACKET_HOST;
	mvlan_count_rx_bh(vlan, skb->len + ETH_HLEN);
	return RX_HANDLER_ANOTHER;
}

/* A frame for @vlan, which is down. */
static noinline rx_handler_result_t
mvlan_rx_down(struct sk_buff *skb, const struct mvlan_dev *vlan)
{
	/* not a device error: macvlan does not count it either */
	mvlan_count_drop(vlan, MVLAN_DROP_DEV_DOWN);
	kfree_skb(skb);
	return RX_HANDLER_CONSUMED;
}

/*
 * A shared frame (a tap has it too) for @vlan: skb_share_check(), with
 * nothing but the clone to do after it.
 */
static noinline rx_handler_result_t
mvlan_rx_shared(struct sk_buff **pskb, const struct mvlan_dev *vlan)
{
	struct sk_buff *nskb = skb_clone(*pskb, GFP_ATOMIC);

	if (unlikely(!nskb)) {
		mvlan_count_drop(vlan, MVLAN_DROP_NOMEM);
		mvlan_count_rx(vlan, (*pskb)->len + ETH_HLEN, false, false);
		kfree_skb(*pskb);
		return RX_HANDLER_CONSUMED;
	}
	consume_skb(*pskb);
	*pskb = nskb;
	return mvlan_rx_deliver(nskb, vlan);
}

/* A unicast frame for @vlan, the device with its destination address. */
static __always_inline rx_handler_result_t
mvlan_rx_unicast(struct sk_buff **pskb, const struct mvlan_dev *vlan)
{
	struct sk_buff *skb = *pskb;

	if (vlan->mode == MVLAN_MODE_SOURCE)
		return RX_HANDLER_PASS;
	if (unlikely(!(vlan->dev->flags & IFF_UP)))
		return mvlan_rx_down(skb, vlan);
	if (skb_shared(skb))
		return mvlan_rx_shared(pskb, vlan);
	return mvlan_rx_deliver(skb, vlan);
}

/*
 * A unicast frame whose source is listed: @pos is its first entry, in the
 * source table's array @b.
 */
static noinline rx_handler_result_t
mvlan_handle_listed(struct sk_buff **pskb, const struct mvlan_port *port,
		    const struct mvlan_hbuckets *b, struct hlist_node *pos)
{
	struct sk_buff *skb = *pskb;
	const struct mvlan_dev *vlan;

	if (mvlan_forward_source_from(skb, b, pos)) {
		kfree_skb(skb);
		return RX_HANDLER_CONSUMED;
	}

	vlan = mvlan_hash_lookup(port, eth_hdr(skb)->h_dest);
	if (!vlan)
		return RX_HANDLER_PASS;
	return mvlan_rx_unicast(pskb, vlan);
}

/* A unicast frame on a port in passthru mode: to its one device. */
static noinline rx_handler_result_t
mvlan_handle_passthru(struct sk_buff **pskb, struct mvlan_port *port)
{
	struct sk_buff *skb = *pskb;
	const struct mvlan_dev *vlan;

	if (mvlan_forward_source(skb, port, eth_hdr(skb)->h_source)) {
		kfree_skb(skb);
		return RX_HANDLER_CONSUMED;
	}

	vlan = list_first_or_null_rcu(&port->vlans, struct mvlan_dev, list);
	if (!vlan)
		return RX_HANDLER_PASS;
	return mvlan_rx_unicast(pskb, vlan);
}

/* Called under rcu_read_lock() from __netif_receive_skb_core(). */
rx_handler_result_t mvlan_handle_frame(struct sk_buff **pskb)
{
	struct sk_buff *skb = *pskb;
	const struct ethhdr *eth = eth_hdr(skb);
	const struct mvlan_hbuckets *b = NULL;
	struct mvlan_port *port;
	struct hlist_node *pos;
	u64 key;

	/* frames from dev_loopback_xmit() have no link-layer header */
	if (unlikely(skb->pkt_type == PACKET_LOOPBACK))
		return RX_HANDLER_PASS;

	port = mvlan_port_get_rcu(skb->dev);
	if (is_multicast_ether_addr(eth->h_dest))
		return mvlan_handle_multicast(pskb, port);
	if (unlikely(port->passthru))
		return mvlan_handle_passthru(pskb, port);
	pos = mvlan_source_find_rcu(port, eth->h_source, &b);
	if (unlikely(pos))
		return mvlan_handle_listed(pskb, port, b, pos);

	/*
	 * mvlan_hash_lookup(), open-coded to deliver from within the walk:
	 * the compiler cannot tell that a found device is not NULL.
	 */
	b = mvlan_htable_buckets(&port->vlan_hash);
	key = mvlan_mac_key(eth->h_dest);
	for (pos = mvlan_hbucket_first(b, key); pos; pos = mvlan_hnext(pos)) {
		struct mvlan_hnode *node = mvlan_hnode_of(b, pos);

		if (node->key == key)
			return mvlan_rx_unicast(pskb, container_of(node,
						struct mvlan_dev, hnode));
	}
	return RX_HANDLER_PASS;
}
