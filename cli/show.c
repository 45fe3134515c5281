// SPDX-License-Identifier: GPL-2.0
/*
 * mvctl show [NAME | link LOWER]: MVLAN_CMD_DEV_GET.
 */
#include <string.h>

#include "dev.h"
#include "ipc.h"
#include "mvctl.h"

static int show_one(const struct mvctl *ctx, const char *name)
{
	struct mvlan_dev d;

	if (mv_read_dev(name, "show", &d))
		return EXIT_FAIL;
	devs_print(stdout, &d, 1, ctx->out);
	return EXIT_OK;
}

/* All devices (lower NULL), or those on the lower device called lower. */
static int show_all(const struct mvctl *ctx, const char *lower)
{
	struct mvipc *ipc = mv_open(MVIPC_GENL | MVIPC_ROUTE);
	struct dev_list list = { 0 };
	char quoted[IFNAMSIZ + 2];
	struct mvipc_link l = { 0 };
	struct mvipc_error e;
	int err = -1;

	if (!ipc)
		return EXIT_FAIL;
	snprintf(quoted, sizeof(quoted), "\"%s\"", lower ? lower : "");
	if (lower && mv_get_link(ipc, lower, "look up device", quoted, &l))
		goto out;
	err = mvipc_dev_dump(ipc, l.ifindex, &list, &e);
	if (err)
		mv_err("cannot list mvlan devices: %s", mvipc_strerror(&e));
	else
		err = mv_name_links(ipc, list.devs, list.n);
	if (!err)
		devs_print(stdout, list.devs, list.n, ctx->out);
out:
	mv_close(ipc);
	ARRAY_FREE(list.devs, list.n, list.cap);
	return err ? EXIT_FAIL : EXIT_OK;
}

int cmd_show(const struct mvctl *ctx, int argc, char **argv)
{
	if (argc == 0)
		return show_all(ctx, NULL);

	if (!strcmp(argv[0], "link")) {
		if (argc < 2) {
			mv_err("missing argument after \"link\"");
			return EXIT_USAGE;
		}
		if (arg_ifname(argv[1]) || arg_none(argc - 2, argv + 2))
			return EXIT_USAGE;
		return show_all(ctx, argv[1]);
	}

	if (arg_ifname(argv[0]) || arg_none(argc - 1, argv + 1))
		return EXIT_USAGE;
	return show_one(ctx, argv[0]);
}
