// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mvlan: the generic netlink family "mvlan": its ops and what its requests
 * share: finding what they name, refusing what they would ignore, one
 * reply, one dump loop, one message header and the events. The commands
 * are in nl_dev.c (devices, statistics, ports) and nl_source.c (source
 * lists); the policies in nl_gen.c, generated from uapi/mvlan.yaml. See
 * uapi/linux/mvlan.h for the commands and the attribute tree.
 */
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <net/genetlink.h>
#include <net/net_namespace.h>
#include <net/netlink.h>
#include <net/sock.h>

#include "mvlan_priv.h"
#include "netlink.h"

/*
 * The mvlan device named by MVLAN_A_IFINDEX and/or MVLAN_A_IFNAME in @net,
 * the requester's netns.
 */
struct mvlan_dev *mvlan_nl_get_dev(struct net *net, struct nlattr **attrs,
				   struct netlink_ext_ack *extack)
{
	struct nlattr *ifindex = attrs[MVLAN_A_IFINDEX];
	struct nlattr *ifname = attrs[MVLAN_A_IFNAME];
	struct net_device *dev = NULL;

	ASSERT_RTNL();

	if (ifindex) {
		dev = __dev_get_by_index(net, nla_get_u32(ifindex));
		if (!dev) {
			NL_SET_ERR_MSG_ATTR(extack, ifindex,
					    "MVLAN_A_IFINDEX: no such device");
			return ERR_PTR(-ENODEV);
		}
	}
	if (ifname) {
		struct net_device *named = __dev_get_by_name(net, nla_data(ifname));

		if (!named) {
			NL_SET_ERR_MSG_ATTR(extack, ifname,
					    "MVLAN_A_IFNAME: no such device");
			return ERR_PTR(-ENODEV);
		}
		if (dev && dev != named) {
			NL_SET_ERR_MSG_ATTR(extack, ifname,
					    "MVLAN_A_IFNAME names another device than MVLAN_A_IFINDEX");
			return ERR_PTR(-EINVAL);
		}
		dev = named;
	}
	if (!dev) {
		/* either will do: the missing one is reported as the ifindex */
		NL_SET_ERR_MSG(extack, "a device is required: MVLAN_A_IFINDEX or MVLAN_A_IFNAME");
		NL_SET_ERR_ATTR_MISS(extack, NULL, MVLAN_A_IFINDEX);
		return ERR_PTR(-EINVAL);
	}
	if (!netif_is_mvlan(dev)) {
		NL_SET_ERR_MSG_ATTR(extack, ifindex ? : ifname,
				    "not an mvlan device");
		return ERR_PTR(-EINVAL);
	}
	return netdev_priv(dev);
}

/* The lower device named by MVLAN_A_LINK, which must carry a port. */
static struct net_device *mvlan_nl_get_port(struct genl_info *info)
{
	struct nlattr *link = info->attrs[MVLAN_A_LINK];
	struct net_device *lower;

	ASSERT_RTNL();

	if (GENL_REQ_ATTR_CHECK(info, MVLAN_A_LINK))
		return ERR_PTR(-EINVAL);
	lower = __dev_get_by_index(genl_info_net(info), nla_get_u32(link));
	if (!lower) {
		NL_SET_ERR_MSG_ATTR(info->extack, link, "MVLAN_A_LINK: no such device");
		return ERR_PTR(-ENODEV);
	}
	if (!netif_is_mvlan_port(lower)) {
		NL_SET_ERR_MSG_ATTR(info->extack, link,
				    "MVLAN_A_LINK: no mvlan device on this device");
		return ERR_PTR(-ENOENT);
	}
	return lower;
}

static void mvlan_nl_set_not_taken(struct netlink_ext_ack *extack,
				   const struct nlattr *attr, bool dump)
{
	switch (nla_type(attr)) {
	case MVLAN_A_IFINDEX:
		if (!dump)
			break;
		NL_SET_ERR_MSG_ATTR(extack, attr, "MVLAN_A_IFINDEX: this dump does not take it");
		return;
	case MVLAN_A_IFNAME:
		if (!dump)
			break;
		NL_SET_ERR_MSG_ATTR(extack, attr, "MVLAN_A_IFNAME: this dump does not take it");
		return;
	case MVLAN_A_LINK:
		if (dump)
			NL_SET_ERR_MSG_ATTR(extack, attr,
					    "MVLAN_A_LINK: this dump does not take it");
		else
			NL_SET_ERR_MSG_ATTR(extack, attr,
					    "MVLAN_A_LINK: only the dump takes it");
		return;
	}
	NL_SET_ERR_MSG_ATTR(extack, attr, "the request does not take this attribute");
}

/*
 * Refuse the attributes of a request that it would ignore. 6.1 has no
 * split ops: a command has one policy, for what its do and its dump take
 * both, and @taken (MVLAN_<OP>_DO_ATTRS or _DUMP_ATTRS) says what this one
 * takes.
 */
int mvlan_nl_check_attrs(const struct genlmsghdr *hdr, unsigned long taken,
			 bool dump, struct netlink_ext_ack *extack)
{
	const struct nlattr *attr;
	int rem;

	nla_for_each_attr(attr, genlmsg_data(hdr), genlmsg_len(hdr), rem) {
		if (nla_type(attr) < BITS_PER_LONG && (taken & BIT(nla_type(attr))))
			continue;
		mvlan_nl_set_not_taken(extack, attr, dump);
		return -EINVAL;
	}
	return 0;
}

/* The header of a message to @to; NULL when @skb is full. */
void *mvlan_nl_msg_start(struct sk_buff *skb, const struct mvlan_nl_dest *to)
{
	void *hdr;

	hdr = genlmsg_put(skb, to->portid, to->seq, &mvlan_genl_family,
			  to->flags, to->cmd);
	if (hdr && to->cb)
		genl_dump_check_consistent(to->cb, hdr);
	return hdr;
}

/* Drop the message begun at @hdr, which did not fit. */
int mvlan_nl_msg_cancel(struct sk_buff *skb, void *hdr)
{
	genlmsg_cancel(skb, hdr);
	return -EMSGSIZE;
}

/* MVLAN_A_IFINDEX and MVLAN_A_IFNAME of @vlan's device. */
int mvlan_nl_put_dev_id(struct sk_buff *skb, const struct mvlan_dev *vlan)
{
	if (nla_put_u32(skb, MVLAN_A_IFINDEX, vlan->dev->ifindex) ||
	    nla_put_string(skb, MVLAN_A_IFNAME, vlan->dev->name))
		return -EMSGSIZE;
	return 0;
}

/*
 * Answer a do request of @get with one message, which get->fill writes
 * under RTNL for the device the request names.
 */
int mvlan_nl_reply(struct genl_info *info, const struct mvlan_nl_get *get)
{
	struct mvlan_nl_dest to = {
		.portid	= info->snd_portid,
		.seq	= info->snd_seq,
		.cmd	= info->genlhdr->cmd,
	};
	struct net_device *dev;
	struct mvlan_dev *vlan;
	struct sk_buff *msg;
	int err;

	err = mvlan_nl_check_attrs(info->genlhdr, get->do_attrs, false,
				   info->extack);
	if (err)
		return err;
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;

	rtnl_lock();
	if (get->what == MVLAN_NL_PORT) {
		dev = mvlan_nl_get_port(info);
	} else {
		vlan = mvlan_nl_get_dev(genl_info_net(info), info->attrs,
					info->extack);
		dev = IS_ERR(vlan) ? ERR_CAST(vlan) : vlan->dev;
	}
	err = IS_ERR(dev) ? PTR_ERR(dev) : get->fill(msg, &to, dev);
	rtnl_unlock();

	if (err) {
		nlmsg_free(msg);
		return err;
	}
	return genlmsg_reply(msg, info);
}

/* Where the parts of a dump go. */
struct mvlan_nl_dest mvlan_nl_dump_dest(struct netlink_callback *cb)
{
	const struct genlmsghdr *hdr = nlmsg_data(cb->nlh);

	return (struct mvlan_nl_dest) {
		.portid	= NETLINK_CB(cb->skb).portid,
		.seq	= cb->nlh->nlmsg_seq,
		.flags	= NLM_F_MULTI,
		.cmd	= hdr->cmd,
		.cb	= cb,
	};
}

/* Whether a dump of @what lists @dev; of lower device @link only, if not 0. */
static bool mvlan_nl_dump_lists(const struct net_device *dev,
				enum mvlan_nl_obj what, u32 link)
{
	const struct mvlan_dev *vlan = netdev_priv(dev);

	if (what == MVLAN_NL_PORT)
		return netif_is_mvlan_port(dev);
	if (!netif_is_mvlan(dev))
		return false;
	return !link || (vlan->lowerdev->ifindex == link &&
			 net_eq(dev_net(vlan->lowerdev), dev_net(dev)));
}

/*
 * The dump loop of @get: a message that get->fill writes for each mvlan
 * device, or each lower device carrying a port, of the netns; for a dump
 * that takes MVLAN_A_LINK, the devices of that lower device only.
 * cb->args[0] is where in the netns' device list the next part starts; a
 * device added or removed meanwhile changes dev_base_seq and the parts
 * after it are flagged NLM_F_DUMP_INTR.
 */
int mvlan_nl_dump(struct sk_buff *skb, struct netlink_callback *cb,
		  const struct mvlan_nl_get *get)
{
	struct mvlan_nl_dest to = mvlan_nl_dump_dest(cb);
	struct nlattr **attrs = mvlan_genl_dump_attrs(cb);
	struct net *net = sock_net(skb->sk);
	struct net_device *dev;
	long idx = 0;
	u32 link = 0;
	int err;

	err = mvlan_nl_check_attrs(nlmsg_data(cb->nlh), get->dump_attrs, true,
				   cb->extack);
	if (err)
		return err;
	/* attrs[] reaches MVLAN_A_LINK only when the policy has it */
	if ((get->dump_attrs & BIT(MVLAN_A_LINK)) && attrs[MVLAN_A_LINK])
		link = nla_get_u32(attrs[MVLAN_A_LINK]);

	rtnl_lock();
	cb->seq = net->dev_base_seq;
	for_each_netdev(net, dev) {
		if (idx++ < cb->args[0] || !mvlan_nl_dump_lists(dev, get->what, link))
			continue;
		err = get->fill(skb, &to, dev);
		if (err) {
			idx--;
			break;
		}
	}
	rtnl_unlock();

	cb->args[0] = idx;
	/* a device that does not fit an empty message never will */
	if (err && !skb->len)
		return err;
	return skb->len;
}

/* A message for the "events" group of @net, or NULL when nobody listens. */
struct sk_buff *mvlan_nl_event_new(struct net *net, size_t size)
{
	ASSERT_RTNL();

	if (!genl_has_listeners(&mvlan_genl_family, net, MVLAN_NLGRP_EVENTS))
		return NULL;
	return genlmsg_new(size, GFP_KERNEL);
}

/* Send @msg to the group, or drop it when filling it failed (@err). */
void mvlan_nl_event_send(struct net *net, struct sk_buff *msg, int err)
{
	if (err) {
		nlmsg_free(msg);
		return;
	}
	genlmsg_multicast_netns(&mvlan_genl_family, net, msg, 0,
				MVLAN_NLGRP_EVENTS, GFP_KERNEL);
}

static const struct genl_ops mvlan_genl_ops[] = {
	{
		MVLAN_DEV_GET_NL_OP,
		.doit		= mvlan_nl_get_doit,
		.dumpit		= mvlan_nl_get_dumpit,
	},
	{
		MVLAN_DEV_SET_NL_OP,
		.doit		= mvlan_nl_dev_set_doit,
	},
	{
		MVLAN_SOURCE_ADD_NL_OP,
		.doit		= mvlan_nl_source_add_doit,
	},
	{
		MVLAN_SOURCE_DEL_NL_OP,
		.doit		= mvlan_nl_source_del_doit,
	},
	{
		MVLAN_SOURCE_FLUSH_NL_OP,
		.doit		= mvlan_nl_source_flush_doit,
	},
	{
		MVLAN_SOURCE_SET_NL_OP,
		.doit		= mvlan_nl_source_set_doit,
	},
	{
		MVLAN_SOURCE_GET_NL_OP,
		.dumpit		= mvlan_nl_source_get_dumpit,
	},
	{
		MVLAN_STATS_GET_NL_OP,
		.doit		= mvlan_nl_get_doit,
		.dumpit		= mvlan_nl_get_dumpit,
	},
	{
		MVLAN_PORT_GET_NL_OP,
		.doit		= mvlan_nl_get_doit,
		.dumpit		= mvlan_nl_get_dumpit,
	},
};

static const struct genl_multicast_group mvlan_genl_mcgrps[] = {
	[MVLAN_NLGRP_EVENTS] = { .name = MVLAN_MCGRP_EVENTS },
};

/* resv_start_op is 0: every command is validated strictly. */
struct genl_family mvlan_genl_family __ro_after_init = {
	.name		= MVLAN_GENL_NAME,
	.version	= MVLAN_GENL_VERSION,
	.netnsok	= true,
	.parallel_ops	= true,
	.module		= THIS_MODULE,
	.ops		= mvlan_genl_ops,
	.n_ops		= ARRAY_SIZE(mvlan_genl_ops),
	.mcgrps		= mvlan_genl_mcgrps,
	.n_mcgrps	= ARRAY_SIZE(mvlan_genl_mcgrps),
};

int __init mvlan_genl_register(void)
{
	return genl_register_family(&mvlan_genl_family);
}

void mvlan_genl_unregister(void)
{
	genl_unregister_family(&mvlan_genl_family);
}
