// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mvlan: netpoll (netconsole, kgdboe) over an mvlan device. As macvlan
 * does, netpoll is set up on the lower device, so that a lower that cannot
 * poll refuses it, and while netpoll transmits (with interrupts off) frames
 * leave straight through the lower device's netpoll instead of
 * dev_queue_xmit(), which must not be called in that context. Frames sent
 * this way are not counted, as macvlan does not count them.
 */
#include <linux/netdevice.h>
#include <linux/netpoll.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>

#include "ndo.h"

/* netpoll polls the lower device: nothing to do on the mvlan device */
void mvlan_poll_controller(struct net_device *dev)
{
}

int mvlan_netpoll_setup(struct net_device *dev, struct netpoll_info *npinfo)
{
	struct mvlan_dev *vlan = netdev_priv(dev);
	struct netpoll *np;
	int err;

	ASSERT_RTNL();

	np = kzalloc(sizeof(*np), GFP_KERNEL);
	if (!np)
		return -ENOMEM;

	/* "LOWER doesn't support polling" and -ENOTSUPP, as with macvlan */
	err = __netpoll_setup(np, vlan->lowerdev);
	if (err) {
		kfree(np);
		return err;
	}
	WRITE_ONCE(vlan->netpoll, np);
	return 0;
}

void mvlan_netpoll_cleanup(struct net_device *dev)
{
	struct mvlan_dev *vlan = netdev_priv(dev);
	struct netpoll *np = vlan->netpoll;

	ASSERT_RTNL();

	if (!np)
		return;
	WRITE_ONCE(vlan->netpoll, NULL);
	/* waits for the senders that might still see it */
	__netpoll_free(np);
}

/*
 * From mvlan_start_xmit() while netpoll_tx_running() on @vlan's device,
 * with interrupts off; netpoll_send_skb() drops the frame if netpoll went
 * away in the meantime.
 */
netdev_tx_t mvlan_netpoll_send_skb(struct mvlan_dev *vlan, struct sk_buff *skb)
{
	return netpoll_send_skb(READ_ONCE(vlan->netpoll), skb);
}
