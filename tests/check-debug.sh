#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# make check-debug: the whole VM suite on a debug kernel (KASAN, lockdep,
# PROVE_RCU, DEBUG_ATOMIC_SLEEP, kmemleak, debug objects, net refcount
# trackers; tests/vm/build-debug-kernel.sh builds it the first time), with
# the genl fuzzer at 1,000,000 messages and 10 minutes of churn. Any kernel
# report fails the run, kmemleak's included (scanned twice at the end).
# Ends with "N passed, N failed".
#
# MVLAN_FUZZ_COUNT, MVLAN_STRESS_TIME override the two sizes;
# MVLAN_VM_TESTS="tests/netns/x.sh ..." runs those tests alone.
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1

die() {
	echo "FAIL: $*"
	echo "0 passed, 1 failed"
	exit 1
}

kver=$(tests/vm/build-debug-kernel.sh) || die "build the debug kernel"
dir=$(tests/vm/build-debug-kernel.sh --dir) || die "find the debug kernel"
make -s all || die "build"
tests/tools/ynl-extract.sh || die "extract the YNL client"
ko=build/mod/$kver/kmod/mvlan.ko
make -s "$ko" KDIR="$dir/linux" || die "build mvlan.ko for $kver"

# Everything runs 5-20 times slower under KASAN and lockdep in TCG.
export MVLAN_VM_KERNEL=$dir/vmlinux
export MVLAN_VM_MODROOT=$dir/modroot
export MVLAN_VM_MEM=3072
export MVLAN_VM_BOOT_TIMEOUT=600
export MVLAN_FUZZ_COUNT=${MVLAN_FUZZ_COUNT:-1000000}
export MVLAN_FUZZ_JOBS=2
export MVLAN_STRESS_TIME=${MVLAN_STRESS_TIME:-600}
# The fuzzer and the churn first: they are what this run is for. Then the
# rest of the default run (tests/netns/QUARANTINE applies).
tests=(tests/netns/genl-fuzz.sh tests/netns/stress-churn.sh)
for t in tests/netns/*.sh; do
	[[ $t == "${tests[0]}" || $t == "${tests[1]}" ]] && continue
	grep -qs "^${t##*/}\b" tests/netns/QUARANTINE || tests+=("$t")
done
if [[ -n ${MVLAN_VM_TESTS:-} ]]; then
	read -r -a tests <<<"$MVLAN_VM_TESTS"
fi
mkdir -p build/check
tests/vm/run.sh -k "$kver" -m "$top/$ko" -t 21600 -T 7200 \
	-o "build/vm/$kver/run" "${tests[@]}" 2>&1 | tee build/check/vm_debug.log
exit "${PIPESTATUS[0]}"
