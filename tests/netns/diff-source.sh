#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# mvlan-vm: one-kernel, about 100 s
#
# Differential test, macvlan (oracle) vs mvlan: source mode. A source-mode
# device gets a copy of every frame whose source MAC it lists, unicast or
# not, whatever its destination; the frame still goes where it would have
# gone, unless the device has nodst, which consumes it (even while that
# device is down). A down source-mode device gets nothing. Frames addressed
# to a source-mode device's own MAC are not delivered to it by destination.
# Leaving source mode flushes the list. Frames (10 at a time, 60 bytes,
# ethertype 0x88b5) come with chosen source MACs from a packet socket on the
# far end of the lower device; packet sockets on every device count what
# reaches its stack ("stack"), next to its counters.
#
#   ns low: src1 (source: X)   src2 (source: X, Z)   mvd (vepa, MAC D)
#           MAC 02:00:00:00:04:51   :52               :d0
#                \_________________|__________________/
#                              lower0 (veth)
#                                  |
#   ns sw:                        eth0: sends as X, Y, Z
#
#   X = 02:00:00:00:04:0a  Y = :0b  Z = :0c  W = :0d
. "$(dirname "$0")/diff.bash"

N=10
X=02:00:00:00:04:0a Y=02:00:00:00:04:0b Z=02:00:00:00:04:0c W=02:00:00:00:04:0d
S1=02:00:00:00:04:51 S2=02:00:00:00:04:52 D=02:00:00:00:04:d0

# send SRC DST: N frames from the far end
send() {
	ag send sw eth0 "$N" "$1" "$2" 88b5
}

source_mode() {
	dns low sw
	ip -n low link add lower0 type veth peer name eth0 netns sw
	par drv_add low src1 lower0 source address $S1 -- \
		drv_add low src2 lower0 source address $S2 -- \
		drv_add low mvd lower0 vepa address $D
	par drv_source low src1 add $X -- drv_source low src2 add $X $Z
	nsb low <<EOB
link set lower0 up
link set src1 up
link set src2 up
link set mvd up
EOB
	ip -n sw link set eth0 up
	chk "src1 source list" "$(drv_source_list low src1)" "$X"
	chk "src2 source list" "$(drv_source_list low src2)" "$X $Z"
	chk "src2 source count" "$(drv_source_count low src2)" 2
	for d in src1 src2 mvd; do
		track -s low "$d" rx_packets rx_bytes multicast rx_dropped tx_packets
	done
	track -s low lower0 rx_packets rx_dropped
	delta_snap

	step "copies to the devices that list the source; the frame goes on"
	send $X $D
	delta_chk "X->D" uc:src1:60 uc:src2:60 uc:mvd:60 in:lower0
	send $Y $D
	delta_chk "Y->D" uc:mvd:60 in:lower0
	send $Z $D
	delta_chk "Z->D" uc:src2:60 uc:mvd:60 in:lower0
	# a copy of a broadcast is not counted as multicast
	send $X ff:ff:ff:ff:ff:ff
	delta_chk "X->broadcast" uc:src1:60 uc:src2:60 mc:mvd:60 in:lower0:stack
	# to a source-mode device's own MAC: only the copy reaches it
	send $X $S1
	delta_chk "X->src1" uc:src1:60 uc:src2:60 in:lower0:stack
	send $Y $S1
	delta_chk "Y->src1" in:lower0:stack

	step "nodst: the frames that match are consumed"
	drv_mode low src1 source nodst
	chk "src1 mode" "$(drv_modeof low src1)" "source nodst"
	send $X $D
	delta_chk "nodst: X->D" uc:src1:60 uc:src2:60 in:lower0
	send $X ff:ff:ff:ff:ff:ff
	delta_chk "nodst: X->broadcast" uc:src1:60 uc:src2:60 in:lower0
	send $Y $D
	delta_chk "nodst: Y->D" uc:mvd:60 in:lower0
	send $Z $D
	delta_chk "nodst: Z->D" uc:src2:60 uc:mvd:60 in:lower0

	step "a down source-mode device gets nothing, but its nodst still consumes"
	ip -n low link set src1 down
	send $X $D
	delta_chk "nodst, src1 down: X->D" uc:src2:60 in:lower0
	drv_mode low src1 source dst
	chk "src1 mode" "$(drv_modeof low src1)" source
	send $X $D
	delta_chk "src1 down: X->D" uc:src2:60 uc:mvd:60 in:lower0
	ip -n low link set src1 up

	step "list changes"
	drv_source low src1 set $X $W
	chk "set X W: list" "$(drv_source_list low src1)" "$X $W"
	drv_source low src1 del $X
	chk "del X: list" "$(drv_source_list low src1)" "$W"
	try "del X again (unlisted)" drv_source low src1 del $X
	drv_source low src1 add $X $Y
	try "add X again (listed)" drv_source low src1 add $X
	chk "add X Y, X: list" "$(drv_source_list low src1)" "$X $Y $W"
	chk "add X Y, X: count" "$(drv_source_count low src1)" 3
	send $W $D
	delta_chk "W->D" uc:src1:60 uc:mvd:60 in:lower0
	drv_source low src1 flush
	chk "flush: list" "$(drv_source_list low src1)" -
	chk "flush: count" "$(drv_source_count low src1)" 0
	send $W $D
	delta_chk "flushed: W->D" uc:mvd:60 in:lower0

	step "leaving source mode flushes the list"
	drv_source low src1 set $X $W
	drv_mode low src1 vepa
	chk "src1 mode" "$(drv_modeof low src1)" vepa
	chk "vepa: src1 source list" "$(drv_source_list low src1)" -
	chk "vepa: src1 source count" "$(drv_source_count low src1)" 0
	drv_mode low src1 source
	chk "source again: src1 source list" "$(drv_source_list low src1)" -
	chk "source again: src1 source count" "$(drv_source_count low src1)" 0
	send $X $D
	delta_chk "source again: X->D" uc:src2:60 uc:mvd:60 in:lower0
	try_refused "source list change on a vepa device" \
		"RTNETLINK answers: Invalid argument" - \
		drv_source low mvd add $X

	if [[ $DRIVER == mvlan ]]; then
		# mvlan only: hit counters per entry. X matched src2 in 8
		# bursts, Z in 2.
		chk_msg "mvctl source src2" "$("$MVCTL" -n low source src2 | cut -d' ' -f1-5)" \
"$X packets $((8 * N)) bytes $((8 * N * 60))
$Z packets $((2 * N)) bytes $((2 * N * 60))"
	fi
}

diff_run source_mode
diff_finish
