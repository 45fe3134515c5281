# SPDX-License-Identifier: GPL-2.0-or-later
#
# mvlan: an out-of-tree MACVLAN driver (kmod/) and its tool mvctl (cli/).
#
#   make            build kmod/mvlan.ko and cli/mvctl
#   make deps       install the Debian packages the build and tests need
#   make check      every test: host unit tests, then the VM suite per kernel
#   make demo       a short scripted session in the test VM
#   make clean
#
# KVER=... builds the module for an installed kernel; KDIR=... for a tree.

TOP := $(CURDIR)
KMOD_SRCS := $(wildcard kmod/*.c kmod/*.h) kmod/Kbuild kmod/Makefile uapi/linux/mvlan.h VERSION

all: kmod cli

kmod:
	$(MAKE) -C kmod

cli:
	$(MAKE) -C cli

deps:
	tests/vm/deps.sh

# The module built for kernel KVER in a tree of its own, so that builds for
# several kernels do not overwrite each other.
build/mod/%/kmod/mvlan.ko: $(KMOD_SRCS)
	rm -rf build/mod/$*
	mkdir -p build/mod/$*/kmod build/mod/$*/uapi/linux
	cp $(filter kmod/%,$(KMOD_SRCS)) build/mod/$*/kmod/
	cp uapi/linux/mvlan.h build/mod/$*/uapi/linux/
	cp VERSION build/mod/$*/
	$(MAKE) -C build/mod/$*/kmod KVER=$*

check: deps
	tests/check.sh

demo: deps cli
	tests/demo.sh

clean:
	-$(MAKE) -C kmod clean
	$(MAKE) -C cli clean
	rm -rf build

.PHONY: all kmod cli deps check demo clean
