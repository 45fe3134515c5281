#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The CNI plugin mvlan against the reference one: each case of the table
# below runs with "type": "macvlan" (Debian's containernetworking-plugins
# 1.1.1) and with "type": "mvlan", the same configuration otherwise. The
# results must be the same document apart from names and MACs, the two
# containers must reach each other and the outside host alike, and a bad
# input must get the same error code (or the one the table says and why).
#
#   host (the runtime's netns): up0 10.77.0.2/24, default via 10.77.0.1
#      |  \___veth___ out: o0 10.77.0.1/24, the outside host
#      +-- eth0 in c1, c2 (bridge), k0, k1 (private), k2, k3 (vepa): the
#      |   modes at once, a pair of containers each
#      +-- eth0 in k0 ... k6: then one case each, all at once
#
# The table (the test's data, printed as it runs): case, what is compared,
# macvlan's outcome, mvlan's, and where they differ, why.
#
#   case                    compared                       macvlan  mvlan
#   bridge, host-local      result, c1<->c2, c1/c2->out    same     same
#   private, host-local     result, c1-/->c2, ->out        same     same
#   vepa, host-local        result, c1-/->c2 (no hairpin)  same     same
#   passthru, L2            result, MAC = master's         same     same
#   0.4.0: CHECK            result ("version"), CHECK ok   same     same
#   0.3.1                   result (ips "version")         same     same
#   default master, mtu     result, lower, MTU             same     same
#   mac, runtimeConfig.mac  result, MAC                    same     same
#   CNI_ARGS MAC=           result, MAC                    same     same
#   static IPAM, v4+v6      result, addresses, routes      same     same
#   dns                     result                         same     same
#   DEL twice, no netns     exit 0                         same     same
#   missing CNI_NETNS       code                           4        4
#   bad JSON                code                           6        6
#   no name                 code                           7        7
#   containerID "-a"        code                           4        4
#   ifname too long         code                           4        4
#   CHECK in 0.3.1          code                           1        1
#   host-local bad subnet   code (IPAM's, passed on)       999      999
#                           what is left in the container  device   nothing
#     (macvlan 1.1.1's cmdAdd shadows err in its IPAM branch: its deferred
#     LinkDel never runs, the device stays in the container)
#   ifname taken            code                           999      999
#   cniVersion 0.2.0        code: macvlan still speaks it  ok       1
#     (with IPAM: macvlan cannot write an L2 result in 0.2.0, fails and
#     leaves its device; mvlan speaks 0.3.0 and later only)
#   cniVersion 1.1.0        code: 1.1.1 predates 1.1.0     1        ok
#   mtu 9000                code: invalid configuration    999      7
#   master missing          code: invalid configuration    999      7
#   mode "foo"              code: invalid configuration    999      7
#   CNI_ARGS FOO=1          code: invalid environment      999      4
#   mvlan's own keys (source/sources, nodst, nopromisc, bclim): macvlan
#   1.1.1 ignores them (not compared); tests/netns/cni-plugin.sh has them.
source "$(dirname "$0")/lib.bash"

# one ip a netns: a TCG guest spends 0.2-0.7 s starting each process
# shellcheck disable=SC2034 # lib.bash deletes them on exit
NETNS=(out c1 c2 k0 k1 k2 k3 k4 k5 k6)
ip -b - <<EOT
netns add out
netns add c1
netns add c2
netns add k0
netns add k1
netns add k2
netns add k3
netns add k4
netns add k5
netns add k6
link add up0 type veth peer name o0 netns out
addr add 10.77.0.2/24 dev up0
link set up0 up
route add default via 10.77.0.1 dev up0
EOT
ip -n out -b - <<EOT
link set lo up
addr add 10.77.0.1/24 dev o0
link set o0 up
EOT

PYTHONPATH=$(dirname "$0") python3 - <<'EOF'
import os, re, subprocess
from cni_lib import *

setup()
# no IPv6 in the containers but where the plugin turns it on: no
# autoconfiguration changes what a test compares
for ns in ('c1', 'c2') + tuple('k%d' % i for i in range(7)):
    for k in ('all', 'default'):
        write_sysctl(ns, 'net/ipv6/conf/%s/disable_ipv6' % k, '1')
up0 = link(None, 'up0')
TYPES = ('macvlan', 'mvlan')
table = []


def note(case, compared, ref, mv):
    table.append((case, compared, ref, mv))
    print('  %-24s %-34s %-8s %s' % (case, compared, ref, mv), flush=True)


def same_results(name, out):
    r = {t: [canon(x[1]) for x in out[t]] for t in TYPES}
    expect(r['mvlan'], r['macvlan'], name + ': the results of mvlan and macvlan')


step('the same configurations, the same results and connectivity')
print('  %-24s %-34s %-8s %s' % ('case', 'compared', 'macvlan', 'mvlan'))
# the three modes at once, a pair of containers and a part of the range
# each (their devices share up0 and see each other's broadcasts)
MODES3 = (('bridge', True, ('c1', 'c2'), '10.77.0.10'),
          ('private', False, ('k0', 'k1'), '10.77.0.40'),
          ('vepa', False, ('k2', 'k3'), '10.77.0.70'))
mode_outs = {m[0]: {} for m in MODES3}


def one_mode(t, mode, reach, ns, start):
    """ADD of plugin t in mode in both containers of ns: the devices, c1 and
    c2 -> out, c1 -> c2 as the mode says; then DEL"""
    o = []
    for n in ns:
        c = conf(t, mode + '-' + t, master='up0', mode=mode,
                 ipam=hostlocal('10.77.0.0/24', [{'dst': '0.0.0.0/0'}], start=start))
        o.append((c, ok('ADD', c, n, 'eth0'), link(n, 'eth0')))
    expect([x[2]['mode'] for x in o], [mode, mode], '%s %s: the mode' % (t, mode))
    expect([x[2]['link'] for x in o], [up0['ifindex']] * 2, '%s %s: the lower' % (t, mode))
    a2 = o[1][1]['ips'][0]['address'].split('/')[0]
    expect((ping(ns[0], '10.77.0.1'), ping(ns[1], '10.77.0.1'), ping(ns[0], a2, wait=5 if reach else 1)),
           (True, True, reach), '%s %s: %s, %s -> out; %s -> %s' % (t, mode, ns[0], ns[1], ns[0], ns[1]))
    for n, (c, _, _) in zip(ns, o):
        ok('DEL', c, n, 'eth0')
        expect(link(n, 'eth0'), None, '%s %s: eth0 of %s after DEL' % (mode, t, n))
    mode_outs[mode][t] = o


# one plugin at a time on up0: macvlan and mvlan cannot share a lower
for t in TYPES:
    parallel(*[(lambda t=t, m=m: one_mode(t, *m)) for m in MODES3])
for mode, reach, *_ in MODES3:
    same_results(mode, mode_outs[mode])
    note(mode + ', host-local', 'result, c1<->c2 %s, ->out' % ('yes' if reach else 'no'), 'same', 'same')

cases = (
    ('passthru, L2', 'result, MAC = master\'s', dict(master='up0', mode='passthru'), '1.0.0', None),
    ('0.4.0, CHECK', 'result, CHECK', dict(master='up0', ipam=hostlocal('10.77.0.0/24')), '0.4.0', None),
    ('0.3.1', 'result ("version" in ips)', dict(master='up0', ipam=hostlocal('10.77.0.0/24')), '0.3.1', None),
    ('default master, mtu', 'result, lower, MTU', dict(mtu=1400), '1.0.0', None),
    ('mac, runtimeConfig.mac', 'result, MAC', dict(master='up0', mac='02:00:00:00:00:01',
                                                  runtimeConfig={'mac': '02:00:00:00:00:02'}), '1.0.0', None),
    ('CNI_ARGS MAC=', 'result, MAC', dict(master='up0'), '1.0.0', 'IgnoreUnknown=1;MAC=02:00:00:00:00:03'),
    ('static v4+v6, dns', 'result, addresses, routes', dict(
        master='up0', dns={'nameservers': ['10.77.0.1'], 'domain': 'lan'},
        ipam={'type': 'static', 'addresses': [{'address': '10.77.0.60/24', 'gateway': '10.77.0.1'},
                                              {'address': 'fd77::60/64'}],
              'routes': [{'dst': '0.0.0.0/0'}, {'dst': 'fd78::/64', 'gw': 'fd77::1'}]}), '1.0.0', None),
)


def one_case(t, ns, name, keys, ver, args, out):
    """ADD, the checks, DEL of one case with plugin t in container ns"""
    c = conf(t, re.sub('[^a-zA-Z0-9_.-]', '-', name) + '-' + t, ver, **keys)
    res = ok('ADD', c, ns, 'eth0', args=args)
    d = link(ns, 'eth0')
    a = [x['address'] for x in addrs(ns) if x['scope'] == 0]
    out[t] = [(c, res, d, a)]
    if name.startswith('passthru'):
        expect(d['address'], up0['address'], t + ": passthru takes the master's MAC")
    if 'CHECK' in name:
        ok('CHECK', with_prev(c, res), ns, 'eth0')
    if 'mtu' in keys:
        expect((d['link'], d['mtu']), (up0['ifindex'], 1400), t + ': the lower and MTU')
    if 'mac' in keys or args:
        expect(d['address'], res['interfaces'][0]['mac'], t + ': the MAC')
        expect(d['address'], '02:00:00:00:00:0' + ('3' if args else '2'), t + ': the MAC that wins')
    if 'static' in name:
        expect(sorted(a), ['10.77.0.60/24', 'fd77::60/64'], t + ': the addresses')
    ok('DEL', c, ns, 'eth0')
    expect(link(ns, 'eth0'), None, '%s %s: eth0 after DEL' % (name, t))


step('the other configurations, a container each')
# one plugin at a time on up0 (macvlan and mvlan cannot share a lower
# device), its cases at once, each in a container of its own; passthru
# wants the master to itself
outs = {name: {} for name, *_ in cases}
for t in TYPES:
    parallel(*[(lambda t=t, i=i, x=x: one_case(t, 'k%d' % i, x[0], x[2], x[3], x[4], outs[x[0]]))
               for i, x in enumerate(cases) if not x[0].startswith('passthru')])
    for x in cases:
        if x[0].startswith('passthru'):
            one_case(t, 'c1', x[0], x[2], x[3], x[4], outs[x[0]])
for name, compared, *_ in cases:
    same_results(name, outs[name])
    note(name, compared, 'same', 'same')

step('DEL twice, and without CNI_NETNS')
for t in TYPES:
    c = conf(t, 'del-' + t, master='up0', ipam=hostlocal('10.77.0.0/24'))
    ok('ADD', c, 'c1', 'eth0')
    ok('DEL', c, 'c1', 'eth0')
    ok('DEL', c, 'c1', 'eth0')
    ok('DEL', c, None, 'eth0', cid='c1')
    expect(leases('del-' + t), [], t + ': the lease after DEL')
note('DEL twice, no netns', 'exit 0, lease released', 'same', 'same')

step('the same bad inputs, the same error codes (or the table says why not)')
base = {t: conf(t, 'e', master='up0') for t in TYPES}
full = {'CNI_COMMAND': 'ADD', 'CNI_CONTAINERID': 'a', 'CNI_NETNS': '/run/netns/c2',
        'CNI_IFNAME': 'eth2', 'CNI_PATH': CNI_PATH}
bad = (
    # case, change, macvlan's code, mvlan's code (0: success)
    ('missing CNI_NETNS', {'env': {'CNI_NETNS': None}}, 4, 4),
    ('bad JSON', {'text': '{"cniVersion":'}, 6, 6),
    ('no name', {'del': 'name'}, 7, 7),
    ('containerID "-a"', {'env': {'CNI_CONTAINERID': '-a'}}, 4, 4),
    ('ifname too long', {'env': {'CNI_IFNAME': 'eth0123456789012'}}, 4, 4),
    ('CHECK in 0.3.1', {'env': {'CNI_COMMAND': 'CHECK'}, 'keys': {'cniVersion': '0.3.1'}}, 1, 1),
    ('host-local bad subnet', {'keys': {'ipam': {'type': 'host-local', 'subnet': '10.77.0.0/33'}},
                               'leaks': 'macvlan'}, 999, 999),
    ('ifname taken', {'env': {'CNI_IFNAME': 'taken0'}}, 999, 999),
    ('cniVersion 0.2.0', {'keys': {'cniVersion': '0.2.0', 'ipam': hostlocal('10.77.0.0/24')}}, 0, 1),
    ('cniVersion 1.1.0', {'keys': {'cniVersion': '1.1.0'}}, 1, 0),
    ('mtu 9000', {'keys': {'mtu': 9000}}, 999, 7),
    ('master missing', {'keys': {'master': 'nope'}}, 999, 7),
    ('mode "foo"', {'keys': {'mode': 'foo'}}, 999, 7),
    ('CNI_ARGS FOO=1', {'env': {'CNI_ARGS': 'FOO=1'}}, 999, 4),
)
subprocess.run(['ip', '-n', 'c2', 'link', 'add', 'taken0', 'type', 'veth', 'peer', 'name', 'taken1'], check=True)
before = state('c2')


def attempt(change, t):
    """starts the bad input's run of plugin t"""
    c = dict(base[t], **change.get('keys', {}))
    c.pop(change.get('del'), None)
    env = dict(full, PATH=os.environ['PATH'], **change.get('env', {}))
    env = {k: v for k, v in env.items() if v is not None}
    return c, env, start(env['CNI_COMMAND'], change.get('text', c), 'c2', env['CNI_IFNAME'], env=env, ptype=t)


def settle(name, change, t, c, env, r):
    """one plugin's answer to a bad input: its code (0: it succeeded, and
    its attachment is deleted again), and nothing left but what the table
    says"""
    if r.rc == 0 and env['CNI_COMMAND'] == 'ADD':
        ok('DEL', c, 'c2', env['CNI_IFNAME'])
    left = link('c2', env['CNI_IFNAME']) if env['CNI_IFNAME'] != 'taken0' else None
    expect(left is not None, change.get('leaks') == t, '%s: %s leaves a device behind' % (name, t))
    if left:
        subprocess.run(['ip', '-n', 'c2', 'link', 'del', env['CNI_IFNAME']], check=True)
    return (0 if r.rc == 0 else (r.out or {}).get('code', 'rc %d' % r.rc)), r.text.strip()


def outcome(name, change, want_ref, want_mv, got):
    expect((got['macvlan'][0], got['mvlan'][0]), (want_ref, want_mv),
           '%s: the codes of macvlan and mvlan (%s; %s)' % (name, got['macvlan'][1], got['mvlan'][1]))
    note(name, 'code', str(want_ref) if want_ref else 'ok', str(want_mv) if want_mv else 'ok')
    if change.get('leaks'):
        note('', 'what is left in the container', 'device', 'nothing')


# those refused before either plugin makes anything: both plugins, two
# cases at a time; the others one plugin after the other
for i in range(0, len(bad), 2):
    part = [b for b in bad[i:i + 2] if b[2] and b[3] and 'leaks' not in b[1] and 'taken' not in b[0]]
    waits = [(b, {t: attempt(b[1], t) for t in TYPES}) for b in part]
    for b, runs in waits:
        outcome(*b, {t: settle(b[0], b[1], t, c, env, w()) for t, (c, env, w) in runs.items()})
    for b in bad[i:i + 2]:
        if b not in part:
            got = {}
            for t in TYPES:
                c, env, w = attempt(b[1], t)
                got[t] = settle(b[0], b[1], t, c, env, w())
            outcome(*b, got)
expect(state('c2'), before, 'devices after the bad inputs')
expect([n for n in links(None) if n.startswith(('mvtmp', 'veth'))], [], 'no temporary device on the host')
print('PASS: cni-diff, %d cases agree as the table says' % len(table))
EOF
