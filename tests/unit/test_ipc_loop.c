// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the ipc layer's request loop (cli/ipc_core.c) and of the
 * calls made of it, against a fake kernel: a thread on a NETLINK_USERSOCK
 * socket that reads each request and answers with replies scripted here,
 * shaped as the kernel's (ACKs, errors with extended ACK, dumps, their
 * NLMSG_DONE with an error, dumps flagged NLM_F_DUMP_INTR), its sequence
 * number copied in. The handle's sockets are USERSOCK ones whose peer is
 * the fake, in a network namespace of the test's own; nothing reaches the
 * real kernel's families.
 *
 *    test (mvipc handle) --request--> fake kernel thread
 *                        <--replies--
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <linux/netlink.h>
#include <netlink/attr.h>
#include <netlink/genl/genl.h>
#include <netlink/msg.h>

#include <linux/mvlan.h>

#include "ipc_priv.h"
#include "ownns.h"
#include "unit.h"

#define FAMILY		0x20
#define MAX_EXCHANGES	8
#define MAX_REPLIES	8

/* The replies to one request. */
struct exchange {
	struct nl_msg *reply[MAX_REPLIES];
	size_t n;
};

struct fake {
	int fd;
	uint32_t port;
	pthread_t thread;
	struct exchange x[MAX_EXCHANGES];
	size_t nx;			/* exchanges scripted */
	size_t seen;			/* requests read */
	struct nl_msg *request[MAX_EXCHANGES];	/* copies of them */
};

static struct fake fake;

static void fake_reply(size_t i, struct nl_msg *msg)
{
	struct exchange *x = &fake.x[i];

	if (i >= fake.nx)
		fake.nx = i + 1;
	x->reply[x->n++] = msg;
}

/* Reads a request, keeps a copy, sends its replies; until the script ends. */
static void *fake_run(void *arg)
{
	static char buf[1 << 20];

	(void)arg;
	while (fake.seen < fake.nx) {
		struct exchange *x = &fake.x[fake.seen];
		struct sockaddr_nl from;
		socklen_t len = sizeof(from);
		const struct nlmsghdr *req = (const void *)buf;
		ssize_t n;
		size_t i;

		n = recvfrom(fake.fd, buf, sizeof(buf), 0, (void *)&from, &len);
		if (n < (ssize_t)NLMSG_HDRLEN)
			break;		/* timed out: the test failed already */
		fake.request[fake.seen] = nlmsg_convert((struct nlmsghdr *)buf);
		for (i = 0; i < x->n; i++) {
			struct nlmsghdr *nlh = nlmsg_hdr(x->reply[i]);

			nlh->nlmsg_seq = req->nlmsg_seq;
			nlh->nlmsg_pid = req->nlmsg_pid;
			sendto(fake.fd, nlh, nlh->nlmsg_len, 0, (void *)&from,
			       sizeof(from));
		}
		fake.seen++;
	}
	return NULL;
}

static void fake_start(void)
{
	struct sockaddr_nl a = { .nl_family = AF_NETLINK };
	struct timeval tv = { .tv_sec = 10 };
	socklen_t len = sizeof(a);

	fake.fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_USERSOCK);
	CHECK(fake.fd >= 0);
	CHECK(!bind(fake.fd, (void *)&a, sizeof(a)));
	CHECK(!getsockname(fake.fd, (void *)&a, &len));
	setsockopt(fake.fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	fake.port = a.nl_pid;
	CHECK(!pthread_create(&fake.thread, NULL, fake_run, NULL));
}

/* Waits for the fake to finish, the requests it read kept. */
static void fake_join(void)
{
	pthread_join(fake.thread, NULL);
	close(fake.fd);
}

/* Frees the script and the requests. */
static void fake_free(void)
{
	size_t i, j;

	for (i = 0; i < MAX_EXCHANGES; i++) {
		for (j = 0; j < fake.x[i].n; j++)
			nlmsg_free(fake.x[i].reply[j]);
		nlmsg_free(fake.request[i]);
	}
	memset(&fake, 0, sizeof(fake));
}

/* A handle whose sockets talk to the fake, the family known. */
static struct mvipc *fake_ipc(void)
{
	struct mvipc *ipc = calloc(1, sizeof(*ipc));
	struct mvipc_error e;

	CHECK(!mvipc_open_sock(ipc, &ipc->genl, NETLINK_USERSOCK, &e));
	CHECK(!mvipc_open_sock(ipc, &ipc->route, NETLINK_USERSOCK, &e));
	nl_socket_set_peer_port(ipc->genl, fake.port);
	nl_socket_set_peer_port(ipc->route, fake.port);
	ipc->family = FAMILY;
	return ipc;
}

/* --- replies ------------------------------------------------------------- */

static struct nl_msg *ack(int error, const char *text)
{
	struct nl_msg *msg = nlmsg_alloc_simple(NLMSG_ERROR, NLM_F_CAPPED |
						(text ? NLM_F_ACK_TLVS : 0));
	struct nlmsgerr err = { .error = error };

	nlmsg_append(msg, &err, sizeof(err), NLMSG_ALIGNTO);
	if (text)
		nla_put_string(msg, NLMSGERR_ATTR_MSG, text);
	return msg;
}

static struct nl_msg *done(int error, const char *text, int flags)
{
	struct nl_msg *msg = nlmsg_alloc_simple(NLMSG_DONE, NLM_F_MULTI | flags |
						(text ? NLM_F_ACK_TLVS : 0));

	nlmsg_append(msg, &error, sizeof(error), NLMSG_ALIGNTO);
	if (text)
		nla_put_string(msg, NLMSGERR_ATTR_MSG, text);
	return msg;
}

/* A device as DEV_GET shows it; without MVLAN_A_MODE if broken. */
static struct nl_msg *dev(uint32_t ifindex, int flags, bool broken)
{
	static const uint8_t mac[MAC_LEN] = { 0x02, 0, 0, 0, 0, 0x10 };
	struct nl_msg *msg = nlmsg_alloc();

	genlmsg_put(msg, 0, 0, FAMILY, 0, flags, MVLAN_CMD_DEV_GET,
		    MVLAN_GENL_VERSION);
	nla_put_u32(msg, MVLAN_A_IFINDEX, ifindex);
	nla_put_string(msg, MVLAN_A_IFNAME, "mv0");
	nla_put_u32(msg, MVLAN_A_LINK, 2);
	if (!broken)
		nla_put_u32(msg, MVLAN_A_MODE, MVLAN_MODE_BRIDGE);
	nla_put_u32(msg, MVLAN_A_FLAGS, 0);
	nla_put(msg, MVLAN_A_ADDRESS, MAC_LEN, mac);
	return msg;
}

static struct nlattr **request_attrs(size_t i)
{
	static struct nlattr *tb[MVLAN_A_MAX + 1];

	memset(tb, 0, sizeof(tb));
	CHECK(fake.request[i] && !genlmsg_parse(nlmsg_hdr(fake.request[i]), 0,
						 tb, MVLAN_A_MAX, NULL));
	return tb;
}

/* --- tests --------------------------------------------------------------- */

static void test_ack(void)
{
	struct mvlan_dev d = { .ifindex = 7, .name = "mv0" };
	struct mvipc_error e;
	struct nlattr **tb;
	struct mvipc *ipc;

	fake_reply(0, ack(0, NULL));
	fake_reply(1, ack(-EINVAL, "MVLAN_A_MODE: passthru is for good"));
	fake_start();
	ipc = fake_ipc();
	CHECK(mvipc_dev_set_mode(ipc, &d, MVLAN_MODE_BRIDGE, 0, &e) == 0);
	CHECK(mvipc_dev_set_mode(ipc, &d, MVLAN_MODE_PASSTHRU, 0, &e) ==
	      -EINVAL);
	CHECK_STR(mvipc_strerror(&e),
		  "Invalid argument: MVLAN_A_MODE: passthru is for good");
	mvipc_close(ipc);
	fake_join();
	CHECK(fake.seen == 2);
	CHECK(nlmsg_hdr(fake.request[1])->nlmsg_flags & NLM_F_ACK);
	tb = request_attrs(1);
	CHECK(tb[MVLAN_A_IFINDEX] && nla_get_u32(tb[MVLAN_A_IFINDEX]) == 7);
	CHECK(tb[MVLAN_A_MODE] &&
	      nla_get_u32(tb[MVLAN_A_MODE]) == MVLAN_MODE_PASSTHRU);
	fake_free();
}

/* A do: one device and the ACK; two; none; a broken one, then more. */
static void test_get(void)
{
	struct mvipc_error e;
	struct mvlan_dev d;
	struct mvipc *ipc;

	fake_reply(0, dev(7, 0, false));
	fake_reply(0, ack(0, NULL));
	fake_reply(1, dev(7, 0, false));
	fake_reply(1, dev(8, 0, false));
	fake_reply(1, ack(0, NULL));
	fake_reply(2, ack(0, NULL));
	fake_reply(3, dev(7, 0, true));
	fake_reply(3, ack(0, NULL));
	fake_reply(4, ack(-ENODEV, "MVLAN_A_IFNAME: no such device"));
	fake_start();
	ipc = fake_ipc();
	CHECK(mvipc_dev_get(ipc, "mv0", &d, &e) == 0);
	CHECK(d.ifindex == 7 && d.mode == MVLAN_MODE_BRIDGE);
	CHECK(mvipc_dev_get(ipc, "mv0", &d, &e) == -EPROTO);
	CHECK_STR(mvipc_strerror(&e),
		  "Protocol error: more than one device in the reply");
	CHECK(mvipc_dev_get(ipc, "mv0", &d, &e) == -EPROTO);
	CHECK_STR(mvipc_strerror(&e), "Protocol error: no device in the reply");
	CHECK(mvipc_dev_get(ipc, "mv0", &d, &e) == -EPROTO);
	CHECK_STR(mvipc_strerror(&e),
		  "Protocol error: reply lacks MVLAN_A_MODE");
	/* the ACKs after the failures were read: the socket is in step */
	CHECK(mvipc_dev_get(ipc, "nosuch", &d, &e) == -ENODEV);
	CHECK_STR(e.msg, "MVLAN_A_IFNAME: no such device");
	mvipc_close(ipc);
	fake_join();
	CHECK(fake.seen == 5);
	CHECK(!request_attrs(4)[MVLAN_A_IFINDEX]);
	CHECK(request_attrs(4)[MVLAN_A_IFNAME]);
	fake_free();
}

static void test_dump(void)
{
	struct dev_list l = { 0 };
	struct mvipc_error e;
	struct mvipc *ipc;

	fake_reply(0, dev(7, NLM_F_MULTI, false));
	fake_reply(0, dev(8, NLM_F_MULTI, false));
	fake_reply(0, done(0, NULL, 0));
	fake_reply(1, dev(9, NLM_F_MULTI, false));
	fake_reply(1, done(-EINVAL, "MVLAN_A_LINK: not a lower device", 0));
	fake_start();
	ipc = fake_ipc();
	CHECK(mvipc_dev_dump(ipc, 0, &l, &e) == 0);
	CHECK(l.n == 2 && l.devs[0].ifindex == 7 && l.devs[1].ifindex == 8);
	/* the error of a dump, in its NLMSG_DONE */
	CHECK(mvipc_dev_dump(ipc, 3, &l, &e) == -EINVAL);
	CHECK_STR(mvipc_strerror(&e),
		  "Invalid argument: MVLAN_A_LINK: not a lower device");
	mvipc_close(ipc);
	fake_join();
	CHECK(fake.seen == 2);
	CHECK(nlmsg_hdr(fake.request[0])->nlmsg_flags & NLM_F_DUMP);
	CHECK(request_attrs(1)[MVLAN_A_LINK]);
	ARRAY_FREE(l.devs, l.n, l.cap);
	fake_free();
}

/* Interrupted dumps: tried again, what they had found forgotten. */
static void test_dump_intr(void)
{
	const int intr = NLM_F_MULTI | NLM_F_DUMP_INTR;
	struct dev_list l = { 0 };
	struct mvipc_error e;
	struct mvipc *ipc;
	size_t i;

	fake_reply(0, dev(7, NLM_F_MULTI, false));
	fake_reply(0, dev(8, intr, false));
	fake_reply(0, done(0, NULL, NLM_F_DUMP_INTR));
	fake_reply(1, dev(7, NLM_F_MULTI, false));
	fake_reply(1, dev(9, NLM_F_MULTI, false));
	fake_reply(1, done(0, NULL, 0));
	for (i = 2; i < 2 + MVIPC_DUMP_TRIES; i++) {
		fake_reply(i, dev(7, intr, false));
		fake_reply(i, done(0, NULL, NLM_F_DUMP_INTR));
	}
	fake_start();
	ipc = fake_ipc();
	CHECK(ARRAY_ADD(l.devs, l.n, l.cap) != NULL);	/* kept throughout */
	l.devs[0].ifindex = 1;
	CHECK(mvipc_dev_dump(ipc, 0, &l, &e) == 0);
	CHECK(l.n == 3);
	if (l.n == 3)
		CHECK(l.devs[0].ifindex == 1 && l.devs[1].ifindex == 7 &&
		      l.devs[2].ifindex == 9);
	CHECK(mvipc_dev_dump(ipc, 0, &l, &e) == -EAGAIN);
	CHECK_STR(mvipc_strerror(&e),
		  "Resource temporarily unavailable: the dump was interrupted by changes 5 times in a row");
	mvipc_close(ipc);
	fake_join();
	CHECK(fake.seen == 2 + MVIPC_DUMP_TRIES);
	/* each try is a request of its own */
	CHECK(nlmsg_hdr(fake.request[0])->nlmsg_seq !=
	      nlmsg_hdr(fake.request[1])->nlmsg_seq);
	ARRAY_FREE(l.devs, l.n, l.cap);
	fake_free();
}

/* A long SOURCE_SET: its chunks as one transaction; a failure stops it. */
static void test_source_set(void)
{
	static uint8_t mac[10001][MAC_LEN];
	const uint32_t M = MVLAN_SOURCE_SET_F_MORE;
	const uint32_t C = MVLAN_SOURCE_SET_F_CONTINUE;
	struct mvipc_error e;
	struct nlattr **tb;
	struct mvipc *ipc;

	fake_reply(0, ack(0, NULL));
	fake_reply(1, ack(0, NULL));
	fake_reply(2, ack(0, NULL));
	fake_reply(3, ack(0, NULL));
	fake_reply(4, ack(-ENOSPC, "too many source entries"));
	fake_start();
	ipc = fake_ipc();
	CHECK(mvipc_source_change(ipc, MVLAN_CMD_SOURCE_SET, "mv0",
				  (const uint8_t (*)[MAC_LEN])mac, 10001,
				  &e) == 0);
	CHECK(mvipc_source_change(ipc, MVLAN_CMD_SOURCE_SET, "mv0",
				  (const uint8_t (*)[MAC_LEN])mac, 10001,
				  &e) == -ENOSPC);
	CHECK_STR(mvipc_strerror(&e),
		  "No space left on device: too many source entries");
	mvipc_close(ipc);
	fake_join();
	/* the second transaction stopped at its second request */
	CHECK(fake.seen == 5);
	tb = request_attrs(0);
	CHECK(tb[MVLAN_A_SOURCE_SET_FLAGS] &&
	      nla_get_u32(tb[MVLAN_A_SOURCE_SET_FLAGS]) == M);
	tb = request_attrs(1);
	CHECK(tb[MVLAN_A_SOURCE_SET_FLAGS] &&
	      nla_get_u32(tb[MVLAN_A_SOURCE_SET_FLAGS]) == (C | M));
	tb = request_attrs(2);
	CHECK(tb[MVLAN_A_SOURCE_SET_FLAGS] &&
	      nla_get_u32(tb[MVLAN_A_SOURCE_SET_FLAGS]) == C);
	tb = request_attrs(3);
	CHECK(tb[MVLAN_A_SOURCE_SET_FLAGS] &&
	      nla_get_u32(tb[MVLAN_A_SOURCE_SET_FLAGS]) == M);
	fake_free();
}

/* Notifications: sent to the handle's genl socket unasked. */

struct seen {
	size_t n, bad;
	uint8_t cmd[8];
	uint32_t ifindex[8];
	char why[MVIPC_MSG_LEN + 128];
	int stop_at;		/* stop at this event, counting from 1 */
};

/* mvipc_event_fn */
static int on_event(const struct mvipc_event *ev, struct mvipc_error *bad,
		    void *arg)
{
	struct seen *s = arg;

	if (bad) {
		s->bad++;
		snprintf(s->why, sizeof(s->why), "%s", mvipc_strerror(bad));
	}
	if (s->n < 8) {
		s->cmd[s->n] = ev->cmd;
		s->ifindex[s->n] = bad ? 0 :
				   ev->cmd == MVLAN_CMD_SOURCE_CHANGE ?
				   ev->source.ifindex : ev->dev.ifindex;
	}
	s->n++;
	return (int)s->n == s->stop_at ? 7 : 0;
}

static void notify(struct mvipc *ipc, struct nl_msg *msg)
{
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	struct sockaddr_nl to = {
		.nl_family = AF_NETLINK,
		.nl_pid = nl_socket_get_local_port(ipc->genl),
	};

	CHECK(sendto(fake.fd, nlh, nlh->nlmsg_len, 0, (void *)&to,
		     sizeof(to)) == (ssize_t)nlh->nlmsg_len);
	nlmsg_free(msg);
}

static struct nl_msg *source_change(uint32_t ifindex)
{
	struct nl_msg *msg = nlmsg_alloc();

	genlmsg_put(msg, 0, 0, FAMILY, 0, 0, MVLAN_CMD_SOURCE_CHANGE,
		    MVLAN_GENL_VERSION);
	nla_put_u32(msg, MVLAN_A_IFINDEX, ifindex);
	nla_put_u32(msg, MVLAN_A_SOURCE_COUNT, 1);
	return msg;
}

static void test_events(void)
{
	struct seen s = { .stop_at = 4 };
	struct mvipc_error e;
	struct nl_msg *msg;
	struct mvipc *ipc;
	int i, ret = 0;

	fake_start();		/* no script: its socket only sends */
	ipc = fake_ipc();
	CHECK(mvipc_events_join(ipc, 1, 1 << 20, &e) == 0);

	msg = dev(7, 0, false);
	((struct genlmsghdr *)nlmsg_data(nlmsg_hdr(msg)))->cmd =
		MVLAN_CMD_DEV_NEW;
	notify(ipc, msg);
	notify(ipc, source_change(8));
	/* another family's, and a command that is no notification: skipped */
	msg = source_change(9);
	nlmsg_hdr(msg)->nlmsg_type = FAMILY + 1;
	notify(ipc, msg);
	notify(ipc, dev(10, 0, false));
	/* a device without its mode */
	msg = dev(11, 0, true);
	((struct genlmsghdr *)nlmsg_data(nlmsg_hdr(msg)))->cmd =
		MVLAN_CMD_DEV_DEL;
	notify(ipc, msg);
	notify(ipc, source_change(12));
	notify(ipc, source_change(13));

	for (i = 0; i < 7 && !ret; i++)
		ret = mvipc_events_read(ipc, on_event, &s, &e);
	CHECK(ret == 7);	/* on_event's, at the fourth notification */
	CHECK(s.n == 4 && s.bad == 1);
	CHECK(s.cmd[0] == MVLAN_CMD_DEV_NEW && s.ifindex[0] == 7);
	CHECK(s.cmd[1] == MVLAN_CMD_SOURCE_CHANGE && s.ifindex[1] == 8);
	CHECK(s.cmd[2] == MVLAN_CMD_DEV_DEL && s.ifindex[2] == 0);
	CHECK_STR(s.why, "Protocol error: reply lacks MVLAN_A_MODE");
	CHECK(s.cmd[3] == MVLAN_CMD_SOURCE_CHANGE && s.ifindex[3] == 12);
	/* and the socket goes on after a stop */
	s.stop_at = 0;
	CHECK(mvipc_events_read(ipc, on_event, &s, &e) == 0);
	CHECK(s.n == 5 && s.ifindex[4] == 13);
	mvipc_close(ipc);
	fake_join();
	fake_free();
}

int main(void)
{
	if (enter_own_netns()) {
		printf("FAIL: a network namespace of its own: %s\n"
		       "0 passed, 1 failed\n", strerror(errno));
		return 1;
	}
	RUN(test_ack);
	RUN(test_get);
	RUN(test_dump);
	RUN(test_dump_intr);
	RUN(test_source_set);
	RUN(test_events);
	return unit_summary();
}
