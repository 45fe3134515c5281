#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# A real container engine on the mvlan CNI plugin: Debian's podman 4.3 with
# its CNI backend runs two containers on a network whose conflist has the
# plugin "mvlan" with host-local IPAM. They reach each other and the
# outside host; "podman rm" leaves no device and no lease.
#
#   host (podman's netns): up0 10.77.0.2/24 ---veth--- out: o0 10.77.0.1/24
#      |
#      +-- eth0 of container a (mvlan, bridge mode, 10.77.0.100-)
#      +-- eth0 of container b
#
# podman in the guest: the CNI backend and its directories from a
# containers.conf named by CONTAINERS_CONF (under [network]; under [engine]
# the backend key is ignored), cgroupfs, no events log; storage (vfs) on
# the guest's tmpfs; a tmpfs on /var/lib for libcni's cache /var/lib/cni
# (the 9p root is read-only), in a mount namespace of the test's own; the
# image imported offline from a tarred busybox root.
if [[ -z ${CNI_PODMAN_MNTNS:-} ]]; then
	CNI_PODMAN_MNTNS=1 exec unshare -m --propagation private bash "$0" "$@"
fi
source "$(dirname "$0")/lib.bash"

for cmd in podman conmon crun busybox; do
	command -v "$cmd" >/dev/null || fail "$cmd is missing (tests/vm/deps.sh)"
done
W=/run/cni-test
mkdir -p "$W/bin" "$W/net.d" "$W/ipam" "$W/podman" "$W/rootfs/bin"
ln -sf "$TOP/cli/cni/mvlan" "$W/bin/mvlan"
mount -t tmpfs tmpfs /var/lib
mkdir /var/lib/cni
if ! grep -q ' /sys/fs/cgroup ' /proc/mounts; then
	mount -t cgroup2 cgroup2 /sys/fs/cgroup
fi

ip link add up0 type veth peer name o0
netns_new out
ip link set o0 netns out
ip addr add 10.77.0.2/24 dev up0
ip link set up0 up
ip -n out addr add 10.77.0.1/24 dev o0
ip -n out link set o0 up

cat >"$W/containers.conf" <<EOF
[engine]
cgroup_manager = "cgroupfs"
events_logger = "none"

[network]
network_backend = "cni"
network_config_dir = "$W/net.d"
cni_plugin_dirs = ["$W/bin", "/usr/lib/cni"]
EOF
export CONTAINERS_CONF=$W/containers.conf
cat >"$W/net.d/mvnet.conflist" <<EOF
{
  "cniVersion": "1.0.0",
  "name": "mvnet",
  "plugins": [
    {
      "type": "mvlan",
      "master": "up0",
      "mode": "bridge",
      "ipam": {
        "type": "host-local",
        "dataDir": "$W/ipam",
        "ranges": [[{"subnet": "10.77.0.0/24", "rangeStart": "10.77.0.100", "gateway": "10.77.0.1"}]],
        "routes": [{"dst": "0.0.0.0/0"}]
      }
    }
  ]
}
EOF
podman() {
	command podman --root "$W/podman/root" --runroot "$W/podman/run" \
		--storage-driver vfs "$@"
}
leases() {
	local f out=()

	for f in "$W/ipam/mvnet"/*; do
		[[ -e $f ]] || continue
		f=${f##*/}
		[[ $f == last_reserved_ip* || $f == lock ]] || out+=("$f")
	done
	echo "${out[*]}"
}

step "the image: a busybox root, imported offline"
cp /bin/busybox "$W/rootfs/bin/busybox"
for a in sh sleep ping ip cat; do
	ln -s busybox "$W/rootfs/bin/$a"
done
tar -C "$W/rootfs" -cf "$W/rootfs.tar" .
podman import -q "$W/rootfs.tar" localhost/mvlan-bb:test >/dev/null
t0=$SECONDS

step "two containers on the mvlan network"
podman run -d --name a --network mvnet localhost/mvlan-bb:test sleep 600 >/dev/null
podman run -d --name b --network mvnet localhost/mvlan-bb:test sleep 600 >/dev/null
t_run=$((SECONDS - t0))
info=$(podman inspect -f '{{.State.Pid}} {{.NetworkSettings.SandboxKey}} {{(index .NetworkSettings.Networks "mvnet").IPAddress}}' a b | tr '\n' ' ')
read -r pid_a ns_a ip_a pid_b ns_b ip_b <<<"$info"
expect_eq "$ip_a $ip_b" "10.77.0.100 10.77.0.101" "the containers' addresses"
expect_eq "$(leases)" "10.77.0.100 10.77.0.101" "host-local's leases"
expect_eq "$(ip -o link show | grep -c mvtmp || true)" 0 "temporary devices on the host"

step "their eth0: mvlan on up0; they reach each other and the outside host"
# in each container's netns (the engine's part is the network, not exec)
for x in "a $pid_a $ip_b" "b $pid_b $ip_a"; do
	read -r name pid peer <<<"$x"
	d=$(nsenter -t "$pid" -n sh -c "ip -d -o link show eth0 &&
		ping -c 1 -W 5 $peer >/dev/null && ping -c 1 -W 5 10.77.0.1 >/dev/null") ||
		fail "container $name cannot reach the other ($peer) or the outside host: $d"
	[[ $d == *" mvlan "* ]] || fail "eth0 of container $name is not an mvlan device: $d"
	[[ $d == *link-netnsid* ]] || fail "eth0 of container $name is not on the host's up0: $d"
done

step "podman rm: no device, no lease left"
t1=$SECONDS
podman rm -f -t 0 a b >/dev/null
t_rm=$((SECONDS - t1))
expect_eq "$(leases)" "" "host-local's leases after podman rm"
for ns in "$ns_a" "$ns_b"; do
	[[ ! -e $ns ]] || fail "the container's netns $ns is left"
done
expect_eq "$("$MVCTL" -j show)" "[]" "mvlan devices in the host's netns"
expect_eq "$(ip -o link show | grep -c -e mvtmp -e '@up0' || true)" 0 "devices on up0 left on the host"
# conmon runs podman's exit command after the container is gone and may
# outlive podman rm by a moment: at most 20 s
left_procs() {
	local f comm

	left=()
	for f in /proc/[0-9]*/comm; do
		read -r comm 2>/dev/null <"$f" || continue
		[[ $comm == conmon || $comm == crun ]] && left+=("${f%/comm}:$comm")
	done
	((${#left[@]} == 0))
}
for _ in $(seq 100); do
	left_procs && break
	sleep 0.2
done
expect_eq "${left[*]}" "" "conmon or crun processes 20 s after podman rm"
echo "PASS: cni-podman: two containers run in ${t_run}s, removed in ${t_rm}s"
