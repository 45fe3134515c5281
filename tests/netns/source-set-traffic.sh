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
. "$(dirname "$0")/pktgen.bash"

pg_setup 02:00:00:00:00:02 $S0 20000	# 50000 frames/s at most: no backlog overflows
on a "$MVCTL" add s0 link lower0 mode source
ip -n a link set dev s0 up
on a "$MVCTL" source s0 set $S0

# the replacements, one batch line each
for ((i = 0; i < N; i++)); do
	printf 'source s0 set %s 02:00:00:bb:%02x:%02x\n' $S0 $((i / 256 % 256)) $((i % 256))
done >"$TMPDIR/batch"

step "traffic from S0 while s0's list is replaced $N times"
pg_start a s0
on a "$MVCTL" -b "$TMPDIR/batch"

step "every frame reached s0 once"
pg_stop a s0
sent=$PG_SENT
expect_eq "$(counter a lower0 rx_packets)" "$sent" "frames lower0 received (of $sent sent)"
expect_eq "$(counter a lower0 rx_dropped)" 0 "lower0 rx_dropped"
expect_eq "$(counter a s0 rx_packets)" "$sent" "frames s0 received (of $sent)"
expect_eq "$(counter a s0 rx_errors)" 0 "s0 rx_errors"
last_mac=$(printf '02:00:00:bb:%02x:%02x' $(((N - 1) / 256 % 256)) $(((N - 1) % 256)))
expect_eq "$(on a "$MVCTL" source s0 list | cut -d' ' -f1 | sort | tr '\n' ' ')" \
	"$S0 $last_mac " "s0's list after the last replacement"

step "the device deletes"
on a "$MVCTL" del s0
