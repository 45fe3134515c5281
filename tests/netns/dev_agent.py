#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""The device agent of the netpoll, time stamping, fdb and tap tests
(tests/netns/dev.bash).

One long-running process, as the diff agent (diff_agent.py), that holds
file descriptors across requests: tap character devices (/dev/tapN of
macvtap and mvtap, with their queues, vnet headers and offloads), tun/tap
devices (/dev/net/tun), UDP sockets, and packet sockets that capture what
reaches a device from outside; it injects frames from outside and issues
the SIOCGHWTSTAMP and SIOCSHWTSTAMP ioctls. A request is a line of words on
stdin; its answer lines go to the file named by the first argument, then
"." (done) or "E" (failed, the answer says why) goes to stdout. An error a
request is about (an ioctl refused, a write that fails) is an answer, not a
failure.

A frame is described on one line as
    VNET LEN DST SRC ETHERTYPE DIGEST
VNET: the vnet header in hex, "-" without one; DIGEST: the first 12 hex
digits of the frame's SHA-1. Frames this agent builds are the same from one
run to the next, so that two drivers' lines can be compared as they are.
"""
import ctypes, errno, fcntl, hashlib, os, select, socket, struct, sys

from nsnet import enter, mac, mac_str

ETH_P_ALL = 3
PACKET_OUTGOING = 4
SOL_UDP, UDP_SEGMENT = 17, 103

TUNSETIFF, TUNSETOFFLOAD, TUNSETQUEUE = 0x400454ca, 0x400454d0, 0x400454d9
TUNSETVNETHDRSZ, TUNGETIFF = 0x400454d8, 0x800454d2
IFF_TAP, IFF_NO_PI, IFF_VNET_HDR = 0x0002, 0x1000, 0x4000
IFF_MULTI_QUEUE, IFF_ATTACH_QUEUE, IFF_DETACH_QUEUE = 0x0100, 0x0200, 0x0400
OFFLOADS = {'csum': 0x01, 'tso4': 0x02, 'tso6': 0x04, 'ecn': 0x08,
            'ufo': 0x10, 'uso4': 0x20, 'uso6': 0x40}
VNET_F_NEEDS_CSUM = 1
VNET_GSO = {'tcp4': 1, 'udp4': 5}

FDS = {}        # ID -> {'fd', 'vnet'} (tap, tun) or {'sock'} (capture)


def errname(e):
    return errno.errorcode.get(e.errno, str(e.errno))


def describe(vnet, frame):
    etype = frame[12:14].hex() if len(frame) >= 14 else '-'
    return '%s %d %s %s %s %s' % (vnet.hex() if vnet else '-', len(frame),
                                  mac_str(frame[0:6]), mac_str(frame[6:12]),
                                  etype, hashlib.sha1(frame).hexdigest()[:12])


def ifreq(name, flags):
    return struct.pack('16sH22x', name.encode(), flags)


# --- tap character devices and tun devices ----------------------------------
def tap_open(fid, path, opts):
    """open ID PATH [vnet=SZ] [mq] [offload=A+B]: a queue of a tap device"""
    vnet = 0
    flags = IFF_TAP | IFF_NO_PI
    offload = None
    for o in opts:
        if o.startswith('vnet='):
            vnet = int(o[5:])
            flags |= IFF_VNET_HDR
        elif o == 'mq':
            flags |= IFF_MULTI_QUEUE
        elif o.startswith('offload='):
            offload = 0
            for w in o[8:].split('+'):
                offload |= OFFLOADS[w] if w != 'none' else 0
        else:
            raise ValueError('open: unknown option ' + o)
    try:
        fd = os.open(path, os.O_RDWR | os.O_NONBLOCK)
    except OSError as e:
        return ['open ' + errname(e)]
    out = []
    try:
        fcntl.ioctl(fd, TUNSETIFF, ifreq('', flags))
        if vnet:
            fcntl.ioctl(fd, TUNSETVNETHDRSZ, struct.pack('i', vnet))
        if offload is not None:
            fcntl.ioctl(fd, TUNSETOFFLOAD, offload)
    except OSError as e:
        os.close(fd)
        return ['setup ' + errname(e)]
    got = fcntl.ioctl(fd, TUNGETIFF, ifreq('', 0))
    name, gflags = struct.unpack_from('16sH', got)
    FDS[fid] = {'fd': fd, 'vnet': vnet}
    out.append('ok %s flags 0x%x' % (name.rstrip(b'\0').decode(), gflags))
    return out


def tun_create(fid, ns, name):
    """tun ID NS NAME: a tap device NAME (IFF_TAP, no vnet header) in NS"""
    enter(ns)
    fd = os.open('/dev/net/tun', os.O_RDWR | os.O_NONBLOCK)
    fcntl.ioctl(fd, TUNSETIFF, ifreq(name, IFF_TAP | IFF_NO_PI))
    FDS[fid] = {'fd': fd, 'vnet': 0}
    return []


def tap_queue(fid, how):
    f = {'attach': IFF_ATTACH_QUEUE, 'detach': IFF_DETACH_QUEUE}[how]
    if fid not in FDS:
        return ['not open']
    try:
        fcntl.ioctl(FDS[fid]['fd'], TUNSETQUEUE, ifreq('', f))
    except OSError as e:
        return [errname(e)]
    return ['ok']


def read_frames(fid, quiet):
    """every frame that comes before QUIET seconds pass without one"""
    if fid not in FDS:
        return [('error', 'not open')]
    ent = FDS[fid]
    frames = []
    while True:
        if 'sock' in ent:
            r, _, _ = select.select([ent['sock']], [], [], quiet)
            if not r:
                break
            data, addr = ent['sock'].recvfrom(70000)
            if addr[2] == PACKET_OUTGOING:
                continue
            frames.append((b'', data))
            continue
        r, _, _ = select.select([ent['fd']], [], [], quiet)
        if not r:
            break
        # into a zeroed buffer: tap.c writes the first 10 bytes of a
        # larger vnet header only (num_buffers is the reader's), so what
        # it skips must not be whatever the buffer held before
        buf = bytearray(70000)
        try:
            n = os.readv(ent['fd'], [buf])
            data = bytes(buf[:n])
        except OSError as e:
            frames.append(('error', errname(e)))
            break
        if not data:
            frames.append(('error', 'EOF'))
            break
        frames.append((data[:ent['vnet']], data[ent['vnet']:]))
    return frames


def cmd_counts(quiet, fids):
    """how many frames each of FIDS holds, all read at once, until QUIET
    seconds pass without a frame on any; an error counts as one"""
    n = dict.fromkeys(fids, 0)
    objs = {}
    for fid in fids:
        if fid not in FDS:
            raise ValueError(fid + ' is not open')
        ent = FDS[fid]
        objs[fid] = ent['sock'] if 'sock' in ent else ent['fd']
    while objs:
        r, _, _ = select.select(list(objs.values()), [], [], quiet)
        if not r:
            break
        for fid, o in list(objs.items()):
            if o not in r:
                continue
            try:
                if isinstance(o, socket.socket):
                    _, addr = o.recvfrom(70000)
                    if addr[2] == PACKET_OUTGOING:
                        continue
                elif not os.read(o, 70000):
                    del objs[fid]
            except OSError:
                del objs[fid]
            n[fid] += 1
    return [' '.join('%s=%d' % (fid, n[fid]) for fid in fids)]


def cmd_read(fid, quiet):
    out = []
    for vnet, frame in read_frames(fid, quiet):
        out.append('read ' + frame if vnet == 'error' else describe(vnet, frame))
    return out


def cmd_udp(fid, quiet, port):
    """the payloads of the IPv4 UDP datagrams to PORT, checked, one a line"""
    out = []
    for _, f in read_frames(fid, quiet):
        if len(f) < 42 or f[12:14] != b'\x08\x00' or f[23] != 17:
            continue
        ihl = (f[14] & 15) * 4
        ip = f[14:14 + ihl]
        if csum(ip) != 0:
            out.append('bad IPv4 header checksum')
            continue
        udp = f[14 + ihl:]
        if struct.unpack_from('!H', udp, 2)[0] != port:
            continue
        ulen = struct.unpack_from('!H', udp, 4)[0]
        pseudo = ip[12:20] + struct.pack('!BBH', 0, 17, ulen)
        if struct.unpack_from('!H', udp, 6)[0] and csum(pseudo + udp[:ulen]) != 0:
            out.append('bad UDP checksum')
            continue
        out.append(udp[8:ulen].decode(errors='replace').rstrip('\n'))
    return out


def csum(b):
    if len(b) % 2:
        b += b'\0'
    s = sum(struct.unpack('!%dH' % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


def raw_frame(src, dst, etype, size, seq):
    body = struct.pack('!I', seq) + bytes((seq + i) & 0xff for i in range(size - 18))
    return mac(dst) + mac(src) + bytes.fromhex(etype) + body


def ip_frame(src, dst, proto, size, seq, sport):
    """an IPv4 frame 10.0.0.1 -> 10.0.0.2 of PROTO (udp, tcp), SIZE bytes
    of payload, its transport checksum left to fill (0)"""
    payload = bytes((seq + i) & 0xff for i in range(size))
    if proto == 'udp':
        l4 = struct.pack('!HHHH', sport, 9, 8 + size, 0) + payload
        pnum = 17
    else:
        l4 = struct.pack('!HHIIBBHHH', sport, 9, seq, 0, 5 << 4, 0x18,
                         65535, 0, 0) + payload
        pnum = 6
    ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(l4), seq & 0xffff,
                     0x4000, 64, pnum, 0, bytes([10, 0, 0, 1]),
                     bytes([10, 0, 0, 2]))
    ip = ip[:10] + struct.pack('!H', csum(ip)) + ip[12:]
    return mac(dst) + mac(src) + b'\x08\x00' + ip + l4, pnum


def vnet_hdr(size, spec, proto):
    """the vnet header SPEC asks for: plain, csum, gso=MSS (TSO or USO)"""
    l4off = 14 + 20
    cso = 6 if proto == 17 else 16
    hdr_len = l4off + (8 if proto == 17 else 20)
    if spec == 'plain':
        h = struct.pack('<BBHHHH', 0, 0, 0, 0, 0, 0)
    elif spec == 'csum':
        h = struct.pack('<BBHHHH', VNET_F_NEEDS_CSUM, 0, 0, 0, l4off, cso)
    elif spec.startswith('gso='):
        gso = VNET_GSO['udp4' if proto == 17 else 'tcp4']
        h = struct.pack('<BBHHHH', VNET_F_NEEDS_CSUM, gso, hdr_len,
                        int(spec[4:]), l4off, cso)
    else:
        raise ValueError('unknown vnet header ' + spec)
    return h + b'\0' * (size - len(h))


def cmd_write(fid, count, words):
    """write ID COUNT raw SRC DST ETYPE SIZE | ip SRC DST PROTO SIZE VNET |
    bytes LEN"""
    if fid not in FDS:
        return ['not open']
    ent = FDS[fid]
    kind = words[0]
    n = 0
    for seq in range(count):
        if kind == 'bytes':     # LEN bytes of nothing: no frame at all
            frame = bytes(int(words[1]))
            hdr = vnet_hdr(ent['vnet'], 'plain', 17) if ent['vnet'] else b''
        elif kind == 'raw':
            src, dst, etype, size = words[1:5]
            frame = raw_frame(src, dst, etype, int(size), seq)
            hdr = vnet_hdr(ent['vnet'], 'plain', 17) if ent['vnet'] else b''
        else:
            src, dst, proto, size, spec = words[1:6]
            frame, pnum = ip_frame(src, dst, proto, int(size), seq, 1000 + seq)
            hdr = vnet_hdr(ent['vnet'], spec, pnum) if ent['vnet'] else b''
        try:
            os.write(ent['fd'], hdr + frame)
            n += 1
        except OSError as e:
            return ['wrote %d, then %s' % (n, errname(e))]
    return ['wrote %d' % n]


def cmd_close(fid):
    ent = FDS.pop(fid, None)
    if ent is None:
        return []
    if 'sock' in ent:
        ent['sock'].close()
    else:
        os.close(ent['fd'])
    return []


# --- outside: capture and injection ------------------------------------------
def cmd_cap(fid, ns, dev):
    """cap ID NS DEV: capture what DEV in NS receives (not what it sends)"""
    enter(ns)
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
    s.bind((dev, 0))
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 22)
    FDS[fid] = {'sock': s}
    return []


def cmd_inject(ns, dev, count, words):
    """inject NS DEV COUNT raw SRC DST ETYPE SIZE | udp SRC DST SIZE FLOWS"""
    enter(ns)
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    s.bind((dev, 0))
    for seq in range(count):
        if words[0] == 'raw':
            s.send(raw_frame(words[1], words[2], words[3], int(words[4]), seq))
        else:
            flows = int(words[4])
            frame, _ = ip_frame(words[1], words[2], 'udp', int(words[3]), seq,
                                2000 + seq % flows)
            # a real UDP checksum: the receiver's stack may look at it
            ip = frame[14:34]
            udp = frame[34:]
            pseudo = ip[12:20] + struct.pack('!BBH', 0, 17, len(udp))
            c = csum(pseudo + udp) or 0xffff
            frame = frame[:40] + struct.pack('!H', c) + frame[42:]
            s.send(frame)
    s.close()
    return []


def cmd_gso(ns, dst, port, size, seg):
    """gso NS DSTIP PORT SIZE SEG: one UDP datagram of SIZE bytes sent as
    segments of SEG bytes (UDP_SEGMENT): a GSO packet down the stack"""
    enter(ns)
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(SOL_UDP, UDP_SEGMENT, seg)
    s.sendto(bytes(i & 0xff for i in range(size)), (dst, port))
    s.close()
    return []


# --- UDP sockets ----------------------------------------------------------------
def cmd_udpsock(fid, ns, port):
    """udpsock ID NS PORT: a UDP socket on PORT of every address of NS"""
    enter(ns)
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 22)
    s.bind(('0.0.0.0', port))
    FDS[fid] = {'sock': s, 'udp': True}
    return []


def cmd_udprecv(fid, quiet):
    """the datagrams that come before QUIET seconds pass without one"""
    s = FDS[fid]['sock']
    out = []
    while select.select([s], [], [], quiet)[0]:
        out.append(s.recv(70000).decode(errors='replace').rstrip('\n'))
    return out


# --- hardware time stamping ------------------------------------------------------
SIOCSHWTSTAMP, SIOCGHWTSTAMP = 0x89b0, 0x89b1
HWTSTAMP_TX = ['off', 'on', 'onestep-sync', 'onestep-p2p']
HWTSTAMP_RX = ['none', 'all', 'some', 'ptpv1-l4-event', 'ptpv1-l4-sync',
               'ptpv1-l4-delay-req', 'ptpv2-l4-event', 'ptpv2-l4-sync',
               'ptpv2-l4-delay-req', 'ptpv2-l2-event', 'ptpv2-l2-sync',
               'ptpv2-l2-delay-req', 'ptpv2-event', 'ptpv2-sync',
               'ptpv2-delay-req', 'ntp-all']


def ts_name(names, v):
    return names[v] if 0 <= v < len(names) else str(v)


def ts_value(names, w):
    return names.index(w) if w in names else int(w)


def cmd_hwts(ns, dev, how, words):
    """hwts NS DEV get | set TX RX: "ok TX RX" (what the ioctl returned) or
    the errno's name"""
    enter(ns)
    cfg = (0, 0, 0)
    if how == 'set':
        cfg = (0, ts_value(HWTSTAMP_TX, words[0]), ts_value(HWTSTAMP_RX, words[1]))
    buf = ctypes.create_string_buffer(struct.pack('iii', *cfg), 12)
    ifr = struct.pack('16sP', dev.encode(), ctypes.addressof(buf)) + b'\0' * 16
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        fcntl.ioctl(s, SIOCSHWTSTAMP if how == 'set' else SIOCGHWTSTAMP, ifr)
    except OSError as e:
        return [errname(e)]
    finally:
        s.close()
    flags, tx, rx = struct.unpack('iii', buf.raw)
    return ['ok flags %d tx %s rx %s' % (flags, ts_name(HWTSTAMP_TX, tx),
                                          ts_name(HWTSTAMP_RX, rx))]


def handle(words):
    cmd, a = words[0], words[1:]
    if cmd == 'open':       # ID PATH [vnet=SZ] [mq] [offload=A+B]
        return tap_open(a[0], a[1], a[2:])
    if cmd == 'tun':        # ID NS NAME
        return tun_create(a[0], a[1], a[2])
    if cmd == 'queue':      # ID attach|detach
        return tap_queue(a[0], a[1])
    if cmd == 'counts':     # QUIET ID...
        return cmd_counts(float(a[0]), a[1:])
    if cmd == 'read':       # ID QUIET
        return cmd_read(a[0], float(a[1]))
    if cmd == 'udp':        # ID QUIET PORT
        return cmd_udp(a[0], float(a[1]), int(a[2]))
    if cmd == 'write':      # ID COUNT raw|ip ...
        return cmd_write(a[0], int(a[1]), a[2:])
    if cmd == 'close':      # ID
        return cmd_close(a[0])
    if cmd == 'cap':        # ID NS DEV
        return cmd_cap(a[0], a[1], a[2])
    if cmd == 'inject':     # NS DEV COUNT raw|udp ...
        return cmd_inject(a[0], a[1], int(a[2]), a[3:])
    if cmd == 'gso':        # NS DSTIP PORT SIZE SEG
        return cmd_gso(a[0], a[1], int(a[2]), int(a[3]), int(a[4]))
    if cmd == 'udpsock':    # ID NS PORT
        return cmd_udpsock(a[0], a[1], int(a[2]))
    if cmd == 'udprecv':    # ID QUIET
        return cmd_udprecv(a[0], float(a[1]))
    if cmd == 'hwts':       # NS DEV get | NS DEV set TX RX
        return cmd_hwts(a[0], a[1], a[2], a[3:])
    if cmd == 'closeall':
        for fid in list(FDS):
            cmd_close(fid)
        return []
    raise ValueError('unknown request ' + cmd)


def main():
    reply = sys.argv[1]
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        try:
            out, status = handle(words), '.'
        except Exception as e:  # an answer, not a crash: the test says why
            out, status = ['%s: %s' % (type(e).__name__, e)], 'E'
        finally:
            enter('-')
        with open(reply, 'w') as f:
            f.write(''.join(x + '\n' for x in out))
        print(status, flush=True)


if __name__ == '__main__':
    main()
