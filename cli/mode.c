// SPDX-License-Identifier: GPL-2.0
/*
 * mvctl mode NAME [MODE [nopromisc|promisc] [nodst|dst]
 *                       [hostbridge|nohostbridge]]:
 * MVLAN_CMD_DEV_GET, and MVLAN_CMD_DEV_SET.
 */
#include <string.h>

#include <linux/mvlan.h>

#include "dev.h"
#include "ipc.h"
#include "mvctl.h"

/* Flag keywords: each sets or clears a flag. */
static const struct {
	const char *name;
	uint32_t flag;
	bool set;
} flag_words[] = {
	{ "nopromisc",	MVLAN_F_NOPROMISC,	true },
	{ "promisc",	MVLAN_F_NOPROMISC,	false },
	{ "nodst",	MVLAN_F_NODST,		true },
	{ "dst",	MVLAN_F_NODST,		false },
	{ "hostbridge",	MVLAN_F_HOSTBRIDGE,	true },
	{ "nohostbridge", MVLAN_F_HOSTBRIDGE,	false },
};

struct mode_opts {
	const char *name;
	uint32_t mode;
	uint32_t set, clear;	/* flags to set and to clear */
};

/* Which keyword set or cleared flag already, for the error message. */
static const char *word_of(const struct mode_opts *o, uint32_t flag)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(flag_words); i++)
		if (flag_words[i].flag == flag &&
		    (flag_words[i].set ? o->set : o->clear) & flag)
			return flag_words[i].name;
	return "?";
}

static int parse_flag_word(struct mode_opts *o, const char *arg)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(flag_words); i++) {
		uint32_t flag = flag_words[i].flag;

		if (strcmp(arg, flag_words[i].name))
			continue;
		if ((o->set | o->clear) & flag) {
			const char *other = word_of(o, flag);

			if (!strcmp(other, arg))
				mv_err("duplicate keyword \"%s\"", arg);
			else
				mv_err("conflicting keywords \"%s\" and \"%s\"",
				       other, arg);
			return -1;
		}
		if (flag_words[i].set)
			o->set |= flag;
		else
			o->clear |= flag;
		return 0;
	}
	mv_err("unknown keyword \"%s\"", arg);
	return -1;
}

static int parse_mode_args(int argc, char **argv, struct mode_opts *o)
{
	int i;

	if (parse_mode(argv[0], &o->mode)) {
		mv_err("unknown mode \"%s\"", argv[0]);
		return -1;
	}
	for (i = 1; i < argc; i++)
		if (parse_flag_word(o, argv[i]))
			return -1;
	return 0;
}

static int show_mode(const struct mvctl *ctx, const char *name)
{
	struct mvlan_dev d;

	if (mv_read_dev(name, "get the mode of", &d))
		return EXIT_FAIL;
	dev_print_mode(stdout, &d, ctx->out);
	return EXIT_OK;
}

/*
 * The device is named by both the ifindex and the name read, so that the
 * kernel refuses the change if it was renamed or replaced in between.
 */
static int change_mode(const struct mode_opts *o)
{
	struct mvipc *ipc = mv_open(MVIPC_GENL | MVIPC_ROUTE);
	struct mvipc_error e;
	struct mvlan_dev d;
	int err = -1;

	if (!ipc)
		return EXIT_FAIL;
	if (!mv_get_dev(ipc, o->name, "set the mode of", &d)) {
		err = mvipc_dev_set_mode(ipc, &d, o->mode,
					 (d.flags | o->set) & ~o->clear, &e);
		if (err)
			mv_err_dev(&e, o->name, "set the mode of %s", o->name);
	}
	mv_close(ipc);
	return err ? EXIT_FAIL : EXIT_OK;
}

int cmd_mode(const struct mvctl *ctx, int argc, char **argv)
{
	struct mode_opts o = { 0 };

	if (argc < 1) {
		mv_err("missing device name after \"mode\"");
		return EXIT_USAGE;
	}
	o.name = argv[0];
	if (arg_ifname(o.name))
		return EXIT_USAGE;
	if (argc == 1)
		return show_mode(ctx, o.name);
	if (parse_mode_args(argc - 1, argv + 1, &o))
		return EXIT_USAGE;
	return change_mode(&o);
}
