// SPDX-License-Identifier: GPL-2.0
/*
 * The ipc layer's core: handles and their sockets, errors with the
 * kernel's extended ACK, and the loop that sends a request and reads its
 * replies (dumps retried when the kernel flags them inconsistent).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <linux/netlink.h>
#include <netlink/attr.h>
#include <netlink/msg.h>

#include "ipc_priv.h"

/* --- errors -------------------------------------------------------------- */

static void clear(struct mvipc_error *e)
{
	e->err = 0;
	e->desc = NULL;
	e->msg[0] = '\0';
}

void mvipc_begin(struct mvipc *ipc, struct mvipc_error *e)
{
	clear(e);
	ipc->e = e;
}

int mvipc_fail(struct mvipc_error *e, int err, const char *fmt, ...)
{
	va_list ap;

	e->err = err;
	e->desc = NULL;
	e->msg[0] = '\0';
	if (fmt) {
		va_start(ap, fmt);
		vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
		va_end(ap);
	}
	return -err;
}

/* libnl's error codes, and the errno each stands for. */
static const struct {
	int nlerr, err;
} nlerrs[] = {
	{ NLE_INTR,		EINTR },
	{ NLE_BAD_SOCK,		EBADF },
	{ NLE_AGAIN,		EAGAIN },
	{ NLE_NOMEM,		ENOMEM },
	{ NLE_EXIST,		EEXIST },
	{ NLE_INVAL,		EINVAL },
	{ NLE_RANGE,		ERANGE },
	{ NLE_MSGSIZE,		EMSGSIZE },
	{ NLE_OPNOTSUPP,	EOPNOTSUPP },
	{ NLE_AF_NOSUPPORT,	EAFNOSUPPORT },
	{ NLE_OBJ_NOTFOUND,	ENOENT },
	{ NLE_MSG_OVERFLOW,	EOVERFLOW },
	{ NLE_MSG_TRUNC,	EMSGSIZE },
	{ NLE_NOADDR,		EADDRNOTAVAIL },
	{ NLE_BUSY,		EBUSY },
	{ NLE_PROTO_MISMATCH,	EPROTONOSUPPORT },
	{ NLE_NOACCESS,		EACCES },
	{ NLE_PERM,		EPERM },
	{ NLE_NODEV,		ENODEV },
	{ NLE_DUMP_INTR,	EINTR },
};

int mvipc_nlerr_errno(int nlerr)
{
	size_t i;

	if (nlerr < 0)
		nlerr = -nlerr;
	for (i = 0; i < ARRAY_SIZE(nlerrs); i++)
		if (nlerrs[i].nlerr == nlerr)
			return nlerrs[i].err;
	return EPROTO;
}

int mvipc_lib_fail(struct mvipc_error *e, int nlerr)
{
	if (!e->err) {
		e->err = mvipc_nlerr_errno(nlerr);
		e->desc = nl_geterror(nlerr);
	}
	return -e->err;
}

const char *mvipc_strerror(struct mvipc_error *e)
{
	const char *what = e->desc ? e->desc : strerror(e->err);

	if (e->msg[0])
		snprintf(e->text, sizeof(e->text), "%s: %s", what, e->msg);
	else
		snprintf(e->text, sizeof(e->text), "%s", what);
	return e->text;
}

/* Keeps the NLMSGERR_ATTR_MSG of a stream of extended ACK TLVs. */
static void record_extack(struct mvipc_error *e, const void *tlvs, size_t len)
{
	struct nlattr *nla;
	int rem;

	nla_for_each_attr(nla, (struct nlattr *)tlvs, (int)len, rem) {
		const char *msg = nla_data(nla);
		int n = nla_len(nla);

		if (nla_type(nla) == NLMSGERR_ATTR_MSG && n > 0 &&
		    msg[n - 1] == '\0')
			snprintf(e->msg, sizeof(e->msg), "%s", msg);
	}
}

/*
 * The TLVs follow the struct nlmsgerr and, unless NLM_F_CAPPED, the
 * echoed request's payload.
 */
int mvipc_parse_error(const struct nlmsghdr *nlh, struct mvipc_error *e)
{
	const struct nlmsgerr *err = NLMSG_DATA(nlh);
	size_t len, off = sizeof(*err);

	if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(*err)))
		return mvipc_fail(e, EPROTO, "truncated error message");
	if (!err->error)
		return 0;

	clear(e);
	e->err = err->error < 0 ? -err->error : err->error;
	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS))
		return -e->err;
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED)) {
		if (err->msg.nlmsg_len < NLMSG_HDRLEN)
			return -e->err;
		off += err->msg.nlmsg_len - NLMSG_HDRLEN;
	}
	off = NLMSG_ALIGN(off);
	len = nlh->nlmsg_len - NLMSG_HDRLEN;
	if (off < len)
		record_extack(e, (const char *)err + off, len - off);
	return -e->err;
}

/* NLMSG_DONE carries the dump's error (an int), then maybe the TLVs. */
int mvipc_parse_done(const struct nlmsghdr *nlh, struct mvipc_error *e)
{
	const size_t hdr = NLMSG_ALIGN(sizeof(int));
	size_t len;
	int error;

	if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(int)))
		return 0;
	len = nlh->nlmsg_len - NLMSG_HDRLEN;
	memcpy(&error, NLMSG_DATA(nlh), sizeof(error));
	if (error >= 0)
		return 0;

	clear(e);
	e->err = -error;
	if ((nlh->nlmsg_flags & NLM_F_ACK_TLVS) && len > hdr)
		record_extack(e, (const char *)NLMSG_DATA(nlh) + hdr,
			      len - hdr);
	return -e->err;
}

/* --- handles ------------------------------------------------------------- */

/*
 * NLMSG_ERROR with a non-zero error, for requests and for libnl's own
 * (genl_ctrl_resolve() ...). libnl hands over the payload only; the
 * header is right before it in the receive buffer.
 */
static int error_handler(struct sockaddr_nl *who, struct nlmsgerr *err,
			 void *arg)
{
	const struct nlmsghdr *nlh = (const struct nlmsghdr *)err - 1;
	struct mvipc *ipc = arg;

	(void)who;
	/* the first failure of a call is the one it reports */
	if (ipc->e && !ipc->e->err)
		mvipc_parse_error(nlh, ipc->e);
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

int mvipc_open_sock(struct mvipc *ipc, struct nl_sock **skp, int protocol,
		    struct mvipc_error *e)
{
	struct nl_sock *sk = nl_socket_alloc();
	int err;

	if (!sk)
		return mvipc_fail(e, ENOMEM, NULL);
	err = nl_connect(sk, protocol);
	if (!err)
		err = nl_socket_modify_err_cb(sk, NL_CB_CUSTOM, error_handler,
					      ipc);
	if (err < 0) {
		nl_socket_free(sk);
		return mvipc_lib_fail(e, err);
	}
	enable_extack(sk);
	*skp = sk;
	return 0;
}

int mvipc_open(struct mvipc **ipcp, unsigned int socks, struct mvipc_error *e)
{
	struct mvipc *ipc;
	int err = 0;

	clear(e);
	*ipcp = NULL;
	ipc = calloc(1, sizeof(*ipc));
	if (!ipc)
		return mvipc_fail(e, ENOMEM, NULL);
	if (socks & MVIPC_GENL)
		err = mvipc_open_sock(ipc, &ipc->genl, NETLINK_GENERIC, e);
	if (!err && (socks & MVIPC_ROUTE))
		err = mvipc_open_sock(ipc, &ipc->route, NETLINK_ROUTE, e);
	if (err) {
		mvipc_close(ipc);
		return err;
	}
	*ipcp = ipc;
	return 0;
}

void mvipc_close(struct mvipc *ipc)
{
	if (!ipc)
		return;
	nl_socket_free(ipc->genl);
	nl_socket_free(ipc->route);
	free(ipc);
}

int mvipc_need(const struct nl_sock *sk, const char *what,
	       struct mvipc_error *e)
{
	if (sk)
		return 0;
	return mvipc_fail(e, EBADF, "the handle has no %s socket", what);
}

int mvipc_need_route(struct mvipc *ipc, struct mvipc_error *e)
{
	mvipc_begin(ipc, e);
	return mvipc_need(ipc->route, "rtnetlink", e);
}

/* --- attribute tables ---------------------------------------------------- */

int mvipc_fill(struct nlattr **tb, const struct mvipc_field *fields,
	       size_t n, void *obj, unsigned int *present, const char *what,
	       struct mvipc_error *e)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const struct mvipc_field *f = &fields[i];
		struct nlattr *a = tb[f->attr];
		char *p = (char *)obj + f->off;
		uint32_t u32;
		int32_t s32;
		uint64_t u64;

		if (!a) {
			if (f->required)
				return mvipc_fail(e, EPROTO, "%s lacks %s",
						  what, f->name);
			continue;
		}
		switch (f->type) {
		case MVIPC_F_U32:
			u32 = nla_get_u32(a);
			memcpy(p, &u32, sizeof(u32));
			break;
		case MVIPC_F_S32:
			s32 = nla_get_s32(a);
			memcpy(p, &s32, sizeof(s32));
			break;
		case MVIPC_F_U64:
			u64 = nla_get_u64(a);
			memcpy(p, &u64, sizeof(u64));
			break;
		case MVIPC_F_NAME:
			nla_strlcpy(p, a, IFNAMSIZ);
			break;
		case MVIPC_F_MAC:
			nla_memcpy(p, a, MAC_LEN);
			break;
		}
		if (present)
			*present |= f->has;
	}
	return 0;
}

/* --- the request loop ---------------------------------------------------- */

struct request {
	struct mvipc *ipc;
	mvipc_reply_fn fn;
	void *arg;
	struct mvipc_error *e;
	bool done;		/* ACK or end of dump seen */
	int err;		/* failure found in a handler: -errno */
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
	req->ipc->interrupted = true;
	return NL_OK;
}

/*
 * Once a handler failed, the rest of the reply is read to its end but not
 * handed on either: the socket is left clean for the next request.
 */
static int valid_handler(struct nl_msg *msg, void *arg)
{
	struct request *req = arg;

	if (req->ipc->interrupted || req->err || !req->fn)
		return NL_OK;
	req->err = req->fn(nlmsg_hdr(msg), req->arg, req->e);
	return NL_OK;
}

static int ack_handler(struct nl_msg *msg, void *arg)
{
	struct request *req = arg;

	(void)msg;
	req->done = true;
	return NL_STOP;
}

static int finish_handler(struct nl_msg *msg, void *arg)
{
	struct request *req = arg;

	req->done = true;
	if (!req->err)
		req->err = mvipc_parse_done(nlmsg_hdr(msg), req->e);
	return NL_STOP;
}

/* A copy of the socket's callbacks, so that error_handler() stays. */
static struct nl_cb *request_cb(struct nl_sock *sk, struct request *req)
{
	struct nl_cb *sk_cb = nl_socket_get_cb(sk);
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

int mvipc_request(struct mvipc *ipc, struct nl_sock *sk, struct nl_msg *msg,
		  mvipc_reply_fn fn, void *arg, struct mvipc_error *e)
{
	struct request req = { .ipc = ipc, .fn = fn, .arg = arg, .e = e };
	struct nl_cb *cb;
	int err;

	mvipc_begin(ipc, e);
	ipc->interrupted = false;
	cb = request_cb(sk, &req);
	if (!cb)
		return mvipc_lib_fail(e, -NLE_NOMEM);

	err = nl_send_auto(sk, msg);
	while (err >= 0 && !req.done)
		err = nl_recvmsgs(sk, cb);
	nl_cb_put(cb);

	if (req.err)
		return req.err;
	return err < 0 ? mvipc_lib_fail(e, err) : 0;
}

int mvipc_dump(struct mvipc *ipc, struct nl_sock *sk, struct nl_msg *msg,
	       mvipc_reply_fn fn, mvipc_reset_fn reset, void *arg,
	       struct mvipc_error *e)
{
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	int try, err;

	for (try = 0; try < MVIPC_DUMP_TRIES; try++) {
		if (reset)
			reset(arg);
		/* a new sequence number for each try */
		nlh->nlmsg_seq = NL_AUTO_SEQ;
		err = mvipc_request(ipc, sk, msg, fn, arg, e);
		if (err || !ipc->interrupted)
			return err;
	}
	return mvipc_fail(e, EAGAIN,
			  "the dump was interrupted by changes %d times in a row",
			  MVIPC_DUMP_TRIES);
}

int mvipc_send(struct mvipc *ipc, struct nl_sock *sk, struct nl_msg *msg,
	       mvipc_reply_fn fn, mvipc_reset_fn reset, void *arg,
	       struct mvipc_error *e)
{
	int err;

	if (!msg)
		return mvipc_fail(e, ENOMEM, NULL);
	if (nlmsg_hdr(msg)->nlmsg_flags & NLM_F_DUMP)
		err = mvipc_dump(ipc, sk, msg, fn, reset, arg, e);
	else
		err = mvipc_request(ipc, sk, msg, fn, arg, e);
	nlmsg_free(msg);
	return err;
}

struct one {
	mvipc_parse_fn parse;
	void *obj;
	size_t n;
};

/* mvipc_reply_fn */
static int parse_one(struct nlmsghdr *nlh, void *arg, struct mvipc_error *e)
{
	struct one *o = arg;

	if (o->n++)
		return mvipc_fail(e, EPROTO,
				  "more than one device in the reply");
	return o->parse(nlh, o->obj, e);
}

int mvipc_get_one(struct mvipc *ipc, struct nl_sock *sk, struct nl_msg *msg,
		  mvipc_parse_fn parse, void *obj, struct mvipc_error *e)
{
	struct one o = { .parse = parse, .obj = obj };
	int err = mvipc_send(ipc, sk, msg, parse_one, NULL, &o, e);

	if (!err && !o.n)
		err = mvipc_fail(e, EPROTO, "no device in the reply");
	return err;
}

/* mvipc_reply_fn */
static int collect_one(struct nlmsghdr *nlh, void *arg, struct mvipc_error *e)
{
	struct mvipc_collect *c = arg;
	void *v, *elem;
	int err;

	/* the list's pointer is read and written as bytes: any type */
	memcpy(&v, c->array, sizeof(v));
	v = array_room(v, *c->n, c->cap, c->size);
	if (!v)
		return mvipc_fail(e, ENOMEM, NULL);
	memcpy(c->array, &v, sizeof(v));

	elem = (char *)v + *c->n * c->size;
	memset(elem, 0, c->size);
	err = c->parse(nlh, elem, e);
	if (err > 0)
		return 0;	/* not for this list */
	if (!err)
		(*c->n)++;
	return err;
}

/* mvipc_reset_fn */
static void collect_reset(void *arg)
{
	struct mvipc_collect *c = arg;

	*c->n = c->start;
}

int mvipc_collect(struct mvipc *ipc, struct nl_sock *sk, struct nl_msg *msg,
		  struct mvipc_collect c, struct mvipc_error *e)
{
	c.start = *c.n;
	return mvipc_send(ipc, sk, msg, collect_one, collect_reset, &c, e);
}

struct nl_msg *mvipc_msg_checked(struct nl_msg *msg, int err)
{
	if (msg && err) {
		nlmsg_free(msg);
		return NULL;
	}
	return msg;
}
