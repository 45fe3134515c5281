/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mvlan: hashing and comparing MAC addresses, for the rhashtables that are
 * keyed by one (the port's devices, the source entries). Inline: rx looks
 * one or two of them up for every frame.
 */
#ifndef _MVLAN_HASH_H
#define _MVLAN_HASH_H

#include <linux/etherdevice.h>
#include <linux/hash.h>
#include <linux/rhashtable.h>

/*
 * The six bytes as one integer, the table's random seed folded in, and a
 * multiplicative hash: a handful of instructions where jhash takes dozens.
 * The keys are the administrator's (addresses of devices, source lists),
 * not a sender's, and rhashtable rehashes with a new seed if a chain grows
 * long all the same.
 */
static inline u32 mvlan_mac_hashfn(const void *data, u32 len, u32 seed)
{
	const unsigned char *addr = data;
	u64 key = get_unaligned((const u32 *)addr) |
		  (u64)get_unaligned((const u16 *)(addr + 4)) << 32;

	return hash_64(key ^ seed, 32);
}

/* rhashtable's obj_cmpfn for an object whose address sits at @offset */
static inline int mvlan_mac_cmp(const struct rhashtable_compare_arg *arg,
				const void *obj, size_t offset)
{
	return !ether_addr_equal(arg->key, (const u8 *)obj + offset);
}

#endif /* _MVLAN_HASH_H */
