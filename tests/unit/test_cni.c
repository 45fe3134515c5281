// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the CNI plugin's pure parts (cli/cni): the configuration
 * parser (conf.c), CNI_ARGS and the variables' checks (env.c), result
 * documents read and written (result.c) and error objects (err.c).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <linux/mvlan.h>

#include "array.h"
#include "cni/cni.h"
#include "unit.h"

static struct cni_conf c;
static struct cni_err e;

static int parse(const char *text)
{
	memset(&e, 0, sizeof(e));
	cni_conf_free(&c);
	return cni_conf_parse(text, strlen(text), &c, &e);
}

/* a configuration that fails: its code and message */
static void parse_fails(const char *text, unsigned int code, const char *msg)
{
	CHECK(parse(text) == -1);
	CHECK(e.code == code);
	CHECK_STR(e.msg, msg);
	CHECK(c.root == NULL);
}

static const char *doc_str(json_object *doc)
{
	static char buf[4096];

	snprintf(buf, sizeof(buf), "%s",
		 json_object_to_json_string_ext(doc, JSON_C_TO_STRING_PLAIN |
						JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(doc);
	return buf;
}

#define BASE "\"cniVersion\":\"1.0.0\",\"name\":\"net\",\"type\":\"mvlan\""

static void test_conf_defaults(void)
{
	CHECK(parse("{" BASE "}") == 0);
	CHECK(c.version == CNI_V100);
	CHECK_STR(c.version_str, "1.0.0");
	CHECK_STR(c.name, "net");
	CHECK_STR(c.type, "mvlan");
	CHECK_STR(c.master, "");
	CHECK(c.mode == MVLAN_MODE_BRIDGE);
	CHECK_STR(c.mode_str, "bridge");
	CHECK(c.mtu == 0 && !c.has_mac && !c.link_in_container);
	CHECK(!c.has_bcqueuelen && !c.has_bclim && c.flags == 0);
	CHECK(!c.has_sources && c.ipam_type == NULL && c.dns == NULL);
	CHECK(c.prev_result == NULL && c.attachments == NULL);
	/* white space around the document is fine */
	CHECK(parse(" \n{" BASE "}\n\n") == 0);
}

static void test_conf_keys(void)
{
	int v;

	CHECK(parse("{" BASE ",\"master\":\"eth1\",\"mode\":\"vepa\",\"mtu\":1400,"
		    "\"mac\":\"02:AA:bb:00:00:01\",\"linkInContainer\":true,"
		    "\"bcqueuelen\":2000,\"bclim\":-1,\"ipam\":{\"type\":\"host-local\"},"
		    "\"dns\":{\"nameservers\":[\"10.0.0.1\"]},\"prevResult\":{},"
		    "\"cni.dev/valid-attachments\":[]}") == 0);
	CHECK_STR(c.master, "eth1");
	CHECK(c.mode == MVLAN_MODE_VEPA);
	CHECK(c.mtu == 1400);
	CHECK(c.has_mac && c.mac[0] == 0x02 && c.mac[1] == 0xaa && c.mac[5] == 0x01);
	CHECK(c.link_in_container);
	CHECK(c.has_bcqueuelen && c.bcqueuelen == 2000);
	CHECK(c.has_bclim && c.bclim == -1);
	CHECK_STR(c.ipam_type, "host-local");
	CHECK(c.dns && c.prev_result && c.attachments);
	/* bcqueuelen 0 is the default, as for the reference plugin */
	CHECK(parse("{" BASE ",\"bcqueuelen\":0,\"ipam\":{}}") == 0);
	CHECK(!c.has_bcqueuelen && c.ipam_type == NULL);
	/* the flags; the older attachments key */
	CHECK(parse("{" BASE ",\"mode\":\"passthru\",\"nopromisc\":true,\"nodst\":false,"
		    "\"cni.dev/attachments\":[]}") == 0);
	CHECK(c.mode == MVLAN_MODE_PASSTHRU && c.flags == MVLAN_F_NOPROMISC);
	CHECK(c.attachments != NULL);
	CHECK(parse("{" BASE ",\"hostbridge\":true}") == 0);
	CHECK(c.mode == MVLAN_MODE_BRIDGE && c.flags == MVLAN_F_HOSTBRIDGE);
	CHECK(parse("{" BASE ",\"mode\":\"vepa\",\"hostbridge\":false}") == 0);
	CHECK(c.flags == 0);
	/* the flags the kernel does not check against the mode: taken */
	CHECK(parse("{" BASE ",\"mode\":\"bridge\",\"nodst\":true,\"nopromisc\":true}") == 0);
	CHECK(c.flags == (MVLAN_F_NODST | MVLAN_F_NOPROMISC));
	/* null is absent */
	CHECK(parse("{" BASE ",\"master\":null,\"mtu\":null,\"mac\":\"\"}") == 0);
	CHECK_STR(c.master, "");
	CHECK(c.mtu == 0 && !c.has_mac);
	/* every version spoken */
	for (v = 0; v < CNI_NR_VERSIONS; v++) {
		char text[256];

		snprintf(text, sizeof(text),
			 "{\"cniVersion\":\"%s\",\"name\":\"n\"}", cni_versions[v]);
		CHECK(parse(text) == 0 && (int)c.version == v);
	}
}

static void test_conf_sources(void)
{
	char mac[MAC_STRLEN];

	CHECK(parse("{" BASE ",\"mode\":\"source\",\"nodst\":true,\"sources\":"
		    "[\"02:00:00:00:00:02\",\"02:00:00:00:00:01\",\"02:00:00:00:00:02\"]}") == 0);
	CHECK(c.mode == MVLAN_MODE_SOURCE && c.flags == MVLAN_F_NODST);
	CHECK(c.has_sources && c.sources.n == 2);
	format_mac(c.sources.mac[0], mac);
	CHECK_STR(mac, "02:00:00:00:00:01");
	CHECK(parse("{" BASE ",\"mode\":\"source\",\"sources\":[]}") == 0);
	CHECK(c.has_sources && c.sources.n == 0);
	parse_fails("{" BASE ",\"sources\":[\"02:00:00:00:00:01\"]}", 7,
		    "\"sources\" needs \"mode\": \"source\", not \"bridge\"");
	parse_fails("{" BASE ",\"mode\":\"source\",\"sources\":\"02:00:00:00:00:01\"}", 7,
		    "\"sources\" must be a list of MAC addresses");
	parse_fails("{" BASE ",\"mode\":\"source\",\"sources\":[\"02:00:00:00:00:01\",1]}", 7,
		    "sources[1]: not a string");
	parse_fails("{" BASE ",\"mode\":\"source\",\"sources\":[\"ff:ff:ff:ff:ff:ff\"]}", 7,
		    "sources[0]: \"ff:ff:ff:ff:ff:ff\" is a multicast MAC address, not unicast");
}

static void test_conf_errors(void)
{
	parse_fails("", 6, "error unmarshall network config: unexpected end of data");
	parse_fails("{" BASE, 6, "error unmarshall network config: unexpected end of data");
	parse_fails("{" BASE "} x", 6, "error unmarshall network config: unexpected character");
	parse_fails("[]", 6, "error unmarshall network config: not a JSON object");
	parse_fails("{\"name\":1}", 6,
		    "error unmarshall network config: \"name\" is not a string");
	parse_fails("{\"cniVersion\":\"1.0.0\"}", 7, "missing network name");
	parse_fails("{\"cniVersion\":\"1.0.0\",\"name\":\"\"}", 7, "missing network name");
	parse_fails("{\"cniVersion\":\"1.0.0\",\"name\":\"-n\"}", 7,
		    "invalid characters found in network name");
	CHECK_STR(e.details, "-n");
	parse_fails("{\"cniVersion\":1,\"name\":\"n\"}", 6,
		    "decoding version from network config: \"cniVersion\" is not a string");
	parse_fails("{\"cniVersion\":\"0.2.0\",\"name\":\"n\"}", 1, "incompatible CNI versions");
	CHECK_STR(e.details, "config is \"0.2.0\", plugin supports "
		  "[\"0.3.0\" \"0.3.1\" \"0.4.0\" \"1.0.0\" \"1.1.0\"]");
	parse_fails("{\"name\":\"n\"}", 1, "incompatible CNI versions");
	CHECK_STR(e.details, "config is \"0.1.0\", plugin supports "
		  "[\"0.3.0\" \"0.3.1\" \"0.4.0\" \"1.0.0\" \"1.1.0\"]");
	parse_fails("{" BASE ",\"master\":\"a b\"}", 7,
		    "\"master\": \"a b\" is not a valid device name");
	parse_fails("{" BASE ",\"master\":\"0123456789abcdef\"}", 7,
		    "\"master\": \"0123456789abcdef\" is not a valid device name");
	parse_fails("{" BASE ",\"master\":[]}", 7, "\"master\" must be a string");
	parse_fails("{" BASE ",\"mode\":\"bridged\"}", 7,
		    "unknown mvlan mode: \"bridged\" (private, vepa, bridge, passthru or source)");
	parse_fails("{" BASE ",\"mtu\":1.5}", 7, "\"mtu\" must be an integer");
	parse_fails("{" BASE ",\"mtu\":4294967296}", 7,
		    "\"mtu\" 4294967296 is out of range [-2147483648, 2147483647]");
	parse_fails("{" BASE ",\"mac\":\"02:00:00:00:00\"}", 7,
		    "\"mac\": invalid MAC address \"02:00:00:00:00\"");
	parse_fails("{" BASE ",\"mac\":\"00:00:00:00:00:00\"}", 7,
		    "\"mac\": \"00:00:00:00:00:00\" is the all-zero MAC address, not unicast");
	parse_fails("{" BASE ",\"runtimeConfig\":{\"mac\":\"1\"}}", 7,
		    "runtimeConfig.mac: invalid MAC address \"1\"");
	parse_fails("{" BASE ",\"runtimeConfig\":[]}", 7, "\"runtimeConfig\" must be an object");
	parse_fails("{" BASE ",\"linkInContainer\":\"true\"}", 7,
		    "\"linkInContainer\" must be true or false");
	parse_fails("{" BASE ",\"bcqueuelen\":-1}", 7,
		    "\"bcqueuelen\" -1 is out of range [0, 4294967295]");
	parse_fails("{" BASE ",\"bclim\":2147483648}", 7,
		    "\"bclim\" 2147483648 is out of range [-2147483648, 2147483647]");
	parse_fails("{" BASE ",\"nopromisc\":1}", 7, "\"nopromisc\" must be true or false");
	parse_fails("{" BASE ",\"hostbridge\":\"yes\"}", 7,
		    "\"hostbridge\" must be true or false");
	parse_fails("{" BASE ",\"mode\":\"vepa\",\"hostbridge\":true}", 7,
		    "\"hostbridge\" needs \"mode\": \"bridge\", not \"vepa\"");
	parse_fails("{" BASE ",\"mode\":\"source\",\"hostbridge\":true,"
		    "\"sources\":[]}", 7,
		    "\"hostbridge\" needs \"mode\": \"bridge\", not \"source\"");
	parse_fails("{" BASE ",\"ipam\":{\"type\":\"../x\"}}", 7,
		    "ipam.type \"../x\" is not a plugin name");
	parse_fails("{" BASE ",\"ipam\":{\"type\":7}}", 7, "\"type\" must be a string");
	parse_fails("{" BASE ",\"prevResult\":\"x\"}", 7, "\"prevResult\" must be an object");
	parse_fails("{" BASE ",\"cni.dev/valid-attachments\":{}}", 7,
		    "\"cni.dev/valid-attachments\" must be a list");
}

static void test_conf_version_only(void)
{
	char v[16];

	CHECK(cni_conf_version("", 0, v, sizeof(v), &e) == 0 && !strcmp(v, ""));
	CHECK(cni_conf_version("{\"cniVersion\":\"1.1.0\"}", 22, v, sizeof(v), &e) == 0);
	CHECK_STR(v, "1.1.0");
	CHECK(cni_conf_version("{}", 2, v, sizeof(v), &e) == 0 && !strcmp(v, ""));
	CHECK(cni_conf_version("{\"cniVersion\":[]}", 17, v, sizeof(v), &e) == -1);
	CHECK(e.code == 6);
	CHECK(cni_conf_version("x", 1, v, sizeof(v), &e) == -1 && e.code == 6);
}

static void test_args(void)
{
	struct cni_args a;
	uint8_t mac[MAC_LEN] = { 2, 0, 0, 0, 0, 9 };

	CHECK(cni_args_parse(NULL, &a, &e) == 0 && !a.has_mac);
	CHECK(cni_args_parse("", &a, &e) == 0 && !a.has_mac);
	CHECK(cni_args_parse("MAC=02:00:00:00:00:09", &a, &e) == 0);
	CHECK(a.has_mac && !memcmp(a.mac, mac, MAC_LEN));
	CHECK(cni_args_parse("IgnoreUnknown=1;K8S_POD_NAME=x;MAC=02:00:00:00:00:09", &a, &e) == 0);
	CHECK(a.ignore_unknown && a.has_mac);
	CHECK(cni_args_parse("K8S_POD_NAME=x;IgnoreUnknown=TRUE", &a, &e) == 0);
	CHECK(cni_args_parse("FOO=;IgnoreUnknown=false", &a, &e) == -1);
	CHECK(e.code == 4);
	CHECK_STR(e.msg, "CNI_ARGS: unknown args [\"FOO=\"]");
	CHECK(cni_args_parse("A=1;B=2", &a, &e) == -1);
	CHECK_STR(e.msg, "CNI_ARGS: unknown args [\"A=1\" \"B=2\"]");
	CHECK(!a.has_mac && !a.ignore_unknown);
	CHECK(cni_args_parse("MAC=1=2", &a, &e) == -1);
	CHECK_STR(e.msg, "CNI_ARGS: invalid pair \"MAC=1=2\"");
	CHECK(cni_args_parse("MAC=02:00:00:00:00:09;", &a, &e) == -1);
	CHECK_STR(e.msg, "CNI_ARGS: invalid pair \"\"");
	CHECK(cni_args_parse("MAC=01:00:00:00:00:09", &a, &e) == -1);
	CHECK_STR(e.msg, "CNI_ARGS: MAC: \"01:00:00:00:00:09\" is a multicast MAC address, not unicast");
	CHECK(cni_args_parse("IgnoreUnknown=2", &a, &e) == -1);
	CHECK_STR(e.msg, "CNI_ARGS: IgnoreUnknown: not a boolean: \"2\"");
}

static void test_mac_precedence(void)
{
	struct cni_args a;

	/* "mac" < CNI_ARGS MAC= */
	CHECK(parse("{" BASE ",\"mac\":\"02:00:00:00:00:01\"}") == 0);
	CHECK(cni_args_parse("MAC=02:00:00:00:00:02", &a, &e) == 0);
	cni_conf_apply_args(&c, &a);
	CHECK(c.mac[5] == 2);
	/* CNI_ARGS MAC= < runtimeConfig.mac */
	CHECK(parse("{" BASE ",\"mac\":\"02:00:00:00:00:01\","
		    "\"runtimeConfig\":{\"mac\":\"02:00:00:00:00:03\"}}") == 0);
	CHECK(c.mac[5] == 3);
	cni_conf_apply_args(&c, &a);
	CHECK(c.has_mac && c.mac[5] == 3);
	/* CNI_ARGS alone */
	CHECK(parse("{" BASE "}") == 0);
	cni_conf_apply_args(&c, &a);
	CHECK(c.has_mac && c.mac[5] == 2);
}

static void test_env(void)
{
	struct cni_env env = { .command = "ADD", .containerid = "c", .ifname = "eth0" };

	CHECK(cni_env_require(&env, CNI_NEED_CONTAINERID | CNI_NEED_IFNAME, &e) == 0);
	CHECK(cni_env_require(&env, CNI_NEED_CONTAINERID | CNI_NEED_NETNS |
			      CNI_NEED_IFNAME | CNI_NEED_PATH, &e) == -1);
	CHECK(e.code == 4);
	CHECK_STR(e.msg, "required env variables [CNI_NETNS,CNI_PATH] missing");
	env.command = "";
	CHECK(cni_env_require(&env, 0, &e) == -1);
	CHECK_STR(e.msg, "required env variables [CNI_COMMAND] missing");

	/* one rule for network names and container IDs, ASCII only */
	CHECK(cni_valid_name("a.b_c-1") && cni_valid_name("0") &&
	      cni_valid_name("Net-1.2_x"));
	CHECK(!cni_valid_name("") && !cni_valid_name("-a") &&
	      !cni_valid_name("_a") && !cni_valid_name(".a") &&
	      !cni_valid_name("a b") && !cni_valid_name("a/b"));
	CHECK(!cni_valid_name("caf\xc3\xa9") && !cni_valid_name("\xe9t\xe9"));
	CHECK(cni_check_containerid("caf\xc3\xa9", &e) == -1 && e.code == 4);
	CHECK(cni_check_containerid("a.b_c-1", &e) == 0);
	CHECK(cni_check_containerid("", &e) == -1 && e.code == 3);
	CHECK_STR(e.msg, "missing containerID");
	CHECK(cni_check_containerid("a/b", &e) == -1 && e.code == 4);
	CHECK_STR(e.msg, "invalid characters in containerID");
	CHECK_STR(e.details, "a/b");

	CHECK(cni_check_ifname("eth0", &e) == 0);
	CHECK(cni_check_ifname("0123456789abcde", &e) == 0);
	CHECK(cni_check_ifname("0123456789abcdef", &e) == -1 && e.code == 4);
	CHECK_STR(e.msg, "interface name is too long");
	CHECK(cni_check_ifname(".", &e) == -1);
	CHECK_STR(e.msg, "interface name is . or ..");
	CHECK(cni_check_ifname("a b", &e) == -1);
	CHECK_STR(e.msg, "interface name contains / or : or whitespace characters");
	CHECK(cni_check_ifname("", &e) == -1);
	CHECK_STR(e.msg, "interface name is empty");
}

static json_object *json(const char *text)
{
	json_object *o = json_tokener_parse(text);

	if (!o) {
		printf("bad JSON in the test: %s\n", text);
		exit(1);
	}
	return o;
}

static void test_result_roundtrip(void)
{
	json_object *doc = json("{\"cniVersion\":\"0.4.0\",\"ips\":["
		"{\"version\":\"4\",\"address\":\"10.1.2.3/24\",\"gateway\":\"10.1.2.1\"},"
		"{\"version\":\"6\",\"address\":\"FD00::0:1/64\"}],"
		"\"routes\":[{\"dst\":\"0.0.0.0/0\"},{\"dst\":\"fd01::/64\",\"gw\":\"fd00::1\","
		"\"priority\":5,\"table\":100,\"scope\":0,\"mtu\":1400,\"advmss\":1360}],"
		"\"dns\":{\"nameservers\":[\"10.1.2.1\"]}}");
	json_object *dns = json("{\"search\":[\"lan\"]}");
	struct cni_result r;
	struct cni_iface *f;

	CHECK(cni_result_parse(doc, &r, &e) == 0);
	CHECK(r.ips.n == 2 && r.routes.n == 2 && r.ifaces.n == 0);
	CHECK(r.ips.v[0].family == AF_INET && r.ips.v[0].prefixlen == 24);
	CHECK(r.ips.v[0].has_gateway && !r.ips.v[1].has_gateway);
	CHECK(r.routes.v[1].has_priority && r.routes.v[1].priority == 5);
	CHECK(r.routes.v[1].has_table && r.routes.v[1].table == 100);
	CHECK(r.routes.v[1].has_scope && r.routes.v[1].scope == 0);
	CHECK(r.routes.v[1].has_mtu && r.routes.v[1].mtu == 1400);
	CHECK(r.routes.v[1].has_advmss && r.routes.v[1].advmss == 1360);
	CHECK(!r.routes.v[0].has_scope && !r.routes.v[0].has_mtu &&
	      !r.routes.v[0].has_advmss);
	f = ARRAY_ADD(r.ifaces.v, r.ifaces.n, r.ifaces.cap);
	if (!f) {
		puts("out of memory");
		exit(1);
	}
	strcpy(f->name, "eth0");
	strcpy(f->mac, "02:00:00:00:00:01");
	f->sandbox = "/run/netns/c";
	r.ips.v[0].has_interface = r.ips.v[1].has_interface = true;

	/* before 1.0.0: "version" in ips; before 1.1.0: no route extras */
	CHECK_STR(doc_str(cni_result_doc(CNI_V040, &r, dns)),
		  "{\"cniVersion\":\"0.4.0\",\"interfaces\":[{\"name\":\"eth0\","
		  "\"mac\":\"02:00:00:00:00:01\",\"sandbox\":\"/run/netns/c\"}],"
		  "\"ips\":[{\"version\":\"4\",\"interface\":0,\"address\":\"10.1.2.3/24\","
		  "\"gateway\":\"10.1.2.1\"},{\"version\":\"6\",\"interface\":0,"
		  "\"address\":\"fd00::1/64\"}],\"routes\":[{\"dst\":\"0.0.0.0/0\"},"
		  "{\"dst\":\"fd01::/64\",\"gw\":\"fd00::1\"}],\"dns\":{\"search\":[\"lan\"]}}");
	CHECK_STR(doc_str(cni_result_doc(CNI_V110, &r, NULL)),
		  "{\"cniVersion\":\"1.1.0\",\"interfaces\":[{\"name\":\"eth0\","
		  "\"mac\":\"02:00:00:00:00:01\",\"sandbox\":\"/run/netns/c\"}],"
		  "\"ips\":[{\"interface\":0,\"address\":\"10.1.2.3/24\","
		  "\"gateway\":\"10.1.2.1\"},{\"interface\":0,\"address\":\"fd00::1/64\"}],"
		  "\"routes\":[{\"dst\":\"0.0.0.0/0\"},{\"dst\":\"fd01::/64\",\"gw\":\"fd00::1\","
		  "\"mtu\":1400,\"advmss\":1360,\"priority\":5,\"table\":100,\"scope\":0}],"
		  "\"dns\":{}}");
	/* a layer 2 result: the interface only */
	r.ips.n = r.routes.n = 0;
	f->sandbox = NULL;
	f->mac[0] = '\0';
	CHECK_STR(doc_str(cni_result_doc(CNI_V030, &r, NULL)),
		  "{\"cniVersion\":\"0.3.0\",\"interfaces\":[{\"name\":\"eth0\"}],\"dns\":{}}");
	cni_result_free(&r);
	json_object_put(doc);
	json_object_put(dns);
}

static void test_result_prev(void)
{
	json_object *doc = json("{\"cniVersion\":\"1.0.0\",\"interfaces\":["
		"{\"name\":\"eth0\",\"mac\":\"02:00:00:00:00:01\",\"sandbox\":\"/run/netns/x\"},"
		"{\"name\":\"host0\"}],\"ips\":[{\"interface\":1,\"address\":\"10.0.0.2/8\"}]}");
	struct cni_result r;

	CHECK(cni_result_parse(doc, &r, &e) == 0);
	CHECK(r.ifaces.n == 2);
	CHECK_STR(r.ifaces.v[0].sandbox, "/run/netns/x");
	CHECK(r.ifaces.v[1].sandbox == NULL && r.ifaces.v[1].mac[0] == '\0');
	CHECK(r.ips.v[0].has_interface && r.ips.v[0].interface == 1);
	cni_result_free(&r);
	json_object_put(doc);
}

static void result_fails(const char *text, const char *msg)
{
	json_object *doc = json(text);
	struct cni_result r;

	CHECK(cni_result_parse(doc, &r, &e) == -1);
	CHECK(e.code == 6);
	CHECK_STR(e.msg, msg);
	json_object_put(doc);
}

static void test_result_errors(void)
{
	result_fails("[]", "result: not a JSON object");
	result_fails("{\"ips\":{}}", "result: interfaces, ips and routes must be lists");
	result_fails("{\"ips\":[{\"address\":\"10.0.0.1\"}]}", "result: ips[0]: address is not CIDR");
	result_fails("{\"ips\":[{\"address\":\"10.0.0.1/33\"}]}", "result: ips[0]: address is not CIDR");
	result_fails("{\"ips\":[{\"address\":\"10.0.0.1/\"}]}", "result: ips[0]: address is not CIDR");
	result_fails("{\"ips\":[{\"address\":\"10.0.0.1/24\",\"gateway\":\"fd00::1\"}]}",
		     "result: ips[0]: gateway is not an address of the same family");
	result_fails("{\"ips\":[{\"address\":\"10.0.0.1/24\",\"interface\":-1}]}",
		     "result: ips[0]: interface is not an index");
	result_fails("{\"routes\":[{\"gw\":\"10.0.0.1\"}]}", "result: routes[0]: dst is not CIDR");
	result_fails("{\"routes\":[{\"dst\":\"::/0\",\"priority\":\"1\"}]}",
		     "result: routes[0]: malformed number");
	/* rtm_scope is a byte: 255 (nowhere) is the last */
	result_fails("{\"routes\":[{\"dst\":\"0.0.0.0/0\",\"scope\":256}]}",
		     "result: routes[0]: scope is out of range [0, 255]");
	result_fails("{\"interfaces\":[{\"name\":1}]}", "result: interfaces[0]: malformed");
}

static void test_err_doc(void)
{
	struct mvipc_error ie = { .err = EINVAL };

	cni_fail(&e, 7, "bad %s", "thing");
	CHECK_STR(doc_str(cni_err_doc(&e, "0.4.0")),
		  "{\"cniVersion\":\"0.4.0\",\"code\":7,\"msg\":\"bad thing\"}");
	strcpy(ie.msg, "mvlan: exactly one mode must be given");
	cni_fail_ipc(&e, &ie, "failed to create %s", "x");
	CHECK(e.code == 999);
	CHECK_STR(doc_str(cni_err_doc(&e, NULL)),
		  "{\"cniVersion\":\"1.1.0\",\"code\":999,\"msg\":\"failed to create x: "
		  "Invalid argument\",\"details\":\"mvlan: exactly one mode must be given\"}");
	ie.err = EAGAIN;
	ie.msg[0] = '\0';
	cni_fail_ipc(&e, &ie, "dump");
	CHECK(e.code == 11);
	CHECK_STR(e.details, "");
	ie.err = EBUSY;
	cni_fail_ipc(&e, &ie, "create");
	CHECK(e.code == 999);
}

int main(void)
{
	RUN(test_conf_defaults);
	RUN(test_conf_keys);
	RUN(test_conf_sources);
	RUN(test_conf_errors);
	RUN(test_conf_version_only);
	RUN(test_args);
	RUN(test_mac_precedence);
	RUN(test_env);
	RUN(test_result_roundtrip);
	RUN(test_result_prev);
	RUN(test_result_errors);
	RUN(test_err_doc);
	cni_conf_free(&c);
	return unit_summary();
}
