# SPDX-License-Identifier: GPL-2.0-or-later
# tests/vm/modules-overlay.bash: a writable module tree in the test guest,
# for tests that install a module and let the kernel load it by alias.
# Opt-in: a test sources this file and calls modules_overlay_mount; nothing
# changes for the tests that do not.
#
# The guest's / is the host's root over read-only 9p, so
# /lib/modules/$(uname -r) cannot take a module or a new modules.dep.
# modules_overlay_mount puts an overlayfs on it: the lower layer is the host's
# tree (read-only, never written), the upper and work directories are on the
# guest's /tmp (tmpfs), so whatever the test installs there and whatever
# depmod writes vanishes with the guest, or earlier with
# modules_overlay_umount. The kernel's own modprobe (request_module) runs in
# the guest's root and mount namespace, so it sees the overlay too.
#
# overlayfs is a module in Debian's kernels; modprobe loads it from the host's
# tree, which the guest can read (the mount would also load it on its own,
# through the "fs-overlay" alias). The harness never unloads it, and unmounts
# an overlay a test left behind before the next test (guest.sh: cleanup).
# A kernel without overlayfs (make check-debug's: its tree is a few MB) gets a
# tmpfs on /lib/modules/KVER instead, holding a copy of the tree; the mount's
# source is "mvlan-modules" either way.
#
# A full "depmod -a" reads and decompresses every module of the tree (some
# 4000 .ko.xz on Debian's 6.12): minutes under TCG. modules_overlay_depmod
# runs depmod on the named modules only, as depmod's manual describes: the
# indexes (modules.dep, modules.alias, modules.symbols and their .bin) then
# know only those modules, the built-in lists stay. So load every other
# module the test needs (veth, dummy, bridge, ...) before it; the full
# indexes come back with modules_overlay_umount.
#
#   modules_overlay_mount         mount it (fails if already mounted)
#   modules_overlay_depmod FILE.. index FILEs (paths under MODULES_DIR)
#   modules_overlay_umount        undo it; harmless when not mounted
#   MODULES_DIR                   /lib/modules/$(uname -r)

MODULES_DIR=/lib/modules/$(uname -r)
MODULES_OVERLAY_TMP=/tmp/mvlan-modules-overlay

# (/proc/mounts names the real path: /lib is a link to /usr/lib in Debian 12)
modules_overlay_mounted() {
	local dir src mnt _

	dir=$(realpath -m "$MODULES_DIR")
	while read -r src mnt _; do
		[[ $src == mvlan-modules && $mnt == "$dir" ]] && return 0
	done </proc/mounts
	return 1
}

# modules_overlay_copy: the tree copied into a tmpfs mounted on it
modules_overlay_copy() {
	local copy=$MODULES_OVERLAY_TMP/copy

	mkdir -p "$copy" && cp -a "$MODULES_DIR/." "$copy" || return 1
	mount -t tmpfs -o mode=0755 mvlan-modules "$MODULES_DIR" || return 1
	cp -a "$copy/." "$MODULES_DIR" && rm -rf "$copy"
}

modules_overlay_mount() {
	if [[ ${MVLAN_VM:-} != 1 ]]; then
		echo "modules_overlay_mount: only in the test VM (tests/vm/run.sh)" >&2
		return 1
	fi
	if modules_overlay_mounted; then
		echo "modules_overlay_mount: $MODULES_DIR is already an overlay" >&2
		return 1
	fi
	rm -rf "$MODULES_OVERLAY_TMP"
	if ! modprobe -q overlay && ! grep -qw overlay /proc/filesystems; then
		modules_overlay_copy
		return
	fi
	mkdir -p "$MODULES_OVERLAY_TMP/upper" "$MODULES_OVERLAY_TMP/work" || return 1
	mount -t overlay mvlan-modules \
		-o "lowerdir=$MODULES_DIR,upperdir=$MODULES_OVERLAY_TMP/upper,workdir=$MODULES_OVERLAY_TMP/work" \
		"$MODULES_DIR"
}

modules_overlay_depmod() {
	if ! modules_overlay_mounted; then
		echo "modules_overlay_depmod: no overlay on $MODULES_DIR" >&2
		return 1
	fi
	depmod "$(uname -r)" "$@"
}

modules_overlay_umount() {
	if modules_overlay_mounted; then
		umount "$MODULES_DIR" 2>/dev/null || umount -l "$MODULES_DIR" || return 1
	fi
	rm -rf "$MODULES_OVERLAY_TMP"
}
