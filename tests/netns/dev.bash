# SPDX-License-Identifier: GPL-2.0-or-later
# Helpers of the differential tests of what a device passes on to its lower
# device or keeps macvlan's rules for (diff-netpoll.sh, diff-tstamp.sh,
# diff-fdb.sh) and of mvtap (diff-mvtap.sh): the device agent
# (dev_agent.py), the initial netns under a name, the QEMU NIC pair, and
# the tap kinds. Sourced after diff.bash, whose kinds they keep: KIND
# macvlan (the oracle), mvlan (mvctl) and mvlan-ip (ip with the plugin).

# ---------------------------------------------------------------------------
# The device agent: tests/netns/dev_agent.py, as diff.bash's agent (ag).
DEV_AGENT=$(dirname "${BASH_SOURCE[0]}")/dev_agent.py
mkfifo "$DIFF_TMP/dev.in" "$DIFF_TMP/dev.out"
python3 -E -s -S -B -u "$DEV_AGENT" "$DIFF_TMP/dev.reply" \
	<"$DIFF_TMP/dev.in" >"$DIFF_TMP/dev.out" &
DEV_AGENT_PID=$!
exec {DEV_AGENT_W}>"$DIFF_TMP/dev.in" {DEV_AGENT_R}<"$DIFF_TMP/dev.out"

# dg REQUEST...: one request to the device agent; prints its answer lines.
# An agent error fails the test (or the run of one kind).
dg() {
	local status='' lines=()

	printf '%s\n' "$*" >&"$DEV_AGENT_W"
	read -r status <&"$DEV_AGENT_R" || fail "the device agent died during: $*"
	mapfile -t lines <"$DIFF_TMP/dev.reply"
	[[ $status == . ]] || fail "device agent: $*: ${lines[*]}"
	[[ ${#lines[@]} -eq 0 ]] || printf '%s\n' "${lines[@]}"
}

# DEV_ATEXIT: commands (strings) run at exit, last first
DEV_ATEXIT=()
dev_exit() {
	local rc=$? i

	for ((i = ${#DEV_ATEXIT[@]} - 1; i >= 0; i--)); do
		eval "${DEV_ATEXIT[$i]}" >/dev/null 2>&1 || true
	done
	exec {DEV_AGENT_W}>&-
	kill "$DEV_AGENT_PID" 2>/dev/null || true
	wait "$DEV_AGENT_PID" 2>/dev/null || true
	(exit "$rc")
	diff_exit
	rc=$?
	# mvtap.ko last, when no descriptor and no namespace of the test holds
	# its devices any more
	if [[ -n ${MVTAP_LOADED-} ]] && ! timeout 60 rmmod mvtap; then
		echo "FAIL: rmmod mvtap at the end of the test failed"
		rc=1
	fi
	return "$rc"
}
trap dev_exit EXIT

# ---------------------------------------------------------------------------
# ROOT: the initial netns under a name, for what works there only
# (netconsole, time stamping changes) with the namespace-taking helpers.
ROOT=mvroot
ip netns attach "$ROOT" 1
DEV_ATEXIT+=("ip netns del $ROOT")

# root_cleanup: a scenario's EXIT trap (in place of diff_run's) when it
# makes devices in the initial netns (ROOT_LINKS) or opens the device
# agent's descriptors (DEV_FDS): diff_run deletes its namespaces only
ROOT_LINKS=() DEV_FDS=()
root_cleanup() {
	local l

	for l in "${DEV_FDS[@]}"; do
		(dg close "$l") || true
	done
	for l in "${ROOT_LINKS[@]}"; do
		ip link del "$l" 2>/dev/null || true
	done
	dns_cleanup
}

# ---------------------------------------------------------------------------
# The QEMU NIC pair: two e1000e NICs (QEMU's 82574L, with hardware time
# stamping and netpoll) on a hub of their own, which tests/vm/run.sh gives
# every guest; no driver is bound until a test loads e1000e.
NIC_MACS=(52:54:00:4d:56:01 52:54:00:4d:56:02)

# nic_pair: load e1000e and name the two NICs nic0 and nic1 (unloaded at
# exit, which deletes them)
nic_pair() {
	local i d n

	modprobe e1000e || fail "modprobe e1000e failed"
	DEV_ATEXIT+=("modprobe -r e1000e")
	for i in 0 1; do
		n=''
		for _ in $(seq 50); do
			for d in /sys/class/net/*; do
				[[ $(cat "$d/address" 2>/dev/null) == "${NIC_MACS[$i]}" ]] && n=${d##*/}
			done
			[[ -z $n ]] || break
			sleep 0.1
		done
		[[ -n $n ]] || fail "no NIC with address ${NIC_MACS[$i]}: is this the test VM of tests/vm/run.sh?"
		[[ $n == "nic$i" ]] || ip link set "$n" name "nic$i"
	done
}

# wait_carrier NS DEV: until DEV has a carrier (an e1000e NIC takes seconds
# to link up under TCG); at most 60 s
wait_carrier() {
	local f

	for _ in $(seq 600); do
		f=$(ip netns exec "$1" cat "/sys/class/net/$2/carrier" 2>/dev/null) || f=0
		[[ $f != 1 ]] || return 0
		sleep 0.1
	done
	fail "$2 in $1 has no carrier after 60 s"
}

# ---------------------------------------------------------------------------
# The tap kinds: macvtap (ip), mvtap by mvctl, mvtap by ip with the plugin.

# tap_add NS NAME LOWER MODE [nopromisc] [nodst] [address MAC]: a tap device
# of the kind (MODE "default" gives none)
tap_add() {
	local ns=$1 name=$2 lower=$3 mode=$4 mv=() pre=() post=() flags=()

	shift 4
	[[ $mode == default ]] || { mv+=(mode "$mode"); post+=(mode "$mode"); }
	while [[ $# -gt 0 ]]; do
		case $1 in
		nopromisc | nodst) mv+=("$1"); flags+=("$1"); shift ;;
		address) mv+=("$1" "$2"); pre+=("$1" "$2"); shift 2 ;;
		*) fail "tap_add: unknown option $1" ;;
		esac
	done
	case $KIND in
	macvlan)
		ip -n "$ns" link add link "$lower" name "$name" "${pre[@]}" \
			type macvtap "${post[@]}" "${flags[@]}"
		;;
	mvlan) "$MVCTL" -n "$ns" add "$name" link "$lower" type mvtap "${mv[@]}" ;;
	mvlan-ip)
		ip -n "$ns" link add link "$lower" name "$name" "${pre[@]}" \
			type mvtap "${post[@]}" "${flags[@]}"
		;;
	*) fail "KIND is not set" ;;
	esac
}

# tap_source NS NAME add|del|set|flush [MAC...]: the source list of a tap
# device, as drv_source
tap_source() {
	DRV_TYPE=$(tap_kind) drv_source "$@"
}

# tap_kind: the link kind of the kind's tap devices
tap_kind() {
	[[ $DRIVER == macvlan ]] && echo macvtap || echo mvtap
}

# tap_dev NS NAME: the character device of a tap device
tap_dev() {
	echo "/dev/tap$(ifindex "$1" "$2")"
}

# tap_switch N: namespaces low and sw; lower0..lowerN-1 in low, veths to
# eth0..ethN-1 in sw; eth0 a port of the bridge br0 (address $HOST, no
# multicast snooping, hairpin on for vepa), the others up on their own
tap_switch() {
	local i batch=''

	dns low sw
	for ((i = 0; i < $1; i++)); do
		ip -n low link add "lower$i" type veth peer name "eth$i" netns sw
		batch+="link set eth$i up"$'\n'
	done
	nsb sw <<EOF
link add br0 address $HOST type bridge mcast_snooping 0
link set eth0 master br0
link set eth0 type bridge_slave hairpin on
${batch}link set br0 up
EOF
}

# tap_frames LABEL ID: record what queue (or capture) ID holds: how many
# frames, then a line each
tap_frames() {
	local out n

	out=$(dg read "$2" 0.4)
	n=$(grep -c . <<<"$out" || true)
	rec "$1: $n frames"
	[[ -z $out ]] || while read -r l; do rec "$1: $l"; done <<<"$out"
}

# mvtap_load: mvtap.ko from the build of mvlan.ko (MVLAN_KO), after the
# kernel's tap.ko; unloaded at exit, last (dev_exit). macvtap for the
# oracle.
mvtap_load() {
	local ko

	ko=$(dirname "$MVLAN_KO")/mvtap.ko
	[[ -f $ko ]] || fail "no $ko: build it with mvlan.ko (make build/mod/KVER/kmod/mvlan.ko)"
	modprobe -a tap macvtap || fail "modprobe tap macvtap failed"
	if ! grep -q '^mvtap ' /proc/modules; then
		insmod "$ko" || fail "insmod $ko failed"
		MVTAP_LOADED=1
	fi
}
