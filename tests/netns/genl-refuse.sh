#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# What the genl family refuses rather than ignores, and how it says so:
# a dump with the attributes of a do (and a do with a dump's), a missing
# required attribute (reported as missing, machine-readable), a source entry
# with its read-only counters, two modes at once, an attribute the command's
# policy does not have; and over rtnetlink, a device without IFLA_LINK. After
# the refusals nothing has changed. Driven by the kernel's own YNL client
# through uapi/mvlan.yaml; the checks are in genl_refuse.py.
#
#   ns low: lower0 (veth) -- mv0 (source), mv1 (bridge)
#           lower1 (veth) -- mv2 (vepa)
#
. "$(dirname "$0")/lib.bash"

[[ -f $TOP/build/ynl/tools/net/ynl/lib/ynl.py ]] ||
	fail "the YNL client is missing: run tests/tools/ynl-extract.sh on the host"

netns_new low
ip -n low link add lower0 type veth peer name peer0
ip -n low link add lower1 type veth peer name peer1
on low "$MVCTL" add mv0 link lower0 mode source
on low "$MVCTL" add mv1 link lower0 mode bridge
on low "$MVCTL" add mv2 link lower1 mode vepa
on low "$MVCTL" source mv0 add 02:00:00:00:00:01

step "rtnetlink: a device needs a lower device"
err=$(ip -n low link add mv9 type mvlan 2>&1) && fail "ip link add without a lower device worked"
expect_eq "$err" "Error: mvlan: a lower device (IFLA_LINK) is required." \
	"ip link add without a lower device"
link_exists low mv9 && fail "a refused mv9 was left behind"

on low /usr/bin/python3 "$(dirname "$0")/genl_refuse.py" "$TOP"
