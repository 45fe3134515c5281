// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for mvctl's parsers: MAC addresses, numbers, modes,
 * names, batch lines and MAC list files. Built and run by make lint.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "maclist.h"
#include "parse.h"

static void fuzz_words(const char *s)
{
	uint8_t mac[MAC_LEN];
	char buf[128], text[MAC_STRLEN];
	uint32_t u;
	int32_t i;
	int err;

	if (!parse_mac(s, mac)) {
		format_mac(mac, text);
		/* what is printed parses back to the same address */
		if (parse_mac(text, mac) || strcasecmp(text, s))
			abort();
	}
	err = parse_mac_unicast(s, mac);
	mac_strerror(buf, sizeof(buf), s, err ? err : -EINVAL);
	if (!parse_u32(s, &u)) {
		snprintf(buf, sizeof(buf), "%u", u);
		if (strcmp(buf, s) && s[0] != '0')
			abort();
	}
	(void)parse_s32(s, &i);
	if (!parse_mode(s, &u) && (!mode_name(u) || strcmp(mode_name(u), s)))
		abort();
	(void)parse_flag(s, &u);
	(void)valid_ifname(s);
}

static void fuzz_split(const char *s)
{
	char *line = strdup(s);
	char **argv;
	int argc;

	if (!line)
		return;
	if (!split_args(line, &argv, &argc)) {
		if (argv[argc])
			abort();
		free(argv);
	}
	free(line);
}

static void fuzz_maclist(const uint8_t *data, size_t size)
{
	struct maclist l = { 0 };
	struct maclist_error e;
	FILE *f;

	f = fmemopen((void *)data, size, "r");
	if (!f)
		return;
	if (!maclist_read(&l, f, &e))
		maclist_sort_unique(&l);
	fclose(f);
	maclist_free(&l);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	fuzz_words(s);
	fuzz_split(s);
	free(s);
	if (size)
		fuzz_maclist(data, size);
	return 0;
}
