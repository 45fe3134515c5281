// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mvlan: the source-MAC table of source-mode devices.
 *
 * All entries of a port live in one table keyed by source MAC (hash.h), so
 * that a frame costs one bucket walk however long the lists grow; a MAC
 * listed by several devices has an entry for each, in the same bucket. Each
 * device also keeps its entries on a list (RTNL) for flushing and dumping.
 * Frames are matched against it in rx.c.
 *
 * Atomic replacement: an entry belongs to a generation of its device's list
 * and frames only match entries of the device's current generation. A new
 * list is built in the next generation, invisible to frames, and becomes
 * the list by one store of the device's generation; the old entries are
 * unhashed a grace period later. A frame reads a device's generation once
 * for all of that device's entries of its source address, which sit next
 * to each other in the chain: it matches exactly one of them (old or new)
 * whenever the store happens. A replacement may span several netlink
 * messages of one socket (a transaction); it is dropped on error, when that
 * socket closes or when the device goes away.
 */
#include <linux/etherdevice.h>
#include <linux/netdevice.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>

#include "mvlan_priv.h"

/* A replacement list in the making, see above. */
struct mvlan_source_txn {
	struct list_head	entries;
	struct list_head	all;		/* on mvlan_txns */
	struct mvlan_dev	*vlan;
	struct net		*net;		/* the owner socket's netns */
	u32			portid;		/* the owner socket */
	u32			count;
};

static struct kmem_cache *mvlan_source_cache __read_mostly;
/* open transactions of all devices, under RTNL */
static LIST_HEAD(mvlan_txns);
/*
 * The last source_seq handed out, under RTNL. Unique across devices, so
 * that a dump never mistakes another device's list for the one it walked.
 */
static u32 mvlan_source_seq_last;

static void mvlan_source_changed(struct mvlan_dev *vlan)
{
	vlan->source_seq = ++mvlan_source_seq_last;
}

void mvlan_source_dev_init(struct mvlan_dev *vlan)
{
	INIT_LIST_HEAD(&vlan->sources);
	mvlan_source_changed(vlan);
}

static void mvlan_source_free_rcu(struct rcu_head *head)
{
	kmem_cache_free(mvlan_source_cache,
			container_of(head, struct mvlan_source_entry, rcu));
}

static void mvlan_source_unhash(struct mvlan_source_entry *entry)
{
	struct mvlan_port *port = entry->vlan->port;

	mvlan_htable_del(&port->source_hash, &entry->hnode);
	list_del(&entry->list);
	call_rcu(&entry->rcu, mvlan_source_free_rcu);
}

/*
 * @vlan's entry for @addr in generation @gen, or NULL; then, if @other is
 * not NULL, *@other is its entry for @addr of another generation, if any.
 */
static struct mvlan_source_entry *
mvlan_source_find(const struct mvlan_dev *vlan, const unsigned char *addr,
		  u32 gen, struct mvlan_source_entry **other)
{
	u64 key = mvlan_mac_key_exact(addr);
	const struct mvlan_hbuckets *b;
	struct hlist_node *pos;

	ASSERT_RTNL();

	if (other)
		*other = NULL;
	b = mvlan_htable_buckets(&vlan->port->source_hash);
	for (pos = mvlan_hbucket_first(b, key); pos; pos = mvlan_hnext(pos)) {
		struct mvlan_source_entry *entry = mvlan_source_entry_of(b, pos);

		if (entry->hnode.key != key || entry->vlan != vlan)
			continue;
		if (entry->gen == gen)
			return entry;
		if (other)
			*other = entry;
	}
	return NULL;
}

/*
 * Add @addr to generation @gen of @vlan's list, on @head. Returns 1 when
 * added, 0 when it was there already, or an error. An entry of the other
 * generation for the address (one is the list, the other staged) gets the
 * new one right behind it: a frame meets both at once (see rx.c).
 */
static int mvlan_source_insert(struct mvlan_dev *vlan, const unsigned char *addr,
			       u32 gen, struct list_head *head)
{
	struct mvlan_source_entry *entry, *other;

	if (mvlan_source_find(vlan, addr, gen, &other))
		return 0;

	entry = kmem_cache_zalloc(mvlan_source_cache, GFP_KERNEL);
	if (!entry)
		return -ENOMEM;
	entry->vlan = vlan;
	entry->gen = gen;
	/* never seen (no packets): last_seen says no more than its age */
	entry->last_seen = jiffies;
	entry->hnode.key = mvlan_mac_key_exact(addr);
	if (other)
		mvlan_htable_add_behind(&vlan->port->source_hash, &entry->hnode,
					&other->hnode);
	else
		mvlan_htable_add(&vlan->port->source_hash, &entry->hnode);
	list_add_tail(&entry->list, head);
	return 1;
}

/* Returns the number added or an error (some may be added). */
int mvlan_source_add(struct mvlan_dev *vlan, const unsigned char *addr)
{
	int ret;

	ASSERT_RTNL();

	ret = mvlan_source_insert(vlan, addr, vlan->source_gen, &vlan->sources);
	if (ret > 0) {
		vlan->source_count++;
		mvlan_source_changed(vlan);
	}
	return ret;
}

/* Returns 1 if @addr was listed, else 0. */
int mvlan_source_del(struct mvlan_dev *vlan, const unsigned char *addr)
{
	struct mvlan_source_entry *entry;

	ASSERT_RTNL();

	entry = mvlan_source_find(vlan, addr, vlan->source_gen, NULL);
	if (!entry)
		return 0;
	mvlan_source_unhash(entry);
	vlan->source_count--;
	mvlan_source_changed(vlan);
	return 1;
}

static void mvlan_source_unhash_all(struct list_head *head)
{
	struct mvlan_source_entry *entry, *tmp;

	list_for_each_entry_safe(entry, tmp, head, list) {
		mvlan_source_unhash(entry);
		cond_resched();
	}
}

/* Returns the number of entries removed. */
u32 mvlan_source_flush(struct mvlan_dev *vlan)
{
	u32 count = vlan->source_count;

	ASSERT_RTNL();

	mvlan_source_unhash_all(&vlan->sources);
	vlan->source_count = 0;
	mvlan_source_changed(vlan);
	return count;
}

static void mvlan_source_txn_free(struct mvlan_source_txn *txn)
{
	mvlan_source_unhash_all(&txn->entries);
	list_del(&txn->all);
	txn->vlan->source_txn = NULL;
	kfree(txn);
}

/* Drop @vlan's open transaction, if any. */
void mvlan_source_txn_abort(struct mvlan_dev *vlan)
{
	ASSERT_RTNL();

	if (vlan->source_txn)
		mvlan_source_txn_free(vlan->source_txn);
}

/*
 * The transaction of @vlan that a SOURCE_SET message from (@net, @portid)
 * with @flags adds to: a new one, or the open one for CONTINUE.
 */
struct mvlan_source_txn *mvlan_source_txn_get(struct mvlan_dev *vlan,
					      struct net *net, u32 portid,
					      u32 flags,
					      struct netlink_ext_ack *extack)
{
	struct mvlan_source_txn *txn = vlan->source_txn;
	bool mine = txn && txn->portid == portid && net_eq(txn->net, net);

	if (flags & MVLAN_SOURCE_SET_F_CONTINUE) {
		if (!mine) {
			NL_SET_ERR_MSG(extack,
				       "no source set transaction of this socket is open on the device");
			return ERR_PTR(-EINVAL);
		}
		return txn;
	}

	if (txn && !mine) {
		NL_SET_ERR_MSG(extack,
			       "another socket has a source set transaction open on the device");
		return ERR_PTR(-EBUSY);
	}
	/* a new replacement from the same socket restarts */
	mvlan_source_txn_abort(vlan);

	txn = kzalloc(sizeof(*txn), GFP_KERNEL);
	if (!txn)
		return ERR_PTR(-ENOMEM);
	INIT_LIST_HEAD(&txn->entries);
	txn->vlan = vlan;
	txn->net = net;
	txn->portid = portid;
	list_add(&txn->all, &mvlan_txns);
	vlan->source_txn = txn;
	return txn;
}

/* Stage @addr in @txn. Returns 0 or an error. */
int mvlan_source_txn_add(struct mvlan_source_txn *txn, const unsigned char *addr)
{
	int ret;

	ret = mvlan_source_insert(txn->vlan, addr, txn->vlan->source_gen + 1,
				  &txn->entries);
	if (ret > 0)
		txn->count++;
	return ret < 0 ? ret : 0;
}

/*
 * Make the staged list the device's list, in one store, and drop the old
 * one. Fills in how many entries the list had before and has now.
 */
void mvlan_source_txn_commit(struct mvlan_source_txn *txn, u32 *old_count,
			     u32 *new_count)
{
	struct mvlan_dev *vlan = txn->vlan;
	LIST_HEAD(old);

	*old_count = vlan->source_count;
	*new_count = txn->count;

	/*
	 * Frames match the new generation from here on; the old entries go
	 * once no frame can have read the old one (see rx.c). The new entries
	 * were linked before: release.
	 */
	smp_store_release(&vlan->source_gen, vlan->source_gen + 1);
	synchronize_net();

	list_splice_init(&vlan->sources, &old);
	list_splice_init(&txn->entries, &vlan->sources);
	vlan->source_count = txn->count;
	mvlan_source_changed(vlan);
	mvlan_source_txn_free(txn);
	mvlan_source_unhash_all(&old);
}

/*
 * A netlink socket closed: drop the transactions it left open. Runs in
 * process context from the socket's release, with no lock held.
 */
static int mvlan_source_netlink_event(struct notifier_block *nb,
				      unsigned long event, void *ptr)
{
	struct netlink_notify *n = ptr;
	struct mvlan_source_txn *txn, *tmp;

	if (event != NETLINK_URELEASE || n->protocol != NETLINK_GENERIC)
		return NOTIFY_DONE;
	/*
	 * Every generic netlink socket that closes comes here (mvctl closes
	 * one a command): RTNL only when some transaction is open. One of
	 * this socket's would have been opened by its own messages, all
	 * processed before it closes.
	 */
	if (list_empty(&mvlan_txns))
		return NOTIFY_DONE;

	rtnl_lock();
	list_for_each_entry_safe(txn, tmp, &mvlan_txns, all) {
		if (txn->portid == n->portid && net_eq(txn->net, n->net))
			mvlan_source_txn_free(txn);
	}
	rtnl_unlock();
	return NOTIFY_DONE;
}

static struct notifier_block mvlan_source_netlink_notifier = {
	.notifier_call = mvlan_source_netlink_event,
};

/* Walk @vlan's list: the first entry, then the next. */
struct mvlan_source_entry *mvlan_source_first(struct mvlan_dev *vlan)
{
	ASSERT_RTNL();

	return list_first_entry_or_null(&vlan->sources,
					struct mvlan_source_entry, list);
}

struct mvlan_source_entry *mvlan_source_next(struct mvlan_dev *vlan,
					     struct mvlan_source_entry *entry)
{
	ASSERT_RTNL();

	if (list_is_last(&entry->list, &vlan->sources))
		return NULL;
	return list_next_entry(entry, list);
}

/* The @n-th entry of @vlan's list (0-based), or NULL. */
struct mvlan_source_entry *mvlan_source_nth(struct mvlan_dev *vlan,
					    unsigned long n)
{
	struct mvlan_source_entry *entry;

	ASSERT_RTNL();

	list_for_each_entry(entry, &vlan->sources, list) {
		if (!n--)
			return entry;
	}
	return NULL;
}

void mvlan_source_entry_info(const struct mvlan_source_entry *entry,
			     struct mvlan_source_info *info)
{
	unsigned long last = READ_ONCE(entry->last_seen);

	mvlan_mac_of_key(entry->hnode.key, info->addr);
	info->packets = atomic64_read(&entry->packets);
	info->bytes = atomic64_read(&entry->bytes);
	/* last_seen is the entry's creation until a frame's: no bogus age */
	info->seen = info->packets != 0;
	info->last_seen_ms = info->seen ? jiffies_to_msecs(jiffies - last) : 0;
}

int __init mvlan_source_init(void)
{
	int err;

	mvlan_source_cache = KMEM_CACHE(mvlan_source_entry, 0);
	if (!mvlan_source_cache)
		return -ENOMEM;
	err = netlink_register_notifier(&mvlan_source_netlink_notifier);
	if (err)
		kmem_cache_destroy(mvlan_source_cache);
	return err;
}

void mvlan_source_exit(void)
{
	netlink_unregister_notifier(&mvlan_source_netlink_notifier);
	/* entries freed by call_rcu() must be gone before their cache */
	rcu_barrier();
	kmem_cache_destroy(mvlan_source_cache);
}
