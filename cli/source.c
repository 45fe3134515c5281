// SPDX-License-Identifier: GPL-2.0
/*
 * mvctl source NAME [list | add MAC... | del MAC... | set [MAC...] [file
 * FILE] | flush]: MVLAN_CMD_SOURCE_GET, _ADD, _DEL, _SET and _FLUSH.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <netlink/attr.h>
#include <netlink/genl/genl.h>

#include <linux/mvlan.h>

#include "devget.h"
#include "entry.h"
#include "genl.h"
#include "maclist.h"
#include "mvctl.h"
#include "nl.h"

struct source_cmd {
	const char *name;
	/* name is the device; argv[0] the first word after the subcommand */
	int (*fn)(const struct mvctl *ctx, const char *name, int argc,
		  char **argv);
};

/* "cannot <what> <name>: ...", or that the device does not exist. */
static void report(struct mvnl *nl, int err, const char *what,
		   const char *name)
{
	if (nl->error == ENODEV)
		mv_err("cannot find device \"%s\"", name);
	else
		mv_err("cannot %s %s: %s", what, name, mvnl_strerror(nl, err));
}

/* A request for the device name, with room for n sources. */
static struct nl_msg *source_msg(int family, uint8_t cmd, int flags,
				 const char *name, size_t n)
{
	struct nl_msg *msg = mvmsg_new(family, cmd, flags, n);

	if (msg && mvmsg_put_dev(msg, 0, name)) {
		nlmsg_free(msg);
		return NULL;
	}
	return msg;
}

/* source NAME [list] */

static const struct nla_policy entry_policy[MVLAN_SOURCE_A_MAX + 1] = {
	[MVLAN_SOURCE_A_ADDR]		= { .minlen = MAC_LEN, .maxlen = MAC_LEN },
	[MVLAN_SOURCE_A_PACKETS]	= { .type = NLA_U64 },
	[MVLAN_SOURCE_A_BYTES]		= { .type = NLA_U64 },
	[MVLAN_SOURCE_A_LAST_SEEN]	= { .type = NLA_U64 },
};

struct list_state {
	struct entry_list list;
	struct mvnl *nl;
};

static int parse_entry(struct list_state *s, struct nlattr *nest)
{
	struct nlattr *tb[MVLAN_SOURCE_A_MAX + 1];
	struct source_entry *e;

	if (nla_parse_nested(tb, MVLAN_SOURCE_A_MAX, nest, entry_policy) < 0)
		return mvnl_fail(s->nl, EPROTO, "malformed source entry");
	if (!tb[MVLAN_SOURCE_A_ADDR])
		return mvnl_fail(s->nl, EPROTO,
				 "source entry lacks MVLAN_SOURCE_A_ADDR");
	e = entry_list_add(&s->list);
	if (!e)
		return mvnl_fail(s->nl, ENOMEM, "");
	nla_memcpy(e->addr, tb[MVLAN_SOURCE_A_ADDR], MAC_LEN);
	if (tb[MVLAN_SOURCE_A_PACKETS])
		e->packets = nla_get_u64(tb[MVLAN_SOURCE_A_PACKETS]);
	if (tb[MVLAN_SOURCE_A_BYTES])
		e->bytes = nla_get_u64(tb[MVLAN_SOURCE_A_BYTES]);
	if (tb[MVLAN_SOURCE_A_LAST_SEEN]) {
		e->has_last_seen = true;
		e->last_seen = nla_get_u64(tb[MVLAN_SOURCE_A_LAST_SEEN]);
	}
	return 0;
}

/* mvnl_reply_fn: a device and many MVLAN_A_SOURCE, repeated. */
static int parse_entries(struct nl_msg *msg, void *arg)
{
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	struct list_state *s = arg;
	struct nlattr *nla;
	int rem, err;

	if (!genlmsg_valid_hdr(nlh, 0))
		return mvnl_fail(s->nl, EPROTO, "malformed reply");
	nla_for_each_attr(nla, genlmsg_attrdata(nlmsg_data(nlh), 0),
			  genlmsg_attrlen(nlmsg_data(nlh), 0), rem) {
		if (nla_type(nla) != MVLAN_A_SOURCE)
			continue;
		err = parse_entry(s, nla);
		if (err)
			return err;
	}
	return 0;
}

/* mvnl_reset_fn */
static void reset_entries(void *arg)
{
	struct list_state *s = arg;

	s->list.n = 0;
}

static int source_list(const struct mvctl *ctx, const char *name, int argc,
		       char **argv)
{
	struct list_state s = { .nl = NULL };
	struct mvlan_dev d;
	struct nl_msg *msg;
	struct mvnl nl;
	int family, err = -NLE_NOMEM;

	if (arg_none(argc, argv))
		return EXIT_USAGE;
	if (mvnl_open_mvlan(&nl, &family))
		return EXIT_FAIL;
	/*
	 * Looked up by a do first: its errors carry the kernel's message on
	 * every kernel, while Linux 6.1 drops the message of a failed dump
	 * start ("not an mvlan device" would read "Invalid argument").
	 */
	if (dev_get(&nl, family, name, "list the source addresses of", &d)) {
		mvnl_close(&nl);
		return EXIT_FAIL;
	}

	s.nl = &nl;
	msg = mvmsg_new(family, MVLAN_CMD_SOURCE_GET, NLM_F_DUMP, 0);
	if (msg && !mvmsg_put_dev(msg, d.ifindex, d.name))
		err = mvnl_dump(&nl, msg, parse_entries, reset_entries, &s);
	nlmsg_free(msg);
	if (err) {
		report(&nl, err, "list the source addresses of", name);
	} else {
		entries_sort(s.list.e, s.list.n);
		entries_print(stdout, s.list.e, s.list.n, ctx->out);
	}
	entry_list_free(&s.list);
	mvnl_close(&nl);
	return err ? EXIT_FAIL : EXIT_OK;
}

/* source NAME add|del|set|flush: sending lists */

/*
 * Sends cmd with the addresses of l, MVMSG_SOURCES_MAX a request; for
 * SOURCE_SET, as one transaction. Returns 0 or a libnl error code.
 */
static int send_sources(struct mvnl *nl, int family, uint8_t cmd,
			const char *name, const struct maclist *l)
{
	size_t i, chunks = mvmsg_chunks(l->n);
	int err = 0;

	for (i = 0; i < chunks && !err; i++) {
		size_t first = i * MVMSG_SOURCES_MAX;
		size_t n = l->n - first < MVMSG_SOURCES_MAX ?
			   l->n - first : MVMSG_SOURCES_MAX;
		uint32_t flags = mvmsg_set_flags(i, chunks);
		struct nl_msg *msg;

		msg = source_msg(family, cmd, 0, name, n);
		if (!msg || mvmsg_put_sources(msg, l->mac + first, n) ||
		    (cmd == MVLAN_CMD_SOURCE_SET && flags &&
		     nla_put_u32(msg, MVLAN_A_SOURCE_SET_FLAGS, flags)))
			err = -NLE_NOMEM;
		else
			err = mvnl_request(nl, msg, NULL, NULL);
		nlmsg_free(msg);
	}
	return err;
}

static int change_sources(uint8_t cmd, const char *what, const char *name,
			  const struct maclist *l)
{
	struct mvnl nl;
	int family, err;

	if (mvnl_open_mvlan(&nl, &family))
		return EXIT_FAIL;
	err = send_sources(&nl, family, cmd, name, l);
	if (err)
		report(&nl, err, what, name);
	mvnl_close(&nl);
	return err ? EXIT_FAIL : EXIT_OK;
}

static int add_macs(struct maclist *l, int argc, char **argv)
{
	uint8_t mac[MAC_LEN];
	int i;

	for (i = 0; i < argc; i++) {
		if (arg_mac(argv[i], mac))
			return EXIT_USAGE;
		if (maclist_add(l, mac)) {
			mv_err("%s", strerror(ENOMEM));
			return EXIT_FAIL;
		}
	}
	return EXIT_OK;
}

/* source NAME add|del MAC [MAC ...] */
static int source_add_del(const char *sub, uint8_t cmd, const char *what,
			  const char *name, int argc, char **argv)
{
	struct maclist l = { 0 };
	int ret;

	if (argc < 1) {
		mv_err("missing MAC address after \"%s\"", sub);
		return EXIT_USAGE;
	}
	ret = add_macs(&l, argc, argv);
	if (ret == EXIT_OK) {
		maclist_sort_unique(&l);
		ret = change_sources(cmd, what, name, &l);
	}
	maclist_free(&l);
	return ret;
}

static int source_add(const struct mvctl *ctx, const char *name, int argc,
		      char **argv)
{
	(void)ctx;
	return source_add_del("add", MVLAN_CMD_SOURCE_ADD,
			      "add source addresses to", name, argc, argv);
}

static int source_del(const struct mvctl *ctx, const char *name, int argc,
		      char **argv)
{
	(void)ctx;
	return source_add_del("del", MVLAN_CMD_SOURCE_DEL,
			      "delete source addresses from", name, argc,
			      argv);
}

/* The addresses of file ("-": stdin) into l. Returns an exit status. */
static int read_file(const struct mvctl *ctx, const char *file,
		     struct maclist *l)
{
	bool is_stdin = !strcmp(file, "-");
	const char *label = is_stdin ? "stdin" : file;
	struct maclist_error e;
	FILE *f = stdin;
	char msg[sizeof(e.text) + 128];
	int err;

	if (is_stdin && ctx->stdin_taken) {
		mv_err("cannot read addresses from stdin: the batch commands come from it");
		return EXIT_USAGE;
	}
	if (!is_stdin) {
		f = fopen(file, "r");
		if (!f) {
			mv_err("cannot open \"%s\": %s", file, strerror(errno));
			return EXIT_FAIL;
		}
	}
	err = maclist_read(l, f, &e);
	if (err == -EIO)
		mv_err("cannot read \"%s\": %s", label, strerror(errno));
	else if (err == -ENOMEM)
		mv_err("%s", strerror(ENOMEM));
	else if (err) {
		mac_strerror(msg, sizeof(msg), e.text, e.err);
		mv_err("%s: line %lu: %s", label, e.line, msg);
	}
	if (f != stdin)
		fclose(f);
	return !err ? EXIT_OK : err == -EINVAL || err == -EADDRNOTAVAIL ?
	       EXIT_USAGE : EXIT_FAIL;
}

/* The words after "set": MACs and at most one "file FILE". */
static int parse_set(const struct mvctl *ctx, int argc, char **argv,
		     struct maclist *l)
{
	const char *file = NULL;
	int i, ret;

	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "file")) {
			ret = add_macs(l, 1, argv + i);
			if (ret != EXIT_OK)
				return ret;
			continue;
		}
		if (file) {
			mv_err("duplicate keyword \"file\"");
			return EXIT_USAGE;
		}
		if (i + 1 >= argc) {
			mv_err("missing argument after \"file\"");
			return EXIT_USAGE;
		}
		file = argv[++i];
	}
	return file ? read_file(ctx, file, l) : EXIT_OK;
}

static int source_set(const struct mvctl *ctx, const char *name, int argc,
		      char **argv)
{
	struct maclist l = { 0 };
	int ret;

	ret = parse_set(ctx, argc, argv, &l);
	if (ret == EXIT_OK) {
		maclist_sort_unique(&l);
		ret = change_sources(MVLAN_CMD_SOURCE_SET,
				     "set the source list of", name, &l);
	}
	maclist_free(&l);
	return ret;
}

static int source_flush(const struct mvctl *ctx, const char *name, int argc,
			char **argv)
{
	struct maclist none = { 0 };

	(void)ctx;
	if (arg_none(argc, argv))
		return EXIT_USAGE;
	return change_sources(MVLAN_CMD_SOURCE_FLUSH,
			      "flush the source list of", name, &none);
}

static const struct source_cmd source_cmds[] = {
	{ "list",	source_list },
	{ "add",	source_add },
	{ "del",	source_del },
	{ "set",	source_set },
	{ "flush",	source_flush },
};

int cmd_source(const struct mvctl *ctx, int argc, char **argv)
{
	size_t i;

	if (argc < 1) {
		mv_err("missing device name after \"source\"");
		return EXIT_USAGE;
	}
	if (arg_ifname(argv[0]))
		return EXIT_USAGE;
	if (argc == 1)
		return source_list(ctx, argv[0], 0, NULL);

	for (i = 0; i < ARRAY_SIZE(source_cmds); i++)
		if (!strcmp(argv[1], source_cmds[i].name))
			return source_cmds[i].fn(ctx, argv[0], argc - 2,
						 argv + 2);
	mv_err("unknown source command \"%s\"", argv[1]);
	return EXIT_USAGE;
}
