// SPDX-License-Identifier: GPL-2.0
/*
 * The IPAM plugin: found by name in CNI_PATH, run with the environment the
 * plugin got (CNI_COMMAND set to the operation) and the same configuration
 * on stdin; its stderr is ours. Its error object is passed on as it is.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cni.h"

/* dir/name of the first directory of CNI_PATH that has it, executable */
static int find_plugin(const char *path, const char *name, char *buf,
		       size_t size, struct cni_err *e)
{
	const char *p = path, *colon;

	while (p && *p) {
		size_t len;

		colon = strchr(p, ':');
		len = colon ? (size_t)(colon - p) : strlen(p);
		if (len && (size_t)snprintf(buf, size, "%.*s/%s", (int)len, p,
					    name) < size &&
		    !access(buf, X_OK))
			return 0;
		p = colon ? colon + 1 : NULL;
	}
	return cni_fail(e, CNI_ERR_CONFIG,
			"failed to find plugin \"%s\" in path [%s]", name,
			path ? path : "");
}

/*
 * Writes in to the child's stdin and reads its stdout, both to the end,
 * as either is ready: in_fd is non-blocking, so that a write takes what
 * the pipe has room for (the configuration may be megabytes, with a long
 * source list) and the loop goes on reading a child that writes before it
 * has read all of its stdin, rather than both waiting for the other.
 */
static int pump(int in_fd, const char *in, size_t in_len, int out_fd,
		char **out, size_t *out_len)
{
	size_t cap = 4096, off = 0;
	char *buf = malloc(cap);
	struct pollfd p[2];

	if (!buf)
		return -ENOMEM;
	*out_len = 0;
	while (out_fd >= 0) {
		int n = 0;

		if (in_fd >= 0 && off == in_len) {
			close(in_fd);
			in_fd = -1;
		}
		if (in_fd >= 0)
			p[n++] = (struct pollfd){ .fd = in_fd, .events = POLLOUT };
		p[n++] = (struct pollfd){ .fd = out_fd, .events = POLLIN };
		if (poll(p, (nfds_t)n, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (in_fd >= 0 && p[0].revents) {
			ssize_t w = write(in_fd, in + off, in_len - off);

			/* EAGAIN: full after all; poll() says when not */
			if (w < 0 && errno != EINTR && errno != EAGAIN) {
				/* it will not read more: fine */
				close(in_fd);
				in_fd = -1;
			} else if (w > 0) {
				off += (size_t)w;
			}
		}
		if (p[n - 1].revents) {
			ssize_t r;

			if (*out_len + 1 >= cap) {
				char *nb = realloc(buf, cap * 2);

				if (!nb)
					break;
				buf = nb;
				cap *= 2;
			}
			r = read(out_fd, buf + *out_len, cap - *out_len - 1);
			if (r < 0 && errno == EINTR)
				continue;
			if (r <= 0)
				break;
			*out_len += (size_t)r;
		}
	}
	if (in_fd >= 0)
		close(in_fd);
	buf[*out_len] = '\0';
	*out = buf;
	return 0;
}

/* Its error object into e, or what can be said without one. */
static int child_error(const char *name, const char *out, int status,
		       struct cni_err *e)
{
	json_object *doc = json_tokener_parse(out), *v;

	if (doc && json_object_is_type(doc, json_type_object) &&
	    json_object_object_get_ex(doc, "code", &v) &&
	    json_object_is_type(v, json_type_int)) {
		e->code = (unsigned int)json_object_get_int64(v);
		snprintf(e->msg, sizeof(e->msg), "%s",
			 json_object_object_get_ex(doc, "msg", &v) ?
			 json_object_get_string(v) : "");
		snprintf(e->details, sizeof(e->details), "%s",
			 json_object_object_get_ex(doc, "details", &v) ?
			 json_object_get_string(v) : "");
		json_object_put(doc);
		return -1;
	}
	json_object_put(doc);
	if (WIFSIGNALED(status))
		return cni_fail(e, CNI_ERR_INTERNAL,
				"IPAM plugin \"%s\" killed by signal %d", name,
				WTERMSIG(status));
	return cni_fail_details(e, CNI_ERR_INTERNAL, out,
				"IPAM plugin \"%s\" failed with exit status %d",
				name, WEXITSTATUS(status));
}

int cni_ipam_exec(const struct cni_ctx *ctx, const char *cmd,
		  json_object **out, struct cni_err *e)
{
	const char *name = ctx->conf.ipam_type;
	int in[2], outp[2], status, flags, err;
	char path[4096], *text = NULL;
	size_t len;
	pid_t pid;

	if (find_plugin(ctx->env.path, name, path, sizeof(path), e))
		return -1;
	if (pipe2(in, O_CLOEXEC))
		return cni_fail(e, CNI_ERR_INTERNAL, "pipe: %s", strerror(errno));
	/* our end only (pump()): the child's stdin stays as it was */
	flags = fcntl(in[1], F_GETFL);
	if (flags < 0 || fcntl(in[1], F_SETFL, flags | O_NONBLOCK)) {
		err = errno;
		close(in[0]);
		close(in[1]);
		return cni_fail(e, CNI_ERR_INTERNAL, "fcntl: %s", strerror(err));
	}
	if (pipe2(outp, O_CLOEXEC)) {
		close(in[0]);
		close(in[1]);
		return cni_fail(e, CNI_ERR_INTERNAL, "pipe: %s", strerror(errno));
	}
	pid = fork();
	if (pid < 0) {
		err = errno;
		close(in[0]);
		close(in[1]);
		close(outp[0]);
		close(outp[1]);
		return cni_fail(e, CNI_ERR_INTERNAL, "fork: %s", strerror(err));
	}
	if (!pid) {
		char *argv[] = { path, NULL };

		if (dup2(in[0], 0) < 0 || dup2(outp[1], 1) < 0 ||
		    setenv("CNI_COMMAND", cmd, 1))
			_exit(127);
		execv(path, argv);
		fprintf(stderr, "mvlan: cannot run %s: %s\n", path,
			strerror(errno));
		_exit(127);
	}
	close(in[0]);
	close(outp[1]);
	/* a plugin that stops reading must not kill us */
	signal(SIGPIPE, SIG_IGN);
	err = pump(in[1], ctx->stdin_text, ctx->stdin_len, outp[0], &text,
		   &len);
	close(outp[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			free(text);
			return cni_fail(e, CNI_ERR_INTERNAL, "waitpid: %s",
					strerror(errno));
		}
	if (err)
		return cni_fail(e, CNI_ERR_INTERNAL, "out of memory");
	if (!WIFEXITED(status) || WEXITSTATUS(status)) {
		child_error(name, text, status, e);
		free(text);
		return -1;
	}
	if (out) {
		*out = json_tokener_parse(text);
		if (!*out || !json_object_is_type(*out, json_type_object)) {
			json_object_put(*out);
			*out = NULL;
			cni_fail_details(e, CNI_ERR_DECODE, text,
					 "IPAM plugin \"%s\": its result is not a JSON object",
					 name);
			free(text);
			return -1;
		}
	}
	free(text);
	return 0;
}
