#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The mvlan family as the kernel's own YNL client sees it through
# uapi/mvlan.yaml: a client nobody here wrote proves that the protocol is
# what the spec says. A get, a source set, a dump, errors with extack and
# the events; the checks are in ynl.py.
#
#   ns low: lower0 (veth) -- mv0 (source), mv1 (bridge)
#
. "$(dirname "$0")/lib.bash"

[[ -f $TOP/build/ynl/tools/net/ynl/lib/ynl.py ]] ||
	fail "the YNL client is missing: run tests/tools/ynl-extract.sh on the host"

netns_new low
ip -n low link add lower0 type veth peer name peer0
on low "$MVCTL" add mv0 link lower0 mode source
on low "$MVCTL" add mv1 link lower0 mode bridge
ip -n low link set mv0 address 02:00:00:00:00:10

on low /usr/bin/python3 "$(dirname "$0")/ynl.py" "$TOP" "$MVCTL"
