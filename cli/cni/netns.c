// SPDX-License-Identifier: GPL-2.0
/*
 * The container's network namespace: the plugin moves itself into it, as
 * the reference plugins do with ns.Do(), for what must happen there (the
 * ipc layer's handles act in the netns they were opened in: handles for
 * the container's are opened there), and back to the host's, where the
 * IPAM plugin runs.
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <linux/magic.h>

#include "cni.h"
#include "ipc.h"

static int host_fd = -1;

int cni_netns_init(struct cni_err *e)
{
	host_fd = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	if (host_fd < 0)
		return cni_fail(e, CNI_ERR_INTERNAL,
				"cannot open the host's netns: %s",
				strerror(errno));
	return 0;
}

int cni_netns_open(const char *path, int *fd, struct cni_err *e)
{
	struct statfs sfs;
	int err;

	*fd = open(path, O_RDONLY | O_CLOEXEC);
	if (*fd < 0) {
		err = errno;
		cni_fail(e, err == ENOENT ? CNI_ERR_ENV : CNI_ERR_INTERNAL,
			 "failed to open netns \"%s\": %s", path, strerror(err));
		return err == ENOENT ? -ENOENT : -1;
	}
	/* a bound netns is on nsfs, /proc/PID/ns/net on procfs */
	if (fstatfs(*fd, &sfs) ||
	    (sfs.f_type != NSFS_MAGIC && sfs.f_type != PROC_SUPER_MAGIC)) {
		close(*fd);
		*fd = -1;
		return cni_fail(e, CNI_ERR_ENV,
				"CNI_NETNS \"%s\" is not a network namespace",
				path);
	}
	return 0;
}

int cni_netns_enter(int fd, struct cni_err *e)
{
	if (setns(fd, CLONE_NEWNET))
		return cni_fail(e, errno == EINVAL ? CNI_ERR_ENV : CNI_ERR_INTERNAL,
				"cannot enter netns: %s", strerror(errno));
	return 0;
}

int cni_netns_leave(struct cni_err *e)
{
	if (setns(host_fd, CLONE_NEWNET))
		return cni_fail(e, CNI_ERR_INTERNAL,
				"cannot return to the host's netns: %s",
				strerror(errno));
	return 0;
}

int cni_netns_open_ipc(int fd, unsigned int socks, struct mvipc **ipc,
		       struct cni_err *e)
{
	struct mvipc_error ie;
	int err;

	*ipc = NULL;
	if (cni_netns_enter(fd, e))
		return -1;
	err = mvipc_open(ipc, socks, &ie);
	if (cni_netns_leave(e)) {
		mvipc_close(*ipc);
		*ipc = NULL;
		return -1;
	}
	if (err)
		return cni_fail_ipc(e, &ie, "cannot open netlink sockets in the container");
	return 0;
}

int cni_sysctl(const char *path, const char *value)
{
	char file[256];
	ssize_t n;
	int fd, err = 0;

	snprintf(file, sizeof(file), "/proc/sys/%s", path);
	fd = open(file, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return errno;
	n = write(fd, value, strlen(value));
	if (n < 0)
		err = errno;
	close(fd);
	return err;
}
