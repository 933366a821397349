"""The outlet-comparison stage: keyness, text reuse and readability in one call."""

from __future__ import annotations

import warnings

import pandas as pd

from coverage.errors import CorpusWarning
from coverage.keyness import KEYNESS_COLUMNS, keyness
from coverage.readability import readability
from coverage.reuse import boilerplate_cutoff, find_reuse
from coverage.reuse_memo import ReuseMemo
from coverage.reuse_summary import reuse_marks, reuse_pairs

__all__ = ["outlet_tables"]


def outlet_tables(corpus: pd.DataFrame, sentences: pd.DataFrame, *,
                  quotes: pd.DataFrame | None = None, article_readability: pd.DataFrame | None = None,
                  max_articles: int | None = None, word_counts: pd.DataFrame | None = None,
                  reuse_tokens: pd.DataFrame | None = None, reuse_memo: ReuseMemo | None = None,
                  ) -> dict[str, pd.DataFrame]:
    """Compute every outlet-comparison table: the pipeline stage of issue 6.

    Parameters
    ----------
    corpus, sentences : pandas.DataFrame
        The corpus and sentence tables.
    quotes : pandas.DataFrame, optional
        Quotations (``article_id``, ``start``, ``end``), e.g. from
        :func:`coverage.quotes.extract_quotes`, to decide which shared
        passages are quoted; the built-in quote-mark pairing otherwise.
    article_readability : pandas.DataFrame, optional
        The table of :func:`coverage.readability.readability` for this
        corpus, when already computed (the pipeline computes it per article,
        cached); computed here otherwise.
    max_articles : int, optional
        Boilerplate cut-off of :func:`coverage.reuse.find_reuse`: text found
        in more than this many articles is not reuse. Default
        :func:`coverage.reuse.boilerplate_cutoff` of the corpus size, which
        never triggers on 50 articles or fewer; pass ``len(corpus)`` to use
        every shared n-gram.
    word_counts, reuse_tokens : pandas.DataFrame, optional
        Per-article word counts (:func:`coverage.keyness.word_counts`) and
        reuse tokens (:func:`coverage.reuse_tokens.reuse_tokens`), when
        already computed (the pipeline caches them); read from the text
        otherwise. The result is the same.
    reuse_memo : ReuseMemo, optional
        Text reuse of the last run, updated rather than searched anew when
        a few articles were added, removed or changed (see
        :class:`coverage.reuse_memo.ReuseMemo`). The result is the same.

    Returns
    -------
    dict of str to DataFrame
        ``keyness`` (-> ``data/processed/keyness.csv``), ``reuse`` (the
        passages, -> ``data/processed/reuse.csv``), ``reuse_pairs``, and two
        article-level tables keyed by ``article_id`` to merge into
        ``articles.csv``: ``article_readability`` and ``article_reuse``
        (``syndicated``, ``shares_prose_with``, ``reused_from``,
        ``max_prose_share``).

    Examples
    --------
    >>> from coverage.sentences import split_sentences
    >>> corpus = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"], "via": ["X", "Y"],
    ...     "published": pd.to_datetime(["2018-06-01", "2018-06-02"]), "date_estimated": False,
    ...     "body_start": 0, "text": ["We refuse to build the platform that powers it.", "Nothing shared."]})
    >>> tables = outlet_tables(corpus, split_sentences(corpus))
    >>> sorted(tables), len(tables["reuse"]), tables["article_readability"]["body_words"].tolist()
    (['article_readability', 'article_reuse', 'keyness', 'reuse', 'reuse_pairs'], 0, [9, 2])
    """
    if max_articles is None:
        max_articles = boilerplate_cutoff(len(corpus))
    passages = find_reuse(corpus, quotes=quotes, max_articles=max_articles, tokens=reuse_tokens, memo=reuse_memo)
    pairs = reuse_pairs(passages, corpus)
    if corpus["outlet"].nunique() >= 2:
        words = keyness(corpus, counts=word_counts)
    else:  # one outlet has no "rest" to compare with; the other tables still make sense
        warnings.warn("outlet_tables(): keyness skipped: the corpus has fewer than two outlets",
                      CorpusWarning, stacklevel=2)
        words = pd.DataFrame(columns=["outlet", *KEYNESS_COLUMNS])
    if article_readability is None:
        article_readability = readability(corpus, sentences=sentences)
    return {
        "keyness": words,
        "reuse": passages,
        "reuse_pairs": pairs,
        "article_readability": article_readability,
        "article_reuse": reuse_marks(pairs, corpus),
    }
