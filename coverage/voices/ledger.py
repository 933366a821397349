"""Voices: the journalist's own sentences versus the sources they quote.

* :func:`sentence_voices` gives every sentence the share of its characters
  that lie inside quotation marks and a ``voice``: ``quoted`` when more than
  half of it is quoted, else ``author``. Any feature table keyed by
  ``article_id``/``sentence_id`` can then be split by voice
  (``compare_sentiment(table, by=["outlet", "voice"])``, or
  :func:`mean_by_voice`).
* :func:`voice_ledger` counts, per outlet, the quotations and quoted words of
  each speaker role, and which role was quoted first.
* :func:`quote_tables` is the pipeline stage that makes these tables and the
  quotations' segments.

What the voice split measures, and misses: it follows quote marks, so a
paraphrase ("Amazon said it would continue ...") counts as the journalist's
voice, and a sentence that quotes a scare-quoted phrase stays the author's
unless the quotation fills most of it.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from coverage.voices.roles import ROLES
from coverage.errors import CorpusWarning
from coverage.voices.segments import quote_segments
from coverage.voices.quotes import KINDS, extract_quotes
from coverage.schema import SENTENCE_COLUMNS, require_columns
from coverage.params import check_share

__all__ = ["VOICES", "sentence_voices", "voice_ledger", "mean_by_voice", "quote_tables"]

#: Values of the ``voice`` column.
VOICES = ("author", "quoted")


def sentence_voices(sentences: pd.DataFrame, quotes: pd.DataFrame, *, threshold: float = 0.5) -> pd.DataFrame:
    """Return the sentence table with ``quoted_share`` and ``voice`` added.

    ``quoted_share`` is the share of the sentence's characters (from its
    first to its last non-space character, spaces inside included) that lie
    inside a quotation of ``quotes``, marks included; ``voice`` is
    ``quoted`` when the share is above ``threshold``, else ``author``. Every
    kind of quotation counts, scare quotes too.

    Parameters
    ----------
    sentences : pandas.DataFrame
        Needs ``article_id``, ``sentence_id``, ``start``, ``end``.
    quotes : pandas.DataFrame
        From :func:`coverage.voices.quotes.extract_quotes` (its ``segments``
        column is used when present, so the attribution between two
        segments of a quotation stays the journalist's), or one row per
        segment (:func:`coverage.voices.segments.quote_segments`); needs
        ``article_id``, ``start``, ``end``.
    threshold : float, default 0.5
        Share above which a sentence is the quoted voice.

    Returns
    -------
    pandas.DataFrame
        A new table: the sentence columns plus ``quoted_share`` (0..1) and
        ``voice``.

    Examples
    --------
    >>> s = pd.DataFrame({"article_id": ["a", "a"], "sentence_id": [0, 1],
    ...                   "start": [0, 10], "end": [10, 20]})
    >>> q = pd.DataFrame({"article_id": ["a"], "start": [12], "end": [20]})
    >>> sentence_voices(s, q)[["quoted_share", "voice"]].values.tolist()
    [[0.0, 'author'], [0.8, 'quoted']]
    """
    require_columns(sentences, ["article_id", "sentence_id", "start", "end"], func="sentence_voices")
    require_columns(quotes, ["article_id", "start", "end"], func="sentence_voices")
    check_share(threshold, name="threshold", func="sentence_voices", low_open=False)
    out = sentences.copy()
    share = np.zeros(len(out), dtype=float)
    if "segments" in quotes.columns:
        require_columns(quotes, ["quote_id"], func="sentence_voices")
        quotes = quote_segments(quotes)
    spans = {a: g for a, g in quotes[["article_id", "start", "end"]].groupby("article_id", sort=False)}
    for article_id, rows in out.groupby("article_id", sort=False).indices.items():
        starts = out["start"].to_numpy(dtype=np.int64)[rows]
        ends = out["end"].to_numpy(dtype=np.int64)[rows]
        if article_id not in spans or not len(rows):
            continue
        size = int(max(ends.max(), spans[article_id]["end"].max())) + 1
        inside = np.zeros(size + 1, dtype=np.int64)
        for start, end in spans[article_id][["start", "end"]].itertuples(index=False):
            inside[max(int(start), 0):max(int(end), 0)] = 1  # overlapping quotations count once
        cumulative = np.concatenate([[0], np.cumsum(inside)])
        length = ends - starts
        quoted = cumulative[ends] - cumulative[starts]
        share[rows] = np.divide(quoted, length, out=np.zeros(len(rows)), where=length > 0)
    out["quoted_share"] = share
    out["voice"] = np.where(share > threshold, "quoted", "author")
    return out


def voice_ledger(quotes: pd.DataFrame, corpus: pd.DataFrame, *, kinds: Sequence[str] = KINDS) -> pd.DataFrame:
    """Count each outlet's quotations and quoted words by speaker role.

    Measures whose words an outlet prints inside quote marks: quotations (a
    quotation interrupted by its attribution counts once) and their words
    per role, the role's share of all quoted words of the
    outlet, and in how many of the outlet's articles the first attributed
    quotation comes from that role. Blind spots: paraphrase is invisible, and
    a role is only as good as the speaker found for the quotation.

    Parameters
    ----------
    quotes : pandas.DataFrame
        From :func:`coverage.voices.quotes.extract_quotes`.
    corpus : pandas.DataFrame
        Needs ``article_id`` and ``outlet``; every outlet gets rows, even
        without quotations.
    kinds : sequence of str
        Kinds of quotation counted (default both ``full`` and ``partial``).

    Returns
    -------
    pandas.DataFrame
        One row per outlet and role (every role of :data:`ROLES`):
        ``outlet, role, n_articles, n_quotes, quoted_words,
        quoted_word_share`` (NaN for an outlet with no quoted words) and
        ``n_first`` (articles whose first attributed quotation is this role's).

    Examples
    --------
    >>> q = pd.DataFrame({"article_id": ["a", "a"], "start": [0, 30], "n_words": [6, 2],
    ...                   "kind": ["full", "partial"], "role": ["company", "unattributed"]})
    >>> c = pd.DataFrame({"article_id": ["a"], "outlet": ["Recode"]})
    >>> t = voice_ledger(q, c).set_index("role")
    >>> int(t.loc["company", "quoted_words"]), float(t.loc["company", "quoted_word_share"])
    (6, 0.75)
    >>> int(t.loc["company", "n_first"]), int(t.loc["unattributed", "n_first"])
    (1, 0)
    """
    require_columns(quotes, ["article_id", "start", "n_words", "kind", "role"], func="voice_ledger")
    require_columns(corpus, ["article_id", "outlet"], func="voice_ledger")
    outlets = corpus.drop_duplicates("article_id").set_index("article_id")["outlet"]
    unknown = ~quotes["article_id"].isin(outlets.index)
    if unknown.any():
        warnings.warn(f"voice_ledger(): {int(unknown.sum())} quotations belong to articles missing from the "
                      "corpus and are not counted", CorpusWarning, stacklevel=2)
    chosen = quotes[quotes["kind"].isin(list(kinds)) & ~unknown].assign(
        outlet=lambda t: t["article_id"].map(outlets))
    grid = pd.MultiIndex.from_product([sorted(outlets.unique(), key=str), list(ROLES)], names=["outlet", "role"])
    counts = chosen.groupby(["outlet", "role"]).agg(n_quotes=("n_words", "size"), quoted_words=("n_words", "sum"))
    ordered = chosen[chosen["role"] != "unattributed"].sort_values(["article_id", "start"])
    first = ordered.drop_duplicates("article_id").groupby(["outlet", "role"]).size().rename("n_first")
    ledger = pd.concat([counts, first], axis=1).reindex(grid).fillna(0).astype("int64").reset_index()
    totals = ledger.groupby("outlet")["quoted_words"].transform("sum")
    ledger["quoted_word_share"] = (ledger["quoted_words"] / totals.where(totals > 0)).astype(float)
    ledger["n_articles"] = ledger["outlet"].map(outlets.groupby(outlets).size()).astype("int64")
    return ledger[["outlet", "role", "n_articles", "n_quotes", "quoted_words", "quoted_word_share", "n_first"]]


def mean_by_voice(features: pd.DataFrame, voices: pd.DataFrame, *, columns: Sequence[str],
                  by: Sequence[str] = ("article_id",), weight: str | None = "n_words") -> pd.DataFrame:
    """Average per-sentence feature columns per group and voice.

    Parameters
    ----------
    features : pandas.DataFrame
        One row per sentence: ``article_id``, ``sentence_id`` and ``columns``.
    voices : pandas.DataFrame
        From :func:`sentence_voices`: ``article_id``, ``sentence_id``,
        ``voice`` (plus any ``by`` column not in ``features``, e.g. ``outlet``).
    columns : sequence of str
        Feature columns to average.
    by : sequence of str, default ("article_id",)
        Grouping columns besides ``voice``.
    weight : str or None, default "n_words"
        Column weighting each sentence (taken from either table), so a long
        sentence counts more, as in :mod:`coverage.measures.sentiment`; ``None`` for
        plain means.

    Returns
    -------
    pandas.DataFrame
        One row per group and voice that has sentences: ``by``, ``voice``,
        ``n_sentences`` and the averaged ``columns``.

    Examples
    --------
    >>> f = pd.DataFrame({"article_id": [1, 1, 1], "sentence_id": [0, 1, 2], "vader": [-0.5, 0.5, 0.1]})
    >>> v = pd.DataFrame({"article_id": [1, 1, 1], "sentence_id": [0, 1, 2], "voice": ["author", "quoted", "quoted"]})
    >>> mean_by_voice(f, v, columns=["vader"], weight=None)[["voice", "n_sentences", "vader"]].values.tolist()
    [['author', 1, -0.5], ['quoted', 2, 0.3]]
    """
    keys = ["article_id", "sentence_id"]
    by = list(by)
    require_columns(features, keys + list(columns), func="mean_by_voice")
    require_columns(voices, keys + ["voice"], func="mean_by_voice")
    extra = [c for c in by + ([weight] if weight else []) if c not in features.columns and c != "voice"]
    require_columns(voices, extra, func="mean_by_voice")
    table = features.merge(voices[keys + ["voice"] + extra], on=keys, how="left", validate="one_to_one")
    missing = table["voice"].isna()
    if missing.any():
        warnings.warn(f"mean_by_voice(): {int(missing.sum())} of {len(table)} sentences have no voice "
                      "(not in the voices table) and are left out", CorpusWarning, stacklevel=2)
        table = table[~missing]
    w = table[weight].astype(float) if weight else pd.Series(1.0, index=table.index)
    weighted = table[list(columns)].astype(float).mul(w, axis=0).assign(_w=w, n_sentences=1)
    weighted[by + ["voice"]] = table[by + ["voice"]]
    sums = weighted.groupby(by + ["voice"], sort=True).sum()
    out = sums[list(columns)].div(sums["_w"].where(sums["_w"] > 0), axis=0)
    out.insert(0, "n_sentences", sums["n_sentences"].astype("int64"))
    return out.reset_index()


def quote_tables(corpus: pd.DataFrame, sentences: pd.DataFrame, *, roles: str | Path | None = None,
                 verbs: str | Path | None = None) -> dict[str, pd.DataFrame]:
    """The quotes stage of the pipeline: quotations, their segments, voiced sentences, voice ledger.

    ``quotes`` and ``sentences`` depend on one article at a time, so they can
    be computed per article (and cached); ``voice_ledger`` sums over each
    outlet's articles, so a pipeline that runs stages per article should
    recompute it once on the whole corpus with :func:`voice_ledger`.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The corpus table (``article_id``, ``outlet``, ``text``).
    sentences : pandas.DataFrame
        The sentence table of :func:`coverage.split_sentences`.
    roles, verbs : str or Path, optional
        Replace the shipped ``roles.yaml`` / ``reporting_verbs.yaml``.

    Returns
    -------
    dict of str to DataFrame
        ``"quotes"`` (for ``data/processed/quotes.csv``, one row per
        quotation), ``"quote_segments"`` (for
        ``data/processed/quote_segments.csv``, one row per segment, see
        :func:`coverage.voices.segments.quote_segments`), ``"sentences"`` (a
        new sentence table with ``quoted_share`` and ``voice``) and
        ``"voice_ledger"``.

    Examples
    --------
    >>> corpus = pd.DataFrame({"article_id": ["a"], "outlet": ["X"], "body_start": [0],
    ...                        "text": ['"We refuse to build it," a worker said. Amazon declined.']})
    >>> from coverage.text.sentences import split_sentences
    >>> out = quote_tables(corpus, split_sentences(corpus))
    >>> out["sentences"]["voice"].tolist()
    ['quoted', 'author']
    """
    require_columns(corpus, ["article_id", "outlet", "text"], func="quote_tables")
    require_columns(sentences, SENTENCE_COLUMNS, func="quote_tables")
    quotes = extract_quotes(corpus, roles=roles, verbs=verbs)
    return {
        "quotes": quotes,
        "quote_segments": quote_segments(quotes, corpus),
        "sentences": sentence_voices(sentences, quotes),
        "voice_ledger": voice_ledger(quotes, corpus),
    }
