// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mvtap: the link kind "mvtap", which is to mvlan what macvtap is to
 * macvlan. An mvtap device is an mvlan device (all five modes, the source
 * list, the genl family) whose received frames go to a character device,
 * /dev/tapN with N its ifindex, instead of up the stack: QEMU's
 * "-netdev tap,fd=N" and libvirt's <interface type='direct'> use it. What
 * is written to the character device is sent through the mvlan device.
 * The character device, its queues (IFF_MULTI_QUEUE), vnet headers and
 * offloads are the kernel's tap.ko, as for macvtap and ipvtap.
 *
 * The device's private data is a struct mvtap_dev: its struct mvlan_dev
 * first, for mvlan.ko (mvlan_lib.h), then the tap's.
 */
#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/etherdevice.h>
#include <linux/if_tap.h>
#include <linux/if_tun.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <net/net_namespace.h>
#include <net/rtnetlink.h>

#include "mvlan_lib.h"
#include "mvlan_priv.h"

struct mvtap_dev {
	struct mvlan_dev	vlan;
	struct tap_dev		tap;
};

/* The offloads a tap queue may ask for (TUNSETOFFLOAD), macvtap's. */
#define MVTAP_OFFLOADS	(NETIF_F_HW_CSUM | NETIF_F_TSO_ECN | NETIF_F_TSO | \
			 NETIF_F_TSO6)

static dev_t mvtap_major;
static struct cdev mvtap_cdev;

static const void *mvtap_net_namespace(mvlan_class_dev_const struct device *d)
{
	const struct net_device *dev = to_net_dev(d->parent);

	return dev_net(dev);
}

/* /sys/class/mvtap/tapN, in the netns of the device */
static struct class mvtap_class = {
	.name		= MVTAP_LINK_KIND,
	.ns_type	= &net_ns_type_operations,
	.namespace	= mvtap_net_namespace,
};

static struct mvlan_dev *mvtap_vlan(struct tap_dev *tap)
{
	return &container_of(tap, struct mvtap_dev, tap)->vlan;
}

/* A frame written to a queue that could not be sent. */
static void mvtap_count_tx_dropped(struct tap_dev *tap)
{
	mvlan_count_tx_dropped(mvtap_vlan(tap));
}

/* A received frame no queue could take: an rx error, as macvtap counts it. */
static void mvtap_count_rx_dropped(struct tap_dev *tap)
{
	mvlan_count_rx(mvtap_vlan(tap), 0, false, false);
}

/* The offloads the queues asked for became the device's features. */
static void mvtap_update_features(struct tap_dev *tap,
				  netdev_features_t features)
{
	struct mvlan_dev *vlan = mvtap_vlan(tap);

	vlan->set_features = features;
	netdev_update_features(vlan->dev);
}

static int mvtap_newlink(struct net *src_net, struct net_device *dev,
			 struct nlattr *tb[], struct nlattr *data[],
			 struct netlink_ext_ack *extack)
{
	struct mvtap_dev *vt = netdev_priv(dev);
	int err;

	INIT_LIST_HEAD(&vt->tap.queue_list);
	/* mvlan offers every offload: the queues may ask for all */
	vt->tap.tap_features = MVTAP_OFFLOADS;
	vt->tap.count_tx_dropped = mvtap_count_tx_dropped;
	vt->tap.count_rx_dropped = mvtap_count_rx_dropped;
	vt->tap.update_features = mvtap_update_features;

	/* what mvlan's rx_handler delivers to the device goes to the tap */
	err = netdev_rx_handler_register(dev, tap_handle_frame, &vt->tap);
	if (err) {
		NL_SET_ERR_MSG_MOD(extack, "cannot attach the tap to the device");
		return err;
	}

	/* the last thing that may fail: it cannot be undone */
	err = mvlan_common_newlink(src_net, dev, tb, data, extack);
	if (err) {
		netdev_rx_handler_unregister(dev);
		return err;
	}

	/* now the character device may be opened (tap_open() wants it) */
	vt->tap.dev = dev;
	return 0;
}

static void mvtap_dellink(struct net_device *dev, struct list_head *head)
{
	struct mvtap_dev *vt = netdev_priv(dev);

	netdev_rx_handler_unregister(dev);
	tap_del_queues(&vt->tap);
	mvlan_dellink(dev, head);
}

/* Unlike an mvlan device, an mvtap device queues (tx_queue_len: tap.c). */
static void mvtap_setup(struct net_device *dev)
{
	mvlan_common_setup(dev);
	dev->tx_queue_len = TUN_READQ_SIZE;
}

static struct rtnl_link_ops mvtap_link_ops __read_mostly = {
	.kind		= MVTAP_LINK_KIND,
	.priv_size	= sizeof(struct mvtap_dev),
	.setup		= mvtap_setup,
	.newlink	= mvtap_newlink,
	.dellink	= mvtap_dellink,
};

/* The character device tapN of @dev, and its link in @dev's sysfs. */
static int mvtap_cdev_add(struct net_device *dev, struct mvtap_dev *vt,
			  const char *name)
{
	struct device *classdev;
	dev_t devt;
	int err;

	err = tap_get_minor(mvtap_major, &vt->tap);
	if (err)
		return err;

	devt = MKDEV(MAJOR(mvtap_major), vt->tap.minor);
	classdev = device_create(&mvtap_class, &dev->dev, devt, dev, "%s", name);
	if (IS_ERR(classdev)) {
		tap_free_minor(mvtap_major, &vt->tap);
		return PTR_ERR(classdev);
	}
	/* NETDEV_UNREGISTER removes both */
	return sysfs_create_link(&dev->dev.kobj, &classdev->kobj, name);
}

static void mvtap_cdev_del(struct net_device *dev, struct mvtap_dev *vt,
			   const char *name)
{
	/* no minor: NETDEV_REGISTER failed */
	if (!vt->tap.minor)
		return;
	sysfs_remove_link(&dev->dev.kobj, name);
	device_destroy(&mvtap_class, MKDEV(MAJOR(mvtap_major), vt->tap.minor));
	tap_free_minor(mvtap_major, &vt->tap);
}

/*
 * The character device lives from NETDEV_REGISTER, inside
 * register_netdevice(), to NETDEV_UNREGISTER: a move to another netns
 * gives it a new name there.
 */
static int mvtap_device_event(struct notifier_block *unused,
			      unsigned long event, void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	char name[IFNAMSIZ];
	struct mvtap_dev *vt;

	if (dev->rtnl_link_ops != &mvtap_link_ops)
		return NOTIFY_DONE;

	vt = netdev_priv(dev);
	snprintf(name, sizeof(name), "tap%d", dev->ifindex);

	switch (event) {
	case NETDEV_REGISTER:
		return notifier_from_errno(mvtap_cdev_add(dev, vt, name));
	case NETDEV_UNREGISTER:
		mvtap_cdev_del(dev, vt, name);
		break;
	case NETDEV_CHANGE_TX_QUEUE_LEN:
		if (tap_queue_resize(&vt->tap))
			return NOTIFY_BAD;
		break;
	}
	return NOTIFY_DONE;
}

static struct notifier_block mvtap_notifier_block __read_mostly = {
	.notifier_call	= mvtap_device_event,
};

static int __init mvtap_init(void)
{
	int err;

	err = tap_create_cdev(&mvtap_cdev, &mvtap_major, MVTAP_LINK_KIND,
			      THIS_MODULE);
	if (err)
		return err;

	err = class_register(&mvtap_class);
	if (err)
		goto destroy_cdev;

	err = register_netdevice_notifier(&mvtap_notifier_block);
	if (err)
		goto unregister_class;

	err = mvlan_link_register(&mvtap_link_ops);
	if (err)
		goto unregister_notifier;
	return 0;

unregister_notifier:
	unregister_netdevice_notifier(&mvtap_notifier_block);
unregister_class:
	class_unregister(&mvtap_class);
destroy_cdev:
	tap_destroy_cdev(mvtap_major, &mvtap_cdev);
	return err;
}

static void __exit mvtap_exit(void)
{
	/* deletes every mvtap device */
	rtnl_link_unregister(&mvtap_link_ops);
	unregister_netdevice_notifier(&mvtap_notifier_block);
	class_unregister(&mvtap_class);
	tap_destroy_cdev(mvtap_major, &mvtap_cdev);
}

module_init(mvtap_init);
module_exit(mvtap_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("The mvlan developers");
MODULE_DESCRIPTION("mvlan devices with a tap character device, as macvtap");
MODULE_VERSION(MVLAN_VERSION);
MODULE_ALIAS_RTNL_LINK(MVTAP_LINK_KIND);
