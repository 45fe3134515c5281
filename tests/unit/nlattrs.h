/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tests/unit/nlattrs.h: the attributes of a netlink message the ipc layer
 * built, for the tests that check its requests. After unit.h's CHECK().
 */
#ifndef MVLAN_UNIT_NLATTRS_H
#define MVLAN_UNIT_NLATTRS_H

#include <string.h>

#include <netlink/attr.h>
#include <netlink/msg.h>

#include "unit.h"

/* The attributes after the netlink header and hdrlen bytes, up to max. */
static inline struct nlattr **attrs(struct nl_msg *msg, size_t hdrlen, int max)
{
	static struct nlattr *tb[64];

	memset(tb, 0, sizeof(tb));
	CHECK(max < 64);
	CHECK(nlmsg_parse(nlmsg_hdr(msg), (int)hdrlen, tb, max, NULL) == 0);
	return tb;
}

#endif
