# SPDX-License-Identifier: GPL-2.0-or-later
# Helpers for the netns scenario scripts. Sourced; runs in the test VM as root
# with TOP (the tree) and MVCTL (the built mvctl) in the environment.
set -euo pipefail

: "${TOP:?TOP is not set: run the tests through tests/vm/run.sh}"
: "${MVCTL:=$TOP/cli/mvctl}"

NETNS=()

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

step() {
	echo "== $*"
}

# expect_eq ACTUAL EXPECTED WHAT
expect_eq() {
	if [[ "$1" != "$2" ]]; then
		printf 'FAIL: %s\n  expected: %s\n  actual:   %s\n' "$3" "$2" "$1" >&2
		exit 1
	fi
}

cleanup_netns() {
	local ns

	for ns in "${NETNS[@]}"; do
		ip netns del "$ns" 2>/dev/null || true
	done
}
trap cleanup_netns EXIT

# netns_new NAME...: fresh namespaces with lo up and IPv6 off, so that no
# autoconfiguration traffic disturbs the counters.
netns_new() {
	local ns

	for ns in "$@"; do
		ip netns add "$ns"
		NETNS+=("$ns")
		ip -n "$ns" link set lo up
		ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1
		ip netns exec "$ns" sysctl -qw net.ipv6.conf.default.disable_ipv6=1
	done
}

# on NS CMD...: run CMD in namespace NS
on() {
	local ns=$1

	shift
	ip netns exec "$ns" "$@"
}

mvctl() {
	"$MVCTL" "$@"
}

# counter NS DEV NAME: a counter of /sys/class/net/DEV/statistics
counter() {
	on "$1" cat "/sys/class/net/$2/statistics/$3"
}

# ifindex NS DEV
ifindex() {
	on "$1" cat "/sys/class/net/$2/ifindex"
}

# mac NS DEV
mac() {
	on "$1" cat "/sys/class/net/$2/address"
}

# link_exists NS DEV
link_exists() {
	ip -n "$1" link show dev "$2" >/dev/null 2>&1
}

# ping_ok NS ADDR [COUNT]: COUNT echo requests, all answered
ping_ok() {
	local out count=${3:-3}

	out=$(on "$1" ping -n -q -c "$count" -i 0.2 -W 2 "$2" 2>&1) ||
		fail "ping $2 from $1: $out"
	grep -q "^$count packets transmitted, $count received" <<<"$out" ||
		fail "ping $2 from $1: $out"
}

# ping_fails NS ADDR: no answer at all
ping_fails() {
	if on "$1" ping -n -q -c 2 -i 0.2 -W 1 "$2" >/dev/null 2>&1; then
		fail "ping $2 from $1 got an answer, expected none"
	fi
}

mvlan_loaded() {
	[[ -d /sys/module/mvlan ]]
}
