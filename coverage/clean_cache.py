"""Clean every article of a corpus, reusing what an earlier run cleaned.

Cleaning is per article except for one rule: short lines repeated across
three or more articles are boilerplate (:func:`coverage.cleaning.repeated_lines`).
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
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from coverage._io import atomic_write
from coverage.cache import kit_fingerprint
from coverage.cleaning import clean_text, short_labels
from coverage.tokens import count_words

__all__ = ["CLEAN_COLUMNS", "clean_articles"]

#: Columns of the table :func:`clean_articles` returns.
CLEAN_COLUMNS = ("headline", "text", "body_start", "n_words", "removed")

_FILE = "clean.parquet"
_MIN_ARTICLES = 3  # the threshold of coverage.cleaning.repeated_lines


def clean_articles(raw: Sequence[str], titles: Sequence[str], *, cache_dir: str | Path | None = None) -> pd.DataFrame:
    """Clean each raw text, as :func:`coverage.cleaning.clean_text` with the corpus's repeated lines.

    Parameters
    ----------
    raw, titles : sequence of str
        Raw texts and manifest titles, one per article.
    cache_dir : str or Path, optional
        Folder of ``clean.parquet``; without it everything is cleaned anew
        and nothing is stored.

    Returns
    -------
    pandas.DataFrame
        One row per article, in the given order: ``headline``, ``text``,
        ``body_start``, ``n_words`` and ``removed`` (a list of
        ``(line_no, line, rule)`` for the lines cleaning removed).

    Examples
    --------
    >>> out = clean_articles(["Menu\\nA story.", "Menu\\nB story.", "Menu\\nC."], ["", "", ""])
    >>> out["text"].tolist(), out["removed"][0]
    (['A story.', 'B story.', 'C.'], [(1, 'Menu', 'repeated across articles')])
    """
    if len(raw) != len(titles):
        raise ValueError(f"clean_articles(): got {len(raw)} texts but {len(titles)} titles; give one title per text")
    base = kit_fingerprint()
    keys = [hashlib.sha256(f"{base}\0{title}\0{text}".encode()).hexdigest() for text, title in zip(raw, titles)]
    cached = _read(Path(cache_dir)) if cache_dir is not None else {}
    labels = [cached[k]["labels"] if k in cached else short_labels(text) for k, text in zip(keys, raw)]
    counts = Counter(line for own in labels for line in own)
    boilerplate = {line for line, n in counts.items() if n >= _MIN_ARTICLES}
    rows, changed = [], False
    for key, text, title, own in zip(keys, raw, titles, labels):
        hits = sorted(set(own) & boilerplate)
        row = cached.get(key)
        if row is None or row["hits"] != hits:
            article = clean_text(text, title=title, boilerplate=boilerplate)
            row = {"labels": sorted(own), "hits": hits, "headline": article.headline, "text": article.text,
                   "body_start": article.body_start, "n_words": count_words(article.text),
                   "removed": article.removed}
            changed = True
        rows.append(row)
    if cache_dir is not None and (changed or len(cached) != len(set(keys))):
        _write(Path(cache_dir), keys, rows)
    return pd.DataFrame(rows, columns=list(CLEAN_COLUMNS)).astype({"body_start": "int64", "n_words": "int64"})


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
