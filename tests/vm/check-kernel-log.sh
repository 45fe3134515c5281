#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# check-kernel-log.sh FILE...
#
# Scans guest kernel logs (dmesg.log, console.log, kmemleak.log) for signs of
# kernel bugs.  Prints every offending line, prefixed with the test that was
# running at the time (from the "mvlan-vm: === test NAME: start ===" markers
# guest.sh writes to /dev/kmsg), and exits 1 if there is any, 0 otherwise.
#
# MVLAN_VM_LOG_IGNORE: optional extended regex; matching lines are ignored
# (for a known benign message of a particular kernel).
set -euo pipefail

[[ $# -ge 1 ]] || { echo "usage: $0 FILE..." >&2; exit 2; }

# Extended regexes, case-sensitive.  They deliberately avoid benign boot
# banners such as "RCU lockdep checking is enabled", "kasan: KernelAddress
# Sanitizer initialized" or "kmemleak: Kernel memory leak detector initialized".
patterns=(
	'BUG:'                                  # BUG: KASAN/sleeping/NULL pointer/soft lockup...
	'WARNING:'                              # WARN_ON, lockdep splats
	'Oops'
	'KASAN'
	'UBSAN'
	'general protection fault'
	'kernel BUG'
	'possible circular locking'
	'possible recursive locking'
	'inconsistent lock state'
	'suspicious RCU usage'
	'self-detected stall'                   # rcu_sched / rcu_preempt
	'rcu: INFO:'
	'INFO: rcu_[a-z]+ detected stall'       # older stall format
	'refcount_t:'
	'unregister_netdevice: waiting for'
	'unreferenced object'                   # kmemleak
	'Call Trace:'
	'INFO: task .* blocked for more than'   # hung task
	'Kernel panic'
)
regex=$(IFS='|'; echo "${patterns[*]}")

awk -v re="$regex" -v ignore="${MVLAN_VM_LOG_IGNORE:-}" '
	FNR == 1 { ctx = "boot" }
	/mvlan-vm: === test .*: start ===/ {
		ctx = $0
		sub(/.*mvlan-vm: === test /, "", ctx)
		sub(/: start ===.*/, "", ctx)
		next
	}
	/mvlan-vm: === test .*: end/ { ctx = "between tests"; next }
	/mvlan-vm: === insmod / { ctx = "insmod"; next }
	/mvlan-vm: === rmmod / { ctx = "rmmod"; next }
	/mvlan-vm: / { next }                   # our own markers
	ignore != "" && $0 ~ ignore { next }
	$0 ~ re {
		bad++
		if (bad <= 200) { f = FILENAME; sub(/.*\//, "", f); printf "%s: [%s] %s\n", f, ctx, $0 }
	}
	END {
		if (bad > 200) printf "... %d more matching lines\n", bad - 200
		exit bad > 0
	}
' "$@"
