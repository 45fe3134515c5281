/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mvctl: what the command files share.
 */
#ifndef MVCTL_H
#define MVCTL_H

#include <stdbool.h>
#include <stddef.h>

#define PROG_NAME	"mvctl"

/* Exit statuses. */
#define EXIT_OK		0
#define EXIT_FAIL	1	/* the operation failed */
#define EXIT_USAGE	2	/* the command line is wrong */

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* Global options, set before the command runs. */
struct mvctl {
	bool json;		/* -j */
};

/* Prints "mvctl: <message>\n" on stderr. */
void mv_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * Keywords after a command's positional arguments, in any order, each at
 * most once. set() stores the keyword (and its argument, NULL when has_arg
 * is false) into opts; on a bad argument it prints the error and returns -1.
 */
struct keyword {
	const char *name;
	bool has_arg;
	int (*set)(void *opts, const char *arg);
};

/* Returns 0, or -1 after printing a usage error. */
int parse_keywords(const struct keyword *kw, size_t n, int argc, char **argv,
		   void *opts);

/* Argument checks shared by commands: 0, or -1 after printing. */
int arg_ifname(const char *arg);

/* Commands: argv[0] is the first argument after the command's name. */
int cmd_add(const struct mvctl *ctx, int argc, char **argv);
int cmd_del(const struct mvctl *ctx, int argc, char **argv);
int cmd_show(const struct mvctl *ctx, int argc, char **argv);

#endif /* MVCTL_H */
