"""Per-article result cache under ``data/processed/cache/``.

Every per-article table (sentences, quotations, mentions, sentence features,
evidence, ...) is stored as one Parquet file per table, with a ``_key``
column: a hash of the article's text and metadata, the kit's code and data
files (lexicons, roles, targets), and the kit version. A re-run computes only
the articles whose key is not in the cache; articles no longer in the corpus
are dropped from it. Deleting the folder is always safe.

The cache holds only tables (Parquet), never pickles, so a file a user can
write cannot make the kit run code.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path

import pandas as pd

from coverage._io import atomic_write

__all__ = ["article_keys", "kit_fingerprint", "read_cached", "write_cached"]

_KEY = "_key"
_KEYS_FILE = "keys.parquet"


@cache
def kit_fingerprint() -> str:
    """Return a hash of the kit's version, source code and shipped data files.

    Any change to the code or to a lexicon changes it, so no stale result is
    ever reused. Computed once per process.
    """
    from coverage import __version__

    digest = hashlib.sha256(__version__.encode())
    root = resources.files("coverage")
    for path in sorted(Path(str(root)).rglob("*")):
        if path.suffix in {".py", ".yaml", ".csv"} and "__pycache__" not in path.parts:
            digest.update(path.relative_to(Path(str(root))).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def article_keys(corpus: pd.DataFrame, *, extra: str = "") -> pd.Series:
    """Return one cache key per article, indexed like ``corpus``.

    The key covers every column the per-article stages read (id, outlet,
    date, title, clean text, body start) plus :func:`kit_fingerprint` and
    ``extra`` (e.g. the hash of a user's lexicon file or of a trained model).

    Examples
    --------
    >>> c = pd.DataFrame({"article_id": ["a"], "outlet": ["X"], "published": [pd.Timestamp("2018-01-01")],
    ...                   "title": [""], "text": ["Hi."], "body_start": [0]})
    >>> article_keys(c).str.len().tolist()
    [64]
    """
    base = kit_fingerprint() + "\0" + extra
    fields = corpus[["article_id", "outlet", "published", "title", "text", "body_start"]].astype(str)
    return pd.Series(
        [hashlib.sha256("\0".join((base, *row)).encode()).hexdigest() for row in fields.itertuples(index=False)],
        index=corpus.index,
        name=_KEY,
    )


def read_cached(cache_dir: Path, names: Iterable[str], keys: pd.Series) -> tuple[dict[str, pd.DataFrame], set[str]]:
    """Return the cached rows of the articles whose key is in ``keys``.

    Returns
    -------
    tables : dict of str to DataFrame
        For each table name, the cached rows of the hit articles (``_key``
        column included).
    hits : set of str
        Keys of the articles computed by the last complete write. Articles
        with no rows in a table (no quotations, say) count too: the keys are
        kept in their own file, ``keys.parquet``.
    """
    try:
        stored = set(pd.read_parquet(cache_dir / _KEYS_FILE)[_KEY])
        tables = {name: pd.read_parquet(cache_dir / f"{name}.parquet") for name in names}
    except Exception:  # a missing or damaged cache is only a cache miss
        return {}, set()
    if any(_KEY not in table.columns for table in tables.values()):
        return {}, set()
    hits = stored & set(keys)
    return {name: table[table[_KEY].isin(hits)] for name, table in tables.items()}, hits


def write_cached(cache_dir: Path, tables: dict[str, pd.DataFrame], keys: Iterable[str]) -> None:
    """Store per-article tables (each with a ``_key`` column) and the keys they cover.

    The key file is removed first and written last, so a write interrupted
    half-way leaves no key file and the next run recomputes everything,
    instead of trusting tables that do not match.
    """
    (cache_dir / _KEYS_FILE).unlink(missing_ok=True)
    for name, table in tables.items():
        atomic_write(cache_dir / f"{name}.parquet", lambda tmp, t=table: t.to_parquet(tmp, index=False))
    key_table = pd.DataFrame({_KEY: sorted(set(keys))})
    atomic_write(cache_dir / _KEYS_FILE, lambda tmp: key_table.to_parquet(tmp, index=False))
