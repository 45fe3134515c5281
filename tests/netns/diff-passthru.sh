#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# mvlan-vm: one-kernel, about 80 s
#
# Differential test, macvlan (oracle) vs mvlan: passthru mode. The lower
# device's promiscuity with and without nopromisc, up and down and when the
# flag changes on a running device; the device takes the lower device's MAC
# and follows it, the lower device follows the device's MAC and gets its
# address back when the device goes; a second device, passthru or not, is
# refused, as is passthru next to other devices and a mode change into or
# out of passthru; traffic; and the device's own broadcasts reflected by the
# switch.
#
#   ns low: pt0 (passthru) 10.4.0.1/24
#            |
#           lower0 (veth, MAC 02:00:00:00:03:0a)     lower1, lower2 (veth)
#            |
#   ns sw:  eth0 (hairpin on) -- br0 10.4.0.254/24
. "$(dirname "$0")/diff.bash"

LMAC=02:00:00:00:03:0a
HOST=02:00:00:00:03:fe

passthru() {
	local addr

	dns low sw
	nsb low <<EOB
link add lower0 address $LMAC type veth peer name eth0 netns sw
link add lower1 type veth peer name peer1
link add lower2 type veth peer name peer2
link set lower0 up
link set lower1 up
link set lower2 up
EOB
	nsb sw <<EOB
link add br0 address $HOST type bridge mcast_snooping 0
link set eth0 master br0
link set eth0 type bridge_slave hairpin on
link set eth0 up
link set br0 up
addr add 10.4.0.254/24 dev br0
EOB

	step "creation: the MAC of the lower device, no promiscuity while down"
	drv_add low pt0 lower0 passthru
	chk "pt0 mode" "$(drv_modeof low pt0)" passthru
	chk_st low pt0 "address=$LMAC operstate=DOWN"
	chk_st low lower0 "promiscuity=0"

	step "up: lower promiscuous; down: not; up again"
	ip -n low link set pt0 up
	chk_st low lower0 "promiscuity=1" "pt0 up: lower0"
	chk "pt0 up: lower0 IFF_PROMISC in sysfs flags" "$(sysfs_promisc low lower0)" 1
	ip -n low link set pt0 down
	chk_st low lower0 "promiscuity=0" "pt0 down: lower0"
	chk "pt0 down: lower0 IFF_PROMISC in sysfs flags" "$(sysfs_promisc low lower0)" 0
	ip -n low link set pt0 up
	chk_st low lower0 "promiscuity=1" "pt0 up again: lower0"

	step "nopromisc set and cleared on the running device"
	drv_mode low pt0 passthru nopromisc
	chk "pt0 mode after nopromisc" "$(drv_modeof low pt0)" "passthru nopromisc"
	chk_st low lower0 "promiscuity=0" "nopromisc: lower0"
	ip -n low link set pt0 down
	ip -n low link set pt0 up
	chk_st low lower0 "promiscuity=0" "nopromisc, down and up: lower0"
	chk "nopromisc: lower0 IFF_PROMISC in sysfs flags" "$(sysfs_promisc low lower0)" 0
	drv_mode low pt0 passthru promisc
	chk "pt0 mode after promisc" "$(drv_modeof low pt0)" passthru
	chk_st low lower0 "promiscuity=1" "promisc again: lower0"

	step "the device follows the lower device's MAC"
	ip -n low link set lower0 address 02:00:00:00:03:aa
	chk_st low pt0 "address=02:00:00:00:03:aa" "lower0 changed: pt0"
	step "the lower device follows the device's MAC"
	ip -n low link set pt0 address 02:00:00:00:03:bb
	chk_st low lower0 "address=02:00:00:00:03:bb" "pt0 changed: lower0"
	chk_st low pt0 "address=02:00:00:00:03:bb" "pt0 changed: pt0"

	step "refused: a second device on the lower device, leaving passthru"
	try_refused "second passthru device on lower0" \
		"RTNETLINK answers: Invalid argument" \
		"mvctl: cannot add pt1: Invalid argument: mvlan: lower device is taken by a passthru mvlan device" \
		drv_add low pt1 lower0 passthru
	try_refused "bridge device on a passthru lower0" \
		"RTNETLINK answers: Invalid argument" \
		"mvctl: cannot add mb1: Invalid argument: mvlan: lower device is taken by a passthru mvlan device" \
		drv_add low mb1 lower0 bridge
	try_refused "mode change passthru->bridge" \
		"RTNETLINK answers: Invalid argument" \
		"mvctl: cannot set the mode of pt0: Invalid argument: mvlan: cannot change into or out of passthru mode" \
		drv_mode low pt0 bridge
	chk "pt0 mode after the refusals" "$(drv_modeof low pt0)" passthru
	chk "devices on lower0 after the refusals" "$(ip -n low -o link show | grep -c '@lower0')" 1

	step "traffic through the passthru device"
	nsb low <<EOB
addr add 10.4.0.1/24 dev pt0
EOB
	pings 2 "pt0->host,low,10.4.0.254,ok" "host->pt0,sw,10.4.0.1,ok"

	step "pt0's own broadcasts, reflected by the switch"
	# The frames come back with pt0's (and lower0's) MAC as source.
	# macvlan finds pt0 by that source (passthru devices are in its table
	# of devices by address) and gives them back to pt0 alone, as packets
	# of 0 bytes, not multicast; lower0's stack does not see them.
	track -s low pt0 rx_packets rx_bytes multicast rx_dropped tx_packets
	track -s low lower0 rx_packets rx_dropped tx_packets
	delta_snap
	ag send low pt0 "$N" 02:00:00:00:03:bb "$B" 88b5
	delta_chk "pt0->broadcast" pt0.tx_packets=$N pt0.rx_packets=$N pt0.stack=$N \
		lower0.tx_packets=$N lower0.rx_packets=$N
	ag send sw br0 "$N" 02:00:00:00:03:bb "$B" 88b5
	delta_chk "host-as-pt0->broadcast" pt0.rx_packets=$N pt0.stack=$N \
		lower0.rx_packets=$N
	ag send sw br0 "$N" "$HOST" "$B" 88b5
	delta_chk "host->broadcast" pt0.rx_packets=$N pt0.rx_bytes=$((N * 60)) \
		pt0.multicast=$N pt0.stack=$N lower0.rx_packets=$N lower0.stack=$N

	step "deleted: lower0 gets back the address it had before pt0 changed it"
	drv_del low pt0
	chk_st low lower0 "address=02:00:00:00:03:aa promiscuity=0" "pt0 deleted: lower0"

	step "passthru next to other devices, and into passthru: refused"
	drv_add low mb1 lower1 bridge
	try_refused "passthru device on a lower1 with a bridge device" \
		"RTNETLINK answers: Invalid argument" \
		"mvctl: cannot add pt1: Invalid argument: mvlan: passthru mode needs a lower device without other mvlan devices" \
		drv_add low pt1 lower1 passthru
	try_refused "mode change bridge->passthru" \
		"RTNETLINK answers: Invalid argument" \
		"mvctl: cannot set the mode of mb1: Invalid argument: mvlan: cannot change into or out of passthru mode" \
		drv_mode low mb1 passthru
	chk "mb1 mode after the refusals" "$(drv_modeof low mb1)" bridge

	step "nopromisc from the start"
	drv_add low pt2 lower2 passthru nopromisc
	chk "pt2 mode" "$(drv_modeof low pt2)" "passthru nopromisc"
	ip -n low link set pt2 up
	chk_st low lower2 "promiscuity=0" "pt2 nopromisc up: lower2"
	addr=$(st low lower2 address)
	[[ $(st low pt2 address) == "$addr" ]] && addr=yes || addr=no
	chk "pt2 has the MAC of lower2" "$addr" yes
}

diff_run passthru
diff_finish
