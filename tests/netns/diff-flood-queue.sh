#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Differential test, macvlan (oracle) vs mvlan: the flood queue. Broadcasts,
# and multicast groups joined by more devices than the port's cutoff (bclim,
# 1 by default), are delivered from a queue of bcqueuelen frames (the largest
# any device asks for) by a work item; groups at or below the cutoff inline.
# Here every device asks for bcqueuelen 0, so the queue holds nothing:
# what is queued is dropped, counted in the lower device's rx_dropped, and
# still passed up the lower device's own stack.
#
# The topology is diff-flood.sh's, with the same groups (G1: mb2; G2: mv1
# and mb1) and bursts of N=20 frames:
#
#   ns low: mp1 (private)  mv1 (vepa)  mb1 (bridge)  mb2 (bridge)
#                 \___________\_________/_____________/
#                  lower0 (veth), or bond0 (active-backup) over lower0
#                            |
#   ns sw:                  eth0 (hairpin on) -- br0: the host
#
# 1. On a veth: veth has no unicast filter (IFF_UNICAST_FLT), so the devices'
#    addresses make it promiscuous, and a promiscuous lower device puts every
#    group in the port's filters: all multicast is queued, whatever bclim.
# 2. On a bond, which has a unicast filter: G1 (one member) is inline, G2
#    (two) is queued; with bclim 2 G2 is inline but broadcast is still queued;
#    with bclim -1 everything is inline. bclim is port-wide; here it is set
#    by creating one more (down) device with it.
#
# 3. The queue's length follows the devices as they are added, changed and
#    deleted: always the largest any device asks for (mvlan counts the
#    devices that ask for the most and walks them only when the last of
#    them goes; macvlan walks them on every change).
#
# Where this kernel's macvlan differs from upstream, mvlan follows upstream:
# Linux before 6.4 (here 6.1) has no cutoff in macvlan: it queues every
# broadcast and multicast frame, so with bcqueuelen 0 it drops G1 too, which
# mvlan (like macvlan since 6.4) delivers inline; and it has no bclim
# (IFLA_MACVLAN_BC_CUTOFF). There the G1 results are held to each driver's
# own expectation, and the bclim part runs for the mvlan kinds alone.
. "$(dirname "$0")/diff.bash"

modprobe bonding max_bonds=0

queue_veth() {
	flood_topology 0

	chk "bcqueuelen used" "$(drv_bcqueuelen_used low mb1)" 0
	chk "lower0 promiscuity (no unicast filter)" "$(st low lower0 promiscuity)" 1
	from_host $B
	delta_chk "veth: host->broadcast" in:$FL:stack:drop
	from_host $G1
	delta_chk -c $N "veth: host->G1" in:$FL:stack:drop
	# the bridge-mode device's own flood is inline, the switch's copy queued
	from mb1 $B
	delta_chk "veth: mb1->broadcast" tx:mb1 mc:mb2:74 \
		out:$FL in:$FL:stack:drop br0.rx_packets=$N
	# back to the private sender: inline
	from mp1 $B
	delta_chk "veth: mp1->broadcast" tx:mp1 mp1.rx_packets=$N mp1.stack=$N \
		out:$FL in:$FL br0.rx_packets=$N
}

queue_bond() {
	local g1

	flood_topology 0 bond
	g1=(mc:mb2:60 "in:$FL:stack")
	if [[ $BCLIM == 0 ]]; then
		# macvlan before 6.4 queues groups of one member too: dropped
		g1=(mvlan@mc:mb2:60 "mvlan@in:$FL:stack" "macvlan@in:$FL:stack:drop")
	fi
	chk "bond0 promiscuity (unicast filter)" "$(st low bond0 promiscuity)" 0
	from_host $G1
	delta_chk -c $N "bond: host->G1" "${g1[@]}"
	from_host $G2
	delta_chk -c $N "bond: host->G2" in:$FL:stack:drop
	from_host $B
	delta_chk "bond: host->broadcast" in:$FL:stack:drop
	from mv1 $G1
	delta_chk -c $N "bond: mv1->G1" tx:mv1 out:$FL br0.rx_packets=$N "${g1[@]}"
	[[ $BCLIM == 1 ]] || return 0
	bclim_part
}

bclim_part() {
	chk "bclim by default" "$(drv_bclim low mb1)" 1
	drv_add low cut2 bond0 bridge bcqueuelen 0 bclim 2
	chk "bclim after adding cut2" "$(drv_bclim low mb1)" 2
	from_host $G2
	delta_chk -c $N "bclim 2: host->G2" mc:mv1:60 mc:mb1:60 in:$FL:stack
	from_host $B
	delta_chk "bclim 2: host->broadcast" in:$FL:stack:drop

	drv_add low cut3 bond0 bridge bcqueuelen 0 bclim -1
	chk "bclim after adding cut3" "$(drv_bclim low mb1)" -1
	from_host $B
	delta_chk "bclim -1: host->broadcast" mc:mp1:60 mc:mv1:60 mc:mb1:60 \
		mc:mb2:60 in:$FL:stack
	from mb1 $B
	delta_chk "bclim -1: mb1->broadcast" tx:mb1 mc:mb2:74 mc:mv1:60 \
		out:$FL in:$FL:stack br0.rx_packets=$N
}

bclim_bond() {
	flood_topology 0 bond
	bclim_part
}

# the length the port uses, seen from q1, after each step
queue_len_used() {
	chk "$1" "$(drv_bcqueuelen_used low q1)" "$2"
}

queue_len() {
	dns low
	echo 'link add lower0 type dummy' | nsb low
	drv_add low q1 lower0 bridge bcqueuelen 100
	queue_len_used "q1 100" 100
	drv_add low q2 lower0 bridge bcqueuelen 500
	drv_add low q3 lower0 private bcqueuelen 500
	queue_len_used "q1 100, q2 500, q3 500" 500
	drv_del low q2
	queue_len_used "q1 100, q3 500 (q2 deleted)" 500
	drv_del low q3
	queue_len_used "q1 100 (q3 deleted)" 100
	drv_bcqueuelen low q1 50
	queue_len_used "q1 50 (changed)" 50
	drv_add low q4 lower0 vepa
	queue_len_used "q1 50, q4 by default" 1000
	drv_bcqueuelen low q4 10
	queue_len_used "q1 50, q4 10 (changed)" 50
	drv_bcqueuelen low q1 5
	queue_len_used "q1 5 (changed), q4 10" 10
	drv_add low q5 lower0 bridge bcqueuelen 10
	drv_del low q4
	queue_len_used "q1 5, q5 10 (q4 deleted)" 10
	drv_bcqueuelen low q5 0
	queue_len_used "q1 5, q5 0 (changed)" 5
}

diff_run queue_len
diff_run queue_veth
if oracle_has_bclim; then
	BCLIM=1
	diff_run queue_bond
else
	echo "(this kernel's macvlan has no bclim: that part runs for mvlan and mvlan-ip only)"
	BCLIM=0
	diff_run queue_bond
	diff_run bclim_bond mvlan mvlan-ip
fi
diff_finish
