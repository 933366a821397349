"""The stages of a run: what each computes from the tables so far, and what a re-run reuses.

A stage takes the tables computed so far and the run's :class:`RunContext`
(the trained stance model and the memos of the last run) and returns new
tables to add; it never changes the tables it was given. The measures it
calls take data and options only: what a re-run reuses is handled here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, MutableMapping
from contextlib import nullcontext
from dataclasses import dataclass

import numpy as np
import pandas as pd

from coverage._engine.reuse_memo import ReuseMemo, remember_reuse, update_reuse
from coverage.compare.intervals import interval_store
from coverage.compare.outlets import outlet_keyness, outlet_summary
from coverage.io.corpus import removed_lines
from coverage.measures.keyness import word_counts
from coverage.measures.readability import readability
from coverage.measures.sentence_features import framing_tables
from coverage.reuse.find import boilerplate_cutoff, reuse_search
from coverage.reuse.tokens import REUSE_TOKEN_COLUMNS, reuse_tokens, token_arrays
from coverage.schema import require_columns
from coverage.stance.tables import mention_stance, stance_summary
from coverage.text.sentences import split_sentences
from coverage.voices.ledger import quote_tables, voice_ledger

__all__ = ["RunContext", "ARTICLE_STAGES", "ARTICLE_TABLES", "CORPUS_STAGES", "find_reuse_again"]

Tables = dict[str, pd.DataFrame]


@dataclass(frozen=True)
class RunContext:
    """What a run brings to its stages besides the tables.

    Attributes
    ----------
    stance_model : object, optional
        The trained stance model; without it mentions are found but not classified.
    interval_memo : mutable mapping, optional
        Bootstrap intervals of earlier runs (:class:`coverage._engine.run_memos.IntervalMemo`).
    reuse_memo : ReuseMemo, optional
        The text reuse of the last run.
    """

    stance_model: object = None
    interval_memo: MutableMapping | None = None
    reuse_memo: ReuseMemo | None = None


Stage = Callable[[Mapping[str, pd.DataFrame], RunContext], Tables]


def _stage_sentences(tables: Mapping[str, pd.DataFrame], context: RunContext) -> Tables:
    return {"sentences": split_sentences(tables["corpus"])}


def _stage_readability(tables: Mapping[str, pd.DataFrame], context: RunContext) -> Tables:
    # Per article, not per corpus: textstat costs ~5 ms an article, so it is
    # cached and runs in parallel instead of on every re-run.
    return {"article_readability": readability(tables["corpus"], sentences=tables["sentences"])}


def _stage_words(tables: Mapping[str, pd.DataFrame], context: RunContext) -> Tables:
    # The per-article halves of keyness and text reuse: counting and
    # tokenising read every word, so they are cached with the other stages
    # and the corpus stages start from them.
    return {"word_counts": word_counts(tables["corpus"]), "reuse_tokens": reuse_tokens(tables["corpus"])}


def _stage_stance(tables: Mapping[str, pd.DataFrame], context: RunContext) -> Tables:
    return mention_stance(tables["corpus"], tables["sentences"], model=context.stance_model)


def _stage_quotes(tables: Mapping[str, pd.DataFrame], context: RunContext) -> Tables:
    # Replaces the sentence table with one that carries `voice` and `quoted_share`.
    found = quote_tables(tables["corpus"], tables["sentences"])
    return {"quotes": found["quotes"], "quote_segments": found["quote_segments"], "sentences": found["sentences"]}


def _stage_framing(tables: Mapping[str, pd.DataFrame], context: RunContext) -> Tables:
    return framing_tables(tables["corpus"], tables["sentences"], mentions=tables.get("mentions"))


def _stage_removed(tables: Mapping[str, pd.DataFrame], context: RunContext) -> Tables:
    # Corpus level: lines repeated across articles count as boilerplate.
    # build_tables collects them while loading (from the cache of cleaned
    # articles); other callers get them here.
    if "removed" in tables:
        return {}
    return {"removed": removed_lines(tables["corpus"])}


def _stage_voice_ledger(tables: Mapping[str, pd.DataFrame], context: RunContext) -> Tables:
    return {"voice_ledger": voice_ledger(tables["quotes"], tables["corpus"])}


def _stage_stance_summary(tables: Mapping[str, pd.DataFrame], context: RunContext) -> Tables:
    if "stance" not in tables["mentions"].columns:
        return {}
    # An outlet whose mentions did not change is not resampled again.
    store = interval_store(context.interval_memo) if context.interval_memo is not None else nullcontext()
    with store:
        return {"stance_summary": stance_summary(tables["mentions"])}


def _stage_outlets(tables: Mapping[str, pd.DataFrame], context: RunContext) -> Tables:
    corpus = tables["corpus"]
    passages = find_reuse_again(corpus, quotes=tables.get("quotes"), max_articles=boilerplate_cutoff(len(corpus)),
                                tokens=tables.get("reuse_tokens"), memo=context.reuse_memo)
    return outlet_summary(corpus, tables["sentences"], passages=passages,
                          words=outlet_keyness(corpus, counts=tables.get("word_counts")),
                          article_readability=tables.get("article_readability"))


def find_reuse_again(corpus: pd.DataFrame, *, tokens: pd.DataFrame | None = None, memo: ReuseMemo | None = None,
                     **options) -> pd.DataFrame:
    """:func:`coverage.find_reuse` from the cached words of each article and the last run's search.

    ``tokens`` are the words of each article as
    :func:`coverage.reuse.tokens.reuse_tokens` returns them (from the
    per-article cache); ``memo`` the last run: when a few articles were
    added, removed or changed, only the pairs of the added ones are
    aligned and the rest is taken from it; it then holds this run. The
    result is the same as :func:`coverage.find_reuse` with the same ``options``.

    Examples
    --------
    >>> corpus = pd.DataFrame({"article_id": ["a", "b"], "text": ["one two three four five six seven eight"] * 2})
    >>> memo = ReuseMemo({"a": "key-a", "b": "key-b"})
    >>> len(find_reuse_again(corpus, memo=memo)), memo.updated_
    (1, False)
    >>> more = pd.concat([corpus, pd.DataFrame({"article_id": ["c"], "text": corpus["text"][:1]})])
    >>> memo.keys["c"] = "key-c"
    >>> len(find_reuse_again(more, memo=memo)), memo.updated_
    (3, True)
    """
    search = reuse_search(corpus, **options)
    arrays = _cached_arrays(tokens, search.ids)
    if memo is None:
        return search.finish(*search.run(arrays))
    if arrays is None:  # the memo keeps word hashes: compute them once
        arrays = [token_arrays(text) for text in search.texts]
    updated = update_reuse(memo, search.ids, search.texts, arrays, search.quotations, params=search.params,
                           cutoff=search.cutoff)
    if updated is not None:
        table, n_boilerplate, n_pairs = updated
        return search.finish(table.copy(), n_boilerplate, n_pairs)  # the memo keeps its own
    table, n_boilerplate, n_pairs, words, index = search.run(arrays)
    remember_reuse(memo, search.ids, params=search.params, cutoff=search.cutoff, arrays=arrays,
                   masked=words.ids < 0, index=index, passages=table, n_pairs=n_pairs)
    return search.finish(table, n_boilerplate, n_pairs)


def _cached_arrays(tokens: pd.DataFrame | None, ids: list[str]):
    if tokens is None:
        return None
    require_columns(tokens, REUSE_TOKEN_COLUMNS, func="find_reuse")
    by_id = dict(zip(tokens["article_id"].astype(str).tolist(),
                     zip(tokens["token_hash"].tolist(), tokens["token_start"].tolist(), tokens["token_end"].tolist())))
    if missing := [i for i in ids if i not in by_id]:
        raise ValueError(f"find_reuse(): `tokens` has no row for article {missing[0]!r}; "
                         "build it with coverage.reuse.tokens.reuse_tokens(corpus)")
    return [tuple(np.asarray(a) for a in by_id[i]) for i in ids]


#: Per-article stages in order: (name, function of the tables of a partition and the context).
ARTICLE_STAGES: list[tuple[str, Stage]] = [
    ("sentences", _stage_sentences),
    ("readability", _stage_readability),
    ("quotes", _stage_quotes),
    ("stance", _stage_stance),
    ("framing", _stage_framing),
    ("words", _stage_words),
]

#: Tables the per-article stages produce (each keyed by ``article_id``).
ARTICLE_TABLES = ("sentences", "article_readability", "quotes", "quote_segments", "mentions", "article_stance",
                  "sentence_framing", "article_framing", "evidence", "word_counts", "reuse_tokens")

#: Corpus stages in order, run after the per-article ones.
CORPUS_STAGES: list[tuple[str, Stage]] = [
    ("removed lines", _stage_removed),
    ("voice ledger", _stage_voice_ledger),
    ("stance summary", _stage_stance_summary),
    ("outlets", _stage_outlets),
]
