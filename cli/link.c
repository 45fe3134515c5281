// SPDX-License-Identifier: GPL-2.0
/*
 * mvctl add, mvctl del: rtnetlink link creation and deletion, of link
 * kind mvlan or mvtap.
 */
#include <string.h>

#include <linux/mvlan.h>

#include "ipc.h"
#include "mvctl.h"
#include "parse.h"

struct add_opts {
	const char *lower;
	struct mvipc_newlink nl;	/* all but the lower's ifindex */
};

static int add_set_link(void *opts, const char *arg)
{
	struct add_opts *o = opts;

	o->lower = arg;
	return arg_ifname(arg);
}

static int add_set_type(void *opts, const char *arg)
{
	struct add_opts *o = opts;

	if (!strcmp(arg, MVLAN_LINK_KIND) || !strcmp(arg, MVTAP_LINK_KIND)) {
		o->nl.kind = arg;
		return 0;
	}
	mv_err("unknown type \"%s\" (mvlan or mvtap)", arg);
	return -1;
}

static int add_set_mode(void *opts, const char *arg)
{
	struct add_opts *o = opts;

	if (!parse_mode(arg, &o->nl.mode))
		return 0;
	mv_err("unknown mode \"%s\"", arg);
	return -1;
}

static int add_set_nopromisc(void *opts, const char *arg)
{
	struct add_opts *o = opts;

	(void)arg;
	o->nl.flags |= MVLAN_F_NOPROMISC;
	return 0;
}

static int add_set_nodst(void *opts, const char *arg)
{
	struct add_opts *o = opts;

	(void)arg;
	o->nl.flags |= MVLAN_F_NODST;
	return 0;
}

static int add_set_hostbridge(void *opts, const char *arg)
{
	struct add_opts *o = opts;

	(void)arg;
	o->nl.flags |= MVLAN_F_HOSTBRIDGE;
	return 0;
}

static int add_set_address(void *opts, const char *arg)
{
	struct add_opts *o = opts;

	o->nl.given |= MVIPC_NEW_ADDRESS;
	return arg_mac(arg, o->nl.address);
}

static int add_set_mtu(void *opts, const char *arg)
{
	struct add_opts *o = opts;

	o->nl.given |= MVIPC_NEW_MTU;
	return arg_u32("mtu", arg, &o->nl.mtu);
}

static int add_set_bcqueuelen(void *opts, const char *arg)
{
	struct add_opts *o = opts;

	o->nl.given |= MVIPC_NEW_BC_QUEUE_LEN;
	return arg_u32("bcqueuelen", arg, &o->nl.bc_queue_len);
}

static int add_set_bclim(void *opts, const char *arg)
{
	struct add_opts *o = opts;

	o->nl.given |= MVIPC_NEW_BC_CUTOFF;
	return arg_s32("bclim", arg, &o->nl.bc_cutoff);
}

static const struct keyword add_keywords[] = {
	{ "link",	true,	add_set_link },
	{ "type",	true,	add_set_type },
	{ "mode",	true,	add_set_mode },
	{ "nopromisc",	false,	add_set_nopromisc },
	{ "nodst",	false,	add_set_nodst },
	{ "hostbridge",	false,	add_set_hostbridge },
	{ "address",	true,	add_set_address },
	{ "mtu",	true,	add_set_mtu },
	{ "bcqueuelen",	true,	add_set_bcqueuelen },
	{ "bclim",	true,	add_set_bclim },
};

static int parse_add(int argc, char **argv, struct add_opts *o)
{
	if (argc < 1) {
		mv_err("missing device name after \"add\"");
		return -1;
	}
	o->nl.name = argv[0];
	if (arg_ifname(o->nl.name))
		return -1;

	o->nl.mode = MVLAN_MODE_DEFAULT;
	o->nl.flags = 0;
	if (parse_keywords(add_keywords, ARRAY_SIZE(add_keywords),
			   argc - 1, argv + 1, o))
		return -1;

	if (!o->lower) {
		mv_err("\"link LOWER\" is required");
		return -1;
	}
	return 0;
}

static int do_add(struct mvipc *ipc, struct add_opts *o)
{
	struct mvipc_error e;

	if (mvipc_link_index(o->lower, &o->nl.link, &e)) {
		mv_err_dev(&e, o->lower, "add %s", o->nl.name);
		return EXIT_FAIL;
	}
	if (mvipc_link_add(ipc, &o->nl, &e)) {
		mv_err("cannot add %s: %s", o->nl.name, mvipc_strerror(&e));
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

int cmd_add(const struct mvctl *ctx, int argc, char **argv)
{
	struct add_opts o = { 0 };
	struct mvipc *ipc;
	int ret;

	(void)ctx;
	if (parse_add(argc, argv, &o))
		return EXIT_USAGE;

	/* The genl family only to say clearly that the module is missing. */
	if (mv_check_module())
		return EXIT_FAIL;
	ipc = mv_open(MVIPC_ROUTE);
	if (!ipc)
		return EXIT_FAIL;
	ret = do_add(ipc, &o);
	mv_close(ipc);
	return ret;
}

/*
 * The device is deleted by the ifindex found when checking its kind, so
 * that a device renamed in between is never deleted by mistake.
 */
static int do_del(struct mvipc *ipc, const char *name)
{
	struct mvipc_error e;
	struct mvipc_link l;

	if (mv_get_link(ipc, name, "delete", name, &l))
		return EXIT_FAIL;
	if (!mvipc_is_mvlan_kind(l.kind)) {
		mv_err("%s is not an mvlan device", name);
		return EXIT_FAIL;
	}
	if (mvipc_link_del(ipc, l.ifindex, &e)) {
		mv_err("cannot delete %s: %s", name, mvipc_strerror(&e));
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

int cmd_del(const struct mvctl *ctx, int argc, char **argv)
{
	struct mvipc *ipc;
	int ret;

	(void)ctx;
	if (argc < 1) {
		mv_err("missing device name after \"del\"");
		return EXIT_USAGE;
	}
	if (arg_ifname(argv[0]) || arg_none(argc - 1, argv + 1))
		return EXIT_USAGE;

	ipc = mv_open(MVIPC_ROUTE);
	if (!ipc)
		return EXIT_FAIL;
	ret = do_del(ipc, argv[0]);
	mv_close(ipc);
	return ret;
}
