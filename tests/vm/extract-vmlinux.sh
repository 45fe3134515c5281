#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# extract-vmlinux.sh VMLINUZ OUT
#
# Extracts the uncompressed ELF kernel from a bzImage and writes it to OUT if
# it can be booted directly by QEMU through PVH (has a XEN_ELFNOTE_PHYS32_ENTRY
# note, i.e. CONFIG_PVH=y).  Under TCG this saves the 3-5 s the bzImage spends
# decompressing itself.  Exits 1 (writing nothing) when that is not possible;
# run.sh then boots the bzImage as usual.
set -euo pipefail

[[ $# -eq 2 ]] || { echo "usage: $0 VMLINUZ OUT" >&2; exit 2; }
in=$1
out=$2
command -v readelf >/dev/null || exit 1

tmp=$(mktemp "$out.XXXXXX")
trap 'rm -f "$tmp"' EXIT

# try TOOL MAGIC: decompress from each offset where MAGIC occurs until one
# yields an ELF file.  The decompressors complain about the data after the
# payload, hence the ignored exit status.
try() {
	local tool=$1 magic=$2 off
	command -v "$tool" >/dev/null || return 1
	for off in $(LC_ALL=C grep -obUaP "$magic" "$in" | cut -d: -f1 | head -n 8); do
		tail -c "+$((off + 1))" "$in" | "$tool" -dc >"$tmp" 2>/dev/null || true
		[[ $(head -c 4 "$tmp" | od -An -tx1 | tr -d ' \n') == 7f454c46 ]] && return 0
	done
	return 1
}
try zstd '\x28\xB5\x2F\xFD' || try xz '\xFD7zXZ\x00' || try gzip '\x1F\x8B\x08' || exit 1

# PVH entry point note: owner "Xen", type 18 (0x12).
readelf -n "$tmp" 2>/dev/null | grep -Eq '^ *Xen .*(\(0x00000012\)|PHYS32_ENTRY)' || exit 1
chmod 0644 "$tmp"
mv -f "$tmp" "$out"
trap - EXIT
