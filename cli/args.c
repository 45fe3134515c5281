// SPDX-License-Identifier: GPL-2.0
/*
 * Command line helpers shared by the commands.
 */
#include <assert.h>
#include <stdint.h>
#include <string.h>

#include "mvctl.h"
#include "parse.h"

static const struct keyword *find_keyword(const struct keyword *kw, size_t n,
					  const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(kw[i].name, name))
			return &kw[i];
	return NULL;
}

int parse_keywords(const struct keyword *kw, size_t n, int argc, char **argv,
		   void *opts)
{
	uint64_t seen = 0;
	int i;

	assert(n <= 64);
	for (i = 0; i < argc; i++) {
		const struct keyword *k = find_keyword(kw, n, argv[i]);
		const char *arg = NULL;

		if (!k) {
			mv_err("unknown keyword \"%s\"", argv[i]);
			return -1;
		}
		if (seen & (UINT64_C(1) << (k - kw))) {
			mv_err("duplicate keyword \"%s\"", k->name);
			return -1;
		}
		seen |= UINT64_C(1) << (k - kw);
		if (k->has_arg) {
			if (i + 1 >= argc) {
				mv_err("missing argument after \"%s\"", k->name);
				return -1;
			}
			arg = argv[++i];
		}
		if (k->set(opts, arg))
			return -1;
	}
	return 0;
}

int arg_ifname(const char *arg)
{
	if (valid_ifname(arg))
		return 0;
	mv_err("invalid device name \"%s\"", arg);
	return -1;
}
