#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# A virtual machine on an mvtap device, as QEMU and libvirt's
# <interface type='direct'> use macvtap: a QEMU inside the test guest (TCG
# within TCG) boots the guest's own kernel with an initramfs of busybox,
# its e1000 NIC on "-netdev tap,fd=3" with fd 3 the device's /dev/tapN;
# inside, a static address, and ping reaches the outside host. Then the
# device's counters hold the frames both ways.
#
#   ns out: o0 10.9.0.1/24 ==veth== up0: t0 (mvtap, bridge, 52:54:00:12:34:56)
#                                         /dev/tapN -- QEMU: eth0 10.9.0.2/24
#
# Kept out of the default run (QUARANTINE): the inner machine takes about
# five minutes to boot and ping, and TCG within TCG sometimes oopses the
# inner kernel while it patches its text at boot (text_poke_early); such a
# boot is tried once more. MVTAP_QEMU_KINDS="mvtap macvtap" runs the same
# with macvtap too.
. "$(dirname "$0")/lib.bash"

command -v qemu-system-x86_64 >/dev/null || fail "qemu-system-x86_64 is missing (tests/vm/deps.sh)"
K=$(uname -r)
[[ -r /boot/vmlinuz-$K ]] || fail "no /boot/vmlinuz-$K to boot inside"
MAC=52:54:00:12:34:56
W=$TMPDIR/inner

step "the inner machine's initramfs: busybox, e1000.ko, an init that pings"
mkdir -p "$W"/root/{bin,dev,proc,sys}
cp /bin/busybox "$W/root/bin/" || fail "no static /bin/busybox"
ko=$(find "/lib/modules/$K" -name 'e1000.ko*' | head -n 1)
[[ -n $ko ]] || fail "no e1000.ko for $K"
case $ko in
*.xz) xz -dc "$ko" >"$W/root/e1000.ko" ;;
*.zst) zstd -dqc "$ko" >"$W/root/e1000.ko" ;;
*) cp "$ko" "$W/root/e1000.ko" ;;
esac
mknod -m 600 "$W/root/dev/console" c 5 1
cat >"$W/root/init" <<'EOF'
#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sys /sys
insmod /e1000.ko
ip addr add 10.9.0.2/24 dev eth0
ip link set eth0 up
if ping -c 3 -W 10 10.9.0.1; then echo INNER-PING-OK; fi
poweroff -f
EOF
chmod +x "$W/root/init"
(cd "$W/root" && find . | cpio -o -H newc 2>/dev/null | gzip -1 >"$W/initrd.gz") ||
	fail "cannot build the initramfs"

modprobe -a tap macvtap veth || fail "modprobe tap macvtap veth failed"
if ! grep -q '^mvtap ' /proc/modules; then
	insmod "$(dirname "$MVLAN_KO")/mvtap.ko" || fail "insmod mvtap.ko failed"
	trap 'cleanup_netns; rmmod mvtap' EXIT
fi
netns_new out
ip link add up0 type veth peer name o0 netns out
ip -n out addr add 10.9.0.1/24 dev o0
ip -n out link set o0 up
# up0 and t0 send nothing of their own: the counters are the machine's
sysctl -qw net.ipv6.conf.up0.disable_ipv6=1
ip link set up0 up

# boot KIND: the machine on a KIND device t0; its console in $W/console
boot() {
	case $1 in
	mvtap) "$MVCTL" add t0 link up0 type mvtap mode bridge address $MAC ;;
	macvtap) ip link add link up0 name t0 address $MAC type macvtap mode bridge ;;
	esac || fail "cannot add t0 ($1)"
	sysctl -qw net.ipv6.conf.t0.disable_ipv6=1
	ip link set t0 up
	for _ in 1 2; do
		timeout 900 qemu-system-x86_64 -accel tcg -m 256 -display none -no-reboot \
			-monitor none -serial "file:$W/console" -kernel "/boot/vmlinuz-$K" \
			-initrd "$W/initrd.gz" -append "console=ttyS0 panic=-1 loglevel=4" \
			-netdev tap,id=n0,fd=3 -device "e1000,netdev=n0,mac=$MAC" \
			3<>"/dev/tap$(</sys/class/net/t0/ifindex)" >"$W/qemu.log" 2>&1 ||
			fail "qemu: $(tail -n 5 "$W/qemu.log")"
		grep -q 'text_poke_early' "$W/console" || break
		echo "   (the inner kernel oopsed patching its text, a TCG bug: booted again)"
	done
}

for kind in ${MVTAP_QEMU_KINDS:-mvtap}; do
	step "$kind: the machine boots, takes 10.9.0.2 and pings the outside host"
	boot "$kind"
	if ! grep -q '^INNER-PING-OK' "$W/console"; then
		sed 's/^/   console: /' "$W/console" | tail -n 30
		fail "$kind: the machine did not reach 10.9.0.1"
	fi
	expect_eq "$(grep -c '^64 bytes from 10.9.0.1' "$W/console")" 3 "$kind: ping replies"
	# the ARP request and the three echo requests at least, and as many back
	tx=$(</sys/class/net/t0/statistics/tx_packets)
	rx=$(</sys/class/net/t0/statistics/rx_packets)
	((tx >= 4 && rx >= 4)) || fail "$kind: t0 sent $tx frames and received $rx, not 4 and more each"
	expect_eq "$(ip -n out neigh show 10.9.0.2 | cut -d' ' -f5)" $MAC "$kind: the outside host's neighbour 10.9.0.2"
	ip link del t0
	ip -n out neigh flush dev o0
done
echo PASS
