/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Growable arrays: a pointer, a count and a capacity, grown by appending
 * (and ARRAY_SIZE() for the others). Header only, so that whatever uses it
 * (the ipc layer, the MAC address lists, the parser fuzzer) links nothing
 * more.
 *
 *	struct { struct thing *v; size_t n, cap; } l = { 0 };
 *	struct thing *t = ARRAY_ADD(l.v, l.n, l.cap);	// NULL: no memory
 *	...
 *	ARRAY_FREE(l.v, l.n, l.cap);
 *
 * The array is the caller's: free(v) releases it as well as ARRAY_FREE().
 */
#ifndef MVCTL_ARRAY_H
#define MVCTL_ARRAY_H

#include <stdlib.h>
#include <string.h>

/* The elements of an array whose size the compiler knows. */
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* Elements of the first allocation; it doubles from there. */
#define ARRAY_FIRST_CAP	16

/*
 * Makes room for element n of the array v of capacity *cap, elements of
 * size bytes. Returns the array, moved or not, or NULL without memory (v is
 * left as it was).
 */
static inline void *array_room(void *v, size_t n, size_t *cap, size_t size)
{
	size_t want;

	if (n < *cap)
		return v;
	want = *cap ? 2 * *cap : ARRAY_FIRST_CAP;
	v = reallocarray(v, want, size);
	if (v)
		*cap = want;
	return v;
}

/*
 * Appends a zeroed element to the array v of n elements and capacity cap
 * (three lvalues, each evaluated more than once). Evaluates to a pointer to
 * it, or to NULL without memory, the array unchanged.
 */
#define ARRAY_ADD(v, n, cap) __extension__ ({				\
	__typeof__(v) room_ = array_room((v), (n), &(cap),		\
					 sizeof(*(v)));			\
	__typeof__(v) new_ = NULL;					\
	if (room_) {							\
		(v) = room_;						\
		new_ = &room_[(n)++];					\
		memset(new_, 0, sizeof(*new_));				\
	}								\
	new_;								\
})

/* Frees the array and empties it. */
#define ARRAY_FREE(v, n, cap)						\
	do {								\
		free(v);						\
		(v) = NULL;						\
		(n) = 0;						\
		(cap) = 0;						\
	} while (0)

#endif /* MVCTL_ARRAY_H */
