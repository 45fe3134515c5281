#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The stock ip with the plugin (IP_LIB_DIR=$TOP/cli/ip) against the kernel's
# macvlan with ip's own macvlan plugin: the same devices made and changed
# with the same words ("type mvlan" for "type macvlan") print the same
# "ip -d link show" and "ip -d -j link show", field by field (mvlan's bclim
# aside, which comes last); every bad input gets its message and changes
# nothing; source lists change over rtnetlink on source-mode devices only,
# with SOURCE_CHANGE events; a list longer than a link message holds is
# dumped as its count only; the kernel checks what no ip sends; an ip
# without the plugin still creates a device, with the defaults.
#
#   ns low: p1m..p9m (mvlan) on lowm    p1c..p9c (macvlan) on lowc
#           ptm, ntm (mvlan passthru) on lowpm, lownm
#           ptc, ntc (macvlan passthru) on lowpc, lownc
#           src (mvlan, source) on lows          (all lower devices: veth,
#           their peers in ns sw)
. "$(dirname "$0")/lib.bash"

export IP_LIB_DIR=$TOP/cli/ip
[[ -f $IP_LIB_DIR/link_mvlan.so ]] || fail "no $IP_LIB_DIR/link_mvlan.so: build it on the host (make)"
TMP=$(mktemp -d)
A=02:00:00:00:07:0a B=02:00:00:00:07:0b C=02:00:00:00:07:0c D=02:00:00:00:07:0d

netns_new low sw
ip -n low -b - <<EOF
link add lowm type veth peer name pm netns sw
link add lowc type veth peer name pc netns sw
link add lowpm type veth peer name ppm netns sw
link add lowpc type veth peer name ppc netns sw
link add lownm type veth peer name pnm netns sw
link add lownc type veth peer name pnc netns sw
link add lows type veth peer name ps netns sw
EOF

# res CMD...: RC, OUT and ERR of CMD
res() {
	RC=0
	"$@" >"$TMP/out" 2>"$TMP/err" || RC=$?
	OUT=$(<"$TMP/out") ERR=$(<"$TMP/err")
}

# refused WHAT STATUS MESSAGE CMD...: CMD fails with STATUS and MESSAGE
refused() {
	local what=$1 status=$2 msg=$3

	shift 3
	res "$@"
	expect_eq "$RC|$ERR|$OUT" "$status|$msg|" "$what"
}

# The kind's part of ip -d link show and of ip -d -j link show of every
# device of low, in one go (every process costs the guest a fraction of a
# second): snap fills, by device name,
#   KT  the text after the kind, up to addrgenmode or numtxqueues, with the
#       source addresses sorted (macvlan lists them in its hash order) and
#       a last "bclim N" taken out into
#   KB  N ("-": no bclim at the end)
#   KJ  linkinfo.info_data of the JSON, bclim taken out into KJB, the
#       addresses sorted
#   KK  linkinfo.info_kind
#   KC  its macaddr_count, KL its macaddr_data sorted ("-": none)
#   SJ  the whole JSON object but its counters
cat >"$TMP/kinds.py" <<'EOF'
import json, re, sys

out = {}
for line in open(sys.argv[1]):
    m = re.match(r'\d+: ([^:@]+)[@:]', line)
    if not m:
        continue
    t, b = '-', '-'
    k = re.search(r' (?:mvlan|macvlan) (.*?) (?:addrgenmode|numtxqueues) ', line)
    if k:
        t = k.group(1)
        m2 = re.search(r' bclim (-?\d+)$', t)
        if m2:
            t, b = t[:m2.start()], m2.group(1)
        r = re.match(r'^(.*?remotes \(\d+\))((?: [0-9a-f:]{17})*)(.*)$', t)
        if r:
            t = r.group(1) + ''.join(' ' + x for x in sorted(r.group(2).split())) + r.group(3)
    out[m.group(1)] = [t, b]
for d in json.load(open(sys.argv[2])):
    li = d.get('linkinfo', {})
    data = dict(li.get('info_data', {}))
    bclim = data.pop('bclim', '-')
    if 'macaddr_data' in data:
        data['macaddr_data'] = sorted(data['macaddr_data'])
    d.pop('stats64', None)
    out.setdefault(d['ifname'], ['-', '-'])
    out[d['ifname']] += [json.dumps(data, separators=(',', ':')), li.get('info_kind', '-'),
                         str(bclim), str(data.get('macaddr_count', '-')),
                         ' '.join(data['macaddr_data']) if 'macaddr_data' in data else '-',
                         json.dumps(d, separators=(',', ':'))]
for dev, v in out.items():
    print('\t'.join([dev] + v))
EOF
declare -A KT=() KB=() KJ=() KK=() KJB=() KC=() KL=() SJ=()
snap() {
	local dev t b j k jb c l full

	ip -n low -d -o link show >"$TMP/text"
	ip -n low -d -j link show >"$TMP/json"
	python3 "$TMP/kinds.py" "$TMP/text" "$TMP/json" >"$TMP/kinds"
	KT=() KB=() KJ=() KK=() KJB=() KC=() KL=() SJ=()
	while IFS=$'\t' read -r dev t b j k jb c l full; do
		KT[$dev]=$t KB[$dev]=$b KJ[$dev]=$j KK[$dev]=$k KJB[$dev]=$jb
		KC[$dev]=$c KL[$dev]=$l SJ[$dev]=$full
	done <"$TMP/kinds"
}

# same NAME...: (after snap) each mvlan device NAMEm shows as the macvlan
# device NAMEc does, text and JSON, and has kind mvlan and bclim 1 (no
# device here asks for another), last in the text
same() {
	local n m c

	for n in "$@"; do
		m=${n}m c=${n}c
		expect_eq "${KT[$m]}" "${KT[$c]}" "ip -d link show: $m as $c"
		expect_eq "${KJ[$m]}" "${KJ[$c]}" "ip -d -j link show: $m as $c"
		expect_eq "${KK[$m]} ${KB[$m]} ${KJB[$m]}" "mvlan 1 1" \
			"$m: kind mvlan, bclim 1 after macvlan's fields"
		[[ ${KT[$m]} != - ]] || fail "$m shows nothing of its kind"
	done
}

# pair NAME LOWER_M LOWER_C ARGS...: NAMEm (mvlan) on LOWER_M and NAMEc
# (macvlan) on LOWER_C, made with ARGS
pair() {
	local n=$1 lm=$2 lc=$3

	shift 3
	ip -n low -b - <<EOB
link add link $lm name ${n}m type mvlan $*
link add link $lc name ${n}c type macvlan $*
EOB
}

# both NAME ARGS...: ip link set NAMEm type mvlan ARGS, and the same for
# NAMEc with type macvlan
both() {
	local n=$1

	shift
	ip -n low -b - <<EOB
link set ${n}m type mvlan $*
link set ${n}c type macvlan $*
EOB
}

step "ip link help mvlan"
expect_eq "$(ip link help mvlan 2>&1 | head -n 1)" \
	"Usage: ... mvlan mode MODE [flag MODE_FLAG] MODE_OPTS [bcqueuelen BC_QUEUE_LEN] [bclim BCLIM] [hostbridge]" \
	"ip link help mvlan"

step "without the plugin: options refused, a device with the defaults"
refused "ip without the plugin: type mvlan mode bridge" 1 \
	'Garbage instead of arguments "mode ...". Try "ip link help".' \
	env IP_LIB_DIR=/nonexistent ip -n low link add link lowm name d0 type mvlan mode bridge
link_exists low d0 && fail "d0 was created"
env IP_LIB_DIR=/nonexistent ip -n low link add link lowm name d0 type mvlan
expect_eq "$("$MVCTL" -n low -j show d0 | jq -c '.[0] | [.mode, .flags, .bcqueuelen, .bclim, .source_count]')" \
	'["vepa",[],1000,1,0]' "d0: the defaults"
expect_eq "$(env IP_LIB_DIR=/nonexistent ip -n low -d -j link show dev d0 | jq -c '.[0].linkinfo')" \
	'{"info_kind":"mvlan"}' "ip without the plugin: the kind only"
ip -n low link del d0

step "hostbridge, mvlan's own flag: created, shown, changed"
ip -n low link add link lowm name hb type mvlan mode bridge hostbridge
expect_eq "$(ip -n low -d -j link show hb | jq -c '.[0].linkinfo.info_data')" \
	'{"mode":"bridge","bcqueuelen":1000,"usedbcqueuelen":1000,"bclim":1,"hostbridge":true}' \
	"ip -d -j link show hb"
expect_eq "$(ip -n low -d link show hb | perl -ne 'print $1 if /^\s*(mvlan .*?) (?:addrgenmode|numtxqueues) /')" \
	"mvlan mode bridge bcqueuelen 1000 usedbcqueuelen 1000 bclim 1 hostbridge" \
	"ip -d link show hb"
expect_eq "$(ip -n low link set hb type mvlan mode vepa 2>&1)" \
	"Error: mvlan: the device has hostbridge, which is for bridge mode only: clear it to leave bridge mode." \
	"hb to vepa with the flag"
ip -n low link set hb type mvlan mode vepa flag null
expect_eq "$("$MVCTL" -n low -j show hb | jq -c '.[0] | [.mode, .flags]')" '["vepa",[]]' \
	"hb after mode vepa flag null"
ip -n low link del hb

step "the done-when commands"
ip -n low link add link lows name src type mvlan mode source nodst bcqueuelen 2000
ip -n low link set src type mvlan macaddr add 02:00:00:00:00:01
expect_eq "$(ip -n low -d -j link show src | jq -c '.[0].linkinfo')" \
	'{"info_kind":"mvlan","info_data":{"mode":"source","nodst":true,"bcqueuelen":2000,"usedbcqueuelen":2000,"macaddr_count":1,"macaddr_data":["02:00:00:00:00:01"],"bclim":1}}' \
	"ip -d -j link show src"
expect_eq "$(ip -n low -d link show src | perl -ne 'print $1 if /^\s*(mvlan .*?) (?:addrgenmode|numtxqueues) /')" \
	"mvlan mode source nodst bcqueuelen 2000 usedbcqueuelen 2000 remotes (1) 02:00:00:00:00:01 bclim 1" \
	"ip -d link show src"
expect_eq "$("$MVCTL" -n low source src | cut -d' ' -f1)" 02:00:00:00:00:01 "mvctl source src"

step "creation: every mode, flags, bcqueuelen, source lists, as macvlan"
pair p1 lowm lowc
pair p2 lowm lowc mode private
pair p3 lowm lowc mode vepa flag nodst
pair p4 lowm lowc mode bridge bcqueuelen 3000
pair p5 lowm lowc mode source
pair p6 lowm lowc mode source nodst bcqueuelen 0
pair p7 lowm lowc mode source macaddr add $A
pair p8 lowm lowc mode source macaddr set $A $B $C
pair p9 lowm lowc m bridge b 0x10
ip -n low -b - <<EOF
link add link lowpm name ptm type mvlan mode passthru
link add link lowpc name ptc type macvlan mode passthru
link add link lownm name ntm type mvlan mode passthru nopromisc
link add link lownc name ntc type macvlan mode passthru nopromisc
EOF
snap
same p1 p2 p3 p4 p5 p6 p7 p8 p9 pt nt
expect_eq "${KT[p8m]}" "mode source bcqueuelen 1000 usedbcqueuelen 3000 remotes (3) $A $B $C" \
	"p8m, exactly"
expect_eq "${KT[ntm]}" "mode passthru nopromisc bcqueuelen 1000 usedbcqueuelen 1000" "ntm, exactly"
expect_eq "${KJ[p6m]}" \
	'{"mode":"source","nodst":true,"bcqueuelen":0,"usedbcqueuelen":3000,"macaddr_count":0}' \
	"p6m, exactly"
# -p and colours go through ip's print functions too
expect_eq "$(ip -n low -d -j -p link show dev p8m | jq -c '.[0].linkinfo.info_data')" \
	'{"mode":"source","bcqueuelen":1000,"usedbcqueuelen":3000,"macaddr_count":3,"macaddr_data":["02:00:00:00:07:0a","02:00:00:00:07:0b","02:00:00:00:07:0c"],"bclim":1}' \
	"ip -d -j -p link show"
expect_eq "$(ip -c=always -n low -d link show dev p4m | grep -c ' mvlan mode bridge bcqueuelen 3000 usedbcqueuelen 3000 bclim 1 ')" \
	1 "ip -c=always -d link show"

step "changes with ip link set, as macvlan"
both p1 mode bridge
both p2 mode vepa flag nodst
both p3 flag null
both p4 bcqueuelen 5 mode private
both p9 mode private bcqueuelen 4000
both p6 mode source flag null
both nt mode passthru flag null
snap
same p1 p2 p3 p4 p9 p6 nt
expect_eq "${KT[p4m]}" "mode private bcqueuelen 5 usedbcqueuelen 4000" "p4m, exactly"

step "source lists over rtnetlink, as macvlan"
both p5 macaddr add $A
both p5 macaddr add $B
both p5 macaddr add $A
both p6 macaddr add $C
both p6 macaddr del $C
both p6 macaddr del $D
both p8 macaddr flush
# into source mode with a list, in one request
both p1 mode source macaddr set $A $B
# leaving source mode flushes
both p7 mode vepa
both p9 mode source macaddr add $D
snap
same p5 p6 p8 p1 p7 p9
expect_eq "${KC[p5m]}: ${KL[p5m]}" "2: $A $B" "p5m: add A, B, A"
expect_eq "${KC[p6m]}: ${KL[p6m]}" "0: -" "p6m: add C, del C, del D (unlisted)"
expect_eq "${KC[p8m]}: ${KL[p8m]}" "0: -" "p8m: flush"
expect_eq "${KJ[p1m]}" \
	"{\"mode\":\"source\",\"bcqueuelen\":1000,\"usedbcqueuelen\":4000,\"macaddr_count\":2,\"macaddr_data\":[\"$A\",\"$B\"]}" \
	"p1m: mode source macaddr set A B"
expect_eq "${KC[p7m]}: ${KL[p7m]} ${KT[p7m]}" "-: - mode vepa bcqueuelen 1000 usedbcqueuelen 4000" \
	"p7m: vepa, no list"
expect_eq "${KC[p9m]}: ${KL[p9m]}" "1: $D" "p9m: mode source macaddr add D"
expect_eq "$(jq -c '[.[] | select(.ifname == "p1m") | .linkinfo.info_data.macaddr_data[]]' "$TMP/json")" \
	"$("$MVCTL" -n low -j source p1m | jq -c '[.[].address]')" "p1m: the list as mvctl has it, in its order"
both p5 macaddr set $C $D $C
both p7 mode source
both p8 macaddr set $A
snap
same p5 p7 p8
expect_eq "${KC[p5m]}: ${KL[p5m]}" "2: $C $D" "p5m: set C D C"
expect_eq "${KC[p7m]}: ${KL[p7m]}" "0: -" "p7m: back into source mode: empty"
both p5 macaddr set
both p8 macaddr del $A
snap
same p5 p8
expect_eq "${KC[p5m]}: ${KL[p5m]} ${KC[p8m]}: ${KL[p8m]}" "0: - 0: -" "p5m: set (nothing); p8m: del A"

step "source list changes refused: the device is not in source mode"
snap
declare -A before=()
for d in p2m p1m ptm; do
	before[$d]=${SJ[$d]}
done
refused "macaddr add on a vepa device" 2 "Error: mvlan: the device is not in source mode." \
	ip -n low link set p2m type mvlan macaddr add $A
refused "macaddr flush on a vepa device" 2 "Error: mvlan: the device is not in source mode." \
	ip -n low link set p2m type mvlan macaddr flush
refused "macvlan: macaddr add on a vepa device" 2 "RTNETLINK answers: Invalid argument" \
	ip -n low link set p2c type macvlan macaddr add $A
refused "mode vepa and macaddr add on a source device" 2 \
	"Error: mvlan: the device is not in source mode." \
	ip -n low link set p1m type mvlan mode vepa bcqueuelen 9 macaddr add $C
refused "mode source and macaddr set on a passthru device" 2 \
	"Error: mvlan: cannot change into or out of passthru mode." \
	ip -n low link set ptm type mvlan mode source macaddr set $A
refused "ip link add, mode bridge macaddr add" 2 "Error: mvlan: the device is not in source mode." \
	ip -n low link add link lowm name x1 type mvlan mode bridge macaddr add $A
refused "ip link add, default mode, macaddr set" 2 "Error: mvlan: the device is not in source mode." \
	ip -n low link add link lowm name x1 type mvlan macaddr set $A
snap
for d in p2m p1m ptm; do
	expect_eq "${SJ[$d]}" "${before[$d]}" "$d unchanged"
done
[[ -z ${SJ[x1]:-} ]] || fail "x1 was created"

step "bad input: refused by the plugin, nothing sent"
before=${SJ[p5m]}
usage=$(ip link help mvlan 2>&1)
incomplete='Command line is not complete. Try option "help"'
while IFS='|' read -r args rc msg; do
	read -r -a words <<<"$args"
	[[ $msg != USAGE ]] || msg=$usage
	[[ $msg != *+USAGE ]] || msg="${msg%+USAGE}"$'\n'"$usage"
	[[ $msg != INCOMPLETE ]] || msg=$incomplete
	refused "ip link set p5m type mvlan $args" "$rc" "$msg" \
		ip -n low link set p5m type mvlan "${words[@]}"
done <<EOF
mode|255|INCOMPLETE
mode Bridge|1|Error: argument of "mode" must be "private", "vepa", "bridge", "passthru" or "source", not "Bridge"
flag promisc|1|Error: argument of "flag" must be "nopromisc", "nodst", "hostbridge" or "null", not "promisc"
nopromisc|1|mvlan: nopromisc flag only valid in passthru mode+USAGE
bcqueuelen -1|1|Error: argument of "bcqueuelen" must be a positive integer [0-4294967295], not "-1"
bclim 2147483648|1|Error: illegal value for "bclim": "2147483648"
macaddr add|255|INCOMPLETE
macaddr bogus|1|USAGE
macaddr add 02:00:00:00:07|1|"02:00:00:00:07" is invalid lladdr.
macaddr add 01:00:5e:00:00:01|1|Error: "01:00:5e:00:00:01" is a multicast MAC address, not unicast.
macaddr set $A ff:ff:ff:ff:ff:ff|1|Error: "ff:ff:ff:ff:ff:ff" is a multicast MAC address, not unicast.
macaddr add $A macaddr del $B|1|Error: duplicate "macaddr": "del" is the second value.
mode vepa foo|1|mvlan: unknown option "foo"?+USAGE
EOF
macs() { # macs N: N addresses, one a line
	awk -v n="$1" 'BEGIN { for (i = 1; i <= n; i++)
		printf "02:00:01:%02x:%02x:%02x\n", int(i / 65536), int(i / 256) % 256, i % 256 }'
}
# shellcheck disable=SC2046 # words
refused "macaddr set, more addresses than ip's request holds" 1 \
	'mvlan: more addresses than one request holds; "mvctl source DEV set" takes any number' \
	ip -n low link set p5m type mvlan macaddr set $(macs 81)
snap
expect_eq "${SJ[p5m]}" "$before" "p5m unchanged by the bad input"

step "what no ip sends: the kernel's checks (raw rtnetlink)"
cat >"$TMP/raw.py" <<'EOF'
import ctypes, os, socket, struct, sys

IFLA_LINKINFO, IFLA_INFO_KIND, IFLA_INFO_DATA = 18, 1, 2
MODE, MACADDR, DATA = 7, 8, 9          # IFLA_MVLAN_MACADDR_MODE...
NLMSG_ERROR, NLMSGERR_ATTR_MSG = 2, 1


def attr(ty, payload):
    ln = 4 + len(payload)
    return struct.pack('HH', ln, ty) + payload + b'\0' * (((ln + 3) & ~3) - ln)


def u32(v):
    return struct.pack('I', v)


def mac(s):
    return bytes.fromhex(s.replace(':', ''))


if ctypes.CDLL(None).setns(os.open('/run/netns/low', os.O_RDONLY), 0x40000000):
    sys.exit('setns failed')
index = socket.if_nametoindex(sys.argv[1])
A, M = mac('02:00:00:00:07:0a'), mac('01:00:5e:00:00:01')
cases = [
    ('an address without the operation', attr(MACADDR, A)),
    ('a list without the operation', attr(DATA, attr(MACADDR, A))),
    ('add without an address', attr(MODE, u32(0))),
    ('del with a list', attr(MODE, u32(1)) + attr(MACADDR, A) + attr(DATA, attr(MACADDR, A))),
    ('flush with an address', attr(MODE, u32(2)) + attr(MACADDR, A)),
    ('operation 4', attr(MODE, u32(4))),
    ('an address of 5 bytes', attr(MODE, u32(0)) + attr(MACADDR, A[:5])),
    ('a multicast address', attr(MODE, u32(0)) + attr(MACADDR, M)),
    ('set: a list with a multicast address', attr(MODE, u32(3)) + attr(DATA, attr(MACADDR, A) + attr(MACADDR, M))),
    ('set: a list with another attribute', attr(MODE, u32(3)) + attr(DATA, attr(MACADDR, A) + attr(1, u32(4)))),
    ('set: a list with a 7-byte address', attr(MODE, u32(3)) + attr(DATA, attr(MACADDR, A + b'\1'))),
]
s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)
s.setsockopt(270, 11, 1)               # SOL_NETLINK, NETLINK_EXT_ACK
for seq, (what, data) in enumerate(cases, 1):
    li = attr(IFLA_INFO_KIND, b'mvlan\0') + attr(IFLA_INFO_DATA, data)
    body = struct.pack('BxHiII', 0, 0, index, 0, 0) + attr(IFLA_LINKINFO, li)
    s.send(struct.pack('IHHII', 16 + len(body), 16, 1 | 4, seq, 0) + body)
    reply = s.recv(65536)
    ln, ty, flags = struct.unpack_from('IHH', reply)
    err, orig_len = struct.unpack_from('iI', reply, 16)
    msg = '-'
    # the request's header (NLM_F_CAPPED) or all of it, then the TLVs
    off = 20 + ((16 if flags & 0x100 else orig_len) + 3 & ~3)
    while flags & 0x200 and off + 4 <= ln:
        aln, aty = struct.unpack_from('HH', reply, off)
        if aty == NLMSGERR_ATTR_MSG:
            msg = reply[off + 4:off + aln].rstrip(b'\0').decode()
        off += (aln + 3) & ~3
    print('%s: %s: %s' % (what, os.strerror(-err) if err else 'ok', msg))
EOF
expect_eq "$(python3 "$TMP/raw.py" p5m)" \
"an address without the operation: Invalid argument: mvlan: a source list address needs IFLA_MVLAN_MACADDR_MODE
a list without the operation: Invalid argument: mvlan: a source list address needs IFLA_MVLAN_MACADDR_MODE
add without an address: Invalid argument: mvlan: source list add and del need IFLA_MVLAN_MACADDR
del with a list: Invalid argument: mvlan: IFLA_MVLAN_MACADDR_DATA goes with source list set only
flush with an address: Invalid argument: mvlan: source list flush takes no address
operation 4: Numerical result out of range: integer out of range
an address of 5 bytes: Numerical result out of range: binary attribute size out of range
a multicast address: Invalid argument: mvlan: IFLA_MVLAN_MACADDR: not a unicast address
set: a list with a multicast address: Invalid argument: mvlan: IFLA_MVLAN_MACADDR: not a unicast address
set: a list with another attribute: Invalid argument: mvlan: IFLA_MVLAN_MACADDR_DATA holds IFLA_MVLAN_MACADDR of 6 bytes only
set: a list with a 7-byte address: Invalid argument: mvlan: IFLA_MVLAN_MACADDR_DATA holds IFLA_MVLAN_MACADDR of 6 bytes only" \
	"raw requests"
snap
expect_eq "${SJ[p5m]}" "$before" "p5m unchanged by the raw requests"

step "a list longer than a link message holds: the count only"
# RTM_GETLINK of a device: the length of the reply
cat >"$TMP/msglen.py" <<'EOF'
import ctypes, os, socket, struct, sys

if ctypes.CDLL(None).setns(os.open('/run/netns/low', os.O_RDONLY), 0x40000000):
    sys.exit('setns failed')
s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)
body = struct.pack('BxHiII', 0, 0, socket.if_nametoindex(sys.argv[1]), 0, 0)
s.send(struct.pack('IHHII', 16 + len(body), 18, 1, 1, 0) + body)
print(struct.unpack_from('I', s.recv(65536))[0])
EOF
# a device with IPv6, as most are: the longest link messages
ip netns exec low sysctl -qw net.ipv6.conf.p6m.disable_ipv6=0
len0=$(python3 "$TMP/msglen.py" p6m)
macs 129 >"$TMP/macs"
"$MVCTL" -n low source p5m set file "$TMP/macs"
# shellcheck disable=SC2046 # words
"$MVCTL" -n low source p6m set $(head -n 128 "$TMP/macs")
len128=$(python3 "$TMP/msglen.py" p6m)
echo "   (p6m's link message: $len0 bytes with no source list, $len128 with 128 entries)"
expect_eq "$((len128 - len0))" 1540 "128 entries: 1540 bytes more in the link message"
# NLMSG_GOODSIZE with 4 KiB pages: the smallest buffer of a link dump
((len128 <= 3776)) || fail "p6m's link message with 128 entries is $len128 bytes, more than NLMSG_GOODSIZE"
snap
expect_eq "${KC[p6m]} $(wc -w <<<"${KL[p6m]}")" "128 128" "128 entries: all of them"
expect_eq "${KL[p6m]}" "$(head -n 128 "$TMP/macs" | sort | tr '\n' ' ' | sed 's/ $//')" \
	"128 entries: the addresses"
expect_eq "${KC[p5m]} ${KL[p5m]}" "129 -" "129 entries: the count only"
expect_eq "${KT[p5m]}" "mode source bcqueuelen 1000 usedbcqueuelen 4000 remotes (129)" \
	"129 entries: ip -d link show"
ip -n low -b - <<EOF
link set p5m type mvlan macaddr del $(head -n 1 "$TMP/macs")
link set p6m type mvlan macaddr add $(tail -n 1 "$TMP/macs")
EOF
snap
expect_eq "${KC[p5m]} $(wc -w <<<"${KL[p5m]}") ${KC[p6m]} ${KL[p6m]}" "128 128 129 -" \
	"ip link set: back to 128 entries; up to 129"
macs 6000 >"$TMP/macs"
"$MVCTL" -n low source p5m set file "$TMP/macs"
snap
expect_eq "${KC[p5m]} ${KL[p5m]}" "6000 -" "6000 entries (macvlan's breaks past 5460): the count only"
expect_eq "$(grep -c 'mvlan' "$TMP/text")" "$(jq '[.[] | select(.linkinfo.info_kind == "mvlan")] | length' "$TMP/json")" \
	"the link dump of the netns, text and JSON"
ip -n low link set p5m type mvlan macaddr flush
expect_eq "$("$MVCTL" -n low -j show p5m | jq .[0].source_count)" 0 "6000 entries: flushed"

step "SOURCE_CHANGE events for the rtnetlink changes"
ip netns exec low "$MVCTL" monitor >"$TMP/mon" 2>"$TMP/mon.err" &
mon=$!
for i in $(seq 100); do
	"$MVCTL" -n low mode p9m bridge
	"$MVCTL" -n low mode p9m private
	grep -q '^change p9m:' "$TMP/mon" && break
	((i < 100)) || fail "the monitor never printed an event"
	sleep 0.1
done
"$MVCTL" -n low add sync link lowm
ip -n low link add link lows name ev type mvlan mode source macaddr set $A $B
ip -n low -b - <<EOF
link set ev type mvlan macaddr add $C
link set ev type mvlan macaddr add $C
link set ev type mvlan macaddr del $A
link set ev type mvlan macaddr del $A
link set ev type mvlan macaddr set $D
link set ev type mvlan macaddr flush
link set ev type mvlan macaddr flush
link set ev type mvlan mode vepa
link set ev type mvlan mode source macaddr add $A
EOF
"$MVCTL" -n low add end0 link lowm
for i in $(seq 100); do
	grep -q '^new end0:' "$TMP/mon" && break
	((i < 100)) || fail "the monitor never saw end0"
	sleep 0.1
done
kill "$mon"
wait "$mon" || true
ev=$(ifindex low ev)
expect_eq "$(awk '/^new sync:/ { on = 1; next } /^new end0:/ { on = 0 } on' "$TMP/mon" |
	sed 's/ address [0-9a-f:]*//')" \
"new ev: ifindex $ev link lows mode source bcqueuelen 1000 bclim 1
source ev: ifindex $ev count 2 added 2 removed 0
source ev: ifindex $ev count 3 added 1 removed 0
source ev: ifindex $ev count 2 added 0 removed 1
source ev: ifindex $ev count 1 added 1 removed 2
source ev: ifindex $ev count 0 added 0 removed 1
change ev: ifindex $ev link lows mode vepa bcqueuelen 1000 bclim 1
change ev: ifindex $ev link lows mode source bcqueuelen 1000 bclim 1
source ev: ifindex $ev count 1 added 1 removed 0" "the events"
expect_eq "$(<"$TMP/mon.err")" "" "the monitor's stderr"
echo "ok"
