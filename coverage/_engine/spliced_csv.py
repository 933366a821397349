"""Write a per-article table as CSV, reusing the bytes of unchanged articles.

Formatting CSV is the slowest part of writing ``data/processed/``: about
four seconds for the sentence, quotation, mention, sentence-feature and
evidence tables of 10,000 articles. Those tables are made of per-article
blocks of rows, and an article whose cache key is unchanged has the same
rows as last time. :func:`write_by_article` therefore keeps a small index
next to the cache (for each article: its key and where its rows start and
end in the file) and, on the next run, copies the bytes of unchanged
articles from the old file and formats only the new ones.

The bytes of unchanged articles are copied from the old file to the new one
by the kernel (``os.copy_file_range``, one call per run of consecutive
articles), not read into Python and joined. The file is the same, byte for
byte, as a fresh ``to_csv`` (tests check this). The old bytes are trusted only if the file still has the size and
modification time recorded when it was written, and the table still has the
same columns and dtypes; otherwise, or when more than a fifth of the rows
are new, the table is written in full and indexed again.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from coverage.io.write import atomic_write

__all__ = ["write_by_article"]

#: Above this share of new rows a full write is as fast as splicing.
_MAX_NEW_SHARE = 0.2
_FORMAT = 2  # of the index: 1 kept a list per article, 2 keeps one list per field


def write_by_article(table: pd.DataFrame, path: str | Path, *, keys: Mapping[str, str] | None = None,
                     index_dir: str | Path) -> Path:
    """Write ``table`` as UTF-8 CSV (no index) atomically, splicing unchanged articles.

    Parameters
    ----------
    table : pandas.DataFrame
        Rows grouped by ``article_id`` (each article's rows together).
    path : str or Path
        The CSV file.
    keys : mapping of str to str, optional
        A key per article that changes whenever its rows change (the
        pipeline's cache keys): rows of an article whose key is the one
        recorded at the last write are copied from the old file. By default
        each article's key is a hash of its rows' values.
    index_dir : str or Path
        Folder of the index (``<file name>.index.json``).

    Returns
    -------
    Path
        ``path``.
    """
    path, index_path = Path(path), Path(index_dir) / f"{Path(path).name}.index.json"
    table, date_formats = _dates_as_text(table)
    signature = _signature(table) + date_formats
    ids = table["article_id"].astype(str).to_numpy()
    bounds = _article_bounds(ids)
    if keys is None:
        keys = _content_keys(table, bounds)
    previous = _read_index(index_path, path, signature)
    spliced = _splice(table, bounds, keys, previous) if previous is not None else None
    if spliced is None:
        data = table.to_csv(index=False).encode("utf-8")
        chunks = _chunks_of(data, table, bounds)
        atomic_write(path, lambda tmp: tmp.write_bytes(data))
    else:
        pieces, chunks = spliced
        atomic_write(path, lambda tmp: _write_pieces(tmp, path, pieces))
    index_path.unlink(missing_ok=True)
    if chunks is not None:
        stat = path.stat()
        index = {"format": _FORMAT, "signature": signature, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns,
                 "ids": list(chunks), "keys": [keys.get(a) for a in chunks],
                 "starts": [start for start, _ in chunks.values()], "ends": [end for _, end in chunks.values()]}
        atomic_write(index_path, lambda tmp: tmp.write_text(json.dumps(index), encoding="utf-8"))
    return path


def _signature(table: pd.DataFrame) -> str:
    return json.dumps([[str(c), str(t)] for c, t in table.dtypes.items()])


def _article_bounds(ids: np.ndarray) -> dict[str, tuple[int, int]] | None:
    """Row range of each article, or None when an article's rows are not together."""
    if not len(ids):
        return {}
    change = np.flatnonzero(ids[1:] != ids[:-1]) + 1
    starts, ends = np.r_[0, change], np.r_[change, len(ids)]
    bounds = {ids[s]: (int(s), int(e)) for s, e in zip(starts, ends)}
    return bounds if len(bounds) == len(starts) else None


def _chunks_of(data: bytes, table: pd.DataFrame, bounds) -> dict[str, tuple[int, int]] | None:
    """Byte range of each article's rows in ``data`` (a fresh ``to_csv``), or None if unsure."""
    if bounds is None:
        return None
    # A row spans one line plus one per newline inside its quoted text fields.
    header_lines = 1 + sum(str(c).count("\n") for c in table.columns)
    newlines = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == ord("\n"))
    extra = np.zeros(len(table), dtype=np.int64)
    if len(newlines) != header_lines + len(table):  # some field holds a newline: find which rows
        for column in table.columns:
            if table[column].dtype == object or pd.api.types.is_string_dtype(table[column].dtype):
                extra += _newlines(table[column])
    row_ends = np.cumsum(1 + extra) + header_lines - 1  # index of each row's last newline
    if len(newlines) != header_lines + int((1 + extra).sum()):
        return None
    ends = newlines[row_ends] + 1 if len(table) else np.zeros(0, dtype=np.int64)
    body = int(newlines[header_lines - 1]) + 1
    starts = np.r_[body, ends[:-1]] if len(table) else ends
    return {a: (int(starts[s]), int(ends[e - 1])) for a, (s, e) in bounds.items()}


def _dates_as_text(table: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """Dates formatted as ``to_csv`` formats the whole column, as text, and which formats were used.

    ``to_csv`` picks one format per date column (the date alone when every
    value is at midnight, seconds or fractions only when some value has
    them), so an article's rows depend on the others. As text, each row is
    formatted on its own and the file is unchanged; the lengths of the
    formatted dates tell the formats apart, and go into the signature, so a
    new article that changes a column's format means a full write.
    """
    dates = [c for c, t in table.dtypes.items() if pd.api.types.is_datetime64_any_dtype(t)]
    if not dates:
        return table, ""
    as_text, formats = {}, []
    for column in dates:
        text = pd.Series(table[[column]].to_csv(index=False, header=False).splitlines(),
                         index=table.index, dtype=object).where(table[column].notna(), np.nan)
        as_text[column] = text
        formats.append([str(column), sorted(set(text.dropna().map(len)))])
    return table.assign(**as_text), json.dumps(formats)


def _content_keys(table: pd.DataFrame, bounds) -> dict[str, str]:
    if not bounds:
        return {}
    rows = pd.util.hash_pandas_object(table, index=False).to_numpy()
    return {a: rows[s:e].tobytes().hex() if e - s == 1 else hashlib.sha1(rows[s:e].tobytes()).hexdigest()
            for a, (s, e) in bounds.items()}


def _newlines(column: pd.Series) -> np.ndarray:
    values = pd.Series(column.to_numpy(dtype=object))
    try:
        return values.str.count("\n").fillna(0).to_numpy(dtype=np.int64)
    except AttributeError:  # no text in the column at all
        return np.array([str(v).count("\n") if isinstance(v, str) else 0 for v in values], dtype=np.int64)


def _read_index(index_path: Path, path: Path, signature: str) -> dict | None:
    try:
        index = json.loads(index_path.read_text(encoding="utf-8"))
        stat = path.stat()
    except (OSError, ValueError):
        return None
    if (not isinstance(index, dict) or index.get("format") != _FORMAT or index.get("signature") != signature
            or index.get("size") != stat.st_size or index.get("mtime_ns") != stat.st_mtime_ns):
        return None  # an older index, another table shape, or the file was changed by hand
    try:
        fields = [index["ids"], index["keys"], index["starts"], index["ends"]]
        if len({len(f) for f in fields}) != 1 or not all(
                0 <= s <= e <= stat.st_size for s, e in zip(index["starts"], index["ends"])):
            return None
        return {a: (k, s, e) for a, k, s, e in zip(*fields)}
    except (KeyError, TypeError):
        return None


def _splice(table: pd.DataFrame, bounds, keys: Mapping[str, str], old: dict):
    """``(pieces, chunks)`` to write from the old file and the new rows, or None to write in full.

    ``pieces`` are bytes to write and ``(start, end)`` byte ranges of the old
    file to copy, consecutive unchanged articles merged into one range.
    """
    if bounds is None:
        return None
    new = [a for a in bounds if a not in old or old[a][0] is None or old[a][0] != keys.get(a)]
    n_new = sum(bounds[a][1] - bounds[a][0] for a in new)
    if n_new > _MAX_NEW_SHARE * max(len(table), 1):
        return None
    fresh = {}
    for a in new:  # each new article formatted on its own, with the table's dtypes
        s, e = bounds[a]
        fresh[a] = table.iloc[s:e].to_csv(index=False, header=False).encode("utf-8")
    header = table.iloc[:0].to_csv(index=False).encode("utf-8")
    pieces: list = [header]
    chunks, at = {}, len(header)
    for a in bounds:
        if a in fresh:
            pieces.append(fresh[a])
            size = len(fresh[a])
        else:
            _, start, end = old[a]
            size = end - start
            if isinstance(pieces[-1], tuple) and pieces[-1][1] == start:
                pieces[-1] = (pieces[-1][0], end)
            else:
                pieces.append((start, end))
        chunks[a] = (at, at + size)
        at += size
    return pieces, chunks


def _write_pieces(tmp: Path, source: Path, pieces: list) -> None:
    with source.open("rb") as old, tmp.open("wb") as out:
        for piece in pieces:
            if isinstance(piece, bytes):
                out.write(piece)
            else:
                out.flush()  # the kernel appends at the file's position: what was written must be there
                _copy_range(old, out, *piece)


def _copy_range(source, out, start: int, end: int) -> None:
    """Append bytes ``start:end`` of ``source`` to ``out``, in the kernel where it can."""
    while start < end:
        try:
            copied = os.copy_file_range(source.fileno(), out.fileno(), end - start, start)
        except (AttributeError, OSError):  # not Linux, or a file system that cannot
            copied = 0
        if copied <= 0:
            source.seek(start)
            data = source.read(end - start)
            if len(data) != end - start:
                raise OSError(f"{source.name}: shorter than its index says; delete {source.name} and run again")
            out.write(data)
            return
        start += copied
