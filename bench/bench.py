#!/usr/bin/env python3
"""Runs the benchmark peers side by side and prints the figures table.

Called by bench/run (which installs and builds what is needed); see
bench/README.md. Every peer indexes the same Article XML files and answers
the same queries (bench/make_queries.py writes them in each engine's
syntax). Builds and query runs are repeated (--repeat) and interleaved
across peers, and medians are reported, because the machine is noisy; each
figure is also given as a ratio to the obvious Xapian program of the same
run (bench/xapian_obvious.cc), the floor hpnews must beat.

Peak RSS comes from wait4() of each child. Query throughput, p50 and p99
are measured inside each peer over its query loop (start-up and index
opening excluded); hpnews-search reports them with --batch --stats.
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run(cmd, stdout=subprocess.DEVNULL, stdin=None, check=True):
    """Runs cmd; returns (wall seconds, peak RSS in MB, stdout text or None)."""
    t0 = time.monotonic()
    out = subprocess.PIPE if stdout == "pipe" else stdout
    p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE, stdin=stdin)
    data = p.stdout.read() if out == subprocess.PIPE else None
    err = p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.monotonic() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    if check and p.returncode not in (0, 1):
        sys.exit("bench: %s failed (%d): %s" % (" ".join(cmd), p.returncode,
                                                err.decode(errors="replace")[-2000:]))
    return wall, ru.ru_maxrss / 1024.0, data.decode() if data is not None else None


def du(path):
    if os.path.isfile(path):
        return os.path.getsize(path)
    total = 0
    for d, _, files in os.walk(path):
        total += sum(os.path.getsize(os.path.join(d, f)) for f in files)
    return total


def text_bytes(corpus):
    """Bytes of title and body text (UTF-8): the input size for MB/s."""
    n = docs = 0
    for d, _, files in os.walk(corpus):
        for f in files:
            if not f.endswith(".xml"):
                continue
            for _, el in ET.iterparse(os.path.join(d, f)):
                if el.tag == "article":
                    n += len((el.findtext("title") or "").encode())
                    body = el.find("body")
                    if body is not None:
                        n += sum(len("".join(p.itertext()).encode()) for p in body.iter("p"))
                    docs += 1
                    el.clear()
    return n, docs


class Peers:
    def __init__(self, a):
        self.a = a
        b = a.build_dir
        self.xapian = os.path.join(b, "bench", "hpnews-bench-xapian")
        self.fts5 = os.path.join(b, "bench", "hpnews-bench-fts5")
        hb = a.hpnews_build or b
        self.index = os.path.join(hb, "indexer", "hpnews-index")
        self.search = os.path.join(hb, "searcher", "hpnews-search")
        self.java = ["java", "-Xmx%s" % a.java_heap, "-cp", a.lucene_cp, "LuceneBench"]
        self.w = a.work

    def p(self, name):
        return os.path.join(self.w, name)

    # (index command, compact command or None, index path, compacted path)
    def build_spec(self, peer, corpus):
        if peer == "xapian":
            return ([self.xapian, "index", "-o", self.p("xapian.db"), corpus],
                    ["xapian-compact", self.p("xapian.db"), self.p("xapian.cdb")],
                    self.p("xapian.db"), self.p("xapian.cdb"))
        if peer == "fts5":
            return ([self.fts5, "index", "-o", self.p("fts5.db"), corpus],
                    [self.fts5, "compact", "-d", self.p("fts5.cdb")],
                    self.p("fts5.db"), self.p("fts5.cdb"))
        if peer == "lucene":
            return (self.java + ["index", self.p("lucene.idx"), corpus],
                    self.java + ["compact", self.p("lucene.cidx")],
                    self.p("lucene.idx"), self.p("lucene.cidx"))
        if peer == "hpnews":
            return ([self.index, "-o", self.p("hpnews.idx"), "--rebuild", "-q",
                     "-j", str(self.a.index_jobs), corpus],
                    ["xapian-compact", self.p("hpnews.idx"), self.p("hpnews.cidx")],
                    self.p("hpnews.idx"), self.p("hpnews.cidx"))
        raise ValueError(peer)

    def query_cmd(self, mode, queries, results=None, extra=()):
        """mode: (peer, facets, jobs, query threads; 0 = hpnews's default).
        Returns argv (for hpnews, ending in --batch: the caller appends the
        query file or -)."""
        peer, facets, jobs, qthreads = mode
        r = ["--results", results] if results else []
        f = ["--facets"] if facets else []
        if peer == "xapian":
            return [self.xapian, "search", "-d", self.p("xapian.cdb"), "-q",
                    queries + ".xapian.txt"] + f + r
        if peer == "fts5":
            return [self.fts5, "search", "-d", self.p("fts5.cdb"), "-q",
                    queries + ".fts5.tsv"] + f + r
        if peer == "lucene":
            w = ["--warmup"] if self.a.lucene_warmup else []
            return (self.java + ["search", self.p("lucene.cidx"), queries + ".lucene.tsv"] + f
                    + w + r)
        cmd = [self.search, "-d", self.p("hpnews.cidx"), "--jobs", str(jobs)]
        if qthreads:
            cmd += ["--query-threads", str(qthreads)]
        if facets:
            cmd += ["--facet", "outlet", "--facet", "year", "--facet", "topic"]
        return cmd + list(extra) + ["--batch"]


STATS = re.compile(r"(\d+) queries in ([\d.]+) s \([\d,.]+ q/s\); per query p50 ([\d.]+) ms, "
                   r"p99 ([\d.]+) ms")


def hpnews_queries(peers, mode, queries_file):
    """Runs hpnews-search --batch --stats; returns (q/s, p50 ms, p99 ms, RSS MB).

    --stats times the batch from its first line to its last answer, and each
    line from the start of its search to its JSON: the same loop timing the
    peers report, start-up and index opening excluded."""
    cmd = peers.query_cmd(mode, None) + [queries_file, "--stats"]
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = p.stderr.read().decode(errors="replace")
    _, status, ru = os.wait4(p.pid, 0)
    m = STATS.search(err)
    if not m:
        sys.exit("bench: %s printed no --stats line: %s" % (" ".join(cmd), err[-2000:]))
    n, secs, p50, p99 = int(m.group(1)), float(m.group(2)), float(m.group(3)), float(m.group(4))
    return n / max(secs, 1e-9), p50, p99, ru.ru_maxrss / 1024.0


def fmt(x, digits=0):
    if x is None:
        return "-"
    if digits == 0:
        return "{:,.0f}".format(x)
    return "{:,.{}f}".format(x, digits)


def ratio(x, base, invert=False):
    if x is None or not base:
        return "-"
    r = base / x if invert else x / base
    return "%.2fx" % r


def agreement(hp_file, xo_file):
    """Compares hpnews's faceted answers with the obvious program's."""
    same_total = same_facets = n = 0
    overlap = []
    with open(hp_file) as h, open(xo_file) as x:
        for hl, xl in zip(h, x):
            hj, xj = json.loads(hl), json.loads(xl)
            if "error" in hj or "error" in xj:
                continue
            n += 1
            same_total += hj.get("total") == xj.get("total")
            hf = {k: {e["value"]: e["count"] for e in v} for k, v in hj.get("facets", {}).items()}
            same_facets += hf == xj.get("facets")
            hid = {e["id"] for e in hj.get("hits", [])}
            xid = set(xj.get("ids", []))
            if hid or xid:
                overlap.append(len(hid & xid) / max(len(hid), len(xid)))
    return n, same_total, same_facets, (statistics.mean(overlap) if overlap else 0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", required=True)
    ap.add_argument("--build-dir", required=True)
    ap.add_argument("--hpnews-build", help="build folder of hpnews-index/-search")
    ap.add_argument("--lucene-cp", required=True)
    ap.add_argument("--corpus", required=True, help="folder of Article XML")
    ap.add_argument("--queries", required=True, help="query files prefix")
    ap.add_argument("--peers", default="xapian,fts5,lucene,hpnews")
    ap.add_argument("--build-repeat", type=int, default=3)
    ap.add_argument("--query-repeat", type=int, default=3)
    ap.add_argument("--index-jobs", type=int, default=2)
    ap.add_argument("--java-heap", default="1g")
    ap.add_argument("--lucene-warmup", action="store_true",
                    help="time Lucene's second pass over the queries (JIT warm)")
    ap.add_argument("--json", help="write the raw figures here")
    a = ap.parse_args()
    peers = Peers(a)
    names = a.peers.split(",")
    tbytes, ndocs = text_bytes(a.corpus)
    print("corpus: %s: %s articles, %.1f MB of title+body text; queries: %s"
          % (a.corpus, fmt(ndocs), tbytes / 1e6, a.queries), flush=True)

    # ---- builds, interleaved --------------------------------------------------
    builds = {n: [] for n in names}
    for r in range(a.build_repeat):
        for n in names:
            icmd, ccmd, ipath, cpath = peers.build_spec(n, a.corpus)
            for path in (ipath, cpath):
                if os.path.isdir(path):
                    shutil.rmtree(path)
                elif os.path.exists(path):
                    os.remove(path)
            subprocess.run(["sync"])
            wall, rss, _ = run(icmd)
            size = du(ipath)
            if n in ("fts5", "lucene"):  # compacted in place: compact a copy
                (shutil.copytree if os.path.isdir(ipath) else shutil.copy)(ipath, cpath)
            cwall, crss, _ = run(ccmd)
            csize = du(cpath)
            builds[n].append(dict(wall=wall, rss=rss, size=size, cwall=cwall, csize=csize))
            print("  build %d/%d %-7s %7.2f s  %6.0f MB RSS  %7.1f MB -> %7.1f MB (compact %.2f s)"
                  % (r + 1, a.build_repeat, n, wall, rss, size / 1e6, csize / 1e6, cwall),
                  flush=True)

    # ---- queries, interleaved -----------------------------------------------------
    # hpnews: one job on one core (--query-threads 1), one job with the
    # idle cores counting and ranking beside it (the default), two jobs.
    modes = []
    for n in names:
        runs = [(1, 1), (1, 0), (2, 0)] if n == "hpnews" else [(1, 0)]
        for facets in (False, True):
            for j, qt in runs:
                modes.append((n, facets, j, qt))
    nq = sum(1 for l in open(a.queries + ".xapian.txt") if l.strip())
    qruns = {m: [] for m in modes}
    for r in range(a.query_repeat):
        for m in modes:
            if m[0] == "hpnews":
                qps, p50, p99, rss = hpnews_queries(peers, m, a.queries + ".xapian.txt")
                qruns[m].append(dict(qps=qps, rss=rss, p50=p50 if m[2] == 1 else None,
                                     p99=p99 if m[2] == 1 else None))
            else:
                wall, rss, out = run(peers.query_cmd(m, a.queries), stdout="pipe")
                s = json.loads(out.strip().split("\n")[-1])
                if s["errors"]:
                    print("  warning: %s: %d query errors" % (m, s["errors"]))
                qruns[m].append(dict(qps=s["queries"] / s["seconds"], rss=rss,
                                     p50=s["p50_ms"], p99=s["p99_ms"]))
        print("  queries round %d/%d done" % (r + 1, a.query_repeat), flush=True)

    # ---- agreement with the floor --------------------------------------------------
    agree = None
    if "hpnews" in names and "xapian" in names:
        xo = os.path.join(a.work, "xapian.facets.jsonl")
        hp = os.path.join(a.work, "hpnews.facets.jsonl")
        run(peers.query_cmd(("xapian", True, 1, 0), a.queries, xo))
        with open(a.queries + ".xapian.txt", "rb") as qf, open(hp, "wb") as out:
            run(peers.query_cmd(("hpnews", True, 1, 0), None, extra=["--facet-limit", "0"]) + ["-"],
                stdin=qf, stdout=out, check=False)
        agree = agreement(hp, xo)

    # ---- table -----------------------------------------------------------------------
    med = statistics.median
    B = {}
    for n in names:
        rows = builds[n]
        B[n] = {k: med(r[k] for r in rows) for k in rows[0]}
        B[n]["aps"] = ndocs / B[n]["wall"]
        B[n]["mbs"] = tbytes / 1e6 / B[n]["wall"]
    base = B.get("xapian")
    luc = B.get("lucene")
    print()
    print("Index build (median of %d; ratios to the obvious Xapian program and to Lucene):"
          % a.build_repeat)
    hdr = ("| peer | build s | articles/s | vs xapian | vs lucene | MB/s | peak RSS MB | index MB"
           " | compacted MB | vs xapian | vs lucene | size / text |")
    print(hdr)
    print("|" + "---|" * (hdr.count("|") - 1))
    for n in names:
        b = B[n]
        print("| %s | %.2f | %s | %s | %s | %.2f | %s | %.1f | %.1f | %s | %s | %.2f |" % (
            n, b["wall"], fmt(b["aps"]), ratio(b["aps"], base and base["aps"]),
            ratio(b["aps"], luc and luc["aps"]), b["mbs"],
            fmt(b["rss"]), b["size"] / 1e6, b["csize"] / 1e6,
            ratio(b["csize"], base and base["csize"]), ratio(b["csize"], luc and luc["csize"]),
            b["csize"] / tbytes))
    Q = {}
    for m in modes:
        rows = qruns[m]
        Q[m] = dict(qps=med(r["qps"] for r in rows), rss=med(r["rss"] for r in rows))
        if rows[0]["p50"] is not None:
            Q[m]["p50"] = med(r["p50"] for r in rows)
            Q[m]["p99"] = med(r["p99"] for r in rows)
        else:
            Q[m]["p50"] = Q[m]["p99"] = None
    print()
    print("Queries (%d queries, median of %d runs; ratios to the obvious Xapian program "
          "and to Lucene in the same mode):" % (nq, a.query_repeat))
    hdr = ("| peer | mode | jobs/threads | q/s | vs xapian | vs lucene | p50 ms | p99 ms"
           " | p99 vs xapian | p99 vs lucene | RSS MB |")
    print(hdr)
    print("|" + "---|" * (hdr.count("|") - 1))
    for m in modes:
        q = Q[m]
        bq = Q.get(("xapian", m[1], 1, 0))
        lq = Q.get(("lucene", m[1], 1, 0))
        threads = "%d/%s" % (m[2], m[3] if m[3] else "default" if m[0] == "hpnews" else 1)
        print("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            m[0], "faceted" if m[1] else "top-10", threads, fmt(q["qps"]),
            ratio(q["qps"], bq and bq["qps"]), ratio(q["qps"], lq and lq["qps"]),
            fmt(q["p50"], 3), fmt(q["p99"], 3),
            ratio(q["p99"], bq and bq["p99"]) if q["p99"] else "-",
            ratio(q["p99"], lq and lq["p99"]) if q["p99"] else "-", fmt(q["rss"])))
    if agree:
        n, st, sf, ov = agree
        print()
        print("hpnews vs the obvious Xapian program, faceted answers: %d queries; same total "
              "%d (%.0f%%), same facet counts %d (%.0f%%), top-10 overlap %.0f%%"
              % (n, st, 100.0 * st / max(n, 1), sf, 100.0 * sf / max(n, 1), 100 * ov))
    if "hpnews" in names and "xapian" in names:
        hb, xb = B["hpnews"], B["xapian"]
        f1, fd, f2 = (Q[("hpnews", True, 1, 1)], Q[("hpnews", True, 1, 0)],
                      Q[("hpnews", True, 2, 0)])
        t1, td = Q[("hpnews", False, 1, 1)], Q[("hpnews", False, 1, 0)]
        xf, xt = Q[("xapian", True, 1, 0)], Q[("xapian", False, 1, 0)]
        checks = [
            ("index build >= 3x the obvious program's articles/s", hb["aps"] / xb["aps"], 3.0),
            ("index size after compaction <= 2.5x the input text", hb["csize"] / tbytes, -2.5),
            ("faceted q/s (--jobs 1, one core) >= 2x the obvious program's",
             f1["qps"] / xf["qps"], 2.0),
            ("faceted q/s (--jobs 1, idle core helping) >= 2x the obvious program's",
             fd["qps"] / xf["qps"], 2.0),
            ("top-10 q/s (--jobs 1, one core) >= the obvious program's", t1["qps"] / xt["qps"], 1.0),
            ("top-10 q/s (--jobs 1, idle core helping) >= the obvious program's",
             td["qps"] / xt["qps"], 1.0),
            ("faceted --jobs 2 >= 1.7x --jobs 1 (one core)", f2["qps"] / f1["qps"], 1.7),
        ]
        goals = [("index size after compaction <= 1x the input text", hb["csize"] / tbytes, -1.0)]
        for peer in ("fts5", "lucene"):
            if peer in names:
                goals.append(("index build >= %s's articles/s" % peer,
                              hb["aps"] / B[peer]["aps"], 1.0))
        if "lucene" in names:
            for facets, label in ((False, "top-10"), (True, "faceted")):
                lq = Q[("lucene", facets, 1, 0)]
                for qt, how in ((1, "one core"), (0, "idle core helping")):
                    hq = Q[("hpnews", facets, 1, qt)]
                    goals.append(("%s q/s (%s) >= Lucene's" % (label, how),
                                  hq["qps"] / lq["qps"], 1.0))
                    if lq["p99"] and hq["p99"]:
                        checks.append(("%s p99 (%s) no worse than Lucene's" % (label, how),
                                       hq["p99"] / lq["p99"], -1.0))
        print()
        print("hpnews against the issue's floors:")
        for label, value, floor in checks:
            ok = value <= -floor if floor < 0 else value >= floor
            print("  [%s] %s: %.2fx" % ("ok" if ok else "MISS", label, value))
        print("and its goals:")
        for label, value, goal in goals:
            ok = value <= -goal if goal < 0 else value >= goal
            print("  [%s] %s: %.2fx" % ("ok" if ok else "not yet", label, value))
    if a.json:
        with open(a.json, "w") as f:
            json.dump(dict(corpus=a.corpus, articles=ndocs, text_bytes=tbytes, builds=builds,
                           queries={"%s/%s/%d/%d" % (m[0], "facets" if m[1] else "top10",
                                                       m[2], m[3]): v
                                    for m, v in qruns.items()},
                           agreement=agree), f, indent=1)


if __name__ == "__main__":
    main()
