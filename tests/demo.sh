#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# make demo: build, boot the newest installed kernel in the test VM and play
# a short session there (tests/demo/session.sh) with its output shown.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

kver=${KVER:-}
if [[ -z "$kver" ]]; then
	for k in $(ls /lib/modules 2>/dev/null | sort -V); do
		[[ $k != *-rt-* ]] || continue	# PREEMPT_RT: only if asked for
		[[ -f /boot/vmlinuz-$k && -f /lib/modules/$k/build/Makefile ]] && kver=$k
	done
fi
[[ -n "$kver" ]] || { echo "demo: no kernel with headers installed (make deps)" >&2; exit 1; }

make -s "build/mod/$kver/kmod/mvlan.ko"
exec tests/vm/run.sh --show -k "$kver" -m "$top/build/mod/$kver/kmod/mvlan.ko" \
	tests/demo/session.sh
