// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mvlan: the source list commands of the generic netlink family:
 * SOURCE_ADD, SOURCE_DEL, SOURCE_FLUSH, SOURCE_SET and the SOURCE_GET dump.
 */
#include <linux/etherdevice.h>
#include <linux/rtnetlink.h>
#include <net/genetlink.h>
#include <net/netlink.h>
#include <net/sock.h>

#include "mvlan_priv.h"
#include "netlink.h"

static const struct nla_policy mvlan_source_entry_policy[MVLAN_SOURCE_A_MAX + 1] = {
	[MVLAN_SOURCE_A_ADDR]	= NLA_POLICY_ETH_ADDR,
};

const struct nla_policy mvlan_source_list_policy[MVLAN_A_MAX + 1] = {
	MVLAN_NL_DEV_POLICY,
	[MVLAN_A_SOURCE]	= NLA_POLICY_NESTED(mvlan_source_entry_policy),
};

const struct nla_policy mvlan_source_set_policy[MVLAN_A_MAX + 1] = {
	MVLAN_NL_DEV_POLICY,
	[MVLAN_A_SOURCE]	= NLA_POLICY_NESTED(mvlan_source_entry_policy),
	[MVLAN_A_SOURCE_SET_FLAGS] = NLA_POLICY_MASK(NLA_U32, MVLAN_SOURCE_SET_F_ALL),
};

/*
 * The address in one MVLAN_A_SOURCE, which the policy has validated, or
 * NULL after an extack message.
 */
static const u8 *mvlan_nl_source_addr(const struct nlattr *attr,
				      struct netlink_ext_ack *extack)
{
	struct nlattr *tb[MVLAN_SOURCE_A_MAX + 1];
	const u8 *addr;

	if (nla_parse_nested(tb, MVLAN_SOURCE_A_MAX, attr,
			     mvlan_source_entry_policy, extack))
		return NULL;
	if (!tb[MVLAN_SOURCE_A_ADDR]) {
		NL_SET_ERR_MSG_ATTR(extack, attr,
				    "MVLAN_A_SOURCE: MVLAN_SOURCE_A_ADDR is required");
		return NULL;
	}
	addr = nla_data(tb[MVLAN_SOURCE_A_ADDR]);
	if (!is_valid_ether_addr(addr)) {
		NL_SET_ERR_MSG_ATTR(extack, tb[MVLAN_SOURCE_A_ADDR],
				    "MVLAN_SOURCE_A_ADDR: not a unicast address");
		return NULL;
	}
	return addr;
}

/* Every address of the request is good: then nothing fails halfway. */
static int mvlan_nl_source_check(struct genl_info *info)
{
	const struct nlattr *attr;
	int rem;

	nla_for_each_attr(attr, genlmsg_data(info->genlhdr),
			  genlmsg_len(info->genlhdr), rem) {
		if (nla_type(attr) != MVLAN_A_SOURCE)
			continue;
		if (!mvlan_nl_source_addr(attr, info->extack))
			return -EINVAL;
	}
	return 0;
}

/* The source-mode device of the request, under RTNL. */
static struct mvlan_dev *mvlan_nl_source_dev(struct genl_info *info)
{
	struct mvlan_dev *vlan;

	vlan = mvlan_nl_get_dev(genl_info_net(info), info->attrs, info->extack);
	if (IS_ERR(vlan))
		return vlan;
	if (vlan->mode != MVLAN_MODE_SOURCE) {
		NL_SET_ERR_MSG(info->extack,
			       "the device is not in source mode");
		return ERR_PTR(-EINVAL);
	}
	return vlan;
}

typedef int (*mvlan_source_op)(struct mvlan_dev *vlan, const u8 *addr);

/* SOURCE_ADD and SOURCE_DEL: @op on each address, counting the changes. */
static int mvlan_nl_source_each(struct genl_info *info, mvlan_source_op op,
				bool add)
{
	const struct nlattr *attr;
	struct mvlan_dev *vlan;
	u32 changed = 0;
	int rem, ret;

	ret = mvlan_nl_source_check(info);
	if (ret)
		return ret;

	rtnl_lock();
	vlan = mvlan_nl_source_dev(info);
	if (IS_ERR(vlan)) {
		ret = PTR_ERR(vlan);
		goto unlock;
	}

	nla_for_each_attr(attr, genlmsg_data(info->genlhdr),
			  genlmsg_len(info->genlhdr), rem) {
		if (nla_type(attr) != MVLAN_A_SOURCE)
			continue;
		ret = op(vlan, mvlan_nl_source_addr(attr, NULL));
		if (ret < 0)
			break;
		changed += ret;
		ret = 0;
	}
	if (changed)
		mvlan_nl_notify_source(vlan, add ? changed : 0, add ? 0 : changed);
unlock:
	rtnl_unlock();
	return ret;
}

int mvlan_nl_source_add_doit(struct sk_buff *skb, struct genl_info *info)
{
	return mvlan_nl_source_each(info, mvlan_source_add, true);
}

int mvlan_nl_source_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	return mvlan_nl_source_each(info, mvlan_source_del, false);
}

int mvlan_nl_source_flush_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct mvlan_dev *vlan;
	u32 removed;
	int err = 0;

	rtnl_lock();
	vlan = mvlan_nl_source_dev(info);
	if (IS_ERR(vlan)) {
		err = PTR_ERR(vlan);
	} else {
		removed = mvlan_source_flush(vlan);
		if (removed)
			mvlan_nl_notify_source(vlan, 0, removed);
	}
	rtnl_unlock();
	return err;
}

static int mvlan_nl_source_stage(struct genl_info *info, struct mvlan_dev *vlan,
				 u32 flags)
{
	struct mvlan_source_txn *txn;
	const struct nlattr *attr;
	u32 old_count, new_count;
	int rem, err;

	txn = mvlan_source_txn_get(vlan, genl_info_net(info), info->snd_portid,
				   flags, info->extack);
	if (IS_ERR(txn))
		return PTR_ERR(txn);

	nla_for_each_attr(attr, genlmsg_data(info->genlhdr),
			  genlmsg_len(info->genlhdr), rem) {
		if (nla_type(attr) != MVLAN_A_SOURCE)
			continue;
		err = mvlan_source_txn_add(txn, mvlan_nl_source_addr(attr, NULL));
		if (err) {
			NL_SET_ERR_MSG(info->extack,
				       "cannot stage the new source list; the old one stays");
			mvlan_source_txn_abort(vlan);
			return err;
		}
	}

	if (!(flags & MVLAN_SOURCE_SET_F_MORE)) {
		mvlan_source_txn_commit(txn, &old_count, &new_count);
		mvlan_nl_notify_source(vlan, new_count, old_count);
	}
	return 0;
}

int mvlan_nl_source_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *flags_attr = info->attrs[MVLAN_A_SOURCE_SET_FLAGS];
	u32 flags = flags_attr ? nla_get_u32(flags_attr) : 0;
	struct mvlan_dev *vlan;
	int err;

	rtnl_lock();
	vlan = mvlan_nl_source_dev(info);
	if (IS_ERR(vlan)) {
		err = PTR_ERR(vlan);
		goto unlock;
	}

	err = mvlan_nl_source_check(info);
	if (err) {
		/* a transaction dies with its first bad message */
		if (flags & MVLAN_SOURCE_SET_F_CONTINUE)
			mvlan_source_txn_abort(vlan);
		goto unlock;
	}
	err = mvlan_nl_source_stage(info, vlan, flags);
unlock:
	rtnl_unlock();
	return err;
}

/*
 * SOURCE_GET dump state in cb->args: the device's ifindex, how many entries
 * were sent, the next entry and the list's source_seq when it was saved,
 * and whether the list is done. The saved entry is only used while the list
 * has not changed; otherwise the dump goes on by position and the messages
 * are flagged NLM_F_DUMP_INTR.
 */
enum {
	MVLAN_SRC_CB_IFINDEX,
	MVLAN_SRC_CB_SENT,
	MVLAN_SRC_CB_NEXT,
	MVLAN_SRC_CB_SEQ,
	MVLAN_SRC_CB_DONE,
};

/*
 * The device of a SOURCE_GET dump: named by the request on the first call
 * (errors then carry an extack on every kernel, unlike errors of a dump's
 * start callback before 6.3), by its ifindex on the following ones.
 */
static struct mvlan_dev *mvlan_nl_source_get_dev(struct sk_buff *skb,
						 struct netlink_callback *cb)
{
	struct net_device *dev;
	struct mvlan_dev *vlan;

	if (!cb->args[MVLAN_SRC_CB_IFINDEX]) {
		vlan = mvlan_nl_get_dev(sock_net(skb->sk), mvlan_nl_dump_attrs(cb),
					cb->extack);
		if (!IS_ERR(vlan))
			cb->args[MVLAN_SRC_CB_IFINDEX] = vlan->dev->ifindex;
		return vlan;
	}

	dev = __dev_get_by_index(sock_net(skb->sk), cb->args[MVLAN_SRC_CB_IFINDEX]);
	if (!dev || !netif_is_mvlan(dev)) {
		NL_SET_ERR_MSG(cb->extack, "the device went away during the dump");
		return ERR_PTR(-ENODEV);
	}
	return netdev_priv(dev);
}

static int mvlan_nl_put_source(struct sk_buff *skb,
			       const struct mvlan_source_entry *entry)
{
	struct mvlan_source_info info;
	struct nlattr *nest;

	mvlan_source_entry_info(entry, &info);
	nest = nla_nest_start(skb, MVLAN_A_SOURCE);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put(skb, MVLAN_SOURCE_A_ADDR, ETH_ALEN, info.addr) ||
	    nla_put_u64_64bit(skb, MVLAN_SOURCE_A_PACKETS, info.packets,
			      MVLAN_SOURCE_A_PAD) ||
	    nla_put_u64_64bit(skb, MVLAN_SOURCE_A_BYTES, info.bytes,
			      MVLAN_SOURCE_A_PAD) ||
	    (info.seen &&
	     nla_put_u64_64bit(skb, MVLAN_SOURCE_A_LAST_SEEN, info.last_seen_ms,
			       MVLAN_SOURCE_A_PAD))) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

int mvlan_nl_source_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct mvlan_source_entry *entry;
	struct mvlan_dev *vlan;
	unsigned long sent = 0;
	int err = 0;
	void *hdr;

	if (cb->args[MVLAN_SRC_CB_DONE])
		return 0;

	rtnl_lock();
	vlan = mvlan_nl_source_get_dev(skb, cb);
	if (IS_ERR(vlan)) {
		err = PTR_ERR(vlan);
		goto unlock;
	}

	cb->seq = vlan->source_seq;
	if (cb->args[MVLAN_SRC_CB_NEXT] &&
	    cb->args[MVLAN_SRC_CB_SEQ] == vlan->source_seq)
		entry = (struct mvlan_source_entry *)cb->args[MVLAN_SRC_CB_NEXT];
	else
		entry = mvlan_source_nth(vlan, cb->args[MVLAN_SRC_CB_SENT]);

	hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
			  &mvlan_genl_family, NLM_F_MULTI, MVLAN_CMD_SOURCE_GET);
	if (!hdr) {
		err = -EMSGSIZE;
		goto unlock;
	}
	genl_dump_check_consistent(cb, hdr);
	if (mvlan_nl_put_dev_id(skb, vlan)) {
		genlmsg_cancel(skb, hdr);
		err = -EMSGSIZE;
		goto unlock;
	}
	for (; entry; entry = mvlan_source_next(vlan, entry)) {
		if (mvlan_nl_put_source(skb, entry))
			break;
		sent++;
	}
	genlmsg_end(skb, hdr);

	cb->args[MVLAN_SRC_CB_SENT] += sent;
	cb->args[MVLAN_SRC_CB_NEXT] = (long)entry;
	cb->args[MVLAN_SRC_CB_SEQ] = vlan->source_seq;
	cb->args[MVLAN_SRC_CB_DONE] = !entry;
unlock:
	rtnl_unlock();
	return err ? err : skb->len;
}
