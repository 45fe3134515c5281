// SPDX-License-Identifier: GPL-2.0
/*
 * The network configuration: parsed with json-c, checked key by key, with
 * no I/O (what needs the kernel, the master and its MTU, add.c checks).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <linux/mvlan.h>

#include "cni.h"

const char *const cni_versions[CNI_NR_VERSIONS] = {
	[CNI_V030] = "0.3.0",
	[CNI_V031] = "0.3.1",
	[CNI_V040] = "0.4.0",
	[CNI_V100] = "1.0.0",
	[CNI_V110] = "1.1.0",
};

int cni_version_parse(const char *s)
{
	int v;

	for (v = 0; v < CNI_NR_VERSIONS; v++)
		if (!strcmp(s, cni_versions[v]))
			return v;
	return -1;
}

/* "0.3.0" "0.3.1" ..., as Go's %q prints a list of strings */
static void versions_list(char *buf, size_t size)
{
	size_t len = 0;
	int v;

	for (v = 0; v < CNI_NR_VERSIONS && len < size; v++)
		len += (size_t)snprintf(buf + len, size - len, "%s\"%s\"",
					v ? " " : "", cni_versions[v]);
}

static json_object *get(json_object *o, const char *key)
{
	json_object *v;

	return json_object_object_get_ex(o, key, &v) ? v : NULL;
}

/* JSON text to a document: 6 if it is not JSON or not an object. */
static int parse_doc(const char *text, size_t len, json_object **doc,
		     struct cni_err *e)
{
	struct json_tokener *tok = json_tokener_new();
	enum json_tokener_error jerr;
	json_object *o;

	if (!tok)
		return cni_fail(e, CNI_ERR_INTERNAL, "out of memory");
	if (len > INT32_MAX) {
		json_tokener_free(tok);
		return cni_fail(e, CNI_ERR_DECODE,
				"error unmarshall network config: too large");
	}
	o = json_tokener_parse_ex(tok, text, (int)len);
	jerr = json_tokener_get_error(tok);
	if (!o && jerr == json_tokener_continue)
		jerr = json_tokener_error_parse_eof;
	if (o && tok->char_offset < (int)len) {
		size_t i;

		/* what follows the document must be white space only */
		for (i = (size_t)tok->char_offset; i < len; i++)
			if (!strchr(" \t\r\n", text[i]))
				break;
		if (i < len) {
			json_object_put(o);
			o = NULL;
			jerr = json_tokener_error_parse_unexpected;
		}
	}
	json_tokener_free(tok);
	if (!o)
		return cni_fail(e, CNI_ERR_DECODE,
				"error unmarshall network config: %s",
				json_tokener_error_desc(jerr));
	if (!json_object_is_type(o, json_type_object)) {
		json_object_put(o);
		return cni_fail(e, CNI_ERR_DECODE,
				"error unmarshall network config: not a JSON object");
	}
	*doc = o;
	return 0;
}

bool cni_valid_name(const char *s)
{
	size_t i;

	if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z') ||
	      (s[0] >= '0' && s[0] <= '9')))
		return false;
	for (i = 1; s[i]; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		      (s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= '0' && s[i] <= '9') || strchr("_.-", s[i])))
			return false;
	return true;
}

int cni_conf_version(const char *text, size_t len, char *buf, size_t size,
		     struct cni_err *e)
{
	json_object *doc, *v;

	buf[0] = '\0';
	if (!len)
		return 0;
	if (parse_doc(text, len, &doc, e))
		return -1;
	v = get(doc, "cniVersion");
	if (v && !json_object_is_type(v, json_type_string)) {
		json_object_put(doc);
		return cni_fail(e, CNI_ERR_DECODE,
				"decoding version from network config: \"cniVersion\" is not a string");
	}
	if (v)
		snprintf(buf, size, "%s", json_object_get_string(v));
	json_object_put(doc);
	return 0;
}

/* --- key by key ------------------------------------------------------- */

/* Each returns 0, or -1 with e filled (code 7). */

static int key_string(json_object *o, const char *key, const char **s,
		      struct cni_err *e)
{
	json_object *v = get(o, key);

	if (!v || json_object_is_type(v, json_type_null))
		return 0;
	if (!json_object_is_type(v, json_type_string))
		return cni_fail(e, CNI_ERR_CONFIG, "\"%s\" must be a string",
				key);
	*s = json_object_get_string(v);
	return 0;
}

static int key_bool(json_object *o, const char *key, bool *b,
		    struct cni_err *e)
{
	json_object *v = get(o, key);

	if (!v || json_object_is_type(v, json_type_null))
		return 0;
	if (!json_object_is_type(v, json_type_boolean))
		return cni_fail(e, CNI_ERR_CONFIG,
				"\"%s\" must be true or false", key);
	*b = json_object_get_boolean(v);
	return 0;
}

/* An integer in [min, max]; *given says whether the key is there. */
static int key_int(json_object *o, const char *key, int64_t min, int64_t max,
		   int64_t *val, bool *given, struct cni_err *e)
{
	json_object *v = get(o, key);
	int64_t i;

	*given = false;
	if (!v || json_object_is_type(v, json_type_null))
		return 0;
	if (!json_object_is_type(v, json_type_int))
		return cni_fail(e, CNI_ERR_CONFIG,
				"\"%s\" must be an integer", key);
	errno = 0;
	i = json_object_get_int64(v);
	if (errno || i < min || i > max)
		return cni_fail(e, CNI_ERR_CONFIG,
				"\"%s\" %s is out of range [%lld, %lld]", key,
				json_object_get_string(v), (long long)min,
				(long long)max);
	*val = i;
	*given = true;
	return 0;
}

static int key_object(json_object *o, const char *key, json_object **obj,
		      struct cni_err *e)
{
	json_object *v = get(o, key);

	*obj = NULL;
	if (!v || json_object_is_type(v, json_type_null))
		return 0;
	if (!json_object_is_type(v, json_type_object))
		return cni_fail(e, CNI_ERR_CONFIG,
				"\"%s\" must be an object", key);
	*obj = v;
	return 0;
}

static int key_mac(json_object *o, const char *key, const char *what,
		   bool *has, uint8_t mac[MAC_LEN], struct cni_err *e)
{
	const char *s = NULL;
	char why[CNI_MSG_LEN / 2];
	int err;

	if (key_string(o, key, &s, e))
		return -1;
	if (!s || !*s)
		return 0;
	err = parse_mac_unicast(s, mac);
	if (err) {
		mac_strerror(why, sizeof(why), s, err);
		return cni_fail(e, CNI_ERR_CONFIG, "%s: %s", what, why);
	}
	*has = true;
	return 0;
}

static int key_sources(json_object *o, struct cni_conf *c, struct cni_err *e)
{
	json_object *v = get(o, "sources");
	size_t i, n;

	if (!v || json_object_is_type(v, json_type_null))
		return 0;
	if (!json_object_is_type(v, json_type_array))
		return cni_fail(e, CNI_ERR_CONFIG,
				"\"sources\" must be a list of MAC addresses");
	if (c->mode != MVLAN_MODE_SOURCE)
		return cni_fail(e, CNI_ERR_CONFIG,
				"\"sources\" needs \"mode\": \"source\", not \"%s\"",
				c->mode_str);
	n = json_object_array_length(v);
	for (i = 0; i < n; i++) {
		json_object *s = json_object_array_get_idx(v, i);
		uint8_t mac[MAC_LEN];
		char why[CNI_MSG_LEN / 2];
		int err;

		if (!json_object_is_type(s, json_type_string))
			return cni_fail(e, CNI_ERR_CONFIG,
					"sources[%zu]: not a string", i);
		err = parse_mac_unicast(json_object_get_string(s), mac);
		if (err) {
			mac_strerror(why, sizeof(why),
				     json_object_get_string(s), err);
			return cni_fail(e, CNI_ERR_CONFIG, "sources[%zu]: %s",
					i, why);
		}
		if (maclist_add(&c->sources, mac))
			return cni_fail(e, CNI_ERR_INTERNAL, "out of memory");
	}
	maclist_sort_unique(&c->sources);
	c->has_sources = true;
	return 0;
}

static int conf_keys(json_object *o, struct cni_conf *c, struct cni_err *e)
{
	const char *master = NULL;
	json_object *ipam, *rc;
	int64_t v = 0;
	bool given, nodst = false, nopromisc = false, hostbridge = false;

	if (key_string(o, "type", &c->type, e) ||
	    key_string(o, "master", &master, e))
		return -1;
	if (master && *master) {
		if (!valid_ifname(master))
			return cni_fail(e, CNI_ERR_CONFIG,
					"\"master\": \"%s\" is not a valid device name",
					master);
		snprintf(c->master, sizeof(c->master), "%s", master);
	}

	c->mode = MVLAN_MODE_BRIDGE;
	c->mode_str = "bridge";
	if (key_string(o, "mode", &c->mode_str, e))
		return -1;
	if (!c->mode_str || !*c->mode_str)
		c->mode_str = "bridge";
	if (parse_mode(c->mode_str, &c->mode))
		return cni_fail(e, CNI_ERR_CONFIG,
				"unknown mvlan mode: \"%s\" (private, vepa, bridge, passthru or source)",
				c->mode_str);

	if (key_int(o, "mtu", INT32_MIN, INT32_MAX, &c->mtu, &given, e))
		return -1;
	if (key_mac(o, "mac", "\"mac\"", &c->has_mac, c->mac, e) ||
	    key_bool(o, "linkInContainer", &c->link_in_container, e))
		return -1;
	if (key_int(o, "bcqueuelen", 0, UINT32_MAX, &v, &given, e))
		return -1;
	/* 0 is the default, as for the reference plugin */
	c->has_bcqueuelen = given && v;
	c->bcqueuelen = (uint32_t)v;
	if (key_int(o, "bclim", INT32_MIN, INT32_MAX, &v, &c->has_bclim, e))
		return -1;
	c->bclim = (int32_t)v;
	/*
	 * nodst and nopromisc mean nothing outside source and passthru mode
	 * and are taken in any, as the kernel takes them; hostbridge the
	 * kernel refuses outside bridge mode (mvlan_config_check()): refused
	 * here first, as "sources" is, with nothing made.
	 */
	if (key_bool(o, "nodst", &nodst, e) ||
	    key_bool(o, "nopromisc", &nopromisc, e) ||
	    key_bool(o, "hostbridge", &hostbridge, e))
		return -1;
	if (hostbridge && c->mode != MVLAN_MODE_BRIDGE)
		return cni_fail(e, CNI_ERR_CONFIG,
				"\"hostbridge\" needs \"mode\": \"bridge\", not \"%s\"",
				c->mode_str);
	c->flags = (nodst ? MVLAN_F_NODST : 0) |
		   (nopromisc ? MVLAN_F_NOPROMISC : 0) |
		   (hostbridge ? MVLAN_F_HOSTBRIDGE : 0);
	if (key_sources(o, c, e))
		return -1;

	if (key_object(o, "ipam", &ipam, e))
		return -1;
	if (ipam) {
		if (key_string(ipam, "type", &c->ipam_type, e))
			return -1;
		if (c->ipam_type && !*c->ipam_type)
			c->ipam_type = NULL;
		if (c->ipam_type && strchr(c->ipam_type, '/'))
			return cni_fail(e, CNI_ERR_CONFIG,
					"ipam.type \"%s\" is not a plugin name",
					c->ipam_type);
	}
	if (key_object(o, "dns", &c->dns, e) ||
	    key_object(o, "prevResult", &c->prev_result, e) ||
	    key_object(o, "runtimeConfig", &rc, e))
		return -1;
	if (rc) {
		bool has = false;
		uint8_t mac[MAC_LEN];

		if (key_mac(rc, "mac", "runtimeConfig.mac", &has, mac, e))
			return -1;
		if (has) {
			memcpy(c->mac, mac, MAC_LEN);
			c->has_mac = true;
			c->runtime_mac = true;
		}
	}

	c->attachments = get(o, "cni.dev/valid-attachments");
	if (!c->attachments)
		c->attachments = get(o, "cni.dev/attachments");
	if (c->attachments &&
	    !json_object_is_type(c->attachments, json_type_array))
		return cni_fail(e, CNI_ERR_CONFIG,
				"\"cni.dev/valid-attachments\" must be a list");
	return 0;
}

int cni_conf_parse(const char *text, size_t len, struct cni_conf *c,
		   struct cni_err *e)
{
	json_object *v;
	char list[128];
	int ver;

	memset(c, 0, sizeof(*c));
	if (parse_doc(text, len, &c->root, e))
		return -1;

	v = get(c->root, "name");
	if (v && !json_object_is_type(v, json_type_string)) {
		cni_fail(e, CNI_ERR_DECODE,
			 "error unmarshall network config: \"name\" is not a string");
		goto fail;
	}
	c->name = v ? json_object_get_string(v) : "";
	if (!*c->name) {
		cni_fail(e, CNI_ERR_CONFIG, "missing network name");
		goto fail;
	}
	if (!cni_valid_name(c->name)) {
		cni_fail_details(e, CNI_ERR_CONFIG, c->name,
				 "invalid characters found in network name");
		goto fail;
	}

	v = get(c->root, "cniVersion");
	if (v && !json_object_is_type(v, json_type_string)) {
		cni_fail(e, CNI_ERR_DECODE,
			 "decoding version from network config: \"cniVersion\" is not a string");
		goto fail;
	}
	c->version_str = v ? json_object_get_string(v) : "";
	ver = cni_version_parse(c->version_str);
	if (ver < 0) {
		char details[CNI_MSG_LEN];

		versions_list(list, sizeof(list));
		snprintf(details, sizeof(details),
			 "config is \"%s\", plugin supports [%s]",
			 *c->version_str ? c->version_str : "0.1.0", list);
		cni_fail_details(e, CNI_ERR_INCOMPATIBLE, details,
				 "incompatible CNI versions");
		goto fail;
	}
	c->version = (enum cni_version)ver;

	if (conf_keys(c->root, c, e))
		goto fail;
	return 0;
fail:
	cni_conf_free(c);
	return -1;
}

void cni_conf_apply_args(struct cni_conf *c, const struct cni_args *a)
{
	/* runtimeConfig.mac wins over CNI_ARGS, which wins over "mac" */
	if (a->has_mac && !c->runtime_mac) {
		memcpy(c->mac, a->mac, MAC_LEN);
		c->has_mac = true;
	}
}

void cni_conf_free(struct cni_conf *c)
{
	maclist_free(&c->sources);
	json_object_put(c->root);
	memset(c, 0, sizeof(*c));
}
