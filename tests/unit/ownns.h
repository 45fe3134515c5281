/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A network namespace of the test's own, for the unit tests that make
 * netlink sockets talk to a kernel: as root, a new netns; otherwise a new
 * user namespace too, in which this user is root, so that the programs
 * the test runs (ip) have the capabilities as well.
 */
#ifndef OWNNS_H
#define OWNNS_H

#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <stdint.h>

#include "ipc.h"

static inline int write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	ssize_t n = -1;

	if (fd >= 0) {
		n = write(fd, text, strlen(text));
		close(fd);
	}
	return n == (ssize_t)strlen(text) ? 0 : -1;
}

/* Returns 0, or -1 with errno set. */
static inline int enter_own_netns(void)
{
	char map[64];
	unsigned int uid = getuid(), gid = getgid();

	if (!unshare(CLONE_NEWNET))
		return 0;
	if (unshare(CLONE_NEWUSER | CLONE_NEWNET))
		return -1;
	snprintf(map, sizeof(map), "0 %u 1", gid);
	if (write_file("/proc/self/setgroups", "deny") ||
	    write_file("/proc/self/gid_map", map))
		return -1;
	snprintf(map, sizeof(map), "0 %u 1", uid);
	return write_file("/proc/self/uid_map", map);
}

/* The ifindex of the device called name here, 0 if there is none. */
static inline uint32_t ifindex_of(const char *name)
{
	struct mvipc_error e;
	uint32_t i;

	return mvipc_link_index(name, &i, &e) ? 0 : i;
}

#endif /* OWNNS_H */
