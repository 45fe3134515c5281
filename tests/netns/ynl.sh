#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The mvlan family as the kernel's own YNL client sees it through
# uapi/mvlan.yaml: a client nobody here wrote proves that the protocol is
# what the spec says. A get, a source set, a dump, errors with extack.
#
#   ns low: lower0 (veth) -- mv0 (source), mv1 (bridge)
#
. "$(dirname "$0")/lib.bash"

cli=$TOP/build/ynl/tools/net/ynl/cli.py
[[ -f $cli ]] || fail "the YNL client is missing: run tests/tools/ynl-extract.sh on the host"

# ynl ARGS...: the YNL client with our spec, output as JSON, in ns low
ynl() {
	on low /usr/bin/python3 "$cli" --spec "$TOP/uapi/mvlan.yaml" --no-schema \
		--output-json "$@"
}

# jget JSON EXPR: a value out of ynl's JSON output
jget() {
	python3 -c 'import json, sys; d = json.loads(sys.argv[1]); print(eval(sys.argv[2]))' "$1" "$2"
}

netns_new low
ip -n low link add lower0 type veth peer name peer0
on low "$MVCTL" add mv0 link lower0 mode source
on low "$MVCTL" add mv1 link lower0 mode bridge
ip -n low link set mv0 address 02:00:00:00:00:10
mv0_if=$(ifindex low mv0)
low_if=$(ifindex low lower0)

step "dev-get do"
out=$(ynl --do dev-get --json '{"ifname": "mv0"}')
expect_eq "$(jget "$out" 'd["ifindex"], d["ifname"], d["link"], d["mode"], d["address"], d["source-count"], d["bc-queue-len"], d["bc-cutoff"]')" \
	"($mv0_if, 'mv0', $low_if, 'source', '02:00:00:00:00:10', 0, 1000, 1)" "dev-get mv0"

step "dev-get dump"
out=$(ynl --dump dev-get)
expect_eq "$(jget "$out" '[(x["ifname"], x["mode"]) for x in d]')" \
	"[('mv0', 'source'), ('mv1', 'bridge')]" "dev-get dump"

step "source-set, then a dump of the list"
ynl --do source-set --json '{"ifname": "mv0", "source": [{"addr": "020000000001"}, {"addr": "020000000002"}, {"addr": "020000000003"}]}' >/dev/null
out=$(ynl --dump source-get --json '{"ifname": "mv0"}')
expect_eq "$(jget "$out" 'sorted(s["addr"] for m in d for s in m["source"])')" \
	"['02:00:00:00:00:01', '02:00:00:00:00:02', '02:00:00:00:00:03']" "source-get after source-set"
expect_eq "$(jget "$out" 'sorted((s["packets"], s["bytes"], "last-seen" in s) for m in d for s in m["source"])')" \
	"[(0, 0, False), (0, 0, False), (0, 0, False)]" "hit counters of unused entries"

step "source-set replaces"
ynl --do source-set --json '{"ifname": "mv0", "source": [{"addr": "020000000004"}]}' >/dev/null
out=$(ynl --dump source-get --json '{"ifname": "mv0"}')
expect_eq "$(jget "$out" '[s["addr"] for m in d for s in m["source"]]')" \
	"['02:00:00:00:00:04']" "source-get after the second source-set"
out=$(ynl --do dev-get --json '{"ifindex": '"$mv0_if"'}')
expect_eq "$(jget "$out" 'd["source-count"]')" 1 "source-count"

step "errors carry the kernel's extack"
out=$(ynl --do source-add --json '{"ifname": "mv0", "source": [{"addr": "010000000001"}]}' 2>&1 || true)
grep -q "MVLAN_SOURCE_A_ADDR: not a unicast address" <<<"$out" ||
	fail "multicast source address: $out"
out=$(ynl --do source-add --json '{"ifname": "mv1", "source": [{"addr": "020000000001"}]}' 2>&1 || true)
grep -q "the device is not in source mode" <<<"$out" || fail "source-add on bridge mode: $out"
out=$(ynl --do dev-set --json '{"ifname": "mv1", "mode": "passthru"}' 2>&1 || true)
grep -q "cannot change into or out of passthru mode" <<<"$out" || fail "into passthru: $out"
out=$(ynl --do dev-get --json '{"ifname": "lower0"}' 2>&1 || true)
grep -q "not an mvlan device" <<<"$out" || fail "dev-get of the lower: $out"
out=$(ynl --dump source-get --json '{"ifname": "mv0"}')
expect_eq "$(jget "$out" '[s["addr"] for m in d for s in m["source"]]')" \
	"['02:00:00:00:00:04']" "the list after the refused requests"

step "dev-set leaves source mode: the list is flushed"
ynl --do dev-set --json '{"ifname": "mv0", "mode": "vepa"}' >/dev/null
out=$(ynl --do dev-get --json '{"ifname": "mv0"}')
expect_eq "$(jget "$out" 'd["mode"], d["source-count"]')" "('vepa', 0)" "mode and count after leaving source mode"

step "port-get"
out=$(ynl --do port-get --json '{"link": '"$low_if"'}')
expect_eq "$(jget "$out" 'tuple(d["port"][k] for k in ("ifname", "devices", "vepa", "bridge", "source", "bc-queue-len-used"))')" \
	"('lower0', 2, 1, 1, 0, 1000)" "port-get lower0"
echo "ok"
