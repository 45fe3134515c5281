// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * tapbench: frames through a tap character device (/dev/tapN of a macvtap
 * or mvtap device) for tests/bench/mvtap.sh, as QEMU moves them, without
 * vnet headers.
 *
 *   tapbench read DEV SECS
 *	reads frames for SECS seconds; prints "frames N seconds S"
 *   tapbench write DEV SECS DST SRC
 *	writes 60-byte frames from SRC to DST (ethertype 0x88b5) for SECS
 *	seconds, as fast as the device takes them; prints the same
 *
 * Exit status 0, 1 on an error (on stderr), 2 on bad usage.
 */
#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include <linux/if.h>
#include <linux/if_tun.h>

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int parse_mac(const char *s, unsigned char *mac)
{
	unsigned int b[6];
	int i;

	if (sscanf(s, "%2x:%2x:%2x:%2x:%2x:%2x", &b[0], &b[1], &b[2], &b[3],
		   &b[4], &b[5]) != 6)
		return -1;
	for (i = 0; i < 6; i++)
		mac[i] = (unsigned char)b[i];
	return 0;
}

static int usage(void)
{
	fprintf(stderr, "usage: tapbench read DEV SECS\n"
			"       tapbench write DEV SECS DST SRC\n");
	return 2;
}

int main(int argc, char **argv)
{
	unsigned char frame[65536] = { 0 };
	unsigned long long frames = 0;
	struct ifreq ifr = { 0 };
	double secs, start, end;
	bool writing;
	int fd;

	if (argc < 4)
		return usage();
	writing = !strcmp(argv[1], "write");
	if ((!writing && strcmp(argv[1], "read")) || (writing && argc != 6) ||
	    (!writing && argc != 4))
		return usage();
	secs = atof(argv[3]);
	if (secs <= 0)
		return usage();
	if (writing && (parse_mac(argv[4], frame) || parse_mac(argv[5], frame + 6)))
		return usage();
	frame[12] = 0x88;
	frame[13] = 0xb5;

	fd = open(argv[2], O_RDWR);
	if (fd < 0) {
		fprintf(stderr, "tapbench: %s: %s\n", argv[2], strerror(errno));
		return 1;
	}
	/* no vnet header: the frames as they are on the wire */
	ifr.ifr_flags = IFF_TAP | IFF_NO_PI;
	if (ioctl(fd, TUNSETIFF, &ifr)) {
		fprintf(stderr, "tapbench: TUNSETIFF: %s\n", strerror(errno));
		return 1;
	}

	start = now();
	end = start + secs;
	while (now() < end) {
		struct pollfd p = { .fd = fd, .events = writing ? POLLOUT : POLLIN };
		ssize_t n;

		if (poll(&p, 1, 100) <= 0)
			continue;
		if (writing)
			n = write(fd, frame, 60);
		else
			n = read(fd, frame, sizeof(frame));
		if (n < 0 && errno != EAGAIN && errno != EINTR) {
			fprintf(stderr, "tapbench: %s: %s\n",
				writing ? "write" : "read", strerror(errno));
			return 1;
		}
		if (n > 0)
			frames++;
	}
	printf("frames %llu seconds %.3f\n", frames, now() - start);
	return 0;
}
