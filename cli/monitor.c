// SPDX-License-Identifier: GPL-2.0
/*
 * mvctl monitor: the notifications of the "events" multicast group.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <netlink/attr.h>
#include <netlink/genl/genl.h>

#include <linux/mvlan.h>

#include "devget.h"
#include "event.h"
#include "mvctl.h"
#include "nl.h"

/* Receive buffer: room for bursts, such as all devices of a lower going. */
#define MONITOR_RCVBUF	(4 << 20)

struct monitor {
	const struct mvctl *ctx;
	struct mvnl *nl;
	int family;
	int status;		/* EXIT_FAIL once output failed */
};

static const struct nla_policy source_policy[MVLAN_A_MAX + 1] = {
	[MVLAN_A_IFINDEX]		= { .type = NLA_U32 },
	[MVLAN_A_IFNAME]		= { .type = NLA_STRING, .maxlen = IFNAMSIZ },
	[MVLAN_A_SOURCE_COUNT]		= { .type = NLA_U32 },
	[MVLAN_A_SOURCE_ADDED]		= { .type = NLA_U32 },
	[MVLAN_A_SOURCE_REMOVED]	= { .type = NLA_U32 },
};

static int print_source_event(struct monitor *m, struct nl_msg *msg)
{
	struct nlattr *tb[MVLAN_A_MAX + 1];
	struct source_event e = { .name = "" };

	if (genlmsg_parse(nlmsg_hdr(msg), 0, tb, MVLAN_A_MAX, source_policy) < 0)
		return -1;
	if (tb[MVLAN_A_IFINDEX])
		e.ifindex = nla_get_u32(tb[MVLAN_A_IFINDEX]);
	if (tb[MVLAN_A_IFNAME])
		nla_strlcpy(e.name, tb[MVLAN_A_IFNAME], sizeof(e.name));
	if (tb[MVLAN_A_SOURCE_COUNT]) {
		e.present |= SRC_HAS_COUNT;
		e.count = nla_get_u32(tb[MVLAN_A_SOURCE_COUNT]);
	}
	if (tb[MVLAN_A_SOURCE_ADDED]) {
		e.present |= SRC_HAS_ADDED;
		e.added = nla_get_u32(tb[MVLAN_A_SOURCE_ADDED]);
	}
	if (tb[MVLAN_A_SOURCE_REMOVED]) {
		e.present |= SRC_HAS_REMOVED;
		e.removed = nla_get_u32(tb[MVLAN_A_SOURCE_REMOVED]);
	}
	event_print_source(stdout, &e, m->ctx->out);
	return 0;
}

static int print_dev_event(struct monitor *m, const char *kind,
			   struct nl_msg *msg)
{
	struct mvlan_dev d;

	if (dev_parse(m->nl, msg, &d))
		return -1;
	if (dev_name_links(&d, 1))
		snprintf(d.link_name, sizeof(d.link_name), "if%u", d.link);
	event_print_dev(stdout, kind, &d, m->ctx->out);
	return 0;
}

static const char *const dev_kinds[] = {
	[MVLAN_CMD_DEV_NEW]	= "new",
	[MVLAN_CMD_DEV_DEL]	= "del",
	[MVLAN_CMD_DEV_CHANGE]	= "change",
};

/* Libnl valid callback: one notification. Unknown ones are skipped. */
static int on_event(struct nl_msg *msg, void *arg)
{
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	struct monitor *m = arg;
	struct genlmsghdr *g;
	int err = 0;

	if (nlh->nlmsg_type != m->family || !genlmsg_valid_hdr(nlh, 0))
		return NL_SKIP;
	g = nlmsg_data(nlh);
	if (g->cmd == MVLAN_CMD_SOURCE_CHANGE)
		err = print_source_event(m, msg);
	else if (g->cmd < ARRAY_SIZE(dev_kinds) && dev_kinds[g->cmd])
		err = print_dev_event(m, dev_kinds[g->cmd], msg);
	else
		return NL_SKIP;
	if (err)
		mv_err("malformed event %u: %s", g->cmd,
		       m->nl->error ? mvnl_strerror(m->nl, -NLE_FAILURE) :
		       "bad attributes");
	if (fflush(stdout) || ferror(stdout)) {
		mv_err("cannot write output: %s", strerror(errno));
		m->status = EXIT_FAIL;
		return NL_STOP;
	}
	return NL_OK;
}

static int listen_events(struct monitor *m)
{
	struct nl_sock *sk = m->nl->sk;
	int err;

	nl_socket_disable_seq_check(sk);
	nl_socket_modify_cb(sk, NL_CB_VALID, NL_CB_CUSTOM, on_event, m);
	nl_socket_set_buffer_size(sk, MONITOR_RCVBUF, 0);

	for (;;) {
		err = nl_recvmsgs_default(sk);
		if (m->status != EXIT_OK)
			return m->status;
		if (err == -NLE_NOMEM) {	/* ENOBUFS: the buffer overran */
			mv_err("events lost: the receive buffer overran");
			continue;
		}
		if (err < 0 && err != -NLE_INTR && err != -NLE_AGAIN) {
			mv_err("cannot receive events: %s", nl_geterror(err));
			return EXIT_FAIL;
		}
	}
}

int cmd_monitor(const struct mvctl *ctx, int argc, char **argv)
{
	struct monitor m = { .ctx = ctx };
	struct mvnl nl;
	int ret;

	if (arg_none(argc, argv))
		return EXIT_USAGE;
	if (mvnl_open_mvlan(&nl, &m.family))
		return EXIT_FAIL;
	m.nl = &nl;
	ret = EXIT_FAIL;
	if (!mvnl_join_events(&nl))
		ret = listen_events(&m);
	mvnl_close(&nl);
	return ret;
}
