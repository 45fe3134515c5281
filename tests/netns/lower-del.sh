#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Deleting the lower device deletes its mvlan devices, also those that were
# moved to other namespaces, while traffic is flowing.
#
#   ns a: mv1 10.0.0.1/24   ns low: mv2, mv3 (vepa, private)
#          \                  /
#           +-- ns low: lower0 (veth) -- ns sw: eth0 10.0.0.254/24
#
. "$(dirname "$0")/lib.bash"

netns_new low sw a
ip -n low link add lower0 type veth peer name eth0 netns sw
ip -n low link set lower0 up
ip -n sw addr add 10.0.0.254/24 dev eth0
ip -n sw link set eth0 up

on low "$MVCTL" add mv1 link lower0 mode bridge
on low "$MVCTL" add mv2 link lower0
on low "$MVCTL" add mv3 link lower0 mode private
ip -n low link set mv1 netns a
ip -n a addr add 10.0.0.1/24 dev mv1
ip -n a link set mv1 up
ip -n low link set mv2 up
ping_ok a 10.0.0.254
expect_eq "$(on low "$MVCTL" show | cut -d' ' -f1,7)" "mv2: vepa
mv3: private" "modes of the devices left in low"

step "delete the lower device under traffic"
on sw ping -n -q -f -w 3 10.0.0.1 >/dev/null 2>&1 &
flood=$!
sleep 1
ip -n low link del lower0
wait "$flood" || true

link_exists a mv1 && fail "mv1 survived its lower device"
link_exists low mv2 && fail "mv2 survived its lower device"
link_exists low mv3 && fail "mv3 survived its lower device"
expect_eq "$(on a "$MVCTL" -j show)" "[]" "no mvlan device left in a"
expect_eq "$(on low "$MVCTL" -j show)" "[]" "no mvlan device left in low"

step "a new lower device takes new mvlan devices"
ip -n low link add lower1 type veth peer name eth1 netns sw
on low "$MVCTL" add mv4 link lower1 mode bridge
expect_eq "$(on low "$MVCTL" show | cut -d' ' -f1,5,7)" "mv4: lower1 bridge" "mv4 on lower1"
echo "ok"
