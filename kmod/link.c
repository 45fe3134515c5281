// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mvlan: the rtnetlink link kind "mvlan": create, change, delete and
 * describe devices.
 */
#include <linux/etherdevice.h>
#include <linux/netdevice.h>
#include <net/rtnetlink.h>

#include "link_source.h"
#include "mvlan_lib.h"
#include "mvlan_priv.h"

static const struct nla_policy mvlan_policy[IFLA_MVLAN_MAX + 1] = {
	[IFLA_MVLAN_MODE]		= NLA_POLICY_MASK(NLA_U32, MVLAN_MODE_ALL),
	[IFLA_MVLAN_FLAGS]		= NLA_POLICY_MASK(NLA_U32, MVLAN_F_ALL),
	[IFLA_MVLAN_BC_QUEUE_LEN]	= { .type = NLA_U32 },
	[IFLA_MVLAN_BC_QUEUE_LEN_USED]	= { .type = NLA_REJECT },
	[IFLA_MVLAN_BC_CUTOFF]		= { .type = NLA_S32 },
	[IFLA_MVLAN_SOURCE_COUNT]	= { .type = NLA_REJECT },
	MVLAN_LINK_SOURCE_POLICY,
};

static int mvlan_validate(struct nlattr *tb[], struct nlattr *data[],
			  struct netlink_ext_ack *extack)
{
	if (tb[IFLA_ADDRESS]) {
		if (nla_len(tb[IFLA_ADDRESS]) != ETH_ALEN) {
			NL_SET_ERR_MSG_MOD(extack, "address must be 6 bytes");
			NL_SET_BAD_ATTR(extack, tb[IFLA_ADDRESS]);
			return -EINVAL;
		}
		if (!is_valid_ether_addr(nla_data(tb[IFLA_ADDRESS]))) {
			NL_SET_ERR_MSG_MOD(extack, "address is not a valid unicast address");
			NL_SET_BAD_ATTR(extack, tb[IFLA_ADDRESS]);
			return -EADDRNOTAVAIL;
		}
	}
	return mvlan_link_source_validate(data, extack);
}

static int mvlan_changelink(struct net_device *dev, struct nlattr *tb[],
			    struct nlattr *data[],
			    struct netlink_ext_ack *extack)
{
	struct mvlan_config cfg;
	int err;

	err = mvlan_config_parse(&cfg, data, &mvlan_rtnl_config_attrs, extack);
	if (err)
		return err;
	if (data && data[IFLA_MVLAN_MACADDR_MODE])
		return mvlan_link_source_change(netdev_priv(dev), &cfg, data, extack);
	return mvlan_change(netdev_priv(dev), &cfg, extack);
}

/*
 * Create an mvlan device, or the mvlan part of an mvtap device: nothing
 * that can fail may follow it in the caller, which cannot undo it.
 */
int mvlan_common_newlink(struct net *src_net, struct net_device *dev,
			 struct nlattr *tb[], struct nlattr *data[],
			 struct netlink_ext_ack *extack)
{
	struct mvlan_dev *vlan = netdev_priv(dev);
	struct net_device *lowerdev;
	struct mvlan_config cfg;
	struct mvlan_port *port;
	bool create = false;
	int err, added;

	err = mvlan_config_parse(&cfg, data, &mvlan_rtnl_config_attrs, extack);
	if (err)
		return err;
	if (NL_REQ_ATTR_CHECK(extack, NULL, tb, IFLA_LINK)) {
		NL_SET_ERR_MSG_MOD(extack, "a lower device (IFLA_LINK) is required");
		return -EINVAL;
	}
	lowerdev = __dev_get_by_index(src_net, nla_get_u32(tb[IFLA_LINK]));
	if (!lowerdev) {
		NL_SET_ERR_MSG_MOD(extack, "lower device not found");
		NL_SET_BAD_ATTR(extack, tb[IFLA_LINK]);
		return -ENODEV;
	}

	/* an mvlan on top of an mvlan sits on the real lower device */
	if (netif_is_mvlan(lowerdev))
		lowerdev = ((struct mvlan_dev *)netdev_priv(lowerdev))->lowerdev;

	if (!cfg.set_mode)
		cfg.mode = MVLAN_MODE_DEFAULT;
	if (!cfg.set_bc_queue_len)
		cfg.bc_queue_len = MVLAN_BC_QUEUE_LEN_DEFAULT;
	err = mvlan_config_check_new(&cfg, extack) ?:
	      mvlan_link_source_check(data, cfg.mode, extack);
	if (err)
		return err;

	if (!tb[IFLA_MTU]) {
		dev->mtu = lowerdev->mtu;
	} else if (dev->mtu > lowerdev->mtu) {
		NL_SET_ERR_MSG_MOD(extack, "MTU is larger than the lower device's");
		NL_SET_BAD_ATTR(extack, tb[IFLA_MTU]);
		return -EINVAL;
	}
	dev->min_mtu = ETH_MIN_MTU;
	dev->max_mtu = lowerdev->max_mtu;

	if (!tb[IFLA_ADDRESS])
		eth_hw_addr_random(dev);

	if (!netif_is_mvlan_port(lowerdev)) {
		err = mvlan_port_create(lowerdev, extack);
		if (err < 0)
			return err;
		create = true;
	}
	port = mvlan_port_get_rtnl(lowerdev);

	if (port->passthru) {
		NL_SET_ERR_MSG_MOD(extack,
				   "lower device is taken by a passthru mvlan device");
		err = -EINVAL;
		goto destroy_port;
	}
	if (cfg.mode == MVLAN_MODE_PASSTHRU) {
		if (port->count) {
			NL_SET_ERR_MSG_MOD(extack,
					   "passthru mode needs a lower device without other mvlan devices");
			err = -EINVAL;
			goto destroy_port;
		}
		port->passthru = true;
		eth_hw_addr_inherit(dev, lowerdev);
	}

	vlan->lowerdev = lowerdev;
	vlan->dev = dev;
	INIT_LIST_HEAD(&vlan->list);
	vlan->port = port;
	vlan->mode = cfg.mode;
	vlan->flags = cfg.flags;
	vlan->bc_queue_len_req = cfg.bc_queue_len;
	mvlan_source_dev_init(vlan);
	if (cfg.set_bc_cutoff)
		mvlan_port_set_bc_cutoff(port, cfg.bc_cutoff);

	err = register_netdevice(dev);
	if (err < 0)
		goto destroy_port;

	err = netdev_upper_dev_link(lowerdev, dev, extack);
	if (err)
		goto unregister;

	err = mvlan_config_attach(vlan, extack);
	if (err)
		goto unlink;

	added = mvlan_link_source_create(vlan, data);
	if (added < 0) {
		err = added;
		goto detach;
	}

	list_add_tail_rcu(&vlan->list, &port->vlans);
	mvlan_port_bc_queue_len_add(port, vlan->bc_queue_len_req);
	netif_stacked_transfer_operstate(lowerdev, dev);
	linkwatch_fire_event(dev);
	mvlan_nl_notify_dev(dev, MVLAN_CMD_DEV_NEW);
	if (added)
		mvlan_nl_notify_source(vlan, added, 0);
	return 0;

detach:
	mvlan_config_detach(vlan);
unlink:
	netdev_upper_dev_unlink(lowerdev, dev);
unregister:
	/* mvlan_uninit() drops the port with its last device */
	unregister_netdevice(dev);
	return err;
destroy_port:
	/* a failed register_netdevice() may have dropped the port already */
	if (create && netif_is_mvlan_port(lowerdev))
		mvlan_port_destroy(lowerdev);
	/* @dev may have been visible: let readers go before it is freed */
	synchronize_net();
	return err;
}
EXPORT_SYMBOL_GPL(mvlan_common_newlink);

void mvlan_dellink(struct net_device *dev, struct list_head *head)
{
	struct mvlan_dev *vlan = netdev_priv(dev);

	mvlan_source_txn_abort(vlan);
	mvlan_source_flush(vlan);
	mvlan_config_detach(vlan);
	list_del_rcu(&vlan->list);
	mvlan_port_bc_queue_len_del(vlan->port, vlan->bc_queue_len_req);
	unregister_netdevice_queue(dev, head);
	netdev_upper_dev_unlink(vlan->lowerdev, dev);
}
EXPORT_SYMBOL_GPL(mvlan_dellink);

static size_t mvlan_get_size(const struct net_device *dev)
{
	return mvlan_config_size() + mvlan_link_source_size(netdev_priv(dev));
}

static int mvlan_fill_info(struct sk_buff *skb, const struct net_device *dev)
{
	struct mvlan_dev *vlan = netdev_priv(dev);

	return mvlan_config_fill(skb, vlan, &mvlan_rtnl_config_attrs) ?:
	       mvlan_link_source_fill(skb, vlan);
}

static struct net *mvlan_get_link_net(const struct net_device *dev)
{
	const struct mvlan_dev *vlan = netdev_priv(dev);

	return dev_net(vlan->lowerdev);
}

/*
 * Register a link kind of mvlan devices: @ops names the kind and its
 * setup, newlink and dellink; the attributes and what is done with them
 * are mvlan's.
 */
int mvlan_link_register(struct rtnl_link_ops *ops)
{
	ops->maxtype = IFLA_MVLAN_MAX;
	ops->policy = mvlan_policy;
	ops->validate = mvlan_validate;
	ops->changelink = mvlan_changelink;
	ops->get_size = mvlan_get_size;
	ops->fill_info = mvlan_fill_info;
	ops->get_link_net = mvlan_get_link_net;
	return rtnl_link_register(ops);
}
EXPORT_SYMBOL_GPL(mvlan_link_register);

struct rtnl_link_ops mvlan_link_ops __read_mostly = {
	.kind		= MVLAN_LINK_KIND,
	.priv_size	= sizeof(struct mvlan_dev),
	.setup		= mvlan_setup,
	.newlink	= mvlan_common_newlink,
	.dellink	= mvlan_dellink,
};
