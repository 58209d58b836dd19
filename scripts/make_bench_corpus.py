#!/usr/bin/env python3
"""Builds a benchmark corpus of any size from real French text.

Usage (from anywhere; writes the files, prints a summary):

    python3 scripts/make_bench_corpus.py SIZE_MB OUTDIR [--shared PATH]

    python3 scripts/make_bench_corpus.py 10 /tmp/entente-bench-10mb
    # -> 3912 files, 10002345 bytes in /tmp/entente-bench-10mb

What it writes: OUTDIR/000000.txt, 000001.txt, ... plain UTF-8 articles, until
their total size reaches SIZE_MB megabytes (1 MB = 1,000,000 bytes; SIZE_MB may
be fractional, e.g. 0.5). The same arguments and the same shared folder give
byte-identical files. Files named NNNNNN.txt already in OUTDIR are removed
first, so a smaller run after a larger one leaves no stale articles; nothing
else in OUTDIR is touched.

Where the text comes from (read at run time; nothing of it is committed):

- PATH/data/ner-fr/*/conll/*.conll: French newspaper text (NewsEye CC BY 4.0,
  Europeana CC0; historical and OCR'd, see that folder's README), one
  `token<TAB>tag` per line and a blank line between sentences. Tokens are
  rejoined into running text with French spacing (no space before , . ) ... %
  or after ( and elided forms such as « l' »; hyphens glued; line-break
  hyphens « ex¬ cessif » rejoined), then grouped into articles of 2 to 5 KB:
  a headline line made of the first words, then paragraphs of 2 to 5 sentences.
- PATH/corpus/seeds/*.txt: the modern seed articles, inserted as they are,
  one after every few CoNLL articles.

When the source articles are used up, the cycle starts again from the first
one (so a 10 MB corpus repeats each source article a few times, under another
file number). PATH defaults to the folder `shared` next to the repository.
"""
import argparse
import pathlib
import random
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEED = 20240101              # fixed: same arguments -> same files
ARTICLE_MIN = 2000           # bytes of body text per CoNLL article, drawn in [MIN, MAX]
ARTICLE_MAX = 5000
SEED_EVERY = 8               # one seed article after this many CoNLL articles

NO_SPACE_BEFORE = {",", ".", ")", "]", "}", "…", "%", "'", "’", "-", "¬"}
NO_SPACE_AFTER = {"(", "[", "{", "'", "’", "-"}
ELISION = re.compile(r"^\w+['’]$")


def read_sentences(path):
    """The sentences of one CoNLL file, each a list of tokens."""
    sentences, current = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if current:
                    sentences.append(current)
                current = []
                continue
            token = line.split("\t", 1)[0].strip()
            if token:
                current.append(token)
    if current:
        sentences.append(current)
    return sentences


def join_tokens(tokens):
    """Running text from tokens, with French spacing."""
    out = []
    glue = True  # no space before the first token
    for tok in tokens:
        if out and out[-1].endswith("¬"):          # "ex¬" "cessif" -> "excessif"
            out[-1] = out[-1][:-1]
            glue = True
        if not glue and tok not in NO_SPACE_BEFORE:
            out.append(" ")
        out.append(tok)
        glue = tok in NO_SPACE_AFTER or bool(ELISION.match(tok))
    return "".join(out).strip()


def sentence_texts(shared):
    files = sorted((shared / "data" / "ner-fr").glob("*/conll/*.conll"))
    if not files:
        sys.exit(f"make_bench_corpus: no CoNLL file under {shared / 'data' / 'ner-fr'}")
    texts = []
    for path in files:
        for tokens in read_sentences(path):
            text = join_tokens(tokens)
            if sum(c.isalpha() for c in text) >= 3:   # skip lone numbers and debris
                texts.append(text)
    return texts


def headline(sentence):
    """The first 6 to 12 words of a sentence (how many depends only on the sentence)."""
    words = sentence.split()[:6 + len(sentence) % 7]
    text = " ".join(words).rstrip(",;:.!?-—( ")
    return text[:1].upper() + text[1:]


def conll_articles(texts, rng):
    """Articles (headline, blank line, paragraphs) of 2-5 KB from the sentences, in order."""
    articles, i = [], 0
    while i < len(texts):
        target = rng.randint(ARTICLE_MIN, ARTICLE_MAX)
        title = headline(texts[i])
        paragraphs, size = [], 0
        while i < len(texts) and size < target:
            n = rng.randint(2, 5)
            para = " ".join(texts[i:i + n])
            i += n
            paragraphs.append(para)
            size += len(para.encode("utf-8")) + 2
        articles.append(title + "\n\n" + "\n\n".join(paragraphs) + "\n")
    return articles


def seed_articles(shared):
    files = sorted((shared / "corpus" / "seeds").glob("*.txt"))
    if not files:
        sys.exit(f"make_bench_corpus: no seed article in {shared / 'corpus' / 'seeds'}")
    return [p.read_text(encoding="utf-8") for p in files]


def source_cycle(shared):
    """The source articles in their fixed order: SEED_EVERY CoNLL articles, one seed, ..."""
    rng = random.Random(SEED)
    conll = conll_articles(sentence_texts(shared), rng)
    seeds = seed_articles(shared)
    cycle, s = [], 0
    for k, art in enumerate(conll):
        cycle.append(art)
        if (k + 1) % SEED_EVERY == 0:
            cycle.append(seeds[s % len(seeds)])
            s += 1
    return cycle


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("size_mb", type=float, metavar="SIZE_MB", help="total size in MB (10^6 bytes)")
    ap.add_argument("outdir", type=pathlib.Path, metavar="OUTDIR")
    ap.add_argument("--shared", type=pathlib.Path, default=ROOT.parent / "shared",
                    help="the shared folder (default: %(default)s)")
    args = ap.parse_args()
    if args.size_mb <= 0:
        ap.error("SIZE_MB must be positive")
    target = int(args.size_mb * 1_000_000)

    cycle = source_cycle(args.shared)
    args.outdir.mkdir(parents=True, exist_ok=True)
    for old in args.outdir.glob("[0-9][0-9][0-9][0-9][0-9][0-9].txt"):
        old.unlink()

    total, n = 0, 0
    while total < target:
        data = cycle[n % len(cycle)].encode("utf-8")
        (args.outdir / f"{n:06d}.txt").write_bytes(data)
        total += len(data)
        n += 1
    print(f"{n} files, {total} bytes in {args.outdir}")


if __name__ == "__main__":
    main()
