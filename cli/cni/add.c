// SPDX-License-Identifier: GPL-2.0
/*
 * ADD and DEL. ADD makes the mvlan device on the master directly in the
 * container's netns under a temporary name, gives it its source list,
 * renames it to CNI_IFNAME, runs IPAM, sets the addresses and routes IPAM
 * returned and brings it up; on any failure after the device exists it
 * deletes it and releases the IPAM allocation. DEL releases the allocation
 * and deletes the device, and succeeds when either or both are gone.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include <linux/if_addr.h>
#include <linux/mvlan.h>

#include "array.h"
#include "cni.h"
#include "ipc.h"

/* How long ADD waits for IPv6 duplicate address detection, as ipam does. */
#define DAD_SETTLE_MS	5000

int cni_find_master(struct mvipc *ipc, const struct cni_conf *c,
		    struct mvipc_link *master, struct cni_err *e)
{
	static const int families[] = { AF_INET, AF_INET6 };
	struct mvipc_error ie;
	uint32_t ifindex = 0;
	size_t i;
	int err;

	if (c->master[0]) {
		err = mvipc_link_get(ipc, 0, c->master, master, &ie);
		if (err == -ENODEV)
			return cni_fail(e, CNI_ERR_CONFIG,
					"failed to lookup master \"%s\": no such device%s",
					c->master, c->link_in_container ?
					" in the container" : "");
		if (err)
			return cni_fail_ipc(e, &ie, "failed to lookup master \"%s\"",
					    c->master);
		return 0;
	}
	for (i = 0; i < sizeof(families) / sizeof(families[0]); i++) {
		err = mvipc_default_route(ipc, families[i], &ifindex, &ie);
		if (!err)
			break;
		if (err != -ENOENT)
			return cni_fail_ipc(e, &ie, "cannot read the routes");
	}
	if (!ifindex)
		return cni_fail(e, CNI_ERR_CONFIG,
				"no \"master\" given and no default route interface found");
	err = mvipc_link_get(ipc, ifindex, NULL, master, &ie);
	if (err)
		return cni_fail_ipc(e, &ie,
				    "cannot read the default route's device");
	return 0;
}

/* One ADD as it goes: what exists and must go again on failure. */
struct attach {
	struct cni_ctx *ctx;
	int ns_fd;
	struct mvipc *host, *ctr;
	struct mvipc_link master, dev;
	char tmpname[IFNAMSIZ];
	bool created;
	bool ipam_added;
};

/*
 * A temporary name: only unique (create() tries another on EEXIST), so it
 * never waits for the kernel's random pool, which may still be filling
 * when the first containers start at boot.
 */
static void tmp_name(char name[IFNAMSIZ])
{
	struct timespec ts;
	uint32_t r;

	if (getrandom(&r, sizeof(r), GRND_NONBLOCK) != sizeof(r)) {
		clock_gettime(CLOCK_MONOTONIC, &ts);
		r = (uint32_t)getpid() ^ (uint32_t)ts.tv_nsec ^
		    ((uint32_t)ts.tv_sec << 20);
	}
	snprintf(name, IFNAMSIZ, "mvtmp%08x", r);
}

/* The checks that need the kernel: master and MTU. 7 for a bad value. */
static int check_master(struct attach *a, struct cni_err *e)
{
	const struct cni_conf *c = &a->ctx->conf;

	if (cni_find_master(c->link_in_container ? a->ctr : a->host, c,
			    &a->master, e))
		return -1;
	if (c->mtu < 0 || c->mtu > (int64_t)a->master.mtu)
		return cni_fail(e, CNI_ERR_CONFIG,
				"invalid MTU %lld, must be [0, master MTU(%u)]",
				(long long)c->mtu, a->master.mtu);
	return 0;
}

static int create(struct attach *a, struct cni_err *e)
{
	const struct cni_conf *c = &a->ctx->conf;
	struct mvipc_newlink nl = {
		.name = a->tmpname,
		.link = a->master.ifindex,
		.mode = c->mode,
		.flags = c->flags,
	};
	struct mvipc_link l;
	struct mvipc_error ie;
	int tries;

	if (c->has_mac) {
		nl.given |= MVIPC_NEW_ADDRESS;
		memcpy(nl.address, c->mac, MAC_LEN);
	}
	if (c->mtu) {
		nl.given |= MVIPC_NEW_MTU;
		nl.mtu = (uint32_t)c->mtu;
	}
	if (c->has_bcqueuelen) {
		nl.given |= MVIPC_NEW_BC_QUEUE_LEN;
		nl.bc_queue_len = c->bcqueuelen;
	}
	if (c->has_bclim) {
		nl.given |= MVIPC_NEW_BC_CUTOFF;
		nl.bc_cutoff = c->bclim;
	}
	if (!c->link_in_container) {
		nl.given |= MVIPC_NEW_NETNS_FD;
		nl.netns_fd = a->ns_fd;
	}
	for (tries = 0; tries < 3; tries++) {
		int err;

		tmp_name(a->tmpname);
		err = mvipc_link_add(c->link_in_container ? a->ctr : a->host,
				     &nl, &ie);
		if (!err) {
			a->created = true;
			break;
		}
		if (err != -EEXIST)
			return cni_fail_ipc(e, &ie,
					    "failed to create the mvlan device on \"%s\"",
					    a->master.name);
	}
	if (!a->created)
		return cni_fail_ipc(e, &ie, "failed to create the mvlan device");
	/* a->dev only once read: its ifindex 0 until then (see undo()) */
	if (mvipc_link_get(a->ctr, 0, a->tmpname, &l, &ie))
		return cni_fail_ipc(e, &ie, "cannot find the new device %s",
				    a->tmpname);
	a->dev = l;
	return 0;
}

/* The source list, then the final name; the MAC as the kernel has it. */
static int finish_device(struct attach *a, struct cni_err *e)
{
	const struct cni_conf *c = &a->ctx->conf;
	const char *ifname = a->ctx->env.ifname;
	struct mvipc_link l;
	struct mvipc_error ie;

	if (c->has_sources && c->sources.n &&
	    mvipc_source_change(a->ctr, MVLAN_CMD_SOURCE_SET, a->tmpname,
				(const uint8_t (*)[MAC_LEN])c->sources.mac,
				c->sources.n, &ie))
		return cni_fail_ipc(e, &ie,
				    "failed to set the source list (%zu addresses)",
				    c->sources.n);
	if (mvipc_link_rename(a->ctr, a->dev.ifindex, ifname, &ie))
		return cni_fail_ipc(e, &ie, "failed to rename mvlan to \"%s\"",
				    ifname);
	/* a failed read leaves a->dev, and the ifindex undo() needs, as is */
	if (mvipc_link_get(a->ctr, a->dev.ifindex, NULL, &l, &ie))
		return cni_fail_ipc(e, &ie, "failed to refetch mvlan \"%s\"",
				    ifname);
	a->dev = l;
	return 0;
}

/* ipam.ConfigureIface's IPv6 steps: IPv6 on for lo and the device. */
static int enable_ipv6(const char *ifname, struct cni_err *e)
{
	const char *const devs[] = { "lo", ifname };
	char path[128];
	size_t i;
	int err;

	for (i = 0; i < 2; i++) {
		snprintf(path, sizeof(path), "net/ipv6/conf/%s/disable_ipv6",
			 devs[i]);
		err = cni_sysctl(path, "0");
		if (err && err != ENOENT)
			return cni_fail(e, CNI_ERR_INTERNAL,
					"failed to enable IPv6 for interface \"%s\": %s",
					devs[i], strerror(err));
	}
	snprintf(path, sizeof(path), "net/ipv6/conf/%s/keep_addr_on_down",
		 ifname);
	err = cni_sysctl(path, "1");
	if (err && err != ENOENT)
		return cni_fail(e, CNI_ERR_INTERNAL,
				"failed to enable keep_addr_on_down for interface \"%s\": %s",
				ifname, strerror(err));
	return 0;
}

/* Waits until no IPv6 address of the device is tentative any more. */
static int settle(struct attach *a, struct cni_err *e)
{
	struct timespec pause = { 0, 50 * 1000 * 1000 };
	struct mvipc_error ie;
	int waited;

	for (waited = 0; waited < DAD_SETTLE_MS; waited += 50) {
		struct mvipc_addr_list l = { 0 };
		bool tentative = false;
		size_t i;

		if (mvipc_addr_dump(a->ctr, AF_INET6, a->dev.ifindex, &l, &ie))
			return cni_fail_ipc(e, &ie, "cannot read the addresses");
		for (i = 0; i < l.n; i++) {
			if (l.addrs[i].flags & IFA_F_DADFAILED) {
				free(l.addrs);
				return cni_fail(e, CNI_ERR_INTERNAL,
						"duplicate address detection failed on \"%s\"",
						a->ctx->env.ifname);
			}
			if (l.addrs[i].flags & IFA_F_TENTATIVE)
				tentative = true;
		}
		free(l.addrs);
		if (!tentative)
			return 0;
		nanosleep(&pause, NULL);
	}
	return cni_fail(e, CNI_ERR_INTERNAL,
			"failed to settle addresses for \"%s\": still tentative after %d ms",
			a->ctx->env.ifname, DAD_SETTLE_MS);
}

/*
 * The addresses and routes of r, and up, as ipam.ConfigureIface does; a
 * route with its priority, table and scope as there, and its mtu and
 * advmss too, which the reference plugins leave out.
 */
static int configure(struct attach *a, const struct cni_result *r,
		     struct cni_err *e)
{
	const char *ifname = a->ctx->env.ifname;
	const struct cni_ip *v4gw = NULL, *v6gw = NULL;
	struct mvipc_error ie;
	char path[128], cidr[INET6_ADDRSTRLEN + 8];
	bool v6 = false;
	size_t i;
	int ret;

	if (cni_netns_enter(a->ns_fd, e))
		return -1;
	/* best effort, as the reference plugin: no error if these fail */
	snprintf(path, sizeof(path), "net/ipv4/conf/%s/arp_notify", ifname);
	cni_sysctl(path, "1");
	snprintf(path, sizeof(path), "net/ipv6/conf/%s/ndisc_notify", ifname);
	cni_sysctl(path, "1");
	for (i = 0; i < r->ips.n; i++)
		v6 |= r->ips.v[i].family == AF_INET6;
	ret = v6 ? enable_ipv6(ifname, e) : 0;
	if (ret) {
		struct cni_err ignored;

		cni_netns_leave(&ignored);
		return -1;
	}
	if (cni_netns_leave(e))
		return -1;

	for (i = 0; i < r->ips.n; i++) {
		const struct cni_ip *ip = &r->ips.v[i];
		struct mvipc_addr addr = {
			.family = ip->family,
			.ifindex = a->dev.ifindex,
			.prefixlen = ip->prefixlen,
		};

		memcpy(addr.addr, ip->addr, sizeof(addr.addr));
		cni_format_cidr(ip->family, ip->addr, ip->prefixlen, cidr,
				sizeof(cidr));
		if (mvipc_addr_add(a->ctr, &addr, &ie))
			return cni_fail_ipc(e, &ie,
					    "failed to add IP addr %s to \"%s\"",
					    cidr, ifname);
		if (ip->has_gateway && ip->family == AF_INET && !v4gw)
			v4gw = ip;
		if (ip->has_gateway && ip->family == AF_INET6 && !v6gw)
			v6gw = ip;
	}
	if (mvipc_link_set_up(a->ctr, a->dev.ifindex, true, &ie))
		return cni_fail_ipc(e, &ie, "failed to set \"%s\" up", ifname);
	if (v6gw && settle(a, e))
		return -1;

	for (i = 0; i < r->routes.n; i++) {
		const struct cni_route *rt = &r->routes.v[i];
		const struct cni_ip *gw = rt->family == AF_INET ? v4gw : v6gw;
		/* 1.1.0's keys as given; absent, the kernel's defaults */
		struct mvipc_route route = {
			.family = rt->family,
			.dst_len = rt->dst_len,
			.oif = a->dev.ifindex,
			.table = rt->has_table ? rt->table : 0,
			.priority = rt->has_priority ? rt->priority : 0,
			.mtu = rt->has_mtu ? rt->mtu : 0,
			.advmss = rt->has_advmss ? rt->advmss : 0,
			.has_scope = rt->has_scope,
			.scope = (uint8_t)rt->scope,	/* result.c: <= 255 */
		};

		memcpy(route.dst, rt->dst, sizeof(route.dst));
		if (rt->has_gw) {
			route.has_gateway = true;
			memcpy(route.gateway, rt->gw, sizeof(route.gateway));
		} else if (gw) {
			route.has_gateway = true;
			memcpy(route.gateway, gw->gateway, sizeof(route.gateway));
		}
		cni_format_cidr(rt->family, rt->dst, rt->dst_len, cidr,
				sizeof(cidr));
		if (mvipc_route_add(a->ctr, &route, &ie))
			return cni_fail_ipc(e, &ie,
					    "failed to add route %s dev %s",
					    cidr, ifname);
	}
	return 0;
}

/* IPAM ADD, its result checked and pointed at our interface. */
static int run_ipam(struct attach *a, struct cni_result *r, struct cni_err *e)
{
	json_object *doc = NULL;
	size_t i;
	int err;

	if (cni_ipam_exec(a->ctx, "ADD", &doc, e))
		return -1;
	a->ipam_added = true;
	err = cni_result_parse(doc, r, e);
	json_object_put(doc);
	if (err)
		return -1;
	/* what IPAM said about interfaces is not ours to keep */
	r->ifaces.n = 0;
	if (!r->ips.n)
		return cni_fail(e, CNI_ERR_INTERNAL,
				"IPAM plugin returned missing IP config");
	for (i = 0; i < r->ips.n; i++) {
		r->ips.v[i].has_interface = true;
		r->ips.v[i].interface = 0;
	}
	return 0;
}

/*
 * On failure: the device and the allocation go again. A device made but
 * never read (create() could not look it up) has no ifindex here yet, and
 * still its temporary name: it goes by that.
 */
static void undo(struct attach *a)
{
	struct mvipc_error ie;
	struct cni_err ignored;
	int err = 0;

	if (a->created)
		err = a->dev.ifindex ?
		      mvipc_link_del(a->ctr, a->dev.ifindex, &ie) :
		      mvipc_link_del_name(a->ctr, a->tmpname, &ie);
	if (err)
		fprintf(stderr, "mvlan: cannot delete %s again: %s\n",
			a->tmpname, mvipc_strerror(&ie));
	if (a->ipam_added &&
	    cni_ipam_exec(a->ctx, "DEL", NULL, &ignored))
		fprintf(stderr, "mvlan: IPAM DEL after a failed ADD: %s\n",
			ignored.msg);
}

int cni_cmd_add(struct cni_ctx *ctx, struct cni_err *e)
{
	struct attach a = { .ctx = ctx, .ns_fd = -1 };
	struct cni_result r = { 0 };
	struct cni_iface *f;
	struct mvipc_error ie;
	unsigned int socks = MVIPC_ROUTE;
	int ret = -1;

	if (ctx->conf.has_sources)
		socks |= MVIPC_GENL;
	if (cni_netns_open(ctx->env.netns, &a.ns_fd, e) == -ENOENT ||
	    a.ns_fd < 0)
		return -1;
	if (mvipc_open(&a.host, MVIPC_ROUTE, &ie)) {
		cni_fail_ipc(e, &ie, "cannot open netlink sockets");
		goto out;
	}
	if (cni_netns_open_ipc(a.ns_fd, socks, &a.ctr, e) || check_master(&a, e) ||
	    create(&a, e) || finish_device(&a, e))
		goto fail;

	if (ctx->conf.ipam_type) {
		if (run_ipam(&a, &r, e) || configure(&a, &r, e))
			goto fail;
	} else if (mvipc_link_set_up(a.ctr, a.dev.ifindex, true, &ie)) {
		cni_fail_ipc(e, &ie, "failed to set \"%s\" up", ctx->env.ifname);
		goto fail;
	}

	f = ARRAY_ADD(r.ifaces.v, r.ifaces.n, r.ifaces.cap);
	if (!f) {
		cni_fail(e, CNI_ERR_INTERNAL, "out of memory");
		goto fail;
	}
	snprintf(f->name, sizeof(f->name), "%s", ctx->env.ifname);
	if (a.dev.address_len == MAC_LEN)
		format_mac(a.dev.address, f->mac);
	f->sandbox = ctx->env.netns;
	ctx->out = cni_result_doc(ctx->conf.version, &r, ctx->conf.dns);
	if (!ctx->out) {
		cni_fail(e, CNI_ERR_INTERNAL, "out of memory");
		goto fail;
	}
	ret = 0;
	goto out;
fail:
	undo(&a);
out:
	cni_result_free(&r);
	mvipc_close(a.ctr);
	mvipc_close(a.host);
	if (a.ns_fd >= 0)
		close(a.ns_fd);
	return ret;
}

int cni_cmd_del(struct cni_ctx *ctx, struct cni_err *e)
{
	struct mvipc_link l;
	struct mvipc_error ie;
	struct mvipc *ctr = NULL;
	int fd, err, ret = -1;

	if (ctx->conf.ipam_type && cni_ipam_exec(ctx, "DEL", NULL, e))
		return -1;
	if (!ctx->env.netns || !*ctx->env.netns)
		return 0;
	err = cni_netns_open(ctx->env.netns, &fd, e);
	if (err == -ENOENT)
		return 0;	/* the netns is gone, and the device with it */
	if (err)
		return -1;
	if (cni_netns_open_ipc(fd, MVIPC_ROUTE, &ctr, e))
		goto out;
	err = mvipc_link_get(ctr, 0, ctx->env.ifname, &l, &ie);
	if (err == -ENODEV) {
		ret = 0;	/* deleted already */
		goto out;
	}
	if (err) {
		cni_fail_ipc(e, &ie, "cannot look up \"%s\"", ctx->env.ifname);
		goto out;
	}
	if (strcmp(l.kind, MVLAN_LINK_KIND)) {
		/* not ours: someone else made it, leave it */
		fprintf(stderr, "mvlan: DEL: \"%s\" is a %s device, not mvlan: left as it is\n",
			ctx->env.ifname, l.kind[0] ? l.kind : "plain");
		ret = 0;
		goto out;
	}
	err = mvipc_link_del(ctr, l.ifindex, &ie);
	if (err && err != -ENODEV) {
		cni_fail_ipc(e, &ie, "failed to delete \"%s\"", ctx->env.ifname);
		goto out;
	}
	ret = 0;
out:
	mvipc_close(ctr);
	close(fd);
	return ret;
}
