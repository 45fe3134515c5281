#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# tests/bench/mvtap.sh: mvtap against macvtap (issue 15's link kind), in the
# test VM: frames through the tap character device, as QEMU moves them
# (tests/bench/tapbench.c, no vnet header), each driver on a lower device
# of its own, measured in turn (A B, B A, ...).
#
#   gena ==veth== lowa: ta (macvtap, bridge)   genb ==veth== lowb: tb (mvtap)
#
# Rows:
#   T1 read: pktgen sends 60-byte frames to the tap device's MAC into the
#      lower as fast as it can; frames read from /dev/tapN per second
#   T2 write: frames written to /dev/tapN per second, as fast as the device
#      takes them, to the veth peer's MAC (which counts them)
#
# Run it as a test of the VM harness (tests/bench/run.sh does, in the boot
# of guest.sh): tests/vm/run.sh -k KVER -m MODULE tests/bench/mvtap.sh, with
# tapbench built beside MODULE, as is mvtap.ko. Settings from the kernel
# command line, as guest.sh's: mvbench.reps=N (3), mvbench.secs=S (1).
# Output: a table on stdout, and rows of guest.sh's raw.csv format in
# $MVLAN_OUT/bench/mvtap.csv (driver "macvtap" or "mvtap"). Exit status 0
# when every measurement ran.
set -uo pipefail

: "${TOP:?run in the test VM, through tests/vm/run.sh}"
: "${MVCTL:=$TOP/cli/mvctl}"
: "${MVLAN_OUT:=/tmp/mvbench}"
[[ ! -x $TOP/build/bench/input/mvctl ]] || MVCTL=$TOP/build/bench/input/mvctl
BIN=$(dirname "$MVLAN_KO")

OUT=$MVLAN_OUT/bench
mkdir -p "$OUT"
CSV=$OUT/mvtap.csv
echo "scenario,case,n,driver,rep,metric,value" >"$CSV"

# shellcheck source=tests/bench/opts.bash
. "$TOP/tests/bench/opts.bash"
# shellcheck source=tests/bench/lib.bash
. "$TOP/tests/bench/lib.bash"
REPS=${opt[reps]:-3}
SECS=${opt[secs]:-1}
PKT_SIZE=60
TAPMAC=02:00:00:00:07:01
GENA=02:00:00:00:0a:01 GENB=02:00:00:00:0b:01

fail() {
	echo "FAIL: bench/mvtap: $*"
	exit 1
}

[[ -x $BIN/tapbench ]] || fail "no $BIN/tapbench (tests/bench/run.sh builds it)"
modprobe -a tap macvtap pktgen veth || fail "modprobe tap macvtap pktgen veth"
grep -q '^mvtap ' /proc/modules || insmod "$BIN/mvtap.ko" || fail "insmod $BIN/mvtap.ko"

pair gena lowa $GENA 02:00:00:00:0a:fe
pair genb lowb $GENB 02:00:00:00:0b:fe
ip link add link lowa name ta address $TAPMAC type macvtap mode bridge ||
	fail "ip link add ta type macvtap"
"$MVCTL" add tb link lowb type mvtap mode bridge address $TAPMAC ||
	fail "mvctl add tb type mvtap"
ip link set ta up
ip link set tb up
declare -A TAP=([macvtap]=/dev/tap$(</sys/class/net/ta/ifindex)
		[mvtap]=/dev/tap$(</sys/class/net/tb/ifindex))
declare -A GEN=([macvtap]=gena [mvtap]=genb) GENMAC=([macvtap]=$GENA [mvtap]=$GENB)
declare -A SUM=() CNT=()
declare -A NETDIR=()	# lib.bash's ctr_sum(): every device here

# tb_run VAR ARGS...: tapbench ARGS; VAR is its frames per second
tb_run() {
	local out f s

	out=$("$BIN/tapbench" "${@:2}") || fail "tapbench ${*:2}"
	read -r _ f _ s <<<"$out"
	printf -v "$1" '%d' "$(awk -v f="$f" -v s="$s" 'BEGIN { printf "%d", f / s }')"
}

# one DRIVER REP: T1 and T2 of DRIVER
one() {
	local d=$1 rep=$2 v rx0 rx1

	pg_setup "${GEN[$d]}" $TAPMAC
	pg_start
	pg_wait_traffic "${GEN[$d]}/tx_packets" || fail "pktgen sent nothing on ${GEN[$d]}"
	tb_run v read "${TAP[$d]}" "$SECS"
	pg_stop
	emit T1 read 1 "$d" "$rep" fps "$v"
	SUM[T1.$d]=$((${SUM[T1.$d]:-0} + v)) CNT[T1.$d]=$((${CNT[T1.$d]:-0} + 1))

	rx0=$(<"/sys/class/net/${GEN[$d]}/statistics/rx_packets")
	tb_run v write "${TAP[$d]}" "$SECS" "${GENMAC[$d]}" $TAPMAC
	nap 0.5
	rx1=$(<"/sys/class/net/${GEN[$d]}/statistics/rx_packets")
	# what was written must have left by the lower device
	((rx1 - rx0 >= v * SECS * 9 / 10)) ||
		fail "$d: ${GEN[$d]} received $((rx1 - rx0)) frames of about $((v * SECS)) written"
	emit T2 write 1 "$d" "$rep" fps "$v"
	SUM[T2.$d]=$((${SUM[T2.$d]:-0} + v)) CNT[T2.$d]=$((${CNT[T2.$d]:-0} + 1))
}

for ((rep = 1; rep <= REPS; rep++)); do
	for d in $(order "$rep" macvtap mvtap); do
		one "$d" "$rep"
	done
done
ip link del ta
ip link del tb

echo "frames through /dev/tapN, $REPS x $SECS s each, kernel $(uname -r) (means)"
printf '%-28s %12s %12s\n' "" macvtap mvtap
for r in "T1 read, frames/s:T1" "T2 write, frames/s:T2"; do
	k=${r#*:}
	printf '%-28s %12d %12d\n' "${r%:*}" \
		$((SUM[$k.macvtap] / CNT[$k.macvtap])) $((SUM[$k.mvtap] / CNT[$k.mvtap]))
done
echo "rows: $CSV"
echo "PASS: bench/mvtap"
