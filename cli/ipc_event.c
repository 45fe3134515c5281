// SPDX-License-Identifier: GPL-2.0
/*
 * Notifications of the family's multicast group "events".
 */
#include <errno.h>
#include <string.h>

#include <netlink/attr.h>
#include <netlink/genl/ctrl.h>
#include <netlink/genl/genl.h>

#include <linux/mvlan.h>

#include "ipc_priv.h"

#define SOURCE_FIELD(attr, kind, member, has) \
	MVIPC_FIELD(struct source_event, attr, kind, member, false, has)

static const struct mvipc_field source_fields[] = {
	SOURCE_FIELD(MVLAN_A_IFINDEX, MVIPC_F_U32, ifindex, 0),
	SOURCE_FIELD(MVLAN_A_IFNAME, MVIPC_F_NAME, name, 0),
	SOURCE_FIELD(MVLAN_A_SOURCE_COUNT, MVIPC_F_U32, count, SRC_HAS_COUNT),
	SOURCE_FIELD(MVLAN_A_SOURCE_ADDED, MVIPC_F_U32, added, SRC_HAS_ADDED),
	SOURCE_FIELD(MVLAN_A_SOURCE_REMOVED, MVIPC_F_U32, removed,
		     SRC_HAS_REMOVED),
};

static int parse_source(struct nlmsghdr *nlh, struct source_event *s,
			struct mvipc_error *e)
{
	struct nlattr *tb[MVLAN_A_MAX + 1];

	memset(s, 0, sizeof(*s));
	if (genlmsg_parse(nlh, 0, tb, MVLAN_A_MAX,
			  mvipc_genl_policy) < 0) {
		mvipc_fail(e, EPROTO, NULL);
		e->desc = "bad attributes";
		return -EPROTO;
	}
	return mvipc_fill(tb, source_fields, ARRAY_SIZE(source_fields), s,
			  &s->present, "notification", e);
}

int mvipc_parse_event(struct nlmsghdr *nlh, int family,
		      struct mvipc_event *ev, struct mvipc_error *e)
{
	const struct genlmsghdr *g;

	if (nlh->nlmsg_type != family || !genlmsg_valid_hdr(nlh, 0))
		return 1;
	g = nlmsg_data(nlh);
	ev->cmd = g->cmd;
	switch (g->cmd) {
	case MVLAN_CMD_DEV_NEW:
	case MVLAN_CMD_DEV_DEL:
	case MVLAN_CMD_DEV_CHANGE:
		return mvipc_parse_dev(nlh, &ev->dev, e);
	case MVLAN_CMD_SOURCE_CHANGE:
		return parse_source(nlh, &ev->source, e);
	default:
		return 1;
	}
}

int mvipc_events_group(struct mvipc *ipc, int *group, struct mvipc_error *e)
{
	int err = mvipc_family(ipc, e);

	if (err)
		return err;
	err = genl_ctrl_resolve_grp(ipc->genl, MVLAN_GENL_NAME,
				    MVLAN_MCGRP_EVENTS);
	if (err < 0)
		return mvipc_lib_fail(e, err);
	*group = err;
	return 0;
}

int mvipc_events_join(struct mvipc *ipc, int group, int rcvbuf,
		      struct mvipc_error *e)
{
	int err;

	mvipc_begin(ipc, e);
	err = mvipc_need(ipc->genl, "generic netlink", e);
	if (err)
		return err;
	err = nl_socket_add_membership(ipc->genl, group);
	if (err < 0)
		return mvipc_lib_fail(e, err);
	nl_socket_disable_seq_check(ipc->genl);
	if (rcvbuf)
		nl_socket_set_buffer_size(ipc->genl, rcvbuf, 0);
	return 0;
}

struct reader {
	struct mvipc *ipc;
	mvipc_event_fn fn;
	void *arg;
	struct mvipc_error *e;	/* mvipc_events_read()'s */
	int ret;		/* fn's, when it stopped */
};

/* libnl's valid callback: one message. */
static int on_message(struct nl_msg *msg, void *arg)
{
	struct reader *r = arg;
	struct mvipc_event ev;
	struct mvipc_error bad;
	int err, ret;

	err = mvipc_parse_event(nlmsg_hdr(msg), r->ipc->family, &ev, &bad);
	if (err > 0)
		return NL_SKIP;
	ret = r->fn(&ev, err ? &bad : NULL, r->arg);
	/* fn may have made requests of its own on the handle */
	r->ipc->e = r->e;
	if (ret <= 0)
		return NL_OK;
	r->ret = ret;
	return NL_STOP;
}

int mvipc_events_read(struct mvipc *ipc, mvipc_event_fn fn, void *arg,
		      struct mvipc_error *e)
{
	struct reader r = { .ipc = ipc, .fn = fn, .arg = arg, .e = e };
	int err;

	mvipc_begin(ipc, e);
	err = mvipc_need(ipc->genl, "generic netlink", e);
	if (err)
		return err;
	nl_socket_modify_cb(ipc->genl, NL_CB_VALID, NL_CB_CUSTOM, on_message,
			    &r);
	err = nl_recvmsgs_default(ipc->genl);
	nl_socket_modify_cb(ipc->genl, NL_CB_VALID, NL_CB_DEFAULT, NULL, NULL);
	if (r.ret)
		return r.ret;
	switch (err) {
	case -NLE_NOMEM:	/* ENOBUFS: the buffer overran */
		return mvipc_fail(e, ENOBUFS, NULL);
	case -NLE_INTR:
		return mvipc_fail(e, EINTR, NULL);
	case -NLE_AGAIN:
		return mvipc_fail(e, EAGAIN, NULL);
	default:
		return err < 0 ? mvipc_lib_fail(e, err) : 0;
	}
}
