#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""The agent of the differential tests (tests/netns/diff.bash).

One long-running process for a whole test: it sends and counts raw frames,
pings, reads link state and counters over rtnetlink in any namespace, without
starting processes (a TCG guest spends 0.2-0.7 s on each). A request is a
line of words on stdin; its answer lines go to the file named by the first
argument, then "." (done) or "E" (failed, the answer says why) goes to
stdout. NS "-" is the namespace the agent started in.
"""
import errno, json, os, select, socket, struct, subprocess, sys, time

from nsnet import enter, mac, mac_str, attrs, attr, nl_exchange

ETH_P_ALL = 3


# --- rtnetlink ---------------------------------------------------------------
NLMSG_ERROR, NLMSG_DONE = 2, 3
RTM_NEWLINK, RTM_GETLINK = 16, 18
NLM_F_REQUEST, NLM_F_ACK, NLM_F_DUMP = 1, 4, 0x300
IFLA_ADDRESS, IFLA_MTU, IFLA_LINK, IFLA_IFNAME = 1, 4, 5, 3
IFLA_OPERSTATE, IFLA_LINKINFO, IFLA_STATS64, IFLA_PROMISCUITY = 16, 18, 23, 30
IFLA_INFO_KIND, IFLA_INFO_DATA = 1, 2
IFLA_MACVLAN_BC_CUTOFF = 9
OPERSTATES = ['UNKNOWN', 'NOTPRESENT', 'DOWN', 'LOWERLAYERDOWN', 'TESTING',
              'DORMANT', 'UP']
STATS64 = ['rx_packets', 'tx_packets', 'rx_bytes', 'tx_bytes', 'rx_errors',
           'tx_errors', 'rx_dropped', 'tx_dropped', 'multicast', 'collisions',
           'rx_length_errors', 'rx_over_errors', 'rx_crc_errors',
           'rx_frame_errors', 'rx_fifo_errors', 'rx_missed_errors',
           'tx_aborted_errors', 'tx_carrier_errors', 'tx_fifo_errors',
           'tx_heartbeat_errors', 'tx_window_errors', 'rx_compressed',
           'tx_compressed', 'rx_nohandler']






def nl_talk(ns, mtype, flags, body):
    enter(ns)
    s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)
    try:
        s.bind((0, 0))
        return nl_exchange(s, mtype, flags, body)
    finally:
        s.close()


def links(ns):
    """name -> dict of link attributes, over rtnetlink"""
    res = {}
    for ty, p in nl_talk(ns, RTM_GETLINK, NLM_F_DUMP, struct.pack('BxHiII', 0, 0, 0, 0, 0)):
        if ty != RTM_NEWLINK:
            continue
        _, _, index, flags, _ = struct.unpack_from('BxHiII', p)
        a = attrs(p[16:])
        name = a[IFLA_IFNAME].rstrip(b'\0').decode()
        d = {'ifindex': index, 'flags': flags}
        if IFLA_STATS64 in a:
            vals = struct.unpack_from('%dQ' % (len(a[IFLA_STATS64]) // 8), a[IFLA_STATS64])
            d.update(zip(STATS64, vals))
        if IFLA_MTU in a:
            d['mtu'] = struct.unpack('I', a[IFLA_MTU])[0]
        if IFLA_ADDRESS in a:
            d['address'] = mac_str(a[IFLA_ADDRESS])
        d['link'] = struct.unpack('i', a[IFLA_LINK])[0] if IFLA_LINK in a else 0
        if IFLA_OPERSTATE in a:
            d['operstate'] = OPERSTATES[a[IFLA_OPERSTATE][0]]
        if IFLA_PROMISCUITY in a:
            d['promiscuity'] = struct.unpack('I', a[IFLA_PROMISCUITY])[0]
        d['up'] = 1 if flags & 0x1 else 0
        d['lower_up'] = 1 if flags & 0x10000 else 0
        if IFLA_LINKINFO in a:
            li = attrs(a[IFLA_LINKINFO])
            if IFLA_INFO_KIND in li:
                d['kind'] = li[IFLA_INFO_KIND].rstrip(b'\0').decode()
            if IFLA_INFO_DATA in li:
                d['info_data'] = attrs(li[IFLA_INFO_DATA])
        res[name] = d
    return res


def macvlan_bclim_set(ns, dev, val):
    enter(ns)
    index = socket.if_nametoindex(dev)
    data = attr(IFLA_MACVLAN_BC_CUTOFF, struct.pack('i', val))
    li = attr(IFLA_INFO_KIND, b'macvlan\0') + attr(IFLA_INFO_DATA, data)
    body = struct.pack('BxHiII', 0, 0, index, 0, 0) + attr(IFLA_LINKINFO, li)
    nl_talk(ns, RTM_NEWLINK, NLM_F_ACK, body)


def macvlan_bclim_get(ns, dev):
    d = links(ns)[dev]
    a = d.get('info_data', {})
    if IFLA_MACVLAN_BC_CUTOFF not in a:
        return 'absent'
    return str(struct.unpack('i', a[IFLA_MACVLAN_BC_CUTOFF])[0])


# --- raw frames ----------------------------------------------------------------
listeners = {}


def send(ns, dev, count, src, dst, etype, size):
    enter(ns)
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, 0)
    try:
        s.bind((dev, 0))
        hdr = mac(dst) + mac(src) + struct.pack('!H', int(etype, 16))
        for i in range(count):
            s.send(hdr + struct.pack('!I', i) + bytes(size - 18))
    finally:
        s.close()


def listen(lid, ns, dev, etype):
    """count the frames of ETHERTYPE that reach DEV's own stack: a socket
    bound to DEV also gets those that entered through DEV and were handed to
    an upper device (orig_dev): the address they come with tells"""
    enter(ns)
    proto = int(etype, 16)
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(proto))
    s.bind((dev, proto))
    s.setblocking(False)
    old = listeners.pop(lid, None)
    if old:
        old[0].close()
    listeners[lid] = (s, dev)


def drain(lid):
    """frames received since the last drain: 'COUNT src1=N,src2=N'"""
    s, dev = listeners[lid]
    srcs = {}
    n = 0
    while True:
        try:
            data, addr = s.recvfrom(65536)
        except BlockingIOError:
            break
        except OSError as e:
            if e.errno == errno.ENETDOWN:  # reported once, the device went down
                continue
            raise
        if addr[0] != dev:
            continue
        n += 1
        k = mac_str(data[6:12])
        srcs[k] = srcs.get(k, 0) + 1
    return '%d %s' % (n, ','.join('%s=%d' % kv for kv in sorted(srcs.items())) or '-')


# --- ping ------------------------------------------------------------------------
def csum(b):
    if len(b) % 2:
        b += b'\0'
    s = sum(struct.unpack('!%dH' % (len(b) // 2), b))
    s = (s >> 16) + (s & 0xffff)
    s += s >> 16
    return ~s & 0xffff


def ping(timeout, count, interval, specs):
    """specs: LABEL,NS,DST. Sends COUNT echo requests of 56 bytes of data
    each, INTERVAL s apart; an entry is 'ok' if any reply came back."""
    ents = []
    for i, spec in enumerate(specs):
        label, ns, dst = spec.split(',')
        enter(ns)
        v6 = ':' in dst
        if v6:
            s = socket.socket(socket.AF_INET6, socket.SOCK_RAW, socket.IPPROTO_ICMPV6)
        else:
            s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
        s.setblocking(False)
        ents.append({'label': label, 'sock': s, 'dst': dst, 'v6': v6,
                     'id': (os.getpid() + i * 7919) & 0xffff, 'sent': 0, 'got': set()})
    enter('-')
    start = time.monotonic()
    deadline = start + timeout
    socks = {e['sock'].fileno(): e for e in ents}
    while True:
        now = time.monotonic()
        for e in ents:
            while e['sent'] < count and now >= start + e['sent'] * interval:
                seq = e['sent']
                typ = 128 if e['v6'] else 8
                body = struct.pack('!HH', e['id'], seq) + bytes(56)
                pkt = struct.pack('!BBH', typ, 0, 0) + body
                if not e['v6']:
                    pkt = struct.pack('!BBH', typ, 0, csum(pkt)) + body
                try:
                    e['sock'].sendto(pkt, (e['dst'], 0))
                except OSError:
                    pass
                e['sent'] += 1
        if all(len(e['got']) == count for e in ents) or now >= deadline:
            break
        r, _, _ = select.select(list(socks), [], [], min(0.05, deadline - now))
        for fd in r:
            e = socks[fd]
            while True:
                try:
                    data, addr = e['sock'].recvfrom(4096)
                except BlockingIOError:
                    break
                if not e['v6']:
                    data = data[(data[0] & 0xf) * 4:]
                rtype = 129 if e['v6'] else 0
                if len(data) < 8 or data[0] != rtype or addr[0] != e['dst']:
                    continue
                pid, seq = struct.unpack_from('!HH', data, 4)
                if pid == e['id']:
                    e['got'].add(seq)
    out = []
    for e in ents:
        e['sock'].close()
        n = len(e['got'])
        out.append('%s %s %d/%d' % (e['label'], 'ok' if n else 'fail', n, e['sent']))
    return out


# --- requests ----------------------------------------------------------------------
def stat(ns, dev, fields):
    d = links(ns).get(dev)
    if d is None:
        return ['none'] * len(fields)
    return [str(d.get(f, '-')) for f in fields]


def stats(specs):
    """NS:DEV:FIELD,FIELD[:LISTENER]... -> a line of values per spec; a
    listener adds the number of frames it got since it was last drained"""
    per_ns = {}
    out = []
    for spec in specs:
        parts = spec.split(':')
        ns, dev, fields = parts[0], parts[1], parts[2].split(',')
        if ns not in per_ns:
            per_ns[ns] = links(ns)
        d = per_ns[ns].get(dev)
        vals = [str(d.get(f, '-')) if d else 'none' for f in fields]
        if len(parts) > 3:
            vals.append(drain(parts[3]).split()[0])
        out.append(' '.join(vals))
    return out


SETTLE_FIELDS = ('rx_packets', 'tx_packets', 'rx_dropped', 'multicast', 'rx_nohandler')


def snapshot(specs):
    per_ns = {}
    out = []
    for spec in specs:
        ns, dev = spec.split(':')[:2]
        if ns not in per_ns:
            per_ns[ns] = links(ns)
        out.append(per_ns[ns].get(dev, {}))
    return out


def settle(quiet, limit, specs):
    """until the counters of NS:DEV[:FIELD=MIN,...]... stop moving: for QUIET
    s once every FIELD has reached its MIN, for 1 s if they do not; at most
    LIMIT s"""
    targets = []
    for spec in specs:
        parts = spec.split(':')
        t = {}
        if len(parts) > 2 and parts[2]:
            for kv in parts[2].split(','):
                k, v = kv.split('=')
                t[k] = int(v)
        targets.append(t)

    def key(snap):
        return [tuple(d.get(f) for f in SETTLE_FIELDS) for d in snap]

    def met(snap):
        return all(d.get(k, 0) >= v for d, t in zip(snap, targets) for k, v in t.items())
    start = time.monotonic()
    cur = snapshot(specs)
    last, since = key(cur), start
    while True:
        now = time.monotonic()
        if now - since >= (quiet if met(cur) else 1.0):
            return []
        if now - start >= limit:
            return ['unsettled']
        time.sleep(0.03)
        cur = snapshot(specs)
        if key(cur) != last:
            last, since = key(cur), time.monotonic()


def waitfor(timeout, ns, dev, wants):
    """until NS/DEV has FIELD=VALUE for each of WANTS (at most TIMEOUT s);
    the values it has then"""
    fields = [w.split('=', 1)[0] for w in wants]
    end = time.monotonic() + timeout
    while True:
        vals = stat(ns, dev, fields)
        if ['%s=%s' % fv for fv in zip(fields, vals)] == wants or time.monotonic() >= end:
            return [' '.join(vals)]
        time.sleep(0.05)


def jget(path, cmd):
    """run CMD, parse its JSON output and print the values at PATH (a.0.b),
    several paths separated by commas"""
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode:
        raise RuntimeError('%s: %s' % (' '.join(cmd), p.stderr.decode().strip()))
    doc = json.loads(p.stdout)
    out = []
    for one in path.split(','):
        v = doc
        for k in one.split('.') if one else []:
            try:
                v = v[int(k)] if isinstance(v, list) else v[k]
            except (KeyError, IndexError, ValueError, TypeError):
                v = None
                break
        if isinstance(v, list):
            v = ' '.join(str(x) for x in v)
        elif isinstance(v, bool):
            v = str(v).lower()
        out.append('null' if v is None else str(v))
    return ' '.join(out)


def jlist(path, cmd):
    """run CMD, parse its JSON output and print the values at PATH, where
    a component * stands for every element of a list, sorted ('-': none)"""
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode:
        raise RuntimeError('%s: %s' % (' '.join(cmd), p.stderr.decode().strip()))

    def walk(v, keys):
        if not keys:
            return [] if v is None else [v]
        k, rest = keys[0], keys[1:]
        if k == '*':
            return [x for e in (v if isinstance(v, list) else []) for x in walk(e, rest)]
        try:
            return walk(v[int(k)] if isinstance(v, list) else v[k], rest)
        except (KeyError, IndexError, ValueError, TypeError):
            return []
    vals = sorted(str(x) for x in walk(json.loads(p.stdout), path.split('.')))
    return ' '.join(vals) or '-'


def sysctl(ns, settings):
    enter(ns)
    for kv in settings:
        k, v = kv.split('=', 1)
        with open('/proc/sys/' + k.replace('.', '/'), 'w') as f:
            f.write(v)


def handle(words):
    cmd, args = words[0], words[1:]
    if cmd == 'send':      # NS DEV COUNT SRC DST ETHERTYPE [SIZE]
        send(args[0], args[1], int(args[2]), args[3], args[4], args[5],
             int(args[6]) if len(args) > 6 else 60)
        return []
    if cmd == 'listen':    # ID NS DEV ETHERTYPE
        listen(*args)
        return []
    if cmd == 'drain':     # ID
        return [drain(args[0])]
    if cmd == 'ping':      # TIMEOUT COUNT INTERVAL LABEL,NS,DST...
        return ping(float(args[0]), int(args[1]), float(args[2]), args[3:])
    if cmd == 'stat':      # NS DEV FIELD...
        return [' '.join(stat(args[0], args[1], args[2:]))]
    if cmd == 'stats':     # NS:DEV:FIELD,...[:LISTENER]...
        return stats(args)
    if cmd == 'waitfor':   # TIMEOUT NS DEV FIELD=VALUE...
        return waitfor(float(args[0]), args[1], args[2], args[3:])
    if cmd == 'settle':    # QUIET LIMIT NS:DEV...
        return settle(float(args[0]), float(args[1]), args[2:])
    if cmd == 'bclim':     # NS DEV VALUE
        macvlan_bclim_set(args[0], args[1], int(args[2]))
        return []
    if cmd == 'getbclim':  # NS DEV
        return [macvlan_bclim_get(args[0], args[1])]
    if cmd == 'jget':      # PATH CMD...
        return [jget(args[0], args[1:])]
    if cmd == 'jlist':     # PATH CMD...
        return [jlist(args[0], args[1:])]
    if cmd == 'sysctl':    # NS KEY=VALUE...
        sysctl(args[0], args[1:])
        return []
    if cmd == 'noipv6':    # NS...
        for ns in args:
            sysctl(ns, ['net.ipv6.conf.all.disable_ipv6=1',
                        'net.ipv6.conf.default.disable_ipv6=1'])
        return []
    if cmd == 'close':
        for s, _ in listeners.values():
            s.close()
        listeners.clear()
        return []
    raise ValueError('unknown request ' + cmd)


# Answers go to a regular file, which bash reads at once; on the pipe only
# one line that says "done" or "failed": bash reads pipes a byte at a time.
REPLY = sys.argv[1]
for line in sys.stdin:
    words = line.split()
    if not words:
        continue
    status = '.'
    try:
        out = handle(words)
    except Exception as e:  # the test reports it
        out = ['%s: %s' % (type(e).__name__, e)]
        status = 'E'
    try:
        enter('-')
    except OSError:
        pass
    with open(REPLY, 'w') as f:
        f.write(''.join(x + '\n' for x in out))
    sys.stdout.write(status + '\n')
    sys.stdout.flush()
