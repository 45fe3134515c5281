// SPDX-License-Identifier: GPL-2.0
/*
 * CHECK: the attachment prevResult describes is still there as ADD made
 * it: the device in the container's netns, an mvlan device on the master
 * in the configured mode with the MAC and source list of the result and
 * the configuration, its addresses and its routes; and IPAM's CHECK.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <linux/mvlan.h>

#include "cni.h"
#include "ipc.h"

/* The interface of prevResult called CNI_IFNAME in CNI_NETNS. */
static const struct cni_iface *find_iface(const struct cni_result *r,
					  const struct cni_env *env,
					  int *index)
{
	size_t i;

	for (i = 0; i < r->ifaces.n; i++)
		if (!strcmp(r->ifaces.v[i].name, env->ifname) &&
		    r->ifaces.v[i].sandbox &&
		    !strcmp(r->ifaces.v[i].sandbox, env->netns)) {
			*index = (int)i;
			return &r->ifaces.v[i];
		}
	return NULL;
}

static int check_device(struct mvipc *ctr, const struct cni_conf *c,
			const struct mvipc_link *master,
			const struct cni_iface *f, struct mvipc_link *l,
			struct cni_err *e)
{
	struct mvipc_error ie;
	char mac[MAC_STRLEN];
	int err;

	err = mvipc_link_get(ctr, 0, f->name, l, &ie);
	if (err == -ENODEV)
		return cni_fail(e, CNI_ERR_INTERNAL,
				"container interface name in prevResult: %s not found",
				f->name);
	if (err)
		return cni_fail_ipc(e, &ie, "cannot look up \"%s\"", f->name);
	if (strcmp(l->kind, MVLAN_LINK_KIND))
		return cni_fail(e, CNI_ERR_INTERNAL,
				"container interface %s is not of type mvlan (%s)",
				f->name, l->kind[0] ? l->kind : "no kind");
	/* the master is in the container's netns, or in the host's */
	if (l->link != master->ifindex ||
	    l->link_netns == c->link_in_container)
		return cni_fail(e, CNI_ERR_INTERNAL,
				"container interface %s is not on master \"%s\"",
				f->name, master->name);
	if (!l->has_mvlan || l->mvlan_mode != c->mode)
		return cni_fail(e, CNI_ERR_INTERNAL,
				"container mvlan mode %s does not match expected value: %s",
				l->has_mvlan && mode_name(l->mvlan_mode) ?
				mode_name(l->mvlan_mode) : "unknown",
				c->mode_str);
	if (l->mvlan_flags != c->flags)
		return cni_fail(e, CNI_ERR_INTERNAL,
				"container interface %s has flags %#x, not %#x",
				f->name, l->mvlan_flags, c->flags);
	if (l->address_len == MAC_LEN)
		format_mac(l->address, mac);
	else
		mac[0] = '\0';
	if (f->mac[0] && strcasecmp(f->mac, mac))
		return cni_fail(e, CNI_ERR_INTERNAL,
				"interface %s Mac %s doesn't match container Mac: %s",
				f->name, f->mac, mac);
	return 0;
}

/* The source list has as many entries as the configuration's. */
static int check_sources(struct mvipc *ctr, const struct cni_conf *c,
			 const char *name, struct cni_err *e)
{
	struct mvlan_dev d;
	struct mvipc_error ie;
	size_t want = c->has_sources ? c->sources.n : 0;

	if (c->mode != MVLAN_MODE_SOURCE)
		return 0;
	if (mvipc_dev_get(ctr, name, &d, &ie))
		return cni_fail_ipc(e, &ie, "cannot read mvlan device \"%s\"",
				    name);
	if (!(d.present & DEV_HAS_SOURCE_COUNT) || d.source_count != want)
		return cni_fail(e, CNI_ERR_INTERNAL,
				"container interface %s has %u source addresses, not %zu",
				name, d.source_count, want);
	return 0;
}

static int check_addrs(struct mvipc *ctr, const struct cni_result *r,
		       int index, const struct mvipc_link *l,
		       struct cni_err *e)
{
	struct mvipc_addr_list have = { 0 };
	struct mvipc_error ie;
	size_t i, j;
	int ret = 0;

	if (mvipc_addr_dump(ctr, AF_UNSPEC, l->ifindex, &have, &ie))
		return cni_fail_ipc(e, &ie, "cannot read the addresses of %s",
				    l->name);
	for (i = 0; i < r->ips.n && !ret; i++) {
		const struct cni_ip *ip = &r->ips.v[i];
		char cidr[INET6_ADDRSTRLEN + 8];
		size_t len = ip->family == AF_INET ? 4 : 16;

		if (!ip->has_interface || ip->interface != index)
			continue;
		for (j = 0; j < have.n; j++)
			if (have.addrs[j].family == ip->family &&
			    have.addrs[j].prefixlen == ip->prefixlen &&
			    !memcmp(have.addrs[j].addr, ip->addr, len))
				break;
		if (j == have.n) {
			cni_format_cidr(ip->family, ip->addr, ip->prefixlen,
					cidr, sizeof(cidr));
			ret = cni_fail(e, CNI_ERR_INTERNAL,
				       "failed to find ip address %s on %s",
				       cidr, l->name);
		}
	}
	free(have.addrs);
	return ret;
}

/*
 * Each route of the result is there, in any table: the same family,
 * destination and, when the result names one, gateway, as the reference
 * plugins' ip.ValidateExpectedRoute() compares them. A route's 1.1.0 keys
 * (priority, table, mtu, advmss, scope) are not compared, on purpose,
 * although ADD applies them: the prevResult of an ADD by an earlier
 * mvlan, which left mtu, advmss and scope out, has them for a route that
 * has not, and would fail CHECK; the kernel clamps mtu and advmss; an
 * IPv6 route has no scope of its own (the kernel ignores rtm_scope).
 */
static int check_routes(struct mvipc *ctr, const struct cni_result *r,
			struct cni_err *e)
{
	static const int families[] = { AF_INET, AF_INET6 };
	struct mvipc_route_list have = { 0 };
	struct mvipc_error ie;
	size_t i, j, f;
	int ret = 0;

	for (f = 0; f < 2; f++)
		if (mvipc_route_dump(ctr, families[f], &have, &ie)) {
			free(have.routes);
			return cni_fail_ipc(e, &ie, "cannot read the routes");
		}
	for (i = 0; i < r->routes.n && !ret; i++) {
		const struct cni_route *rt = &r->routes.v[i];
		size_t len = rt->family == AF_INET ? 4 : 16;
		char cidr[INET6_ADDRSTRLEN + 8];

		for (j = 0; j < have.n; j++) {
			const struct mvipc_route *h = &have.routes[j];

			if (h->family == rt->family &&
			    h->dst_len == rt->dst_len &&
			    !memcmp(h->dst, rt->dst, len) &&
			    (!rt->has_gw ||
			     (h->has_gateway && !memcmp(h->gateway, rt->gw, len))))
				break;
		}
		if (j == have.n) {
			cni_format_cidr(rt->family, rt->dst, rt->dst_len, cidr,
					sizeof(cidr));
			ret = cni_fail(e, CNI_ERR_INTERNAL,
				       "route to %s%s not found", cidr,
				       rt->has_gw ? " via its gw" : "");
		}
	}
	free(have.routes);
	return ret;
}

int cni_cmd_check(struct cni_ctx *ctx, struct cni_err *e)
{
	const struct cni_conf *c = &ctx->conf;
	struct cni_result r = { 0 };
	const struct cni_iface *f;
	struct mvipc_link master, l;
	struct mvipc *host = NULL, *ctr = NULL;
	struct mvipc_error ie;
	int fd = -1, index = -1, ret = -1, err;

	if (c->ipam_type && cni_ipam_exec(ctx, "CHECK", NULL, e))
		return -1;
	if (!c->prev_result)
		return cni_fail(e, CNI_ERR_CONFIG, "required prevResult missing");
	if (cni_result_parse(c->prev_result, &r, e))
		return -1;
	f = find_iface(&r, &ctx->env, &index);
	if (!f) {
		cni_fail(e, CNI_ERR_INTERNAL,
			 "sandbox in prevResult doesn't match configured netns: %s (no interface %s there)",
			 ctx->env.netns, ctx->env.ifname);
		goto out;
	}
	err = cni_netns_open(ctx->env.netns, &fd, e);
	if (err)
		goto out;
	if (cni_netns_open_ipc(fd, MVIPC_ROUTE | MVIPC_GENL, &ctr, e))
		goto out;
	if (!c->link_in_container && mvipc_open(&host, MVIPC_ROUTE, &ie)) {
		cni_fail_ipc(e, &ie, "cannot open netlink sockets");
		goto out;
	}
	if (cni_find_master(c->link_in_container ? ctr : host, c, &master, e) ||
	    check_device(ctr, c, &master, f, &l, e) ||
	    check_sources(ctr, c, l.name, e) ||
	    check_addrs(ctr, &r, index, &l, e) || check_routes(ctr, &r, e))
		goto out;
	ret = 0;
out:
	mvipc_close(host);
	mvipc_close(ctr);
	if (fd >= 0)
		close(fd);
	cni_result_free(&r);
	return ret;
}
