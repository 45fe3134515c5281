#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Differential test, macvlan (oracle) vs mvlan: broadcast and multicast
# delivery. Bursts of N=20 raw frames (ethertype 0x88b5, 60 bytes) go to the
# broadcast address and to multicast groups, from a host outside and from the
# devices themselves; the change of every device's counters must be the
# same for both drivers, and what macvlan does. Then IPv6 neighbour
# discovery through the devices. (The flood queue: diff-flood-queue.sh.)
#
#   ns low: mp1 (private)  mv1 (vepa)  mb1 (bridge)  mb2 (bridge)
#           MAC 02:00:00:00:02:11      :21           :31           :32
#           groups:        G2          G2            G1
#                 \___________\_________/_____________/
#                         lower0 (veth)
#                            |
#   ns sw:                  eth0 (hairpin on) -- br0: the host, MAC :fe
#
#   G1 = 01:00:5e:01:01:01, G2 = 01:00:5e:01:01:02, G0 = 01:00:5e:01:01:03
#   (no member). Their hashes in the lower's filter differ from each other
#   and from broadcast and 01:00:5e:00:00:01.
#
# Counting quirks both drivers share, asserted here: a frame a bridge-mode
# device floods to another one on transmit is counted with 14 bytes more (74
# for a 60-byte frame); a broadcast of a private device that the switch
# sends back reaches only that device and counts as a packet of 0 bytes, not
# multicast, and the lower device's stack does not see it. Packet sockets for
# 0x88b5 on the devices and on the lower device count what reaches each
# one's own stack ("stack").
. "$(dirname "$0")/diff.bash"

flood() {
	flood_topology 1000

	step "from the host outside"
	from_host $B
	delta_chk "host->broadcast" mc:mp1:60 mc:mv1:60 mc:mb1:60 mc:mb2:60 in:$FL:stack
	from_host $G0
	delta_chk -c $N "host->G0" in:$FL:stack
	from_host $G1
	delta_chk -c $N "host->G1" mc:mb2:60 in:$FL:stack
	from_host $G2
	delta_chk -c $N "host->G2" mc:mv1:60 mc:mb1:60 in:$FL:stack

	step "from the devices (the switch reflects everything)"
	# bridge: to the other bridge-mode device directly, reflected to vepa ones
	from mb1 $B
	delta_chk "mb1->broadcast" tx:mb1 mc:mb2:74 mc:mv1:60 \
		out:$FL in:$FL:stack br0.rx_packets=$N
	# vepa: reflected to vepa and bridge-mode devices, not back to itself
	from mv1 $B
	delta_chk "mv1->broadcast" tx:mv1 mc:mb1:60 mc:mb2:60 \
		out:$FL in:$FL:stack br0.rx_packets=$N
	# private: reflected only to itself, as packets of no bytes, and
	# consumed: the lower device's stack does not see it
	from mp1 $B
	delta_chk "mp1->broadcast" tx:mp1 mp1.rx_packets=$N mp1.stack=$N \
		out:$FL in:$FL br0.rx_packets=$N
	from mb1 $G1
	delta_chk -c $N "mb1->G1" tx:mb1 mc:mb2:74 \
		out:$FL in:$FL:stack br0.rx_packets=$N
	from mv1 $G2
	delta_chk -c $N "mv1->G2" tx:mv1 mc:mb1:60 \
		out:$FL in:$FL:stack br0.rx_packets=$N
	from mb2 $G2
	delta_chk -c $N "mb2->G2" tx:mb2 mc:mb1:74 mc:mv1:60 \
		out:$FL in:$FL:stack br0.rx_packets=$N

	step "from outside, with the source address of a device"
	# as if reflected from that device: bridge -> vepa devices only
	ag send sw br0 "$N" "${MAC[mb1]}" $B 88b5
	delta_chk "host-as-mb1->broadcast" mc:mv1:60 in:$FL:stack
	# vepa -> vepa and bridge devices but itself
	ag send sw br0 "$N" "${MAC[mv1]}" $B 88b5
	delta_chk "host-as-mv1->broadcast" mc:mb1:60 mc:mb2:60 in:$FL:stack
	# private -> only back to it, 0 bytes
	ag send sw br0 "$N" "${MAC[mp1]}" $B 88b5
	delta_chk "host-as-mp1->broadcast" mp1.rx_packets=$N mp1.stack=$N in:$FL
}

# IPv6 neighbour discovery: solicitations go to solicited-node groups, which
# the devices join; the pings resolve with ND only. A private device's
# solicitations come back only to itself, and those of others do not reach
# it, except from outside.
flood_nd() {
	dns low sw n1 n2 n3
	ipv6_on sw n1 n2 n3
	ip -n low link add lower0 type veth peer name eth0 netns sw
	nsb sw <<EOB
link add br0 address $HOST type bridge mcast_snooping 0
link set eth0 master br0
link set eth0 type bridge_slave hairpin on
link set eth0 up
link set br0 up
addr add fd00::fe/64 dev br0 nodad
EOB
	par drv_add low mp1 lower0 private address "${MAC[mp1]}" -- \
		drv_add low mv1 lower0 vepa address "${MAC[mv1]}" -- \
		drv_add low mb1 lower0 bridge address "${MAC[mb1]}"
	nsb low <<EOB
link set lower0 up
link set mp1 netns n1
link set mv1 netns n2
link set mb1 netns n3
EOB
	nsb_par n1 "addr add fd00::11/64 dev mp1 nodad
link set mp1 up" n2 "addr add fd00::21/64 dev mv1 nodad
link set mv1 up" n3 "addr add fd00::31/64 dev mb1 nodad
link set mb1 up"
	pings 2 "nd:host->mb1,sw,fd00::31,ok" "nd:mb1->host,n3,fd00::fe,ok" \
		"nd:mv1->mb1,n2,fd00::31,ok" "nd:mb1->mv1,n3,fd00::21,ok" \
		"nd:host->mp1,sw,fd00::11,ok" "nd:mp1->host,n1,fd00::fe,ok" \
		"nd:mp1->mb1,n1,fd00::31,fail" "nd:mv1->mp1,n2,fd00::11,fail"
}

diff_run flood
diff_run flood_nd
diff_finish
