#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# /init of the mvlan test initramfs (busybox sh, PID 1).  Built into the
# initramfs by tests/vm/mkinitramfs.sh.
#
# Loads the 9p modules, mounts the host's root read-only (virtio-9p tag
# "hostroot") on /newroot, gives it fresh proc/sys/dev and tmpfs /tmp, /run,
# /var/tmp, mounts the writable per-run results directory (tag "results") on
# /run/mvlan-out and switches root to run /run/mvlan-out/guest.sh (a copy of
# tests/vm/guest.sh written there by run.sh) as PID 1.
PATH=/bin
export PATH

msg() { echo "mvlan-vm init: $*"; }
fatal() {
	msg "FATAL: $*"
	msg "powering off"
	poweroff -f
	sleep 5
	echo o >/proc/sysrq-trigger
	sleep 60
}

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
# In case the kernel found no /dev/console to give us.
exec </dev/console >/dev/console 2>&1

while read -r ko; do
	insmod "/modules/$ko" || fatal "insmod $ko failed"
done </modules/order

# 512000 is the largest msize the virtio transport accepts on 6.x kernels.
opts=trans=virtio,version=9p2000.L,msize=512000
# The host root does not change during a run: let the guest cache it.
tries=0
until mount -t 9p -o "$opts,cache=loose,ro" hostroot /newroot; do
	tries=$((tries + 1))
	[ "$tries" -lt 20 ] || fatal "cannot mount the host root (9p tag hostroot)"
	sleep 0.2
done

R=/newroot
mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs "$R/tmp" || fatal "tmpfs /tmp"
mount -t tmpfs -o mode=0755,nosuid,nodev tmpfs "$R/run" || fatal "tmpfs /run"
if [ -d "$R/var/tmp" ] && [ ! -L "$R/var/tmp" ]; then
	mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs "$R/var/tmp" || fatal "tmpfs /var/tmp"
fi
mkdir -p "$R/run/lock" "$R/run/netns" "$R/run/mvlan-out"
# The tree under test lives below one of those tmpfs (run.sh shared it
# apart): mount it back at its own path.
for arg in $(cat /proc/cmdline); do
	case $arg in mvlantop=*) top=${arg#mvlantop=} ;; esac
done
if [ -n "${top:-}" ]; then
	mkdir -p "$R$top"
	mount -t 9p -o "$opts,cache=loose,ro" top "$R$top" || fatal "cannot mount the tree (9p tag top) on $top"
fi
# Results share: written by the guest, read by the host; no caching.
mount -t 9p -o "$opts,cache=none" results "$R/run/mvlan-out" ||
	fatal "cannot mount the results directory (9p tag results)"

mount --move /proc "$R/proc" || fatal "move /proc"
mount --move /sys "$R/sys" || fatal "move /sys"
mount --move /dev "$R/dev" || fatal "move /dev"
mkdir -p "$R/dev/pts" "$R/dev/shm"
# devtmpfs has no /dev/fd: bash's process substitution needs it
ln -sf /proc/self/fd "$R/dev/fd"
ln -sf /proc/self/fd/0 "$R/dev/stdin"
ln -sf /proc/self/fd/1 "$R/dev/stdout"
ln -sf /proc/self/fd/2 "$R/dev/stderr"
mount -t devpts -o newinstance,ptmxmode=0666 devpts "$R/dev/pts"
mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs "$R/dev/shm"
# Optional extras; failures are harmless.
mount -t debugfs debugfs "$R/sys/kernel/debug" 2>/dev/null
mount -t tracefs tracefs "$R/sys/kernel/tracing" 2>/dev/null
mount -t cgroup2 cgroup2 "$R/sys/fs/cgroup" 2>/dev/null

[ -r "$R/run/mvlan-out/guest.sh" ] || fatal "/run/mvlan-out/guest.sh missing (run.sh did not write it?)"
[ -x "$R/bin/bash" ] || fatal "/bin/bash missing on the host root"
# shellcheck disable=SC2093 # fatal only runs if exec fails
exec switch_root "$R" /bin/bash /run/mvlan-out/guest.sh
fatal "switch_root failed"
