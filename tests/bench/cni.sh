#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# CNI latency, run inside the test VM as a test of its own:
#   tests/vm/run.sh -k KVER -m MODULE tests/bench/cni.sh
# ADD and DEL of a layer 2 attachment (no IPAM: the plugin alone) with the
# reference plugin (Debian's macvlan) and with mvlan, each the median of
# CNI_BENCH_N runs (50; 5 in smoke mode: BENCH_SMOKE=1, or mvbench.mode=smoke
# on the kernel command line as tests/bench/run.sh --smoke sets it), as a
# runtime sees it: from the plugin's start to its exit, process start
# included. Then ADD and DEL of a source-mode attachment with 100,000
# sources (mvlan only: the reference plugin has no source mode), the median
# of CNI_BENCH_BIG (5; smoke: 1).
# Prints a table; writes MVLAN_OUT/cni-bench.csv
# (plugin,operation,runs,median_ms,min_ms,max_ms). No speed is asserted.
#
#   host: up0 ---veth--- out: o0;  c1: the attachment, made and deleted
source "$(dirname "$0")/../netns/lib.bash"

netns_new out c1
ip link add up0 type veth peer name o0 netns out
ip link set up0 up
ip -n out link set o0 up

PYTHONPATH=$(dirname "$0")/../netns python3 - <<'EOF'
import os, statistics, time
from cni_lib import *

setup()
with open('/proc/cmdline') as f:
    # tests/bench/run.sh --smoke tells the guest so on its command line
    smoke = os.environ.get('BENCH_SMOKE', '0') == '1' or 'mvbench.mode=smoke' in f.read().split()
n = int(os.environ.get('CNI_BENCH_N', 5 if smoke else 50))
big = int(os.environ.get('CNI_BENCH_BIG', 1 if smoke else 5))
rows = []


def timed(cmd, c):
    t = time.monotonic()
    ok(cmd, c, 'c1', 'eth0')
    return (time.monotonic() - t) * 1000


def bench(name, c, reps):
    add, dele = [], []
    for _ in range(reps):
        add.append(timed('ADD', c))
        dele.append(timed('DEL', c))
    for op, v in (('ADD', add), ('DEL', dele)):
        rows.append((name, op, len(v), statistics.median(v), min(v), max(v)))


for t in ('macvlan', 'mvlan'):
    bench(t, conf(t, 'bench-' + t, master='up0', mode='bridge'), n)
srcs = ['02:%02x:%02x:%02x:00:01' % (i >> 16, (i >> 8) & 255, i & 255) for i in range(100000)]
bench('mvlan source 100000', conf('mvlan', 'bench-src', master='up0', mode='source', sources=srcs), big)
expect(link('c1', 'eth0'), None, 'eth0 after the last DEL')

print('%-22s %-4s %5s %10s %10s %10s' % ('plugin', 'op', 'runs', 'median ms', 'min ms', 'max ms'))
for r in rows:
    print('%-22s %-4s %5d %10.1f %10.1f %10.1f' % r)
with open(os.path.join(os.environ.get('MVLAN_OUT', '/tmp'), 'cni-bench.csv'), 'w') as f:
    f.write('plugin,operation,runs,median_ms,min_ms,max_ms\n')
    for r in rows:
        f.write('%s,%s,%d,%.1f,%.1f,%.1f\n' % r)
EOF
