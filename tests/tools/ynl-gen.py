#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""
ynl-gen.py YNL_DIR SPEC LICENSE OUT_C OUT_H

The module's netlink policies, kmod/nl_gen.c and kmod/nl_gen.h, from the
YNL spec, rendered by the kernel's own generator: YNL_DIR is the extracted
tools/net/ynl of linux-source-6.12, whose ynl-gen-c.py reads and validates
SPEC and writes every policy entry. What this adds is the choice of tables,
because the module runs on 6.1 too, which has no genl_split_ops (the
generator's ops, one policy a request, are split ops): a command has one
policy, for the attributes its do and its dump requests take both, and each
request's own attributes are a mask, MVLAN_<OP>_{DO,DUMP}_ATTRS, with which
the module refuses the others. kmod/netlink.c writes the ops table: each
entry's command, policy and flags are MVLAN_<OP>_NL_OP, its handlers are
named by hand.

SPEC must sit where the generator finds its schema: SPEC/../../
genetlink-legacy.yaml. LICENSE is the spec's own SPDX expression, for the
files' first line (tests/tools/ynl-check.sh stages the spec with the
license the kernel's generator insists on).
"""
import importlib.machinery
import os
import sys
import types


def load_generator(ynl_dir):
    sys.path.insert(0, ynl_dir)
    loader = importlib.machinery.SourceFileLoader(
        'ynl_gen_c', os.path.join(ynl_dir, 'ynl-gen-c.py'))
    gen = types.ModuleType(loader.name)
    loader.exec_module(gen)
    return gen


def banner(cw, comment, license):
    cw.p(comment % ('SPDX-License-Identifier: ' + license))
    cw.p('/* Do not edit directly, auto-generated from: */')
    cw.p('/*\tuapi/mvlan.yaml */')
    cw.p('/* by tests/tools/ynl-gen.py with ynl-gen-c.py of linux-source-6.12 */')
    cw.nl()


def request_attrs(op, mode):
    if mode in op and 'request' in op[mode]:
        return op[mode]['request']['attributes']
    return []


def command_policy(gen, family, op):
    """The struct of a command's policy: its do and dump requests' attributes."""
    wanted = set(request_attrs(op, 'do')) | set(request_attrs(op, 'dump'))
    attr_set = family.attr_sets[op['attribute-set']]
    return gen.Struct(family, op['attribute-set'],
                      type_list=[a for a in attr_set if a in wanted])


def policy_decl(op, struct):
    return 'const struct nla_policy %s_nl_policy[%s + 1]' % (
        op.render_name, struct.attr_max_val.enum_name)


def render_source(gen, family, cw):
    gen.print_kernel_policy_ranges(family, cw)
    cw.p('/* Common nested types */')
    for _, struct in sorted(family.pure_nested_structs.items()):
        if struct.request:
            gen.print_req_policy(cw, struct)
    for _, op in family.ops.items():
        struct = command_policy(gen, family, op)
        if not struct.attr_list:
            continue
        cw.p('/* %s - %s */' % (op.enum_name,
                                ' and '.join(m for m in ('do', 'dump') if m in op)))
        cw.p(policy_decl(op, struct) + ' = {')
        for _, attr in struct.member_list():
            attr.attr_policy(cw)
        cw.p('};')
        cw.nl()


def attr_mask(gen, family, op, mode):
    """The lines of the #define of the mask of a request's attributes."""
    attr_set = family.attr_sets[op['attribute-set']]
    name = gen.c_upper('%s-%s-%s-attrs' % (family.ident_name, op.name, mode))
    bits = ['BIT(%s)' % attr_set[a].enum_name for a in request_attrs(op, mode)]
    if len(bits) < 2:
        return ['#define %s\t%s' % (name, bits[0] if bits else '0')]
    lines = ['#define %s \\' % name]
    for i, bit in enumerate(bits):
        lines.append('\t%s%s%s' % ('(' if i == 0 else ' ', bit,
                                   ' | \\' if i < len(bits) - 1 else ')'))
    return lines


def op_entry(gen, family, op):
    """The lines of the #define of an op's command, policy and flags."""
    struct = command_policy(gen, family, op)
    members = ['.cmd = %s' % op.enum_name]
    if struct.attr_list:
        members += ['.policy = %s_nl_policy' % op.render_name,
                    '.maxattr = %s' % struct.attr_max_val.enum_name]
    if 'flags' in op:
        members.append('.flags = ' + ' | '.join(gen.c_upper('genl-' + f)
                                                for f in op['flags']))
    name = gen.c_upper('%s-%s-nl-op' % (family.ident_name, op.name))
    return ['#define %s \\' % name] + \
        ['\t%s%s' % (m, ', \\' if i < len(members) - 1 else '')
         for i, m in enumerate(members)]


def render_header(gen, family, cw):
    guard = '_LINUX_%s_GEN_H' % family.c_name.upper()
    cw.p('#ifndef ' + guard)
    cw.p('#define ' + guard)
    cw.nl()
    cw.p('#include <linux/bits.h>')
    cw.p('#include <net/netlink.h>')
    cw.p('#include <net/genetlink.h>')
    cw.nl()
    cw.p('#include <%s>' % family.uapi_header)
    cw.nl()
    cw.p('/* Common nested types */')
    for _, struct in sorted(family.pure_nested_structs.items()):
        if struct.request:
            gen.print_req_policy_fwd(cw, struct)
    cw.nl()
    cw.p('/* One policy a command, for its do and its dump requests */')
    for _, op in family.ops.items():
        struct = command_policy(gen, family, op)
        if struct.attr_list:
            cw.p('extern %s;' % policy_decl(op, struct))
    cw.nl()
    cw.p('/* Entries of the ops table, but for their handlers */')
    for _, op in family.ops.items():
        for line in op_entry(gen, family, op):
            cw.p(line)
    cw.nl()
    cw.p('/* The attributes each request takes */')
    for _, op in family.ops.items():
        for mode in ('do', 'dump'):
            if mode in op:
                for line in attr_mask(gen, family, op, mode):
                    cw.p(line)
    cw.nl()
    gen.print_kernel_mcgrp_hdr(family, cw)
    cw.p('#endif /* %s */' % guard)


def main():
    if len(sys.argv) != 6:
        print(__doc__.strip().split('\n')[0], file=sys.stderr)
        return 2
    ynl_dir, spec, license, out_c, out_h = sys.argv[1:]
    gen = load_generator(ynl_dir)
    family = gen.Family(spec, [])

    cw = gen.CodeWriter(gen.BaseNlLib(), out_c)
    banner(cw, '// %s', license)
    cw.p('#include "%s"' % os.path.basename(out_h))
    cw.nl()
    render_source(gen, family, cw)
    cw.close_out_file()

    cw = gen.CodeWriter(gen.BaseNlLib(), out_h)
    banner(cw, '/* %s */', license)
    render_header(gen, family, cw)
    cw.close_out_file()
    return 0


if __name__ == '__main__':
    sys.exit(main())
