#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The checks of genl-refuse.sh, in one interpreter (python starts slowly
# under TCG). Runs in the netns of genl-refuse.sh's topology; argv: TOP.
import socket
import sys

top = sys.argv[1]
sys.path.insert(0, top + '/build/ynl/tools/net/ynl')
from lib import YnlFamily, NlError  # noqa: E402

ynl = YnlFamily(top + '/uapi/mvlan.yaml', '')
EINVAL = 22
failures = 0


def expect(what, actual, expected):
    """One check: an "ok" line, or a FAIL report; the run goes on."""
    global failures
    if actual == expected:
        print('ok   ' + what)
        return
    failures += 1
    print('FAIL: %s\n  expected: %r\n  actual:   %r' % (what, expected, actual))


def refused(what, op, attrs, extack, dump=False, errno=EINVAL):
    """@op with @attrs fails with @errno and an extack that has @extack."""
    try:
        (ynl.dump if dump else ynl.do)(op, attrs)
    except NlError as e:
        got = e.nl_msg.extack or {}
        expect(what + ': errno', e.error, errno)
        expect(what + ': extack', {k: got.get(k) for k in extack}, extack)
        return
    expect(what + ': refused', False, True)


def state():
    devs = {d['ifname']: (d['mode'], d['source-count'], d['link'])
            for d in ynl.dump('dev-get', {})}
    srcs = [s['addr'] for m in ynl.dump('source-get', {'ifname': 'mv0'})
            for s in m.get('source', [])]
    return devs, srcs


mv0, low0, low1 = (socket.if_nametoindex(n) for n in ('mv0', 'lower0', 'lower1'))
before = state()
expect('the devices', before[0],
       {'mv0': ({'source'}, 1, low0), 'mv1': ({'bridge'}, 0, low0),
        'mv2': ({'vepa'}, 0, low1)})

# what a dump takes, and a do does not: the lower device of DEV_GET's dump
expect('dev-get dump of lower1', [d['ifname'] for d in ynl.dump('dev-get', {'link': low1})],
       ['mv2'])
expect('dev-get dump of lower0', [d['ifname'] for d in ynl.dump('dev-get', {'link': low0})],
       ['mv0', 'mv1'])

# a dump with a do's attributes: it would list every device
refused('dev-get dump with ifname', 'dev-get', {'ifname': 'mv0'},
        {'msg': 'MVLAN_A_IFNAME: this dump does not take it'}, dump=True)
refused('dev-get dump with ifindex', 'dev-get', {'ifindex': mv0},
        {'msg': 'MVLAN_A_IFINDEX: this dump does not take it'}, dump=True)
refused('dev-get dump with link and ifname', 'dev-get', {'link': low0, 'ifname': 'mv0'},
        {'msg': 'MVLAN_A_IFNAME: this dump does not take it'}, dump=True)
refused('stats-get dump with ifname', 'stats-get', {'ifname': 'mv0'},
        {'msg': 'MVLAN_A_IFNAME: this dump does not take it'}, dump=True)
refused('stats-get dump with ifindex', 'stats-get', {'ifindex': mv0},
        {'msg': 'MVLAN_A_IFINDEX: this dump does not take it'}, dump=True)
refused('port-get dump with link', 'port-get', {'link': low0},
        {'msg': 'MVLAN_A_LINK: this dump does not take it'}, dump=True)

# a do with a dump's attribute: DEV_GET names its device, not a lower one
refused('dev-get do with link', 'dev-get', {'ifname': 'mv0', 'link': low0},
        {'msg': 'MVLAN_A_LINK: only the dump takes it', 'bad-attr': '.link'})

# missing required attributes, as the kernel reports them to a machine
refused('port-get do without link', 'port-get', {},
        {'msg': None, 'miss-type': 'link'})
refused('dev-get do without a device', 'dev-get', {},
        {'msg': 'a device is required: MVLAN_A_IFINDEX or MVLAN_A_IFNAME',
         'miss-type': 'ifindex'})
refused('stats-get do without a device', 'stats-get', {},
        {'msg': 'a device is required: MVLAN_A_IFINDEX or MVLAN_A_IFNAME',
         'miss-type': 'ifindex'})
try:
    ynl.do('source-add', {'ifname': 'mv0', 'source': [{'packets': 1}]})
    expect('source entry without an address: refused', False, True)
except NlError as e:
    got = e.nl_msg.extack or {}
    expect('source entry without an address',
           (e.error, got.get('msg'), got.get('miss-type'), 'miss-nest' in got),
           (EINVAL, 'MVLAN_A_SOURCE: MVLAN_SOURCE_A_ADDR is required', 2, True))

# a source entry's counters are for dumps
refused('source-add with a counter', 'source-add',
        {'ifname': 'mv0', 'source': [{'addr': bytes.fromhex('020000000002'), 'packets': 1}]},
        {'msg': 'MVLAN_A_SOURCE: its counters are read only',
         'bad-attr': '.source.packets'})
refused('source-set with a counter', 'source-set',
        {'ifname': 'mv0', 'source': [{'addr': bytes.fromhex('020000000002'), 'last-seen': 0}]},
        {'msg': 'MVLAN_A_SOURCE: its counters are read only',
         'bad-attr': '.source.last-seen'})

# a mode is one bit of the mask
refused('dev-set with two modes', 'dev-set', {'ifname': 'mv1', 'mode': ['vepa', 'bridge']},
        {'msg': 'mvlan: exactly one mode must be given', 'bad-attr': '.mode'})

# each command's policy ends with its last attribute
refused('dev-get with mode', 'dev-get', {'ifname': 'mv1', 'mode': 'vepa'},
        {'msg': 'Unknown attribute type', 'bad-attr': '.mode'})

expect('nothing changed', state(), before)
sys.exit(1 if failures else 0)
