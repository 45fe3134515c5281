#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The demo session: three namespaces behind one lower device.
#
#   ns a: mv1 (bridge) 10.0.0.1   ns b: mv2 (bridge) 10.0.0.2
#                \                   /
#                 +-- lower0 (veth) -- ns sw: eth0 10.0.0.254 (a host outside)
#
. "$(dirname "$0")/../netns/lib.bash"
export PATH=$TOP/cli:$PATH

show() {
	printf '\n$ %s\n' "$*"
	"$@"
}

netns_new sw a b
ip link add lower0 type veth peer name eth0 netns sw
ip link set lower0 up
ip -n sw addr add 10.0.0.254/24 dev eth0
ip -n sw link set eth0 up

echo "mvlan $(cat /sys/module/mvlan/version) on Linux $(uname -r)"
show mvctl add mv1 link lower0 mode bridge
show mvctl add mv2 link lower0 mode bridge
show mvctl add mv3 link lower0 mode private
show mvctl show
show mvctl -j show
show ip -d link show mv1

show ip link set mv1 netns a
show ip link set mv2 netns b
ip -n a addr add 10.0.0.1/24 dev mv1
ip -n b addr add 10.0.0.2/24 dev mv2
ip -n a link set mv1 up
ip -n b link set mv2 up

show ip netns exec a ping -c 3 -i 0.2 10.0.0.2
show ip netns exec b ping -c 3 -i 0.2 10.0.0.254
show ip netns exec a mvctl show
show ip -n a -s link show mv1

show mvctl del mv3
show ip link del lower0
show ip netns exec a mvctl show
echo "(mv1 and mv2 went away with their lower device)"
