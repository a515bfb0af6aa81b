#!/usr/bin/env python3
"""Converts Reuters-21578 (SGML, ../shared/data/reuters21578/) into Article XML.

For the benchmark only (bench/run): every peer indexes the same Article XML
files. Not a general SGML reader: it knows the 22 reut2-*.sgm files.

Each <REUTERS> record becomes one <article>: id = NEWID ("r<NEWID>"), title
= <TITLE> (or the first words of the text when there is none), date from
<DATE>, outlet "Reuters", topics = the record's TOPICS (<topics/> when it has
none, so extraction does not invent any), body = <BODY> split into
paragraphs where a line starts indented (UNPROC records: the raw text).
Speakers and quotes are left out, so hpnews-index runs its extraction.
PLACES are not written: Article XML has no field for them (a dateline
paragraph carries the place, as on the wire).

The files are read as Latin-1 (reut2-017.sgm is not valid UTF-8);
control-character references (&#2; &#3; &#5; ...) are dropped.

--times N writes N copies of the collection (x10 ~ 216k articles): copy k
(k >= 1) has ids "r<NEWID>-k<k>", its date moved k years later (so the year
facet has N values) and its body's sentences shuffled within each paragraph.
No two articles have the same title and body: a record whose text repeats an
earlier one (Reuters itself holds exact duplicates, and a one-sentence
brief shuffles to itself) is perturbed further by swapping two adjacent
words until it is unique, or, when a short text has no order left that is
unused, by adding a number to its last paragraph. Deterministic for --seed.
"""

import argparse
import hashlib
import html
import os
import random
import re
import sys

MONTHS = {m: i + 1 for i, m in enumerate(
    "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split())}

RECORD_RE = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.S)
ATTR_RE = re.compile(r'(\w+)="([^"]*)"')
CTRL_REF_RE = re.compile(r"&#(\d+);")
SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(])")


def tag(text, name):
    m = re.search(r"<%s\b[^>]*>(.*?)</%s>" % (name, name), text, re.S)
    return m.group(1) if m else None


def unescape(text):
    # Control-character references carry wire framing, not text.
    def ref(m):
        code = int(m.group(1))
        return "" if code < 32 else chr(code)
    text = CTRL_REF_RE.sub(ref, text)
    text = html.unescape(text)
    # Drop raw control characters other than newline/tab (XML 1.0 forbids them).
    return "".join(c for c in text if c >= " " or c in "\n\t")


def collapse(text):
    return " ".join(text.split())


def paragraphs(body):
    """Splits a wire body into paragraphs: a new one starts at an indented line."""
    paras, cur = [], []
    for line in body.split("\n"):
        if line.startswith(" ") and cur:
            paras.append(collapse(" ".join(cur)))
            cur = []
        cur.append(line)
    if cur:
        paras.append(collapse(" ".join(cur)))
    paras = [p for p in paras if p]
    # The closing signature is wire furniture.
    if paras:
        last = re.sub(r"\s*\bReuter\s*$", "", paras[-1]).strip()
        if last:
            paras[-1] = last
        else:
            paras.pop()
    return paras


def parse_date(text):
    m = re.search(r"(\d{1,2})-([A-Z]{3})-(\d{4})", text or "")
    if not m or m.group(2) not in MONTHS:
        return None
    return int(m.group(3)), MONTHS[m.group(2)], int(m.group(1))


def read_records(folder):
    files = sorted(f for f in os.listdir(folder)
                   if f.startswith("reut2-") and f.endswith(".sgm"))
    if not files:
        sys.exit("reuters2xml: no reut2-*.sgm files in %s" % folder)
    for name in files:
        with open(os.path.join(folder, name), "rb") as f:
            data = f.read().decode("latin-1")
        for m in RECORD_RE.finditer(data):
            attrs = dict(ATTR_RE.findall(m.group(1)))
            inner = m.group(2)
            topics = re.findall(r"<D>(.*?)</D>", tag(inner, "TOPICS") or "")
            text = tag(inner, "TEXT") or ""
            title = collapse(unescape(tag(text, "TITLE") or ""))
            dateline = collapse(unescape(tag(text, "DATELINE") or ""))
            body = tag(text, "BODY")
            if body is not None:
                paras = paragraphs(unescape(body))
            else:
                # BRIEF (title only) or UNPROC (untagged text).
                raw = re.sub(r"<[^>]+>.*?</[^>]+>", " ", text, flags=re.S)
                paras = paragraphs(unescape(raw))
            if dateline and paras:
                paras[0] = dateline + " " + paras[0]
            if not paras:
                paras = [title] if title else []
            if not title and paras:
                title = " ".join(paras[0].split()[:12])
            if not title or not paras:
                # One record (NEWID 12793) is empty on the wire; keep the
                # collection's 21,578 records with a stated placeholder.
                title = "Empty Reuters wire record %s" % attrs.get("NEWID", "")
                paras = ["This wire record had no text."]
            yield {
                "newid": attrs.get("NEWID", ""),
                "date": parse_date(tag(inner, "DATE")),
                # A few records repeat a topic; Article XML keeps it once.
                "topics": list(dict.fromkeys(
                    t for t in topics if re.fullmatch(r"[a-z][a-z-]*", t))),
                "title": title,
                "paras": paras,
            }


def xml_escape(text):
    return (text.replace("&", "&amp;").replace("<", "&lt;")
            .replace(">", "&gt;"))


def shuffle_sentences(paras, rng):
    out = []
    for p in paras:
        s = SENTENCE_RE.split(p)
        rng.shuffle(s)
        out.append(" ".join(s))
    return out


def swap_words(paras, rng):
    paras = list(paras)
    i = rng.randrange(len(paras))
    words = paras[i].split()
    if len(words) >= 2:
        j = rng.randrange(len(words) - 1)
        words[j], words[j + 1] = words[j + 1], words[j]
    else:
        words.append(str(rng.randrange(10 ** 6)))
    paras[i] = " ".join(words)
    return paras


def text_key(title, paras):
    h = hashlib.blake2b(digest_size=16)
    h.update(title.encode())
    for p in paras:
        h.update(b"\x00" + p.encode())
    return h.digest()


def add_years(date, k):
    if date is None:
        return None
    y, m, d = date
    if m == 2 and d == 29:
        d = 28
    return y + k, m, d


def write_article(out, aid, title, date, topics, paras):
    out.write('<article id="%s">\n' % aid)
    out.write("  <outlet>Reuters</outlet>\n")
    if date:
        out.write("  <date>%04d-%02d-%02d</date>\n" % date)
    else:
        out.write("  <date/>\n")
    out.write("  <title>%s</title>\n" % xml_escape(title))
    if topics:
        out.write("  <topics>%s</topics>\n" % "".join(
            "<topic>%s</topic>" % t for t in topics))
    else:
        out.write("  <topics/>\n")
    out.write("  <body>\n")
    for p in paras:
        out.write("    <p>%s</p>\n" % xml_escape(p))
    out.write("  </body>\n</article>\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared",
        "data", "reuters21578"))
    ap.add_argument("-o", "--out", required=True, help="output folder")
    ap.add_argument("--times", type=int, default=1, help="copies (x10 ~ 216k)")
    ap.add_argument("--per-file", type=int, default=1000,
                    help="articles per <corpus> file")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    records = list(read_records(args.source))
    os.makedirs(args.out, exist_ok=True)
    seen = set()
    perturbed = 0
    n = 0
    out = None
    nfile = 0
    for k in range(args.times):
        for r in records:
            rng = random.Random("%d/%s/%d" % (args.seed, r["newid"], k))
            paras = r["paras"] if k == 0 else shuffle_sentences(r["paras"], rng)
            key = text_key(r["title"], paras)
            tries = 0
            while key in seen:
                # A short text has few orders (two words: two), and every
                # one may be taken by earlier copies: then add a token.
                tries += 1
                paras = (swap_words(paras, rng) if tries <= 8 and paras else
                         paras[:-1] + [(paras[-1] + " " if paras else "") +
                                       str(rng.randrange(10 ** 6))])
                key = text_key(r["title"], paras)
                perturbed += 1
            seen.add(key)
            if n % args.per_file == 0:
                if out:
                    out.write("</corpus>\n")
                    out.close()
                out = open(os.path.join(args.out, "reuters-%05d.xml" % nfile),
                           "w", encoding="utf-8")
                nfile += 1
                out.write('<?xml version="1.0" encoding="UTF-8"?>\n<corpus>\n')
            aid = "r%s" % r["newid"] if k == 0 else "r%s-k%d" % (r["newid"], k)
            write_article(out, aid, r["title"], add_years(r["date"], k),
                          r["topics"], paras)
            n += 1
    if out:
        out.write("</corpus>\n")
        out.close()
    print("reuters2xml: %d articles in %d files (%d records x %d; %d "
          "perturbations to avoid duplicate texts)" %
          (n, nfile, len(records), args.times, perturbed), file=sys.stderr)


if __name__ == "__main__":
    main()
