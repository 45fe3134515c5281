# SPDX-License-Identifier: GPL-2.0-or-later
# Helpers of the mvctl-*.sh scenario scripts, on top of lib.bash. Sourced.
. "$(dirname "${BASH_SOURCE[0]}")/lib.bash"

# mvc NS ARGS...: mvctl -n NS: cheaper than ip netns exec, which mounts a
# sysfs each time
mvc() {
	local ns=$1

	shift
	"$MVCTL" -n "$ns" "$@"
}

# ok WHAT EXPECTED CMD...: CMD succeeds, prints EXPECTED on stdout (the
# final newline aside) and nothing on stderr
ok() {
	local what=$1 want=$2 out err rc=0

	shift 2
	out=$("$@" 2>"$TMPDIR/mvctl-err") || rc=$?
	err=$(<"$TMPDIR/mvctl-err")
	expect_eq "$rc" 0 "exit status of $what (stderr: $err)"
	expect_eq "$err" "" "stderr of $what"
	expect_eq "$out" "$want" "output of $what"
}

# refused WHAT STATUS MESSAGE CMD...: CMD fails with exit status STATUS,
# MESSAGE on stderr and nothing on stdout
refused() {
	local what=$1 status=$2 msg=$3 out err rc=0

	shift 3
	out=$("$@" 2>"$TMPDIR/mvctl-err") || rc=$?
	err=$(<"$TMPDIR/mvctl-err")
	expect_eq "$rc" "$status" "exit status of $what (stderr: $err)"
	expect_eq "$err" "$msg" "stderr of $what"
	expect_eq "$out" "" "stdout of $what"
}

# pretty JSON: what python3 -m json.tool --indent 2 makes of it
pretty() {
	python3 -c 'import json, sys
print(json.dumps(json.load(sys.stdin), indent=2))'
}

# json_len: the length of the JSON array on stdin
json_len() {
	python3 -c 'import json, sys; print(len(json.load(sys.stdin)))'
}

# json_get EXPR: a Python expression of the JSON value j on stdin
json_get() {
	python3 -c 'import json, sys; j = json.load(sys.stdin); print('"$1"')'
}

# elapsed_ms START: milliseconds since START, an $EPOCHREALTIME
elapsed_ms() {
	local now=$EPOCHREALTIME

	echo $(((${now/./} - ${1/./}) / 1000))
}
