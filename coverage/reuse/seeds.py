"""The word n-gram index of text reuse: tokens end to end, and the seeds of every pair.

Internals of :func:`coverage.reuse.find.find_reuse`: :class:`Tokens` holds every
article's normalised words in one array (ids, offsets, quotation flags);
:func:`seed_table` hashes and counts the n-grams of the whole corpus,
masks boilerplate and pairs the occurrences that two articles share.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from coverage.reuse.tokens import token_arrays
from coverage.text.tokens import word_spans

HASH_BASE = np.uint64(0x100000001B3)  # FNV prime: spreads n-gram ids over 64 bits


class Tokens:
    """Every article's normalised tokens, end to end: ids, character offsets, quotation flags.

    Article ``d`` holds positions ``base[d]`` to ``base[d] + length[d]``.
    Integer ids (one shared vocabulary) make n-grams cheap to hash and compare.
    """

    def __init__(self, texts: list[str], quotes: tuple[np.ndarray, np.ndarray, np.ndarray],
                 arrays: list[tuple[np.ndarray, np.ndarray, np.ndarray]] | None = None):
        # ``arrays``: per article, the (hashes, starts, ends) of coverage.reuse.tokens, when cached.
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


def ranges(counts: np.ndarray) -> np.ndarray:
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


def seed_table(tokens: Tokens, *, n: int, max_articles: int | None, masked: np.ndarray | None = None,
                involving: np.ndarray | None = None):
    """Return the seeds ``(a, b, i, j)`` of every pair of articles, the number of boilerplate n-grams, and counts.

    A seed says the n-gram at word ``i`` of article ``a`` is the one at word
    ``j`` of article ``b`` (``a < b``); seeds come sorted by ``(a, b, i, j)``.
    All n-grams of the corpus are hashed and counted once (in how many
    articles each occurs) with hash tables, and only those in two articles
    or more, and not boilerplate, are sorted and paired, in one vectorised
    pass: the work grows with the number of shared n-grams, not with the
    number of pairs. Words of boilerplate n-grams are masked in ``tokens``.

    ``masked`` gives the words to mask instead (a caller that counted the
    n-grams over a larger corpus, :mod:`coverage._engine.reuse_memo`); ``involving``
    keeps only the seeds of pairs with at least one article flagged in it.
    The third value returned is, for every distinct n-gram, the number of
    articles it occurs in before masking and the position of one occurrence
    (``{"counts", "leads"}``; None when ``masked`` is given).
    """
    first, owner, codes = _ngram_codes(tokens, n=n)
    n_articles = len(tokens.length)
    n_boilerplate, index = 0, None
    if masked is None:
        n_docs = _articles_per_code(codes, owner, n_articles)
        index = {"counts": n_docs, "leads": np.zeros(len(n_docs), dtype=np.int64)}
        index["leads"][codes] = first
        if max_articles is not None and (boiler := n_docs[codes] > max_articles).any():
            n_boilerplate = int((n_docs > max_articles).sum())
            size = len(tokens.ids) + n + 1
            edges = np.bincount(first[boiler], minlength=size) - np.bincount(first[boiler] + n, minlength=size)
            masked = np.cumsum(edges)[:len(tokens.ids)] > 0
    if masked is not None and masked.any():
        tokens.mask(masked)
        covered = np.r_[0, np.cumsum(masked)]
        clean = covered[first + n] == covered[first]  # n-grams with no masked word
        first, owner, codes = first[clean], owner[clean], codes[clean]
        n_docs = _articles_per_code(codes, owner, n_articles)
    elif index is None:
        n_docs = _articles_per_code(codes, owner, n_articles)
    shared = n_docs[codes] >= 2
    first, owner, codes = first[shared], owner[shared], codes[shared]
    order = np.argsort(codes, kind="stable")  # by n-gram; positions (and articles) stay in order
    first, owner, group = first[order], owner[order], codes[order]
    # Pair every occurrence with each occurrence of the same n-gram in a later article.
    doc_stop, group_stop = _stops(_starts(group, owner)), _stops(_starts(group))
    partners = group_stop - doc_stop
    left = np.repeat(np.arange(len(group)), partners)
    right = np.repeat(doc_stop, partners) + ranges(partners)
    a, b = owner[left], owner[right]
    if involving is not None:
        kept = involving[a] | involving[b]
        left, right, a, b = left[kept], right[kept], a[kept], b[kept]
    i, j = first[left] - tokens.base[a], first[right] - tokens.base[b]
    order = np.lexsort((j, i, b, a))
    return (a[order], b[order], i[order], j[order]), n_boilerplate, index


def _ngram_codes(tokens: Tokens, *, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every n-gram occurrence in text order: ``(first, owner, code)``.

    ``code`` numbers the distinct n-grams, ``first`` is the position of the
    occurrence's first word in ``tokens.ids``, ``owner`` its article.
    """
    counts = np.maximum(tokens.length - n + 1, 0)
    owner = np.repeat(np.arange(len(counts)), counts)
    first = np.repeat(tokens.base, counts) + ranges(counts)
    words = tokens.ids.astype(np.uint64)
    hashes = np.zeros(len(first), dtype=np.uint64)
    for k in range(n):  # polynomial hash; uint64 arithmetic wraps by design
        hashes = hashes * HASH_BASE + words[first + k]
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
