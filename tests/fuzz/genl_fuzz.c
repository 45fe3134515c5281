// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * genl_fuzz: throws generic netlink messages at the mvlan family.
 *
 * usage: genl_fuzz [-n COUNT] [-s SEED] [-i IFINDEX]... [-q]
 *
 * Sends COUNT messages (default 10000) on raw NETLINK_GENERIC sockets:
 * random commands (valid, notification-only and unknown), flags (ACK, DUMP,
 * ROOT, ...), versions, attribute types (known and not, with and without
 * NLA_F_NESTED), lengths (exact, short, long), nests (source entries and
 * random ones, up to a few levels deep), truncated attributes and messages,
 * several messages in one datagram, and one valid request in four: GETs,
 * dumps that the fuzzer stops half way, source ADD/DEL/FLUSH/SET, SET
 * transactions left open, DEV_SET changes. IFINDEX (repeatable) are the
 * devices valid requests name; others are random. Every 2000 messages the
 * socket is closed with whatever it had open, and a new one takes over.
 *
 * It checks what comes back: every reply must be a well-formed netlink
 * message (lengths inside the datagram, an error message whole) with
 * well-formed attributes, and valid requests must not fail with an error
 * the kernel cannot give for them. Each IFINDEX that answers a DEV_GET
 * before (the mvlan devices among them) must still answer one at the end.
 *
 *   -u   the caller has no CAP_NET_ADMIN over the network namespace: every
 *        valid admin request (DEV_SET, SOURCE_ADD/DEL/FLUSH/SET) must fail
 *        with EPERM, the GETs must work as for anyone
 *   -q   quiet: only the summary line
 *
 * Exit status: 0 all good, 1 a check failed, 2 usage error.
 */
#include <errno.h>
#include <inttypes.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <poll.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "../../uapi/linux/mvlan.h"

#define BUF_SIZE	16384
#define MAX_IFS		64
#define REOPEN_EVERY	2000

static uint64_t rng_state;
static int family_id;
static uint32_t seq;
static int ifindexes[MAX_IFS];
static int n_ifs;
static bool unpriv, quiet;
static unsigned long failures;
static unsigned long sent, replies, errors_seen, dumps_cut;

static void fail(const char *fmt, ...)
{
	va_list ap;

	failures++;
	if (failures > 20)
		return;
	va_start(ap, fmt);
	fputs("genl_fuzz: FAIL: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

static uint64_t rnd(void)
{
	/* xorshift64*: reproducible from the seed */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717ULL;
}

static uint32_t below(uint32_t n)
{
	return n ? (uint32_t)(rnd() % n) : 0;
}

static bool chance(unsigned int percent)
{
	return below(100) < percent;
}

/* --- message building ---------------------------------------------------- */

struct msg {
	unsigned char buf[BUF_SIZE];
	size_t len;
};

static void *put(struct msg *m, const void *data, size_t len)
{
	size_t pad = NLA_ALIGN(len);
	void *p;

	if (m->len + pad > sizeof(m->buf))
		return NULL;
	p = m->buf + m->len;
	memset(p, 0, pad);
	if (data)
		memcpy(p, data, len);
	m->len += pad;
	return p;
}

static struct nlattr *attr_start(struct msg *m, uint16_t type)
{
	struct nlattr *a = put(m, NULL, NLA_HDRLEN);

	if (a)
		a->nla_type = type;
	return a;
}

static void attr_end(struct msg *m, struct nlattr *a)
{
	if (a)
		a->nla_len = (uint16_t)(m->buf + m->len - (unsigned char *)a);
}

static void attr_put(struct msg *m, uint16_t type, const void *data, size_t len)
{
	struct nlattr *a = attr_start(m, type);

	if (!a || !put(m, data, len))
		return;
	a->nla_len = (uint16_t)(NLA_HDRLEN + len);
}

static void attr_u32(struct msg *m, uint16_t type, uint32_t v)
{
	attr_put(m, type, &v, sizeof(v));
}

static struct nlmsghdr *msg_start(struct msg *m, uint16_t type, uint16_t flags,
				  uint8_t cmd, uint8_t version)
{
	struct nlmsghdr *nlh = put(m, NULL, NLMSG_HDRLEN);
	struct genlmsghdr *g;

	if (!nlh)
		return NULL;
	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = flags;
	nlh->nlmsg_seq = ++seq;
	g = put(m, NULL, GENL_HDRLEN);
	if (g) {
		g->cmd = cmd;
		g->version = version;
	}
	return nlh;
}

static void msg_end(struct msg *m, struct nlmsghdr *nlh)
{
	if (nlh)
		nlh->nlmsg_len = (uint32_t)(m->buf + m->len - (unsigned char *)nlh);
}

static void random_mac(unsigned char mac[6])
{
	uint64_t r = rnd();

	memcpy(mac, &r, 6);
	if (chance(90))
		mac[0] = (unsigned char)((mac[0] & 0xfe) | 0x02);	/* unicast */
	if (chance(2))
		memset(mac, 0, 6);
	/* a small pool, so that adds and deletes meet */
	if (chance(70))
		mac[5] = (unsigned char)below(16), mac[4] = 0, mac[3] = 0;
}

static uint32_t some_ifindex(void)
{
	static const uint32_t odd[] = { 0, 1, 0x7fffffff, 0xffffffff, 2, 3 };

	if (n_ifs && chance(85))
		return (uint32_t)ifindexes[below((uint32_t)n_ifs)];
	return odd[below(sizeof(odd) / sizeof(odd[0]))];
}

static uint32_t some_u32(void)
{
	static const uint32_t odd[] = {
		0, 1, 2, 3, 4, 8, 16, 31, 32, 0x7fffffff, 0x80000000,
		0xffffffff, 1000, 1001, 65535, 65536,
	};

	if (chance(60))
		return odd[below(sizeof(odd) / sizeof(odd[0]))];
	return (uint32_t)rnd();
}

static void source_entry(struct msg *m)
{
	struct nlattr *nest = attr_start(m, MVLAN_A_SOURCE |
					 (chance(50) ? NLA_F_NESTED : 0));
	unsigned char mac[6];

	random_mac(mac);
	attr_put(m, MVLAN_SOURCE_A_ADDR, mac, 6);
	attr_end(m, nest);
}

/* random attribute payload: shapes the policies know, and others */
static void random_attr(struct msg *m, int depth)
{
	uint16_t type = (uint16_t)(chance(80) ? below(MVLAN_A_MAX + 3) : rnd());
	unsigned char junk[80];
	struct nlattr *nest;
	size_t len;
	int i, n;

	if (chance(5))
		type |= NLA_F_NESTED;
	if (chance(2))
		type |= NLA_F_NET_BYTEORDER;
	switch (below(8)) {
	case 0:
	case 1:
		attr_u32(m, type, some_u32());
		break;
	case 2:
		attr_u32(m, type, some_ifindex());
		break;
	case 3:	/* strings, with and without their NUL */
		len = below(20);
		for (i = 0; i < (int)len; i++)
			junk[i] = (unsigned char)('a' + below(26));
		junk[len] = 0;
		attr_put(m, type, junk, len + (chance(50) ? 1 : 0));
		break;
	case 4:
		if (depth < 4) {
			nest = attr_start(m, type);
			n = (int)below(4);
			for (i = 0; i < n; i++)
				random_attr(m, depth + 1);
			attr_end(m, nest);
			break;
		}
		/* fall through */
	case 5:
		source_entry(m);
		break;
	default:
		len = below(sizeof(junk));
		for (i = 0; i < (int)len; i++)
			junk[i] = (unsigned char)rnd();
		attr_put(m, type, junk, len);
		break;
	}
}

static const uint16_t flag_choices[] = {
	NLM_F_REQUEST | NLM_F_ACK,
	NLM_F_REQUEST,
	NLM_F_REQUEST | NLM_F_DUMP,
	NLM_F_REQUEST | NLM_F_DUMP | NLM_F_ACK,
	NLM_F_REQUEST | NLM_F_ACK | NLM_F_EXCL | NLM_F_CREATE,
	NLM_F_ACK,
	0,
	0xffff,
};

/* a message from the fuzzer's imagination */
static void random_msg(struct msg *m)
{
	uint16_t type = (uint16_t)family_id;
	struct nlmsghdr *nlh;
	int i, n;

	if (chance(3))
		type = (uint16_t)(chance(50) ? GENL_ID_CTRL : rnd());
	nlh = msg_start(m, type, flag_choices[below(sizeof(flag_choices) / 2)],
			(uint8_t)(chance(90) ? below(MVLAN_CMD_MAX + 3) : rnd()),
			(uint8_t)(chance(80) ? MVLAN_GENL_VERSION : rnd()));
	n = (int)below(9);
	for (i = 0; i < n; i++)
		random_attr(m, 0);
	msg_end(m, nlh);
	if (!nlh)
		return;
	/* truncation and lies about the length */
	switch (below(20)) {
	case 0:
		if (m->len > NLMSG_HDRLEN + 1)
			m->len -= 1 + below((uint32_t)(m->len - NLMSG_HDRLEN - 1));
		break;
	case 1:
		nlh->nlmsg_len = (uint32_t)(NLMSG_HDRLEN + below((uint32_t)m->len));
		break;
	case 2:
		nlh->nlmsg_len += 1 + below(64);
		break;
	case 3:	/* an attribute header claiming more than there is */
		if (m->len >= NLMSG_HDRLEN + GENL_HDRLEN + NLA_HDRLEN) {
			struct nlattr *a = (struct nlattr *)(m->buf + NLMSG_HDRLEN +
							     GENL_HDRLEN);
			a->nla_len = (uint16_t)rnd();
		}
		break;
	}
}

/* a request the family accepts (given a suitable device) */
static void valid_msg(struct msg *m, bool *dump)
{
	static const uint32_t modes[] = {
		MVLAN_MODE_PRIVATE, MVLAN_MODE_VEPA, MVLAN_MODE_BRIDGE,
		MVLAN_MODE_SOURCE,
	};
	uint16_t flags = NLM_F_REQUEST | NLM_F_ACK;
	struct nlmsghdr *nlh;
	uint8_t cmd;
	int i, n;

	*dump = false;
	switch (below(10)) {
	case 0:
		cmd = MVLAN_CMD_DEV_GET;
		if (chance(50)) {
			flags |= NLM_F_DUMP;
			*dump = true;
		}
		break;
	case 1:
		cmd = MVLAN_CMD_SOURCE_GET;
		flags |= NLM_F_DUMP;
		*dump = true;
		break;
	case 2:
		cmd = chance(50) ? MVLAN_CMD_STATS_GET : MVLAN_CMD_PORT_GET;
		break;
	case 3:
		cmd = MVLAN_CMD_DEV_SET;
		break;
	case 4:
		cmd = MVLAN_CMD_SOURCE_FLUSH;
		break;
	case 5:
		cmd = MVLAN_CMD_SOURCE_DEL;
		break;
	case 6:
	case 7:
		cmd = MVLAN_CMD_SOURCE_SET;
		break;
	default:
		cmd = MVLAN_CMD_SOURCE_ADD;
		break;
	}
	nlh = msg_start(m, (uint16_t)family_id, flags, cmd, MVLAN_GENL_VERSION);
	if (cmd == MVLAN_CMD_PORT_GET)
		attr_u32(m, MVLAN_A_LINK, some_ifindex());
	else if (!*dump || chance(50))
		attr_u32(m, MVLAN_A_IFINDEX, some_ifindex());
	switch (cmd) {
	case MVLAN_CMD_DEV_SET:
		if (chance(50))
			attr_u32(m, MVLAN_A_MODE, modes[below(4)]);
		if (chance(30))
			attr_u32(m, MVLAN_A_FLAGS, below(4));
		if (chance(30))
			attr_u32(m, MVLAN_A_BC_QUEUE_LEN, below(2000));
		if (chance(30))
			attr_u32(m, MVLAN_A_BC_CUTOFF, below(4) - 1);
		break;
	case MVLAN_CMD_SOURCE_SET:
		if (chance(40))
			attr_u32(m, MVLAN_A_SOURCE_SET_FLAGS, below(4));
		/* fall through */
	case MVLAN_CMD_SOURCE_ADD:
	case MVLAN_CMD_SOURCE_DEL:
		n = (int)below(40);
		for (i = 0; i < n; i++)
			source_entry(m);
		break;
	}
	msg_end(m, nlh);
}

/* --- sockets and replies ---------------------------------------------------- */

static int open_sock(void)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	int one = 1, rcvbuf = 1 << 20;
	int fd;

	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK,
		    NETLINK_GENERIC);
	if (fd < 0) {
		perror("genl_fuzz: socket");
		exit(1);
	}
	setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf));
	setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	if (chance(50))
		setsockopt(fd, SOL_NETLINK, NETLINK_GET_STRICT_CHK, &one,
			   sizeof(one));
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		perror("genl_fuzz: bind");
		exit(1);
	}
	return fd;
}

static bool attrs_ok(const unsigned char *p, size_t len, int depth)
{
	while (len >= NLA_HDRLEN) {
		const struct nlattr *a = (const struct nlattr *)p;
		size_t alen = a->nla_len;

		if (alen < NLA_HDRLEN || alen > len)
			return false;
		if ((a->nla_type & NLA_F_NESTED) && depth < 4 &&
		    !attrs_ok(p + NLA_HDRLEN, alen - NLA_HDRLEN, depth + 1))
			return false;
		if (NLA_ALIGN(alen) >= len)
			return true;
		p += NLA_ALIGN(alen);
		len -= NLA_ALIGN(alen);
	}
	return len == 0;
}

struct expect {
	uint32_t seq;		/* of the valid request, 0 for none */
	int error;		/* what came back for it, 1 if nothing yet */
	bool data;		/* a reply with data came */
};

/* check one datagram from the kernel */
static void check_datagram(const unsigned char *buf, size_t len,
			   struct expect *ex)
{
	size_t off = 0;

	while (off < len) {
		const struct nlmsghdr *nlh = (const void *)(buf + off);
		size_t mlen;

		if (len - off < NLMSG_HDRLEN) {
			fail("a reply of %zu bytes, shorter than a header",
			     len - off);
			return;
		}
		mlen = nlh->nlmsg_len;
		if (mlen < NLMSG_HDRLEN || mlen > len - off) {
			fail("a reply claims %zu bytes, %zu left", mlen,
			     len - off);
			return;
		}
		replies++;
		if (nlh->nlmsg_type == NLMSG_ERROR) {
			const struct nlmsgerr *e = NLMSG_DATA(nlh);

			if (mlen < NLMSG_HDRLEN + sizeof(*e)) {
				fail("an error message of %zu bytes", mlen);
				return;
			}
			if (e->error > 0 || e->error < -4095)
				fail("error code %d", e->error);
			if (e->error)
				errors_seen++;
			if (ex && nlh->nlmsg_seq == ex->seq && ex->error == 1)
				ex->error = -e->error;
		} else if (nlh->nlmsg_type == NLMSG_DONE) {
			if (ex && nlh->nlmsg_seq == ex->seq && ex->error == 1)
				ex->error = 0;
		} else if (nlh->nlmsg_type == family_id) {
			if (mlen < NLMSG_HDRLEN + GENL_HDRLEN ||
			    !attrs_ok((const unsigned char *)NLMSG_DATA(nlh) +
				      GENL_HDRLEN,
				      mlen - NLMSG_HDRLEN - GENL_HDRLEN, 0))
				fail("malformed attributes in a reply (cmd %u)",
				     ((const struct genlmsghdr *)
				      NLMSG_DATA(nlh))->cmd);
			if (ex && nlh->nlmsg_seq == ex->seq)
				ex->data = true;
		}
		off += NLMSG_ALIGN(mlen);
	}
}

/*
 * Read what the kernel has for us. A dump continues as it is read; with
 * @cut, stop after the first part and leave the rest hanging (closed with
 * the socket later, or ended by the next request).
 */
static void drain(int fd, struct expect *ex, bool cut)
{
	static unsigned char buf[1 << 17];
	int parts = 0;

	for (;;) {
		ssize_t n = recv(fd, buf, sizeof(buf), MSG_DONTWAIT);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == ENOBUFS)	/* overran: fine, go on */
				continue;
			if (errno != EAGAIN)
				fail("recv: %s", strerror(errno));
			return;
		}
		if (n == 0)
			return;
		check_datagram(buf, (size_t)n, ex);
		if (cut && ++parts == 1) {
			dumps_cut++;
			return;
		}
	}
}

static int resolve_family(int fd)
{
	static unsigned char buf[8192];
	struct msg m = { .len = 0 };
	struct nlmsghdr *nlh;
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	ssize_t n;

	nlh = msg_start(&m, GENL_ID_CTRL, NLM_F_REQUEST, CTRL_CMD_GETFAMILY, 1);
	attr_put(&m, CTRL_ATTR_FAMILY_NAME, MVLAN_GENL_NAME,
		 sizeof(MVLAN_GENL_NAME));
	msg_end(&m, nlh);
	if (send(fd, m.buf, m.len, 0) < 0) {
		perror("genl_fuzz: send");
		exit(1);
	}
	poll(&pfd, 1, 5000);
	n = recv(fd, buf, sizeof(buf), 0);
	if (n > 0) {
		struct nlmsghdr *r = (struct nlmsghdr *)buf;
		unsigned char *p = (unsigned char *)NLMSG_DATA(r) + GENL_HDRLEN;
		size_t left;

		if (r->nlmsg_type == NLMSG_ERROR || (size_t)n < r->nlmsg_len)
			goto out;
		left = r->nlmsg_len - NLMSG_HDRLEN - GENL_HDRLEN;
		while (left >= NLA_HDRLEN) {
			struct nlattr *a = (struct nlattr *)p;

			if (a->nla_len < NLA_HDRLEN || a->nla_len > left)
				break;
			if ((a->nla_type & NLA_TYPE_MASK) == CTRL_ATTR_FAMILY_ID)
				return *(uint16_t *)(p + NLA_HDRLEN);
			if ((size_t)NLA_ALIGN(a->nla_len) >= left)
				break;
			p += NLA_ALIGN(a->nla_len);
			left -= NLA_ALIGN(a->nla_len);
		}
	}
out:
	fprintf(stderr, "genl_fuzz: the family %s is not registered\n",
		MVLAN_GENL_NAME);
	exit(1);
}

static bool admin_cmd(uint8_t cmd)
{
	switch (cmd) {
	case MVLAN_CMD_DEV_SET:
	case MVLAN_CMD_SOURCE_ADD:
	case MVLAN_CMD_SOURCE_DEL:
	case MVLAN_CMD_SOURCE_FLUSH:
	case MVLAN_CMD_SOURCE_SET:
		return true;
	}
	return false;
}

/* errors a valid request may meet, given random devices and state */
static bool plausible(uint8_t cmd, int err)
{
	if (unpriv && admin_cmd(cmd))
		return err == EPERM;
	switch (err) {
	case 0:
	case ENODEV:		/* no such device, or not an mvlan device */
	case EINVAL:		/* wrong mode for it, CONTINUE without MORE */
	case ERANGE:		/* ifindex 0 */
	case ENOENT:		/* no transaction to continue */
	case EBUSY:		/* a transaction of another socket */
	case EADDRNOTAVAIL:	/* a multicast or zero source address */
	case ENOMEM:
		return true;
	}
	return false;
}

static void one_round(int fd)
{
	bool valid = chance(25), dump = false, batch = false;
	struct expect ex = { .error = 1 };
	struct msg m = { .len = 0 };
	uint8_t cmd;

	if (valid) {
		valid_msg(&m, &dump);
		ex.seq = seq;
	} else {
		random_msg(&m);
		/* several in one datagram: each is processed in turn */
		while (chance(15) && m.len < BUF_SIZE / 2) {
			batch = true;
			random_msg(&m);
		}
	}
	cmd = ((struct genlmsghdr *)NLMSG_DATA((struct nlmsghdr *)m.buf))->cmd;
	if (send(fd, m.buf, m.len, 0) < 0 && errno != EINVAL &&
	    errno != ENOBUFS && errno != EPERM && errno != ENOMEM)
		fail("send: %s", strerror(errno));
	sent += 1 + batch;
	drain(fd, valid ? &ex : NULL, dump && chance(30));
	if (valid && ex.error != 1 && !plausible(cmd, ex.error))
		fail("valid request cmd %u: unexpected error %s", cmd,
		     strerror(ex.error));
}

/* DEV_GET of every IFINDEX; returns how many answered */
static int dev_gets(int fd, bool answered[], bool final)
{
	int i, n = 0;

	drain(fd, NULL, false);
	for (i = 0; i < n_ifs; i++) {
		struct expect ex = { .error = 1 };
		struct msg m = { .len = 0 };
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		struct nlmsghdr *nlh;

		if (final && !answered[i])
			continue;
		nlh = msg_start(&m, (uint16_t)family_id,
				NLM_F_REQUEST | NLM_F_ACK, MVLAN_CMD_DEV_GET,
				MVLAN_GENL_VERSION);
		attr_u32(&m, MVLAN_A_IFINDEX, (uint32_t)ifindexes[i]);
		msg_end(&m, nlh);
		ex.seq = seq;
		if (send(fd, m.buf, m.len, 0) < 0) {
			fail("send: %s", strerror(errno));
			continue;
		}
		poll(&pfd, 1, 5000);
		drain(fd, &ex, false);
		if (!ex.error && ex.data) {
			answered[i] = true;
			n++;
		} else if (final) {
			fail("DEV_GET of ifindex %d after fuzzing: %s%s",
			     ifindexes[i], ex.error == 1 ? "no answer" :
			     strerror(ex.error), ex.data ? "" : ", no data");
		}
	}
	return n;
}

static void usage(void)
{
	fprintf(stderr, "usage: genl_fuzz [-n COUNT] [-s SEED] [-i IFINDEX]... [-u] [-q]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	bool answered[MAX_IFS] = { false };
	unsigned long count = 10000, i;
	int mvlan_devs;
	uint64_t seed = (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32);
	char *end;
	int opt, fd;

	while ((opt = getopt(argc, argv, "n:s:i:uq")) != -1) {
		switch (opt) {
		case 'n':
			count = strtoul(optarg, &end, 10);
			if (*end || !*optarg)
				usage();
			break;
		case 's':
			seed = strtoull(optarg, &end, 0);
			if (*end || !*optarg)
				usage();
			break;
		case 'i':
			if (n_ifs == MAX_IFS)
				usage();
			ifindexes[n_ifs] = (int)strtol(optarg, &end, 10);
			if (*end || ifindexes[n_ifs] <= 0)
				usage();
			n_ifs++;
			break;
		case 'u':
			unpriv = true;
			break;
		case 'q':
			quiet = true;
			break;
		default:
			usage();
		}
	}
	if (optind != argc)
		usage();
	rng_state = seed ? seed : 1;
	if (!quiet)
		printf("genl_fuzz: seed %#" PRIx64 ", %lu messages\n", seed,
		       count);

	fd = open_sock();
	family_id = resolve_family(fd);
	/* the mvlan devices among IFINDEX: they must answer at the end too */
	mvlan_devs = dev_gets(fd, answered, false);
	for (i = 0; i < count; i++) {
		if (i && i % REOPEN_EVERY == 0) {
			/* leaves open transactions and dumps to the close */
			close(fd);
			fd = open_sock();
		}
		one_round(fd);
	}
	dev_gets(fd, answered, true);
	close(fd);
	printf("genl_fuzz: %lu sent, %lu replies, %lu errors, %lu dumps cut, %d mvlan devices answer, %lu failures\n",
	       sent, replies, errors_seen, dumps_cut, mvlan_devs, failures);
	return failures ? 1 : 0;
}
