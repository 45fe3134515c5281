// SPDX-License-Identifier: GPL-2.0
/*
 * Command line helpers shared by the commands.
 */
#include <assert.h>
#include <errno.h>
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

int arg_none(int argc, char **argv)
{
	if (argc <= 0)
		return 0;
	mv_err("unexpected argument \"%s\"", argv[0]);
	return -1;
}

int arg_mac(const char *arg, uint8_t mac[MAC_LEN])
{
	char msg[MAC_STRLEN + 128];
	int err;

	err = parse_mac_unicast(arg, mac);
	if (!err)
		return 0;
	mac_strerror(msg, sizeof(msg), arg, err);
	mv_err("%s", msg);
	return -1;
}

static int number_error(const char *kw, const char *arg, int err)
{
	if (err == -ERANGE)
		mv_err("number \"%s\" after \"%s\" is out of range", arg, kw);
	else
		mv_err("invalid number \"%s\" after \"%s\"", arg, kw);
	return -1;
}

int arg_u32(const char *kw, const char *arg, uint32_t *v)
{
	int err = parse_u32(arg, v);

	return err ? number_error(kw, arg, err) : 0;
}

int arg_s32(const char *kw, const char *arg, int32_t *v)
{
	int err = parse_s32(arg, v);

	return err ? number_error(kw, arg, err) : 0;
}
