"""Stance toward a target, mention by mention, and its summaries per article and outlet.

"Stance toward Amazon" is the tone of what is said about Amazon *where it is
mentioned*, not the tone of the whole sentence: "Employees condemned Amazon"
and "Amazon condemned the leak" share a sentence sentiment and have opposite
stances. The steps:

1. :func:`coverage.stance.mentions.find_mentions` finds every mention;
2. :func:`predict_stance` classifies each with the NewsMTSC-trained
   :class:`~coverage.stance.model.StanceClassifier` (negative / neutral /
   positive, with probabilities);
3. :func:`stance_counts` and :func:`compare_stance` summarise: counts of the
   three classes and the **stance index** ``(positive − negative) /
   mentions`` (−1: every mention negative, +1: every mention positive), per
   article, per outlet, by voice (journalist versus quoted source) and by
   group (the company versus its leaders), with bootstrap intervals;
4. :func:`coverage.stance.labels.label_agreement` compares the model
   with hand labels.

:func:`mention_stance` (per article) and :func:`stance_summary` (whole
corpus) are the pipeline stages; :func:`stance_tables` runs both.

Blind spots: the classifier was trained on political news about persons and
is applied to a company in tech news (check :func:`coverage.stance.labels.label_agreement` before
trusting it); a mention's stance is read from its sentence only; the index
treats every mention alike, so an article that names Amazon often weighs
more than one that names it once.
"""

from __future__ import annotations

import warnings
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from coverage.compare.intervals import compare_groups
from coverage.errors import CorpusError, CorpusWarning
from coverage.stance.mentions import MENTION_COLUMNS, find_mentions
from coverage.schema import require_columns
from coverage.stance.model import LABELS, load_stance_model, newsmtsc_splits

__all__ = [
    "STANCE_SCORE", "other_spans", "predict_stance", "stance_counts", "article_stance",
    "compare_stance", "mention_stance", "stance_summary", "stance_tables",
]

#: Numeric value of each class; its mean over mentions is the stance index.
STANCE_SCORE = {"negative": -1, "neutral": 0, "positive": 1}

_PROBA = [f"p_{label}" for label in LABELS]


def predict_stance(mentions: pd.DataFrame, sentences: pd.DataFrame, *, model) -> pd.DataFrame:
    """Classify the stance of every mention.

    Parameters
    ----------
    mentions : pandas.DataFrame
        From :func:`coverage.stance.mentions.find_mentions` (offsets into sentences).
        The other mentions of each sentence are masked in the model's
        lexicon scores (:func:`other_spans`), unless the table brings its
        own ``other_spans`` column.
    sentences : pandas.DataFrame
        The sentence table the mentions were found in (``article_id``,
        ``sentence_id``, ``text``; ``voice`` is carried over when present).
    model : StanceClassifier
        A fitted model (:func:`coverage.stance.model.load_stance_model`).

    Returns
    -------
    pandas.DataFrame
        The mentions plus ``sentence`` (its text), ``voice`` (if the sentence
        table has it), ``stance`` (the most probable class), ``p_negative``,
        ``p_neutral``, ``p_positive``, ``stance_score`` (−1, 0 or +1) and
        ``stance_net`` (``p_positive − p_negative``, a graded score in −1..1).

    Examples
    --------
    >>> from coverage.stance.model import StanceClassifier
    >>> train = pd.DataFrame({"text": ["Critics slammed Amazon.", "Fans praised Amazon."] * 3,
    ...     "start": [16, 13] * 3, "end": [22, 19] * 3})
    >>> model = StanceClassifier(min_df=1).fit(train, ["negative", "positive"] * 3)
    >>> s = pd.DataFrame({"article_id": ["a"], "sentence_id": [0], "text": ["Critics slammed Amazon."]})
    >>> predict_stance(find_mentions(s), s, model=model)["stance"].tolist()
    ['negative']
    """
    require_columns(mentions, ["article_id", "sentence_id", "start", "end"], func="predict_stance")
    require_columns(sentences, ["article_id", "sentence_id", "text"], func="predict_stance")
    extra = ["voice"] if "voice" in sentences.columns else []
    context = sentences[["article_id", "sentence_id", "text", *extra]].rename(columns={"text": "sentence"})
    out = mentions.merge(context, on=["article_id", "sentence_id"], how="left", validate="many_to_one")
    lost = out["sentence"].isna()
    if lost.any():
        raise CorpusError(f"predict_stance(): {int(lost.sum())} mention(s) point to sentences that are "
                          "not in the sentence table; pass the table the mentions were found in")
    if len(out):
        rows = out.rename(columns={"sentence": "text"})
        if "other_spans" not in rows.columns:
            rows = rows.assign(other_spans=other_spans(rows))
        raw = model.predict_proba(rows)
        # A model trained without some class gives it probability 0.
        proba = np.zeros((len(out), len(LABELS)))
        for j, cls in enumerate(model.classes_):
            if cls not in LABELS:
                raise ValueError(f"predict_stance() expects a model of the classes {', '.join(LABELS)}; "
                                 f"this one predicts {cls!r}")
            proba[:, LABELS.index(cls)] = raw[:, j]
    else:
        proba = np.empty((0, len(LABELS)))
    stance = pd.Series([LABELS[i] for i in proba.argmax(axis=1)], index=out.index, dtype="str")
    out = out.assign(stance=stance,
                     **{name: proba[:, i] for i, name in enumerate(_PROBA)})
    return out.assign(stance_score=out["stance"].map(STANCE_SCORE).astype("int64"),
                      stance_net=out["p_positive"] - out["p_negative"])


def other_spans(mentions: pd.DataFrame) -> list[list[tuple[int, int]]]:
    """Return, for each mention, the ``(start, end)`` offsets of the other mentions of its sentence.

    The stance model masks them in its lexicon scores, as it does the
    mention itself: "Bezos praised Amazon" says nothing about tone through
    the names (VADER alone scores "amazon" +0.7).

    Examples
    --------
    >>> m = pd.DataFrame({"article_id": ["a", "a", "a"], "sentence_id": [0, 0, 1],
    ...                   "start": [0, 16, 0], "end": [5, 22, 6]})
    >>> other_spans(m)
    [[(16, 22)], [(0, 5)], []]
    """
    require_columns(mentions, ["article_id", "sentence_id", "start", "end"], func="other_spans")
    keys = list(zip(mentions["article_id"], mentions["sentence_id"]))
    spans = list(zip(mentions["start"].astype(int).tolist(), mentions["end"].astype(int).tolist()))
    by_sentence = defaultdict(list)
    for key, span in zip(keys, spans):
        by_sentence[key].append(span)
    return [[o for o in by_sentence[key] if o != span] for key, span in zip(keys, spans)]


def stance_counts(mentions: pd.DataFrame, *, by: str | Sequence[str] = "article_id",
                  label: str = "stance") -> pd.DataFrame:
    """Count negative, neutral and positive mentions per group and their stance index.

    The stance index is ``(n_positive − n_negative) / n_mentions``: −1 when
    every mention is negative, 0 when positives and negatives balance (or
    all are neutral), +1 when every mention is positive.

    Examples
    --------
    >>> m = pd.DataFrame({"article_id": ["a", "a", "a", "b"],
    ...                   "stance": ["negative", "negative", "positive", "neutral"]})
    >>> stance_counts(m).values.tolist()
    [['a', 3, 2, 0, 1, -0.3333333333333333], ['b', 1, 0, 1, 0, 0.0]]
    """
    by_cols = [by] if isinstance(by, str) else list(by)
    require_columns(mentions, [*by_cols, label], func="stance_counts")
    _check_labels(mentions[label], func="stance_counts", column=label)
    counts = (pd.crosstab([mentions[c] for c in by_cols], mentions[label])
              .reindex(columns=list(LABELS), fill_value=0))
    out = pd.DataFrame({
        "n_mentions": counts.sum(axis=1),
        **{f"n_{lab}": counts[lab] for lab in LABELS},
    }).astype("int64")
    out["stance_index"] = (out["n_positive"] - out["n_negative"]) / out["n_mentions"]
    return out.reset_index().rename_axis(columns=None)


def article_stance(mentions: pd.DataFrame, corpus: pd.DataFrame) -> pd.DataFrame:
    """Return one row per article of ``corpus`` with its stance counts and index.

    Columns: ``article_id``, then ``stance_mentions``, ``stance_negative``,
    ``stance_neutral``, ``stance_positive``, ``stance_index`` over mentions of
    the target itself, and ``affiliate_mentions``, ``affiliate_stance_index``
    over mentions of its leaders. An article without mentions gets zero
    counts and a missing index: "never names Amazon" is a finding too.

    Examples
    --------
    >>> m = pd.DataFrame({"article_id": ["a", "a"], "group": ["target", "affiliate"],
    ...                   "stance": ["negative", "neutral"]})
    >>> article_stance(m, pd.DataFrame({"article_id": ["a", "b"]}))[["article_id", "stance_index"]].values.tolist()
    [['a', -1.0], ['b', nan]]
    """
    require_columns(mentions, ["article_id", "group", "stance"], func="article_stance")
    require_columns(corpus, ["article_id"], func="article_stance")
    out = corpus[["article_id"]].drop_duplicates()
    own = stance_counts(mentions[mentions["group"] == "target"], by="article_id")
    own = own.rename(columns={"n_mentions": "stance_mentions", **{f"n_{x}": f"stance_{x}" for x in LABELS}})
    aff = stance_counts(mentions[mentions["group"] == "affiliate"], by="article_id")
    aff = aff[["article_id", "n_mentions", "stance_index"]].rename(
        columns={"n_mentions": "affiliate_mentions", "stance_index": "affiliate_stance_index"})
    out = out.merge(own, on="article_id", how="left").merge(aff, on="article_id", how="left")
    counts = [c for c in out.columns if c.endswith("_mentions") or c in {f"stance_{x}" for x in LABELS}]
    return out.fillna({c: 0 for c in counts}).astype({c: "int64" for c in counts})


def compare_stance(mentions: pd.DataFrame, *, by: str | Sequence[str] = "outlet",
                   n_resamples: int = 2000, seed: int = 0) -> pd.DataFrame:
    """Stance index per group with a bootstrap interval and the class counts.

    The estimate is the mean of ``stance_score`` (the stance index); the
    interval comes from :func:`coverage.compare.intervals.compare_groups`, which
    resamples articles when a group has at least two and mentions otherwise
    (and warns: with one article per outlet the interval only says how
    uneven that article is).

    Returns
    -------
    pandas.DataFrame
        The ``by`` columns, ``estimate``, ``ci_low``, ``ci_high``,
        ``n_articles``, ``n_units`` (mentions), ``n_negative``, ``n_neutral``,
        ``n_positive``.
    """
    by_cols = [by] if isinstance(by, str) else list(by)
    require_columns(mentions, [*by_cols, "article_id", "stance", "stance_score"], func="compare_stance")
    est = compare_groups(mentions, value="stance_score", by=by_cols, n_resamples=n_resamples, seed=seed,
                         )
    counts = stance_counts(mentions, by=by_cols).drop(columns=["n_mentions", "stance_index"])
    return est.merge(counts, on=by_cols, how="left")


def mention_stance(corpus: pd.DataFrame, sentences: pd.DataFrame, *, model, target: str = "amazon",
                   targets_file: str | Path | None = None) -> dict[str, pd.DataFrame]:
    """Per-article stage: find the mentions, classify them, count them per article.

    A pure function of its articles and the model, so it can run on any
    partition of the corpus (and be cached per article, keyed also by
    :func:`coverage.stance.model.stance_model_key`). With ``model=None`` the
    mentions come without stance columns and ``article_stance`` holds only
    the article ids.

    Returns
    -------
    dict of str to DataFrame
        ``"mentions"`` (for ``mentions.csv``: ``article_id``, ``outlet``, the
        columns of :func:`coverage.stance.mentions.find_mentions` and of
        :func:`predict_stance`) and ``"article_stance"`` (:func:`article_stance`).
    """
    require_columns(corpus, ["article_id", "outlet"], func="mention_stance")
    mentions = find_mentions(sentences, target=target, targets_file=targets_file)
    if model is None:
        # No trained model (no NewsMTSC in the data folder): the mentions are
        # still worth having, without stance.
        found = mentions.merge(corpus[["article_id", "outlet"]], on="article_id", how="left")
        return {"mentions": found, "article_stance": corpus[["article_id"]].copy()}
    scored = predict_stance(mentions, sentences, model=model)
    scored = scored.merge(corpus[["article_id", "outlet"]], on="article_id", how="left")
    front = ["article_id", "outlet", *MENTION_COLUMNS[1:]]
    scored = scored[front + [c for c in scored.columns if c not in front]]
    return {"mentions": scored, "article_stance": article_stance(scored, corpus)}


def stance_summary(mentions: pd.DataFrame, *, n_resamples: int = 2000, seed: int = 0) -> pd.DataFrame:
    """Corpus stage: the stance index per outlet, by voice and by group, with intervals.

    Rows of :func:`compare_stance` stacked with a ``split`` column: per
    outlet for the target itself (``"outlet"``), per outlet and voice for
    the target itself (``"voice"``, when ``mentions`` has a ``voice``
    column) and per outlet and group, target versus affiliates (``"group"``).
    """
    require_columns(mentions, ["article_id", "outlet", "group", "stance", "stance_score"], func="stance_summary")
    if mentions.empty:
        return _empty_summary()
    own = mentions[mentions["group"] == "target"]
    splits = [("outlet", own, ["outlet"])]
    if "voice" in mentions.columns:
        splits.append(("voice", own, ["outlet", "voice"]))
    splits.append(("group", mentions, ["outlet", "group"]))
    parts = [compare_stance(rows, by=by, n_resamples=n_resamples, seed=seed).assign(split=name)
             for name, rows, by in splits if len(rows)]
    summary = pd.concat(parts, ignore_index=True)
    first = ["split", "outlet", *(c for c in ("voice", "group") if c in summary.columns)]
    return summary[first + [c for c in summary.columns if c not in first]]


def stance_tables(corpus: pd.DataFrame, sentences: pd.DataFrame, *, data_dir: str | Path,
                  target: str = "amazon", targets_file: str | Path | None = None, model=None,
                  n_resamples: int = 2000) -> dict[str, pd.DataFrame]:
    """Mentions with predicted stance and their summaries, in one call.

    :func:`mention_stance` followed by :func:`stance_summary`, loading (or
    training and caching) the model of ``data_dir`` when none is given.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The corpus (``article_id``, ``outlet``).
    sentences : pandas.DataFrame
        The sentence table; with a ``voice`` column (from the quotes stage)
        the summary is also split by voice.
    data_dir : str or Path
        Data folder: the model is trained from ``external/newsmtsc/`` on first
        use and cached in ``processed/``.
    target, targets_file
        As in :func:`coverage.stance.mentions.find_mentions`.
    model : StanceClassifier, optional
        Use this model instead of the cached one.
    n_resamples : int, default 2000
        Bootstrap resamples of the intervals.

    Returns
    -------
    dict of str to DataFrame
        ``"mentions"``, ``"article_stance"`` and ``"stance_summary"``. When no
        model is given and ``data_dir`` lacks the NewsMTSC training split,
        only ``"mentions"`` (without stance) is returned, with a
        :class:`~coverage.errors.CorpusWarning`.
    """
    require_columns(corpus, ["article_id", "outlet"], func="stance_tables")
    if model is None:
        train_file = newsmtsc_splits(data_dir)["train"]
        if not train_file.is_file():
            # Keep the rest of the pipeline running: mentions alone are still useful.
            mentions = mention_stance(corpus, sentences, model=None, target=target,
                                      targets_file=targets_file)["mentions"]
            warnings.warn(f"stance left out: {train_file} not found, so the stance model cannot be trained; "
                          f"{len(mentions)} mentions written without stance (copy NewsMTSC there, see "
                          "data/external/newsmtsc/PROVENANCE.md)", CorpusWarning, stacklevel=2)
            return {"mentions": mentions}
        model = load_stance_model(data_dir)
    tables = mention_stance(corpus, sentences, model=model, target=target, targets_file=targets_file)
    return {**tables, "stance_summary": stance_summary(tables["mentions"], n_resamples=n_resamples)}


def _empty_summary() -> pd.DataFrame:
    cols = ["split", "outlet", "estimate", "ci_low", "ci_high", "n_articles", "n_units",
            *(f"n_{x}" for x in LABELS)]
    return pd.DataFrame(columns=cols)


def _check_labels(values: pd.Series, *, func: str, column: str) -> None:
    bad = sorted(set(values.dropna().unique()) - set(LABELS))  # unique first: 200,000 mentions, 3 labels
    if bad:
        raise ValueError(f"{func}() expects {column!r} values among {', '.join(LABELS)}; "
                         f"found {', '.join(map(repr, bad[:3]))}")
