/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mvlan: what the files of the generic netlink family share. The policies
 * and the attributes each request takes are generated from the YNL spec
 * (nl_gen.h); the rest is written here.
 */
#ifndef _MVLAN_NETLINK_H
#define _MVLAN_NETLINK_H

#include <net/genetlink.h>

#include "mvlan_priv.h"
#include "nl_gen.h"

/*
 * Where a message goes and what it answers: a reply carries the request's
 * port, sequence number and command; a dump's parts NLM_F_MULTI and, through
 * @cb, NLM_F_DUMP_INTR when the dump was interrupted; an event nothing but
 * its command.
 */
struct mvlan_nl_dest {
	u32			portid;
	u32			seq;
	int			flags;
	u8			cmd;
	struct netlink_callback	*cb;
};

/* What a request names: an mvlan device, or a port by its lower device. */
enum mvlan_nl_obj {
	MVLAN_NL_DEV,
	MVLAN_NL_PORT,
};

/*
 * A GET command: what its requests name, the attributes its do and its
 * dump take (nl_gen.h), and the fill of its messages, which describes the
 * device found: the mvlan device, or the lower device of the port.
 */
struct mvlan_nl_get {
	enum mvlan_nl_obj	what;
	unsigned long		do_attrs;
	unsigned long		dump_attrs;
	int			(*fill)(struct sk_buff *skb,
					const struct mvlan_nl_dest *to,
					const struct net_device *dev);
};

/* netlink.c */
extern struct genl_family mvlan_genl_family;

struct mvlan_dev *mvlan_nl_get_dev(struct net *net, struct nlattr **attrs,
				   struct netlink_ext_ack *extack);
int mvlan_nl_check_attrs(const struct genlmsghdr *hdr, unsigned long taken,
			 bool dump, struct netlink_ext_ack *extack);
void *mvlan_nl_msg_start(struct sk_buff *skb, const struct mvlan_nl_dest *to);
int mvlan_nl_msg_cancel(struct sk_buff *skb, void *hdr);
int mvlan_nl_put_dev_id(struct sk_buff *skb, const struct mvlan_dev *vlan);
int mvlan_nl_reply(struct genl_info *info, const struct mvlan_nl_get *get);
int mvlan_nl_dump(struct sk_buff *skb, struct netlink_callback *cb,
		  const struct mvlan_nl_get *get);
struct mvlan_nl_dest mvlan_nl_dump_dest(struct netlink_callback *cb);
struct sk_buff *mvlan_nl_event_new(struct net *net, size_t size);
void mvlan_nl_event_send(struct net *net, struct sk_buff *msg, int err);

/* nl_dev.c: DEV_GET, STATS_GET and PORT_GET; DEV_SET */
int mvlan_nl_get_doit(struct sk_buff *skb, struct genl_info *info);
int mvlan_nl_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int mvlan_nl_dev_set_doit(struct sk_buff *skb, struct genl_info *info);

/* nl_source.c */
int mvlan_nl_source_add_doit(struct sk_buff *skb, struct genl_info *info);
int mvlan_nl_source_del_doit(struct sk_buff *skb, struct genl_info *info);
int mvlan_nl_source_flush_doit(struct sk_buff *skb, struct genl_info *info);
int mvlan_nl_source_set_doit(struct sk_buff *skb, struct genl_info *info);
int mvlan_nl_source_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);

#endif /* _MVLAN_NETLINK_H */
