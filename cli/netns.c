// SPDX-License-Identifier: GPL-2.0
/*
 * mvctl -n NETNS: run in a named network namespace, as ip -n does.
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "mvctl.h"

#define NETNS_RUN_DIR	"/run/netns"

/*
 * NETNS is a name from "ip netns add", bound at /run/netns/NETNS, or, if it
 * has a '/', the path of a namespace file such as /proc/PID/ns/net.
 */
int enter_netns(const char *name)
{
	char path[4096];
	int fd, err;

	if (strchr(name, '/'))
		snprintf(path, sizeof(path), "%s", name);
	else
		snprintf(path, sizeof(path), "%s/%s", NETNS_RUN_DIR, name);

	/* "" would open the directory itself */
	fd = *name ? open(path, O_RDONLY | O_CLOEXEC) : -1;
	if (!*name)
		errno = ENOENT;
	if (fd < 0) {
		mv_err("cannot enter netns \"%s\": %s", name, strerror(errno));
		return -1;
	}
	err = setns(fd, CLONE_NEWNET);
	if (err)
		mv_err("cannot enter netns \"%s\": %s", name, strerror(errno));
	close(fd);
	return err ? -1 : 0;
}
