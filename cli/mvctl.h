/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mvctl: what the command files share.
 */
#ifndef MVCTL_H
#define MVCTL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "json.h"
#include "parse.h"

#define PROG_NAME	"mvctl"

/* Exit statuses. */
#define EXIT_OK		0
#define EXIT_FAIL	1	/* the operation failed */
#define EXIT_USAGE	2	/* the command line is wrong */

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* Global options, set before the command runs. */
struct mvctl {
	enum output out;	/* -j, -p */
	bool stdin_taken;	/* -b -: the commands come from stdin */
};

/*
 * Prints "mvctl: <prefix><message>\n" on stderr, where the prefix is
 * "line N: " while a batch file runs (see mv_err_set_line()).
 */
void mv_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The line of the batch file in errors from now on; 0 for none. */
void mv_err_set_line(unsigned long line);

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

/*
 * Argument checks shared by commands: 0, or -1 after printing a usage
 * error. kw is the keyword the argument follows, for the message.
 */
int arg_ifname(const char *arg);
int arg_none(int argc, char **argv);	/* "unexpected argument" if any */
int arg_mac(const char *arg, uint8_t mac[MAC_LEN]);	/* unicast */
int arg_u32(const char *kw, const char *arg, uint32_t *v);
int arg_s32(const char *kw, const char *arg, int32_t *v);

/*
 * The ifindex of the device called name in this netns. Returns 0, or -1
 * after printing an error (exit status 1).
 */
int lookup_ifindex(const char *name, uint32_t *ifindex);

/* Runs one command line: argv[0] is the command. Returns an exit status. */
int run_command(const struct mvctl *ctx, int argc, char **argv);

/* -b FILE: runs each line of FILE ("-": stdin). Returns an exit status. */
int run_batch(const struct mvctl *ctx, const char *file, bool force);

/* -n NETNS: enters it. Returns 0, or -1 after printing an error. */
int enter_netns(const char *name);

/* Commands: argv[0] is the first argument after the command's name. */
int cmd_add(const struct mvctl *ctx, int argc, char **argv);
int cmd_del(const struct mvctl *ctx, int argc, char **argv);
int cmd_mode(const struct mvctl *ctx, int argc, char **argv);
int cmd_source(const struct mvctl *ctx, int argc, char **argv);
int cmd_show(const struct mvctl *ctx, int argc, char **argv);
int cmd_stats(const struct mvctl *ctx, int argc, char **argv);
int cmd_monitor(const struct mvctl *ctx, int argc, char **argv);

#endif /* MVCTL_H */
