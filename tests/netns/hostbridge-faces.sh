#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# hostbridge (MVLAN_F_HOSTBRIDGE) through the faces of mvlan, and the shim
# recipe of macvlan users it replaces.
#
# 1. faces (mvctl and the genl family; ip with the plugin, rtnetlink):
#    refused in other modes, at creation and on change, and a mode change
#    that would leave it on a device outside bridge mode: the kernel's
#    message, nothing changed; set, shown and cleared; the genl event of a
#    change names it.
#
#      ns host: vp0 (vepa), hb1, br2 (bridge) on lower0 (veth, peer peer0)
#
# 2. shim: what a container on the lower reaches, the same for macvlan
#    with the shim recipe (a bridge-mode macvlan shim0 on the host, an
#    address on it, a host route to the container) and for mvlan with
#    hostbridge and nothing else (mvctl; ip): the vectors are compared.
#
#      ns c1: ct1 (bridge) 10.0.0.1
#                 |
#      ns host: lower0 10.0.0.254 [+ macvlan: shim0 10.0.0.253/32,
#                 |                 route 10.0.0.1 dev shim0]
#      ns out: wire0 10.0.0.100
#
# The data path: hostbridge.sh; the lower device's changes:
# hostbridge-life.sh.
. "$(dirname "$0")/hostbridge.bash"

# KIND's own words for the same refusal: mvctl's or ip's
refused() {
	local label=$1 mvctl_msg=$2

	shift 2
	try "$label" "$@"
	if [[ $TRY_RC == 0 ]]; then
		unexpected "$label: not refused"
	elif [[ $KIND == mvlan ]]; then
		chk_msg "$label: message" "$TRY_ERR" "$mvctl_msg"
	else
		chk_msg "$label: message" "$TRY_ERR" "$(ip_msg "$mvctl_msg")"
	fi
}

# events PATTERN: how many lines of the monitor match PATTERN, once one
# does (at most 3 s: the monitor is a process of its own)
events() {
	local i

	for i in $(seq 30); do
		grep -q "$1" "$DIFF_TMP/mon.txt" && break
		sleep 0.1
	done
	grep -c "$1" "$DIFF_TMP/mon.txt" || true
}

faces() {
	local only="mvlan: hostbridge is for bridge mode only"
	local leave="mvlan: the device has hostbridge, which is for bridge mode only: clear it to leave bridge mode"
	local mon i

	dns host
	ip -n host link add lower0 type veth peer name peer0
	hb_add host vp0 lower0 vepa 02:00:00:00:0b:00

	# the events of the genl family, for either face's changes
	ip netns exec host "$MVCTL" monitor >"$DIFF_TMP/mon.txt" 2>&1 &
	mon=$!
	for i in $(seq 100); do
		"$MVCTL" -n host mode vp0 private
		"$MVCTL" -n host mode vp0 vepa
		grep -q '^change vp0:' "$DIFF_TMP/mon.txt" && break
		((i < 100)) || fail "the monitor never printed an event"
	done

	step "refused at creation outside bridge mode"
	for i in vepa private passthru source; do
		refused "create $i hostbridge" \
			"mvctl: cannot add x: Invalid argument: $only" \
			hb_add host x lower0 $i 02:00:00:00:0b:09 hostbridge
	done
	chk "x after the refusals" "$(st host x ifindex)" none

	step "set at creation, and later"
	try "create hb1 bridge hostbridge" \
		hb_add host hb1 lower0 bridge 02:00:00:00:0b:01 hostbridge
	chk "hb1" "$(hb_modeof host hb1)" "bridge hostbridge"
	try "create br2 bridge" hb_add host br2 lower0 bridge 02:00:00:00:0b:02
	try "br2 hostbridge" hb_set host br2 on
	chk "br2" "$(hb_modeof host br2)" "bridge hostbridge"
	chk "the event of br2's change" \
		"$(events '^change br2: .* mode bridge hostbridge address 02:00:00:00:0b:02 ')" 1

	step "refused on change: nothing changes"
	if [[ $KIND == mvlan ]]; then
		refused "vp0 hostbridge" \
			"mvctl: cannot set the mode of vp0: Invalid argument: $only" \
			"$MVCTL" -n host mode vp0 vepa hostbridge
		refused "hb1 to vepa, the flag kept" \
			"mvctl: cannot set the mode of hb1: Invalid argument: $leave" \
			"$MVCTL" -n host mode hb1 vepa
		refused "hb1 to private with the flag" \
			"mvctl: cannot set the mode of hb1: Invalid argument: $leave" \
			"$MVCTL" -n host mode hb1 private hostbridge
	else
		refused "vp0 hostbridge" \
			"mvctl: cannot set the mode of vp0: Invalid argument: $only" \
			ip -n host link set vp0 type mvlan hostbridge
		refused "hb1 to vepa, the flag kept" \
			"mvctl: cannot set the mode of hb1: Invalid argument: $leave" \
			ip -n host link set hb1 type mvlan mode vepa
		refused "vp0 to private with the flag" \
			"mvctl: cannot set the mode of vp0: Invalid argument: $only" \
			ip -n host link set vp0 type mvlan mode private hostbridge
	fi
	chk "vp0 after the refusals" "$(hb_modeof host vp0)" vepa
	chk "hb1 after the refusals" "$(hb_modeof host hb1)" "bridge hostbridge"

	step "out of bridge mode with the flag cleared, into it with the flag set"
	if [[ $KIND == mvlan ]]; then
		try "hb1 to vepa nohostbridge" "$MVCTL" -n host mode hb1 vepa nohostbridge
		try "vp0 to bridge hostbridge" "$MVCTL" -n host mode vp0 bridge hostbridge
	else
		try "hb1 to vepa, flag null" ip -n host link set hb1 type mvlan mode vepa flag null
		try "vp0 to bridge hostbridge" ip -n host link set vp0 type mvlan mode bridge hostbridge
	fi
	chk "hb1" "$(hb_modeof host hb1)" vepa
	chk "vp0" "$(hb_modeof host vp0)" "bridge hostbridge"
	chk "the event of hb1's change" \
		"$(events '^change hb1: .* mode vepa address 02:00:00:00:0b:01 ')" 1
	chk "the event of vp0's change" \
		"$(events '^change vp0: .* mode bridge hostbridge address 02:00:00:00:0b:00 ')" 1
	kill "$mon"
	wait "$mon" || true
}

# ct1 in c1, reachable from the host by KIND's means
shim() {
	dns host out c1
	ip -n host link add lower0 address $LOW type veth peer name wire0 \
		address $OUT netns out
	if [[ $KIND == macvlan ]]; then
		hb_add host ct1 lower0 bridge "${HB_MAC[hb1]}"
		# the recipe: a shim on the host, its address, a route per container
		nsb host <<EOF
link add link lower0 name shim0 type macvlan mode bridge
addr add 10.0.0.253/32 dev shim0
link set shim0 up
route add ${HB_IP[hb1]}/32 dev shim0
EOF
	else
		hb_add host ct1 lower0 bridge "${HB_MAC[hb1]}" hostbridge
	fi
	nsb host <<EOF
addr add ${HB_IP[lower0]}/24 dev lower0
link set lower0 up
link set ct1 netns c1
EOF
	nsb_par out "addr add ${HB_IP[wire0]}/24 dev wire0
link set wire0 up" c1 "addr add ${HB_IP[hb1]}/24 dev ct1
link set ct1 up"
	iperf_server c1

	step "host <-> container, outside <-> container"
	pings 5 "host->ct1,host,${HB_IP[hb1]},ok" "ct1->host,c1,${HB_IP[lower0]},ok" \
		"out->ct1,out,${HB_IP[hb1]},ok" "ct1->out,c1,${HB_IP[wire0]},ok"
	chk "tcp host->ct1" "$(iperf host "${HB_IP[hb1]}" -n 512K)" ok
	iperf_server_stop
}

diff_run faces mvlan mvlan-ip
diff_run shim
diff_finish
