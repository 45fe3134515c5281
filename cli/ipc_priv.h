/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Inside the ipc layer: the handle, the request loop, and the builders of
 * requests and parsers of replies that ipc.h's functions are made of. Only
 * the layer's files and its unit tests include this (and so libnl).
 *
 * Builders return a new libnl message (nlmsg_free() it) or NULL without
 * memory; nothing is sent. Parsers take one reply message and fill a
 * structure, returning 0 or a negative errno with e filled (EPROTO for a
 * malformed reply, with a detail naming what is wrong).
 */
#ifndef MVIPC_PRIV_H
#define MVIPC_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <netlink/attr.h>
#include <netlink/msg.h>
#include <netlink/netlink.h>

#include "array.h"
#include "ipc.h"

struct mvipc {
	struct nl_sock *genl;	/* MVIPC_GENL, or NULL */
	struct nl_sock *route;	/* MVIPC_ROUTE, or NULL */
	int family;		/* the "mvlan" family's id, 0 until resolved */
	bool interrupted;	/* the last dump was flagged NLM_F_DUMP_INTR */
	/*
	 * Where the sockets' error callback records the kernel's errors:
	 * the error of the call in progress (mvipc_begin()).
	 */
	struct mvipc_error *e;
};

/* --- errors (ipc_core.c) ------------------------------------------------ */

/* Empties e, and makes it where ipc's sockets record errors. */
void mvipc_begin(struct mvipc *ipc, struct mvipc_error *e);

/*
 * Records a failure found in userspace: err and, if fmt is not NULL, a
 * detail in e->msg. Returns -err.
 */
int mvipc_fail(struct mvipc_error *e, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * Records a failure libnl reported with its error code nlerr (< 0): the
 * kernel's errno when one is recorded in e already, else the errno closest
 * to nlerr with libnl's description. Returns -e->err.
 */
int mvipc_lib_fail(struct mvipc_error *e, int nlerr);

/* The errno closest to libnl error code nlerr (< 0 or > 0). */
int mvipc_nlerr_errno(int nlerr);

/*
 * An NLMSG_ERROR message: 0 for an ACK, else -errno with e filled, the
 * extended ACK message (NLMSGERR_ATTR_MSG) included, whether the request
 * is echoed (NLM_F_CAPPED unset) or not.
 */
int mvipc_parse_error(const struct nlmsghdr *nlh, struct mvipc_error *e);

/* An NLMSG_DONE message: 0, or the dump's error as mvipc_parse_error(). */
int mvipc_parse_done(const struct nlmsghdr *nlh, struct mvipc_error *e);

/* --- the request loop (ipc_core.c) -------------------------------------- */

/*
 * A socket of protocol for ipc into *sk, its errors recorded as a call's
 * (mvipc_open() makes its sockets so; the tests make others).
 */
int mvipc_open_sock(struct mvipc *ipc, struct nl_sock **sk, int protocol,
		    struct mvipc_error *e);

/*
 * Called for each data message of a reply; returns 0 to go on, or a
 * negative errno (from mvipc_fail()) to abort the request with it.
 */
typedef int (*mvipc_reply_fn)(struct nlmsghdr *nlh, void *arg,
			      struct mvipc_error *e);

/* Called before each try of a dump, to forget what an earlier one found. */
typedef void (*mvipc_reset_fn)(void *arg);

/*
 * Sends msg (which stays the caller's) on sk, one of ipc's sockets, and
 * reads the replies until the kernel's ACK, the end of a dump, or an
 * error; after fn failed, to the end all the same, unread, so that the
 * socket is ready for the next request. fn may be NULL. Empties e first
 * (mvipc_begin()), and reports the first failure.
 */
int mvipc_request(struct mvipc *ipc, struct nl_sock *sk, struct nl_msg *msg,
		  mvipc_reply_fn fn, void *arg, struct mvipc_error *e);

/*
 * Sends the dump request msg (NLM_F_DUMP) and hands each message of the
 * reply to fn; a dump flagged NLM_F_DUMP_INTR is read to its end, then
 * tried again, after reset(arg), MVIPC_DUMP_TRIES times in all.
 */
int mvipc_dump(struct mvipc *ipc, struct nl_sock *sk, struct nl_msg *msg,
	       mvipc_reply_fn fn, mvipc_reset_fn reset, void *arg,
	       struct mvipc_error *e);

/*
 * mvipc_dump() if msg is a dump request (NLM_F_DUMP), else mvipc_request();
 * then frees msg. msg NULL (a builder out of memory) is -ENOMEM.
 */
int mvipc_send(struct mvipc *ipc, struct nl_sock *sk, struct nl_msg *msg,
	       mvipc_reply_fn fn, mvipc_reset_fn reset, void *arg,
	       struct mvipc_error *e);

/*
 * Parses one message into obj, as the mvipc_parse_*() functions below;
 * returns 1 for a message that is not for obj's list (to be skipped).
 */
typedef int (*mvipc_parse_fn)(struct nlmsghdr *nlh, void *obj,
			      struct mvipc_error *e);

/*
 * Sends msg as mvipc_send() and parses its one reply into obj: a reply of
 * more or less than one message is -EPROTO, "more than one device in the
 * reply" or "no device in the reply".
 */
int mvipc_get_one(struct mvipc *ipc, struct nl_sock *sk, struct nl_msg *msg,
		  mvipc_parse_fn parse, void *obj, struct mvipc_error *e);

/*
 * A list to collect a reply into, a message an element: the address of the
 * list's array pointer, its count and capacity, the size of an element,
 * and the parser of one. MVIPC_COLLECT(&list, member, parse) makes one.
 */
struct mvipc_collect {
	void *array;
	size_t *n, *cap;
	size_t size;
	mvipc_parse_fn parse;
	size_t start;		/* n before the request */
};

#define MVIPC_COLLECT(l, member, fn)					\
	((struct mvipc_collect){ .array = &(l)->member, .n = &(l)->n,	\
				 .cap = &(l)->cap,			\
				 .size = sizeof(*(l)->member),		\
				 .parse = (fn) })

/*
 * Sends msg as mvipc_send() and appends an element to c's list for each
 * message of the reply (zeroed, then parsed; dropped when the parser
 * says 1); a dump tried again starts from the elements the list had.
 */
int mvipc_collect(struct mvipc *ipc, struct nl_sock *sk, struct nl_msg *msg,
		  struct mvipc_collect c, struct mvipc_error *e);

/* msg, or NULL (msg freed) when err says putting into it failed. */
struct nl_msg *mvipc_msg_checked(struct nl_msg *msg, int err);

/* 0, or -EBADF in e if the handle was opened without socket sk (what). */
int mvipc_need(const struct nl_sock *sk, const char *what,
	       struct mvipc_error *e);

/*
 * Empties e (mvipc_begin()) and checks that ipc has its rtnetlink socket:
 * the start of every rtnetlink call. As mvipc_family() for genl ones.
 */
int mvipc_need_route(struct mvipc *ipc, struct mvipc_error *e);

/* --- attribute tables (ipc_core.c) -------------------------------------- */

/* How a struct member is read from an attribute its policy checked. */
enum mvipc_field_type {
	MVIPC_F_U32,
	MVIPC_F_S32,
	MVIPC_F_U64,
	MVIPC_F_NAME,	/* NLA_STRING of at most IFNAMSIZ, NUL included */
	MVIPC_F_MAC,	/* MAC_LEN bytes */
};

/*
 * An attribute and where it goes: the member at off of the structure,
 * and bit has of its "present" mask (0 for none). A required one missing
 * is a malformed reply.
 */
struct mvipc_field {
	int attr;
	enum mvipc_field_type type;
	bool required;
	unsigned int has;
	size_t off;
	const char *name;	/* the attribute's name, for errors */
};

#define MVIPC_FIELD(type_, attr, kind, member, req, has)		\
	{ (attr), (kind), (req), (has), offsetof(type_, member), #attr }

/*
 * Fills obj from the parsed attributes tb by fields; *present gets the
 * has bits of those found (present may be NULL). A required attribute
 * missing: -EPROTO, "<what> lacks <name>".
 */
int mvipc_fill(struct nlattr **tb, const struct mvipc_field *fields,
	       size_t n, void *obj, unsigned int *present, const char *what,
	       struct mvipc_error *e);

/* --- requests of the "mvlan" family (ipc_genl.c) ------------------------ */

/*
 * The most MVLAN_A_SOURCE entries a request carries; a longer list is sent
 * in several requests (a transaction, for SOURCE_SET). 4000 entries take
 * 64 kB, well below the default socket send buffer.
 */
#define MVIPC_MSG_SOURCES_MAX	4000

/* Room for a request's header, device and flags, besides sources. */
#define MVIPC_MSG_BASE_SIZE	256

/* The policy of the family's top-level attributes, in replies. */
extern const struct nla_policy mvipc_genl_policy[];

/*
 * A request of command cmd for family, with extra netlink flags
 * (NLM_F_DUMP, ...) and room for n source entries.
 */
struct nl_msg *mvipc_msg_new(int family, uint8_t cmd, int flags, size_t n);

/* MVLAN_A_IFINDEX when ifindex is not 0, MVLAN_A_IFNAME when name is set. */
int mvipc_msg_put_dev(struct nl_msg *msg, uint32_t ifindex, const char *name);

/* One MVLAN_A_SOURCE { MVLAN_SOURCE_A_ADDR } per address. */
int mvipc_msg_put_sources(struct nl_msg *msg, const uint8_t (*mac)[MAC_LEN],
			  size_t n);

/* Requests needed for n entries, MVIPC_MSG_SOURCES_MAX a request; >= 1. */
size_t mvipc_msg_chunks(size_t n);

/*
 * MVLAN_A_SOURCE_SET_FLAGS of request i (from 0) of a SOURCE_SET sent as
 * chunks requests: 0 alone, then MORE for the first, CONTINUE | MORE for
 * the middle ones, CONTINUE for the last.
 */
uint32_t mvipc_msg_set_flags(size_t i, size_t chunks);

/* A command cmd (flags as mvipc_msg_new()) for device ifindex and name. */
struct nl_msg *mvipc_msg_dev(int family, uint8_t cmd, int flags,
			     uint32_t ifindex, const char *name);

/* DEV_GET dump, of the devices on lower device link if it is not 0. */
struct nl_msg *mvipc_msg_dev_dump(int family, uint32_t link);

/* DEV_SET of mode and flags on d, by ifindex and name. */
struct nl_msg *mvipc_msg_dev_set(int family, const struct mvlan_dev *d,
				 uint32_t mode, uint32_t flags);

/*
 * Request i of the chunks mvipc_msg_chunks(n) that send command cmd with
 * the n addresses mac for device name.
 */
struct nl_msg *mvipc_msg_sources(int family, uint8_t cmd, const char *name,
				 const uint8_t (*mac)[MAC_LEN], size_t n,
				 size_t i);

/* PORT_GET of lower device link, or a dump of every port if it is 0. */
struct nl_msg *mvipc_msg_port(int family, uint32_t link);

/* A device (DEV_GET reply, DEV_NEW/_DEL/_CHANGE notification) into *d. */
int mvipc_parse_dev(struct nlmsghdr *nlh, struct mvlan_dev *d,
		    struct mvipc_error *e);

/* The MVLAN_A_SOURCE entries of a SOURCE_GET reply, appended to l. */
int mvipc_parse_sources(struct nlmsghdr *nlh, struct entry_list *l,
			struct mvipc_error *e);

/*
 * A STATS_GET (attr MVLAN_A_STATS) or PORT_GET (MVLAN_A_PORT) reply into
 * *c, zeroed first.
 */
int mvipc_parse_counters(struct nlmsghdr *nlh, int attr, struct counters *c,
			 struct mvipc_error *e);

/*
 * A message read on the events socket: 1 if it is no notification of
 * family (to be skipped), 0 with *ev filled, or -EPROTO (ev->cmd set).
 */
int mvipc_parse_event(struct nlmsghdr *nlh, int family,
		      struct mvipc_event *ev, struct mvipc_error *e);

/* --- rtnetlink (ipc_link.c, ipc_route.c) -------------------------------- */

/* RTM_GETLINK of ifindex, or of name when ifindex is 0. */
struct nl_msg *mvipc_msg_getlink(uint32_t ifindex, const char *name);
/* RTM_GETLINK dump. */
struct nl_msg *mvipc_msg_linkdump(void);
/* RTM_NEWLINK creating the mvlan device nl. */
struct nl_msg *mvipc_msg_newlink(const struct mvipc_newlink *nl);
/* RTM_DELLINK of ifindex. */
struct nl_msg *mvipc_msg_dellink(uint32_t ifindex);
/* RTM_DELLINK of the device called name (ifi_index 0, IFLA_IFNAME). */
struct nl_msg *mvipc_msg_dellink_name(const char *name);
/*
 * RTM_NEWLINK of ifindex: the flags of mask change (IFF_UP, ...) set as in
 * flags, and renamed when name is not NULL.
 */
struct nl_msg *mvipc_msg_setlink(uint32_t ifindex, uint32_t change,
				 uint32_t flags, const char *name);
/*
 * The attributes of an rtnetlink message of type with a fixed header of
 * hdrlen bytes into tb (max, policy); -EPROTO "malformed <what>
 * attributes" if it is not that, or they do not fit the policy.
 */
int mvipc_rtnl_parse(struct nlmsghdr *nlh, int type, size_t hdrlen,
		     struct nlattr **tb, int max,
		     const struct nla_policy *policy, const char *what,
		     struct mvipc_error *e);

/* An RTM_NEWLINK message into *l. */
int mvipc_parse_link(struct nlmsghdr *nlh, struct mvipc_link *l,
		     struct mvipc_error *e);

/* Sends msg, a request answered by an ACK only, on the rtnetlink socket. */
int mvipc_route_do(struct mvipc *ipc, struct nl_msg *msg,
		   struct mvipc_error *e);

/* The length of an address of family: 4, 16, or 0 if unknown. */
size_t mvipc_addr_len(int family);
/* RTM_NEWADDR of a. */
struct nl_msg *mvipc_msg_newaddr(const struct mvipc_addr *a);
/* RTM_GETADDR dump of family. */
struct nl_msg *mvipc_msg_addrdump(int family);
/* An RTM_NEWADDR message into *a; 1 if it is neither IPv4 nor IPv6. */
int mvipc_parse_addr(struct nlmsghdr *nlh, struct mvipc_addr *a,
		     struct mvipc_error *e);
/* RTM_NEWROUTE of r. */
struct nl_msg *mvipc_msg_newroute(const struct mvipc_route *r);
/* RTM_GETROUTE dump of family. */
struct nl_msg *mvipc_msg_routedump(int family);
/* An RTM_NEWROUTE message into *r; 1 for a cached clone or another family. */
int mvipc_parse_route(struct nlmsghdr *nlh, struct mvipc_route *r,
		      struct mvipc_error *e);

#endif /* MVIPC_PRIV_H */
