"""Per-article result cache under ``data/processed/cache/``.

Every per-article table (sentences, quotations, mentions, sentence features,
evidence, ...) is stored in Parquet with a ``_key`` column: a hash of the
article's text and metadata, the kit's code and data files (lexicons, roles,
targets), and the kit version. A re-run computes only the articles whose key
is not in the cache.

The cache is a folder of *parts*. Each run that computed something adds one
part (``part-000007/``) holding only the articles it computed, one Parquet
file per table, and ``keys.parquet`` written last: a part without its key
file was interrupted and is ignored. Adding one article to ten thousand
therefore writes one article's rows, not ten thousand. Parts whose articles
have all left the corpus are deleted; when there are more than
:data:`MAX_PARTS` parts, or more stale rows than live ones, the live rows are
compacted into a single part. Deleting the folder is always safe.

Columns that hold one NumPy array per row (the word counts and hashed
tokens of :mod:`coverage.measures.keyness` and :mod:`coverage.reuse.tokens`) are not
stored as Parquet lists, whose decoding builds 30,000 arrays one by one
(0.5 s for 10,000 articles): each goes to a file of its own as one flat
column (strings dictionary-encoded), and the table keeps each row's length.
Reading them back is one read per column and the rows become views into it.

The cache holds only tables (Parquet), never pickles, so a file a user can
write cannot make the kit run code.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from coverage.io.write import atomic_write
from coverage._engine.rows import take_rows

__all__ = ["MAX_PARTS", "article_keys", "kit_fingerprint", "read_cached", "write_cached"]

#: More parts than this are compacted into one on the next write.
MAX_PARTS = 8

_KEY = "_key"
_KEYS_FILE = "keys.parquet"
_PART = "part-"
_LISTS = b"coverage.list_columns"  # Parquet metadata: {column: dtype} of the columns stored flat


@cache
def kit_fingerprint() -> str:
    """Return a hash of the kit's version, source code and shipped data files.

    Any change to the code or to a lexicon changes it, so no stale result is
    ever reused. Computed once per process.
    """
    from coverage._version import __version__

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
    # An undated article's NaT turns into a missing string, not "NaT": fill it so the key is defined.
    fields = corpus[["article_id", "outlet", "published", "title", "text", "body_start"]].astype(str).fillna("NaT")
    rows = zip(*(fields[column].tolist() for column in fields.columns))  # lists: iterating Arrow strings is slow
    return pd.Series(
        [hashlib.sha256("\0".join((base, *row)).encode()).hexdigest() for row in rows],
        index=corpus.index,
        name=_KEY,
    )


def read_cached(cache_dir: Path, names: Iterable[str], keys: Iterable[str]) -> tuple[dict[str, pd.DataFrame], set[str]]:
    """Return the cached rows of the articles whose key is in ``keys``.

    A part that is missing a file or cannot be read is only a cache miss for
    the articles it holds.

    Returns
    -------
    tables : dict of str to DataFrame
        For each table name, the cached rows of the hit articles (``_key``
        column included); empty when nothing was hit.
    hits : set of str
        Keys of the articles found. Articles with no rows in a table (no
        quotations, say) count too: each part lists its keys in its own file.
    """
    names, wanted = list(names), set(keys)
    found: dict[str, list[pd.DataFrame]] = {name: [] for name in names}
    hits: set[str] = set()
    for part in _parts(Path(cache_dir)):
        try:
            stored = set(pd.read_parquet(part / _KEYS_FILE)[_KEY])
            part_hits = (stored & wanted) - hits
            if not part_hits:
                continue
            loaded = {name: _read_table(part, name) for name in names}
        except Exception:  # a missing or damaged part is only a cache miss
            continue
        if any(_KEY not in table.columns for table in loaded.values()):
            continue
        for name, table in loaded.items():
            # Usually every article of a part is wanted: no need to look at each row's key.
            found[name].append(table if part_hits == stored else
                               take_rows(table, np.flatnonzero(_isin(table[_KEY], part_hits))))
        hits |= part_hits
    if not hits:
        return {}, set()
    return {name: pd.concat(parts, ignore_index=True) for name, parts in found.items()}, hits


def write_cached(cache_dir: Path, tables: Mapping[str, pd.DataFrame], keys: Iterable[str], *,
                 new: Iterable[str] | None = None) -> None:
    """Store per-article tables, appending a part with only the new articles.

    Parameters
    ----------
    cache_dir : Path
        The cache folder (created if missing).
    tables : mapping of str to DataFrame
        Every row of the current corpus, each table with a ``_key`` column.
    keys : iterable of str
        Keys of every article of the current corpus (articles without rows
        in a table included).
    new : iterable of str, optional
        Keys computed in this run; only their rows are written, as a new
        part. By default every key is new: all parts are replaced by one.
    """
    cache_dir = Path(cache_dir)
    live = set(keys)
    new = live if new is None else set(new) & live
    for legacy in cache_dir.glob("*.parquet"):  # the single-file layout of kit 0.1
        legacy.unlink()
    parts = _parts(cache_dir)
    stored = {part: _stored_keys(part) for part in parts}
    for part in [p for p, k in stored.items() if not (k & live)]:
        shutil.rmtree(part, ignore_errors=True)
        stored.pop(part)
    stale = sum(len(k - live) for k in stored.values())
    if new == live or len(stored) >= MAX_PARTS or stale > len(live):
        new, old = live, list(stored)  # compact: one part with every live row
    else:
        old = []
    if not new:
        return
    _write_part(cache_dir, {name: t if new == live else take_rows(t, np.flatnonzero(_isin(t[_KEY], new)))
                            for name, t in tables.items()}, new)
    for part in old:
        shutil.rmtree(part, ignore_errors=True)


def _parts(cache_dir: Path) -> list[Path]:
    """Complete parts, oldest first; an interrupted part (no key file) is left for the next write."""
    if not cache_dir.is_dir():
        return []
    return sorted(p for p in cache_dir.glob(f"{_PART}*") if (p / _KEYS_FILE).is_file())


def _stored_keys(part: Path) -> set[str]:
    try:
        return set(pd.read_parquet(part / _KEYS_FILE)[_KEY])
    except Exception:
        return set()


def _write_part(cache_dir: Path, tables: Mapping[str, pd.DataFrame], keys: set[str]) -> None:
    for leftover in cache_dir.glob(f"{_PART}*"):  # interrupted writes of earlier runs
        if not (leftover / _KEYS_FILE).is_file():
            shutil.rmtree(leftover, ignore_errors=True)
    numbers = [int(p.name[len(_PART):]) for p in cache_dir.glob(f"{_PART}*") if p.name[len(_PART):].isdigit()]
    part = cache_dir / f"{_PART}{max(numbers, default=0) + 1:06d}"
    part.mkdir(parents=True)
    for name, table in tables.items():
        _write_table(part, name, table)
    key_table = pd.DataFrame({_KEY: sorted(keys)})
    atomic_write(part / _KEYS_FILE, lambda tmp: key_table.to_parquet(tmp, index=False))


def _isin(column: pd.Series, wanted: set[str]) -> np.ndarray:
    """``column.isin(wanted)`` for a column of keys, in Arrow.

    pandas' ``isin`` on its Arrow-backed strings turns every wanted value
    into an Arrow scalar in Python first: 30 ms per 10,000 keys, per table.
    """
    return pc.is_in(pa.array(column, type=pa.large_string()),
                    value_set=pa.array(list(wanted), type=pa.large_string())).to_numpy(zero_copy_only=False)


def _write_table(part: Path, name: str, table: pd.DataFrame) -> None:
    """Write one table of a part: ``name.parquet``, plus one flat file per column of arrays."""
    flat, dtypes = {}, {}
    for column in table.columns:
        found = _flatten(table[column])
        if found is not None:
            lengths, flat[column], dtypes[column] = found
            table = table.assign(**{column: lengths})
    for column, values in flat.items():
        values_table = pa.table({"values": values})
        atomic_write(part / f"{name}.{column}.list.parquet",
                     lambda tmp, v=values_table: pq.write_table(v, tmp, dictionary_pagesize_limit=2**26))
    if not dtypes:
        atomic_write(part / f"{name}.parquet", lambda tmp: table.to_parquet(tmp, index=False))
        return
    main = pa.Table.from_pandas(table, preserve_index=False)
    main = main.replace_schema_metadata({**main.schema.metadata, _LISTS: json.dumps(dtypes).encode()})
    atomic_write(part / f"{name}.parquet", lambda tmp: pq.write_table(main, tmp))


def _flatten(column: pd.Series) -> tuple[np.ndarray, pa.Array, str] | None:
    """``(lengths, flat values, dtype)`` of a column holding one 1-D array per row, else None."""
    if column.dtype != object or column.empty:
        return None
    arrays = column.tolist()
    if not all(isinstance(a, np.ndarray) and a.ndim == 1 for a in arrays):
        return None
    dtypes = {a.dtype for a in arrays}
    if len(dtypes) != 1:  # concatenating would change some rows' dtype
        return None
    dtype = dtypes.pop()
    flat = np.concatenate(arrays)
    if dtype == object:
        try:
            values = pa.array(flat, type=pa.string())
        except (pa.ArrowInvalid, pa.ArrowTypeError):  # not all strings: stored as Parquet lists
            return None
        if values.null_count:
            return None
        values = values.dictionary_encode()
    elif dtype.kind in "iuf":
        values = pa.array(flat)
    else:
        return None
    return np.array([len(a) for a in arrays], dtype=np.int64), values, dtype.str if dtype != object else "object"


def _read_table(part: Path, name: str) -> pd.DataFrame:
    """Read a table written by :func:`_write_table`; raises if its files do not fit together."""
    path = part / f"{name}.parquet"
    metadata = pq.read_schema(path).metadata or {}
    table = pd.read_parquet(path)
    if _LISTS not in metadata:
        return table
    columns = {}
    for column, dtype in json.loads(metadata[_LISTS]).items():
        values = pq.read_table(part / f"{name}.{column}.list.parquet").unify_dictionaries().column("values")
        if dtype == "object":  # the words once each, then every row's words are references to them
            chunks = values.chunks
            words = chunks[0].dictionary.to_numpy(zero_copy_only=False) if chunks else np.zeros(0, dtype=object)
            flat = words[np.concatenate([c.indices.to_numpy() for c in chunks]) if chunks else np.zeros(0, np.int64)]
        else:
            flat = values.to_numpy()
            if flat.dtype != np.dtype(dtype):
                raise ValueError(f"{name}.{column}: stored as {flat.dtype}, expected {dtype}")
        lengths = table[column].to_numpy(dtype=np.int64)
        if lengths.sum() != len(flat) or (lengths < 0).any():
            raise ValueError(f"{name}.{column}: {len(flat)} values for rows of {lengths.sum()}")
        rows = np.empty(len(lengths), dtype=object)
        ends = np.cumsum(lengths).tolist()
        for k, (start, end) in enumerate(zip([0, *ends[:-1]], ends)):
            rows[k] = flat[start:end]  # one by one: NumPy would make equal-length rows one 2-D array
        columns[column] = rows
    return table.assign(**columns)
