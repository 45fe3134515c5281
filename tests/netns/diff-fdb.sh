#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# "bridge fdb add|del|replace|show ... dev DEV self" on a device of the kind
# under test, macvlan's against mvlan's: an entry is an address of the
# device's own unicast or multicast list, which it syncs to its lower
# device; unicast entries only on a passthru device, multicast ones on all,
# never NLM_F_REPLACE; the same errors (mvlan also says why).
#
#   ns low: f_MODE (each mode but passthru) --+-- lower0 (veth) ---- eth0 (ns sw:
#           fp (passthru) ---- lower1 (veth, peer eth1 in sw) |    bridge br0,
#                                                             |    hairpin)
# A multicast entry is felt: frames of its group from outside reach the
# device once it has the entry, and not before. After the entry is deleted
# they still do, until the device's filter is next computed: macvlan
# computes it before it syncs its lower device, and at that moment the
# deleted entry, which the sync still holds, is still in the list (the
# sync then drops it). mvlan does as macvlan does; a change of the device's
# flags computes the filter again. The way a device is made does not
# matter here: the kinds are macvlan and mvlan (mvctl) only.
# shellcheck source=tests/netns/diff.bash
. "$(dirname "$0")/diff.bash"
# shellcheck source=tests/netns/dev.bash
. "$(dirname "$0")/dev.bash"

DIFF_KINDS=(macvlan mvlan)
MODES=(private vepa bridge source)
UC=02:00:00:00:aa:01 MC=01:00:5e:01:02:03 MC2=01:00:5e:01:02:04

# the message bridge prints for a refusal: the errno's text for macvlan,
# mvlan's extended ACK message for mvlan
UC_MSG_MACVLAN='RTNETLINK answers: Operation not supported'
UC_MSG_MVLAN='Error: mvlan: unicast entries need a device in passthru mode.'
REPLACE_MSG_MVLAN='Error: mvlan: entries cannot be replaced.'

# fdb LABEL WANT_MACVLAN WANT_MVLAN ARGS...: bridge fdb ARGS in ns low;
# records "LABEL ok" or "LABEL refused" and checks the message (WANT_*
# "" for success)
fdb() {
	local label=$1 want

	want=$([[ $DRIVER == macvlan ]] && echo "$2" || echo "$3")
	shift 3
	try "$label" bridge -n low fdb "$@"
	chk_msg "$label: message" "$TRY_ERR" "$want"
}

# entries NS DEV: DEV's own entries ("self"), sorted, on one line
entries() {
	local e

	mapfile -t e < <(bridge -n "$1" fdb show dev "$2" self | sort)
	echo "${e[*]}"
}

fdb_rules() {
	local i m d

	dns low sw
	nsb sw <<EOF
link add br0 type bridge mcast_snooping 0
link set br0 up
EOF
	ip -n low link add lower0 type veth peer name eth0 netns sw
	ip -n low link add lower1 type veth peer name eth1 netns sw
	nsb sw <<EOF
link set eth0 master br0
link set eth0 type bridge_slave hairpin on
link set eth0 up
link set eth1 up
EOF
	for i in "${!MODES[@]}"; do
		drv_add low "f_${MODES[$i]}" lower0 "${MODES[$i]}" address "02:00:00:00:0f:1$i"
	done
	drv_add low fp lower1 passthru
	nsb low <<EOF
link set lower0 up
link set lower1 up
$(for m in "${MODES[@]}"; do echo "link set f_$m up"; done)
link set fp up
EOF

	# every rule on a vepa device
	d=f_vepa
	fdb "vepa: add unicast" "$UC_MSG_MACVLAN" "$UC_MSG_MVLAN" add "$UC" dev $d self
	fdb "vepa: replace unicast" "$UC_MSG_MACVLAN" "$UC_MSG_MVLAN" replace "$UC" dev $d self
	fdb "vepa: del unicast" "$UC_MSG_MACVLAN" "$UC_MSG_MVLAN" del "$UC" dev $d self
	fdb "vepa: add multicast" "" "" add "$MC" dev $d self
	fdb "vepa: add it again" 'RTNETLINK answers: File exists' \
		'RTNETLINK answers: File exists' add "$MC" dev $d self
	fdb "vepa: replace multicast" "$UC_MSG_MACVLAN" "$REPLACE_MSG_MVLAN" \
		replace "$MC2" dev $d self
	fdb "vepa: add multicast, static, vlan 5" "" "" add "$MC2" dev $d self static vlan 5
	rec "vepa: entries $(entries low $d)"
	rec "vepa: the lower's entries $(entries low lower0)"
	fdb "vepa: del multicast" "" "" del "$MC" dev $d self
	fdb "vepa: del it again" 'RTNETLINK answers: No such file or directory' \
		'RTNETLINK answers: No such file or directory' del "$MC" dev $d self
	fdb "vepa: del the other" "" "" del "$MC2" dev $d self
	rec "vepa: entries at the end $(entries low $d)"
	fdb "vepa: add broadcast" "" "" add ff:ff:ff:ff:ff:ff dev $d self
	fdb "vepa: del broadcast" "" "" del ff:ff:ff:ff:ff:ff dev $d self
	fdb "add to no device" 'Cannot find device "nosuch"' 'Cannot find device "nosuch"' \
		add "$MC" dev nosuch self
	# the other modes but passthru: the same two rules
	for m in private bridge source; do
		d=f_$m
		fdb "$m: add unicast" "$UC_MSG_MACVLAN" "$UC_MSG_MVLAN" add "$UC" dev "$d" self
		fdb "$m: add multicast" "" "" add "$MC" dev "$d" self
		fdb "$m: del multicast" "" "" del "$MC" dev "$d" self
	done

	# passthru: unicast too, synced to the lower device, still no replace
	fdb "passthru: add unicast" "" "" add "$UC" dev fp self
	fdb "passthru: add it again" 'RTNETLINK answers: File exists' \
		'RTNETLINK answers: File exists' add "$UC" dev fp self
	fdb "passthru: replace unicast" "$UC_MSG_MACVLAN" "$REPLACE_MSG_MVLAN" \
		replace 02:00:00:00:aa:02 dev fp self
	fdb "passthru: add multicast" "" "" add "$MC" dev fp self
	rec "passthru: entries $(entries low fp)"
	rec "passthru: the lower's entries $(entries low lower1)"
	ip -n low link set fp down
	rec "passthru, down: the lower's entries $(entries low lower1)"
	ip -n low link set fp up
	rec "passthru, up again: the lower's entries $(entries low lower1)"
	fdb "passthru: del unicast" "" "" del "$UC" dev fp self
	fdb "passthru: del it again" 'RTNETLINK answers: No such file or directory' \
		'RTNETLINK answers: No such file or directory' del "$UC" dev fp self
	fdb "passthru: del multicast" "" "" del "$MC" dev fp self
	rec "passthru: the lower's entries at the end $(entries low lower1)"

	# a multicast entry is felt: the group's frames reach the device
	# (a device's own multicast filter salts its hash: another group
	# could collide, this one does not for either driver's salt here,
	# and a collision would show as a difference)
	track -s low f_vepa rx_packets multicast
	delta_snap
	ag send sw br0 "$N" 02:00:00:00:02:fe "$MC" 88b5 >/dev/null
	delta_chk -c "$N" "group frames without the entry"
	fdb "vepa: add the group" "" "" add "$MC" dev f_vepa self
	ag send sw br0 "$N" 02:00:00:00:02:fe "$MC" 88b5 >/dev/null
	delta_chk "group frames with the entry" "mc:f_vepa:60"
	fdb "vepa: del the group" "" "" del "$MC" dev f_vepa self
	ag send sw br0 "$N" 02:00:00:00:02:fe "$MC" 88b5 >/dev/null
	delta_chk "group frames after the entry went (the filter as it was)" "mc:f_vepa:60"
	nsb low <<EOF
link set f_vepa allmulticast on
link set f_vepa allmulticast off
EOF
	ag send sw br0 "$N" 02:00:00:00:02:fe "$MC" 88b5 >/dev/null
	delta_chk "group frames once the filter is computed again"
}

diff_run fdb_rules
diff_finish
