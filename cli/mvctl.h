/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mvctl: what the command files share.
 */
#ifndef MVCTL_H
#define MVCTL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "array.h"
#include "err.h"
#include "json.h"
#include "parse.h"

/* Exit statuses. */
#define EXIT_OK		0
#define EXIT_FAIL	1	/* the operation failed */
#define EXIT_USAGE	2	/* the command line is wrong */

/* Global options, set before the command runs. */
struct mvctl {
	enum output out;	/* -j, -p */
	bool stdin_taken;	/* -b -: the commands come from stdin */
};

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
 * The ipc layer (ipc.h) for a command, errors printed: NULL, or -1, after
 * printing one (exit status 1).
 */
struct mvipc;
struct mvipc_link;
struct mvlan_dev;

/*
 * A handle with the sockets socks asks for (MVIPC_GENL, MVIPC_ROUTE); with
 * MVIPC_GENL, the family resolved: "mvlan module not loaded" if it is not.
 */
struct mvipc *mv_open(unsigned int socks);
/* Closes a handle of mv_open() (in a batch, one it keeps stays open). */
void mv_close(struct mvipc *ipc);
/* mv_open(), never a kept handle: for one with state of its own (monitor). */
struct mvipc *mv_open_own(unsigned int socks);
/*
 * keep: from now on, mv_open() keeps the handles it opens for the next
 * commands (a batch). Closes those kept so far either way: after a failed
 * line, the next one starts on new sockets.
 */
void mv_keep_open(bool keep);

/*
 * 0 if the mvlan module is loaded (its genl family resolves), else -1
 * after "mvlan module not loaded" or another error. Asks the kernel once
 * a process: a batch of many "add" lines opens no genl socket for each.
 */
int mv_check_module(void);

/*
 * The mvlan device called name into *d, its lower device named; op says
 * what for, in errors: "cannot <op> <name>: ...". Needs both sockets.
 */
int mv_get_dev(struct mvipc *ipc, const char *name, const char *op,
	       struct mvlan_dev *d);

/* The same with a handle of its own, closed again. */
int mv_read_dev(const char *name, const char *op, struct mvlan_dev *d);

/* Names the lower devices of devs (mvipc_name_links()). */
int mv_name_links(struct mvipc *ipc, struct mvlan_dev *devs, size_t n);

/*
 * The network device called name into *l, for operation op on target
 * ("add", "mv0"), which errors other than a missing device name.
 */
int mv_get_link(struct mvipc *ipc, const char *name, const char *op,
		const char *target, struct mvipc_link *l);

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
