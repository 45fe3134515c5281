// SPDX-License-Identifier: GPL-2.0
/*
 * Source lists: MVLAN_CMD_SOURCE_GET, and MVLAN_CMD_SOURCE_ADD, _DEL, _SET
 * and _FLUSH with lists of any length.
 */
#include <errno.h>

#include <netlink/attr.h>
#include <netlink/genl/genl.h>

#include <linux/mvlan.h>

#include "ipc_priv.h"

/* --- listing ------------------------------------------------------------- */

static const struct nla_policy entry_policy[MVLAN_SOURCE_A_MAX + 1] = {
	[MVLAN_SOURCE_A_ADDR]		= { .minlen = MAC_LEN, .maxlen = MAC_LEN },
	[MVLAN_SOURCE_A_PACKETS]	= { .type = NLA_U64 },
	[MVLAN_SOURCE_A_BYTES]		= { .type = NLA_U64 },
	[MVLAN_SOURCE_A_LAST_SEEN]	= { .type = NLA_U64 },
};

#define HAS_LAST_SEEN	0x1

#define ENTRY_FIELD(attr, kind, member, req, has) \
	MVIPC_FIELD(struct source_entry, attr, kind, member, req, has)

static const struct mvipc_field entry_fields[] = {
	ENTRY_FIELD(MVLAN_SOURCE_A_ADDR, MVIPC_F_MAC, addr, true, 0),
	ENTRY_FIELD(MVLAN_SOURCE_A_PACKETS, MVIPC_F_U64, packets, false, 0),
	ENTRY_FIELD(MVLAN_SOURCE_A_BYTES, MVIPC_F_U64, bytes, false, 0),
	ENTRY_FIELD(MVLAN_SOURCE_A_LAST_SEEN, MVIPC_F_U64, last_seen, false,
		    HAS_LAST_SEEN),
};

static int parse_entry(struct nlattr *nest, struct entry_list *l,
		       struct mvipc_error *e)
{
	struct nlattr *tb[MVLAN_SOURCE_A_MAX + 1];
	struct source_entry *se;
	unsigned int present = 0;
	int err;

	if (nla_parse_nested(tb, MVLAN_SOURCE_A_MAX, nest,
			     entry_policy) < 0)
		return mvipc_fail(e, EPROTO, "malformed source entry");
	se = ARRAY_ADD(l->e, l->n, l->cap);
	if (!se)
		return mvipc_fail(e, ENOMEM, NULL);
	err = mvipc_fill(tb, entry_fields, ARRAY_SIZE(entry_fields), se,
			 &present, "source entry", e);
	if (err) {
		l->n--;
		return err;
	}
	se->has_last_seen = present & HAS_LAST_SEEN;
	return 0;
}

/* A device and many MVLAN_A_SOURCE, the rest of the message ignored. */
int mvipc_parse_sources(struct nlmsghdr *nlh, struct entry_list *l,
			struct mvipc_error *e)
{
	struct nlattr *nla;
	int rem, err;

	if (!genlmsg_valid_hdr(nlh, 0))
		return mvipc_fail(e, EPROTO, "malformed reply");
	nla_for_each_attr(nla, genlmsg_attrdata(nlmsg_data(nlh), 0),
			  genlmsg_attrlen(nlmsg_data(nlh), 0), rem) {
		if (nla_type(nla) != MVLAN_A_SOURCE)
			continue;
		err = parse_entry(nla, l, e);
		if (err)
			return err;
	}
	return 0;
}

struct list_state {
	struct entry_list *l;
	size_t start;
};

/* mvipc_reply_fn */
static int parse_into_list(struct nlmsghdr *nlh, void *arg,
			   struct mvipc_error *e)
{
	struct list_state *s = arg;

	return mvipc_parse_sources(nlh, s->l, e);
}

/* mvipc_reset_fn */
static void reset_list(void *arg)
{
	struct list_state *s = arg;

	s->l->n = s->start;
}

int mvipc_source_list(struct mvipc *ipc, const struct mvlan_dev *d,
		      struct entry_list *l, struct mvipc_error *e)
{
	struct list_state s = { .l = l, .start = l->n };
	if (mvipc_family(ipc, e))
		return -e->err;
	return mvipc_send(ipc, ipc->genl,
				      mvipc_msg_dev(ipc->family,
						    MVLAN_CMD_SOURCE_GET,
						    NLM_F_DUMP, d->ifindex,
						    d->name),
				      parse_into_list, reset_list, &s, e);
}

/* --- changing ------------------------------------------------------------ */

struct nl_msg *mvipc_msg_sources(int family, uint8_t cmd, const char *name,
				 const uint8_t (*mac)[MAC_LEN], size_t n,
				 size_t i)
{
	size_t chunks = mvipc_msg_chunks(n);
	size_t first = i * MVIPC_MSG_SOURCES_MAX;
	size_t count = n - first < MVIPC_MSG_SOURCES_MAX ?
		       n - first : MVIPC_MSG_SOURCES_MAX;
	uint32_t flags = mvipc_msg_set_flags(i, chunks);
	struct nl_msg *msg = mvipc_msg_new(family, cmd, 0, count);

	if (msg && (mvipc_msg_put_dev(msg, 0, name) ||
		    (count && mvipc_msg_put_sources(msg, mac + first, count)) ||
		    (cmd == MVLAN_CMD_SOURCE_SET && flags &&
		     nla_put_u32(msg, MVLAN_A_SOURCE_SET_FLAGS, flags)))) {
		nlmsg_free(msg);
		return NULL;
	}
	return msg;
}

int mvipc_source_change(struct mvipc *ipc, uint8_t cmd, const char *name,
			const uint8_t (*mac)[MAC_LEN], size_t n,
			struct mvipc_error *e)
{
	size_t i, chunks = mvipc_msg_chunks(n);
	int err = mvipc_family(ipc, e);

	for (i = 0; i < chunks && !err; i++)
		err = mvipc_send(ipc, ipc->genl,
				 mvipc_msg_sources(ipc->family, cmd, name, mac,
						   n, i),
				 NULL, NULL, NULL, e);
	return err;
}
