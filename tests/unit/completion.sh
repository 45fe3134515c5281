#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Host tests of cli/completion/mvctl.bash: what it offers after each word,
# with stand-ins for mvctl and ip that know two mvlan devices (mv0, src0),
# three network devices and two network namespaces.
#
# Prints one "PASS: name" or "FAIL: name" line per case, then
# "N passed, N failed"; exits non-zero if a case failed.

TOP=$(cd "$(dirname "$0")/../.." && pwd)
passed=0
failed=0
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

# mvctl: "[-n NS] show" and "[-n NS] source NAME list"; in netns "blue"
# there is only "blue0"
cat >"$tmp/mvctl" <<'STUB'
#!/bin/sh
ns=
[ "$1" = -n ] && { ns=$2; shift 2; }
case $1 in
show)	if [ "$ns" = blue ]; then
		echo "blue0: ifindex 9 link eth9 mode vepa address 02:00:00:00:00:09"
	else
		echo "mv0: ifindex 7 link eth0 mode bridge address 02:00:00:00:00:07"
		echo "src0: ifindex 8 link eth0 mode source nodst address 02:00:00:00:00:08"
	fi ;;
source)	[ "$2" = src0 ] && printf '%s\n' \
		"02:00:00:00:10:01 packets 0 bytes 0" \
		"02:00:00:00:10:02 packets 3 bytes 294 last_seen_ms 10" ;;
esac
STUB
mkdir "$tmp/bin"
cat >"$tmp/bin/ip" <<'STUB'
#!/bin/sh
case "$*" in
"netns list")	printf 'blue (id: 0)\nred\n' ;;
*"-o link show")
	echo "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN"
	echo "2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq state UP"
	echo "7: mv0@eth0: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN" ;;
esac
STUB
chmod +x "$tmp/mvctl" "$tmp/bin/ip"
PATH=$tmp/bin:$PATH
touch "$tmp/macs.txt" "$tmp/macs.old"

# shellcheck source=../../cli/completion/mvctl.bash
. "$TOP/cli/completion/mvctl.bash"

# offers "LINE" WANT...: completing LINE (its last word is the current one,
# maybe empty) offers exactly WANT, in any order
offers() {
	local line=$1 got want

	shift
	read -r -a COMP_WORDS <<<"$line"
	[[ $line == *" " ]] && COMP_WORDS+=("")
	COMP_WORDS[0]=$tmp/mvctl
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	_mvctl
	got=$(printf '%s\n' "${COMPREPLY[@]}" | sed '/^$/d' | sort | tr '\n' ' ')
	want=$(printf '%s\n' "$@" | sed '/^$/d' | sort | tr '\n' ' ')
	if [[ $got == "$want" ]]; then
		echo "PASS: completion of \"$line\""
		passed=$((passed + 1))
	else
		echo "FAIL: completion of \"$line\""
		echo "  want: $want"
		echo "  got:  $got"
		failed=$((failed + 1))
	fi
}

offers "mvctl " add del mode source show stats monitor
offers "mvctl s" source show stats
offers "mvctl -" -j --json -p --pretty -n --netns -b --batch -f --force \
	-V --version -h --help
offers "mvctl --j" --json
offers "mvctl -j -p " add del mode source show stats monitor
offers "mvctl -n " blue red
offers "mvctl -b $tmp/macs.t" "$tmp/macs.txt"
offers "mvctl -b $tmp/macs.txt -" -j --json -p --pretty -n --netns \
	-b --batch -f --force -V --version -h --help
offers "mvctl add " ""
offers "mvctl add mv1 " link type mode nopromisc nodst hostbridge address mtu \
	bcqueuelen bclim
offers "mvctl add mv1 link " lo eth0 mv0
offers "mvctl add mv1 link eth0 " type mode nopromisc nodst hostbridge address mtu \
	bcqueuelen bclim
offers "mvctl add mv1 link eth0 mode bridge " type nopromisc nodst hostbridge \
	address mtu bcqueuelen bclim
offers "mvctl add mv1 hostbridge link eth0 " type mode nopromisc nodst address mtu \
	bcqueuelen bclim
offers "mvctl add mv1 link eth0 mode vepa " type nopromisc nodst address mtu \
	bcqueuelen bclim
offers "mvctl add mv1 link eth0 mode " private vepa bridge passthru source
offers "mvctl add mv1 link eth0 mode b" bridge
offers "mvctl add mv1 link eth0 mode source nodst " type nopromisc address \
	mtu bcqueuelen bclim
offers "mvctl add mv1 link eth0 type " mvlan mvtap
offers "mvctl add mv1 link eth0 type mvt" mvtap
offers "mvctl add mv1 link eth0 type mvtap " mode nopromisc nodst hostbridge address \
	mtu bcqueuelen bclim
offers "mvctl add mv1 link eth0 mtu " ""
offers "mvctl del " mv0 src0
offers "mvctl del m" mv0
offers "mvctl del mv0 " ""
offers "mvctl -n blue del " blue0
offers "mvctl --netns blue show " link blue0
offers "mvctl mode " mv0 src0
offers "mvctl mode src0 " private vepa bridge passthru source
offers "mvctl mode src0 source " nopromisc promisc nodst dst nohostbridge
offers "mvctl mode src0 source dst " nopromisc promisc nohostbridge
offers "mvctl mode src0 source promisc nodst " nohostbridge
offers "mvctl mode src0 source promisc nodst nohostbridge " ""
offers "mvctl mode mv0 bridge " nopromisc promisc nodst dst hostbridge \
	nohostbridge
offers "mvctl mode mv0 bridge h" hostbridge
offers "mvctl mode mv0 bridge hostbridge dst " nopromisc promisc
offers "mvctl source " mv0 src0
offers "mvctl source src0 " list add del set flush
offers "mvctl source src0 add " ""
offers "mvctl source src0 del " 02:00:00:00:10:01 02:00:00:00:10:02
offers "mvctl source src0 del 02:00:00:00:10:01 02:00:00:00:10:0" \
	02:00:00:00:10:01 02:00:00:00:10:02
offers "mvctl source src0 set " file
offers "mvctl source src0 set 02:00:00:00:10:01 " file
offers "mvctl source src0 set file $tmp/macs." "$tmp/macs.old" "$tmp/macs.txt"
offers "mvctl source src0 set file $tmp/macs.txt " ""
offers "mvctl show " link mv0 src0
offers "mvctl show link " lo eth0 mv0
offers "mvctl show mv0 " ""
offers "mvctl stats " mv0 src0
offers "mvctl monitor " ""

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
