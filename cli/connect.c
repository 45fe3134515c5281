// SPDX-License-Identifier: GPL-2.0
/*
 * mvctl's way into the ipc layer: a handle for a command and the device
 * it names, errors printed.
 */
#include <errno.h>
#include <stdbool.h>

#include <linux/mvlan.h>

#include "array.h"
#include "ipc.h"
#include "mvctl.h"

/*
 * In a batch, the handles stay open from one line to the next, one for
 * each set of sockets asked for (MVIPC_GENL, MVIPC_ROUTE or both): a batch
 * of many lines opens its sockets and resolves the family once.
 */
static bool keeping;
static struct mvipc *kept[(MVIPC_GENL | MVIPC_ROUTE) + 1];

void mv_keep_open(bool keep)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(kept); i++) {
		mvipc_close(kept[i]);
		kept[i] = NULL;
	}
	keeping = keep;
}

void mv_close(struct mvipc *ipc)
{
	size_t i;

	for (i = 0; ipc && i < ARRAY_SIZE(kept); i++)
		if (kept[i] == ipc)
			return;
	mvipc_close(ipc);
}

struct mvipc *mv_open_own(unsigned int socks)
{
	struct mvipc_error e;
	struct mvipc *ipc;

	if (mvipc_open(&ipc, socks, &e)) {
		if (e.desc)
			mv_err("cannot open a netlink socket: %s",
			       mvipc_strerror(&e));
		else
			mv_err("cannot allocate a netlink socket");
		return NULL;
	}
	if (!(socks & MVIPC_GENL) || !mvipc_family(ipc, &e))
		return ipc;

	if (e.err == ENOENT)
		mv_err("mvlan module not loaded (generic netlink family \"%s\" not found)",
		       MVLAN_GENL_NAME);
	else
		mv_err("cannot resolve generic netlink family \"%s\": %s",
		       MVLAN_GENL_NAME, mvipc_strerror(&e));
	mvipc_close(ipc);
	return NULL;
}

struct mvipc *mv_open(unsigned int socks)
{
	struct mvipc *ipc;

	if (!keeping)
		return mv_open_own(socks);
	if (kept[socks])
		return kept[socks];
	ipc = mv_open_own(socks);
	kept[socks] = ipc;
	return ipc;
}

int mv_check_module(void)
{
	static bool loaded;
	struct mvipc *ipc;

	if (loaded)
		return 0;
	ipc = mv_open(MVIPC_GENL);
	if (!ipc)
		return -1;
	mv_close(ipc);
	loaded = true;
	return 0;
}

int mv_name_links(struct mvipc *ipc, struct mvlan_dev *devs, size_t n)
{
	struct mvipc_error e;

	if (!mvipc_name_links(ipc, devs, n, &e))
		return 0;
	mv_err("cannot list network devices: %s", mvipc_strerror(&e));
	return -1;
}

int mv_get_dev(struct mvipc *ipc, const char *name, const char *op,
	       struct mvlan_dev *d)
{
	struct mvipc_error e;

	if (mvipc_dev_get(ipc, name, d, &e)) {
		mv_err_dev(&e, name, "%s %s", op, name);
		return -1;
	}
	return mv_name_links(ipc, d, 1);
}

int mv_read_dev(const char *name, const char *op, struct mvlan_dev *d)
{
	struct mvipc *ipc = mv_open(MVIPC_GENL | MVIPC_ROUTE);
	int err;

	if (!ipc)
		return -1;
	err = mv_get_dev(ipc, name, op, d);
	mv_close(ipc);
	return err;
}

int mv_get_link(struct mvipc *ipc, const char *name, const char *op,
		const char *target, struct mvipc_link *l)
{
	struct mvipc_error e;

	if (!mvipc_link_get(ipc, 0, name, l, &e))
		return 0;
	mv_err_dev(&e, name, "%s %s", op, target);
	return -1;
}
