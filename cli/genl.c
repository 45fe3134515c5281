// SPDX-License-Identifier: GPL-2.0
/*
 * Requests of the "mvlan" generic netlink family.
 */
#include <netlink/attr.h>
#include <netlink/genl/genl.h>

#include <linux/mvlan.h>

#include "genl.h"

/* nla_total_size() of an MVLAN_A_SOURCE { MVLAN_SOURCE_A_ADDR } */
#define SOURCE_SIZE	(NLA_HDRLEN + NLA_ALIGN(NLA_HDRLEN + MAC_LEN))

struct nl_msg *mvmsg_new(int family, uint8_t cmd, int flags, size_t n)
{
	struct nl_msg *msg;

	msg = nlmsg_alloc_size(MVMSG_BASE_SIZE + n * SOURCE_SIZE);
	if (!msg)
		return NULL;
	if (!genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, family, 0, flags, cmd,
			 MVLAN_GENL_VERSION)) {
		nlmsg_free(msg);
		return NULL;
	}
	return msg;
}

int mvmsg_put_dev(struct nl_msg *msg, uint32_t ifindex, const char *name)
{
	int err = 0;

	if (ifindex)
		err = nla_put_u32(msg, MVLAN_A_IFINDEX, ifindex);
	if (!err && name)
		err = nla_put_string(msg, MVLAN_A_IFNAME, name);
	return err;
}

int mvmsg_put_sources(struct nl_msg *msg, const uint8_t (*mac)[MAC_LEN],
		      size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		struct nlattr *nest = nla_nest_start(msg, MVLAN_A_SOURCE);

		if (!nest || nla_put(msg, MVLAN_SOURCE_A_ADDR, MAC_LEN, mac[i]))
			return -NLE_NOMEM;
		nla_nest_end(msg, nest);
	}
	return 0;
}

size_t mvmsg_chunks(size_t n)
{
	return n ? (n + MVMSG_SOURCES_MAX - 1) / MVMSG_SOURCES_MAX : 1;
}

uint32_t mvmsg_set_flags(size_t i, size_t chunks)
{
	uint32_t flags = 0;

	if (i > 0)
		flags |= MVLAN_SOURCE_SET_F_CONTINUE;
	if (i + 1 < chunks)
		flags |= MVLAN_SOURCE_SET_F_MORE;
	return flags;
}
