#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# mvlan-vm: one-kernel, about 52 s
# mvtap against macvtap: the five modes and the source list through the
# character devices. Kinds: macvtap (ip) and mvtap made by mvctl.
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
	tap_switch 2
	trap root_cleanup EXIT
}

# counts LABEL: how many frames each queue and capture holds, on one line
# (read all at once: qNAME for the queues, cap0 and cap1 for eth0, eth1)
counts() {
	rec "$1: $(dg counts 0.4 "${TAPS[@]/#/q}" cap0 cap1)"
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
	tap_frames "vB, from the listed source" qvB
	tap_frames "s0, from the listed source" qs0
	for t in bA vB s0; do
		rec "$t's counters: $(st low "$t" rx_packets rx_bytes multicast tx_packets tx_bytes tx_dropped rx_dropped)"
	done
}

# The way a device is made does not matter here (diff-mvtap.sh has the ip
# plugin's mvtap): macvtap and mvtap by mvctl only, to keep the test short.
# A device's life with its queues open: diff-mvtap-life.sh.
diff_run tap_modes macvlan mvlan
diff_finish
