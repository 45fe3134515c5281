#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# tests/vm/deps.sh: install the Debian packages needed to build mvlan and run
# its tests in QEMU (tests/vm/run.sh).  Idempotent: installs only what is
# missing, runs "apt-get update" only if something must be installed, and
# prints a single line when everything is already there.
#
# usage: tests/vm/deps.sh [--all | --lint | --only PKG...]
#   --all   also the kernels only "make check-all" runs on (6.12 PREEMPT_RT)
#   --lint  also the static analysers "make lint" runs (tests/lint.sh)
#   --only  these packages instead (tests/vm/build-debug-kernel.sh)
set -euo pipefail

pkgs=(
	# kernels and headers the module is built and tested against
	linux-image-amd64 linux-headers-amd64
	linux-image-6.12-amd64 linux-headers-6.12-amd64
	# the VM: QEMU, the initramfs (busybox, cpio, module decompression),
	# readelf to boot the kernel through PVH, kmod for modprobe/insmod
	qemu-system-x86 busybox-static cpio xz-utils zstd binutils kmod
	# building the module and the CLI
	gcc make libc6-dev pkg-config libnl-3-dev libnl-genl-3-dev libnl-route-3-dev
	# the CNI plugin's JSON
	libjson-c-dev
	# used by the tests inside the guest; the kernel's YNL client comes
	# out of linux-source-6.12 and needs python3-yaml; its code generator
	# (tests/tools/ynl-check.sh) python3-jsonschema
	iproute2 iputils-ping python3 python3-yaml python3-jsonschema tcpdump ethtool procps util-linux
	linux-source-6.12
	# the CNI plugin's tests: the reference plugins (macvlan, host-local,
	# static, tuning) and a real engine, podman with its runtime
	containernetworking-plugins podman conmon crun
	# man page lint
	mandoc
	# the ip plugin's tests: strace sees what ip sends; jq
	strace jq
	# TCP and UDP in the hostbridge tests and tests/bench/hostbridge.sh
	iperf3
	# "make dkms-install" and its test (tests/install/install.sh)
	dkms
)

case ${1:-} in
	'') ;;
	--all) pkgs+=(linux-image-6.12-rt-amd64 linux-headers-6.12-rt-amd64) ;;
	--lint)
		# sparse for C=2, cppcheck and clang-tidy, clang with its
		# libFuzzer and sanitizer runtimes, pyflakes for the test agents
		pkgs+=(sparse cppcheck clang clang-tidy libclang-rt-14-dev python3-pyflakes)
		;;
	--only) shift; pkgs=("$@") ;;
	*) echo "usage: $0 [--all | --lint | --only PKG...]" >&2; exit 2 ;;
esac

missing=()
for p in "${pkgs[@]}"; do
	status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
	[[ $status == installed ]] || missing+=("$p")
done

if [[ ${#missing[@]} -eq 0 ]]; then
	echo "deps: all present"
	exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
	echo "deps: missing ${missing[*]}; run as root to install them" >&2
	exit 1
fi
echo "deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
echo "deps: done"
