#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Unloading the module with live devices, up and passing traffic, in
# several namespaces, deletes them all; loading it again works.
#
#   ns a: mv1 (bridge) 10.0.0.1   ns b: mv2 (bridge) 10.0.0.2
#               \                    /
#                +-- ns low: lower0 (veth) -- ns sw: eth0
#
. "$(dirname "$0")/lib.bash"

: "${MVLAN_KO:?MVLAN_KO is not set}"

netns_new low sw a b
ip -n low link add lower0 type veth peer name eth0 netns sw
ip -n low link set lower0 up
ip -n sw link set eth0 up

on low "$MVCTL" add mv1 link lower0 mode bridge
on low "$MVCTL" add mv2 link lower0 mode bridge
on low "$MVCTL" add mv3 link lower0 mode passthru 2>/dev/null &&
	fail "passthru on a lower device with other mvlan devices was accepted"
ip -n low link set mv1 netns a
ip -n low link set mv2 netns b
ip -n a addr add 10.0.0.1/24 dev mv1
ip -n b addr add 10.0.0.2/24 dev mv2
ip -n a link set mv1 up
ip -n b link set mv2 up
ping_ok a 10.0.0.2

step "rmmod with live devices under traffic"
on a ping -n -q -f -w 3 10.0.0.2 >/dev/null 2>&1 &
flood=$!
sleep 1
rmmod mvlan
wait "$flood" || true

mvlan_loaded && fail "mvlan is still loaded"
link_exists a mv1 && fail "mv1 survived rmmod"
link_exists b mv2 && fail "mv2 survived rmmod"
expect_eq "$(ip -n low -o link show | grep -c mvlan || true)" 0 "mvlan devices in low"
ip -n low link show lower0 >/dev/null || fail "the lower device went away with the module"

step "the lower device is free again: a bridge can take it"
ip -n low link add br0 type bridge
ip -n low link set lower0 master br0
ip -n low link set lower0 nomaster

step "load again and use it"
insmod "$MVLAN_KO"
on low "$MVCTL" add mv1 link lower0 mode bridge
expect_eq "$(on low "$MVCTL" show | cut -d' ' -f1,5,7)" "mv1: lower0 bridge" "mv1 after reload"
echo "ok"
