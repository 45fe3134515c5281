// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mvlan: devices, their statistics and ports as the generic netlink family
 * shows them: one fill function an object, for replies, dumps and events
 * alike, and the DEV_GET, DEV_SET, STATS_GET and PORT_GET commands.
 */
#include <linux/log2.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <net/genetlink.h>
#include <net/net_namespace.h>
#include <net/netlink.h>
#include <net/rtnetlink.h>

#include "mvlan_priv.h"
#include "netlink.h"

/* MVLAN_STATS_A_DROP_* follow enum mvlan_drop_reason */
#define MVLAN_NL_DROP_ATTR(why)	(MVLAN_STATS_A_DROP_DEV_DOWN + (why))

/* The settings mvlan_config_parse() reads from a DEV_SET request */
#define MVLAN_NL_SETTINGS	(BIT(MVLAN_A_MODE) | BIT(MVLAN_A_FLAGS) | \
				 BIT(MVLAN_A_BC_QUEUE_LEN) | BIT(MVLAN_A_BC_CUTOFF))

static size_t mvlan_nl_dev_size(void)
{
	return nla_total_size(sizeof(u32)) +	/* MVLAN_A_IFINDEX */
	       nla_total_size(IFNAMSIZ) +	/* MVLAN_A_IFNAME */
	       nla_total_size(sizeof(u32)) +	/* MVLAN_A_LINK */
	       nla_total_size(sizeof(s32)) +	/* MVLAN_A_LINK_NETNSID */
	       nla_total_size(ETH_ALEN) +	/* MVLAN_A_ADDRESS */
	       nla_total_size(IFNAMSIZ) +	/* MVLAN_A_KIND: "mvlan", "mvtap" */
	       mvlan_config_size();
}

/* A device as DEV_GET shows it, and the DEV_NEW, _DEL and _CHANGE events. */
static int mvlan_nl_fill_dev(struct sk_buff *skb, const struct mvlan_nl_dest *to,
			     const struct net_device *dev)
{
	const struct mvlan_dev *vlan = netdev_priv(dev);
	struct net *lower_net = dev_net(vlan->lowerdev);
	struct net *net = dev_net(dev);
	void *hdr;

	hdr = mvlan_nl_msg_start(skb, to);
	if (!hdr)
		return -EMSGSIZE;
	if (mvlan_nl_put_dev_id(skb, vlan) ||
	    nla_put_u32(skb, MVLAN_A_LINK, vlan->lowerdev->ifindex) ||
	    nla_put(skb, MVLAN_A_ADDRESS, ETH_ALEN, dev->dev_addr) ||
	    nla_put_string(skb, MVLAN_A_KIND, dev->rtnl_link_ops->kind) ||
	    mvlan_config_fill(skb, vlan, &mvlan_genl_config_attrs) ||
	    (!net_eq(net, lower_net) &&
	     nla_put_s32(skb, MVLAN_A_LINK_NETNSID,
			 peernet2id_alloc(net, lower_net, GFP_KERNEL))))
		return mvlan_nl_msg_cancel(skb, hdr);
	genlmsg_end(skb, hdr);
	return 0;
}

/*
 * The counters of @s as MVLAN_STATS_A_*: what ndo_get_stats64 reports (its
 * rx_dropped is rx_errors, as macvlan's), then the drops by reason.
 */
static int mvlan_nl_put_counters(struct sk_buff *skb, const struct mvlan_stats *s)
{
	const struct {
		int	type;
		u64	value;
	} counters[] = {
		{ MVLAN_STATS_A_RX_PACKETS,	s->rx_packets },
		{ MVLAN_STATS_A_RX_BYTES,	s->rx_bytes },
		{ MVLAN_STATS_A_RX_MULTICAST,	s->rx_multicast },
		{ MVLAN_STATS_A_RX_ERRORS,	s->rx_errors },
		{ MVLAN_STATS_A_RX_DROPPED,	s->rx_errors },
		{ MVLAN_STATS_A_TX_PACKETS,	s->tx_packets },
		{ MVLAN_STATS_A_TX_BYTES,	s->tx_bytes },
		{ MVLAN_STATS_A_TX_DROPPED,	s->tx_dropped },
	};
	int i;

	BUILD_BUG_ON(MVLAN_DROP_DEV_DOWN != 0);
	BUILD_BUG_ON(MVLAN_NL_DROP_ATTR(MVLAN_DROP_NOMEM) != MVLAN_STATS_A_DROP_NOMEM);
	BUILD_BUG_ON(MVLAN_NL_DROP_ATTR(MVLAN_DROP_FILTERED) != MVLAN_STATS_A_DROP_FILTERED);
	BUILD_BUG_ON(MVLAN_NL_DROP_ATTR(MVLAN_DROP_BACKLOG) != MVLAN_STATS_A_DROP_BACKLOG);
	/* a new reason needs a new attribute, at the end */
	BUILD_BUG_ON(MVLAN_NL_DROP_ATTR(MVLAN_DROP_MAX) != __MVLAN_STATS_A_MAX);

	for (i = 0; i < ARRAY_SIZE(counters); i++) {
		if (nla_put_u64_64bit(skb, counters[i].type, counters[i].value,
				      MVLAN_STATS_A_PAD))
			return -EMSGSIZE;
	}
	for (i = 0; i < MVLAN_DROP_MAX; i++) {
		if (nla_put_u64_64bit(skb, MVLAN_NL_DROP_ATTR(i), s->drops[i],
				      MVLAN_STATS_A_PAD))
			return -EMSGSIZE;
	}
	return 0;
}

/* A device's counters: STATS_GET. */
static int mvlan_nl_fill_stats(struct sk_buff *skb, const struct mvlan_nl_dest *to,
			       const struct net_device *dev)
{
	const struct mvlan_dev *vlan = netdev_priv(dev);
	struct mvlan_stats s;
	struct nlattr *nest;
	void *hdr;

	mvlan_get_stats(vlan, &s);

	hdr = mvlan_nl_msg_start(skb, to);
	if (!hdr)
		return -EMSGSIZE;
	if (mvlan_nl_put_dev_id(skb, vlan))
		return mvlan_nl_msg_cancel(skb, hdr);
	nest = nla_nest_start(skb, MVLAN_A_STATS);
	if (!nest || mvlan_nl_put_counters(skb, &s))
		return mvlan_nl_msg_cancel(skb, hdr);
	nla_nest_end(skb, nest);
	genlmsg_end(skb, hdr);
	return 0;
}

/* A port, by its lower device @lower: PORT_GET. */
static int mvlan_nl_fill_port(struct sk_buff *skb, const struct mvlan_nl_dest *to,
			      const struct net_device *lower)
{
	const struct mvlan_port *port = mvlan_port_get_rtnl(lower);
	u32 modes[MVLAN_PORT_A_SOURCE - MVLAN_PORT_A_PRIVATE + 1] = {};
	u32 devices = 0, sources = 0;
	const struct mvlan_dev *vlan;
	struct nlattr *nest;
	void *hdr;
	int i;

	/* MVLAN_PORT_A_PRIVATE .. _SOURCE follow the mode bits' order */
	BUILD_BUG_ON(MVLAN_PORT_A_PRIVATE + ilog2(MVLAN_MODE_PRIVATE) != MVLAN_PORT_A_PRIVATE);
	BUILD_BUG_ON(MVLAN_PORT_A_PRIVATE + ilog2(MVLAN_MODE_VEPA) != MVLAN_PORT_A_VEPA);
	BUILD_BUG_ON(MVLAN_PORT_A_PRIVATE + ilog2(MVLAN_MODE_BRIDGE) != MVLAN_PORT_A_BRIDGE);
	BUILD_BUG_ON(MVLAN_PORT_A_PRIVATE + ilog2(MVLAN_MODE_PASSTHRU) != MVLAN_PORT_A_PASSTHRU);
	BUILD_BUG_ON(MVLAN_PORT_A_PRIVATE + ilog2(MVLAN_MODE_SOURCE) != MVLAN_PORT_A_SOURCE);
	BUILD_BUG_ON(MVLAN_MODE_ALL != (MVLAN_MODE_SOURCE << 1) - 1);

	list_for_each_entry(vlan, &port->vlans, list) {
		devices++;
		sources += vlan->source_count;
		modes[ilog2(vlan->mode)]++;
	}

	hdr = mvlan_nl_msg_start(skb, to);
	if (!hdr)
		return -EMSGSIZE;
	nest = nla_nest_start(skb, MVLAN_A_PORT);
	if (!nest ||
	    nla_put_u32(skb, MVLAN_PORT_A_IFINDEX, lower->ifindex) ||
	    nla_put_string(skb, MVLAN_PORT_A_IFNAME, lower->name) ||
	    nla_put_u32(skb, MVLAN_PORT_A_DEVICES, devices))
		return mvlan_nl_msg_cancel(skb, hdr);
	for (i = 0; i < ARRAY_SIZE(modes); i++) {
		if (nla_put_u32(skb, MVLAN_PORT_A_PRIVATE + i, modes[i]))
			return mvlan_nl_msg_cancel(skb, hdr);
	}
	if (nla_put_u32(skb, MVLAN_PORT_A_BC_QUEUE_LEN_USED,
			READ_ONCE(port->bc_queue_len_used)) ||
	    nla_put_u32(skb, MVLAN_PORT_A_BC_QUEUE_LEN,
			skb_queue_len_lockless(&port->bc_queue)) ||
	    nla_put_s32(skb, MVLAN_PORT_A_BC_CUTOFF, port->bc_cutoff) ||
	    nla_put_u64_64bit(skb, MVLAN_PORT_A_BC_QUEUE_DROPS,
			      atomic64_read(&port->bc_queue_drops),
			      MVLAN_PORT_A_PAD) ||
	    nla_put_u32(skb, MVLAN_PORT_A_SOURCE_ENTRIES, sources) ||
	    nla_put_u32(skb, MVLAN_PORT_A_DEV_BUCKETS,
			mvlan_htable_size(&port->vlan_hash)) ||
	    nla_put_u32(skb, MVLAN_PORT_A_SOURCE_BUCKETS,
			mvlan_htable_size(&port->source_hash)))
		return mvlan_nl_msg_cancel(skb, hdr);
	nla_nest_end(skb, nest);
	genlmsg_end(skb, hdr);
	return 0;
}

/* The GET commands, which the ops table routes to the two handlers below */
static const struct mvlan_nl_get mvlan_nl_gets[] = {
	[MVLAN_CMD_DEV_GET] = {
		.what		= MVLAN_NL_DEV,
		.do_attrs	= MVLAN_DEV_GET_DO_ATTRS,
		.dump_attrs	= MVLAN_DEV_GET_DUMP_ATTRS,
		.fill		= mvlan_nl_fill_dev,
	},
	[MVLAN_CMD_STATS_GET] = {
		.what		= MVLAN_NL_DEV,
		.do_attrs	= MVLAN_STATS_GET_DO_ATTRS,
		.dump_attrs	= MVLAN_STATS_GET_DUMP_ATTRS,
		.fill		= mvlan_nl_fill_stats,
	},
	[MVLAN_CMD_PORT_GET] = {
		.what		= MVLAN_NL_PORT,
		.do_attrs	= MVLAN_PORT_GET_DO_ATTRS,
		.dump_attrs	= MVLAN_PORT_GET_DUMP_ATTRS,
		.fill		= mvlan_nl_fill_port,
	},
};

int mvlan_nl_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	return mvlan_nl_reply(info, &mvlan_nl_gets[info->genlhdr->cmd]);
}

int mvlan_nl_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	const struct genlmsghdr *hdr = nlmsg_data(cb->nlh);

	return mvlan_nl_dump(skb, cb, &mvlan_nl_gets[hdr->cmd]);
}

int mvlan_nl_dev_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct mvlan_config cfg;
	struct mvlan_dev *vlan;
	int err;

	/* info->attrs[] reaches the settings: the request takes them all */
	BUILD_BUG_ON((MVLAN_DEV_SET_DO_ATTRS & MVLAN_NL_SETTINGS) != MVLAN_NL_SETTINGS);

	err = mvlan_config_parse(&cfg, info->attrs, &mvlan_genl_config_attrs,
				 info->extack);
	if (err)
		return err;

	rtnl_lock();
	vlan = mvlan_nl_get_dev(genl_info_net(info), info->attrs, info->extack);
	if (IS_ERR(vlan))
		err = PTR_ERR(vlan);
	else
		err = mvlan_change(vlan, &cfg, info->extack);
	rtnl_unlock();
	return err;
}

/* Tell the "events" group of the device's netns about it. */
void mvlan_nl_notify_dev(struct net_device *dev, u8 cmd)
{
	struct mvlan_nl_dest to = { .cmd = cmd };
	struct net *net = dev_net(dev);
	struct sk_buff *msg;

	msg = mvlan_nl_event_new(net, mvlan_nl_dev_size());
	if (msg)
		mvlan_nl_event_send(net, msg, mvlan_nl_fill_dev(msg, &to, dev));
}
