"""Write N realistic synthetic articles for benchmarks, deterministic by seed.

Paragraphs are drawn from the clean text of real articles (the shipped ones,
plus any other data folders given) and recombined; outlets and dates vary.
The result is a data folder the kit reads like any other:

    python benchmarks/generate.py 1000 /tmp/bench-1000 [--source data] [--seed 0] [--format csv|files]
        [--outlets 52] [--undated 0.3]

With ``--outlets N`` the articles come from N outlets (the named ones, then
"Outlet 13", ...), a few large and many with one article, as real coverage
is; each outlet gets a ``group`` (kind of outlet) and a ``lean``, written to
``outlets.csv`` beside ``raw/``. ``--undated F`` leaves that share of the
rows without a date.
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


GROUPS = ["tech press", "business press", "national press", "partisan sites", "local TV", "wire copies"]
LEANS = ["left", "centre", "right"]


def outlet_names(n: int) -> list[str]:
    """The first ``n`` outlet names: the named ones, then "Outlet 13", "Outlet 14", ..."""
    return (OUTLETS + [f"Outlet {i + 1}" for i in range(len(OUTLETS), n)])[:n]


def outlet_table(n: int, *, seed: int = 0) -> pd.DataFrame:
    """A ``group`` and ``lean`` for each of ``n`` outlets (the rows of an ``outlets.csv``)."""
    rng = random.Random(seed)
    names = outlet_names(n)
    return pd.DataFrame({"outlet": names, "group": [GROUPS[i % len(GROUPS)] for i in range(n)],
                         "lean": [rng.choice(LEANS) for _ in names]})


def generate(n: int, *, sources: list[Path], seed: int = 0, min_paras: int = 6, max_paras: int = 18,
             outlets: int | None = None, undated: float = 0.0) -> pd.DataFrame:
    """Return a table of ``n`` synthetic articles (text, outlet, published, title, article_id).

    With ``outlets``, every one of that many outlets has at least one
    article when ``n`` allows, and the rest go to the first few (a long
    tail, as in real coverage); ``undated`` is the share of rows whose
    ``published`` is left empty.
    """
    rng = random.Random(seed)
    headlines, paragraphs = paragraphs_from(sources)
    start = date(2018, 6, 1)
    names = outlet_names(outlets) if outlets else OUTLETS
    rows = []
    for i in range(n):
        headline = rng.choice(headlines)
        body = rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(min_paras, max_paras)))
        if outlets:  # one article each first, then the first five outlets share the rest
            outlet = names[i] if i < len(names) else names[rng.randrange(min(5, len(names)))]
        else:
            outlet = rng.choice(OUTLETS)
        day = (start + timedelta(days=rng.randrange(214))).isoformat()
        rows.append({
            "article_id": f"synthetic-{i:06d}",
            "outlet": outlet,
            "published": "" if undated and rng.random() < undated else day,
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
        date_line = f"published: {row.published}\n" if row.published else ""
        header = f"---\narticle_id: {row.article_id}\noutlet: {row.outlet}\n{date_line}---\n"
        (raw / f"{row.article_id}.md").write_text(header + row.text + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--source", type=Path, action="append", default=None)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--format", choices=["csv", "files"], default="csv")
    parser.add_argument("--outlets", type=int, default=None, help="number of outlets; also writes outlets.csv")
    parser.add_argument("--undated", type=float, default=0.0, help="share of rows without a date")
    args = parser.parse_args(argv)
    table = generate(args.n, sources=args.source or [Path("data")], seed=args.seed, outlets=args.outlets,
                     undated=args.undated)
    write(table, args.out, fmt=args.format)
    if args.outlets:
        outlet_table(args.outlets, seed=args.seed).to_csv(args.out / "outlets.csv", index=False)
    mb = table["text"].str.len().sum() / 1e6
    print(f"wrote {len(table)} articles ({mb:.1f} MB of text) to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
