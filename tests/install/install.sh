#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# tests/install/install.sh: the install targets of the top-level Makefile, on
# the host (nothing is loaded: the host needs no module support).
#
#   1. make install DESTDIR=tmp PREFIX=/usr lays out exactly the expected
#      files, for the default kernel and for every other kernel with headers
#      (KVER=...); the module is that kernel's (vermagic) and of VERSION;
#      the ip plugin is in ip's plugin directory (IPLIBDIR, not under
#      PREFIX); make uninstall with the same variables removes every file.
#   2. make install without DESTDIR (PREFIX=tmp, IPLIBDIR=tmp): the module
#      lands in the real /lib/modules/KVER/updates and depmod indexes it
#      (modinfo -k, modprobe -R of both aliases); make uninstall takes it
#      out again.
#   3. make dkms-install builds and installs the modules for every kernel with
#      headers (/lib/modules/KVER/updates/dkms/{mvlan,mvtap}.ko*, version VERSION),
#      from /usr/src/mvlan-VERSION with a filled-in dkms.conf; running it
#      again with the same sources does nothing and keeps it installed (that
#      with changed sources replaces it is not tested: another two builds);
#      make dkms-uninstall removes it all.
#
# 2 and 3 change the host's module tree for a while (as root); they are
# skipped (a SKIP: line, not counted) when not root, or when the host already
# has an mvlan there or in DKMS, so that a real install is never touched.
# Everything is undone at the end, also on failure or interrupt, including
# the signing key dkms makes on first use. One run at a time per host (flock).
# The targets run in a scratch copy of the tree (git ls-files), so the
# working tree's kmod/ and cli/ stay as they are. One PASS:/FAIL: line per
# check, then "N passed, N failed"; the exit status is non-zero if anything
# failed.
set -uo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
version=$(<"$top/VERSION")
passed=0
failed=0

pass() {
	echo "PASS: install/$1"
	passed=$((passed + 1))
}
fail() { # fail NAME [DETAIL...]
	echo "FAIL: install/$1"
	shift
	[[ $# -eq 0 ]] || printf '  %s\n' "$@"
	failed=$((failed + 1))
}
# check NAME CMD...: PASS if CMD succeeds
check() {
	local name=$1
	shift
	if "$@"; then pass "$name"; else fail "$name"; fi
}
# expect NAME ACTUAL EXPECTED
expect() {
	if [[ $2 == "$3" ]]; then
		pass "$1"
	else
		fail "$1" "expected:" "${3//$'\n'/$'\n'  }" "actual:" "${2//$'\n'/$'\n'  }"
	fi
}
finish() {
	echo "$passed passed, $failed failed"
	[[ $failed -eq 0 ]]
	exit
}

# One run at a time on a host: the dkms and real-root checks share its state.
lock=/run/lock/mvlan-install-test.lock
exec 9>>"$lock" || { fail "lock" "cannot open $lock"; finish; }
if ! flock -w 1800 9; then
	fail "lock" "another install.sh held $lock for 30 minutes"
	finish
fi

work=$(mktemp -d /tmp/mvlan-install-test.XXXXXX) || exit 1
src=$work/src
log=$work/make.log
real_installed='' dkms_installed='' dkms_ran=''
created_dirs=()
mok_before=0
[[ -e /var/lib/dkms/mok.key || -e /var/lib/dkms/mok.pub ]] && mok_before=1

# run_make NAME ARGS...: make in the scratch tree; PASS/FAIL line, log on failure
run_make() {
	local name=$1
	shift
	if make -C "$src" "$@" >"$log" 2>&1; then
		pass "$name"
		return 0
	fi
	fail "$name" "make $* failed; the end of its output:"
	tail -n 30 "$log" | sed 's/^/  | /'
	return 1
}

# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
	local d
	if [[ -n $dkms_installed ]]; then
		make -C "$src" dkms-uninstall >/dev/null 2>&1
	fi
	if [[ -n $real_installed ]]; then
		make -C "$src" uninstall PREFIX="$work/prefix" IPLIBDIR="$work/prefix/iplib" \
			KVER="$real_installed" >/dev/null 2>&1
	fi
	# dkms made a signing key on its first build: not ours to keep
	if [[ -n $dkms_ran && $mok_before == 0 ]]; then
		rm -f /var/lib/dkms/mok.key /var/lib/dkms/mok.pub
	fi
	for d in "${created_dirs[@]}"; do
		rmdir "$d" 2>/dev/null
	done
	rm -rf "$work"
}
trap cleanup EXIT
trap 'echo "install.sh: interrupted" >&2; exit 130' INT TERM

# kernels with headers, as the Makefile's dkms-install picks them
kernels=()
for d in /lib/modules/*/build/Makefile; do
	[[ -f $d ]] || continue
	d=${d#/lib/modules/}
	kernels+=("${d%/build/Makefile}")
done
if [[ ${#kernels[@]} -eq 0 ]]; then
	fail "kernels" "no kernel has headers installed (make deps)"
	finish
fi
mapfile -t kernels < <(printf '%s\n' "${kernels[@]}" | sort -V)

# the default kernel of "make install": as kmod/Makefile picks it
if [[ -f /lib/modules/$(uname -r)/build/Makefile ]]; then
	default_kver=$(uname -r)
else
	default_kver=${kernels[-1]}
fi

# mod_suffix KVER: what the kernel's modules_install appends to mvlan.ko
mod_suffix() {
	local conf=/lib/modules/$1/build/include/config/auto.conf
	local modinst=/lib/modules/$1/build/scripts/Makefile.modinst
	if grep -q CONFIG_MODULE_COMPRESS_ALL "$modinst" &&
		! grep -qx 'CONFIG_MODULE_COMPRESS_ALL=y' "$conf"; then
		return
	fi
	if grep -qx 'CONFIG_MODULE_COMPRESS_GZIP=y' "$conf"; then
		echo .gz
	elif grep -qx 'CONFIG_MODULE_COMPRESS_XZ=y' "$conf"; then
		echo .xz
	elif grep -qx 'CONFIG_MODULE_COMPRESS_ZSTD=y' "$conf"; then
		echo .zst
	fi
}

# files DIR: every file and symlink under DIR, relative, sorted
files() {
	(cd "$1" && find . \( -type f -o -type l \) -printf '%P\n' | LC_ALL=C sort)
}

# module_ok NAME FILE KVER: the module FILE is mvlan VERSION for KVER
module_ok() {
	local vermagic
	expect "$1: version" "$(modinfo -F version "$2" 2>&1)" "$version"
	vermagic=$(modinfo -F vermagic "$2" 2>&1)
	expect "$1: vermagic" "${vermagic%% *}" "$3"
}

# --- the scratch tree ------------------------------------------------------
mkdir -p "$src"
if ! (cd "$top" && git ls-files -z -co --exclude-standard |
	while IFS= read -r -d '' f; do [[ -e $f ]] && printf '%s\0' "$f"; done |
	xargs -0 cp --parents -t "$src"); then
	fail "copy the tree" "git ls-files | cp failed"
	finish
fi
run_make "build (make)" -s all || finish
# where ip looks for link plugins, as cli/ip/Makefile finds it
iplibdir=$(make -s -C "$src/cli/ip" iplibdir)

# --- 1. make install / uninstall into DESTDIR ------------------------------
# destdir_check KVER: for the default kernel without KVER=, else with it
destdir_check() {
	local k=$1 what kargs=() dest expected f orig
	if [[ $k == "$default_kver" ]]; then
		what="default kernel $k"
	else
		what="KVER=$k"
		kargs=("KVER=$k")
	fi
	dest=$work/dest
	rm -rf "$dest"
	expected=$(LC_ALL=C sort <<EOF
lib/modules/$k/updates/mvlan.ko$(mod_suffix "$k")
lib/modules/$k/updates/mvtap.ko$(mod_suffix "$k")
${iplibdir#/}/link_mvlan.so
${iplibdir#/}/link_mvtap.so
usr/include/linux/mvlan.h
usr/lib/cni/mvlan
usr/sbin/mvctl
usr/share/bash-completion/completions/mvctl
usr/share/man/man4/mvlan.4
usr/share/man/man8/mvctl.8
usr/share/man/man8/mvlan-cni.8
EOF
)
	run_make "make install DESTDIR PREFIX=/usr ($what)" \
		install DESTDIR="$dest" PREFIX=/usr "${kargs[@]}" || return
	expect "the installed files ($what)" "$(files "$dest")" "$expected"
	for f in mvlan mvtap; do
		module_ok "the installed module $f ($what)" \
			"$dest/$(grep "^lib/modules/.*/$f\.ko" <<<"$expected")" "$k"
	done
	check "${iplibdir#/}/link_mvlan.so is cli/ip/link_mvlan.so ($what)" \
		cmp -s "$dest$iplibdir/link_mvlan.so" "$src/cli/ip/link_mvlan.so"
	expect "${iplibdir#/}/link_mvtap.so, for kind mvtap, links to link_mvlan.so ($what)" \
		"$(readlink "$dest$iplibdir/link_mvtap.so")" link_mvlan.so
	expect "mvctl -V of the installed mvctl ($what)" \
		"$("$dest/usr/sbin/mvctl" -V 2>&1)" "mvctl $version"
	for f in usr/share/man/man8/mvctl.8 usr/share/man/man4/mvlan.4 \
		usr/share/man/man8/mvlan-cni.8 \
		usr/share/bash-completion/completions/mvctl usr/include/linux/mvlan.h; do
		[[ -f $dest/$f ]] || continue
		case $f in
			*/mvlan-cni.8) orig=man/mvlan-cni.8 ;;
			*/man8/*) orig=man/mvctl.8 ;;
			*/man4/*) orig=man/mvlan.4 ;;
			*/completions/*) orig=cli/completion/mvctl.bash ;;
			*) orig=uapi/linux/mvlan.h ;;
		esac
		check "$f is $orig ($what)" cmp -s "$dest/$f" "$src/$orig"
	done
	expect "modes: mvctl and the CNI plugin 755, the other files under /usr 644 ($what)" \
		"$(cd "$dest" && find usr -type f -printf '%m %p\n' | LC_ALL=C sort -k2)" \
		"$(grep '^usr/' <<<"$expected" | grep -v '/link_mvtap\.so$' | while read -r f; do
			if [[ $f == usr/sbin/mvctl || $f == usr/lib/cni/mvlan ]]; then echo "755 $f"; else echo "644 $f"; fi
		done | LC_ALL=C sort -k2)"
	run_make "make uninstall DESTDIR PREFIX=/usr ($what)" \
		uninstall DESTDIR="$dest" PREFIX=/usr "${kargs[@]}" &&
		expect "no file left after uninstall ($what)" "$(files "$dest")" ""
}
destdir_check "$default_kver"

# --- host-modifying checks: only where no mvlan is installed ---------------
installed_here=''
for k in "${kernels[@]}"; do
	if modinfo -k "$k" -n mvlan >/dev/null 2>&1; then
		installed_here+=" $(modinfo -k "$k" -n mvlan)"
	fi
	for f in /lib/modules/"$k"/updates/mvlan.ko*; do
		[[ -e $f ]] && installed_here+=" $f"
	done
done
if command -v dkms >/dev/null && [[ -n $(dkms status mvlan 2>/dev/null) ]]; then
	installed_here+=" (dkms: $(dkms status mvlan | tr '\n' ' '))"
fi
[[ -e /usr/src/mvlan-$version ]] && installed_here+=" /usr/src/mvlan-$version"
host_ok=1
if [[ -n $installed_here ]]; then
	echo "SKIP: install/host: mvlan is installed on this host:$installed_here"
	echo "  not touching it: the real-root and dkms checks do not run"
	host_ok=0
elif [[ $(id -u) -ne 0 ]]; then
	echo "SKIP: install/host: not root: the real-root and dkms checks do not run"
	host_ok=0
fi

# note_dirs: remember the directories of the module tree that do not exist yet
note_dirs() {
	local k d
	for k in "${kernels[@]}"; do
		for d in /lib/modules/"$k"/updates /lib/modules/"$k"/updates/dkms; do
			[[ -e $d ]] || created_dirs=("$d" "${created_dirs[@]}")
		done
	done
}

# --- 2. make install / uninstall into the real root ------------------------
if [[ $host_ok == 1 ]]; then
	note_dirs
	k=$default_kver
	ko=/lib/modules/$k/updates/mvlan.ko$(mod_suffix "$k")
	real_installed=$k
	if run_make "make install PREFIX=tmp IPLIBDIR=tmp (the real module tree of $k, depmod)" \
		install PREFIX="$work/prefix" IPLIBDIR="$work/prefix/iplib" \
		CNI_BIN_DIR="$work/prefix/cni" KVER="$k"; then
		check "$ko exists" test -f "$ko"
		check "${ko/mvlan.ko/mvtap.ko} exists" test -f "${ko/mvlan.ko/mvtap.ko}"
		expect "modinfo -k $k -n mvlan (depmod indexed it)" "$(modinfo -k "$k" -n mvlan 2>&1)" "$ko"
		for a in rtnl-link-mvlan net-pf-16-proto-16-family-mvlan; do
			expect "modprobe -S $k -R $a" "$(modprobe -S "$k" -R "$a" 2>&1)" "mvlan"
		done
		expect "the rest under PREFIX, IPLIBDIR and CNI_BIN_DIR" "$(files "$work/prefix")" "cni/mvlan
include/linux/mvlan.h
iplib/link_mvlan.so
iplib/link_mvtap.so
sbin/mvctl
share/bash-completion/completions/mvctl
share/man/man4/mvlan.4
share/man/man8/mvctl.8
share/man/man8/mvlan-cni.8"
	fi
	if run_make "make uninstall PREFIX=tmp IPLIBDIR=tmp (the real module tree of $k, depmod)" \
		uninstall PREFIX="$work/prefix" IPLIBDIR="$work/prefix/iplib" \
		CNI_BIN_DIR="$work/prefix/cni" KVER="$k"; then
		real_installed=''
		check "$ko removed" test ! -e "$ko"
		check "${ko/mvlan.ko/mvtap.ko} removed" test ! -e "${ko/mvlan.ko/mvtap.ko}"
		check "modinfo -k $k mvlan: not found after uninstall" \
			bash -c "! modinfo -k '$k' mvlan >/dev/null 2>&1"
		expect "nothing left under PREFIX" "$(files "$work/prefix")" ""
	fi
fi

# --- 1, the other kernels (after 2: each rebuilds the scratch tree's kmod/)
for k in "${kernels[@]}"; do
	[[ $k == "$default_kver" ]] || destdir_check "$k"
done

# --- 3. DKMS ---------------------------------------------------------------
dkms_check_installed() { # dkms_check_installed WHEN
	local k kos
	for k in "${kernels[@]}"; do
		kos=$(ls /lib/modules/"$k"/updates/dkms/mv*.ko* 2>/dev/null)
		expect "$1: mvlan and mvtap in /lib/modules/$k/updates/dkms" \
			"$kos" "/lib/modules/$k/updates/dkms/mvlan.ko$(mod_suffix "$k")
/lib/modules/$k/updates/dkms/mvtap.ko$(mod_suffix "$k")"
		kos=$(ls /lib/modules/"$k"/updates/dkms/mvlan.ko* 2>/dev/null)
		[[ -n $kos ]] && module_ok "$1: the $k module" "$kos" "$k"
		expect "$1: modinfo -k $k -n mvlan" "$(modinfo -k "$k" -n mvlan 2>&1)" "$kos"
		expect "$1: dkms status for $k" "$(dkms status "mvlan/$version" -k "$k" 2>/dev/null)" \
			"mvlan/$version, $k, $(uname -m): installed"
	done
}
if [[ $host_ok == 1 ]]; then
	if ! command -v dkms >/dev/null; then
		fail "dkms" "dkms is not installed (make deps)"
	else
		note_dirs
		dkms_installed=1 dkms_ran=1
		if run_make "make dkms-install" dkms-install; then
			dkms_check_installed "dkms-install"
			expect "/usr/src/mvlan-$version: the sources and dkms.conf" \
				"$(files "/usr/src/mvlan-$version" | grep -v '^kmod/[^/]*\.[ch]$')" \
				"VERSION
dkms.conf
kmod/Kbuild
kmod/Makefile
uapi/linux/mvlan.h"
			check "/usr/src/mvlan-$version: every kmod/*.[ch] of the tree, nothing built" \
				diff <(cd "$src" && find kmod -maxdepth 1 -name '*.[ch]' ! -name '*.mod.c' | sort) \
				<(cd "/usr/src/mvlan-$version" && find kmod -maxdepth 1 -name '*.[ch]' | sort)
			expect "dkms.conf: PACKAGE_VERSION" \
				"$(grep '^PACKAGE_VERSION=' "/usr/src/mvlan-$version/dkms.conf")" \
				"PACKAGE_VERSION=\"$version\""
		fi
		if run_make "make dkms-install again (unchanged sources)" dkms-install; then
			for k in "${kernels[@]}"; do
				check "dkms-install again: nothing to do for $k" \
					grep -qF "Module mvlan/$version already installed on kernel $k " "$log"
			done
			check "dkms-install again: nothing removed or built" \
				bash -c "! grep -qE '^(Deleting module|Building module)' '$log'"
			dkms_check_installed "dkms-install again"
		fi
		if run_make "make dkms-uninstall" dkms-uninstall; then
			dkms_installed=''
			expect "dkms status after dkms-uninstall" "$(dkms status mvlan 2>&1)" ""
			check "/usr/src/mvlan-$version removed" test ! -e "/usr/src/mvlan-$version"
			for k in "${kernels[@]}"; do
				expect "no mvlan in /lib/modules/$k after dkms-uninstall" \
					"$(find /lib/modules/"$k"/ -name 'mvlan.ko*' 2>&1; modinfo -k "$k" -n mvlan 2>/dev/null)" ""
			done
		fi
	fi
fi

finish
