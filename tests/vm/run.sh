#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# tests/vm/run.sh: run mvlan kernel tests inside a QEMU guest.
#
# usage: tests/vm/run.sh [-k KVER] [-m MODULE.ko] [-t TOTAL_TIMEOUT_S]
#                        [-T PER_TEST_TIMEOUT_S] [-o OUTDIR] [--show] [TEST ...]
#
# The guest boots /boot/vmlinuz-KVER under TCG with a tiny busybox initramfs,
# mounts the host's root read-only over virtio-9p and runs tests/vm/guest.sh,
# which loads MODULE and runs each TEST as "bash TEST" from the repository
# root.  Results come back through a second, writable 9p share (OUTDIR).
# Output: one PASS:/FAIL: line per test, then "rmmod" and "kernel-log", then
# "N passed, N failed".  Exit status 0 only if nothing failed.
#
# What a test gets in the guest (as root, cwd $TOP, stdin /dev/null, its own
# process group under timeout(1)):
#   TOP (repository root, same absolute path as on the host), MVLAN_KO (module
#   file, absolute), MVLAN_MODNAME (e.g. mvlan), MVCTL ($TOP/cli/mvctl),
#   MVLAN_TEST_NAME (e.g. netns/basic), MVLAN_OUT (writable; OUTDIR on the
#   host), MVLAN_VM=1, PATH, LC_ALL=C, HOME=TMPDIR=/tmp.
#   The module is loaded before each test (again if a test unloaded it).
#   Two e1000e NICs, 52:54:00:4d:56:01 and :02, on a QEMU hub of their own,
#   with no driver bound (a test that loads e1000e unloads it).
#   Writable: /tmp, /run, /var/tmp, /dev/shm (tmpfs) and MVLAN_OUT; the rest
#   of the host's root, including $TOP, is read-only.
#   Exit status 0 is PASS, anything else FAIL (there is no SKIP).
#   Between tests every leftover process is killed, all named netns and all
#   links but lo are deleted, and a module-tree overlay is unmounted.
#   Opt-in: a test that installs a module for the kernel to load by alias
#   sources tests/vm/modules-overlay.bash and mounts a writable overlay (upper
#   layer on the guest's /tmp; a tmpfs copy where the kernel has no
#   overlayfs) on /lib/modules/KVER.
#
# Environment: MVLAN_FUZZ_* and MVLAN_STRESS_* (passed to the tests),
# MVLAN_KO (default for -m), MVLAN_VM_APPEND (extra kernel command line),
# MVLAN_VM_BOOT_TIMEOUT (s, default 120), MVLAN_VM_KERNEL (the kernel image
# to boot instead of /boot/vmlinuz-KVER: a bzImage or an ELF vmlinux with a
# PVH entry), MVLAN_VM_MODROOT (where that kernel's modules are, as
# ROOT/lib/modules/KVER; the guest shows them at /lib/modules/KVER),
# MVLAN_VM_MEM (guest memory in MiB, default 1536), MVLAN_VM_SMP (its CPUs,
# default 2), MVLAN_VM_TSC_KHZ (the
# guest's TSC frequency, measured on the host by default; 0: the guest
# calibrates it), MVLAN_VM_LOG_IGNORE
# (regex of kernel log lines the kernel-log check ignores), MVLAN_VM_PVH=0
# (boot the bzImage instead of the extracted vmlinux), QEMU (binary).
set -euo pipefail

prog=${0##*/}
vm_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
top=$(cd "$vm_dir/../.." && pwd -P)

usage() {
	cat <<EOF
usage: $prog [-k KVER] [-m MODULE.ko] [-t TOTAL_TIMEOUT_S] [-T PER_TEST_TIMEOUT_S]
          [-o OUTDIR] [--show] [TEST ...]
  -k KVER  kernel to boot (default: newest with /boot/vmlinuz-KVER and
           /lib/modules/KVER/build)
  -m KO    module under test (default: \$MVLAN_KO); .ko.xz/.zst/.gz accepted
  -t S     timeout for the whole guest run (default 600)
  -T S     timeout per test (default 180)
  -o DIR   where the run's files go (default build/vm/KVER/run); emptied first
  --show   stream the guest console (boot, test output) live
  TEST     test scripts (default: tests/netns/*.sh)
EOF
}
die() { echo "$prog: error: $*" >&2; exit 2; }
is_uint() { [[ $1 =~ ^[0-9]+$ && $1 -gt 0 ]]; }

kver='' module=${MVLAN_KO:-} total_timeout=600 test_timeout=180 outdir='' show=0
tests=()
while [[ $# -gt 0 ]]; do
	case $1 in
		-k) [[ $# -ge 2 ]] || die "-k needs a value"; kver=$2; shift 2 ;;
		-m) [[ $# -ge 2 ]] || die "-m needs a value"; module=$2; shift 2 ;;
		-t) [[ $# -ge 2 ]] || die "-t needs a value"; total_timeout=$2; shift 2 ;;
		-T) [[ $# -ge 2 ]] || die "-T needs a value"; test_timeout=$2; shift 2 ;;
		-o) [[ $# -ge 2 ]] || die "-o needs a value"; outdir=$2; shift 2 ;;
		--show) show=1; shift ;;
		-h | --help) usage; exit 0 ;;
		--) shift; tests+=("$@"); break ;;
		-*) usage >&2; die "unknown option $1" ;;
		*) tests+=("$1"); shift ;;
	esac
done
is_uint "$total_timeout" || die "-t: not a positive number of seconds: $total_timeout"
is_uint "$test_timeout" || die "-T: not a positive number of seconds: $test_timeout"
boot_timeout=${MVLAN_VM_BOOT_TIMEOUT:-120}
is_uint "$boot_timeout" || die "MVLAN_VM_BOOT_TIMEOUT: not a positive number: $boot_timeout"

# --- kernel ------------------------------------------------------------------
newest_kver() {
	local d k
	for d in /lib/modules/*/; do
		k=$(basename "$d")
		[[ $k != *-rt-* ]] || continue  # PREEMPT_RT: only if asked for
		[[ -f /boot/vmlinuz-$k && -d /lib/modules/$k/build ]] && echo "$k"
	done | sort -V | tail -n 1
}
if [[ -z $kver ]]; then
	kver=$(newest_kver)
	[[ -n $kver ]] || die "no kernel with both /boot/vmlinuz-KVER and /lib/modules/KVER/build (run tests/vm/deps.sh)"
fi
kernel=${MVLAN_VM_KERNEL:-/boot/vmlinuz-$kver}
[[ -r $kernel ]] || die "$kernel not found"
modroot=${MVLAN_VM_MODROOT:-}
[[ -d $modroot/lib/modules/$kver ]] || die "$modroot/lib/modules/$kver not found"
[[ -z $modroot || $modroot == /* ]] || die "MVLAN_VM_MODROOT must be an absolute path"
qemu=${QEMU:-qemu-system-x86_64}
command -v "$qemu" >/dev/null || die "$qemu not found (run tests/vm/deps.sh)"

# --- module ------------------------------------------------------------------
[[ -n $module ]] || die "no module to test: pass -m MODULE.ko or set MVLAN_KO (e.g. make build/mod/$kver/kmod/mvlan.ko, then -m build/mod/$kver/kmod/mvlan.ko)"
[[ -f $module ]] || die "module $module not found (build it first?)"
module=$(realpath "$module")
mod_base=$(basename "$module")
[[ $mod_base =~ ^(.+)\.ko(\.xz|\.zst|\.gz)?$ ]] || die "$module: expected a .ko, .ko.xz, .ko.zst or .ko.gz file"
mod_name=${BASH_REMATCH[1]//-/_}   # what rmmod and /proc/modules call it
mod_vermagic=$(modinfo -F vermagic "$module" 2>/dev/null || true)
if [[ -n $mod_vermagic && ${mod_vermagic%% *} != "$kver" ]]; then
	echo "$prog: warning: $mod_base was built for ${mod_vermagic%% *}, booting $kver: insmod will likely fail" >&2
fi

# The guest mounts tmpfs on these, hiding the host's contents.
hidden_in_guest() {
	case $1/ in /tmp/* | /run/* | /var/tmp/* | /var/run/* | /dev/* | /proc/* | /sys/*) return 0 ;; esac
	return 1
}
# A tree there (CI may clone into /tmp) is shared with the guest on its own
# and mounted back over the tmpfs at the same path.
top_share=0
if hidden_in_guest "$top"; then
	[[ $top == /tmp/* || $top == /var/tmp/* || $top == /run/* ]] ||
		die "the repository ($top) is under $top's top directory, which the guest cannot show"
	[[ $top =~ ^[A-Za-z0-9_./+-]+$ ]] ||
		die "the repository's path ($top) has characters the kernel command line cannot carry"
	top_share=1
fi

# --- tests -------------------------------------------------------------------
if [[ ${#tests[@]} -eq 0 ]]; then
	shopt -s nullglob
	tests=()
	for t in "$top"/tests/netns/*.sh; do
		# tests/netns/QUARANTINE: tests left out of the default run, one
		# file name a line, each with the reason beside it
		grep -qs "^${t##*/}\b" "$top/tests/netns/QUARANTINE" || tests+=("$t")
	done
	shopt -u nullglob
	if [[ ${#tests[@]} -gt 0 ]]; then
		mapfile -t tests < <(printf '%s\n' "${tests[@]}" | LC_ALL=C sort)
	fi
fi
test_names=() test_srcs=()
declare -A name_seen=()
for t in "${tests[@]}"; do
	if [[ -f $t ]]; then
		path=$(realpath "$t")
	elif [[ -f $top/$t ]]; then
		path=$(realpath "$top/$t")
	else
		die "test $t not found"
	fi
	if [[ $path == "$top"/tests/* ]]; then
		name=${path#"$top"/tests/}
	else
		name=$(basename "$path")
	fi
	name=${name%.sh}
	[[ $name != *[[:space:]]* ]] || die "test name '$name' contains white space"
	[[ -z ${name_seen[$name]:-} ]] || die "two tests are named $name"
	[[ $name != rmmod && $name != kernel-log ]] || die "test name $name is reserved"
	name_seen[$name]=1
	test_names+=("$name")
	test_srcs+=("$path")
done

# --- output directory --------------------------------------------------------
build_dir=$top/build/vm/$kver
outdir=${outdir:-$build_dir/run}
mkdir -p "$outdir"
outdir=$(realpath "$outdir")
marker=$outdir/.mvlan-vm-run
if [[ -n $(ls -A "$outdir") && ! -e $marker ]]; then
	die "$outdir is not empty and not a previous run directory; refusing to clean it"
fi
find "$outdir" -mindepth 1 -delete
touch "$marker"
mkdir -p "$outdir/logs"

# --- initramfs (cached) ------------------------------------------------------
cache_key=$(
	{
		echo "$kver"
		cat "$vm_dir/mkinitramfs.sh" "$vm_dir/init.sh"
		stat -L -c '%n %s %Y' "$kernel" "$modroot/lib/modules/$kver/modules.dep" /bin/busybox
	} | sha256sum | cut -c1-16
)
initrd=$build_dir/initramfs-$cache_key.cpio.gz
if [[ ! -s $initrd ]]; then
	echo "$prog: building initramfs for $kver" >&2
	MODROOT=$modroot "$vm_dir/mkinitramfs.sh" "$kver" "$initrd.new.$$"
	mv -f "$initrd.new.$$" "$initrd"
	find "$build_dir" -maxdepth 1 -name 'initramfs-*.cpio.gz' ! -name "${initrd##*/}" -delete
fi

# --- kernel image (cached) ----------------------------------------------------
# Booting the uncompressed kernel through PVH skips the bzImage's slow
# self-decompression under TCG.  Falls back to the bzImage when impossible.
boot_kernel=$kernel
if [[ $(head -c 4 "$kernel" | od -An -tx1 | tr -d ' \n') == 7f454c46 ]]; then
	: # an ELF vmlinux (a kernel built here): QEMU boots it through PVH
elif [[ ${MVLAN_VM_PVH:-1} == 1 ]]; then
	kernel_key=$(stat -L -c '%n %s %Y' "$kernel" | sha256sum | cut -c1-16)
	vmlinux=$build_dir/vmlinux-$kernel_key
	if [[ ! -e $vmlinux && ! -e $vmlinux.nopvh ]]; then
		find "$build_dir" -maxdepth 1 -regextype posix-extended \
			-regex '.*/vmlinux-[0-9a-f]{16}(\.nopvh)?' -delete
		"$vm_dir/extract-vmlinux.sh" "$kernel" "$vmlinux" || touch "$vmlinux.nopvh"
	fi
	[[ -s $vmlinux ]] && boot_kernel=$vmlinux
fi

# --- what the guest gets -----------------------------------------------------
guest_out=/run/mvlan-out   # OUTDIR as seen by the guest
# Compressed modules and files the guest cannot see go through OUTDIR.
guest_path() { # guest_path SRC SUBDIR NAME: print the path the guest should use
	local src=$1 sub=$2 name=$3
	if [[ $src == "$top"/* ]] && { [[ $top_share -eq 1 ]] || ! hidden_in_guest "$src"; }; then
		echo "$src"
		return
	fi
	mkdir -p "$outdir/$sub"
	cp "$src" "$outdir/$sub/$name"
	echo "$guest_out/$sub/$name"
}
case $mod_base in
	*.ko) guest_ko=$(guest_path "$module" module "$mod_base") ;;
	*)
		mkdir -p "$outdir/module"
		case $mod_base in
			*.xz) xz -dc "$module" ;;
			*.zst) zstd -qdc "$module" ;;
			*.gz) gzip -dc "$module" ;;
		esac >"$outdir/module/$mod_name.ko"
		guest_ko=$guest_out/module/$mod_name.ko
		;;
esac
guest_tests=()
for i in "${!test_names[@]}"; do
	guest_tests+=("$(guest_path "${test_srcs[$i]}" ext-tests "${test_names[$i]//\//_}.sh")")
done

bash_array() { # bash_array NAME VALUE...: print a bash array assignment
	local name=$1
	shift
	printf '%s=(' "$name"
	[[ $# -eq 0 ]] || printf ' %q' "$@"
	printf ' )\n'
}
{
	printf 'MVLAN_TOP=%q\n' "$top"
	printf 'MVLAN_KO=%q\n' "$guest_ko"
	printf 'MVLAN_MODNAME=%q\n' "$mod_name"
	printf 'MVLAN_MODROOT=%q\n' "$modroot"
	printf 'MVLAN_PER_TEST=%q\n' "$test_timeout"
	printf 'MVLAN_TOTAL=%q\n' "$total_timeout"
	# Guest uptime by which the guest stops, leaving time to save its logs.
	printf 'MVLAN_DEADLINE=%q\n' $((total_timeout > 40 ? total_timeout - 20 : total_timeout / 2))
	printf 'MVLAN_SHOW=%q\n' "$show"
	# knobs of particular tests, passed through to them
	while IFS='=' read -r var _; do
		[[ $var =~ ^MVLAN_(FUZZ|STRESS)_[A-Z0-9_]+$ ]] &&
			printf 'export %s=%q\n' "$var" "${!var}"
	done < <(env)
	bash_array MVLAN_TEST_NAMES "${test_names[@]}"
	bash_array MVLAN_TEST_PATHS "${guest_tests[@]}"
} >"$outdir/guest.conf"
cp "$vm_dir/guest.sh" "$outdir/guest.sh"
: >"$outdir/console.log"
: >"$outdir/report.log"

# --- boot ----------------------------------------------------------------------
cmdline="console=ttyS0 panic=-1 mvlanvm=1 printk.devkmsg=on log_buf_len=8M"
cmdline+=" mitigations=off nowatchdog tsc=reliable i8042.noaux i8042.nokbd"
# The guest's TSC is the host's under TCG: say its frequency rather than
# have a loaded host spoil the guest's calibration (tests/vm/tsc-khz.c).
# MVLAN_VM_TSC_KHZ=N says it instead, 0 lets the guest calibrate (-icount,
# whose TSC is virtual: tests/bench/run.sh).
tsc_khz=${MVLAN_VM_TSC_KHZ:-}
if [[ -z $tsc_khz && $(uname -m) == x86_64 ]]; then
	tsc_prog=$top/build/vm/tsc-khz
	if [[ ! -x $tsc_prog || $tsc_prog -ot $vm_dir/tsc-khz.c ]]; then
		mkdir -p "${tsc_prog%/*}"
		gcc -O2 -o "$tsc_prog" "$vm_dir/tsc-khz.c" || tsc_prog=''
	fi
	[[ -z $tsc_prog ]] || tsc_khz=$("$tsc_prog") || tsc_khz=''
fi
[[ -z $tsc_khz || $tsc_khz == 0 ]] || cmdline+=" tsc_early_khz=$tsc_khz"
cmdline+=" ${MVLAN_VM_APPEND:-}"
[[ $top_share -eq 1 ]] && cmdline+=" mvlantop=$top"
# shellcheck disable=SC2054 # commas are QEMU's
qemu_args=(
	-accel tcg -m "${MVLAN_VM_MEM:-1536}" -smp "${MVLAN_VM_SMP:-2}"
	-nodefaults -no-user-config -display none -no-reboot
	-kernel "$boot_kernel" -initrd "$initrd" -append "$cmdline"
	-chardev "file,id=con0,path=${outdir//,/,,}/console.log,append=on"
	-serial chardev:con0
	-virtfs local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap
	-virtfs "local,path=${outdir//,/,,},mount_tag=results,security_model=none"
)
[[ $top_share -eq 1 ]] &&
	qemu_args+=(-virtfs "local,path=$top,mount_tag=top,security_model=none,readonly=on,multidevs=remap")
# Two e1000e NICs (QEMU's 82574L: hardware time stamping, netpoll) on a hub
# of their own, a lower device for the tests that need one that veth is not
# (tests/netns/dev.bash, nic_pair); unbound until a test loads e1000e.
# shellcheck disable=SC2054 # commas are QEMU's
qemu_args+=(
	-netdev hubport,id=mvnic0,hubid=1 -device e1000e,netdev=mvnic0,mac=52:54:00:4d:56:01
	-netdev hubport,id=mvnic1,hubid=1 -device e1000e,netdev=mvnic1,mac=52:54:00:4d:56:02
)

echo "$prog: booting $kver under TCG, module $mod_base, ${#test_names[@]} test(s), output in $outdir" >&2
start=$SECONDS
qemu_pid='' tail_pid=''
cleanup_host() {
	[[ -n $tail_pid ]] && kill "$tail_pid" 2>/dev/null
	[[ -n $qemu_pid ]] && kill "$qemu_pid" 2>/dev/null
	return 0
}
trap cleanup_host EXIT
trap 'echo "$prog: interrupted" >&2; exit 130' INT TERM

# A guest that dies before it starts guest.sh (TCG is not flawless: e.g. a
# kernel oops while patching its own text at boot) has run nothing of ours
# yet: it is booted again, up to twice, and the log of the failure is kept.
attempt=1
while :; do
	timeout -k 10 "$total_timeout" "$qemu" "${qemu_args[@]}" </dev/null >"$outdir/qemu.log" 2>&1 &
	qemu_pid=$!
	# Live output: the whole console with --show, else the guest's report.
	stream=$outdir/report.log
	[[ $show == 1 ]] && stream=$outdir/console.log
	tail -n +1 -s 0.3 -F --pid="$qemu_pid" "$stream" 2>/dev/null &
	tail_pid=$!

	boot_failed=0
	while kill -0 "$qemu_pid" 2>/dev/null; do
		if [[ $boot_failed == 0 && ! -e $outdir/booted ]] && ((SECONDS - start > boot_timeout)); then
			boot_failed=1
			kill "$qemu_pid" 2>/dev/null || true
		fi
		sleep 0.5
	done
	qemu_rc=0
	wait "$qemu_pid" || qemu_rc=$?
	qemu_pid=
	wait "$tail_pid" 2>/dev/null || true
	tail_pid=
	[[ ! -e $outdir/booted && $attempt -lt 3 ]] || break
	mv "$outdir/console.log" "$outdir/console.boot-$attempt.log"
	echo "$prog: the guest did not boot (attempt $attempt): $(grep -m1 -E 'Oops|BUG:|panic' \
		"$outdir/console.boot-$attempt.log" || echo "no start within ${boot_timeout}s"); booting again" >&2
	: >"$outdir/console.log"
	attempt=$((attempt + 1))
	start=$SECONDS
done
elapsed=$((SECONDS - start))

# --- results -------------------------------------------------------------------
passed=0 failed=0
declare -A result=()
if [[ -f $outdir/results ]]; then
	while read -r status name; do
		[[ -n ${name:-} ]] && result[$name]=$status
	done <"$outdir/results"
fi
finished=0 current=''
[[ -f $outdir/done ]] && finished=1
[[ -f $outdir/current ]] && current=$(<"$outdir/current")
if [[ $finished == 0 ]]; then
	if [[ $boot_failed == 1 ]]; then
		echo "$prog: the guest did not start guest.sh within ${boot_timeout}s (MVLAN_VM_BOOT_TIMEOUT)"
	elif [[ $qemu_rc == 124 || $qemu_rc == 137 ]]; then
		echo "$prog: the guest was killed after the total timeout of ${total_timeout}s (-t)"
	elif [[ $qemu_rc == 0 ]]; then
		echo "$prog: the guest stopped early (kernel panic, or /init or guest.sh gave up: see the console log)"
	else
		echo "$prog: QEMU failed with exit status $qemu_rc"
	fi
	echo "$prog: the guest never wrote its results ($outdir/done missing): see $outdir/console.log"
fi
for name in "${test_names[@]}" rmmod; do
	case ${result[$name]:-} in
		PASS) passed=$((passed + 1)) ;;
		FAIL) failed=$((failed + 1)) ;;
		*)
			failed=$((failed + 1))
			echo "FAIL: $name"
			if [[ $name == "$current" ]]; then
				echo "  reason: no result, it was running when the guest stopped"
			else
				echo "  reason: no result, the guest did not get to it"
			fi
			;;
	esac
done

kernel_logs=()
if [[ -s $outdir/dmesg.log ]]; then
	kernel_logs+=("$outdir/dmesg.log")
else
	kernel_logs+=("$outdir/console.log")
fi
[[ -s $outdir/kmemleak.log ]] && kernel_logs+=("$outdir/kmemleak.log")
if bad=$("$vm_dir/check-kernel-log.sh" "${kernel_logs[@]}" 2>&1); then
	passed=$((passed + 1))
	echo "PASS: kernel-log"
else
	failed=$((failed + 1))
	echo "FAIL: kernel-log"
	printf '%s\n' "$bad"
fi

if [[ $failed -gt 0 ]]; then
	if [[ -s $outdir/qemu.log ]]; then
		echo "===== qemu.log ====="
		cat "$outdir/qemu.log"
	fi
	if [[ -s $outdir/dmesg.log ]]; then
		echo "===== guest kernel log ($outdir/dmesg.log) ====="
		cat "$outdir/dmesg.log"
	elif [[ $show == 0 ]]; then
		echo "===== guest console ($outdir/console.log) ====="
		cat "$outdir/console.log"
	fi
	echo "===== end of guest log ====="
fi
echo "$prog: guest run took ${elapsed}s (kernel $kver); files in $outdir" >&2
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
