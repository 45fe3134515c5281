#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The CNI plugin mvlan driven by hand, as a runtime drives it: CNI_*
# variables, the configuration on stdin, the result or error object on
# stdout (tests/netns/cni_lib.py). Every mode and key through ADD, CHECK and
# DEL, DEL twice and after the netns is gone, every error path with its code
# and message and nothing changed, a chained conflist (mvlan, then tuning),
# host-local's leases released, the 1.1.0 keys of an IPAM result's routes
# applied, STATUS, GC, VERSION, 100,000 sources.
#
#   host (the guest's netns, the runtime's):
#     up0 10.77.0.2/24, default via 10.77.0.1 ---veth--- out: o0 10.77.0.1/24
#      |                                                       fd77::1/64
#      +-- eth0 in c1, c2, c3 (mvlan devices the plugin makes)
#   c4: cm0 ---veth--- cmp0, both in c4 (linkInContainer: a master there)
source "$(dirname "$0")/lib.bash"

# one ip a netns: a TCG guest spends 0.2-0.7 s starting each process
# shellcheck disable=SC2034 # lib.bash deletes them on exit
NETNS=(out c1 c2 c3 c4)
ip -b - <<EOT
netns add out
netns add c1
netns add c2
netns add c3
netns add c4
link add up0 type veth peer name o0 netns out
addr add 10.77.0.2/24 dev up0
link set up0 up
route add default via 10.77.0.1 dev up0
EOT
ip -n out -b - <<EOT
link set lo up
addr add 10.77.0.1/24 dev o0
addr add fd77::1/64 dev o0 nodad
link set o0 up
EOT
ip -n c4 -b - <<EOT
link add cm0 type veth peer name cmp0
link set cm0 up
link set cmp0 up
EOT

PYTHONPATH=$(dirname "$0") python3 - <<'EOF'
import json, os, subprocess, time
from cni_lib import *

setup()
t0 = time.monotonic()
# no IPv6 in the containers but where the plugin turns it on: no
# autoconfiguration changes what a test compares
for ns in ('c1', 'c2', 'c3', 'c4'):
    for k in ('all', 'default'):
        write_sysctl(ns, 'net/ipv6/conf/%s/disable_ipv6' % k, '1')
M = 'mvlan'
up0 = link(None, 'up0')


def prev(c, r):
    return with_prev(c, r)


step('VERSION')
r = run('VERSION', '{"cniVersion":"1.1.0"}', None, '', env={'CNI_COMMAND': 'VERSION'})
expect((r.rc, r.out), (0, {'cniVersion': '1.1.0', 'supportedVersions':
                           ['0.3.0', '0.3.1', '0.4.0', '1.0.0', '1.1.0']}), 'VERSION')
r = run('VERSION', '', None, '', env={'CNI_COMMAND': 'VERSION'})
expect(r.out['cniVersion'], '1.1.0', 'VERSION without stdin')

step('every mode, in each version: ADD, the device, CHECK, DEL')


def one_mode(mode, ver, ns):
    c = conf(M, 'm-' + mode, ver, master='up0', mode=mode)
    res = ok('ADD', c, ns, 'eth0')
    d = link(ns, 'eth0')
    expect((d['kind'], d['mode'], d['link'], d['link_netns'], d['up']),
           ('mvlan', mode, up0['ifindex'], True, True), mode + ': the device')
    expect(res, {'cniVersion': ver, 'dns': {}, 'interfaces': [
        {'name': 'eth0', 'mac': d['address'], 'sandbox': '/run/netns/' + ns}]}, mode + ': the result')
    if mode == 'passthru':
        expect(d['address'], up0['address'], "passthru takes the master's MAC")
    if ver >= '0.4.0':
        ok('CHECK', prev(c, res), ns, 'eth0')
    ok('DEL', c, ns, 'eth0')
    expect(link(ns, 'eth0'), None, mode + ': eth0 after DEL')


# four containers at once; passthru wants the master to itself
parallel(lambda: one_mode('bridge', '0.3.0', 'c1'), lambda: one_mode('private', '0.3.1', 'c2'),
         lambda: one_mode('vepa', '0.4.0', 'c3'), lambda: one_mode('source', '1.1.0', 'c4'))
one_mode('passthru', '1.0.0', 'c1')

step('the keys')


def keys_defaults():
    # master: the default route's device; mode: bridge
    c = conf(M, 'k')
    res = ok('ADD', c, 'c1', 'eth0')
    d = link('c1', 'eth0')
    expect((d['mode'], d['link'], d['mtu']), ('bridge', up0['ifindex'], 1500), 'the defaults')
    ok('CHECK', prev(c, res), 'c1', 'eth0')
    ok('DEL', c, 'c1', 'eth0')
    c = conf(M, 'k', master='up0', mtu=1400, mac='02:11:22:33:44:55', bcqueuelen=2345, bclim=7)
    res = ok('ADD', c, 'c1', 'eth0')
    d = link('c1', 'eth0')
    expect((d['mtu'], d['address'], d['bcqueuelen'], d['bclim'], res['interfaces'][0]['mac']),
           (1400, '02:11:22:33:44:55', 2345, 7, '02:11:22:33:44:55'), 'mtu, mac, bcqueuelen, bclim')
    ok('CHECK', prev(c, res), 'c1', 'eth0')
    ok('DEL', c, 'c1', 'eth0')


def keys_source():
    c = conf(M, 'k', master='up0', mode='source', nodst=True,
             sources=['02:00:00:00:aa:01', '02:00:00:00:aa:02', '02:00:00:00:aa:01'])
    res = ok('ADD', c, 'c2', 'eth0')
    d = link('c2', 'eth0')
    expect((d['mode'], d['flags'], d['source_count']), ('source', 2, 2), 'source, nodst, sources (unique)')
    ok('CHECK', prev(c, res), 'c2', 'eth0')
    err(999, 'container interface eth0 has 2 source addresses, not 1', 'CHECK',
        prev(dict(c, sources=['02:00:00:00:aa:01']), res), 'c2', 'eth0')
    ok('DEL', c, 'c2', 'eth0')


def keys_mac():
    # the MAC: runtimeConfig.mac over CNI_ARGS MAC= over "mac"
    c = conf(M, 'k', master='up0', mac='02:00:00:00:00:01')
    ok('ADD', c, 'c3', 'eth0', args='IgnoreUnknown=1;K8S_POD_NAME=x;MAC=02:00:00:00:00:02')
    expect(link('c3', 'eth0')['address'], '02:00:00:00:00:02', 'CNI_ARGS MAC= over "mac"')
    ok('DEL', c, 'c3', 'eth0')
    c['runtimeConfig'] = {'mac': '02:00:00:00:00:03'}
    ok('ADD', c, 'c3', 'eth0', args='MAC=02:00:00:00:00:02')
    expect(link('c3', 'eth0')['address'], '02:00:00:00:00:03', 'runtimeConfig.mac over CNI_ARGS')
    ok('DEL', c, 'c3', 'eth0')


def keys_lic():
    # linkInContainer: the master is in the container's netns
    c = conf(M, 'lic', master='cm0', linkInContainer=True, mode='vepa')
    res = ok('ADD', c, 'c4', 'eth0')
    d = link('c4', 'eth0')
    expect((d['mode'], d['link'], d['link_netns']), ('vepa', link('c4', 'cm0')['ifindex'], False),
           'linkInContainer: on cm0 of c4')
    ok('CHECK', prev(c, res), 'c4', 'eth0')
    ok('DEL', c, 'c4', 'eth0')
    err(7, 'failed to lookup master "cm0": no such device', 'ADD', conf(M, 'lic', master='cm0'), 'c4', 'eth0')


parallel(keys_defaults, keys_source, keys_mac, keys_lic)
# the keys that are device flags: set, seen, and checked by CHECK
for kw, want in ((dict(mode='passthru', nopromisc=True), ('passthru', 1)),
                 (dict(hostbridge=True), ('bridge', 4))):
    c = conf(M, 'k', master='up0', **kw)
    res = ok('ADD', c, 'c1', 'eth0')
    d = link('c1', 'eth0')
    expect((d['mode'], d['flags']), want, ', '.join('%s=%s' % i for i in kw.items()))
    ok('CHECK', prev(c, res), 'c1', 'eth0')
    err(999, 'container interface eth0 has flags 0x%x, not 0' % want[1], 'CHECK',
        prev(dict(c, **{list(kw)[-1]: False}), res), 'c1', 'eth0')
    ok('DEL', c, 'c1', 'eth0')

step('at once: host-local (c1); IPv6 from static IPAM, then a chained conflist (c2); DEL (c3)')


def sec_hostlocal():
    """host-local: addresses, routes, dns; CHECK; the lease released by DEL"""
    c = conf(M, 'hl', master='up0', dns={'nameservers': ['10.77.0.1'], 'search': ['lan']},
             ipam=hostlocal('10.77.0.0/24', [{'dst': '0.0.0.0/0'}, {'dst': '10.78.0.0/16', 'gw': '10.77.0.3'}]))
    res = ok('ADD', c, 'c1', 'eth0')
    expect(leases('hl'), ['10.77.0.10'], 'the lease')
    expect(canon(res), {'cniVersion': '1.0.0', 'interfaces': [{'name': 'eth0'}],
                        'ips': [{'interface': 0, 'address': '10.77.0.10/24', 'gateway': '10.77.0.1'}],
                        'routes': [{'dst': '0.0.0.0/0'}, {'dst': '10.78.0.0/16', 'gw': '10.77.0.3'}],
                        'dns': {'nameservers': ['10.77.0.1'], 'search': ['lan']}}, 'the result')
    eth0 = link('c1', 'eth0')['ifindex']
    expect([a['address'] for a in addrs('c1') if a['ifindex'] == eth0 and a['scope'] == 0],
           ['10.77.0.10/24'], 'the address')
    expect([r for r in routes('c1') if ':' not in r],
           ['0.0.0.0/0 via 10.77.0.1 oif %d' % eth0, '10.77.0.0/24 oif %d' % eth0,
            '10.78.0.0/16 via 10.77.0.3 oif %d' % eth0], 'the routes')
    expect(read_sysctl('c1', 'net/ipv4/conf/eth0/arp_notify'), '1', 'arp_notify')
    expect(ping('c1', '10.77.0.1'), True, 'c1 reaches the outside host')
    p = prev(c, res)
    ok('CHECK', p, 'c1', 'eth0')
    bad_mac = json.loads(json.dumps(p))
    bad_mac['prevResult']['interfaces'][0]['mac'] = '02:00:00:00:00:09'
    bad_sandbox = json.loads(json.dumps(p))
    bad_sandbox['prevResult']['interfaces'][0]['sandbox'] = '/run/netns/c2'
    err_batch('c1', [
        (999, "interface eth0 Mac 02:00:00:00:00:09 doesn't match container Mac: " + link('c1', 'eth0')['address'],
         'CHECK', bad_mac, 'c1', 'eth0'),
        (999, 'container mvlan mode bridge does not match expected value: vepa', 'CHECK', dict(p, mode='vepa'), 'c1', 'eth0'),
        (999, 'container interface eth0 is not on master "lo"', 'CHECK', dict(p, master='lo'), 'c1', 'eth0'),
        (999, "sandbox in prevResult doesn't match configured netns: /run/netns/c1*", 'CHECK', bad_sandbox, 'c1', 'eth0'),
        (7, 'required prevResult missing', 'CHECK', c, 'c1', 'eth0'),
        (1, 'config version does not allow CHECK', 'CHECK', dict(p, cniVersion='0.3.1'), 'c1', 'eth0')])
    subprocess.run(['ip', '-n', 'c1', 'route', 'del', '10.78.0.0/16'], check=True)
    err(999, 'route to 10.78.0.0/16 via its gw not found', 'CHECK', p, 'c1', 'eth0')
    subprocess.run(['ip', '-n', 'c1', 'addr', 'del', '10.77.0.10/24', 'dev', 'eth0'], check=True)
    err(999, 'failed to find ip address 10.77.0.10/24 on eth0', 'CHECK', p, 'c1', 'eth0')
    ok('DEL', c, 'c1', 'eth0')
    expect(leases('hl'), [], 'the lease after DEL')
    # IPAM's CHECK first, as the reference plugin; then the device
    err(999, 'host-local: Failed to find address added by container c1', 'CHECK', p, 'c1', 'eth0')
    err(999, 'container interface name in prevResult: eth0 not found', 'CHECK',
        {k: v for k, v in p.items() if k != 'ipam'}, 'c1', 'eth0')


def sec_v6_chain():
    """IPv6 from static IPAM with a gateway (ADD waits for DAD); then a
    chained conflist, run as a runtime runs it: mvlan, then tuning"""
    c = conf(M, 'v6', master='up0', ipam={'type': 'static', 'addresses': [{'address': 'fd77::50/64', 'gateway': 'fd77::1'}],
                                          'routes': [{'dst': '::/0'}]})
    res = ok('ADD', c, 'c2', 'eth0')
    eth0 = link('c2', 'eth0')['ifindex']
    expect([(a['address'], a['tentative']) for a in addrs('c2') if a['ifindex'] == eth0 and a['scope'] == 0],
           [('fd77::50/64', False)], 'the IPv6 address, DAD done')
    expect('::/0 via fd77::1 oif %d' % eth0 in routes('c2'), True, 'the IPv6 default route')
    expect(ping('c2', 'fd77::1'), True, 'c2 reaches the outside host over IPv6')
    ok('CHECK', prev(c, res), 'c2', 'eth0')
    ok('DEL', c, 'c2', 'eth0')

    chain = {'cniVersion': '1.0.0', 'name': 'chain', 'plugins': [
        {'type': 'mvlan', 'master': 'up0', 'ipam': hostlocal('10.77.0.0/24', start='10.77.0.20')},
        {'type': 'tuning', 'mac': '02:00:00:00:77:01', 'mtu': 1280,
         'sysctl': {'net.ipv4.conf.eth0.log_martians': '1'}}]}

    def pconf(i, prev=None):
        c = dict(chain['plugins'][i], cniVersion=chain['cniVersion'], name=chain['name'])
        if prev is not None:
            c['prevResult'] = prev
        return c

    r = ok('ADD', pconf(0), 'c2', 'eth0')
    r = ok('ADD', pconf(1, r), 'c2', 'eth0')
    d = link('c2', 'eth0')
    expect((r['interfaces'][0]['mac'], d['address'], d['mtu'], r['ips'][0]['address'],
            read_sysctl('c2', 'net/ipv4/conf/eth0/log_martians')),
           ('02:00:00:00:77:01', '02:00:00:00:77:01', 1280, '10.77.0.20/24', '1'), "the chain's result")
    for i in (0, 1):
        ok('CHECK', pconf(i, r), 'c2', 'eth0')
    for i in (1, 0):
        ok('DEL', pconf(i, r), 'c2', 'eth0')
    expect((link('c2', 'eth0'), leases('chain')), (None, []), "the chain's device and lease after DEL")


def sec_del():
    """DEL: twice, after the netns is gone, without CNI_NETNS, of what is not
    ours (its lease apart from the others: they share the link)"""
    c = conf(M, 'd', master='up0', ipam=hostlocal('10.77.0.0/24', start='10.77.0.30'))
    ok('ADD', c, 'c3', 'eth0')
    expect(leases('d'), ['10.77.0.30'], 'the lease of c3')
    ok('DEL', c, 'c3', 'eth0')
    ok('DEL', c, 'c3', 'eth0')
    ok('ADD', c, 'c3', 'eth0')
    subprocess.run(['ip', 'netns', 'del', 'c3'], check=True)
    ok('DEL', c, 'c3', 'eth0')
    expect(leases('d'), [], 'the lease after DEL of a deleted netns')
    ok('DEL', c, None, 'eth0', cid='c3')
    os.system('ip netns add c3; ip -n c3 link add eth0 type veth peer name eth1')
    ok('DEL', conf(M, 'd'), 'c3', 'eth0')
    expect(link('c3', 'eth0')['kind'], 'veth', 'DEL leaves a device it did not make')


parallel(sec_hostlocal, sec_v6_chain, sec_del)

step('errors: the code, the message, nothing changed')
base = conf(M, 'e', master='up0')
full = {'CNI_COMMAND': 'ADD', 'CNI_CONTAINERID': 'a', 'CNI_NETNS': '/run/netns/c3',
        'CNI_IFNAME': 'eth2', 'CNI_PATH': CNI_PATH}


cases = []


def env_err(code, msg, **env):
    e = dict(full)
    e.update(env)
    cases.append((code, msg, e['CNI_COMMAND'], base, 'c3', 'eth2',
                  {'env': {k: v for k, v in e.items() if v is not None}}))


def e(code, msg, cmd, c, ns='c3', ifname='eth2'):
    cases.append((code, msg, cmd, c, ns, ifname))


env_err(4, 'required env variables [CNI_CONTAINERID,CNI_NETNS,CNI_IFNAME,CNI_PATH] missing',
        CNI_CONTAINERID=None, CNI_NETNS=None, CNI_IFNAME=None, CNI_PATH=None)
env_err(4, 'required env variables [CNI_NETNS] missing', CNI_NETNS=None)
env_err(4, 'required env variables [CNI_CONTAINERID] missing', CNI_COMMAND='DEL', CNI_CONTAINERID='')
env_err(4, 'unknown CNI_COMMAND: FOO', CNI_COMMAND='FOO')
env_err(4, 'invalid characters in containerID', CNI_CONTAINERID='-a')
env_err(4, 'interface name is too long', CNI_IFNAME='eth0123456789012')
env_err(4, 'interface name contains / or : or whitespace characters', CNI_IFNAME='a:b')
env_err(4, 'interface name is . or ..', CNI_IFNAME='..')
env_err(4, 'failed to open netns "/run/netns/nope": No such file or directory', CNI_NETNS='/run/netns/nope')
env_err(4, 'CNI_NETNS "/run" is not a network namespace', CNI_NETNS='/run')
env_err(4, 'CNI_ARGS: invalid pair "MAC"', CNI_ARGS='MAC')
env_err(4, 'CNI_ARGS: unknown args ["FOO=1"]', CNI_ARGS='FOO=1;MAC=02:00:00:00:00:01')
env_err(4, 'CNI_ARGS: MAC: invalid MAC address "02:00:00:00:00:0"', CNI_ARGS='MAC=02:00:00:00:00:0')
env_err(4, 'CNI_ARGS: IgnoreUnknown: not a boolean: "yes"', CNI_ARGS='IgnoreUnknown=yes')
e(6, 'error unmarshall network config: *', 'ADD', '{"cniVersion":"1.0.0",')
e(6, 'error unmarshall network config: not a JSON object', 'ADD', '[1]')
e(7, 'missing network name', 'ADD', {'cniVersion': '1.0.0', 'type': M})
e(7, 'invalid characters found in network name', 'ADD', conf(M, 'a b'))
e(1, 'incompatible CNI versions', 'ADD', {k: v for k, v in base.items() if k != 'cniVersion'})
e(6, 'decoding version from network config: *', 'ADD', dict(base, cniVersion=1))
e(1, 'config version does not allow STATUS', 'STATUS', base, None, '')
e(1, 'config version does not allow GC', 'GC', base, None, '')
for key, val, msg in (
        ('mode', 'foo', 'unknown mvlan mode: "foo" (private, vepa, bridge, passthru or source)'),
        ('mode', 4, '"mode" must be a string'),
        ('mtu', 9000, 'invalid MTU 9000, must be [0, master MTU(1500)]'),
        ('mtu', -1, 'invalid MTU -1, must be [0, master MTU(1500)]'),
        ('mtu', '1400', '"mtu" must be an integer'),
        ('master', 'nope', 'failed to lookup master "nope": no such device'),
        ('master', 'a/b', '"master": "a/b" is not a valid device name'),
        ('mac', 'zz', '"mac": invalid MAC address "zz"'),
        ('mac', '01:00:5e:00:00:01', '"mac": "01:00:5e:00:00:01" is a multicast MAC address, not unicast'),
        ('runtimeConfig', {'mac': 'x'}, 'runtimeConfig.mac: invalid MAC address "x"'),
        ('sources', ['02:00:00:00:00:01'], '"sources" needs "mode": "source", not "bridge"'),
        ('bcqueuelen', -1, '"bcqueuelen" -1 is out of range [0, 4294967295]'),
        ('bclim', 1 << 31, '"bclim" 2147483648 is out of range [-2147483648, 2147483647]'),
        ('nodst', 'yes', '"nodst" must be true or false'),
        ('linkInContainer', 1, '"linkInContainer" must be true or false'),
        ('ipam', 'host-local', '"ipam" must be an object'),
        ('dns', [], '"dns" must be an object'),
        ('ipam', {'type': 'nope'}, 'failed to find plugin "nope" in path [%s]' % CNI_PATH)):
    e(7, msg, 'ADD', dict(base, **{key: val}))
e(7, 'sources[1]: "00:00:00:00:00:00" is the all-zero MAC address, not unicast', 'ADD',
  dict(base, mode='source', sources=['02:00:00:00:00:01', '00:00:00:00:00:00']))
# refused before the kernel would refuse it (its extack: hostbridge is for bridge mode only)
e(7, '"hostbridge" needs "mode": "bridge", not "vepa"', 'ADD', dict(base, mode='vepa', hostbridge=True))
err_batch('c3', cases)
o = err(1, 'incompatible CNI versions', 'ADD', dict(base, cniVersion='0.2.0'), 'c3', 'eth2')
expect(o['details'], 'config is "0.2.0", plugin supports ["0.3.0" "0.3.1" "0.4.0" "1.0.0" "1.1.0"]', 'its details')
# the kernel refuses: its extended ACK message in details
err(999, 'failed to rename mvlan to "eth0": File exists', 'ADD', base, 'c3', 'eth0')
ok('ADD', base, 'c3', 'eth2')
o = err(999, 'failed to create the mvlan device on "up0": Invalid argument', 'ADD',
        dict(base, mode='passthru'), 'c1', 'eth0')
expect(o.get('details'), 'mvlan: passthru mode needs a lower device without other mvlan devices',
       "the kernel's extack in details")
ok('DEL', base, 'c3', 'eth2')
# IPAM's own error passed on as it is
err(999, 'invalid CIDR address: 10.77.0.0/33', 'ADD', dict(base, ipam={'type': 'host-local', 'subnet': '10.77.0.0/33'}), 'c3', 'eth2')
# a failure after IPAM ADD: the device deleted, the lease released
o = err(999, 'failed to add route 10.99.0.0/16 dev eth2: Network is unreachable', 'ADD',
        dict(base, ipam=hostlocal('10.77.0.0/24', [{'dst': '10.99.0.0/16', 'gw': '10.55.0.1'}])), 'c3', 'eth2')
expect(o.get('details'), 'Nexthop has invalid gateway', "the kernel's extack in details")
expect(leases('e'), [], 'the lease after a failed ADD')

step("the 1.1.0 keys of an IPAM result's routes applied: mtu, advmss, scope")
# an IPAM plugin of a fixed result: Debian's (1.1.1) pass on no such keys
fixed = {'cniVersion': '1.1.0', 'ips': [{'address': '10.77.0.60/24'}],
         'routes': [{'dst': '10.79.0.0/16', 'gw': '10.77.0.1', 'mtu': 1400, 'advmss': 1360},
                    {'dst': '10.80.0.0/16', 'scope': 254}, {'dst': '10.81.0.0/16'}]}
with open(BIN + '/fixed-ipam', 'w') as f:
    f.write('#!/bin/sh\ncat >/dev/null\n[ "$CNI_COMMAND" != ADD ] || echo \'%s\'\n' % json.dumps(fixed))
os.chmod(BIN + '/fixed-ipam', 0o755)
c = conf(M, 'rt', '1.1.0', master='up0', ipam={'type': 'fixed-ipam'})
res = ok('ADD', c, 'c1', 'eth0')
expect(res['routes'], fixed['routes'], 'the routes of the result, with their keys')


def ip_route(dst):
    r = subprocess.run(['ip', '-n', 'c1', '-4', 'route', 'show', dst], check=True,
                       capture_output=True, text=True)
    return ' %s ' % r.stdout.strip()


r79, r80, r81 = ip_route('10.79.0.0/16'), ip_route('10.80.0.0/16'), ip_route('10.81.0.0/16')
expect((' via 10.77.0.1 dev eth0 ' in r79, ' mtu 1400 ' in r79, ' advmss 1360 ' in r79), (True,) * 3,
       'mtu and advmss: ' + r79)
expect((' scope host ' in r80, ' mtu ' in r80), (True, False), 'scope 254: ' + r80)
expect(' scope link ' in r81, True, 'no scope: link, as without the key: ' + r81)
ok('CHECK', prev(c, res), 'c1', 'eth0')
ok('DEL', c, 'c1', 'eth0')

step('a source list of 100,000 addresses')
srcs = ['02:%02x:%02x:%02x:00:01' % (i >> 16, (i >> 8) & 255, i & 255) for i in range(100000)]
c = conf(M, 'big', master='up0', mode='source', sources=srcs)
res = ok('ADD', c, 'c1', 'eth0')
expect(link('c1', 'eth0')['source_count'], 100000, '100,000 sources')
ok('CHECK', prev(c, res), 'c1', 'eth0')
ok('DEL', c, 'c1', 'eth0')

step('STATUS and GC (1.1.0)')
s = conf(M, 'st', '1.1.0', master='up0')
r = ok('STATUS', s, None, '')
expect(r, None, 'STATUS prints nothing')
ok('STATUS', conf(M, 'st', '1.1.0'), None, '')
err(50, 'failed to lookup master "nope": no such device', 'STATUS', dict(s, master='nope'), None, '')
# Debian's host-local (1.1.1) knows no STATUS (its skel asks for
# CNI_IFNAME first): its answer is passed on as it is
err(4, 'interface name is empty', 'STATUS', dict(s, ipam={'type': 'host-local', 'subnet': '10.77.0.0/24'}), None, '')
ok('GC', dict(s, **{'cni.dev/valid-attachments': [{'containerID': 'c1', 'ifname': 'eth0'}]}), None, '')
err(7, 'cni.dev/valid-attachments[0]: needs "containerID" and "ifname"', 'GC',
    dict(s, **{'cni.dev/valid-attachments': [{'containerID': 'c1'}]}), None, '')
# GC reaches IPAM with the runtime's list (no 1.1.0 IPAM plugin is packaged
# in Debian 12: one that records what it is given)
with open(BIN + '/record-ipam', 'w') as f:
    f.write('#!/bin/sh\n{ echo "$CNI_COMMAND"; cat; } >/run/cni-test/record-ipam.log\n')
os.chmod(BIN + '/record-ipam', 0o755)
g = dict(s, ipam={'type': 'record-ipam'}, **{'cni.dev/valid-attachments': [{'containerID': 'c1', 'ifname': 'eth0'}]})
ok('GC', g, None, '')
with open('/run/cni-test/record-ipam.log') as f:
    cmd, stdin = f.read().split('\n', 1)
expect((cmd, json.loads(stdin)), ('GC', g), 'what IPAM GC was given')
# the module unloaded: STATUS says the plugin cannot serve ADD
expect([n for n in links(None) if n.startswith('mvtmp')], [], 'no temporary device on the host')
os.system('ip -n c3 link del eth0')
if os.system('rmmod ' + os.environ['MVLAN_MODNAME']) != 0:
    raise Fail('rmmod failed')
err(50, 'the mvlan module is not loaded (no generic netlink family "mvlan")', 'STATUS', s, None, '')
if os.system('insmod ' + os.environ['MVLAN_KO']) != 0:
    raise Fail('insmod failed')
ok('STATUS', s, None, '')
print('PASS: cni-plugin, %.0f s in python' % (time.monotonic() - t0))
EOF
