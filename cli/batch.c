// SPDX-License-Identifier: GPL-2.0
/*
 * mvctl -b FILE [-f]: one command a line, as ip -batch, on sockets opened
 * once (connect.c).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mvctl.h"
#include "parse.h"

/* One line of the batch: an exit status, EXIT_OK for a blank one. */
static int run_line(const struct mvctl *ctx, char *line)
{
	char **argv;
	int argc, err, ret = EXIT_OK;

	err = split_args(line, &argv, &argc);
	if (err == -EINVAL) {
		mv_err("missing closing quote");
		return EXIT_USAGE;
	}
	if (err) {
		mv_err("%s", strerror(-err));
		return EXIT_FAIL;
	}
	if (argc > 0)
		ret = run_command(ctx, argc, argv);
	free(argv);
	return ret;
}

static int run_lines(const struct mvctl *ctx, FILE *f, const char *file,
		     bool force)
{
	unsigned long line = 0;
	bool failed = false;
	size_t size = 0;
	char *buf = NULL;

	while (getline(&buf, &size, f) >= 0) {
		mv_err_set_line(++line);
		if (run_line(ctx, buf) != EXIT_OK) {
			/* the next line on new sockets, whatever this left */
			mv_keep_open(true);
			failed = true;
			if (!force)
				break;
		}
	}
	mv_err_set_line(0);
	if (ferror(f)) {
		mv_err("cannot read batch file \"%s\": %s", file,
		       strerror(errno));
		failed = true;
	}
	free(buf);
	return failed ? EXIT_FAIL : EXIT_OK;
}

int run_batch(const struct mvctl *ctx, const char *file, bool force)
{
	struct mvctl batch_ctx = *ctx;
	FILE *f = stdin;
	int ret;

	if (strcmp(file, "-")) {
		f = fopen(file, "r");
		if (!f) {
			mv_err("cannot open batch file \"%s\": %s", file,
			       strerror(errno));
			return EXIT_FAIL;
		}
	} else {
		batch_ctx.stdin_taken = true;
	}
	mv_keep_open(true);
	ret = run_lines(&batch_ctx, f, file, force);
	mv_keep_open(false);
	if (f != stdin)
		fclose(f);
	return ret;
}
