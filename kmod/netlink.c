// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mvlan: the generic netlink family "mvlan". See uapi/linux/mvlan.h for the
 * commands and the attribute tree.
 */
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <net/genetlink.h>
#include <net/net_namespace.h>
#include <net/netlink.h>
#include <net/sock.h>

#include "mvlan_priv.h"

static struct genl_family mvlan_genl_family;

static const struct nla_policy mvlan_dev_get_policy[MVLAN_A_MAX + 1] = {
	[MVLAN_A_IFINDEX]	= NLA_POLICY_MIN(NLA_U32, 1),
	[MVLAN_A_IFNAME]	= { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
};

/*
 * The mvlan device named by MVLAN_A_IFINDEX and/or MVLAN_A_IFNAME in the
 * requester's netns. Under RTNL.
 */
static struct net_device *mvlan_nl_get_dev(struct net *net, struct nlattr **attrs,
					   struct netlink_ext_ack *extack)
{
	struct nlattr *ifindex = attrs[MVLAN_A_IFINDEX];
	struct nlattr *ifname = attrs[MVLAN_A_IFNAME];
	struct net_device *dev = NULL;

	if (ifindex) {
		dev = __dev_get_by_index(net, nla_get_u32(ifindex));
		if (!dev) {
			NL_SET_ERR_MSG_ATTR(extack, ifindex,
					    "no device with this ifindex");
			return ERR_PTR(-ENODEV);
		}
	}
	if (ifname) {
		struct net_device *named = __dev_get_by_name(net, nla_data(ifname));

		if (!named) {
			NL_SET_ERR_MSG_ATTR(extack, ifname,
					    "no device with this name");
			return ERR_PTR(-ENODEV);
		}
		if (dev && dev != named) {
			NL_SET_ERR_MSG_ATTR(extack, ifname,
					    "ifindex and name are different devices");
			return ERR_PTR(-EINVAL);
		}
		dev = named;
	}
	if (!dev) {
		NL_SET_ERR_MSG(extack,
			       "a device is required: MVLAN_A_IFINDEX or MVLAN_A_IFNAME");
		return ERR_PTR(-EINVAL);
	}
	if (!netif_is_mvlan(dev)) {
		NL_SET_ERR_MSG_ATTR(extack, ifindex ? : ifname,
				    "not an mvlan device");
		return ERR_PTR(-EINVAL);
	}
	return dev;
}

static size_t mvlan_nl_dev_size(void)
{
	return nla_total_size(sizeof(u32)) +	/* MVLAN_A_IFINDEX */
	       nla_total_size(IFNAMSIZ) +	/* MVLAN_A_IFNAME */
	       nla_total_size(sizeof(u32)) +	/* MVLAN_A_LINK */
	       nla_total_size(sizeof(u32)) +	/* MVLAN_A_MODE */
	       nla_total_size(sizeof(u32)) +	/* MVLAN_A_FLAGS */
	       nla_total_size(ETH_ALEN) +	/* MVLAN_A_ADDRESS */
	       nla_total_size(sizeof(s32));	/* MVLAN_A_LINK_NETNSID */
}

static int mvlan_nl_fill_dev(struct sk_buff *skb, const struct net_device *dev,
			     u32 portid, u32 seq, int flags,
			     struct netlink_callback *cb)
{
	const struct mvlan_dev *vlan = netdev_priv(dev);
	void *hdr;

	hdr = genlmsg_put(skb, portid, seq, &mvlan_genl_family, flags,
			  MVLAN_CMD_DEV_GET);
	if (!hdr)
		return -EMSGSIZE;
	if (cb)
		genl_dump_check_consistent(cb, hdr);

	if (nla_put_u32(skb, MVLAN_A_IFINDEX, dev->ifindex) ||
	    nla_put_string(skb, MVLAN_A_IFNAME, dev->name) ||
	    nla_put_u32(skb, MVLAN_A_LINK, vlan->lowerdev->ifindex) ||
	    nla_put_u32(skb, MVLAN_A_MODE, vlan->mode) ||
	    nla_put_u32(skb, MVLAN_A_FLAGS, vlan->flags) ||
	    nla_put(skb, MVLAN_A_ADDRESS, ETH_ALEN, dev->dev_addr))
		goto cancel;

	if (!net_eq(dev_net(dev), dev_net(vlan->lowerdev))) {
		int id = peernet2id_alloc(dev_net(dev), dev_net(vlan->lowerdev),
					  GFP_KERNEL);

		if (nla_put_s32(skb, MVLAN_A_LINK_NETNSID, id))
			goto cancel;
	}
	genlmsg_end(skb, hdr);
	return 0;

cancel:
	genlmsg_cancel(skb, hdr);
	return -EMSGSIZE;
}

static int mvlan_nl_dev_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct net_device *dev;
	struct sk_buff *msg;
	int err;

	msg = genlmsg_new(mvlan_nl_dev_size(), GFP_KERNEL);
	if (!msg)
		return -ENOMEM;

	rtnl_lock();
	dev = mvlan_nl_get_dev(genl_info_net(info), info->attrs, info->extack);
	if (IS_ERR(dev))
		err = PTR_ERR(dev);
	else
		err = mvlan_nl_fill_dev(msg, dev, info->snd_portid,
					info->snd_seq, 0, NULL);
	rtnl_unlock();

	if (err) {
		nlmsg_free(msg);
		return err;
	}
	return genlmsg_reply(msg, info);
}

/*
 * One message per mvlan device of the netns. cb->args[0] counts the mvlan
 * devices already sent; a device added or removed meanwhile changes
 * dev_base_seq and the dump is flagged NLM_F_DUMP_INTR.
 */
static int mvlan_nl_dev_get_dumpit(struct sk_buff *skb,
				   struct netlink_callback *cb)
{
	struct net *net = sock_net(skb->sk);
	long start = cb->args[0], idx = 0;
	struct net_device *dev;
	int err = 0;

	rtnl_lock();
	cb->seq = net->dev_base_seq;
	for_each_netdev(net, dev) {
		if (!netif_is_mvlan(dev))
			continue;
		if (idx < start) {
			idx++;
			continue;
		}
		err = mvlan_nl_fill_dev(skb, dev, NETLINK_CB(cb->skb).portid,
					cb->nlh->nlmsg_seq, NLM_F_MULTI, cb);
		if (err)
			break;
		idx++;
	}
	rtnl_unlock();

	cb->args[0] = idx;
	/* a device that does not fit an empty message never will */
	if (err && !skb->len)
		return err;
	return skb->len;
}

static const struct genl_ops mvlan_genl_ops[] = {
	{
		.cmd		= MVLAN_CMD_DEV_GET,
		.doit		= mvlan_nl_dev_get_doit,
		.dumpit		= mvlan_nl_dev_get_dumpit,
		.policy		= mvlan_dev_get_policy,
		.maxattr	= MVLAN_A_MAX,
	},
};

/* resv_start_op is 0: every command is validated strictly. */
static struct genl_family mvlan_genl_family __ro_after_init = {
	.name		= MVLAN_GENL_NAME,
	.version	= MVLAN_GENL_VERSION,
	.netnsok	= true,
	.parallel_ops	= true,
	.module		= THIS_MODULE,
	.ops		= mvlan_genl_ops,
	.n_ops		= ARRAY_SIZE(mvlan_genl_ops),
};

int __init mvlan_genl_register(void)
{
	return genl_register_family(&mvlan_genl_family);
}

void mvlan_genl_unregister(void)
{
	genl_unregister_family(&mvlan_genl_family);
}
