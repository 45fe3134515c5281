# SPDX-License-Identifier: GPL-2.0-or-later
# Helpers of tests/bench/guest.sh: pktgen, device counters, timing, the CSV.
# Sourced, in the test VM, as root.

PG=/proc/net/pktgen

# now_us VAR: microseconds since the epoch, into VAR. Neither this nor
# since_s runs in a subshell: under -icount a fork costs about a millisecond
# of the guest's time, and the timed command would be charged for it.
now_us() {
	local -n _nu_var=$1
	local _nu_t=$EPOCHREALTIME

	_nu_var=${_nu_t/./}
}

# since_s VAR START_US: seconds since START_US, three decimals, into VAR
since_s() {
	local _ss_t=$EPOCHREALTIME
	local -n _ss_var=$1
	local _ss_d=$((${_ss_t/./} - $2))

	printf -v _ss_var '%d.%03d' $((_ss_d / 1000000)) $((_ss_d % 1000000 / 1000))
}

# log MESSAGE: a line of the guest's log, with the guest's uptime
log() {
	local up _

	read -r up _ </proc/uptime
	printf '[%7ss] %s\n' "$up" "$*"
}

# A FIFO nobody writes to: "read -t" on it sleeps without forking (forks
# are slow under TCG and would stretch every measurement).
mkfifo /tmp/mvbench-tick
exec {TICK}<>/tmp/mvbench-tick
rm -f /tmp/mvbench-tick

# nap SECS: sleep SECS (fractions allowed)
nap() {
	read -r -t "$1" -u "$TICK" _ || true
}

# emit SCENARIO CASE N DRIVER REP METRIC VALUE: one row of the raw CSV
emit() {
	local IFS=,

	echo "$*" >>"$CSV"
}

# pgset FILE CMD: one pktgen command, checked
pgset() {
	if ! echo "$2" >"$PG/$1" 2>/dev/null; then
		echo "pktgen: '$2' > $PG/$1 failed: $(grep -h '^Result' "$PG/$1" 2>/dev/null)" >&2
		return 1
	fi
}

# pg_rem_all: take every device off pktgen's thread 0, and wait until it is
# done: the thread only looks every 100 ms, and a device added before it
# does would go too
pg_rem_all() {
	local line devs n=0

	pgset kpktgend_0 rem_device_all
	while ((n++ < 200)); do
		devs=
		while read -r line; do
			case $line in
			Running:* | Stopped:*) devs+=${line#*:} ;;
			esac
		done <"$PG/kpktgend_0"
		[[ -n ${devs//[[:space:]]/} ]] || return 0
		nap 0.05
	done
	echo "pktgen: devices still on thread 0: $devs" >&2
	return 1
}

# pg_setup GEN DST_MAC [SRC_MAC]: GEN becomes the only device of pktgen's
# thread on CPU 0, sending PKT_SIZE-byte UDP frames to DST_MAC, as fast as
# it can, until stopped. Every frame is dropped by IPv4 on arrival (source
# 0.0.0.0 is a martian), wherever it arrives.
pg_setup() {
	local gen=$1 dst=$2 src=${3:-}

	pg_rem_all
	pgset kpktgend_0 "add_device $gen"
	pgset "$gen" "count 0"
	pgset "$gen" "pkt_size $PKT_SIZE"
	pgset "$gen" "delay 0"
	pgset "$gen" "clone_skb 0"
	pgset "$gen" "dst 10.9.9.9"
	pgset "$gen" "dst_mac $dst"
	if [[ -n $src ]]; then
		pgset "$gen" "src_mac $src"
	fi
}

# ctr_sum DEV/NAME...: the sum of those /sys/class/net counters into CTR;
# the counters of a device DEV in another netns are under NETDIR[DEV]
CTR=0
declare -A NETDIR=()
ctr_sum() {
	local v c d

	CTR=0
	for c in "$@"; do
		d=${c%%/*}
		read -r v <"${NETDIR[$d]:-/sys/class/net}/$d/statistics/${c#*/}" || v=0
		CTR=$((CTR + v))
	done
}

# pg_start: start pktgen (in the background: "start" returns when it stops)
PG_PID=
pg_start() {
	echo start >"$PG/pgctrl" &
	PG_PID=$!
}

# pg_running: the devices pktgen's thread 0 runs now, into PG_RUNNING
pg_running() {
	local line

	PG_RUNNING=
	while read -r line; do
		case $line in
		Running:*) PG_RUNNING=${line#Running:} ;;
		esac
	done <"$PG/kpktgend_0"
	PG_RUNNING=${PG_RUNNING//[[:space:]]/}
}

# pg_stop: stop pktgen and wait for it. "start" may return before the
# thread even started (when the thread takes more than 125 ms to notice),
# so what counts is the thread's list of running devices.
pg_stop() {
	local n

	while :; do
		echo stop >"$PG/pgctrl"
		# the thread sees it within 100 ms
		for ((n = 0; n < 50; n++)); do
			pg_running
			if [[ -z $PG_RUNNING ]] && ! kill -0 "$PG_PID" 2>/dev/null; then
				wait "$PG_PID" || true
				return 0
			fi
			nap 0.02
		done
	done
}

# pg_wait_traffic DEV/NAME...: wait (at most 10 s) until the counters move
pg_wait_traffic() {
	local c0 n=0

	ctr_sum "$@"
	c0=$CTR
	while ((n++ < 1000)); do
		nap 0.01
		ctr_sum "$@"
		((CTR == c0)) || return 0
	done
	return 1
}

# A measurement: pg_setup first, then
#   measure "RATE_CTRS" ["EXTRA_CTRS"...]
# runs pktgen for WARMUP s, then for SECS s, and sets
#   RATE     the increase of the sum of the counters RATE_CTRS (DEV/NAME
#            separated by blanks) per second over those SECS
#   EXTRA[i] the increase of the sum of the i-th EXTRA_CTRS in that time
# shellcheck disable=SC2034 # for the caller
RATE=0
EXTRA=()
measure() {
	local rate_ctrs=$1 c0 c1 t0 t1 i c
	local -a x0=() x1=()

	shift
	pg_start
	# shellcheck disable=SC2086
	if ! pg_wait_traffic $rate_ctrs; then
		pg_stop
		echo "measure: no traffic counted on $rate_ctrs" >&2
		return 1
	fi
	nap "$WARMUP"
	i=0
	for c in "$@"; do
		# shellcheck disable=SC2086 # lists of counters
		ctr_sum $c
		x0[i++]=$CTR
	done
	# shellcheck disable=SC2086
	ctr_sum $rate_ctrs
	c0=$CTR
	t0=${EPOCHREALTIME/./}
	nap "$SECS"
	# shellcheck disable=SC2086
	ctr_sum $rate_ctrs
	c1=$CTR
	t1=${EPOCHREALTIME/./}
	i=0
	for c in "$@"; do
		# shellcheck disable=SC2086
		ctr_sum $c
		x1[i++]=$CTR
	done
	pg_stop
	# shellcheck disable=SC2034 # for the caller
	RATE=$(((c1 - c0) * 1000000 / (t1 - t0)))
	EXTRA=()
	for i in "${!x0[@]}"; do
		# shellcheck disable=SC2034 # for the caller
		EXTRA[i]=$((x1[i] - x0[i]))
	done
}

# settle DEV/NAME...: wait (at most 10 s) until the sum of the counters
# stops moving, i.e. queued work from the last measurement is done
settle() {
	local a n=0

	ctr_sum "$@"
	a=$CTR
	while ((n < 50)); do
		nap 0.2
		ctr_sum "$@"
		[[ $a != "$CTR" ]] || return 0
		a=$CTR
		n=$((n + 1))
	done
}

# pair GEN LOW MAC_GEN MAC_LOW: a veth pair, both ends up
pair() {
	ip link add "$2" address "$4" type veth peer name "$1" address "$3"
	ip link set "$1" up
	ip link set "$2" up
}

# mac_of PREFIX I: the I-th address (0-based) of a family of addresses,
# PREFIX being its first three bytes (02:xx:yy)
mac_of() {
	printf '%s:%02x:%02x:%02x' "$1" $(($2 >> 16 & 255)) $(($2 >> 8 & 255)) $(($2 & 255))
}

# order REP A B ...: the drivers in the order of repetition REP: forward
# on odd repetitions, backward on even ones (A B, B A, A B, ...), so that
# a drift of the host's load does not favour one of them
order() {
	local rep=$1 i

	shift
	if ((rep % 2)); then
		echo "$@"
	else
		for ((i = $#; i >= 1; i--)); do
			printf '%s ' "${!i}"
		done
		echo
	fi
}
