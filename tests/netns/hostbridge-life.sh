#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# hostbridge (MVLAN_F_HOSTBRIDGE) while the lower device changes (mvctl):
# bursts of N=20 raw frames (hostbridge.bash) between the lower's stack and
# hb1, exact counters, while lower0 changes MAC, goes down and up, moves to
# another netns (the hook goes with it, and goes and comes back there with
# the flag) and is deleted with the flag set (hb1 goes; the harness's rmmod
# then checks that nothing is left).
#
#   ns c1: hb1 bridge, hostbridge, 02:00:00:00:0a:01
#              |
#   ns host (then host2): lower0 (veth) :fe (for a while :fd)
#              |
#   ns out: wire0, the outside host, :64
#
# The faces, refusals and the shim recipe: hostbridge-faces.sh.
. "$(dirname "$0")/hostbridge.bash"

# the counters of lower(); hb1's tx_dropped apart (see "lower down")
life_delta() {
	track -s c1 hb1 rx_packets rx_bytes multicast rx_dropped tx_packets tx_bytes
	track -s "$LOWNS" lower0 rx_packets rx_dropped tx_packets
	track out wire0 rx_packets
	delta_snap
}

lower() {
	local low2=02:00:00:00:0a:fd drops

	dns host host2 out c1
	ip -n host link add lower0 address $LOW type veth peer name wire0 \
		address $OUT netns out
	hb_add host hb1 lower0 bridge "${HB_MAC[hb1]}" hostbridge
	nsb host <<EOF
link set lower0 up
link set hb1 netns c1
EOF
	ip -n out link set wire0 up
	ip -n c1 link set hb1 up
	life_delta

	step "before"
	from_low "${HB_MAC[hb1]}"
	delta_chk "low->hb1" uc:hb1:60
	from_dev c1 hb1 $LOW
	delta_chk "hb1->low" tx:hb1 lower0.stack=$N

	step "the lower's MAC changes"
	ip -n host link set lower0 address $low2
	from_dev c1 hb1 $low2
	delta_chk "new MAC: hb1->low" tx:hb1 lower0.stack=$N
	from_dev c1 hb1 $LOW
	delta_chk "new MAC: hb1->old MAC" tx:hb1 out:lower0 wire0.rx_packets=$N
	from_low "${HB_MAC[hb1]}" $low2
	delta_chk "new MAC: low->hb1" uc:hb1:60
	ip -n host link set lower0 address $LOW
	from_dev c1 hb1 $LOW
	delta_chk "old MAC again: hb1->low" tx:hb1 lower0.stack=$N

	step "the lower goes down and up"
	ip -n host link set lower0 down
	# as for a bridge-mode peer, and for the wire: hb1 has no carrier
	# without its lower, and what it is given to send is dropped before
	# it (6.12 counts them in its tx_dropped, 6.1 nowhere)
	drops=$(st c1 hb1 tx_dropped)
	from_dev c1 hb1 $LOW
	delta_chk "lower down: hb1->low"
	drops=$(($(st c1 hb1 tx_dropped) - drops))
	[[ $drops != "$N" ]] || drops=0
	chk "lower down: hb1's tx_dropped, 0 or N" "$drops" 0
	ip -n host link set lower0 up
	from_dev c1 hb1 $LOW
	delta_chk "lower up: hb1->low" tx:hb1 lower0.stack=$N
	from_low "${HB_MAC[hb1]}"
	delta_chk "lower up: low->hb1" uc:hb1:60

	step "the lower moves to another netns"
	ip -n host link set lower0 netns host2
	ip -n host2 link set lower0 up
	LOWNS=host2
	DELTA_NS[lower0]=host2
	ag listen "${DELTA_LISTENER[lower0]}" host2 lower0 "$DELTA_ETYPE"
	delta_snap
	from_low "${HB_MAC[hb1]}"
	delta_chk "moved: low->hb1" uc:hb1:60
	from_dev c1 hb1 $LOW
	delta_chk "moved: hb1->low" tx:hb1 lower0.stack=$N
	# the hook goes, and comes back, in the new netns
	hb_set c1 hb1 off
	from_low "${HB_MAC[hb1]}"
	delta_chk "moved, flag off: low->hb1" out:lower0 wire0.rx_packets=$N
	hb_set c1 hb1 on
	from_low "${HB_MAC[hb1]}"
	delta_chk "moved, flag on: low->hb1" uc:hb1:60

	step "the lower is deleted with the flag set"
	ip -n host2 link del lower0
	chk "hb1 after lower0's deletion" "$(st c1 hb1 ifindex)" none
}

diff_run lower mvlan
diff_finish
