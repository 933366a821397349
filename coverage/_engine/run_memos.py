"""What one pipeline run keeps for the next, beside the per-article cache.

Two corpus stages can start from the last run instead of from scratch: the
stance intervals of outlets whose mentions did not change
(:class:`IntervalMemo`, ``processed/cache/intervals.json``) and text reuse
(:class:`coverage._engine.reuse_memo.ReuseMemo`, ``processed/cache/reuse/``). Both
are only ever a shortcut to the same result; a missing or damaged file
means the stage computes everything.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from coverage.io.write import write_text
from coverage._engine.cache import read_cached
from coverage._engine.reuse_memo import MAX_CHANGED_SHARE, ReuseMemo

__all__ = ["INTERVALS_FILE", "REUSE_DIR", "IntervalMemo", "read_reuse_memo"]

#: File of bootstrap intervals and folder of text reuse, under ``processed/cache/``.
INTERVALS_FILE = "intervals.json"
REUSE_DIR = "reuse"


class IntervalMemo(dict):
    """Bootstrap intervals of earlier runs (see :func:`coverage.compare.intervals.interval_store`).

    Remembers which entries this run looked up or added, so the file keeps
    only those and does not grow with every corpus it has seen.
    """

    def __init__(self, entries=()):
        super().__init__(entries)
        self.used: dict = {}

    def __contains__(self, key) -> bool:
        found = super().__contains__(key)
        if found:
            self.used[key] = self[key]
        return found

    def __setitem__(self, key, value) -> None:
        super().__setitem__(key, value)
        self.used[key] = value

    @classmethod
    def read(cls, path: Path) -> IntervalMemo:
        try:
            return cls(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):  # a missing or damaged memo is only a miss
            return cls()

    def write_used(self, path: Path) -> None:
        write_text(json.dumps(self.used, sort_keys=True), path)


def read_reuse_memo(cache_dir: Path | None, corpus: pd.DataFrame, keys: pd.Series) -> ReuseMemo | None:
    """The text reuse of the last run, with the word hashes of its articles that are gone (removed or changed).

    Those are read from the per-article cache (``cache_dir/articles``), so
    this must run before the pipeline writes it and lets them go.
    """
    if cache_dir is None:
        return None
    memo = ReuseMemo.read(cache_dir / REUSE_DIR, keys=dict(zip(corpus["article_id"].tolist(), keys.tolist())))
    gone = memo.removed_keys()
    if gone and len(gone) <= max(2, MAX_CHANGED_SHARE * len(corpus)):  # more would mean a full search anyway
        found, _ = read_cached(cache_dir / "articles", ["reuse_tokens"], gone)
        if found:
            memo.removed = dict(zip(found["reuse_tokens"]["_key"], found["reuse_tokens"]["token_hash"]))
    return memo
