#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Churn: everything that changes configuration, at once, with traffic going
# through it, for MVLAN_STRESS_TIME seconds (default 30). Loops:
#   devices  add and delete devices of every mode (passthru on its own lower)
#   modes    flip persistent devices between modes and flags
#   sources  add/del/set/flush source lists, a 2000-entry set among them,
#            on s0 (always source mode) and on m0..m3 (whatever mode now)
#   lower    lower0 down/up and MTU changes
#   recreate lower2 deleted (with its devices) and created again
#   netns    a device moved between two namespaces and back
#   dumps    mvctl show/stats/source list/port dumps, ip -d link
# while pktgen sends unicast to the devices' addresses (from rotating source
# addresses, some of them listed), broadcast and multicast into lower0 and
# lower1. Commands may fail (a device another loop just deleted); the kernel
# must not complain, nothing may hang, each loop must have done work.
# Afterwards: counters sane, port accounting equal to the devices there,
# everything deletes, and the module is unused.
#
#   init ns: gen0 ==veth== lower0 (ns a): m0..m3, s0 (persistent), d* (churned)
#            gen1 ==veth== lower1 (ns a): passthru or bridge devices, churned
#   ns a:    lower2 ==veth== peer2: r* (recreated with lower2)
#   ns a <-> ns b: mv (moves)
. "$(dirname "$0")/lib.bash"

secs=${MVLAN_STRESS_TIME:-30}
PG=/proc/net/pktgen
modprobe pktgen
modprobe veth

netns_new a b
ip link add gen0 type veth peer name lower0 netns a
ip link add gen1 type veth peer name lower1 netns a
for d in gen0 gen1; do
	ip link set dev "$d" up
done
for d in lower0 lower1; do
	ip -n a link set dev "$d" up
done
ip -n a link add lower3 type veth peer name peer3
ip -n a link set dev lower3 up

mva() {
	on a "$MVCTL" "$@"
}

modes=(private vepa bridge source)
for i in 0 1 2 3; do
	mva add "m$i" link lower0 mode "${modes[$i]}" address "02:00:00:00:00:0$i"
	ip -n a link set dev "m$i" up
done
mva add s0 link lower0 mode source address 02:00:00:00:00:08
ip -n a link set dev s0 up
mva add mv link lower3 mode bridge address 02:00:00:00:01:00
awk 'BEGIN { for (i = 0; i < 2000; i++) printf "02:00:00:10:%02x:%02x\n", i / 256, i % 256 }' \
	>"$TMPDIR/macs"

# --- traffic ---------------------------------------------------------------
pgset() {
	echo "$2" >"$PG/$1"
	grep -q '^Result: OK' "$PG/$1" || fail "pktgen: '$2' > $1: $(grep '^Result' "$PG/$1")"
}
pgset kpktgend_0 rem_device_all
pgset kpktgend_0 "add_device gen0"
pgset kpktgend_0 "add_device gen1"
for g in gen0 gen1; do
	pgset "$g" "count 0"
	pgset "$g" "pkt_size 60"
	pgset "$g" "delay 200000"	# 5000 frames/s each: load, not a flood
	pgset "$g" "dst 10.9.9.9"
done
# gen0: unicast to m0..m3 and d0..d3 (02:00:00:00:00:00..07), from
# 02:00:00:10:00:00..0f, which the source lists contain some of the time
pgset gen0 "dst_mac 02:00:00:00:00:00"
pgset gen0 "dst_mac_count 8"
pgset gen0 "src_mac 02:00:00:10:00:00"
pgset gen0 "src_mac_count 16"
pgset gen0 "flag MACDST_RND"
# gen1: broadcast and multicast into lower1
pgset gen1 "dst_mac ff:ff:ff:ff:ff:ff"
pgset gen1 "src_mac 02:00:00:20:00:01"
echo start >"$PG/pgctrl" &
pg_pid=$!

# --- loops -----------------------------------------------------------------
deadline=$((SECONDS + secs))
# x CMD...: a command of a loop body; a failure is noted, not fatal
x() {
	"$@" || failed=1
}

# loop NAME BODY: run function BODY until the deadline; count the rounds in
# which none of its commands failed. A loop with no such round yet goes on
# for up to 30 s more (on a slow machine a loop may get one round in the time,
# which another loop's change made fail); the others have stopped by then, so
# a loop that still does not get through has found a bug.
loop() {
	local name=$1 body=$2 ok=0 n=0

	set +e
	while ((SECONDS < deadline || (ok == 0 && SECONDS < deadline + 30))); do
		n=$((n + 1))
		failed=0
		"$body" "$n" >/dev/null 2>>"$TMPDIR/$name.err"
		((failed)) || ok=$((ok + 1))
	done
	echo "$n $ok" >"$TMPDIR/$name.count"
}

devices_body() {	# $1: iteration
	local i=$(($1 % 4)) mode=${modes[$(($1 % 4))]}

	x mva add "d$i" link lower0 mode "$mode" address "02:00:00:00:00:0$((i + 4))"
	x ip -n a link set dev "d$i" up
	if (($1 % 2)); then
		x mva add p0 link lower1 mode passthru
		x ip -n a link set dev p0 up
		x mva del p0
	else
		x mva add b0 link lower1 mode bridge
		x mva add b1 link lower1 mode vepa
		x ip -n a link set dev b0 up
		x mva del b0
		x mva del b1
	fi
	# every other round, one of the others: some live for a while
	(($1 % 2)) || x mva del "d$(((i + 2) % 4))"
}

modes_body() {
	local i=$(($1 % 4)) m=${modes[$((($1 / 4) % 4))]} flags=''

	[[ $m == source && $(($1 % 3)) == 0 ]] && flags=nodst
	# shellcheck disable=SC2086 # flags: none or one word
	x mva mode "m$i" "$m" $flags
}

sources_body() {
	local dev=s0

	# only source-mode devices have lists: on m0..m3 (odd rounds) the
	# modes loop decides, and a refusal counts as a failed round; s0 is
	# always in source mode, so its (even) rounds must get through
	(($1 % 2)) && dev=m$((($1 / 2) % 4))
	case $(($1 % 5)) in
	0) x mva source "$dev" add 02:00:00:10:00:0$(($1 % 8)) 02:00:00:10:00:0f ;;
	1) x mva source "$dev" del 02:00:00:10:00:0f ;;
	2) x mva source "$dev" set file "$TMPDIR/macs" ;;
	3) x mva source "$dev" set 02:00:00:10:00:01 02:00:00:10:00:02 ;;
	4) x mva source "$dev" flush ;;
	esac
}

lower_body() {
	local mtus=(1500 1400 1280 9000 1500)

	x ip -n a link set dev lower0 mtu "${mtus[$(($1 % 5))]}"
	if (($1 % 4 == 0)); then
		x ip -n a link set dev lower0 down
		x ip -n a link set dev lower0 up
	fi
}

recreate_body() {
	x ip -n a link add lower2 type veth peer name peer2
	x ip -n a link set dev lower2 up
	x mva add r0 link lower2 mode bridge
	x mva add r1 link lower2 mode source
	x mva source r1 add 02:00:00:10:00:01
	x ip -n a link set dev r0 up
	x ip -n a link del dev lower2	# takes r0 and r1 with it
}

netns_body() {
	if link_exists a mv; then
		x ip -n a link set dev mv netns b
		x ip -n b link set dev mv up
	else
		x ip -n b link set dev mv netns a
		x ip -n a link set dev mv up
	fi
}

dumps_body() {
	x mva show
	x mva stats
	x mva source m3 list
	x mva -j show
	x ip -n a -d link show
	x on b "$MVCTL" show
}

names=(devices modes sources lower recreate netns dumps)
pids=()
for name in "${names[@]}"; do
	loop "$name" "${name}_body" &
	pids+=($!)
done
step "${#names[@]} loops and pktgen for ${secs}s"
for p in "${pids[@]}"; do
	# a loop stuck in the kernel would not come back: give up after a while
	timeout_at=$((deadline + 75))
	while kill -0 "$p" 2>/dev/null; do
		((SECONDS < timeout_at)) || fail "a loop did not finish within 75 s of the deadline"
		sleep 0.5
	done
	wait "$p" || true
done
echo stop >"$PG/pgctrl"
wait "$pg_pid" || true

for name in "${names[@]}"; do
	read -r n ok <"$TMPDIR/$name.count"
	echo "$name: $n iterations, $ok without a failed command"
	# what failed, for the reader: commands may fail, but which ones
	sort "$TMPDIR/$name.err" | uniq -c | sort -rn | head -n 3 | sed 's/^/    /'
	((ok > 0)) || {
		tail -n 5 "$TMPDIR/$name.err" >&2
		fail "loop $name never got through"
	}
done

step "afterwards: counters sane, ports agree, everything deletes"
sent=$(cat /sys/class/net/gen0/statistics/tx_packets)
total=0
for i in 0 1 2 3; do
	rx=$(counter a "m$i" rx_packets)
	echo "m$i: $rx frames received"
	((rx <= sent)) || fail "m$i received $rx frames of the $sent gen0 sent"
	total=$((total + rx))
done
echo "gen0 sent $sent frames, m0..m3 received $total"
((total > 0)) || fail "no frame reached m0..m3"
# the port of lower0: its device count is that of the mvlan devices on it
want=$(ip -n a -o -d link show | grep -Ec '@lower0: .* mvlan ' || true)
got=$(mva -j stats | python3 -c '
import json, sys
d = json.load(sys.stdin)
ports = d["ports"] if isinstance(d, dict) and "ports" in d else []
print(next((p["devices"] for p in ports if p["ifname"] == "lower0"), "none"))')
expect_eq "$got" "$want" "devices on lower0's port"
# every device deletes; the module is left unused
for ns in a b; do
	for d in $(on "$ns" "$MVCTL" show | cut -d: -f1); do
		ip -n "$ns" link del dev "$d"
	done
	expect_eq "$(on "$ns" "$MVCTL" show)" "" "mvlan devices left in $ns"
done
cleanup_netns
# shellcheck disable=SC2034 # read by the exit trap (lib.bash)
NETNS=()
pgset kpktgend_0 rem_device_all
ip link del gen0 2>/dev/null || true
ip link del gen1 2>/dev/null || true
for _ in $(seq 50); do
	[[ $(awk -v m="$MVLAN_MODNAME" '$1 == m { print $3 }' /proc/modules) == 0 ]] && break
	sleep 0.2
done
expect_eq "$(awk -v m="$MVLAN_MODNAME" '$1 == m { print $3 }' /proc/modules)" 0 "users of the module"
echo ok
