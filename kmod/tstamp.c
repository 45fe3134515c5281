// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mvlan: hardware time stamping (ptp4l, chrony) through an mvlan device:
 * the lower device's, as macvlan passes it on. SIOCGHWTSTAMP and
 * SIOCSHWTSTAMP reach the lower device, through ndo_hwtstamp_get/set where
 * the kernel has them and through ndo_eth_ioctl before; only a device in
 * the initial netns may change the lower's settings (another netns must not
 * reconfigure a device it cannot see). ethtool -T reports the lower
 * device's capabilities.
 */
#include <linux/ethtool.h>
#include <linux/net_tstamp.h>
#include <linux/netdevice.h>
#include <net/net_namespace.h>

#include "ndo.h"

int mvlan_get_ts_info(struct net_device *dev, struct mvlan_ts_info *info)
{
	const struct mvlan_dev *vlan = netdev_priv(dev);

	return mvlan_lower_ts_info(vlan->lowerdev, info);
}

#ifdef MVLAN_HAVE_NDO_HWTSTAMP
int mvlan_hwtstamp_get(struct net_device *dev,
		       struct kernel_hwtstamp_config *cfg)
{
	const struct mvlan_dev *vlan = netdev_priv(dev);

	return generic_hwtstamp_get_lower(vlan->lowerdev, cfg);
}

int mvlan_hwtstamp_set(struct net_device *dev,
		       struct kernel_hwtstamp_config *cfg,
		       struct netlink_ext_ack *extack)
{
	const struct mvlan_dev *vlan = netdev_priv(dev);

	if (!net_eq(dev_net(dev), &init_net))
		return -EOPNOTSUPP;
	return generic_hwtstamp_set_lower(vlan->lowerdev, cfg, extack);
}
#else
int mvlan_eth_ioctl(struct net_device *dev, struct ifreq *ifr, int cmd)
{
	const struct mvlan_dev *vlan = netdev_priv(dev);
	struct net_device *lower = vlan->lowerdev;
	const struct net_device_ops *ops = lower->netdev_ops;
	struct ifreq lower_ifr;
	int err;

	switch (cmd) {
	case SIOCSHWTSTAMP:
		if (!net_eq(dev_net(dev), &init_net))
			return -EOPNOTSUPP;
		break;
	case SIOCGHWTSTAMP:
		break;
	default:
		return -EOPNOTSUPP;
	}
	if (!netif_device_present(lower) || !ops->ndo_eth_ioctl)
		return -EOPNOTSUPP;

	/* the same request, naming the lower device */
	strscpy(lower_ifr.ifr_name, lower->name, IFNAMSIZ);
	lower_ifr.ifr_ifru = ifr->ifr_ifru;
	err = ops->ndo_eth_ioctl(lower, &lower_ifr, cmd);
	if (!err)
		ifr->ifr_ifru = lower_ifr.ifr_ifru;
	return err;
}
#endif
