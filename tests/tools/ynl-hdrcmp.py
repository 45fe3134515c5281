#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""
ynl-hdrcmp.py [--allow NAME]... HEADER GENERATED

Compares a uapi header with the one ynl-gen-c.py generated from the spec:
every enumerator and every macro of each must be in the other (but the
--allow NAMEs, which must then be in HEADER only) with the same value, and
each named enum must have the same members. Values are what a C compiler
makes of the names, so "(MVLAN_F_NOPROMISC | MVLAN_F_NODST)" and "3" agree;
whether a name is a macro or an enumerator is not compared (the generator
renders flags as enums where the header has #defines). Prints one line per
difference; exit status 0 when there is none, 1 when there is, 2 on error.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

CC = os.environ.get('CC', 'cc')


def preprocess(header):
    """The lines of @header itself after the preprocessor, macros kept."""
    out = subprocess.run([CC, '-E', '-dD', '-x', 'c', header],
                         check=True, capture_output=True, text=True).stdout
    mine, lines = False, []
    for line in out.splitlines():
        m = re.match(r'# \d+ "(.*)"', line)
        if m:
            mine = os.path.realpath(m.group(1)) == os.path.realpath(header)
        elif mine:
            lines.append(line)
    return lines


def names(header):
    """(macros, enums): macro name -> (parameters or None, body), and
    [(enum tag or None, [enumerators])]."""
    macros, code = {}, []
    for line in preprocess(header):
        m = re.match(r'#define (\w+)(\([^)]*\))?\s*(.*)$', line)
        if m:
            macros[m.group(1)] = (m.group(2), m.group(3).strip())
        elif not line.startswith('#'):
            code.append(line)
    enums = []
    for m in re.finditer(r'\benum\s*(\w*)\s*\{([^}]*)\}', ' '.join(code)):
        members = [e.split('=')[0].strip() for e in m.group(2).split(',')]
        enums.append((m.group(1) or None, [e for e in members if e]))
    return macros, enums


def values(header, items):
    """name -> value as C sees it in @header, for the @items that have one."""
    prog = ['#include <stdio.h>', '#include "%s"' % os.path.abspath(header),
            'static void s(const char *n, const char *v) { printf("%s \\"%s\\"\\n", n, v); }',
            'static void i(const char *n, long long v) { printf("%s %lld\\n", n, v); }',
            '#define P(n) _Generic((n), char *: s, const char *: s, default: i)(#n, n)',
            'int main(void)', '{']
    prog += ['\tP(%s);' % n for n in items]
    prog += ['\treturn 0;', '}']
    with tempfile.TemporaryDirectory() as tmp:
        src, exe = os.path.join(tmp, 'v.c'), os.path.join(tmp, 'v')
        with open(src, 'w') as f:
            f.write('\n'.join(prog) + '\n')
        subprocess.run([CC, '-std=gnu11', '-Wall', '-Werror', '-o', exe, src],
                       check=True)
        out = subprocess.run([exe], check=True, capture_output=True,
                             text=True).stdout
    return dict(line.split(' ', 1) for line in out.splitlines())


def describe(header):
    macros, enums = names(header)
    enumerators = [n for _, members in enums for n in members]
    # a macro without a value (the include guard) only has to exist, a
    # function-like one has to read the same
    valued = enumerators + [n for n, (params, body) in macros.items()
                            if params is None and body]
    vals = values(header, valued)
    vals.update({n: '%s %s' % m for n, m in macros.items() if m[0] is not None})
    return set(macros) | set(enumerators), vals, \
        {tag: sorted(members) for tag, members in enums if tag}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--allow', action='append', default=[],
                    help='a name the generator cannot make (HEADER only)')
    ap.add_argument('header')
    ap.add_argument('generated')
    args = ap.parse_args()

    try:
        h_names, h_vals, h_enums = describe(args.header)
        g_names, g_vals, g_enums = describe(args.generated)
    except (subprocess.CalledProcessError, OSError) as e:
        print('ynl-hdrcmp: %s' % e, file=sys.stderr)
        if getattr(e, 'stderr', None):
            print(e.stderr, file=sys.stderr)
        return 2

    diffs = []
    for n in sorted(h_names - g_names - set(args.allow)):
        diffs.append('%s: in %s only' % (n, args.header))
    for n in sorted(g_names - h_names):
        diffs.append('%s: in %s only' % (n, args.generated))
    for n in sorted(set(args.allow) & g_names):
        diffs.append('%s: allowed as out of the spec\'s reach, yet generated' % n)
    for n in sorted(set(args.allow) - h_names):
        diffs.append('%s: allowed as out of the spec\'s reach, yet not in %s' % (n, args.header))
    for n in sorted(set(h_vals) & set(g_vals)):
        if h_vals[n] != g_vals[n]:
            diffs.append('%s: %s in %s, %s in %s' % (n, h_vals[n], args.header,
                                                     g_vals[n], args.generated))
    for n in sorted((set(h_vals) ^ set(g_vals)) & h_names & g_names):
        diffs.append('%s: a value in one header only' % n)
    for tag in sorted(set(h_enums) | set(g_enums)):
        if tag not in g_enums or tag not in h_enums:
            diffs.append('enum %s: in %s only' % (
                tag, args.header if tag in h_enums else args.generated))
            continue
        for n in sorted(set(h_enums[tag]) ^ set(g_enums[tag])):
            diffs.append('enum %s: %s is a member in %s only' % (
                tag, n, args.header if n in h_enums[tag] else args.generated))
    for d in diffs:
        print(d)
    return 1 if diffs else 0


if __name__ == '__main__':
    sys.exit(main())
