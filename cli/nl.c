// SPDX-License-Identifier: GPL-2.0
/*
 * Netlink sockets with kernel error reporting, extended ACK included.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include <linux/netlink.h>
#include <netlink/attr.h>
#include <netlink/genl/ctrl.h>
#include <netlink/genl/genl.h>
#include <netlink/msg.h>

#include <linux/mvlan.h>

#include "mvctl.h"
#include "nl.h"

/* Stores the NLMSGERR_ATTR_MSG found in a stream of extended ACK TLVs. */
static void record_extack(struct mvnl *nl, const void *tlvs, int len)
{
	const struct nlattr *nla;
	int rem;

	nla_for_each_attr(nla, tlvs, len, rem) {
		const char *msg = nla_data(nla);
		int n = nla_len(nla);

		if (nla_type(nla) == NLMSGERR_ATTR_MSG && n > 0 &&
		    msg[n - 1] == '\0')
			snprintf(nl->detail, sizeof(nl->detail), "%s", msg);
	}
}

/*
 * NLMSG_ERROR with a non-zero error. libnl hands us the payload only; the
 * header is right before it in the receive buffer. The TLVs follow the
 * struct nlmsgerr and, unless NLM_F_CAPPED, the echoed request's payload.
 */
static int error_handler(struct sockaddr_nl *who, struct nlmsgerr *e,
			 void *arg)
{
	const struct nlmsghdr *nlh = (const struct nlmsghdr *)e - 1;
	struct mvnl *nl = arg;
	size_t off = sizeof(*e);

	(void)who;
	nl->error = e->error < 0 ? -e->error : e->error;
	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS))
		return NL_STOP;

	if (!(nlh->nlmsg_flags & NLM_F_CAPPED)) {
		if (e->msg.nlmsg_len < NLMSG_HDRLEN)
			return NL_STOP;
		off += e->msg.nlmsg_len - NLMSG_HDRLEN;
	}
	off = NLMSG_ALIGN(off);
	if (NLMSG_HDRLEN + off < nlh->nlmsg_len)
		record_extack(nl, (const char *)e + off,
			      nlh->nlmsg_len - NLMSG_HDRLEN - off);
	return NL_STOP;
}

/* Best effort: a kernel without these options just sends less detail. */
static void enable_extack(struct nl_sock *sk)
{
	int fd = nl_socket_get_fd(sk);
	int one = 1;

	setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	setsockopt(fd, SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof(one));
}

int mvnl_open(struct mvnl *nl, int protocol)
{
	int err;

	memset(nl, 0, sizeof(*nl));
	nl->sk = nl_socket_alloc();
	if (!nl->sk) {
		mv_err("cannot allocate a netlink socket");
		return -1;
	}

	err = nl_connect(nl->sk, protocol);
	if (!err)
		err = nl_socket_modify_err_cb(nl->sk, NL_CB_CUSTOM,
					      error_handler, nl);
	if (err < 0) {
		mv_err("cannot open a netlink socket: %s", nl_geterror(err));
		mvnl_close(nl);
		return -1;
	}

	enable_extack(nl->sk);
	return 0;
}

void mvnl_close(struct mvnl *nl)
{
	nl_socket_free(nl->sk);
	nl->sk = NULL;
}

void mvnl_clear(struct mvnl *nl)
{
	nl->error = 0;
	nl->detail[0] = '\0';
}

int mvnl_fail(struct mvnl *nl, int error, const char *detail)
{
	nl->error = error;
	snprintf(nl->detail, sizeof(nl->detail), "%s", detail);
	return -nl_syserr2nlerr(error);
}

const char *mvnl_strerror(struct mvnl *nl, int err)
{
	if (!nl->error)
		return nl_geterror(err);

	if (nl->detail[0])
		snprintf(nl->errbuf, sizeof(nl->errbuf), "%s: %s",
			 strerror(nl->error), nl->detail);
	else
		snprintf(nl->errbuf, sizeof(nl->errbuf), "%s",
			 strerror(nl->error));
	return nl->errbuf;
}

struct request {
	struct mvnl *nl;
	mvnl_reply_fn fn;
	void *arg;
	bool done;		/* ACK or end of dump seen */
	int err;		/* failure found in a handler */
};

/*
 * A dump flagged NLM_F_DUMP_INTR is inconsistent from that message on: the
 * rest is read to its NLMSG_DONE but not handed on, so that the socket is
 * left clean for another try. libnl calls this for any message with the
 * flag, before its own handling; without it, libnl would end the receive
 * with NLE_DUMP_INTR.
 */
static int dump_intr_handler(struct nl_msg *msg, void *arg)
{
	struct request *req = arg;

	(void)msg;
	req->nl->interrupted = true;
	return NL_OK;
}

static int valid_handler(struct nl_msg *msg, void *arg)
{
	struct request *req = arg;

	if (req->nl->interrupted)
		return NL_OK;
	if (req->fn) {
		req->err = req->fn(msg, req->arg);
		if (req->err)
			return NL_STOP;
	}
	return NL_OK;
}

static int ack_handler(struct nl_msg *msg, void *arg)
{
	struct request *req = arg;

	(void)msg;
	req->done = true;
	return NL_STOP;
}

/* NLMSG_DONE carries the dump's error, and then possibly extended ACK. */
static int finish_handler(struct nl_msg *msg, void *arg)
{
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	struct request *req = arg;
	const int hdr = NLMSG_ALIGN(sizeof(int));
	int error;

	req->done = true;
	if (nlmsg_datalen(nlh) < (int)sizeof(int))
		return NL_STOP;

	memcpy(&error, nlmsg_data(nlh), sizeof(error));
	if (error >= 0)
		return NL_STOP;

	req->nl->error = -error;
	if ((nlh->nlmsg_flags & NLM_F_ACK_TLVS) && nlmsg_datalen(nlh) > hdr)
		record_extack(req->nl, (char *)nlmsg_data(nlh) + hdr,
			      nlmsg_datalen(nlh) - hdr);
	req->err = -nl_syserr2nlerr(error);
	return NL_STOP;
}

/* A copy of the socket's callbacks, so that error_handler() stays. */
static struct nl_cb *request_cb(struct mvnl *nl, struct request *req)
{
	struct nl_cb *sk_cb = nl_socket_get_cb(nl->sk);
	struct nl_cb *cb = nl_cb_clone(sk_cb);

	nl_cb_put(sk_cb);
	if (!cb)
		return NULL;
	nl_cb_set(cb, NL_CB_DUMP_INTR, NL_CB_CUSTOM, dump_intr_handler, req);
	nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, valid_handler, req);
	nl_cb_set(cb, NL_CB_ACK, NL_CB_CUSTOM, ack_handler, req);
	nl_cb_set(cb, NL_CB_FINISH, NL_CB_CUSTOM, finish_handler, req);
	return cb;
}

int mvnl_request(struct mvnl *nl, struct nl_msg *msg, mvnl_reply_fn fn,
		 void *arg)
{
	struct request req = { .nl = nl, .fn = fn, .arg = arg };
	struct nl_cb *cb;
	int err;

	mvnl_clear(nl);
	nl->interrupted = false;
	cb = request_cb(nl, &req);
	if (!cb)
		return -NLE_NOMEM;

	err = nl_send_auto(nl->sk, msg);
	while (err >= 0 && !req.err && !req.done)
		err = nl_recvmsgs(nl->sk, cb);
	nl_cb_put(cb);

	if (err >= 0)
		err = req.err;
	return err < 0 ? err : 0;
}

int mvnl_dump(struct mvnl *nl, struct nl_msg *msg, mvnl_reply_fn fn,
	      mvnl_reset_fn reset, void *arg)
{
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	char detail[96];
	int try, err;

	for (try = 0; try < MVNL_DUMP_TRIES; try++) {
		if (reset)
			reset(arg);
		/* a new sequence number for each try */
		nlh->nlmsg_seq = NL_AUTO_SEQ;
		err = mvnl_request(nl, msg, fn, arg);
		if (err || !nl->interrupted)
			return err;
	}
	snprintf(detail, sizeof(detail),
		 "the dump was interrupted by changes %d times in a row",
		 MVNL_DUMP_TRIES);
	return mvnl_fail(nl, EAGAIN, detail);
}

int mvnl_open_mvlan(struct mvnl *nl, int *family)
{
	int err;

	if (mvnl_open(nl, NETLINK_GENERIC))
		return -1;

	err = genl_ctrl_resolve(nl->sk, MVLAN_GENL_NAME);
	if (err >= 0) {
		*family = err;
		return 0;
	}

	if (err == -NLE_OBJ_NOTFOUND)
		mv_err("mvlan module not loaded (generic netlink family \"%s\" not found)",
		       MVLAN_GENL_NAME);
	else
		mv_err("cannot resolve generic netlink family \"%s\": %s",
		       MVLAN_GENL_NAME, mvnl_strerror(nl, err));
	mvnl_close(nl);
	return -1;
}

int mvnl_join_events(struct mvnl *nl)
{
	int grp;

	grp = genl_ctrl_resolve_grp(nl->sk, MVLAN_GENL_NAME,
				    MVLAN_MCGRP_EVENTS);
	if (grp < 0) {
		mv_err("cannot find the multicast group \"%s\" of \"%s\": %s",
		       MVLAN_MCGRP_EVENTS, MVLAN_GENL_NAME,
		       mvnl_strerror(nl, grp));
		return -1;
	}
	grp = nl_socket_add_membership(nl->sk, grp);
	if (grp < 0) {
		mv_err("cannot join the multicast group \"%s\": %s",
		       MVLAN_MCGRP_EVENTS, nl_geterror(grp));
		return -1;
	}
	return 0;
}
