// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mvlan: hostbridge (MVLAN_F_HOSTBRIDGE). For the bridge-mode devices with
 * the flag, the lower device's own stack is one more bridge-mode device of
 * the port: frames between the two are exchanged as between two bridge-mode
 * devices, and never reach the wire.
 *
 *   lower's stack -> device's MAC: delivered to the device, through the
 *	lower device's receive path (its taps, then the rx_handler), as
 *	tx.c delivers between bridge-mode devices;
 *   lower's stack -> broadcast, multicast: a copy to each such device that
 *	is up and whose multicast filter takes it, as tx.c floods a
 *	bridge-mode device's; the frame still goes out;
 *   device -> lower's MAC: to the lower's stack, through the lower's
 *	receive path, where the rx_handler finds no device for it;
 *   device -> broadcast, multicast: a copy to the lower's stack too (the
 *	other bridge-mode devices got theirs from tx.c); the frame still
 *	goes out.
 * Frames with a VLAN tag are not bridged: they belong to the lower's VLAN
 * devices, which are devices of their own.
 *
 * The lower's stack transmits with dev_queue_xmit() on the lower device;
 * a netfilter hook at NF_NETDEV_EGRESS of the lower device sees every such
 * frame before its qdisc, and steals those for a device. It is registered
 * only while some device of the port has the flag, first among the lower's
 * egress hooks: other ports, and this one without the flag, pay nothing.
 * The devices' own frames to the world pass the same hook: tx.c sends them
 * through mvlan_hostbridge_xmit(), which names the sending device in a
 * per-CPU variable for the time of dev_queue_xmit(), in which the hook runs
 * (bottom halves are off throughout, so nothing else transmits on this CPU
 * meanwhile; on PREEMPT_RT too, where local_bh_disable() serialises the
 * sections with bottom halves off of a CPU with its softirq lock). Frames
 * delivered here are received, never transmitted again: none comes back
 * to the hook. The lower's stack's copy of a device's
 * broadcast goes through the lower's receive path too, marked so that the
 * rx_handler passes it on without flooding it again (hostbridge.h).
 *
 * Netfilter hooks belong to a netns: when the lower device leaves its netns
 * the hook goes, and comes back in the new one.
 */
#include <linux/etherdevice.h>
#include <linux/if_vlan.h>
#include <linux/netdevice.h>
#include <linux/netfilter.h>
#include <linux/netfilter_netdev.h>
#include <linux/percpu.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>

#include "hostbridge.h"
#include "mvlan_priv.h"

/* The hook of one lower device: port->hostbridge while devices > 0. */
struct mvlan_hostbridge {
	struct mvlan_port	*port;
	struct nf_hook_ops	ops;
	unsigned int		devices;	/* with the flag, on the port */
	bool			hooked;		/* ops registered, in dev_net() */
};

DEFINE_STATIC_KEY_DEFERRED_FALSE(mvlan_hostbridge_used, HZ);

/* The mvlan device whose frame this CPU is transmitting, or NULL. */
static DEFINE_PER_CPU(const struct mvlan_dev *, mvlan_hostbridge_sender);

/* Is @vlan bridged with its lower's stack? Both fields, for the data path. */
static bool mvlan_hostbridge_on(const struct mvlan_dev *vlan)
{
	return (READ_ONCE(vlan->flags) & MVLAN_F_HOSTBRIDGE) &&
	       READ_ONCE(vlan->mode) == MVLAN_MODE_BRIDGE;
}

/* What crosses into another netns forgets this one, as through a veth. */
static void mvlan_hostbridge_scrub(struct sk_buff *skb,
				   const struct net_device *from,
				   const struct net_device *to)
{
	if (!net_eq(dev_net(from), dev_net(to)))
		skb_scrub_packet(skb, true);
}

/*
 * A broadcast or multicast frame of the lower's stack: a copy to each
 * device with the flag, counted as a bridge-mode device's flood is (rx.c).
 */
static void mvlan_hostbridge_flood(const struct mvlan_port *port,
				   struct sk_buff *skb)
{
	const struct ethhdr *eth = eth_hdr(skb);
	const struct mvlan_dev *vlan;

	list_for_each_entry_rcu(vlan, &port->vlans, list) {
		if (!mvlan_hostbridge_on(vlan) || !(vlan->dev->flags & IFF_UP))
			continue;
		if (!test_bit(mvlan_mc_hash(vlan, eth->h_dest), vlan->mc_filter))
			continue;

		mvlan_flood_one(skb, vlan, true);
	}
}

/* A frame of the lower's own stack. */
static unsigned int mvlan_hostbridge_from_lower(const struct mvlan_port *port,
						struct sk_buff *skb)
{
	const struct ethhdr *eth = eth_hdr(skb);
	const struct mvlan_dev *dest;

	if (is_multicast_ether_addr(eth->h_dest)) {
		if (eth->h_proto != htons(ETH_P_PAUSE))
			mvlan_hostbridge_flood(port, skb);
		return NF_ACCEPT;
	}

	dest = mvlan_hash_lookup(port, eth->h_dest);
	if (!dest || !mvlan_hostbridge_on(dest))
		return NF_ACCEPT;
	mvlan_hostbridge_scrub(skb, port->dev, dest->dev);
	dev_forward_skb(port->dev, skb);
	return NF_STOLEN;
}

/* A frame that @vlan, a device with the flag, sends to the world. */
static unsigned int mvlan_hostbridge_from_dev(const struct mvlan_port *port,
					      const struct mvlan_dev *vlan,
					      struct sk_buff *skb)
{
	struct net_device *lower = port->dev;
	const struct ethhdr *eth = eth_hdr(skb);
	struct sk_buff *nskb;

	if (is_multicast_ether_addr(eth->h_dest)) {
		if (eth->h_proto == htons(ETH_P_PAUSE))
			return NF_ACCEPT;
		nskb = skb_clone(skb, GFP_ATOMIC);
		if (unlikely(!nskb)) {
			dev_core_stats_rx_dropped_inc(lower);
			return NF_ACCEPT;
		}
		mvlan_hostbridge_scrub(nskb, vlan->dev, lower);
		if (__dev_forward_skb(lower, nskb) == NET_RX_SUCCESS) {
			/* the mark of mvlan_hostbridge_rx() */
			nskb->pkt_type = PACKET_HOST;
			netif_rx(nskb);
		}
		return NF_ACCEPT;
	}

	if (!ether_addr_equal_64bits(eth->h_dest, lower->dev_addr))
		return NF_ACCEPT;
	mvlan_hostbridge_scrub(skb, vlan->dev, lower);
	dev_forward_skb(lower, skb);
	return NF_STOLEN;
}

/*
 * NF_NETDEV_EGRESS of the lower device, under rcu_read_lock() with bottom
 * halves off, before its qdisc; skb->data is the Ethernet header.
 */
static unsigned int mvlan_hostbridge_egress(void *priv, struct sk_buff *skb,
					    const struct nf_hook_state *state)
{
	const struct mvlan_dev *sender = this_cpu_read(mvlan_hostbridge_sender);
	const struct mvlan_hostbridge *hb = priv;
	const struct ethhdr *eth;

	if (unlikely(skb_headlen(skb) < ETH_HLEN) || skb_vlan_tag_present(skb))
		return NF_ACCEPT;
	eth = eth_hdr(skb);
	if (eth_type_vlan(eth->h_proto))
		return NF_ACCEPT;

	/* a device of another port, whose lower transmits through this one */
	if (sender && sender->port != hb->port)
		sender = NULL;
	if (!sender)
		return mvlan_hostbridge_from_lower(hb->port, skb);
	if (!mvlan_hostbridge_on(sender))
		return NF_ACCEPT;
	return mvlan_hostbridge_from_dev(hb->port, sender, skb);
}

int mvlan_hostbridge_xmit_slow(struct sk_buff *skb,
			       const struct mvlan_dev *vlan)
{
	/* the lower device may be an mvlan device's, VLAN over VLAN */
	const struct mvlan_dev *outer = this_cpu_read(mvlan_hostbridge_sender);
	int ret;

	this_cpu_write(mvlan_hostbridge_sender, vlan);
	ret = dev_queue_xmit(skb);
	this_cpu_write(mvlan_hostbridge_sender, outer);
	return ret;
}

/* Register the hook in the lower device's netns, if it is not there yet. */
static int mvlan_hostbridge_hook(struct mvlan_hostbridge *hb)
{
	struct net_device *lower = hb->port->dev;
	int err;

	ASSERT_RTNL();

	if (hb->hooked)
		return 0;
	hb->ops = (struct nf_hook_ops) {
		.hook		= mvlan_hostbridge_egress,
		.pf		= NFPROTO_NETDEV,
		.hooknum	= NF_NETDEV_EGRESS,
		.priority	= INT_MIN,
		.dev		= lower,
		.priv		= hb,
	};
	/* the devices mark their frames before the hook can see one */
	static_branch_deferred_inc(&mvlan_hostbridge_used);
	err = nf_register_net_hook(dev_net(lower), &hb->ops);
	if (err) {
		static_branch_slow_dec_deferred(&mvlan_hostbridge_used);
		return err;
	}
	hb->hooked = true;
	return 0;
}

static void mvlan_hostbridge_unhook(struct mvlan_hostbridge *hb)
{
	ASSERT_RTNL();

	if (!hb->hooked)
		return;
	nf_unregister_net_hook(dev_net(hb->port->dev), &hb->ops);
	hb->hooked = false;
	/* it does not wait for the hook's callers, which may use @hb */
	synchronize_net();
	static_branch_slow_dec_deferred(&mvlan_hostbridge_used);
}

static void mvlan_hostbridge_hook_failed(struct netlink_ext_ack *extack)
{
	NL_SET_ERR_MSG_MOD(extack,
			   "hostbridge: cannot hook the lower device's transmit path (netfilter egress)");
}

int mvlan_hostbridge_rehook(struct mvlan_port *port,
			    struct netlink_ext_ack *extack)
{
	struct mvlan_hostbridge *hb = port->hostbridge;
	int err;

	ASSERT_RTNL();

	if (WARN_ON_ONCE(!hb))
		return -EINVAL;
	err = mvlan_hostbridge_hook(hb);
	if (err)
		mvlan_hostbridge_hook_failed(extack);
	return err;
}

int mvlan_hostbridge_get(struct mvlan_port *port, struct netlink_ext_ack *extack)
{
	struct mvlan_hostbridge *hb = port->hostbridge;
	int err;

	ASSERT_RTNL();

	if (!hb) {
		hb = kzalloc(sizeof(*hb), GFP_KERNEL);
		if (!hb)
			return -ENOMEM;
		hb->port = port;
		port->hostbridge = hb;
	}
	/* also again after a failed move of the lower device */
	err = mvlan_hostbridge_hook(hb);
	if (err) {
		mvlan_hostbridge_hook_failed(extack);
		if (!hb->devices) {
			port->hostbridge = NULL;
			kfree(hb);
		}
		return err;
	}
	hb->devices++;
	return 0;
}

void mvlan_hostbridge_put(struct mvlan_port *port)
{
	struct mvlan_hostbridge *hb = port->hostbridge;

	ASSERT_RTNL();

	if (WARN_ON_ONCE(!hb || !hb->devices))
		return;
	if (--hb->devices)
		return;
	mvlan_hostbridge_unhook(hb);
	port->hostbridge = NULL;
	kfree(hb);
}

void mvlan_hostbridge_lower_event(struct mvlan_port *port, unsigned long event)
{
	struct mvlan_hostbridge *hb = port->hostbridge;
	int err;

	ASSERT_RTNL();

	if (!hb)
		return;
	switch (event) {
	case NETDEV_UNREGISTER:
		/* deleted, or leaving for another netns, which has its own hooks */
		mvlan_hostbridge_unhook(hb);
		break;
	case NETDEV_REGISTER:
		/* in its new netns */
		err = mvlan_hostbridge_hook(hb);
		if (err)
			netdev_warn(port->dev,
				    "mvlan: hostbridge is off on this lower device: cannot hook it in its new netns (%d); setting the flag again on a device retries\n",
				    err);
		break;
	}
}

void mvlan_hostbridge_exit(void)
{
	/* a decrement may still be pending on the key, which goes with us */
	static_key_deferred_flush(&mvlan_hostbridge_used);
}
