#!/usr/bin/env python3
"""Generates a benchmark query set from an Article XML corpus.

For the benchmark (bench/run) only. Mixed queries drawn from the corpus's
own vocabulary and metadata, deterministic for --seed:

  term    one word                       cocoa
  or      2-3 words, OR                  cocoa OR sugar OR coffee
  and     2 words, AND                   bank AND rates
  phrase  2-3 adjacent words of a text   "interest rates"
  field   a word and an outlet: or topic: filter
  date    a word and a date range of 1 week to 1 year

Words are drawn with probability proportional to sqrt(document frequency)
among words of 3+ letters that are no stop words and occur in 2+ sampled
articles: mostly mid-frequency words, some very common, some rare, as in
query logs. Phrases are taken from a sampled article's text.

Writes three files with the same queries, one per line, in each engine's
syntax:
  PREFIX.xapian.txt   Xapian QueryParser syntax, as hpnews-search --batch
                      and bench/xapian_obvious.cc read it (outlet:, topic:,
                      date:YYYY-MM-DD..YYYY-MM-DD)
  PREFIX.fts5.tsv     FTS5 MATCH expression TAB filters
  PREFIX.lucene.tsv   Lucene QueryParser text TAB filters
where filters are '|'-separated outlet=NAME, topic=ID,
date=YYYYMMDD..YYYYMMDD.
"""

import argparse
import collections
import datetime
import math
import os
import random
import re
import sys
import xml.etree.ElementTree as ET

# Lucene's StandardAnalyzer stop set plus the query languages' operators:
# a word one engine drops would make the engines answer different queries.
STOP = set("""a an and are as at be but by for if in into is it no not of on or
such that the their then there these they this to was will with near adj
from has have had been were which would its his her he she we you our your
said says also more than after about over new one two may can all who what
""".split())
WORD = re.compile(r"[A-Za-z]+|[^A-Za-z\s]")


def articles(folder, limit, rng):
    files = []
    for dirpath, _, names in os.walk(folder):
        files += [os.path.join(dirpath, n) for n in names if n.endswith(".xml")]
    files.sort()
    rng.shuffle(files)
    n = 0
    for path in files:
        for _, el in ET.iterparse(path):
            if el.tag != "article":
                continue
            body = el.find("body")
            text = "\n".join("".join(p.itertext()) for p in body.iter("p")) if body is not None else ""
            yield {
                "title": el.findtext("title") or "",
                "text": text,
                "outlet": el.findtext("outlet") or "",
                "date": el.findtext("date") or "",
                "topics": [t.text for t in el.iter("topic") if t.text],
            }
            el.clear()
            n += 1
            if n >= limit:
                return


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", help="folder of Article XML files")
    ap.add_argument("-n", "--queries", type=int, default=1000)
    ap.add_argument("-o", "--out", required=True, help="output prefix")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--sample", type=int, default=20000,
                    help="articles read for the vocabulary")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    df = collections.Counter()
    outlets = collections.Counter()
    topics = collections.Counter()
    dates = []
    texts = []
    for a in articles(args.corpus, args.sample, rng):
        words = {w.lower() for w in re.findall(r"[A-Za-z]+", a["title"] + " " + a["text"])}
        df.update(w for w in words if len(w) >= 3 and w not in STOP)
        if a["outlet"]:
            outlets[a["outlet"]] += 1
        topics.update(a["topics"])
        try:
            dates.append(datetime.date.fromisoformat(a["date"]))
        except ValueError:
            pass
        if len(texts) < 5000:
            texts.append(a["text"])
    vocab = sorted(w for w, c in df.items() if c >= 2)
    if len(vocab) < 10:
        sys.exit("make_queries: too few words in %s" % args.corpus)
    weights = [math.sqrt(df[w]) for w in vocab]
    outlet_list = sorted(outlets)
    topic_list = sorted(topics)

    def word():
        return rng.choices(vocab, weights)[0]

    def phrase():
        for _ in range(100):
            toks = WORD.findall(rng.choice(texts))
            if len(toks) < 3:
                continue
            n = rng.choice([2, 2, 3])
            i = rng.randrange(len(toks) - n + 1)
            ws = [t.lower() for t in toks[i:i + n]]
            if all(re.fullmatch(r"[a-z]{2,}", w) and w not in STOP for w in ws):
                return ws
        return [word(), word()]

    kinds = ["term", "or", "and", "phrase", "field", "date"]
    kind_w = [25, 15, 20, 15, 15, 10]
    xap, fts, luc = [], [], []
    for _ in range(args.queries):
        kind = rng.choices(kinds, kind_w)[0]
        filters = []
        xfilter = ""
        if kind in ("term", "field", "date"):
            ws = [word()]
            xq, fq, lq = ws[0], '"%s"' % ws[0], ws[0]
        elif kind == "or":
            ws = [word() for _ in range(rng.choice([2, 3]))]
            xq = " OR ".join(ws)
            fq = " OR ".join('"%s"' % w for w in ws)
            lq = " OR ".join(ws)
        elif kind == "and":
            ws = [word(), word()]
            xq = " AND ".join(ws)
            fq = " AND ".join('"%s"' % w for w in ws)
            lq = " AND ".join(ws)
        else:
            ws = phrase()
            xq = fq = lq = '"%s"' % " ".join(ws)
        if kind == "field":
            if topic_list and (not outlet_list or rng.random() < 0.5):
                t = rng.choices(topic_list, [math.sqrt(topics[t]) for t in topic_list])[0]
                xfilter = " topic:%s" % t
                filters.append("topic=%s" % t)
            elif outlet_list:
                o = rng.choices(outlet_list, [math.sqrt(outlets[o]) for o in outlet_list])[0]
                lo = o.lower()
                xfilter = (' outlet:"%s"' % lo) if " " in lo else " outlet:%s" % lo
                filters.append("outlet=%s" % o)
        elif kind == "date" and dates:
            start = rng.choice(dates)
            end = start + datetime.timedelta(days=rng.choice([7, 30, 91, 365]))
            xfilter = " date:%s..%s" % (start.isoformat(), end.isoformat())
            filters.append("date=%s..%s" % (start.strftime("%Y%m%d"), end.strftime("%Y%m%d")))
        if xfilter and kind != "phrase" and " " in xq:
            xq = "(%s)" % xq
        xap.append(xq + xfilter)
        fts.append(fq + "\t" + "|".join(filters))
        luc.append(lq + "\t" + "|".join(filters))
    for suffix, lines in ((".xapian.txt", xap), (".fts5.tsv", fts), (".lucene.tsv", luc)):
        with open(args.out + suffix, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
    print("make_queries: %d queries from %d words (%d outlets, %d topics) -> %s.*"
          % (args.queries, len(vocab), len(outlet_list), len(topic_list), args.out),
          file=sys.stderr)


if __name__ == "__main__":
    main()
