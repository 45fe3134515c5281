// SPDX-License-Identifier: GPL-2.0
/*
 * mvctl show [NAME | link LOWER]: MVLAN_CMD_DEV_GET.
 */
#include <errno.h>
#include <net/if.h>
#include <string.h>

#include "devget.h"
#include "mvctl.h"

static int show_one(const struct mvctl *ctx, const char *name)
{
	struct mvlan_dev d;
	struct mvnl nl;
	int family, err;

	if (mvnl_open_mvlan(&nl, &family))
		return EXIT_FAIL;
	err = dev_get(&nl, family, name, "show", &d);
	mvnl_close(&nl);
	if (err)
		return EXIT_FAIL;
	devs_print(stdout, &d, 1, ctx->out);
	return EXIT_OK;
}

/* All devices (lower NULL), or those on the lower device called lower. */
static int show_all(const struct mvctl *ctx, const char *lower)
{
	struct dev_list list = { 0 };
	uint32_t link = 0;
	struct mvnl nl;
	int family, err;

	if (mvnl_open_mvlan(&nl, &family))
		return EXIT_FAIL;
	if (lower && lookup_ifindex(lower, &link)) {
		mvnl_close(&nl);
		return EXIT_FAIL;
	}
	err = dev_dump(&nl, family, link, &list);
	mvnl_close(&nl);
	if (!err)
		devs_print(stdout, list.devs, list.n, ctx->out);
	dev_list_free(&list);
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
