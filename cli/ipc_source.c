// SPDX-License-Identifier: GPL-2.0
/*
 * Source lists: MVLAN_CMD_SOURCE_GET, and MVLAN_CMD_SOURCE_ADD, _DEL, _SET
 * and _FLUSH with lists of any length.
 */
#include <errno.h>
#include <stdbool.h>
#include <string.h>

#include <netlink/attr.h>
#include <netlink/genl/genl.h>

#include <linux/mvlan.h>

#include "ipc_priv.h"

/* --- listing ------------------------------------------------------------- */

/*
 * The attributes of a reply, walked inline: a dump of a million entries
 * spent more in libnl's nla_parse() with a policy and in the field table
 * than the kernel did filling them. The checks are the policy's: an
 * address of exactly MAC_LEN bytes, counters of at least 8; attributes of
 * other types are skipped, the last of a type wins.
 */
#define for_each_nla(a, head, len, rem)					\
	for ((a) = (head), (rem) = (len);				\
	     (rem) >= (int)NLA_HDRLEN && (a)->nla_len >= NLA_HDRLEN &&	\
	     (a)->nla_len <= (rem);					\
	     (rem) -= NLA_ALIGN((a)->nla_len),				\
	     (a) = (const struct nlattr *)((const char *)(a) +		\
					   NLA_ALIGN((a)->nla_len)))

static const void *nla_payload(const struct nlattr *a)
{
	return (const char *)a + NLA_HDRLEN;
}

static int get_counter(const struct nlattr *a, uint64_t *v,
		       struct mvipc_error *e)
{
	if (a->nla_len - NLA_HDRLEN < (int)sizeof(*v))
		return mvipc_fail(e, EPROTO, "malformed source entry");
	memcpy(v, nla_payload(a), sizeof(*v));
	return 0;
}

static int parse_entry(const struct nlattr *nest, struct entry_list *l,
		       struct mvipc_error *e)
{
	const struct nlattr *a;
	struct source_entry *se;
	bool has_addr = false;
	int rem, err = 0;

	se = ARRAY_ADD(l->e, l->n, l->cap);
	if (!se)
		return mvipc_fail(e, ENOMEM, NULL);
	for_each_nla(a, (const struct nlattr *)nla_payload(nest),
		     nest->nla_len - (int)NLA_HDRLEN, rem) {
		switch (a->nla_type & NLA_TYPE_MASK) {
		case MVLAN_SOURCE_A_ADDR:
			if (a->nla_len - NLA_HDRLEN != MAC_LEN)
				err = mvipc_fail(e, EPROTO,
						 "malformed source entry");
			else
				memcpy(se->addr, nla_payload(a), MAC_LEN);
			has_addr = true;
			break;
		case MVLAN_SOURCE_A_PACKETS:
			err = get_counter(a, &se->packets, e);
			break;
		case MVLAN_SOURCE_A_BYTES:
			err = get_counter(a, &se->bytes, e);
			break;
		case MVLAN_SOURCE_A_LAST_SEEN:
			err = get_counter(a, &se->last_seen, e);
			se->has_last_seen = true;
			break;
		}
		if (err)
			break;
	}
	if (!err && !has_addr)
		err = mvipc_fail(e, EPROTO, "source entry lacks MVLAN_SOURCE_A_ADDR");
	if (err)
		l->n--;
	return err;
}

/* A device and many MVLAN_A_SOURCE, the rest of the message ignored. */
int mvipc_parse_sources(struct nlmsghdr *nlh, struct entry_list *l,
			struct mvipc_error *e)
{
	const struct nlattr *nla;
	int rem, err;

	if (!genlmsg_valid_hdr(nlh, 0))
		return mvipc_fail(e, EPROTO, "malformed reply");
	for_each_nla(nla, genlmsg_attrdata(nlmsg_data(nlh), 0),
		     genlmsg_attrlen(nlmsg_data(nlh), 0), rem) {
		if ((nla->nla_type & NLA_TYPE_MASK) != MVLAN_A_SOURCE)
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
