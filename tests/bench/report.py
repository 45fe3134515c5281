#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""tests/bench/report.py: the table and the plot of a benchmark run.

usage: report.py DIR [--no-plot]

DIR (build/bench) holds raw.csv, status and meta.txt from the guest
(tests/bench/guest.sh) and host.txt from run.sh. Prints the table and writes
DIR/table.txt, DIR/table.md (for README.md), DIR/scaling.dat and, with
gnuplot, DIR/scaling.png. Exit status 1 if a scenario is missing or failed.

A rate is the median over the repetitions, [min-max]. A ratio is
mvlan/macvlan taken per repetition (the two were measured one right after
the other), then the median [min-max] of those.
"""
import csv
import os
import statistics
import subprocess
import sys
from collections import defaultdict

GOALS = {
    "P1": "ratio >= 1.00 (aim 1.05)",
    "P1b": "mvlan >= 0.95 of bare",
    "P2": "ratio >= 1.00",
    "P3": "mvlan at 100k >= 0.95 x at 1",
    "P4": "ratio >= 1.0",
    "P5": "ratio >= 50",
    "P5 dump": "ratio >= 2",
    "P6": "mvlan at 4096 >= 0.95 x at 1",
    "P6 create": "ratio >= 1.00 (aim 1.11: 0.9x the time)",
    "P7": "ratio >= 1.00",
    "P8": "ratio >= 1.00",
}

# the rows this file lays out itself; any other (tests/bench/rows/*.bash)
# gets other_rows()
KNOWN = ("P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8")
# rows of the scripts beside guest.sh shown without a goal, and why
# (tests/bench/hostbridge.sh's header says more)
UNJUDGED = {
    ("H2", "rcvd_pps"): "the receiver's own rate, either path",
    ("H2", "lost_pct"): "what the receiver leaves of what is sent",
}
# --only names of the scripts run beside guest.sh: each a test of the VM
# run of its own, which fails the run if the script does; guest.sh has no
# status for them
BESIDE = ("CNI", "HB", "TAP")

P7_CASES = (("c2c", "TCP container to container (bridge mode)"),
            ("c2out", "TCP container to outside host"),
            ("out2c", "TCP outside host to container"))


def load(d):
    rows = defaultdict(dict)  # (scen, case, n, driver, metric) -> {rep: value}
    with open(os.path.join(d, "raw.csv")) as f:
        for r in csv.DictReader(f):
            key = (r["scenario"], r["case"], int(r["n"]), r["driver"], r["metric"])
            rows[key][int(r["rep"])] = float(r["value"])
    # the scripts beside guest.sh, in the same terms: hostbridge.sh (mvlan
    # with hostbridge against macvlan with the shim recipe) and cni.sh
    # (each plugin's median ADD and DEL latency)
    # and mvtap.sh (mvtap against macvtap)
    for name, what, drv in (("hostbridge.csv", "hostbridge / shim",
                             {"mvlan-hostbridge": "mvlan", "macvlan-shim": "macvlan"}),
                            ("mvtap.csv", "mvtap / macvtap",
                             {"mvtap": "mvlan", "macvtap": "macvlan"})):
        p = os.path.join(d, name)
        if not os.path.exists(p):
            continue
        with open(p) as f:
            for r in csv.DictReader(f):
                key = (r["scenario"], "%s (%s)" % (r["case"], what), int(r["n"]),
                       drv.get(r["driver"], r["driver"]), r["metric"])
                rows[key][int(r["rep"])] = float(r["value"])
    p = os.path.join(d, "cni-bench.csv")
    if os.path.exists(p):
        with open(p) as f:
            for r in csv.DictReader(f):
                if r["plugin"] in ("macvlan", "mvlan"):
                    key = ("CNI", r["operation"] + " (median of %s)" % r["runs"], 1,
                           r["plugin"], "seconds")
                    rows[key][1] = float(r["median_ms"]) / 1000
    status = {}
    if os.path.exists(os.path.join(d, "status")):
        with open(os.path.join(d, "status")) as f:
            for line in f:
                w = line.split()
                if len(w) >= 2:
                    status[w[1]] = (w[0], " ".join(w[2:]))
    meta = {}
    for name in ("meta.txt", "host.txt"):
        p = os.path.join(d, name)
        if os.path.exists(p):
            with open(p) as f:
                for line in f:
                    k, _, v = line.rstrip("\n").partition(" ")
                    meta[k] = v
    return rows, status, meta


def k(v):
    """a rate, short"""
    if v is None:
        return "-"
    if v >= 10000:
        return "%.1fk" % (v / 1000)
    if v >= 1000:
        return "%.2fk" % (v / 1000)
    return "%.0f" % v


def gbit(v):
    """a throughput in bit/s, in Gbit/s"""
    if v is None:
        return "-"
    return "%.2f Gbit/s" % (v / 1e9)


def secs(v):
    if v is None:
        return "-"
    if v >= 100:
        return "%.0f s" % v
    if v >= 1:
        return "%.2f s" % v
    return "%.0f ms" % (v * 1000)


def per_entry(v):
    if v >= 1e-3:
        return "%.2f ms" % (v * 1e3)
    return "%.1f us" % (v * 1e6)


def med(vals):
    return statistics.median(vals) if vals else None


def spread(vals, fmt):
    if not vals:
        return "-"
    if len(vals) == 1:
        return fmt(vals[0])
    return "%s [%s-%s]" % (fmt(med(vals)), fmt(min(vals)), fmt(max(vals)))


def r2(v):
    return "%.2f" % v


def verdict(goal, value, thr):
    """the goal's text, with whether the median value reached it"""
    if value is None:
        return goal
    return "%s: %s" % (goal, "met" if value >= thr else "NOT met")


class Report:
    def __init__(self, d):
        self.d = d
        self.rows, self.status, self.meta = load(d)
        self.lines = []  # (scenario, what, macvlan, mvlan, ratio, goal)

    def vals(self, scen, case, n, drv, metric):
        return self.rows.get((scen, case, n, drv, metric), {})

    def rate_row(self, scen, label, case, n, metric="pps", goal="", thr=None, fmt=k):
        a = self.vals(scen, case, n, "macvlan", metric)
        b = self.vals(scen, case, n, "mvlan", metric)
        ratios = [b[r] / a[r] for r in sorted(a) if r in b and a[r] > 0]
        if thr is not None and ratios:
            goal = verdict(goal, med(ratios), thr)
        self.lines.append((scen, label, spread(list(a.values()), fmt), spread(list(b.values()), fmt),
                           spread(ratios, r2) if ratios else "-", goal))
        return a, b, ratios

    def ns(self, scen, case):
        return sorted({key[2] for key in self.rows if key[0] == scen and key[1] == case})

    def build(self):
        L = self.lines
        # P1
        if ("P1", "rx", 1, "mvlan", "pps") in self.rows:
            self.rate_row("P1", "unicast rx, 1 device", "rx", 1, goal=GOALS["P1"], thr=1.0)
            bare = self.vals("P1", "rx", 1, "bare", "pps")
            a = self.vals("P1", "rx", 1, "macvlan", "pps")
            b = self.vals("P1", "rx", 1, "mvlan", "pps")
            ra = [a[r] / bare[r] for r in a if r in bare]
            rb = [b[r] / bare[r] for r in b if r in bare]
            L.append(("P1", "bare path (lower's own MAC)", spread(list(bare.values()), k), "", "", ""))
            L.append(("P1", "against the bare path", spread(ra, r2), spread(rb, r2), "",
                      verdict(GOALS["P1b"], med(rb), 0.95)))
        # P2
        if ("P2", "tx", 1, "mvlan", "pps") in self.rows:
            self.rate_row("P2", "tx through the device", "tx", 1, goal=GOALS["P2"], thr=1.0)
            bare = self.vals("P2", "tx", 1, "bare", "pps")
            L.append(("P2", "bare (pktgen on the lower)", spread(list(bare.values()), k), "", "", ""))
        # P3
        ns = self.ns("P3", "miss")
        for n in ns:
            for case in ("miss", "hit"):
                label = "source list N=%d, %s" % (n, case)
                if (("P3", case, n, "macvlan", "pps") not in self.rows
                        and ("P3", "notmeasured", n, "macvlan", "reached") in self.rows):
                    reached = self.vals("P3", "notmeasured", n, "macvlan", "reached")[1]
                    t = self.vals("P3", "notmeasured", n, "macvlan", "seconds")[1]
                    est = t * (n / reached) ** 2 if reached else 0
                    b = self.vals("P3", case, n, "mvlan", "pps")
                    L.append(("P3", label, "not measured*", spread(list(b.values()), k), "-", ""))
                    self.p3_reached = reached
                    self.p3_note = ("* macvlan N=%d not measured: loading its list took %s for %d "
                                    "entries (one rtnetlink request each, costing O(N)); %d "
                                    "would take ~%s (quadratic extrapolation)" %
                                    (n, secs(t), reached, n, secs(est)))
                else:
                    self.rate_row("P3", label, case, n)
        if ns:
            lo, hi = min(ns), max(x for x in ns if x <= 100000) if any(x <= 100000 for x in ns) else max(ns)
            parts, worst = [], None
            for case in ("miss", "hit"):
                a = med(list(self.vals("P3", case, lo, "mvlan", "pps").values()))
                b = med(list(self.vals("P3", case, hi, "mvlan", "pps").values()))
                if a and b:
                    parts.append("%s %.2f" % (case, b / a))
                    worst = b / a if worst is None else min(worst, b / a)
            L.append(("P3", "mvlan rate at N=%d / at N=%d" % (hi, lo), "", ", ".join(parts), "",
                      verdict(GOALS["P3"], worst, 0.95)))
        # P4
        for n in self.ns("P4", "bcast"):
            self.rate_row("P4", "broadcast to %d device%s, deliveries/s" % (n, "s"[:n != 1]), "bcast", n,
                          metric="deliveries_pps", goal=GOALS["P4"], thr=1.0)
            cells = []
            for drv in ("macvlan", "mvlan"):
                low = self.vals("P4", "stage", n, drv, "lower_rx_dropped")
                err = sum(self.vals("P4", "bcast", n, drv, "rx_errors").values())
                bcq = self.vals("P4", "stage", n, drv, "bcq_drops")
                c = "lower rx_dropped %d" % sum(low.values())
                if bcq:
                    c += " (bc queue %d)" % sum(bcq.values())
                c += ", rx_errors %d" % err
                cells.append(c)
            L.append(("P4", "  drops at N=%d, whole stage" % n, cells[0], cells[1], "", ""))
        # P5
        self.p5()
        # P6
        ns = self.ns("P6", "rx")
        for n in ns:
            self.rate_row("P6", "unicast rx, %d device%s" % (n, "s"[:n != 1]), "rx", n)
        if ns:
            lo, hi = min(ns), max(ns)
            parts, last = [], None
            for drv in ("macvlan", "mvlan"):
                a = med(list(self.vals("P6", "rx", lo, drv, "pps").values()))
                b = med(list(self.vals("P6", "rx", hi, drv, "pps").values()))
                parts.append("%.2f" % (b / a) if a and b else "-")
                last = b / a if a and b else None
            L.append(("P6", "rate at %d / at %d devices" % (hi, lo), parts[0], parts[1], "",
                      verdict(GOALS["P6"], last, 0.95)))
            cells, ts = [], []
            for drv in ("macvlan", "mvlan"):
                t = sum(v[1] for key, v in self.rows.items()
                        if key[0] == "P6" and key[1] == "create" and key[3] == drv)
                cells.append("%s (%s/device)" % (secs(t), per_entry(t / hi)))
                ts.append(t)
            # a time: the ratio is macvlan's over mvlan's, as P5's and CNI's
            r = ts[0] / ts[1] if all(ts) else None
            L.append(("P6", "creating %d devices" % hi, cells[0], cells[1],
                      r2(r) if r else "-", verdict(GOALS["P6 create"], r, 1.0)))
        # P7
        for case, label in P7_CASES:
            if any(key[:2] == ("P7", case) for key in self.rows):
                self.rate_row("P7", label, case, 1, metric="bps", goal=GOALS["P7"], thr=1.0,
                              fmt=gbit)
                retr = [self.vals("P7", case, 1, drv, "retransmits") for drv in ("macvlan", "mvlan")]
                if all(retr):
                    n = len(retr[0])
                    L.append(("P7", "  segments retransmitted, %d stream%s" % (n, "s"[:n != 1]),
                              *("%d" % sum(r.values()) for r in retr), "", ""))
        # P8
        for n in self.ns("P8", "flows"):
            self.rate_row("P8", "%d UDP flows to %d devices" % (n, n), "flows", n,
                          goal=GOALS["P8"], thr=1.0)
        for n in self.ns("P8", "sources"):
            self.rate_row("P8", "from %d source MACs to a source-mode device" % n, "sources", n,
                          goal=GOALS["P8"], thr=1.0)
        self.other_rows()

    def other_rows(self):
        """rows of tests/bench/rows/*.bash: one line a case, size and metric
        that both drivers have, mvlan over macvlan; a metric ending in
        "seconds" or "_s" is a time and one starting "lost" a loss (lower is
        better: the ratio is macvlan over mvlan, so that >= 1.00 is a win
        either way)"""
        keys = sorted({(key[0], key[1], key[2], key[4]) for key in self.rows
                       if key[0] not in KNOWN and key[3] in ("macvlan", "mvlan")})
        for scen, case, n, metric in keys:
            a = self.vals(scen, case, n, "macvlan", metric)
            b = self.vals(scen, case, n, "mvlan", metric)
            if not a or not b:
                continue
            # a time or a loss: lower is better
            loss = metric.startswith("lost")
            time = metric.endswith(("seconds", "_s")) or loss
            ratios = [(a[r] / b[r] if time else b[r] / a[r]) for r in sorted(a)
                      if r in b and a[r] > 0 and b[r] > 0]
            fmt = (lambda v: "%.0f%%" % v) if loss else secs if time else k
            goal = verdict("ratio >= 1.00", med(ratios), 1.0) if ratios else ""
            if (scen, metric) in UNJUDGED:
                goal = "no goal: " + UNJUDGED[(scen, metric)]
            self.lines.append((scen, "%s, n=%d (%s)" % (case, n, metric),
                               spread(list(a.values()), fmt), spread(list(b.values()), fmt),
                               spread(ratios, r2) if ratios else "-", goal))

    def p5(self):
        L = self.lines

        def loads(drv):
            return sorted({key[2] for key in self.rows
                           if key[:2] == ("P5", "load") and key[3] == drv})
        ma, mv = loads("macvlan"), loads("mvlan")
        common = [n for n in ma if n in mv]
        shown = [n for n in common if n >= min(1000, max(common))] if common else []
        # the goal is judged at the largest size both have, up to 10k
        judged = max([n for n in shown if n <= 10000] or shown or [0])
        for n in shown:
            a = self.vals("P5", "load", n, "macvlan", "seconds")[1]
            b = med(list(self.vals("P5", "load", n, "mvlan", "seconds").values()))
            L.append(("P5", "load %d source MACs (per entry)" % n,
                      "%s (%s)" % (secs(a), per_entry(a / n)),
                      "%s (%s)" % (secs(b), per_entry(b / n)),
                      "%.0fx" % (a / b) if b else "-",
                      verdict(GOALS["P5"], a / b if b else None, 50) if n == judged else ""))
        for dn in sorted({key[2] for key in self.rows if key[:2] == ("P5", "dump")}):
            a = self.vals("P5", "dump", dn, "macvlan", "seconds")
            b = self.vals("P5", "dump", dn, "mvlan", "seconds")
            if not a or not b:
                continue
            # each dump shows the whole list, or the same part of it
            ea = min(int(v) for v in self.vals("P5", "dump", dn, "macvlan", "entries").values())
            eb = min(int(v) for v in self.vals("P5", "dump", dn, "mvlan", "entries").values())
            da, db = med(list(a.values())), med(list(b.values()))
            ca = spread(list(a.values()), secs) + ("" if ea == dn else " (%d shown!)" % ea)
            cb = spread(list(b.values()), secs) + ("" if eb == dn else " (%d shown!)" % eb)
            cb += self.dump_split(dn)
            L.append(("P5", "dump %d source MACs" % dn, ca, cb, "%.1fx" % (da / db),
                      verdict(GOALS["P5 dump"], da / db, 2) if ea == dn else
                      GOALS["P5 dump"] + ": macvlan's dump is wrong"))
        top = max(ma) if ma else 0
        if top and top not in common:
            a = self.vals("P5", "load", top, "macvlan", "seconds")[1]
            L.append(("P5", "macvlan: load up to %d (stopped there)" % top,
                      "%s (%s)" % (secs(a), per_entry(a / top)), "", "", ""))
        for n in mv:
            if n < 100000:
                continue
            b = list(self.vals("P5", "load", n, "mvlan", "seconds").values())
            d = self.vals("P5", "dump", n, "mvlan", "seconds")
            cell = "load %s (%s)" % (secs(med(b)), per_entry(med(b) / n))
            goal = ""
            if d:
                dm = med(list(d.values()))
                cell += ", dump %s%s" % (secs(dm), self.dump_split(n))
                if n >= 1000000:
                    goal = "dump and print <= 2 s: %s" % ("met" if dm <= 2 else "NOT met")
            L.append(("P5", "mvlan: %d source MACs" % n, "", cell, "", goal))

    def dump_split(self, n):
        """mvctl's own time and the kernel's in a dump of mvlan's list"""
        u = self.vals("P5", "dump", n, "mvlan", "user_seconds")
        s = self.vals("P5", "dump", n, "mvlan", "sys_seconds")
        if not u or not s:
            return ""
        return " (mvctl %s, kernel %s)" % (secs(med(list(u.values()))), secs(med(list(s.values()))))

    def render(self):
        m = self.meta
        out = []
        out.append("mvlan against macvlan: %s, %s vCPUs under QEMU TCG, %s repetitions of %s s, "
                   "%s-byte frames" % (m.get("kernel", "?"), m.get("cpus", "?").split()[0],
                                       m.get("reps", "?"), m.get("secs", "?"),
                                       m.get("pkt_size", "60")))
        if "host" in m:
            out.append("host: %s" % m["host"])
        if "loadavg_start" in m:
            out.append("host load average (1, 5, 15 min): %s at the start, %s at the end" %
                       (m["loadavg_start"], m.get("loadavg_end", "?")))
        clock = m.get("clock", "wall")
        if clock.startswith("icount"):
            shift = int(clock[6:] or 0)
            out.append("clock: QEMU -icount shift=%d: the guest's time counts its instructions, "
                       "%d ns each (a virtual second is %dM instructions), so rates and times "
                       "are instruction counts, free of the host's load" %
                       (shift, 1 << shift, 1000 // (1 << shift)))
        else:
            out.append("clock: the host's wall clock (TCG as fast as the host lets it run)")
        out.append("rates in frames/s, median [min-max] over repetitions; ratio = mvlan/macvlan "
                   "per repetition, median [min-max]")
        if "tcp_secs" in m and any(key[0] == "P7" for key in self.rows):
            out.append("P7: iperf3 TCP streams of %s s, %s repetitions" %
                       (m["tcp_secs"], m.get("tcp_reps", "?")))
        out.append("")
        hdr = ("", "scenario", "macvlan", "mvlan", "ratio", "goal")
        rows = [hdr] + self.lines
        w = [max(len(str(r[i])) for r in rows) for i in range(6)]
        for r in rows:
            out.append("  ".join(str(c).ljust(w[i]) for i, c in enumerate(r)).rstrip())
        if hasattr(self, "p3_note"):
            out.append("")
            out.append(self.p3_note)
        bad = self.problems()
        if bad:
            out.append("")
            out.extend(bad)
        return "\n".join(out) + "\n"

    def markdown(self):
        out = ["| | scenario | macvlan | mvlan | ratio | goal |", "|---|---|---|---|---|---|"]
        for r in self.lines:
            out.append("| " + " | ".join(str(c) for c in r) + " |")
        if hasattr(self, "p3_note"):
            out.append("")
            out.append("\\" + self.p3_note)
        return "\n".join(out) + "\n"

    def problems(self):
        bad = []
        want = self.meta.get("only", ",".join(KNOWN)).split(",")
        if "P3" in want and "P5" not in want:
            want.append("P5")
        for s in want:
            if s in BESIDE:
                continue
            st = self.status.get(s)
            if st is None:
                bad.append("FAILED: %s did not run" % s)
            elif st[0] != "OK":
                bad.append("FAILED: %s: %s" % (s, st[1]))
        return bad

    def plot(self):
        dat = os.path.join(self.d, "scaling.dat")
        blocks = []
        series = [("P3", "miss", "pps"), ("P3", "hit", "pps"),
                  ("P4", "bcast", "deliveries_pps"), ("P6", "rx", "pps")]
        index = {}
        with open(dat, "w") as f:
            for scen, case, metric in series:
                for drv in ("macvlan", "mvlan"):
                    pts = []
                    for n in self.ns(scen, case):
                        v = list(self.vals(scen, case, n, drv, metric).values())
                        if v:
                            pts.append((n, med(v), min(v), max(v)))
                    f.write("# %s %s %s: n median min max\n" % (scen, case, drv))
                    for p in pts or [(1, float("nan"), float("nan"), float("nan"))]:
                        f.write("%d %.0f %.0f %.0f\n" % p)
                    f.write("\n\n")
                    index[(scen, case, drv)] = len(blocks)
                    blocks.append(1)
        png = os.path.join(self.d, "scaling.png")
        sty = {"macvlan": "lc rgb '#d95f02'", "mvlan": "lc rgb '#1b9e77'"}

        def line(scen, case, drv, title, dash=""):
            return ("'%s' index %d using 1:2:3:4 with yerrorlines %s %s pt 7 ps 0.6 lw 1.5 "
                    "title '%s'" % (dat, index[(scen, case, drv)], sty[drv], dash, title))
        m = self.meta
        panels = []
        if self.ns("P3", "miss"):
            if hasattr(self, "p3_note"):
                panels.append("set label 1 'macvlan past %s: not measured (loading its list takes "
                              "too long)' at graph 0.98, graph 0.55 right font ',9'" %
                              k(self.p3_reached))
            panels += [
                "set logscale x", "set format x '%.0s%c'", "set xlabel 'source list entries N'",
                "set ylabel 'frames/s'",
                "set title 'P3: rx on a lower with a source-mode device'",
                "plot " + ", ".join([
                    line("P3", "miss", "macvlan", "macvlan, source not listed"),
                    line("P3", "miss", "mvlan", "mvlan, source not listed"),
                    line("P3", "hit", "macvlan", "macvlan, listed (deliveries)", "dt 2"),
                    line("P3", "hit", "mvlan", "mvlan, listed (deliveries)", "dt 2")]),
                "unset logscale x", "unset label 1", "set format x '%g'"]
        if self.ns("P4", "bcast"):
            panels += [
                "set xlabel 'bridge-mode devices'", "set ylabel 'deliveries/s'",
                "set title 'P4: broadcast fan-out'",
                "plot " + ", ".join([line("P4", "bcast", "macvlan", "macvlan"),
                                     line("P4", "bcast", "mvlan", "mvlan")])]
        if self.ns("P6", "rx"):
            panels += [
                "set logscale x 2", "set xlabel 'devices on the lower'", "set ylabel 'frames/s'",
                "set title 'P6: unicast rx to one device among N'",
                "plot " + ", ".join([line("P6", "rx", "macvlan", "macvlan"),
                                     line("P6", "rx", "mvlan", "mvlan")]),
                "unset logscale x"]
        count = sum(1 for p in panels if p.startswith("plot "))
        if not count:
            return False
        gp = [
            "set terminal pngcairo size %d,480 font 'sans,10'" % (500 * count),
            "set output '%s'" % png,
            "set multiplot layout 1,%d title 'mvlan vs macvlan, %s, %s vCPUs TCG%s (median, "
            "min-max over %s reps)'" % (count, m.get("kernel", "?"), m.get("cpus", "?").split()[0],
                                        ", -icount shift=" + m["clock"][6:]
                                        if m.get("clock", "wall").startswith("icount") else "",
                                        m.get("reps", "?")),
            "set grid", "set key bottom left", "set yrange [0:*]", "set format y '%.0s%c'",
        ] + panels + ["unset multiplot"]
        gpf = os.path.join(self.d, "scaling.gp")
        with open(gpf, "w") as f:
            f.write("\n".join(gp) + "\n")
        try:
            r = subprocess.run(["gnuplot", gpf], capture_output=True, text=True)
        except FileNotFoundError:
            print("report: gnuplot not found, no plot (%s is ready for it)" % gpf, file=sys.stderr)
            return False
        if r.returncode != 0:
            print("report: gnuplot failed:\n" + r.stderr, file=sys.stderr)
            return False
        return True


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    rep = Report(args[0])
    rep.build()
    text = rep.render()
    sys.stdout.write(text)
    with open(os.path.join(args[0], "table.txt"), "w") as f:
        f.write(text)
    with open(os.path.join(args[0], "table.md"), "w") as f:
        f.write(rep.markdown())
    if "--no-plot" not in sys.argv and rep.plot():
        print("\nplot: %s" % os.path.join(args[0], "scaling.png"))
    return 1 if rep.problems() else 0


if __name__ == "__main__":
    sys.exit(main())
