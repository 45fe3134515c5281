#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Hardware time stamping through a device of the kind under test, macvlan's
# against mvlan's: SIOCGHWTSTAMP and SIOCSHWTSTAMP reach the lower device
# (and only from the initial netns may they change it), ethtool -T reports
# the lower device's capabilities; the same answers and the same errors.
#
#   initial netns:  ts0 (vepa) ---> nic0 (e1000e: QEMU's 82574L, hardware
#                   ts1 (bridge) -> tsv0 (veth,   time stamps and a PHC)
#                                   software time stamps only)
#   ns tsns:        ts2 (vepa, moved there) -> nic0
# shellcheck source=tests/netns/diff.bash
. "$(dirname "$0")/diff.bash"
# shellcheck source=tests/netns/dev.bash
. "$(dirname "$0")/dev.bash"

nic_pair
ip link set nic0 up

# hw NS DEV get | NS DEV set TX RX: record what the ioctl answers
hw() {
	local ns=$1 dev=$2

	shift 2
	rec "$dev $* (in ${ns/$ROOT/the initial netns}): $(dg hwts "$ns" "$dev" "$@")"
}

# tsinfo NS DEV: ethtool -T of DEV, but for the line that names it
tsinfo() {
	ip netns exec "$1" ethtool -T "$2" 2>&1 | sed 1d
}

tstamp() {
	local lower_info

	trap root_cleanup EXIT
	ROOT_LINKS=(ts0 ts1 tsv0)
	dns tsns
	ip link add tsv0 type veth peer name tsv1
	drv_add "$ROOT" ts0 nic0 vepa
	drv_add "$ROOT" ts1 tsv0 bridge
	drv_add "$ROOT" ts2 nic0 vepa
	ip link set ts2 netns tsns
	nsb "$ROOT" <<EOF
link set tsv0 up
link set ts0 up
link set ts1 up
EOF

	# the lower's settings, through the device
	hw "$ROOT" nic0 set off none
	hw "$ROOT" ts0 get
	hw "$ROOT" ts0 set on all
	hw "$ROOT" nic0 get
	hw "$ROOT" ts0 get
	hw "$ROOT" ts0 set off ptpv2-event
	hw "$ROOT" nic0 get
	hw "$ROOT" ts0 set on ptpv1-l4-sync
	hw "$ROOT" nic0 get
	# what the core refuses before any driver sees it
	hw "$ROOT" ts0 set 7 none
	hw "$ROOT" ts0 set off 99
	hw "$ROOT" nic0 get
	# a lower without hardware time stamps
	hw "$ROOT" ts1 get
	hw "$ROOT" ts1 set on all
	hw "$ROOT" tsv0 get
	# another netns reads, but does not change, the lower's settings
	hw tsns ts2 get
	hw tsns ts2 set off none
	hw "$ROOT" nic0 get

	# ethtool -T: the lower's capabilities, in any netns
	lower_info=$(tsinfo "$ROOT" nic0)
	chk "ethtool -T ts0 is nic0's" "$([[ $(tsinfo "$ROOT" ts0) == "$lower_info" ]] && echo yes || echo no)" yes
	chk "ethtool -T ts2 (in tsns) is nic0's" "$([[ $(tsinfo tsns ts2) == "$lower_info" ]] && echo yes || echo no)" yes
	chk "ethtool -T ts1 is tsv0's" "$([[ $(tsinfo "$ROOT" ts1) == "$(tsinfo "$ROOT" tsv0)" ]] && echo yes || echo no)" yes
	rec "ethtool -T nic0: $(tr '\n\t' ' ' <<<"$lower_info")"
	rec "ethtool -T ts1: $(tsinfo "$ROOT" ts1 | tr '\n\t' ' ')"

	hw "$ROOT" nic0 set off none
}

# The way a device is made does not matter here: macvlan and mvlan by
# mvctl only, to keep the test short.
diff_run tstamp macvlan mvlan
diff_finish
