#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Lower devices mvlan cannot use are refused with a message that says why,
# and nothing is left behind.
#
#   ns low: lo, lower0 (veth, bridge port of br0), lower1 (veth)
#
. "$(dirname "$0")/lib.bash"

netns_new low
ip -n low link add lower0 type veth peer name peer0
ip -n low link add lower1 type veth peer name peer1
ip -n low link add br0 type bridge
ip -n low link set lower0 master br0

# refused CMD EXPECTED-STDERR
refused() {
	local err rc=0

	err=$(on low "$MVCTL" "${@:1:$#-1}" 2>&1 >/dev/null) || rc=$?
	expect_eq "$rc" 1 "exit status of mvctl $*"
	expect_eq "$err" "${*: -1}" "message of mvctl ${*:1:$#-1}"
}

step "loopback"
refused add mv0 link lo \
	"mvctl: cannot add mv0: Invalid argument: mvlan: lower device is a loopback device"
step "a bridge port (the lower device has an rx_handler already)"
refused add mv0 link lower0 \
	"mvctl: cannot add mv0: Device or resource busy: mvlan: lower device already has an rx_handler (bridge port, bond slave or macvlan lower?)"
step "a second passthru device"
on low "$MVCTL" add pt0 link lower1 mode passthru
refused add mv0 link lower1 mode passthru \
	"mvctl: cannot add mv0: Invalid argument: mvlan: lower device is taken by a passthru mvlan device"
step "a lower device that does not exist"
refused add mv0 link nosuch0 "mvctl: cannot find device \"nosuch0\""
step "a name that exists"
refused add pt0 link lower1 "mvctl: cannot add pt0: File exists"
step "del of a device that is not mvlan"
refused del lower1 "mvctl: lower1 is not an mvlan device"

link_exists low mv0 && fail "a refused mv0 was left behind"
expect_eq "$(on low "$MVCTL" show | cut -d: -f1)" "pt0" "devices after the refusals"
echo "ok"
