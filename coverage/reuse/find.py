"""Text reuse: passages two articles share, and whether they share them as quotes.

:func:`find_reuse` finds passages of one article that reappear in another
even when quote marks, punctuation, case or a few words differ. It seeds on
word n-grams the two articles have in common, found through one index of the
n-grams of the whole corpus (so only pairs that share an n-gram are ever
compared), chains seeds that lie close together on the same diagonal into
passages, and extends each passage word by word at both ends.

Two outlets quoting the same letter is not copying; shared *unquoted* prose
is. Each passage is therefore split where its quotation status changes and
labelled ``both``, ``one`` or ``neither`` by whether it lies inside quotation
marks in both articles, in one, or in neither. :func:`reuse_pairs` sums the
passages per pair of articles and names the earlier article as the probable
source.

Scale: the seeds of every pair are built in one vectorised pass and seeds on
one diagonal are chained without a Python loop per seed, so the cost grows
with the passages found, not with the pairs possible. Text that very many
articles carry makes any pairwise search quadratic; ``max_articles`` (set by
the pipeline to :func:`boilerplate_cutoff`) treats it as boilerplate.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd

from coverage.errors import CorpusError, CorpusWarning
from coverage.params import check_int
from coverage.text.quote_marks import quote_spans as marked_quotations
from coverage.voices.segments import quote_segments
from coverage.reuse.align import chain_table, passage_table
from coverage.reuse.seeds import seed_table, Tokens
from coverage.schema import require_columns

__all__ = ["REUSE_COLUMNS", "ReuseSearch", "boilerplate_cutoff", "find_reuse", "quote_spans", "reuse_search"]

#: Columns of the passage table returned by :func:`find_reuse`.
REUSE_COLUMNS = (
    "article_id_a", "article_id_b", "start_a", "end_a", "start_b", "end_b",
    "n_words", "quoted", "quoted_a", "quoted_b", "similarity", "text_a", "text_b",
)


def find_reuse(corpus: pd.DataFrame, *, n: int = 5, min_words: int = 8, max_gap: int = 3,
               quotes: pd.DataFrame | None = None, max_articles: int | None = None) -> pd.DataFrame:
    """Find passages shared between pairs of articles.

    What it measures: stretches of at least ``min_words`` words that two
    articles have in common, allowing for differences in case, quote marks,
    punctuation, dotted abbreviations (``U.S.`` = ``US``), hyphens and up to
    ``max_gap`` changed, added or dropped words between matching runs.
    Blind spots: a paraphrase that changes a word in every ``n`` is not found;
    passages shorter than ``min_words`` (a shared name, a stock phrase) are
    ignored by design; quotation status comes from paired quote marks (or the
    ``quotes`` table), so an unmarked quotation counts as prose and a
    mismatched quote mark can mislabel the rest of its paragraph.

    Parameters
    ----------
    corpus : pandas.DataFrame
        Needs ``article_id`` (unique) and ``text`` (the clean text).
    n : int, default 5
        Length of the word n-grams used as seeds.
    min_words : int, default 8
        Shortest passage reported, in the kit's words, in both articles.
    max_gap : int, default 3
        Most words changed, added or dropped between two matching runs of
        one passage.
    quotes : pandas.DataFrame, optional
        Quotations with ``article_id``, ``start`` and ``end`` (offsets into
        ``text``), e.g. from :mod:`coverage.voices.quotes`; used instead of the
        built-in :func:`quote_spans` for every article. When it has a
        ``segments`` column, only the segments count as quoted, not the
        attribution between them.
    max_articles : int, optional
        Boilerplate cut-off: n-grams found in more than this many articles
        are ignored, and so are their words, which then match nothing: a
        passage neither starts from nor grows through text that many
        articles carry, and the pairs that text alone would link are never
        compared. By default every shared n-gram is used;
        :func:`boilerplate_cutoff` is the pipeline's choice. The number of
        n-grams ignored is warned.

    Returns
    -------
    pandas.DataFrame
        One row per passage with the columns of :data:`REUSE_COLUMNS`:
        both article ids (``a`` precedes ``b`` in the corpus), character
        offsets into each clean text, ``n_words`` (the smaller of the two
        spans, in the kit's words), ``quoted`` (``both``/``one``/``neither``),
        ``quoted_a``/``quoted_b``, ``similarity`` (share of the two spans'
        words aligned word for word) and each passage's text.

    Raises
    ------
    CorpusError
        When ``article_id`` repeats.

    Examples
    --------
    >>> corpus = pd.DataFrame({"article_id": ["x", "y"], "text": [
    ...     "Bezos said: “If big tech companies turn their back on the U.S. Department of Defense, "
    ...     "we are in trouble.”",
    ...     'He said "if big tech companies turn their back on the US Department of Defense we are in trouble".']})
    >>> find_reuse(corpus)[["article_id_a", "article_id_b", "n_words", "quoted"]]
      article_id_a article_id_b  n_words quoted
    0            x            y       18   both
    """
    search = reuse_search(corpus, n=n, min_words=min_words, max_gap=max_gap, quotes=quotes,
                          max_articles=max_articles)
    return search.finish(*search.run())


@dataclass(frozen=True)
class ReuseSearch:
    """One text reuse search, checked and ready to run: what :func:`find_reuse` does in two steps.

    Built by :func:`reuse_search`. :meth:`run` searches every pair;
    :meth:`finish` warns about boilerplate and returns the passage table.
    Code that keeps an earlier search (the kit's re-run engine) calls the
    same steps with the words of each article already hashed.
    """

    ids: list
    texts: list
    marked: tuple | None
    params: dict
    cutoff: int | None

    def quotations(self, docs: np.ndarray) -> tuple[np.ndarray, ...]:
        """``(doc, start, end)`` of the quotations of articles ``docs``, numbered by their place in ``docs``."""
        return _quotations(self.texts, docs, self.marked)

    def run(self, arrays: list | None = None):
        """Search every pair: ``(passages, n_boilerplate, n_pairs, words, index)``.

        ``arrays`` are each article's ``(hashes, starts, ends)``
        (:func:`coverage.reuse.tokens.token_arrays`), computed when None.
        """
        n = self.params["n"]
        words = Tokens(self.texts, self.quotations(np.arange(len(self.texts))), arrays)
        seeds, n_boilerplate, index = seed_table(words, n=n, max_articles=self.cutoff)
        chains = chain_table(words, seeds, n=n, max_gap=self.params["max_gap"])
        table = passage_table(words, chains, self.ids, n=n, min_words=self.params["min_words"])
        return table, n_boilerplate, int(chains["n_pairs"]), words, index

    def finish(self, table: pd.DataFrame, n_boilerplate: int, n_pairs: int, *_) -> pd.DataFrame:
        """Warn about the n-grams ignored as boilerplate and record how many pairs were aligned."""
        if n_boilerplate:
            warnings.warn(f"find_reuse(): ignored {n_boilerplate} n-gram(s) found in more than {self.cutoff} "
                          "articles as boilerplate; raise max_articles to use them", CorpusWarning, stacklevel=3)
        # How much the index saved: pairs aligned versus pairs a brute force would compare.
        table.attrs.update(pairs_compared=n_pairs, pairs_possible=len(self.texts) * (len(self.texts) - 1) // 2)
        return table


def reuse_search(corpus: pd.DataFrame, *, n: int = 5, min_words: int = 8, max_gap: int = 3,
                 quotes: pd.DataFrame | None = None, max_articles: int | None = None) -> ReuseSearch:
    """Check the arguments of :func:`find_reuse` and return the search they describe.

    Raises the errors :func:`find_reuse` documents.
    """
    require_columns(corpus, ["article_id", "text"], func="find_reuse")
    for name, value, least in (("n", n, 1), ("min_words", min_words, 1), ("max_gap", max_gap, 0)):
        check_int(value, name=name, func="find_reuse", minimum=least)
    ids = corpus["article_id"].astype(str)
    if ids.duplicated().any():
        raise CorpusError(f"find_reuse(): article_id {ids[ids.duplicated()].iloc[0]!r} appears more than once; "
                          "give every article its own id")
    ids = ids.tolist()
    texts = [t if isinstance(t, str) else "" for t in corpus["text"]]
    if missing := sum(not isinstance(t, str) for t in corpus["text"]):
        warnings.warn(f"find_reuse(): {missing} article(s) have no text and cannot share passages",
                      CorpusWarning, stacklevel=3)
    if max_articles is not None:
        check_int(max_articles, name="max_articles", func="find_reuse", minimum=1, none_ok=True)
    if quotes is not None:
        require_columns(quotes, ["article_id", "start", "end"], func="find_reuse")
        if "segments" in quotes.columns:  # a quotation interrupted by its attribution: only its segments are quoted
            quotes = quote_segments(quotes)
        doc = pd.Index(ids).get_indexer(quotes["article_id"].astype(str))  # quotes of other articles: -1
        marked = (doc, quotes["start"].to_numpy(dtype=np.int64), quotes["end"].to_numpy(dtype=np.int64))
    else:
        marked = None
    params = {"n": int(n), "min_words": int(min_words), "max_gap": int(max_gap), "quotes": quotes is not None}
    return ReuseSearch(ids=ids, texts=texts, marked=marked, params=params,
                       cutoff=None if max_articles is None else int(max_articles))


def _quotations(texts: list[str], docs: np.ndarray, marked: tuple | None) -> tuple[np.ndarray, ...]:
    """``(doc, start, end)`` of the quotations of articles ``docs``, numbered by their place in ``docs``.

    From ``marked`` (a quotation table as corpus indices and offsets) when
    given, else found with :func:`quote_spans`.
    """
    if marked is not None:
        place = np.full(len(texts) + 1, -1, dtype=np.int64)  # the last one: quotations of other articles
        place[np.asarray(docs, dtype=np.int64)] = np.arange(len(docs))
        doc = place[marked[0]]
        return doc[doc >= 0], marked[1][doc >= 0], marked[2][doc >= 0]
    found = [(k, s, e) for k, d in enumerate(np.asarray(docs).tolist()) for s, e in quote_spans(texts[d])]
    if not found:
        return tuple(np.zeros(0, dtype=np.int64) for _ in range(3))
    return tuple(np.array(column, dtype=np.int64) for column in zip(*found))


def boilerplate_cutoff(n_articles: int) -> int:
    """Return the pipeline's boilerplate cut-off for :func:`find_reuse`: ``max(50, ceil(1% of articles))``.

    Why: an n-gram found in ``k`` articles links ``k(k-1)/2`` pairs, and every
    linked pair must be aligned, so text every article carries (a paragraph
    of site furniture, a wire story run by hundreds of outlets) would make
    the search quadratic in the number of articles. Text found in more than
    1% of a large corpus is not one outlet reusing another's reporting. The
    floor of 50 means the cut-off can never trigger on a corpus of 50
    articles or fewer, and in practice not on a hand-collected corpus of a
    few hundred stories, so results there are exactly those without a
    cut-off. Blind spot: a story syndicated to more than this many articles
    is not reported as reuse at all; find such copies from ``via`` or by
    comparing whole texts.

    Examples
    --------
    >>> boilerplate_cutoff(5), boilerplate_cutoff(10_000), boilerplate_cutoff(12_345)
    (50, 100, 124)
    """
    return max(50, math.ceil(n_articles / 100))


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` offsets of quotations marked in ``text``, marks included.

    The kit's one pairing of quote marks (:func:`coverage.text.quote_marks.quote_spans`,
    which the quotation extractor reads too), without its ``closed`` flag.

    Examples
    --------
    >>> text = "They said “we won’t build it” and ‘no’.\\n\\n“Open ends here"
    >>> [text[s:e] for s, e in quote_spans(text)]
    ['“we won’t build it”', '‘no’', '“Open ends here']
    """
    return [(start, end) for start, end, _ in marked_quotations(text)]
