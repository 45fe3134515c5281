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
TOP=$(cd "$(dirname "$0")/../.." && pwd)
MAN8=$TOP/man/mvctl.8

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

# Global options.
expect "-n without NETNS" 2 'mvctl: missing argument after "-n"' -n
expect "--netns without NETNS" 2 'mvctl: missing argument after "--netns"' \
	--netns
expect "-b without FILE" 2 'mvctl: missing argument after "-b"' -b
expect "-f without -b" 2 'mvctl: "-f" needs "-b FILE"' -f show
expect "-b and a command" 2 'mvctl: unexpected argument "show" after "-b FILE"' \
	-b /dev/null show
expect "long options are exact" 2 'mvctl: unknown option "--js"' --js show
expect "options before the command only" 2 'mvctl: unexpected argument "-j"' \
	show mv0 -j

# add: the new keywords.
expect "add: malformed address" 2 'mvctl: invalid MAC address "zz"' \
	add mv0 link lo address zz
expect "add: multicast address" 2 \
	'mvctl: "01:00:5e:00:00:01" is a multicast MAC address, not unicast' \
	add mv0 link lo address 01:00:5e:00:00:01
expect "add: broadcast address" 2 \
	'mvctl: "ff:ff:ff:ff:ff:ff" is a multicast MAC address, not unicast' \
	add mv0 link lo address ff:ff:ff:ff:ff:ff
expect "add: all-zero address" 2 \
	'mvctl: "00:00:00:00:00:00" is the all-zero MAC address, not unicast' \
	add mv0 link lo address 00:00:00:00:00:00
expect "add: missing address" 2 'mvctl: missing argument after "address"' \
	add mv0 link lo address
expect "add: mtu not a number" 2 'mvctl: invalid number "abc" after "mtu"' \
	add mv0 link lo mtu abc
expect "add: negative mtu" 2 'mvctl: invalid number "-1" after "mtu"' \
	add mv0 link lo mtu -1
expect "add: mtu out of range" 2 \
	'mvctl: number "4294967296" after "mtu" is out of range' \
	add mv0 link lo mtu 4294967296
expect "add: duplicate mtu" 2 'mvctl: duplicate keyword "mtu"' \
	add mv0 link lo mtu 1500 mtu 1400
expect "add: negative bcqueuelen" 2 \
	'mvctl: invalid number "-1" after "bcqueuelen"' \
	add mv0 link lo bcqueuelen -1
expect "add: missing bcqueuelen" 2 \
	'mvctl: missing argument after "bcqueuelen"' add mv0 link lo bcqueuelen
expect "add: bclim not a number" 2 'mvctl: invalid number "x" after "bclim"' \
	add mv0 link lo bclim x
expect "add: bclim --1" 2 'mvctl: invalid number "--1" after "bclim"' \
	add mv0 link lo bclim --1
expect "add: bclim too large" 2 \
	'mvctl: number "2147483648" after "bclim" is out of range' \
	add mv0 link lo bclim 2147483648
expect "add: bclim too small" 2 \
	'mvctl: number "-2147483649" after "bclim" is out of range' \
	add mv0 link lo bclim -2147483649

# mode
expect "mode without NAME" 2 'mvctl: missing device name after "mode"' mode
expect "mode: invalid NAME" 2 'mvctl: invalid device name "a/b"' mode a/b
expect "mode: unknown mode" 2 'mvctl: unknown mode "brigde"' mode mv0 brigde
expect "mode: a flag is no mode" 2 'mvctl: unknown mode "nodst"' \
	mode mv0 nodst
expect "mode: unknown flag" 2 'mvctl: unknown keyword "nosrc"' \
	mode mv0 source nosrc
expect "mode: two modes" 2 'mvctl: unknown keyword "vepa"' \
	mode mv0 bridge vepa
expect "mode: nopromisc and promisc" 2 \
	'mvctl: conflicting keywords "nopromisc" and "promisc"' \
	mode mv0 passthru nopromisc promisc
expect "mode: dst and nodst" 2 'mvctl: conflicting keywords "dst" and "nodst"' \
	mode mv0 source dst nodst
expect "mode: duplicate flag" 2 'mvctl: duplicate keyword "nodst"' \
	mode mv0 source nodst nodst
expect "mode: hostbridge and nohostbridge" 2 \
	'mvctl: conflicting keywords "hostbridge" and "nohostbridge"' \
	mode mv0 bridge hostbridge nohostbridge
expect "mode: duplicate hostbridge" 2 'mvctl: duplicate keyword "hostbridge"' \
	mode mv0 bridge hostbridge hostbridge
expect "mode: hostbridge is no mode" 2 'mvctl: unknown mode "hostbridge"' \
	mode mv0 hostbridge
expect "add: hostbridge takes no argument" 2 \
	'mvctl: unknown keyword "bridge"' add mv0 link lo hostbridge bridge

# source
expect "source without NAME" 2 'mvctl: missing device name after "source"' \
	source
expect "source: invalid NAME" 2 'mvctl: invalid device name "a:b"' \
	source a:b
expect "source: unknown subcommand" 2 'mvctl: unknown source command "lst"' \
	source mv0 lst
expect "source: a MAC is no subcommand" 2 \
	'mvctl: unknown source command "02:00:00:00:00:01"' \
	source mv0 02:00:00:00:00:01
expect "source list: extra argument" 2 'mvctl: unexpected argument "x"' \
	source mv0 list x
expect "source flush: extra argument" 2 'mvctl: unexpected argument "x"' \
	source mv0 flush x
expect "source add without MAC" 2 'mvctl: missing MAC address after "add"' \
	source mv0 add
expect "source del without MAC" 2 'mvctl: missing MAC address after "del"' \
	source mv0 del
expect "source add: malformed MAC" 2 'mvctl: invalid MAC address "02:00:00:00:00"' \
	source mv0 add 02:00:00:00:00
expect "source add: multicast after a good one" 2 \
	'mvctl: "01:00:5e:00:00:01" is a multicast MAC address, not unicast' \
	source mv0 add 02:00:00:00:00:01 01:00:5e:00:00:01
expect "source del: all-zero MAC" 2 \
	'mvctl: "00:00:00:00:00:00" is the all-zero MAC address, not unicast' \
	source mv0 del 00:00:00:00:00:00
expect "source set: malformed MAC" 2 'mvctl: invalid MAC address "file1"' \
	source mv0 set file1
expect "source set: file without FILE" 2 \
	'mvctl: missing argument after "file"' source mv0 set file
expect "source set: two files" 2 'mvctl: duplicate keyword "file"' \
	source mv0 set file a file b

printf '%s\n' '# three hosts' 02:00:00:00:00:01 '' 02:00:00:00:00:0g \
	02:00:00:00:00:03 >"$tmp/bad-macs"
expect "source set file: bad line" 2 \
	"mvctl: $tmp/bad-macs: line 4: invalid MAC address \"02:00:00:00:00:0g\"" \
	source mv0 set file "$tmp/bad-macs"
printf '%s\n' 02:00:00:00:00:01 '  33:33:00:00:00:01  ' >"$tmp/mc-macs"
expect "source set file: multicast line" 2 \
	"mvctl: $tmp/mc-macs: line 2: \"33:33:00:00:00:01\" is a multicast MAC address, not unicast" \
	source mv0 set file "$tmp/mc-macs"
expect "source set file: bad MAC before the file is read" 2 \
	'mvctl: invalid MAC address "x"' \
	source mv0 set file "$tmp/nosuch" x
expect "source set file: missing file" 1 \
	"mvctl: cannot open \"$tmp/nosuch\": No such file or directory" \
	source mv0 set file "$tmp/nosuch"

# "file -" reads stdin.
name="source set file -: bad line of stdin"
printf '02:00:00:00:00:01\n00:00:00:00:00:00\n' |
	"$MVCTL" source mv0 set file - >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 2 ] && same "$tmp/err" \
	'mvctl: stdin: line 2: "00:00:00:00:00:00" is the all-zero MAC address, not unicast' &&
   same "$tmp/out" ""; then
	pass "$name"
else
	fail "$name (exit status $rc)"
fi

# show, stats, monitor
expect "show link without LOWER" 2 'mvctl: missing argument after "link"' \
	show link
expect "show link: invalid LOWER" 2 'mvctl: invalid device name "a/b"' \
	show link a/b
expect "show link: extra argument" 2 'mvctl: unexpected argument "x"' \
	show link lo x
expect "stats: invalid NAME" 2 'mvctl: invalid device name ".."' stats ..
expect "stats: extra argument" 2 'mvctl: unexpected argument "x"' \
	stats mv0 x
expect "monitor: extra argument" 2 'mvctl: unexpected argument "x"' \
	monitor x

# Help: exit status 0, usage on stdout.
cat >"$tmp/usage" <<'USAGE'
Usage: mvctl [OPTIONS] COMMAND ...

Commands:
  mvctl add NAME link LOWER [type TYPE] [mode MODE] [nopromisc] [nodst] [hostbridge] [address MAC] [mtu N] [bcqueuelen N] [bclim N]
  mvctl del NAME
  mvctl mode NAME [MODE [nopromisc|promisc] [nodst|dst] [hostbridge|nohostbridge]]
  mvctl source NAME [list]
  mvctl source NAME add MAC [MAC ...]
  mvctl source NAME del MAC [MAC ...]
  mvctl source NAME set [MAC ...] [file FILE]
  mvctl source NAME flush
  mvctl show [NAME | link LOWER]
  mvctl stats [NAME]
  mvctl monitor

  MODE := private | vepa | bridge | passthru | source

Options:
  -j, --json          JSON output
  -p, --pretty        indented JSON output, with -j
  -n, --netns NETNS   run in network namespace NETNS
  -b, --batch FILE    run the commands of FILE, one a line (- is stdin)
  -f, --force         with -b: go on after a failing line
  -V, --version       print the version
  -h, --help          print this help
USAGE
for opt in -h --help "-j -h" "-h show"; do
	# shellcheck disable=SC2086 # two words on purpose
	run $opt
	ok=true
	if [ "$rc" -ne 0 ]; then
		echo "  exit status $rc, want 0"
		ok=false
	fi
	same "$tmp/out" "$(cat "$tmp/usage")" || ok=false
	same "$tmp/err" "" || ok=false
	if $ok; then pass "$opt"; else fail "$opt"; fi
done

# The version, from the top-level VERSION file.
version=$(cat "$TOP/VERSION")
for opt in -V --version; do
	run "$opt"
	if [ "$rc" -eq 0 ] && same "$tmp/out" "mvctl $version" &&
	   same "$tmp/err" ""; then
		pass "$opt prints \"mvctl $version\""
	else
		fail "$opt prints \"mvctl $version\" (exit status $rc)"
	fi
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

expect "add: negative bclim is fine" 1 "$MODULE_MISSING" \
	add mv0 link lo bclim -1
expect "add: smallest bclim is fine" 1 "$MODULE_MISSING" \
	add mv0 link lo bclim -2147483648
expect "add: every keyword" 1 "$MODULE_MISSING" \
	add mv0 link lo type mvtap mode source nodst address 02:00:00:00:00:01 \
	mtu 1400 bcqueuelen 100 bclim 0
expect "add: type mvlan" 1 "$MODULE_MISSING" add mv0 link lo type mvlan
expect "add: type mvtap" 1 "$MODULE_MISSING" add mv0 type mvtap link lo
expect "add: unknown type" 2 'mvctl: unknown type "macvtap" (mvlan or mvtap)' \
	add mv0 link lo type macvtap
expect "add: empty type" 2 'mvctl: unknown type "" (mvlan or mvtap)' \
	add mv0 link lo type ""
expect "add: type is case-sensitive" 2 'mvctl: unknown type "MVTAP" (mvlan or mvtap)' \
	add mv0 link lo type MVTAP
expect "add: missing argument after type" 2 \
	'mvctl: missing argument after "type"' add mv0 link lo type
expect "add: duplicate type" 2 'mvctl: duplicate keyword "type"' \
	add mv0 link lo type mvtap type mvlan
expect "mode NAME: module missing" 1 "$MODULE_MISSING" mode mv0
expect "mode NAME MODE: module missing" 1 "$MODULE_MISSING" \
	mode mv0 bridge promisc dst
expect "mode NAME bridge hostbridge: module missing" 1 "$MODULE_MISSING" \
	mode mv0 bridge hostbridge
expect "mode NAME vepa nohostbridge: module missing" 1 "$MODULE_MISSING" \
	mode mv0 vepa nohostbridge
expect "add: hostbridge" 1 "$MODULE_MISSING" \
	add mv0 hostbridge link lo mode bridge
expect "source: module missing" 1 "$MODULE_MISSING" source mv0
expect "source set (empty): module missing" 1 "$MODULE_MISSING" \
	source mv0 set
printf '# hosts\n02:00:00:00:00:01\n\n  02:00:00:00:00:02\r\n' >"$tmp/good-macs"
expect "source set file: good file, module missing" 1 "$MODULE_MISSING" \
	source mv0 set 02:00:00:00:00:03 file "$tmp/good-macs"
expect "source add: module missing" 1 "$MODULE_MISSING" \
	source mv0 add 02:00:00:00:00:01 02:00:00:00:00:01
expect "show link: module missing" 1 "$MODULE_MISSING" show link lo
expect "stats: module missing" 1 "$MODULE_MISSING" stats
expect "monitor: module missing" 1 "$MODULE_MISSING" monitor

# -n NETNS: entered before anything else.
expect "-n: no such netns" 1 'mvctl: cannot enter netns "mvtest-nosuch": No such file or directory' \
	-n mvtest-nosuch show
expect "-n: no such netns, before the usage check" 1 \
	'mvctl: cannot enter netns "mvtest-nosuch": No such file or directory' \
	-n mvtest-nosuch show a/b x
expect "-n: a path that is no netns" 1 \
	'mvctl: cannot enter netns "/dev/null": Invalid argument' -n /dev/null show

# -b FILE: one command a line; errors name the line.
batch() { # batch NAME STATUS STDERR TEXT ARGS...
	name=$1 status=$2 stderr=$3
	printf '%s' "$4" >"$tmp/batch"
	shift 4
	expect "$name" "$status" "$stderr" "$@" -b "$tmp/batch"
}
expect "-b: missing file" 1 \
	"mvctl: cannot open batch file \"$tmp/nosuch\": No such file or directory" \
	-b "$tmp/nosuch"
batch "-b: empty file" 0 "" ""
batch "-b: only comments and blank lines" 0 "" \
	'# nothing

   # indented
	
'
batch "-b: stops at the first failing line" 1 \
	'mvctl: line 3: unknown command "shw"' \
	'# a comment
   
shw
show a/b
'
batch "-b -f: goes on, every error named" 1 \
	'mvctl: line 3: unknown command "shw"
mvctl: line 4: invalid device name "a/b"
mvctl: line 5: unknown mode "brigde"
mvctl: line 6: missing closing quote
mvctl: line 8: mvlan module not loaded (generic netlink family "mvlan" not found)' \
	'# a comment
   
shw
show a/b
mode mv0 brigde # a comment after a command
mode mv0 "bridge
  # and a comment
show' -f
batch "-b: quoting" 1 'mvctl: line 1: unknown mode ""' 'mode mv0 ""' 
batch "-b: quoted blanks stay in a word" 1 \
	'mvctl: line 1: invalid device name "mv 0"' "show 'mv 0'"
batch "-b: no final newline" 1 'mvctl: line 2: unknown command "x"' \
	'
x'
batch "-b: options apply to every line" 1 \
	'mvctl: line 1: mvlan module not loaded (generic netlink family "mvlan" not found)' \
	'show' -j -p
name="-b -: commands from stdin"
printf '\n\nsource mv0 set file -\n' |
	"$MVCTL" -b - >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 1 ] && same "$tmp/err" \
	'mvctl: line 3: cannot read addresses from stdin: the batch commands come from it' &&
   same "$tmp/out" ""; then
	pass "$name"
else
	fail "$name (exit status $rc)"
fi

# del needs no module, only rtnetlink.
expect "del: no such device" 1 "mvctl: cannot find device \"$NOSUCH\"" \
	del "$NOSUCH"
expect "del: not an mvlan device" 1 'mvctl: lo is not an mvlan device' del lo

# The manual: every command form and option of the help text is in
# man/mvctl.8, word for word, and so is every JSON key mvctl prints.
man_text() { # man_text: the man page's text, fonts and escapes removed
	sed -e 's/\\f[BIRP]//g' -e 's/\\-/-/g' -e 's/\\&//g' \
	    -e 's/\\(dq/"/g' -e 's/\\e/\\/g' "$MAN8"
}
if [ -r "$MAN8" ]; then
	man_text >"$tmp/man"
	"$MVCTL" -h >"$tmp/help"
	sed -n 's/^  \(mvctl .*\)$/\1/p' "$tmp/help" >"$tmp/forms"
	sed -n 's/^  \(-., --[a-z]*\( [A-Z][A-Z]*\)\?\)  .*$/\1/p' "$tmp/help" >"$tmp/opts"
	sed -n 's/^  \(MODE := .*\)$/\1/p' "$tmp/help" >>"$tmp/forms"
	missing=$(grep -vxF -f "$tmp/man" "$tmp/forms")
	if [ "$(wc -l <"$tmp/forms")" -ge 12 ] && [ -z "$missing" ]; then
		pass "every command form of the help is in mvctl.8"
	else
		echo "  not in $MAN8 as a line of its own:"
		printf '%s\n' "$missing" | sed 's/^/    | /'
		fail "every command form of the help is in mvctl.8"
	fi
	missing=$(grep -vxF -f "$tmp/man" "$tmp/opts")
	if [ "$(wc -l <"$tmp/opts")" -eq 7 ] && [ -z "$missing" ]; then
		pass "every option of the help is in mvctl.8"
	else
		echo "  not in $MAN8 as a line of its own:"
		printf '%s\n' "$missing" | sed 's/^/    | /'
		fail "every option of the help is in mvctl.8"
	fi

	# keys: json_key() calls, and the key tables of counters.c and event.c
	cat "$TOP"/cli/*.c |
		sed -n -e 's/.*json_key([^,]*, "\([a-z_]*\)").*/\1/p' \
		       -e 's/.*\(U32\|S32\|U64\), *"\([a-z_]*\)".*/\2/p' \
		       -e 's/.*SRC_HAS_[A-Z]*, *"\([a-z_]*\)".*/\1/p' |
		sort -u >"$tmp/keys"
	missing=
	while read -r key; do
		grep -qE "^\.BR? (.*[ \"])?$key([ \"]|\$)" "$MAN8" ||
			missing="$missing $key"
	done <"$tmp/keys"
	if [ "$(wc -l <"$tmp/keys")" -ge 35 ] && [ -z "$missing" ]; then
		pass "every JSON key is documented in mvctl.8"
	else
		echo "  $(wc -l <"$tmp/keys") keys; not in OUTPUT:$missing"
		fail "every JSON key is documented in mvctl.8"
	fi
else
	fail "man page $MAN8 exists"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
