#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# netconsole (netpoll) over a device of the kind under test, macvlan's
# against mvlan's: netpoll is set up on the lower device, so that a lower
# device that cannot poll refuses it, with macvlan's error and kernel
# message; every message reaches the receivers, each once; deleting the
# device stops the target. netconsole binds to devices of the initial netns
# only: the devices are there.
#
#   netconsole t0 -> nc0 (bridge) -> tapnc (a tun tap device: the device
#                                    agent reads its frames)
#   netconsole t1 -> nc1 (vepa)   -> nic0 (e1000e) ==QEMU hub== nic1 (e1000e,
#                                    ns ncrx, 10.99.0.2: a UDP socket on 6666)
#   netconsole t2 -> nc2 (vepa)   -> ncv0 (veth, peer ncv1): refused
#   netconsole t3 -> nc3 (private) -> ncd0 (dummy): accepted
#
# Each target sends from 10.99.0.1:6665 to 10.99.0.2:6666, to nic1's MAC.
# shellcheck source=tests/netns/diff.bash
. "$(dirname "$0")/diff.bash"
# shellcheck source=tests/netns/dev.bash
. "$(dirname "$0")/dev.bash"

M=40			# messages a burst
NC=/sys/kernel/config/netconsole
NC_REMOTE_MAC=${NIC_MACS[1]}

modprobe -a dummy tun netconsole || fail "modprobe dummy tun netconsole failed"
DEV_ATEXIT+=("modprobe -r netconsole")
if [[ ! -d $NC ]]; then
	mount -t configfs configfs /sys/kernel/config || fail "cannot mount configfs"
	DEV_ATEXIT+=("umount /sys/kernel/config")
fi
[[ -d $NC ]] || fail "netconsole has no configfs directory ($NC)"

# The NIC pair and the receiving namespace, once: an e1000e NIC takes
# seconds to link up.
nic_pair
dns ncrx
ip link set nic1 netns ncrx
nsb ncrx <<EOF
addr add 10.99.0.2/24 dev nic1
link set nic1 up
EOF
ip link set nic0 up
wait_carrier "$ROOT" nic0
wait_carrier ncrx nic1
dg udpsock rx ncrx 6666
# the initial netns: no IPv6 chatter on the new devices
for k in all default; do
	old=$(sysctl -n net.ipv6.conf.$k.disable_ipv6)
	sysctl -qw net.ipv6.conf.$k.disable_ipv6=1
	DEV_ATEXIT+=("sysctl -qw net.ipv6.conf.$k.disable_ipv6=$old")
done

# target NAME DEV: a netconsole target on DEV, not enabled
target() {
	mkdir "$NC/$1"
	echo "$2" >"$NC/$1/dev_name"
	echo 10.99.0.1 >"$NC/$1/local_ip"
	echo 10.99.0.2 >"$NC/$1/remote_ip"
	echo 6665 >"$NC/$1/local_port"
	echo 6666 >"$NC/$1/remote_port"
	echo "$NC_REMOTE_MAC" >"$NC/$1/remote_mac"
}

# enable NAME: enable a target; records "NAME enable ok", or "refused" and
# the message of the write and the kernel's netpoll line
enable() {
	local err mark

	mark="mvlan-test: enable $1 ($KIND)"
	echo "$mark" >/dev/kmsg
	if err=$( { echo 1 >"$NC/$1/enabled"; } 2>&1); then
		rec "$1 enable ok"
	else
		rec "$1 enable refused: ${err##*: }"
		# the lines netpoll logged since the mark
		rec "$1 kernel: $(dmesg | sed -n "/$mark/,\$p" | sed 's/^\[[^]]*\] //' |
			grep '^netpoll: .*abort' | tr '\n' ' ')"
	fi
	rec "$1 enabled $(cat "$NC/$1/enabled")"
}

# burst TAG: M messages through every enabled target
burst() {
	local i

	for ((i = 1; i <= M; i++)); do
		echo "<4>mvnc $1 $i" >/dev/kmsg
	done
}

# got LABEL TAG LINES: how many of the M messages of TAG are among LINES,
# each exactly once, and nothing else of TAG
got() {
	local label=$1 tag=$2 out=$3 n dup

	n=$(grep -c "mvnc $tag [0-9]*$" <<<"$out" || true)
	dup=$(grep -o "mvnc $tag [0-9]*$" <<<"$out" | sort | uniq -d | wc -l)
	chk "$label: messages" "$n" "$M"
	chk "$label: repeated" "$dup" 0
	chk "$label: the last one" "$(grep -c "mvnc $tag $M\$" <<<"$out")" 1
}

netconsole() {
	local tag tap rx d

	trap root_cleanup EXIT
	ROOT_LINKS=(nc0 nc1 nc2 nc3 ncv0 ncd0) DEV_FDS=(tap)
	dg tun tap "$ROOT" tapnc
	nsb "$ROOT" <<EOF
link add ncv0 type veth peer name ncv1
link add ncd0 type dummy
link set tapnc up
link set ncv0 up
link set ncd0 up
EOF
	drv_add "$ROOT" nc0 tapnc bridge
	drv_add "$ROOT" nc1 nic0 vepa
	drv_add "$ROOT" nc2 ncv0 vepa
	drv_add "$ROOT" nc3 ncd0 private
	for d in nc0 nc1 nc2 nc3; do
		ip link set "$d" up
	done
	wait_carrier "$ROOT" nc1
	# what is queued so far is not the test's
	dg read tap 0.3 >/dev/null
	dg udprecv rx 0.3 >/dev/null

	target t0 nc0
	target t1 nc1
	target t2 nc2
	target t3 nc3
	enable t0
	enable t1
	enable t2
	enable t3
	track "$ROOT" nc0 tx_packets tx_dropped
	track "$ROOT" nc1 tx_packets tx_dropped
	track "$ROOT" nc3 tx_packets tx_dropped
	delta_snap

	tag=$KIND-$RANDOM
	burst "$tag"
	tap=$(dg udp tap 1 6666)
	rx=$(dg udprecv rx 1)
	got "t0 over tapnc" "$tag" "$tap"
	got "t1 over nic0 to a UDP socket" "$tag" "$rx"
	chk "t0 over tapnc: frames with bad checksums" "$(grep -c '^bad ' <<<"$tap" || true)" 0
	# netpoll's frames skip the device's counters, as macvlan's
	delta_chk "$M messages"

	# the device deleted under an enabled target: netconsole lets go
	ip link del nc0
	rec "t0 enabled after nc0 was deleted: $(cat "$NC/t0/enabled")"
	tag=$KIND-$RANDOM
	burst "$tag"
	rx=$(dg udprecv rx 1)
	got "t1 after nc0 was deleted" "$tag" "$rx"
	chk "t0's lower after nc0 was deleted: frames" "$(dg read tap 0.5 | wc -l)" 0

	# disabled, then enabled again: set up on the lower device anew
	echo 0 >"$NC/t1/enabled"
	enable t1
	tag=$KIND-$RANDOM
	burst "$tag"
	got "t1 enabled again" "$tag" "$(dg udprecv rx 1)"

	for d in t0 t1 t2 t3; do
		echo 0 >"$NC/$d/enabled" 2>/dev/null || true
		rmdir "$NC/$d"
	done
}

# The way a device is made does not matter here: macvlan and mvlan by
# mvctl only, to keep the test short.
diff_run netconsole macvlan mvlan
diff_finish
