#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The YNL spec checked, not trusted: feeds uapi/mvlan.yaml to the kernel's
# own code generator (ynl-gen-c.py of linux-source-6.12, extracted by
# ynl-extract.sh), which validates it against the genetlink-legacy schema,
# and checks that
#   - the uapi header it generates agrees with uapi/linux/mvlan.h, name for
#     name and value for value, both ways (ynl-hdrcmp.py); MVTAP_LINK_KIND
#     alone is out of the spec's reach (the generator prefixes every const
#     with the family's name, MVLAN_);
#   - the policies it renders (ynl-gen.py) are kmod/nl_gen.c and
#     kmod/nl_gen.h as committed: the module's policies are the spec's.
#
# usage: ynl-check.sh [-w] [-s SPEC] [-H HEADER] [-k KMOD_DIR]
#   -w  write the generated policies to KMOD_DIR instead of comparing
#   -s, -H, -k  check other files than the tree's (the unit test changes
#       copies to see the check fail)
# Prints what disagrees; exit status 0 when all agrees, 1 when not, 2 on a
# usage error.
set -uo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
spec=$top/uapi/mvlan.yaml
header=$top/uapi/linux/mvlan.h
kmod=$top/kmod
write=0

while getopts "ws:H:k:" opt; do
	case $opt in
	w) write=1 ;;
	s) spec=$OPTARG ;;
	H) header=$OPTARG ;;
	k) kmod=$OPTARG ;;
	*) echo "usage: ynl-check.sh [-w] [-s SPEC] [-H HEADER] [-k KMOD_DIR]" >&2; exit 2 ;;
	esac
done

"$top/tests/tools/ynl-extract.sh" || exit 1
# Debian's, with the python3-yaml and python3-jsonschema of tests/vm/deps.sh
python=/usr/bin/python3
ynl=$top/build/ynl
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

# A kernel-like tree for the generator: it takes the schema from the spec's
# ../genetlink-legacy.yaml, looks up for MAINTAINERS to name the spec, and
# refuses any license but the kernel's specs' own. Ours is the header's,
# (GPL-2.0 WITH Linux-syscall-note) OR MIT: the staged copy says the
# kernel's, the generated kmod files the spec's.
license=$(sed -n '1s/^# SPDX-License-Identifier: //p' "$spec")
[[ -n $license ]] || { echo "$spec: no SPDX-License-Identifier on its first line"; exit 1; }
mkdir -p "$tmp/tree/Documentation/netlink/specs"
touch "$tmp/tree/MAINTAINERS"
cp "$ynl/Documentation/netlink/genetlink-legacy.yaml" "$tmp/tree/Documentation/netlink/"
staged=$tmp/tree/Documentation/netlink/specs/mvlan.yaml
sed '1s/.*/# SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause)/' \
	"$spec" >"$staged"

# the exception a python program ended with, or its last lines
why() {
	grep -E '^[[:alnum:]_.]*(Error|Exception): ' "$1" | tail -n 1 | grep . ||
		tail -n 5 "$1"
}

if ! "$python" "$ynl/tools/net/ynl/ynl-gen-c.py" --mode uapi --header \
	--spec "$staged" -o "$tmp/mvlan.h" >"$tmp/log" 2>&1; then
	echo "ynl-gen-c.py refuses $spec:"
	why "$tmp/log" | sed 's/^/  /'
	exit 1
fi
if ! "$python" "$top/tests/tools/ynl-gen.py" "$ynl/tools/net/ynl" "$staged" "$license" \
	"$tmp/nl_gen.c" "$tmp/nl_gen.h" >"$tmp/log" 2>&1; then
	echo "ynl-gen.py cannot render the policies of $spec:"
	why "$tmp/log" | sed 's/^/  /'
	exit 1
fi

if [[ $write -eq 1 ]]; then
	cp "$tmp/nl_gen.c" "$tmp/nl_gen.h" "$kmod/"
	echo "ynl-check: wrote $kmod/nl_gen.c and $kmod/nl_gen.h"
	exit 0
fi

rc=0
if ! "$python" "$top/tests/tools/ynl-hdrcmp.py" --allow MVTAP_LINK_KIND \
	"$header" "$tmp/mvlan.h" >"$tmp/cmp" 2>&1; then
	echo "$header and the header generated from $spec disagree:"
	sed 's/^/  /' "$tmp/cmp"
	rc=1
fi
for f in nl_gen.c nl_gen.h; do
	if ! diff -u "$kmod/$f" "$tmp/$f" >"$tmp/diff" 2>&1; then
		echo "$kmod/$f is not what $spec generates (tests/tools/ynl-check.sh -w):"
		sed 's/^/  /' "$tmp/diff"
		rc=1
	fi
done
exit $rc
