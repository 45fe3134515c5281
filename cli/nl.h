/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Netlink sockets with kernel error reporting, extended ACK included.
 *
 * Every request on a socket opened with mvnl_open(), whether sent by
 * mvnl_request() or by a libnl helper such as rtnl_link_get_kernel() or
 * genl_ctrl_resolve(), records a kernel error in the struct mvnl: its errno
 * in .error and its extended ACK message, if any, in .detail. Functions
 * return 0 or a negative libnl error code, and mvnl_strerror() turns such a
 * code into "<strerror>[: <extack>]" text.
 */
#ifndef MVCTL_NL_H
#define MVCTL_NL_H

#include <stdbool.h>

#include <netlink/netlink.h>

struct mvnl {
	struct nl_sock *sk;
	bool interrupted;	/* the last dump was flagged NLM_F_DUMP_INTR */
	int error;		/* errno of the last failure, 0 if none */
	char detail[256];	/* its extended ACK message, "" if none */
	char errbuf[320];	/* mvnl_strerror()'s result */
};

/*
 * Opens and connects a socket of protocol NETLINK_ROUTE or NETLINK_GENERIC.
 * Returns 0, or -1 after printing an error.
 */
int mvnl_open(struct mvnl *nl, int protocol);
void mvnl_close(struct mvnl *nl);

/* Forgets the recorded error; mvnl_request() does it itself. */
void mvnl_clear(struct mvnl *nl);

/*
 * Records a failure found in userspace (e.g. a malformed reply); the next
 * mvnl_strerror() reports it. Returns a negative libnl error code.
 */
int mvnl_fail(struct mvnl *nl, int error, const char *detail);

/*
 * Called for each data message of a reply; returns 0 to go on or a
 * negative libnl error code (see mvnl_fail()) to abort the request.
 */
typedef int (*mvnl_reply_fn)(struct nl_msg *msg, void *arg);

/*
 * Sends msg (which stays the caller's) and reads the replies until the
 * kernel's ACK, the end of a dump, or an error. fn may be NULL.
 */
int mvnl_request(struct mvnl *nl, struct nl_msg *msg, mvnl_reply_fn fn,
		 void *arg);

/*
 * Times a dump is tried when the kernel flags it NLM_F_DUMP_INTR (what it
 * listed changed while it ran) before giving up with EAGAIN.
 */
#define MVNL_DUMP_TRIES		5

/* Called before each try of a dump, to forget what an earlier try found. */
typedef void (*mvnl_reset_fn)(void *arg);

/*
 * Sends the dump request msg (NLM_F_DUMP) and hands each message of the
 * reply to fn. A dump flagged NLM_F_DUMP_INTR is read to its end, then
 * tried again from the start, after reset(arg), up to MVNL_DUMP_TRIES
 * times in all.
 */
int mvnl_dump(struct mvnl *nl, struct nl_msg *msg, mvnl_reply_fn fn,
	      mvnl_reset_fn reset, void *arg);

/* Describes err, a negative libnl error code returned for nl. */
const char *mvnl_strerror(struct mvnl *nl, int err);

/*
 * Opens a generic netlink socket and resolves the "mvlan" family into
 * *family. Returns 0, or -1 after printing an error (the socket is closed
 * then), in particular that the module is not loaded.
 */
int mvnl_open_mvlan(struct mvnl *nl, int *family);

/*
 * Joins the family's multicast group "events" on nl, opened by
 * mvnl_open_mvlan(). Returns 0, or -1 after printing an error.
 */
int mvnl_join_events(struct mvnl *nl);

#endif /* MVCTL_NL_H */
