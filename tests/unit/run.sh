#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Runs test programs that print "PASS: ..."/"FAIL: ..." lines and end with
# "N passed, N failed", shows their output, and ends with the combined
# "N passed, N failed". A program that exits non-zero without reporting a
# failure, or without a summary line, counts as one failure.
#
# Usage: run.sh PROGRAM...

passed=0
failed=0
out=$(mktemp) || exit 1
trap 'rm -f "$out"' EXIT

for prog in "$@"; do
	echo "# $prog"
	"$prog" >"$out" 2>&1
	rc=$?
	cat "$out"

	summary=$(tail -n 1 "$out" |
		  sed -n 's/^\([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed$/\1 \2/p')
	if [ -z "$summary" ]; then
		echo "FAIL: $prog (no summary line, exit status $rc)"
		failed=$((failed + 1))
		continue
	fi
	p=${summary% *}
	f=${summary#* }
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "FAIL: $prog (exit status $rc)"
		f=1
	fi
	passed=$((passed + p))
	failed=$((failed + f))
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
