/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mvlan: the tables keyed by MAC address (a port's devices, its source
 * entries).
 *
 * A table is a power-of-two array of hlist buckets; an object goes into the
 * bucket given by the top bits of hash_64() of its 48-bit address, as in
 * macvlan, but the array grows and shrinks with the number of objects so
 * that a bucket holds about one whatever the count. Readers (rx under RCU,
 * tx under RCU-bh, configuration under RTNL) walk one bucket, all inline:
 * no seed, no indirection other than the array, one multiplication.
 *
 * Resizing, under RTNL like every change: each object has two hlist links,
 * and each bucket array chains the objects through one of them (its
 * "slot"). A resize links every object into a new array through the other
 * slot, leaving the old chains untouched, publishes the new array with
 * rcu_assign_pointer(), waits for the readers that may still walk the old
 * one and frees it. A reader thus walks one whole array, old or new, and
 * finds every object that is in the table; nothing else changes the table
 * until the resize is over (it holds RTNL throughout), so a slot is free
 * again by the next resize. A resize that cannot allocate is skipped: the
 * chains are longer, the table is still right. Objects of the same key that
 * are next to each other in a chain stay so through resizes: a grown
 * bucket takes some of the objects of one old bucket, a shrunk one all of
 * those of two, in the reverse order of each old chain.
 */
#ifndef _MVLAN_HASH_H
#define _MVLAN_HASH_H

/* get_unaligned(): linux/unaligned.h from 6.12, asm/ before */
#include <linux/etherdevice.h>
#include <linux/hash.h>
#include <linux/list.h>
#include <linux/rcupdate.h>
#include <linux/rtnetlink.h>
#include <linux/types.h>

/* An object's part of the table: embed it, and set @key before adding. */
struct mvlan_hnode {
	struct hlist_node	link[2];
	u64			key;	/* mvlan_mac_key() of its address */
};

/*
 * A bucket array. It chains objects through their link[slot]; @node_off
 * takes a link to its object (minus offsetof(struct mvlan_hnode,
 * link[slot])), so that a walk need not know the slot.
 */
struct mvlan_hbuckets {
	unsigned int		shift;	/* 64 - log2(number of buckets) */
	int			node_off;
	struct hlist_head	head[];
};

struct mvlan_htable {
	struct mvlan_hbuckets __rcu	*buckets;
	unsigned int			count;	/* objects; read locklessly */
};

/*
 * The table's key of the address at @addr: its six bytes as one integer,
 * loaded in one go (the two bytes after the address are read and dropped,
 * as ether_addr_equal_64bits() does). Equal keys are equal addresses.
 */
static __always_inline u64 mvlan_mac_key(const unsigned char *addr)
{
	u64 v = get_unaligned((const u64 *)addr);

#ifdef __BIG_ENDIAN
	return v >> 16;
#else
	return v << 16;
#endif
}

/*
 * The same for an address that may end its buffer (a netlink attribute, an
 * array on the stack): six bytes read, no more. Configuration only.
 */
static inline u64 mvlan_mac_key_exact(const unsigned char *addr)
{
	unsigned char buf[8] __aligned(8) = {};

	memcpy(buf, addr, ETH_ALEN);
	return mvlan_mac_key(buf);
}

/* The address of @key, back into @addr. */
static inline void mvlan_mac_of_key(u64 key, unsigned char *addr)
{
#ifdef __BIG_ENDIAN
	key <<= 16;
#else
	key >>= 16;
#endif
	memcpy(addr, &key, ETH_ALEN);
}

/* The array readers walk: under RCU, RCU-bh (transmit) or RTNL. */
static __always_inline const struct mvlan_hbuckets *
mvlan_htable_buckets(const struct mvlan_htable *t)
{
	return rcu_dereference_check(t->buckets, rcu_read_lock_bh_held() ||
					       lockdep_rtnl_is_held());
}

/* How many buckets @t has now. Under RTNL, or as mvlan_htable_buckets(). */
static inline u32 mvlan_htable_size(const struct mvlan_htable *t)
{
	return 1U << (64 - mvlan_htable_buckets(t)->shift);
}

/* hash_64(key, bits), with 64 - bits kept in the array */
static __always_inline struct hlist_node *
mvlan_hbucket_first(const struct mvlan_hbuckets *b, u64 key)
{
	const struct hlist_head *h = &b->head[(key * GOLDEN_RATIO_64) >> b->shift];

	return rcu_dereference_raw(hlist_first_rcu(h));
}

/* The object whose link of array @b is @pos. */
static __always_inline struct mvlan_hnode *
mvlan_hnode_of(const struct mvlan_hbuckets *b, struct hlist_node *pos)
{
	return (struct mvlan_hnode *)((char *)pos + b->node_off);
}

/*
 * The next link in the chain: a walk of the bucket of @key in @b is
 *	for (pos = mvlan_hbucket_first(b, key); pos; pos = mvlan_hnext(pos))
 * with mvlan_hnode_of() the object (of any key of the bucket: compare).
 * Under RCU, RCU-bh or RTNL.
 */
static __always_inline struct hlist_node *mvlan_hnext(struct hlist_node *pos)
{
	return rcu_dereference_raw(hlist_next_rcu(pos));
}

/* hash.c: the writers, under RTNL */
int mvlan_htable_init(struct mvlan_htable *t);
void mvlan_htable_destroy(struct mvlan_htable *t);
void mvlan_htable_add(struct mvlan_htable *t, struct mvlan_hnode *node);
void mvlan_htable_add_behind(struct mvlan_htable *t, struct mvlan_hnode *node,
			     struct mvlan_hnode *prev);
void mvlan_htable_del(struct mvlan_htable *t, struct mvlan_hnode *node);

#endif /* _MVLAN_HASH_H */
