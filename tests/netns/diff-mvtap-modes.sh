#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# mvtap against macvtap: the five modes and the source list through the
# character devices, and a tap device's life with its queues open
# (deleted, its lower deleted, moved to another netns, down, a short ring,
# a write that is no frame). Kinds: macvtap (ip), mvtap made by mvctl,
# mvtap made by ip with the plugin.
#
#   ns low                                            ns sw
#   bA bB (bridge)  pA pB (private)                   br0 (02:00:00:00:02:fe)
#   vA vB (vepa)    s0 (source: list 02:00:00:00:05:01)  |
#        \______________ lower0 (veth) ------------- eth0 (hairpin), captured
#   pt (passthru) ------ lower1 (veth) ------------- eth1, captured
#
# Every tap device has a queue of its own, q<name>, read by the device
# agent; frames: TN of 60 bytes, ethertype 0x88b5.
# shellcheck source=tests/netns/diff.bash
. "$(dirname "$0")/diff.bash"
# shellcheck source=tests/netns/dev.bash
. "$(dirname "$0")/dev.bash"

mvtap_load
TN=4
SRCX=02:00:00:00:05:01
declare -A TMAC=([bA]=02:00:00:00:07:11 [bB]=02:00:00:00:07:12
	[pA]=02:00:00:00:07:21 [pB]=02:00:00:00:07:22
	[vA]=02:00:00:00:07:31 [vB]=02:00:00:00:07:32
	[s0]=02:00:00:00:07:41 [pt]=02:00:00:00:07:51)
TAPS=(bA bB pA pB vA vB s0 pt)

sw_topology() {
	dns low sw
	ip -n low link add lower0 type veth peer name eth0 netns sw
	ip -n low link add lower1 type veth peer name eth1 netns sw
	nsb sw <<EOF
link add br0 address $HOST type bridge mcast_snooping 0
link set eth0 master br0
link set eth0 type bridge_slave hairpin on
link set eth0 up
link set eth1 up
link set br0 up
EOF
	trap root_cleanup EXIT
}

# frames LABEL ID: the number of frames queue ID holds, and each
frames() {
	local out n

	out=$(dg read "$2" 0.4)
	n=$(grep -c . <<<"$out" || true)
	rec "$1: $n"
	[[ -z $out ]] || while read -r l; do rec "$1: $l"; done <<<"$out"
}

# counts LABEL: how many frames each queue holds, on one line
counts() {
	local t line=''

	for t in "${TAPS[@]}"; do
		line+=" $t=$(dg read "q$t" 0.2 | grep -c . || true)"
	done
	line+=" out0=$(dg read cap0 0.2 | grep -c . || true)"
	line+=" out1=$(dg read cap1 0.2 | grep -c . || true)"
	rec "$1:$line"
}

tap_modes() {
	local t m

	sw_topology
	DEV_FDS=(cap0 cap1)
	for t in bA bB; do tap_add low "$t" lower0 bridge address "${TMAC[$t]}"; done
	for t in pA pB; do tap_add low "$t" lower0 private address "${TMAC[$t]}"; done
	for t in vA vB; do tap_add low "$t" lower0 vepa address "${TMAC[$t]}"; done
	tap_add low s0 lower0 source address "${TMAC[s0]}"
	tap_source low s0 add "$SRCX"
	tap_add low pt lower1 passthru
	nsb low <<EOF
link set lower0 up
link set lower1 up
$(for t in "${TAPS[@]}"; do echo "link set $t up"; done)
EOF
	for t in "${TAPS[@]}"; do
		DEV_FDS+=("q$t")
		m=$(dg open "q$t" "$(tap_dev low "$t")")
		rec "open q$t: ${m/ $t / NAME }"
	done
	dg cap cap0 sw eth0
	dg cap cap1 sw eth1
	counts "nothing yet"

	dg write qbA "$TN" raw "${TMAC[bA]}" "${TMAC[bB]}" 88b5 60 >/dev/null
	counts "bridge bA -> bB"
	dg write qpA "$TN" raw "${TMAC[pA]}" "${TMAC[pB]}" 88b5 60 >/dev/null
	counts "private pA -> pB"
	dg write qvA "$TN" raw "${TMAC[vA]}" "${TMAC[vB]}" 88b5 60 >/dev/null
	counts "vepa vA -> vB, through the hairpin"
	dg write qbA "$TN" raw "${TMAC[bA]}" "${TMAC[vB]}" 88b5 60 >/dev/null
	counts "bridge bA -> vepa vB"
	dg inject sw br0 "$TN" raw "$SRCX" "${TMAC[bB]}" 88b5 60
	counts "from the listed source to bB"
	dg inject sw br0 "$TN" raw 02:00:00:00:05:02 "${TMAC[bB]}" 88b5 60
	counts "from another source to bB"
	dg inject sw br0 "$TN" raw "$SRCX" 02:00:00:00:09:09 88b5 60
	counts "from the listed source to nobody"
	dg inject sw br0 "$TN" raw "$HOST" ff:ff:ff:ff:ff:ff 88b5 60
	counts "broadcast from outside"
	dg write qbA "$TN" raw "${TMAC[bA]}" ff:ff:ff:ff:ff:ff 88b5 60 >/dev/null
	counts "broadcast from bridge bA"
	dg write qvA "$TN" raw "${TMAC[vA]}" ff:ff:ff:ff:ff:ff 88b5 60 >/dev/null
	counts "broadcast from vepa vA"
	dg inject sw eth1 "$TN" raw "$HOST" 02:00:00:00:09:09 88b5 60
	counts "to anyone, on the passthru device's lower"
	dg write qpt "$TN" raw "${TMAC[pt]}" "$HOST" 88b5 60 >/dev/null
	counts "from the passthru device"
	# what one of them got, frame by frame
	dg inject sw br0 "$TN" raw "$SRCX" "${TMAC[vB]}" 88b5 60
	frames "vB, from the listed source" qvB
	frames "s0, from the listed source" qs0
	for t in bA vB s0; do
		rec "$t's counters: $(st low "$t" rx_packets rx_bytes multicast tx_packets tx_bytes tx_dropped rx_dropped)"
	done
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
	frames "t3 down: q3" q3
	rec "t3 down: write $(dg write q3 1 raw 02:00:00:00:07:04 "$HOST" 88b5 60)"
	frames "t3 down: out" cap0
	ip -n low link set t3 up

	# a ring of 4 frames a queue: the rest is dropped, as an rx error
	ip -n low link set t3 txqueuelen 4
	delta_snap
	dg inject sw br0 16 udp "$HOST" 02:00:00:00:07:04 40 1
	frames "ring of 4: q3" q3
	frames "ring of 4: q4" q4
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
	frames "t1 moved: q1" q1
	rec "t1 moved: write $(dg write q1 1 raw 02:00:00:00:07:02 "$HOST" 88b5 60)"
	frames "t1 moved: out" cap0
}

# The way a device is made does not matter here (diff-mvtap.sh has the ip
# plugin's mvtap): macvtap and mvtap by mvctl only, to keep the test short.
diff_run tap_modes macvlan mvlan
diff_run tap_life macvlan mvlan
diff_finish
