// SPDX-License-Identifier: GPL-2.0
/*
 * mvctl add, mvctl del: rtnetlink link creation and deletion.
 */
#include <errno.h>
#include <string.h>

#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <netlink/attr.h>
#include <netlink/msg.h>
#include <netlink/route/link.h>

#include <linux/mvlan.h>

#include "mvctl.h"
#include "nl.h"
#include "parse.h"

/* Keywords given: bits of add_opts.given. */
#define ADD_ADDRESS	0x1
#define ADD_MTU		0x2
#define ADD_BC_QUEUE_LEN	0x4
#define ADD_BC_CUTOFF	0x8

struct add_opts {
	const char *name;
	const char *lower;
	uint32_t mode;
	uint32_t flags;
	unsigned int given;	/* ADD_* */
	uint8_t address[MAC_LEN];
	uint32_t mtu;
	uint32_t bc_queue_len;
	int32_t bc_cutoff;
};

static int add_set_link(void *opts, const char *arg)
{
	struct add_opts *o = opts;

	o->lower = arg;
	return arg_ifname(arg);
}

static int add_set_mode(void *opts, const char *arg)
{
	struct add_opts *o = opts;

	if (!parse_mode(arg, &o->mode))
		return 0;
	mv_err("unknown mode \"%s\"", arg);
	return -1;
}

static int add_set_nopromisc(void *opts, const char *arg)
{
	struct add_opts *o = opts;

	(void)arg;
	o->flags |= MVLAN_F_NOPROMISC;
	return 0;
}

static int add_set_nodst(void *opts, const char *arg)
{
	struct add_opts *o = opts;

	(void)arg;
	o->flags |= MVLAN_F_NODST;
	return 0;
}

static int add_set_address(void *opts, const char *arg)
{
	struct add_opts *o = opts;

	o->given |= ADD_ADDRESS;
	return arg_mac(arg, o->address);
}

static int add_set_mtu(void *opts, const char *arg)
{
	struct add_opts *o = opts;

	o->given |= ADD_MTU;
	return arg_u32("mtu", arg, &o->mtu);
}

static int add_set_bcqueuelen(void *opts, const char *arg)
{
	struct add_opts *o = opts;

	o->given |= ADD_BC_QUEUE_LEN;
	return arg_u32("bcqueuelen", arg, &o->bc_queue_len);
}

static int add_set_bclim(void *opts, const char *arg)
{
	struct add_opts *o = opts;

	o->given |= ADD_BC_CUTOFF;
	return arg_s32("bclim", arg, &o->bc_cutoff);
}

static const struct keyword add_keywords[] = {
	{ "link",	true,	add_set_link },
	{ "mode",	true,	add_set_mode },
	{ "nopromisc",	false,	add_set_nopromisc },
	{ "nodst",	false,	add_set_nodst },
	{ "address",	true,	add_set_address },
	{ "mtu",	true,	add_set_mtu },
	{ "bcqueuelen",	true,	add_set_bcqueuelen },
	{ "bclim",	true,	add_set_bclim },
};

static int parse_add(int argc, char **argv, struct add_opts *o)
{
	if (argc < 1) {
		mv_err("missing device name after \"add\"");
		return -1;
	}
	o->name = argv[0];
	if (arg_ifname(o->name))
		return -1;

	o->mode = MVLAN_MODE_DEFAULT;
	o->flags = 0;
	if (parse_keywords(add_keywords, ARRAY_SIZE(add_keywords),
			   argc - 1, argv + 1, o))
		return -1;

	if (!o->lower) {
		mv_err("\"link LOWER\" is required");
		return -1;
	}
	return 0;
}

static void store_link(struct nl_object *obj, void *arg)
{
	struct rtnl_link **link = arg;

	if (*link)
		rtnl_link_put(*link);
	nl_object_get(obj);
	*link = (struct rtnl_link *)obj;
}

/* mvnl_reply_fn: libnl's route/link parser makes an rtnl_link of it. */
static int parse_link(struct nl_msg *msg, void *arg)
{
	int err = nl_msg_parse(msg, store_link, arg);

	return err < 0 ? err : 0;
}

static struct nl_msg *build_getlink(const char *name)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };
	struct nl_msg *msg;

	msg = nlmsg_alloc_simple(RTM_GETLINK, NLM_F_ACK);
	if (msg && (nlmsg_append(msg, &ifi, sizeof(ifi), NLMSG_ALIGNTO) ||
		    nla_put_string(msg, IFLA_IFNAME, name))) {
		nlmsg_free(msg);
		return NULL;
	}
	return msg;
}

/*
 * Looks a device up by name for operation op on device target ("add",
 * "mv0"), which names other failures than a missing device. Returns 0 with
 * *link to be released with rtnl_link_put(), or -1 after printing an error.
 *
 * Not rtnl_link_get_kernel(): it installs its own error handler, which
 * would hide the kernel's extended ACK.
 */
static int get_link(struct mvnl *nl, const char *name, const char *op,
		    const char *target, struct rtnl_link **link)
{
	struct nl_msg *msg;
	int err;

	*link = NULL;
	msg = build_getlink(name);
	if (!msg) {
		mv_err("cannot %s %s: %s", op, target, strerror(ENOMEM));
		return -1;
	}
	err = mvnl_request(nl, msg, parse_link, link);
	nlmsg_free(msg);
	if (!err && *link)
		return 0;

	if (*link)
		rtnl_link_put(*link);
	if (nl->error == ENODEV)
		mv_err("cannot find device \"%s\"", name);
	else if (err)
		mv_err("cannot %s %s: %s", op, target, mvnl_strerror(nl, err));
	else
		mv_err("cannot %s %s: no reply for device \"%s\"", op, target,
		       name);
	return -1;
}

/* IFLA_LINKINFO { IFLA_INFO_KIND "mvlan", IFLA_INFO_DATA { ... } } */
static int put_linkinfo(struct nl_msg *msg, const struct add_opts *o)
{
	struct nlattr *info, *data;

	info = nla_nest_start(msg, IFLA_LINKINFO);
	if (!info || nla_put_string(msg, IFLA_INFO_KIND, MVLAN_LINK_KIND))
		return -NLE_NOMEM;

	data = nla_nest_start(msg, IFLA_INFO_DATA);
	if (!data ||
	    nla_put_u32(msg, IFLA_MVLAN_MODE, o->mode) ||
	    nla_put_u32(msg, IFLA_MVLAN_FLAGS, o->flags))
		return -NLE_NOMEM;
	if ((o->given & ADD_BC_QUEUE_LEN) &&
	    nla_put_u32(msg, IFLA_MVLAN_BC_QUEUE_LEN, o->bc_queue_len))
		return -NLE_NOMEM;
	if ((o->given & ADD_BC_CUTOFF) &&
	    nla_put_s32(msg, IFLA_MVLAN_BC_CUTOFF, o->bc_cutoff))
		return -NLE_NOMEM;

	nla_nest_end(msg, data);
	nla_nest_end(msg, info);
	return 0;
}

static struct nl_msg *build_newlink(const struct add_opts *o, int lower)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };
	struct nl_msg *msg;

	msg = nlmsg_alloc_simple(RTM_NEWLINK,
				 NLM_F_CREATE | NLM_F_EXCL | NLM_F_ACK);
	if (!msg)
		return NULL;

	if (nlmsg_append(msg, &ifi, sizeof(ifi), NLMSG_ALIGNTO) ||
	    nla_put_string(msg, IFLA_IFNAME, o->name) ||
	    nla_put_u32(msg, IFLA_LINK, lower) ||
	    ((o->given & ADD_ADDRESS) &&
	     nla_put(msg, IFLA_ADDRESS, MAC_LEN, o->address)) ||
	    ((o->given & ADD_MTU) && nla_put_u32(msg, IFLA_MTU, o->mtu)) ||
	    put_linkinfo(msg, o)) {
		nlmsg_free(msg);
		return NULL;
	}
	return msg;
}

static int do_add(struct mvnl *nl, const struct add_opts *o)
{
	struct rtnl_link *link;
	struct nl_msg *msg;
	int lower, err;

	if (get_link(nl, o->lower, "add", o->name, &link))
		return EXIT_FAIL;
	lower = rtnl_link_get_ifindex(link);
	rtnl_link_put(link);

	msg = build_newlink(o, lower);
	if (!msg) {
		mv_err("cannot add %s: %s", o->name, strerror(ENOMEM));
		return EXIT_FAIL;
	}

	err = mvnl_request(nl, msg, NULL, NULL);
	nlmsg_free(msg);
	if (err) {
		mv_err("cannot add %s: %s", o->name, mvnl_strerror(nl, err));
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

int cmd_add(const struct mvctl *ctx, int argc, char **argv)
{
	struct add_opts o = { 0 };
	struct mvnl nl;
	int family, ret;

	(void)ctx;
	if (parse_add(argc, argv, &o))
		return EXIT_USAGE;

	/* Only to say clearly that the module is missing, if it is. */
	if (mvnl_open_mvlan(&nl, &family))
		return EXIT_FAIL;
	mvnl_close(&nl);

	if (mvnl_open(&nl, NETLINK_ROUTE))
		return EXIT_FAIL;
	ret = do_add(&nl, &o);
	mvnl_close(&nl);
	return ret;
}

static struct nl_msg *build_dellink(int ifindex)
{
	struct ifinfomsg ifi = {
		.ifi_family = AF_UNSPEC,
		.ifi_index = ifindex,
	};
	struct nl_msg *msg;

	msg = nlmsg_alloc_simple(RTM_DELLINK, NLM_F_ACK);
	if (msg && nlmsg_append(msg, &ifi, sizeof(ifi), NLMSG_ALIGNTO)) {
		nlmsg_free(msg);
		return NULL;
	}
	return msg;
}

static bool is_mvlan(struct rtnl_link *link)
{
	const char *kind = rtnl_link_get_type(link);

	return kind && !strcmp(kind, MVLAN_LINK_KIND);
}

/*
 * The device is deleted by the ifindex found when checking its kind, so
 * that a device renamed in between is never deleted by mistake.
 */
static int do_del(struct mvnl *nl, const char *name)
{
	struct rtnl_link *link;
	struct nl_msg *msg;
	int ifindex, err;

	if (get_link(nl, name, "delete", name, &link))
		return EXIT_FAIL;
	if (!is_mvlan(link)) {
		rtnl_link_put(link);
		mv_err("%s is not an mvlan device", name);
		return EXIT_FAIL;
	}
	ifindex = rtnl_link_get_ifindex(link);
	rtnl_link_put(link);

	msg = build_dellink(ifindex);
	if (!msg) {
		mv_err("cannot delete %s: %s", name, strerror(ENOMEM));
		return EXIT_FAIL;
	}

	err = mvnl_request(nl, msg, NULL, NULL);
	nlmsg_free(msg);
	if (err) {
		mv_err("cannot delete %s: %s", name, mvnl_strerror(nl, err));
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

int cmd_del(const struct mvctl *ctx, int argc, char **argv)
{
	struct mvnl nl;
	int ret;

	(void)ctx;
	if (argc < 1) {
		mv_err("missing device name after \"del\"");
		return EXIT_USAGE;
	}
	if (arg_ifname(argv[0]) || arg_none(argc - 1, argv + 1))
		return EXIT_USAGE;

	if (mvnl_open(&nl, NETLINK_ROUTE))
		return EXIT_FAIL;
	ret = do_del(&nl, argv[0]);
	mvnl_close(&nl);
	return ret;
}
