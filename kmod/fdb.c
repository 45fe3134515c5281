// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mvlan: forwarding database entries on an mvlan device itself
 * ("bridge fdb add|del ADDR dev mv0 self"), with macvlan's rules: an entry
 * is an address in the device's unicast or multicast list, which the
 * device syncs to its lower device (dev.c, mvlan_set_rx_mode()). Unicast
 * entries only on a passthru device, which owns its lower device;
 * multicast entries on any; never NLM_F_REPLACE. Dumps are the kernel's
 * default, ndo_dflt_fdb_dump(), as macvlan's.
 */
#include <linux/etherdevice.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <net/netlink.h>

#include "ndo.h"

/*
 * Unicast entries would take addresses from the lower device's filter
 * behind the other devices' backs: only a passthru device may.
 */
static int mvlan_fdb_check(const struct mvlan_dev *vlan,
			   const unsigned char *addr,
			   struct netlink_ext_ack *extack)
{
	if (!vlan->port->passthru && is_unicast_ether_addr(addr)) {
		NL_SET_ERR_MSG_MOD(extack,
				   "unicast entries need a device in passthru mode");
		return -EOPNOTSUPP;
	}
	return 0;
}

int mvlan_fdb_add(struct ndmsg *ndm, struct nlattr *tb[],
		  struct net_device *dev, const unsigned char *addr, u16 vid,
		  u16 flags, struct netlink_ext_ack *extack)
{
	struct mvlan_dev *vlan = netdev_priv(dev);
	int err;

	ASSERT_RTNL();

	err = mvlan_fdb_check(vlan, addr, extack);
	if (err)
		return err;
	if (flags & NLM_F_REPLACE) {
		NL_SET_ERR_MSG_MOD(extack, "entries cannot be replaced");
		return -EOPNOTSUPP;
	}

	if (is_unicast_ether_addr(addr))
		return dev_uc_add_excl(dev, addr);
	return dev_mc_add_excl(dev, addr);
}

int mvlan_fdb_del(struct ndmsg *ndm, struct nlattr *tb[],
		  struct net_device *dev, const unsigned char *addr, u16 vid,
		  struct netlink_ext_ack *extack)
{
	struct mvlan_dev *vlan = netdev_priv(dev);
	int err;

	ASSERT_RTNL();

	err = mvlan_fdb_check(vlan, addr, extack);
	if (err)
		return err;

	if (is_unicast_ether_addr(addr))
		return dev_uc_del(dev, addr);
	return dev_mc_del(dev, addr);
}
