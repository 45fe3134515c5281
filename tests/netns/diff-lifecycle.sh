#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Differential test, macvlan (oracle) vs mvlan: a device's life around its
# lower device. Its operational state follows the lower device's carrier
# and administrative state; its MTU follows the lower device's down, never
# up, and stays within 68 and the lower device's; it works on after moves
# to other namespaces; a device created on a device of the same kind sits on
# the real lower device; lower devices that cannot carry it are refused
# (loopback, not Ethernet, a bridge port), as is bringing up, or giving, an
# address that another device or the lower device has; deleting the lower
# device under traffic deletes all its devices, in every namespace.
#
#   ns a / ns b: m1 (bridge) 10.5.0.1/24, moved from low to a to b
#   ns low: m1..m4, d1..d3, lower0 (veth)   lower2 (veth, port of br2)
#           t0 (ipip)   lo
#   ns sw: eth0 10.5.0.254/24 (lower0's peer)
. "$(dirname "$0")/diff.bash"

# 6.1 does not load it on demand for "ip link add type ipip"
modprobe ipip

lifecycle() {
	local idx

	dns low sw a b
	nsb low <<EOB
link add lower0 type veth peer name eth0 netns sw
link add lower2 type veth peer name peer2
link add br2 type bridge
link set lower2 master br2
link add t0 type ipip local 10.9.9.1 remote 10.9.9.2
link set lower0 up
EOB
	nsb sw <<EOB
addr add 10.5.0.254/24 dev eth0
link set eth0 up
EOB
	drv_add low m1 lower0 bridge address 02:00:00:00:05:01
	ip -n low link set m1 up

	step "operational state follows the lower device"
	chk_wait low lower0 "operstate=UP lower_up=1"
	chk_wait low m1 "operstate=UP lower_up=1"
	ip -n sw link set eth0 down
	chk_wait low lower0 "operstate=DOWN lower_up=0" "peer down: lower0"
	chk_wait low m1 "operstate=LOWERLAYERDOWN lower_up=0 up=1" "peer down: m1"
	ip -n sw link set eth0 up
	chk_wait low m1 "operstate=UP lower_up=1" "peer up: m1"
	ip -n low link set lower0 down
	chk_wait low lower0 "operstate=DOWN up=0" "lower0 down: lower0"
	chk_wait low m1 "operstate=LOWERLAYERDOWN lower_up=0 up=1" "lower0 down: m1"
	ip -n low link set lower0 up
	chk_wait low m1 "operstate=UP lower_up=1" "lower0 up: m1"
	# a device created while the lower device has no carrier
	ip -n sw link set eth0 down
	drv_add low m2 lower0 vepa
	ip -n low link set m2 up
	chk_wait low m2 "operstate=LOWERLAYERDOWN lower_up=0" "created without carrier: m2"
	ip -n sw link set eth0 up
	chk_wait low m2 "operstate=UP lower_up=1" "carrier back: m2"

	step "MTU: follows the lower device down, not up; 68 to the lower's"
	chk_st low m1 "mtu=1500"
	ip -n low link set lower0 mtu 1400
	chk_st low m1 "mtu=1400" "lower0 mtu 1400: m1"
	chk_st low m2 "mtu=1400" "lower0 mtu 1400: m2"
	ip -n low link set lower0 mtu 1500
	chk_st low m1 "mtu=1400" "lower0 mtu 1500 again: m1"
	try_same "m1 mtu 1500" ip -n low link set m1 mtu 1500
	ip -n low link set lower0 mtu 1400
	try_same "m1 mtu 1450, above lower0's 1400" ip -n low link set m1 mtu 1450
	try_same "m1 mtu 67" ip -n low link set m1 mtu 67
	try_same "m1 mtu 68" ip -n low link set m1 mtu 68
	chk_st low m1 "mtu=68" "after the changes: m1"
	try_refused "create with mtu 9000, above lower0's" \
		"RTNETLINK answers: Invalid argument" \
		"mvctl: cannot add m3: Invalid argument: mvlan: MTU is larger than the lower device's" \
		drv_add low m3 lower0 bridge mtu 9000
	try_refused "create with mtu 67" \
		"Error: mtu less than device minimum." \
		"mvctl: cannot add m3: Invalid argument: mtu less than device minimum" \
		drv_add low m3 lower0 bridge mtu 67
	try "create with mtu 68" drv_add low m3 lower0 bridge mtu 68
	chk_st low m3 "mtu=68"
	ip -n low link set lower0 mtu 1500

	step "on top of a device of the same kind: on the real lower device"
	drv_add low m4 m1 vepa
	chk "m4's link" "$(ag jget 0.link ip -n low -j link show dev m4)" lower0
	idx=$(st low lower0 ifindex)
	[[ $(st low m4 link) == "$idx" ]] && idx=yes || idx=no
	chk "m4's IFLA_LINK is lower0's ifindex" "$idx" yes
	chk "m4 mode" "$(drv_modeof low m4)" vepa

	step "moved to other namespaces, it keeps working"
	ip -n low link set m1 mtu 1500
	ip -n low link set m1 netns a
	nsb a <<EOB
addr add 10.5.0.1/24 dev m1
link set m1 up
EOB
	pings 2 "in-a:m1->host,a,10.5.0.254,ok" "in-a:host->m1,sw,10.5.0.1,ok"
	ip -n a link set m1 netns b
	nsb b <<EOB
addr add 10.5.0.1/24 dev m1
link set m1 up
EOB
	pings 2 "in-b:m1->host,b,10.5.0.254,ok" "in-b:host->m1,sw,10.5.0.1,ok"

	step "refused lower devices"
	try_refused "on lo" "RTNETLINK answers: Invalid argument" \
		"mvctl: cannot add x: Invalid argument: mvlan: lower device is a loopback device" \
		drv_add low x lo bridge
	try_refused "on t0 (ipip, not Ethernet)" "RTNETLINK answers: Invalid argument" \
		"mvctl: cannot add x: Invalid argument: mvlan: lower device is not an Ethernet device" \
		drv_add low x t0 bridge
	try_refused "on lower2 (a bridge port: rx_handler busy)" \
		"RTNETLINK answers: Device or resource busy" \
		"mvctl: cannot add x: Device or resource busy: mvlan: lower device already has an rx_handler (bridge port, bond slave or macvlan lower?)" \
		drv_add low x lower2 bridge
	chk "x left behind" "$(ip -n low -o link show dev x 2>/dev/null | wc -l)" 0

	step "an address another device or the lower device has"
	drv_add low d1 lower0 bridge address 02:00:00:00:05:77
	try "create d2 with d1's address (down)" drv_add low d2 lower0 bridge address 02:00:00:00:05:77
	try_same "d1 up" ip -n low link set d1 up
	try_same "d2 up with d1's address" ip -n low link set d2 up
	chk_st low d2 "up=0" "after the refusal: d2"
	ip -n low link set d2 address 02:00:00:00:05:78
	try_same "d2 up with its own address" ip -n low link set d2 up
	try_same "d2 given d1's address while up" ip -n low link set d2 address 02:00:00:00:05:77
	chk_st low d2 "address=02:00:00:00:05:78" "after the refusal: d2"
	try_same "d2 given a free address while up" ip -n low link set d2 address 02:00:00:00:05:79
	try "create d3 with lower0's address" \
		drv_add low d3 lower0 bridge address "$(st low lower0 address)"
	try_same "d3 up with lower0's address" ip -n low link set d3 up

	step "lower device deleted under traffic"
	ip netns exec sw ping -q -f -w 3 10.5.0.1 >/dev/null 2>&1 &
	local flood=$!
	pings 2 "before-the-deletion:host->m1,sw,10.5.0.1,ok"
	ip -n low link del lower0
	wait "$flood" || true
	chk "devices left in low" "$(ip -n low -o link show | grep -c '@lower0\|@if')" 0
	chk "m1 left in b" "$(ip -n b -o link show dev m1 2>/dev/null | wc -l)" 0
}

diff_run lifecycle
diff_finish
