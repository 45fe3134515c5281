#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# mvlan-vm: one-kernel, about 75 s
#
# Permissions. An unprivileged user (uid 65534) gets EPERM from every
# command that changes something, changes nothing, and can still read
# everything. A user namespace that owns a network namespace manages the
# mvlan devices there, those created inside and those moved in by root,
# and reaches none outside.
#
#   ns low (root's): mv1 (bridge), src1 (source)   lower0 (veth)
#   user ns of uid 65534 --owns--> net ns U: l0 (veth), m0 (source) on l0,
#                                            mvin (moved in from low, on lower1)
#
. "$(dirname "$0")/mvctl-lib.bash"

netns_new low
ip -n low link add lower0 type veth peer name peer0
ip -n low link add lower1 type veth peer name peer1
mvc low add mv1 link lower0 mode bridge address 02:00:00:00:00:01
mvc low add src1 link lower0 mode source address 02:00:00:00:00:02
mvc low source src1 add 02:00:00:00:20:01

NOBODY=(setpriv --reuid=65534 --regid=65534 --clear-groups)
printf '02:00:00:00:30:01\n' >"$TMPDIR/macs"
awk 'BEGIN { for (i = 0; i < 9000; i++) printf "02:00:00:01:%02x:%02x\n", i / 256, i % 256 }' \
	>"$TMPDIR/many-macs"
chmod 644 "$TMPDIR/macs" "$TMPDIR/many-macs"

# user ARGS...: mvctl in ns low as uid 65534
user() {
	on low "${NOBODY[@]}" "$MVCTL" "$@" </dev/null
}

printf 'show\nsource src1\nstats\n' >"$TMPDIR/state"
state() {	# one process: each costs under TCG
	mvc low -j -b "$TMPDIR/state"
}
before=$(state)

step "uid 65534: every change is refused with EPERM"
EPERM='Operation not permitted'
while IFS='|' read -r msg args; do
	read -r -a argv <<<"$args"
	refused "mvctl ${argv[*]} as uid 65534" 1 "mvctl: $msg: $EPERM" \
		user "${argv[@]}"
	expect_eq "$(state)" "$before" "state after mvctl ${argv[*]} as uid 65534"
done <<EOF
cannot add mv2|add mv2 link lower0
cannot add mv2|add mv2 link lower0 mode source nodst address 02:00:00:00:00:09 mtu 1400 bcqueuelen 10 bclim -1
cannot delete mv1|del mv1
cannot set the mode of mv1|mode mv1 vepa
cannot set the mode of src1|mode src1 source nodst
cannot add source addresses to src1|source src1 add 02:00:00:00:20:02
cannot delete source addresses from src1|source src1 del 02:00:00:00:20:01
cannot set the source list of src1|source src1 set 02:00:00:00:20:03
cannot set the source list of src1|source src1 set file $TMPDIR/macs
cannot set the source list of src1|source src1 set file $TMPDIR/many-macs
cannot set the source list of src1|source src1 set
cannot flush the source list of src1|source src1 flush
EOF
refused "mvctl -n low as uid 65534" 1 \
	"mvctl: cannot enter netns \"low\": $EPERM" \
	"${NOBODY[@]}" "$MVCTL" -n low show

step "uid 65534: reading works"
ok "show" "$(mvc low show)" user show
ok "-j show mv1" "$(mvc low -j show mv1)" user -j show mv1
ok "show link lower0" "$(mvc low show link lower0)" user show link lower0
ok "mode src1" "source" user mode src1
ok "source src1" "02:00:00:00:20:01 packets 0 bytes 0" user source src1
ok "-j source src1 list" "$(mvc low -j source src1 list)" user -j source src1 list
ok "stats" "$(mvc low stats)" user stats
ok "stats src1" "$(mvc low stats src1)" user stats src1
# monitor: it subscribes and waits; timeout ends it
rc=0
on low timeout 2 "${NOBODY[@]}" "$MVCTL" monitor >"$TMPDIR/mon" 2>&1 || rc=$?
expect_eq "$rc $(cat "$TMPDIR/mon")" "124 " "monitor as uid 65534 runs until killed"

step "a user namespace owning a netns manages its devices"
# the owner of a user namespace, its netns kept by a sleeping process
"${NOBODY[@]}" unshare --user --map-root-user --net sleep 600 &
holder=$!
for _ in $(seq 50); do
	[[ $(readlink "/proc/$holder/ns/net") != "$(readlink /proc/self/ns/net)" ]] && break
	sleep 0.1
done
# inside ARGS...: as uid 65534 in the user and network namespaces of holder
inside() {
	"${NOBODY[@]}" nsenter --preserve-credentials --user --net \
		--target "$holder" "$@"
}
expect_eq "$(inside id -u)" 0 "uid 65534 is root in its user namespace"
inside ip link add l0 type veth peer name p0
ok "add m0 inside" "" inside "$MVCTL" add m0 link l0 mode source \
	address 02:00:00:00:00:10 mtu 1400 bcqueuelen 10 bclim -1
# (sysfs there is still that of the first netns: ask ip)
m0_if=$(inside ip -o link show dev m0 | cut -d: -f1)
l0_if=$(inside ip -o link show dev l0 | cut -d: -f1)
ok "show inside" \
	"m0: ifindex $m0_if link l0 mode source address 02:00:00:00:00:10" \
	inside "$MVCTL" show
ok "mode inside" "" inside "$MVCTL" mode m0 source nodst
ok "source add inside" "" inside "$MVCTL" source m0 add 02:00:00:00:20:01
ok "source set inside (a transaction)" "" \
	inside "$MVCTL" source m0 set file "$TMPDIR/many-macs"
ok "source list inside" 9000 \
	bash -c "$(printf '%q ' "${NOBODY[@]}" nsenter --preserve-credentials --user --net --target "$holder" "$MVCTL") source m0 | wc -l"
ok "source del inside" "" inside "$MVCTL" source m0 del 02:00:00:01:00:00
ok "source flush inside" "" inside "$MVCTL" source m0 flush
ok "stats inside" \
	"port l0: ifindex $l0_if devices 1 private 0 vepa 0 bridge 0 passthru 0 source 1 bcqueuelen_used 10 bcqueue_frames 0 bclim -1 bcqueue_drops 0 source_entries 0 dev_buckets 64 source_buckets 64" \
	bash -c "$(printf '%q ' "${NOBODY[@]}" nsenter --preserve-credentials --user --net --target "$holder" "$MVCTL") stats | grep ^port"

step "a device root moves into the namespace is the user's to manage"
mvc low add mvin link lower1 mode vepa address 02:00:00:00:00:20
ip -n low link set mvin netns "$holder"
ok "mode mvin inside" "" inside "$MVCTL" mode mvin bridge
ok "mode mvin after" "bridge" inside "$MVCTL" mode mvin
ok "del mvin inside" "" inside "$MVCTL" del mvin

step "and nothing outside is in reach"
refused "show mv1 from inside" 1 'mvctl: cannot find device "mv1"' \
	inside "$MVCTL" show mv1
refused "mode mv1 from inside" 1 'mvctl: cannot find device "mv1"' \
	inside "$MVCTL" mode mv1 vepa
refused "source src1 flush from inside" 1 'mvctl: cannot find device "src1"' \
	inside "$MVCTL" source src1 flush
refused "-n low from inside" 1 "mvctl: cannot enter netns \"low\": $EPERM" \
	inside "$MVCTL" -n low show
ok "show from inside: its own devices only" \
	"m0: ifindex $m0_if link l0 mode source nodst address 02:00:00:00:00:10" \
	inside "$MVCTL" show
expect_eq "$(state)" "$before" "state of low after the user namespace's work"
ok "del m0 inside" "" inside "$MVCTL" del m0
kill "$holder"
wait "$holder" 2>/dev/null || true
echo "ok"
