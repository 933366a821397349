"""Frames by lexicon: is a story told as "surveillance" or as "safety"?

A *frame* here is a set of words and phrases that present the same facts in
one light (Entman: selecting and making salient some aspects of a perceived
reality). The shipped lexicon ``coverage/data/frames.yaml`` has two frames;
its codebook (``frames_codebook.md``) defines them, gives the inclusion rules
and the ambiguous cases. A user's own YAML file with the same layout can
replace it everywhere a ``lexicon=`` option appears.

What the counts measure, exactly: the number of non-overlapping matches of a
frame's terms (see :mod:`coverage.text.terms` for the matching rules) that the
lexicon's sense rules let count (see :mod:`coverage.measures.frame_rules`:
exclusions, names, terms that count only near other words, conceded
benefits counted for the other side), per sentence and summed per article.
Every counted match is one row of ``kwic(sentences, lexicon=...)``, and
``kwic(..., excluded=True)`` adds every excluded match with its reason, so
each number can be traced to its sentence. Blind spots: the counts see words
and a few rules of form, not meaning — plain negation ("not a surveillance
tool"), irony, attribution (a quoted critic versus the journalist) and frames
carried without the listed words are all invisible; and one long article can
dominate an outlet's rate.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd

from coverage.errors import CorpusWarning
from coverage.measures.frame_lexicon import FRAMES_FILE, frame_names, load_frame_lexicon
from coverage.measures.frame_rules import frame_matches
from coverage.schema import require_columns

__all__ = ["FRAMES_FILE", "load_frame_lexicon", "frame_names", "tag_frames", "frame_rates", "compare_frames"]

def tag_frames(sentences: pd.DataFrame, *, lexicon=None) -> pd.DataFrame:
    """Count the terms of each frame in every sentence and tag the sentence.

    Parameters
    ----------
    sentences : pandas.DataFrame
        Sentence table with ``article_id``, ``sentence_id``, ``text`` and
        ``n_words``.
    lexicon : str, Path or DataFrame, optional
        Frame lexicon (see :func:`load_frame_lexicon`); the shipped one by
        default.

    Returns
    -------
    pandas.DataFrame
        One row per sentence: ``article_id``, ``sentence_id``, ``n_words``,
        ``<frame>_terms`` (number of matches of that frame's terms) for each
        frame, and ``frame_tag``: the frames present joined by ``+`` in
        lexicon order (``"surveillance"``, ``"safety"``,
        ``"surveillance+safety"``) or ``"none"``.

    Examples
    --------
    >>> s = pd.DataFrame({"article_id": [1, 1], "sentence_id": [0, 1], "n_words": [6, 5],
    ...                   "text": ["Racial profiling threatens civil liberties.",
    ...                            "It helps public safety."]})
    >>> tag_frames(s)[["surveillance_terms", "safety_terms", "frame_tag"]].values.tolist()
    [[2, 0, 'surveillance'], [0, 1, 'safety']]
    """
    require_columns(sentences, ["article_id", "sentence_id", "text", "n_words"], func="tag_frames")
    lex = load_frame_lexicon(lexicon)
    names = frame_names(lex)
    found = frame_matches(sentences, lex, func="tag_frames")
    found = found[found["decision"] == "counted"]
    out = sentences[["article_id", "sentence_id", "n_words"]].reset_index(drop=True)
    present = np.zeros(len(out), dtype=np.int64)
    for bit, name in enumerate(names):
        rows = found["_row"][found["frame"] == name].to_numpy()
        counts = np.bincount(rows, minlength=len(out)).astype(np.int64)
        out[f"{name}_terms"] = counts
        present |= (counts > 0).astype(np.int64) << bit
    # A lookup table over the 2**k combinations keeps tagging vectorised.
    labels = np.array(["+".join(n for b, n in enumerate(names) if code >> b & 1) or "none"
                       for code in range(2 ** len(names))], dtype=object)
    out["frame_tag"] = pd.array(labels[present], dtype="string")
    return out


def frame_rates(
    tagged: pd.DataFrame,
    *,
    lexicon=None,
    by: str | Sequence[str] | None = None,
    mentions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Frame counts, rates per 1,000 words and balance per article (and group).

    Parameters
    ----------
    tagged : pandas.DataFrame
        One row per sentence with ``article_id``, ``sentence_id``,
        ``n_words``, the ``<frame>_terms`` columns of :func:`tag_frames` and
        any ``by`` columns (e.g. ``position``, ``voice``).
    lexicon : str, Path or DataFrame, optional
        The lexicon ``tagged`` was built with (only its frame names are used).
    by : str or sequence of str, optional
        Extra grouping columns of the sentence table.
    mentions : pandas.DataFrame, optional
        Rows with ``article_id`` and ``sentence_id`` of sentences that mention
        the target (e.g. ``coverage.stance.mentions.find_mentions(sentences)``).
        When given, only those sentences are measured (target-scoped).

    Returns
    -------
    pandas.DataFrame
        One row per article (and ``by`` group) with ``n_sentences``,
        ``n_words``, ``<frame>_count``, ``<frame>_per_1k`` (count per 1,000
        words of the sentences measured; missing when there are none) and,
        when the lexicon has exactly two frames A and B, ``frame_balance`` =
        (A - B) / (A + B): +1 only A terms, -1 only B terms, 0 as many of
        each, and **missing (NaN) when neither occurs** — an article without
        frame terms is not "balanced", it is unframed by this lexicon. With
        the shipped lexicon A = surveillance, B = safety. Without ``by``,
        every article of ``tagged`` gets a row, even if no sentence of it
        mentions the target.

    Warns
    -----
    CorpusWarning
        Counting mention rows that point to sentences not in ``tagged``.

    Examples
    --------
    >>> t = pd.DataFrame({"article_id": [1, 1, 2], "sentence_id": [0, 1, 0],
    ...                   "n_words": [100, 100, 50], "surveillance_terms": [3, 0, 0],
    ...                   "safety_terms": [0, 1, 0]})
    >>> frame_rates(t)[["surveillance_per_1k", "frame_balance"]].values.tolist()
    [[15.0, 0.5], [0.0, nan]]
    """
    by_cols = [] if by is None else ([by] if isinstance(by, str) else list(by))
    names = frame_names(load_frame_lexicon(lexicon))
    term_cols = [f"{n}_terms" for n in names]
    require_columns(tagged, ["article_id", "sentence_id", "n_words", *term_cols, *by_cols], func="frame_rates")
    keys = ["article_id", *by_cols]
    data = tagged[keys + ["n_words", *term_cols]].copy()
    data["n_sentences"] = 1
    all_articles = pd.unique(tagged["article_id"])
    if mentions is not None:
        data = data[_mentioned(tagged, mentions)]
    sums = data.groupby(keys, sort=True, dropna=False)[["n_sentences", "n_words", *term_cols]].sum()
    if not by_cols:
        # Keep every article: "no sentence mentions Amazon" is a finding too.
        sums = sums.reindex(pd.Index(sorted(all_articles), name="article_id"), fill_value=0)
    out = sums.reset_index()[keys + ["n_sentences", "n_words"]]
    words = out["n_words"].to_numpy(dtype=float)
    for name, col in zip(names, term_cols):
        out[f"{name}_count"] = sums[col].to_numpy(dtype=np.int64)
    with np.errstate(invalid="ignore", divide="ignore"):
        for name in names:
            out[f"{name}_per_1k"] = np.where(words > 0, 1000 * out[f"{name}_count"] / words, np.nan)
        if len(names) == 2:
            a = out[f"{names[0]}_count"].to_numpy(dtype=float)
            b = out[f"{names[1]}_count"].to_numpy(dtype=float)
            out["frame_balance"] = np.where(a + b > 0, (a - b) / (a + b), np.nan)
    return out


def compare_frames(
    tagged: pd.DataFrame,
    *,
    by: str | Sequence[str] = "outlet",
    lexicon=None,
    mentions: pd.DataFrame | None = None,
    n_resamples: int = 2000,
    seed: int = 0,
) -> pd.DataFrame:
    """Frame rates and balance per group of ``by``, with 95% bootstrap intervals.

    Parameters
    ----------
    tagged : pandas.DataFrame
        One row per sentence with ``article_id``, ``sentence_id``,
        ``n_words``, the ``<frame>_terms`` columns and the ``by`` columns (e.g.
        the ``sentence_framing`` table of :func:`coverage.measures.sentence_features.framing_tables`).
    by : str or sequence of str, default "outlet"
    lexicon : str, Path or DataFrame, optional
        The lexicon ``tagged`` was built with.
    mentions : pandas.DataFrame, optional
        Restrict to the sentences mentioning the target (as in :func:`frame_rates`).
    n_resamples, seed
        Passed to :func:`coverage.compare.intervals.compare_groups`.

    Returns
    -------
    pandas.DataFrame
        ``measure`` (``<frame>_per_1k`` for each frame, then ``frame_balance``
        when there are two frames) and the columns of
        :func:`coverage.compare.intervals.compare_groups`. Rates are terms per 1,000
        words of the group's sentences (a ratio of sums, so long articles
        weigh more); the balance is (A - B) / (A + B) over all the group's
        frame terms, missing when the group has none.

    Examples
    --------
    >>> t = pd.DataFrame({"outlet": ["A", "A"], "article_id": [1, 2], "sentence_id": [0, 0],
    ...                   "n_words": [100, 100], "surveillance_terms": [3, 0], "safety_terms": [1, 0]})
    >>> compare_frames(t)[["measure", "estimate"]].values.tolist()
    [['surveillance_per_1k', 15.0], ['safety_per_1k', 5.0], ['frame_balance', 0.5]]
    """
    from coverage.compare.intervals import compare_groups

    by_cols = [by] if isinstance(by, str) else list(by)
    names = frame_names(load_frame_lexicon(lexicon))
    term_cols = [f"{n}_terms" for n in names]
    require_columns(tagged, ["article_id", "sentence_id", "n_words", *term_cols, *by_cols], func="compare_frames")
    data = tagged[[*by_cols, "article_id", "n_words", *term_cols]]
    if mentions is not None:
        data = data[_mentioned(tagged, mentions)]
    parts = []
    for name, col in zip(names, term_cols):
        part = compare_groups(data, value=col, weight="n_words", scale=1000, by=by_cols,
                              n_resamples=n_resamples, seed=seed)
        parts.append(part.assign(measure=f"{name}_per_1k"))
    if len(names) == 2:
        a, b = data[term_cols[0]].astype(float), data[term_cols[1]].astype(float)
        balance = data[[*by_cols, "article_id"]].assign(_diff=a - b, _sum=a + b)
        part = compare_groups(balance, value="_diff", weight="_sum", by=by_cols,
                              n_resamples=n_resamples, seed=seed)
        parts.append(part.assign(measure="frame_balance"))
    out = pd.concat(parts, ignore_index=True)
    return out[["measure", *[c for c in out.columns if c != "measure"]]]


def _mentioned(tagged: pd.DataFrame, mentions: pd.DataFrame) -> np.ndarray:
    """Boolean mask of the rows of ``tagged`` whose sentence is in ``mentions``."""
    require_columns(mentions, ["article_id", "sentence_id"], func="frame_rates(mentions=...)")
    wanted = pd.MultiIndex.from_frame(mentions[["article_id", "sentence_id"]].drop_duplicates())
    have = pd.MultiIndex.from_frame(tagged[["article_id", "sentence_id"]])
    unknown = int((~wanted.isin(have)).sum())
    if unknown:
        warnings.warn(
            f"frame_rates(): {unknown} of {len(wanted)} mentioned sentences are not in the sentence "
            "table and were ignored; build mentions from the same sentence table",
            CorpusWarning, stacklevel=3,
        )
    return have.isin(wanted)
