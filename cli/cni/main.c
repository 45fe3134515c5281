// SPDX-License-Identifier: GPL-2.0
/*
 * mvlan, the CNI plugin: the table of commands and what every command
 * checks first, in the reference plugins' order (skel): the variables it
 * needs, the configuration (decoded, named), the container ID and
 * interface name, the version. The result, or the error object, goes to
 * stdout; the exit status is 0 or 1.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cni.h"

#ifndef MVLAN_VERSION
#define MVLAN_VERSION "unknown"
#endif

struct cni_cmd {
	const char *name;
	int (*fn)(struct cni_ctx *ctx, struct cni_err *e);
	unsigned int need;		/* CNI_NEED_* */
	enum cni_version since;		/* the first version that has it */
};

#define NEED_ATTACH	(CNI_NEED_CONTAINERID | CNI_NEED_IFNAME | CNI_NEED_PATH)

static const struct cni_cmd cmds[] = {
	{ "ADD",	cni_cmd_add,	NEED_ATTACH | CNI_NEED_NETNS, CNI_V030 },
	{ "DEL",	cni_cmd_del,	NEED_ATTACH, CNI_V030 },
	{ "CHECK",	cni_cmd_check,	NEED_ATTACH | CNI_NEED_NETNS, CNI_V040 },
	{ "STATUS",	cni_cmd_status,	0, CNI_V110 },
	{ "GC",		cni_cmd_gc,	CNI_NEED_PATH, CNI_V110 },
	{ "VERSION",	NULL,		0, CNI_V030 },
};

/* All of stdin; *len its size. NULL with errno on failure. */
static char *read_all(FILE *f, size_t *len)
{
	size_t cap = 65536, n = 0;
	char *buf = malloc(cap + 1);

	while (buf) {
		size_t r = fread(buf + n, 1, cap - n, f);
		char *nb;

		n += r;
		if (n < cap) {
			if (ferror(f)) {
				free(buf);
				return NULL;
			}
			break;
		}
		cap *= 2;
		nb = realloc(buf, cap + 1);
		if (!nb)
			free(buf);
		buf = nb;
	}
	if (buf) {
		buf[n] = '\0';
		*len = n;
	}
	return buf;
}

static void print_doc(json_object *doc)
{
	puts(json_object_to_json_string_ext(doc, JSON_C_TO_STRING_PLAIN |
					    JSON_C_TO_STRING_NOSLASHESCAPE));
	fflush(stdout);
}

static int cmd_version(struct cni_ctx *ctx, struct cni_err *e)
{
	char version[64];
	json_object *list;
	int v;

	if (cni_conf_version(ctx->stdin_text, ctx->stdin_len, version,
			     sizeof(version), e))
		return -1;
	ctx->out = json_object_new_object();
	list = json_object_new_array();
	if (!ctx->out || !list) {
		json_object_put(list);
		return cni_fail(e, CNI_ERR_INTERNAL, "out of memory");
	}
	json_object_object_add(ctx->out, "cniVersion",
			       json_object_new_string(*version ? version :
						      cni_versions[CNI_V110]));
	for (v = 0; v < CNI_NR_VERSIONS; v++)
		json_object_array_add(list, json_object_new_string(cni_versions[v]));
	json_object_object_add(ctx->out, "supportedVersions", list);
	return 0;
}

/* What every command but VERSION checks before it runs. */
static int prepare(struct cni_ctx *ctx, const struct cni_cmd *cmd,
		   struct cni_err *e)
{
	struct cni_args args;

	if (cni_conf_parse(ctx->stdin_text, ctx->stdin_len, &ctx->conf, e))
		return -1;
	if ((cmd->need & CNI_NEED_CONTAINERID) &&
	    cni_check_containerid(ctx->env.containerid, e))
		return -1;
	if ((cmd->need & CNI_NEED_IFNAME) &&
	    cni_check_ifname(ctx->env.ifname, e))
		return -1;
	if (ctx->conf.version < cmd->since)
		return cni_fail(e, CNI_ERR_INCOMPATIBLE,
				"config version does not allow %s", cmd->name);
	if (cni_args_parse(ctx->env.args, &args, e))
		return -1;
	cni_conf_apply_args(&ctx->conf, &args);
	return 0;
}

static int run(struct cni_ctx *ctx, struct cni_err *e)
{
	const struct cni_cmd *cmd = NULL;
	size_t i;

	cni_env_read(&ctx->env);
	if (!ctx->env.command || !*ctx->env.command) {
		/* as the reference plugins: who we are, on stderr, exit 0 */
		fprintf(stderr, "CNI mvlan plugin v%s\n", MVLAN_VERSION);
		fprintf(stderr, "CNI protocol versions supported: 0.3.0, 0.3.1, 0.4.0, 1.0.0, 1.1.0\n");
		return 0;
	}
	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (!strcmp(ctx->env.command, cmds[i].name))
			cmd = &cmds[i];
	if (cni_env_require(&ctx->env, cmd ? cmd->need : 0, e))
		return -1;
	if (!cmd)
		return cni_fail(e, CNI_ERR_ENV, "unknown CNI_COMMAND: %s",
				ctx->env.command);

	ctx->stdin_text = read_all(stdin, &ctx->stdin_len);
	if (!ctx->stdin_text)
		return cni_fail(e, CNI_ERR_IO, "error reading from stdin: %s",
				strerror(errno));
	if (!cmd->fn)
		return cmd_version(ctx, e);
	if (prepare(ctx, cmd, e) || cni_netns_init(e))
		return -1;
	return cmd->fn(ctx, e);
}

int main(void)
{
	struct cni_ctx ctx = { 0 };
	struct cni_err e = { 0 };
	int ret = run(&ctx, &e);

	if (ret) {
		char version[16] = "";
		struct cni_err ignored;
		json_object *doc;

		/* the error in the configuration's version, if it has one */
		if (ctx.conf.root)
			snprintf(version, sizeof(version), "%s",
				 ctx.conf.version_str);
		else if (ctx.stdin_text)
			cni_conf_version(ctx.stdin_text, ctx.stdin_len, version,
					 sizeof(version), &ignored);
		doc = cni_err_doc(&e, cni_version_parse(version) >= 0 ?
				  version : NULL);

		if (doc)
			print_doc(doc);
		json_object_put(doc);
		if (e.details[0])
			fprintf(stderr, "mvlan: %s: %s\n", e.msg, e.details);
		else
			fprintf(stderr, "mvlan: %s\n", e.msg);
	} else if (ctx.out) {
		print_doc(ctx.out);
	}
	json_object_put(ctx.out);
	cni_conf_free(&ctx.conf);
	free((char *)ctx.stdin_text);
	return ret ? 1 : 0;
}
