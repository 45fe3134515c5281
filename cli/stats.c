// SPDX-License-Identifier: GPL-2.0
/*
 * mvctl stats [NAME]: MVLAN_CMD_STATS_GET and MVLAN_CMD_PORT_GET.
 */
#include <errno.h>
#include <string.h>

#include <netlink/attr.h>
#include <netlink/genl/genl.h>

#include <linux/mvlan.h>

#include "counters.h"
#include "devget.h"
#include "genl.h"
#include "mvctl.h"
#include "nl.h"

static const struct nla_policy reply_policy[MVLAN_A_MAX + 1] = {
	[MVLAN_A_IFINDEX]	= { .type = NLA_U32 },
	[MVLAN_A_IFNAME]	= { .type = NLA_STRING, .maxlen = IFNAMSIZ },
	[MVLAN_A_STATS]		= { .type = NLA_NESTED },
	[MVLAN_A_PORT]		= { .type = NLA_NESTED },
};

struct fetch {
	struct counters_list list;
	struct mvnl *nl;
};

/* mvnl_reset_fn */
static void fetch_reset(void *arg)
{
	struct fetch *f = arg;

	f->list.n = 0;
}

/*
 * A reply's nest of type attr, of that kind, into a new element of f's
 * list. Returns 0 or a libnl error code recorded in f->nl.
 */
static int parse_reply(struct fetch *f, struct nl_msg *msg, int attr,
		       const struct counter_kind *kind)
{
	struct nlattr *tb[MVLAN_A_MAX + 1];
	struct counters *c;
	char detail[64];

	if (genlmsg_parse(nlmsg_hdr(msg), 0, tb, MVLAN_A_MAX, reply_policy) < 0)
		return mvnl_fail(f->nl, EPROTO, "malformed reply");
	if (!tb[attr]) {
		snprintf(detail, sizeof(detail), "reply lacks %s",
			 attr == MVLAN_A_STATS ? "MVLAN_A_STATS" : "MVLAN_A_PORT");
		return mvnl_fail(f->nl, EPROTO, detail);
	}
	c = counters_add(&f->list);
	if (!c)
		return mvnl_fail(f->nl, ENOMEM, "");
	if (tb[MVLAN_A_IFINDEX])
		c->ifindex = nla_get_u32(tb[MVLAN_A_IFINDEX]);
	if (tb[MVLAN_A_IFNAME])
		nla_strlcpy(c->name, tb[MVLAN_A_IFNAME], sizeof(c->name));
	if (counters_parse(kind, tb[attr], c))
		return mvnl_fail(f->nl, EPROTO, "malformed counters");
	return 0;
}

/* mvnl_reply_fn */
static int parse_stats(struct nl_msg *msg, void *arg)
{
	return parse_reply(arg, msg, MVLAN_A_STATS, &kind_stats);
}

/* mvnl_reply_fn */
static int parse_port(struct nl_msg *msg, void *arg)
{
	return parse_reply(arg, msg, MVLAN_A_PORT, &kind_port);
}

/*
 * A dump (d NULL) or a do for device d of command cmd into f. Returns 0
 * or a libnl error code.
 */
static int fetch(struct mvnl *nl, int family, uint8_t cmd,
		 const struct mvlan_dev *d, struct fetch *f)
{
	struct nl_msg *msg;
	mvnl_reply_fn fn = cmd == MVLAN_CMD_STATS_GET ? parse_stats : parse_port;
	int err = -NLE_NOMEM;

	f->nl = nl;
	msg = mvmsg_new(family, cmd, d ? 0 : NLM_F_DUMP, 0);
	if (!msg)
		return err;
	if (!d)
		err = mvnl_dump(nl, msg, fn, fetch_reset, f);
	else if (cmd == MVLAN_CMD_STATS_GET ?
		 !mvmsg_put_dev(msg, d->ifindex, d->name) :
		 !nla_put_u32(msg, MVLAN_A_LINK, d->link))
		err = mvnl_request(nl, msg, fn, f);
	nlmsg_free(msg);
	return err;
}

static int stats_all(struct mvnl *nl, int family, struct fetch *devs,
		     struct fetch *ports)
{
	int err;

	err = fetch(nl, family, MVLAN_CMD_STATS_GET, NULL, devs);
	if (err) {
		mv_err("cannot list device statistics: %s",
		       mvnl_strerror(nl, err));
		return -1;
	}
	err = fetch(nl, family, MVLAN_CMD_PORT_GET, NULL, ports);
	if (err) {
		mv_err("cannot list ports: %s", mvnl_strerror(nl, err));
		return -1;
	}
	return 0;
}

/* A lower device in another netns has no port here to show. */
static int stats_one(struct mvnl *nl, int family, const char *name,
		     struct fetch *devs, struct fetch *ports)
{
	struct mvlan_dev d;
	int err;

	if (dev_get(nl, family, name, "get the statistics of", &d))
		return -1;
	err = fetch(nl, family, MVLAN_CMD_STATS_GET, &d, devs);
	if (err) {
		if (nl->error == ENODEV)
			mv_err("cannot find device \"%s\"", name);
		else
			mv_err("cannot get the statistics of %s: %s", name,
			       mvnl_strerror(nl, err));
		return -1;
	}
	if (d.link_netns)
		return 0;
	err = fetch(nl, family, MVLAN_CMD_PORT_GET, &d, ports);
	if (err) {
		mv_err("cannot get the port of %s: %s", d.link_name,
		       mvnl_strerror(nl, err));
		return -1;
	}
	return 0;
}

int cmd_stats(const struct mvctl *ctx, int argc, char **argv)
{
	struct fetch devs = { .nl = NULL }, ports = { .nl = NULL };
	const char *name = NULL;
	struct mvnl nl;
	int family, err;

	if (argc > 0) {
		name = argv[0];
		if (arg_ifname(name) || arg_none(argc - 1, argv + 1))
			return EXIT_USAGE;
	}
	if (mvnl_open_mvlan(&nl, &family))
		return EXIT_FAIL;
	if (name)
		err = stats_one(&nl, family, name, &devs, &ports);
	else
		err = stats_all(&nl, family, &devs, &ports);
	mvnl_close(&nl);
	if (!err)
		counters_print(stdout, &devs.list, &ports.list, ctx->out);
	counters_free(&devs.list);
	counters_free(&ports.list);
	return err ? EXIT_FAIL : EXIT_OK;
}
