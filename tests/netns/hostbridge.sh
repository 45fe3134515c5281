#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# hostbridge (MVLAN_F_HOSTBRIDGE): the lower device's own stack and the
# bridge-mode devices with the flag exchange frames as two bridge-mode
# devices do, and none of them reaches the wire; devices without the flag
# and the outside host see what they see without it.
#
#   ns c1: hb1 bridge, hostbridge  .1   ns c2: hb2 bridge, hostbridge  .2
#   ns c3: br3 bridge              .3   ns c4: vp4 vepa                .4
#          (MACs 02:00:00:00:0a:01 .. :04; hb1 joins G1)
#              \         \                /          /
#               +---------+-- lower0 (veth) ---------+
#                    ns host: the lower's own stack, 10.0.0.254, :fe
#                                  |
#                    ns out: wire0, the outside host, 10.0.0.100, :64
#
# 1. frames (mvctl, the genl family): bursts of N=20 raw frames of 60
#    bytes (ethertype 0x88b5) from the lower's stack (a packet socket on
#    lower0), from each device and from outside, to each device, the
#    lower, broadcast and G1; the change of every counter and of what each
#    stack got is exact. Then the flag toggled at run time, the last one
#    too (the lower's hook goes, and comes back), and a device that is
#    down.
# 2. protocols (mvctl): ARP and IPv6 ND both ways, ping over IPv4 and
#    IPv6, TCP (IPv4) and UDP (IPv6) both ways with iperf3, while the
#    outside host counts every unicast frame it sees: none. Then the
#    outside host reaches every device, and the devices without the flag
#    do not reach the host.
# The refusals, both faces, the lower device's changes (netns, down, MAC,
# delete) and the shim recipe it replaces: hostbridge-life.sh.
#
# Counting quirk shared with bridge-mode devices (diff-flood.sh): a frame
# flooded on transmit, here from the lower's stack, is counted with 14
# bytes more (74 for 60).
. "$(dirname "$0")/hostbridge.bash"

frames() {
	hb_topology
	ip -n c1 maddr add $G1 dev hb1

	step "from the lower's stack"
	from_low "${HB_MAC[hb1]}"
	delta_chk "low->hb1" uc:hb1:60
	from_low "${HB_MAC[hb2]}"
	delta_chk "low->hb2" uc:hb2:60
	# without the flag: to the wire, as without hostbridge
	from_low "${HB_MAC[br3]}"
	delta_chk "low->br3" out:lower0 wire0.rx_packets=$N
	from_low "${HB_MAC[vp4]}"
	delta_chk "low->vp4" out:lower0 wire0.rx_packets=$N
	from_low $B
	delta_chk "low->broadcast" mc:hb1:74 mc:hb2:74 \
		out:lower0 wire0.rx_packets=$N
	from_low $G1
	delta_chk -c $N "low->G1" mc:hb1:74 \
		out:lower0 wire0.rx_packets=$N
	from_low $OUT
	delta_chk "low->out" out:lower0 wire0.rx_packets=$N

	step "from the devices"
	from_dev c1 hb1 $LOW
	delta_chk "hb1->low" tx:hb1 lower0.stack=$N
	from_dev c1 hb1 $B
	delta_chk "hb1->broadcast" tx:hb1 mc:hb2:74 mc:br3:74 lower0.stack=$N \
		out:lower0 wire0.rx_packets=$N
	from_dev c1 hb1 $G1
	delta_chk -c $N "hb1->G1" tx:hb1 lower0.stack=$N \
		out:lower0 wire0.rx_packets=$N
	from_dev c1 hb1 "${HB_MAC[hb2]}"
	delta_chk "hb1->hb2" tx:hb1 uc:hb2:60
	from_dev c1 hb1 "${HB_MAC[br3]}"
	delta_chk "hb1->br3" tx:hb1 uc:br3:60
	from_dev c1 hb1 "${HB_MAC[vp4]}"
	delta_chk "hb1->vp4" tx:hb1 out:lower0 wire0.rx_packets=$N
	from_dev c1 hb1 $OUT
	delta_chk "hb1->out" tx:hb1 out:lower0 wire0.rx_packets=$N
	# without the flag: the lower's stack is not theirs
	from_dev c3 br3 $LOW
	delta_chk "br3->low" tx:br3 out:lower0 wire0.rx_packets=$N
	from_dev c3 br3 $B
	delta_chk "br3->broadcast" tx:br3 mc:hb1:74 mc:hb2:74 \
		out:lower0 wire0.rx_packets=$N
	from_dev c3 br3 "${HB_MAC[hb1]}"
	delta_chk "br3->hb1" tx:br3 uc:hb1:60
	from_dev c4 vp4 $LOW
	delta_chk "vp4->low" tx:vp4 out:lower0 wire0.rx_packets=$N
	# a vepa device's frame for hb1 leaves by the wire, as ever
	from_dev c4 vp4 "${HB_MAC[hb1]}"
	delta_chk "vp4->hb1" tx:vp4 out:lower0 wire0.rx_packets=$N
	from_dev c4 vp4 $B
	delta_chk "vp4->broadcast" tx:vp4 out:lower0 wire0.rx_packets=$N

	step "from outside: as without hostbridge, nothing twice"
	from_out "${HB_MAC[hb1]}"
	delta_chk "out->hb1" uc:hb1:60 lower0.rx_packets=$N
	from_out $LOW
	delta_chk "out->low" in:lower0:stack
	from_out $B
	delta_chk "out->broadcast" mc:hb1:60 mc:hb2:60 mc:br3:60 mc:vp4:60 \
		in:lower0:stack
	from_out $G1
	delta_chk -c $N "out->G1" mc:hb1:60 in:lower0:stack

	step "the flag toggled at run time"
	hb_set c1 hb1 off
	chk "hb1 without the flag" "$(hb_modeof c1 hb1)" "bridge"
	from_low "${HB_MAC[hb1]}"
	delta_chk "flag off: low->hb1" out:lower0 wire0.rx_packets=$N
	from_dev c1 hb1 $LOW
	delta_chk "flag off: hb1->low" tx:hb1 out:lower0 wire0.rx_packets=$N
	from_low $B
	delta_chk "flag off: low->broadcast" mc:hb2:74 \
		out:lower0 wire0.rx_packets=$N
	# the last device with the flag: the lower's hook goes
	hb_set c2 hb2 off
	from_low "${HB_MAC[hb2]}"
	delta_chk "no flag: low->hb2" out:lower0 wire0.rx_packets=$N
	from_dev c2 hb2 $B
	delta_chk "no flag: hb2->broadcast" tx:hb2 mc:hb1:74 mc:br3:74 \
		out:lower0 wire0.rx_packets=$N
	# and comes back
	hb_set c1 hb1 on
	chk "hb1 with the flag" "$(hb_modeof c1 hb1)" "bridge hostbridge"
	from_low "${HB_MAC[hb1]}"
	delta_chk "flag on again: low->hb1" uc:hb1:60
	from_low "${HB_MAC[hb2]}"
	delta_chk "flag on again: low->hb2 (still off)" out:lower0 wire0.rx_packets=$N
	from_dev c1 hb1 $LOW
	delta_chk "flag on again: hb1->low" tx:hb1 lower0.stack=$N

	step "a device that is down"
	ip -n c1 link set hb1 down
	from_low "${HB_MAC[hb1]}"
	delta_chk "hb1 down: low->hb1" out:lower0 wire0.rx_packets=$N
	from_low $B
	delta_chk "hb1 down: low->broadcast" out:lower0 wire0.rx_packets=$N
	ip -n c1 link set hb1 up
	from_low "${HB_MAC[hb1]}"
	delta_chk "hb1 up: low->hb1" uc:hb1:60
}

# ARP, ND, ICMP, TCP and UDP between the lower's stack and the devices
# with the flag, IPv4 and IPv6; hb1 and hb2 have IPv6 (fd00::1, ::2), the
# lower fd00::fe and the outside host fd00::64, br3 none
protocols() {
	local i dst

	dns host out c1 c2 c3
	ipv6_on host out c1 c2
	ip -n host link add lower0 address $LOW type veth peer name wire0 \
		address $OUT netns out
	par hb_add host hb1 lower0 bridge "${HB_MAC[hb1]}" hostbridge -- \
		hb_add host hb2 lower0 bridge "${HB_MAC[hb2]}" hostbridge -- \
		hb_add host br3 lower0 bridge "${HB_MAC[br3]}"
	nsb host <<EOF
addr add ${HB_IP[lower0]}/24 dev lower0
addr add fd00::fe/64 dev lower0 nodad
link set lower0 up
link set hb1 netns c1
link set hb2 netns c2
link set br3 netns c3
EOF
	# the outside host first: nothing the devices send finds it down
	nsb out <<EOF
addr add ${HB_IP[wire0]}/24 dev wire0
addr add fd00::64/64 dev wire0 nodad
link set wire0 up
EOF
	nsb_par c1 "addr add ${HB_IP[hb1]}/24 dev hb1
addr add fd00::1/64 dev hb1 nodad
link set hb1 up" c2 "addr add ${HB_IP[hb2]}/24 dev hb2
addr add fd00::2/64 dev hb2 nodad
link set hb2 up" c3 "addr add ${HB_IP[br3]}/24 dev br3
link set br3 up"
	iperf_server c1

	# from here the outside host counts each unicast frame it sees, and
	# the ARP frames by sender
	capture_start out wire0
	ag listen arp out wire0 0806

	step "ARP both ways, then ping"
	pings 5 "arp:low->hb1,host,${HB_IP[hb1]},ok"
	pings 5 "arp:hb2->low,c2,${HB_IP[lower0]},ok"
	pings 5 "low->hb2,host,${HB_IP[hb2]},ok" "hb1->low,c1,${HB_IP[lower0]},ok"
	chk "low's neighbour hb1" "$(neigh host "${HB_IP[hb1]}")" "${HB_MAC[hb1]}"
	chk "low's neighbour hb2" "$(neigh host "${HB_IP[hb2]}")" "${HB_MAC[hb2]}"
	chk "hb1's neighbour low" "$(neigh c1 "${HB_IP[lower0]}")" $LOW
	chk "hb2's neighbour low" "$(neigh c2 "${HB_IP[lower0]}")" $LOW
	# the two requests were broadcast, and went out too; nothing else
	chk "ARP frames on the wire, by sender" "$(ag drain arp)" \
		"2 ${HB_MAC[hb2]}=1,$LOW=1"

	step "IPv6 neighbour discovery both ways, then ping"
	pings 5 "nd:low->hb1,host,fd00::1,ok"
	pings 5 "nd:hb2->low,c2,fd00::fe,ok"
	pings 5 "low->hb2,host,fd00::2,ok" "hb1->low,c1,fd00::fe,ok"
	chk "low's neighbour fd00::1" "$(neigh host fd00::1)" "${HB_MAC[hb1]}"
	chk "low's neighbour fd00::2" "$(neigh host fd00::2)" "${HB_MAC[hb2]}"
	chk "hb1's neighbour fd00::fe" "$(neigh c1 fd00::fe)" $LOW
	chk "hb2's neighbour fd00::fe" "$(neigh c2 fd00::fe)" $LOW

	# TCP over IPv4, UDP over IPv6, each both ways: every process costs
	# the TCG guest; ping covered ICMP over both
	step "TCP over IPv4 and UDP over IPv6, both ways (iperf3)"
	chk "tcp low->hb1" "$(iperf host "${HB_IP[hb1]}" -n 512K)" ok
	chk "tcp hb1->low" "$(iperf host "${HB_IP[hb1]}" -n 512K -R)" ok
	chk "udp low->hb1" "$(iperf host fd00::1 -u -b 1M -n 50K -l 1000)" ok
	chk "udp hb1->low" "$(iperf host fd00::1 -u -b 1M -n 50K -l 1000 -R)" ok
	iperf_server_stop

	step "none of it on the wire"
	# but the frame the lower's stack sends the outside host: the capture
	# works, and the hook lets the lower's own frames through
	N=1 from_low $OUT
	chk "unicast frames the outside host saw (1: the lower's to it)" "$(capture_count 1)" 1
	chk "ARP frames on the wire since" "$(ag drain arp)" "0 -"

	step "the outside host reaches every device; br3 is not the lower's"
	pings 5 "out->hb1,out,${HB_IP[hb1]},ok" "out->hb2,out,${HB_IP[hb2]},ok" \
		"out->br3,out,${HB_IP[br3]},ok" "out->low,out,${HB_IP[lower0]},ok" \
		"out->hb1-6,out,fd00::1,ok" "out->low-6,out,fd00::fe,ok"
	pings 3 "low->br3,host,${HB_IP[br3]},fail" "br3->low,c3,${HB_IP[lower0]},fail"
	for i in hb1 hb2; do
		chk "$i's counters: no error" \
			"$(st "c${i#hb}" "$i" rx_errors rx_dropped tx_dropped)" "0 0 0"
	done
}

diff_run frames mvlan
diff_run protocols mvlan
diff_finish
