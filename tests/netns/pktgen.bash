# SPDX-License-Identifier: GPL-2.0-or-later
# tests/netns/pktgen.bash: a steady stream of frames into a port for the
# tests that change the port under traffic. Sourced after lib.bash.
#
#   init ns: gen0 (pktgen) ==veth== lower0 (ns a, up)
#
# pg_setup DST_MAC SRC_MAC DELAY_NS: the pair and a pktgen thread that sends
#	60-byte IPv4 frames (to 10.9.9.9, which drops them) from SRC_MAC to
#	DST_MAC, one each DELAY_NS at most, until pg_stop
# pg_start NS DEV: start, and wait for the first frame DEV receives
# pg_stop NS DEV: stop, wait for the backlog to drain into DEV (its
#	rx_packets stop moving); PG_SENT is the frames pktgen sent

PG=/proc/net/pktgen
modprobe pktgen
modprobe veth

pgset() {
	echo "$2" >"$PG/$1"
	grep -q '^Result: OK' "$PG/$1" || fail "pktgen: '$2' > $1: $(grep '^Result' "$PG/$1")"
}

pg_setup() {
	netns_new a
	ip link add gen0 type veth peer name lower0 netns a
	# gen0 sends pktgen's frames and nothing else
	sysctl -qw net.ipv6.conf.gen0.disable_ipv6=1
	ip link set dev gen0 up
	ip -n a link set dev lower0 up

	pgset kpktgend_0 rem_device_all
	pgset kpktgend_0 "add_device gen0"
	pgset gen0 "count 0"
	pgset gen0 "pkt_size 60"
	pgset gen0 "delay $3"
	pgset gen0 "dst 10.9.9.9"
	pgset gen0 "dst_mac $1"
	pgset gen0 "src_mac $2"
}

pg_start() {
	local n

	echo start >"$PG/pgctrl" &
	PG_PID=$!
	for ((n = 0; n < 500; n++)); do
		(($(counter "$1" "$2" rx_packets) > 0)) && return 0
		sleep 0.02
	done
	fail "no traffic reached $2"
}

pg_stop() {
	local n now last=-1

	echo stop >"$PG/pgctrl"
	wait "$PG_PID" || true
	for ((n = 0; n < 100; n++)); do
		now=$(counter "$1" "$2" rx_packets)
		[[ $now == "$last" ]] && break
		last=$now
		sleep 0.1
	done
	PG_SENT=$(grep -o 'pkts-sofar: [0-9]*' "$PG/gen0" | cut -d' ' -f2)
	((PG_SENT > 100)) || fail "only ${PG_SENT:-no} frames sent"
}
