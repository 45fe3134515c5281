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

/*
 * The address in one MVLAN_A_SOURCE, which the policy has validated, or
 * NULL after an extack message. Requests carry the address only: the
 * counters of the nest are for dumps.
 */
static const u8 *mvlan_nl_source_addr(const struct nlattr *attr,
				      struct netlink_ext_ack *extack)
{
	struct nlattr *tb[ARRAY_SIZE(mvlan_source_nl_policy)];
	const u8 *addr;
	int i;

	/* the counters are the rest of the set */
	BUILD_BUG_ON(MVLAN_SOURCE_A_ADDR + 1 != MVLAN_SOURCE_A_PACKETS);
	BUILD_BUG_ON(ARRAY_SIZE(tb) != __MVLAN_SOURCE_A_MAX);

	if (nla_parse_nested(tb, ARRAY_SIZE(tb) - 1, attr, mvlan_source_nl_policy,
			     extack))
		return NULL;
	if (NL_REQ_ATTR_CHECK(extack, attr, tb, MVLAN_SOURCE_A_ADDR)) {
		NL_SET_ERR_MSG_ATTR(extack, attr,
				    "MVLAN_A_SOURCE: MVLAN_SOURCE_A_ADDR is required");
		return NULL;
	}
	for (i = MVLAN_SOURCE_A_PACKETS; i < ARRAY_SIZE(tb); i++) {
		if (tb[i]) {
			NL_SET_ERR_MSG_ATTR(extack, tb[i],
					    "MVLAN_A_SOURCE: its counters are read only");
			return NULL;
		}
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

/* The source-mode device of the request. */
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

/* SOURCE_ADD and SOURCE_DEL: @op on each address, counting the changes. */
static int mvlan_nl_source_each(struct genl_info *info, struct mvlan_dev *vlan,
				int (*op)(struct mvlan_dev *vlan, const u8 *addr),
				bool add)
{
	const struct nlattr *attr;
	u32 changed = 0;
	int rem, ret = 0;

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
	return ret;
}

static void mvlan_nl_source_flush(struct mvlan_dev *vlan)
{
	u32 removed = mvlan_source_flush(vlan);

	if (removed)
		mvlan_nl_notify_source(vlan, 0, removed);
}

/* SOURCE_SET: stage the message's addresses; the last message commits. */
static int mvlan_nl_source_set(struct genl_info *info, struct mvlan_dev *vlan)
{
	struct nlattr *flags_attr = info->attrs[MVLAN_A_SOURCE_SET_FLAGS];
	u32 flags = flags_attr ? nla_get_u32(flags_attr) : 0;
	struct mvlan_source_txn *txn;
	const struct nlattr *attr;
	u32 old_count, new_count;
	int rem, err;

	err = mvlan_nl_source_check(info);
	if (err) {
		/* a transaction dies with its first bad message */
		if (flags & MVLAN_SOURCE_SET_F_CONTINUE)
			mvlan_source_txn_abort(vlan);
		return err;
	}

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

enum mvlan_nl_source_cmd {
	MVLAN_NL_SOURCE_ADD,
	MVLAN_NL_SOURCE_DEL,
	MVLAN_NL_SOURCE_FLUSH,
	MVLAN_NL_SOURCE_SET,
};

/* The changes of a source list, under RTNL on the request's device. */
static int mvlan_nl_source_change(struct genl_info *info,
				  enum mvlan_nl_source_cmd cmd)
{
	struct mvlan_dev *vlan;
	int err = 0;

	/* SET checks its addresses on the device: a bad one ends its transaction */
	if (cmd == MVLAN_NL_SOURCE_ADD || cmd == MVLAN_NL_SOURCE_DEL) {
		err = mvlan_nl_source_check(info);
		if (err)
			return err;
	}

	rtnl_lock();
	vlan = mvlan_nl_source_dev(info);
	if (IS_ERR(vlan))
		err = PTR_ERR(vlan);
	else if (cmd == MVLAN_NL_SOURCE_ADD)
		err = mvlan_nl_source_each(info, vlan, mvlan_source_add, true);
	else if (cmd == MVLAN_NL_SOURCE_DEL)
		err = mvlan_nl_source_each(info, vlan, mvlan_source_del, false);
	else if (cmd == MVLAN_NL_SOURCE_FLUSH)
		mvlan_nl_source_flush(vlan);
	else
		err = mvlan_nl_source_set(info, vlan);
	rtnl_unlock();
	return err;
}

int mvlan_nl_source_add_doit(struct sk_buff *skb, struct genl_info *info)
{
	return mvlan_nl_source_change(info, MVLAN_NL_SOURCE_ADD);
}

int mvlan_nl_source_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	return mvlan_nl_source_change(info, MVLAN_NL_SOURCE_DEL);
}

int mvlan_nl_source_flush_doit(struct sk_buff *skb, struct genl_info *info)
{
	return mvlan_nl_source_change(info, MVLAN_NL_SOURCE_FLUSH);
}

int mvlan_nl_source_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	return mvlan_nl_source_change(info, MVLAN_NL_SOURCE_SET);
}

/* SOURCE_CHANGE: the list of @vlan lost @removed entries and got @added. */
static int mvlan_nl_fill_source_change(struct sk_buff *skb,
				       const struct mvlan_nl_dest *to,
				       const struct mvlan_dev *vlan,
				       u32 added, u32 removed)
{
	void *hdr;

	hdr = mvlan_nl_msg_start(skb, to);
	if (!hdr)
		return -EMSGSIZE;
	if (mvlan_nl_put_dev_id(skb, vlan) ||
	    nla_put_u32(skb, MVLAN_A_SOURCE_COUNT, vlan->source_count) ||
	    nla_put_u32(skb, MVLAN_A_SOURCE_ADDED, added) ||
	    nla_put_u32(skb, MVLAN_A_SOURCE_REMOVED, removed))
		return mvlan_nl_msg_cancel(skb, hdr);
	genlmsg_end(skb, hdr);
	return 0;
}

/* The source list of @vlan changed: tell the "events" group. */
void mvlan_nl_notify_source(struct mvlan_dev *vlan, u32 added, u32 removed)
{
	struct mvlan_nl_dest to = { .cmd = MVLAN_CMD_SOURCE_CHANGE };
	struct net *net = dev_net(vlan->dev);
	struct sk_buff *msg;
	int err;

	msg = mvlan_nl_event_new(net, NLMSG_GOODSIZE);
	if (!msg)
		return;
	err = mvlan_nl_fill_source_change(msg, &to, vlan, added, removed);
	mvlan_nl_event_send(net, msg, err);
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
	__MVLAN_SRC_CB_MAX,
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
		vlan = mvlan_nl_get_dev(sock_net(skb->sk), mvlan_genl_dump_attrs(cb),
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

/* A u64 attribute at @a, unaligned: the next attribute's place. */
static struct nlattr *mvlan_nl_fill_u64(struct nlattr *a, int type, u64 value)
{
	a->nla_type = type;
	a->nla_len = nla_attr_size(sizeof(value));
	memcpy(nla_data(a), &value, sizeof(value));
	return (struct nlattr *)((char *)a + nla_total_size(sizeof(value)));
}

/*
 * An entry where 64-bit values need no alignment: the nest reserved at
 * once and written in place, not attribute by attribute (a dump of a
 * million entries spent most of its time in nla_put()). The same bytes
 * as the general way below.
 */
static int mvlan_nl_put_source_flat(struct sk_buff *skb,
				    const struct mvlan_source_info *info)
{
	int len = nla_total_size(ETH_ALEN) +
		  (info->seen ? 3 : 2) * nla_total_size(sizeof(u64));
	struct nlattr *nest, *a;

	if (skb_tailroom(skb) < nla_total_size(len))
		return -EMSGSIZE;
	nest = skb_put(skb, nla_total_size(len));
	nest->nla_type = NLA_F_NESTED | MVLAN_A_SOURCE;
	nest->nla_len = nla_attr_size(len);
	a = nla_data(nest);
	a->nla_type = MVLAN_SOURCE_A_ADDR;
	a->nla_len = nla_attr_size(ETH_ALEN);
	memset(nla_data(a), 0, nla_total_size(ETH_ALEN) - NLA_HDRLEN);
	ether_addr_copy(nla_data(a), info->addr);
	a = (struct nlattr *)((char *)a + nla_total_size(ETH_ALEN));
	a = mvlan_nl_fill_u64(a, MVLAN_SOURCE_A_PACKETS, info->packets);
	a = mvlan_nl_fill_u64(a, MVLAN_SOURCE_A_BYTES, info->bytes);
	if (info->seen)
		mvlan_nl_fill_u64(a, MVLAN_SOURCE_A_LAST_SEEN, info->last_seen_ms);
	return 0;
}

/* One entry of a source list, with its counters. */
static int mvlan_nl_put_source(struct sk_buff *skb,
			       const struct mvlan_source_entry *entry)
{
	struct mvlan_source_info info;
	struct nlattr *nest;

	mvlan_source_entry_info(entry, &info);
	if (IS_ENABLED(CONFIG_HAVE_EFFICIENT_UNALIGNED_ACCESS))
		return mvlan_nl_put_source_flat(skb, &info);

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

/*
 * A SOURCE_GET message: @vlan's entries from *@entry on, as many as fit.
 * *@entry is left at the first that did not, NULL after the last. Returns
 * how many went in, or -EMSGSIZE when not even the device's name did.
 */
static int mvlan_nl_fill_sources(struct sk_buff *skb,
				 const struct mvlan_nl_dest *to,
				 struct mvlan_dev *vlan,
				 struct mvlan_source_entry **entry)
{
	int sent = 0;
	void *hdr;

	hdr = mvlan_nl_msg_start(skb, to);
	if (!hdr)
		return -EMSGSIZE;
	if (mvlan_nl_put_dev_id(skb, vlan))
		return mvlan_nl_msg_cancel(skb, hdr);
	for (; *entry; *entry = mvlan_source_next(vlan, *entry)) {
		if (mvlan_nl_put_source(skb, *entry))
			break;
		sent++;
	}
	genlmsg_end(skb, hdr);
	return sent;
}

int mvlan_nl_source_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct mvlan_nl_dest to = mvlan_nl_dump_dest(cb);
	struct mvlan_source_entry *entry;
	struct mvlan_dev *vlan;
	int ret;

	BUILD_BUG_ON(ARRAY_SIZE(cb->args) < __MVLAN_SRC_CB_MAX);

	if (cb->args[MVLAN_SRC_CB_DONE])
		return 0;

	rtnl_lock();
	vlan = mvlan_nl_source_get_dev(skb, cb);
	if (IS_ERR(vlan)) {
		ret = PTR_ERR(vlan);
		goto unlock;
	}

	cb->seq = vlan->source_seq;
	if (cb->args[MVLAN_SRC_CB_NEXT] &&
	    cb->args[MVLAN_SRC_CB_SEQ] == vlan->source_seq)
		entry = (struct mvlan_source_entry *)cb->args[MVLAN_SRC_CB_NEXT];
	else
		entry = mvlan_source_nth(vlan, cb->args[MVLAN_SRC_CB_SENT]);

	ret = mvlan_nl_fill_sources(skb, &to, vlan, &entry);
	if (ret < 0)
		goto unlock;
	cb->args[MVLAN_SRC_CB_SENT] += ret;
	cb->args[MVLAN_SRC_CB_NEXT] = (long)entry;
	cb->args[MVLAN_SRC_CB_SEQ] = vlan->source_seq;
	cb->args[MVLAN_SRC_CB_DONE] = !entry;
	ret = skb->len;
unlock:
	rtnl_unlock();
	return ret;
}
