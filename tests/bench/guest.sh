#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# tests/bench/guest.sh: the mvlan-against-macvlan benchmark, inside the test
# VM (run by tests/bench/run.sh through tests/vm/run.sh as its only TEST).
#
# Load comes from the kernel's pktgen (thread 0, on CPU 0) sending 60-byte
# UDP frames into a veth pair; rates are read from /sys/class/net/*/statistics
# over a fixed interval. Each driver has a lower device of its own, so both
# are set up once per size and measured in turn, A B, B A, A B, ...:
#
#   pktgen -> gena ==veth== lowa -- macvlan devices (ma*, mva; sa in netns msa)
#   pktgen -> genb ==veth== lowb -- mvlan devices   (mb*, mvb; sb in netns msb)
#   pktgen -> genc ==veth== lowc    (no upper device: the bare path)
#
# Devices of either driver have the same MAC addresses; unicast frames go
# to device 0, the first created (P1, P6).
#
# Every frame ends in IPv4, which drops it (its source, 0.0.0.0, is a
# martian): the same cost behind every path.
#
# Scenarios (see run.sh for the table they make):
#   P1 unicast rx to one device; bare: the same frames to lowc's own MAC
#   P2 pktgen on the device itself, frames out through the lower (counted
#      where they arrive, on the veth peer); bare: pktgen on lowc
#   P3 a source-mode device with N list entries; frames whose source is not
#      listed (miss: counted on the lower) and is listed (hit: counted on
#      the source-mode device)
#   P4 broadcast to 1..64 bridge-mode devices: deliveries (the sum of their
#      rx_packets) per second, and drops
#   P5 (with P3) loading the source lists, timed: macvlan by "ip -batch" of
#      "link set DEV type macvlan macaddr add MAC" (cumulative), mvlan by
#      "mvctl source DEV set file"; and dumping them back
#   P6 unicast rx to one device among 1..4096 on one lower
#   P7 TCP throughput (iperf3, P7_SECS s streams) between netns
#      ("containers") with a bridge-mode device each, and the veth peer of
#      the lower in a netns of its own (the outside host):
#
#        c?1: c?1 10.7.0.1 --+                  o?: gen? 10.7.0.100
#        c?2: c?2 10.7.0.2 --+-- low? ==veth==      (the outside host)
#
#      c?1 -> c?2 (bridge mode, on the lower), c?1 -> o?, o? -> c?1;
#      ? is a or b, the two setups. The drivers change setups from one
#      repetition to the next: with macvlan on both, b's streams ran 0.15%
#      slower than a's on two paths (medians of five pairs), and with a
#      setup each for good that went into the ratios. Both ends of a
#      stream run on CPU 0: veth's netif_rx queues a frame on the backlog
#      of the CPU that sends it, and TCP sends from the writer's CPU and
#      from the softirq of the ACKs on the other, so a stream spread over
#      two CPUs is reordered (0-1000 fast retransmits a stream, all
#      spurious: DSACKs, no drop) and its rate varies by +-3% from one
#      stream to the next with either driver; on one CPU it retransmits
#      nothing and varies by 0.5%
#   P8 many flows: pktgen to 64 devices at once (64 destination MACs and
#      UDP ports, one each), counted as the sum of the devices' rx_packets;
#      and to a source-mode device from 4096 source MACs, all listed
#      (deliveries to it)
#
# Settings come from the kernel command line (MVLAN_VM_APPEND), words
# mvbench.KEY=VALUE: mode=full|smoke, clock=wall|icountSHIFT (what QEMU
# runs with), reps=N, secs=S (measurement interval), only=P1,P2,... (P3 and
# P5 go together), cap=S (how long to keep loading macvlan's list past the
# largest size measured, to show the trend), perf=1 (profiles of P1, P2),
# tcpsecs=S (P7's streams).
#
# Output in $MVLAN_OUT/bench/: raw.csv (scenario,case,n,driver,rep,metric,
# value), status (a line "OK|FAIL SCENARIO SECONDS [why]" a scenario),
# meta.txt. Exit status 0 when every scenario ran.
set -uo pipefail

# Run from a copy: bash reads a script while it runs it, and the guest sees
# the host's tree live, edits included.
if [[ ${MVBENCH_COPY:-} != 1 ]]; then
	cp "$0" /tmp/mvbench-guest.sh
	MVBENCH_COPY=1 exec bash /tmp/mvbench-guest.sh "$@"
fi

: "${TOP:?run through tests/bench/run.sh}"
: "${MVCTL:=$TOP/cli/mvctl}"
# run.sh's copy, safe from rebuilds of cli/mvctl during the run
if [[ -x $TOP/build/bench/input/mvctl ]]; then
	MVCTL=$TOP/build/bench/input/mvctl
fi
# ip's plugin for "type mvlan" (mkdevs), run.sh's copy too
export IP_LIB_DIR=$TOP/cli/ip
if [[ -f $TOP/build/bench/input/ip/link_mvlan.so ]]; then
	IP_LIB_DIR=$TOP/build/bench/input/ip
fi
: "${MVLAN_OUT:=/tmp/mvbench}"
# shellcheck source=tests/bench/lib.bash
. "$TOP/tests/bench/lib.bash"

OUT=$MVLAN_OUT/bench
mkdir -p "$OUT"
CSV=$OUT/raw.csv
STATUS=$OUT/status
echo "scenario,case,n,driver,rep,metric,value" >"$CSV"
: >"$STATUS"

# --- settings -------------------------------------------------------------
# shellcheck source=tests/bench/opts.bash
. "$TOP/tests/bench/opts.bash"
MODE=${opt[mode]:-full}
CLOCK=${opt[clock]:-wall}
PKT_SIZE=60
if [[ $MODE == smoke ]]; then
	P3_NS="1 100" P3_MACVLAN_MAX=100 MACVLAN_CAP=0 P3_MVLAN_ONLY=""
	P4_NS="1 4" P6_NS="1 16" CP_REPS=1 DUMP_MIN=100
	P7_SECS=1 P8_DEVS=4 P8_SRCS=64
else
	# rates at these list sizes; macvlan's up to P3_MACVLAN_MAX
	P3_NS="1 1000 10000 100000" P3_MACVLAN_MAX=10000 MACVLAN_CAP=30
	# mvlan only, loaded, dumped and measured too
	P3_MVLAN_ONLY="1000000"
	P4_NS="1 16 64" P6_NS="1 1024 4096" CP_REPS=3
	# dump the lists back from this size on
	DUMP_MIN=1000
	# P7's TCP streams (s), P8's devices and source MACs
	P7_SECS=4 P8_DEVS=64 P8_SRCS=4096
fi
# Under -icount (run.sh's default) a rate is a count of instructions, the
# same from one repetition to the next: a few short ones do. On the wall
# clock of a busy host it is anything but.
case $CLOCK/$MODE in
icount*/smoke) REPS=1 SECS=0.1 WARMUP=0.05 ;;
icount*/*) REPS=3 SECS=0.3 WARMUP=0.15 ;;
*/smoke) REPS=1 SECS=0.4 WARMUP=0.2 ;;
*) REPS=6 SECS=1.5 WARMUP=0.4 ;;
esac
QUIESCE=2
[[ $MODE != smoke ]] || QUIESCE=0.5
REPS=${opt[reps]:-$REPS}
SECS=${opt[secs]:-$SECS}
# (virtual seconds under -icount run about 3 times slower than real ones)
[[ $CLOCK == wall ]] || MACVLAN_CAP=$((MACVLAN_CAP / 3))
MACVLAN_CAP=${opt[cap]:-$MACVLAN_CAP}
P7_SECS=${opt[tcpsecs]:-$P7_SECS}
# TCP streams are long: six of them (a median of six pairs, three with each
# driver on each setup: scen_p7), one in smoke
P7_REPS=$((REPS < 2 ? REPS : 6))
# The scenarios, in the order they run: NAMES (the rows they emit) and the
# function. A row of its own (the CNI plugin's, mvtap's, ...) is a file
# tests/bench/rows/NAME.bash that defines its function and adds itself
# with bench_row; it has this file's helpers (pair, pg_setup, measure,
# emit, order, log, ...), and report.py shows any row it does not know as
# ratios of mvlan to macvlan per case and size.
# shellcheck disable=SC2054 # "P3,P5": one element, two names
SCENARIOS=(P1 scen_p1 P2 scen_p2 P3,P5 scen_source P4 scen_p4 P6 scen_p6
	P7 scen_p7 P8 scen_p8)
bench_row() { SCENARIOS+=("$1" "$2"); }
for f in "$(dirname "${BASH_SOURCE[0]}")"/rows/*.bash; do
	[[ -e $f ]] || continue
	# shellcheck disable=SC1090 # rows of other changes
	. "$f"
done
all=''
for ((i = 0; i < ${#SCENARIOS[@]}; i += 2)); do
	all+=${all:+,}${SCENARIOS[i]}
done
ONLY=${opt[only]:-$all}
# list sizes where only the control plane is timed (a dump of macvlan's
# list must fit one netlink attribute: 5000 does, 10000 does not)
P5_ONLY="5000"
[[ $MODE == smoke ]] && P5_ONLY=""

{
	echo "mode $MODE"
	echo "reps $REPS"
	echo "secs $SECS"
	echo "warmup $WARMUP"
	echo "pkt_size $PKT_SIZE"
	echo "tcp_secs $P7_SECS"
	echo "tcp_reps $P7_REPS"
	echo "only $ONLY"
	echo "clock $CLOCK"
	echo "kernel $(uname -r)"
	echo "cpus $(nproc) $(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2-)"
	echo "mem $(awk '/MemTotal/ {print $2, $3}' /proc/meminfo)"
	echo "iproute2 $(ip -V)"
	echo "mvctl $("$MVCTL" -V)"
	echo "iperf3 $(iperf3 --version | head -n 1)"
} >"$OUT/meta.txt"
log "bench: $(tr '\n' ';' <"$OUT/meta.txt")"

# --- the timed commands, off 9p ---------------------------------------------
# P5 and P6 time whole commands: ip (with mvlan's plugin) and mvctl. The
# guest's root and the tree are 9p shares, so every exec opens its binary
# and libraries over 9p, and under -icount the guest's wait for the host's
# replies passes as guest time: host latency, not instructions (the same
# dump of 1000 entries by ip took 20-21 ms in one run, 29-40 in the next).
# Copies on tmpfs, bound over the files, take that out of both drivers'
# times; they go at the end (cni.sh and the other rows run after this).
LOCAL_TOOLS=/tmp/mvbench-tools
LOCAL_BOUND=()
tools_local() {
	local f dst

	mkdir -p "$LOCAL_TOOLS"
	for f in $(realpath -e "$@" 2>/dev/null | sort -u); do
		[[ -f $f ]] || continue
		dst=$LOCAL_TOOLS/${f//\//_}
		cp "$f" "$dst"
		mount --bind "$dst" "$f"
		LOCAL_BOUND+=("$f")
	done
}
tools_unbind() {
	local f

	for f in "${LOCAL_BOUND[@]}"; do
		umount "$f"
	done
	LOCAL_BOUND=()
}
IP=$(command -v ip)
# shellcheck disable=SC2046 # a list of libraries
tools_local "$IP" "$MVCTL" "$IP_LIB_DIR/link_mvlan.so" /etc/ld.so.cache \
	/etc/iproute2/group $(ldd "$IP" "$MVCTL" "$IP_LIB_DIR/link_mvlan.so" |
		awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}')
log "bench: ${#LOCAL_BOUND[@]} files of ip and mvctl on tmpfs: ${LOCAL_BOUND[*]}"

modprobe pktgen
modprobe macvlan
# no IPv6: no autoconfiguration, DAD or MLD traffic, and cheaper devices
sysctl -qw net.ipv6.conf.all.disable_ipv6=1
sysctl -qw net.ipv6.conf.default.disable_ipv6=1

# --- addresses --------------------------------------------------------------
LOWA=02:00:00:0a:00:01 GENA=02:00:00:0a:00:02
LOWB=02:00:00:0b:00:01 GENB=02:00:00:0b:00:02
LOWC=02:00:00:0c:00:01 GENC=02:00:00:0c:00:02
BCAST=ff:ff:ff:ff:ff:ff
# the upper devices of either driver have the same addresses (on different
# lowers), so that both hash the same keys: device I has mac_of 02:d0:00 I
DEV_PFX=02:d0:00
D0=$(mac_of $DEV_PFX 0)
# source list entries: entry I is mac_of 02:5e:00 I (run.sh writes a file
# of the first million to build/bench/input/macs.txt); a source not listed:
SRC_OUT=02:ff:00:00:00:01
SRC_IN=$(mac_of 02:5e:00 0)
MACS_FILE=$TOP/build/bench/input/macs.txt

# macs N FILE: the first N list entries into FILE
macs() {
	if [[ -r $MACS_FILE ]] && (($(wc -l <"$MACS_FILE") >= $1)); then
		head -n "$1" "$MACS_FILE" >"$2"
	else
		awk -v n="$1" 'BEGIN {
			for (i = 0; i < 256; i++) h[i] = sprintf("%02x", i)
			for (i = 0; i < n; i++)
				print "02:5e:00:" h[int(i / 65536) % 256] ":" h[int(i / 256) % 256] ":" h[i % 256]
		}' >"$2"
	fi
}

# quiesce: let deferred work of a setup (link watch, RCU callbacks, ...)
# finish before measuring: under -icount, whatever either CPU executes
# during a measurement counts against its rate
quiesce() {
	nap "$QUIESCE"
}

cleanup_links() {
	local d

	pg_rem_all || true
	for d in lowa lowb lowc; do
		ip link del "$d" 2>/dev/null || true
	done
	for d in msa msb; do
		umount "/tmp/sys-$d" 2>/dev/null
		ip netns del "$d" 2>/dev/null
	done
	for d in oa ob ca1 ca2 cb1 cb2; do
		ip netns del "$d" 2>/dev/null
	done
	return 0
}

# profile NAME: with pktgen set up (pg_setup), a system-wide perf profile
# of 2 s of load to $OUT/perf-NAME.txt (mvbench.perf=1 only)
profile() {
	[[ ${opt[perf]:-0} == 1 ]] || return 0
	pg_start
	nap 0.5
	perf record -q -a -e cpu-clock -o /tmp/perf.data -- sleep 2 >/dev/null 2>&1
	pg_stop
	perf report -i /tmp/perf.data --stdio --sort sym --percent-limit 0.05 \
		>"$OUT/perf-$1.txt" 2>&1 || true
	log "perf profile: $OUT/perf-$1.txt"
}

# --- P1, P2: one device ----------------------------------------------------
setup_one() {
	pair gena lowa $GENA $LOWA
	pair genb lowb $GENB $LOWB
	pair genc lowc $GENC $LOWC
	ip link add link lowa name mva address "$D0" type macvlan mode bridge
	"$MVCTL" add mvb link lowb mode bridge address "$D0"
	ip link set mva up
	ip link set mvb up
	quiesce
}

scen_p1() {
	local rep v

	setup_one
	for ((rep = 1; rep <= REPS; rep++)); do
		for v in $(order $rep bare macvlan mvlan); do
			case $v in
			bare) pg_setup genc $LOWC; measure lowc/rx_packets ;;
			macvlan) pg_setup gena "$D0"; measure mva/rx_packets ;;
			mvlan) pg_setup genb "$D0"; measure mvb/rx_packets ;;
			esac
			emit P1 rx 1 "$v" "$rep" pps "$RATE"
			log "P1 rep $rep $v: $RATE pps"
		done
	done
	pg_setup genc $LOWC
	profile P1-bare
	pg_setup gena "$D0"
	profile P1-macvlan
	pg_setup genb "$D0"
	profile P1-mvlan
}

scen_p2() {
	local rep v

	setup_one
	for ((rep = 1; rep <= REPS; rep++)); do
		for v in $(order $rep bare macvlan mvlan); do
			case $v in
			bare) pg_setup lowc $GENC; measure genc/rx_packets ;;
			macvlan) pg_setup mva $GENA; measure gena/rx_packets ;;
			mvlan) pg_setup mvb $GENB; measure genb/rx_packets ;;
			esac
			emit P2 tx 1 "$v" "$rep" pps "$RATE"
			log "P2 rep $rep $v: $RATE pps"
		done
	done
	pg_setup mva $GENA
	profile P2-macvlan
	pg_setup mvb $GENB
	profile P2-mvlan
}

# --- P3, P5: source lists --------------------------------------------------
# netns_dev DEV NS: move DEV to a new netns NS, up; its counters stay
# readable by ctr_sum
netns_dev() {
	ip netns add "$2"
	ip link set "$1" netns "$2"
	ip -n "$2" link set "$1" up
	mkdir -p "/tmp/sys-$2"
	nsenter --net="/run/netns/$2" mount -t sysfs sysfs "/tmp/sys-$2"
	NETDIR[$1]=/tmp/sys-$2/class/net
}

# timed_s VAR CMD...: run CMD (output to /dev/null), its duration in s to VAR
timed_s() {
	local var=$1 t0

	shift
	now_us t0
	"$@" >/dev/null
	since_s "$var" "$t0"
}

# macvlan_load FROM TO: add list entries FROM..TO-1 to sa, timed into LOAD_S
macvlan_load() {
	macs "$2" /tmp/macs
	tail -n +$(($1 + 1)) /tmp/macs | sed 's/^/link set sa type macvlan macaddr add /' >/tmp/batch
	timed_s LOAD_S ip -n msa -batch /tmp/batch
}

# dump_count DRIVER N REP: dump the list back, timed, and count it (mvlan's
# count in DUMP_GOT)
dump_count() {
	local drv=$1 n=$2 rep=$3 got s t0 user sys TIMEFORMAT='%U %S'

	now_us t0
	if [[ $drv == macvlan ]]; then
		# past 5461 entries the list overflows its netlink attribute
		# and comes back garbled: see P5_ONLY
		ip -n msa -d link show dev sa >/tmp/dump 2>&1 || true
		since_s s "$t0"
		got=$(grep -o '02:5e:00:[0-9a-f:]*' /tmp/dump | wc -l)
	else
		# mvctl's own time and the kernel's (the dump is filled in
		# mvctl's recvmsg()), apart
		{ time "$MVCTL" -n msb source sb list >/tmp/dump 2>&3; } 3>&2 2>/tmp/dump.times
		since_s s "$t0"
		got=$(wc -l </tmp/dump)
		read -r user sys </tmp/dump.times
		emit P5 dump "$n" "$drv" "$rep" user_seconds "$user"
		emit P5 dump "$n" "$drv" "$rep" sys_seconds "$sys"
		log "P5 dump $n $drv: mvctl ${user} s user, ${sys} s system"
		DUMP_GOT=$got
	fi
	emit P5 dump "$n" "$drv" "$rep" seconds "$s"
	emit P5 dump "$n" "$drv" "$rep" entries "$got"
	log "P5 dump $n $drv rep $rep: $s s, $got entries shown"
}

p3_rates() {
	local n=$1 drivers=$2 rep v c

	for ((rep = 1; rep <= REPS; rep++)); do
		# shellcheck disable=SC2086
		for v in $(order $rep $drivers); do
			if [[ $v == macvlan ]]; then
				pg_setup gena $LOWA $SRC_OUT; measure lowa/rx_packets
				emit P3 miss "$n" $v $rep pps $RATE
				c=$RATE
				pg_setup gena $LOWA "$SRC_IN"; measure sa/rx_packets
			else
				pg_setup genb $LOWB $SRC_OUT; measure lowb/rx_packets
				emit P3 miss "$n" $v $rep pps $RATE
				c=$RATE
				pg_setup genb $LOWB "$SRC_IN"; measure sb/rx_packets
			fi
			emit P3 hit "$n" $v $rep pps $RATE
			log "P3 N=$n rep $rep $v: miss $c hit $RATE pps"
		done
	done
}

scen_source() {
	local steps n have=0 total=0 i s t0 drivers dd v t rate_ns
	local -a ss

	pair gena lowa $GENA $LOWA
	pair genb lowb $GENB $LOWB
	# Each source-mode device in a netns of its own: once macvlan's list
	# is longer than its netlink attribute can hold (5461 entries), the
	# kernel's dump of that link is garbled and mvctl, which lists the
	# links of its netns, fails ("cannot list network devices: Input data
	# out of range"); mvlan's goes too, for symmetry. Their counters are
	# read through a sysfs mounted from within their netns (no fork).
	ip link add link lowa name sa type macvlan mode source
	"$MVCTL" add sb link lowb mode source
	netns_dev sa msa
	netns_dev sb msb

	rate_ns=" $P3_NS $P3_MVLAN_ONLY "
	# shellcheck disable=SC2086 # lists of sizes
	steps=$(printf '%s\n' $P3_NS $P3_MVLAN_ONLY $P5_ONLY | sort -n | uniq)
	for n in $steps; do
		# macvlan: add the entries it does not have yet
		if ((n <= P3_MACVLAN_MAX)); then
			macvlan_load "$have" "$n"
			total=$(awk -v a="$total" -v b="$LOAD_S" 'BEGIN {printf "%.3f", a + b}')
			emit P5 load_step "$n" macvlan 1 seconds "$LOAD_S"
			emit P5 load "$n" macvlan 1 seconds "$total"
			log "P5 macvlan: $have -> $n entries in $LOAD_S s ($total s from empty)"
			have=$n
			drivers="macvlan mvlan"
		elif ((have < n)) && [[ -z ${macvlan_tried:-} ]]; then
			macvlan_tried=1
			# show where it goes: keep loading for MACVLAN_CAP s
			now_us t0
			while ((have < n)) && now_us t && ((t - t0 < MACVLAN_CAP * 1000000)); do
				i=$((have + 2000 < n ? have + 2000 : n))
				macvlan_load "$have" "$i"
				total=$(awk -v a="$total" -v b="$LOAD_S" 'BEGIN {printf "%.3f", a + b}')
				emit P5 load_step "$i" macvlan 1 seconds "$LOAD_S"
				emit P5 load "$i" macvlan 1 seconds "$total"
				log "P5 macvlan: $have -> $i entries in $LOAD_S s ($total s from empty)"
				have=$i
			done
			emit P3 notmeasured "$n" macvlan 1 reached "$have"
			emit P3 notmeasured "$n" macvlan 1 seconds "$total"
			drivers="mvlan"
		else
			drivers="mvlan"
		fi
		# mvlan: replace the list by one of n entries, CP_REPS times
		# (once past 100k)
		macs "$n" /tmp/macs
		ss=()
		for ((i = 1; i <= (n > 100000 ? 1 : CP_REPS); i++)); do
			timed_s s "$MVCTL" -n msb source sb set file /tmp/macs
			emit P5 load "$n" mvlan $i seconds "$s"
			ss+=("$s")
		done
		log "P5 mvlan: set $n entries: ${ss[*]} s"
		if ((n >= DUMP_MIN)); then
			# CP_REPS times each, in turn (once past 100k)
			dd=mvlan
			((n > P3_MACVLAN_MAX)) || dd="macvlan mvlan"
			for ((i = 1; i <= (n > 100000 ? 1 : CP_REPS); i++)); do
				# shellcheck disable=SC2086 # a list of drivers
				for v in $(order $i $dd); do
					dump_count $v "$n" $i
				done
			done
		else
			"$MVCTL" -n msb source sb list >/tmp/dump
			DUMP_GOT=$(wc -l </tmp/dump)
		fi
		if [[ $DUMP_GOT != "$n" ]]; then
			echo "mvlan's list has $DUMP_GOT entries, not $n" >&2
			return 1
		fi
		if [[ $rate_ns == *" $n "* ]]; then
			[[ " $P3_MVLAN_ONLY " != *" $n "* ]] || drivers=mvlan
			quiesce
			p3_rates "$n" "$drivers"
		fi
	done
}

# --- P4, P6: many devices ---------------------------------------------------
# mkdevs FROM TO: devices FROM..TO-1 of either driver, up, bridge mode,
# timed (P6 create rows when P6). Both drivers' devices are made by the
# same client, one "ip -batch" of the same lines (mvlan's through the ip
# plugin), so that the time is the drivers'. With IPv6 off on them:
# bringing a device up with IPv6 adds its fe80::/64 route, and fib6_ifup()
# walks every route of the netns, so the devices created second (mvlan's)
# would pay for the first ones' routes as well (perf: fib6_walk_continue,
# __find_rr_leaf and fib6_clean_node 22% of the samples of mvlan's ups, 3%
# of macvlan's; an up took 2.0 ms against 1.1 with 1000 devices each, 0.2
# with IPv6 off).
mkdevs() {
	local from=$1 to=$2 s v6 drv low p

	for drv in macvlan mvlan; do
		low=lowa p=ma
		[[ $drv == macvlan ]] || low=lowb p=mb
		awk -v f="$from" -v t="$to" -v drv=$drv -v low=$low -v p=$p 'BEGIN {
			for (i = f; i < t; i++) {
				mac = sprintf("02:d0:00:%02x:%02x:%02x", int(i / 65536) % 256, int(i / 256) % 256, i % 256)
				printf "link add link %s name %s%d address %s type %s mode bridge\n", low, p, i, mac, drv
				printf "link set %s%d up\n", p, i
			}
		}' >/tmp/batch.$drv
	done
	v6=$(sysctl -n net.ipv6.conf.default.disable_ipv6)
	sysctl -qw net.ipv6.conf.default.disable_ipv6=1
	for drv in macvlan mvlan; do
		timed_s s ip -batch /tmp/batch.$drv
		emit "$SCEN" create "$to" $drv 1 seconds "$s"
		log "$SCEN: $drv devices $from..$((to - 1)) created in $s s"
	done
	sysctl -qw net.ipv6.conf.default.disable_ipv6="$v6"
	quiesce
}

# bcq_drops: the flood queue drops of mvlan's port on lowb so far
bcq_drops() {
	"$MVCTL" -j stats mb0 | grep -o '"bcqueue_drops":[0-9]*' | cut -d: -f2
}

scen_p4() {
	local n have=0 rep v i ra rb ea eb da db qb
	SCEN=P4

	pair gena lowa $GENA $LOWA
	pair genb lowb $GENB $LOWB
	for n in $P4_NS; do
		mkdevs "$have" "$n"
		have=$n
		ra='' rb='' ea='' eb=''
		for ((i = 0; i < n; i++)); do
			ra+=" ma$i/rx_packets" rb+=" mb$i/rx_packets"
			ea+=" ma$i/rx_errors" eb+=" mb$i/rx_errors"
		done
		# drop counters over the whole stage, too
		ctr_sum lowa/rx_dropped
		da=$CTR
		ctr_sum lowb/rx_dropped
		db=$CTR
		qb=$(bcq_drops)
		for ((rep = 1; rep <= REPS; rep++)); do
			for v in $(order $rep macvlan mvlan); do
				if [[ $v == macvlan ]]; then
					pg_setup gena $BCAST
					measure "$ra" lowa/rx_dropped "$ea"
				else
					pg_setup genb $BCAST
					measure "$rb" lowb/rx_dropped "$eb"
				fi
				emit P4 bcast "$n" "$v" "$rep" deliveries_pps "$RATE"
				emit P4 bcast "$n" "$v" "$rep" lower_rx_dropped "${EXTRA[0]}"
				emit P4 bcast "$n" "$v" "$rep" rx_errors "${EXTRA[1]}"
				log "P4 N=$n rep $rep $v: $RATE deliveries/s; in ${SECS}s: lower rx_dropped ${EXTRA[0]}, rx_errors ${EXTRA[1]}"
				# let the flood queue drain before the next one
				# shellcheck disable=SC2086
				if [[ $v == macvlan ]]; then settle $ra; else settle $rb; fi
			done
		done
		ctr_sum lowa/rx_dropped
		emit P4 stage "$n" macvlan 1 lower_rx_dropped $((CTR - da))
		ctr_sum lowb/rx_dropped
		emit P4 stage "$n" mvlan 1 lower_rx_dropped $((CTR - db))
		emit P4 stage "$n" mvlan 1 bcq_drops $(($(bcq_drops) - qb))
	done
}

scen_p6() {
	local n have=0 rep v
	SCEN=P6

	pair gena lowa $GENA $LOWA
	pair genb lowb $GENB $LOWB
	for n in $P6_NS; do
		mkdevs "$have" "$n"
		have=$n
		for ((rep = 1; rep <= REPS; rep++)); do
			for v in $(order $rep macvlan mvlan); do
				if [[ $v == macvlan ]]; then
					pg_setup gena "$D0"; measure ma0/rx_packets
				else
					pg_setup genb "$D0"; measure mb0/rx_packets
				fi
				emit P6 rx "$n" "$v" "$rep" pps "$RATE"
				log "P6 N=$n rep $rep $v: $RATE pps"
			done
		done
	done
	log "P6: memory $(awk '/MemAvailable/ {print $2, $3}' /proc/meminfo) available"
}

# --- P7: TCP through the devices ---------------------------------------------
# p7_setup X: low$X, its peer gen$X in netns o$X, and the empty netns c${X}1
# and c${X}2 (p7_devs gives them their devices)
p7_setup() {
	local x=$1 ns

	pair "gen$x" "low$x" "02:00:00:7$x:00:02" "02:00:00:7$x:00:01"
	for ns in "o$x" "c${x}1" "c${x}2"; do
		ip netns add "$ns"
		# no IPv6 traffic of its own (a new netns does not inherit)
		ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
			net.ipv6.conf.default.disable_ipv6=1
		ip -n "$ns" link set lo up
	done
	ip link set "gen$x" netns "o$x"
	ip -n "o$x" addr add 10.7.0.100/24 dev "gen$x"
	ip -n "o$x" link set "gen$x" up
}

# p7_devs X DRIVER: two bridge-mode DRIVER devices on low$X, c${X}1 and
# c${X}2, each in the netns of its name; the devices there before go first
p7_devs() {
	local x=$1 drv=$2 i ns

	# both first: a lower has one driver's devices at a time
	for ns in "c${x}1" "c${x}2"; do
		if ip -n "$ns" link show "$ns" >/dev/null 2>&1; then
			ip -n "$ns" link del "$ns"
		fi
	done
	for i in 1 2; do
		ns=c$x$i
		if [[ $drv == macvlan ]]; then
			ip link add link "low$x" name "$ns" address "02:c0:00:00:00:0$i" \
				type macvlan mode bridge
		else
			"$MVCTL" add "$ns" link "low$x" mode bridge address "02:c0:00:00:00:0$i"
		fi
		ip link set "$ns" netns "$ns"
		ip -n "$ns" addr add "10.7.0.$i/24" dev "$ns"
		ip -n "$ns" link set "$ns" up
	done
}

# iperf NS_SERVER ADDR NS_CLIENT: a P7_SECS s TCP stream from NS_CLIENT to
# an iperf3 server at ADDR in NS_SERVER, both on CPU 0 (see P7 above); the
# bits/s received into RATE, the segments the sender retransmitted into RETR
iperf() {
	local srv=$1 addr=$2 cli=$3 spid n=0

	ip netns exec "$srv" iperf3 -s -1 -A 0 -B "$addr" >/tmp/iperf-server.log 2>&1 &
	spid=$!
	until ip netns exec "$srv" ss -Hltn "sport = :5201" | grep -q .; do
		if ((n++ > 200)); then
			echo "iperf3 server in $srv did not start: $(cat /tmp/iperf-server.log)" >&2
			kill "$spid" 2>/dev/null
			return 1
		fi
		nap 0.05
	done
	if ! ip netns exec "$cli" iperf3 -c "$addr" -A 0 -t "$P7_SECS" -J >/tmp/iperf.json; then
		echo "iperf3 $cli -> $addr failed: $(cat /tmp/iperf.json)" >&2
		kill "$spid" 2>/dev/null
		return 1
	fi
	wait "$spid" || true
	read -r RATE RETR < <(jq -r '.end | "\(.sum_received.bits_per_second | floor) \(.sum_sent.retransmits)"' /tmp/iperf.json)
}

scen_p7() {
	local rep v x c on_a on_b

	p7_setup a
	p7_setup b
	for c in c2c c2out out2c; do
		for ((rep = 1; rep <= P7_REPS; rep++)); do
			# the drivers change setups from one repetition to the next
			on_a=macvlan on_b=mvlan
			((rep % 2)) || { on_a=mvlan on_b=macvlan; }
			p7_devs a "$on_a"
			p7_devs b "$on_b"
			quiesce
			for v in $(order $rep macvlan mvlan); do
				x=b
				[[ $v != "$on_a" ]] || x=a
				case $c in
				c2c) iperf "c${x}2" 10.7.0.2 "c${x}1" ;;
				c2out) iperf "o$x" 10.7.0.100 "c${x}1" ;;
				out2c) iperf "c${x}1" 10.7.0.1 "o$x" ;;
				esac
				emit P7 "$c" 1 "$v" "$rep" bps "$RATE"
				emit P7 "$c" 1 "$v" "$rep" retransmits "$RETR"
				log "P7 $c rep $rep $v on $x: $RATE bit/s, $RETR retransmitted"
			done
		done
	done
}

# --- P8: many flows ----------------------------------------------------------
# pg_flows GEN COUNT: after pg_setup, GEN sends to COUNT destination MACs
# (from its dst_mac up) and as many UDP ports, in turn: a flow each
pg_flows() {
	pgset "$1" "dst_mac_count $2"
	pgset "$1" "udp_dst_min 9"
	pgset "$1" "udp_dst_max $((9 + $2 - 1))"
}

scen_p8() {
	local rep v i ra='' rb='' n=$P8_SRCS
	SCEN=P8

	# 64 flows to 64 devices
	pair gena lowa $GENA $LOWA
	pair genb lowb $GENB $LOWB
	mkdevs 0 "$P8_DEVS"
	for ((i = 0; i < P8_DEVS; i++)); do
		ra+=" ma$i/rx_packets" rb+=" mb$i/rx_packets"
	done
	for ((rep = 1; rep <= REPS; rep++)); do
		for v in $(order $rep macvlan mvlan); do
			if [[ $v == macvlan ]]; then
				pg_setup gena "$D0"; pg_flows gena "$P8_DEVS"
				measure "$ra"
			else
				pg_setup genb "$D0"; pg_flows genb "$P8_DEVS"
				measure "$rb"
			fi
			emit P8 flows "$P8_DEVS" "$v" "$rep" pps "$RATE"
			log "P8 $P8_DEVS flows rep $rep $v: $RATE pps"
		done
	done
	# the lowers go, and their devices with them
	pg_rem_all
	ip link del lowa
	ip link del lowb

	# one source-mode device, P8_SRCS listed sources, frames from all
	pair gena lowa $GENA $LOWA
	pair genb lowb $GENB $LOWB
	ip link add link lowa name sa type macvlan mode source
	"$MVCTL" add sb link lowb mode source
	ip link set sa up
	ip link set sb up
	macs "$n" /tmp/macs
	sed 's/^/link set sa type macvlan macaddr add /' /tmp/macs >/tmp/batch
	timed_s LOAD_S ip -batch /tmp/batch
	log "P8 macvlan: $n source MACs loaded in $LOAD_S s"
	"$MVCTL" source sb set file /tmp/macs
	quiesce
	for ((rep = 1; rep <= REPS; rep++)); do
		for v in $(order $rep macvlan mvlan); do
			if [[ $v == macvlan ]]; then
				pg_setup gena $LOWA "$SRC_IN"
				pgset gena "src_mac_count $n"
				measure sa/rx_packets
			else
				pg_setup genb $LOWB "$SRC_IN"
				pgset genb "src_mac_count $n"
				measure sb/rx_packets
			fi
			emit P8 sources "$n" "$v" "$rep" pps "$RATE"
			log "P8 $n sources rep $rep $v: $RATE pps"
		done
	done
}

# --- run them ---------------------------------------------------------------
failed=0
# run_scen NAMES FUNC: run FUNC in a subshell that stops at the first
# failing command; record the outcome for each of NAMES
run_scen() {
	local names=$1 fn=$2 t0 rc s n

	now_us t0
	log "=== $names ==="
	(
		set -eE
		trap 'echo "FAILED: \"$BASH_COMMAND\" (line $LINENO, exit status $?)" >&2' ERR
		$fn
	)
	rc=$?
	since_s s "$t0"
	cleanup_links
	for n in ${names//,/ }; do
		if ((rc == 0)); then
			echo "OK $n $s" >>"$STATUS"
		else
			echo "FAIL $n $s exit status $rc" >>"$STATUS"
			failed=$((failed + 1))
		fi
	done
	log "=== $names: exit status $rc, $s s ==="
}

want() { [[ ,$ONLY, == *,$1,* ]]; }
wanted() {
	local n

	for n in ${1//,/ }; do
		want "$n" && return 0
	done
	return 1
}
# not "wanted ... && run_scen ...": set -e would be ignored inside
for ((i = 0; i < ${#SCENARIOS[@]}; i += 2)); do
	if wanted "${SCENARIOS[i]}"; then run_scen "${SCENARIOS[i]}" "${SCENARIOS[i + 1]}"; fi
done

tools_unbind
log "bench done, $failed scenario(s) failed"
((failed == 0))
