// SPDX-License-Identifier: GPL-2.0
/*
 * mvctl stats [NAME]: MVLAN_CMD_STATS_GET and MVLAN_CMD_PORT_GET.
 */
#include "counters.h"
#include "ipc.h"
#include "mvctl.h"

static int stats_all(struct mvipc *ipc, struct counters_list *devs,
		     struct counters_list *ports)
{
	struct mvipc_error e;

	if (mvipc_stats_get(ipc, NULL, devs, &e)) {
		mv_err("cannot list device statistics: %s", mvipc_strerror(&e));
		return -1;
	}
	if (mvipc_port_get(ipc, 0, ports, &e)) {
		mv_err("cannot list ports: %s", mvipc_strerror(&e));
		return -1;
	}
	return 0;
}

/* A lower device in another netns has no port here to show. */
static int stats_one(struct mvipc *ipc, const char *name,
		     struct counters_list *devs, struct counters_list *ports)
{
	const char *what = "get the statistics of";
	struct mvipc_error e;
	struct mvlan_dev d;

	if (mv_get_dev(ipc, name, what, &d))
		return -1;
	if (mvipc_stats_get(ipc, &d, devs, &e)) {
		mv_err_dev(&e, name, "%s %s", what, name);
		return -1;
	}
	if (d.link_netns)
		return 0;
	if (mvipc_port_get(ipc, d.link, ports, &e)) {
		mv_err("cannot get the port of %s: %s", d.link_name,
		       mvipc_strerror(&e));
		return -1;
	}
	return 0;
}

int cmd_stats(const struct mvctl *ctx, int argc, char **argv)
{
	struct counters_list devs = { 0 }, ports = { 0 };
	const char *name = NULL;
	struct mvipc *ipc;
	int err;

	if (argc > 0) {
		name = argv[0];
		if (arg_ifname(name) || arg_none(argc - 1, argv + 1))
			return EXIT_USAGE;
	}
	ipc = mv_open(MVIPC_GENL | MVIPC_ROUTE);
	if (!ipc)
		return EXIT_FAIL;
	if (name)
		err = stats_one(ipc, name, &devs, &ports);
	else
		err = stats_all(ipc, &devs, &ports);
	mv_close(ipc);
	if (!err)
		counters_print(stdout, &devs, &ports, ctx->out);
	ARRAY_FREE(devs.c, devs.n, devs.cap);
	ARRAY_FREE(ports.c, ports.n, ports.cap);
	return err ? EXIT_FAIL : EXIT_OK;
}
