#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Installed like a real out-of-tree driver (in the module tree's updates/,
# indexed by depmod), mvlan is loaded by the kernel on demand through its
# aliases, with no insmod: by "ip link add ... type mvlan" (rtnl-link-mvlan)
# and by any mvctl command (the genl family: net-pf-16-proto-16-family-mvlan;
# mvctl add: rtnl-link-mvlan). modinfo, /sys/module, ethtool -i and mvctl -V
# all tell the version in VERSION.
#
#   ns low: lower0 (veth) -- eth0; mv0, mv1 on lower0
#
# The guest's module tree is the host's, read-only: the test installs into an
# overlay on /lib/modules/KVER (tests/vm/modules-overlay.bash) and undoes it
# at the end. The module the harness loaded is unloaded first; the harness
# loads it again for the next test.
. "$(dirname "$0")/lib.bash"
# shellcheck source=tests/vm/modules-overlay.bash
. "$TOP/tests/vm/modules-overlay.bash"

: "${MVLAN_KO:?MVLAN_KO is not set}"
version=$(<"$TOP/VERSION")
kver=$(uname -r)
installed=$MODULES_DIR/updates/mvlan.ko

finish() {
	set +e
	cleanup_netns
	mvlan_loaded && rmmod mvlan 2>/dev/null
	modules_overlay_umount
}
trap finish EXIT

# unload NAME: unload mvlan, check it is gone
unload() {
	rmmod mvlan || fail "rmmod mvlan ($1)"
	mvlan_loaded && fail "mvlan still loaded after rmmod ($1)"
	return 0
}

step "unload the module the harness loaded"
unload "the harness's"

# Everything else the test needs is loaded now: the overlay's indexes will
# know mvlan alone (see modules-overlay.bash).
netns_new low
ip -n low link add lower0 type veth peer name eth0
ip -n low link set lower0 up

step "a writable module tree: overlay on $MODULES_DIR"
modules_overlay_mount
modules_overlay_mounted || fail "no overlay on $MODULES_DIR"

if modinfo mvlan >/dev/null 2>&1; then
	echo "(the host's module tree has an mvlan of its own: no check that nothing loads before the install)"
else
	step "not installed: ip link add ... type mvlan fails, nothing is loaded"
	ip -n low link add mv0 link lower0 type mvlan 2>/dev/null &&
		fail "ip link add type mvlan worked with no mvlan installed"
	mvlan_loaded && fail "mvlan got loaded with no mvlan installed"
fi

step "install mvlan.ko in updates/ and depmod"
install -D -m 0644 "$MVLAN_KO" "$installed"
modules_overlay_depmod "$installed"
mvlan_loaded && fail "depmod loaded mvlan"

step "modinfo mvlan"
expect_eq "$(modinfo -n mvlan)" "$installed" "modinfo -n (the installed file)"
expect_eq "$(modinfo -F version mvlan)" "$version" "modinfo version"
expect_eq "$(modinfo -F license mvlan)" "GPL" "modinfo license"
[[ -n $(modinfo -F description mvlan) ]] || fail "modinfo: no description"
[[ -n $(modinfo -F author mvlan) ]] || fail "modinfo: no author"
aliases=$(modinfo -F alias mvlan)
for a in rtnl-link-mvlan net-pf-16-proto-16-family-mvlan; do
	grep -qFx "$a" <<<"$aliases" || fail "modinfo: no alias $a (aliases: $aliases)"
	expect_eq "$(modprobe -R "$a")" "mvlan" "modprobe -R $a (the alias index)"
done
expect_eq "$(modinfo -F vermagic mvlan | cut -d' ' -f1)" "$kver" "vermagic"

step "ip link add ... type mvlan loads it (rtnl-link-mvlan)"
ip -n low link add mv0 link lower0 type mvlan
mvlan_loaded || fail "/sys/module/mvlan missing after ip link add"
expect_eq "$(</sys/module/mvlan/version)" "$version" "/sys/module/mvlan/version"
expect_eq "$(ip -n low -d -o link show mv0 | grep -o 'mvlan')" "mvlan" "mv0's link kind"

step "ethtool -i names the driver and its version"
info=$(on low ethtool -i mv0)
expect_eq "$(sed -n 's/^driver: //p' <<<"$info")" "mvlan" "ethtool -i: driver"
expect_eq "$(sed -n 's/^version: //p' <<<"$info")" "$version" "ethtool -i: version"

ip -n low link del mv0
unload "after ip link add"

step "mvctl show loads it (the genl family's alias)"
out=$(on low "$MVCTL" show) || fail "mvctl show: exit status $?"
expect_eq "$out" "" "mvctl show with no devices"
mvlan_loaded || fail "/sys/module/mvlan missing after mvctl show"
unload "after mvctl show"

step "mvctl add loads it too"
on low "$MVCTL" add mv1 link lower0 mode bridge
mvlan_loaded || fail "/sys/module/mvlan missing after mvctl add"
expect_eq "$(on low "$MVCTL" show | cut -d' ' -f1,5,7)" "mv1: lower0 bridge" "mvctl show after mvctl add"
on low "$MVCTL" del mv1
unload "after mvctl add"

step "mvctl -V"
expect_eq "$("$MVCTL" -V)" "mvctl $version" "mvctl -V"

step "undo the overlay"
modules_overlay_umount
modules_overlay_mounted && fail "the overlay on $MODULES_DIR is still there"
[[ -e $installed ]] && fail "$installed outlived the overlay"
echo "ok"
