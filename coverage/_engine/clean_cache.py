"""Clean every article of a corpus, reusing what an earlier run cleaned.

Cleaning is per article except for one rule: short lines repeated across
three or more articles are boilerplate (:func:`coverage.io.cleaning.repeated_lines`).
So the result for an article depends on its raw text, its title and which
of its own short lines the whole corpus repeats. :func:`clean_articles`
stores, per article, those short lines (its *labels*), the repeated ones it
was cleaned with, and the clean result, in ``clean.parquet`` of a cache
folder. A re-run reads the labels of unchanged articles instead of reading
their lines again, recounts the repeated lines over the corpus (cheap), and
cleans again only the articles that are new, changed, or whose repeated
lines changed. The result is identical to cleaning everything anew (a test
checks this); deleting the file is always safe.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from coverage.io.write import atomic_write
from coverage._engine.cache import kit_fingerprint
from coverage.io import cleaning

__all__ = ["clean_articles"]

_FILE = "clean.parquet"


def clean_articles(raw: Sequence[str], titles: Sequence[str], *, cache_dir: str | Path | None = None) -> pd.DataFrame:
    """:func:`coverage.io.cleaning.clean_articles`, reusing the articles cleaned in ``cache_dir``.

    Without ``cache_dir`` everything is cleaned anew and nothing is stored.
    The result is the same either way.
    """
    if len(raw) != len(titles) or cache_dir is None:
        return cleaning.clean_articles(raw, titles)
    base = kit_fingerprint()
    keys = [hashlib.sha256(f"{base}\0{title}\0{text}".encode()).hexdigest() for text, title in zip(raw, titles)]
    cached = _read(Path(cache_dir))
    labels = [cached[k]["labels"] if k in cached else cleaning.short_labels(text) for k, text in zip(keys, raw)]
    boilerplate = cleaning.corpus_boilerplate(labels)
    rows, changed = [], False
    for key, text, title, own in zip(keys, raw, titles, labels):
        hits = sorted(set(own) & boilerplate)
        row = cached.get(key)
        if row is None or row["hits"] != hits:
            row = {"labels": sorted(own), "hits": hits, **cleaning.clean_row(text, title, boilerplate)}
            changed = True
        rows.append(row)
    if changed or len(cached) != len(set(keys)):
        _write(Path(cache_dir), keys, rows)
    return cleaning.clean_table(rows)


def _read(cache_dir: Path) -> dict[str, dict]:
    try:
        table = pd.read_parquet(cache_dir / _FILE)
        out = {}
        columns = (table[column].tolist() for column in table.columns)  # lists: iterating Arrow strings is slow
        for key, labels, hits, headline, text, start, n, line_no, line, rule in zip(*columns):
            out[key] = {"labels": list(labels), "hits": list(hits), "headline": headline, "text": text,
                        "body_start": int(start), "n_words": int(n),
                        "removed": [(int(a), b, c) for a, b, c in zip(line_no, line, rule)]}
        return out
    except Exception:  # a missing or damaged cache is only a cache miss
        return {}


def _write(cache_dir: Path, keys: list[str], rows: list[dict]) -> None:
    unique = dict(zip(keys, rows))  # the same text twice is stored once
    table = pd.DataFrame({
        "key": list(unique),
        "labels": [r["labels"] for r in unique.values()],
        "hits": [r["hits"] for r in unique.values()],
        "headline": [r["headline"] for r in unique.values()],
        "text": [r["text"] for r in unique.values()],
        "body_start": [r["body_start"] for r in unique.values()],
        "n_words": [r["n_words"] for r in unique.values()],
        "line_no": [[x[0] for x in r["removed"]] for r in unique.values()],
        "line": [[x[1] for x in r["removed"]] for r in unique.values()],
        "rule": [[x[2] for x in r["removed"]] for r in unique.values()],
    })
    atomic_write(cache_dir / _FILE, lambda tmp: table.to_parquet(tmp, index=False))
