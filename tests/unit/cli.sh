#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Host-side tests of the mvctl binary: command line errors, help, and the
# "module not loaded" report. They expect a kernel WITHOUT the mvlan module
# (and, since resolving the family may autoload it, without module support
# or with the module not installed), and load nothing.
#
# Usage: cli.sh [MVCTL]     (default: $MVCTL, then ../../cli/mvctl)
#
# Prints one "PASS: name" or "FAIL: name" line per test case, then
# "N passed, N failed"; exits non-zero if a case failed.

MVCTL=${1:-${MVCTL:-$(dirname "$0")/../../cli/mvctl}}

MODULE_MISSING='mvctl: mvlan module not loaded (generic netlink family "mvlan" not found)'
NOSUCH=mvtest-nosuch0	# a device name that does not exist

passed=0
failed=0
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

pass() {
	echo "PASS: $1"
	passed=$((passed + 1))
}

fail() {
	echo "FAIL: $1"
	failed=$((failed + 1))
}

# Runs mvctl with the given arguments: $tmp/out, $tmp/err, and $rc.
run() {
	"$MVCTL" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}

# Compares a captured stream with the expected text (a final newline is
# implied unless the text is empty); prints the difference.
same() {
	if [ -z "$2" ]; then
		: >"$tmp/want"
	else
		printf '%s\n' "$2" >"$tmp/want"
	fi
	cmp -s "$tmp/want" "$1" && return 0
	echo "  $(basename "$1"), want:"
	sed 's/^/    | /' "$tmp/want"
	echo "  $(basename "$1"), got:"
	sed 's/^/    | /' "$1"
	return 1
}

# expect NAME STATUS STDERR ARGS...: exit status and stderr exactly,
# nothing on stdout.
expect() {
	name=$1 status=$2 stderr=$3
	shift 3
	run "$@"
	ok=true
	if [ "$rc" -ne "$status" ]; then
		echo "  exit status $rc, want $status"
		ok=false
	fi
	same "$tmp/err" "$stderr" || ok=false
	same "$tmp/out" "" || ok=false
	if $ok; then pass "$name"; else fail "$name"; fi
}

if [ ! -x "$MVCTL" ]; then
	fail "mvctl binary \"$MVCTL\" exists"
	echo "$passed passed, $failed failed"
	exit 1
fi

# Usage errors: exit status 2.
expect "no command" 2 'mvctl: missing command (try "mvctl -h")'
expect "-j without command" 2 'mvctl: missing command (try "mvctl -h")' -j
expect "unknown option" 2 'mvctl: unknown option "-x"' -x show
expect "unknown command" 2 'mvctl: unknown command "foo"' foo
expect "command names are exact" 2 'mvctl: unknown command "sh"' sh
expect "add without NAME" 2 'mvctl: missing device name after "add"' add
expect "add without link" 2 'mvctl: "link LOWER" is required' add mv0
expect "add with mode but no link" 2 'mvctl: "link LOWER" is required' \
	add mv0 mode bridge
expect "add: unknown mode" 2 'mvctl: unknown mode "foo"' \
	add mv0 link lo mode foo
expect "add: empty mode" 2 'mvctl: unknown mode ""' add mv0 link lo mode ""
expect "add: unknown keyword" 2 'mvctl: unknown keyword "xyz"' \
	add mv0 link lo xyz
expect "add: missing argument after mode" 2 \
	'mvctl: missing argument after "mode"' add mv0 link lo mode
expect "add: missing argument after link" 2 \
	'mvctl: missing argument after "link"' add mv0 link
expect "add: duplicate keyword" 2 'mvctl: duplicate keyword "mode"' \
	add mv0 link lo mode vepa mode bridge
expect "add: invalid NAME" 2 'mvctl: invalid device name "a/b"' \
	add a/b link lo
expect "add: NAME of 16 characters" 2 \
	'mvctl: invalid device name "1234567890123456"' \
	add 1234567890123456 link lo
expect "add: invalid LOWER" 2 'mvctl: invalid device name "a b"' \
	add mv0 link "a b"
expect "del without NAME" 2 'mvctl: missing device name after "del"' del
expect "del: invalid NAME" 2 'mvctl: invalid device name ".."' del ..
expect "del: extra argument" 2 'mvctl: unexpected argument "x"' del mv0 x
expect "show: invalid NAME" 2 'mvctl: invalid device name "a:b"' show a:b
expect "show: extra argument" 2 'mvctl: unexpected argument "x"' show mv0 x

# Help: exit status 0, usage on stdout.
cat >"$tmp/usage" <<'USAGE'
Usage: mvctl [-j] COMMAND ...

Commands:
  mvctl add NAME link LOWER [mode {private|vepa|bridge|passthru|source}] [nopromisc] [nodst]
  mvctl del NAME
  mvctl show [NAME]

Options:
  -j          JSON output
  -h, --help  show this help
USAGE
for opt in -h --help; do
	run "$opt"
	ok=true
	if [ "$rc" -ne 0 ]; then
		echo "  exit status $rc, want 0"
		ok=false
	fi
	same "$tmp/out" "$(cat "$tmp/usage")" || ok=false
	same "$tmp/err" "" || ok=false
	if $ok; then pass "$opt"; else fail "$opt"; fi
done

# No mvlan module: exit status 1, checked before any rtnetlink request
# (so even a missing lower device is not reported first).
expect "show: module missing" 1 "$MODULE_MISSING" show
expect "-j show: module missing" 1 "$MODULE_MISSING" -j show
expect "show NAME: module missing" 1 "$MODULE_MISSING" show mv0
expect "add: module missing" 1 "$MODULE_MISSING" add mv0 link lo
expect "add: module missing, before the lower lookup" 1 "$MODULE_MISSING" \
	add mv0 link "$NOSUCH"
expect "add: keywords in any order" 1 "$MODULE_MISSING" \
	add mv0 nodst mode source nopromisc link lo

# del needs no module, only rtnetlink.
expect "del: no such device" 1 "mvctl: cannot find device \"$NOSUCH\"" \
	del "$NOSUCH"
expect "del: not an mvlan device" 1 'mvctl: lo is not an mvlan device' del lo

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
