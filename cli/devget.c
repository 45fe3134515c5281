// SPDX-License-Identifier: GPL-2.0
/*
 * MVLAN_CMD_DEV_GET over generic netlink.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <netlink/attr.h>
#include <netlink/genl/genl.h>
#include <netlink/route/link.h>

#include <linux/mvlan.h>

#include "devget.h"
#include "genl.h"
#include "mvctl.h"

static const struct nla_policy dev_policy[MVLAN_A_MAX + 1] = {
	[MVLAN_A_IFINDEX]		= { .type = NLA_U32 },
	[MVLAN_A_IFNAME]		= { .type = NLA_STRING, .maxlen = IFNAMSIZ },
	[MVLAN_A_LINK]			= { .type = NLA_U32 },
	[MVLAN_A_MODE]			= { .type = NLA_U32 },
	[MVLAN_A_FLAGS]			= { .type = NLA_U32 },
	[MVLAN_A_ADDRESS]		= { .minlen = MAC_LEN, .maxlen = MAC_LEN },
	[MVLAN_A_LINK_NETNSID]		= { .type = NLA_S32 },
	[MVLAN_A_BC_QUEUE_LEN]		= { .type = NLA_U32 },
	[MVLAN_A_BC_QUEUE_LEN_USED]	= { .type = NLA_U32 },
	[MVLAN_A_BC_CUTOFF]		= { .type = NLA_S32 },
	[MVLAN_A_SOURCE_COUNT]		= { .type = NLA_U32 },
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

static void parse_optional(struct nlattr **tb, struct mvlan_dev *d)
{
	if (tb[MVLAN_A_BC_QUEUE_LEN]) {
		d->present |= DEV_HAS_BC_QUEUE_LEN;
		d->bc_queue_len = nla_get_u32(tb[MVLAN_A_BC_QUEUE_LEN]);
	}
	if (tb[MVLAN_A_BC_QUEUE_LEN_USED]) {
		d->present |= DEV_HAS_BC_QUEUE_LEN_USED;
		d->bc_queue_len_used = nla_get_u32(tb[MVLAN_A_BC_QUEUE_LEN_USED]);
	}
	if (tb[MVLAN_A_BC_CUTOFF]) {
		d->present |= DEV_HAS_BC_CUTOFF;
		d->bc_cutoff = nla_get_s32(tb[MVLAN_A_BC_CUTOFF]);
	}
	if (tb[MVLAN_A_SOURCE_COUNT]) {
		d->present |= DEV_HAS_SOURCE_COUNT;
		d->source_count = nla_get_u32(tb[MVLAN_A_SOURCE_COUNT]);
	}
}

int dev_parse(struct mvnl *nl, struct nl_msg *msg, struct mvlan_dev *d)
{
	struct nlattr *tb[MVLAN_A_MAX + 1];
	int err;

	err = genlmsg_parse(nlmsg_hdr(msg), 0, tb, MVLAN_A_MAX, dev_policy);
	if (err < 0)
		return mvnl_fail(nl, EPROTO, "malformed device attributes");
	err = check_required(nl, tb);
	if (err)
		return err;

	memset(d, 0, sizeof(*d));
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
	parse_optional(tb, d);
	return 0;
}

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
	return &l->devs[l->n++];
}

/* mvnl_reply_fn: one device per message. */
static int parse_into_list(struct nl_msg *msg, void *arg)
{
	struct dev_list *l = arg;
	struct mvlan_dev *d;
	int err;

	d = dev_list_add(l);
	if (!d)
		return mvnl_fail(l->nl, ENOMEM, "");
	err = dev_parse(l->nl, msg, d);
	if (err)
		l->n--;
	return err;
}

/* mvnl_reset_fn */
static void dev_list_reset(void *arg)
{
	struct dev_list *l = arg;

	l->n = 0;
}

void dev_list_free(struct dev_list *l)
{
	free(l->devs);
	l->devs = NULL;
	l->n = l->cap = 0;
}

int dev_get(struct mvnl *nl, int family, const char *name, const char *op,
	    struct mvlan_dev *d)
{
	struct dev_list list = { .nl = nl };
	struct nl_msg *msg;
	int err = -NLE_NOMEM;

	msg = mvmsg_new(family, MVLAN_CMD_DEV_GET, 0, 0);
	if (msg && !mvmsg_put_dev(msg, 0, name))
		err = mvnl_request(nl, msg, parse_into_list, &list);
	nlmsg_free(msg);
	if (!err && list.n != 1)
		err = mvnl_fail(nl, EPROTO, list.n ? "more than one device in the reply"
						   : "no device in the reply");
	if (!err) {
		*d = list.devs[0];
		err = dev_name_links(d, 1) ? -NLE_FAILURE : 0;
		dev_list_free(&list);
		return err ? -1 : 0;
	}
	dev_list_free(&list);
	if (nl->error == ENODEV)
		mv_err("cannot find device \"%s\"", name);
	else
		mv_err("cannot %s %s: %s", op, name, mvnl_strerror(nl, err));
	return -1;
}

int dev_dump(struct mvnl *nl, int family, uint32_t link, struct dev_list *list)
{
	struct nl_msg *msg;
	int err = -NLE_NOMEM;

	list->nl = nl;
	msg = mvmsg_new(family, MVLAN_CMD_DEV_GET, NLM_F_DUMP, 0);
	if (msg && (!link || !nla_put_u32(msg, MVLAN_A_LINK, link)))
		err = mvnl_dump(nl, msg, parse_into_list, dev_list_reset, list);
	nlmsg_free(msg);
	list->nl = NULL;
	if (err) {
		mv_err("cannot list mvlan devices: %s", mvnl_strerror(nl, err));
		return -1;
	}
	return dev_name_links(list->devs, list->n);
}

int dev_name_links(struct mvlan_dev *devs, size_t n)
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
