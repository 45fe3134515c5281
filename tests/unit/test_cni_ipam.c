// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the CNI plugin's run of its IPAM plugin (cli/cni/ipam.c),
 * with stand-in plugins written to a directory of the test's own: the
 * configuration (megabytes, as with a long source list) written while the
 * plugin's output is read, whichever comes first; the plugin's error
 * object passed on when it exits without reading its stdin.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cni/cni.h"
#include "unit.h"

/* More than a pipe holds, either way (64 kB by default). */
#define STDIN_LEN	(2 * 1024 * 1024)
#define PAD_LEN		300000

/* How long a run may take before it counts as stuck. */
#define STUCK_S		30

static char dir[] = "/tmp/test_cni_ipam.XXXXXX";
static char *text;

static void write_plugin(const char *name, const char *script)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	CHECK(f && fputs(script, f) >= 0);
	if (f)
		fclose(f);
	CHECK(chmod(path, 0755) == 0);
}

static void init_ctx(struct cni_ctx *ctx, const char *plugin)
{
	memset(ctx, 0, sizeof(*ctx));
	ctx->env.path = dir;
	ctx->conf.ipam_type = plugin;
	ctx->stdin_text = text;
	ctx->stdin_len = STDIN_LEN;
}

/* A plugin that writes more than a pipe holds before it reads stdin. */
static void test_both_ways(void)
{
	struct cni_ctx ctx;
	struct cni_err e = { 0 };
	json_object *out = NULL, *v;

	write_plugin("chatty", "#!/bin/sh\n"
		     "printf '{\"cmd\":\"%s\",\"pad\":\"' \"$CNI_COMMAND\"\n"
		     "head -c 300000 /dev/zero | tr '\\0' x\n"
		     "printf '\",\"n\":%s}' \"$(wc -c | tr -d ' ')\"\n");
	init_ctx(&ctx, "chatty");
	CHECK(cni_ipam_exec(&ctx, "ADD", &out, &e) == 0);
	if (!out) {
		printf("  no result: %u %s\n", e.code, e.msg);
		return;
	}
	CHECK(json_object_object_get_ex(out, "cmd", &v) &&
	      !strcmp(json_object_get_string(v), "ADD"));
	CHECK(json_object_object_get_ex(out, "pad", &v) &&
	      json_object_get_string_len(v) == PAD_LEN);
	/* all of the configuration reached it */
	CHECK(json_object_object_get_ex(out, "n", &v) &&
	      json_object_get_int64(v) == STDIN_LEN);
	json_object_put(out);
}

/* One that reads none of it and fails: its error object, as it is. */
static void test_no_read(void)
{
	struct cni_ctx ctx;
	struct cni_err e = { 0 };

	write_plugin("deaf", "#!/bin/sh\n"
		     "echo '{\"code\":11,\"msg\":\"busy\",\"details\":\"later\"}'\n"
		     "exit 1\n");
	init_ctx(&ctx, "deaf");
	CHECK(cni_ipam_exec(&ctx, "DEL", NULL, &e) == -1);
	CHECK(e.code == 11);
	CHECK_STR(e.msg, "busy");
	CHECK_STR(e.details, "later");
}

static void cleanup(void)
{
	char path[256];

	snprintf(path, sizeof(path), "%s/chatty", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/deaf", dir);
	unlink(path);
	rmdir(dir);
}

static void stuck(int sig)
{
	static const char msg[] =
		"FAIL: the IPAM run is stuck (both ends of the pipes waiting)\n"
		"0 passed, 1 failed\n";

	(void)sig;
	cleanup();
	if (write(1, msg, sizeof(msg) - 1) < 0)
		_exit(2);
	_exit(1);
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	if (!mkdtemp(dir)) {
		printf("FAIL: mkdtemp: %s\n0 passed, 1 failed\n",
		       strerror(errno));
		return 1;
	}
	text = malloc(STDIN_LEN);
	if (!text) {
		printf("FAIL: out of memory\n0 passed, 1 failed\n");
		return 1;
	}
	memset(text, ' ', STDIN_LEN);
	signal(SIGALRM, stuck);
	alarm(STUCK_S);
	RUN(test_both_ways);
	RUN(test_no_read);
	alarm(0);
	cleanup();
	free(text);
	return unit_summary();
}
