#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Extract the kernel's own YNL client (tools/net/ynl) and the genetlink
# schemas from Debian's linux-source-6.12 into build/ynl, once. The VM tests
# drive the mvlan family with it: a client nobody here wrote.
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
out=$top/build/ynl
tarball=$(ls /usr/src/linux-source-6.12*.tar.xz 2>/dev/null | sort -V | tail -n 1)

[[ -f $out/.done ]] && exit 0
[[ -n $tarball ]] || { echo "ynl-extract: linux-source-6.12 is not installed (make deps)" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out"
tar -C "$out" --strip-components=1 -xJf "$tarball" \
	--wildcards '*/tools/net/ynl/cli.py' '*/tools/net/ynl/lib/*.py' \
	'*/Documentation/netlink/genetlink*.yaml'
touch "$out/.done"
