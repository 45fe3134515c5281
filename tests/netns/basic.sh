#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Two bridge-mode mvlan devices in two namespaces reach each other and a
# host behind the lower device; mvctl show reports them exactly.
#
#   ns a: mv1 10.0.0.1/24      ns b: mv2 10.0.0.2/24
#            \                    /
#             +-- ns low: lower0 (veth) --+-- ns sw: eth0 10.0.0.254/24
#
. "$(dirname "$0")/lib.bash"

netns_new low sw a b
ip -n low link add lower0 type veth peer name eth0 netns sw
ip -n low link set lower0 up
ip -n sw addr add 10.0.0.254/24 dev eth0
ip -n sw link set eth0 up

step "create two bridge-mode devices with mvctl"
on low "$MVCTL" add mv1 link lower0 mode bridge
on low "$MVCTL" add mv2 link lower0 mode bridge
ip -n low link set mv1 address 02:00:00:00:00:01
ip -n low link set mv2 address 02:00:00:00:00:02
expect_eq "$(ip -n low -d -o link show mv1 | grep -o 'mvlan')" "mvlan" "link kind"

step "mvctl show reports them exactly"
low_if=$(ifindex low lower0)
mv1_if=$(ifindex low mv1)
mv2_if=$(ifindex low mv2)
expect_eq "$(on low "$MVCTL" show)" \
"mv1: ifindex $mv1_if link lower0 mode bridge address 02:00:00:00:00:01
mv2: ifindex $mv2_if link lower0 mode bridge address 02:00:00:00:00:02" \
	"mvctl show"
expect_eq "$(on low "$MVCTL" show mv2)" \
	"mv2: ifindex $mv2_if link lower0 mode bridge address 02:00:00:00:00:02" \
	"mvctl show mv2"
expect_eq "$(on low "$MVCTL" -j show)" \
"[{\"ifname\":\"mv1\",\"ifindex\":$mv1_if,\"link\":\"lower0\",\"link_ifindex\":$low_if,\"type\":\"mvlan\",\"mode\":\"bridge\",\"flags\":[],\"address\":\"02:00:00:00:00:01\",\"bcqueuelen\":1000,\"bcqueuelen_used\":1000,\"bclim\":1,\"source_count\":0},{\"ifname\":\"mv2\",\"ifindex\":$mv2_if,\"link\":\"lower0\",\"link_ifindex\":$low_if,\"type\":\"mvlan\",\"mode\":\"bridge\",\"flags\":[],\"address\":\"02:00:00:00:00:02\",\"bcqueuelen\":1000,\"bcqueuelen_used\":1000,\"bclim\":1,\"source_count\":0}]" \
	"mvctl -j show"

step "move them to their namespaces"
ip -n low link set mv1 netns a
ip -n low link set mv2 netns b
expect_eq "$(on low "$MVCTL" -j show)" "[]" "mvctl -j show in low after the move"
ip -n a addr add 10.0.0.1/24 dev mv1
ip -n b addr add 10.0.0.2/24 dev mv2
ip -n a link set mv1 up
ip -n b link set mv2 up
mv1_if=$(ifindex a mv1)
expect_eq "$(on a "$MVCTL" show)" \
	"mv1: ifindex $mv1_if link if$low_if mode bridge address 02:00:00:00:00:01" \
	"mvctl show with the lower device in another netns"
expect_eq "$(on a "$MVCTL" show mv2 2>&1 || echo "exit $?")" \
	"mvctl: cannot find device \"mv2\"
exit 1" \
	"a device in another netns is not reachable"

step "ping between the two devices and to the host behind the lower device"
ping_ok a 10.0.0.2
ping_ok b 10.0.0.1
ping_ok a 10.0.0.254
ping_ok b 10.0.0.254
ping_ok sw 10.0.0.1

step "exact counters for a fixed amount of traffic"
# Two fresh devices in fresh namespaces with static neighbours and no IPv6:
# nothing but the echo traffic moves.
netns_new c d
on low "$MVCTL" add mv3 link lower0 mode bridge
on low "$MVCTL" add mv4 link lower0 mode bridge
ip -n low link set mv3 address 02:00:00:00:00:03 netns c
ip -n low link set mv4 address 02:00:00:00:00:04 netns d
ip -n c addr add 10.0.1.3/24 dev mv3
ip -n d addr add 10.0.1.4/24 dev mv4
ip -n c neigh add 10.0.1.4 lladdr 02:00:00:00:00:04 dev mv3 nud permanent
ip -n d neigh add 10.0.1.3 lladdr 02:00:00:00:00:03 dev mv4 nud permanent
ip -n c link set mv3 up
ip -n d link set mv4 up
ping_ok c 10.0.1.4 5
# 5 echo requests and 5 replies of 98 bytes each (14 + 20 + 8 + 56)
for dev in c/mv3 d/mv4; do
	for c in rx_packets tx_packets; do
		expect_eq "$(counter "${dev%/*}" "${dev#*/}" $c)" 5 "$dev $c"
	done
	for c in rx_bytes tx_bytes; do
		expect_eq "$(counter "${dev%/*}" "${dev#*/}" $c)" 490 "$dev $c"
	done
	for c in rx_dropped tx_dropped rx_errors multicast; do
		expect_eq "$(counter "${dev%/*}" "${dev#*/}" $c)" 0 "$dev $c"
	done
done

step "ethtool names the driver"
expect_eq "$(on a ethtool -i mv1 | sed -n 's/^driver: //p')" "mvlan" "ethtool driver"

step "mvctl del removes a device"
on a "$MVCTL" del mv1
link_exists a mv1 && fail "mv1 still exists after mvctl del"
expect_eq "$(on a "$MVCTL" -j show)" "[]" "mvctl -j show after del"
echo "ok"
