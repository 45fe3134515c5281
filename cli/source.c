// SPDX-License-Identifier: GPL-2.0
/*
 * mvctl source NAME [list | add MAC... | del MAC... | set [MAC...] [file
 * FILE] | flush]: MVLAN_CMD_SOURCE_GET, _ADD, _DEL, _SET and _FLUSH.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <linux/mvlan.h>

#include "entry.h"
#include "ipc.h"
#include "maclist.h"
#include "mvctl.h"

struct source_cmd {
	const char *name;
	/* name is the device; argv[0] the first word after the subcommand */
	int (*fn)(const struct mvctl *ctx, const char *name, int argc,
		  char **argv);
};

/* source NAME [list] */

static int source_list(const struct mvctl *ctx, const char *name, int argc,
		       char **argv)
{
	const char *what = "list the source addresses of";
	struct entry_list l = { 0 };
	struct mvipc_error e;
	struct mvlan_dev d;
	struct mvipc *ipc;
	int err;

	if (arg_none(argc, argv))
		return EXIT_USAGE;
	ipc = mv_open(MVIPC_GENL | MVIPC_ROUTE);
	if (!ipc)
		return EXIT_FAIL;
	/*
	 * Looked up by a do first: its errors carry the kernel's message on
	 * every kernel, while Linux 6.1 drops the message of a failed dump
	 * start ("not an mvlan device" would read "Invalid argument").
	 */
	err = mv_get_dev(ipc, name, what, &d);
	if (!err) {
		err = mvipc_source_list(ipc, &d, &l, &e);
		if (err)
			mv_err_dev(&e, name, "%s %s", what, name);
	}
	mv_close(ipc);
	if (!err) {
		entries_sort(l.e, l.n);
		entries_print(stdout, l.e, l.n, ctx->out);
	}
	ARRAY_FREE(l.e, l.n, l.cap);
	return err ? EXIT_FAIL : EXIT_OK;
}

/* source NAME add|del|set|flush: sending lists */

static int change_sources(uint8_t cmd, const char *what, const char *name,
			  const struct maclist *l)
{
	struct mvipc *ipc = mv_open(MVIPC_GENL);
	struct mvipc_error e;
	int err;

	if (!ipc)
		return EXIT_FAIL;
	err = mvipc_source_change(ipc, cmd, name,
				  (const uint8_t (*)[MAC_LEN])l->mac, l->n, &e);
	if (err)
		mv_err_dev(&e, name, "%s %s", what, name);
	mv_close(ipc);
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
