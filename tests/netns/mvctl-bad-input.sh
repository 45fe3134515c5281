#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# mvlan-vm: one-kernel, about 46 s
#
# Bad input against a live kernel: each case of the table below is refused
# with its exit status and its exact message, and changes nothing: the
# devices, their modes and flags and the source list read back the same.
# Last, with the module unloaded, every command says so.
#
#   ns low: mv1 (bridge), src1 (source, list of 2)     pt1 (passthru)
#              \             /                           |
#               lower0 (veth, mtu 1500)               lower1 (veth)
#
. "$(dirname "$0")/mvctl-lib.bash"

: "${MVLAN_KO:?MVLAN_KO is not set}"

netns_new low
ip -n low link add lower0 type veth peer name peer0
ip -n low link add lower1 type veth peer name peer1
mvc low add mv1 link lower0 mode bridge address 02:00:00:00:00:01
mvc low add src1 link lower0 mode source address 02:00:00:00:00:02
mvc low add pt1 link lower1 mode passthru
mvc low source src1 add 02:00:00:00:20:01 02:00:00:00:20:02

# state: everything a refused command must leave alone: the devices,
# modes, flags, addresses, the source list, the counters and ports
printf 'show\nsource src1\nstats\n' >"$TMPDIR/state"
state() {	# one process: each costs under TCG
	mvc low -j -b "$TMPDIR/state"
}
before=$(state)

printf '02:00:00:00:30:01\n02:00:00:00:30:02\n\n02:00:00:00:30\n' >"$TMPDIR/bad-macs"
printf '02:00:00:00:30:01\n01:80:c2:00:00:0e\n' >"$TMPDIR/mc-macs"
# more than one request's worth, the last address bad: nothing is sent
awk 'BEGIN { for (i = 0; i < 5000; i++) printf "02:00:00:01:%02x:%02x\n", i / 256, i % 256;
	     print "02:00:00:01:ff:fg" }' >"$TMPDIR/long-bad-macs"

NOSRC='Invalid argument: the device is not in source mode'
NOTMV='Invalid argument: not an mvlan device'
PASSTHRU='Invalid argument: mvlan: cannot change into or out of passthru mode'

# STATUS|MESSAGE|ARGS (ARGS split at blanks)
cases=(
# malformed input, refused before anything is sent
"2|mvctl: invalid MAC address \"02:00:00:00:00\"|source src1 add 02:00:00:00:00"
"2|mvctl: \"01:00:5e:00:00:01\" is a multicast MAC address, not unicast|source src1 add 02:00:00:00:20:09 01:00:5e:00:00:01"
"2|mvctl: \"00:00:00:00:00:00\" is the all-zero MAC address, not unicast|source src1 del 02:00:00:00:20:01 00:00:00:00:00:00"
"2|mvctl: \"ff:ff:ff:ff:ff:ff\" is a multicast MAC address, not unicast|source src1 set ff:ff:ff:ff:ff:ff"
"2|mvctl: $TMPDIR/bad-macs: line 4: invalid MAC address \"02:00:00:00:30\"|source src1 set file $TMPDIR/bad-macs"
"2|mvctl: $TMPDIR/mc-macs: line 2: \"01:80:c2:00:00:0e\" is a multicast MAC address, not unicast|source src1 set file $TMPDIR/mc-macs"
"2|mvctl: $TMPDIR/long-bad-macs: line 5001: invalid MAC address \"02:00:00:01:ff:fg\"|source src1 set file $TMPDIR/long-bad-macs"
"1|mvctl: cannot open \"$TMPDIR/nosuch\": No such file or directory|source src1 set file $TMPDIR/nosuch"
"2|mvctl: unknown mode \"brigde\"|mode mv1 brigde"
"2|mvctl: unknown keyword \"nosrc\"|mode src1 source nosrc"
"2|mvctl: conflicting keywords \"nodst\" and \"dst\"|mode src1 vepa nodst dst"
"2|mvctl: unknown keyword \"lnk\"|add mv2 lnk lower0"
"2|mvctl: missing argument after \"mode\"|add mv2 link lower0 mode"
"2|mvctl: \"link LOWER\" is required|add mv2 mode bridge"
"2|mvctl: \"01:00:00:00:00:02\" is a multicast MAC address, not unicast|add mv2 link lower0 address 01:00:00:00:00:02"
"2|mvctl: invalid number \"1.5k\" after \"mtu\"|add mv2 link lower0 mtu 1.5k"
"2|mvctl: unknown source command \"clear\"|source src1 clear"
"2|mvctl: unknown command \"delete\"|delete mv1"
# devices that are not there, or not mvlan devices
"1|mvctl: cannot find device \"nosuch0\"|add mv2 link nosuch0"
"1|mvctl: cannot find device \"nosuch0\"|del nosuch0"
"1|mvctl: lower0 is not an mvlan device|del lower0"
"1|mvctl: cannot find device \"nosuch0\"|show nosuch0"
"1|mvctl: cannot show lower0: $NOTMV|show lower0"
"1|mvctl: cannot find device \"nosuch0\"|show link nosuch0"
"1|mvctl: cannot find device \"nosuch0\"|mode nosuch0"
"1|mvctl: cannot get the mode of lower0: $NOTMV|mode lower0"
"1|mvctl: cannot set the mode of lower0: $NOTMV|mode lower0 bridge"
"1|mvctl: cannot find device \"nosuch0\"|source nosuch0 list"
"1|mvctl: cannot list the source addresses of lower0: $NOTMV|source lower0 list"
"1|mvctl: cannot add source addresses to lower0: $NOTMV|source lower0 add 02:00:00:00:20:09"
"1|mvctl: cannot find device \"nosuch0\"|source nosuch0 flush"
"1|mvctl: cannot find device \"nosuch0\"|stats nosuch0"
"1|mvctl: cannot get the statistics of lower0: $NOTMV|stats lower0"
# changes the kernel does not allow
"1|mvctl: cannot add mv1: File exists|add mv1 link lower0"
"1|mvctl: cannot add mv2: Invalid argument: mvlan: lower device is a loopback device|add mv2 link lo"
"1|mvctl: cannot add mv2: Invalid argument: mvlan: passthru mode needs a lower device without other mvlan devices|add mv2 link lower0 mode passthru"
"1|mvctl: cannot add mv2: Invalid argument: mvlan: lower device is taken by a passthru mvlan device|add mv2 link lower1"
"1|mvctl: cannot add mv2: Invalid argument: mvlan: MTU is larger than the lower device's|add mv2 link lower0 mtu 9000"
"1|mvctl: cannot set the mode of mv1: $PASSTHRU|mode mv1 passthru"
"1|mvctl: cannot set the mode of pt1: $PASSTHRU|mode pt1 bridge"
"1|mvctl: cannot add source addresses to mv1: $NOSRC|source mv1 add 02:00:00:00:20:09"
"1|mvctl: cannot delete source addresses from mv1: $NOSRC|source mv1 del 02:00:00:00:20:01"
"1|mvctl: cannot set the source list of mv1: $NOSRC|source mv1 set 02:00:00:00:20:09"
"1|mvctl: cannot flush the source list of mv1: $NOSRC|source mv1 flush"
)

for c in "${cases[@]}"; do
	IFS='|' read -r status msg args <<<"$c"
	read -r -a argv <<<"$args"
	step "mvctl ${argv[*]}"
	refused "mvctl ${argv[*]}" "$status" "$msg" mvc low "${argv[@]}"
	expect_eq "$(state)" "$before" "state after mvctl ${argv[*]}"
done

step "no module: every command says so, and changes nothing"
mvc low del mv1
mvc low del src1
mvc low del pt1
# Resolving the family would load mvlan if it is installed (make install;
# the guest sees the host's module tree): no module loading meanwhile.
modprobe_path=$(</proc/sys/kernel/modprobe)
trap 'echo "$modprobe_path" >/proc/sys/kernel/modprobe; cleanup_netns' EXIT
echo /bin/false >/proc/sys/kernel/modprobe
rmmod mvlan
MISSING='mvctl: mvlan module not loaded (generic netlink family "mvlan" not found)'
for args in "show" "show mv1" "show link lower0" "add mv1 link lower0" \
	    "mode mv1" "mode mv1 bridge" "source mv1" \
	    "source mv1 add 02:00:00:00:20:01" "source mv1 set" \
	    "source mv1 flush" "stats" "stats mv1" "monitor"; do
	read -r -a argv <<<"$args"
	refused "mvctl $args without the module" 1 "$MISSING" mvc low "${argv[@]}"
done
expect_eq "$(ip -n low -o link show | grep -c mvlan || true)" 0 \
	"no mvlan device without the module"
echo "$modprobe_path" >/proc/sys/kernel/modprobe
insmod "$MVLAN_KO"
echo "ok"
