# SPDX-License-Identifier: GPL-2.0-or-later
# Helpers of the hostbridge tests (tests/netns/hostbridge*.sh): the
# differential helpers and their agent (diff.bash), a topology, and the
# hostbridge flag through each face of mvlan (KIND mvlan: mvctl, the genl
# family; KIND mvlan-ip: ip and the plugin, rtnetlink).
#
# Sourced after nothing else; sources diff.bash.

# shellcheck source=tests/netns/diff.bash
. "$(dirname "${BASH_SOURCE[0]}")/diff.bash"

# the lower device, the outside host, the devices
LOW=02:00:00:00:0a:fe OUT=02:00:00:00:0a:64
declare -A HB_MAC=([hb1]=02:00:00:00:0a:01 [hb2]=02:00:00:00:0a:02
	[br3]=02:00:00:00:0a:03 [vp4]=02:00:00:00:0a:04)
declare -A HB_IP=([hb1]=10.0.0.1 [hb2]=10.0.0.2 [br3]=10.0.0.3 [vp4]=10.0.0.4
	[lower0]=10.0.0.254 [wire0]=10.0.0.100)

# hb_add NS NAME LOWER MODE MAC [hostbridge]: a device, created with the
# flag or without it
hb_add() {
	local ns=$1 name=$2 lower=$3 mode=$4 addr=$5 hb=${6:-}

	case $KIND in
	mvlan) "$MVCTL" -n "$ns" add "$name" link "$lower" mode "$mode" address "$addr" $hb ;;
	mvlan-ip)
		ip -n "$ns" link add link "$lower" name "$name" address "$addr" \
			type mvlan mode "$mode" $hb
		;;
	macvlan)
		[[ -z $hb ]] || fail "hb_add: macvlan has no hostbridge"
		ip -n "$ns" link add link "$lower" name "$name" address "$addr" \
			type macvlan mode "$mode"
		;;
	*) fail "KIND is not set" ;;
	esac
}

# hb_set NS NAME on|off: the flag of a bridge-mode device, changed
hb_set() {
	case $KIND:$3 in
	mvlan:on) "$MVCTL" -n "$1" mode "$2" bridge hostbridge ;;
	mvlan:off) "$MVCTL" -n "$1" mode "$2" bridge nohostbridge ;;
	mvlan-ip:on) ip -n "$1" link set "$2" type mvlan hostbridge ;;
	mvlan-ip:off) ip -n "$1" link set "$2" type mvlan flag null ;;
	*) fail "hb_set: $KIND $3" ;;
	esac
}

# hb_modeof NS NAME: "MODE [FLAG...]" as the kind's face reports it
hb_modeof() {
	local v

	case $KIND in
	mvlan)
		v=$(ag jget 0.mode,0.flags "$MVCTL" -n "$1" -j show "$2")
		echo "${v% }"
		;;
	mvlan-ip)
		v=$(ag jget 0.linkinfo.info_data.mode,0.linkinfo.info_data.hostbridge \
			ip -n "$1" -d -j link show dev "$2")
		[[ $v != *" true" ]] || v="${v% true} hostbridge"
		echo "${v% null}"
		;;
	esac
}

# hb_topology: the topology of hostbridge.sh (drawn there): hb1 and hb2 with
# the flag, br3 and vp4 without, each in a namespace of its own, IPv6 off
# everywhere. Tracks the counters of all devices, the lower device and the
# outside host, with "stack" listeners (DELTA_ETYPE) on each but the outside host.
hb_topology() {
	dns host out c1 c2 c3 c4
	ip -n host link add lower0 address $LOW type veth peer name wire0 \
		address $OUT netns out
	par hb_add host hb1 lower0 bridge "${HB_MAC[hb1]}" hostbridge -- \
		hb_add host hb2 lower0 bridge "${HB_MAC[hb2]}" hostbridge -- \
		hb_add host br3 lower0 bridge "${HB_MAC[br3]}" -- \
		hb_add host vp4 lower0 vepa "${HB_MAC[vp4]}"
	nsb host <<EOF
addr add ${HB_IP[lower0]}/24 dev lower0
link set lower0 up
link set hb1 netns c1
link set hb2 netns c2
link set br3 netns c3
link set vp4 netns c4
EOF
	nsb out <<EOF
addr add ${HB_IP[wire0]}/24 dev wire0
link set wire0 up
EOF
	nsb_par c1 "addr add ${HB_IP[hb1]}/24 dev hb1
link set hb1 up" c2 "addr add ${HB_IP[hb2]}/24 dev hb2
link set hb2 up" c3 "addr add ${HB_IP[br3]}/24 dev br3
link set br3 up" c4 "addr add ${HB_IP[vp4]}/24 dev vp4
link set vp4 up"
	track -s c1 hb1 $DEV_FIELDS
	track -s c2 hb2 $DEV_FIELDS
	track -s c3 br3 $DEV_FIELDS
	track -s c4 vp4 $DEV_FIELDS
	track -s host lower0 rx_packets rx_dropped tx_packets
	track out wire0 rx_packets
	delta_snap
}

# from_low DST [SRC]: N frames of the lower device's own stack (a packet
# socket on it: dev_queue_xmit(), as the stack's own) to DST, in the
# namespace $LOWNS (host unless the lower moved)
LOWNS=host
from_low() {
	ag send "$LOWNS" lower0 "$N" "${2:-$LOW}" "$1" 88b5
}

# from_dev NS DEV DST: N frames from the device DEV to DST
from_dev() {
	ag send "$1" "$2" "$N" "${HB_MAC[$2]}" "$3" 88b5
}

# from_out DST: N frames from the outside host to DST
from_out() {
	ag send out wire0 "$N" $OUT "$1" 88b5
}

# capture_start NS DEV: count the unicast frames DEV sees from now on
# (tcpdump, until capture_count)
capture_start() {
	local i

	ip netns exec "$1" tcpdump -i "$2" -n -p -U -w "$DIFF_TMP/capture.pcap" \
		'not ether multicast' 2>"$DIFF_TMP/capture.err" &
	CAPTURE_PID=$!
	for i in $(seq 100); do
		grep -q 'listening on' "$DIFF_TMP/capture.err" && return 0
		sleep 0.1
	done
	fail "tcpdump did not start: $(cat "$DIFF_TMP/capture.err")"
}

# capture_count [MIN]: stop the capture of capture_start, print the number
# of frames it saw and what they were (nothing, and an error, if the
# capture cannot be read). With MIN, first wait (5 s at most) for MIN
# frames in the file: tcpdump writes a frame when the kernel hands it its
# ring's block, which a stop too early loses.
capture_count() {
	local i

	for ((i = 0; i < 50 && ${1:-0} > 0; i++)); do
		(($(tcpdump -r "$DIFF_TMP/capture.pcap" -n 2>/dev/null | grep -c '^[0-9]') >= $1)) && break
		sleep 0.1
	done
	kill -INT "$CAPTURE_PID"
	wait "$CAPTURE_PID" || true
	if ! tcpdump -r "$DIFF_TMP/capture.pcap" -n -e >"$DIFF_TMP/capture.txt" \
		2>"$DIFF_TMP/capture.err"; then
		echo "cannot read the capture: $(cat "$DIFF_TMP/capture.err")" >&2
		return 1
	fi
	# a frame a line, with its time first (tcpdump dumps unknown payloads
	# on the lines after)
	grep -c '^[0-9]' "$DIFF_TMP/capture.txt" || true
	sed 's/^/   seen: /' "$DIFF_TMP/capture.txt" | head -n 20 >&2
}

# iperf NS SERVER ARGS...: an iperf3 client in NS against SERVER (-J, its
# report); prints "ok" when it moved data: for TCP all of -n 512K sent and
# some received (what arrives after the client's last write is not in the
# report: iperf3 stops counting at the end of the test), for UDP some
# datagrams and none lost (keep them fewer than a socket buffer holds: a
# receiver the TCG guest does not schedule in time must not lose any);
# else what went wrong
iperf() {
	local ns=$1 server=$2 out

	shift 2
	out=$(ip netns exec "$ns" iperf3 -c "$server" -J "$@" 2>&1) || {
		echo "iperf3 failed: $(jq -r .error <<<"$out" 2>/dev/null || echo "$out")"
		return 0
	}
	if [[ " $* " == *" -u "* ]]; then
		jq -r 'if .end.sum.lost_packets == 0 and .end.sum.packets > 0 then "ok"
			else "lost \(.end.sum.lost_packets) of \(.end.sum.packets)" end' <<<"$out"
	else
		jq -r 'if .end.sum_sent.bytes == 524288 and .end.sum_received.bytes > 0
			then "ok"
			else "sent \(.end.sum_sent.bytes), received \(.end.sum_received.bytes)" end' <<<"$out"
	fi
}

# iperf_server NS: an iperf3 server in NS, listening when this returns
# (IPv4 and IPv6); iperf_server_stop ends it
iperf_server() {
	local i

	ip netns exec "$1" iperf3 -s -D --pidfile "$DIFF_TMP/iperf.pid" >/dev/null
	for i in $(seq 100); do
		[[ -n $(ip netns exec "$1" ss -Hltn 'sport = :5201') ]] && return 0
		sleep 0.1
	done
	fail "the iperf3 server in $1 does not listen"
}

iperf_server_stop() {
	kill "$(cat "$DIFF_TMP/iperf.pid")"
}

# neigh NS ADDR: the link-layer address of ADDR's neighbour entry in NS
neigh() {
	ag jget 0.lladdr ip -n "$1" -j neigh show "$2"
}
