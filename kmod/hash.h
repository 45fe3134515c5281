/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mvlan: hashing and comparing MAC addresses, for the rhashtables that are
 * keyed by one (the port's devices, the source entries). Inline, and the
 * comparison without memcmp(): rx looks one or two of them up for every
 * frame.
 */
#ifndef _MVLAN_HASH_H
#define _MVLAN_HASH_H

#include <linux/etherdevice.h>
#include <linux/jhash.h>
#include <linux/rhashtable.h>

/*
 * jhash of the six bytes, seeded by the table. Not a multiplicative hash:
 * rhashtable takes a bucket from the low bits of the hash, and the low bits
 * of a product do not depend on the high bits of the key (the last bytes of
 * an address, those that differ between neighbours).
 */
static inline u32 mvlan_mac_hashfn(const void *data, u32 len, u32 seed)
{
	const unsigned char *addr = data;

	return jhash_2words(get_unaligned((const u32 *)addr),
			    get_unaligned((const u16 *)(addr + 4)), seed);
}

/* rhashtable's obj_cmpfn for an object whose address sits at @offset */
static inline int mvlan_mac_cmp(const struct rhashtable_compare_arg *arg,
				const void *obj, size_t offset)
{
	return !ether_addr_equal(arg->key, (const u8 *)obj + offset);
}

#endif /* _MVLAN_HASH_H */
