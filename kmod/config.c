// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mvlan: a device's settings (mode, flags, bcqueuelen, bclim) as both
 * netlink surfaces carry them, IFLA_MVLAN_* in rtnetlink's IFLA_INFO_DATA
 * and MVLAN_A_* in the genl family: read from a request, applied with
 * macvlan's rules, and reported with what the port makes of them. Each
 * surface only names the attributes (struct mvlan_config_attrs); a new
 * setting is parsed, applied and reported here, once. What a setting takes
 * on the port (hostbridge's hook) is taken and given back here too.
 */
#include <linux/log2.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <net/netlink.h>

#include "hostbridge.h"
#include "mvlan_priv.h"

const struct mvlan_config_attrs mvlan_rtnl_config_attrs = {
	.mode			= IFLA_MVLAN_MODE,
	.flags			= IFLA_MVLAN_FLAGS,
	.bc_queue_len		= IFLA_MVLAN_BC_QUEUE_LEN,
	.bc_queue_len_used	= IFLA_MVLAN_BC_QUEUE_LEN_USED,
	.bc_cutoff		= IFLA_MVLAN_BC_CUTOFF,
	.source_count		= IFLA_MVLAN_SOURCE_COUNT,
};

const struct mvlan_config_attrs mvlan_genl_config_attrs = {
	.mode			= MVLAN_A_MODE,
	.flags			= MVLAN_A_FLAGS,
	.bc_queue_len		= MVLAN_A_BC_QUEUE_LEN,
	.bc_queue_len_used	= MVLAN_A_BC_QUEUE_LEN_USED,
	.bc_cutoff		= MVLAN_A_BC_CUTOFF,
	.source_count		= MVLAN_A_SOURCE_COUNT,
};

/*
 * The changes a request asks for: @tb holds its attributes (NULL for
 * none), which the surface's policy has validated, named by @a. Only the
 * settings are read, never the reported values.
 */
int mvlan_config_parse(struct mvlan_config *cfg, struct nlattr **tb,
		       const struct mvlan_config_attrs *a,
		       struct netlink_ext_ack *extack)
{
	memset(cfg, 0, sizeof(*cfg));
	if (!tb)
		return 0;
	if (tb[a->mode]) {
		cfg->set_mode = true;
		cfg->mode_attr = tb[a->mode];
		cfg->mode = nla_get_u32(tb[a->mode]);
		/* the policy allows known bits only: exactly one of them */
		if (!is_power_of_2(cfg->mode)) {
			NL_SET_ERR_MSG_MOD(extack, "exactly one mode must be given");
			NL_SET_BAD_ATTR(extack, tb[a->mode]);
			return -EINVAL;
		}
	}
	if (tb[a->flags]) {
		cfg->set_flags = true;
		cfg->flags_attr = tb[a->flags];
		cfg->flags = nla_get_u32(tb[a->flags]);
	}
	if (tb[a->bc_queue_len]) {
		cfg->set_bc_queue_len = true;
		cfg->bc_queue_len = nla_get_u32(tb[a->bc_queue_len]);
	}
	if (tb[a->bc_cutoff]) {
		cfg->set_bc_cutoff = true;
		cfg->bc_cutoff = nla_get_s32(tb[a->bc_cutoff]);
	}
	return 0;
}

/*
 * hostbridge is for bridge mode only, so a device with it changes mode only
 * if the same request clears it: a request that would leave it on a device
 * in another mode is refused, as any bad request, rather than clearing it
 * unasked. @mode and @flags: the device's now.
 */
static int mvlan_config_check(const struct mvlan_config *cfg, u32 mode,
			      u32 flags, struct netlink_ext_ack *extack)
{
	u32 new_mode = cfg->set_mode ? cfg->mode : mode;
	u32 new_flags = cfg->set_flags ? cfg->flags : flags;

	if (!(new_flags & MVLAN_F_HOSTBRIDGE) || new_mode == MVLAN_MODE_BRIDGE)
		return 0;
	if (cfg->set_flags && !(flags & MVLAN_F_HOSTBRIDGE)) {
		NL_SET_ERR_MSG_MOD(extack, "hostbridge is for bridge mode only");
		NL_SET_BAD_ATTR(extack, cfg->flags_attr);
	} else {
		NL_SET_ERR_MSG_MOD(extack,
				   "the device has hostbridge, which is for bridge mode only: clear it to leave bridge mode");
		NL_SET_BAD_ATTR(extack, cfg->mode_attr);
	}
	return -EINVAL;
}

/* The settings of a new device: @cfg with the defaults filled in. */
int mvlan_config_check_new(const struct mvlan_config *cfg,
			   struct netlink_ext_ack *extack)
{
	return mvlan_config_check(cfg, cfg->mode, 0, extack);
}

/*
 * A new device's settings take their part of the port, once it is
 * registered and before it is on the port's list; mvlan_config_detach()
 * gives it back when it goes (dellink, or a failed creation).
 */
int mvlan_config_attach(struct mvlan_dev *vlan, struct netlink_ext_ack *extack)
{
	ASSERT_RTNL();

	if (vlan->flags & MVLAN_F_HOSTBRIDGE)
		return mvlan_hostbridge_get(vlan->port, extack);
	return 0;
}

void mvlan_config_detach(struct mvlan_dev *vlan)
{
	ASSERT_RTNL();

	if (vlan->flags & MVLAN_F_HOSTBRIDGE)
		mvlan_hostbridge_put(vlan->port);
}

/* The room mvlan_config_fill() takes, on either surface. */
size_t mvlan_config_size(void)
{
	return nla_total_size(sizeof(u32)) +	/* mode */
	       nla_total_size(sizeof(u32)) +	/* flags */
	       nla_total_size(sizeof(u32)) +	/* bc_queue_len */
	       nla_total_size(sizeof(u32)) +	/* bc_queue_len_used */
	       nla_total_size(sizeof(s32)) +	/* bc_cutoff */
	       nla_total_size(sizeof(u32));	/* source_count */
}

/* @vlan's settings and what the port makes of them, as @a names them. */
int mvlan_config_fill(struct sk_buff *skb, const struct mvlan_dev *vlan,
		      const struct mvlan_config_attrs *a)
{
	if (nla_put_u32(skb, a->mode, vlan->mode) ||
	    nla_put_u32(skb, a->flags, vlan->flags) ||
	    nla_put_u32(skb, a->bc_queue_len, vlan->bc_queue_len_req) ||
	    nla_put_u32(skb, a->bc_queue_len_used,
			READ_ONCE(vlan->port->bc_queue_len_used)) ||
	    nla_put_s32(skb, a->bc_cutoff, vlan->port->bc_cutoff) ||
	    nla_put_u32(skb, a->source_count, vlan->source_count))
		return -EMSGSIZE;
	return 0;
}

/*
 * Apply a configuration change to an existing device, with macvlan's rules:
 * never into or out of passthru mode; leaving source mode flushes the
 * source list; and hostbridge's (mvlan_config_check()). The same code
 * serves rtnetlink and the genl family; nothing changes when an error is
 * returned: what can fail comes first.
 */
int mvlan_change(struct mvlan_dev *vlan, const struct mvlan_config *cfg,
		 struct netlink_ext_ack *extack)
{
	bool passthru = vlan->mode == MVLAN_MODE_PASSTHRU;
	bool to_passthru = cfg->mode == MVLAN_MODE_PASSTHRU;
	u32 hb_change = cfg->set_flags ?
			(cfg->flags ^ vlan->flags) & MVLAN_F_HOSTBRIDGE : 0;
	bool hb_on = hb_change && (cfg->flags & MVLAN_F_HOSTBRIDGE);
	bool changed = false;
	int err;

	ASSERT_RTNL();

	if (cfg->set_mode && to_passthru != passthru) {
		NL_SET_ERR_MSG_MOD(extack,
				   "cannot change into or out of passthru mode");
		return -EINVAL;
	}
	err = mvlan_config_check(cfg, vlan->mode, vlan->flags, extack);
	if (err)
		return err;

	if (hb_on) {
		err = mvlan_hostbridge_get(vlan->port, extack);
		if (err)
			return err;
	} else if (cfg->set_flags &&
		   (cfg->flags & vlan->flags & MVLAN_F_HOSTBRIDGE)) {
		/* set again: hooks a lower that a netns move left unhooked */
		err = mvlan_hostbridge_rehook(vlan->port, extack);
		if (err)
			return err;
	}

	if (cfg->set_flags && passthru && netif_running(vlan->dev) &&
	    ((cfg->flags ^ vlan->flags) & MVLAN_F_NOPROMISC)) {
		err = dev_set_promiscuity(vlan->lowerdev,
					  cfg->flags & MVLAN_F_NOPROMISC ? -1 : 1);
		if (err < 0) {
			if (hb_on)
				mvlan_hostbridge_put(vlan->port);
			return err;
		}
	}

	if (cfg->set_flags && cfg->flags != vlan->flags) {
		WRITE_ONCE(vlan->flags, cfg->flags);
		changed = true;
	}
	if (cfg->set_bc_queue_len && cfg->bc_queue_len != vlan->bc_queue_len_req) {
		vlan->bc_queue_len_req = cfg->bc_queue_len;
		mvlan_port_recount_bc_queue_len(vlan->port);
		changed = true;
	}
	if (cfg->set_bc_cutoff && cfg->bc_cutoff != vlan->port->bc_cutoff) {
		mvlan_port_set_bc_cutoff(vlan->port, cfg->bc_cutoff);
		changed = true;
	}
	if (cfg->set_mode && cfg->mode != vlan->mode) {
		if (vlan->mode == MVLAN_MODE_SOURCE) {
			u32 flushed;

			mvlan_source_txn_abort(vlan);
			flushed = mvlan_source_flush(vlan);
			if (flushed)
				mvlan_nl_notify_source(vlan, 0, flushed);
		}
		WRITE_ONCE(vlan->mode, cfg->mode);
		changed = true;
	}
	/* the flag is off: no frame takes the hook for this device now */
	if (hb_change && !hb_on)
		mvlan_hostbridge_put(vlan->port);

	if (changed)
		mvlan_nl_notify_dev(vlan->dev, MVLAN_CMD_DEV_CHANGE);
	return 0;
}
