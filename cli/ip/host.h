/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Recognising the ip that loads link_mvlan.so (host.c).
 */
#ifndef MVLAN_IP_HOST_H
#define MVLAN_IP_HOST_H

#include <stddef.h>

#include "iproute2.h"

/* The iproute2 releases whose layout the plugin knows (see iproute2.h). */
#define IP_KNOWN_FROM_MAJOR	5
#define IP_KNOWN_FROM_MINOR	10
#define IP_KNOWN_UPTO_MAJOR	7
#define IP_KNOWN_UPTO_MINOR	1

struct ip_version {
	unsigned int	major;
	unsigned int	minor;
	unsigned int	patch;
};

/*
 * The iproute2 version of the ELF executable at @path (called @name in
 * messages), from the "ip utility, iproute2-%s" format of "ip -V" and the
 * one version string next to it in .rodata. 0 on success; -1 with a
 * reason in @why.
 */
int ip_version_of(const char *path, const char *name, struct ip_version *v,
		  char *why, size_t size);

/* Whether the plugin knows the layout of that release. */
int ip_version_known(const struct ip_version *v);

/*
 * Recognise the program this plugin is loaded into: iproute2's ip of a
 * known release, exporting every function struct ip_host names. 0 with
 * @host filled, or -1 with a one-line reason in @why.
 */
int ip_host_recognise(struct ip_host *host, char *why, size_t size);

#endif /* MVLAN_IP_HOST_H */
