// SPDX-License-Identifier: GPL-2.0
/*
 * The CNI_* environment variables, checked as the reference plugins check
 * them (their codes and words), and CNI_ARGS.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cni.h"

void cni_env_read(struct cni_env *env)
{
	env->command = getenv("CNI_COMMAND");
	env->containerid = getenv("CNI_CONTAINERID");
	env->netns = getenv("CNI_NETNS");
	env->ifname = getenv("CNI_IFNAME");
	env->args = getenv("CNI_ARGS");
	env->path = getenv("CNI_PATH");
}

static bool unset(const char *v)
{
	return !v || !*v;
}

int cni_env_require(const struct cni_env *env, unsigned int need,
		    struct cni_err *e)
{
	const struct {
		unsigned int bit;
		const char *name;
		const char *val;
	} vars[] = {
		{ 0, "CNI_COMMAND", env->command },
		{ CNI_NEED_CONTAINERID, "CNI_CONTAINERID", env->containerid },
		{ CNI_NEED_NETNS, "CNI_NETNS", env->netns },
		{ CNI_NEED_IFNAME, "CNI_IFNAME", env->ifname },
		{ CNI_NEED_PATH, "CNI_PATH", env->path },
	};
	char missing[128] = "";
	size_t i, len = 0;

	for (i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
		if (!unset(vars[i].val) || (vars[i].bit && !(need & vars[i].bit)))
			continue;
		len += (size_t)snprintf(missing + len, sizeof(missing) - len,
					"%s%s", len ? "," : "", vars[i].name);
	}
	if (!len)
		return 0;
	return cni_fail(e, CNI_ERR_ENV, "required env variables [%s] missing",
			missing);
}

int cni_check_containerid(const char *id, struct cni_err *e)
{
	if (unset(id))
		return cni_fail(e, CNI_ERR_UNKNOWN_CONT, "missing containerID");
	if (!cni_valid_name(id))
		return cni_fail_details(e, CNI_ERR_ENV, id,
					"invalid characters in containerID");
	return 0;
}

int cni_check_ifname(const char *name, struct cni_err *e)
{
	const char *p;

	if (unset(name))
		return cni_fail(e, CNI_ERR_ENV, "interface name is empty");
	if (strlen(name) > IFNAMSIZ - 1)
		return cni_fail_details(e, CNI_ERR_ENV,
					"interface name should be less than 16 characters",
					"interface name is too long");
	if (!strcmp(name, ".") || !strcmp(name, ".."))
		return cni_fail(e, CNI_ERR_ENV, "interface name is . or ..");
	for (p = name; *p; p++)
		if (*p == '/' || *p == ':' || isspace((unsigned char)*p))
			return cni_fail(e, CNI_ERR_ENV,
					"interface name contains / or : or whitespace characters");
	return 0;
}

/* One value of IgnoreUnknown. */
static int parse_bool(const char *s, bool *v)
{
	if (!strcasecmp(s, "1") || !strcasecmp(s, "true"))
		*v = true;
	else if (!strcasecmp(s, "0") || !strcasecmp(s, "false"))
		*v = false;
	else
		return -EINVAL;
	return 0;
}

int cni_args_parse(const char *args, struct cni_args *a, struct cni_err *e)
{
	char *copy, *pair, *save = NULL, unknown[CNI_MSG_LEN / 2] = "";
	size_t ulen = 0;
	int ret = 0;

	memset(a, 0, sizeof(*a));
	if (unset(args))
		return 0;
	copy = strdup(args);
	if (!copy)
		return cni_fail(e, CNI_ERR_INTERNAL, "out of memory");
	/* empty pairs are malformed too: split by hand, not by strtok */
	for (pair = copy; pair && !ret; pair = save) {
		char *eq, mbuf[CNI_MSG_LEN / 2];
		bool v;

		save = strchr(pair, ';');
		if (save)
			*save++ = '\0';
		eq = strchr(pair, '=');
		if (!eq || strchr(eq + 1, '=')) {
			ret = cni_fail(e, CNI_ERR_ENV,
				       "CNI_ARGS: invalid pair \"%s\"", pair);
			break;
		}
		if (strncmp(pair, "MAC=", 4) && strncmp(pair, "IgnoreUnknown=", 14)) {
			/* Go's %q of the pairs, as the reference plugins say it */
			if (ulen < sizeof(unknown) - 1)
				ulen += (size_t)snprintf(unknown + ulen,
							 sizeof(unknown) - ulen,
							 "%s\"%s\"",
							 ulen ? " " : "", pair);
			if (ulen >= sizeof(unknown))
				ulen = sizeof(unknown) - 1;
			continue;
		}
		*eq = '\0';
		if (!strcmp(pair, "MAC")) {
			int err = parse_mac_unicast(eq + 1, a->mac);

			if (err) {
				mac_strerror(mbuf, sizeof(mbuf), eq + 1, err);
				ret = cni_fail(e, CNI_ERR_ENV, "CNI_ARGS: MAC: %s",
					       mbuf);
			}
			a->has_mac = true;
		} else {
			if (parse_bool(eq + 1, &v))
				ret = cni_fail(e, CNI_ERR_ENV,
					       "CNI_ARGS: IgnoreUnknown: not a boolean: \"%s\"",
					       eq + 1);
			else
				a->ignore_unknown = v;
		}
	}
	free(copy);
	if (!ret && ulen && !a->ignore_unknown)
		ret = cni_fail(e, CNI_ERR_ENV, "CNI_ARGS: unknown args [%s]",
			       unknown);
	if (ret)
		memset(a, 0, sizeof(*a));
	return ret;
}
