// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mvlan: the source list over rtnetlink, as macvlan has it: in
 * IFLA_INFO_DATA, IFLA_MVLAN_MACADDR_MODE (add, del, flush, set) with one
 * IFLA_MVLAN_MACADDR and, for set, the IFLA_MVLAN_MACADDR nested in
 * IFLA_MVLAN_MACADDR_DATA; at creation and on change. The rules are the
 * generic netlink family's (nl_source.c), and so is the work (source.c):
 * only on a source-mode device (or one that becomes one in the same
 * request); add of a listed address and del of an unlisted one are no
 * error; set replaces the list in one step, through a transaction staged
 * and committed in the request; every address is checked before anything
 * changes; a failed request changes nothing, its other settings
 * included. Changes are notified to the "events" group as SOURCE_CHANGE.
 *
 * Link dumps report the number of entries (IFLA_MVLAN_SOURCE_COUNT) and,
 * up to MVLAN_LINK_SOURCE_DUMP_MAX entries, the addresses in
 * IFLA_MVLAN_MACADDR_DATA. 128 addresses take 1,540 bytes: with the rest
 * of a link message (1,508 bytes for a device with IPv6, measured by
 * tests/netns/ip-plugin.sh) it stays under NLMSG_GOODSIZE (3,776 bytes
 * with 4 KiB pages), the smallest buffer a link dump is built in when
 * the reader asks for no more, and within the page-sized buffers some
 * netlink readers have. A nest longer than 64 KiB cannot be said at all
 * (nla_len is 16 bits: macvlan's breaks past 5,460 entries), and every
 * link dump of the netns that asks for VF info allocates for its largest
 * device. The genl family's SOURCE_GET dump lists any number.
 */
#include <linux/etherdevice.h>
#include <linux/rtnetlink.h>
#include <net/netlink.h>

#include "link_source.h"

/* Every address of @data: well formed and unicast. */
static int mvlan_link_source_addrs_ok(struct nlattr *data[],
				      struct netlink_ext_ack *extack)
{
	const struct nlattr *nla;
	int rem;

	if (data[IFLA_MVLAN_MACADDR] &&
	    !is_valid_ether_addr(nla_data(data[IFLA_MVLAN_MACADDR]))) {
		NL_SET_ERR_MSG_MOD(extack, "IFLA_MVLAN_MACADDR: not a unicast address");
		NL_SET_BAD_ATTR(extack, data[IFLA_MVLAN_MACADDR]);
		return -EINVAL;
	}
	if (!data[IFLA_MVLAN_MACADDR_DATA])
		return 0;
	nla_for_each_nested(nla, data[IFLA_MVLAN_MACADDR_DATA], rem) {
		if (nla_type(nla) != IFLA_MVLAN_MACADDR ||
		    nla_len(nla) != ETH_ALEN) {
			NL_SET_ERR_MSG_MOD(extack,
					   "IFLA_MVLAN_MACADDR_DATA holds IFLA_MVLAN_MACADDR of 6 bytes only");
			NL_SET_BAD_ATTR(extack, nla);
			return -EINVAL;
		}
		if (!is_valid_ether_addr(nla_data(nla))) {
			NL_SET_ERR_MSG_MOD(extack, "IFLA_MVLAN_MACADDR: not a unicast address");
			NL_SET_BAD_ATTR(extack, nla);
			return -EINVAL;
		}
	}
	if (rem) {
		NL_SET_ERR_MSG_MOD(extack, "IFLA_MVLAN_MACADDR_DATA: trailing bytes");
		NL_SET_BAD_ATTR(extack, data[IFLA_MVLAN_MACADDR_DATA]);
		return -EINVAL;
	}
	return 0;
}

/*
 * The shape of the request, from rtnl_link_ops->validate: which attributes
 * go with which operation, and the addresses. The policy has checked the
 * operation's value and IFLA_MVLAN_MACADDR's length.
 */
int mvlan_link_source_validate(struct nlattr *data[],
			       struct netlink_ext_ack *extack)
{
	struct nlattr *mode = data ? data[IFLA_MVLAN_MACADDR_MODE] : NULL;

	if (!data)
		return 0;
	if (!mode) {
		if (data[IFLA_MVLAN_MACADDR] || data[IFLA_MVLAN_MACADDR_DATA]) {
			NL_SET_ERR_MSG_MOD(extack,
					   "a source list address needs IFLA_MVLAN_MACADDR_MODE");
			return -EINVAL;
		}
		return 0;
	}

	switch (nla_get_u32(mode)) {
	case MVLAN_MACADDR_ADD:
	case MVLAN_MACADDR_DEL:
		if (!data[IFLA_MVLAN_MACADDR]) {
			NL_SET_ERR_MSG_MOD(extack,
					   "source list add and del need IFLA_MVLAN_MACADDR");
			NL_SET_BAD_ATTR(extack, mode);
			return -EINVAL;
		}
		fallthrough;
	case MVLAN_MACADDR_FLUSH:
		if (data[IFLA_MVLAN_MACADDR_DATA]) {
			NL_SET_ERR_MSG_MOD(extack,
					   "IFLA_MVLAN_MACADDR_DATA goes with source list set only");
			NL_SET_BAD_ATTR(extack, data[IFLA_MVLAN_MACADDR_DATA]);
			return -EINVAL;
		}
		if (data[IFLA_MVLAN_MACADDR] &&
		    nla_get_u32(mode) == MVLAN_MACADDR_FLUSH) {
			NL_SET_ERR_MSG_MOD(extack, "source list flush takes no address");
			NL_SET_BAD_ATTR(extack, data[IFLA_MVLAN_MACADDR]);
			return -EINVAL;
		}
		break;
	}
	return mvlan_link_source_addrs_ok(data, extack);
}

/*
 * A request that changes the source list must leave the device in source
 * mode (@mode: the mode it has after the request). The genl family's rule.
 */
int mvlan_link_source_check(struct nlattr *data[], u32 mode,
			    struct netlink_ext_ack *extack)
{
	if (!data || !data[IFLA_MVLAN_MACADDR_MODE] || mode == MVLAN_MODE_SOURCE)
		return 0;
	NL_SET_ERR_MSG_MOD(extack, "the device is not in source mode");
	NL_SET_BAD_ATTR(extack, data[IFLA_MVLAN_MACADDR_MODE]);
	return -EINVAL;
}

/* Call @fn for each address of the request, in order; stop at an error. */
static int mvlan_link_source_each(struct nlattr *data[], void *arg,
				  int (*fn)(void *arg, const u8 *addr))
{
	const struct nlattr *nla;
	int rem, err;

	if (data[IFLA_MVLAN_MACADDR]) {
		err = fn(arg, nla_data(data[IFLA_MVLAN_MACADDR]));
		if (err < 0)
			return err;
	}
	if (!data[IFLA_MVLAN_MACADDR_DATA])
		return 0;
	nla_for_each_nested(nla, data[IFLA_MVLAN_MACADDR_DATA], rem) {
		err = fn(arg, nla_data(nla));
		if (err < 0)
			return err;
	}
	return 0;
}

static int mvlan_link_source_add_one(void *vlan, const u8 *addr)
{
	return mvlan_source_add(vlan, addr);
}

/*
 * At creation, once @vlan is registered: its list is the addresses of the
 * request (del and flush of an empty list do nothing). All or nothing;
 * the device is not up yet. Returns how many were added, or an error.
 */
int mvlan_link_source_create(struct mvlan_dev *vlan, struct nlattr *data[])
{
	u32 op;
	int err;

	ASSERT_RTNL();

	if (!data || !data[IFLA_MVLAN_MACADDR_MODE])
		return 0;
	op = nla_get_u32(data[IFLA_MVLAN_MACADDR_MODE]);
	if (op != MVLAN_MACADDR_ADD && op != MVLAN_MACADDR_SET)
		return 0;

	err = mvlan_link_source_each(data, vlan, mvlan_link_source_add_one);
	if (err < 0) {
		mvlan_source_flush(vlan);
		return err;
	}
	return vlan->source_count;
}

static int mvlan_link_source_stage_one(void *txn, const u8 *addr)
{
	return mvlan_source_txn_add(txn, addr);
}

/*
 * A change of an existing device: mvlan_change() with @cfg and the
 * source list operation of @data, all or nothing. Under RTNL.
 *
 * What can fail is done first: a new list is staged (set, or add to a
 * device that becomes a source-mode one and so has an empty list: the
 * staged entries stay invisible to frames while it is in another mode);
 * an add to a source-mode device is made, and undone if mvlan_change()
 * fails. What cannot fail comes after it: the commit, del and flush.
 */
int mvlan_link_source_change(struct mvlan_dev *vlan,
			     const struct mvlan_config *cfg,
			     struct nlattr *data[],
			     struct netlink_ext_ack *extack)
{
	u32 op = nla_get_u32(data[IFLA_MVLAN_MACADDR_MODE]);
	bool entering = vlan->mode != MVLAN_MODE_SOURCE;
	const u8 *addr = data[IFLA_MVLAN_MACADDR] ?
			 nla_data(data[IFLA_MVLAN_MACADDR]) : NULL;
	struct mvlan_source_txn *txn = NULL;
	u32 old_count, new_count, n;
	int added = 0, err;

	ASSERT_RTNL();

	err = mvlan_link_source_check(data, cfg->set_mode ? cfg->mode : vlan->mode,
				      extack);
	if (err)
		return err;

	if (op == MVLAN_MACADDR_SET || (op == MVLAN_MACADDR_ADD && entering)) {
		txn = mvlan_source_txn_get(vlan, dev_net(vlan->dev), 0, 0, extack);
		if (IS_ERR(txn))
			return PTR_ERR(txn);
		err = mvlan_link_source_each(data, txn, mvlan_link_source_stage_one);
		if (err) {
			NL_SET_ERR_MSG_MOD(extack,
					   "cannot stage the new source list; the old one stays");
			mvlan_source_txn_abort(vlan);
			return err;
		}
	} else if (op == MVLAN_MACADDR_ADD) {
		added = mvlan_source_add(vlan, addr);
		if (added < 0)
			return added;
	}

	err = mvlan_change(vlan, cfg, extack);
	if (err) {
		if (txn)
			mvlan_source_txn_abort(vlan);
		else if (added)
			mvlan_source_del(vlan, addr);
		return err;
	}

	if (txn) {
		mvlan_source_txn_commit(txn, &old_count, &new_count);
		mvlan_nl_notify_source(vlan, new_count, old_count);
	} else if (added) {
		mvlan_nl_notify_source(vlan, added, 0);
	} else if (op == MVLAN_MACADDR_DEL) {
		if (mvlan_source_del(vlan, addr))
			mvlan_nl_notify_source(vlan, 0, 1);
	} else if (op == MVLAN_MACADDR_FLUSH) {
		n = mvlan_source_flush(vlan);
		if (n)
			mvlan_nl_notify_source(vlan, 0, n);
	}
	return 0;
}

/*
 * What mvlan_link_source_fill() adds to a link message, at most. Under
 * RTNL, but for the size of a link dump's messages (rtnl_calcit(), under
 * RCU only): an estimate there, which the dump's own allocation covers.
 */
size_t mvlan_link_source_size(const struct mvlan_dev *vlan)
{
	u32 count = READ_ONCE(vlan->source_count);

	if (!count || count > MVLAN_LINK_SOURCE_DUMP_MAX)
		return 0;
	return nla_total_size(0) +	/* IFLA_MVLAN_MACADDR_DATA */
	       count * nla_total_size(ETH_ALEN);
}

/* The addresses of a short source list, in link messages. Under RTNL. */
int mvlan_link_source_fill(struct sk_buff *skb, struct mvlan_dev *vlan)
{
	struct mvlan_source_entry *entry;
	struct mvlan_source_info info;
	struct nlattr *nest;

	ASSERT_RTNL();

	if (!vlan->source_count || vlan->source_count > MVLAN_LINK_SOURCE_DUMP_MAX)
		return 0;
	nest = nla_nest_start(skb, IFLA_MVLAN_MACADDR_DATA);
	if (!nest)
		return -EMSGSIZE;
	for (entry = mvlan_source_first(vlan); entry;
	     entry = mvlan_source_next(vlan, entry)) {
		mvlan_source_entry_info(entry, &info);
		if (nla_put(skb, IFLA_MVLAN_MACADDR, ETH_ALEN, info.addr)) {
			nla_nest_cancel(skb, nest);
			return -EMSGSIZE;
		}
	}
	nla_nest_end(skb, nest);
	return 0;
}
