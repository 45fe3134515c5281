#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck disable=SC2153 # MVLAN_* variables come from guest.conf
# guest.sh: runs inside the QEMU guest as PID 1 (started by the initramfs
# /init after switch_root onto the host's read-only root).  run.sh copies
# this file to OUTDIR/guest.sh, which the guest sees as /run/mvlan-out.
#
# Reads /run/mvlan-out/guest.conf (written by run.sh), loads the module under
# test, runs every test, the final rmmod check, saves dmesg and powers off.
#
# Files written to /run/mvlan-out (= OUTDIR on the host):
#   booted          written as soon as this script starts
#   results         one "PASS NAME" / "FAIL NAME" line per check
#   report.log      what run.sh prints (PASS/FAIL lines, failing tests' logs)
#   logs/NAME.log   output of each test; logs/insmod.log, logs/rmmod.log,
#                   logs/cleanup.log
#   dmesg.log       the guest kernel log, written at the end
#   kmemleak.log    only on kernels with kmemleak
#   current         the check running now (tells the host what hung)
#   done            written last: the guest finished
#
# Everything that can block in the kernel runs in the background under a
# deadline (finish_wait): a task stuck in the kernel (D state) survives even
# SIGKILL, and waiting for it would hang the guest until the host's total
# timeout, losing dmesg.  Instead the check fails, the blocked tasks are
# dumped to the kernel log, the remaining checks are skipped ("not run") and
# the results are written as usual.  Likewise when the total time limit is
# about to run out.
#
# No "set -e": this is PID 1, it must always reach the power-off.
set -u

OUT=/run/mvlan-out

# Safety net: this script kills every other process between tests, so it must
# only ever run as PID 1 of the test guest.
if [[ $$ -ne 1 ]] || ! grep -qw mvlanvm=1 /proc/cmdline 2>/dev/null; then
	echo "guest.sh: refusing to run outside the mvlan test VM" >&2
	exit 1
fi

poweroff_now() {
	sync
	/bin/busybox poweroff -f 2>/dev/null
	echo o >/proc/sysrq-trigger
	sleep 30
	exit 1 # PID 1 exiting panics; with panic=-1 and -no-reboot QEMU exits.
}

console() { printf '%s\n' "$*" >/dev/console; }
# say: a line for both the console and the host's report.
say() { printf '%s\n' "$*" | tee -a "$OUT/report.log" >/dev/console; }
kmsg() { printf 'mvlan-vm: %s\n' "$*" >/dev/kmsg 2>/dev/null; }

# guest.conf sets MVLAN_TOP MVLAN_KO MVLAN_MODNAME MVLAN_PER_TEST MVLAN_TOTAL
# MVLAN_DEADLINE MVLAN_SHOW MVLAN_TEST_NAMES MVLAN_TEST_PATHS, and
# MVLAN_MODROOT if the kernel's modules are elsewhere.
# shellcheck source=/dev/null
if ! source "$OUT/guest.conf"; then
	console "guest.sh: cannot read $OUT/guest.conf"
	poweroff_now
fi
# A kernel built here (check-debug) keeps its modules out of the host's
# /lib/modules: they are shown in their place.
if [[ -n ${MVLAN_MODROOT:-} ]]; then
	mods=/lib/modules/$(uname -r)
	if ! { mount -t tmpfs -o mode=0755 tmpfs /lib/modules && mkdir -p "$mods" &&
		mount --bind "$MVLAN_MODROOT$mods" "$mods"; }; then
		console "guest.sh: cannot show $MVLAN_MODROOT$mods as $mods"
		poweroff_now
	fi
fi
uname -r >"$OUT/booted"

export TOP=$MVLAN_TOP
export MVLAN_KO
export MVLAN_MODNAME
export MVCTL=$TOP/cli/mvctl
export MVLAN_OUT=$OUT
export MVLAN_VM=1
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export LC_ALL=C
export HOME=/tmp TMPDIR=/tmp TERM=dumb PYTHONDONTWRITEBYTECODE=1
unset LANG LANGUAGE

mkdir -p "$OUT/logs"
echo mvlan-vm >/proc/sys/kernel/hostname

# A FIFO nobody writes to: "read -t" on it sleeps without forking.
mkfifo /run/mvlan-tick
exec {tick}<>/run/mvlan-tick
rm -f /run/mvlan-tick

# running PID: the task PID exists and has not exited. A child that has
# exited stays a zombie until bash reaps it, and kill -0 still finds it;
# bash may not reap it while this loop runs builtins only (seen: a test
# that ended "stuck" until the deadline, with no task blocked).
running() {
	local stat

	read -r stat 2>/dev/null <"/proc/$1/stat" || return 1
	stat=${stat##*) }
	[[ ${stat%% *} != Z ]]
}

# wait_for PID SECS: wait for the background job PID, at most SECS seconds.
# Sets waited_rc to its exit status; returns 1 if it is still running.
waited_rc=0
wait_for() {
	local pid=$1 deadline=$((SECONDS + $2))
	while running "$pid"; do
		((SECONDS < deadline)) || return 1
		read -r -t 0.1 -u "$tick" _
	done
	wait "$pid"
	waited_rc=$?
	return 0
}

# MVLAN_DEADLINE is the guest uptime (s) by which all must be over, so that
# the results and dmesg are written before the host's total timeout (-t).
left=0
time_left() {
	local up
	read -r up _ </proc/uptime
	left=$((MVLAN_DEADLINE - ${up%.*}))
}

# Once something is stuck in the kernel or the time is up, the remaining
# checks are not run; abort says why.
abort=''
# finish_wait PID SECS WHAT: wait for background job PID at most SECS s and
# not past the deadline.  Returns 0 when it ended (exit status in waited_rc),
# 1 when it is stuck in the kernel (blocked tasks are dumped to the kernel
# log), 2 when the time ran out; sets abort in both cases.
finish_wait() {
	local pid=$1 secs=$2 what=$3 cut=0
	time_left
	if ((left < secs)); then
		secs=$((left > 1 ? left : 1))
		cut=1
	fi
	wait_for "$pid" "$secs" && return 0
	if ((cut)); then
		abort="the total time limit (-t ${MVLAN_TOTAL}s) ran out during $what"
		kmsg "$abort"
		return 2
	fi
	abort="$what got stuck in the kernel"
	kmsg "$what is still running after ${secs}s: stuck in the kernel? Blocked tasks:"
	echo w >/proc/sysrq-trigger 2>/dev/null
	return 1
}

# tasks_report: every task but the kernel's threads, a line each: pid, state,
# parent, process group, where it sleeps, command line. For a check that
# did not end, so that its report says what was left and where it waited.
tasks_report() {
	local d stat f cmd wchan

	for d in /proc/[0-9]*; do
		read -r stat 2>/dev/null <"$d/stat" || continue
		read -ra f <<<"${stat##*) }"	# state ppid pgrp session ...
		cmd=$(tr '\0' ' ' 2>/dev/null <"$d/cmdline")
		# no command line: a kernel thread, or a zombie
		if [[ -z $cmd ]]; then
			[[ ${f[0]} == Z ]] || continue
			cmd="[${stat#*(}"
			cmd="${cmd%%) *}]"
		fi
		wchan=$(cat "$d/wchan" 2>/dev/null)
		printf '%s %s ppid=%s pgrp=%s wchan=%s %.160s\n' "${d#/proc/}" \
			"${f[0]}" "${f[1]}" "${f[2]}" "${wchan:-0}" "$cmd"
	done
}

record() { # record PASS|FAIL NAME [REASON]
	printf '%s %s\n' "$1" "$2" >>"$OUT/results"
	say "$1: $2"
	[[ -z ${3:-} ]] || say "  reason: $3"
}

# dump_log FILE: print a failing check's log into the report (not with --show:
# the output was already streamed live).
dump_log() {
	[[ $MVLAN_SHOW == 1 ]] && return 0
	say "----- ${1#"$OUT"/} -----"
	tee -a "$OUT/report.log" <"$1" >/dev/console
	say "----- end of ${1#"$OUT"/} -----"
}

mod_loaded() { grep -q "^$MVLAN_MODNAME " /proc/modules; }

insmod_ok=0
load_module() { # insmod into logs/insmod.log; returns 0 on success
	local log=$OUT/logs/insmod.log pid
	echo "# insmod $MVLAN_KO" >>"$log"
	insmod "$MVLAN_KO" >>"$log" 2>&1 &
	pid=$!
	if ! finish_wait "$pid" 150 insmod; then
		echo "# $abort" >>"$log"
		return 1
	fi
	echo "# exit status $waited_rc" >>"$log"
	[[ $waited_rc -eq 0 ]] || return 1
	insmod_ok=1
}

# cleanup: undo whatever the previous test left behind.
cleanup_links() {
	local dev name
	timeout 60 ip -all netns delete || echo "ip -all netns delete failed"
	for dev in /sys/class/net/*; do
		name=${dev##*/}
		[[ -e $dev && $name != lo ]] || continue
		# Fallback tunnel devices (sit0, ...) cannot be deleted: ignore.
		timeout 30 ip link delete dev "$name" 2>/dev/null && echo "deleted $name"
	done
	ip link set lo up
}
# A module-tree overlay a test mounted and did not undo
# (tests/vm/modules-overlay.bash): the next test gets the host's tree again.
cleanup_mounts() {
	local src mnt type _
	while read -r src mnt type _; do
		[[ $src == mvlan-modules && ($type == overlay || $type == tmpfs) ]] || continue
		timeout 30 umount "$mnt" || timeout 30 umount -l "$mnt"
		echo "unmounted the module-tree overlay on $mnt"
	done < <(cat /proc/mounts)
}
cleanup() { # cleanup AFTER
	local log=$OUT/logs/cleanup.log pid
	echo "# cleanup after $1" >>"$log"
	# As PID 1, kill -1 signals every process except this one.
	kill -KILL -1 2>/dev/null
	read -r -t 0.2 -u "$tick" _
	{ cleanup_mounts; cleanup_links; } >>"$log" 2>&1 &
	pid=$!
	finish_wait "$pid" 150 "the cleanup after $1" || echo "# $abort" >>"$log"
}

kmemleak=/sys/kernel/debug/kmemleak
kmemleak_scan() {
	[[ -w $kmemleak ]] || return 0
	timeout 120 bash -c "echo scan >$kmemleak" 2>/dev/null
}

kmsg "guest started, kernel $(uname -r)"
ip link set lo up

kmsg "=== insmod $MVLAN_KO ==="
if load_module; then
	kmsg "insmod $MVLAN_KO: ok"
else
	say "ERROR: insmod $MVLAN_KO failed, every test fails:"
	tee -a "$OUT/report.log" <"$OUT/logs/insmod.log" >/dev/console
fi

# Forget leaks that predate the tests (debug kernels with kmemleak only).
if [[ -w $kmemleak && -z $abort ]]; then
	kmemleak_scan
	echo clear >"$kmemleak" 2>/dev/null
fi

# test_body NAME PATH: what runs in the background for one test
test_body() {
	cd "$TOP" || exit 1
	export MVLAN_TEST_NAME=$1
	exec timeout -k 10 "$MVLAN_PER_TEST" bash "$2"
}

run_test() { # run_test NAME PATH
	local name=$1 path=$2 log rc pid tpid=''
	log=$OUT/logs/$name.log
	mkdir -p "$(dirname "$log")"
	: >"$log"

	time_left
	if [[ -z $abort ]] && ((left <= 0)); then
		abort="the total time limit (-t ${MVLAN_TOTAL}s) ran out"
	fi
	if [[ -n $abort ]]; then
		echo "not run: $abort" >"$log"
		record FAIL "$name" "not run: $abort"
		return
	fi
	if [[ $insmod_ok != 1 ]]; then
		echo "not run: insmod $MVLAN_KO failed (see logs/insmod.log)" >"$log"
		record FAIL "$name" "not run: insmod failed"
		return
	fi
	if ! mod_loaded && ! load_module; then
		echo "not run: re-loading $MVLAN_KO failed:" >"$log"
		tail -n 5 "$OUT/logs/insmod.log" >>"$log"
		record FAIL "$name" "not run: re-loading the module failed"
		dump_log "$log"
		return
	fi

	echo "$name" >"$OUT/current"
	kmsg "=== test $name: start ==="
	[[ $MVLAN_SHOW == 1 ]] && console "===== $name ====="
	test_body "$name" "$path" </dev/null >"$log" 2>&1 &
	pid=$!
	if [[ $MVLAN_SHOW == 1 ]]; then
		tail -n +1 -s 0.2 -f --pid="$pid" "$log" >/dev/console 2>&1 &
		tpid=$!
	fi
	# timeout(1) kills the test after MVLAN_PER_TEST s, SIGKILL 10 s later.
	finish_wait "$pid" $((MVLAN_PER_TEST + 30)) "test $name"
	case $? in
		1)
			echo "### still running $((MVLAN_PER_TEST + 30))s after it started, despite SIGKILL; the tasks:" >>"$log"
			tasks_report >>"$log"
			# Not in the kernel if its process group dies now: then
			# only this test fails, and the others still run.
			kill -KILL -- "-$pid" "$pid" 2>/dev/null
			if wait_for "$pid" 10; then
				abort=''
				kmsg "=== test $name: end, hung (killed) ==="
				record FAIL "$name" "hung: still running $((MVLAN_PER_TEST + 30))s after it started, no task blocked in the kernel; killed"
				dump_log "$log"
				return
			fi
			kmsg "=== test $name: end, stuck ==="
			record FAIL "$name" "stuck in the kernel: still running $((MVLAN_PER_TEST + 30))s after it started"
			dump_log "$log"
			return
			;;
		2)
			# timeout(1) leads the test's process group.
			kill -KILL -- "-$pid" "$pid" 2>/dev/null
			wait_for "$pid" 10
			kmsg "=== test $name: end, out of time ==="
			echo "### killed: the total time limit (-t ${MVLAN_TOTAL}s) ran out" >>"$log"
			record FAIL "$name" "killed: the total time limit (-t ${MVLAN_TOTAL}s) ran out"
			dump_log "$log"
			return
			;;
	esac
	rc=$waited_rc
	[[ -n $tpid ]] && wait_for "$tpid" 5
	kmsg "=== test $name: end, exit status $rc ==="

	if [[ $rc -eq 0 ]]; then
		record PASS "$name"
	else
		local why="exit status $rc"
		if [[ $rc -eq 124 || $rc -eq 137 ]]; then
			why="timed out after ${MVLAN_PER_TEST}s"
		fi
		echo "### $why" >>"$log"
		record FAIL "$name" "$why"
		dump_log "$log"
	fi
}

for i in "${!MVLAN_TEST_NAMES[@]}"; do
	run_test "${MVLAN_TEST_NAMES[$i]}" "${MVLAN_TEST_PATHS[$i]}"
	[[ -n $abort ]] || cleanup "${MVLAN_TEST_NAMES[$i]}"
done

# Final check: the module must unload cleanly after all tests.
rmmod_check() {
	local log=$OUT/logs/rmmod.log try pid
	if [[ -n $abort ]]; then
		echo "not run: $abort" >"$log"
		record FAIL rmmod "not run: $abort"
		return
	fi
	if [[ $insmod_ok != 1 ]]; then
		echo "not run: the module was never loaded" >"$log"
		record FAIL rmmod "not run: insmod failed"
		return
	fi
	if ! mod_loaded && ! load_module; then
		echo "the module was unloaded by a test and cannot be loaded again" >"$log"
		record FAIL rmmod "re-loading the module failed"
		dump_log "$log"
		return
	fi
	echo rmmod >"$OUT/current"
	kmsg "=== rmmod $MVLAN_MODNAME ==="
	# Namespaces die asynchronously: allow a few seconds for "in use" to clear.
	for try in $(seq 1 20); do
		# mvtap.ko, which tests load themselves, holds mvlan.ko
		if grep -q '^mvtap ' /proc/modules; then
			echo "# try $try: rmmod mvtap" >>"$log"
			rmmod mvtap >>"$log" 2>&1 &
			if ! finish_wait $! 150 "rmmod mvtap"; then
				echo "# $abort" >>"$log"
				record FAIL rmmod "$abort"
				dump_log "$log"
				return
			fi
		fi
		echo "# try $try: rmmod $MVLAN_MODNAME" >>"$log"
		rmmod "$MVLAN_MODNAME" >"$OUT/logs/rmmod.out" 2>&1 &
		pid=$!
		if ! finish_wait "$pid" 150 rmmod; then
			echo "# $abort" >>"$log"
			record FAIL rmmod "$abort"
			dump_log "$log"
			return
		fi
		cat "$OUT/logs/rmmod.out" >>"$log"
		echo "# exit status $waited_rc" >>"$log"
		if [[ $waited_rc -eq 0 ]]; then
			rm -f "$OUT/logs/rmmod.out"
			record PASS rmmod
			return
		fi
		grep -q "in use" "$OUT/logs/rmmod.out" || break
		read -r -t 0.5 -u "$tick" _
	done
	rm -f "$OUT/logs/rmmod.out"
	grep "^$MVLAN_MODNAME " /proc/modules >>"$log"
	record FAIL rmmod "rmmod $MVLAN_MODNAME failed"
	dump_log "$log"
}
rmmod_check

time_left
if [[ -r $kmemleak && -z $abort ]] && ((left > 60)); then
	# kmemleak ignores objects younger than 5 s, and reports an object
	# only once two scans found it unreferenced
	sleep 6
	kmemleak_scan
	sleep 5
	kmemleak_scan
	cat "$kmemleak" >"$OUT/kmemleak.log" 2>&1
fi

kmsg "all checks done"
dmesg >"$OUT/dmesg.log" 2>&1
echo finished >"$OUT/done"
poweroff_now
