// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mvlan: the generic netlink family "mvlan": devices, ports, statistics
 * and events. The source list commands are in nl_source.c. See
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

static const struct nla_policy mvlan_dev_get_policy[MVLAN_A_MAX + 1] = {
	MVLAN_NL_DEV_POLICY,
	[MVLAN_A_LINK]		= NLA_POLICY_MIN(NLA_U32, 1),
};

static const struct nla_policy mvlan_dev_set_policy[MVLAN_A_MAX + 1] = {
	MVLAN_NL_DEV_POLICY,
	[MVLAN_A_MODE]		= NLA_POLICY_MASK(NLA_U32, MVLAN_MODE_ALL),
	[MVLAN_A_FLAGS]		= NLA_POLICY_MASK(NLA_U32, MVLAN_F_ALL),
	[MVLAN_A_BC_QUEUE_LEN]	= { .type = NLA_U32 },
	[MVLAN_A_BC_CUTOFF]	= { .type = NLA_S32 },
};

static const struct nla_policy mvlan_dev_policy[MVLAN_A_MAX + 1] = {
	MVLAN_NL_DEV_POLICY,
};

static const struct nla_policy mvlan_port_get_policy[MVLAN_A_MAX + 1] = {
	[MVLAN_A_LINK]		= NLA_POLICY_MIN(NLA_U32, 1),
};

/*
 * The mvlan device named by MVLAN_A_IFINDEX and/or MVLAN_A_IFNAME in @net,
 * the requester's netns. Under RTNL.
 */
struct mvlan_dev *mvlan_nl_get_dev(struct net *net, struct nlattr **attrs,
				   struct netlink_ext_ack *extack)
{
	struct nlattr *ifindex = attrs[MVLAN_A_IFINDEX];
	struct nlattr *ifname = attrs[MVLAN_A_IFNAME];
	struct net_device *dev = NULL;

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
		NL_SET_ERR_MSG(extack, "a device is required: MVLAN_A_IFINDEX or MVLAN_A_IFNAME");
		return ERR_PTR(-EINVAL);
	}
	if (!netif_is_mvlan(dev)) {
		NL_SET_ERR_MSG_ATTR(extack, ifindex ? : ifname,
				    "not an mvlan device");
		return ERR_PTR(-EINVAL);
	}
	return netdev_priv(dev);
}

/* MVLAN_A_IFINDEX and MVLAN_A_IFNAME of @vlan's device. */
int mvlan_nl_put_dev_id(struct sk_buff *skb, const struct mvlan_dev *vlan)
{
	if (nla_put_u32(skb, MVLAN_A_IFINDEX, vlan->dev->ifindex) ||
	    nla_put_string(skb, MVLAN_A_IFNAME, vlan->dev->name))
		return -EMSGSIZE;
	return 0;
}

static size_t mvlan_nl_dev_size(void)
{
	return nla_total_size(sizeof(u32)) +	/* MVLAN_A_IFINDEX */
	       nla_total_size(IFNAMSIZ) +	/* MVLAN_A_IFNAME */
	       nla_total_size(sizeof(u32)) +	/* MVLAN_A_LINK */
	       nla_total_size(sizeof(u32)) +	/* MVLAN_A_MODE */
	       nla_total_size(sizeof(u32)) +	/* MVLAN_A_FLAGS */
	       nla_total_size(ETH_ALEN) +	/* MVLAN_A_ADDRESS */
	       nla_total_size(sizeof(s32)) +	/* MVLAN_A_LINK_NETNSID */
	       nla_total_size(sizeof(u32)) +	/* MVLAN_A_BC_QUEUE_LEN */
	       nla_total_size(sizeof(u32)) +	/* MVLAN_A_BC_QUEUE_LEN_USED */
	       nla_total_size(sizeof(s32)) +	/* MVLAN_A_BC_CUTOFF */
	       nla_total_size(sizeof(u32));	/* MVLAN_A_SOURCE_COUNT */
}

static int mvlan_nl_put_dev(struct sk_buff *skb, const struct mvlan_dev *vlan)
{
	const struct net_device *dev = vlan->dev;
	struct net *lower_net = dev_net(vlan->lowerdev);

	if (mvlan_nl_put_dev_id(skb, vlan) ||
	    nla_put_u32(skb, MVLAN_A_LINK, vlan->lowerdev->ifindex) ||
	    nla_put_u32(skb, MVLAN_A_MODE, vlan->mode) ||
	    nla_put_u32(skb, MVLAN_A_FLAGS, vlan->flags) ||
	    nla_put(skb, MVLAN_A_ADDRESS, ETH_ALEN, dev->dev_addr) ||
	    nla_put_u32(skb, MVLAN_A_BC_QUEUE_LEN, vlan->bc_queue_len_req) ||
	    nla_put_u32(skb, MVLAN_A_BC_QUEUE_LEN_USED,
			READ_ONCE(vlan->port->bc_queue_len_used)) ||
	    nla_put_s32(skb, MVLAN_A_BC_CUTOFF, vlan->port->bc_cutoff) ||
	    nla_put_u32(skb, MVLAN_A_SOURCE_COUNT, vlan->source_count))
		return -EMSGSIZE;

	if (!net_eq(dev_net(dev), lower_net) &&
	    nla_put_s32(skb, MVLAN_A_LINK_NETNSID,
			peernet2id_alloc(dev_net(dev), lower_net, GFP_KERNEL)))
		return -EMSGSIZE;
	return 0;
}

/*
 * One message of command @cmd whose attributes @put writes for @obj; @cb is
 * set for dumps, whose messages carry the consistency flag.
 */
typedef int (*mvlan_nl_put_fn)(struct sk_buff *skb, const void *obj);

static int mvlan_nl_fill(struct sk_buff *skb, u8 cmd, mvlan_nl_put_fn put,
			 const void *obj, u32 portid, u32 seq, int flags,
			 struct netlink_callback *cb)
{
	void *hdr;

	hdr = genlmsg_put(skb, portid, seq, &mvlan_genl_family, flags, cmd);
	if (!hdr)
		return -EMSGSIZE;
	if (cb)
		genl_dump_check_consistent(cb, hdr);
	if (put(skb, obj)) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

static int mvlan_nl_put_dev_msg(struct sk_buff *skb, const void *vlan)
{
	return mvlan_nl_put_dev(skb, vlan);
}

/* One message of command @cmd describing @vlan. */
static int mvlan_nl_fill_dev(struct sk_buff *skb, const struct mvlan_dev *vlan,
			     u8 cmd, u32 portid, u32 seq, int flags,
			     struct netlink_callback *cb)
{
	return mvlan_nl_fill(skb, cmd, mvlan_nl_put_dev_msg, vlan, portid, seq,
			     flags, cb);
}

static int mvlan_nl_dev_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct mvlan_dev *vlan;
	struct sk_buff *msg;
	int err;

	msg = genlmsg_new(mvlan_nl_dev_size(), GFP_KERNEL);
	if (!msg)
		return -ENOMEM;

	rtnl_lock();
	vlan = mvlan_nl_get_dev(genl_info_net(info), info->attrs, info->extack);
	if (IS_ERR(vlan))
		err = PTR_ERR(vlan);
	else
		err = mvlan_nl_fill_dev(msg, vlan, MVLAN_CMD_DEV_GET,
					info->snd_portid, info->snd_seq, 0, NULL);
	rtnl_unlock();

	if (err) {
		nlmsg_free(msg);
		return err;
	}
	return genlmsg_reply(msg, info);
}

/*
 * Dumps of one message per mvlan device of the netns: cb->args[0] counts
 * the devices already sent; a device added or removed meanwhile changes
 * dev_base_seq and the dump is flagged NLM_F_DUMP_INTR.
 */
typedef int (*mvlan_nl_dev_fill_fn)(struct sk_buff *skb,
				    const struct mvlan_dev *vlan,
				    struct netlink_callback *cb);

static int mvlan_nl_dump_devs(struct sk_buff *skb, struct netlink_callback *cb,
			      mvlan_nl_dev_fill_fn fill, u32 link)
{
	struct net *net = sock_net(skb->sk);
	long start = cb->args[0], idx = 0;
	struct net_device *dev;
	int err = 0;

	rtnl_lock();
	cb->seq = net->dev_base_seq;
	for_each_netdev(net, dev) {
		const struct mvlan_dev *vlan = netdev_priv(dev);

		if (!netif_is_mvlan(dev))
			continue;
		if (link && (vlan->lowerdev->ifindex != link ||
			     !net_eq(dev_net(vlan->lowerdev), net)))
			continue;
		if (idx < start) {
			idx++;
			continue;
		}
		err = fill(skb, vlan, cb);
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

static int mvlan_nl_dev_dump_one(struct sk_buff *skb, const struct mvlan_dev *vlan,
				 struct netlink_callback *cb)
{
	return mvlan_nl_fill_dev(skb, vlan, MVLAN_CMD_DEV_GET,
				 NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
				 NLM_F_MULTI, cb);
}

static int mvlan_nl_dev_get_dumpit(struct sk_buff *skb,
				   struct netlink_callback *cb)
{
	struct nlattr **attrs = mvlan_nl_dump_attrs(cb);
	u32 link = attrs[MVLAN_A_LINK] ? nla_get_u32(attrs[MVLAN_A_LINK]) : 0;

	return mvlan_nl_dump_devs(skb, cb, mvlan_nl_dev_dump_one, link);
}

static int mvlan_nl_dev_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **attrs = info->attrs;
	struct mvlan_config cfg = {};
	struct mvlan_dev *vlan;
	int err;

	if (attrs[MVLAN_A_MODE]) {
		cfg.set_mode = true;
		cfg.mode = nla_get_u32(attrs[MVLAN_A_MODE]);
		/* the policy allows known bits only: exactly one of them */
		if (!is_power_of_2(cfg.mode)) {
			NL_SET_ERR_MSG_ATTR(info->extack, attrs[MVLAN_A_MODE],
					    "MVLAN_A_MODE: exactly one mode must be given");
			return -EINVAL;
		}
	}
	if (attrs[MVLAN_A_FLAGS]) {
		cfg.set_flags = true;
		cfg.flags = nla_get_u32(attrs[MVLAN_A_FLAGS]);
	}
	if (attrs[MVLAN_A_BC_QUEUE_LEN]) {
		cfg.set_bc_queue_len = true;
		cfg.bc_queue_len = nla_get_u32(attrs[MVLAN_A_BC_QUEUE_LEN]);
	}
	if (attrs[MVLAN_A_BC_CUTOFF]) {
		cfg.set_bc_cutoff = true;
		cfg.bc_cutoff = nla_get_s32(attrs[MVLAN_A_BC_CUTOFF]);
	}

	rtnl_lock();
	vlan = mvlan_nl_get_dev(genl_info_net(info), attrs, info->extack);
	if (IS_ERR(vlan))
		err = PTR_ERR(vlan);
	else
		err = mvlan_change(vlan, &cfg, info->extack);
	rtnl_unlock();
	return err;
}

static int mvlan_nl_put_stats(struct sk_buff *skb, const struct mvlan_dev *vlan)
{
	static const int drop_attr[MVLAN_DROP_MAX] = {
		[MVLAN_DROP_DEV_DOWN]	= MVLAN_STATS_A_DROP_DEV_DOWN,
		[MVLAN_DROP_NOMEM]	= MVLAN_STATS_A_DROP_NOMEM,
		[MVLAN_DROP_FILTERED]	= MVLAN_STATS_A_DROP_FILTERED,
		[MVLAN_DROP_BACKLOG]	= MVLAN_STATS_A_DROP_BACKLOG,
	};
	struct mvlan_stats s;
	struct nlattr *nest;
	int i;

	mvlan_get_stats(vlan, &s);

	nest = nla_nest_start(skb, MVLAN_A_STATS);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u64_64bit(skb, MVLAN_STATS_A_RX_PACKETS, s.rx_packets,
			      MVLAN_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, MVLAN_STATS_A_RX_BYTES, s.rx_bytes,
			      MVLAN_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, MVLAN_STATS_A_RX_MULTICAST, s.rx_multicast,
			      MVLAN_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, MVLAN_STATS_A_RX_ERRORS, s.rx_errors,
			      MVLAN_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, MVLAN_STATS_A_RX_DROPPED, s.rx_errors,
			      MVLAN_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, MVLAN_STATS_A_TX_PACKETS, s.tx_packets,
			      MVLAN_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, MVLAN_STATS_A_TX_BYTES, s.tx_bytes,
			      MVLAN_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, MVLAN_STATS_A_TX_DROPPED, s.tx_dropped,
			      MVLAN_STATS_A_PAD))
		goto cancel;
	for (i = 0; i < MVLAN_DROP_MAX; i++) {
		if (nla_put_u64_64bit(skb, drop_attr[i], s.drops[i],
				      MVLAN_STATS_A_PAD))
			goto cancel;
	}
	nla_nest_end(skb, nest);
	return 0;

cancel:
	nla_nest_cancel(skb, nest);
	return -EMSGSIZE;
}

static int mvlan_nl_put_stats_msg(struct sk_buff *skb, const void *vlan)
{
	return mvlan_nl_put_dev_id(skb, vlan) ?: mvlan_nl_put_stats(skb, vlan);
}

static int mvlan_nl_fill_stats(struct sk_buff *skb, const struct mvlan_dev *vlan,
			       u32 portid, u32 seq, int flags,
			       struct netlink_callback *cb)
{
	return mvlan_nl_fill(skb, MVLAN_CMD_STATS_GET, mvlan_nl_put_stats_msg,
			     vlan, portid, seq, flags, cb);
}

static int mvlan_nl_stats_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct mvlan_dev *vlan;
	struct sk_buff *msg;
	int err;

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;

	rtnl_lock();
	vlan = mvlan_nl_get_dev(genl_info_net(info), info->attrs, info->extack);
	if (IS_ERR(vlan))
		err = PTR_ERR(vlan);
	else
		err = mvlan_nl_fill_stats(msg, vlan, info->snd_portid,
					  info->snd_seq, 0, NULL);
	rtnl_unlock();

	if (err) {
		nlmsg_free(msg);
		return err;
	}
	return genlmsg_reply(msg, info);
}

static int mvlan_nl_stats_dump_one(struct sk_buff *skb,
				   const struct mvlan_dev *vlan,
				   struct netlink_callback *cb)
{
	return mvlan_nl_fill_stats(skb, vlan, NETLINK_CB(cb->skb).portid,
				   cb->nlh->nlmsg_seq, NLM_F_MULTI, cb);
}

static int mvlan_nl_stats_get_dumpit(struct sk_buff *skb,
				     struct netlink_callback *cb)
{
	return mvlan_nl_dump_devs(skb, cb, mvlan_nl_stats_dump_one, 0);
}

static int mvlan_nl_put_port(struct sk_buff *skb, const struct mvlan_port *port)
{
	u32 modes[5] = {}, devices = 0, sources = 0;
	const struct mvlan_dev *vlan;
	struct nlattr *nest;
	int i;

	list_for_each_entry(vlan, &port->vlans, list) {
		devices++;
		sources += vlan->source_count;
		modes[ilog2(vlan->mode)]++;
	}

	nest = nla_nest_start(skb, MVLAN_A_PORT);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u32(skb, MVLAN_PORT_A_IFINDEX, port->dev->ifindex) ||
	    nla_put_string(skb, MVLAN_PORT_A_IFNAME, port->dev->name) ||
	    nla_put_u32(skb, MVLAN_PORT_A_DEVICES, devices))
		goto cancel;
	/* MVLAN_PORT_A_PRIVATE .. _SOURCE follow the mode bits' order */
	for (i = 0; i < ARRAY_SIZE(modes); i++) {
		if (nla_put_u32(skb, MVLAN_PORT_A_PRIVATE + i, modes[i]))
			goto cancel;
	}
	if (nla_put_u32(skb, MVLAN_PORT_A_BC_QUEUE_LEN_USED,
			READ_ONCE(port->bc_queue_len_used)) ||
	    nla_put_u32(skb, MVLAN_PORT_A_BC_QUEUE_LEN,
			skb_queue_len_lockless(&port->bc_queue)) ||
	    nla_put_s32(skb, MVLAN_PORT_A_BC_CUTOFF, port->bc_cutoff) ||
	    nla_put_u64_64bit(skb, MVLAN_PORT_A_BC_QUEUE_DROPS,
			      atomic64_read(&port->bc_queue_drops),
			      MVLAN_PORT_A_PAD) ||
	    nla_put_u32(skb, MVLAN_PORT_A_SOURCE_ENTRIES, sources))
		goto cancel;
	nla_nest_end(skb, nest);
	return 0;

cancel:
	nla_nest_cancel(skb, nest);
	return -EMSGSIZE;
}

static int mvlan_nl_put_port_msg(struct sk_buff *skb, const void *port)
{
	return mvlan_nl_put_port(skb, port);
}

static int mvlan_nl_fill_port(struct sk_buff *skb, const struct mvlan_port *port,
			      u32 portid, u32 seq, int flags,
			      struct netlink_callback *cb)
{
	return mvlan_nl_fill(skb, MVLAN_CMD_PORT_GET, mvlan_nl_put_port_msg,
			     port, portid, seq, flags, cb);
}

static int mvlan_nl_port_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *link = info->attrs[MVLAN_A_LINK];
	struct net_device *lower;
	struct sk_buff *msg;
	int err;

	if (GENL_REQ_ATTR_CHECK(info, MVLAN_A_LINK))
		return -EINVAL;

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;

	rtnl_lock();
	lower = __dev_get_by_index(genl_info_net(info), nla_get_u32(link));
	if (!lower) {
		NL_SET_ERR_MSG_ATTR(info->extack, link, "MVLAN_A_LINK: no such device");
		err = -ENODEV;
	} else if (!netif_is_mvlan_port(lower)) {
		NL_SET_ERR_MSG_ATTR(info->extack, link,
				    "MVLAN_A_LINK: no mvlan device on this device");
		err = -ENOENT;
	} else {
		err = mvlan_nl_fill_port(msg, mvlan_port_get_rtnl(lower),
					 info->snd_portid, info->snd_seq, 0, NULL);
	}
	rtnl_unlock();

	if (err) {
		nlmsg_free(msg);
		return err;
	}
	return genlmsg_reply(msg, info);
}

static int mvlan_nl_port_get_dumpit(struct sk_buff *skb,
				    struct netlink_callback *cb)
{
	struct net *net = sock_net(skb->sk);
	long start = cb->args[0], idx = 0;
	struct net_device *dev;
	int err = 0;

	rtnl_lock();
	cb->seq = net->dev_base_seq;
	for_each_netdev(net, dev) {
		if (!netif_is_mvlan_port(dev))
			continue;
		if (idx < start) {
			idx++;
			continue;
		}
		err = mvlan_nl_fill_port(skb, mvlan_port_get_rtnl(dev),
					 NETLINK_CB(cb->skb).portid,
					 cb->nlh->nlmsg_seq, NLM_F_MULTI, cb);
		if (err)
			break;
		idx++;
	}
	rtnl_unlock();

	cb->args[0] = idx;
	if (err && !skb->len)
		return err;
	return skb->len;
}

/* Tell the "events" group of the device's netns about it. Under RTNL. */
void mvlan_nl_notify_dev(struct net_device *dev, u8 cmd)
{
	struct net *net = dev_net(dev);
	struct sk_buff *msg;

	if (!genl_has_listeners(&mvlan_genl_family, net, MVLAN_NL_MCGRP_EVENTS))
		return;

	msg = genlmsg_new(mvlan_nl_dev_size(), GFP_KERNEL);
	if (!msg)
		return;
	if (mvlan_nl_fill_dev(msg, netdev_priv(dev), cmd, 0, 0, 0, NULL)) {
		nlmsg_free(msg);
		return;
	}
	genlmsg_multicast_netns(&mvlan_genl_family, net, msg, 0,
				MVLAN_NL_MCGRP_EVENTS, GFP_KERNEL);
}

/* The source list of @vlan changed. Under RTNL. */
void mvlan_nl_notify_source(struct mvlan_dev *vlan, u32 added, u32 removed)
{
	struct net *net = dev_net(vlan->dev);
	struct sk_buff *msg;
	void *hdr;

	if (!genl_has_listeners(&mvlan_genl_family, net, MVLAN_NL_MCGRP_EVENTS))
		return;

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return;
	hdr = genlmsg_put(msg, 0, 0, &mvlan_genl_family, 0,
			  MVLAN_CMD_SOURCE_CHANGE);
	if (!hdr ||
	    mvlan_nl_put_dev_id(msg, vlan) ||
	    nla_put_u32(msg, MVLAN_A_SOURCE_COUNT, vlan->source_count) ||
	    nla_put_u32(msg, MVLAN_A_SOURCE_ADDED, added) ||
	    nla_put_u32(msg, MVLAN_A_SOURCE_REMOVED, removed)) {
		nlmsg_free(msg);
		return;
	}
	genlmsg_end(msg, hdr);
	genlmsg_multicast_netns(&mvlan_genl_family, net, msg, 0,
				MVLAN_NL_MCGRP_EVENTS, GFP_KERNEL);
}

static const struct genl_ops mvlan_genl_ops[] = {
	{
		.cmd		= MVLAN_CMD_DEV_GET,
		.doit		= mvlan_nl_dev_get_doit,
		.dumpit		= mvlan_nl_dev_get_dumpit,
		.policy		= mvlan_dev_get_policy,
		.maxattr	= MVLAN_A_MAX,
	},
	{
		.cmd		= MVLAN_CMD_DEV_SET,
		.flags		= GENL_UNS_ADMIN_PERM,
		.doit		= mvlan_nl_dev_set_doit,
		.policy		= mvlan_dev_set_policy,
		.maxattr	= MVLAN_A_MAX,
	},
	{
		.cmd		= MVLAN_CMD_SOURCE_ADD,
		.flags		= GENL_UNS_ADMIN_PERM,
		.doit		= mvlan_nl_source_add_doit,
		.policy		= mvlan_source_list_policy,
		.maxattr	= MVLAN_A_MAX,
	},
	{
		.cmd		= MVLAN_CMD_SOURCE_DEL,
		.flags		= GENL_UNS_ADMIN_PERM,
		.doit		= mvlan_nl_source_del_doit,
		.policy		= mvlan_source_list_policy,
		.maxattr	= MVLAN_A_MAX,
	},
	{
		.cmd		= MVLAN_CMD_SOURCE_FLUSH,
		.flags		= GENL_UNS_ADMIN_PERM,
		.doit		= mvlan_nl_source_flush_doit,
		.policy		= mvlan_dev_policy,
		.maxattr	= MVLAN_A_MAX,
	},
	{
		.cmd		= MVLAN_CMD_SOURCE_SET,
		.flags		= GENL_UNS_ADMIN_PERM,
		.doit		= mvlan_nl_source_set_doit,
		.policy		= mvlan_source_set_policy,
		.maxattr	= MVLAN_A_MAX,
	},
	{
		.cmd		= MVLAN_CMD_SOURCE_GET,
		.dumpit		= mvlan_nl_source_get_dumpit,
		.policy		= mvlan_dev_policy,
		.maxattr	= MVLAN_A_MAX,
	},
	{
		.cmd		= MVLAN_CMD_STATS_GET,
		.doit		= mvlan_nl_stats_get_doit,
		.dumpit		= mvlan_nl_stats_get_dumpit,
		.policy		= mvlan_dev_policy,
		.maxattr	= MVLAN_A_MAX,
	},
	{
		.cmd		= MVLAN_CMD_PORT_GET,
		.doit		= mvlan_nl_port_get_doit,
		.dumpit		= mvlan_nl_port_get_dumpit,
		.policy		= mvlan_port_get_policy,
		.maxattr	= MVLAN_A_MAX,
	},
};

static const struct genl_multicast_group mvlan_genl_mcgrps[] = {
	[MVLAN_NL_MCGRP_EVENTS] = { .name = MVLAN_MCGRP_EVENTS },
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
