#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# mvtap against macvtap: the character device /dev/tapN of a tap device,
# read and written by the device agent as QEMU would, with and without vnet
# headers (10 and 12 bytes), offloads, one queue and several
# (IFF_MULTI_QUEUE); the same frames in, the same frames out, the same
# counters and features. Kinds: macvtap (ip), mvtap made by mvctl, mvtap
# made by ip with the plugin.
#
#   ns low                                       ns sw
#   t0 (bridge, 02:00:00:00:07:01)               br0 (02:00:00:00:02:fe,
#     /dev/tapN: queues q0, q1                        10.7.0.1/24)
#        |                                            |
#      lower0 (veth) --------------------------- eth0 (hairpin), captured
#
# Frames: TN of 60 bytes, ethertype 0x88b5, from br0 or from the tap; IPv4
# UDP and TCP frames 10.0.0.1 -> 10.0.0.2 (offload requests in the vnet
# header); a UDP datagram of 3000 bytes sent by br0's stack as 1000-byte
# segments (UDP_SEGMENT: one GSO packet) to 10.7.0.2, the tap's address.
# shellcheck source=tests/netns/diff.bash
. "$(dirname "$0")/diff.bash"
# shellcheck source=tests/netns/dev.bash
. "$(dirname "$0")/dev.bash"

mvtap_load
TN=6
TAPMAC=02:00:00:00:07:01

# the topology above, with t0 up and its character device in $TAPDEV
tap_topology() {
	tap_switch 1
	nsb sw <<EOF
addr add 10.7.0.1/24 dev br0
neigh add 10.7.0.2 lladdr $TAPMAC dev br0 nud permanent
EOF
	tap_add low t0 lower0 bridge address "$TAPMAC"
	nsb low <<EOF
link set lower0 up
link set t0 up
EOF
	TAPDEV=$(tap_dev low t0)
	trap root_cleanup EXIT
	DEV_FDS=(q0 q1 cap)
	dg cap cap sw eth0
}

# opened LABEL ID OPTS...: open a queue of t0 and record the answer
opened() {
	local label=$1

	shift
	rec "$label: $(dg open "$1" "$TAPDEV" "${@:2}")"
}

tap_io() {
	local v

	tap_topology
	# mvctl (the genl family) shows an mvtap device as an mvlan device
	# with its kind
	if [[ $DRIVER == mvlan ]]; then
		chk_msg "mvctl show t0" \
			"$("$MVCTL" -n low show t0 | grep -o ' link lower0 type mvtap mode bridge ')" \
			' link lower0 type mvtap mode bridge '
		chk_msg "mvctl -j show t0: type" \
			"$("$MVCTL" -n low -j show t0 | jq -r '.[0].type')" mvtap
	fi
	track low t0 rx_packets rx_bytes rx_dropped tx_packets tx_bytes tx_dropped
	track low lower0 rx_packets tx_packets
	delta_snap

	# no queue yet: the device takes the frames and drops them (macvtap
	# counts them received and as receive errors, which are rx_dropped)
	dg inject sw br0 "$TN" raw "$HOST" "$TAPMAC" 88b5 60
	delta_chk "unicast in, no queue open" "t0.rx_packets=$TN" "t0.rx_bytes=$((TN * 60))" \
		"t0.rx_dropped=$TN" "lower0.rx_packets=$TN"

	for v in 0 10 12; do
		if [[ $v == 0 ]]; then
			opened "open, no vnet header" q0
		else
			opened "open, vnet header of $v" q0 "vnet=$v"
		fi
		dg inject sw br0 "$TN" raw "$HOST" "$TAPMAC" 88b5 60
		tap_frames "vnet $v: unicast in" q0
		dg inject sw br0 "$TN" raw "$HOST" ff:ff:ff:ff:ff:ff 88b5 60
		tap_frames "vnet $v: broadcast in" q0
		rec "vnet $v: write $(dg write q0 "$TN" raw "$TAPMAC" "$HOST" 88b5 60)"
		tap_frames "vnet $v: out, raw" cap
		delta_chk "vnet $v" "t0.rx_packets=$((2 * TN))" "t0.rx_bytes=$((2 * TN * 60))" \
			"t0.tx_packets=$TN" "t0.tx_bytes=$((TN * 60))" \
			"lower0.rx_packets=$((2 * TN))" "lower0.tx_packets=$TN"
		if [[ $v != 0 ]]; then
			rec "vnet $v: write $(dg write q0 "$TN" ip "$TAPMAC" "$HOST" udp 100 csum)"
			tap_frames "vnet $v: out, UDP, checksum to fill" cap
			rec "vnet $v: write $(dg write q0 2 ip "$TAPMAC" "$HOST" tcp 3000 gso=1000)"
			tap_frames "vnet $v: out, TCP, to segment" cap
			rec "vnet $v: write $(dg write q0 2 ip "$TAPMAC" "$HOST" udp 3000 gso=1000)"
			tap_frames "vnet $v: out, UDP, to segment" cap
			# a packet a write, segmented or not, where the kernel
			# takes it (6.1's tap refuses UDP segmentation): as
			# macvtap's
			rec "vnet $v: after the offload writes: t0 $(st low t0 tx_packets tx_bytes tx_dropped)"
			delta_snap
		fi
		dg close q0
	done
	rec "t0's counters: $(st low t0 rx_packets tx_packets tx_dropped rx_dropped)"
}

# several queues: frames spread by flow; a detached queue gets none
tap_mq() {
	local q

	tap_topology
	opened "open q0" q0 mq
	opened "open q1" q1 mq
	dg inject sw br0 16 udp "$HOST" "$TAPMAC" 40 8
	tap_frames "two queues: q0" q0
	tap_frames "two queues: q1" q1
	rec "detach q1: $(dg queue q1 detach)"
	dg inject sw br0 16 udp "$HOST" "$TAPMAC" 40 8
	tap_frames "q1 detached: q0" q0
	tap_frames "q1 detached: q1" q1
	rec "detach q1 again: $(dg queue q1 detach)"
	rec "write on detached q1: $(dg write q1 1 raw "$TAPMAC" "$HOST" 88b5 60)"
	tap_frames "q1 detached: out" cap
	rec "attach q1: $(dg queue q1 attach)"
	dg inject sw br0 16 udp "$HOST" "$TAPMAC" 40 8
	tap_frames "q1 attached again: q0" q0
	tap_frames "q1 attached again: q1" q1
	for q in q0 q1; do
		rec "write on $q: $(dg write $q 2 raw "$TAPMAC" "$HOST" 88b5 60)"
	done
	tap_frames "written on both: out" cap
	dg close q0
	dg inject sw br0 16 udp "$HOST" "$TAPMAC" 40 8
	tap_frames "q0 closed: q1" q1
}

# offloads the queue asks for become the device's features; a GSO packet
# is segmented for a queue that did not ask for them
tap_offload() {
	local o

	tap_topology
	for o in none csum csum+tso4 csum+tso4+tso6+ecn csum+uso4+uso6; do
		opened "offload $o" q0 vnet=12 "offload=$o"
		rec "offload $o: features $(ip netns exec low ethtool -k t0 |
			grep -E '^(tx-checksumming|tcp-segmentation-offload|tx-udp-segmentation|generic-segmentation-offload):' |
			tr -s '\n\t ' ' ')"
		dg gso sw 10.7.0.2 9 3000 1000
		tap_frames "offload $o: GSO in" q0
		dg close q0
	done
	opened "no vnet header" q0
	dg gso sw 10.7.0.2 9 3000 1000
	tap_frames "no vnet header: GSO in" q0
}

# How a device is made matters to tap_io only (the ip plugin's mvtap);
# the rest runs for macvtap and mvtap by mvctl, to keep the test short.
diff_run tap_io
diff_run tap_mq macvlan mvlan
diff_run tap_offload macvlan mvlan
diff_finish
