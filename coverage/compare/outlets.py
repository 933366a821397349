"""The outlet-comparison stage: keyness, text reuse and readability in one call."""

from __future__ import annotations

import warnings

import pandas as pd

from coverage.errors import CorpusWarning
from coverage.measures.keyness import KEYNESS_COLUMNS, keyness
from coverage.measures.readability import readability
from coverage.reuse.find import boilerplate_cutoff, find_reuse
from coverage.reuse.summary import reuse_marks, reuse_pairs

__all__ = ["outlet_tables", "outlet_keyness", "outlet_summary"]


def outlet_tables(corpus: pd.DataFrame, sentences: pd.DataFrame, *,
                  quotes: pd.DataFrame | None = None, article_readability: pd.DataFrame | None = None,
                  max_articles: int | None = None) -> dict[str, pd.DataFrame]:
    """Compute every outlet-comparison table: the pipeline stage of issue 6.

    Parameters
    ----------
    corpus, sentences : pandas.DataFrame
        The corpus and sentence tables.
    quotes : pandas.DataFrame, optional
        Quotations (``article_id``, ``start``, ``end``), e.g. from
        :func:`coverage.voices.quotes.extract_quotes`, to decide which shared
        passages are quoted; the built-in quote-mark pairing otherwise.
    article_readability : pandas.DataFrame, optional
        The table of :func:`coverage.measures.readability.readability` for this
        corpus, when already computed (the pipeline computes it per article,
        cached); computed here otherwise.
    max_articles : int, optional
        Boilerplate cut-off of :func:`coverage.reuse.find.find_reuse`: text found
        in more than this many articles is not reuse. Default
        :func:`coverage.reuse.find.boilerplate_cutoff` of the corpus size, which
        never triggers on 50 articles or fewer; pass ``len(corpus)`` to use
        every shared n-gram.

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
    >>> from coverage.text.sentences import split_sentences
    >>> corpus = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"], "via": ["X", "Y"],
    ...     "published": pd.to_datetime(["2018-06-01", "2018-06-02"]), "date_estimated": False,
    ...     "body_start": 0, "text": ["We refuse to build the platform that powers it.", "Nothing shared."]})
    >>> tables = outlet_tables(corpus, split_sentences(corpus))
    >>> sorted(tables), len(tables["reuse"]), tables["article_readability"]["body_words"].tolist()
    (['article_readability', 'article_reuse', 'keyness', 'reuse', 'reuse_pairs'], 0, [9, 2])
    """
    if max_articles is None:
        max_articles = boilerplate_cutoff(len(corpus))
    passages = find_reuse(corpus, quotes=quotes, max_articles=max_articles)
    return outlet_summary(corpus, sentences, passages=passages, words=outlet_keyness(corpus),
                          article_readability=article_readability)


def outlet_keyness(corpus: pd.DataFrame, *, counts: pd.DataFrame | None = None) -> pd.DataFrame:
    """:func:`coverage.keyness` of each outlet against the rest, or an empty table (with a warning) for one outlet.

    ``counts`` are the per-article word counts of
    :func:`coverage.measures.keyness.word_counts`, when already computed.
    """
    if corpus["outlet"].nunique() >= 2:
        return keyness(corpus, counts=counts)
    # one outlet has no "rest" to compare with; the other tables still make sense
    warnings.warn("outlet_tables(): keyness skipped: the corpus has fewer than two outlets",
                  CorpusWarning, stacklevel=3)
    return pd.DataFrame(columns=["outlet", *KEYNESS_COLUMNS])


def outlet_summary(corpus: pd.DataFrame, sentences: pd.DataFrame, *, passages: pd.DataFrame,
                   words: pd.DataFrame, article_readability: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """Assemble the tables of :func:`outlet_tables` from passages and keyness already found.

    ``passages`` is :func:`coverage.find_reuse` of the corpus and ``words``
    its keyness table; readability is computed when not given.
    """
    pairs = reuse_pairs(passages, corpus)
    if article_readability is None:
        article_readability = readability(corpus, sentences=sentences)
    return {
        "keyness": words,
        "reuse": passages,
        "reuse_pairs": pairs,
        "article_readability": article_readability,
        "article_reuse": reuse_marks(pairs, corpus),
    }
