#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# mvlan-vm: one-kernel, about 106 s
#
# The generic netlink family under fuzzing (tests/fuzz/genl_fuzz.c): random
# and malformed messages mixed with valid ones, from root, from uid 65534
# (every valid admin request must get EPERM) and from uid 65534 as root of a
# user namespace that owns a netns with its own devices. Afterwards every
# device still answers, the module's state is consistent (devices, ports,
# source counts as mvctl and ip see them agree), and everything deletes.
#
# MVLAN_FUZZ_COUNT: messages in all (default 20000): three quarters for
# root, an eighth for each of the other two callers. MVLAN_FUZZ_JOBS:
# root's fuzzers running at once, each with its share and its own seed
# (default 1). MVLAN_FUZZ_SEED: fixed seed (default: random, printed).
#
#   ns fz: lower0 (veth) <- pv (private), vp (vepa), br (bridge), src (source)
#          lower1 (veth) <- pt (passthru)
#          lower2 (veth) <- mac0 (the kernel's macvlan: not ours)
. "$(dirname "$0")/lib.bash"

count=${MVLAN_FUZZ_COUNT:-20000}
unpriv=$((count / 8))
count=$((count - 2 * unpriv))
jobs=${MVLAN_FUZZ_JOBS:-1}
seed=${MVLAN_FUZZ_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
fuzz=$TMPDIR/genl_fuzz
gcc -O2 -Wall -Wextra -Werror -o "$fuzz" "$TOP/tests/fuzz/genl_fuzz.c"
chmod 755 "$fuzz"
modprobe macvlan

netns_new fz
for i in 0 1 2; do
	ip -n fz link add "lower$i" type veth peer name "peer$i"
	ip -n fz link set dev "lower$i" up
done
on fz "$MVCTL" add pv link lower0 mode private
on fz "$MVCTL" add vp link lower0 mode vepa
on fz "$MVCTL" add br link lower0 mode bridge
on fz "$MVCTL" add src link lower0 mode source
on fz "$MVCTL" add pt link lower1 mode passthru
ip -n fz link add link lower2 name mac0 type macvlan mode bridge
for d in pv vp br src pt mac0; do
	ip -n fz link set dev "$d" up
done
on fz "$MVCTL" source src add 02:00:00:00:00:01 02:00:00:00:00:02

args=()
for d in pv vp br src pt mac0 lower0 lower1; do
	args+=(-i "$(ifindex fz "$d")")
done

# fuzz WANT CMD...: run the fuzzer; WANT mvlan devices must answer before
# and after
fuzz() {
	local want=$1 out

	shift
	out=$("$@") || { echo "$out"; fail "the fuzzer found a problem"; }
	echo "$out"
	[[ $out == *", $want mvlan devices answer, 0 failures" ]] ||
		fail "expected $want mvlan devices to answer"
}

# consistent NS: what mvctl and ip say of the devices agrees
consistent() {
	local ns=("${@}") d n

	for d in $("${ns[@]}" "$MVCTL" show | cut -d: -f1); do
		"${ns[@]}" ip -d link show dev "$d" | grep -qw mvlan ||
			fail "mvctl shows $d, ip does not know it as mvlan"
		n=$("${ns[@]}" "$MVCTL" source "$d" list 2>/dev/null | wc -l)
		if [[ $("${ns[@]}" "$MVCTL" mode "$d") == source* ]]; then
			expect_eq "$("${ns[@]}" "$MVCTL" -j show "$d" |
				python3 -c "import json,sys; d = json.load(sys.stdin); d = d[0] if isinstance(d, list) else d; print(d.get('source_count', 0))")" \
				"$n" "source count of $d"
		fi
	done
	"${ns[@]}" "$MVCTL" stats >/dev/null
}

step "root: $count messages in $jobs fuzzer(s), seed $seed"
pids=()
for ((j = 0; j < jobs; j++)); do
	fuzz 5 on fz "$fuzz" -n "$((count / jobs))" -s "$((seed + 16 * j))" \
		"${args[@]}" >"$TMPDIR/fuzz$j.out" 2>&1 &
	pids+=($!)
done
for ((j = 0; j < jobs; j++)); do
	rc=0
	wait "${pids[$j]}" || rc=$?
	cat "$TMPDIR/fuzz$j.out"
	((rc == 0)) || fail "fuzzer $j failed"
done
consistent on fz

step "uid 65534: $unpriv messages, admin requests refused"
NOBODY=(setpriv --reuid=65534 --regid=65534 --clear-groups)
sources_before=$(on fz "$MVCTL" source src list 2>/dev/null || true)
modes_before=$(on fz "$MVCTL" show)
fuzz 5 on fz "${NOBODY[@]}" "$fuzz" -u -n "$unpriv" -s "$((seed + 1))" "${args[@]}"
expect_eq "$(on fz "$MVCTL" show)" "$modes_before" "devices after uid 65534's fuzzing"
expect_eq "$(on fz "$MVCTL" source src list 2>/dev/null || true)" "$sources_before" \
	"source list after uid 65534's fuzzing"

step "uid 65534 owning a user and a network namespace: $unpriv messages"
modprobe veth
# shellcheck disable=SC2016 # expanded by the inner bash
fuzz 2 "${NOBODY[@]}" unshare --user --map-root-user --net bash -c '
	set -e
	ip link add l0 type veth peer name p0
	ip link set l0 up
	"$4" add m0 link l0 mode source
	"$4" add m1 link l0 mode bridge
	args=()
	for d in m0 m1 l0; do
		args+=(-i "$(ip -o link show dev "$d" | cut -d: -f1)")
	done
	"$1" -n "$2" -s "$3" "${args[@]}"
	ip link del m0
	ip link del m1
' userns "$fuzz" "$unpriv" "$((seed + 2))" "$MVCTL"

step "afterwards: every device answers and deletes"
consistent on fz
for d in pv vp br src pt; do
	on fz "$MVCTL" show "$d" >/dev/null
	ip -n fz link del dev "$d"
done
expect_eq "$(on fz "$MVCTL" show)" "" "mvlan devices left"
echo ok
