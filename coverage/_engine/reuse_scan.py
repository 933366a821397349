"""Finding given n-grams in every article's cached word hashes, for :mod:`coverage._engine.reuse_memo`.

Internals of the text reuse update (:mod:`coverage._engine.reuse_memo`): counting
the n-grams of changed articles, finding the articles that hold given
n-grams, their masks and the pairs they form. Articles are held as their word hashes
end to end (``hashes``, article ``d`` from ``base[d]`` for ``lengths[d]``
words); an n-gram is hashed from its words' hashes (:func:`gram_hashes`)
and every match of a hash is checked word by word, so two different
n-grams can never be taken for one: a collision returns None and the
caller searches the whole corpus instead.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from coverage.reuse.seeds import HASH_BASE, ranges

__all__ = ["Corpus", "Masks", "articles_per", "changed_counts", "clean", "distinct", "find", "gram_hashes",
           "holding", "lookup", "mask_of", "packed", "pairs_with", "positions", "row_hashes", "same_words",
           "unpacked", "windows", "words_at"]

_BUCKET_BITS = 20  # first filter of a scan: 2^20 flags indexed by the top bits of a hash


def gram_hashes(hashes: np.ndarray, n: int) -> np.ndarray:
    """A 64-bit hash of the ``n`` words from each position (positions near the end left out)."""
    size = max(len(hashes) - n + 1, 0)
    out = hashes[:size].copy()
    for k in range(1, n):  # in place, one array; uint64 arithmetic wraps by design
        out *= HASH_BASE
        out += hashes[k:k + size]
    return out


def positions(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Indices ``start, start + 1, ..., start + length - 1`` of every ``(start, length)``, end to end."""
    return np.repeat(starts, lengths) + ranges(lengths)


def windows(base: np.ndarray, lengths: np.ndarray, docs: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """``(first, doc)``: the position of every n-gram of articles ``docs``, and its article."""
    docs = np.asarray(docs, dtype=np.int64)
    per_doc = np.maximum(lengths[docs] - n + 1, 0)
    return positions(base[docs], per_doc), np.repeat(docs, per_doc)


def words_at(hashes: np.ndarray, first: np.ndarray, n: int) -> np.ndarray:
    """The word hashes of the n-grams at ``first``, one row each."""
    return np.stack([hashes[first + k] for k in range(n)], axis=1) if len(first) else np.zeros((0, n), np.uint64)


def distinct(grams: np.ndarray, first: np.ndarray, hashes: np.ndarray, n: int):
    """``(values, words, code)``: the distinct hashes of the n-grams at ``first``, their words, and which
    one each is; None if two different n-grams share a hash."""
    values, lead, code = np.unique(grams[first], return_index=True, return_inverse=True)
    lead = first[lead]
    if not same_words(hashes, first, lead[code], n):
        return None
    return values, words_at(hashes, lead, n), code


def find(grams: np.ndarray, values: np.ndarray, words: np.ndarray, hashes: np.ndarray, base: np.ndarray,
         lengths: np.ndarray, searched: np.ndarray, n: int):
    """Every occurrence in the articles flagged in ``searched`` of the n-grams ``values`` (sorted hashes).

    Returns ``(first, code, doc)``, ``code`` indexing ``values``; None if a
    match has other words than ``words[code]``.
    """
    if not len(values):
        return (np.zeros(0, dtype=np.int64),) * 3
    shift = np.uint64(64 - _BUCKET_BITS)
    flags = np.zeros(1 << _BUCKET_BITS, dtype=bool)
    flags[values >> shift] = True
    candidate = np.flatnonzero(flags[grams >> shift])
    code = np.minimum(np.searchsorted(values, grams[candidate]), len(values) - 1)
    hit = values[code] == grams[candidate]
    candidate, code = candidate[hit], code[hit]
    doc = np.searchsorted(base, candidate, "right") - 1
    inside = searched[doc] & (candidate + n <= base[doc] + lengths[doc])  # not across an article's end
    candidate, code, doc = candidate[inside], code[inside], doc[inside]
    if not all(np.array_equal(hashes[candidate + k], words[code, k]) for k in range(n)):
        return None
    return candidate, code, doc


def same_words(hashes: np.ndarray, first: np.ndarray, other: np.ndarray, n: int) -> bool:
    return all(np.array_equal(hashes[first + k], hashes[other + k]) for k in range(n))


def row_hashes(words: np.ndarray) -> np.ndarray:
    """:func:`gram_hashes` of n-grams given as rows of word hashes."""
    out = words[:, 0].copy()
    for k in range(1, words.shape[1]):
        out *= HASH_BASE
        out += words[:, k]
    return out


def articles_per(code: np.ndarray, doc: np.ndarray, n_codes: int) -> np.ndarray:
    """For each code, the number of distinct articles among its occurrences."""
    stride = int(doc.max(initial=0)) + 1
    pairs = np.unique(code * stride + doc)
    return np.bincount(pairs // stride, minlength=n_codes).astype(np.int64)


def clean(first: np.ndarray, doc: np.ndarray, masks: dict, base: np.ndarray, n: int) -> np.ndarray:
    """True for the n-grams at ``first`` (in articles ``doc``) with no masked word; ``masks`` by article."""
    out = np.ones(len(first), dtype=bool)
    order = np.argsort(doc, kind="stable")
    bounds = np.flatnonzero(np.r_[True, doc[order][1:] != doc[order][:-1]]) if len(doc) else np.zeros(0, np.int64)
    for lo, hi in zip(bounds.tolist(), [*bounds[1:].tolist(), len(doc)]):
        d = int(doc[order[lo]])
        covered = np.r_[0, np.cumsum(masks[d])]
        local = first[order[lo:hi]] - base[d]
        out[order[lo:hi]] = covered[local + n] == covered[local]
    return out


def lookup(table: dict, grams: np.ndarray, words: np.ndarray) -> np.ndarray | None:
    """Counts of the n-grams ``(grams, words)`` in a table of frequent n-grams (0 if absent); None on a collision."""
    if not len(table["grams"]):
        return np.zeros(len(grams), dtype=np.int64)
    at = np.minimum(np.searchsorted(table["grams"], grams), len(table["grams"]) - 1)
    hit = table["grams"][at] == grams
    if not (table["words"][at[hit]] == words[hit]).all():
        return None
    return np.where(hit, table["counts"][at], 0)


class Corpus:
    """Every article's word hashes end to end (the removed ones after the others) and their n-gram hashes."""

    def __init__(self, hashes: np.ndarray, lengths: np.ndarray, n: int):
        self.hashes, self.lengths, self.n = hashes, lengths, n
        self.base = np.cumsum(lengths) - lengths
        self.grams = gram_hashes(hashes, n)


class Masks(dict):
    """Masks by article, unpacked from the memo's bits when first asked for."""

    def __init__(self, bits: Mapping[int, bytes], lengths: np.ndarray):
        super().__init__()
        self.bits, self.lengths = bits, lengths

    def __missing__(self, d: int) -> np.ndarray:
        self[d] = unpacked(self.bits[d], self.lengths[d])
        return self[d]


def changed_counts(corpus: Corpus, unchanged: np.ndarray, added: np.ndarray):
    """The n-grams of added and removed articles and their number of articles before and after.

    Returns ``(values, words, before, after)``; None on a hash collision.
    """
    n, base = corpus.n, corpus.base
    first, owner = windows(base, corpus.lengths, np.flatnonzero(~unchanged), n)
    got = distinct(corpus.grams, first, corpus.hashes, n)
    if got is None:
        return None
    values, words, code = got
    found = find(corpus.grams, values, words, corpus.hashes, base, corpus.lengths, unchanged, n)
    if found is None:
        return None
    code, doc = np.r_[code, found[1]], np.r_[owner, found[2]]
    was, now = ~added[doc], unchanged[doc] | added[doc]
    before = articles_per(code[was], doc[was], len(values))
    after = articles_per(code[now], doc[now], len(values))
    return values, words, before, after


def holding(corpus: Corpus, values, words, unchanged) -> np.ndarray | None:
    """Unchanged articles holding any of the n-grams ``(values, words)``."""
    if not len(values):
        return np.zeros(0, dtype=np.int64)
    found = find(corpus.grams, values, words, corpus.hashes, corpus.base, corpus.lengths, unchanged, corpus.n)
    return None if found is None else np.unique(found[2])


def mask_of(corpus: Corpus, frequent: dict, d: int, cutoff: int | None) -> np.ndarray | None:
    """The words of article ``d`` under a boilerplate n-gram, from the table of frequent n-grams."""
    n, base = corpus.n, corpus.base
    mask = np.zeros(corpus.lengths[d], dtype=bool)
    if cutoff is None:
        return mask
    first, _ = windows(base, corpus.lengths, np.array([d]), n)
    counts = lookup(frequent, corpus.grams[first], words_at(corpus.hashes, first, n))
    if counts is None:
        return None
    starts = first[counts > cutoff] - base[d]
    mask[(starts[:, None] + np.arange(n)).ravel()] = True
    return mask


def pairs_with(corpus: Corpus, focus: np.ndarray, searched: np.ndarray, masks: dict, *, count: bool):
    """Articles sharing an n-gram with an article of ``focus``, no word of it masked in either.

    With ``count``, the number of such pairs (each pair once); otherwise the
    articles outside ``focus``. None on a hash collision.
    """
    n, base = corpus.n, corpus.base
    first, doc = windows(base, corpus.lengths, focus, n)
    first = first[clean(first, doc, masks, base, n)]
    got = distinct(corpus.grams, first, corpus.hashes, n) if len(first) else None
    if got is None:
        return None if len(first) else (0 if count else np.zeros(0, dtype=np.int64))
    values, words, _ = got
    found = find(corpus.grams, values, words, corpus.hashes, base, corpus.lengths, searched, n)
    if found is None:
        return None
    at, code, doc = found
    keep = clean(at, doc, masks, base, n)
    code, doc = code[keep], doc[keep]
    if not count:
        return np.setdiff1d(doc, focus)
    sharing: dict[int, set[int]] = {}
    for c, d in zip(code.tolist(), doc.tolist()):
        sharing.setdefault(c, set()).add(d)
    in_focus = set(focus.tolist())
    return len({(min(x, y), max(x, y)) for group in sharing.values() for x in group if x in in_focus
                for y in group if y != x})


def packed(masked: np.ndarray, lengths: np.ndarray) -> list[bytes]:
    ends = np.cumsum(lengths).tolist()
    return [np.packbits(masked[s:e]).tobytes() for s, e in zip([0, *ends[:-1]], ends)]


def unpacked(bits: bytes, length: int) -> np.ndarray:
    return np.unpackbits(np.frombuffer(bits, dtype=np.uint8), count=int(length)).astype(bool)
