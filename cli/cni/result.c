// SPDX-License-Identifier: GPL-2.0
/*
 * Result documents: what an IPAM plugin returns (or a prevResult) read into
 * plain structures, and the ADD result written in the configuration's
 * version, as the specification lays it out for each.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "array.h"
#include "cni.h"

static json_object *get(json_object *o, const char *key)
{
	json_object *v;

	return json_object_object_get_ex(o, key, &v) ? v : NULL;
}

/* An address of either family into addr; its family, or 0. */
static int parse_ip(const char *s, uint8_t addr[16])
{
	if (inet_pton(AF_INET, s, addr) == 1)
		return AF_INET;
	if (inet_pton(AF_INET6, s, addr) == 1)
		return AF_INET6;
	return 0;
}

/* "addr/len" */
static int parse_cidr(const char *s, int *family, uint8_t addr[16],
		      uint8_t *len)
{
	char buf[INET6_ADDRSTRLEN + 8], *slash, *end;
	unsigned long l;

	if (strlen(s) >= sizeof(buf))
		return -EINVAL;
	strcpy(buf, s);
	slash = strchr(buf, '/');
	if (!slash || !slash[1])
		return -EINVAL;
	*slash = '\0';
	*family = parse_ip(buf, addr);
	if (!*family)
		return -EINVAL;
	errno = 0;
	l = strtoul(slash + 1, &end, 10);
	if (errno || *end || slash[1] < '0' || slash[1] > '9' ||
	    l > (*family == AF_INET ? 32UL : 128UL))
		return -EINVAL;
	*len = (uint8_t)l;
	return 0;
}

void cni_format_cidr(int family, const uint8_t *addr, unsigned int len,
		     char *buf, size_t size)
{
	char a[INET6_ADDRSTRLEN];

	inet_ntop(family, addr, a, sizeof(a));
	snprintf(buf, size, "%s/%u", a, len);
}

static json_object *ip_string(int family, const uint8_t *addr)
{
	char a[INET6_ADDRSTRLEN];

	inet_ntop(family, addr, a, sizeof(a));
	return json_object_new_string(a);
}

static int bad(struct cni_err *e, const char *what, size_t i, const char *why)
{
	return cni_fail(e, CNI_ERR_DECODE, "result: %s[%zu]: %s", what, i, why);
}

/* An optional string member: NULL if absent; -1 if not a string. */
static int opt_string(json_object *o, const char *key, const char **s)
{
	json_object *v = get(o, key);

	*s = NULL;
	if (!v || json_object_is_type(v, json_type_null))
		return 0;
	if (!json_object_is_type(v, json_type_string))
		return -1;
	*s = json_object_get_string(v);
	return 0;
}

/* An optional unsigned member: -1 if not one. */
static int opt_uint(json_object *o, const char *key, bool *has, uint32_t *v)
{
	json_object *x = get(o, key);
	int64_t i;

	*has = false;
	if (!x || json_object_is_type(x, json_type_null))
		return 0;
	if (!json_object_is_type(x, json_type_int))
		return -1;
	i = json_object_get_int64(x);
	if (i < 0 || i > UINT32_MAX)
		return -1;
	*v = (uint32_t)i;
	*has = true;
	return 0;
}

/* The array member key, or NULL; -1 if it is not an array. */
static int opt_array(json_object *o, const char *key, json_object **a)
{
	*a = get(o, key);
	if (*a && json_object_is_type(*a, json_type_null))
		*a = NULL;
	return *a && !json_object_is_type(*a, json_type_array) ? -1 : 0;
}

static int parse_ifaces(json_object *a, struct cni_result *r,
			struct cni_err *e)
{
	size_t i;

	for (i = 0; a && i < json_object_array_length(a); i++) {
		json_object *o = json_object_array_get_idx(a, i);
		const char *name, *mac, *sandbox;
		struct cni_iface *f;

		if (!json_object_is_type(o, json_type_object) ||
		    opt_string(o, "name", &name) || opt_string(o, "mac", &mac) ||
		    opt_string(o, "sandbox", &sandbox))
			return bad(e, "interfaces", i, "malformed");
		f = ARRAY_ADD(r->ifaces.v, r->ifaces.n, r->ifaces.cap);
		if (!f)
			return cni_fail(e, CNI_ERR_INTERNAL, "out of memory");
		snprintf(f->name, sizeof(f->name), "%s", name ? name : "");
		snprintf(f->mac, sizeof(f->mac), "%s", mac ? mac : "");
		f->sandbox = sandbox && *sandbox ? sandbox : NULL;
	}
	return 0;
}

static int parse_ips(json_object *a, struct cni_result *r, struct cni_err *e)
{
	size_t i;

	for (i = 0; a && i < json_object_array_length(a); i++) {
		json_object *o = json_object_array_get_idx(a, i), *idx;
		const char *addr, *gw;
		struct cni_ip *ip;

		if (!json_object_is_type(o, json_type_object) ||
		    opt_string(o, "address", &addr) ||
		    opt_string(o, "gateway", &gw))
			return bad(e, "ips", i, "malformed");
		ip = ARRAY_ADD(r->ips.v, r->ips.n, r->ips.cap);
		if (!ip)
			return cni_fail(e, CNI_ERR_INTERNAL, "out of memory");
		if (!addr || parse_cidr(addr, &ip->family, ip->addr,
					&ip->prefixlen))
			return bad(e, "ips", i, "address is not CIDR");
		if (gw) {
			uint8_t g[16];

			if (parse_ip(gw, g) != ip->family)
				return bad(e, "ips", i,
					   "gateway is not an address of the same family");
			memcpy(ip->gateway, g, sizeof(g));
			ip->has_gateway = true;
		}
		idx = get(o, "interface");
		if (idx && !json_object_is_type(idx, json_type_null)) {
			if (!json_object_is_type(idx, json_type_int) ||
			    json_object_get_int64(idx) < 0 ||
			    json_object_get_int64(idx) > INT32_MAX)
				return bad(e, "ips", i, "interface is not an index");
			ip->has_interface = true;
			ip->interface = (int)json_object_get_int64(idx);
		}
	}
	return 0;
}

static int parse_routes(json_object *a, struct cni_result *r,
			struct cni_err *e)
{
	size_t i;

	for (i = 0; a && i < json_object_array_length(a); i++) {
		json_object *o = json_object_array_get_idx(a, i);
		const char *dst, *gw;
		struct cni_route *rt;

		if (!json_object_is_type(o, json_type_object) ||
		    opt_string(o, "dst", &dst) || opt_string(o, "gw", &gw))
			return bad(e, "routes", i, "malformed");
		rt = ARRAY_ADD(r->routes.v, r->routes.n, r->routes.cap);
		if (!rt)
			return cni_fail(e, CNI_ERR_INTERNAL, "out of memory");
		if (!dst || parse_cidr(dst, &rt->family, rt->dst, &rt->dst_len))
			return bad(e, "routes", i, "dst is not CIDR");
		if (gw) {
			uint8_t g[16];

			if (parse_ip(gw, g) != rt->family)
				return bad(e, "routes", i,
					   "gw is not an address of the same family");
			memcpy(rt->gw, g, sizeof(g));
			rt->has_gw = true;
		}
		if (opt_uint(o, "priority", &rt->has_priority, &rt->priority) ||
		    opt_uint(o, "table", &rt->has_table, &rt->table) ||
		    opt_uint(o, "scope", &rt->has_scope, &rt->scope) ||
		    opt_uint(o, "mtu", &rt->has_mtu, &rt->mtu) ||
		    opt_uint(o, "advmss", &rt->has_advmss, &rt->advmss))
			return bad(e, "routes", i, "malformed number");
		/* rtm_scope is one byte */
		if (rt->has_scope && rt->scope > 255)
			return bad(e, "routes", i, "scope is out of range [0, 255]");
	}
	return 0;
}

int cni_result_parse(json_object *doc, struct cni_result *r,
		     struct cni_err *e)
{
	json_object *ifaces, *ips, *routes;

	memset(r, 0, sizeof(*r));
	if (!json_object_is_type(doc, json_type_object))
		return cni_fail(e, CNI_ERR_DECODE, "result: not a JSON object");
	if (opt_array(doc, "interfaces", &ifaces) ||
	    opt_array(doc, "ips", &ips) || opt_array(doc, "routes", &routes))
		return cni_fail(e, CNI_ERR_DECODE,
				"result: interfaces, ips and routes must be lists");
	if (parse_ifaces(ifaces, r, e) || parse_ips(ips, r, e) ||
	    parse_routes(routes, r, e)) {
		cni_result_free(r);
		return -1;
	}
	return 0;
}

void cni_result_free(struct cni_result *r)
{
	ARRAY_FREE(r->ifaces.v, r->ifaces.n, r->ifaces.cap);
	ARRAY_FREE(r->ips.v, r->ips.n, r->ips.cap);
	ARRAY_FREE(r->routes.v, r->routes.n, r->routes.cap);
}

/* --- writing ----------------------------------------------------------- */

static void add_uint(json_object *o, const char *key, bool has, uint32_t v)
{
	if (has)
		json_object_object_add(o, key, json_object_new_int64(v));
}

json_object *cni_result_doc(enum cni_version v, const struct cni_result *r,
			    json_object *dns)
{
	json_object *doc = json_object_new_object();
	json_object *ifaces = json_object_new_array();
	size_t i;

	if (!doc || !ifaces) {
		json_object_put(doc);
		json_object_put(ifaces);
		return NULL;
	}
	json_object_object_add(doc, "cniVersion",
			       json_object_new_string(cni_versions[v]));
	for (i = 0; i < r->ifaces.n; i++) {
		const struct cni_iface *f = &r->ifaces.v[i];
		json_object *o = json_object_new_object();

		json_object_object_add(o, "name", json_object_new_string(f->name));
		if (f->mac[0])
			json_object_object_add(o, "mac",
					       json_object_new_string(f->mac));
		if (f->sandbox)
			json_object_object_add(o, "sandbox",
					       json_object_new_string(f->sandbox));
		json_object_array_add(ifaces, o);
	}
	json_object_object_add(doc, "interfaces", ifaces);

	if (r->ips.n) {
		json_object *ips = json_object_new_array();

		for (i = 0; i < r->ips.n; i++) {
			const struct cni_ip *ip = &r->ips.v[i];
			json_object *o = json_object_new_object();
			char cidr[INET6_ADDRSTRLEN + 8];

			if (v < CNI_V100)
				json_object_object_add(o, "version",
						       json_object_new_string(ip->family == AF_INET ? "4" : "6"));
			if (ip->has_interface)
				json_object_object_add(o, "interface",
						       json_object_new_int(ip->interface));
			cni_format_cidr(ip->family, ip->addr, ip->prefixlen,
					cidr, sizeof(cidr));
			json_object_object_add(o, "address",
					       json_object_new_string(cidr));
			if (ip->has_gateway)
				json_object_object_add(o, "gateway",
						       ip_string(ip->family, ip->gateway));
			json_object_array_add(ips, o);
		}
		json_object_object_add(doc, "ips", ips);
	}

	if (r->routes.n) {
		json_object *routes = json_object_new_array();

		for (i = 0; i < r->routes.n; i++) {
			const struct cni_route *rt = &r->routes.v[i];
			json_object *o = json_object_new_object();
			char cidr[INET6_ADDRSTRLEN + 8];

			cni_format_cidr(rt->family, rt->dst, rt->dst_len,
					cidr, sizeof(cidr));
			json_object_object_add(o, "dst",
					       json_object_new_string(cidr));
			if (rt->has_gw)
				json_object_object_add(o, "gw",
						       ip_string(rt->family, rt->gw));
			if (v >= CNI_V110) {
				add_uint(o, "mtu", rt->has_mtu, rt->mtu);
				add_uint(o, "advmss", rt->has_advmss, rt->advmss);
				add_uint(o, "priority", rt->has_priority,
					 rt->priority);
				add_uint(o, "table", rt->has_table, rt->table);
				add_uint(o, "scope", rt->has_scope, rt->scope);
			}
			json_object_array_add(routes, o);
		}
		json_object_object_add(doc, "routes", routes);
	}

	json_object_object_add(doc, "dns", dns ? json_object_get(dns) :
			       json_object_new_object());
	return doc;
}
