// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mvlan: the port, i.e. mvlan's state on a lower device: its table of
 * devices by MAC address, the rx_handler registration and the netdev
 * notifier that keeps mvlan devices in step with their lower device.
 */
#include <linux/if_arp.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <net/rtnetlink.h>

#include "hostbridge.h"
#include "mvlan_priv.h"

struct mvlan_port *mvlan_port_get_rtnl(const struct net_device *lower)
{
	return rtnl_dereference(lower->rx_handler_data);
}

bool netif_is_mvlan_port(const struct net_device *dev)
{
	return rcu_access_pointer(dev->rx_handler) == mvlan_handle_frame;
}

/*
 * Hash @vlan by its address. Under RTNL. -EADDRINUSE if another up device
 * has it; a table that cannot grow just stays as it is (hash.c).
 */
int mvlan_hash_add(struct mvlan_dev *vlan)
{
	if (mvlan_hash_lookup(vlan->port, vlan->dev->dev_addr))
		return -EADDRINUSE;
	vlan->hnode.key = mvlan_mac_key(vlan->dev->dev_addr);
	mvlan_htable_add(&vlan->port->vlan_hash, &vlan->hnode);
	return 0;
}

/* Take @vlan out of the table; on return no reader can still find it. */
void mvlan_hash_del(struct mvlan_dev *vlan)
{
	mvlan_htable_del(&vlan->port->vlan_hash, &vlan->hnode);
	if (!vlan->dev->dismantle)
		synchronize_net();
}

/* Is @addr taken by the lower device or by another up mvlan device? */
bool mvlan_addr_busy(const struct mvlan_port *port, const unsigned char *addr)
{
	if (!port->passthru && !port->addr_change &&
	    ether_addr_equal_64bits(port->dev->dev_addr, addr))
		return true;

	return mvlan_hash_lookup(port, addr);
}

/*
 * The port queues as many floods as its most demanding device asks for:
 * bc_queue_len_used is the largest bc_queue_len_req on port->vlans and
 * bc_queue_len_holders the number of devices that ask for that much. Adding
 * a device, and removing one that is not the last to ask for the most,
 * costs no walk of the port's devices (macvlan walks them every time).
 */
void mvlan_port_recount_bc_queue_len(struct mvlan_port *port)
{
	struct mvlan_dev *vlan;
	u32 max_req = 0, holders = 0;

	ASSERT_RTNL();

	list_for_each_entry(vlan, &port->vlans, list) {
		if (vlan->bc_queue_len_req > max_req) {
			max_req = vlan->bc_queue_len_req;
			holders = 0;
		}
		if (vlan->bc_queue_len_req == max_req)
			holders++;
	}
	port->bc_queue_len_holders = holders;
	WRITE_ONCE(port->bc_queue_len_used, max_req);
}

/* A device that asks for @req joined port->vlans. */
void mvlan_port_bc_queue_len_add(struct mvlan_port *port, u32 req)
{
	ASSERT_RTNL();

	if (req > port->bc_queue_len_used) {
		port->bc_queue_len_holders = 0;
		WRITE_ONCE(port->bc_queue_len_used, req);
	}
	if (req == port->bc_queue_len_used)
		port->bc_queue_len_holders++;
}

/* A device that asked for @req left port->vlans. */
void mvlan_port_bc_queue_len_del(struct mvlan_port *port, u32 req)
{
	ASSERT_RTNL();

	if (req == port->bc_queue_len_used && !--port->bc_queue_len_holders)
		mvlan_port_recount_bc_queue_len(port);
}

/*
 * Multicast groups that more than bc_cutoff devices joined, and broadcast,
 * are delivered from the flood queue; the rest inline. A negative cutoff
 * delivers everything inline.
 */
void mvlan_port_recompute_bc_filter(struct mvlan_port *port)
{
	if (port->bc_cutoff < 0) {
		bitmap_zero(port->bc_filter, MVLAN_MC_FILTER_SZ);
		return;
	}
	mvlan_compute_filter(port->bc_filter, port->dev, NULL, port->bc_cutoff);
}

/* bclim: the same for every device of the port */
void mvlan_port_set_bc_cutoff(struct mvlan_port *port, int cutoff)
{
	ASSERT_RTNL();

	if (port->bc_cutoff == cutoff)
		return;
	port->bc_cutoff = cutoff;
	mvlan_port_recompute_bc_filter(port);
}

int mvlan_port_create(struct net_device *lower, struct netlink_ext_ack *extack)
{
	struct mvlan_port *port;
	int err;

	if (lower->flags & IFF_LOOPBACK) {
		NL_SET_ERR_MSG_MOD(extack, "lower device is a loopback device");
		return -EINVAL;
	}
	if (lower->type != ARPHRD_ETHER || lower->addr_len != ETH_ALEN) {
		NL_SET_ERR_MSG_MOD(extack, "lower device is not an Ethernet device");
		return -EINVAL;
	}
	if (netdev_is_rx_handler_busy(lower)) {
		NL_SET_ERR_MSG_MOD(extack,
				   "lower device already has an rx_handler (bridge port, bond slave or macvlan lower?)");
		return -EBUSY;
	}

	port = kzalloc(sizeof(*port), GFP_KERNEL);
	if (!port)
		return -ENOMEM;

	err = mvlan_htable_init(&port->vlan_hash);
	if (err)
		goto free_port;
	err = mvlan_htable_init(&port->source_hash);
	if (err)
		goto destroy_hash;

	port->dev = lower;
	ether_addr_copy(port->perm_addr, lower->dev_addr);
	INIT_LIST_HEAD(&port->vlans);
	port->bc_cutoff = MVLAN_BC_CUTOFF_DEFAULT;
	skb_queue_head_init(&port->bc_queue);
	INIT_WORK(&port->bc_work, mvlan_process_broadcast);

	err = netdev_rx_handler_register(lower, mvlan_handle_frame, port);
	if (err)
		goto destroy_source_hash;
	return 0;

destroy_source_hash:
	mvlan_htable_destroy(&port->source_hash);
destroy_hash:
	mvlan_htable_destroy(&port->vlan_hash);
free_port:
	kfree(port);
	return err;
}

void mvlan_port_destroy(struct net_device *lower)
{
	struct mvlan_port *port = mvlan_port_get_rtnl(lower);

	/* waits for every rx_handler that might still see the port */
	netdev_rx_handler_unregister(lower);

	/* nothing can queue a flood any more: drain what is left */
	cancel_work_sync(&port->bc_work);
	mvlan_bc_queue_purge(port);

	/* a passthru device may have changed the lower's address: put it back */
	if (port->passthru && !ether_addr_equal(lower->dev_addr, port->perm_addr)) {
		struct sockaddr sa;

		sa.sa_family = lower->type;
		memcpy(sa.sa_data, port->perm_addr, lower->addr_len);
		dev_set_mac_address(lower, &sa, NULL);
	}

	/* every device is gone, and with it its table entries */
	mvlan_htable_destroy(&port->source_hash);
	mvlan_htable_destroy(&port->vlan_hash);
	kfree(port);
}

static int mvlan_device_event(struct notifier_block *unused,
			      unsigned long event, void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	struct mvlan_dev *vlan, *next;
	struct mvlan_port *port;
	LIST_HEAD(list_kill);

	if (netif_is_mvlan(dev)) {
		vlan = netdev_priv(dev);
		/*
		 * Deletion and moves between netns. A device being created is
		 * not on its port yet (mvlan_newlink() tells when it is), nor
		 * is one whose creation failed: it was never announced.
		 */
		if (list_empty(&vlan->list))
			return NOTIFY_DONE;
		if (event == NETDEV_REGISTER)
			mvlan_nl_notify_dev(dev, MVLAN_CMD_DEV_NEW);
		else if (event == NETDEV_UNREGISTER)
			mvlan_nl_notify_dev(dev, MVLAN_CMD_DEV_DEL);
		return NOTIFY_DONE;
	}

	if (!netif_is_mvlan_port(dev))
		return NOTIFY_DONE;

	port = mvlan_port_get_rtnl(dev);
	mvlan_hostbridge_lower_event(port, event);

	switch (event) {
	case NETDEV_UP:
	case NETDEV_DOWN:
	case NETDEV_CHANGE:
		list_for_each_entry(vlan, &port->vlans, list)
			netif_stacked_transfer_operstate(vlan->lowerdev,
							 vlan->dev);
		break;
	case NETDEV_FEAT_CHANGE:
		list_for_each_entry(vlan, &port->vlans, list) {
			netif_inherit_tso_max(vlan->dev, dev);
			vlan->dev->needed_headroom = dev->needed_headroom;
			vlan->dev->needed_tailroom = dev->needed_tailroom;
			netdev_update_features(vlan->dev);
		}
		break;
	case NETDEV_CHANGEMTU:
		list_for_each_entry(vlan, &port->vlans, list) {
			if (vlan->dev->mtu > dev->mtu)
				dev_set_mtu(vlan->dev, dev->mtu);
		}
		break;
	case NETDEV_CHANGEADDR:
		if (!port->passthru)
			break;
		vlan = list_first_entry_or_null(&port->vlans,
						struct mvlan_dev, list);
		if (vlan && mvlan_follow_lower_address(vlan->dev))
			return NOTIFY_BAD;
		break;
	case NETDEV_UNREGISTER:
		/* a move to another netns unregisters too: nothing to do */
		if (dev->reg_state != NETREG_UNREGISTERING)
			break;
		list_for_each_entry_safe(vlan, next, &port->vlans, list)
			vlan->dev->rtnl_link_ops->dellink(vlan->dev, &list_kill);
		unregister_netdevice_many(&list_kill);
		break;
	case NETDEV_PRE_TYPE_CHANGE:
		/* an mvlan lower must stay Ethernet */
		return NOTIFY_BAD;
	case NETDEV_NOTIFY_PEERS:
	case NETDEV_BONDING_FAILOVER:
	case NETDEV_RESEND_IGMP:
		list_for_each_entry(vlan, &port->vlans, list)
			call_netdevice_notifiers(event, vlan->dev);
		break;
	}
	return NOTIFY_DONE;
}

static struct notifier_block mvlan_notifier_block = {
	.notifier_call = mvlan_device_event,
};

int mvlan_notifier_register(void)
{
	return register_netdevice_notifier(&mvlan_notifier_block);
}

void mvlan_notifier_unregister(void)
{
	unregister_netdevice_notifier(&mvlan_notifier_block);
}
