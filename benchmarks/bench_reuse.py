"""Benchmark :func:`coverage.reuse.find.find_reuse` on a synthetic corpus of 1,000 articles.

Each synthetic article recombines 4-8 paragraphs of the five shipped
articles, chosen deterministically from ``--seed``. A paragraph is copied
verbatim (lightly edited: case, quote marks, one changed word) with
probability ``--copy``; otherwise its words are shuffled, which keeps the
vocabulary and length of news text but breaks every shared word sequence.
So only some pairs share passages, as in a real corpus, and the index should
compare those pairs only.

Run from the repository root::

    .venv/bin/python benchmarks/bench_reuse.py            # 1,000 articles
    .venv/bin/python benchmarks/bench_reuse.py -n 200 --copy 0.3

It prints the seconds taken, the pairs aligned versus the pairs possible and
the passages found. The target is well under a minute for 1,000 articles on
two cores.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import pandas as pd

from coverage.io.corpus import load_corpus
from coverage.reuse.find import find_reuse

DATA = Path(__file__).resolve().parents[1] / "data"


def synthetic_corpus(n_articles: int, *, copy: float, seed: int, data_dir: Path = DATA) -> pd.DataFrame:
    """Return a corpus table (``article_id``, ``text``) of recombined paragraphs."""
    corpus = load_corpus(data_dir)
    paragraphs = [p for text in corpus["text"] for p in text.split("\n\n") if len(p.split()) >= 8]
    rng = np.random.default_rng(seed)
    texts = []
    for _ in range(n_articles):
        picked = rng.choice(len(paragraphs), size=rng.integers(4, 9), replace=False)
        parts = []
        for k in picked:
            words = paragraphs[k].split()
            if rng.random() < copy:
                parts.append(_edit(words, rng))
            else:
                parts.append(" ".join(rng.permutation(words)))
        texts.append("\n\n".join(parts))
    return pd.DataFrame({"article_id": [f"syn{i:04d}" for i in range(n_articles)], "text": texts})


def _edit(words: list[str], rng: np.random.Generator) -> str:
    # The light edits copy-editors make: one word changed, case, quote style.
    words = list(words)
    words[rng.integers(len(words))] = "changed"
    text = " ".join(words)
    if rng.random() < 0.5:
        text = text.replace("“", '"').replace("”", '"')
    return text.lower() if rng.random() < 0.2 else text


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--articles", type=int, default=1000)
    parser.add_argument("--copy", type=float, default=0.15, help="chance a paragraph is copied (default 0.15)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    corpus = synthetic_corpus(args.articles, copy=args.copy, seed=args.seed)
    n_words = int(corpus["text"].str.split().str.len().sum())
    start = time.perf_counter()
    passages = find_reuse(corpus)
    seconds = time.perf_counter() - start
    attrs = passages.attrs
    print(f"articles: {len(corpus):,} ({n_words:,} words)")
    print(f"seconds: {seconds:.2f}")
    print(f"pairs compared: {attrs['pairs_compared']:,} of {attrs['pairs_possible']:,} possible "
          f"({attrs['pairs_compared'] / max(attrs['pairs_possible'], 1):.1%})")
    print(f"passages found: {len(passages):,} in {passages.groupby(['article_id_a', 'article_id_b']).ngroups:,} pairs")


if __name__ == "__main__":
    main()
