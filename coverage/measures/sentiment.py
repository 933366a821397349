"""Sentence and article sentiment from two off-the-shelf lexicons: TextBlob and VADER.

Both are *lexicon* scorers: each word carries a score written by people for
another kind of text, and a sentence's score combines the scores of its
words. Neither knows who or what the sentiment is about, so "critics slammed
Amazon" and "Amazon slammed critics" score the same. Read them as the tone of
the wording, not as the outlet's opinion of Amazon. How well each agrees with
people who rated news sentences is measured in :mod:`coverage.measures.human_ratings`.

The measures (columns):

``textblob_polarity``
    TextBlob's ``PatternAnalyzer`` polarity, -1 (negative) .. +1 (positive):
    the average score of the adjectives and adverbs it knows, with "not"
    flipping and "very" intensifying the next word. The lexicon was built
    from product reviews, so it scores words in their review sense: the noun
    "firm" (a company) counts as the adjective "firm" (-0.2) and "the data
    firm Palantir" reads as mildly negative. Words it does not know, which is
    most nouns and verbs ("surveillance", "deportation", "protest"), count as
    neutral, so news sentences often score exactly 0.
``textblob_subjectivity``
    TextBlob's subjectivity, 0 (factual) .. 1 (opinion), from the same
    adjectives. It is not a polarity measure and hardly tracks how positive
    or negative people find a sentence; it rises with evaluative adjectives
    ("controversial", "huge").
``vader_compound``
    VADER's compound score, -1 .. +1: the sum of the valence of every word
    it knows (with rules for negation within three words, "but", capitals,
    exclamation marks and degree adverbs), squashed by ``x / sqrt(x**2 + 15)``.
    Built for social media. Because of the squashing, the compound saturates
    near +-1 on long texts: a whole article almost always lands near an end,
    which is why the kit scores sentences and averages them instead of
    scoring articles. Negation is handled differently from TextBlob: VADER
    multiplies by -0.74 for a negator in the three preceding words, TextBlob
    multiplies the next word by -0.5.

A blind spot that matters for this story: VADER's lexicon scores the word
"amazon" +0.7 (the river? "amazing"?), so every sentence that names the
company scores higher than its wording would; in the shipped articles,
taking the name out lowers the average of the 53 sentences that name Amazon
by 0.14 and flips the corpus mean from positive to negative (notebook 02).
Read VADER differences between outlets that name Amazon more or less often
with that in mind.

Article summaries weight each sentence by its words, and count sentences that
are *clearly* negative or positive using :data:`CLEAR_THRESHOLDS`.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

import numpy as np
import pandas as pd

from coverage.errors import CorpusWarning
from coverage.schema import POSITIONS, require_columns
from coverage.params import param_error

__all__ = [
    "SENTIMENT_MEASURES",
    "CLEAR_THRESHOLDS",
    "score_texts",
    "score_sentences",
    "textblob_sentiment",
    "vader_analyzer",
    "summarise_sentiment",
    "article_sentiment",
    "compare_sentiment",
]

#: The per-sentence sentiment columns, in order.
SENTIMENT_MEASURES = ("textblob_polarity", "textblob_subjectivity", "vader_compound")

#: A sentence is *clearly* negative when its score is at or below minus the
#: threshold, clearly positive at or above it. VADER's authors call a compound
#: of +-0.05 the edge of neutral; the kit wants clear cases, and at +-0.5 about
#: 55% of the NYT sentences that VADER calls clearly negative are rated at or
#: below -1 (of -4..+4) by 20 people, against 19% of all sentences. TextBlob's
#: polarity runs on a compressed scale (news sentences rarely pass +-0.5), so
#: its threshold is half as high; at +-0.25 about 47% of its clearly negative
#: NYT sentences are rated at or below -1.
CLEAR_THRESHOLDS = {"textblob_polarity": 0.25, "vader_compound": 0.5}


@lru_cache(maxsize=1)
def vader_analyzer():
    """Return VADER's analyser, built once per process on first use (loading its lexicon takes ~0.1 s)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def textblob_sentiment(text: str) -> tuple[float, float]:
    """Return TextBlob's ``(polarity, subjectivity)`` of ``text``.

    The same numbers as ``TextBlob(text).sentiment``, from the pattern
    analyser that TextBlob wraps (``textblob.en.sentiment``), called
    directly: TextBlob builds a new ``namedtuple`` class on every call,
    which costs as much as scoring a short sentence.

    Examples
    --------
    >>> [round(x, 3) for x in textblob_sentiment("This is not bad at all!")]
    [0.437, 0.667]
    """
    from textblob.en import sentiment

    polarity, subjectivity = sentiment(text)
    return polarity, subjectivity


def score_texts(texts: Iterable[str]) -> pd.DataFrame:
    """Score each text with TextBlob and VADER (a text that recurs is scored once).

    Parameters
    ----------
    texts : iterable of str
        One text per row; a missing text (None/NA) gets missing scores.

    Returns
    -------
    pandas.DataFrame
        One row per text, columns :data:`SENTIMENT_MEASURES`.

    Examples
    --------
    >>> score_texts(["This is not bad at all!"]).round(3).iloc[0].tolist()
    [0.437, 0.667, 0.484]
    """
    vader = vader_analyzer()
    rows = []
    seen: dict[str, tuple[float, float, float]] = {}  # both scorers are functions of the text: each text once
    for text in texts:
        if text is None or text is pd.NA or (isinstance(text, float) and np.isnan(text)):
            rows.append((np.nan, np.nan, np.nan))
            continue
        text = str(text)
        if (row := seen.get(text)) is None:
            polarity, subjectivity = textblob_sentiment(text)
            row = seen[text] = (polarity, subjectivity, vader.polarity_scores(text)["compound"])
        rows.append(row)
    return pd.DataFrame(rows, columns=list(SENTIMENT_MEASURES), dtype=float)


def score_sentences(sentences: pd.DataFrame) -> pd.DataFrame:
    """Score every sentence with TextBlob polarity/subjectivity and VADER compound.

    Parameters
    ----------
    sentences : pandas.DataFrame
        Sentence table with ``article_id``, ``sentence_id`` and ``text``.

    Returns
    -------
    pandas.DataFrame
        ``article_id``, ``sentence_id`` and the :data:`SENTIMENT_MEASURES`
        (see the module notes for what each measures and where it fails).

    Warns
    -----
    CorpusWarning
        Counting sentences without text, which get missing scores.

    Examples
    --------
    >>> s = pd.DataFrame({"article_id": [1], "sentence_id": [0],
    ...                   "text": ["The firm said it was a good day."]})
    >>> score_sentences(s).round(2).iloc[0].tolist()
    [1.0, 0.0, 0.25, 0.5, 0.44]
    """
    require_columns(sentences, ["article_id", "sentence_id", "text"], func="score_sentences")
    missing = sentences["text"].isna()
    if missing.any():
        warnings.warn(
            f"score_sentences(): {int(missing.sum())} of {len(sentences)} sentences have no text; "
            "their sentiment is missing",
            CorpusWarning, stacklevel=2,
        )
    scores = score_texts(sentences["text"].astype(object).where(~missing, None))
    keys = sentences[["article_id", "sentence_id"]].reset_index(drop=True)
    return pd.concat([keys, scores], axis=1)


def summarise_sentiment(
    scored: pd.DataFrame,
    *,
    by: str | Sequence[str] | None = None,
    thresholds: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """Summarise sentence sentiment per article (and per group of ``by``).

    Parameters
    ----------
    scored : pandas.DataFrame
        One row per sentence with ``article_id``, ``n_words``, the
        :data:`SENTIMENT_MEASURES` and the ``by`` columns (for example the
        sentence table joined with :func:`score_sentences`).
    by : str or sequence of str, optional
        Extra grouping columns of the sentence table, e.g. ``"position"`` or
        ``"voice"``.
    thresholds : mapping, optional
        Replaces :data:`CLEAR_THRESHOLDS` (measure -> positive number).

    Returns
    -------
    pandas.DataFrame
        One row per article (and ``by`` group): ``n_sentences``, ``n_words``;
        each measure as a mean weighted by the words of each sentence (so a
        one-word sentence counts less than a forty-word one); and for each
        thresholded measure ``textblob_share_negative`` /
        ``textblob_share_positive`` (and ``vader_...``), the share of *sentences* (unweighted)
        that are clearly negative / positive. A group whose sentences have no
        words has missing means.

    Examples
    --------
    >>> t = pd.DataFrame({"article_id": [1, 1], "n_words": [10, 30],
    ...                   "textblob_polarity": [0.4, 0.0], "textblob_subjectivity": [1.0, 0.0],
    ...                   "vader_compound": [-0.6, 0.2]})
    >>> r = summarise_sentiment(t).iloc[0]
    >>> float(r["textblob_polarity"]), float(r["vader_share_negative"])
    (0.1, 0.5)
    """
    by_cols = [] if by is None else ([by] if isinstance(by, str) else list(by))
    thresholds = dict(CLEAR_THRESHOLDS if thresholds is None else thresholds)
    for measure, value in thresholds.items():
        if measure not in CLEAR_THRESHOLDS or not value > 0:
            raise param_error("thresholds", "summarise_sentiment",
                              f"a mapping of {' or '.join(CLEAR_THRESHOLDS)} to positive numbers", {measure: value})
    require_columns(scored, ["article_id", "n_words", *SENTIMENT_MEASURES, *by_cols], func="summarise_sentiment")
    keys = ["article_id", *by_cols]
    data = scored[keys].copy()
    words = pd.to_numeric(scored["n_words"]).astype(float).to_numpy()
    missing = scored[list(SENTIMENT_MEASURES)].isna().any(axis=1)
    if missing.any():
        warnings.warn(
            f"summarise_sentiment(): {int(missing.sum())} of {len(scored)} sentences have no score "
            "and are left out of the means and shares",
            CorpusWarning, stacklevel=2,
        )
    scored_ok = (~missing).to_numpy()
    data["n_sentences"] = scored_ok.astype(int)
    data["n_words"] = np.where(scored_ok, words, 0.0)
    for measure in SENTIMENT_MEASURES:
        x = scored[measure].astype(float).to_numpy()
        data[f"_wx_{measure}"] = np.where(scored_ok, x * words, 0.0)
    for measure, cut in thresholds.items():
        x = scored[measure].astype(float).to_numpy()
        data[_share(measure, "negative")] = (scored_ok & (x <= -cut)).astype(int)
        data[_share(measure, "positive")] = (scored_ok & (x >= cut)).astype(int)
    sums = data.groupby(keys, sort=True, dropna=False).sum().reset_index()
    out = sums[keys + ["n_sentences", "n_words"]].copy()
    with np.errstate(invalid="ignore", divide="ignore"):
        for measure in SENTIMENT_MEASURES:
            out[measure] = np.where(sums["n_words"] > 0, sums[f"_wx_{measure}"] / sums["n_words"], np.nan)
        for measure in thresholds:
            for side in ("negative", "positive"):
                col = _share(measure, side)
                out[col] = np.where(sums["n_sentences"] > 0, sums[col] / sums["n_sentences"], np.nan)
    out["n_sentences"] = out["n_sentences"].astype(int)
    out["n_words"] = out["n_words"].astype(int)
    return out


def _share(measure: str, side: str) -> str:
    # "vader_compound" -> "vader_share_negative": short names for wide tables
    return f"{measure.split('_')[0]}_share_{side}"


def article_sentiment(
    scored: pd.DataFrame,
    *,
    thresholds: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """Return one row per article: whole-article sentiment, then per position.

    Parameters
    ----------
    scored : pandas.DataFrame
        As for :func:`summarise_sentiment`, with a ``position`` column.
    thresholds : mapping, optional
        Replaces :data:`CLEAR_THRESHOLDS`.

    Returns
    -------
    pandas.DataFrame
        ``article_id``, the measures of :func:`summarise_sentiment` over all
        sentences, and the same measures for the headline, lede and body as
        ``headline_<measure>``, ``lede_<measure>``, ``body_<measure>``. An
        article without a headline (or lede) has missing values there. Word
        choice near the top of an article shapes the reader's impression
        most, which is why the headline and lede are kept apart.

    Examples
    --------
    >>> t = pd.DataFrame({"article_id": [1, 1], "position": ["headline", "body"],
    ...                   "n_words": [5, 15], "textblob_polarity": [-0.4, 0.0],
    ...                   "textblob_subjectivity": [0.5, 0.1], "vader_compound": [-0.5, 0.0]})
    >>> r = article_sentiment(t).iloc[0]
    >>> float(r["vader_compound"]), float(r["headline_vader_compound"]), bool(np.isnan(r["lede_vader_compound"]))
    (-0.125, -0.5, True)
    """
    require_columns(scored, ["article_id", "position", "n_words", *SENTIMENT_MEASURES], func="article_sentiment")
    whole = summarise_sentiment(scored, thresholds=thresholds)
    measures = [c for c in whole.columns if c not in ("article_id", "n_sentences", "n_words")]
    out = whole[["article_id", *measures]].set_index("article_id")
    by_pos = summarise_sentiment(scored, by="position", thresholds=thresholds).set_index(["article_id", "position"])
    for position in POSITIONS:
        part = by_pos.xs(position, level="position")[measures] if position in set(by_pos.index.get_level_values(1)) \
            else pd.DataFrame(columns=measures, dtype=float)
        part = part.reindex(out.index)
        out = out.join(part.add_prefix(f"{position}_"))
    return out.reset_index()


def compare_sentiment(
    scored: pd.DataFrame,
    *,
    by: str | Sequence[str] = "outlet",
    measures: Sequence[str] = ("textblob_polarity", "vader_compound"),
    n_resamples: int = 2000,
    seed: int = 0,
) -> pd.DataFrame:
    """Word-weighted mean sentiment per group of ``by``, with 95% bootstrap intervals.

    Parameters
    ----------
    scored : pandas.DataFrame
        One row per sentence with ``article_id``, ``n_words``, the
        ``measures`` and the ``by`` columns (e.g. the ``sentence_framing``
        table of :func:`coverage.measures.sentence_features.framing_tables`).
    by : str or sequence of str, default "outlet"
        Grouping column(s): ``"outlet"``, ``"position"``, ``"voice"``...
    measures : sequence of str
        Columns of :data:`SENTIMENT_MEASURES` to compare.
    n_resamples, seed
        Passed to :func:`coverage.compare.intervals.compare_groups`.

    Returns
    -------
    pandas.DataFrame
        ``measure`` then the columns of :func:`coverage.compare.intervals.compare_groups`:
        the ``by`` column(s), ``estimate`` (mean of the measure weighted by
        sentence words), ``ci_low``, ``ci_high``, ``n_articles``, ``n_units``.

    Examples
    --------
    >>> t = pd.DataFrame({"outlet": ["A", "A"], "article_id": [1, 2], "n_words": [10, 30],
    ...                   "textblob_polarity": [0.4, 0.0], "vader_compound": [0.0, -0.4]})
    >>> compare_sentiment(t)["estimate"].round(2).tolist()
    [0.1, -0.3]
    """
    from coverage.compare.intervals import compare_groups

    by_cols = [by] if isinstance(by, str) else list(by)
    unknown = [m for m in measures if m not in SENTIMENT_MEASURES]
    if unknown:
        raise param_error("measures", "compare_sentiment", "among " + ", ".join(map(repr, SENTIMENT_MEASURES)),
                          unknown[0])
    require_columns(scored, ["article_id", "n_words", *measures, *by_cols], func="compare_sentiment")
    parts = []
    for measure in measures:
        # A word-weighted mean is a ratio estimate: sum(score * words) / sum(words).
        data = scored[[*by_cols, "article_id", "n_words"]].assign(
            _weighted=scored[measure].astype(float) * scored["n_words"].astype(float))
        data.loc[scored[measure].isna(), "_weighted"] = np.nan
        part = compare_groups(data, value="_weighted", weight="n_words", by=by_cols,
                              n_resamples=n_resamples, seed=seed)
        parts.append(part.assign(measure=measure))
    out = pd.concat(parts, ignore_index=True)
    return out[["measure", *[c for c in out.columns if c != "measure"]]]
