#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# make lint: static analysis of the module and of mvctl, each check with a
# PASS/FAIL line and one closing line "N passed, N failed".
#   kmod: checkpatch.pl --strict (from linux-source-6.12), sparse (C=2),
#         a W=1 build for every installed kernel, all warning-free
#   cli:  cppcheck, clang-tidy (the genl fuzzer too), the unit tests
#         under ASan+UBSan, and a short libFuzzer run of mvctl's parsers
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
out=build/lint
mkdir -p "$out"
passed=0
failed=0

# check NAME CMD...: run CMD, its output to build/lint/NAME.log
check() {
	local name=$1 log=$out/$1.log

	shift
	if "$@" >"$log" 2>&1; then
		echo "PASS: lint/$name"
		passed=$((passed + 1))
	else
		echo "FAIL: lint/$name"
		sed 's/^/  /' "$log" | tail -n 40
		failed=$((failed + 1))
	fi
}

checkpatch_script() {
	local tarball

	if [[ ! -x $out/linux/scripts/checkpatch.pl ]]; then
		tarball=$(ls /usr/src/linux-source-6.12*.tar.xz 2>/dev/null | sort -V | tail -n 1)
		[[ -n $tarball ]] || { echo "linux-source-6.12 is not installed (make deps)"; return 1; }
		mkdir -p "$out/linux"
		tar -C "$out/linux" --strip-components=1 -xJf "$tarball" \
			--wildcards '*/scripts/checkpatch.pl' '*/scripts/spelling.txt' \
			'*/scripts/const_structs.checkpatch' || return 1
	fi
}

# Any line but a clean file's summary fails it. Not through a pipe into
# grep -q: with pipefail, a grep that stops at the first line makes the
# writer die of SIGPIPE, the pipeline fail, and the check pass.
lint_checkpatch() {
	local log=$out/checkpatch.out

	checkpatch_script || return 1
	"$out/linux/scripts/checkpatch.pl" --strict --no-tree --terse --show-types \
		--ignore FILE_PATH_CHANGES -f $(git ls-files "kmod/*.[ch]") uapi/linux/mvlan.h \
		>"$log" 2>&1
	cat "$log" >&2
	! grep -qv '^total: 0 errors, 0 warnings, 0 checks' "$log"
}

kernels() {
	local k

	for k in $(ls /lib/modules 2>/dev/null | sort -V); do
		[[ -f /lib/modules/$k/build/Makefile ]] && echo "$k"
	done
}

# lint_build KVER FLAGS...: a clean build of the module, no warning allowed
lint_build() {
	local k=$1 dir=$out/mod-$1

	shift
	rm -rf "$dir"
	mkdir -p "$dir/kmod" "$dir/uapi/linux"
	cp kmod/*.c kmod/*.h kmod/Kbuild kmod/Makefile "$dir/kmod/"
	cp uapi/linux/mvlan.h "$dir/uapi/linux/"
	cp VERSION "$dir/"
	make -C "$dir/kmod" KVER="$k" "$@" 2>&1 | tee /dev/stderr |
		grep -E 'warning:|error:' && return 1
	[[ ${PIPESTATUS[0]} -eq 0 ]]
}

libnl_cflags() {
	pkg-config --cflags libnl-3.0 libnl-genl-3.0 libnl-route-3.0
}

lint_cppcheck() {
	cppcheck --quiet --error-exitcode=1 --inline-suppr --std=c11 \
		--enable=warning,style,performance,portability \
		--suppress=missingIncludeSystem --suppress=variableScope \
		--suppress=ctuPointerArith:cli/json.c -D_GNU_SOURCE -DMVCTL_VERSION='"0"' \
		-Icli -Iuapi cli/*.c tests/fuzz/*.c
}

# bugprone and the analyzer, less what fights the kernel style the code
# follows (!strcmp(), int for small sizes) and the analyzer's false
# positives on va_list (clang 14)
tidy_checks() {
	local c=(
		'-*' 'bugprone-*' 'clang-analyzer-*' 'cert-*' 'performance-*'
		-bugprone-easily-swappable-parameters -bugprone-reserved-identifier
		-bugprone-suspicious-string-compare -bugprone-narrowing-conversions
		-bugprone-implicit-widening-of-multiplication-result
		-bugprone-assignment-in-if-condition -cert-dcl37-c -cert-dcl51-cpp
		-cert-err33-c -clang-analyzer-valist.Uninitialized
		-clang-analyzer-security.insecureAPI.strcpy
		-clang-analyzer-security.insecureAPI.DeprecatedOrUnsafeBufferHandling
	)
	local IFS=,

	echo "${c[*]}"
}

lint_clang_tidy() {
	# shellcheck disable=SC2046
	clang-tidy --quiet --warnings-as-errors='*' \
		--checks="$(tidy_checks)" \
		cli/*.c tests/fuzz/genl_fuzz.c -- -D_GNU_SOURCE -DMVCTL_VERSION='"0"' -Iuapi -Icli $(libnl_cflags)
}

# the unit tests, and cli.sh's runs of mvctl, built with ASan and UBSan
lint_sanitizers() {
	local dir=$out/asan

	rm -rf "$dir"
	mkdir -p "$dir/tests"
	cp -r cli uapi man VERSION "$dir/"
	cp -r tests/unit "$dir/tests/"
	make -C "$dir/cli" clean >/dev/null
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
		make -C "$dir/cli" check WERROR=1 \
		CC="gcc -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
}

lint_fuzz() {
	local corpus=$out/fuzz-corpus

	clang -g -O1 -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE -Icli -Iuapi \
		tests/fuzz/fuzz_parsers.c cli/parse.c cli/maclist.c \
		-o "$out/fuzz_parsers" || return 1
	mkdir -p "$corpus"
	cp tests/fuzz/corpus/* "$corpus/"
	"$out/fuzz_parsers" -max_total_time="${MVLAN_FUZZ_SECONDS:-30}" "$corpus"
}

# the YNL spec through the kernel's generator: the header and the module's
# policies must be what it makes of it (tests/tools/ynl-check.sh)
lint_ynl() {
	tests/tools/ynl-check.sh
}

check checkpatch lint_checkpatch
check ynl lint_ynl
for k in $(kernels); do
	check "W=1-$k" lint_build "$k" W=1
	check "sparse-$k" lint_build "$k" C=2
done
check cppcheck lint_cppcheck
check clang-tidy lint_clang_tidy
check sanitizers lint_sanitizers
check fuzz lint_fuzz

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
