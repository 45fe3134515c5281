# SPDX-License-Identifier: GPL-2.0-or-later
#
# mvlan: an out-of-tree MACVLAN driver (kmod/) and its tool mvctl (cli/).
#
#   make            build kmod/mvlan.ko, cli/mvctl, cli/ip/link_mvlan.so and
#                   cli/cni/mvlan (the CNI plugin)
#   make deps       install the Debian packages the build and tests need
#   make check      every test: host unit tests, then the VM suite per kernel
#                   (6.1 and 6.12)
#   make check-all  the same on every Debian kernel flavour, PREEMPT_RT too
#   make check-debug  the VM suite, a 1,000,000-message genl fuzzing and 10
#                   minutes of churn on a KASAN/lockdep/kmemleak kernel built
#                   from linux-source-6.12 (the first time: ~15 min more)
#   make demo       a short scripted session in the test VM
#   make bench      mvlan against macvlan in the test VM: table, CSV, plot
#                   (build/bench/; BENCH_SMOKE=1: a quick check that it works)
#   make lint       static analysis of the module and of mvctl
#   make clean
#   make install    the module, mvctl, the ip plugin, the CNI plugin, man
#                   pages, bash completion, uapi header
#   make uninstall  removes what "make install" put there (same variables)
#   make dkms-install    the module through DKMS, for every kernel with headers
#   make dkms-uninstall  removes it from DKMS and /usr/src
#
# KVER=... builds the module for an installed kernel; KDIR=... for a tree.
# install/uninstall: DESTDIR (staging root, default none), PREFIX (default
# /usr/local) for everything but the module, which goes to
# $(DESTDIR)/lib/modules/KVER/updates through the kernel's modules_install;
# depmod runs unless DESTDIR is set. The ip plugin goes to $(DESTDIR)$(IPLIBDIR),
# where ip looks for it: by default the directory compiled into
# /usr/sbin/ip (see cli/ip/Makefile), whatever PREFIX is. The CNI plugin goes
# to $(DESTDIR)$(CNI_BIN_DIR), /usr/lib/cni by default (Debian's CNI plugin
# directory), whatever PREFIX is; CNI_BIN_DIR=/opt/cni/bin for the upstream one.

TOP := $(CURDIR)
KMOD_SRCS := $(wildcard kmod/*.c kmod/*.h) kmod/Kbuild kmod/Makefile uapi/linux/mvlan.h VERSION

all: kmod cli ip cni

kmod:
	$(MAKE) -C kmod

cli:
	$(MAKE) -C cli

# the iproute2 plugin link_mvlan.so
ip:
	$(MAKE) -C cli/ip

# the CNI plugin mvlan; it links cli's libmvipc.a
cni: cli
	$(MAKE) -C cli/cni

deps:
	tests/vm/deps.sh

# The modules built for kernel KVER in a tree of their own, so that builds
# for several kernels do not overwrite each other: mvlan.ko and mvtap.ko,
# which one build makes.
build/mod/%/kmod/mvlan.ko: $(KMOD_SRCS)
	rm -rf build/mod/$*
	mkdir -p build/mod/$*/kmod build/mod/$*/uapi/linux
	cp $(filter kmod/%,$(KMOD_SRCS)) build/mod/$*/kmod/
	cp uapi/linux/mvlan.h build/mod/$*/uapi/linux/
	cp VERSION build/mod/$*/
	$(MAKE) -C build/mod/$*/kmod KVER=$*

build/mod/%/kmod/mvtap.ko: build/mod/%/kmod/mvlan.ko
	@test -f $@ || { echo "$@ was not built with $<" >&2; exit 1; }

check: deps
	tests/check.sh

check-all:
	tests/vm/deps.sh --all
	MVLAN_CHECK_ALL=1 tests/check.sh

check-debug: deps
	tests/check-debug.sh

# static analysis: checkpatch, sparse, W=1 for the module; the same for
# mvctl with cppcheck, clang-tidy, sanitizers and a parser fuzzer
lint:
	tests/vm/deps.sh --lint
	tests/lint.sh

demo: deps cli
	tests/demo.sh

bench: deps
	tests/bench/run.sh

clean:
	-$(MAKE) -C kmod clean
	$(MAKE) -C cli clean
	$(MAKE) -C cli/ip clean
	$(MAKE) -C cli/cni clean
	rm -rf build

# --- install -------------------------------------------------------------

PREFIX ?= /usr/local
SBINDIR ?= $(PREFIX)/sbin
MANDIR ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
INCLUDEDIR ?= $(PREFIX)/include

MVLAN_VERSION := $(shell cat $(TOP)/VERSION)

# The kernel the module is installed for, picked as kmod/Makefile picks the
# one it builds for: KDIR, else /lib/modules/KVER/build, else the running
# kernel's build tree, else the newest installed headers. The release comes
# from KVER, else from the tree's utsrelease.h (what the module's vermagic
# says; Debian's headers have a different kernel.release).
INST_KDIR := $(or $(KDIR),$(if $(KVER),/lib/modules/$(KVER)/build),$(if \
	$(wildcard /lib/modules/$(shell uname -r)/build/Makefile),/lib/modules/$(shell uname -r)/build),$(shell \
	ls -d /lib/modules/*/build 2>/dev/null | sort -V | tail -n 1))
INST_KVER := $(or $(KVER),$(shell sed -n 's/^\#define UTS_RELEASE "\(.*\)"$$/\1/p' \
	$(INST_KDIR)/include/generated/utsrelease.h 2>/dev/null))
# The kernel's modules_install signs the module when CONFIG_MODULE_SIG_ALL=y;
# distribution headers have no signing key (sign-file fails noisily), so sign
# only when the tree has its key.
INST_SIGKEY = $(shell sed -n 's/^CONFIG_MODULE_SIG_KEY="*\([^"]*\)"*$$/\1/p' \
	$(INST_KDIR)/include/config/auto.conf 2>/dev/null)
MODINST_NOSIGN = $(if $(INST_SIGKEY),$(if $(filter pkcs11:%,$(INST_SIGKEY))$(wildcard \
	$(INST_SIGKEY) $(INST_KDIR)/$(INST_SIGKEY)),,CONFIG_MODULE_SIG_ALL=))
MODINST_ARGS = -C $(INST_KDIR) M=$(TOP)/kmod KERNELRELEASE=$(INST_KVER) \
	INSTALL_MOD_PATH=$(abspath $(DESTDIR)) INSTALL_MOD_DIR=updates DEPMOD=true $(MODINST_NOSIGN)
# modules_install compresses the modules (mvlan.ko, mvtap.ko) as the
# kernel's config says
MOD_FILES = $(foreach m,mvlan mvtap,$(foreach s,.ko .ko.gz .ko.xz .ko.zst,$(DESTDIR)/lib/modules/$(INST_KVER)/updates/$(m)$(s)))

install: install-kmod install-cli install-ip install-cni

install-kmod: kmod
	@test -f "$(INST_KDIR)/Makefile" -a -n "$(INST_KVER)" || \
		{ echo "install: no kernel build tree or release (KDIR='$(INST_KDIR)' KVER='$(INST_KVER)')" >&2; exit 1; }
	rm -f $(MOD_FILES)
	$(MAKE) $(MODINST_ARGS) modules_install
	$(if $(DESTDIR),,depmod -a $(INST_KVER))

install-cli: cli
	install -D -m 0755 cli/mvctl $(DESTDIR)$(SBINDIR)/mvctl
	install -D -m 0644 man/mvctl.8 $(DESTDIR)$(MANDIR)/man8/mvctl.8
	install -D -m 0644 man/mvlan.4 $(DESTDIR)$(MANDIR)/man4/mvlan.4
	install -D -m 0644 cli/completion/mvctl.bash $(DESTDIR)$(BASHCOMPDIR)/mvctl
	install -D -m 0644 uapi/linux/mvlan.h $(DESTDIR)$(INCLUDEDIR)/linux/mvlan.h

install-ip: ip
	$(MAKE) -C cli/ip install DESTDIR=$(abspath $(DESTDIR))

uninstall: uninstall-kmod uninstall-ip uninstall-cni
	rm -f $(DESTDIR)$(SBINDIR)/mvctl \
		$(DESTDIR)$(MANDIR)/man8/mvctl.8 $(DESTDIR)$(MANDIR)/man4/mvlan.4 \
		$(DESTDIR)$(BASHCOMPDIR)/mvctl $(DESTDIR)$(INCLUDEDIR)/linux/mvlan.h

uninstall-ip:
	$(MAKE) -C cli/ip uninstall DESTDIR=$(abspath $(DESTDIR))

CNI_BIN_DIR ?= /usr/lib/cni

install-cni: cni
	$(MAKE) -C cli/cni install DESTDIR=$(abspath $(DESTDIR)) CNI_BIN_DIR=$(CNI_BIN_DIR)
	install -D -m 0644 man/mvlan-cni.8 $(DESTDIR)$(MANDIR)/man8/mvlan-cni.8

uninstall-cni:
	$(MAKE) -C cli/cni uninstall DESTDIR=$(abspath $(DESTDIR)) CNI_BIN_DIR=$(CNI_BIN_DIR)
	rm -f $(DESTDIR)$(MANDIR)/man8/mvlan-cni.8

uninstall-kmod:
	@test -n "$(INST_KVER)" || \
		{ echo "uninstall: cannot tell the kernel release (KDIR='$(INST_KDIR)'); pass KVER=" >&2; exit 1; }
	rm -f $(MOD_FILES)
	rmdir $(DESTDIR)/lib/modules/$(INST_KVER)/updates 2>/dev/null || true
	$(if $(DESTDIR),,depmod -a $(INST_KVER))

# --- DKMS ----------------------------------------------------------------
# dkms.conf is a template (PACKAGE_VERSION=@VERSION@); the source tree DKMS
# builds from is /usr/src/mvlan-VERSION with kmod/, uapi/, VERSION and the
# filled-in dkms.conf, staged in build/dkms first. Re-running is safe: when
# the staged sources differ from /usr/src/mvlan-VERSION, the old ones are
# removed from DKMS and replaced; "dkms install" then builds and installs
# for every kernel that does not have it yet (and skips the others).

DKMS_SRC := /usr/src/mvlan-$(MVLAN_VERSION)
DKMS_STAGE := $(TOP)/build/dkms/mvlan-$(MVLAN_VERSION)
DKMS_MOD := mvlan/$(MVLAN_VERSION)
# every installed kernel that has headers
DKMS_KVERS = $(sort $(patsubst /lib/modules/%/build/Makefile,%,$(wildcard /lib/modules/*/build/Makefile)))

dkms-install:
	@command -v dkms >/dev/null || { echo "dkms-install: dkms is not installed (make deps)" >&2; exit 1; }
	@test -n "$(DKMS_KVERS)" || { echo "dkms-install: no kernel has headers installed" >&2; exit 1; }
	@test -n "$(MVLAN_VERSION)" || { echo "dkms-install: VERSION is empty" >&2; exit 1; }
	rm -rf $(DKMS_STAGE)
	mkdir -p $(DKMS_STAGE)/kmod $(DKMS_STAGE)/uapi/linux
	cp $(filter-out %.mod.c,$(filter kmod/%,$(KMOD_SRCS))) $(DKMS_STAGE)/kmod/
	cp uapi/linux/mvlan.h $(DKMS_STAGE)/uapi/linux/
	cp VERSION $(DKMS_STAGE)/
	sed 's/^PACKAGE_VERSION=.*/PACKAGE_VERSION="$(MVLAN_VERSION)"/' dkms.conf >$(DKMS_STAGE)/dkms.conf
	if ! diff -r $(DKMS_STAGE) $(DKMS_SRC) >/dev/null 2>&1; then \
		if [ -n "$$(dkms status $(DKMS_MOD))" ]; then dkms remove $(DKMS_MOD) --all || exit 1; fi; \
		rm -rf $(DKMS_SRC) && cp -r $(DKMS_STAGE) $(DKMS_SRC) || exit 1; \
	fi
	if [ -z "$$(dkms status $(DKMS_MOD))" ]; then dkms add $(DKMS_MOD); fi
	set -e; for k in $(DKMS_KVERS); do dkms install $(DKMS_MOD) -k $$k; done

dkms-uninstall:
	@command -v dkms >/dev/null || { echo "dkms-uninstall: dkms is not installed" >&2; exit 1; }
	if [ -n "$$(dkms status $(DKMS_MOD))" ]; then dkms remove $(DKMS_MOD) --all; fi
	rm -rf $(DKMS_SRC)

.PHONY: all kmod cli ip cni deps check check-all check-debug lint demo clean
.PHONY: install install-kmod install-cli install-ip install-cni uninstall uninstall-kmod
.PHONY: uninstall-ip uninstall-cni
.PHONY: dkms-install dkms-uninstall
.PHONY: bench
