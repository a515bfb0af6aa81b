#!/usr/bin/env python3
"""Generates N benchmark articles in Article XML from real text.

For the benchmark (bench/run) only. It samples, from a source corpus of real
articles, the things whose statistics matter to an index: sentences (so term
frequencies, document lengths and phrases are realistic), titles, speakers'
names (found in the text by "NAME said" / "said NAME"), outlets (corpus/
outlets.tsv and the source's own sites), dates (the source's own) and topics
(corpus/topics.tsv, skewed: a few topics are common, most are rare).

Sources (--source, repeatable; default: the BBC News and FakeHealth folders
under ../shared/data, falling back to corpus/articles): folders of .txt files
(headline on the first line), .json files with title/text/url/publish_date
(FakeHealth), and Article XML files. A quarter of the paragraphs are quotes
("'...,' said NAME."), so hpnews's speaker extraction has work to do;
<speakers> and <quotes> are left out for the same reason, while outlet, date
and topics are given explicitly so every peer facets the same values.

Deterministic for --seed. No duplicated documents: ids are unique and no two
articles have the same title and body (a collision is re-drawn).
"""

import argparse
import datetime
import hashlib
import json
import os
import random
import re
import sys
import urllib.parse
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "data")

SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"'\u2019\u201d]?\s+(?=[A-Z\"'\u2018\u201c])")
NAME = r"([A-Z][a-z]+(?: [A-Z][a-z]+){1,2})"
SAID_NAME = re.compile(r"\bsaid " + NAME)
NAME_SAID = re.compile(NAME + r" (?:said|says|told|added|warned)\b")
NOT_NAMES = {"The", "This", "That", "But", "And", "In", "It", "He", "She", "They",
             "We", "Mr", "Mrs", "Ms", "Dr", "Prof", "Sir", "Lord", "New", "On"}


def read_text(path):
    data = open(path, "rb").read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


class Pool:
    def __init__(self):
        self.sentences = set()
        self.titles = set()
        self.names = {}
        self.outlets = {}
        self.dates = []

    def add_text(self, text):
        for para in re.split(r"\n\s*\n|\n", text):
            para = " ".join(para.split())
            for s in SENTENCE_SPLIT.split(para):
                n = len(s.split())
                if 5 <= n <= 60 and s[-1:] in ".!?\"'\u2019\u201d":
                    self.sentences.add(s)
            for rx in (SAID_NAME, NAME_SAID):
                for m in rx.finditer(para):
                    name = m.group(1)
                    if name.split()[0] not in NOT_NAMES:
                        self.names[name] = self.names.get(name, 0) + 1

    def add_title(self, title):
        title = " ".join(title.split())
        if 2 <= len(title.split()) <= 20:
            self.titles.add(title)

    def add_outlet(self, name):
        if name:
            self.outlets[name] = self.outlets.get(name, 0) + 1


def load_source(path, pool):
    for dirpath, _, files in os.walk(path):
        for f in sorted(files):
            p = os.path.join(dirpath, f)
            if f.endswith(".txt") and f.upper() != "README.TXT":
                lines = read_text(p).split("\n")
                pool.add_title(lines[0])
                pool.add_text("\n".join(lines[1:]))
            elif f.endswith(".json"):
                try:
                    obj = json.loads(read_text(p))
                except ValueError:
                    continue
                if not isinstance(obj, dict):
                    continue
                pool.add_title(str(obj.get("title") or ""))
                pool.add_text(str(obj.get("text") or ""))
                url = str(obj.get("url") or "")
                m = re.search(r"https?://(?:www\.)?([^/]+)", url.split("/http")[-1]
                              if "web.archive.org" in url else url)
                if m:
                    pool.add_outlet(m.group(1).lower())
                ts = obj.get("publish_date")
                if isinstance(ts, (int, float)) and ts > 0:
                    d = datetime.datetime.utcfromtimestamp(ts).date()
                    if 1990 <= d.year <= 2030:
                        pool.dates.append(d)
            elif f.endswith(".xml"):
                try:
                    root = ET.parse(p).getroot()
                except ET.ParseError:
                    continue
                arts = [root] if root.tag == "article" else root.findall("article")
                for a in arts:
                    pool.add_title("".join(a.findtext("title") or ""))
                    body = a.find("body")
                    if body is not None:
                        pool.add_text("\n".join("".join(p_.itertext())
                                                for p_ in body.iter("p")))
                    pool.add_outlet(a.findtext("outlet") or "")
                    try:
                        pool.dates.append(datetime.date.fromisoformat(
                            a.findtext("date") or ""))
                    except ValueError:
                        pass


def taxonomy():
    topics, outlets = [], []
    with open(os.path.join(ROOT, "corpus", "topics.tsv"), encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3 and parts[1] == "label":
                topics.append(parts[0])
    with open(os.path.join(ROOT, "corpus", "outlets.tsv"), encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 3 and not line.startswith("#") and parts[0] not in outlets:
                outlets.append(parts[0])
    return topics, outlets


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", "--articles", type=int, required=True)
    ap.add_argument("-o", "--out", required=True, help="output folder")
    ap.add_argument("--source", action="append", help="source corpus folder")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per-file", type=int, default=1000)
    args = ap.parse_args()

    sources = args.source or [p for p in (os.path.join(SHARED, "bbc-news"),
                                          os.path.join(SHARED, "fakehealth"))
                              if os.path.isdir(p)] or [os.path.join(ROOT, "corpus", "articles")]
    pool = Pool()
    for s in sources:
        load_source(s, pool)
    topics, outlets = taxonomy()
    sentences = sorted(pool.sentences)
    titles = sorted(pool.titles) or sentences
    names = sorted(n for n, c in pool.names.items())
    # Outlets: the taxonomy's (common) then the source's sites (long tail).
    site_outlets = sorted(pool.outlets, key=lambda o: (-pool.outlets[o], o))[:200]
    all_outlets = outlets + [o for o in site_outlets if o not in outlets]
    outlet_w = [1.0 / (i + 1) for i in range(len(all_outlets))]
    topic_w = [1.0 / (i + 1) ** 0.8 for i in range(len(topics))]
    dates = sorted(pool.dates) or [datetime.date(2004, 1, 1) + datetime.timedelta(days=i)
                                   for i in range(0, 5000, 7)]
    if len(sentences) < 100:
        sys.exit("make_corpus: too few sentences in %s" % sources)
    print("make_corpus: %d sentences, %d titles, %d names, %d outlets, %d dates from %s"
          % (len(sentences), len(titles), len(names), len(all_outlets), len(dates),
             ", ".join(sources)), file=sys.stderr)

    rng = random.Random(args.seed)
    rng.shuffle(topics)  # which topics are common depends on the seed
    os.makedirs(args.out, exist_ok=True)
    seen = set()
    out = None
    nfile = 0
    quote_forms = ["\u2018%s\u2019 said %s.", "%s said: \u2018%s\u2019",
                   "\u201c%s\u201d, %s told reporters."]
    for n in range(args.articles):
        while True:
            title = rng.choice(titles)
            paras = []
            for _ in range(rng.randint(3, 18)):
                body = " ".join(rng.choice(sentences) for _ in range(rng.randint(1, 4)))
                if names and rng.random() < 0.25:
                    form = rng.randrange(len(quote_forms))
                    name = rng.choice(names)
                    body = (quote_forms[form] % (name, body) if form == 1
                            else quote_forms[form] % (body.rstrip("."), name))
                paras.append(body)
            h = hashlib.blake2b(("\x00".join([title] + paras)).encode(), digest_size=16).digest()
            if h not in seen:
                seen.add(h)
                break
        outlet = rng.choices(all_outlets, outlet_w)[0] if rng.random() < 0.9 else None
        date = rng.choice(dates) + datetime.timedelta(days=rng.randint(-30, 30))
        k = min(len(topics), rng.choices([0, 1, 2, 3], [25, 45, 20, 10])[0])
        arts_topics = sorted(set(rng.choices(topics, topic_w, k=k))) if k else []
        if n % args.per_file == 0:
            if out:
                out.write("</corpus>\n")
                out.close()
            out = open(os.path.join(args.out, "gen-%05d.xml" % nfile), "w", encoding="utf-8")
            nfile += 1
            out.write('<?xml version="1.0" encoding="UTF-8"?>\n<corpus>\n')
        out.write('<article id="g%d-%d">\n' % (args.seed, n))
        out.write("  <outlet>%s</outlet>\n" % esc(outlet) if outlet else "  <outlet/>\n")
        out.write("  <date>%s</date>\n" % date.isoformat())
        out.write("  <title>%s</title>\n" % esc(title))
        out.write("  <topics>%s</topics>\n" % "".join("<topic>%s</topic>" % t
                                                      for t in arts_topics)
                  if arts_topics else "  <topics/>\n")
        out.write("  <body>\n%s  </body>\n</article>\n"
                  % "".join("    <p>%s</p>\n" % esc(p) for p in paras))
    if out:
        out.write("</corpus>\n")
        out.close()
    print("make_corpus: %d articles in %d files" % (args.articles, nfile), file=sys.stderr)


if __name__ == "__main__":
    main()
