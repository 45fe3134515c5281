// SPDX-License-Identifier: GPL-2.0
/*
 * A stand-in for iproute2's ip that loads link_mvlan.so as ip does and
 * drives it, for the host tests (run.sh): it exports the functions the
 * plugin looks for (built with -rdynamic; without, it exports none), and
 * has an "ip -V" format and a version string (FAKE_VERSION; none with
 * FAKE_NO_FORMAT) in its .rodata, as ip has.
 *
 * The link_util is mvlan_link_util, or FAKE_KIND's (FAKE_KIND=mvtap:
 * mvtap_link_util), as ip looks it up.
 *
 *   fakeip PLUGIN load          "util NULL", or the link_util's id
 *   fakeip PLUGIN parse ARG...  parse_opt()'s status and the attributes
 *                               it appended, one a line
 *   fakeip PLUGIN print SPEC... print_opt() of the IFLA_INFO_DATA made of
 *                               SPECs (mode=16 flags=2 bcqueuelen=N used=N
 *                               count=N macs=MAC,MAC bclim=N), as the
 *                               calls it makes to the print functions
 *   fakeip PLUGIN version FILE  the plugin's reading of FILE's release
 *                               (host.c, linked in but for
 *                               FAKE_NO_FORMAT)
 */
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/mvlan.h>

#include "../iproute2.h"
#ifndef FAKE_NO_FORMAT
/* host.c has the "ip -V" format in its .rodata too */
#include "../host.h"
#endif

#ifndef FAKE_VERSION
#define FAKE_VERSION "6.1.0"
#endif

/* what ip's .rodata has: kept, though nothing reads them */
#ifndef FAKE_NO_FORMAT
__attribute__((used)) static const char fake_format[] = "ip utility, iproute2-%s";
#endif
__attribute__((used)) static const char fake_version[] = FAKE_VERSION;

#define EXPORT __attribute__((visibility("default")))

static const char *type_name(int t)
{
	switch (t) {
	case IP_PRINT_FP: return "FP";
	case IP_PRINT_JSON: return "JSON";
	case IP_PRINT_ANY: return "ANY";
	default: return "?";
	}
}

static void log_call(const char *fn, int t, int color, const char *key,
		     const char *fmt)
{
	printf("%s %s %s %s '%s'", fn, type_name(t),
	       color == IP_COLOR_NONE ? "nocolor" : "color",
	       key ? key : "-", fmt ? fmt : "-");
}

EXPORT void *get_link_kind(const char *kind)
{
	(void)kind;
	return NULL;
}

EXPORT int print_color_string(int t, int color, const char *key,
			      const char *fmt, const char *value)
{
	log_call("string", t, color, key, fmt);
	printf(" %s\n", value);
	return 0;
}

EXPORT int print_color_int(int t, int color, const char *key,
			   const char *fmt, int value)
{
	log_call("int", t, color, key, fmt);
	printf(" %d\n", value);
	return 0;
}

EXPORT int print_color_luint(int t, int color, const char *key,
			     const char *fmt, unsigned long value)
{
	log_call("luint", t, color, key, fmt);
	printf(" %lu\n", value);
	return 0;
}

EXPORT int print_color_bool(int t, int color, const char *key,
			    const char *fmt, bool value)
{
	log_call("bool", t, color, key, fmt);
	printf(" %s\n", value ? "true" : "false");
	return 0;
}

EXPORT void open_json_array(int t, const char *key)
{
	printf("open_json_array %s %s\n", type_name(t), key ? key : "-");
}

EXPORT void close_json_array(int t, const char *delim)
{
	printf("close_json_array %s %s\n", type_name(t), delim ? delim : "-");
}

EXPORT bool is_json_context(void)
{
	return false;
}

/* iproute2's get_u32() and get_s32(), as they behave */
EXPORT int get_u32(__u32 *val, const char *arg, int base)
{
	unsigned long res;
	char *end;

	if (!arg || !*arg)
		return -1;
	errno = 0;
	res = strtoul(arg, &end, base);
	if (end == arg || *end || (res == ULONG_MAX && errno == ERANGE) ||
	    res > 0xFFFFFFFFUL)
		return -1;
	*val = res;
	return 0;
}

EXPORT int get_s32(__s32 *val, const char *arg, int base)
{
	long res;
	char *end;

	if (!arg || !*arg)
		return -1;
	errno = 0;
	res = strtol(arg, &end, base);
	if (end == arg || *end || errno == ERANGE ||
	    res > INT_MAX || res < INT_MIN)
		return -1;
	*val = res;
	return 0;
}

EXPORT void incomplete_command(void)
{
	fprintf(stderr, "Command line is not complete. Try option \"help\"\n");
	exit(255);
}

/* struct iplink_req of ip */
static struct {
	struct nlmsghdr		n;
	struct ifinfomsg	i;
	char			buf[1024];
} req;

static const char *const attr_names[] = {
	[IFLA_MVLAN_MODE]		= "MODE",
	[IFLA_MVLAN_FLAGS]		= "FLAGS",
	[IFLA_MVLAN_BC_QUEUE_LEN]	= "BC_QUEUE_LEN",
	[IFLA_MVLAN_BC_QUEUE_LEN_USED]	= "BC_QUEUE_LEN_USED",
	[IFLA_MVLAN_BC_CUTOFF]		= "BC_CUTOFF",
	[IFLA_MVLAN_SOURCE_COUNT]	= "SOURCE_COUNT",
	[IFLA_MVLAN_MACADDR_MODE]	= "MACADDR_MODE",
	[IFLA_MVLAN_MACADDR]		= "MACADDR",
	[IFLA_MVLAN_MACADDR_DATA]	= "MACADDR_DATA",
};

static void dump_attrs(struct rtattr *rta, int len, const char *indent)
{
	for (; RTA_OK(rta, len); rta = RTA_NEXT(rta, len)) {
		const unsigned char *d = RTA_DATA(rta);
		int n = RTA_PAYLOAD(rta), i;

		printf("%s%s", indent, rta->rta_type <= IFLA_MVLAN_MAX &&
		       attr_names[rta->rta_type] ? attr_names[rta->rta_type] : "?");
		if (rta->rta_type == IFLA_MVLAN_MACADDR_DATA) {
			printf(" (%d bytes)\n", n);
			dump_attrs(RTA_DATA(rta), n, "  ");
			continue;
		}
		if (rta->rta_type == IFLA_MVLAN_MACADDR) {
			for (i = 0; i < n; i++)
				printf("%c%02x", i ? ':' : ' ', d[i]);
		} else if (n == 4) {
			__u32 v;

			memcpy(&v, d, 4);
			printf(" %u", v);
		} else {
			printf(" (%d bytes)", n);
		}
		putchar('\n');
	}
}

static int do_parse(struct link_util *lu, int argc, char **argv)
{
	unsigned int start;
	int rc;

	req.n.nlmsg_len = NLMSG_LENGTH(sizeof(struct ifinfomsg));
	start = req.n.nlmsg_len;
	rc = lu->parse_opt(lu, argc, argv, &req.n);
	printf("rc %d len %u\n", rc, req.n.nlmsg_len - start);
	dump_attrs((struct rtattr *)((char *)&req.n + start),
		   req.n.nlmsg_len - start, "");
	return rc ? 1 : 0;
}

static struct rtattr *add(char **p, unsigned short type, const void *data,
			  size_t len)
{
	struct rtattr *rta = (struct rtattr *)*p;

	rta->rta_type = type;
	rta->rta_len = RTA_LENGTH(len);
	if (len)
		memcpy(RTA_DATA(rta), data, len);
	*p += RTA_ALIGN(rta->rta_len);
	return rta;
}

static int do_print(struct link_util *lu, int argc, char **argv)
{
	static const struct { const char *key; int type; } keys[] = {
		{ "mode", IFLA_MVLAN_MODE }, { "flags", IFLA_MVLAN_FLAGS },
		{ "bcqueuelen", IFLA_MVLAN_BC_QUEUE_LEN },
		{ "used", IFLA_MVLAN_BC_QUEUE_LEN_USED },
		{ "bclim", IFLA_MVLAN_BC_CUTOFF },
		{ "count", IFLA_MVLAN_SOURCE_COUNT },
	};
	struct rtattr *tb[IFLA_MVLAN_MAX + 1] = { 0 }, *rta;
	static char buf[8192];
	char *p = buf;
	int i, len;
	size_t k;

	for (i = 0; i < argc; i++) {
		char *eq = strchr(argv[i], '=');

		if (!eq)
			return 2;
		*eq++ = '\0';
		if (!strcmp(argv[i], "macs")) {
			struct rtattr *nest = add(&p, IFLA_MVLAN_MACADDR_DATA, NULL, 0);
			char *m;

			for (m = strtok(eq, ","); m; m = strtok(NULL, ",")) {
				unsigned char mac[6];

				if (sscanf(m, "%hhx:%hhx:%hhx:%hhx:%hhx:%hhx", &mac[0],
					   &mac[1], &mac[2], &mac[3], &mac[4],
					   &mac[5]) != 6)
					return 2;
				add(&p, IFLA_MVLAN_MACADDR, mac, 6);
			}
			nest->rta_len = p - (char *)nest;
			continue;
		}
		for (k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
			if (!strcmp(argv[i], keys[k].key)) {
				__s32 v = strtol(eq, NULL, 0);

				add(&p, keys[k].type, &v, 4);
				break;
			}
		}
		if (k == sizeof(keys) / sizeof(keys[0]))
			return 2;
	}
	/* as ip's parse_rtattr_nested(): the last of a type wins */
	len = p - buf;
	for (rta = (struct rtattr *)buf; RTA_OK(rta, len); rta = RTA_NEXT(rta, len))
		if (rta->rta_type <= IFLA_MVLAN_MAX)
			tb[rta->rta_type] = rta;
	lu->print_opt(lu, stdout, argc ? tb : NULL);
	return 0;
}

int main(int argc, char **argv)
{
	struct link_util *lu;
	char sym[64];
	void *h;

	if (argc < 3)
		return 2;
#ifndef FAKE_NO_FORMAT
	if (!strcmp(argv[2], "version")) {
		struct ip_version v;
		char why[256];

		if (argc < 4)
			return 2;
		if (ip_version_of(argv[3], argv[3], &v, why, sizeof(why))) {
			printf("error: %s\n", why);
			return 1;
		}
		printf("%u.%u.%u %s\n", v.major, v.minor, v.patch,
		       ip_version_known(&v) ? "known" : "unknown");
		return 0;
	}
#endif

	h = dlopen(argv[1], RTLD_LAZY);
	if (!h) {
		printf("dlopen: %s\n", dlerror());
		return 1;
	}
	snprintf(sym, sizeof(sym), "%s_link_util",
		 getenv("FAKE_KIND") ? getenv("FAKE_KIND") : "mvlan");
	lu = dlsym(h, sym);
	if (!strcmp(argv[2], "load")) {
		if (!lu)
			printf("util NULL\n");
		else
			printf("util %s maxattr %d parse %d print %d help %d\n",
			       lu->id, lu->maxattr, !!lu->parse_opt,
			       !!lu->print_opt, !!lu->print_help);
		return 0;
	}
	if (!lu) {
		printf("util NULL\n");
		return 1;
	}
	if (!strcmp(argv[2], "parse"))
		return do_parse(lu, argc - 3, argv + 3);
	if (!strcmp(argv[2], "print"))
		return do_print(lu, argc - 3, argv + 3);
	if (!strcmp(argv[2], "help")) {
		lu->print_help(lu, 0, NULL, stdout);
		return 0;
	}
	return 2;
}
