"""Every measure by any grouping of articles: units (outlet, group, lean, ...) or periods.

:func:`compare_measures` stacks sentiment, frames and stance toward the
target for the groups of one column, each with its 95% bootstrap interval
(articles resampled within a group where it has several; see
:func:`coverage.compare.intervals.compare_groups`). ``media-coverage features``
writes it as ``data/processed/compare_<by>.csv`` and ``compare_period.csv``.
"""

from __future__ import annotations

import pandas as pd

from coverage.schema import require_columns

__all__ = ["COMPARED_MEASURES", "compare_measures"]

#: The measures of :func:`compare_measures`, in order (stance only when the mentions carry it).
COMPARED_MEASURES = ("textblob_polarity", "vader_compound", "surveillance_per_1k", "safety_per_1k",
                     "frame_balance", "stance_index")


def compare_measures(sentences: pd.DataFrame, *, groups: pd.DataFrame, by: str = "unit",
                     mentions: pd.DataFrame | None = None, n_resamples: int = 2000, seed: int = 0) -> pd.DataFrame:
    """Sentiment, frames and stance per group of column ``by`` of ``groups``, with intervals.

    Parameters
    ----------
    sentences : pandas.DataFrame
        The ``sentence_framing`` table (per sentence: ``article_id``,
        ``sentence_id``, ``n_words``, the sentiment scores and frame-term counts).
    groups : pandas.DataFrame
        ``article_id`` and the column ``by`` (e.g. :func:`coverage.compare.units.unit_table`
        or :func:`coverage.compare.periods.period_table`); articles without a
        group (an undated article's period) are left out.
    by : str, default "unit"
    mentions : pandas.DataFrame, optional
        Target mentions with ``stance_score`` (``mentions.csv``); adds ``stance_index``.
    n_resamples, seed
        Passed to :func:`coverage.compare.intervals.compare_groups`.

    Returns
    -------
    pandas.DataFrame
        ``measure``, ``by``, ``estimate``, ``ci_low``, ``ci_high``,
        ``n_articles``, ``n_units`` (sentences, or mentions for stance).

    Examples
    --------
    >>> s = pd.DataFrame({"article_id": ["a", "b"], "sentence_id": [0, 0], "n_words": [10, 10],
    ...                   "textblob_polarity": [0.5, -0.5], "vader_compound": [0.2, 0.0],
    ...                   "surveillance_terms": [2, 0], "safety_terms": [0, 1]})
    >>> g = pd.DataFrame({"article_id": ["a", "b"], "unit": ["X", "Y"]})
    >>> t = compare_measures(s, groups=g, n_resamples=50)
    >>> t.loc[t["measure"] == "frame_balance", ["unit", "estimate"]].values.tolist()
    [['X', 1.0], ['Y', -1.0]]
    """
    import warnings

    from coverage.errors import CorpusWarning
    from coverage.measures.frames import compare_frames
    from coverage.measures.sentiment import compare_sentiment

    require_columns(groups, ["article_id", by], func="compare_measures")
    require_columns(sentences, ["article_id", "sentence_id", "n_words"], func="compare_measures")
    label = groups.drop_duplicates("article_id").set_index("article_id")[by]
    rows = _grouped(sentences, label, by)
    with warnings.catch_warnings():
        # The figures and their captions say which groups rest on one article.
        warnings.simplefilter("ignore", CorpusWarning)
        parts = [compare_sentiment(rows, by=by, n_resamples=n_resamples, seed=seed),
                 compare_frames(rows, by=by, n_resamples=n_resamples, seed=seed)]
        if mentions is not None and "stance_score" in mentions.columns:
            own = mentions[mentions["group"] == "target"] if "group" in mentions.columns else mentions
            own = _grouped(own, label, by)
            if len(own):
                from coverage.compare.intervals import compare_groups

                parts.append(compare_groups(own, value="stance_score", by=by, n_resamples=n_resamples,
                                            seed=seed).assign(measure="stance_index"))
    out = pd.concat(parts, ignore_index=True)
    return out[["measure", by, "estimate", "ci_low", "ci_high", "n_articles", "n_units"]]


def _grouped(table: pd.DataFrame, label: pd.Series, by: str) -> pd.DataFrame:
    out = table.drop(columns=[by], errors="ignore").assign(**{by: table["article_id"].map(label)})
    return out[out[by].notna()].reset_index(drop=True)
