#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Dumps that a change interrupts (NLM_F_DUMP_INTR) are read again from the
# start: a list of 20000 entries (about 60 dump messages), listed while
# another process keeps adding and removing one entry, always reads back
# as one of its two states, complete, sorted and without repeats; never a
# mix. At worst mvctl gives up with its message after 5 tries in a row.
#
#   ns low: src1 (source) on lower0 (veth)
#
. "$(dirname "$0")/mvctl-lib.bash"

netns_new low
ip -n low link add lower0 type veth peer name peer0
mvc low add src1 link lower0 mode source
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "02:00:00:00:%02x:%02x\n", i / 256, i % 256 }' \
	>"$TMPDIR/macs"
mvc low source src1 set file "$TMPDIR/macs"
sort "$TMPDIR/macs" >"$TMPDIR/state-a"
{ cat "$TMPDIR/macs"; echo 02:00:00:ff:ff:ff; } | sort >"$TMPDIR/state-b"

step "list while the list changes"
(
	while [[ ! -e $TMPDIR/stop ]]; do
		"$MVCTL" -n low source src1 add 02:00:00:ff:ff:ff
		"$MVCTL" -n low source src1 del 02:00:00:ff:ff:ff
	done
) &
churn=$!
GAVE_UP='mvctl: cannot list the source addresses of src1: Resource temporarily unavailable: the dump was interrupted by changes 5 times in a row'
a=0 b=0 gave_up=0
for i in $(seq 8); do
	rc=0
	mvc low source src1 >"$TMPDIR/list" 2>"$TMPDIR/err" || rc=$?
	if ((rc != 0)); then
		expect_eq "$(cat "$TMPDIR/err")" "$GAVE_UP" "listing $i failed"
		gave_up=$((gave_up + 1))
		continue
	fi
	cut -d' ' -f1 "$TMPDIR/list" >"$TMPDIR/got"
	if cmp -s "$TMPDIR/got" "$TMPDIR/state-a"; then
		a=$((a + 1))
	elif cmp -s "$TMPDIR/got" "$TMPDIR/state-b"; then
		b=$((b + 1))
	else
		fail "listing $i is neither state: $(wc -l <"$TMPDIR/got") entries, $(sort -u "$TMPDIR/got" | wc -l) distinct"
	fi
	json=$(mvc low -j source src1 2>/dev/null) || continue
	n=$(grep -o '"address"' <<<"$json" | wc -l)
	[[ $n == 20000 || $n == 20001 ]] || fail "JSON listing $i has $n entries"
done
touch "$TMPDIR/stop"
wait "$churn"
echo "   $a listings of the first state, $b of the second, $gave_up gave up"
((a + b > 0)) || fail "no listing succeeded"
echo "ok"
