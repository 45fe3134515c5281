#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# tests/vm/build-debug-kernel.sh: build (once) the debug kernel the
# check-debug run boots, and print its release (KVER).
#
# usage: tests/vm/build-debug-kernel.sh [--dir]
#   --dir  print the cache directory instead of the release
#
# Debian's linux-source-6.12 configured from x86_64_defconfig,
# kvm_guest.config and tests/vm/debug.config (KASAN, lockdep, PROVE_RCU,
# DEBUG_ATOMIC_SLEEP, kmemleak, debug objects, net refcount trackers), with
# what the harness and the tests need. The result is cached outside the
# tree, in $MVLAN_CACHE (default ~/.cache/mvlan)/debug-kernel-KEY, where KEY
# hashes the source package version, the fragment, the compiler and the
# recipe version below: a later run with the same inputs only prints the
# release, an interrupted one resumes. Takes about 15 minutes on 2 cores the
# first time.
#
# The cache directory holds linux/ (the built tree: modules build against it
# with make -C linux M=..., or make KDIR=.../linux), vmlinux (boots through
# PVH: tests/vm/run.sh with MVLAN_VM_KERNEL), modroot/ (its modules_install:
# MVLAN_VM_MODROOT) and kver. Nothing is installed on the host.
set -euo pipefail

prog=${0##*/}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
die() { echo "$prog: error: $*" >&2; exit 1; }

print=kver
case ${1:-} in
	'') ;;
	--dir) print=dir ;;
	*) echo "usage: $prog [--dir]" >&2; exit 2 ;;
esac

src_pkg=linux-source-6.12
tarball=/usr/src/$src_pkg.tar.xz
build_pkgs=(gcc make bc bison flex libssl-dev libelf-dev cpio kmod xz-utils perl python3 "$src_pkg")

# deps.sh writes its progress on stdout: ours is the kernel's version
"$here/deps.sh" --only "${build_pkgs[@]}" >&2 || die "cannot install ${build_pkgs[*]}"
[[ -r $tarball ]] || die "$tarball missing"

# What the kernel is made of. RECIPE: bump it when the build steps below
# change what they produce.
recipe=1
key=$(
	{
		echo "recipe $recipe"
		dpkg-query -W -f='${Version}\n' "$src_pkg"
		cat "$here/debug.config"
		gcc --version | head -n 1
	} | sha256sum | cut -c1-16
)
cache=${MVLAN_CACHE:-$HOME/.cache/mvlan}
dir=$cache/debug-kernel-$key
mkdir -p "$cache"

# One builder at a time; the others wait and reuse its result.
exec 9>"$cache/debug-kernel.lock"
flock 9

# check_config: every option of the fragment survived olddefconfig
check_config() {
	local line want opt bad=0

	while IFS= read -r line; do
		case $line in
			CONFIG_*=* | '# CONFIG_'*' is not set') want=$line ;;
			*) continue ;;
		esac
		if ! grep -qxF "$want" .config; then
			opt=${want#\# }
			opt=${opt%%[= ]*}
			echo "$prog: config: wanted '$want', got '$(grep -E "(^|# )${opt}[= ]" .config || echo "nothing")'"
			bad=1
		fi
	done <"$here/debug.config"
	return "$bad"
}

if [[ ! -e $dir/done ]]; then
	# Older builds are replaced, not kept (each takes a few GB).
	for old in "$cache"/debug-kernel-*/; do
		[[ -d $old && ${old%/} != "$dir" ]] && rm -rf "$old"
	done
	start=$SECONDS
	# An interrupted build (configured, then stopped) resumes.
	if [[ ! -e $dir/configured ]]; then
		echo "$prog: building the debug kernel in $dir (about 15 minutes on 2 cores)" >&2
		rm -rf "$dir"
		mkdir -p "$dir"
		tar -C "$dir" -xf "$tarball"
		mv "$dir/$src_pkg" "$dir/linux"
		(
			cd "$dir/linux"
			make -s x86_64_defconfig
			scripts/kconfig/merge_config.sh -m .config kernel/configs/kvm_guest.config "$here/debug.config"
			make -s olddefconfig
			check_config
		) >"$dir/build.log" 2>&1 || {
			tail -n 40 "$dir/build.log" >&2
			die "configuring failed; the whole log is $dir/build.log"
		}
		touch "$dir/configured"
	else
		echo "$prog: resuming the build in $dir" >&2
	fi
	(
		cd "$dir/linux"
		make -s -j"$(nproc)" vmlinux bzImage modules
		rm -rf "$dir/modroot"
		make -s INSTALL_MOD_PATH="$dir/modroot" modules_install
		make -s kernelrelease >"$dir/kver"
	) >>"$dir/build.log" 2>&1 || {
		tail -n 40 "$dir/build.log" >&2
		die "the build failed; the whole log is $dir/build.log"
	}
	ln -sfn linux/vmlinux "$dir/vmlinux"
	touch "$dir/done"
	echo "$prog: built $(<"$dir/kver") in $(((SECONDS - start) / 60)) min" >&2
fi

kver=$(<"$dir/kver")

case $print in
	kver) echo "$kver" ;;
	dir) echo "$dir" ;;
esac
