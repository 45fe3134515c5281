#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# "source set" is atomic for the frames in flight: pktgen sends frames from
# S0 while s0's list is replaced MVLAN_STRESS_SET_COUNT times (500) by one
# that holds S0 and another address, a new one each time. Every frame must
# reach s0 exactly once: neither list misses S0, so no frame may fall
# between the two, nor match both. (A frame once read the generation of
# each entry on its own, and one that met the new entry before the commit
# and the old one's place after it was lost.)
#
#   init ns: gen0 (pktgen: from S0) ==veth== lower0 (ns a): s0 (source)
#
. "$(dirname "$0")/lib.bash"

S0=02:00:00:aa:00:01
N=${MVLAN_STRESS_SET_COUNT:-500}
PG=/proc/net/pktgen
modprobe pktgen
modprobe veth

netns_new a
ip link add gen0 type veth peer name lower0 netns a
# gen0 sends pktgen's frames and nothing else
sysctl -qw net.ipv6.conf.gen0.disable_ipv6=1
ip link set dev gen0 up
ip -n a link set dev lower0 up
on a "$MVCTL" add s0 link lower0 mode source
ip -n a link set dev s0 up
on a "$MVCTL" source s0 set $S0

# the replacements, one batch line each
for ((i = 0; i < N; i++)); do
	printf 'source s0 set %s 02:00:00:bb:%02x:%02x\n' $S0 $((i / 256 % 256)) $((i % 256))
done >"$TMPDIR/batch"

pgset() {
	echo "$2" >"$PG/$1"
	grep -q '^Result: OK' "$PG/$1" || fail "pktgen: '$2' > $1: $(grep '^Result' "$PG/$1")"
}
pgset kpktgend_0 rem_device_all
pgset kpktgend_0 "add_device gen0"
pgset gen0 "count 0"
pgset gen0 "pkt_size 60"
pgset gen0 "delay 20000"	# 50000 frames/s at most: no backlog overflows
pgset gen0 "dst 10.9.9.9"
pgset gen0 "dst_mac 02:00:00:00:00:02"
pgset gen0 "src_mac $S0"

step "traffic from S0 while s0's list is replaced $N times"
echo start >"$PG/pgctrl" &
pg=$!
for ((n = 0; n < 500; n++)); do
	(($(counter a s0 rx_packets) > 0)) && break
	sleep 0.02
done
(($(counter a s0 rx_packets) > 0)) || fail "no traffic reached s0"
on a "$MVCTL" -b "$TMPDIR/batch"
echo stop >"$PG/pgctrl"
wait $pg || true

step "every frame reached s0 once"
last=-1
for ((n = 0; n < 100; n++)); do
	now=$(counter a s0 rx_packets)
	[[ $now == "$last" ]] && break
	last=$now
	sleep 0.1
done
sent=$(grep -o 'pkts-sofar: [0-9]*' "$PG/gen0" | cut -d' ' -f2)
((sent > 100)) || fail "only ${sent:-no} frames sent"
expect_eq "$(counter a lower0 rx_packets)" "$sent" "frames lower0 received (of $sent sent)"
expect_eq "$(counter a lower0 rx_dropped)" 0 "lower0 rx_dropped"
expect_eq "$(counter a s0 rx_packets)" "$sent" "frames s0 received (of $sent)"
expect_eq "$(counter a s0 rx_errors)" 0 "s0 rx_errors"
last_mac=$(printf '02:00:00:bb:%02x:%02x' $(((N - 1) / 256 % 256)) $(((N - 1) % 256)))
expect_eq "$(on a "$MVCTL" source s0 list | cut -d' ' -f1 | sort | tr '\n' ' ')" \
	"$S0 $last_mac " "s0's list after the last replacement"

step "the device deletes"
on a "$MVCTL" del s0
