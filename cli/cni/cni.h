/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The CNI plugin "mvlan": what its files share. The plugin follows the CNI
 * specification (0.3.0 to 1.1.0) and the reference macvlan plugin's keys
 * and behaviour; all kernel I/O goes through libmvipc (../ipc.h).
 *
 *   main.c     the command table, the checks every command makes first
 *   err.c      error objects (code, msg, details) and their mapping
 *   env.c      CNI_* variables and CNI_ARGS
 *   conf.c     the network configuration (pure: JSON in, struct out)
 *   result.c   IPAM results read and ADD results written (pure)
 *   ipam.c     running the IPAM plugin from CNI_PATH
 *   netns.c    entering the container's network namespace and back, ipc
 *              handles opened there
 *   add.c      ADD and DEL: the device, its addresses and routes
 *   check.c    CHECK
 *   status.c   STATUS and GC
 */
#ifndef MVLAN_CNI_H
#define MVLAN_CNI_H

#include <net/if.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <json-c/json.h>

#include "ipc_types.h"
#include "maclist.h"

/* --- versions and names (conf.c) ---------------------------------------- */

enum cni_version {
	CNI_V030,
	CNI_V031,
	CNI_V040,
	CNI_V100,
	CNI_V110,
	CNI_NR_VERSIONS,
};

extern const char *const cni_versions[CNI_NR_VERSIONS];

/* The version of name s, or -1 for one this plugin does not speak. */
int cni_version_parse(const char *s);

/*
 * A network name or container ID as the specification allows them,
 * [a-zA-Z0-9][a-zA-Z0-9_.\-]*, in ASCII whatever the locale.
 */
bool cni_valid_name(const char *s);

/* --- errors (err.c) ----------------------------------------------------- */

/* The well-known codes of the specification, and the plugin's own. */
#define CNI_ERR_INCOMPATIBLE	1	/* incompatible CNI version */
#define CNI_ERR_UNKNOWN_CONT	3	/* container unknown */
#define CNI_ERR_ENV		4	/* invalid environment variables */
#define CNI_ERR_IO		5	/* I/O failure */
#define CNI_ERR_DECODE		6	/* failed to decode content */
#define CNI_ERR_CONFIG		7	/* invalid network configuration */
#define CNI_ERR_AGAIN		11	/* try again later */
#define CNI_ERR_NOT_AVAILABLE	50	/* STATUS: cannot serve ADD */
#define CNI_ERR_INTERNAL	999	/* the kernel or a system call failed */

#define CNI_MSG_LEN		512

/*
 * An error result: code, msg (what failed, one line) and details (the
 * kernel's extended ACK message when it refused, or more context; "" for
 * none, left out of the document).
 */
struct cni_err {
	unsigned int code;
	char msg[CNI_MSG_LEN];
	char details[CNI_MSG_LEN];
};

/* Fills e; returns -1. */
int cni_fail(struct cni_err *e, unsigned int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The same with details. */
int cni_fail_details(struct cni_err *e, unsigned int code, const char *details,
		     const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/*
 * A failure of the ipc layer: "<what>: <strerror>", details the kernel's
 * extended ACK message; code 11 for EAGAIN and EINTR (a dump the kernel
 * interrupted, a signal: try again), 999 otherwise. Returns -1.
 */
int cni_fail_ipc(struct cni_err *e, const struct mvipc_error *ie,
		 const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* The error document, in version (NULL: the newest); the caller frees it. */
json_object *cni_err_doc(const struct cni_err *e, const char *version);

/* --- the environment (env.c) -------------------------------------------- */

struct cni_env {
	const char *command;
	const char *containerid;
	const char *netns;
	const char *ifname;
	const char *args;
	const char *path;
};

/* Bits of which variables a command needs. */
#define CNI_NEED_CONTAINERID	0x1
#define CNI_NEED_NETNS		0x2
#define CNI_NEED_IFNAME		0x4
#define CNI_NEED_PATH		0x8

void cni_env_read(struct cni_env *env);

/*
 * Code 4 with "required env variables [A,B] missing" (the reference
 * plugins' words) when a variable need asks for is unset or empty.
 */
int cni_env_require(const struct cni_env *env, unsigned int need,
		    struct cni_err *e);

/* CNI_CONTAINERID: 3 if empty, 4 for characters the spec does not allow. */
int cni_check_containerid(const char *id, struct cni_err *e);
/* CNI_IFNAME: a valid Linux device name, else 4. */
int cni_check_ifname(const char *name, struct cni_err *e);

/* What CNI_ARGS says to this plugin. */
struct cni_args {
	bool has_mac;
	uint8_t mac[MAC_LEN];
	bool ignore_unknown;
};

/*
 * "K=V;K2=V2": MAC (a unicast MAC address) and IgnoreUnknown (1, true, 0,
 * false, any case). Other keys are an error unless IgnoreUnknown is true.
 * 4 for a malformed pair, an unknown key or a bad value.
 */
int cni_args_parse(const char *args, struct cni_args *a, struct cni_err *e);

/* --- the configuration (conf.c) ----------------------------------------- */

struct cni_conf {
	json_object *root;		/* the whole document, owned */
	enum cni_version version;
	const char *version_str;	/* as given */
	const char *name;
	const char *type;
	char master[IFNAMSIZ];		/* "" if not given */
	uint32_t mode;			/* enum mvlan_mode */
	const char *mode_str;		/* "bridge" if not given */
	int64_t mtu;			/* 0: the master's; checked against it */
	bool has_mac;
	uint8_t mac[MAC_LEN];
	bool runtime_mac;		/* mac is runtimeConfig.mac */
	bool link_in_container;
	bool has_bcqueuelen;
	uint32_t bcqueuelen;
	bool has_bclim;
	int32_t bclim;
	uint32_t flags;			/* MVLAN_F_* */
	bool has_sources;
	struct maclist sources;		/* sorted, unique */
	const char *ipam_type;		/* NULL: no IPAM (layer 2 only) */
	json_object *dns;		/* the configuration's "dns", or NULL */
	json_object *prev_result;	/* "prevResult", or NULL */
	json_object *attachments;	/* GC: cni.dev/valid-attachments */
};

/*
 * Parses and checks the configuration in text (len bytes), as the
 * reference plugins do and in their order: JSON (6), "name" (7),
 * "cniVersion" (6 if not a string; 1 if not spoken; "" is 0.1.0), then
 * every key this plugin reads (7). On success c holds it all (free it
 * with cni_conf_free()); on failure c is empty.
 */
int cni_conf_parse(const char *text, size_t len, struct cni_conf *c,
		   struct cni_err *e);

/* Only "cniVersion", for VERSION: "" when absent. */
int cni_conf_version(const char *text, size_t len, char *buf, size_t size,
		     struct cni_err *e);

/*
 * The MAC of CNI_ARGS MAC= and runtimeConfig.mac, in the reference
 * plugin's order of precedence: runtimeConfig, CNI_ARGS, "mac".
 */
void cni_conf_apply_args(struct cni_conf *c, const struct cni_args *a);

void cni_conf_free(struct cni_conf *c);

/* --- results (result.c) ------------------------------------------------- */

struct cni_ip {
	int family;		/* AF_INET, AF_INET6 */
	uint8_t addr[16];
	uint8_t prefixlen;
	bool has_gateway;
	uint8_t gateway[16];
	bool has_interface;
	int interface;		/* index into interfaces */
};

struct cni_route {
	int family;
	uint8_t dst[16];
	uint8_t dst_len;
	bool has_gw;
	uint8_t gw[16];
	/* 1.1.0 */
	bool has_priority, has_table, has_scope, has_mtu, has_advmss;
	uint32_t priority, table, scope, mtu, advmss;
};

struct cni_iface {
	char name[IFNAMSIZ];
	char mac[MAC_STRLEN];	/* "" if none */
	const char *sandbox;	/* NULL: on the host */
};

/* What an IPAM plugin returned, or a prevResult. */
struct cni_result {
	struct { struct cni_iface *v; size_t n, cap; } ifaces;
	struct { struct cni_ip *v; size_t n, cap; } ips;
	struct { struct cni_route *v; size_t n, cap; } routes;
};

/*
 * Reads a result document of any version spoken here (ips with or
 * without "version", interfaces, routes). 6 for a document that is not
 * one: an address that is not CIDR, a key of the wrong type.
 */
int cni_result_parse(json_object *doc, struct cni_result *r,
		     struct cni_err *e);
void cni_result_free(struct cni_result *r);

/*
 * The ADD result in version v: the interfaces of r, its ips (each with
 * "interface" and, before 1.0.0, "version"), its routes (with 1.1.0's
 * keys only in 1.1.0), and dns (the configuration's, or {}). The caller
 * frees it; NULL without memory.
 */
json_object *cni_result_doc(enum cni_version v, const struct cni_result *r,
			    json_object *dns);

/* "addr/prefixlen" of family into buf (INET6_ADDRSTRLEN + 4 bytes). */
void cni_format_cidr(int family, const uint8_t *addr, unsigned int len,
		     char *buf, size_t size);

/* --- running the IPAM plugin (ipam.c) ----------------------------------- */

struct cni_ctx;

/*
 * Runs ipam.type from CNI_PATH with CNI_COMMAND=cmd, the other variables
 * as they are and the configuration as it came on stdin. On success and
 * when out is not NULL, *out is its parsed stdout (ADD). On failure e is
 * its error object, passed on as it is, or why it could not run.
 */
int cni_ipam_exec(const struct cni_ctx *ctx, const char *cmd,
		  json_object **out, struct cni_err *e);

/* --- network namespaces (netns.c) --------------------------------------- */

/* The host's netns, kept open while the plugin runs. */
int cni_netns_init(struct cni_err *e);

/*
 * Opens CNI_NETNS as path. -ENOENT (and e filled) when it does not exist,
 * other failures -1; a file that is not a network namespace is 4.
 */
int cni_netns_open(const char *path, int *fd, struct cni_err *e);

/* Moves the process into the netns of fd, or back to the host's. */
int cni_netns_enter(int fd, struct cni_err *e);
int cni_netns_leave(struct cni_err *e);

/*
 * An ipc handle with the sockets socks asks for (MVIPC_*) opened in the
 * netns of fd, the process back in the host's after; *ipc is NULL on
 * failure: the netns not entered or left, or the sockets not opened
 * ("cannot open netlink sockets in the container", cni_fail_ipc()).
 */
struct mvipc;
int cni_netns_open_ipc(int fd, unsigned int socks, struct mvipc **ipc,
		       struct cni_err *e);

/* Writes value to /proc/sys/PATH in the current netns; errno on failure. */
int cni_sysctl(const char *path, const char *value);

/* --- the commands ------------------------------------------------------- */

/* What every command gets. */
struct cni_ctx {
	struct cni_env env;
	struct cni_conf conf;
	const char *stdin_text;		/* the configuration, as read */
	size_t stdin_len;
	json_object *out;		/* the result to print, if any */
};

int cni_cmd_add(struct cni_ctx *ctx, struct cni_err *e);
int cni_cmd_del(struct cni_ctx *ctx, struct cni_err *e);
int cni_cmd_check(struct cni_ctx *ctx, struct cni_err *e);
int cni_cmd_status(struct cni_ctx *ctx, struct cni_err *e);
int cni_cmd_gc(struct cni_ctx *ctx, struct cni_err *e);

/*
 * The lower device: "master", else the device of the default route
 * (IPv4, then IPv6), in the handle's netns; its ifindex and MTU. 7 when
 * it does not exist or there is no default route.
 */
int cni_find_master(struct mvipc *ipc, const struct cni_conf *c,
		    struct mvipc_link *master, struct cni_err *e);

#endif /* MVLAN_CNI_H */
