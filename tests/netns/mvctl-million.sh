#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# mvlan-vm: one-kernel, about 67 s
#
# A source list of 1,000,000 addresses: "source set file" sends it as one
# transaction of 250 requests, "source list" reads back exactly as many,
# sorted, in text and in JSON, and the counts of show and stats agree;
# then the list is replaced by a short one, atomically. Each step's time is
# printed: under TCG the kernel takes about 12 s to commit the list, and
# the test about 80 s in all.
#
#   ns low: src1 (source) on lower0 (veth)
#
. "$(dirname "$0")/mvctl-lib.bash"

N=1000000
netns_new low
ip -n low link add lower0 type veth peer name peer0
mvc low add src1 link lower0 mode source

# timed WHAT CMD...: runs CMD, prints how long it took
timed() {
	local what=$1 t0=$EPOCHREALTIME

	shift
	"$@"
	echo "   $what: $(elapsed_ms "$t0") ms" >&2
}

step "a file of $N addresses, in descending order, with comments"
# 02:00:00:0f:42:3f (999999) down to 02:00:00:00:00:00; a table of hex
# digits rather than printf: three times faster under TCG
timed "writing the file" awk -v n=$N 'BEGIN {
	print "# one million hosts"
	for (i = 0; i < 256; i++)
		h[i] = sprintf("%02x", i)
	for (a = 15; a >= 0; a--)
		for (b = 255; b >= 0; b--) {
			if (b % 64 == 0)
				print ""
			for (c = 255; c >= 0; c--)
				if (a * 65536 + b * 256 + c < n)
					print "02:00:00:" h[a] ":" h[b] ":" h[c]
		}
}' >"$TMPDIR/macs"
expect_eq "$(grep -c : "$TMPDIR/macs")" $N "addresses in the file"

step "source set file: one transaction"
timed "source set file" mvc low source src1 set file "$TMPDIR/macs"

step "source list: all of them, sorted"
timed "source list" mvc low source src1 list >"$TMPDIR/list"
expect_eq "$(wc -l <"$TMPDIR/list")" $N "entries listed"
expect_eq "$(head -n 1 "$TMPDIR/list")" "02:00:00:00:00:00 packets 0 bytes 0" "first entry"
expect_eq "$(tail -n 1 "$TMPDIR/list")" "02:00:00:0f:42:3f packets 0 bytes 0" "last entry"
expect_eq "$(cut -d' ' -f1 "$TMPDIR/list" | uniq | wc -l)" $N "distinct entries"

step "-j source list: the same count"
timed "-j source list" mvc low -j source src1 list >"$TMPDIR/list.json"
expect_eq "$(json_len <"$TMPDIR/list.json")" $N "entries of the JSON array"

step "show and stats count them too"
expect_eq "$(mvc low -j show src1 | json_get 'j[0]["source_count"]')" $N \
	"source_count of show"
expect_eq "$(mvc low -j stats src1 | json_get 'j["ports"][0]["source_entries"]')" $N \
	"source_entries of the port"

step "replaced by two addresses, atomically"
timed "source set (2)" mvc low source src1 set 02:00:00:aa:00:01 02:00:00:aa:00:02
ok "source list" \
"02:00:00:aa:00:01 packets 0 bytes 0
02:00:00:aa:00:02 packets 0 bytes 0" mvc low source src1

step "flush"
timed "source flush" mvc low source src1 flush
expect_eq "$(mvc low -j source src1)" "[]" "list after flush"
expect_eq "$(mvc low -j show src1 | json_get 'j[0]["source_count"]')" 0 \
	"source_count after flush"
mvc low del src1
echo "ok"
