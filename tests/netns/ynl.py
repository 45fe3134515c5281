#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The checks of ynl.sh, in one interpreter (python starts slowly under TCG).
# Runs in the netns of ynl.sh's topology; argv: TOP MVCTL.
import json
import subprocess
import sys

top, mvctl = sys.argv[1], sys.argv[2]
sys.path.insert(0, top + '/build/ynl/tools/net/ynl')
from lib import YnlFamily, NlError  # noqa: E402

ynl = YnlFamily(top + '/uapi/mvlan.yaml', '')
events = YnlFamily(top + '/uapi/mvlan.yaml', '')
events.ntf_subscribe('events')


def ifindex(name):
    with open('/sys/class/net/%s/ifindex' % name) as f:
        return int(f.read())


def expect(what, actual, expected):
    if actual != expected:
        print('FAIL: %s\n  expected: %r\n  actual:   %r' % (what, expected, actual))
        sys.exit(1)
    print('ok   %s' % what)


def refused(what, op, attrs, errno, msg, dump=False):
    try:
        (ynl.dump if dump else ynl.do)(op, attrs)
    except NlError as e:
        expect(what + ': errno', e.error, errno)
        expect(what + ': extack', (e.nl_msg.extack or {}).get('msg'), msg)
        return
    expect(what + ': refused', False, True)


def sources(name):
    return [s['addr'] for m in ynl.dump('source-get', {'ifname': name})
            for s in m.get('source', [])]


mv0, low = ifindex('mv0'), ifindex('lower0')

dev = ynl.do('dev-get', {'ifname': 'mv0'})
expect('dev-get mv0',
       {k: dev[k] for k in ('ifindex', 'ifname', 'link', 'mode', 'address',
                            'source-count', 'bc-queue-len', 'bc-cutoff')},
       {'ifindex': mv0, 'ifname': 'mv0', 'link': low, 'mode': {'source'},
        'address': '02:00:00:00:00:10', 'source-count': 0,
        'bc-queue-len': 1000, 'bc-cutoff': 1})
expect('dev-get dump', [(d['ifname'], d['mode']) for d in ynl.dump('dev-get', {})],
       [('mv0', {'source'}), ('mv1', {'bridge'})])

ynl.do('source-set', {'ifname': 'mv0', 'source': [
    {'addr': bytes.fromhex('020000000001')},
    {'addr': bytes.fromhex('020000000002')},
    {'addr': bytes.fromhex('020000000003')}]})
entries = [s for m in ynl.dump('source-get', {'ifname': 'mv0'}) for s in m['source']]
expect('source-get after source-set', sorted(s['addr'] for s in entries),
       ['02:00:00:00:00:01', '02:00:00:00:00:02', '02:00:00:00:00:03'])
expect('hit counters of unused entries',
       [(s['packets'], s['bytes'], 'last-seen' in s) for s in entries],
       [(0, 0, False)] * 3)

ynl.do('source-set', {'ifname': 'mv0', 'source': [{'addr': bytes.fromhex('020000000004')}]})
expect('source-get after the second source-set', sources('mv0'), ['02:00:00:00:00:04'])
expect('source-count', ynl.do('dev-get', {'ifindex': mv0})['source-count'], 1)

refused('multicast source address', 'source-add',
        {'ifname': 'mv0', 'source': [{'addr': bytes.fromhex('010000000001')}]},
        22, 'MVLAN_SOURCE_A_ADDR: not a unicast address')
refused('source-add in bridge mode', 'source-add',
        {'ifname': 'mv1', 'source': [{'addr': bytes.fromhex('020000000001')}]},
        22, 'the device is not in source mode')
refused('into passthru', 'dev-set', {'ifname': 'mv1', 'mode': 'passthru'},
        22, 'mvlan: cannot change into or out of passthru mode')
refused('dev-get of the lower', 'dev-get', {'ifname': 'lower0'},
        22, 'not an mvlan device')
refused('dev-get of nothing', 'dev-get', {}, 22,
        'a device is required: MVLAN_A_IFINDEX or MVLAN_A_IFNAME')
refused('source-get of the lower', 'source-get', {'ifname': 'lower0'},
        22, 'not an mvlan device', dump=True)
expect('the list after the refused requests', sources('mv0'), ['02:00:00:00:00:04'])

ynl.do('dev-set', {'ifname': 'mv0', 'mode': 'vepa'})
dev = ynl.do('dev-get', {'ifname': 'mv0'})
expect('leaving source mode flushes', (dev['mode'], dev['source-count']), ({'vepa'}, 0))

port = ynl.do('port-get', {'link': low})['port']
expect('port-get lower0',
       tuple(port[k] for k in ('ifname', 'devices', 'vepa', 'bridge', 'source',
                               'bc-queue-len-used')),
       ('lower0', 2, 1, 1, 0, 1000))

subprocess.run([mvctl, 'del', 'mv1'], check=True)
events.check_ntf()
expect('events', [(e['name'], e['msg'].get('ifname'), e['msg'].get('mode'),
                   e['msg'].get('source-count'), e['msg'].get('source-added'),
                   e['msg'].get('source-removed'))
                  for e in events.async_msg_queue],
       [('source-change', 'mv0', None, 3, 3, 0),
        ('source-change', 'mv0', None, 1, 1, 3),
        ('source-change', 'mv0', None, 0, 0, 1),
        ('dev-change', 'mv0', {'vepa'}, 0, None, None),
        ('dev-del', 'mv1', {'bridge'}, 0, None, None)])
print(json.dumps('done'))
