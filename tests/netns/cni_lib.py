# SPDX-License-Identifier: GPL-2.0-or-later
"""The runtime side of the CNI plugin tests (tests/netns/cni-*.sh).

One python3 process for a whole test: it runs plugins as a runtime does
(CNI_* variables, the configuration on stdin, the result or error object
read from stdout), and reads what they made over rtnetlink in any network
namespace, without starting processes (a TCG guest spends 0.2-0.7 s on
each). Every check raises Fail with what was expected and what was seen.

The plugins: "mvlan" is the tree's cli/cni/mvlan, every other type is
Debian's (/usr/lib/cni); CNI_PATH has both, as a runtime would set it.
host-local keeps its leases under DATA/<network name>.
"""
import json, os, shutil, socket, struct, subprocess, threading, time

TOP = os.environ['TOP']
MVLAN = os.path.join(TOP, 'cli/cni/mvlan')
REF_DIR = '/usr/lib/cni'
BIN = '/run/cni-test/bin'
DATA = '/run/cni-test/ipam'
CNI_PATH = BIN + ':' + REF_DIR

from nsnet import enter, mac_str, attrs, nl_exchange


class Fail(Exception):
    pass


T0 = time.monotonic()
RUNS = [0]


def step(what):
    print('== [%.1f s, %d plugin runs]' % (time.monotonic() - T0, RUNS[0]), what, flush=True)


def expect(actual, expected, what):
    if actual != expected:
        raise Fail('%s\n  expected: %r\n  actual:   %r' % (what, expected, actual))


def setup():
    # the leases of an earlier test in the same guest (/run is one tmpfs
    # for the whole run) are not this test's: cni-plugin, run after
    # cni-diff, found one in network "e", which both use
    shutil.rmtree(DATA, ignore_errors=True)
    os.makedirs(BIN, exist_ok=True)
    os.makedirs(DATA, exist_ok=True)
    if not os.path.lexists(BIN + '/mvlan'):
        os.symlink(MVLAN, BIN + '/mvlan')
    for p in ('macvlan', 'host-local', 'static', 'tuning'):
        if not os.access(os.path.join(REF_DIR, p), os.X_OK):
            raise Fail('%s/%s is missing (tests/vm/deps.sh installs containernetworking-plugins)' % (REF_DIR, p))


def parallel(*fns):
    """runs the functions at once, each in a thread of its own (a thread has
    its own netns; each starts in the host's): a TCG guest spends most of
    a plugin run starting it. They must touch different containers. The
    first failure is raised once all are done."""
    errors = []

    def body(fn):
        try:
            enter(None)
            fn()
        except BaseException as e:  # noqa: B902 - passed on below
            errors.append(e)
    threads = [threading.Thread(target=body, args=(fn,)) for fn in fns]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]


# --- running plugins ----------------------------------------------------

def plugin_path(ptype):
    p = os.path.join(BIN, ptype)
    return p if os.path.exists(p) else os.path.join(REF_DIR, ptype)


class Run:
    """one plugin run: rc, out (parsed JSON, or None), text, err"""

    def __init__(self, rc, text, err):
        self.rc, self.text, self.err = rc, text, err
        try:
            self.out = json.loads(text) if text.strip() else None
        except ValueError:
            self.out = None


def start(cmd, conf, ns, ifname, cid=None, args=None, env=None, ptype=None):
    """starts the plugin: CNI_COMMAND=cmd for container cid (default ns) in
    /run/netns/ns (None: no CNI_NETNS); env replaces the whole environment
    when given. Returns a function that waits for it and returns its Run."""
    if env is None:
        env = {'CNI_COMMAND': cmd, 'CNI_CONTAINERID': cid or ns or 'none',
               'CNI_IFNAME': ifname, 'CNI_PATH': CNI_PATH,
               'PATH': os.environ.get('PATH', '/usr/bin:/bin')}
        if ns is not None:
            env['CNI_NETNS'] = '/run/netns/' + ns
        if args:
            env['CNI_ARGS'] = args
    text = conf if isinstance(conf, str) else json.dumps(conf)
    ptype = ptype or (conf.get('type') if isinstance(conf, dict) else None) or 'mvlan'
    enter(None)
    RUNS[0] += 1
    p = subprocess.Popen([plugin_path(ptype)], stdin=subprocess.PIPE, env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def wait():
        out, err = p.communicate(text.encode())
        return Run(p.returncode, out.decode(), err.decode())
    return wait


def run(cmd, conf, ns, ifname, **kw):
    return start(cmd, conf, ns, ifname, **kw)()


def ok(cmd, conf, ns, ifname, **kw):
    r = run(cmd, conf, ns, ifname, **kw)
    if r.rc != 0:
        raise Fail('%s of %s in %s exited %d\n  stdout: %s\n  stderr: %s' %
                   (cmd, json.dumps(conf)[:300], ns, r.rc, r.text, r.err))
    return r.out


def state(ns):
    """what a failed command must leave as it was: the host's devices and
    ns's, with their addresses"""
    out = [sorted(links(None)), sorted(links(ns)) if ns else None]
    if ns:
        out.append(sorted((a['ifindex'], a['address']) for a in addrs(ns)))
    return out


def check_err(r, code, msg, cmd, conf):
    what = '%s of %s' % (cmd, (conf if isinstance(conf, str) else json.dumps(conf))[:200])
    expect(r.rc, 1, 'exit status of ' + what)
    if not isinstance(r.out, dict):
        raise Fail('%s: no error object on stdout: %r' % (what, r.text))
    expect(r.out.get('code'), code, 'error code of %s (%s)' % (what, r.text.strip()))
    m = r.out.get('msg', '')
    if not (m.startswith(msg[:-1]) if msg.endswith('*') else m == msg):
        raise Fail('%s: message %r, expected %r' % (what, r.out.get('msg'), msg))
    return r.out


def err(code, msg, cmd, conf, ns, ifname, **kw):
    """the run must fail: exit status 1, an error object of code and msg
    (exactly, or what it starts with when msg ends with "*"), nothing changed
    on the host or in ns. Returns the object."""
    before = state(ns)
    o = check_err(run(cmd, conf, ns, ifname, **kw), code, msg, cmd, conf)
    expect(state(ns), before, 'devices and addresses after the failed %s of %s' % (cmd, json.dumps(conf)[:200]))
    return o


def err_batch(ns, cases, jobs=4):
    """err() of many cases (code, msg, cmd, conf, ns, ifname[, kw]) that
    fail before they make anything, jobs at a time: nothing changed on the
    host or in ns after all of them"""
    before = state(ns)
    for i in range(0, len(cases), jobs):
        part = cases[i:i + jobs]
        waits = [start(*c[2:6], **(c[6] if len(c) > 6 else {})) for c in part]
        for c, w in zip(part, waits):
            check_err(w(), c[0], c[1], c[2], c[3])
    expect(state(ns), before, 'devices and addresses after %d failed runs' % len(cases))


def conf(ptype, name, version='1.0.0', **keys):
    c = {'cniVersion': version, 'name': name, 'type': ptype}
    c.update(keys)
    return c


def with_prev(c, prev):
    c = dict(c)
    c['prevResult'] = prev
    return c


def hostlocal(subnet, routes=None, start=None):
    """an "ipam" object of host-local, leases under DATA"""
    base = subnet.rsplit('.', 1)[0]
    ipam = {'type': 'host-local', 'dataDir': DATA, 'subnet': subnet,
            'rangeStart': start or base + '.10', 'gateway': base + '.1'}
    if routes is not None:
        ipam['routes'] = routes
    return ipam


def leases(net):
    d = os.path.join(DATA, net)
    if not os.path.isdir(d):
        return []
    return sorted(f for f in os.listdir(d)
                  if not f.startswith('last_reserved_ip') and f != 'lock')


def canon(result):
    """a result without what differs between attachments: MACs, sandboxes"""
    r = json.loads(json.dumps(result))
    for i in r.get('interfaces', []):
        i.pop('mac', None)
        i.pop('sandbox', None)
    return r


def ping(ns, addr, count=1, wait=5):
    enter(ns)
    try:
        p = subprocess.run(['ping', '-q', '-c', str(count), '-W', str(wait), addr],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    finally:
        enter(None)
    return p.returncode == 0


def write_sysctl(ns, path, value):
    enter(ns)
    try:
        with open('/proc/sys/' + path, 'w') as f:
            f.write(value)
    finally:
        enter(None)


def read_sysctl(ns, path):
    enter(ns)
    try:
        with open('/proc/sys/' + path) as f:
            return f.read().strip()
    finally:
        enter(None)


# --- rtnetlink ------------------------------------------------------------

NLMSG_ERROR, NLMSG_DONE = 2, 3
NLM_F_REQUEST, NLM_F_DUMP = 1, 0x300
RTM_NEWLINK, RTM_GETLINK, RTM_GETADDR, RTM_GETROUTE = 16, 18, 22, 26
IFLA_ADDRESS, IFLA_IFNAME, IFLA_MTU, IFLA_LINK = 1, 3, 4, 5
IFLA_OPERSTATE, IFLA_LINKINFO, IFLA_LINK_NETNSID = 16, 18, 37
IFLA_INFO_KIND, IFLA_INFO_DATA = 1, 2
IFA_ADDRESS, IFA_LOCAL = 1, 2
IFA_F_TENTATIVE = 0x40
RTA_DST, RTA_OIF, RTA_GATEWAY, RTA_PRIORITY, RTA_TABLE = 1, 4, 5, 6, 15
MODES = {1: 'private', 2: 'vepa', 4: 'bridge', 8: 'passthru', 16: 'source'}
# IFLA_INFO_DATA: the attribute numbers of each kind
INFO = {
    'macvlan': {'mode': 1, 'flags': 2, 'source_count': 6, 'bcqueuelen': 7},
    'mvlan': {'mode': 1, 'flags': 2, 'bcqueuelen': 3, 'bclim': 5, 'source_count': 6},
}


def talk(ns, mtype, body):
    """a dump request in ns: the payloads of its answers"""
    enter(ns)
    s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, socket.NETLINK_ROUTE)
    enter(None)
    try:
        s.bind((0, 0))
        return nl_exchange(s, mtype, NLM_F_DUMP, body)
    finally:
        s.close()


def links(ns):
    """name -> the device: ifindex, mtu, address, link, link_netns, up,
    kind and, for macvlan and mvlan, mode, flags, bcqueuelen, ..."""
    res = {}
    for ty, p in talk(ns, RTM_GETLINK, struct.pack('BxHiII', 0, 0, 0, 0, 0)):
        if ty != RTM_NEWLINK:
            continue
        _, _, index, flags, _ = struct.unpack_from('BxHiII', p)
        a = attrs(p[16:])
        d = {'ifindex': index, 'up': bool(flags & 1),
             'mtu': struct.unpack('I', a[IFLA_MTU])[0] if IFLA_MTU in a else 0,
             'address': mac_str(a[IFLA_ADDRESS]) if IFLA_ADDRESS in a else '',
             'link': struct.unpack('i', a[IFLA_LINK])[0] if IFLA_LINK in a else 0,
             'link_netns': IFLA_LINK_NETNSID in a, 'kind': ''}
        if IFLA_LINKINFO in a:
            li = attrs(a[IFLA_LINKINFO])
            if IFLA_INFO_KIND in li:
                d['kind'] = li[IFLA_INFO_KIND].rstrip(b'\0').decode()
            if IFLA_INFO_DATA in li and d['kind'] in INFO:
                data = attrs(li[IFLA_INFO_DATA])
                for key, num in INFO[d['kind']].items():
                    if num in data:
                        v = data[num]
                        # macvlan's flags are a u16
                        d[key] = struct.unpack('H' if len(v) == 2 else
                                               'i' if key == 'bclim' else 'I', v[:4])[0]
                if 'mode' in d:
                    d['mode'] = MODES.get(d['mode'], d['mode'])
        res[a[IFLA_IFNAME].rstrip(b'\0').decode()] = d
    return res


def link(ns, name):
    return links(ns).get(name)


def addrs(ns):
    """every address of ns: ifindex, address "a/len", tentative"""
    out = []
    for fam in (socket.AF_INET, socket.AF_INET6):
        for ty, p in talk(ns, RTM_GETADDR, struct.pack('BBBBI', fam, 0, 0, 0, 0)):
            family, plen, flags, scope, index = struct.unpack_from('BBBBI', p)
            a = attrs(p[8:])
            raw = a.get(IFA_LOCAL, a.get(IFA_ADDRESS))
            out.append({'ifindex': index, 'scope': scope,
                        'address': '%s/%d' % (socket.inet_ntop(family, raw), plen),
                        'tentative': bool(flags & IFA_F_TENTATIVE)})
    return out


def routes(ns):
    """the main table's routes: "dst [via gw] oif" strings"""
    out = []
    for fam in (socket.AF_INET, socket.AF_INET6):
        for ty, p in talk(ns, RTM_GETROUTE, struct.pack('BBBBBBBBI', fam, 0, 0, 0, 0, 0, 0, 0, 0)):
            family, dlen, _, _, table, proto, scope, rtype, _ = struct.unpack_from('BBBBBBBBI', p)
            a = attrs(p[12:])
            table = struct.unpack('I', a[RTA_TABLE])[0] if RTA_TABLE in a else table
            if table != 254 or rtype != 1:
                continue
            dst = '%s/%d' % (socket.inet_ntop(family, a[RTA_DST]), dlen) if RTA_DST in a else \
                ('0.0.0.0/0' if family == socket.AF_INET else '::/0')
            s = dst
            if RTA_GATEWAY in a:
                s += ' via ' + socket.inet_ntop(family, a[RTA_GATEWAY])
            if RTA_OIF in a:
                s += ' oif %d' % struct.unpack('I', a[RTA_OIF])[0]
            out.append(s)
    return sorted(out)


def wait_settled(ns, secs=10):
    """until no IPv6 address of ns is tentative"""
    end = time.monotonic() + secs
    while any(a['tentative'] for a in addrs(ns)):
        if time.monotonic() > end:
            raise Fail('IPv6 addresses of %s still tentative after %d s' % (ns, secs))
        time.sleep(0.1)
