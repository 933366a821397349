"""What changed since the last run: a small summary per run, and the difference of two.

The summary is a few kilobytes of JSON kept beside the processed tables
(``data/processed/report_summary.json``): a digest of every article (its
text, outlet, headline and date) and the headline measures per unit.
Deleting it is safe: the next report then says there is no earlier run.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

__all__ = ["run_summary", "read_summary", "diff_summaries"]


def run_summary(corpus: pd.DataFrame, measures: pd.DataFrame) -> dict:
    """Return the summary of one run: article digests and the measures per unit.

    Examples
    --------
    >>> corpus = pd.DataFrame({"article_id": ["a"], "outlet": ["X"], "headline": ["H"],
    ...                        "published": ["2018-06-01"], "text": ["Body."]})
    >>> measures = pd.DataFrame({"unit": ["X"], "measure": ["vader"], "estimate": [0.25]})
    >>> summary = run_summary(corpus, measures)
    >>> summary["measures"], len(summary["articles"]["a"])
    ({'X': {'vader': 0.25}}, 16)
    """
    articles = {}
    for row in corpus[["article_id", "outlet", "headline", "published", "text"]].itertuples(index=False):
        blob = "\x1f".join(str(v) for v in row[1:]).encode("utf-8")
        articles[str(row.article_id)] = hashlib.sha256(blob).hexdigest()[:16]
    units: dict[str, dict] = {}
    for unit, measure, estimate in measures[["unit", "measure", "estimate"]].itertuples(index=False):
        units.setdefault(str(unit), {})[str(measure)] = None if pd.isna(estimate) else round(float(estimate), 4)
    return {"version": 1, "articles": articles, "measures": units}


def read_summary(path: str | Path) -> dict | None:
    """Return the summary stored at ``path``, or None when there is none (or it is unreadable)."""
    try:
        summary = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return summary if isinstance(summary, dict) and summary.get("version") == 1 else None


def diff_summaries(before: Mapping | None, after: Mapping) -> dict:
    """Return what changed from ``before`` to ``after`` (summaries of :func:`run_summary`).

    Returns
    -------
    dict
        ``first_run`` (no earlier summary), ``added``, ``changed``, ``removed``
        (article ids, sorted) and ``moved``: one ``[unit, measure, before,
        after]`` row per headline measure whose value differs (``None`` for a
        unit that is new or gone).

    Examples
    --------
    >>> before = {"articles": {"a": "1", "b": "2"}, "measures": {"X": {"vader": 0.1}}}
    >>> after = {"articles": {"a": "1", "b": "3", "c": "4"}, "measures": {"X": {"vader": 0.2}}}
    >>> diff = diff_summaries(before, after)
    >>> diff["added"], diff["changed"], diff["removed"], diff["moved"]
    (['c'], ['b'], [], [['X', 'vader', 0.1, 0.2]])
    """
    if before is None:
        return {"first_run": True, "added": [], "changed": [], "removed": [], "moved": []}
    old, new = before.get("articles", {}), after["articles"]
    moved = []
    old_m, new_m = before.get("measures", {}), after["measures"]
    for unit in sorted(set(old_m) | set(new_m)):
        for measure in sorted(set(old_m.get(unit, {})) | set(new_m.get(unit, {}))):
            a, b = old_m.get(unit, {}).get(measure), new_m.get(unit, {}).get(measure)
            if a != b:
                moved.append([unit, measure, a, b])
    return {"first_run": False,
            "added": sorted(set(new) - set(old)),
            "changed": sorted(a for a in set(new) & set(old) if new[a] != old[a]),
            "removed": sorted(set(old) - set(new)),
            "moved": moved}
