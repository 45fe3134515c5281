#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# mvlan-vm: one-kernel, about 40 s
#
# Differential test, macvlan (oracle) vs mvlan: device counters. A fixed
# amount of traffic, then "ip -s -j link show" of every device must give the
# same counters for both drivers, and the ones worked out below.
#
#  ns p1: mp1 (private) .11   ns v1: mv1 (vepa) .21 (joins G1)
#  ns b1: mb1 (bridge) .31    ns b2: mb2 (bridge) .32 (joins G1)
#          \___________________|___________/____________/
#                       ns low: lower0 (veth)
#                                |
#  ns sw:                       eth0 (hairpin on) -- br0, the host, .254
#
# 10.6.0.0/24 with permanent neighbour entries everywhere, IPv6 off: nothing
# moves but what the test sends.
#
# Traffic, K = 5 echo requests and replies of 98 bytes each way:
#   mb1 -> mb2 (bridge to bridge, directly), mv1 -> mb1 (reflected),
#   mp1 -> host, host -> mv1, mp1 -> mv1 (reflected unicast)
# then bursts of N = 20 frames of 60 bytes, ethertype 0x88b5 (no protocol
# handler: the stack counts them in rx_dropped):
#   host -> broadcast (all), host -> G1 (mv1, mb2),
#   mb1 -> broadcast (mb2 directly, counted 74 bytes; mv1 reflected)
. "$(dirname "$0")/diff.bash"

K=5
declare -A IP=([mp1]=10.6.0.11 [mv1]=10.6.0.21 [mb1]=10.6.0.31 [mb2]=10.6.0.32 [host]=10.6.0.254)
declare -A MACS=([mp1]=02:00:00:00:06:11 [mv1]=02:00:00:00:06:21 [mb1]=02:00:00:00:06:31
	[mb2]=02:00:00:00:06:32 [host]=02:00:00:00:06:fe)
declare -A NSOF=([mp1]=p1 [mv1]=v1 [mb1]=b1 [mb2]=b2 [host]=sw)
declare -A MODE=([mp1]=private [mv1]=vepa [mb1]=bridge [mb2]=bridge)
DEVS=(mp1 mv1 mb1 mb2)

# ipstats NS DEV: "ip -s -j link show" counters, on one line
ipstats() {
	local f paths=''

	for f in rx.bytes rx.packets rx.errors rx.dropped rx.over_errors rx.multicast \
		tx.bytes tx.packets tx.errors tx.dropped tx.carrier_errors tx.collisions; do
		paths+=",0.stats64.$f"
	done
	ag jget "${paths#,}" ip -n "$1" -s -j link show dev "$2"
}

counters() {
	local d n b specs=() par=()

	dns low sw p1 v1 b1 b2
	ip -n low link add lower0 type veth peer name eth0 netns sw
	b="link add br0 address ${MACS[host]} type bridge mcast_snooping 0
link set eth0 master br0
link set eth0 type bridge_slave hairpin on
link set eth0 up
link set br0 up
addr add ${IP[host]}/24 dev br0"
	for d in "${DEVS[@]}"; do
		b+=$'\n'"neigh add ${IP[$d]} lladdr ${MACS[$d]} dev br0 nud permanent"
	done
	nsb sw <<<"$b"
	b="link set lower0 up"
	for d in "${DEVS[@]}"; do
		drv_add low "$d" lower0 "${MODE[$d]}" address "${MACS[$d]}"
		b+=$'\n'"link set $d netns ${NSOF[$d]}"
	done
	nsb low <<<"$b"
	for d in "${DEVS[@]}"; do
		b="addr add ${IP[$d]}/24 dev $d"$'\n'"link set $d up"
		for n in "${DEVS[@]}" host; do
			[[ $n != "$d" ]] || continue
			b+=$'\n'"neigh add ${IP[$n]} lladdr ${MACS[$n]} dev $d nud permanent"
		done
		par+=("${NSOF[$d]}" "$b")
	done
	nsb_par "${par[@]}"
	par ip -n v1 maddr add "$G1" dev mv1 -- ip -n b2 maddr add "$G1" dev mb2
	for d in "${DEVS[@]}"; do
		track "${NSOF[$d]}" "$d" rx_packets rx_bytes multicast rx_dropped tx_packets tx_bytes
	done
	track low lower0 rx_packets rx_bytes tx_packets tx_bytes
	delta_snap

	step "unicast: $K echo requests and replies"
	for d in mb1:mb2 mv1:mb1 mp1:host host:mv1 mp1:mv1; do
		specs+=("${d%:*}->${d#*:},${NSOF[${d%:*}]},${IP[${d#*:}]}")
	done
	n=$(ag ping 3 "$K" 0.05 "${specs[@]}")
	while read -r d b _; do
		chk "ping $d" "$b" "ok"
	done <<<"$n"
	delta_chk "unicast" \
		mb1.rx_packets=$((2 * K)) mb1.rx_bytes=$((2 * K * 98)) mb1.tx_packets=$((2 * K)) mb1.tx_bytes=$((2 * K * 98)) \
		mb2.rx_packets=$K mb2.rx_bytes=$((K * 98)) mb2.tx_packets=$K mb2.tx_bytes=$((K * 98)) \
		mv1.rx_packets=$((3 * K)) mv1.rx_bytes=$((3 * K * 98)) mv1.tx_packets=$((3 * K)) mv1.tx_bytes=$((3 * K * 98)) \
		mp1.rx_packets=$((2 * K)) mp1.rx_bytes=$((2 * K * 98)) mp1.tx_packets=$((2 * K)) mp1.tx_bytes=$((2 * K * 98)) \
		lower0.rx_packets=$((6 * K)) lower0.rx_bytes=$((6 * K * 98)) \
		lower0.tx_packets=$((6 * K)) lower0.tx_bytes=$((6 * K * 98))

	step "bursts"
	ag send sw br0 "$N" "${MACS[host]}" "$B" 88b5
	delta_chk "host->broadcast" \
		mp1.rx_packets=$N mp1.rx_bytes=$((N * 60)) mp1.multicast=$N mp1.rx_dropped=$N \
		mv1.rx_packets=$N mv1.rx_bytes=$((N * 60)) mv1.multicast=$N mv1.rx_dropped=$N \
		mb1.rx_packets=$N mb1.rx_bytes=$((N * 60)) mb1.multicast=$N mb1.rx_dropped=$N \
		mb2.rx_packets=$N mb2.rx_bytes=$((N * 60)) mb2.multicast=$N mb2.rx_dropped=$N \
		lower0.rx_packets=$N lower0.rx_bytes=$((N * 60))
	ag send sw br0 "$N" "${MACS[host]}" "$G1" 88b5
	delta_chk -c $N "host->G1" \
		mv1.rx_packets=$N mv1.rx_bytes=$((N * 60)) mv1.multicast=$N mv1.rx_dropped=$N \
		mb2.rx_packets=$N mb2.rx_bytes=$((N * 60)) mb2.multicast=$N mb2.rx_dropped=$N \
		lower0.rx_packets=$N lower0.rx_bytes=$((N * 60))
	ag send b1 mb1 "$N" "${MACS[mb1]}" "$B" 88b5
	delta_chk "mb1->broadcast" mb1.tx_packets=$N mb1.tx_bytes=$((N * 60)) \
		mb2.rx_packets=$N mb2.rx_bytes=$((N * 74)) mb2.multicast=$N mb2.rx_dropped=$N \
		mv1.rx_packets=$N mv1.rx_bytes=$((N * 60)) mv1.multicast=$N mv1.rx_dropped=$N \
		lower0.rx_packets=$N lower0.rx_bytes=$((N * 60)) \
		lower0.tx_packets=$N lower0.tx_bytes=$((N * 60))

	step "ip -s -j link show: the totals"
	# rx: bytes packets errors dropped over_errors multicast
	# tx: bytes packets errors dropped carrier_errors collisions
	declare -A want=(
		[mp1]="$((2 * K * 98 + N * 60)) $((2 * K + N)) 0 $N 0 $N $((2 * K * 98)) $((2 * K)) 0 0 0 0"
		[mv1]="$((3 * K * 98 + 3 * N * 60)) $((3 * K + 3 * N)) 0 $((3 * N)) 0 $((3 * N)) $((3 * K * 98)) $((3 * K)) 0 0 0 0"
		[mb1]="$((2 * K * 98 + N * 60)) $((2 * K + N)) 0 $N 0 $N $((2 * K * 98 + N * 60)) $((2 * K + N)) 0 0 0 0"
		[mb2]="$((K * 98 + 2 * N * 60 + N * 74)) $((K + 3 * N)) 0 $((3 * N)) 0 $((3 * N)) $((K * 98)) $K 0 0 0 0"
	)
	for d in "${DEVS[@]}"; do
		chk "$d: ip -s -j: rx bytes packets errors dropped over_errors multicast, tx bytes packets errors dropped carrier_errors collisions" \
			"$(ipstats "${NSOF[$d]}" "$d")" "${want[$d]}"
	done
	chk "lower0: ip -s -j: rx bytes packets, tx bytes packets" \
		"$(ag jget 0.stats64.rx.bytes,0.stats64.rx.packets,0.stats64.tx.bytes,0.stats64.tx.packets ip -n low -s -j link show dev lower0)" \
		"$((6 * K * 98 + 3 * N * 60)) $((6 * K + 3 * N)) $((6 * K * 98 + N * 60)) $((6 * K + N))"
}

diff_run counters
diff_finish
