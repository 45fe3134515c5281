#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The YNL spec against the header and the module, on the host: the kernel's
# generator (ynl-gen-c.py of linux-source-6.12) reads uapi/mvlan.yaml, the
# header it makes agrees with uapi/linux/mvlan.h and the policies it renders
# are kmod/nl_gen.[ch] (tests/tools/ynl-check.sh). Then the check is shown
# to fail: on copies of the header, the spec and the generated file, each
# changed one way, it must fail and name what differs.
#
# Prints one "PASS: name" or "FAIL: name" line per case, then
# "N passed, N failed"; exits non-zero if a case failed.

TOP=$(cd "$(dirname "$0")/../.." && pwd)
CHECK=$TOP/tests/tools/ynl-check.sh

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

# result NAME OK: a PASS line, or a FAIL line with the check's report
result() {
	if [ "$2" = ok ]; then
		passed=$((passed + 1))
		echo "PASS: $1"
		return
	fi
	failed=$((failed + 1))
	echo "FAIL: $1"
	sed 's/^/    | /' "$tmp/out"
}

# A copy of the tree without the module and the tools (make lint's
# sanitizer run copies cli/, uapi/ and tests/unit/ only) has nothing to check.
if [ ! -x "$CHECK" ] || [ ! -d "$TOP/kmod" ]; then
	echo "# no kmod/ or tests/tools/ in $TOP: nothing to check here"
	echo "0 passed, 0 failed"
	exit 0
fi

# agree NAME ARGS...: ynl-check.sh ARGS passes
agree() {
	name=$1
	shift
	ok=ok
	"$CHECK" "$@" >"$tmp/out" 2>&1 || ok=no
	result "$name" $ok
}

# disagree NAME LINE ARGS...: ynl-check.sh ARGS fails, and says LINE (a
# fixed string, at the start of a line of its report)
disagree() {
	name=$1
	line=$2
	shift 2
	"$CHECK" "$@" >"$tmp/out" 2>&1
	rc=$?
	ok=ok
	if [ "$rc" -ne 1 ] || ! grep -qF -- "$line" "$tmp/out"; then
		echo "(exit status $rc, expected 1 and a line: $line)" >>"$tmp/out"
		ok=no
	fi
	result "$name" $ok
}

# copy FILE SED-SCRIPT: a changed copy of FILE in $tmp, which must differ
copy() {
	out=$tmp/$(basename "$1").$(($(ls "$tmp" | wc -l) + 1))
	sed "$2" "$1" >"$out"
	if cmp -s "$1" "$out"; then
		echo "ynl.sh: the change '$2' does not change $1" >&2
		exit 1
	fi
	echo "$out"
}

H=$TOP/uapi/linux/mvlan.h
S=$TOP/uapi/mvlan.yaml

agree "ynl: the generator reads the spec; header and kmod/nl_gen.[ch] agree with it"

disagree "ynl: a value changed in the header" \
	"  MVLAN_BC_CUTOFF_DEFAULT: 2 in $tmp/" \
	-H "$(copy "$H" 's/^#define MVLAN_BC_CUTOFF_DEFAULT\t\t1$/#define MVLAN_BC_CUTOFF_DEFAULT\t\t2/')"
disagree "ynl: a define only in the header" \
	"  MVLAN_F_EXTRA: in $tmp/" \
	-H "$(copy "$H" 's/^#define MVLAN_F_ALL\t.*/&\n#define MVLAN_F_EXTRA 8/')"
disagree "ynl: an enum entry missing from the header" \
	"  enum mvlan_macaddr_mode: MVLAN_MACADDR_SET is a member in " \
	-H "$(copy "$H" '/^\tMVLAN_MACADDR_SET,$/d')"
disagree "ynl: the name out of the spec's reach missing from the header" \
	"  MVTAP_LINK_KIND: allowed as out of the spec's reach, yet not in $tmp/" \
	-H "$(copy "$H" '/^#define MVTAP_LINK_KIND/d')"

disagree "ynl: a value changed in the spec" \
	"  MVLAN_BC_QUEUE_LEN_DEFAULT: 1000 in $H, 1001 in " \
	-s "$(copy "$S" 's/^    value: 1000$/    value: 1001/')"
disagree "ynl: an attribute added to the spec" \
	"  MVLAN_PORT_A_EXTRA: in " \
	-s "$(copy "$S" 's/^      - { name: source-entries, type: u32 }$/&\n      - { name: extra, type: u32 }/')"
disagree "ynl: a policy changed in the spec" \
	"$TOP/kmod/nl_gen.c is not what " \
	-s "$(copy "$S" '/^        name: ifindex$/,/min: 1/s/min: 1/min: 2/')"
disagree "ynl: a request's attributes changed in the spec" \
	"$TOP/kmod/nl_gen.h is not what " \
	-s "$(copy "$S" 's/^          attributes: \[ ifindex, ifname, mode, flags, bc-queue-len, bc-cutoff \]$/          attributes: [ ifindex, ifname, mode, flags, bc-queue-len ]/')"
disagree "ynl: a spec the generator's schema refuses" \
	"ynl-gen-c.py refuses " \
	-s "$(copy "$S" 's/^        name: ifindex$/&\n        kind: u32/')"

mkdir "$tmp/kmod"
cp "$TOP/kmod/nl_gen.h" "$tmp/kmod/"
sed 's/NLA_POLICY_MASK(NLA_U32, 0x1f)/NLA_POLICY_MASK(NLA_U32, 0xf)/' \
	"$TOP/kmod/nl_gen.c" >"$tmp/kmod/nl_gen.c"
disagree "ynl: a hand edit of the generated policies" \
	"$tmp/kmod/nl_gen.c is not what " \
	-k "$tmp/kmod"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
