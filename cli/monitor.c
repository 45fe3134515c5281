// SPDX-License-Identifier: GPL-2.0
/*
 * mvctl monitor: the notifications of the "events" multicast group.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <linux/mvlan.h>

#include "event.h"
#include "ipc.h"
#include "mvctl.h"

/* Receive buffer: room for bursts, such as all devices of a lower going. */
#define MONITOR_RCVBUF	(4 << 20)

/* What on_event() returns when output failed: the monitor stops. */
#define STOP_OUTPUT	1

struct monitor {
	const struct mvctl *ctx;
	struct mvipc *ipc;
};

static const char *const dev_kinds[] = {
	[MVLAN_CMD_DEV_NEW]	= "new",
	[MVLAN_CMD_DEV_DEL]	= "del",
	[MVLAN_CMD_DEV_CHANGE]	= "change",
};

/* mvipc_event_fn: prints one notification. */
static int on_event(const struct mvipc_event *ev, struct mvipc_error *bad,
		    void *arg)
{
	struct monitor *m = arg;
	struct mvlan_dev d;

	if (bad) {
		mv_err("malformed event %u: %s", ev->cmd, mvipc_strerror(bad));
	} else if (ev->cmd == MVLAN_CMD_SOURCE_CHANGE) {
		event_print_source(stdout, &ev->source, m->ctx->out);
	} else {
		d = ev->dev;
		if (mv_name_links(m->ipc, &d, 1))
			snprintf(d.link_name, sizeof(d.link_name), "if%u",
				 d.link);
		event_print_dev(stdout, dev_kinds[ev->cmd], &d, m->ctx->out);
	}
	if (fflush(stdout) || ferror(stdout)) {
		mv_err("cannot write output: %s", strerror(errno));
		return STOP_OUTPUT;
	}
	return 0;
}

static int listen_events(struct monitor *m)
{
	struct mvipc_error e;
	int err;

	for (;;) {
		err = mvipc_events_read(m->ipc, on_event, m, &e);
		if (err == STOP_OUTPUT)
			return EXIT_FAIL;
		if (err == -ENOBUFS) {
			mv_err("events lost: the receive buffer overran");
			continue;
		}
		if (err && err != -EINTR && err != -EAGAIN) {
			mv_err("cannot receive events: %s", mvipc_strerror(&e));
			return EXIT_FAIL;
		}
	}
}

static int join_events(struct mvipc *ipc)
{
	struct mvipc_error e;
	int group;

	if (mvipc_events_group(ipc, &group, &e)) {
		mv_err("cannot find the multicast group \"%s\" of \"%s\": %s",
		       MVLAN_MCGRP_EVENTS, MVLAN_GENL_NAME, mvipc_strerror(&e));
		return -1;
	}
	if (mvipc_events_join(ipc, group, MONITOR_RCVBUF, &e)) {
		mv_err("cannot join the multicast group \"%s\": %s",
		       MVLAN_MCGRP_EVENTS, mvipc_strerror(&e));
		return -1;
	}
	return 0;
}

int cmd_monitor(const struct mvctl *ctx, int argc, char **argv)
{
	struct monitor m = { .ctx = ctx };
	int ret = EXIT_FAIL;

	if (arg_none(argc, argv))
		return EXIT_USAGE;
	m.ipc = mv_open_own(MVIPC_GENL | MVIPC_ROUTE);
	if (!m.ipc)
		return EXIT_FAIL;
	if (!join_events(m.ipc))
		ret = listen_events(&m);
	mvipc_close(m.ipc);
	return ret;
}
