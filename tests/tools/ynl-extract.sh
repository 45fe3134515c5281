#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Extract the kernel's own YNL tools (tools/net/ynl) and the genetlink
# schemas from Debian's linux-source-6.12 into build/ynl, once. The VM tests
# drive the mvlan family with its client (cli.py, lib/): a client nobody
# here wrote. tests/tools/ynl-check.sh feeds uapi/mvlan.yaml to its code
# generator (ynl-gen-c.py), which validates the spec against the schema.
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
out=$top/build/ynl
tarball=$(ls /usr/src/linux-source-6.12*.tar.xz 2>/dev/null | sort -V | tail -n 1)
members=(
	'*/tools/net/ynl/cli.py' '*/tools/net/ynl/ynl-gen-c.py' '*/tools/net/ynl/lib/*.py'
	'*/Documentation/netlink/genetlink*.yaml'
)

# the stamp names what was extracted: a tree from an older list is redone
[[ -f $out/.done && $(<"$out/.done") == "${members[*]}" ]] && exit 0
[[ -n $tarball ]] || { echo "ynl-extract: linux-source-6.12 is not installed (make deps)" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out"
tar -C "$out" --strip-components=1 -xJf "$tarball" --wildcards "${members[@]}"
echo "${members[*]}" >"$out/.done"
