// SPDX-License-Identifier: GPL-2.0
/*
 * mvctl: configure mvlan devices.
 *
 * mvctl [-j] COMMAND ...
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "mvctl.h"

struct command {
	const char *name;
	int (*fn)(const struct mvctl *ctx, int argc, char **argv);
	const char *args;
};

static const struct command commands[] = {
	{ "add",	cmd_add,
	  "NAME link LOWER [mode {private|vepa|bridge|passthru|source}] [nopromisc] [nodst]" },
	{ "del",	cmd_del,	"NAME" },
	{ "show",	cmd_show,	"[NAME]" },
};

void mv_err(const char *fmt, ...)
{
	va_list ap;

	fputs(PROG_NAME ": ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static void usage(FILE *f)
{
	size_t i;

	fprintf(f, "Usage: %s [-j] COMMAND ...\n\nCommands:\n", PROG_NAME);
	for (i = 0; i < ARRAY_SIZE(commands); i++)
		fprintf(f, "  %s %s %s\n", PROG_NAME, commands[i].name,
			commands[i].args);
	fputs("\nOptions:\n"
	      "  -j          JSON output\n"
	      "  -h, --help  show this help\n", f);
}

static const struct command *find_command(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(commands); i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

/*
 * Options before the command. Returns the index of the command in argv,
 * or -1 after printing an error.
 */
static int parse_options(int argc, char **argv, struct mvctl *ctx, bool *help)
{
	int i;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		const char *opt = argv[i];

		if (!strcmp(opt, "--"))
			return i + 1;
		if (!strcmp(opt, "-j")) {
			ctx->json = true;
		} else if (!strcmp(opt, "-h") || !strcmp(opt, "--help")) {
			*help = true;
		} else {
			mv_err("unknown option \"%s\"", opt);
			return -1;
		}
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

int main(int argc, char **argv)
{
	const struct command *cmd;
	struct mvctl ctx = { 0 };
	bool help = false;
	int i, ret;

	i = parse_options(argc, argv, &ctx, &help);
	if (i < 0)
		return EXIT_USAGE;
	if (help) {
		usage(stdout);
		return flush_stdout();
	}
	if (i >= argc) {
		mv_err("missing command (try \"%s -h\")", PROG_NAME);
		return EXIT_USAGE;
	}

	cmd = find_command(argv[i]);
	if (!cmd) {
		mv_err("unknown command \"%s\"", argv[i]);
		return EXIT_USAGE;
	}

	ret = cmd->fn(&ctx, argc - i - 1, argv + i + 1);
	if (flush_stdout() != EXIT_OK && ret == EXIT_OK)
		ret = EXIT_FAIL;
	return ret;
}
