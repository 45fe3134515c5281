/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Capturing what a function writes to a FILE *, for the unit tests.
 *
 *	FILE *f = memout_open();
 *	...write to f...
 *	CHECK_STR(memout_close(f), "expected");
 */
#ifndef MEMOUT_H
#define MEMOUT_H

#include <stdio.h>
#include <stdlib.h>

static char *memout_buf;
static size_t memout_len;

static inline FILE *memout_open(void)
{
	FILE *f;

	free(memout_buf);
	memout_buf = NULL;
	f = open_memstream(&memout_buf, &memout_len);
	if (!f) {
		perror("open_memstream");
		exit(1);
	}
	return f;
}

/* The text written; valid until the next memout_open(). */
static inline const char *memout_close(FILE *f)
{
	fclose(f);
	return memout_buf;
}

#endif /* MEMOUT_H */
