#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# mvlan-vm: one-kernel, about 10 s
#
# mvctl -b FILE runs a command a line. A failing line N is named
# ("mvctl: line N: ..."); without -f the batch stops there and the lines
# before it have taken effect, those after it not; with -f it goes on and
# still exits with status 1. Options apply to every line, -b - reads
# stdin, and quoting and comments work.
#
#   ns low: lower0 (veth), with mv1 (bridge), src1 (source), pt1 (passthru)
#
. "$(dirname "$0")/mvctl-lib.bash"

netns_new low
ip -n low link add lower0 type veth peer name peer0
ip -n low link add lower1 type veth peer name peer1

# names NS: the mvlan devices and their modes, one line
names() {
	mvc "$1" show | awk '{ printf "%s%s %s", (NR > 1 ? ", " : ""), $1, $7 } END { print "" }'
}

step "a good batch: every line runs, output in order"
cat >"$TMPDIR/good" <<'EOF'
# devices
add mv1 link lower0 mode bridge address 02:00:00:00:00:01
add src1 link lower0 mode source address 02:00:00:00:00:02   # a comment

add pt1 link lower1 mode passthru
	source src1 add 02:00:00:00:20:01 "02:00:00:00:20:02"
mode src1
source src1
mode 'mv1' "vepa"
mode mv1
EOF
ok "mvctl -b good" \
"source
02:00:00:00:20:01 packets 0 bytes 0
02:00:00:00:20:02 packets 0 bytes 0
vepa" mvc low -b "$TMPDIR/good"
expect_eq "$(names low)" "mv1: vepa, src1: source, pt1: passthru" "devices after the good batch"

step "-j applies to every line"
printf 'mode src1\nsource src1\n' >"$TMPDIR/json"
ok "mvctl -j -b json" \
'{"ifname":"src1","mode":"source","flags":[]}
[{"address":"02:00:00:00:20:01","packets":0,"bytes":0},{"address":"02:00:00:00:20:02","packets":0,"bytes":0}]' \
	mvc low -j -b "$TMPDIR/json"

step "an error on line 4 stops the batch there"
cat >"$TMPDIR/bad" <<'EOF'
mode mv1 private
source src1 add 02:00:00:00:30:01
# line 3 is a comment, line 4 fails in the kernel
mode pt1 bridge
mode mv1 bridge
source src1 add 02:00:00:00:30:02
EOF
refused "mvctl -b bad" 1 \
	'mvctl: line 4: cannot set the mode of pt1: Invalid argument: mvlan: cannot change into or out of passthru mode' \
	mvc low -b "$TMPDIR/bad"
expect_eq "$(names low)" "mv1: private, src1: source, pt1: passthru" \
	"lines 1 and 2 took effect, 5 did not"
ok "source list after the failed batch" \
"02:00:00:00:20:01 packets 0 bytes 0
02:00:00:00:20:02 packets 0 bytes 0
02:00:00:00:30:01 packets 0 bytes 0" mvc low source src1

step "-f goes on after errors, and still fails"
cat >"$TMPDIR/force" <<'EOF'
mode mv1 vepa
mode pt1 bridge
source src1 add 02:00:00:00:30:03
source src1 add 01:00:5e:00:00:01
shw
source mv1 add 02:00:00:00:30:04
mode mv1 bridge "nodst
mode mv1 bridge nodst
EOF
refused "mvctl -f -b force" 1 \
'mvctl: line 2: cannot set the mode of pt1: Invalid argument: mvlan: cannot change into or out of passthru mode
mvctl: line 4: "01:00:5e:00:00:01" is a multicast MAC address, not unicast
mvctl: line 5: unknown command "shw"
mvctl: line 6: cannot add source addresses to mv1: Invalid argument: the device is not in source mode
mvctl: line 7: missing closing quote' \
	mvc low -f -b "$TMPDIR/force"
ok "mode mv1 after -f" "bridge nodst" mvc low mode mv1
ok "source list after -f" \
"02:00:00:00:20:01 packets 0 bytes 0
02:00:00:00:20:02 packets 0 bytes 0
02:00:00:00:30:01 packets 0 bytes 0
02:00:00:00:30:03 packets 0 bytes 0" mvc low source src1

step "-b - reads stdin; -n applies to it"
ok "mvctl -n low -b -" "private" \
	bash -c "printf 'mode mv1 private dst\nmode mv1\n' | $(printf '%q ' "$MVCTL") -n low -b -"
refused "mvctl -n low -b - with an error on line 3" 1 \
	'mvctl: line 3: cannot find device "nosuch0"' \
	bash -c "printf 'mode mv1 vepa\n\nmode nosuch0 vepa\nmode mv1 bridge\n' | $(printf '%q ' "$MVCTL") -n low -b -"
ok "mode mv1 after the stdin batch" "vepa" mvc low mode mv1

step "a batch deletes what it made"
printf 'del mv1\ndel src1\ndel pt1\nshow\n' >"$TMPDIR/del"
ok "mvctl -b del" "" mvc low -b "$TMPDIR/del"
expect_eq "$(mvc low -j show)" "[]" "no device left"
echo "ok"
