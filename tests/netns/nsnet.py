# SPDX-License-Identifier: GPL-2.0-or-later
"""What the tests' long-running python processes share (diff_agent.py,
dev_agent.py, cni_lib.py): entering a network namespace by name, MAC
addresses as text and bytes, netlink attributes, and one netlink request
with its answers, so that they need no process of their own for each.
"""
import ctypes, os, struct

libc = ctypes.CDLL(None, use_errno=True)
CLONE_NEWNET = 0x40000000
# the namespace the process started in
START_NS = os.open('/proc/self/ns/net', os.O_RDONLY)
NLM_F_REQUEST, NLM_F_DUMP = 0x1, 0x300
NLMSG_ERROR, NLMSG_DONE = 2, 3


def enter(ns):
    """the calling thread into the netns named ns (/run/netns/NS); "-" or
    None: the one the process started in"""
    fd = os.dup(START_NS) if ns in ('-', None) else os.open('/run/netns/' + ns, os.O_RDONLY)
    try:
        if libc.setns(fd, CLONE_NEWNET) != 0:
            e = ctypes.get_errno()
            raise OSError(e, 'setns %s: %s' % (ns, os.strerror(e)))
    finally:
        os.close(fd)


def mac(s):
    b = bytes.fromhex(s.replace(':', ''))
    if len(b) != 6:
        raise ValueError('bad MAC ' + s)
    return b


def mac_str(b):
    return ':'.join('%02x' % x for x in b)


def attrs(buf):
    """type -> payload of the netlink attributes in buf (one level)"""
    out, off = {}, 0
    while off + 4 <= len(buf):
        ln, ty = struct.unpack_from('HH', buf, off)
        if ln < 4:
            break
        out[ty & 0x3fff] = buf[off + 4:off + ln]
        off += (ln + 3) & ~3
    return out


def attr(ty, payload):
    ln = 4 + len(payload)
    return struct.pack('HH', ln, ty) + payload + b'\0' * (((ln + 3) & ~3) - ln)


def nl_exchange(s, mtype, flags, body):
    """send one request of type mtype on the bound netlink socket s; the
    (type, payload) of its answers, up to NLMSG_DONE or an ack (a dump),
    or the first batch of them (not a dump). An error answer raises
    OSError."""
    s.send(struct.pack('IHHII', 16 + len(body), mtype, NLM_F_REQUEST | flags, 1, 0) + body)
    msgs = []
    while True:
        data = s.recv(1 << 20)
        off = 0
        while off + 16 <= len(data):
            ln, ty = struct.unpack_from('IH', data, off)
            payload = data[off + 16:off + ln]
            off += (ln + 3) & ~3
            if ty == NLMSG_DONE:
                return msgs
            if ty == NLMSG_ERROR:
                err = struct.unpack_from('i', payload)[0]
                if err:
                    raise OSError(-err, os.strerror(-err))
                return msgs
            msgs.append((ty, payload))
        if not flags & NLM_F_DUMP and msgs:
            return msgs
