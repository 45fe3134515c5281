#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The port's tables grow and shrink under traffic without losing a frame.
# pktgen sends unicast frames to t0 from a source that s0 lists, while one
# loop adds 80 devices and deletes them again (the device table grows from
# 64 buckets to 128 and back; the deletion is one request) and another replaces s0's list by one of 5001
# entries and back by one of 1 (the source table grows to 8192 buckets and
# back), both keeping S0 in it. Each frame must reach t0 once and s0 once:
# t0's and s0's rx_packets equal the frames pktgen sent, with no drop
# anywhere. Then the same steps, one by one, with the port's bucket counts.
#
#   init ns: gen0 (pktgen: to T0 from S0) ==veth== lower0 (ns a)
#   ns a:    lower0: t0 (bridge, T0), s0 (source, lists S0), d1..d80 (churned)
#
. "$(dirname "$0")/lib.bash"

T0=02:00:00:00:00:01
S0=02:00:00:aa:00:01
CYCLES=${MVLAN_STRESS_RESIZE_CYCLES:-1}
DEVS=80
. "$(dirname "$0")/pktgen.bash"

pg_setup $T0 $S0 100000	# 10000 frames/s at most: no backlog overflows
on a "$MVCTL" add t0 link lower0 mode bridge address $T0
on a "$MVCTL" add s0 link lower0 mode source
ip -n a link set dev t0 up
ip -n a link set dev s0 up
on a "$MVCTL" source s0 set $S0

# the lists: S0 and 5000 others; S0 alone
{
	echo $S0
	awk 'BEGIN { for (i = 0; i < 5000; i++) printf "02:00:00:bb:%02x:%02x\n", i / 256, i % 256 }'
} >"$TMPDIR/big"
echo $S0 >"$TMPDIR/small"
# the devices: added, brought up (in a group), deleted all at once
for ((i = 1; i <= DEVS; i++)); do
	printf 'add d%d link lower0 mode vepa address 02:00:00:cc:%02x:%02x\n' $i $((i / 256)) $((i % 256))
done >"$TMPDIR/add"
for ((i = 1; i <= DEVS; i++)); do
	echo "link set dev d$i group 7 up"
done >"$TMPDIR/up"

step "traffic, while the tables grow and shrink $CYCLES times"
pg_start a t0

devices() {
	local c

	for ((c = 1; c <= CYCLES; c++)); do
		on a "$MVCTL" -b "$TMPDIR/add" || return 1
		ip -n a -batch "$TMPDIR/up" || return 1
		ip -n a link del group 7 || return 1
	done
}
sources() {
	local c

	for ((c = 1; c <= CYCLES; c++)); do
		on a "$MVCTL" source s0 set file "$TMPDIR/big" || return 1
		on a "$MVCTL" source s0 set file "$TMPDIR/small" || return 1
	done
}
devices &
dpid=$!
sources &
spid=$!
drc=0 src=0
wait $dpid || drc=$?
wait $spid || src=$?
expect_eq "$drc" 0 "device loop exit status"
expect_eq "$src" 0 "source list loop exit status"

step "every frame reached t0 and s0, once"
# the last frames are through the backlog once the counters stop moving
pg_stop a t0
got=$PG_SENT
expect_eq "$(counter a lower0 rx_packets)" "$got" "frames lower0 received (of $got sent)"
expect_eq "$(counter a lower0 rx_dropped)" 0 "lower0 rx_dropped"
expect_eq "$(counter a t0 rx_packets)" "$got" "frames t0 received (of $got)"
expect_eq "$(counter a s0 rx_packets)" "$got" "frames s0 received (of $got)"
expect_eq "$(counter a t0 rx_errors)" 0 "t0 rx_errors"
expect_eq "$(counter a s0 rx_errors)" 0 "s0 rx_errors"
# the entry counts the frames since the last "set" made it anew: 60 bytes each
read -r mac _ pkts _ bytes _ <<<"$(on a "$MVCTL" source s0 list)"
expect_eq "$mac" $S0 "s0's list"
((pkts > 0 && pkts <= got)) || fail "s0's entry counted $pkts frames of $got"
expect_eq "$bytes" $((pkts * 60)) "bytes of s0's entry ($pkts frames)"
expect_eq "$(ip -n a -o link show | grep -c ' d[0-9]*@')" 0 "churned devices left"

step "the same steps resize the tables (the port's bucket counts, mvctl stats)"
# buckets KEY: dev_buckets or source_buckets of lower0's port
buckets() {
	on a "$MVCTL" -j stats | jq -r ".ports[] | select(.ifname == \"lower0\") | .$1"
}
expect_eq "$(buckets dev_buckets) $(buckets source_buckets)" "64 64" "buckets: 2 devices up, 1 entry"
on a "$MVCTL" -b "$TMPDIR/add"
ip -n a -batch "$TMPDIR/up"
expect_eq "$(buckets dev_buckets)" 128 "device buckets, $((DEVS + 2)) devices up"
ip -n a link del group 7
expect_eq "$(buckets dev_buckets)" 64 "device buckets, 2 devices up again"
on a "$MVCTL" source s0 set file "$TMPDIR/big"
expect_eq "$(buckets source_buckets)" 8192 "source buckets, 5001 entries"
on a "$MVCTL" source s0 set file "$TMPDIR/small"
expect_eq "$(buckets source_buckets)" 64 "source buckets, 1 entry again"

step "the devices delete"
on a "$MVCTL" del t0
on a "$MVCTL" del s0
