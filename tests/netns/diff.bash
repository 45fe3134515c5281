# SPDX-License-Identifier: GPL-2.0-or-later
# Helpers for the differential data-path tests (tests/netns/diff-*.sh).
#
# The kernel's macvlan is the oracle: a diff test runs each scenario once
# per kind, with the very same commands except the driver calls (drv_*):
# KIND=macvlan (ip link ... type macvlan), KIND=mvlan (mvctl) and
# KIND=mvlan-ip (ip link ... type mvlan, with the plugin cli/ip/link_mvlan.so);
# DRIVER is the driver under test, macvlan or mvlan. A scenario records a
# result vector, lines such as "ping p1->b1 ok" or "b1 rx_packets 20", with
# rec/chk; diff_finish then compares each kind's vector with macvlan's line
# by line. chk also holds every line to an expected value, so that a test
# cannot pass when both drivers are broken the same way.
#
# Speed: a TCG guest spends 0.2-0.7 s on every process it starts. So namespace
# setup goes through "ip -b" batches, and one long-running python3 helper (the
# agent, below) sends and counts raw frames, pings, reads link state and
# counters over rtnetlink in any namespace, without starting processes.
#
# Sourced after nothing else; sources lib.bash.

# shellcheck source=tests/netns/lib.bash
. "$(dirname "${BASH_SOURCE[0]}")/lib.bash"

DIFF_TMP=$(mktemp -d /tmp/mvlan-diff.XXXXXX)
DIFF_T0=${EPOCHREALTIME/./}

KIND='' DRIVER=''
DIFF_KINDS=(macvlan mvlan mvlan-ip)
DIFF_SCENARIOS=()

# the ip plugin, for kind mvlan-ip (ip's and the agent's ip commands: the
# others never load it, macvlan's is built into ip)
export IP_LIB_DIR=$TOP/cli/ip
[[ -f $IP_LIB_DIR/link_mvlan.so ]] || fail "no $IP_LIB_DIR/link_mvlan.so: build it on the host (make)"

# step WHAT: as lib.bash's, with the time since the test started
step() {
	local t=$(((${EPOCHREALTIME/./} - DIFF_T0) / 100000))

	printf '== [%d.%ds] %s\n' $((t / 10)) $((t % 10)) "$*"
}

# ---------------------------------------------------------------------------
# The agent: tests/netns/diff_agent.py, one python3 process for the whole test
# (see ag and the file's own description).
DIFF_AGENT=$(dirname "${BASH_SOURCE[0]}")/diff_agent.py

# the modules the tests use load while python starts
modprobe -a macvlan bridge veth &
DIFF_MODPROBE_PID=$!
mkfifo "$DIFF_TMP/agent.in" "$DIFF_TMP/agent.out"
# -E -s: no environment, no user site; not -I, which would leave the
# script's directory (nsnet.py) out of the module path
python3 -E -s -S -B -u "$DIFF_AGENT" "$DIFF_TMP/agent.reply" \
	<"$DIFF_TMP/agent.in" >"$DIFF_TMP/agent.out" &
DIFF_AGENT_PID=$!
exec {DIFF_AGENT_W}>"$DIFF_TMP/agent.in" {DIFF_AGENT_R}<"$DIFF_TMP/agent.out"

# ag REQUEST...: one request to the agent; prints its answer lines. An agent
# error fails the test (or the run of one kind, see diff_run). Not for
# parallel use (see par).
ag() {
	local status='' lines=() t=${EPOCHREALTIME/./}

	printf '%s\n' "$*" >&"$DIFF_AGENT_W"
	read -r status <&"$DIFF_AGENT_R" || fail "the agent died during: $*"
	mapfile -t lines <"$DIFF_TMP/agent.reply"
	t=$(((${EPOCHREALTIME/./} - t) / 100000))
	[[ $t -lt 30 ]] || printf '   (slow: %d.%d s for: %s)\n' $((t / 10)) $((t % 10)) "${*:0:80}" >&2
	[[ $status == . ]] || fail "agent: $*: ${lines[*]}"
	[[ ${#lines[@]} -eq 0 ]] || printf '%s\n' "${lines[@]}"
}

# ---------------------------------------------------------------------------
# Global setup: the oracle's module (and those the tests use) are loaded
# while python starts, see above.
wait "$DIFF_MODPROBE_PID" || fail "modprobe macvlan bridge veth failed"

diff_exit() {
	local rc=$?

	dns_cleanup
	exec {DIFF_AGENT_W}>&-
	kill "$DIFF_AGENT_PID" 2>/dev/null || true
	wait "$DIFF_AGENT_PID" 2>/dev/null || true
	rm -rf "$DIFF_TMP"
	return "$rc"
}
trap diff_exit EXIT

# ---------------------------------------------------------------------------
# Namespaces

# dns NAME...: fresh namespaces with IPv6 off, so that no autoconfiguration
# traffic disturbs the counters; lo is left down.
dns() {
	local ns

	for ns in "$@"; do
		NETNS+=("$ns")
	done
	printf 'netns add %s\n' "$@" | ip -b -
	ag noipv6 "$@"
}

# dns_cleanup: delete the namespaces of dns and netns_new, in one process
dns_cleanup() {
	# the agent's sockets would keep the namespaces alive (a subshell: a
	# failing ag exits, which would end the EXIT trap this runs in)
	(ag close) || true
	[[ ${#NETNS[@]} -gt 0 ]] || return 0
	printf 'netns del %s\n' "${NETNS[@]}" | ip -force -b - 2>/dev/null || true
	NETNS=()
}

# nsb NS: run the "ip" batch on stdin in NS (ip -n NS -b -)
nsb() {
	ip -n "$1" -b -
}

# par CMD [-- CMD]...: run the commands (or functions) in parallel; fails if
# one of them fails. Not for commands that use the agent (ag).
par() {
	local cmd=() pids=() rc=0 p

	while [[ $# -gt 0 ]]; do
		cmd=()
		while [[ $# -gt 0 && $1 != -- ]]; do
			cmd+=("$1")
			shift
		done
		[[ $# -eq 0 ]] || shift
		"${cmd[@]}" &
		pids+=($!)
	done
	for p in "${pids[@]}"; do
		wait "$p" || rc=$?
	done
	return "$rc"
}

# nsb_par NS BATCH [NS BATCH]...: "ip" batches in several namespaces, in
# parallel (every process costs a TCG guest a fraction of a second)
nsb_par() {
	local pids=() ns rc=0 p

	while [[ $# -ge 2 ]]; do
		ip -n "$1" -b - <<<"$2" &
		pids+=($!)
		shift 2
	done
	for p in "${pids[@]}"; do
		wait "$p" || rc=$?
	done
	return "$rc"
}

# ipv6_on NS...: IPv6 on in NS, for devices created in or moved to it later
ipv6_on() {
	local ns

	for ns in "$@"; do
		ag sysctl "$ns" net.ipv6.conf.all.disable_ipv6=0 \
			net.ipv6.conf.default.disable_ipv6=0 \
			net.ipv6.conf.default.accept_dad=0 \
			net.ipv6.conf.default.dad_transmits=0
	done
}

# ---------------------------------------------------------------------------
# The driver abstraction: the only commands that differ between the kinds.

# drv_add NS NAME LOWER MODE [nopromisc] [nodst] [address MAC] [mtu N]
#         [bcqueuelen N] [bclim N]
# MODE "default" gives no mode. mvlan: mvctl add; macvlan: ip link add, and
# bclim over rtnetlink (iproute2 6.1 has no bclim); mvlan-ip: ip link add,
# all of it.
drv_add() {
	local ns=$1 name=$2 lower=$3 mode=$4
	local mv=() pre=() post=() flags=() bclim=''

	shift 4
	[[ $mode == default ]] || { mv+=(mode "$mode"); post+=(mode "$mode"); }
	while [[ $# -gt 0 ]]; do
		case $1 in
		nopromisc | nodst) mv+=("$1"); flags+=("$1"); shift ;;
		address | mtu) mv+=("$1" "$2"); pre+=("$1" "$2"); shift 2 ;;
		bcqueuelen) mv+=("$1" "$2"); post+=("$1" "$2"); shift 2 ;;
		bclim) mv+=("$1" "$2"); bclim=$2; shift 2 ;;
		*) fail "drv_add: unknown option $1" ;;
		esac
	done
	case $KIND in
	mvlan) "$MVCTL" -n "$ns" add "$name" link "$lower" "${mv[@]}" ;;
	macvlan)
		ip -n "$ns" link add link "$lower" name "$name" "${pre[@]}" \
			type macvlan "${post[@]}" "${flags[@]}" || return
		[[ -z $bclim ]] || ag bclim "$ns" "$name" "$bclim"
		;;
	mvlan-ip)
		ip -n "$ns" link add link "$lower" name "$name" "${pre[@]}" \
			type mvlan "${post[@]}" "${flags[@]}" ${bclim:+bclim "$bclim"}
		;;
	*) fail "KIND is not set" ;;
	esac
}

# drv_del NS NAME
drv_del() {
	case $KIND in
	mvlan) "$MVCTL" -n "$1" del "$2" ;;
	macvlan | mvlan-ip) ip -n "$1" link del "$2" ;;
	esac
}

# drv_mode NS NAME MODE [nopromisc|promisc] [nodst|dst]
# Without flag words the flags stay as they are. With flag words the flags
# become exactly those named (nopromisc, nodst); name every flag to keep.
drv_mode() {
	local ns=$1 name=$2 mode=$3 w words=() flags=()

	shift 3
	for w in "$@"; do
		case $w in
		nopromisc | nodst) flags+=("$w") ;;
		promisc | dst) ;;
		*) fail "drv_mode: unknown flag $w" ;;
		esac
		words+=("$w")
	done
	case $KIND in
	mvlan)
		if [[ ${#words[@]} -gt 0 ]]; then
			[[ " ${words[*]} " == *" nopromisc "* || " ${words[*]} " == *" promisc "* ]] ||
				words+=(promisc)
			[[ " ${words[*]} " == *" nodst "* || " ${words[*]} " == *" dst "* ]] ||
				words+=(dst)
		fi
		"$MVCTL" -n "$ns" mode "$name" "$mode" "${words[@]}"
		;;
	macvlan | mvlan-ip)
		[[ ${#words[@]} -eq 0 || ${#flags[@]} -gt 0 ]] || flags=(flag null)
		ip -n "$ns" link set "$name" type "${KIND%-ip}" mode "$mode" "${flags[@]}"
		;;
	esac
}

# drv_source NS NAME add|del|set|flush [MAC...]
# (DRV_TYPE: the link type ip names, macvlan or mvlan by KIND by default)
drv_source() {
	local ns=$1 name=$2 op=$3 m

	shift 3
	case $KIND in
	mvlan) "$MVCTL" -n "$ns" source "$name" "$op" "$@" ;;
	macvlan | mvlan-ip)
		case $op in
		add | del)
			for m in "$@"; do
				ip -n "$ns" link set "$name" type "${DRV_TYPE:-${KIND%-ip}}" macaddr "$op" "$m" || return
			done
			;;
		set | flush) ip -n "$ns" link set "$name" type "${DRV_TYPE:-${KIND%-ip}}" macaddr "$op" "$@" ;;
		esac
		;;
	esac
}

# drv_source_list NS NAME: the source list, sorted, on one line ("-": empty)
drv_source_list() {
	case $KIND in
	mvlan) ag jlist '*.address' "$MVCTL" -n "$1" -j source "$2" ;;
	macvlan | mvlan-ip) ag jlist '0.linkinfo.info_data.macaddr_data.*' ip -n "$1" -d -j link show dev "$2" ;;
	esac
}

# drv_source_count NS NAME: the count the driver reports
# (macvlan, mvlan-ip: ip -d link's macaddr count; mvlan: mvctl -j show's
# source_count)
drv_source_count() {
	local n

	case $KIND in
	mvlan) n=$(ag jget 0.source_count "$MVCTL" -n "$1" -j show "$2") ;;
	macvlan | mvlan-ip) n=$(ag jget 0.linkinfo.info_data.macaddr_count ip -n "$1" -d -j link show dev "$2") ;;
	esac
	# macvlan leaves the count out outside source mode
	[[ $n != null ]] || n=0
	echo "$n"
}

# drv_modeof NS NAME: "MODE [FLAG...]" as the driver reports it
drv_modeof() {
	local v v1 v2 m f=''

	case $KIND in
	mvlan)
		v=$(ag jget 0.mode,0.flags "$MVCTL" -n "$1" -j show "$2")
		m=${v%% *}
		f=${v#"$m"}
		;;
	macvlan | mvlan-ip)
		v=$(ag jget 0.linkinfo.info_data.mode,0.linkinfo.info_data.nopromisc,0.linkinfo.info_data.nodst \
			ip -n "$1" -d -j link show dev "$2")
		read -r m v1 v2 <<<"$v"
		[[ $v1 != true ]] || f+=' nopromisc'
		[[ $v2 != true ]] || f+=' nodst'
		;;
	esac
	f=${f# }
	echo "$m${f:+ $f}"
}

# drv_bclim NS NAME: the port's bclim as the driver reports it (macvlan
# leaves it out when it is 1; call it only when oracle_has_bclim)
drv_bclim() {
	local v

	case $KIND in
	mvlan) ag jget 0.bclim "$MVCTL" -n "$1" -j show "$2" ;;
	mvlan-ip) ag jget 0.linkinfo.info_data.bclim ip -n "$1" -d -j link show dev "$2" ;;
	macvlan)
		v=$(ag getbclim "$1" "$2")
		[[ $v != absent ]] || v=1
		echo "$v"
		;;
	esac
}

# drv_bcqueuelen_used NS NAME: the flood queue length the port uses
drv_bcqueuelen_used() {
	case $KIND in
	mvlan) ag jget 0.bcqueuelen_used "$MVCTL" -n "$1" -j show "$2" ;;
	macvlan | mvlan-ip) ag jget 0.linkinfo.info_data.usedbcqueuelen ip -n "$1" -d -j link show dev "$2" ;;
	esac
}

# drv_bcqueuelen NS NAME N: NAME asks for a flood queue of N from now on
# (every kind through ip: mvctl has no command that changes it)
drv_bcqueuelen() {
	ip -n "$1" link set "$2" type "$DRIVER" bcqueuelen "$3"
}

# oracle_has_bclim: does this kernel's macvlan know IFLA_MACVLAN_BC_CUTOFF
# (Linux 6.4 and later)? Probes with a throwaway device.
oracle_has_bclim() {
	local v

	NETNS+=(diffprobe)
	ip netns add diffprobe
	ip -n diffprobe link add p0 type veth peer name p1
	ip -n diffprobe link add link p0 name m0 type macvlan
	ag bclim diffprobe m0 -1
	v=$(ag getbclim diffprobe m0)
	dns_cleanup
	[[ $v == -1 ]]
}

# try LABEL CMD...: run CMD, record "LABEL ok" or "LABEL refused"; its stderr
# is left in $TRY_ERR, its exit status in $TRY_RC.
TRY_ERR='' TRY_RC=0
try() {
	local label=$1

	shift
	TRY_RC=0
	TRY_ERR=$("$@" 2>&1 >/dev/null) || TRY_RC=$?
	if [[ $TRY_RC == 0 ]]; then
		rec "$label ok"
	else
		rec "$label refused"
	fi
}

# try_same LABEL CMD...: for a command that is the same for both kinds:
# records "LABEL ok" or "LABEL refused: MESSAGE"
try_same() {
	local label=$1

	shift
	TRY_RC=0
	TRY_ERR=$("$@" 2>&1 >/dev/null) || TRY_RC=$?
	if [[ $TRY_RC == 0 ]]; then
		rec "$label ok"
	else
		rec "$label refused: ${TRY_ERR//$'\n'/ }"
	fi
}

# try_refused LABEL MACVLAN_ERR MVLAN_ERR CMD...: CMD must fail, with
# MACVLAN_ERR as its message for macvlan, MVLAN_ERR (mvctl's) for mvlan and
# what ip says of the same kernel error for mvlan-ip (a "-" skips the check
# of the message); records "LABEL refused".
try_refused() {
	local label=$1 want_macvlan=$2 want_mvlan=$3 want

	shift 3
	try "$label" "$@"
	[[ $TRY_RC != 0 ]] || return 0
	case $KIND in
	macvlan) want=$want_macvlan ;;
	mvlan) want=$want_mvlan ;;
	*) want=$(ip_msg "$want_mvlan") ;;
	esac
	[[ $want == - ]] || chk_msg "$label: message" "$TRY_ERR" "$want"
}

# ip_msg MVCTL_ERR: what ip prints for the kernel error that mvctl prints as
# MVCTL_ERR ("mvctl: cannot WHAT: STRERROR[: EXTACK]"): "Error: EXTACK."
# (a full stop added, as ip does), or "RTNETLINK answers: STRERROR"
ip_msg() {
	local m=$1

	[[ $m != - ]] || { echo -; return; }
	m=$(sed -E 's/^mvctl: cannot [^:]*: //' <<<"$m")
	if [[ $m == *': '* ]]; then
		m=${m#*: }
		[[ $m == *. ]] || m+=.
		echo "Error: $m"
	else
		echo "RTNETLINK answers: $m"
	fi
}

# ---------------------------------------------------------------------------
# Result vectors

# rec LINE...: a line of this kind's result vector (printed by diff_finish:
# the log is on 9p, which is slow to write to a line at a time)
rec() {
	printf '%s\n' "$*" >>"$DIFF_TMP/attempt.vec"
}

# unexpected WHAT: note a value that is not what the test expects
unexpected() {
	printf '%s\n' "$*" >>"$DIFF_TMP/attempt.unexpected"
	printf 'UNEXPECTED [%s]: %s\n' "$KIND" "$*" >&2
}

# chk KEY ACTUAL EXPECTED: record "KEY ACTUAL"; note it if it is not EXPECTED
chk() {
	rec "$1 $2"
	[[ $2 == "$3" ]] || unexpected "$1: expected \"$3\", got \"$2\""
}

# chk_msg WHAT ACTUAL EXPECTED: like chk, but not in the vector (messages
# differ between the kinds)
chk_msg() {
	[[ $2 == "$3" ]] || unexpected "$1: expected \"$3\", got \"$2\""
}

# sysfs_promisc NS DEV: 1 if IFF_PROMISC is in /sys/class/net/DEV/flags
# (rtnetlink's flags show only the promiscuity asked for by user space)
sysfs_promisc() {
	local f

	f=$(ip netns exec "$1" cat "/sys/class/net/$2/flags")
	echo $(((f & 0x100) != 0))
}

# st NS DEV FIELD...: link attributes/counters over rtnetlink, space-separated
# (fields: rx_packets rx_bytes multicast rx_dropped rx_nohandler tx_packets
# tx_bytes tx_dropped rx_errors mtu address operstate promiscuity up
# lower_up link ifindex kind)
st() {
	ag stat "$@"
}

# chk_st NS DEV "FIELD=EXPECTED ..." [LABEL]: chk each field of NS/DEV
chk_st() {
	local ns=$1 dev=$2 spec=$3 label=${4:-$2} f fields=() wanted=() vals i

	for f in $spec; do
		fields+=("${f%%=*}")
		wanted+=("${f#*=}")
	done
	vals=$(st "$ns" "$dev" "${fields[@]}")
	read -r -a vals <<<"$vals"
	for i in "${!fields[@]}"; do
		chk "$label ${fields[$i]}" "${vals[$i]}" "${wanted[$i]}"
	done
}

# chk_wait NS DEV "FIELD=EXPECTED ..." [LABEL]: like chk_st, after waiting
# (at most 3 s) for the fields to take the expected values: link state
# changes reach user space through linkwatch, with a delay
chk_wait() {
	local ns=$1 dev=$2 spec=$3 label=${4:-$2} f fields=() wanted=() vals i

	for f in $spec; do
		fields+=("${f%%=*}")
		wanted+=("${f#*=}")
	done
	# shellcheck disable=SC2086 # words
	vals=$(ag waitfor 3 "$ns" "$dev" $spec)
	read -r -a vals <<<"$vals"
	for i in "${!fields[@]}"; do
		chk "$label ${fields[$i]}" "${vals[$i]}" "${wanted[$i]}"
	done
}

# settle NS:DEV[:FIELD=MIN,...]...: wait until the counters of those devices
# stop moving (flood queues are drained by a workqueue): for 0.15 s once
# every FIELD is at least MIN, for 1 s if they do not get there; at most 5 s
settle() {
	local out

	out=$(ag settle 0.15 5 "$@")
	[[ -z $out ]] || echo "  (counters still moving after 5 s: $*)"
}

# Counter deltas.
#   track [-s] NS DEV FIELD...: watch these counters of NS/DEV (see st); -s
#	also counts the frames of ethertype $DELTA_ETYPE that reach DEV's own
#	stack, with a packet socket, as field "stack" (which also keeps them
#	from counting as rx_dropped for want of a protocol handler)
#   delta_snap: take the current values as the base
#   delta_chk [-c N] LABEL [EXPECTED]...: wait for the counters to settle,
#	then record per device "LABEL: DEV FIELD=CHANGE..." with the counters
#	that changed since the base ("-": none) and chk it against the
#	EXPECTED changes (all others 0); the values are the new base.
#	EXPECTED: DEV.FIELD=VALUE, or for bursts of $N frames:
#	  mc:DEV:BYTES  N multicast frames of BYTES counted, up DEV's stack
#	  uc:DEV:BYTES  the same, not counted as multicast
#	  tx:DEV        N frames of 60 bytes sent
#	  in:DEV[:stack][:drop]  N frames in (up its stack) (counted dropped)
#	  out:DEV       N frames out
#	DRIVER@EXPECTED applies to one driver only: for where this kernel's
#	macvlan and upstream differ and mvlan follows upstream.
DELTA_ETYPE=88b5
DELTA_KEYS=()
declare -A DELTA_NS=() DELTA_FIELDS=() DELTA_LISTENER=() DELTA_BASE=() DELTA_NOW=()
track() {
	local stack=0

	if [[ $1 == -s ]]; then
		stack=1
		shift
	fi
	DELTA_KEYS+=("$2")
	DELTA_NS[$2]=$1
	DELTA_FIELDS[$2]="${*:3}"
	if [[ $stack == 1 ]]; then
		DELTA_LISTENER[$2]=${#DELTA_KEYS[@]}
		DELTA_FIELDS[$2]+=" stack"
		ag listen "${#DELTA_KEYS[@]}" "$1" "$2" "$DELTA_ETYPE"
	fi
}

# delta_read: DELTA_NOW[DEV.FIELD] = the current values (stack: the running
# total)
delta_read() {
	local dev specs=() spec out vals i f fields

	for dev in "${DELTA_KEYS[@]}"; do
		fields=${DELTA_FIELDS[$dev]% stack}
		spec="${DELTA_NS[$dev]}:$dev:${fields// /,}"
		[[ -z ${DELTA_LISTENER[$dev]:-} ]] || spec+=":${DELTA_LISTENER[$dev]}"
		specs+=("$spec")
	done
	out=$(ag stats "${specs[@]}")
	i=0
	while read -r -a vals; do
		dev=${DELTA_KEYS[$i]}
		read -r -a fields <<<"${DELTA_FIELDS[$dev]}"
		for f in "${!fields[@]}"; do
			if [[ ${fields[$f]} == stack ]]; then
				DELTA_NOW[$dev.stack]=$((${DELTA_NOW[$dev.stack]:-0} + vals[f]))
			else
				DELTA_NOW[$dev.${fields[$f]}]=${vals[$f]}
			fi
		done
		i=$((i + 1))
	done <<<"$out"
}

delta_snap() {
	local k

	delta_read
	for k in "${!DELTA_NOW[@]}"; do
		DELTA_BASE[$k]=${DELTA_NOW[$k]}
	done
}

# -c N: the frames were sent to a multicast group, N of them: a device that
# did not join it and got exactly N frames more is a multicast hash filter
# collision (each device's filter hashes with a per-device salt, its kernel
# address), and the scenario runs again.
delta_chk() {
	local coll='' label k dev f d t got exp settle_specs=()
	declare -A want=()

	if [[ $1 == -c ]]; then
		coll=$2
		shift 2
	fi
	label=$1
	shift
	declare -A bykind=()
	for k in "$@"; do
		# DRIVER@EXPECTED: for one driver only; the devices it names are
		# recorded kind-neutrally when they match, so that the diff
		# passes only when each kind does what it should
		if [[ $k == *@* ]]; then
			d=${k#*@}
			case $d in
			*:*) IFS=: read -r _ dev _ <<<"$d" ;;
			*) dev=${d%%.*} ;;
			esac
			bykind[$dev]=1
			[[ ${k%%@*} == "$DRIVER" ]] || continue
			k=$d
		fi
		case $k in
		mc:* | uc:*)
			IFS=: read -r f dev d <<<"$k"
			want[$dev.rx_packets]=$N
			want[$dev.rx_bytes]=$((N * d))
			want[$dev.stack]=$N
			[[ $f == uc ]] || want[$dev.multicast]=$N
			;;
		tx:*)
			dev=${k#tx:}
			want[$dev.tx_packets]=$N
			want[$dev.tx_bytes]=$((N * 60))
			;;
		in:*)
			IFS=: read -r _ dev f d <<<"$k"
			want[$dev.rx_packets]=$N
			[[ " $f $d " != *" stack "* ]] || want[$dev.stack]=$N
			[[ " $f $d " != *" drop "* ]] || want[$dev.rx_dropped]=$N
			;;
		out:*) want[${k#out:}.tx_packets]=$N ;;
		*) want[${k%=*}]=${k##*=} ;;
		esac
	done
	# wait for the expected counts (the socket counts cannot be waited for)
	for dev in "${DELTA_KEYS[@]}"; do
		t=''
		for f in ${DELTA_FIELDS[$dev]}; do
			k=$dev.$f
			[[ $f != stack && -n ${want[$k]:-} ]] || continue
			t+=",$f=$((DELTA_BASE[$k] + want[$k]))"
		done
		settle_specs+=("${DELTA_NS[$dev]}:$dev:${t#,}")
	done
	settle "${settle_specs[@]}"
	delta_read
	for dev in "${DELTA_KEYS[@]}"; do
		got='' exp=''
		for f in ${DELTA_FIELDS[$dev]}; do
			k=$dev.$f
			d=$((DELTA_NOW[$k] - DELTA_BASE[$k]))
			DELTA_BASE[$k]=${DELTA_NOW[$k]}
			[[ $d == 0 ]] || got+=" $f=$d"
			[[ ${want[$k]:-0} == 0 ]] || exp+=" $f=${want[$k]}"
		done
		got=${got# } exp=${exp# }
		if [[ -n $coll && -z $exp && " ${DELTA_FIELDS[$dev]} " == *" multicast "* &&
			" $got " == *" rx_packets=$coll "* ]]; then
			retry_unless_last "$label: $dev got all $coll frames of a group it did not join: a hash filter collision?"
		fi
		if [[ -n ${bykind[$dev]:-} && ${got:--} == "${exp:--}" ]]; then
			rec "$label: $dev as expected for the kind"
			echo "   [$KIND] $label: $dev ${got:--} (what this kind should do)"
		else
			chk "$label: $dev" "${got:--}" "${exp:--}"
		fi
	done
}

# pings TIMEOUT LABEL,NS,DST,EXPECTED...: (LABEL without spaces) pings in parallel, two echo
# requests each; "ok" if an answer came back, else "fail". chk's each result
# as "ping LABEL" against EXPECTED (ok or fail).
pings() {
	local timeout=$1 spec specs=() out label res _
	declare -A expected=()

	shift
	for spec in "$@"; do
		specs+=("${spec%,*}")
		expected[${spec%%,*}]=${spec##*,}
	done
	out=$(ag ping "$timeout" 2 0.25 "${specs[@]}")
	while read -r label res _; do
		chk "ping $label" "$res" "${expected[$label]}"
	done <<<"$out"
}

# ---------------------------------------------------------------------------
# Running a scenario for each kind and comparing

# diff_run FUNC [KIND...]: run the scenario FUNC once per kind (default:
# all of DIFF_KINDS, in order), each in a subshell with its own namespaces, removed
# when it ends. A scenario that exits with status 75 (see retry_unless_last)
# is run again, up to 3 times in all; the results of the last run count.
DIFF_ATTEMPT=0 DIFF_ATTEMPTS=3
diff_run() {
	local fn=$1 kind rc start

	shift
	local kinds=("$@")
	[[ $# -gt 0 ]] || kinds=("${DIFF_KINDS[@]}")
	DIFF_SCENARIOS+=("$fn:${kinds[*]}")
	for kind in "${kinds[@]}"; do
		KIND=$kind
		DRIVER=${kind%-ip}
		for ((DIFF_ATTEMPT = 1; DIFF_ATTEMPT <= DIFF_ATTEMPTS; DIFF_ATTEMPT++)); do
			if [[ $DIFF_ATTEMPT == 1 ]]; then
				step "$fn [$kind]"
			else
				step "$fn [$kind], run $DIFF_ATTEMPT"
			fi
			: >"$DIFF_TMP/attempt.vec"
			: >"$DIFF_TMP/attempt.unexpected"
			start=${EPOCHREALTIME/./}
			set +e
			(
				set -e
				NETNS=()
				trap dns_cleanup EXIT
				"$fn"
			)
			rc=$?
			set -e
			start=$(((${EPOCHREALTIME/./} - start) / 100000))
			printf '   (%s [%s] took %d.%d s)\n' "$fn" "$kind" $((start / 10)) $((start % 10))
			[[ $rc == 75 && $DIFF_ATTEMPT -lt $DIFF_ATTEMPTS ]] || break
			echo "   (run again: $(tail -n 1 "$DIFF_TMP/attempt.retry"))"
		done
		if [[ $rc != 0 ]]; then
			rec "ABORTED: $fn exited with status $rc"
			unexpected "$fn aborted (exit status $rc)"
		fi
		{
			echo "## $fn"
			cat "$DIFF_TMP/attempt.vec"
		} >>"$DIFF_TMP/vec.$kind"
		cat "$DIFF_TMP/attempt.unexpected" >>"$DIFF_TMP/unexpected.$kind"
		KIND='' DRIVER=''
	done
}

# retry_unless_last WHY: a result that chance can explain (a multicast hash
# collision): run the scenario again, unless this is its last run
retry_unless_last() {
	echo "$*" >>"$DIFF_TMP/attempt.retry"
	[[ $DIFF_ATTEMPT -ge $DIFF_ATTEMPTS ]] || exit 75
	echo "   ($*, on the last run: counted as a result)"
}

# diff_finish: compare the vectors, list unexpected values, exit 0 or 1
diff_finish() {
	local bad=0 kind n

	for kind in "${DIFF_KINDS[@]}"; do
		touch "$DIFF_TMP/vec.$kind"
	done
	echo "== macvlan's result vector"
	cat "$DIFF_TMP/vec.macvlan"
	if [[ " ${DIFF_SCENARIOS[*]} " == *":mvlan "* ]]; then
		echo "== mvlan's result vector (some scenarios ran for mvlan only)"
		cat "$DIFF_TMP/vec.mvlan"
	fi
	echo "== result"
	n=$(grep -vc '^## ' "$DIFF_TMP/vec.macvlan" || true)
	# Scenarios run for one kind only are not compared.
	diff_comparable macvlan >"$DIFF_TMP/cmp.macvlan"
	for kind in "${DIFF_KINDS[@]:1}"; do
		diff_comparable "$kind" >"$DIFF_TMP/cmp.$kind"
		if ! diff -u --label "macvlan (oracle)" --label "$kind" \
			"$DIFF_TMP/cmp.macvlan" "$DIFF_TMP/cmp.$kind" >"$DIFF_TMP/diff"; then
			echo "FAIL: $kind's results differ from macvlan's:"
			cat "$DIFF_TMP/diff"
			bad=1
		else
			echo "vectors equal, macvlan and $kind: $(grep -vc '^## ' "$DIFF_TMP/cmp.macvlan" || true) lines compared ($n lines in macvlan's vector)"
		fi
	done
	for kind in "${DIFF_KINDS[@]}"; do
		if [[ -s $DIFF_TMP/unexpected.$kind ]]; then
			echo "FAIL: unexpected results with $kind:"
			sed 's/^/  /' "$DIFF_TMP/unexpected.$kind"
			bad=1
		fi
	done
	[[ $bad == 0 ]] || exit 1
	echo "ok"
}

# diff_comparable KIND: the vector of KIND without the scenarios that did not
# run for both kinds
diff_comparable() {
	local s skip=() f

	for s in "${DIFF_SCENARIOS[@]}"; do
		[[ ${s#*:} == "${DIFF_KINDS[*]}" ]] || skip+=("${s%%:*}")
	done
	awk -v skip="${skip[*]}" '
		BEGIN { n = split(skip, a, " "); for (i = 1; i <= n; i++) s["## " a[i]] = 1 }
		/^## / { on = !($0 in s) }
		on' "$DIFF_TMP/vec.$1"
}

# ---------------------------------------------------------------------------
# Broadcast and multicast scenarios (diff-flood*.sh): bursts of N raw frames
# of 60 bytes, ethertype 0x88b5 (local experimental).
# shellcheck disable=SC2034 # used by the tests that source this
N=20 B=ff:ff:ff:ff:ff:ff
# shellcheck disable=SC2034
G0=01:00:5e:01:01:03 G1=01:00:5e:01:01:01 G2=01:00:5e:01:01:02
HOST=02:00:00:00:02:fe
declare -A MAC=([mp1]=02:00:00:00:02:11 [mv1]=02:00:00:00:02:21
	[mb1]=02:00:00:00:02:31 [mb2]=02:00:00:00:02:32)
DEV_FIELDS="rx_packets rx_bytes multicast rx_dropped tx_packets tx_bytes tx_dropped"

# flood_topology QUEUE_LEN [bond]: ns low with mp1 (private), mv1 (vepa), mb1
# and mb2 (bridge) on the lower device $FL, which is lower0, a veth whose
# peer eth0 is a hairpin port of br0 in ns sw, or with "bond" a bond over
# lower0 (a lower device with a unicast filter, see diff-flood-queue.sh).
# Every device asks for a flood queue of QUEUE_LEN. mb2 joins G1, mv1 and
# mb1 join G2. Tracks the counters of all of them (see track).
FL=lower0
flood_topology() {
	local ql=$1 lower=${2:-veth}

	dns low sw
	ip -n low link add lower0 type veth peer name eth0 netns sw
	if [[ $lower == bond ]]; then
		FL=bond0
		nsb low <<EOF
link add bond0 type bond mode active-backup
link set lower0 master bond0
EOF
	fi
	nsb sw <<EOF
link add br0 address $HOST type bridge mcast_snooping 0
link set eth0 master br0
link set eth0 type bridge_slave hairpin on
link set eth0 up
link set br0 up
EOF
	par drv_add low mp1 $FL private address "${MAC[mp1]}" bcqueuelen "$ql" -- \
		drv_add low mv1 $FL vepa address "${MAC[mv1]}" bcqueuelen "$ql" -- \
		drv_add low mb1 $FL bridge address "${MAC[mb1]}" bcqueuelen "$ql" -- \
		drv_add low mb2 $FL bridge address "${MAC[mb2]}" bcqueuelen "$ql"
	nsb low <<EOF
link set lower0 up
link set $FL up
link set mp1 up
link set mv1 up
link set mb1 up
link set mb2 up
EOF
	# one process each: "ip maddr" ends a batch
	par ip -n low maddr add $G1 dev mb2 -- ip -n low maddr add $G2 dev mv1 -- \
		ip -n low maddr add $G2 dev mb1
	[[ $lower == bond ]] && bond_wait_active low bond0 lower0
	for d in mp1 mv1 mb1 mb2; do
		# shellcheck disable=SC2086 # words
		track -s low "$d" $DEV_FIELDS
	done
	track -s low $FL rx_packets rx_dropped tx_packets
	track sw br0 rx_packets
	delta_snap
}

# bond_wait_active NS BOND SLAVE: wait until BOND has SLAVE as its active
# slave and has carrier. The bond makes that choice at its next link check
# (miimon, 100 ms); until then it drops what its slave receives, so a burst
# sent too early reaches neither the bond nor anything above it.
bond_wait_active() {
	for _ in $(seq 100); do
		ip netns exec "$1" sh -c "[ \"\$(cat /sys/class/net/$2/bonding/active_slave)\" = $3 ] &&
			[ \"\$(cat /sys/class/net/$2/carrier)\" = 1 ]" 2>/dev/null && return 0
		sleep 0.05
	done
	fail "$2 in $1 has no active slave $3 after 100 tries"
}

# from_host DST: N frames from the host to DST
from_host() {
	ag send sw br0 "$N" "$HOST" "$1" 88b5
}

# from DEV DST: N frames from the device DEV to DST
from() {
	ag send low "$1" "$N" "${MAC[$1]}" "$2" 88b5
}
