// SPDX-License-Identifier: GPL-2.0
/*
 * Pure parsers and formatters for mvctl.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/mvlan.h>

#include "parse.h"

#define IFNAME_MAX	15	/* IFNAMSIZ - 1 */

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int parse_mac(const char *s, uint8_t mac[MAC_LEN])
{
	uint8_t tmp[MAC_LEN];
	int i;

	if (strlen(s) != MAC_STRLEN - 1)
		return -EINVAL;

	for (i = 0; i < MAC_LEN; i++) {
		const char *p = s + 3 * i;
		int hi = hex_digit(p[0]);
		int lo = hex_digit(p[1]);

		if (hi < 0 || lo < 0)
			return -EINVAL;
		if (i < MAC_LEN - 1 && p[2] != ':')
			return -EINVAL;
		tmp[i] = hi << 4 | lo;
	}

	memcpy(mac, tmp, MAC_LEN);
	return 0;
}

static bool mac_is_zero(const uint8_t mac[MAC_LEN])
{
	static const uint8_t zero[MAC_LEN];

	return !memcmp(mac, zero, MAC_LEN);
}

int parse_mac_unicast(const char *s, uint8_t mac[MAC_LEN])
{
	uint8_t tmp[MAC_LEN];
	int err;

	err = parse_mac(s, tmp);
	if (err)
		return err;
	if ((tmp[0] & 0x01) || mac_is_zero(tmp))
		return -EADDRNOTAVAIL;

	memcpy(mac, tmp, MAC_LEN);
	return 0;
}

void mac_strerror(char *buf, size_t size, const char *s, int err)
{
	uint8_t mac[MAC_LEN];

	if (err != -EADDRNOTAVAIL || parse_mac(s, mac))
		snprintf(buf, size, "invalid MAC address \"%s\"", s);
	else if (mac[0] & 0x01)
		snprintf(buf, size,
			 "\"%s\" is a multicast MAC address, not unicast", s);
	else
		snprintf(buf, size,
			 "\"%s\" is the all-zero MAC address, not unicast", s);
}

void format_mac(const uint8_t mac[MAC_LEN], char buf[MAC_STRLEN])
{
	static const char hex[] = "0123456789abcdef";
	int i;

	for (i = 0; i < MAC_LEN; i++) {
		buf[3 * i] = hex[mac[i] >> 4];
		buf[3 * i + 1] = hex[mac[i] & 0xf];
		buf[3 * i + 2] = i < MAC_LEN - 1 ? ':' : '\0';
	}
}

struct name_value {
	const char *name;
	uint32_t value;
};

static const struct name_value modes[] = {
	{ "private",	MVLAN_MODE_PRIVATE },
	{ "vepa",	MVLAN_MODE_VEPA },
	{ "bridge",	MVLAN_MODE_BRIDGE },
	{ "passthru",	MVLAN_MODE_PASSTHRU },
	{ "source",	MVLAN_MODE_SOURCE },
};

static const struct name_value flags[] = {
	{ "nopromisc",	MVLAN_F_NOPROMISC },
	{ "nodst",	MVLAN_F_NODST },
	{ "hostbridge",	MVLAN_F_HOSTBRIDGE },
};

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

static int lookup_value(const struct name_value *t, size_t n,
			const char *name, uint32_t *value)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (!strcmp(t[i].name, name)) {
			*value = t[i].value;
			return 0;
		}
	}
	return -EINVAL;
}

static const char *lookup_name(const struct name_value *t, size_t n,
			       uint32_t value)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (t[i].value == value)
			return t[i].name;
	return NULL;
}

int parse_mode(const char *s, uint32_t *mode)
{
	return lookup_value(modes, ARRAY_SIZE(modes), s, mode);
}

const char *mode_name(uint32_t mode)
{
	return lookup_name(modes, ARRAY_SIZE(modes), mode);
}

int parse_flag(const char *s, uint32_t *flag)
{
	return lookup_value(flags, ARRAY_SIZE(flags), s, flag);
}

const char *flag_name(uint32_t flag)
{
	return lookup_name(flags, ARRAY_SIZE(flags), flag);
}

/* The kernel's isspace(): its ctype table also counts 0xa0 as space. */
static bool kernel_isspace(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xa0;
}

bool valid_ifname(const char *s)
{
	size_t len = strnlen(s, IFNAME_MAX + 1);

	if (len == 0 || len > IFNAME_MAX)
		return false;
	if (!strcmp(s, ".") || !strcmp(s, ".."))
		return false;
	for (; *s; s++)
		if (*s == '/' || *s == ':' || kernel_isspace(*s))
			return false;
	return true;
}

/* Digits only, at least one, value at most max. */
static int parse_digits(const char *s, uint64_t max, uint64_t *v)
{
	uint64_t acc = 0;

	if (!*s)
		return -EINVAL;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -EINVAL;
		acc = acc * 10 + (*s - '0');
		if (acc > max) {
			/* Keep checking the syntax: "99999999999x" is junk. */
			while (*++s)
				if (*s < '0' || *s > '9')
					return -EINVAL;
			return -ERANGE;
		}
	}
	*v = acc;
	return 0;
}

int parse_u32(const char *s, uint32_t *v)
{
	uint64_t acc;
	int err;

	err = parse_digits(s, UINT32_MAX, &acc);
	if (err)
		return err;
	*v = acc;
	return 0;
}

int parse_s32(const char *s, int32_t *v)
{
	bool neg = *s == '-';
	uint64_t max = neg ? (uint64_t)INT32_MAX + 1 : INT32_MAX;
	uint64_t acc;
	int err;

	err = parse_digits(s + neg, max, &acc);
	if (err)
		return err;
	*v = neg ? (int32_t)(-(int64_t)acc) : (int32_t)acc;
	return 0;
}

static bool is_blank(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/*
 * Copies the word at *r to *w, unquoting it, and NUL terminates it; both
 * advance past it. The copy never overtakes the reading: w <= r.
 */
static int unquote_word(char **r, char **w)
{
	char *in = *r, *out = *w;

	while (*in && !is_blank(*in)) {
		char quote = *in;

		if (quote != '\'' && quote != '"') {
			*out++ = *in++;
			continue;
		}
		for (in++; *in != quote; in++) {
			if (!*in)
				return -EINVAL;
			*out++ = *in;
		}
		in++;
	}
	if (*in)
		in++;		/* the blank after the word */
	*out++ = '\0';
	*r = in;
	*w = out;
	return 0;
}

int split_args(char *line, char ***argvp, int *argcp)
{
	/* a word takes at least two bytes of the line, but for the last */
	size_t max = strlen(line) / 2 + 2;
	char **argv = calloc(max, sizeof(*argv));
	char *r = line, *w = line;
	int argc = 0;

	if (!argv)
		return -ENOMEM;
	for (;;) {
		while (is_blank(*r))
			r++;
		if (!*r || *r == '#')
			break;
		argv[argc] = w;
		if (unquote_word(&r, &w)) {
			free(argv);
			return -EINVAL;
		}
		argc++;
	}
	argv[argc] = NULL;
	*argvp = argv;
	*argcp = argc;
	return 0;
}
