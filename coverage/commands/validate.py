"""``media-coverage validate``: check every file and print a corpus summary."""

from __future__ import annotations

import pandas as pd

from coverage.commands._common import add_data_option
from coverage.io.corpus import load_corpus, removed_lines

__all__ = ["add_parser", "summary"]


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("validate", help="check every article and print a corpus summary")
    add_data_option(parser)
    parser.set_defaults(run=_run)


def summary(corpus: pd.DataFrame) -> str:
    """Return a short text summary of the corpus: articles per outlet, dates, words.

    Examples
    --------
    >>> corpus = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "X"],
    ...     "published": pd.to_datetime(["2018-06-22", "2018-11-05"]),
    ...     "date_estimated": [True, False], "n_words": [400, 600]})
    >>> print(summary(corpus))
    2 articles from 1 outlet, 2018-06-22 to 2018-11-05 (1 date estimated), 1,000 words
      X: 2 articles, 1,000 words
    >>> print(summary(corpus.assign(published=pd.to_datetime(["2018-06-22", None]))).splitlines()[0])
    2 articles from 1 outlet, 2018-06-22 to 2018-06-22 (1 date estimated, 1 undated), 1,000 words
    """
    n, outlets = len(corpus), corpus["outlet"].nunique()
    first, last = corpus["published"].min(), corpus["published"].max()
    n_est = int(corpus["date_estimated"].sum())
    undated = int(corpus["published"].isna().sum())
    span = f"{first:%Y-%m-%d} to {last:%Y-%m-%d}" if undated < n else "no dates"
    notes = f"{n_est} date{'s' * (n_est != 1)} estimated" + (f", {undated} undated" if undated else "")
    lines = [
        f"{n} article{'s' * (n != 1)} from {outlets} outlet{'s' * (outlets != 1)}, "
        f"{span} ({notes}), {int(corpus['n_words'].sum()):,} words"
    ]
    per_outlet = corpus.groupby("outlet")["n_words"].agg(["size", "sum"])
    for outlet, (count, words) in per_outlet.iterrows():
        lines.append(f"  {outlet}: {count} article{'s' * (count != 1)}, {words:,} words")
    return "\n".join(lines)


def _run(args) -> int:
    corpus = load_corpus(args.data)
    removed = removed_lines(corpus)
    print(summary(corpus))
    print(f"cleaning removed {len(removed)} lines of site chrome "
          f"(see data/processed/removed_lines.csv after `media-coverage features`)")
    print("all files OK")
    return 0
