"""Benchmark the corpus-level steps on repetitive shapes of text, and print how their time grows.

Three shapes that make pairwise text search quadratic if any step compares
every repeat with every other:

``giant``
    One article of two sentences printed R times (a scraped page list
    pasted as one article; R = 60,000 is 10 MB), a short article quoting the
    two sentences once, and the five shipped articles.
``paragraphs``
    A live blog of P distinct paragraphs (NewsMTSC sentences, two a
    paragraph), each printed three times, and a digest holding each once.
``wire``
    N near-duplicate copies of one wire story (500 words), each with its own
    dateline, some names, numbers and words changed (four by the copy's
    regional edition, shared by about 40 copies, four by the copy alone),
    from N/10 outlets; the
    pipeline's boilerplate cut-off (:func:`coverage.reuse.find.boilerplate_cutoff`)
    applies as in ``media-coverage features``.

For each shape and size it times the steps of :func:`coverage.reuse.find.find_reuse`
(tokens, seeds with boilerplate detection, chains, the echo filter, the rest
of the passage table) and :func:`coverage.keyness.keyness` by outlet, in CPU
seconds of the process (on a shared machine wall time also counts waiting
for a core; every step runs on one thread), and prints the growth exponent
of each step: the least-squares slope of log seconds against log size (1 is
linear, 2 quadratic). Run from the
repository root::

    .venv/bin/python benchmarks/bench_shapes.py                      # about 3 minutes on one core
    .venv/bin/python benchmarks/bench_shapes.py --shape giant --sizes 1000 2000 4000

A size still running after ``--timeout`` wall seconds (default 300) is
stopped and reported as such.
"""

from __future__ import annotations

import argparse
import math
import random
import signal
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_distinct import FIRST, LAST, newsmtsc_sentences

REPO = Path(__file__).resolve().parents[1]
SIZES = {"giant": [5_000, 20_000, 60_000], "paragraphs": [1_000, 2_000, 4_000], "wire": [1_000, 3_000, 10_000]}
PAIR = ("Amazon workers asked Jeff Bezos to stop selling facial recognition to the police this week. "
        "The company said it would keep working with the government on national security. ")


def giant(r: int) -> pd.DataFrame:
    from coverage import load_corpus

    shipped = load_corpus(REPO / "data")[["article_id", "outlet", "text"]]
    extra = pd.DataFrame({"article_id": ["giant", "quote"], "outlet": ["Scraper", "Quoter"],
                          "text": [PAIR * r, f"He said: “{PAIR.strip()}” That was all."]})
    return pd.concat([shipped, extra], ignore_index=True)


def paragraphs(p: int, *, seed: int = 0) -> pd.DataFrame:
    rng = random.Random(seed)
    sentences = [text for text, _ in newsmtsc_sentences([REPO / "data"])]
    paras = [" ".join(sentences[2 * k:2 * k + 2]) for k in range(p)]
    blog = paras * 3
    rng.shuffle(blog)
    digest = list(paras)
    rng.shuffle(digest)
    return pd.DataFrame({"article_id": ["blog", "digest"], "outlet": ["Live", "Digest"],
                         "text": ["\n\n".join(blog), "\n\n".join(digest)]})


def wire(n: int, *, seed: int = 0) -> pd.DataFrame:
    rng = random.Random(seed)
    sentences = [text for text, _ in newsmtsc_sentences([REPO / "data"])][:25]
    rows = []
    editions = max(n // 40, 1)
    for k in range(n):
        words = " ".join(sentences).split()
        # Edits of one of n/40 regional editions (shared by about 40 copies: under the cut-off), then the
        # copy's own: names, numbers and words an editor changes.
        for edits in (random.Random(f"{seed}-{k % editions}"), rng):
            for _ in range(4):
                at = edits.randrange(len(words))
                words[at] = edits.choice([edits.choice(LAST), str(edits.randrange(1000)),
                                          edits.choice(["also", "reportedly"])])
        city = rng.choice(["LONDON", "PARIS", "NEW YORK", "SEATTLE", "BERLIN"])
        rows.append({"article_id": f"wire-{k:05d}", "outlet": f"Outlet {k % max(n // 10, 2)}",
                     "text": f"{city} ({rng.choice(FIRST)} {rng.choice(LAST)}) - " + " ".join(words)})
    return pd.DataFrame(rows)


SHAPES = {"giant": giant, "paragraphs": paragraphs, "wire": wire}


def _clock() -> float:
    return time.process_time()


class _Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise _Timeout


def measure(corpus: pd.DataFrame, *, cutoff: int | None, timeout: int) -> dict:
    """Seconds of each step of text reuse and of keyness on ``corpus``."""
    import numpy as np

    from coverage.reuse import align as reuse_align
    from coverage.reuse import seeds as reuse_seeds
    from coverage.measures.keyness import keyness
    from coverage.reuse.find import _quotations

    times: dict[str, float] = {}
    texts = corpus["text"].tolist()
    ids = corpus["article_id"].tolist()
    wrapped = {}
    for module, name, label in ((reuse_align, "_not_echoes", "echo filter"),
                                (reuse_seeds, "_articles_per_code", "boilerplate detection")):
        if hasattr(module, name):  # an older kit may not have it
            original = getattr(module, name)
            wrapped[module, name] = original

            def timed(*args, _f=original, _label=label, **kwargs):
                start = _clock()
                try:
                    return _f(*args, **kwargs)
                finally:
                    times[_label] = times.get(_label, 0.0) + _clock() - start
            setattr(module, name, timed)
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(timeout)
    try:
        start = _clock()
        words = reuse_seeds.Tokens(texts, _quotations(texts, np.arange(len(texts)), None))
        times["tokens"] = _clock() - start
        start = _clock()
        seeds = reuse_seeds.seed_table(words, n=5, max_articles=cutoff)[0]
        times["seeds"] = _clock() - start
        start = _clock()
        chains = reuse_align.chain_table(words, seeds, n=5, max_gap=3)
        times["chains"] = _clock() - start
        start = _clock()
        times["passages found"] = len(reuse_align.passage_table(words, chains, ids, n=5, min_words=8))
        times["passage table"] = _clock() - start
        start = _clock()
        keyness(corpus)
        times["keyness"] = _clock() - start
    except _Timeout:
        times["stopped"] = timeout
    finally:
        signal.alarm(0)
        for (module, name), original in wrapped.items():
            setattr(module, name, original)
    for whole, part in (("passage table", "echo filter"), ("seeds", "boilerplate detection")):
        if whole in times and part in times:  # each step on its own
            times[whole] -= times[part]
    return times


def slope(sizes: list[int], seconds: list[float]) -> float:
    x = [math.log(s) for s in sizes]
    y = [math.log(max(t, 1e-4)) for t in seconds]
    mx, my = sum(x) / len(x), sum(y) / len(y)
    return sum((a - mx) * (b - my) for a, b in zip(x, y)) / sum((a - mx) ** 2 for a in x)


STEPS = ["tokens", "boilerplate detection", "seeds", "chains", "echo filter", "passage table", "keyness"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shape", choices=list(SHAPES), action="append", default=None)
    parser.add_argument("--sizes", type=int, nargs="+", default=None, help="sizes of every shape chosen")
    parser.add_argument("--timeout", type=int, default=300, help="seconds before a size is stopped (default 300)")
    args = parser.parse_args(argv)
    from coverage import __file__ as kit
    from coverage.reuse.find import boilerplate_cutoff

    print(f"kit: {Path(kit).parent}; CPU seconds per step")
    for shape in args.shape or list(SHAPES):
        sizes = args.sizes or SIZES[shape]
        results = []
        for size in sizes:
            corpus = SHAPES[shape](size)
            cutoff = boilerplate_cutoff(len(corpus)) if shape == "wire" else None
            got = measure(corpus, cutoff=cutoff, timeout=args.timeout)
            mb = corpus["text"].str.len().sum() / 1e6
            results.append(got)
            cells = "  ".join(f"{step} {got[step]:.2f}" for step in STEPS if step in got)
            stopped = f"  STOPPED after {got['stopped']} s" if "stopped" in got else ""
            print(f"{shape} {size:>7,} ({mb:5.1f} MB, {len(corpus):,} articles): {cells}"
                  f"  [{got.get('passages found', '?')} passages]{stopped}", flush=True)
        done = [(s, r) for s, r in zip(sizes, results) if "stopped" not in r]
        if len(done) >= 2:
            exps = "  ".join(f"{step} {slope([s for s, _ in done], [r[step] for _, r in done]):.2f}"
                             for step in STEPS if all(step in r for _, r in done))
            total = slope([s for s, _ in done], [sum(r[k] for k in STEPS if k in r) for _, r in done])
            print(f"{shape} exponents: {exps}  | all steps {total:.2f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
