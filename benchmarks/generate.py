"""Write N realistic synthetic articles for benchmarks, deterministic by seed.

Paragraphs are drawn from the clean text of real articles (the shipped ones,
plus any other data folders given) and recombined; outlets and dates vary.
The result is a data folder the kit reads like any other:

    python benchmarks/generate.py 1000 /tmp/bench-1000 [--source data] [--seed 0] [--format csv|files]
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from coverage import load_corpus

OUTLETS = ["Recode", "Forbes", "Business Insider", "Packt Hub", "Tech Observer", "The Verge",
           "Wired", "Gizmodo", "The Hill", "BuzzFeed News", "GeekWire", "TechCrunch"]


def paragraphs_from(sources: list[Path]) -> tuple[list[str], list[str]]:
    """Return (headlines, body paragraphs) of every article in the data folders."""
    headlines, paragraphs = [], []
    for source in sources:
        corpus = load_corpus(source)
        headlines += [h for h in corpus["headline"] if h]
        for text, start in zip(corpus["text"], corpus["body_start"]):
            paragraphs += text[start:].split("\n\n")
    return headlines, paragraphs


def generate(n: int, *, sources: list[Path], seed: int = 0, min_paras: int = 6, max_paras: int = 18) -> pd.DataFrame:
    """Return a table of ``n`` synthetic articles (text, outlet, published, title, article_id)."""
    rng = random.Random(seed)
    headlines, paragraphs = paragraphs_from(sources)
    start = date(2018, 6, 1)
    rows = []
    for i in range(n):
        headline = rng.choice(headlines)
        body = rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(min_paras, max_paras)))
        rows.append({
            "article_id": f"synthetic-{i:06d}",
            "outlet": rng.choice(OUTLETS),
            "published": (start + timedelta(days=rng.randrange(214))).isoformat(),
            "title": headline,
            "text": "\n\n".join([headline, *body]),
        })
    return pd.DataFrame(rows)


def write(table: pd.DataFrame, out: Path, *, fmt: str = "csv") -> None:
    """Write ``table`` as a data folder: one CSV, or one front-matter file per article."""
    raw = out / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        table.to_csv(raw / "synthetic.csv", index=False)
        return
    for row in table.itertuples(index=False):
        header = f"---\narticle_id: {row.article_id}\noutlet: {row.outlet}\npublished: {row.published}\n---\n"
        (raw / f"{row.article_id}.md").write_text(header + row.text + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--source", type=Path, action="append", default=None)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--format", choices=["csv", "files"], default="csv")
    args = parser.parse_args(argv)
    table = generate(args.n, sources=args.source or [Path("data")], seed=args.seed)
    write(table, args.out, fmt=args.format)
    mb = table["text"].str.len().sum() / 1e6
    print(f"wrote {len(table)} articles ({mb:.1f} MB of text) to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
