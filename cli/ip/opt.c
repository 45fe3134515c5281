// SPDX-License-Identifier: GPL-2.0
/*
 * "ip link add|set ... type mvlan ARGS": macvlan's grammar (iproute2's
 * ip/iplink_macvlan.c, bclim included), with the same error messages, in
 * IFLA_MVLAN_* attributes. Names of modes and flags and MAC addresses are
 * mvctl's parsers' (../parse.c). mvlan's own words come on top, whole
 * words only: bclim, and the flag hostbridge (also after "flag"), which
 * the kernel takes in bridge mode only.
 *
 * Where macvlan's plugin sends something it did not mean, this one refuses
 * instead: a second "macaddr" (the kernel would use the last address
 * only), more addresses than ip's request holds (macvlan's would be cut
 * short), an address that is not unicast (the kernel refuses it), and a
 * word after "macaddr set" that is no address is the end of the list
 * without a message (macvlan's prints '"nodst" is invalid lladdr.' and
 * goes on).
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include "mvlan_ip.h"

void mvlan_ip_usage(FILE *f, const char *kind)
{
	fprintf(f,
		"Usage: ... %s mode MODE [flag MODE_FLAG] MODE_OPTS [bcqueuelen BC_QUEUE_LEN] [bclim BCLIM] [hostbridge]\n"
		"\n"
		"MODE: private | vepa | bridge | passthru | source\n"
		"MODE_FLAG: null | nopromisc | nodst | hostbridge\n"
		"MODE_OPTS: for mode \"source\":\n"
		"\tmacaddr { { add | del } <macaddr> | set [ <macaddr> [ <macaddr>  ... ] ] | flush }\n"
		"BC_QUEUE_LEN: Length of the rx queue for broadcast/multicast: [0-4294967295]\n"
		"BCLIM: Threshold for broadcast queueing: 32-bit integer\n",
		kind);
}

/* "KIND: WHAT" and the usage, as macvlan's pfx_err() and explain() */
static __attribute__((format(printf, 2, 3)))
int usage_error(const char *kind, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", kind);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	mvlan_ip_usage(stderr, kind);
	return -1;
}

/*
 * ip's keyword match: @arg is a non-empty prefix of @word ("m" is "mode").
 * Our own: matches() of ip changed its type twice (see iproute2.h).
 */
static bool kw(const char *arg, const char *word)
{
	size_t n = strlen(arg);

	return n && !strncmp(arg, word, n);
}

/* A MAC address; the message for one that is not, or not unicast. */
static int mac_arg(const char *arg, uint8_t mac[MAC_LEN])
{
	char msg[128];
	int err;

	err = parse_mac_unicast(arg, mac);
	if (err == -EADDRNOTAVAIL) {
		mac_strerror(msg, sizeof(msg), arg, err);
		fprintf(stderr, "Error: %s.\n", msg);
	} else if (err) {
		/* ip's ll_addr_a2n() words */
		fprintf(stderr, "\"%s\" is invalid lladdr.\n", arg);
	}
	return err ? -1 : 0;
}

static int macaddr_op(const char *arg)
{
	static const char *const ops[] = {
		[MVLAN_MACADDR_ADD]	= "add",
		[MVLAN_MACADDR_DEL]	= "del",
		[MVLAN_MACADDR_FLUSH]	= "flush",
		[MVLAN_MACADDR_SET]	= "set",
	};
	unsigned int i;

	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (!strcmp(arg, ops[i]))
			return i;
	return -1;
}

/* "macaddr OP ...": the words it takes after OP, or -1 */
static int parse_macaddr(int argc, char **argv, struct mvlan_ip_opts *o,
			 const struct ip_host *ip)
{
	int used = 0;

	o->nmacs = 0;
	switch (o->macaddr_op) {
	case MVLAN_MACADDR_ADD:
	case MVLAN_MACADDR_DEL:
		if (argc < 2)
			ip->incomplete_command();
		if (mac_arg(argv[1], o->macs[0]))
			return -1;
		o->nmacs = 1;
		return 1;
	case MVLAN_MACADDR_SET:
		/* the addresses up to the first word that is none */
		while (used + 1 < argc) {
			uint8_t mac[MAC_LEN];

			if (parse_mac(argv[used + 1], mac))
				break;
			if (o->nmacs == MVLAN_IP_MACS_MAX) {
				fprintf(stderr,
					"%s: more addresses than one request holds; \"mvctl source DEV set\" takes any number\n",
					o->kind);
				return -1;
			}
			if (mac_arg(argv[used + 1], o->macs[o->nmacs]))
				return -1;
			o->nmacs++;
			used++;
		}
		return used;
	default:
		return 0;
	}
}

int mvlan_ip_parse(const struct ip_host *ip, const char *kind, int argc,
		   char **argv, struct mvlan_ip_opts *o)
{
	uint32_t flag;
	int used;

	memset(o, 0, offsetof(struct mvlan_ip_opts, macs));
	o->kind = kind;
	o->macaddr_op = -1;

	for (; argc > 0; argc--, argv++) {
		const char *arg = *argv;

		if (kw(arg, "mode")) {
			if (argc < 2)
				ip->incomplete_command();
			argc--, argv++;
			if (parse_mode(*argv, &o->mode)) {
				fprintf(stderr,
					"Error: argument of \"mode\" must be \"private\", \"vepa\", \"bridge\", \"passthru\" or \"source\", not \"%s\"\n",
					*argv);
				return -1;
			}
			o->has_mode = true;
		} else if (kw(arg, "flag")) {
			if (argc < 2)
				ip->incomplete_command();
			argc--, argv++;
			if (!strcmp(*argv, "null")) {
				flag = 0;
			} else if (parse_flag(*argv, &flag)) {
				fprintf(stderr,
					"Error: argument of \"flag\" must be \"nopromisc\", \"nodst\", \"hostbridge\" or \"null\", not \"%s\"\n",
					*argv);
				return -1;
			}
			o->flags |= flag;
			o->has_flags = true;
		} else if (kw(arg, "macaddr")) {
			if (argc < 2)
				ip->incomplete_command();
			argc--, argv++;
			if (o->macaddr_op >= 0) {
				fprintf(stderr,
					"Error: duplicate \"macaddr\": \"%s\" is the second value.\n",
					*argv);
				return -1;
			}
			o->macaddr_op = macaddr_op(*argv);
			if (o->macaddr_op < 0) {
				mvlan_ip_usage(stderr, kind);
				return -1;
			}
			used = parse_macaddr(argc, argv, o, ip);
			if (used < 0)
				return -1;
			argc -= used;
			argv += used;
		} else if (kw(arg, "nopromisc")) {
			o->flags |= MVLAN_F_NOPROMISC;
			o->has_flags = true;
		} else if (kw(arg, "nodst")) {
			o->flags |= MVLAN_F_NODST;
			o->has_flags = true;
		} else if (kw(arg, "bcqueuelen")) {
			if (argc < 2)
				ip->incomplete_command();
			argc--, argv++;
			if (ip->get_u32(&o->bc_queue_len, *argv, 0)) {
				fprintf(stderr,
					"Error: argument of \"bcqueuelen\" must be a positive integer [0-4294967295], not \"%s\"\n",
					*argv);
				return -1;
			}
			o->has_bc_queue_len = true;
		} else if (!strcmp(arg, "bclim")) {
			if (argc < 2)
				ip->incomplete_command();
			argc--, argv++;
			if (ip->get_s32(&o->bc_cutoff, *argv, 0)) {
				fprintf(stderr,
					"Error: illegal value for \"bclim\": \"%s\"\n",
					*argv);
				return -1;
			}
			o->has_bc_cutoff = true;
		} else if (!strcmp(arg, "hostbridge")) {
			o->flags |= MVLAN_F_HOSTBRIDGE;
			o->has_flags = true;
		} else if (kw(arg, "help")) {
			mvlan_ip_usage(stderr, kind);
			return -1;
		} else {
			return usage_error(kind, "unknown option \"%s\"?", arg);
		}
	}

	/* macvlan's rule, on what this command says */
	if (o->has_flags && (o->flags & MVLAN_F_NOPROMISC) &&
	    o->mode != MVLAN_MODE_PASSTHRU)
		return usage_error(kind, "nopromisc flag only valid in passthru mode");
	return 0;
}

/* Append an attribute; the caller has made room for it. */
static struct rtattr *put(struct nlmsghdr *n, unsigned short type,
			  const void *data, size_t len)
{
	struct rtattr *rta = (struct rtattr *)((char *)n + NLMSG_ALIGN(n->nlmsg_len));

	rta->rta_type = type;
	rta->rta_len = RTA_LENGTH(len);
	if (len)
		memcpy(RTA_DATA(rta), data, len);
	n->nlmsg_len = NLMSG_ALIGN(n->nlmsg_len) + RTA_ALIGN(rta->rta_len);
	return rta;
}

static void put_u32(struct nlmsghdr *n, unsigned short type, uint32_t v)
{
	put(n, type, &v, sizeof(v));
}

int mvlan_ip_put(const struct mvlan_ip_opts *o, struct nlmsghdr *n,
		 unsigned int maxlen)
{
	size_t need = 0, u32 = RTA_SPACE(sizeof(uint32_t));
	struct rtattr *nest;
	unsigned int i;

	need += o->has_mode ? u32 : 0;
	need += o->has_flags ? u32 : 0;
	need += o->has_bc_queue_len ? u32 : 0;
	need += o->has_bc_cutoff ? u32 : 0;
	if (o->macaddr_op >= 0)
		need += u32;
	if (o->macaddr_op == MVLAN_MACADDR_SET)
		need += RTA_SPACE(0);
	need += o->nmacs * MVLAN_IP_MAC_SPACE;
	if (NLMSG_ALIGN(n->nlmsg_len) + need > maxlen) {
		fprintf(stderr,
			"%s: more addresses than one request holds; \"mvctl source DEV set\" takes any number\n",
			o->kind);
		return -1;
	}

	if (o->has_mode)
		put_u32(n, IFLA_MVLAN_MODE, o->mode);
	if (o->has_flags)
		put_u32(n, IFLA_MVLAN_FLAGS, o->flags);
	if (o->has_bc_queue_len)
		put_u32(n, IFLA_MVLAN_BC_QUEUE_LEN, o->bc_queue_len);
	if (o->has_bc_cutoff)
		put_u32(n, IFLA_MVLAN_BC_CUTOFF, (uint32_t)o->bc_cutoff);
	if (o->macaddr_op < 0)
		return 0;

	put_u32(n, IFLA_MVLAN_MACADDR_MODE, o->macaddr_op);
	if (o->macaddr_op != MVLAN_MACADDR_SET) {
		if (o->nmacs)
			put(n, IFLA_MVLAN_MACADDR, o->macs[0], MAC_LEN);
		return 0;
	}
	nest = put(n, IFLA_MVLAN_MACADDR_DATA, NULL, 0);
	for (i = 0; i < o->nmacs; i++)
		put(n, IFLA_MVLAN_MACADDR, o->macs[i], MAC_LEN);
	nest->rta_len = (char *)n + n->nlmsg_len - (char *)nest;
	return 0;
}
