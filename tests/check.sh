#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Every test of the project: the host unit tests, then the VM suite on each
# installed kernel but the PREEMPT_RT one (MVLAN_CHECK_ALL=1: every one;
# MVLAN_KVERS="..." picks them; MVLAN_VM_TESTS="tests/netns/x.sh ..." the
# tests, on every kernel). Ends with one line
# "N passed, N failed"; the exit status is non-zero on any failure.
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1

passed=0
failed=0
logdir=build/check
mkdir -p "$logdir"

# tally NAME LOG STATUS: add a runner's closing "N passed, N failed" line
tally() {
	local line p f

	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$2" | tail -n 1)
	if [[ -z "$line" ]]; then
		echo "FAIL: $1 (no result line, exit status $3)"
		failed=$((failed + 1))
		return
	fi
	p=${line%% passed*}
	f=${line#*, }
	f=${f%% failed*}
	passed=$((passed + p))
	failed=$((failed + f))
	if [[ $3 -ne 0 && $f -eq 0 ]]; then
		echo "FAIL: $1 (exit status $3)"
		failed=$((failed + 1))
	fi
}

# run NAME CMD...: run a test runner, show its output, count its result
run() {
	local name=$1 log rc

	shift
	log=$logdir/${name//\//_}.log
	echo "### $name"
	"$@" 2>&1 | tee "$log"
	rc=${PIPESTATUS[0]}
	tally "$name" "$log" "$rc"
}

# kernels: those installed with headers; the PREEMPT_RT flavour only for
# make check-all (MVLAN_CHECK_ALL=1)
kernels() {
	local k

	for k in $(ls /lib/modules 2>/dev/null | sort -V); do
		[[ -f /boot/vmlinuz-$k && -f /lib/modules/$k/build/Makefile ]] ||
			continue
		[[ $k == *-rt-* && ${MVLAN_CHECK_ALL:-0} != 1 ]] && continue
		echo "$k"
	done
}

# warnings are errors here, as in CI (cli/Makefile: WERROR=1)
if ! make -s all WERROR=1; then
	echo "FAIL: build"
	echo "$passed passed, $((failed + 1)) failed"
	exit 1
fi

# make install/uninstall and dkms-install/uninstall on the host, in a
# scratch copy of the tree, while the unit tests run here. Before the VM
# suites: it changes the host's module tree (the guests' too) for a while.
tests/install/install.sh >"$logdir/install.log" 2>&1 &
install_pid=$!

run unit make -s -C cli check WERROR=1
run ip-plugin make -s -C cli/ip check WERROR=1

install_rc=0
wait "$install_pid" || install_rc=$?
echo "### install"
cat "$logdir/install.log"
tally install "$logdir/install.log" "$install_rc"

if ! tests/tools/ynl-extract.sh; then
	echo "FAIL: extract the YNL client"
	failed=$((failed + 1))
fi

kvers=${MVLAN_KVERS:-$(kernels)}
if [[ -z "$kvers" ]]; then
	echo "FAIL: no kernel with headers installed (run make deps)"
	failed=$((failed + 1))
fi

# The VM tests of each kernel. A test whose outcome does not depend on the
# kernel's version (no code of ours on its path differs between kernels,
# kmod/compat.h, and the kernel's own part behaves the same) says so with a
# header line "# mvlan-vm: one-kernel, about N s" (N: its time in the
# guest, roughly): make check runs it on one kernel, the longest first, each
# on the kernel with the least of them so far, so that the suites of all
# kernels fit in the time CI has. make check-all (MVLAN_CHECK_ALL=1) and a
# list given in MVLAN_VM_TESTS run every test on every kernel. Tests listed
# in tests/netns/QUARANTINE are left out.
declare -A ktests=()
vm_tests() {
	local t k secs best all=() once=() LC_ALL=C
	declare -A load=()

	# shellcheck disable=SC2086 # kvers: names split on blanks or lines
	mapfile -t all < <(printf '%s\n' $kvers)
	for t in tests/netns/*.sh; do
		grep -qs "^${t##*/}\b" tests/netns/QUARANTINE && continue
		secs=$(sed -n 's/^# mvlan-vm: one-kernel, about \([0-9]\+\) s$/\1/p' "$t")
		if [[ -n $secs && -z ${MVLAN_VM_TESTS:-} && ${MVLAN_CHECK_ALL:-0} != 1 ]]; then
			once+=("$secs $t")
			continue
		fi
		for k in "${all[@]}"; do
			ktests[$k]+=" $t"
		done
	done
	for k in "${all[@]}"; do
		load[$k]=0
	done
	while read -r secs t; do
		[[ -n $t ]] || continue
		best=${all[0]}
		for k in "${all[@]}"; do
			((load[$k] < load[$best])) && best=$k
		done
		ktests[$best]+=" $t"
		load[$best]=$((load[$best] + secs))
	done < <(printf '%s\n' "${once[@]}" | sort -k1,1nr -k2)
	for k in "${all[@]}"; do	# in name order, as run.sh would
		# shellcheck disable=SC2086,SC2046 # paths without blanks
		ktests[$k]=$(printf ' %s' $(printf '%s\n' ${ktests[$k]} | sort))
	done
}
if [[ -n ${MVLAN_VM_TESTS:-} ]]; then
	for k in $kvers; do
		ktests[$k]=$MVLAN_VM_TESTS
	done
elif [[ -n "$kvers" ]]; then
	vm_tests
fi

# The VM suites of the kernels run side by side, their output after in
# kernel order. Each guest has one CPU (MVLAN_VM_SMP: tests/vm/run.sh's
# default is 2): two guests of two CPUs each on a host of two ran four
# tests of both kernels in 208 s, two of one CPU in 130 s, as fast as one
# guest alone. Races between CPUs are make check-debug's to find (two CPUs,
# lockdep, KASAN, the churn for 10 minutes) and make check-all's.
export MVLAN_VM_SMP=${MVLAN_VM_SMP:-$([[ ${MVLAN_CHECK_ALL:-0} == 1 ]] && echo 2 || echo 1)}
declare -A pid
for k in $kvers; do
	ko=build/mod/$k/kmod/mvlan.ko
	if ! make -s "$ko"; then
		echo "FAIL: build mvlan.ko for $k"
		failed=$((failed + 1))
		continue
	fi
	# shellcheck disable=SC2086 # ktests: a list of paths without blanks
	tests/vm/run.sh -k "$k" -m "$top/$ko" -t 2400 ${ktests[$k]:-} \
		>"$logdir/vm_$k.log" 2>&1 &
	pid[$k]=$!
done
for k in "${!pid[@]}"; do
	rc=0
	wait "${pid[$k]}" || rc=$?
	echo "$rc" >"$logdir/vm_$k.rc"
done
for k in $kvers; do
	[[ -n ${pid[$k]:-} ]] || continue
	echo "### vm/$k"
	cat "$logdir/vm_$k.log"
	tally "vm/$k" "$logdir/vm_$k.log" "$(cat "$logdir/vm_$k.rc")"
done

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
