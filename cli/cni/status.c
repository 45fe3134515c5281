// SPDX-License-Identifier: GPL-2.0
/*
 * STATUS and GC (1.1.0). STATUS: ADD can be served: the module is loaded
 * (the "mvlan" generic netlink family resolves), the master exists, and
 * IPAM's STATUS says so too. GC: the attachments not listed in
 * cni.dev/valid-attachments lose their IPAM allocations, through IPAM's GC;
 * their devices went with their netns.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cni.h"
#include "ipc.h"

int cni_cmd_status(struct cni_ctx *ctx, struct cni_err *e)
{
	const struct cni_conf *c = &ctx->conf;
	struct mvipc_link master;
	struct mvipc_error ie;
	struct mvipc *ipc;
	int err;

	if (mvipc_open(&ipc, MVIPC_GENL | MVIPC_ROUTE, &ie))
		return cni_fail_ipc(e, &ie, "cannot open netlink sockets");
	err = mvipc_family(ipc, &ie);
	if (err == -ENOENT) {
		mvipc_close(ipc);
		return cni_fail(e, CNI_ERR_NOT_AVAILABLE,
				"the mvlan module is not loaded (no generic netlink family \"mvlan\")");
	}
	if (err) {
		mvipc_close(ipc);
		return cni_fail_ipc(e, &ie, "cannot resolve the mvlan family");
	}
	/* a master in the container's netns cannot be seen from here */
	err = c->link_in_container ? 0 : cni_find_master(ipc, c, &master, e);
	mvipc_close(ipc);
	/*
	 * No such master, no default route: ADD cannot be served. A lookup
	 * that failed (11 to try again, 999) keeps its code: it says nothing
	 * about the master.
	 */
	if (err && e->code == CNI_ERR_CONFIG)
		e->code = CNI_ERR_NOT_AVAILABLE;
	if (err)
		return -1;
	if (c->ipam_type && cni_ipam_exec(ctx, "STATUS", NULL, e))
		return -1;
	return 0;
}

int cni_cmd_gc(struct cni_ctx *ctx, struct cni_err *e)
{
	json_object *a = ctx->conf.attachments;
	size_t i;

	/* what the runtime lists must be attachments */
	for (i = 0; a && i < json_object_array_length(a); i++) {
		json_object *o = json_object_array_get_idx(a, i), *v;

		if (!json_object_is_type(o, json_type_object) ||
		    !json_object_object_get_ex(o, "containerID", &v) ||
		    !json_object_is_type(v, json_type_string) ||
		    !json_object_object_get_ex(o, "ifname", &v) ||
		    !json_object_is_type(v, json_type_string))
			return cni_fail(e, CNI_ERR_CONFIG,
					"cni.dev/valid-attachments[%zu]: needs \"containerID\" and \"ifname\"",
					i);
	}
	if (ctx->conf.ipam_type && cni_ipam_exec(ctx, "GC", NULL, e))
		return -1;
	return 0;
}
