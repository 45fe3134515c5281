#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# mvlan-vm: one-kernel, about 35 s
#
# mvctl monitor prints one line (or one JSON object) per event, for each
# kind of change, exactly; each namespace sees its own events only.
#
#   ns low: mv1, src1 on lower0 (veth), mv2 on lower1 (veth)
#   ns a:   where mv1 moves; ns b: nothing happens there
#
. "$(dirname "$0")/mvctl-lib.bash"

netns_new low a b
ip -n low link add lower0 type veth peer name peer0
ip -n low link add lower1 type veth peer name peer1
low_if=$(ifindex low lower0)
low1_if=$(ifindex low lower1)
mvc low add sync0 link lower0

# Monitors in low (text and JSON), a and b, each into a file.
start_monitor() { # start_monitor NS FILE ARGS...
	local ns=$1 file=$2

	shift 2
	# ip netns exec execs mvctl: $! is the monitor itself
	ip netns exec "$ns" "$MVCTL" "$@" monitor >"$file" 2>"$file.err" &
	MONITORS+=($!)
}
MONITORS=()
start_monitor low "$TMPDIR/low.txt"
start_monitor low "$TMPDIR/low.json" -j
start_monitor a "$TMPDIR/a.txt"
start_monitor b "$TMPDIR/b.txt"
stop_monitors() {
	local pid rc

	for pid in "${MONITORS[@]}"; do
		kill "$pid"
		rc=0
		wait "$pid" || rc=$?
		expect_eq "$rc" 143 "exit status of a monitor killed by SIGTERM"
	done
}

# Until both monitors of low have seen a change of sync0, flip its mode;
# then delete it: what follows its "del" line is the test's.
step "wait for the monitors to listen"
for i in $(seq 100); do
	mvc low mode sync0 bridge
	mvc low mode sync0 vepa
	grep -q '^change sync0:' "$TMPDIR/low.txt" &&
		grep -q '"event":"change","ifname":"sync0"' "$TMPDIR/low.json" &&
		break
	((i < 100)) || fail "the monitors never printed an event"
	sleep 0.1
done
# a and b: a device created and deleted there marks the start
for ns in a b; do
	ip -n "$ns" link add sync1 type veth peer name sync1p
	mvc "$ns" add sync0 link sync1
	mvc "$ns" del sync0
	ip -n "$ns" link del sync1
done
mvc low del sync0

step "changes"
mvc low add mv1 link lower0 mode bridge address 02:00:00:00:00:01
mv1_if=$(ifindex low mv1)
mvc low mode mv1 vepa nodst
mvc low add src1 link lower0 mode source address 02:00:00:00:00:02 \
	bcqueuelen 100 bclim -1
src1_if=$(ifindex low src1)
mvc low source src1 add 02:00:00:00:20:01 02:00:00:00:20:02
mvc low source src1 add 02:00:00:00:20:01	# nothing new: no event
mvc low source src1 del 02:00:00:00:20:01
mvc low source src1 set 02:00:00:00:30:01 02:00:00:00:30:02 02:00:00:00:30:03
mvc low source src1 flush
mvc low source src1 flush			# nothing to flush: no event
mvc low source src1 add 02:00:00:00:40:01 02:00:00:00:40:02
mvc low mode src1 vepa				# leaving source mode flushes
mvc low mode mv1 vepa nodst			# no change: no event
ip -n low link set mv1 netns a
mv1_a=$(ifindex a mv1)
mvc a del mv1
mvc low add mv2 link lower1 mode private address 02:00:00:00:00:03
mv2_if=$(ifindex low mv2)
ip -n low link del lower0			# takes src1 along
mvc low del mv2
mvc low add end0 link lower1

# wait for the last event everywhere
for i in $(seq 100); do
	grep -q '^new end0:' "$TMPDIR/low.txt" &&
		grep -q '"ifname":"end0"' "$TMPDIR/low.json" && break
	((i < 100)) || fail "the monitors never saw end0"
	sleep 0.1
done
mvc a add end0 link lo 2>/dev/null || true	# refused: no event
sleep 0.5
stop_monitors

# after_sync FILE PATTERN: the lines after the last one matching PATTERN
after_sync() {
	awk -v pat="$2" '{ line[NR] = $0 } $0 ~ pat { start = NR }
		END { for (i = start + 1; i <= NR; i++) print line[i] }' "$1"
}

step "text events in low"
d1="ifindex $mv1_if link lower0"
ds="ifindex $src1_if link lower0"
expect_eq "$(after_sync "$TMPDIR/low.txt" '^del sync0:')" \
"new mv1: $d1 mode bridge address 02:00:00:00:00:01 bcqueuelen 1000 bclim 1
change mv1: $d1 mode vepa nodst address 02:00:00:00:00:01 bcqueuelen 1000 bclim 1
new src1: $ds mode source address 02:00:00:00:00:02 bcqueuelen 100 bclim -1
source src1: ifindex $src1_if count 2 added 2 removed 0
source src1: ifindex $src1_if count 1 added 0 removed 1
source src1: ifindex $src1_if count 3 added 3 removed 1
source src1: ifindex $src1_if count 0 added 0 removed 3
source src1: ifindex $src1_if count 2 added 2 removed 0
source src1: ifindex $src1_if count 0 added 0 removed 2
change src1: $ds mode vepa address 02:00:00:00:00:02 bcqueuelen 100 bclim -1
del mv1: $d1 mode vepa nodst address 02:00:00:00:00:01 bcqueuelen 1000 bclim -1
new mv2: ifindex $mv2_if link lower1 mode private address 02:00:00:00:00:03 bcqueuelen 1000 bclim 1
del src1: ifindex $src1_if link if$low_if mode vepa address 02:00:00:00:00:02 bcqueuelen 100 bclim -1
del mv2: ifindex $mv2_if link lower1 mode private address 02:00:00:00:00:03 bcqueuelen 1000 bclim 1
new end0: ifindex $(ifindex low end0) link lower1 mode vepa address $(mac low end0) bcqueuelen 1000 bclim 1" \
	"monitor in low"
expect_eq "$(cat "$TMPDIR/low.txt.err")" "" "monitor in low: stderr"

step "JSON events in low: the same, one object a line"
after_sync "$TMPDIR/low.json" '"event":"del","ifname":"sync0"' >"$TMPDIR/low.events"
expect_eq "$(python3 -c '
import json, sys
for line in open(sys.argv[1]):
    e = json.loads(line)
    if e["event"] == "source":
        print(e["event"], e["ifname"], e["ifindex"], e["count"], e["added"], e["removed"])
    else:
        print(e["event"], e["ifname"], e["ifindex"], e["link"], e["link_ifindex"],
              e["mode"], ",".join(e["flags"]), e["address"], e.get("link_netnsid", "-"))
' "$TMPDIR/low.events")" \
"new mv1 $mv1_if lower0 $low_if bridge  02:00:00:00:00:01 -
change mv1 $mv1_if lower0 $low_if vepa nodst 02:00:00:00:00:01 -
new src1 $src1_if lower0 $low_if source  02:00:00:00:00:02 -
source src1 $src1_if 2 2 0
source src1 $src1_if 1 0 1
source src1 $src1_if 3 3 1
source src1 $src1_if 0 0 3
source src1 $src1_if 2 2 0
source src1 $src1_if 0 0 2
change src1 $src1_if lower0 $low_if vepa  02:00:00:00:00:02 -
del mv1 $mv1_if lower0 $low_if vepa nodst 02:00:00:00:00:01 -
new mv2 $mv2_if lower1 $low1_if private  02:00:00:00:00:03 -
del src1 $src1_if if$low_if $low_if vepa  02:00:00:00:00:02 -
del mv2 $mv2_if lower1 $low1_if private  02:00:00:00:00:03 -
new end0 $(ifindex low end0) lower1 $low1_if vepa  $(mac low end0) -" \
	"monitor -j in low"
expect_eq "$(sed -n 4p "$TMPDIR/low.events")" \
	"{\"event\":\"source\",\"ifname\":\"src1\",\"ifindex\":$src1_if,\"count\":2,\"added\":2,\"removed\":0}" \
	"a source event, exactly"

step "events in a: mv1 moved in and deleted; nothing in b"
expect_eq "$(after_sync "$TMPDIR/a.txt" '^del sync0:')" \
"new mv1: ifindex $mv1_a link if$low_if mode vepa nodst address 02:00:00:00:00:01 bcqueuelen 1000 bclim -1
del mv1: ifindex $mv1_a link if$low_if mode vepa nodst address 02:00:00:00:00:01 bcqueuelen 1000 bclim -1" \
	"monitor in a"
expect_eq "$(after_sync "$TMPDIR/b.txt" '^del sync0:')" "" "monitor in b"

step "a device event, exactly: as DEV_GET shows the device"
# the device as DEV_GET shows it, right after it was created
expect_eq "$(sed -n 1p "$TMPDIR/low.events")" \
	"{\"event\":\"new\",\"ifname\":\"mv1\",\"ifindex\":$mv1_if,\"link\":\"lower0\",\"link_ifindex\":$low_if,\"type\":\"mvlan\",\"mode\":\"bridge\",\"flags\":[],\"address\":\"02:00:00:00:00:01\",\"bcqueuelen\":1000,\"bcqueuelen_used\":1000,\"bclim\":1,\"source_count\":0}" \
	"a device event, exactly"
echo "ok"
