// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of cli/ipc_core.c and cli/array.h: the kernel's errors and
 * their extended ACK taken out of NLMSG_ERROR and NLMSG_DONE messages
 * shaped as the kernel sends them (built here with libnl), the error text,
 * attribute tables, and growable arrays.
 */
#include <errno.h>
#include <string.h>

#include <linux/netlink.h>
#include <netlink/attr.h>
#include <netlink/msg.h>

#include "ipc_priv.h"
#include "unit.h"

/* The request the errors answer: a header and 24 bytes of payload. */
#define REQ_PAYLOAD	24

/*
 * An NLMSG_ERROR for error (negative), echoing the request unless capped,
 * with the extended ACK message text if it is not NULL, after an
 * NLMSGERR_ATTR_OFFS as the kernel puts it first.
 */
static struct nl_msg *error_msg(int error, bool capped, const char *text)
{
	struct nlmsghdr req = {
		.nlmsg_len = NLMSG_LENGTH(REQ_PAYLOAD),
		.nlmsg_type = 0x20,
		.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK,
		.nlmsg_seq = 9,
	};
	int flags = (capped ? NLM_F_CAPPED : 0) | (text ? NLM_F_ACK_TLVS : 0);
	struct nl_msg *msg = nlmsg_alloc_simple(NLMSG_ERROR, flags);
	struct nlmsgerr err = { .error = error, .msg = req };
	char payload[REQ_PAYLOAD];

	memset(payload, 0x5a, sizeof(payload));
	nlmsg_append(msg, &err, sizeof(err), NLMSG_ALIGNTO);
	if (!capped)
		nlmsg_append(msg, payload, sizeof(payload), NLMSG_ALIGNTO);
	if (text) {
		nla_put_u32(msg, NLMSGERR_ATTR_OFFS, 20);
		nla_put_string(msg, NLMSGERR_ATTR_MSG, text);
	}
	return msg;
}

static void test_error_capped(void)
{
	struct nl_msg *msg = error_msg(-EINVAL, true, "MVLAN_A_MODE: bad mode");
	struct mvipc_error e;

	CHECK(mvipc_parse_error(nlmsg_hdr(msg), &e) == -EINVAL);
	CHECK(e.err == EINVAL);
	CHECK_STR(e.msg, "MVLAN_A_MODE: bad mode");
	CHECK_STR(mvipc_strerror(&e), "Invalid argument: MVLAN_A_MODE: bad mode");
	nlmsg_free(msg);
}

/* Without NETLINK_CAP_ACK the request comes back before the TLVs. */
static void test_error_echoed(void)
{
	struct nl_msg *msg = error_msg(-ENODEV, false, "no such device");
	struct mvipc_error e;

	CHECK(mvipc_parse_error(nlmsg_hdr(msg), &e) == -ENODEV);
	CHECK_STR(e.msg, "no such device");
	nlmsg_free(msg);
}

static void test_error_plain(void)
{
	struct nl_msg *msg = error_msg(-EPERM, true, NULL);
	struct mvipc_error e;

	CHECK(mvipc_parse_error(nlmsg_hdr(msg), &e) == -EPERM);
	CHECK_STR(e.msg, "");
	CHECK(e.desc == NULL);
	CHECK_STR(mvipc_strerror(&e), "Operation not permitted");
	nlmsg_free(msg);

	/* an ACK is no error, and leaves e alone */
	msg = error_msg(0, true, NULL);
	e.err = 0;
	CHECK(mvipc_parse_error(nlmsg_hdr(msg), &e) == 0);
	CHECK(e.err == 0);
	nlmsg_free(msg);
}

/* A message without its NUL, or an echo longer than the message. */
static void test_error_malformed(void)
{
	struct nl_msg *msg = error_msg(-EINVAL, true, NULL);
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	struct nlmsgerr *err = nlmsg_data(nlh);
	struct mvipc_error e;
	char text[4] = { 'a', 'b', 'c', 'd' };

	nlh->nlmsg_flags |= NLM_F_ACK_TLVS;
	nla_put(msg, NLMSGERR_ATTR_MSG, sizeof(text), text);
	nlh = nlmsg_hdr(msg);
	CHECK(mvipc_parse_error(nlh, &e) == -EINVAL);
	CHECK_STR(e.msg, "");

	/* uncapped, an echo that claims more than there is */
	nlh->nlmsg_flags &= ~NLM_F_CAPPED;
	err = nlmsg_data(nlh);
	err->msg.nlmsg_len = 4096;
	CHECK(mvipc_parse_error(nlh, &e) == -EINVAL);
	CHECK_STR(e.msg, "");
	err->msg.nlmsg_len = 3;		/* less than a header */
	CHECK(mvipc_parse_error(nlh, &e) == -EINVAL);
	nlmsg_free(msg);

	/* shorter than a struct nlmsgerr */
	msg = nlmsg_alloc_simple(NLMSG_ERROR, 0);
	nlmsg_reserve(msg, 4, NLMSG_ALIGNTO);
	CHECK(mvipc_parse_error(nlmsg_hdr(msg), &e) == -EPROTO);
	CHECK_STR(e.msg, "truncated error message");
	nlmsg_free(msg);
}

/* NLMSG_DONE: an int, the dump's error, then maybe the TLVs. */
static struct nl_msg *done_msg(int error, const char *text)
{
	struct nl_msg *msg = nlmsg_alloc_simple(NLMSG_DONE, NLM_F_MULTI |
						(text ? NLM_F_ACK_TLVS : 0));

	nlmsg_append(msg, &error, sizeof(error), NLMSG_ALIGNTO);
	if (text)
		nla_put_string(msg, NLMSGERR_ATTR_MSG, text);
	return msg;
}

static void test_done(void)
{
	struct nl_msg *msg = done_msg(0, NULL);
	struct mvipc_error e = { .err = 0 };

	CHECK(mvipc_parse_done(nlmsg_hdr(msg), &e) == 0);
	CHECK(e.err == 0);
	nlmsg_free(msg);

	msg = done_msg(-EINVAL, "not an mvlan device");
	CHECK(mvipc_parse_done(nlmsg_hdr(msg), &e) == -EINVAL);
	CHECK_STR(mvipc_strerror(&e), "Invalid argument: not an mvlan device");
	nlmsg_free(msg);

	msg = done_msg(-EMSGSIZE, NULL);
	CHECK(mvipc_parse_done(nlmsg_hdr(msg), &e) == -EMSGSIZE);
	CHECK_STR(e.msg, "");
	nlmsg_free(msg);

	/* an old kernel's NLMSG_DONE without the int: the end, no error */
	msg = nlmsg_alloc_simple(NLMSG_DONE, NLM_F_MULTI);
	CHECK(mvipc_parse_done(nlmsg_hdr(msg), &e) == 0);
	nlmsg_free(msg);
}

static void test_strerror(void)
{
	struct mvipc_error e;

	CHECK(mvipc_fail(&e, EPROTO, "reply lacks %s", "MVLAN_A_MODE") ==
	      -EPROTO);
	CHECK_STR(mvipc_strerror(&e), "Protocol error: reply lacks MVLAN_A_MODE");
	CHECK(mvipc_fail(&e, ENOMEM, NULL) == -ENOMEM);
	CHECK_STR(mvipc_strerror(&e), "Cannot allocate memory");

	/* libnl's words for what libnl found (e emptied, as a call does) */
	e.err = 0;
	CHECK(mvipc_lib_fail(&e, -NLE_NOMEM) == -ENOMEM);
	CHECK_STR(mvipc_strerror(&e), nl_geterror(NLE_NOMEM));
	/* the kernel's error, once recorded, stays */
	mvipc_fail(&e, EPERM, "denied");
	CHECK(mvipc_lib_fail(&e, -NLE_PERM) == -EPERM);
	CHECK_STR(mvipc_strerror(&e), "Operation not permitted: denied");

	CHECK(mvipc_nlerr_errno(-NLE_OBJ_NOTFOUND) == ENOENT);
	CHECK(mvipc_nlerr_errno(NLE_AGAIN) == EAGAIN);
	CHECK(mvipc_nlerr_errno(-NLE_FAILURE) == EPROTO);
}

struct thing {
	uint32_t a;
	int32_t b;
	uint64_t c;
	char name[IFNAMSIZ];
	uint8_t mac[MAC_LEN];
};

#define THING(attr, kind, member, req, has) \
	MVIPC_FIELD(struct thing, attr, kind, member, req, has)

static const struct mvipc_field thing_fields[] = {
	THING(1, MVIPC_F_U32, a, true, 0),
	THING(2, MVIPC_F_S32, b, false, 0x1),
	THING(3, MVIPC_F_U64, c, false, 0x2),
	THING(4, MVIPC_F_NAME, name, true, 0),
	THING(5, MVIPC_F_MAC, mac, false, 0x4),
};

static void test_fill(void)
{
	static const uint8_t mac[MAC_LEN] = { 2, 0, 0, 0, 0, 9 };
	struct nl_msg *msg = nlmsg_alloc();
	struct nlattr *tb[6] = { NULL };
	struct thing t = { .a = 0 };
	unsigned int present = 0;
	struct mvipc_error e;

	nla_put_u32(msg, 1, 7);
	nla_put_s32(msg, 2, -5);
	nla_put_string(msg, 4, "mv0");
	nla_put(msg, 5, MAC_LEN, mac);
	CHECK(nlmsg_parse(nlmsg_hdr(msg), 0, tb, 5, NULL) == 0);
	CHECK(mvipc_fill(tb, thing_fields, ARRAY_SIZE(thing_fields), &t,
			 &present, "reply", &e) == 0);
	CHECK(t.a == 7 && t.b == -5 && t.c == 0);
	CHECK_STR(t.name, "mv0");
	CHECK(!memcmp(t.mac, mac, MAC_LEN));
	CHECK(present == (0x1 | 0x4));

	tb[4] = NULL;
	CHECK(mvipc_fill(tb, thing_fields, ARRAY_SIZE(thing_fields), &t,
			 NULL, "reply", &e) == -EPROTO);
	CHECK_STR(e.msg, "reply lacks 4");
	nlmsg_free(msg);
}

static void test_array(void)
{
	struct { uint64_t *v; size_t n, cap; } l = { 0 };
	size_t i;
	bool right = true;

	for (i = 0; i < 1000; i++) {
		uint64_t *x = ARRAY_ADD(l.v, l.n, l.cap);

		CHECK(x != NULL);
		if (!x)
			break;
		right &= *x == 0;
		*x = i;
	}
	CHECK(right);
	CHECK(l.n == 1000 && l.cap >= 1000 && l.cap < 2048);
	for (i = 0; i < l.n; i++)
		right &= l.v[i] == i;
	CHECK(right);
	ARRAY_FREE(l.v, l.n, l.cap);
	CHECK(!l.v && !l.n && !l.cap);
}

int main(void)
{
	RUN(test_error_capped);
	RUN(test_error_echoed);
	RUN(test_error_plain);
	RUN(test_error_malformed);
	RUN(test_done);
	RUN(test_strerror);
	RUN(test_fill);
	RUN(test_array);
	return unit_summary();
}
