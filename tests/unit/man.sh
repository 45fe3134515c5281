#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Lint of the manual pages: "mandoc -T lint" and, when groff is there,
# "groff -ww -z -man", each silent and with exit status 0. The unit run
# calls it only when mandoc is installed (tests/vm/deps.sh installs it).
#
# Prints one "PASS: name" or "FAIL: name" line per check, then
# "N passed, N failed"; exits non-zero if a check failed.

TOP=$(cd "$(dirname "$0")/../.." && pwd)
PAGES="$TOP/man/mvctl.8 $TOP/man/mvlan.4 $TOP/man/mvlan-cni.8"

passed=0
failed=0
out=$(mktemp) || exit 1
trap 'rm -f "$out"' EXIT

# check NAME CMD...: passes when CMD exits 0 and prints nothing
check() {
	name=$1
	shift
	"$@" >"$out" 2>&1
	rc=$?
	if [ "$rc" -eq 0 ] && [ ! -s "$out" ]; then
		echo "PASS: $name"
		passed=$((passed + 1))
	else
		echo "FAIL: $name (exit status $rc)"
		sed 's/^/    | /' "$out"
		failed=$((failed + 1))
	fi
}

for page in $PAGES; do
	if command -v mandoc >/dev/null; then
		check "mandoc -T lint $(basename "$page")" mandoc -T lint "$page"
	fi
	if command -v groff >/dev/null; then
		check "groff -ww -z -man $(basename "$page")" \
			groff -ww -z -man "$page"
	fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
