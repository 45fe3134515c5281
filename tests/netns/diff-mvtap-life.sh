#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# mvlan-vm: one-kernel, about 55 s
# mvtap against macvtap: a tap device's life with its queues open
# (deleted, its lower deleted, moved to another netns, down, a short ring,
# a write that is no frame). Kinds: macvtap (ip) and mvtap made by mvctl.
# (The modes: diff-mvtap-modes.sh, whose topology this is.)
#
#   ns low                                           ns sw
#   t0 t1 t3 (bridge; t3 with two queues) -- lower0 (veth) -- eth0 (hairpin,
#                                                             captured)
#   t2 (vepa) ------------------------------- lower1 (veth) -- eth1
#   ns other: t1, moved there with its queue open    br0 (02:00:00:00:02:fe)
#
# Frames: TN of 60 bytes, ethertype 0x88b5.
# shellcheck source=tests/netns/diff.bash
. "$(dirname "$0")/diff.bash"
# shellcheck source=tests/netns/dev.bash
. "$(dirname "$0")/dev.bash"

mvtap_load
TN=4

sw_topology() {
	tap_switch 2
	trap root_cleanup EXIT
}

# tap_life: what a queue sees of its device's life
tap_life() {
	local m

	sw_topology
	DEV_FDS=(q0 q1 q2 q3 q4 cap0)
	dg cap cap0 sw eth0
	tap_add low t0 lower0 bridge address 02:00:00:00:07:01
	tap_add low t1 lower0 bridge address 02:00:00:00:07:02
	tap_add low t2 lower1 vepa address 02:00:00:00:07:03
	tap_add low t3 lower0 bridge address 02:00:00:00:07:04
	nsb low <<EOF
link set lower0 up
link set lower1 up
link set t0 up
link set t1 up
link set t2 up
link set t3 up
EOF
	dg open q0 "$(tap_dev low t0)" >/dev/null
	dg open q1 "$(tap_dev low t1)" >/dev/null
	dg open q2 "$(tap_dev low t2)" >/dev/null
	dg open q3 "$(tap_dev low t3)" >/dev/null
	dg open q4 "$(tap_dev low t3)" >/dev/null

	# a write that is no Ethernet frame
	track low t3 tx_packets tx_dropped rx_packets rx_dropped
	delta_snap
	rec "write 10 bytes: $(dg write q3 1 bytes 10)"
	delta_chk "a write of 10 bytes" "t3.tx_dropped=1"

	# down: nothing reaches the queues
	ip -n low link set t3 down
	dg inject sw br0 "$TN" raw "$HOST" 02:00:00:00:07:04 88b5 60
	tap_frames "t3 down: q3" q3
	rec "t3 down: write $(dg write q3 1 raw 02:00:00:00:07:04 "$HOST" 88b5 60)"
	tap_frames "t3 down: out" cap0
	ip -n low link set t3 up

	# a ring of 4 frames a queue: the rest is dropped, as an rx error
	ip -n low link set t3 txqueuelen 4
	delta_snap
	dg inject sw br0 16 udp "$HOST" 02:00:00:00:07:04 40 1
	tap_frames "ring of 4: q3" q3
	tap_frames "ring of 4: q4" q4
	delta_chk "ring of 4" "t3.rx_packets=16" "t3.rx_dropped=12"

	# its device deleted: the queue reads and writes nothing more
	drv_del low t0
	rec "t0 deleted: read $(dg read q0 0.3)"
	rec "t0 deleted: write $(dg write q0 1 raw 02:00:00:00:07:01 "$HOST" 88b5 60)"
	# its lower deleted, which deletes the device
	ip -n low link del lower1
	rec "lower1 deleted: t2 $(link_exists low t2 && echo exists || echo gone)"
	rec "lower1 deleted: read $(dg read q2 0.3)"
	rec "lower1 deleted: write $(dg write q2 1 raw 02:00:00:00:07:03 "$HOST" 88b5 60)"
	# moved to another netns: a character device of its new ifindex there,
	# and the open queue keeps working
	dns other
	ip -n low link set t1 netns other
	m=$(ip netns exec other sh -c 'ls /sys/class/net/t1 | grep "^tap"') || m=none
	rec "t1 moved: its tap in sysfs is tap<ifindex>: $([[ $m == "tap$(ifindex other t1)" ]] && echo yes || echo "no ($m)")"
	ip -n other link set t1 up
	dg inject sw br0 "$TN" raw "$HOST" 02:00:00:00:07:02 88b5 60
	tap_frames "t1 moved: q1" q1
	rec "t1 moved: write $(dg write q1 1 raw 02:00:00:00:07:02 "$HOST" 88b5 60)"
	tap_frames "t1 moved: out" cap0
}

# The way a device is made does not matter here (diff-mvtap.sh has the ip
# plugin's mvtap): macvtap and mvtap by mvctl only.
diff_run tap_life macvlan mvlan
diff_finish
