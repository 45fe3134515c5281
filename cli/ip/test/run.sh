#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Host tests of link_mvlan.so (PLUGIN), without a kernel that has mvlan:
#   1. loading: into fake ips (fakeip.c) of a known release, a git build, an
#      older and a newer release, one without "ip -V", one that exports
#      nothing: the plugin is used only where it knows the layout, and
#      says in one line why not elsewhere; the release of the real ip;
#   2. parse_opt(): every keyword and the attributes it appends (exact),
#      every bad input with its message, exit status and nothing appended;
#   3. print_opt(): the print functions called, with keys, formats and
#      values, in order;
#   4. the real ip (/usr/sbin/ip) in a network namespace of its own, as
#      root: "ip link help mvlan"; each bad input gets the message of
#      macvlan's plugin, with "mvlan" for "macvlan", and nothing is sent
#      (strace sees no RTM_NEWLINK); good ones are sent; an ip without
#      the plugin (IP_LIB_DIR elsewhere) refuses options, not "type mvlan".
# One PASS:/FAIL: line per check, then "N passed, N failed".
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
: "${PLUGIN:=$here/../link_mvlan.so}"
passed=0 failed=0
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

pass() { echo "PASS: ip-plugin/$1"; passed=$((passed + 1)); }
fail() {
	echo "FAIL: ip-plugin/$1"
	shift
	[[ $# -eq 0 ]] || printf '  %s\n' "$@"
	failed=$((failed + 1))
}
# expect NAME ACTUAL EXPECTED
expect() {
	if [[ $2 == "$3" ]]; then
		pass "$1"
	else
		fail "$1" "expected:" "${3//$'\n'/$'\n'  }" "actual:" "${2//$'\n'/$'\n'  }"
	fi
}

# run PROG ARG...: OUT, ERR and RC of PROG
run() {
	RC=0
	"$@" >"$tmp/out" 2>"$tmp/err" || RC=$?
	OUT=$(<"$tmp/out") ERR=$(<"$tmp/err")
}

usage='Usage: ... mvlan mode MODE [flag MODE_FLAG] MODE_OPTS [bcqueuelen BC_QUEUE_LEN] [bclim BCLIM] [hostbridge]

MODE: private | vepa | bridge | passthru | source
MODE_FLAG: null | nopromisc | nodst | hostbridge
MODE_OPTS: for mode "source":
	macaddr { { add | del } <macaddr> | set [ <macaddr> [ <macaddr>  ... ] ] | flush }
BC_QUEUE_LEN: Length of the rx queue for broadcast/multicast: [0-4294967295]
BCLIM: Threshold for broadcast queueing: 32-bit integer'

# --- 1. loading -----------------------------------------------------------
# load FAKE STDOUT STDERR
load() {
	run "$here/$1" "$PLUGIN" load
	expect "load into $1" "$OUT|$ERR" "$2|$3"
}
util='util mvlan maxattr 9 parse 1 print 1 help 1'
load fakeip "$util" ''
load fakeip-git "$util" ''
load fakeip-old 'util NULL' \
	'link_mvlan.so: iproute2 5.9.0 is not a release it knows (5.10 to 7.1): not used'
load fakeip-new 'util NULL' \
	'link_mvlan.so: iproute2 7.2.0 is not a release it knows (5.10 to 7.1): not used'
load fakeip-noformat 'util NULL' \
	"link_mvlan.so: $here/fakeip-noformat is not iproute2's ip: not used"
load fakeip-nosym 'util NULL' \
	"link_mvlan.so: not loaded by iproute2's ip (no get_link_kind() to be found): not used"
# kind mvtap: the same plugin (link_mvtap.so links to it), its own link_util
run env FAKE_KIND=mvtap "$here/fakeip" "$PLUGIN" load
expect "load mvtap_link_util into fakeip" "$OUT|$ERR" \
	"util mvtap maxattr 9 parse 1 print 1 help 1|"
run env FAKE_KIND=mvtap "$here/fakeip-old" "$PLUGIN" load
expect "load mvtap_link_util into fakeip-old" "$OUT|$ERR" 'util NULL|link_mvlan.so: iproute2 5.9.0 is not a release it knows (5.10 to 7.1): not used'
run "$here/fakeip" "$PLUGIN" version /bin/true
expect "release of /bin/true" "$OUT" "error: /bin/true is not iproute2's ip"
run "$here/fakeip" "$PLUGIN" version "$here/run.sh"
expect "release of a script" "$OUT" "error: $here/run.sh has no .rodata to read"
if [[ -x /usr/sbin/ip ]]; then
	v=$(/usr/sbin/ip -V | sed -n 's/^ip utility, iproute2-\([0-9.]*\).*/\1/p')
	run "$here/fakeip" "$PLUGIN" version /usr/sbin/ip
	expect "release of /usr/sbin/ip, as ip -V says" "${OUT%% *}" "$v"
fi

# --- 2. parse_opt() ---------------------------------------------------------
# parse NAME ARGS EXPECTED: the attributes parse_opt() appends for ARGS
parse() {
	local args
	read -r -a args <<<"$2"
	run "$here/fakeip" "$PLUGIN" parse "${args[@]}"
	expect "parse: $1" "$OUT${ERR:+|$ERR}" "$3"
}
parse "nothing" "" "rc 0 len 0"
for m in private:1 vepa:2 bridge:4 passthru:8 source:16; do
	parse "mode ${m%:*}" "mode ${m%:*}" "rc 0 len 8
MODE ${m#*:}"
done
parse "abbreviations" "m bridge f null b 7" "rc 0 len 24
MODE 4
FLAGS 0
BC_QUEUE_LEN 7"
parse "mode passthru nopromisc" "mode passthru nopromisc" "rc 0 len 16
MODE 8
FLAGS 1"
parse "mode passthru flag nopromisc" "mode passthru flag nopromisc" "rc 0 len 16
MODE 8
FLAGS 1"
parse "mode source nodst" "mode source nodst" "rc 0 len 16
MODE 16
FLAGS 2"
parse "flag nodst" "flag nodst" "rc 0 len 8
FLAGS 2"
parse "flag null: flags 0" "flag null" "rc 0 len 8
FLAGS 0"
parse "mode bridge hostbridge" "mode bridge hostbridge" "rc 0 len 16
MODE 4
FLAGS 4"
parse "flag hostbridge" "flag hostbridge" "rc 0 len 8
FLAGS 4"
parse "hostbridge alone: the kernel knows the mode" "hostbridge" "rc 0 len 8
FLAGS 4"
parse "hostbridge flag null: flags add up, as macvlan's" "hostbridge flag null" "rc 0 len 8
FLAGS 4"
parse "the last mode counts" "mode vepa mode bridge" "rc 0 len 8
MODE 4"
parse "bcqueuelen, decimal and hex" "bcqueuelen 4294967295 bcqueuelen 0x10" "rc 0 len 8
BC_QUEUE_LEN 16"
parse "bcqueuelen 0" "bcqueuelen 0" "rc 0 len 8
BC_QUEUE_LEN 0"
parse "bclim -1" "bclim -1" "rc 0 len 8
BC_CUTOFF 4294967295"
parse "bclim 2147483647" "bclim 2147483647" "rc 0 len 8
BC_CUTOFF 2147483647"
parse "macaddr add" "macaddr add 02:00:00:00:00:0A" "rc 0 len 20
MACADDR_MODE 0
MACADDR 02:00:00:00:00:0a"
parse "macaddr del" "macaddr del 02:00:00:00:00:0a" "rc 0 len 20
MACADDR_MODE 1
MACADDR 02:00:00:00:00:0a"
parse "macaddr flush" "macaddr flush" "rc 0 len 8
MACADDR_MODE 2"
parse "macaddr set, nothing" "macaddr set" "rc 0 len 12
MACADDR_MODE 3
MACADDR_DATA (0 bytes)"
parse "macaddr set, two, then more options" \
	"mode source macaddr set 02:00:00:00:00:01 02:00:00:00:00:02 nodst bcqueuelen 5" "rc 0 len 60
MODE 16
FLAGS 2
BC_QUEUE_LEN 5
MACADDR_MODE 3
MACADDR_DATA (24 bytes)
  MACADDR 02:00:00:00:00:01
  MACADDR 02:00:00:00:00:02"
macs() { # macs N: N addresses
	local i
	for ((i = 1; i <= $1; i++)); do printf '02:00:00:00:%02x:%02x ' $((i / 256)) $((i % 256)); done
}
# the fake's request has 32 bytes before: room for 81 addresses in 1024
run "$here/fakeip" "$PLUGIN" parse macaddr set $(macs 81)
expect "macaddr set, 81 addresses: all of them" "$(head -n 1 <<<"$OUT"), $(grep -c '  MACADDR' <<<"$OUT")" \
	"rc 0 len 984, 81"

# bad NAME ARGS STATUS MESSAGE: refused with MESSAGE, nothing appended
bad() {
	local args
	read -r -a args <<<"$2"
	run "$here/fakeip" "$PLUGIN" parse "${args[@]}"
	if [[ $3 == 255 ]]; then
		expect "bad: $1" "$RC|$OUT|$ERR" "255||$4"
	else
		expect "bad: $1" "$RC|$OUT|$ERR" "1|rc -1 len 0|$4"
	fi
}
incomplete='Command line is not complete. Try option "help"'
for a in mode flag macaddr "macaddr add" "macaddr del" bcqueuelen bclim "mode source macaddr add"; do
	bad "\"$a\" without its argument" "$a" 255 "$incomplete"
done
bad "mode bogus" "mode bogus" 1 \
	'Error: argument of "mode" must be "private", "vepa", "bridge", "passthru" or "source", not "bogus"'
bad "mode Bridge (case)" "mode Bridge" 1 \
	'Error: argument of "mode" must be "private", "vepa", "bridge", "passthru" or "source", not "Bridge"'
bad "mode br (no abbreviation)" "mode br" 1 \
	'Error: argument of "mode" must be "private", "vepa", "bridge", "passthru" or "source", not "br"'
bad "flag promisc" "flag promisc" 1 \
	'Error: argument of "flag" must be "nopromisc", "nodst", "hostbridge" or "null", not "promisc"'
bad "flag nohostbridge" "flag nohostbridge" 1 \
	'Error: argument of "flag" must be "nopromisc", "nodst", "hostbridge" or "null", not "nohostbridge"'
bad "host (hostbridge is not abbreviated)" "mode bridge host" 1 "mvlan: unknown option \"host\"?
$usage"
for v in -1 4294967296 x 1x ""; do
	bad "bcqueuelen \"$v\"" "bcqueuelen $v" $([[ -z $v ]] && echo 255 || echo 1) \
		"$([[ -z $v ]] && echo "$incomplete" || echo "Error: argument of \"bcqueuelen\" must be a positive integer [0-4294967295], not \"$v\"")"
done
for v in 2147483648 -2147483649 x 1.5; do
	bad "bclim $v" "bclim $v" 1 "Error: illegal value for \"bclim\": \"$v\""
done
bad "bcl (bclim is not abbreviated)" "bcl 1" 1 "mvlan: unknown option \"bcl\"?
$usage"
bad "macaddr bogus" "macaddr bogus" 1 "$usage"
bad "macaddr ADD (case)" "macaddr ADD 02:00:00:00:00:01" 1 "$usage"
for m in zz 1:2:3 2:0:0:0:0:1 02:00:00:00:00:01:02 02-00-00-00-00-01; do
	bad "macaddr add $m" "macaddr add $m" 1 "\"$m\" is invalid lladdr."
done
bad "macaddr add, multicast" "macaddr add 01:00:5e:00:00:01" 1 \
	'Error: "01:00:5e:00:00:01" is a multicast MAC address, not unicast.'
bad "macaddr del, all-zero" "macaddr del 00:00:00:00:00:00" 1 \
	'Error: "00:00:00:00:00:00" is the all-zero MAC address, not unicast.'
bad "macaddr set, a multicast one" "macaddr set 02:00:00:00:00:01 ff:ff:ff:ff:ff:ff" 1 \
	'Error: "ff:ff:ff:ff:ff:ff" is a multicast MAC address, not unicast.'
bad "a second macaddr" "macaddr add 02:00:00:00:00:01 macaddr del 02:00:00:00:00:02" 1 \
	'Error: duplicate "macaddr": "del" is the second value.'
bad "unknown option" "mode bridge foo" 1 "mvlan: unknown option \"foo\"?
$usage"
bad "an empty word" "mode bridge ''" 1 "mvlan: unknown option \"''\"?
$usage"
bad "help" "help" 1 "$usage"
for a in nopromisc "flag nopromisc" "mode bridge nopromisc" "nopromisc mode source"; do
	bad "$a: not passthru" "$a" 1 "mvlan: nopromisc flag only valid in passthru mode
$usage"
done
run "$here/fakeip" "$PLUGIN" parse macaddr set $(macs 82)
expect "bad: macaddr set, 82 addresses: more than the request holds" "$RC|$OUT|$ERR" \
	"1|rc -1 len 0|mvlan: more addresses than one request holds; \"mvctl source DEV set\" takes any number"
run "$here/fakeip" "$PLUGIN" parse macaddr set $(macs 86)
expect "bad: macaddr set, 86 addresses" "$RC|$OUT|$ERR" \
	"1|rc -1 len 0|mvlan: more addresses than one request holds; \"mvctl source DEV set\" takes any number"

# kind mvtap: the same attributes; its messages say "mvtap"
run env FAKE_KIND=mvtap "$here/fakeip" "$PLUGIN" parse mode source nodst macaddr add 02:00:00:00:00:0a
expect "parse, mvtap: mode source nodst macaddr add" "$OUT${ERR:+|$ERR}" "rc 0 len 36
MODE 16
FLAGS 2
MACADDR_MODE 0
MACADDR 02:00:00:00:00:0a"
run env FAKE_KIND=mvtap "$here/fakeip" "$PLUGIN" parse foo
expect "bad, mvtap: foo" "$RC|$OUT|$ERR" "1|rc -1 len 0|mvtap: unknown option \"foo\"?
${usage/ mvlan mode/ mvtap mode}"
# shellcheck disable=SC2046 # words
run env FAKE_KIND=mvtap "$here/fakeip" "$PLUGIN" parse macaddr set $(macs 86)
expect "bad, mvtap: macaddr set, 86 addresses" "$RC|$OUT|$ERR" \
	"1|rc -1 len 0|mvtap: more addresses than one request holds; \"mvctl source DEV set\" takes any number"

# --- 3. print_opt() ---------------------------------------------------------
# show NAME SPEC EXPECTED
show() {
	local args
	read -r -a args <<<"$2"
	run "$here/fakeip" "$PLUGIN" print "${args[@]}"
	expect "print: $1" "$OUT${ERR:+|$ERR}" "$3"
}
show "no IFLA_INFO_DATA" "" ""
show "no mode: nothing" "flags=2 bcqueuelen=5" ""
for m in private:1 vepa:2 bridge:4 passthru:8; do
	show "mode ${m%:*}, as the kernel sends it" \
		"mode=${m#*:} flags=0 bcqueuelen=1000 used=1000 bclim=1 count=0" \
		"string ANY nocolor mode 'mode %s ' ${m%:*}
luint ANY nocolor bcqueuelen 'bcqueuelen %lu ' 1000
luint ANY nocolor usedbcqueuelen 'usedbcqueuelen %lu ' 1000
int ANY nocolor bclim 'bclim %d ' 1"
done
show "an unknown mode" "mode=32" "string ANY nocolor mode 'mode %s ' unknown"
show "passthru nopromisc" "mode=8 flags=1 bcqueuelen=1000 used=2000 bclim=-1" \
	"string ANY nocolor mode 'mode %s ' passthru
bool ANY nocolor nopromisc 'nopromisc ' true
luint ANY nocolor bcqueuelen 'bcqueuelen %lu ' 1000
luint ANY nocolor usedbcqueuelen 'usedbcqueuelen %lu ' 2000
int ANY nocolor bclim 'bclim %d ' -1"
show "source nodst, two addresses" \
	"mode=16 flags=2 bcqueuelen=0 used=1000 bclim=1 count=2 macs=02:00:00:00:00:0a,02:00:00:00:00:0b" \
	"string ANY nocolor mode 'mode %s ' source
bool ANY nocolor nodst 'nodst ' true
luint ANY nocolor bcqueuelen 'bcqueuelen %lu ' 0
luint ANY nocolor usedbcqueuelen 'usedbcqueuelen %lu ' 1000
int ANY nocolor macaddr_count 'remotes (%d) ' 2
open_json_array JSON macaddr_data
string ANY nocolor - '%s ' 02:00:00:00:00:0a
string ANY nocolor - '%s ' 02:00:00:00:00:0b
close_json_array JSON -
int ANY nocolor bclim 'bclim %d ' 1"
show "source, the count only (a list too long for a link message)" \
	"mode=16 flags=0 bcqueuelen=1000 used=1000 bclim=1 count=5000" \
	"string ANY nocolor mode 'mode %s ' source
luint ANY nocolor bcqueuelen 'bcqueuelen %lu ' 1000
luint ANY nocolor usedbcqueuelen 'usedbcqueuelen %lu ' 1000
int ANY nocolor macaddr_count 'remotes (%d) ' 5000
int ANY nocolor bclim 'bclim %d ' 1"
show "bridge hostbridge: after all of macvlan's, bclim too" \
	"mode=4 flags=4 bcqueuelen=1000 used=1000 bclim=1 count=0" \
	"string ANY nocolor mode 'mode %s ' bridge
luint ANY nocolor bcqueuelen 'bcqueuelen %lu ' 1000
luint ANY nocolor usedbcqueuelen 'usedbcqueuelen %lu ' 1000
int ANY nocolor bclim 'bclim %d ' 1
bool ANY nocolor hostbridge 'hostbridge ' true"
show "source, empty list" "mode=16 count=0" \
	"string ANY nocolor mode 'mode %s ' source
int ANY nocolor macaddr_count 'remotes (%d) ' 0"
run "$here/fakeip" "$PLUGIN" help
expect "help" "$OUT" "$usage"
run env FAKE_KIND=mvtap "$here/fakeip" "$PLUGIN" help
expect "help, mvtap" "$OUT" "${usage/ mvlan mode/ mvtap mode}"
run env FAKE_KIND=mvtap "$here/fakeip" "$PLUGIN" print mode=4 flags=0 bcqueuelen=1000 used=1000 bclim=1 count=0
expect "print, mvtap: mode bridge" "$OUT${ERR:+|$ERR}" "string ANY nocolor mode 'mode %s ' bridge
luint ANY nocolor bcqueuelen 'bcqueuelen %lu ' 1000
luint ANY nocolor usedbcqueuelen 'usedbcqueuelen %lu ' 1000
int ANY nocolor bclim 'bclim %d ' 1"

# --- 4. the real ip ---------------------------------------------------------
IP=/usr/sbin/ip
if [[ ! -x $IP ]] || ! unshare -n true 2>/dev/null; then
	echo "SKIP: ip-plugin/real ip: no $IP, or no network namespace (not root?)"
	echo "$passed passed, $failed failed"
	[[ $failed -eq 0 ]]
	exit
fi
plugdir=$tmp/plugins
mkdir -p "$plugdir"
cp "$PLUGIN" "$plugdir/link_mvlan.so"
ln -s link_mvlan.so "$plugdir/link_mvtap.so"
strace=$(command -v strace || true)

# ipx ARG...: the real ip with the plugin, in a namespace of its own, under
# strace when there is one (RTM_NEWLINKS: the RTM_NEWLINK requests sent)
ipx() {
	RC=0
	if [[ -n $strace ]]; then
		IP_LIB_DIR=$plugdir unshare -n "$strace" -qq -f -e trace=sendmsg -e signal=none \
			-o "$tmp/strace" "$IP" "$@" >"$tmp/out" 2>"$tmp/err" || RC=$?
		RTM_NEWLINKS=$(grep -c 'nlmsg_type=RTM_NEWLINK' "$tmp/strace")
	else
		IP_LIB_DIR=$plugdir unshare -n "$IP" "$@" >"$tmp/out" 2>"$tmp/err" || RC=$?
		RTM_NEWLINKS=-
	fi
	OUT=$(<"$tmp/out") ERR=$(<"$tmp/err")
}
sent() { [[ -n $strace ]] && echo "$1" || echo -; }

ipx link help mvlan
expect "ip link help mvlan" "$RC|$OUT|$ERR" "0|$usage|"

# macvlan's plugin (built into ip) as the oracle of the messages: the
# same words with "mvlan" for "macvlan", bclim's lines aside (iproute2
# before 6.4 has no bclim), and hostbridge's (mvlan's own) taken out of
# mvlan's
nobclim() {
	sed -e 's/ \[bclim BCLIM\]//' -e '/^BCLIM:/d' -e 's/macvlan/mvlan/g' \
		-e 's/ \[hostbridge\]$//' -e 's/ | hostbridge$//' \
		-e 's/"nodst", "hostbridge" or/"nodst" or/'
}
for a in "mode" "mode bogus" "flag" "flag x" "bcqueuelen" "bcqueuelen -1" \
	"bcqueuelen 4294967296" "bcqueuelen 1x" "macaddr" "macaddr bogus" "macaddr add" \
	"macaddr add zz" "macaddr del" "nopromisc" \
	"mode bridge flag nopromisc" "foo" "help" "mode source nodst foo"; do
	read -r -a args <<<"$a"
	IP_LIB_DIR=$plugdir unshare -n "$IP" link add link lo name m0 type macvlan "${args[@]}" \
		>/dev/null 2>"$tmp/macvlan.err"
	mrc=$?
	ipx link add link lo name m0 type mvlan "${args[@]}"
	expect "ip link add ... type mvlan $a: as macvlan's, nothing sent" \
		"$RC|$(nobclim <<<"$ERR")|$RTM_NEWLINKS" \
		"$mrc|$(nobclim <"$tmp/macvlan.err")|$(sent 0)"
done

# where mvlan's refuses and macvlan's would not
for a in "bclim x|Error: illegal value for \"bclim\": \"x\"" \
	"macaddr add 1:2:3|\"1:2:3\" is invalid lladdr." \
	"macaddr del 02:00:00:00:00:zz|\"02:00:00:00:00:zz\" is invalid lladdr." \
	"macaddr add 01:00:5e:00:00:01|Error: \"01:00:5e:00:00:01\" is a multicast MAC address, not unicast." \
	"macaddr add 02:00:00:00:00:01 macaddr add 02:00:00:00:00:02|Error: duplicate \"macaddr\": \"add\" is the second value." \
	"macaddr set $(macs 79)|mvlan: more addresses than one request holds; \"mvctl source DEV set\" takes any number"; do
	read -r -a args <<<"${a%%|*}"
	ipx link add link lo name m0 type mvlan "${args[@]}"
	expect "ip link add ... type mvlan ${a:0:60}: refused, nothing sent" \
		"$RC|$ERR|$RTM_NEWLINKS" "1|${a#*|}|$(sent 0)"
done

# kind mvtap, against macvtap's (built into ip as macvlan's)
ipx link help mvtap
expect "ip link help mvtap" "$RC|$OUT|$ERR" "0|${usage/ mvlan mode/ mvtap mode}|"
for a in "mode bogus" "foo" "nopromisc" "macaddr add zz"; do
	read -r -a args <<<"$a"
	IP_LIB_DIR=$plugdir unshare -n "$IP" link add link lo name m0 type macvtap "${args[@]}" \
		>/dev/null 2>"$tmp/macvtap.err"
	mrc=$?
	ipx link add link lo name m0 type mvtap "${args[@]}"
	expect "ip link add ... type mvtap $a: as macvtap's, nothing sent" \
		"$RC|$(nobclim <<<"$ERR" | sed 's/mvlan/mvtap/g')|$RTM_NEWLINKS" \
		"$mrc|$(sed 's/macvtap/mvtap/g' "$tmp/macvtap.err" | nobclim | sed 's/mvlan/mvtap/g')|$(sent 0)"
done
ipx link add link lo name m0 type mvtap mode bridge bclim -1
expect "ip link add ... type mvtap mode bridge bclim -1: sent" "$RC|$ERR|$RTM_NEWLINKS" \
	"2|Error: Unknown device type.|$(sent 1)"

# good requests get to the kernel, which has no kind mvlan here
for a in "" "mode source nodst bcqueuelen 2000" "mode passthru nopromisc bclim -1" \
	"m private" "macaddr set $(macs 78)" "macaddr add 02:00:00:00:00:01" "macaddr flush" \
	"mode vepa flag null bcqueuelen 0x10" "mode bridge hostbridge"; do
	read -r -a args <<<"$a"
	ipx link add link lo name m0 type mvlan "${args[@]}"
	expect "ip link add ... type mvlan ${a:0:60}: sent" "$RC|$ERR|$RTM_NEWLINKS" \
		"2|Error: Unknown device type.|$(sent 1)"
done

# without the plugin
noplug() {
	IP_LIB_DIR=$tmp/none unshare -n "$IP" "$@" 2>&1
}
expect "without the plugin: type mvlan with options" \
	"$(noplug link add link lo name m0 type mvlan mode bridge)" \
	'Garbage instead of arguments "mode ...". Try "ip link help".'
expect "without the plugin: type mvlan alone is sent" \
	"$(noplug link add link lo name m0 type mvlan)" 'Error: Unknown device type.'

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
