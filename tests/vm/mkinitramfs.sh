#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# mkinitramfs.sh KVER OUT.cpio.gz
#
# Builds the tiny initramfs used by tests/vm/run.sh to boot a Debian (or
# self-built) kernel under QEMU.  It contains:
#   /bin/busybox (static) and a few applet symlinks,
#   /init (tests/vm/init.sh),
#   /modules/*.ko + /modules/order: the modules needed to mount the host's
#   root over virtio-9p (virtio_pci, 9pnet_virtio, 9p and their dependencies,
#   in load order, decompressed because busybox insmod cannot read .ko.xz/.zst).
# Modules built into the kernel are simply skipped.
#
# The output is deterministic (sorted cpio, fixed mtimes, gzip -n), so the
# same inputs always give the same bytes.  Caching is done by run.sh.
set -euo pipefail

usage() { echo "usage: $0 KVER OUT.cpio.gz" >&2; exit 2; }
die() { echo "mkinitramfs: error: $*" >&2; exit 1; }

[[ $# -eq 2 ]] || usage
kver=$1
out=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
busybox=${BUSYBOX:-/bin/busybox}
# Modules the init script needs, in the order they must be loaded.
wanted=(virtio_pci 9pnet_virtio 9p)
applets=(sh mount umount mkdir insmod switch_root poweroff sleep cat echo ls dmesg)

# MODROOT: where the kernel's modules are if not in /lib/modules (a kernel
# built here): MODROOT/lib/modules/KVER.
modroot=${MODROOT:-}
[[ -d $modroot/lib/modules/$kver ]] || die "$modroot/lib/modules/$kver does not exist (kernel $kver not installed?)"
[[ -x $busybox ]] || die "$busybox missing (install busybox-static)"
# A dynamically linked busybox would not run inside the initramfs.
if ldd "$busybox" >/dev/null 2>&1; then
	die "$busybox is dynamically linked; install busybox-static"
fi
for tool in cpio gzip modprobe; do
	command -v "$tool" >/dev/null || die "$tool not found"
done

stage=$(mktemp -d "${TMPDIR:-/tmp}/mvlan-initramfs.XXXXXX")
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage"/{bin,dev,proc,sys,newroot,modules}

install -m 0755 "$busybox" "$stage/bin/busybox"
for a in "${applets[@]}"; do
	ln -s busybox "$stage/bin/$a"
done
install -m 0755 "$here/init.sh" "$stage/init"

# Resolve dependencies with the host's modprobe against the guest kernel's
# modules.dep (-S).  -C /dev/null: ignore host modprobe.d (options, blacklists).
# The first time a module appears is its load position.
declare -A seen=()
n=0
for m in "${wanted[@]}"; do
	deps=$(modprobe -S "$kver" -C /dev/null ${modroot:+-d "$modroot"} --show-depends "$m" 2>&1) ||
		die "kernel $kver has no module $m (needs CONFIG_VIRTIO_PCI, CONFIG_NET_9P_VIRTIO, CONFIG_9P_FS): $deps"
	while read -r kind path _; do
		[[ $kind == insmod ]] || continue          # "builtin NAME": nothing to do
		[[ -z ${seen[$path]:-} ]] || continue
		seen[$path]=1
		[[ -f $path ]] || die "$path listed by modprobe but missing"
		base=$(basename "$path")
		name=${base%%.ko*}
		dst=$(printf '%02d-%s.ko' "$n" "$name")
		case $base in
			*.ko)     cp "$path" "$stage/modules/$dst" ;;
			*.ko.xz)  xz -dc "$path" >"$stage/modules/$dst" ;;
			*.ko.zst) zstd -qdc "$path" >"$stage/modules/$dst" ;;
			*.ko.gz)  gzip -dc "$path" >"$stage/modules/$dst" ;;
			*) die "unknown module format: $path" ;;
		esac
		echo "$dst" >>"$stage/modules/order"
		n=$((n + 1))
	done <<<"$deps"
done
touch "$stage/modules/order"

# Deterministic archive: fixed owner and mtimes, sorted names, no gzip name/time.
find "$stage" -exec touch -h -d @0 {} +
mkdir -p "$(dirname "$out")"
tmp_out="$out.tmp.$$"
(
	cd "$stage"
	find . -mindepth 1 -printf '%P\n' | LC_ALL=C sort |
		cpio --quiet -o -H newc -R 0:0 --reproducible
) | gzip -9n >"$tmp_out"
mv -f "$tmp_out" "$out"
