# SPDX-License-Identifier: GPL-2.0
#
# bash completion for mvctl: options, commands, keywords, modes, and the
# live names of mvlan devices (from "mvctl show"), of network devices (from
# "ip -o link") and of network namespaces (from "ip netns list"), in the
# namespace given with -n. Install as
# /usr/share/bash-completion/completions/mvctl, or source it.

_mvctl_options=(-j --json -p --pretty -n --netns -b --batch -f --force
	-V --version -h --help)
_mvctl_commands=(add del mode source show stats monitor)
_mvctl_modes=(private vepa bridge passthru source)
_mvctl_types=(mvlan mvtap)

# _mvctl_reply WORD...: the words that start with the current word
_mvctl_reply() {
	local w

	for w in "$@"; do
		[[ $w == "$_mvctl_cur"* ]] && COMPREPLY+=("$w")
	done
}

# _mvctl_reply_lines CMD...: the lines CMD prints that start with the
# current word
_mvctl_reply_lines() {
	local lines

	mapfile -t lines < <("$@")
	((${#lines[@]})) && _mvctl_reply "${lines[@]}"
}

# mvlan devices, by "mvctl [-n NETNS] show"
_mvctl_devices() {
	"$_mvctl_prog" "${_mvctl_ns[@]}" show 2>/dev/null |
		sed -n 's/^\([^: ]*\): .*/\1/p'
}

# every network device, by "ip [-n NETNS] -o link"
_mvctl_links() {
	ip "${_mvctl_ns[@]}" -o link show 2>/dev/null |
		sed -n 's/^[0-9]*: \([^:@ ]*\)[:@].*/\1/p'
}

# network namespaces, by "ip netns list"
_mvctl_netns() {
	ip netns list 2>/dev/null | cut -d' ' -f1
}

# the addresses of a source list
_mvctl_sources() {
	"$_mvctl_prog" "${_mvctl_ns[@]}" source "$1" list 2>/dev/null |
		cut -d' ' -f1
}

_mvctl_files() {
	local files

	mapfile -t files < <(compgen -f -- "$_mvctl_cur")
	COMPREPLY+=("${files[@]}")
	compopt -o filenames 2>/dev/null
}

# _mvctl_used WORD: was WORD given after the command already?
_mvctl_used() {
	local w

	for w in "${_mvctl_args[@]}"; do
		[[ $w == "$1" ]] && return 0
	done
	return 1
}

# _mvctl_mode_given: the MODE after "mode" among the arguments, if any
_mvctl_mode_given() {
	local i

	for ((i = 0; i + 1 < ${#_mvctl_args[@]}; i++)); do
		[[ ${_mvctl_args[i]} == mode ]] && echo "${_mvctl_args[i + 1]}"
	done
}

# add NAME link LOWER [type TYPE] [mode MODE] [nopromisc] [nodst] [hostbridge] [address MAC] ...
# (hostbridge only in bridge mode: not offered after another mode)
_mvctl_add() {
	local n=${#_mvctl_args[@]} kw mode

	((n == 0)) && return	# a new name
	case ${_mvctl_args[n - 1]} in
	link)
		_mvctl_reply_lines _mvctl_links
		return
		;;
	type)
		_mvctl_reply "${_mvctl_types[@]}"
		return
		;;
	mode)
		_mvctl_reply "${_mvctl_modes[@]}"
		return
		;;
	address | mtu | bcqueuelen | bclim)
		return
		;;
	esac
	mode=$(_mvctl_mode_given)
	for kw in link type mode nopromisc nodst hostbridge address mtu bcqueuelen bclim; do
		[[ $kw == hostbridge && -n $mode && $mode != bridge ]] && continue
		_mvctl_used "$kw" || _mvctl_reply "$kw"
	done
}

# mode NAME [MODE [nopromisc|promisc] [nodst|dst] [hostbridge|nohostbridge]]
# (hostbridge offered for bridge only, nohostbridge for any MODE: it is how a
# device with the flag leaves bridge mode)
_mvctl_mode() {
	local n=${#_mvctl_args[@]}

	if ((n == 0)); then
		_mvctl_reply_lines _mvctl_devices
	elif ((n == 1)); then
		_mvctl_reply "${_mvctl_modes[@]}"
	else
		_mvctl_used nopromisc || _mvctl_used promisc ||
			_mvctl_reply nopromisc promisc
		_mvctl_used nodst || _mvctl_used dst || _mvctl_reply nodst dst
		if ! _mvctl_used hostbridge && ! _mvctl_used nohostbridge; then
			[[ ${_mvctl_args[1]} == bridge ]] && _mvctl_reply hostbridge
			_mvctl_reply nohostbridge
		fi
	fi
}

# source NAME [list | add MAC... | del MAC... | set [MAC...] [file FILE] | flush]
_mvctl_source() {
	local n=${#_mvctl_args[@]}

	if ((n == 0)); then
		_mvctl_reply_lines _mvctl_devices
	elif ((n == 1)); then
		_mvctl_reply list add del set flush
	elif [[ ${_mvctl_args[1]} == del ]]; then
		_mvctl_reply_lines _mvctl_sources "${_mvctl_args[0]}"
	elif [[ ${_mvctl_args[1]} == set ]]; then
		if [[ ${_mvctl_args[n - 1]} == file ]]; then
			_mvctl_files
		elif ! _mvctl_used file; then
			_mvctl_reply file
		fi
	fi
}

# show [NAME | link LOWER]
_mvctl_show() {
	local n=${#_mvctl_args[@]}

	if ((n == 0)); then
		_mvctl_reply link
		_mvctl_reply_lines _mvctl_devices
	elif ((n == 1)) && [[ ${_mvctl_args[0]} == link ]]; then
		_mvctl_reply_lines _mvctl_links
	fi
}

_mvctl() {
	local i word cmd=''
	local _mvctl_cur=${COMP_WORDS[COMP_CWORD]}
	local _mvctl_prev=${COMP_WORDS[COMP_CWORD - 1]}
	local _mvctl_prog=${COMP_WORDS[0]}
	local _mvctl_ns=() _mvctl_args=()

	COMPREPLY=()
	# the options before the command, then the command and its arguments
	for ((i = 1; i < COMP_CWORD; i++)); do
		word=${COMP_WORDS[i]}
		if [[ -n $cmd ]]; then
			_mvctl_args+=("$word")
			continue
		fi
		case $word in
		-n | --netns)
			((i++))
			_mvctl_ns=(-n "${COMP_WORDS[i]}")
			;;
		-b | --batch)
			((i++))
			;;
		-*) ;;
		*) cmd=$word ;;
		esac
	done

	if [[ -z $cmd ]]; then
		case $_mvctl_prev in
		-n | --netns)
			_mvctl_reply_lines _mvctl_netns
			;;
		-b | --batch)
			_mvctl_files
			;;
		*)
			if [[ $_mvctl_cur == -* ]]; then
				_mvctl_reply "${_mvctl_options[@]}"
			else
				_mvctl_reply "${_mvctl_commands[@]}"
			fi
			;;
		esac
		return 0
	fi

	case $cmd in
	add) _mvctl_add ;;
	del | stats)
		((${#_mvctl_args[@]} == 0)) && _mvctl_reply_lines _mvctl_devices
		;;
	mode) _mvctl_mode ;;
	source) _mvctl_source ;;
	show) _mvctl_show ;;
	esac
	return 0
}

complete -F _mvctl mvctl
