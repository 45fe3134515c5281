# SPDX-License-Identifier: GPL-2.0-or-later
# tests/bench/opts.bash: the benchmark's settings from the guest kernel's
# command line (tests/bench/run.sh puts them there through MVLAN_VM_APPEND):
# every word mvbench.KEY=VALUE becomes opt[KEY]=VALUE. Sourced by the
# scripts of tests/bench that run in the test VM.

# shellcheck disable=SC2034 # read by the scripts that source this
declare -A opt=()
for w in $(</proc/cmdline); do
	case $w in
	mvbench.*=*)
		k=${w#mvbench.}
		opt[${k%%=*}]=${w#*=}
		;;
	esac
done
unset w k
