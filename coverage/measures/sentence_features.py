"""The framing stage: sentiment and frames for every sentence and article, with evidence.

One function, :func:`framing_tables`, runs :mod:`coverage.measures.sentiment`,
:mod:`coverage.measures.frames` and :func:`coverage.kwic` over the corpus and returns
the tables the pipeline writes and the figures draw from. Its article counts
are, by construction, the number of its evidence rows marked ``counted``; the
rows marked ``excluded`` show the matches the lexicon's rules set aside, and
why.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from coverage.measures.frames import frame_names, frame_rates, load_frame_lexicon, tag_frames
from coverage.measures.keyword_context import kwic
from coverage.schema import SENTENCE_COLUMNS, require_columns
from coverage.measures.sentiment import article_sentiment, score_sentences

__all__ = ["framing_tables"]


def framing_tables(
    corpus: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    mentions: pd.DataFrame | None = None,
    lexicon=None,
) -> dict[str, pd.DataFrame]:
    """Compute sentence sentiment, frame tags, article measures and evidence.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The corpus table: ``article_id`` (every article gets a row, even one
        without sentences) and, if present, ``outlet``.
    sentences : pandas.DataFrame
        The sentence table (:data:`coverage.schema.SENTENCE_COLUMNS`); extra
        columns such as ``voice`` are carried into the sentence output so
        that ``by="voice"`` works downstream.
    mentions : pandas.DataFrame, optional
        ``article_id``/``sentence_id`` of the sentences mentioning the target
        (``coverage.stance.mentions.find_mentions``). When omitted, the target-scoped
        columns are missing.
    lexicon : str, Path or DataFrame, optional
        Frame lexicon; the shipped ``frames.yaml`` by default.

    Returns
    -------
    dict of str to DataFrame
        ``"sentence_framing"``: one row per sentence with the sentence columns
        (without ``text``), ``outlet`` (from the corpus), ``textblob_polarity``, ``textblob_subjectivity``,
        ``vader_compound``, ``<frame>_terms``, ``frame_tag`` and ``target``
        (the sentence mentions the target).
        ``"article_framing"``: one row per article, sentiment (whole article
        and per position) and frame measures, whole article and, prefixed
        ``target_``, over target sentences only.
        ``"evidence"``: one row per frame term matched (the columns of
        :func:`coverage.kwic` plus ``target``): ``decision`` ``"counted"``
        rows are the counts, ``"excluded"`` rows (with a missing ``frame``)
        the matches a rule set aside; ``rule`` says why for each.

    Examples
    --------
    >>> s = pd.DataFrame({"article_id": [1], "sentence_id": [0], "paragraph_id": [0],
    ...                   "position": ["headline"], "text": ["Amazon sells surveillance"],
    ...                   "start": [0], "end": [25], "n_words": [3]})
    >>> out = framing_tables(pd.DataFrame({"article_id": [1]}), s)
    >>> int(out["article_framing"]["surveillance_count"].iloc[0]), out["evidence"]["decision"].tolist()
    (1, ['counted'])
    """
    require_columns(corpus, ["article_id"], func="framing_tables")
    require_columns(sentences, SENTENCE_COLUMNS, func="framing_tables")
    lex = load_frame_lexicon(lexicon)
    names = frame_names(lex)

    scored = score_sentences(sentences)
    tagged = tag_frames(sentences, lexicon=lex)
    keep = [c for c in sentences.columns if c != "text"]
    base = sentences[keep].reset_index(drop=True)
    if "outlet" in corpus.columns and "outlet" not in base.columns:
        # Denormalised on purpose: compare_groups(by="outlet") then works directly.
        outlets = corpus.drop_duplicates("article_id").set_index("article_id")["outlet"]
        base.insert(2, "outlet", base["article_id"].map(outlets))
    sentence_table = pd.concat(
        [base,
         scored.drop(columns=["article_id", "sentence_id"]),
         tagged.drop(columns=["article_id", "sentence_id", "n_words"])],
        axis=1,
    )
    in_target = _target_mask(sentence_table, mentions)
    sentence_table["target"] = in_target

    evidence = kwic(sentences, lexicon=lex, excluded=True)
    evidence["target"] = _target_mask(evidence, mentions)

    articles = pd.DataFrame({"article_id": pd.unique(corpus["article_id"])})
    articles = articles.merge(article_sentiment(sentence_table), on="article_id", how="left")
    whole = frame_rates(sentence_table, lexicon=lex).drop(columns=["n_sentences", "n_words"])
    articles = articles.merge(whole, on="article_id", how="left")
    scoped = frame_rates(sentence_table, lexicon=lex, mentions=mentions if mentions is not None else _none())
    if mentions is None:
        # Same columns either way, so articles.csv keeps one shape.
        scoped = scoped[["article_id"]].assign(**{c: np.nan for c in scoped.columns if c != "article_id"})
    articles = articles.merge(scoped.add_prefix("target_").rename(columns={"target_article_id": "article_id"}),
                              on="article_id", how="left")
    # Articles without sentences: zero counts, rates and balance undefined.
    count_cols = [f"{n}_count" for n in names]
    articles[count_cols] = articles[count_cols].fillna(0).astype(int)
    return {"sentence_framing": sentence_table, "article_framing": articles, "evidence": evidence}


def _none() -> pd.DataFrame:
    return pd.DataFrame({"article_id": [], "sentence_id": []})


def _target_mask(table: pd.DataFrame, mentions: pd.DataFrame | None) -> pd.Series:
    if mentions is None:
        return pd.Series(pd.NA, index=table.index, dtype="boolean")
    require_columns(mentions, ["article_id", "sentence_id"], func="framing_tables(mentions=...)")
    wanted = pd.MultiIndex.from_frame(mentions[["article_id", "sentence_id"]].drop_duplicates())
    have = pd.MultiIndex.from_frame(table[["article_id", "sentence_id"]])
    return pd.Series(have.isin(wanted), index=table.index, dtype="boolean")
