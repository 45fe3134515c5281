#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# mvlan-vm: one-kernel, about 47 s
#
# Every mvctl command, in text and in JSON, against exact expected output:
# add with every keyword, show (all, one, by lower device, pretty), mode,
# source list/add/del/set/flush with hit counters, stats with drop
# reasons and ports, del, and -n.
#
#   ns low: mv1 (bridge), src1 (source nodst)   pt1 (passthru)
#              \             /                    |
#               lower0 (veth) ------------------------ ns sw: eth0 10.0.0.254/24
#                                                 |    (02:00:00:00:10:01)
#                                             lower1 (veth) --- ns sw: eth1
#   ns a: where mv1 goes at the end
#
. "$(dirname "$0")/mvctl-lib.bash"

netns_new low sw a
ip -n low link add lower0 type veth peer name eth0 netns sw
ip -n low link add lower1 type veth peer name eth1 netns sw
ip -n low link set lower0 up
ip -n sw link set eth0 address 02:00:00:00:10:01
ip -n sw addr add 10.0.0.254/24 dev eth0
ip -n sw link set eth0 up
low_if=$(ifindex low lower0)
low1_if=$(ifindex low lower1)

step "add with every keyword"
ok "add mv1" "" mvc low add mv1 link lower0 mode bridge \
	address 02:00:00:00:00:01 mtu 1400 bcqueuelen 100 bclim -1
ok "add src1" "" mvc low add src1 nodst mode source link lower0 \
	address 02:00:00:00:00:02
ok "add pt1" "" mvc low add pt1 link lower1 mode passthru nopromisc
mv1_if=$(ifindex low mv1)
src1_if=$(ifindex low src1)
pt1_if=$(ifindex low pt1)
expect_eq "$(on low cat /sys/class/net/mv1/mtu)" 1400 "mtu of mv1"
expect_eq "$(on low cat /sys/class/net/src1/mtu)" 1500 "mtu of src1 (the lower's)"
expect_eq "$(mac low pt1)" "$(mac low lower1)" "passthru takes the lower's address"
pt1_mac=$(mac low pt1)

step "show: text"
ok "show" \
"mv1: ifindex $mv1_if link lower0 mode bridge address 02:00:00:00:00:01
src1: ifindex $src1_if link lower0 mode source nodst address 02:00:00:00:00:02
pt1: ifindex $pt1_if link lower1 mode passthru nopromisc address $pt1_mac" \
	mvc low show
ok "show src1" \
	"src1: ifindex $src1_if link lower0 mode source nodst address 02:00:00:00:00:02" \
	mvc low show src1
ok "show link lower1" \
	"pt1: ifindex $pt1_if link lower1 mode passthru nopromisc address $pt1_mac" \
	mvc low show link lower1
ok "show link lower0" \
"mv1: ifindex $mv1_if link lower0 mode bridge address 02:00:00:00:00:01
src1: ifindex $src1_if link lower0 mode source nodst address 02:00:00:00:00:02" \
	mvc low show link lower0
ok "show link lo: no devices on it" "" mvc low show link lo
ok "-n low show src1" \
	"src1: ifindex $src1_if link lower0 mode source nodst address 02:00:00:00:00:02" \
	"$MVCTL" -n low show src1

step "show: JSON, with the optional keys at the end"
mv1_json="{\"ifname\":\"mv1\",\"ifindex\":$mv1_if,\"link\":\"lower0\",\"link_ifindex\":$low_if,\"type\":\"mvlan\",\"mode\":\"bridge\",\"flags\":[],\"address\":\"02:00:00:00:00:01\",\"bcqueuelen\":100,\"bcqueuelen_used\":1000,\"bclim\":-1,\"source_count\":0}"
src1_json="{\"ifname\":\"src1\",\"ifindex\":$src1_if,\"link\":\"lower0\",\"link_ifindex\":$low_if,\"type\":\"mvlan\",\"mode\":\"source\",\"flags\":[\"nodst\"],\"address\":\"02:00:00:00:00:02\",\"bcqueuelen\":1000,\"bcqueuelen_used\":1000,\"bclim\":-1,\"source_count\":0}"
pt1_json="{\"ifname\":\"pt1\",\"ifindex\":$pt1_if,\"link\":\"lower1\",\"link_ifindex\":$low1_if,\"type\":\"mvlan\",\"mode\":\"passthru\",\"flags\":[\"nopromisc\"],\"address\":\"$pt1_mac\",\"bcqueuelen\":1000,\"bcqueuelen_used\":1000,\"bclim\":1,\"source_count\":0}"
ok "-j show" "[$mv1_json,$src1_json,$pt1_json]" mvc low -j show
ok "-j show mv1" "[$mv1_json]" mvc low -j show mv1
ok "-j show link lower1" "[$pt1_json]" mvc low -j show link lower1
ok "-j show link lo" "[]" mvc low -j show link lo
ok "-j -p show" "$(mvc low -j show | pretty)" mvc low -j -p show
ok "-p alone changes nothing" "$(mvc low show)" mvc low -p show

step "mode: print, change, flags kept unless named"
ok "mode mv1" "bridge" mvc low mode mv1
ok "mode src1" "source nodst" mvc low mode src1
ok "mode pt1" "passthru nopromisc" mvc low mode pt1
ok "-j mode src1" '{"ifname":"src1","mode":"source","flags":["nodst"]}' \
	mvc low -j mode src1
ok "-j -p mode src1" \
'{
  "ifname": "src1",
  "mode": "source",
  "flags": [
    "nodst"
  ]
}' mvc low -j -p mode src1
ok "mode mv1 private" "" mvc low mode mv1 private
ok "mode mv1 after" "private" mvc low mode mv1
ok "mode mv1 vepa nodst" "" mvc low mode mv1 vepa nodst
ok "mode mv1: nodst is kept" "vepa nodst" mvc low mode mv1
ok "mode mv1 bridge dst" "" mvc low mode mv1 bridge dst
ok "mode mv1: back to bridge" "bridge" mvc low mode mv1
ok "mode pt1 passthru promisc" "" mvc low mode pt1 passthru promisc
ok "mode pt1 after" "passthru" mvc low mode pt1
ok "mode pt1 passthru nopromisc" "" mvc low mode pt1 passthru nopromisc
# the output of "mode NAME" is words "mode NAME MODE" takes
# shellcheck disable=SC2046 # words on purpose
ok "mode copied with \$(mvctl mode)" "" \
	mvc low mode mv1 $(mvc low mode src1 | sed 's/^source/vepa/')
ok "mode mv1 copied" "vepa nodst" mvc low mode mv1
ok "mode mv1 bridge dst" "" mvc low mode mv1 bridge dst

step "source: add, list, del, set, flush"
ok "source src1 (empty)" "" mvc low source src1
ok "-j source src1 list (empty)" "[]" mvc low -j source src1 list
ok "source add" "" mvc low source src1 add 02:00:00:00:20:02 02:00:00:00:20:01
ok "source add: a listed address is no error" "" \
	mvc low source src1 add 02:00:00:00:20:01 02:00:00:00:20:03
ok "source src1 list" \
"02:00:00:00:20:01 packets 0 bytes 0
02:00:00:00:20:02 packets 0 bytes 0
02:00:00:00:20:03 packets 0 bytes 0" mvc low source src1 list
ok "source del" "" mvc low source src1 del 02:00:00:00:20:02 02:00:00:00:20:09
ok "-j source src1" \
	'[{"address":"02:00:00:00:20:01","packets":0,"bytes":0},{"address":"02:00:00:00:20:03","packets":0,"bytes":0}]' \
	mvc low -j source src1
ok "-j show src1: source_count" "[${src1_json/\"source_count\":0/\"source_count\":2}]" \
	mvc low -j show src1
printf '# the new list\n\n02:00:00:00:30:02\n  02:00:00:00:30:01\n02:00:00:00:30:02\n' \
	>"$TMPDIR/macs"
ok "source set MAC file FILE" "" \
	mvc low source src1 set 02:00:00:00:30:03 file "$TMPDIR/macs"
ok "source list after set" \
"02:00:00:00:30:01 packets 0 bytes 0
02:00:00:00:30:02 packets 0 bytes 0
02:00:00:00:30:03 packets 0 bytes 0" mvc low source src1 list
ok "source set file - (stdin)" "" \
	bash -c "echo 02:00:00:00:40:01 | $(printf '%q ' "$MVCTL") -n low source src1 set file -"
ok "source list after set from stdin" "02:00:00:00:40:01 packets 0 bytes 0" \
	mvc low source src1
ok "source flush" "" mvc low source src1 flush
ok "source list after flush" "" mvc low source src1
ok "source set with nothing empties" "" mvc low source src1 add 02:00:00:00:40:01
ok "source set (empty)" "" mvc low source src1 set
ok "source list after an empty set" "[]" mvc low -j source src1

step "source hit counters: 3 frames of 98 bytes from eth0 (02:00:00:00:10:01)"
ok "source set" "" mvc low source src1 set 02:00:00:00:10:01 02:00:00:00:10:99
ip -n low link set src1 up
# a static neighbour: nothing but the echo requests leaves eth0
ip -n sw neigh add 10.0.0.9 lladdr 02:00:00:00:00:99 dev eth0 nud permanent
on sw ping -n -q -c 3 -i 0.2 -W 0.2 10.0.0.9 >/dev/null 2>&1 || true
# last_seen_ms: only for the entry that matched, and recent
list=$(mvc low source src1)
[[ $list =~ ^"02:00:00:00:10:01 packets 3 bytes 294 last_seen_ms "([0-9]+)$'\n'"02:00:00:00:10:99 packets 0 bytes 0"$ ]] ||
	fail "source list with counters: $list"
((BASH_REMATCH[1] < 60000)) || fail "last_seen_ms too large: $list"
list=$(mvc low -j source src1)
[[ $list =~ ^'[{"address":"02:00:00:00:10:01","packets":3,"bytes":294,"last_seen_ms":'[0-9]+'},{"address":"02:00:00:00:10:99","packets":0,"bytes":0}]'$ ]] ||
	fail "-j source list with counters: $list"

step "stats: counters, drop reasons, ports"
stats_src1="src1: ifindex $src1_if rx_packets 3 rx_bytes 294 rx_multicast 0 rx_errors 0 rx_dropped 0 tx_packets 0 tx_bytes 0 tx_dropped 0 drop_dev_down 0 drop_nomem 0 drop_filtered 3 drop_backlog 0"
stats_mv1="mv1: ifindex $mv1_if rx_packets 0 rx_bytes 0 rx_multicast 0 rx_errors 0 rx_dropped 0 tx_packets 0 tx_bytes 0 tx_dropped 0 drop_dev_down 0 drop_nomem 0 drop_filtered 0 drop_backlog 0"
stats_pt1="pt1: ifindex $pt1_if rx_packets 0 rx_bytes 0 rx_multicast 0 rx_errors 0 rx_dropped 0 tx_packets 0 tx_bytes 0 tx_dropped 0 drop_dev_down 0 drop_nomem 0 drop_filtered 0 drop_backlog 0"
port0="port lower0: ifindex $low_if devices 2 private 0 vepa 0 bridge 1 passthru 0 source 1 bcqueuelen_used 1000 bcqueue_frames 0 bclim -1 bcqueue_drops 0 source_entries 2 dev_buckets 64 source_buckets 64"
port1="port lower1: ifindex $low1_if devices 1 private 0 vepa 0 bridge 0 passthru 1 source 0 bcqueuelen_used 1000 bcqueue_frames 0 bclim 1 bcqueue_drops 0 source_entries 0 dev_buckets 64 source_buckets 64"
ok "stats src1" "$stats_src1
$port0" mvc low stats src1
ok "stats" "$stats_mv1
$stats_src1
$stats_pt1
$port0
$port1" mvc low stats
ok "-j stats src1" \
	"{\"devices\":[{\"ifname\":\"src1\",\"ifindex\":$src1_if,\"rx_packets\":3,\"rx_bytes\":294,\"rx_multicast\":0,\"rx_errors\":0,\"rx_dropped\":0,\"tx_packets\":0,\"tx_bytes\":0,\"tx_dropped\":0,\"drop_dev_down\":0,\"drop_nomem\":0,\"drop_filtered\":3,\"drop_backlog\":0}],\"ports\":[{\"ifname\":\"lower0\",\"ifindex\":$low_if,\"devices\":2,\"private\":0,\"vepa\":0,\"bridge\":1,\"passthru\":0,\"source\":1,\"bcqueuelen_used\":1000,\"bcqueue_frames\":0,\"bclim\":-1,\"bcqueue_drops\":0,\"source_entries\":2,\"dev_buckets\":64,\"source_buckets\":64}]}" \
	mvc low -j stats src1
json=$(mvc low -j stats)
expect_eq "$(grep -o '"ifname":"[a-z0-9]*"' <<<"$json" | tr '\n' ' ')" \
	'"ifname":"mv1" "ifname":"src1" "ifname":"pt1" "ifname":"lower0" "ifname":"lower1" ' \
	"-j stats: devices, then ports"
ok "-j -p stats" "$(pretty <<<"$json")" mvc low -j -p stats
expect_eq "$(counter low src1 rx_packets) $(counter low src1 rx_bytes)" "3 294" \
	"src1's rtnetlink counters"

step "a lower device in another netns: link if<N> and link_netnsid"
ip -n low link set mv1 netns a
old_if=$mv1_if
mv1_if=$(ifindex a mv1)
ok "show in a" \
	"mv1: ifindex $mv1_if link if$low_if mode bridge address 02:00:00:00:00:01" \
	mvc a show
ok "-j show in a: link_netnsid" \
	"[{\"ifname\":\"mv1\",\"ifindex\":$mv1_if,\"link\":\"if$low_if\",\"link_ifindex\":$low_if,\"link_netnsid\":0,\"type\":\"mvlan\",\"mode\":\"bridge\",\"flags\":[],\"address\":\"02:00:00:00:00:01\",\"bcqueuelen\":100,\"bcqueuelen_used\":1000,\"bclim\":-1,\"source_count\":0}]" \
	mvc a -j show mv1
ok "stats mv1 in a: no port here" "${stats_mv1/ifindex $old_if /ifindex $mv1_if }" \
	mvc a stats mv1
ok "stats in a: no port here" "${stats_mv1/ifindex $old_if /ifindex $mv1_if }" \
	mvc a stats

step "del"
ok "del mv1" "" mvc a del mv1
ok "del src1" "" mvc low del src1
ok "show after del" \
	"pt1: ifindex $pt1_if link lower1 mode passthru nopromisc address $pt1_mac" \
	mvc low show
ok "-j show in a after del" "[]" mvc a -j show
link_exists low src1 && fail "src1 still exists"
ok "del pt1" "" mvc low del pt1
ok "stats with no device" "" mvc low stats
ok "-j stats with no device" '{"devices":[],"ports":[]}' mvc low -j stats
echo "ok"
