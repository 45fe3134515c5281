/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mvlan: hostbridge (MVLAN_F_HOSTBRIDGE), the lower device's own stack as
 * one more bridge-mode device of the port, for the devices with the flag.
 * What the rest of the module calls; hostbridge.c says how it works.
 *
 * Everything here costs nothing while no port has a device with the flag:
 * the data path's calls sit behind a static key.
 */
#ifndef _MVLAN_HOSTBRIDGE_H
#define _MVLAN_HOSTBRIDGE_H

#include <linux/etherdevice.h>
#include <linux/jump_label_ratelimit.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

struct mvlan_dev;
struct mvlan_port;

/*
 * On while some lower device has the hook, and a second longer: frames
 * still in flight when the last flag goes are handled as they were sent.
 */
extern struct static_key_false_deferred mvlan_hostbridge_used;

/* Under RTNL: one more, or one fewer, device with the flag on @port. */
int mvlan_hostbridge_get(struct mvlan_port *port, struct netlink_ext_ack *extack);
void mvlan_hostbridge_put(struct mvlan_port *port);
/*
 * Under RTNL, for a device that has the flag and has it set again: hooks
 * the lower device if a move to another netns left it unhooked.
 */
int mvlan_hostbridge_rehook(struct mvlan_port *port,
			    struct netlink_ext_ack *extack);
/* Under RTNL: the netdev notifier's events of the port's lower device. */
void mvlan_hostbridge_lower_event(struct mvlan_port *port, unsigned long event);
/* Module exit, once every device is gone. */
void mvlan_hostbridge_exit(void);

int mvlan_hostbridge_xmit_slow(struct sk_buff *skb,
			       const struct mvlan_dev *vlan);

/*
 * tx.c: dev_queue_xmit() of a frame @vlan sends to the world, its skb->dev
 * the lower device already. The lower device's hook must know the frame
 * is not its own stack's.
 */
static __always_inline int mvlan_hostbridge_xmit(struct sk_buff *skb,
						 const struct mvlan_dev *vlan)
{
	if (static_branch_unlikely(&mvlan_hostbridge_used.key))
		return mvlan_hostbridge_xmit_slow(skb, vlan);
	return dev_queue_xmit(skb);
}

/*
 * rx.c, first thing for a multicast frame on the lower device: true for
 * the lower's stack's copy of a hostbridge device's broadcast or multicast
 * frame, which mvlan must not flood again (the devices of the port had
 * theirs on the way out) and the lower's stack gets. Its mark: a pkt_type
 * eth_type_trans() never gives a multicast destination, made right here.
 */
static __always_inline bool mvlan_hostbridge_rx(struct sk_buff *skb)
{
	if (!static_branch_unlikely(&mvlan_hostbridge_used.key) ||
	    skb->pkt_type != PACKET_HOST)
		return false;
	skb->pkt_type = is_broadcast_ether_addr(eth_hdr(skb)->h_dest) ?
			PACKET_BROADCAST : PACKET_MULTICAST;
	return true;
}

#endif /* _MVLAN_HOSTBRIDGE_H */
