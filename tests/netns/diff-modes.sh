#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Differential test, macvlan (oracle) vs mvlan: who can ping whom, for every
# pair of modes behind one lower device, without and with a reflective relay
# (VEPA hairpin) in the external switch, and to and from a host behind it.
#
#  ns p1   ns p2   ns v1   ns v2       ns b1   ns b2      one device each:
#  mp1     mp2     mv1     mv2         mb1     mb2        .11 .12 .21 .22 .31 .32
#  private private vepa    vepa(dflt)  bridge  bridge     MAC 02:00:00:00:01:<id>
#     \______\_______\_______|___________/_______/
#                  ns low: lower0 (veth)
#                            |
#                  ns sw:   eth0 -- br0 (hairpin on eth0: off, then on)
#                                   host .254, MAC 02:00:00:00:01:fe
#
# Every device and the host have three addresses: 10.1.0.X/24 and
# 10.3.0.X/24 resolved with ARP (used with hairpin off and on, so that no
# neighbour state carries over), and 10.2.0.X/24 with permanent neighbour
# entries (pure unicast reachability, in both phases).
#
# Expected (macvlan): with hairpin off only bridge<->bridge and the host
# reach; with hairpin on vepa and bridge devices reach each other, private
# devices reach nobody with ARP (their broadcasts only come back to
# themselves, nobody's broadcasts reach them) but do with static neighbours
# (unicast reflected by the switch is delivered by destination MAC).
# Then mode changes take effect on running devices, and with ARP: the
# addresses 10.1 that failed to resolve in the first phase resolve now.
. "$(dirname "$0")/diff.bash"

DEVS=(p1 p2 v1 v2 b1 b2)
declare -A MODE=([p1]=private [p2]=private [v1]=vepa [v2]=default [b1]=bridge [b2]=bridge)
declare -A ID=([p1]=11 [p2]=12 [v1]=21 [v2]=22 [b1]=31 [b2]=32 [host]=254)
MAC_PREFIX=02:00:00:00:01:   # and the ID in hex digits (host: fe)
declare -A MACS=()
for d in "${DEVS[@]}"; do
	MACS[$d]=$MAC_PREFIX${ID[$d]}
done
MACS[host]=${MAC_PREFIX}fe

# expect A B HAIRPIN STATIC: sets REPLY to ok or fail
expect() {
	local a=$1 b=$2 hairpin=$3 static=$4 ma=${MODE[$1]:-} mb=${MODE[$2]:-}

	[[ $ma != default ]] || ma=vepa
	[[ $mb != default ]] || mb=vepa
	if [[ $a == host || $b == host ]] || [[ $ma == bridge && $mb == bridge ]]; then
		REPLY=ok
	elif [[ $hairpin == off ]]; then
		REPLY=fail
	elif [[ $static == 1 || ($ma != private && $mb != private) ]]; then
		REPLY=ok
	else
		REPLY=fail
	fi
}

# matrix HAIRPIN NET...: every ordered pair and the host, in parallel
matrix() {
	local hairpin=$1 net a b ns addr specs=() label

	shift
	for net in "$@"; do
		for a in "${DEVS[@]}" host; do
			for b in "${DEVS[@]}" host; do
				[[ $a != "$b" ]] || continue
				label="$a->$b/10.$net"
				ns=$a
				[[ $a != host ]] || ns=sw
				addr=10.$net.0.${ID[$b]}
				expect "$a" "$b" "$hairpin" $((net == 2))
				specs+=("hairpin-$hairpin:$label,$ns,$addr,$REPLY")
			done
		done
	done
	pings 2.5 "${specs[@]}"
}

modes() {
	local d n b

	dns low sw "${DEVS[@]}"
	ip -n low link add lower0 type veth peer name eth0 netns sw
	b="link add br0 address ${MACS[host]} type bridge mcast_snooping 0
link set eth0 master br0
link set eth0 up
link set br0 up"
	for n in 1 2 3; do
		b+=$'\n'"addr add 10.$n.0.${ID[host]}/24 dev br0"
	done
	for d in "${DEVS[@]}"; do
		b+=$'\n'"neigh add 10.2.0.${ID[$d]} lladdr ${MACS[$d]} dev br0 nud permanent"
	done
	nsb sw <<<"$b"

	step "create the devices in low, one per namespace"
	b="link set lower0 up"
	local add=()
	for d in "${DEVS[@]}"; do
		add+=(drv_add low "m$d" lower0 "${MODE[$d]}" address "${MACS[$d]}" --)
		b+=$'\n'"link set m$d netns $d"
	done
	par "${add[@]}"
	chk "v2 created without a mode: mode" "$(drv_modeof low mv2)" vepa
	step "move and configure them"
	nsb low <<<"$b"
	local par=()
	for d in "${DEVS[@]}"; do
		b=''
		for n in 1 2 3; do
			b+="addr add 10.$n.0.${ID[$d]}/24 dev m$d"$'\n'
		done
		b+="link set m$d up"
		for n in "${DEVS[@]}" host; do
			[[ $n != "$d" ]] || continue
			b+=$'\n'"neigh add 10.2.0.${ID[$n]} lladdr ${MACS[$n]} dev m$d nud permanent"
		done
		par+=("$d" "$b")
	done
	nsb_par "${par[@]}"

	step "hairpin off: ARP (10.1) and static neighbours (10.2)"
	matrix off 1 2

	step "hairpin on: ARP (10.3) and static neighbours (10.2)"
	ip -n sw link set dev eth0 type bridge_slave hairpin on
	matrix on 3 2

	step "hairpin off, modes changed while up: p1 private->bridge, v1 vepa->bridge, b2 bridge->private"
	ip -n sw link set dev eth0 type bridge_slave hairpin off
	drv_mode p1 mp1 bridge
	drv_mode v1 mv1 bridge
	drv_mode b2 mb2 private
	chk "p1 mode after the change" "$(drv_modeof p1 mp1)" bridge
	chk "b2 mode after the change" "$(drv_modeof b2 mb2)" private
	pings 2 "p1-bridge->b1,p1,10.1.0.31,ok" "b1->p1-bridge,b1,10.2.0.11,ok" \
		"p1-bridge->v1-bridge,p1,10.2.0.21,ok" "v1-bridge->b1,v1,10.1.0.31,ok" \
		"p1-bridge->p2,p1,10.2.0.12,fail" "v2->v1-bridge,v2,10.2.0.21,fail" \
		"b1->b2-private,b1,10.2.0.32,fail" "b2-private->v1-bridge,b2,10.2.0.21,fail" \
		"host->b2-private,sw,10.1.0.32,ok"
}

diff_run modes
diff_finish
