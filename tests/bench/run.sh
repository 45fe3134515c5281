#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# tests/bench/run.sh: mvlan against the kernel's macvlan ("make bench").
#
# usage: tests/bench/run.sh [--smoke] [-k KVER] [--reps N] [--secs S]
#                           [--only P1,P2,...] [--cap S] [--tcp-secs S] [--wall]
#                           [--icount=SHIFT] [--perf] [--no-plot]
#
# Builds mvctl and the module for KVER (default: the newest kernel with
# headers), boots the test VM once (tests/vm/run.sh) with tests/bench/guest.sh
# as its only test, which measures every scenario for both drivers, in turn,
# several times; then prints the table and plots the scaling scenarios.
#   --smoke    tiny sizes, one repetition, well under 2 minutes: checks that
#              the benchmark works (also BENCH_SMOKE=1)
#   --reps N, --secs S   repetitions and seconds a measurement (3 and 0.3;
#              6 and 1.5 with --wall)
#   --only L   some scenarios only, e.g. P1,P4 (P3 and P5 run together;
#              rows of tests/bench/rows/*.bash by their names; CNI: the
#              CNI plugins' ADD and DEL, tests/bench/cni.sh; HB: hostbridge
#              against the shim recipe, tests/bench/hostbridge.sh; TAP:
#              mvtap against macvtap, tests/bench/mvtap.sh)
#   --tcp-secs S  the length of P7's TCP streams (4; 1 with --smoke)
#   --cap S    how long to keep loading macvlan's source list past 10k (30)
#   --icount=SHIFT  by default QEMU runs with -icount shift=1: the guest's
#              clock counts instructions, 2 ns each, so that a rate is per
#              virtual second, i.e. it says how many instructions the guest
#              executes per frame, whatever the host's load; SHIFT=n: 2^n ns
#   --wall     no -icount: rates per second of the host's wall clock, as
#              fast as TCG goes, as noisy as the host is busy (BENCH_WALL=1)
#   --perf     also a perf profile of P1 and P2 for each driver
#              (build/bench/perf-*.txt)
#   --no-plot  no PNG
# Output in build/bench/ (build/bench/smoke/ with --smoke): raw.csv (every
# number), table.txt, table.md, scaling.png (P3, P4 and P6 against N),
# scaling.dat, meta.txt, host.txt, vm/ (the VM run; vm/logs/bench/guest.log
# is the guest's log).
# Exit status: 0 when every scenario ran, 1 when one failed or did not run,
# 2 on a usage or setup error. No speed is asserted.
set -euo pipefail

prog=${0##*/}
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
out=$top/build/bench

usage() { awk 'NR < 4 { next } !/^#/ { exit } { sub(/^# ?/, ""); print }' "$0"; }
die() { echo "$prog: error: $*" >&2; exit 2; }

smoke=${BENCH_SMOKE:-0} kver='' reps='' secs='' only='' cap='' tcpsecs='' plot=1
icount=1 perf=0
[[ ${BENCH_WALL:-0} == 0 ]] || icount=''
while [[ $# -gt 0 ]]; do
	case $1 in
	--smoke) smoke=1; shift ;;
	-k) [[ $# -ge 2 ]] || die "-k needs a value"; kver=$2; shift 2 ;;
	--reps) [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || die "--reps needs a positive number"; reps=$2; shift 2 ;;
	--secs) [[ ${2:-} =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "--secs needs a number"; secs=$2; shift 2 ;;
	--only) [[ ${2:-} =~ ^[A-Za-z0-9]+(,[A-Za-z0-9]+)*$ ]] || die "--only needs a list like P1,P4"; only=$2; shift 2 ;;
	--tcp-secs) [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || die "--tcp-secs needs a whole number of seconds"; tcpsecs=$2; shift 2 ;;
	--cap) [[ ${2:-} =~ ^[0-9]+$ ]] || die "--cap needs a number of seconds"; cap=$2; shift 2 ;;
	--icount=*) icount=${1#--icount=}; shift ;;
	--wall) icount=''; shift ;;
	--perf) perf=1; shift ;;
	--no-plot) plot=0; shift ;;
	-h | --help) usage; exit 0 ;;
	*) usage >&2; die "unknown argument $1" ;;
	esac
done
[[ $smoke == 0 || $smoke == 1 ]] || die "BENCH_SMOKE must be 0 or 1"
[[ -z $icount || $icount =~ ^[0-9]$ ]] || die "--icount: SHIFT must be 0..9"
# what the guest reads (it looks for build/bench/input), and where the
# results go: a smoke run does not overwrite those of a full one
in=$out/input
[[ $smoke == 0 ]] || out=$out/smoke

# --- gnuplot (tests/vm/deps.sh does not install it yet) ---------------------
need_pkgs() {
	local p missing=()

	for p in "$@"; do
		[[ $(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null) == installed ]] ||
			missing+=("$p")
	done
	[[ ${#missing[@]} -gt 0 ]] || return 0
	if [[ $(id -u) -ne 0 ]]; then
		echo "$prog: warning: ${missing[*]} missing (run as root to install)" >&2
		return 1
	fi
	echo "$prog: installing ${missing[*]}" >&2
	export DEBIAN_FRONTEND=noninteractive
	{ apt-get install -y -q --no-install-recommends "${missing[@]}" ||
		{ apt-get update -q && apt-get install -y -q --no-install-recommends "${missing[@]}"; }; } >&2
}
if [[ $plot == 1 ]] && ! command -v gnuplot >/dev/null; then
	need_pkgs gnuplot-nox || echo "$prog: warning: no gnuplot, no plot" >&2
fi
command -v python3 >/dev/null || need_pkgs python3 || die "python3 is needed for the table"
# P7's TCP streams (tests/vm/deps.sh installs it for make bench)
if [[ -z $only || ,$only, == *,P7,* ]] && ! command -v iperf3 >/dev/null; then
	need_pkgs iperf3 || die "iperf3 is needed for P7 (make deps)"
fi

# --- kernel, build ------------------------------------------------------------
if [[ -z $kver ]]; then
	kver=$(for d in /lib/modules/*/; do
		k=$(basename "$d")
		[[ $k != *-rt-* ]] || continue	# PREEMPT_RT: only if asked for
		[[ -f /boot/vmlinuz-$k && -f /lib/modules/$k/build/Makefile ]] && echo "$k"
	done | sort -V | tail -n 1)
	[[ -n $kver ]] || die "no kernel with both /boot/vmlinuz-KVER and headers (make deps)"
fi
ko=build/mod/$kver/kmod/mvlan.ko
echo "$prog: building mvctl, the ip plugin, the CNI plugin and $ko" >&2
make -s -C "$top" cli ip cni "$ko" >&2 || die "build failed"
# copies of what is measured: a rebuild during the run must not change it
mkdir -p "$in" "$out"
cp "$top/cli/mvctl" "$in/mvctl.new"
mv -f "$in/mvctl.new" "$in/mvctl"
# the ip plugin, for P4 and P6's "ip -batch" of mvlan devices
mkdir -p "$in/ip"
cp "$top/cli/ip/link_mvlan.so" "$in/ip/link_mvlan.so.new"
mv -f "$in/ip/link_mvlan.so.new" "$in/ip/link_mvlan.so"
cp "$top/$ko" "$in/mvlan.ko"
cp "$top/${ko%/*}/mvtap.ko" "$in/mvtap.ko"
# tests/bench/mvtap.sh's reader and writer of /dev/tapN
"${CC:-cc}" -O2 -Wall -Wextra -o "$in/tapbench" "$top/tests/bench/tapbench.c" ||
	die "cannot build tests/bench/tapbench.c"

# --- inputs -------------------------------------------------------------------
# The source list entries, entry I being 02:5e:00 + I on three bytes: the
# guest takes the first N lines (generating them under TCG is slow).
macs=$in/macs.txt
if [[ ! -s $macs ]] || [[ $(wc -l <"$macs") -ne 1000000 ]]; then
	awk 'BEGIN {
		for (i = 0; i < 256; i++) h[i] = sprintf("%02x", i)
		for (i = 0; i < 1000000; i++)
			print "02:5e:00:" h[int(i / 65536)] ":" h[int(i / 256) % 256] ":" h[i % 256]
	}' >"$macs.new"
	mv -f "$macs.new" "$macs"
fi

append="mvbench.mode=$([[ $smoke == 1 ]] && echo smoke || echo full)"
[[ -z $reps ]] || append+=" mvbench.reps=$reps"
[[ -z $secs ]] || append+=" mvbench.secs=$secs"
[[ -z $only ]] || append+=" mvbench.only=$only"
[[ -z $cap ]] || append+=" mvbench.cap=$cap"
[[ -z $tcpsecs ]] || append+=" mvbench.tcpsecs=$tcpsecs"
[[ $perf == 0 ]] || append+=" mvbench.perf=1"
qemu_env=()
if [[ -n $icount ]]; then
	# a QEMU that counts instructions (single-threaded TCG: one host
	# thread runs both vCPUs in turn)
	printf '#!/bin/sh\nexec %q "$@" -icount shift=%s\n' \
		"${QEMU:-qemu-system-x86_64}" "$icount" >"$out/qemu-icount"
	chmod +x "$out/qemu-icount"
	# its TSC is virtual too: the guest calibrates it (deterministically)
	qemu_env=(QEMU="$out/qemu-icount" MVLAN_VM_TSC_KHZ=0)
	append+=" mvbench.clock=icount$icount"
else
	append+=" mvbench.clock=wall"
fi
if [[ $smoke == 1 ]]; then
	total=400 per_test=320
else
	total=2400 per_test=2300
fi
# the scripts beside guest.sh, each a test of its own in the same boot:
# the CNI plugins' latency (--only CNI), hostbridge against the shim
# recipe (--only HB) and mvtap against macvtap (--only TAP)
extra=()
if [[ -z $only || ,$only, == *,CNI,* ]]; then
	extra+=("$top/tests/bench/cni.sh")
	total=$((total + 400))
fi
if [[ -z $only || ,$only, == *,HB,* ]]; then
	extra+=("$top/tests/bench/hostbridge.sh")
	total=$((total + 300))
fi
if [[ -z $only || ,$only, == *,TAP,* ]]; then
	extra+=("$top/tests/bench/mvtap.sh")
	total=$((total + 300))
fi

# --- run ----------------------------------------------------------------------
rm -f "$out"/raw.csv "$out"/status "$out"/meta.txt "$out"/host.txt "$out"/table.* \
	"$out"/scaling.* "$out"/hostbridge.csv "$out"/mvtap.csv "$out"/cni-bench.csv
{
	echo "host $(uname -n), $(nproc) CPUs, $(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
	echo "loadavg_start $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "date $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "commit $(git -C "$top" describe --always --dirty 2>/dev/null || echo unknown)"
} >"$out/host.txt"

echo "$prog: $append, kernel $kver; the guest's log follows" >&2
mkdir -p "$out/vm"
rm -f "$out/vm/logs/bench/guest.log"
# the guest's log as it grows (the results share is not cached)
tail -n +1 -s 0.5 -F "$out/vm/logs/bench/guest.log" 2>/dev/null | grep --line-buffered '^\[' >&2 &
tail_pid=$!
trap 'kill $tail_pid 2>/dev/null || true' EXIT
t0=$SECONDS
vm_rc=0
# tests/vm/run.sh through "source", which reads a script whole before it
# runs any of it: bash runs a script file as it reads it, and an edit of
# the file in the meantime (it is under development too) would derail it
# shellcheck disable=SC2016 # for the inner shell
env "${qemu_env[@]}" MVLAN_VM_APPEND="${MVLAN_VM_APPEND:-} $append" \
	bash -c 'f=$1; shift; source "$f" "$@"' run.sh "$top/tests/vm/run.sh" -k "$kver" -m "$in/mvlan.ko" -t $total -T $per_test -o "$out/vm" \
	"$top/tests/bench/guest.sh" "${extra[@]}" >"$out/vm-run.log" 2>&1 || vm_rc=$?
sleep 1
kill $tail_pid 2>/dev/null || true
echo "loadavg_end $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/host.txt"
echo "wall $((SECONDS - t0))" >>"$out/host.txt"
echo "$prog: the VM run took $((SECONDS - t0)) s" >&2

for f in raw.csv status meta.txt hostbridge.csv mvtap.csv; do
	[[ -f $out/vm/bench/$f ]] && cp "$out/vm/bench/$f" "$out/$f"
done
if [[ -f $out/vm/cni-bench.csv ]]; then
	cp "$out/vm/cni-bench.csv" "$out/"
fi
rm -f "$out"/perf-*.txt
cp "$out"/vm/bench/perf-*.txt "$out"/ 2>/dev/null || true
if [[ ! -s $out/raw.csv ]]; then
	cat "$out/vm-run.log" >&2
	echo "$prog: the guest wrote no results" >&2
	exit 1
fi

echo
rc=0
report_args=("$out")
[[ $plot == 1 ]] || report_args+=(--no-plot)
python3 "$top/tests/bench/report.py" "${report_args[@]}" || rc=1
if [[ $vm_rc -ne 0 ]]; then
	echo "$prog: the VM run failed (exit status $vm_rc):" >&2
	grep -E '^(FAIL|  reason)' "$out/vm-run.log" >&2 || tail -n 30 "$out/vm-run.log" >&2
	rc=1
fi
echo "raw numbers: $out/raw.csv; VM run: $out/vm-run.log"
exit $rc
