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

import itertools
import math
import re
import warnings

import numpy as np
import pandas as pd

from coverage.errors import CorpusError, CorpusWarning
from coverage.schema import require_columns
from coverage.reuse_tokens import REUSE_TOKEN_COLUMNS, token_arrays
from coverage.tokens import word_spans

__all__ = ["REUSE_COLUMNS", "boilerplate_cutoff", "find_reuse", "quote_spans"]

#: Columns of the passage table returned by :func:`find_reuse`.
REUSE_COLUMNS = (
    "article_id_a", "article_id_b", "start_a", "end_a", "start_b", "end_b",
    "n_words", "quoted", "quoted_a", "quoted_b", "similarity", "text_a", "text_b",
)

# Opening and closing double quote marks; straight quotes toggle.
_OPEN, _CLOSE = "“„«", "”»"
_MARKS = re.compile("[“„«”»\"‘’]")
_HASH_BASE = np.uint64(0x100000001B3)  # FNV prime: spreads n-gram ids over 64 bits


def find_reuse(corpus: pd.DataFrame, *, n: int = 5, min_words: int = 8, max_gap: int = 3,
               quotes: pd.DataFrame | None = None, max_articles: int | None = None,
               tokens: pd.DataFrame | None = None) -> pd.DataFrame:
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
        ``text``), e.g. from :mod:`coverage.quotes`; used instead of the
        built-in :func:`quote_spans` for every article.
    max_articles : int, optional
        Boilerplate cut-off: n-grams found in more than this many articles
        are ignored, and so are their words, which then match nothing: a
        passage neither starts from nor grows through text that many
        articles carry, and the pairs that text alone would link are never
        compared. By default every shared n-gram is used;
        :func:`boilerplate_cutoff` is the pipeline's choice. The number of
        n-grams ignored is warned.
    tokens : pandas.DataFrame, optional
        The words of each article as :func:`coverage.reuse_tokens.reuse_tokens`
        returns them (e.g. from the pipeline's cache); read from ``text``
        otherwise. The result is the same.

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
    require_columns(corpus, ["article_id", "text"], func="find_reuse")
    for name, value, least in (("n", n, 1), ("min_words", min_words, 1), ("max_gap", max_gap, 0)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < least:
            kind = "positive" if least else "non-negative"
            raise ValueError(f"find_reuse(): {name} must be a {kind} int; got {value!r} instead")
    ids = corpus["article_id"].astype(str)
    if ids.duplicated().any():
        raise CorpusError(f"find_reuse(): article_id {ids[ids.duplicated()].iloc[0]!r} appears more than once; "
                          "give every article its own id")
    ids = ids.tolist()
    texts = [t if isinstance(t, str) else "" for t in corpus["text"]]
    if missing := sum(not isinstance(t, str) for t in corpus["text"]):
        warnings.warn(f"find_reuse(): {missing} article(s) have no text and cannot share passages",
                      CorpusWarning, stacklevel=2)
    if max_articles is not None and (isinstance(max_articles, bool) or not isinstance(max_articles, (int, np.integer))
                                     or max_articles < 1):
        raise ValueError(f"find_reuse(): max_articles must be a positive int or None; got {max_articles!r} instead")
    if quotes is not None:
        require_columns(quotes, ["article_id", "start", "end"], func="find_reuse")
        doc = pd.Index(ids).get_indexer(quotes["article_id"].astype(str))  # quotes of other articles: -1
        spans = (doc[doc >= 0], quotes["start"].to_numpy(dtype=np.int64)[doc >= 0],
                 quotes["end"].to_numpy(dtype=np.int64)[doc >= 0])
    else:
        found = [(d, s, e) for d, text in enumerate(texts) for s, e in quote_spans(text)]
        spans = tuple(np.array(column, dtype=np.int64) for column in zip(*found)) if found else \
            tuple(np.zeros(0, dtype=np.int64) for _ in range(3))
    words = _Tokens(texts, spans, _cached_arrays(tokens, ids))
    seeds, n_boilerplate = _seed_table(words, n=n, max_articles=max_articles)
    if n_boilerplate:
        warnings.warn(f"find_reuse(): ignored {n_boilerplate} n-gram(s) found in more than {max_articles} articles "
                      "as boilerplate; raise max_articles to use them", CorpusWarning, stacklevel=2)
    chains = _chain_table(words, seeds, n=n, max_gap=max_gap)
    table = _passage_table(words, chains, ids, n=n, min_words=min_words)
    # How much the index saved: pairs aligned versus pairs a brute force would compare.
    table.attrs.update(pairs_compared=int(chains["n_pairs"]), pairs_possible=len(texts) * (len(texts) - 1) // 2)
    return table


def _cached_arrays(tokens: pd.DataFrame | None, ids: list[str]):
    if tokens is None:
        return None
    require_columns(tokens, REUSE_TOKEN_COLUMNS, func="find_reuse")
    by_id = dict(zip(tokens["article_id"].astype(str),
                     zip(tokens["token_hash"], tokens["token_start"], tokens["token_end"])))
    if missing := [i for i in ids if i not in by_id]:
        raise ValueError(f"find_reuse(): `tokens` has no row for article {missing[0]!r}; "
                         "build it with coverage.reuse_tokens.reuse_tokens(corpus)")
    return [tuple(np.asarray(a) for a in by_id[i]) for i in ids]


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
    """Return the ``(start, end)`` offsets of quotations marked in ``text``.

    Double quotes pair within a paragraph: curly ``“…”``, low ``„…“`` and
    guillemets ``«…»`` open and close, straight ``"`` alternates. A quotation
    still open at the end of a paragraph runs to its end, the news convention
    for quotes spanning paragraphs. Curly single quotes ``‘…’`` count too;
    ``’`` between letters is an apostrophe, not a closing mark. Straight
    single quotes are ignored because they cannot be told from apostrophes.

    Examples
    --------
    >>> text = "They said “we won’t build it” and ‘no’.\\n\\n“Open ends here"
    >>> [text[s:e] for s, e in quote_spans(text)]
    ['“we won’t build it”', '‘no’', '“Open ends here']
    """
    found = []
    for para in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        offset, chunk = para.start(), para.group()
        double = single = None
        for mark in _MARKS.finditer(chunk):  # only quote marks change the state
            k, ch = mark.start(), mark.group()
            if double is None and (ch in _OPEN or ch == '"' or (ch in _CLOSE and _opens(chunk, k))):
                double = k
                if single is not None:  # a single quote left open is dropped
                    single = None
            elif double is not None and (ch in _CLOSE or ch == '"' or ch == "“" and not _opens(chunk, k)):
                found.append((offset + double, offset + k + 1))
                double = None
            elif double is None and ch == "‘" and single is None:
                single = k
            elif double is None and ch == "’" and single is not None and not _between_letters(chunk, k):
                found.append((offset + single, offset + k + 1))
                single = None
        if double is not None:
            found.append((offset + double, offset + len(chunk)))
    return sorted(found)


def _opens(chunk: str, k: int) -> bool:
    # A mark after a space and before a non-space opens, whatever its shape:
    # some sites use ” on both sides of a quotation.
    before = chunk[k - 1] if k else " "
    after = chunk[k + 1] if k + 1 < len(chunk) else " "
    return before.isspace() and not after.isspace()


def _between_letters(chunk: str, k: int) -> bool:
    return 0 < k < len(chunk) - 1 and chunk[k - 1].isalnum() and chunk[k + 1].isalpha()


class _Tokens:
    """Every article's normalised tokens, end to end: ids, character offsets, quotation flags.

    Article ``d`` holds positions ``base[d]`` to ``base[d] + length[d]``.
    Integer ids (one shared vocabulary) make n-grams cheap to hash and compare.
    """

    def __init__(self, texts: list[str], quotes: tuple[np.ndarray, np.ndarray, np.ndarray],
                 arrays: list[tuple[np.ndarray, np.ndarray, np.ndarray]] | None = None):
        # ``arrays``: per article, the (hashes, starts, ends) of coverage.reuse_tokens, when cached.
        if arrays is None:
            arrays = [token_arrays(text) for text in texts]
        self.texts = texts
        self.length = np.array([len(a[0]) for a in arrays], dtype=np.int64)
        self.base = np.cumsum(self.length) - self.length
        # Word hashes numbered by first appearance (pd.factorize is a vocabulary dict, in C).
        hashes = _concat([a[0] for a in arrays], np.uint64)
        self.ids = pd.factorize(hashes)[0].astype(np.int64) + 1
        self.starts = _concat([a[1] for a in arrays], np.int64)
        self.ends = _concat([a[2] for a in arrays], np.int64)
        self.quoted = self._flags(*quotes)
        self._seq: dict[int, list[int]] = {}
        self._words: dict[int, np.ndarray] = {}  # kit-word spans, for the articles that share passages

    def _flags(self, doc: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
        """True for tokens that start inside a quotation ``(doc, start, end)``."""
        lengths = np.array([len(t) for t in self.texts], dtype=np.int64)
        stride = int(lengths.max(initial=0)) + 1
        owner = np.repeat(np.arange(len(self.texts)), self.length)
        keys = owner * stride + self.starts  # sorted: by article, then offset
        lo = np.searchsorted(keys, doc * stride + np.clip(start, 0, lengths[doc]), "left")
        hi = np.searchsorted(keys, doc * stride + np.clip(end, 0, lengths[doc]), "left")
        hi = np.maximum(hi, lo)
        edges = np.bincount(lo, minlength=len(keys) + 1) - np.bincount(hi, minlength=len(keys) + 1)
        return np.cumsum(edges)[:len(keys)] > 0

    def seq(self, d: int) -> list[int]:
        """Token ids of article ``d`` as a list (fast to index one at a time)."""
        if d not in self._seq:
            self._seq[d] = self.ids[self.base[d]:self.base[d] + self.length[d]].tolist()
        return self._seq[d]

    def mask(self, masked: np.ndarray) -> None:
        """Give every masked position an id of its own (negative), so it matches nothing."""
        self.ids = np.where(masked, -np.arange(1, len(masked) + 1), self.ids)
        self._seq.clear()

    def count_words(self, doc: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
        """``count_words(text[start:end])`` of articles ``doc`` for spans on token boundaries.

        The kit's words overlapping the span: a span starting or ending inside
        a hyphenated word ("AI-|powered") counts that word once, as the kit's
        tokeniser does on the slice. Only the articles asked about are
        tokenised again.
        """
        docs = np.unique(doc).tolist()
        for d in docs:
            if d not in self._words:
                self._words[d] = np.array(word_spans(self.texts[d]), dtype=np.int64).reshape(-1, 2)
        stride = max((len(self.texts[d]) for d in docs), default=0) + 1
        spans = [self._words[d] + d * stride for d in docs]
        word_starts, word_ends = _concat([s[:, 0] for s in spans], np.int64), _concat([s[:, 1] for s in spans], np.int64)
        key = doc * stride
        return np.searchsorted(word_starts, key + end, "left") - np.searchsorted(word_ends, key + start, "right")


def _concat(parts: list[np.ndarray], dtype) -> np.ndarray:
    return np.concatenate(parts) if parts else np.zeros(0, dtype=dtype)


def _ranges(counts: np.ndarray) -> np.ndarray:
    """``concatenate([arange(c) for c in counts])`` without a Python loop."""
    return np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)


def _starts(*keys: np.ndarray) -> np.ndarray:
    """True where any of the (sorted) key arrays changes value: the first row of each run."""
    new = np.ones(len(keys[0]), dtype=bool)
    if len(new):
        new[1:] = np.logical_or.reduce([k[1:] != k[:-1] for k in keys])
    return new


def _stops(new: np.ndarray) -> np.ndarray:
    """For every row, the end (exclusive) of the run it belongs to."""
    return np.r_[np.flatnonzero(new)[1:], len(new)][np.cumsum(new) - 1]


def _seed_table(tokens: _Tokens, *, n: int, max_articles: int | None):
    """Return the seeds ``(a, b, i, j)`` of every pair of articles, and the number of boilerplate n-grams.

    A seed says the n-gram at word ``i`` of article ``a`` is the one at word
    ``j`` of article ``b`` (``a < b``); seeds come sorted by ``(a, b, i, j)``.
    All n-grams of the corpus are hashed and counted once (in how many
    articles each occurs) with hash tables, and only those in two articles
    or more, and not boilerplate, are sorted and paired, in one vectorised
    pass: the work grows with the number of shared n-grams, not with the
    number of pairs. Words of boilerplate n-grams are masked in ``tokens``.
    """
    first, owner, codes = _ngram_codes(tokens, n=n)
    n_articles = len(tokens.length)
    n_docs = _articles_per_code(codes, owner, n_articles)
    n_boilerplate = 0
    if max_articles is not None and (boiler := n_docs[codes] > max_articles).any():
        n_boilerplate = int((n_docs > max_articles).sum())
        size = len(tokens.ids) + n + 1
        edges = np.bincount(first[boiler], minlength=size) - np.bincount(first[boiler] + n, minlength=size)
        masked = np.cumsum(edges)[:len(tokens.ids)] > 0
        tokens.mask(masked)
        covered = np.r_[0, np.cumsum(masked)]
        clean = covered[first + n] == covered[first]  # n-grams with no masked word
        first, owner, codes = first[clean], owner[clean], codes[clean]
        n_docs = _articles_per_code(codes, owner, n_articles)
    shared = n_docs[codes] >= 2
    first, owner, codes = first[shared], owner[shared], codes[shared]
    order = np.argsort(codes, kind="stable")  # by n-gram; positions (and articles) stay in order
    first, owner, group = first[order], owner[order], codes[order]
    # Pair every occurrence with each occurrence of the same n-gram in a later article.
    doc_stop, group_stop = _stops(_starts(group, owner)), _stops(_starts(group))
    partners = group_stop - doc_stop
    left = np.repeat(np.arange(len(group)), partners)
    right = np.repeat(doc_stop, partners) + _ranges(partners)
    a, b = owner[left], owner[right]
    i, j = first[left] - tokens.base[a], first[right] - tokens.base[b]
    order = np.lexsort((j, i, b, a))
    return (a[order], b[order], i[order], j[order]), n_boilerplate


def _ngram_codes(tokens: _Tokens, *, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every n-gram occurrence in text order: ``(first, owner, code)``.

    ``code`` numbers the distinct n-grams, ``first`` is the position of the
    occurrence's first word in ``tokens.ids``, ``owner`` its article.
    """
    counts = np.maximum(tokens.length - n + 1, 0)
    owner = np.repeat(np.arange(len(counts)), counts)
    first = np.repeat(tokens.base, counts) + _ranges(counts)
    words = tokens.ids.astype(np.uint64)
    hashes = np.zeros(len(first), dtype=np.uint64)
    for k in range(n):  # polynomial hash; uint64 arithmetic wraps by design
        hashes = hashes * _HASH_BASE + words[first + k]
    codes = pd.factorize(hashes)[0].astype(np.int64)
    # factorize numbers hashes in order of appearance: code c first occurs where the running maximum rises.
    new = np.ones(len(codes), dtype=bool)
    new[1:] = codes[1:] > np.maximum.accumulate(codes)[:-1]
    lead = first[new][codes]
    same = np.ones(len(first), dtype=bool)
    for k in range(n):  # check the words, so a hash collision cannot pair two different n-grams
        same &= tokens.ids[first + k] == tokens.ids[lead + k]
    if not same.all():
        codes = _split_collisions(tokens.ids, first, codes, ~same, n=n)
    return first, owner, codes


def _articles_per_code(codes: np.ndarray, owner: np.ndarray, n_articles: int) -> np.ndarray:
    """For each n-gram code, the number of distinct articles among its occurrences."""
    n_codes = int(codes.max()) + 1 if len(codes) else 0
    pairs = pd.unique(codes * max(n_articles, 1) + owner)
    return np.bincount(pairs // max(n_articles, 1), minlength=n_codes)


def _split_collisions(ids, first, group, suspect, *, n: int) -> np.ndarray:
    """Renumber the groups so that groups sharing a hash but not their words are told apart."""
    sub = np.zeros(len(first), dtype=np.int64)
    for g in np.unique(group[suspect]):
        keys: dict[tuple, int] = {}
        for r in np.flatnonzero(group == g):
            sub[r] = keys.setdefault(tuple(ids[first[r]:first[r] + n].tolist()), len(keys))
    return np.unique(np.stack([group, sub]), axis=1, return_inverse=True)[1].ravel()


def _chain_table(tokens: _Tokens, seeds, *, n: int, max_gap: int) -> dict:
    """Chain the seeds of every pair into passages, extend them, and summarise each chain.

    Seeds close together on one diagonal chain into one passage; ``max_gap``
    words may be changed, added or dropped between them, which can move a
    chain to a nearby diagonal. Diagonals of a pair more than ``max_gap``
    apart never meet, so a lone diagonal (nearly every passage) is cut into
    chains in one vectorised pass; a cluster of nearby diagonals (a repeated
    phrase, an added word) is chained seed by seed by :func:`_greedy_chains`.
    Each chain is then extended word by word at both ends.

    Returns a dict of arrays, one entry per chain: ``pair``, ``a``, ``b``,
    ``order`` (the greedy loop's order: chains it closes, at the first seed
    beyond their reach, then those still open, each in order of creation),
    first and last aligned words ``i0 i1 j0 j1``, ``size`` (aligned pairs),
    ``uniform`` (one quotation status throughout), plus what
    :func:`_aligned` needs to list the aligned words.
    """
    a, b, i, j = seeds
    reach = n + max_gap
    new_pair = _starts(a, b)
    pair = np.cumsum(new_pair) - 1
    pair_start = np.flatnonzero(new_pair)
    rank = np.arange(len(a)) - pair_start[pair]  # position in the greedy loop's order
    diag = i - j
    by_diag = np.lexsort((i, diag, pair))
    p, d = pair[by_diag], diag[by_diag]
    new_diag = _starts(p, d)
    new_cluster = new_diag & (_starts(p) | (np.r_[0, np.diff(d)] > max_gap))
    cluster = np.cumsum(new_cluster) - 1
    n_diagonals = (np.add.reduceat(new_diag.astype(np.int64), np.flatnonzero(new_cluster)) if len(a)
                   else np.zeros(0, dtype=np.int64))
    tangled = n_diagonals[cluster] > 1
    # Lone diagonals: a chain is a run of seeds no more than ``reach`` apart.
    lone = by_diag[~tangled]
    s = i[lone]
    new_chain = new_diag[~tangled] | np.r_[True, np.diff(s) > reach][:len(s)]
    heads, tails = np.flatnonzero(new_chain), _stops(new_chain)[np.flatnonzero(new_chain)] - 1
    lo = np.where(new_chain, s, np.maximum(s, np.r_[0, s[:-1]] + n))  # words not covered by the seed before
    add = s + n - lo
    words = np.repeat(lo, add) + _ranges(add)
    offsets = np.r_[0, np.cumsum(np.add.reduceat(add, heads))] if len(heads) else np.zeros(1, dtype=np.int64)
    lone_chains = {"pair": pair[lone][heads], "a": a[lone][heads], "b": b[lone][heads], "diag": diag[lone][heads],
                   "created": rank[lone][heads], "last": s[tails], "lo": offsets[:-1], "hi": offsets[1:]}
    chains = _extend_lone(tokens, lone_chains, words)
    greedy = _tangled_chains(tokens, seeds, by_diag[tangled], cluster[tangled], pair, rank, n=n, max_gap=max_gap)
    chains = {key: np.r_[chains[key], greedy[key]] for key in chains} | {
        "words": words, "greedy_aligned": greedy["aligned"], "n_pairs": len(pair_start)}
    span = int(i.max()) + reach + 2 if len(i) else 1
    closed = np.searchsorted(pair * span + i, chains["pair"] * span + chains["last"] + reach, "right")
    chains["order"] = np.lexsort((chains["created"], closed - pair_start[chains["pair"]], -chains["size"],
                                  chains["pair"]))
    return chains


def _extend_lone(tokens: _Tokens, c: dict, words: np.ndarray) -> dict:
    """Extend every lone-diagonal chain at both ends while the words agree, all chains at once."""
    base_a, base_b = tokens.base[c["a"]], tokens.base[c["b"]]
    len_a, len_b = tokens.length[c["a"]], tokens.length[c["b"]]
    first, last = words[c["lo"]], words[c["hi"] - 1]
    grow = {}
    for side, edge, step in (("left", first, -1), ("right", last, 1)):
        count = np.zeros(len(edge), dtype=np.int64)
        active = np.ones(len(edge), dtype=bool)
        while active.any():  # as many rounds as the longest extension (under n words: all shared n-grams are seeds)
            i = edge + step * (count + 1)
            j = i - c["diag"]
            ok = active & (i >= 0) & (j >= 0) & (i < len_a) & (j < len_b)
            ok[ok] = tokens.ids[base_a[ok] + i[ok]] == tokens.ids[base_b[ok] + j[ok]]
            count += ok
            active = ok
        grow[side] = count
    i0, i1 = first - grow["left"], last + grow["right"]
    # Quotation flags: the seeded words one by one, the extensions as ranges of a running count.
    chain_of_word = np.repeat(np.arange(len(first)), c["hi"] - c["lo"])
    qa_words = tokens.quoted[base_a[chain_of_word] + words]
    qb_words = tokens.quoted[base_b[chain_of_word] + words - c["diag"][chain_of_word]]
    running = np.r_[0, np.cumsum(tokens.quoted)]
    size = c["hi"] - c["lo"] + grow["left"] + grow["right"]
    flags = []
    for base, shift, per_word in ((base_a, 0, qa_words), (base_b, c["diag"], qb_words)):
        seeded = np.add.reduceat(per_word.astype(np.int64), c["lo"]) if len(per_word) else np.zeros(0, np.int64)
        ends = (running[base + first - shift] - running[base + i0 - shift]
                + running[base + i1 + 1 - shift] - running[base + last + 1 - shift])
        flags.append(seeded + ends)
    uniform = ((flags[0] == 0) | (flags[0] == size)) & ((flags[1] == 0) | (flags[1] == size))
    return {"pair": c["pair"], "a": c["a"], "b": c["b"], "created": c["created"], "last": c["last"], "size": size,
            "i0": i0, "i1": i1, "j0": i0 - c["diag"], "j1": i1 - c["diag"], "uniform": uniform,
            "diag": c["diag"], "lo": c["lo"], "hi": c["hi"], "greedy": np.full(len(first), -1)}


def _tangled_chains(tokens, seeds, rows, cluster, pair, rank, *, n, max_gap) -> dict:
    """Chain the seeds of each cluster of nearby diagonals one by one, then extend each chain."""
    a, b, i, j = seeds
    found: list[tuple] = []
    aligned: list[tuple[np.ndarray, np.ndarray]] = []
    for members in np.split(rows, np.flatnonzero(np.diff(cluster)) + 1) if len(rows) else []:
        members = np.sort(members)  # back to the greedy loop's order, (i, j)
        x, y = int(a[members[0]]), int(b[members[0]])
        for chain_i, chain_j, created, last in _greedy_chains(i[members].tolist(), j[members].tolist(),
                                                              rank[members].tolist(), n=n, max_gap=max_gap):
            ci, cj = _extend(tokens.seq(x), tokens.seq(y), chain_i, chain_j)
            qa = tokens.quoted[tokens.base[x] + ci]
            qb = tokens.quoted[tokens.base[y] + cj]
            found.append((pair[members[0]], x, y, created, last, len(ci), ci[0], ci[-1], cj[0], cj[-1],
                          (qa.all() or not qa.any()) and (qb.all() or not qb.any()), len(aligned)))
            aligned.append((ci, cj))
    keys = ("pair", "a", "b", "created", "last", "size", "i0", "i1", "j0", "j1", "uniform", "greedy")
    columns = list(zip(*found)) if found else [[] for _ in keys]
    table = {key: np.array(col, dtype=bool if key == "uniform" else np.int64) for key, col in zip(keys, columns)}
    zeros = np.zeros(len(found), dtype=np.int64)
    return table | {"diag": zeros, "lo": zeros, "hi": zeros, "aligned": aligned}


def _greedy_chains(seeds_i: list[int], seeds_j: list[int], ranks: list[int], *, n: int, max_gap: int):
    """Chain seeds in order, each joining the open chain nearest its diagonal.

    Yields ``(i, j, created, last)`` per chain: aligned words, the rank of its
    first seed and the position of its last.
    """
    reach = n + max_gap
    chains: list[dict] = []
    open_chains: list[dict] = []
    for i, j, r in zip(seeds_i, seeds_j, ranks, strict=True):
        open_chains = [chain for chain in open_chains if i - chain["i"] <= reach]
        best = None
        for chain in open_chains:
            di, dj = i - chain["i"], j - chain["j"]
            if 0 < di and 0 < dj <= reach and abs(di - dj) <= max_gap:
                if best is None or abs(di - dj) < abs(best["i"] - best["j"] - (i - j)):
                    best = chain
        if best is None:
            best = {"pairs": {}, "created": r}
            open_chains.append(best)
            chains.append(best)
        for k in range(n):
            best["pairs"].setdefault(i + k, j + k)
        best["i"], best["j"] = i, j
    for chain in chains:
        aligned = sorted(chain["pairs"].items())
        yield [p for p, _ in aligned], [q for _, q in aligned], chain["created"], chain["i"]


def _extend(sa: list[int], sb: list[int], i: list[int], j: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """Grow a chain word by word at both ends while the words agree; keep it monotone."""
    i, j = list(i), list(j)
    while i[0] > 0 and j[0] > 0 and sa[i[0] - 1] == sb[j[0] - 1]:
        i.insert(0, i[0] - 1)
        j.insert(0, j[0] - 1)
    while i[-1] + 1 < len(sa) and j[-1] + 1 < len(sb) and sa[i[-1] + 1] == sb[j[-1] + 1]:
        i.append(i[-1] + 1)
        j.append(j[-1] + 1)
    # A word of b is aligned to one word of a: keep pairs whose j passes every earlier one.
    i, j = np.array(i, dtype=np.int64), np.array(j, dtype=np.int64)
    keep = j > np.maximum.accumulate(np.r_[-1, j[:-1]])
    return i[keep], j[keep]


def _aligned(chains: dict, c: int) -> tuple[np.ndarray, np.ndarray]:
    """The aligned word positions ``(i, j)`` of chain ``c``, extensions included."""
    g = chains["greedy"][c]
    if g >= 0:
        return chains["greedy_aligned"][g]
    seeded = chains["words"][chains["lo"][c]:chains["hi"][c]]
    i = np.r_[np.arange(chains["i0"][c], seeded[0]), seeded, np.arange(seeded[-1] + 1, chains["i1"][c] + 1)]
    return i, i - chains["diag"][c]


def _inside(x: tuple, y: tuple) -> bool:
    """True when most of chain ``x`` lies within chain ``y`` in both articles.

    Repetitive text ("should not be in the X business; we should not be in
    the Y business") also matches itself one clause off the diagonal; such
    echoes sit inside the true passage on both sides and are dropped.
    Chains are ``(i0, i1, j0, j1)``.
    """
    def share(lo, hi, olo, ohi):
        return max(0, min(hi, ohi) - max(lo, olo) + 1) / (hi - lo + 1)

    return share(x[0], x[1], y[0], y[1]) > 0.5 and share(x[2], x[3], y[2], y[3]) > 0.5


def _passage_table(tokens: _Tokens, chains: dict, ids: list[str], *, n: int, min_words: int) -> pd.DataFrame:
    """Keep each pair's chains that are not echoes, split them by quotation status, one row per passage."""
    order = chains["order"]
    bounds = np.r_[np.flatnonzero(_starts(chains["pair"][order])), len(order)]
    ends = {key: chains[key].tolist() for key in ("i0", "i1", "j0", "j1")}
    span = list(zip(ends["i0"], ends["i1"], ends["j0"], ends["j1"]))
    keep: list[int] = []
    for lo, hi in itertools.pairwise(bounds.tolist()):
        kept: list[int] = []
        for c in order[lo:hi].tolist():  # longest first
            if not any(_inside(span[c], span[k]) for k in kept):
                kept.append(c)
        if len({span[c][0::2] for c in kept}) < len(kept):  # same first word: order by all aligned words
            kept.sort(key=lambda c: list(zip(*(x.tolist() for x in _aligned(chains, c)))))
        else:
            kept.sort(key=lambda c: span[c][0::2])
        keep += kept
    keep = np.array(keep, dtype=np.int64)
    # Chains with one quotation status are one passage each; the others are split in Python.
    whole = keep[chains["uniform"][keep]]
    i0, i1, j0, j1, size = (chains[key][whole] for key in ("i0", "i1", "j0", "j1", "size"))
    parts = [_segments(tokens, chains, whole, (i0, i1, j0, j1, size),
                       tokens.quoted[tokens.base[chains["a"][whole]] + i0],
                       tokens.quoted[tokens.base[chains["b"][whole]] + j0])]
    pieces = []
    for c in keep[~chains["uniform"][keep]].tolist():
        i, j = _aligned(chains, c)
        qa, qb = tokens.quoted[tokens.base[chains["a"][c]] + i], tokens.quoted[tokens.base[chains["b"][c]] + j]
        for (sa, sb), first, last in _quote_runs(list(zip(qa.tolist(), qb.tolist())), n=n):
            pieces.append((c, i[first], i[last], j[first], j[last], last - first + 1, sa, sb))
    if pieces:
        c, *ends, sa, sb = map(np.array, zip(*pieces))
        parts.append(_segments(tokens, chains, c, ends, sa.astype(bool), sb.astype(bool)))
    table = pd.concat(parts, ignore_index=True)
    rank = np.zeros(len(chains["pair"]), dtype=np.int64)
    rank[keep] = np.arange(len(keep))
    table = table.iloc[np.argsort(rank[table.pop("_chain").to_numpy()], kind="stable")]
    table = table[table["n_words"] >= min_words].reset_index(drop=True)
    table.insert(0, "article_id_b", [ids[x] for x in table.pop("_b")])
    table.insert(0, "article_id_a", [ids[x] for x in table.pop("_a")])
    return table


def _segments(tokens: _Tokens, chains: dict, c: np.ndarray, ends, qa: np.ndarray, qb: np.ndarray) -> pd.DataFrame:
    """Passage rows: segments ``ends = (i0, i1, j0, j1, size)`` of chains ``c`` with quotation status ``qa, qb``."""
    i0, i1, j0, j1, size = ends
    a, b = chains["a"][c], chains["b"][c]
    ga, gb = tokens.base[a], tokens.base[b]
    start_a, end_a = tokens.starts[ga + i0], tokens.ends[ga + i1]
    start_b, end_b = tokens.starts[gb + j0], tokens.ends[gb + j1]
    texts = tokens.texts
    return pd.DataFrame({
        "_chain": c, "_a": a, "_b": b,
        "start_a": start_a, "end_a": end_a, "start_b": start_b, "end_b": end_b,
        "n_words": np.minimum(tokens.count_words(a, start_a, end_a), tokens.count_words(b, start_b, end_b)),
        "quoted": np.where(qa & qb, "both", np.where(qa | qb, "one", "neither")),
        "quoted_a": qa, "quoted_b": qb,
        # Python's round (decimal, half-even on the true value) as before, not numpy's.
        "similarity": [round(2 * s / (x1 - x0 + 1 + y1 - y0 + 1), 3)
                       for s, x0, x1, y0, y1 in zip(size.tolist(), i0.tolist(), i1.tolist(), j0.tolist(), j1.tolist())],
        "text_a": [texts[d][s:e] for d, s, e in zip(a.tolist(), start_a.tolist(), end_a.tolist())],
        "text_b": [texts[d][s:e] for d, s, e in zip(b.tolist(), start_b.tolist(), end_b.tolist())],
    })


def _quote_runs(status: list[tuple[bool, bool]], *, n: int):
    """Yield ``(status, first, last)``: stretches of one quotation status along a passage."""
    runs = []  # [status, first index, last index]
    for k, s in enumerate(status):
        if runs and runs[-1][0] == s:
            runs[-1][2] = k
        else:
            runs.append([s, k, k])
    # A run shorter than a seed (a quoted title, a stray mark) takes its
    # neighbour's status, so one pair of quote marks does not cut a passage.
    if len(runs) > 1:
        for k, run in enumerate(runs):
            if run[2] - run[1] + 1 < n:
                run[0] = runs[k - 1][0] if k else runs[1][0]
    merged = []
    for run in runs:
        if merged and merged[-1][0] == run[0]:
            merged[-1][2] = run[2]
        else:
            merged.append(list(run))
    for s, first, last in merged:
        yield s, first, last
