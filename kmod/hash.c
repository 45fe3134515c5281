// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mvlan: changing the tables keyed by MAC address (see hash.h): adding,
 * removing, and resizing, all under RTNL.
 */
#include <linux/log2.h>
#include <linux/mm.h>
#include <linux/netdevice.h>
#include <linux/sched.h>
#include <linux/slab.h>

#include "hash.h"

/*
 * Sizes: from 2^6 buckets (half a KiB), doubled when there are more objects
 * than buckets, halved when there are fewer than a quarter as many, up to
 * 2^24 (128 MiB, for 16 million objects; past that the chains grow).
 */
#define MVLAN_HTABLE_MIN_BITS	6
#define MVLAN_HTABLE_MAX_BITS	24

static unsigned int mvlan_hbuckets_bits(const struct mvlan_hbuckets *b)
{
	return 64 - b->shift;
}

/* The link[] of the objects that @b chains: 0 or 1. */
static unsigned int mvlan_hbuckets_slot(const struct mvlan_hbuckets *b)
{
	return b->node_off ? 1 : 0;
}

static struct mvlan_hbuckets *mvlan_hbuckets_alloc(unsigned int bits,
						   unsigned int slot)
{
	struct mvlan_hbuckets *b;
	size_t n = 1UL << bits;

	/* zeroed: empty hlist heads */
	b = kvzalloc(struct_size(b, head, n), GFP_KERNEL | __GFP_NOWARN);
	if (!b)
		return NULL;
	b->shift = 64 - bits;
	b->node_off = -(int)(slot * sizeof(struct hlist_node));
	BUILD_BUG_ON(offsetof(struct mvlan_hnode, link) != 0);
	return b;
}

int mvlan_htable_init(struct mvlan_htable *t)
{
	struct mvlan_hbuckets *b;

	b = mvlan_hbuckets_alloc(MVLAN_HTABLE_MIN_BITS, 0);
	if (!b)
		return -ENOMEM;
	t->count = 0;
	RCU_INIT_POINTER(t->buckets, b);
	return 0;
}

/* The table is empty, and no reader can see it any more. */
void mvlan_htable_destroy(struct mvlan_htable *t)
{
	WARN_ON_ONCE(t->count);
	kvfree(rcu_dereference_protected(t->buckets, true));
	RCU_INIT_POINTER(t->buckets, NULL);
}

/*
 * Move every object to a new array of 2^@bits buckets, through the other
 * link; see hash.h. Nothing changes if the array cannot be had.
 */
static void mvlan_htable_resize(struct mvlan_htable *t, unsigned int bits)
{
	struct mvlan_hbuckets *old = rtnl_dereference(t->buckets);
	size_t i, n = 1UL << mvlan_hbuckets_bits(old);
	struct mvlan_hbuckets *new;

	new = mvlan_hbuckets_alloc(bits, !mvlan_hbuckets_slot(old));
	if (!new)
		return;

	for (i = 0; i < n; i++) {
		struct hlist_node *pos;

		/* the old chains stay as they are: readers walk them */
		hlist_for_each(pos, &old->head[i]) {
			struct mvlan_hnode *node = mvlan_hnode_of(old, pos);
			struct hlist_head *h;

			h = &new->head[(node->key * GOLDEN_RATIO_64) >> new->shift];
			hlist_add_head(&node->link[mvlan_hbuckets_slot(new)], h);
		}
		if (!(i & 1023))
			cond_resched();
	}

	/* orders the links above before the pointer */
	rcu_assign_pointer(t->buckets, new);
	/* no one walks the old chains after this: their links are free */
	synchronize_net();
	kvfree(old);
}

/* One more object in @t, in the array @b: grow it if it is full. */
static void mvlan_htable_added(struct mvlan_htable *t,
			       const struct mvlan_hbuckets *b)
{
	unsigned int bits = mvlan_hbuckets_bits(b);

	WRITE_ONCE(t->count, t->count + 1);
	if (t->count > (1U << bits) && bits < MVLAN_HTABLE_MAX_BITS)
		mvlan_htable_resize(t, bits + 1);
}

/* Add @node, its key set, at the head of its bucket. Under RTNL. */
void mvlan_htable_add(struct mvlan_htable *t, struct mvlan_hnode *node)
{
	struct mvlan_hbuckets *b = rtnl_dereference(t->buckets);
	struct hlist_head *h;

	ASSERT_RTNL();
	h = &b->head[(node->key * GOLDEN_RATIO_64) >> b->shift];
	hlist_add_head_rcu(&node->link[mvlan_hbuckets_slot(b)], h);
	mvlan_htable_added(t, b);
}

/*
 * Add @node right behind @prev, an object of the same key: readers meet
 * the two one after the other. A resize keeps objects of a key together
 * (their order may turn). Under RTNL.
 */
void mvlan_htable_add_behind(struct mvlan_htable *t, struct mvlan_hnode *node,
			     struct mvlan_hnode *prev)
{
	struct mvlan_hbuckets *b = rtnl_dereference(t->buckets);
	unsigned int slot = mvlan_hbuckets_slot(b);

	ASSERT_RTNL();
	WARN_ON_ONCE(node->key != prev->key);
	hlist_add_behind_rcu(&node->link[slot], &prev->link[slot]);
	mvlan_htable_added(t, b);
}

/*
 * Remove @node. Readers may still see it until a grace period has passed:
 * the caller frees it after one. Under RTNL.
 */
void mvlan_htable_del(struct mvlan_htable *t, struct mvlan_hnode *node)
{
	struct mvlan_hbuckets *b = rtnl_dereference(t->buckets);
	unsigned int bits;

	ASSERT_RTNL();
	hlist_del_rcu(&node->link[mvlan_hbuckets_slot(b)]);
	WRITE_ONCE(t->count, t->count - 1);

	bits = mvlan_hbuckets_bits(b);
	if (t->count < (1U << bits) / 4 && bits > MVLAN_HTABLE_MIN_BITS)
		mvlan_htable_resize(t, bits - 1);
}
