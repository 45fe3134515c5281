// SPDX-License-Identifier: GPL-2.0
/*
 * mvctl show: MVLAN_CMD_DEV_GET over generic netlink.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <netlink/attr.h>
#include <netlink/genl/genl.h>
#include <netlink/msg.h>
#include <netlink/route/link.h>

#include <linux/mvlan.h>

#include "dev.h"
#include "mvctl.h"
#include "nl.h"

struct dev_list {
	struct mvlan_dev *devs;
	size_t n, cap;
	struct mvnl *nl;	/* for reporting malformed replies */
};

static const struct nla_policy dev_policy[MVLAN_A_MAX + 1] = {
	[MVLAN_A_IFINDEX]	= { .type = NLA_U32 },
	[MVLAN_A_IFNAME]	= { .type = NLA_STRING, .maxlen = IFNAMSIZ },
	[MVLAN_A_LINK]		= { .type = NLA_U32 },
	[MVLAN_A_MODE]		= { .type = NLA_U32 },
	[MVLAN_A_FLAGS]		= { .type = NLA_U32 },
	[MVLAN_A_ADDRESS]	= { .minlen = MAC_LEN, .maxlen = MAC_LEN },
	[MVLAN_A_LINK_NETNSID]	= { .type = NLA_S32 },
};

static const struct {
	int type;
	const char *name;
} dev_required[] = {
	{ MVLAN_A_IFINDEX,	"MVLAN_A_IFINDEX" },
	{ MVLAN_A_IFNAME,	"MVLAN_A_IFNAME" },
	{ MVLAN_A_LINK,		"MVLAN_A_LINK" },
	{ MVLAN_A_MODE,		"MVLAN_A_MODE" },
	{ MVLAN_A_FLAGS,	"MVLAN_A_FLAGS" },
	{ MVLAN_A_ADDRESS,	"MVLAN_A_ADDRESS" },
};

static struct mvlan_dev *dev_list_add(struct dev_list *l)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 8;
		struct mvlan_dev *devs;

		devs = reallocarray(l->devs, cap, sizeof(*devs));
		if (!devs)
			return NULL;
		l->devs = devs;
		l->cap = cap;
	}
	memset(&l->devs[l->n], 0, sizeof(l->devs[0]));
	return &l->devs[l->n++];
}

static int check_required(struct mvnl *nl, struct nlattr **tb)
{
	char detail[64];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(dev_required); i++) {
		if (!tb[dev_required[i].type]) {
			snprintf(detail, sizeof(detail), "reply lacks %s",
				 dev_required[i].name);
			return mvnl_fail(nl, EPROTO, detail);
		}
	}
	return 0;
}

/* mvnl_reply_fn: one device per message. */
static int parse_dev(struct nl_msg *msg, void *arg)
{
	struct nlattr *tb[MVLAN_A_MAX + 1];
	struct dev_list *l = arg;
	struct mvlan_dev *d;
	int err;

	err = genlmsg_parse(nlmsg_hdr(msg), 0, tb, MVLAN_A_MAX, dev_policy);
	if (err < 0)
		return mvnl_fail(l->nl, EPROTO, "malformed device attributes");
	err = check_required(l->nl, tb);
	if (err)
		return err;

	d = dev_list_add(l);
	if (!d)
		return mvnl_fail(l->nl, ENOMEM, "");

	d->ifindex = nla_get_u32(tb[MVLAN_A_IFINDEX]);
	nla_strlcpy(d->name, tb[MVLAN_A_IFNAME], sizeof(d->name));
	d->link = nla_get_u32(tb[MVLAN_A_LINK]);
	d->mode = nla_get_u32(tb[MVLAN_A_MODE]);
	d->flags = nla_get_u32(tb[MVLAN_A_FLAGS]);
	nla_memcpy(d->address, tb[MVLAN_A_ADDRESS], MAC_LEN);
	if (tb[MVLAN_A_LINK_NETNSID]) {
		d->link_netns = true;
		d->link_netnsid = nla_get_s32(tb[MVLAN_A_LINK_NETNSID]);
	}
	return 0;
}

/* A dump of all devices, or a do for the one named. */
static struct nl_msg *build_get(int family, const char *name)
{
	int flags = name ? NLM_F_ACK : NLM_F_DUMP;
	struct nl_msg *msg;

	msg = nlmsg_alloc();
	if (!msg)
		return NULL;

	if (!genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, family, 0, flags,
			 MVLAN_CMD_DEV_GET, MVLAN_GENL_VERSION) ||
	    (name && nla_put_string(msg, MVLAN_A_IFNAME, name))) {
		nlmsg_free(msg);
		return NULL;
	}
	return msg;
}

/* Fills list with the devices; returns 0, or -1 after printing an error. */
static int fetch_devs(const char *name, struct dev_list *list)
{
	struct nl_msg *msg;
	struct mvnl nl;
	int family, err;

	if (mvnl_open_mvlan(&nl, &family))
		return -1;

	list->nl = &nl;
	msg = build_get(family, name);
	if (msg) {
		err = mvnl_request(&nl, msg, parse_dev, list);
		nlmsg_free(msg);
	} else {
		err = -NLE_NOMEM;
	}
	list->nl = NULL;

	if (err && name && nl.error == ENODEV)
		mv_err("cannot find device \"%s\"", name);
	else if (err && name)
		mv_err("cannot show %s: %s", name, mvnl_strerror(&nl, err));
	else if (err)
		mv_err("cannot list mvlan devices: %s", mvnl_strerror(&nl, err));
	mvnl_close(&nl);
	return err ? -1 : 0;
}

/*
 * Names the lower devices as this netns knows them. A lower device in
 * another netns is shown as "if<N>", as ip does. Returns 0, or -1 after
 * printing an error.
 */
static int resolve_links(struct mvlan_dev *devs, size_t n)
{
	struct nl_cache *cache;
	struct mvnl nl;
	size_t i;
	int err;

	if (!n)
		return 0;
	if (mvnl_open(&nl, NETLINK_ROUTE))
		return -1;

	err = rtnl_link_alloc_cache(nl.sk, AF_UNSPEC, &cache);
	if (err < 0) {
		mv_err("cannot list network devices: %s",
		       mvnl_strerror(&nl, err));
		mvnl_close(&nl);
		return -1;
	}

	for (i = 0; i < n; i++) {
		struct mvlan_dev *d = &devs[i];

		if (d->link_netns ||
		    !rtnl_link_i2name(cache, d->link, d->link_name,
				      sizeof(d->link_name)))
			snprintf(d->link_name, sizeof(d->link_name), "if%u",
				 d->link);
	}

	nl_cache_free(cache);
	mvnl_close(&nl);
	return 0;
}

int cmd_show(const struct mvctl *ctx, int argc, char **argv)
{
	struct dev_list list = { 0 };
	const char *name = NULL;
	int ret = EXIT_FAIL;

	if (argc > 0) {
		name = argv[0];
		if (arg_ifname(name))
			return EXIT_USAGE;
	}
	if (argc > 1) {
		mv_err("unexpected argument \"%s\"", argv[1]);
		return EXIT_USAGE;
	}

	if (fetch_devs(name, &list) || resolve_links(list.devs, list.n))
		goto out;

	devs_print(stdout, list.devs, list.n, ctx->json);
	ret = EXIT_OK;
out:
	free(list.devs);
	return ret;
}
