// SPDX-License-Identifier: GPL-2.0
/*
 * mvctl: configure mvlan devices.
 *
 * mvctl [OPTIONS] COMMAND ...
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <string.h>
#include <unistd.h>

#include "mvctl.h"

#ifndef MVCTL_VERSION
#error "MVCTL_VERSION must be defined (the Makefile takes it from ../VERSION)"
#endif

struct command {
	const char *name;
	int (*fn)(const struct mvctl *ctx, int argc, char **argv);
	const char *usage;	/* what follows the name; '\n' between forms */
};

static const struct command commands[] = {
	{ "add",	cmd_add,
	  "NAME link LOWER [type TYPE] [mode MODE] [nopromisc] [nodst] [hostbridge] [address MAC] [mtu N] [bcqueuelen N] [bclim N]" },
	{ "del",	cmd_del,	"NAME" },
	{ "mode",	cmd_mode,
	  "NAME [MODE [nopromisc|promisc] [nodst|dst] [hostbridge|nohostbridge]]" },
	{ "source",	cmd_source,
	  "NAME [list]\n"
	  "NAME add MAC [MAC ...]\n"
	  "NAME del MAC [MAC ...]\n"
	  "NAME set [MAC ...] [file FILE]\n"
	  "NAME flush" },
	{ "show",	cmd_show,	"[NAME | link LOWER]" },
	{ "stats",	cmd_stats,	"[NAME]" },
	{ "monitor",	cmd_monitor,	"" },
};

/* Options before the command. */
struct options {
	struct mvctl ctx;
	bool json, pretty, force, help, version;
	const char *netns;
	const char *batch;
};

/*
 * An option, and where it goes in struct options: a bool set to true, or
 * for one with an argument a const char * set to it.
 */
struct option {
	char letter;
	const char *name;	/* long form, without "--" */
	const char *arg;	/* its argument, NULL for none */
	const char *help;
	size_t off;
};

#define OPT(letter, name, arg, help, member) \
	{ letter, name, arg, help, offsetof(struct options, member) }

static const struct option options[] = {
	OPT('j', "json", NULL, "JSON output", json),
	OPT('p', "pretty", NULL, "indented JSON output, with -j", pretty),
	OPT('n', "netns", "NETNS", "run in network namespace NETNS", netns),
	OPT('b', "batch", "FILE",
	    "run the commands of FILE, one a line (- is stdin)", batch),
	OPT('f', "force", NULL, "with -b: go on after a failing line", force),
	OPT('V', "version", NULL, "print the version", version),
	OPT('h', "help", NULL, "print this help", help),
};

static void set_option(struct options *o, const struct option *opt,
		       const char *arg)
{
	char *p = (char *)o + opt->off;
	bool yes = true;

	if (opt->arg)
		memcpy(p, &arg, sizeof(arg));
	else
		memcpy(p, &yes, sizeof(yes));
}

static void usage_commands(FILE *f)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(commands); i++) {
		const char *u = commands[i].usage;

		do {
			int n = strcspn(u, "\n");

			fprintf(f, "  %s %s%s%.*s\n", PROG_NAME,
				commands[i].name, n ? " " : "", n, u);
			u += n;
		} while (*u++);
	}
}

static void usage_options(FILE *f)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(options); i++) {
		const struct option *o = &options[i];
		char left[32];

		snprintf(left, sizeof(left), "-%c, --%s%s%s", o->letter,
			 o->name, o->arg ? " " : "", o->arg ? o->arg : "");
		fprintf(f, "  %-20s%s\n", left, o->help);
	}
}

static void usage(FILE *f)
{
	fprintf(f, "Usage: %s [OPTIONS] COMMAND ...\n\nCommands:\n", PROG_NAME);
	usage_commands(f);
	fputs("\n  MODE := private | vepa | bridge | passthru | source\n"
	      "\nOptions:\n", f);
	usage_options(f);
}

static const struct option *find_option(const char *arg)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(options); i++) {
		const struct option *o = &options[i];

		if ((arg[1] == o->letter && !arg[2]) ||
		    (arg[1] == '-' && !strcmp(arg + 2, o->name)))
			return o;
	}
	return NULL;
}

/*
 * Options before the command. Returns the index of the command in argv,
 * or -1 after printing an error.
 */
static int parse_options(int argc, char **argv, struct options *opts)
{
	int i;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		const struct option *o;

		if (!strcmp(argv[i], "--"))
			return i + 1;
		o = find_option(argv[i]);
		if (!o) {
			mv_err("unknown option \"%s\"", argv[i]);
			return -1;
		}
		if (o->arg && i + 1 >= argc) {
			mv_err("missing argument after \"%s\"", argv[i]);
			return -1;
		}
		set_option(opts, o, o->arg ? argv[++i] : NULL);
	}
	return i;
}

/* Output may go to a pipe or a file: say so if it was not all written. */
static int flush_stdout(void)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return EXIT_OK;
	mv_err("cannot write output: %s", strerror(errno));
	return EXIT_FAIL;
}

static const struct command *find_command(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(commands); i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

int run_command(const struct mvctl *ctx, int argc, char **argv)
{
	const struct command *cmd = find_command(argv[0]);
	int ret;

	if (!cmd) {
		mv_err("unknown command \"%s\"", argv[0]);
		return EXIT_USAGE;
	}
	ret = cmd->fn(ctx, argc - 1, argv + 1);
	if (flush_stdout() != EXIT_OK && ret == EXIT_OK)
		ret = EXIT_FAIL;
	return ret;
}

/* What the options say besides the command. Returns an exit status. */
static int check_options(struct options *o, int argc, char **argv, int i)
{
	if (o->force && !o->batch) {
		mv_err("\"-f\" needs \"-b FILE\"");
		return EXIT_USAGE;
	}
	if (o->batch && i < argc) {
		mv_err("unexpected argument \"%s\" after \"-b FILE\"", argv[i]);
		return EXIT_USAGE;
	}
	if (!o->batch && i >= argc) {
		mv_err("missing command (try \"%s -h\")", PROG_NAME);
		return EXIT_USAGE;
	}
	return EXIT_OK;
}

/* Output to a file or a pipe goes out in large writes: lists can be long. */
#define STDOUT_BUFSIZE	(64 << 10)

int main(int argc, char **argv)
{
	struct options o = { 0 };
	int i, ret;

	if (!isatty(STDOUT_FILENO))
		setvbuf(stdout, NULL, _IOFBF, STDOUT_BUFSIZE);
	/* one thread: no lock around each of a million small writes */
	__fsetlocking(stdout, FSETLOCKING_BYCALLER);

	i = parse_options(argc, argv, &o);
	if (i < 0)
		return EXIT_USAGE;
	if (o.help) {
		usage(stdout);
		return flush_stdout();
	}
	if (o.version) {
		printf("%s %s\n", PROG_NAME, MVCTL_VERSION);
		return flush_stdout();
	}
	ret = check_options(&o, argc, argv, i);
	if (ret != EXIT_OK)
		return ret;

	o.ctx.out = !o.json ? OUT_TEXT : o.pretty ? OUT_JSON_PRETTY : OUT_JSON;
	if (o.netns && enter_netns(o.netns))
		return EXIT_FAIL;
	if (o.batch)
		return run_batch(&o.ctx, o.batch, o.force);
	return run_command(&o.ctx, argc - i, argv + i);
}
