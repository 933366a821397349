"""Text reuse updated from the previous run instead of searched anew: ``find_reuse(memo=...)``.

Adding one article to 10,000 changes little: its n-grams occur in one more
article, and it may share passages with a few others. Searching the whole
corpus again hashes and counts six million n-grams (a second at 10,000
articles). A :class:`ReuseMemo` keeps what the search needs from the last
run instead:

* the key of every article (see :class:`ReuseMemo`) and its number of
  tokens, in corpus order;
* which of their tokens were masked as boilerplate;
* for every ``k``, how many distinct n-grams occur in exactly ``k`` articles;
* the passages found and the number of pairs compared.

The passages of two articles depend only on those two articles: their
tokens, their quotations and which of their words are masked. When articles
were added, or removed (a changed article is both), :func:`update_reuse`
hashes the n-grams of those articles, finds the unchanged articles holding
them (one vectorised pass over the cached word hashes, every match checked
word by word) and counts them before and after. If no n-gram crosses the
boilerplate cut-off (the counts of these n-grams say so for them, the table
of counts for all others, also when the cut-off itself moves), no unchanged
article's mask changes, so neither do the passages between two unchanged
articles: those of removed articles are dropped, the pairs of each added
article with the articles it shares an n-gram with are aligned, and the
passages are merged in corpus order. In every other case (other options, a
cut-off crossed, a hash collision, a removed article whose words are not at
hand, a damaged memo, many changes) the whole corpus is searched again.
Either way the result is the one a full search gives; tests compare the two.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from coverage._io import atomic_write
from coverage.reuse_align import _chain_table, _passage_table
from coverage.reuse_seeds import _HASH_BASE, _ranges, _seed_table, _Tokens
from coverage.reuse_tokens import token_arrays

__all__ = ["ReuseMemo"]

#: With more articles added or removed than this share of the corpus (and more than two), searching it all is as quick.
MAX_CHANGED_SHARE = 0.2

_FORMAT = 1
_META = b"coverage.reuse_memo"
_ARTICLES, _PASSAGES = "articles.parquet", "passages.parquet"
_NONE = np.iinfo(np.int64).max  # "no cut-off"
_BUCKET_BITS = 20  # first filter of the scan: a table of 2^20 flags indexed by the top bits of a hash


@dataclass(frozen=True)
class _State:
    params: dict
    cutoff: int | None
    keys: list[str]
    ids: list[str]
    lengths: np.ndarray  # tokens per article
    masks: list[bytes]  # per article, np.packbits of its tokens masked as boilerplate
    counts: np.ndarray  # counts[k]: distinct n-grams found in exactly k articles
    passages: pd.DataFrame
    n_pairs: int


class ReuseMemo:
    """What :func:`coverage.reuse.find_reuse` keeps of one run to update the next.

    Parameters
    ----------
    keys : mapping of str to str
        For every article of the corpus about to be searched, a key that
        changes whenever anything ``find_reuse`` reads of it changes: its
        text, its tokens and its quotations. The pipeline's per-article
        cache keys are such keys. An article without a key means a full
        search.

    Attributes
    ----------
    state : object or None
        The last run, as read by :meth:`read` or left by ``find_reuse``.
    removed : dict of str to numpy.ndarray
        Word hashes (``token_hash`` of :func:`coverage.reuse_tokens.reuse_tokens`)
        of the last run's articles that are no longer in ``keys``, by key,
        for the caller to fill (see :meth:`removed_keys`): without them a
        removed or changed article means a full search.
    updated_ : bool or None
        After ``find_reuse``: True when it updated the last run's result,
        False when it searched the whole corpus.

    Examples
    --------
    >>> from coverage.reuse import find_reuse
    >>> corpus = pd.DataFrame({"article_id": ["a", "b"], "text": ["one two three four five six seven eight"] * 2})
    >>> memo = ReuseMemo({"a": "key-a", "b": "key-b"})
    >>> len(find_reuse(corpus, memo=memo)), memo.updated_
    (1, False)
    >>> more = pd.concat([corpus, pd.DataFrame({"article_id": ["c"], "text": corpus["text"][:1]})])
    >>> memo.keys["c"] = "key-c"
    >>> len(find_reuse(more, memo=memo)), memo.updated_
    (3, True)
    """

    def __init__(self, keys: Mapping[str, str]):
        self.keys = dict(keys)
        self.state: _State | None = None
        self.removed: dict[str, np.ndarray] = {}
        self.updated_: bool | None = None

    def removed_keys(self) -> list[str]:
        """Keys of the last run's articles that are not in :attr:`keys` (removed, or changed)."""
        current = set(self.keys.values())
        return [] if self.state is None else [key for key in self.state.keys if key not in current]

    @classmethod
    def read(cls, folder: str | Path, *, keys: Mapping[str, str]) -> ReuseMemo:
        """Return a memo holding the run stored in ``folder`` (none if missing or damaged)."""
        memo = cls(keys)
        memo.state = _read_state(Path(folder))
        return memo

    def write(self, folder: str | Path) -> None:
        """Store the last run in ``folder`` (two Parquet files), for :meth:`read`."""
        if self.state is not None:
            _write_state(Path(folder), self.state)


def remember_reuse(memo: ReuseMemo, ids: list[str], *, params: dict, cutoff: int | None, lengths: np.ndarray,
                   masked: np.ndarray, counts: np.ndarray, passages: pd.DataFrame, n_pairs: int) -> None:
    """Keep a full search in ``memo``; ``counts`` holds each distinct n-gram's number of articles."""
    keys = [memo.keys.get(i) for i in ids]
    memo.updated_ = False
    lengths = np.asarray(lengths, dtype=np.int64)
    memo.state = None if None in keys else _State(
        params, cutoff, keys, list(ids), lengths, _packed(np.asarray(masked, dtype=bool), lengths),
        np.bincount(counts).astype(np.int64), passages, int(n_pairs))


def update_reuse(memo: ReuseMemo, ids: list[str], texts: list[str], arrays: list | None,
                 spans_of: Callable[[np.ndarray], tuple], *, params: dict, cutoff: int | None):
    """``(passages, n_boilerplate, n_pairs)`` updated from the memo's last run, or None to search everything.

    ``arrays`` are each article's ``(hashes, starts, ends)`` (computed when
    None); ``spans_of(docs)`` returns the quotations of articles ``docs``
    numbered in that order; ``params`` are find_reuse's other options.
    """
    state, n = memo.state, params["n"]
    keys = [memo.keys.get(i) for i in ids]
    if state is None or state.params != params or None in keys or len(set(keys)) < len(keys):
        return None
    where = {key: d for d, key in enumerate(keys)}
    kept = [o for o, key in enumerate(state.keys) if key in where]  # indices in the last run
    gone = [o for o, key in enumerate(state.keys) if key not in where]
    docs = np.array([where[state.keys[o]] for o in kept], dtype=np.int64)
    if (docs[1:] <= docs[:-1]).any() or any(state.keys[o] not in memo.removed for o in gone):
        return None  # the unchanged articles moved, or the words of a removed one are not at hand
    # Articles are numbered as in this run, the removed ones after them.
    size = len(ids) + len(gone)
    unchanged, added = np.zeros(size, dtype=bool), np.zeros(size, dtype=bool)
    unchanged[docs] = True
    added[:len(ids)] = ~unchanged[:len(ids)]
    if size - len(docs) > max(2, MAX_CHANGED_SHARE * len(ids)):
        return None
    if arrays is None:
        arrays = [token_arrays(text) for text in texts]
    removed = [np.asarray(memo.removed[state.keys[o]], dtype=np.uint64) for o in gone]
    lengths = np.array([len(a[0]) for a in arrays] + [len(h) for h in removed], dtype=np.int64)
    if (lengths[docs] != state.lengths[kept]).any() or (lengths[len(ids):] != state.lengths[gone]).any():
        return None
    masks = dict(zip(docs.tolist(), (state.masks[o] for o in kept)))
    masks |= {len(ids) + k: state.masks[o] for k, o in enumerate(gone)}
    if len(docs) == len(ids) == len(state.keys) and state.cutoff == cutoff:  # nothing changed
        memo.updated_ = True
        return state.passages, _boilerplate(state.counts, cutoff), state.n_pairs
    hashes = np.concatenate([np.asarray(a[0], dtype=np.uint64) for a in arrays] + removed)
    found = _changed_ngrams(hashes, lengths, unchanged, n=n)
    if found is None:
        return None
    first, code, doc, n_grams = found  # every occurrence of an added or removed article's n-gram
    was, now = ~added[doc], unchanged[doc] | added[doc]
    before = _articles_per(code[was], doc[was], n_grams, size)
    after = _articles_per(code[now], doc[now], n_grams, size)
    counts = _updated_counts(state.counts, before, after, old_cutoff=state.cutoff, cutoff=cutoff)
    if counts is None:
        return None
    lost = _pairs_lost(first[was], code[was], doc[was], before, masks=masks, lengths=lengths, removed_from=len(ids),
                       n=n, cutoff=state.cutoff)
    base = np.cumsum(lengths) - lengths
    for d in np.flatnonzero(added).tolist():  # words under a boilerplate n-gram are masked, as a full search would
        mask = np.zeros(lengths[d], dtype=bool)
        starts = first[(doc == d) & (after[code] > _limit(cutoff))] - base[d]
        mask[(starts[:, None] + np.arange(n)).ravel()] = True
        masks[d] = np.packbits(mask).tobytes()
    partners = doc[unchanged[doc] & (after[code] <= _limit(cutoff))]
    sub = np.union1d(partners, np.flatnonzero(added)).astype(np.int64)
    masked = np.concatenate([_unpacked(masks[d], lengths[d]) for d in sub.tolist()] + [np.zeros(0, dtype=bool)])
    fresh, n_new = _passages_of(sub, ids, texts, arrays, spans_of, masked, added[sub], params=params)
    left = {state.ids[o] for o in gone}
    old = state.passages
    old = old[~(old["article_id_a"].isin(left) | old["article_id_b"].isin(left))] if left else old
    passages = _merged(old, fresh, ids)
    n_pairs = state.n_pairs - lost + n_new
    memo.state = _State(params, cutoff, keys, list(ids), lengths[:len(ids)], [masks[d] for d in range(len(ids))],
                        counts, passages, n_pairs)
    memo.updated_ = True
    return passages, _boilerplate(counts, cutoff), n_pairs


def _limit(cutoff: int | None) -> int:
    return _NONE if cutoff is None else int(cutoff)


def _boilerplate(counts: np.ndarray, cutoff: int | None) -> int:
    return 0 if cutoff is None else int(counts[cutoff + 1:].sum())


def _positions(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Indices ``start, start + 1, ..., start + length - 1`` of every ``(start, length)``, end to end."""
    return np.repeat(starts, lengths) + _ranges(lengths)


def _packed(masked: np.ndarray, lengths: np.ndarray) -> list[bytes]:
    ends = np.cumsum(lengths).tolist()
    return [np.packbits(masked[s:e]).tobytes() for s, e in zip([0, *ends[:-1]], ends)]


def _unpacked(bits: bytes, length: int) -> np.ndarray:
    return np.unpackbits(np.frombuffer(bits, dtype=np.uint8), count=int(length)).astype(bool)


def _gram_hashes(hashes: np.ndarray, n: int) -> np.ndarray:
    """A 64-bit hash of the ``n`` words from each position (positions near the end left out)."""
    size = max(len(hashes) - n + 1, 0)
    out = hashes[:size].copy()
    for k in range(1, n):  # in place, one array; uint64 arithmetic wraps by design
        out *= _HASH_BASE
        out += hashes[k:k + size]
    return out


def _changed_ngrams(hashes: np.ndarray, lengths: np.ndarray, unchanged: np.ndarray, *, n: int):
    """Every occurrence of the changed articles' n-grams, in them and in the unchanged articles.

    Returns ``(first, code, doc, n_codes)``: the position of each occurrence
    in ``hashes`` (every article's word hashes end to end), its n-gram
    (numbered ``0 .. n_codes - 1``) and its article; None when two different
    n-grams share a hash.
    """
    grams = _gram_hashes(hashes, n)
    base = np.cumsum(lengths) - lengths
    changed = np.flatnonzero(~unchanged)
    per_doc = np.maximum(lengths[changed] - n + 1, 0)
    first = _positions(base[changed], per_doc)
    owner = np.repeat(changed, per_doc)
    distinct, lead, code = np.unique(grams[first], return_index=True, return_inverse=True)
    lead = first[lead]
    if not _same_words(hashes, first, lead[code], n):
        return None
    # Unchanged articles: a table of flags by the hash's top bits, then exact matches.
    shift = np.uint64(64 - _BUCKET_BITS)
    flags = np.zeros(1 << _BUCKET_BITS, dtype=bool)
    flags[distinct >> shift] = True
    candidate = np.flatnonzero(flags[grams >> shift])
    at = np.minimum(np.searchsorted(distinct, grams[candidate]), max(len(distinct) - 1, 0))
    hit = distinct[at] == grams[candidate] if len(distinct) else np.zeros(len(candidate), dtype=bool)
    candidate, at = candidate[hit], at[hit]
    doc = np.searchsorted(base, candidate, "right") - 1
    inside = unchanged[doc] & (candidate + n <= base[doc] + lengths[doc])  # not across an article's end
    candidate, at, doc = candidate[inside], at[inside], doc[inside]
    if not _same_words(hashes, candidate, lead[at], n):
        return None
    return np.r_[first, candidate], np.r_[code, at], np.r_[owner, doc], len(distinct)


def _pairs_lost(first, code, doc, before, *, masks, lengths, removed_from, n, cutoff) -> int:
    """Pairs of the last run with a removed article (numbered from ``removed_from``) that shared a seed.

    Two articles were compared when some n-gram occurs in both without a
    masked word. Occurrences of boilerplate n-grams are masked throughout.
    """
    keep = before[code] <= _limit(cutoff)
    first, code, doc = first[keep], code[keep], doc[keep]
    base = np.cumsum(lengths) - lengths
    clean = np.ones(len(first), dtype=bool)
    for d in np.unique(doc).tolist():
        at = doc == d
        masked = np.r_[0, np.cumsum(_unpacked(masks[d], lengths[d]))]
        local = first[at] - base[d]
        clean[at] = masked[local + n] == masked[local]
    sharing: dict[int, set[int]] = {}
    for c, d in zip(code[clean].tolist(), doc[clean].tolist()):
        sharing.setdefault(c, set()).add(d)
    pairs = {(min(r, d), max(r, d)) for group in sharing.values() for r in group if r >= removed_from
             for d in group if d != r}
    return len(pairs)


def _same_words(hashes: np.ndarray, first: np.ndarray, other: np.ndarray, n: int) -> bool:
    return all(np.array_equal(hashes[first + k], hashes[other + k]) for k in range(n))


def _articles_per(code: np.ndarray, doc: np.ndarray, n_codes: int, n_docs: int) -> np.ndarray:
    pairs = np.unique(code * max(n_docs, 1) + doc)
    return np.bincount(pairs // max(n_docs, 1), minlength=n_codes).astype(np.int64)


def _updated_counts(counts, n_old, n_now, *, old_cutoff, cutoff) -> np.ndarray | None:
    """The table of counts after the update, or None when an n-gram crosses the cut-off."""
    seen = n_old > 0
    if ((n_old[seen] > _limit(old_cutoff)) != (n_now[seen] > _limit(cutoff))).any():
        return None  # an old n-gram becomes boilerplate or stops being it: masks of old articles change
    size = max(len(counts), int(n_now.max(initial=0)) + 1)
    rest = np.zeros(size, dtype=np.int64)
    rest[:len(counts)] = counts
    np.subtract.at(rest, n_old[seen], 1)
    if (rest < 0).any():
        return None  # the memo does not fit this corpus
    low, high = sorted((_limit(old_cutoff), _limit(cutoff)))
    if low != high and rest[low + 1:high + 1].any():
        return None  # the cut-off moved past the count of some other n-gram
    return rest + np.bincount(n_now, minlength=size)


def _passages_of(sub, ids, texts, arrays, spans_of, masked, involving, *, params):
    """Passages between the articles ``sub`` flagged in ``involving`` and the others of ``sub``, and their pairs."""
    n = params["n"]
    words = _Tokens([texts[d] for d in sub], spans_of(sub), [arrays[d] for d in sub])
    seeds, _, _ = _seed_table(words, n=n, max_articles=None, masked=masked, involving=involving)
    chains = _chain_table(words, seeds, n=n, max_gap=params["max_gap"])
    table = _passage_table(words, chains, [ids[d] for d in sub], n=n, min_words=params["min_words"])
    return table, int(chains["n_pairs"])


def _merged(old: pd.DataFrame, fresh: pd.DataFrame, ids: list[str]) -> pd.DataFrame:
    """Old and new passages in a full search's order: by the corpus positions of the pair, then as found."""
    parts = [t for t in (old, fresh) if len(t)]
    if len(parts) < 2:
        return (parts[0] if parts else fresh).reset_index(drop=True)
    table = pd.concat(parts, ignore_index=True)
    index = pd.Index(ids)
    order = np.lexsort((index.get_indexer(table["article_id_b"]), index.get_indexer(table["article_id_a"])))
    return table.take(order).reset_index(drop=True)


def _write_state(folder: Path, state: _State) -> None:
    generation = uuid.uuid4().hex  # ties the two files of one run together
    passages = pa.Table.from_pandas(state.passages, preserve_index=False)
    passages = passages.replace_schema_metadata({**(passages.schema.metadata or {}),
                                                 _META: json.dumps({"generation": generation}).encode()})
    atomic_write(folder / _PASSAGES, lambda tmp: pq.write_table(passages, tmp))
    meta = {"format": _FORMAT, "generation": generation, "params": state.params, "cutoff": state.cutoff,
            "n_pairs": state.n_pairs, "counts": state.counts.tolist()}
    articles = pa.table({"key": pa.array(state.keys, type=pa.string()), "article_id": pa.array(state.ids, type=pa.string()),
                         "n_tokens": state.lengths, "masked": pa.array(state.masks, type=pa.binary())})
    articles = articles.replace_schema_metadata({_META: json.dumps(meta).encode()})
    atomic_write(folder / _ARTICLES, lambda tmp: pq.write_table(articles, tmp))  # last: it says the run is whole


def _read_state(folder: Path) -> _State | None:
    try:
        articles = pq.read_table(folder / _ARTICLES)
        meta = json.loads(articles.schema.metadata[_META])
        if meta["format"] != _FORMAT or json.loads(pq.read_schema(folder / _PASSAGES).metadata[_META]) != {
                "generation": meta["generation"]}:
            return None
        lengths = articles.column("n_tokens").to_numpy().astype(np.int64)
        masks = articles.column("masked").to_pylist()
        if (lengths < 0).any() or any(len(b) != (size + 7) // 8 for b, size in zip(masks, lengths.tolist())):
            return None
        counts = np.asarray(meta["counts"], dtype=np.int64)
        if (counts < 0).any() or not isinstance(meta["params"], dict):
            return None
        cutoff = None if meta["cutoff"] is None else int(meta["cutoff"])
        return _State(meta["params"], cutoff, articles.column("key").to_pylist(),
                      articles.column("article_id").to_pylist(), lengths, masks, counts,
                      pd.read_parquet(folder / _PASSAGES), int(meta["n_pairs"]))
    except Exception:  # a missing, damaged or foreign memo is only a miss: everything is searched
        return None
