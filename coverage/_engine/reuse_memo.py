"""Text reuse updated from the previous run instead of searched anew (:func:`coverage._engine.stages.find_reuse_again`).

Adding one article to 10,000 changes little: its n-grams occur in one more
article, and it may share passages with a few others. Searching the whole
corpus again hashes and counts six million n-grams (a second at 10,000
articles). A :class:`ReuseMemo` keeps what the search needs from the last
run instead:

* the key of every article (see :class:`ReuseMemo`), its id and its number
  of tokens, in corpus order, and which of its tokens were masked as
  boilerplate;
* every n-gram found in at least half as many articles as the boilerplate
  cut-off (its words and its number of articles): the only ones that can
  cross the cut-off while it moves by less than that;
* the passages found and the number of pairs compared.

The passages of two articles depend only on those two articles: their
tokens, their quotations and which of their words are masked. When a few
articles were added or removed (a changed article is both),
:func:`update_reuse` hashes their n-grams, finds the other articles that
hold them (one vectorised pass over the cached word hashes, every match
checked word by word) and counts them before and after. An n-gram that
crosses the cut-off (because of these counts, or because the cut-off moved)
changes the masks of the articles that hold it: those are *affected*. The
passages of removed and affected articles are dropped; the pairs of added
and affected articles with the articles they share an unmasked n-gram with
are aligned again; all other passages stand, and everything is merged in
corpus order. In the remaining cases (other options, a hash collision, a
removed article whose words are not at hand, a cut-off moved too far, a
memo that does not fit, many changes) the whole corpus is searched again.
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

from coverage._engine import reuse_scan as scan
from coverage.io.write import atomic_write
from coverage.reuse.align import chain_table, passage_table
from coverage.reuse.seeds import seed_table, Tokens
from coverage.reuse.tokens import token_arrays

__all__ = ["ReuseMemo"]

#: With more articles added or removed than this share of the corpus (and more than two), searching it all is as quick.
MAX_CHANGED_SHARE = 0.2

_FORMAT = 2
_META = b"coverage._engine.reuse_memo"
_ARTICLES, _PASSAGES, _FREQUENT = "articles.parquet", "passages.parquet", "frequent.parquet"
_NONE = np.iinfo(np.int64).max  # "no cut-off"


@dataclass(frozen=True)
class _State:
    params: dict
    cutoff: int | None
    keys: list[str]
    ids: list[str]
    lengths: np.ndarray  # tokens per article
    masks: list[bytes]  # per article, np.packbits of its tokens masked as boilerplate
    floor: int | None  # n-grams in at least this many articles are in ``frequent`` (None: no cut-off)
    frequent: dict  # "grams" (sorted hashes), "words" (one row of word hashes each), "counts" (articles)
    passages: pd.DataFrame
    n_pairs: int


class ReuseMemo:
    """What :func:`coverage.reuse.find.find_reuse` keeps of one run to update the next.

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
        Word hashes (``token_hash`` of :func:`coverage.reuse.tokens.reuse_tokens`)
        of the last run's articles that are no longer in ``keys``, by key,
        for the caller to fill (see :meth:`removed_keys`): without them a
        removed or changed article means a full search.
    updated_ : bool or None
        After ``find_reuse``: True when it updated the last run's result,
        False when it searched the whole corpus.

    See :func:`coverage._engine.stages.find_reuse_again` for an example.
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
        """Store the last run in ``folder`` (three Parquet files), for :meth:`read`."""
        if self.state is not None:
            _write_state(Path(folder), self.state)


def remember_reuse(memo: ReuseMemo, ids: list[str], *, params: dict, cutoff: int | None, arrays: list,
                   masked: np.ndarray, index: dict, passages: pd.DataFrame, n_pairs: int) -> None:
    """Keep a full search in ``memo``.

    ``arrays`` are each article's tokens, ``masked`` flags the masked ones
    end to end, and ``index`` holds every distinct n-gram's number of
    articles and one position of it (see :func:`coverage.reuse.seeds.seed_table`).
    """
    keys = [memo.keys.get(i) for i in ids]
    memo.updated_ = False
    lengths = np.array([len(a[0]) for a in arrays], dtype=np.int64)
    floor = None if cutoff is None else max(2, cutoff // 2)
    frequent = _EMPTY if floor is None else _frequent(arrays, index, floor, n=params["n"])
    memo.state = None if None in keys or frequent is None else _State(
        params, cutoff, keys, list(ids), lengths, scan.packed(np.asarray(masked, dtype=bool), lengths), floor,
        frequent, passages, int(n_pairs))


_EMPTY = {"grams": np.zeros(0, np.uint64), "words": np.zeros((0, 0), np.uint64), "counts": np.zeros(0, np.int64)}


def _frequent(arrays, index, floor, *, n):
    """The n-grams in at least ``floor`` articles, sorted by hash; None if two of them share a hash."""
    pick = np.flatnonzero(index["counts"] >= floor)
    hashes = np.concatenate([np.asarray(a[0], dtype=np.uint64) for a in arrays]) if arrays else np.zeros(0, np.uint64)
    words = scan.words_at(hashes, index["leads"][pick], n)
    grams = scan.row_hashes(words)
    order = np.argsort(grams, kind="stable")
    if (grams[order][1:] == grams[order][:-1]).any():
        return None
    return {"grams": grams[order], "words": words[order], "counts": index["counts"][pick][order].astype(np.int64)}


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
    if (cutoff is None) != (state.floor is None) or (
            cutoff is not None and min(state.cutoff, cutoff) + 1 < state.floor):
        return None  # the n-grams that may cross the cut-off were not kept
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
    removed = ~(unchanged | added)
    if size - len(docs) > max(2, MAX_CHANGED_SHARE * len(ids)):
        return None
    if arrays is None:
        arrays = [token_arrays(text) for text in texts]
    gone_hashes = [np.asarray(memo.removed[state.keys[o]], dtype=np.uint64) for o in gone]
    lengths = np.array([len(a[0]) for a in arrays] + [len(h) for h in gone_hashes], dtype=np.int64)
    if (lengths[docs] != state.lengths[kept]).any() or (lengths[len(ids):] != state.lengths[gone]).any():
        return None
    bits = dict(zip(docs.tolist(), (state.masks[o] for o in kept)))
    bits |= {len(ids) + k: state.masks[o] for k, o in enumerate(gone)}
    if len(docs) == len(ids) == len(state.keys) and state.cutoff == cutoff:  # nothing changed
        memo.updated_ = True
        return state.passages, _boilerplate(state.frequent, cutoff), state.n_pairs
    hashes = np.concatenate([np.asarray(a[0], dtype=np.uint64) for a in arrays] + gone_hashes)
    corpus = scan.Corpus(hashes, lengths, n)
    counted = scan.changed_counts(corpus, unchanged, added)
    if counted is None:
        return None
    values, words, before, after = counted
    frequent = _updated_frequent(state, values, words, before, after)
    if frequent is None:
        return None
    affected = scan.holding(corpus, *_flipped(state, frequent, values, words, before, after, cutoff=cutoff), unchanged)
    if affected is None or len(affected) > max(50, MAX_CHANGED_SHARE * len(ids)):
        return None  # masks of too many articles change: search them all
    old_masks = scan.Masks(bits, lengths)
    new_masks = scan.Masks(bits, lengths)
    for d in np.union1d(affected, np.flatnonzero(added)).tolist():
        new_masks[d] = scan.mask_of(corpus, frequent, d, cutoff)
        if new_masks[d] is None:
            return None
    focus_old = np.union1d(affected, np.flatnonzero(removed)).astype(np.int64)
    lost = scan.pairs_with(corpus, focus_old, ~added, old_masks, count=True) if len(focus_old) else 0
    focus_new = np.union1d(affected, np.flatnonzero(added)).astype(np.int64)
    partners = scan.pairs_with(corpus, focus_new, ~removed, new_masks, count=False)
    if lost is None or partners is None:
        return None
    sub = np.union1d(partners, focus_new).astype(np.int64)
    masked = np.concatenate([new_masks[d] for d in sub.tolist()] + [np.zeros(0, dtype=bool)])
    involving = np.isin(sub, focus_new)
    fresh, n_new = _passages_of(sub, ids, texts, arrays, spans_of, masked, involving, params=params)
    left = {state.ids[o] for o in gone} | {ids[d] for d in affected.tolist()}
    old = state.passages
    old = old[~(old["article_id_a"].isin(left) | old["article_id_b"].isin(left))] if left else old
    passages = _merged(old, fresh, ids)
    n_pairs = state.n_pairs - lost + n_new
    redone = set(focus_new.tolist())
    masks = [np.packbits(new_masks[d]).tobytes() if d in redone else bits[d] for d in range(len(ids))]
    memo.state = _State(params, cutoff, keys, list(ids), lengths[:len(ids)], masks, state.floor, frequent,
                        passages, n_pairs)
    memo.updated_ = True
    return passages, _boilerplate(frequent, cutoff), n_pairs


def _updated_frequent(state: _State, values, words, before, after) -> dict | None:
    """The table of frequent n-grams after the change; None if it does not fit the counts just made."""
    if state.floor is None:
        return _EMPTY
    kept = scan.lookup(state.frequent, values, words)
    if kept is None or (kept != np.where(before >= state.floor, before, 0)).any():
        return None  # the memo does not match these articles
    old = state.frequent
    stays = ~np.isin(old["grams"], values)
    enters = after >= state.floor
    grams = np.r_[old["grams"][stays], values[enters]]
    order = np.argsort(grams, kind="stable")
    return {"grams": grams[order],
            "words": np.concatenate([old["words"][stays].reshape(-1, words.shape[1]), words[enters]])[order],
            "counts": np.r_[old["counts"][stays], after[enters]][order]}


def _flipped(state: _State, frequent: dict, values, words, before, after, *, cutoff):
    """``(values, words)`` of the n-grams that cross the cut-off: boilerplate before and not after, or the reverse."""
    if cutoff is None:
        return values[:0], words[:0]
    old_limit, new_limit = _limit(state.cutoff), _limit(cutoff)
    changed = (before > 0) & ((before > old_limit) != (after > new_limit))
    low, high = sorted((old_limit, new_limit))
    others = ~np.isin(frequent["grams"], values) & (frequent["counts"] > low) & (frequent["counts"] <= high)
    grams = np.r_[values[changed], frequent["grams"][others]]
    order = np.argsort(grams, kind="stable")
    return grams[order], np.concatenate([words[changed], frequent["words"][others].reshape(-1, words.shape[1])])[order]


def _limit(cutoff: int | None) -> int:
    return _NONE if cutoff is None else int(cutoff)


def _boilerplate(frequent: dict, cutoff: int | None) -> int:
    return 0 if cutoff is None else int((frequent["counts"] > cutoff).sum())


def _passages_of(sub, ids, texts, arrays, spans_of, masked, involving, *, params):
    """Passages between the articles ``sub`` flagged in ``involving`` and the others of ``sub``, and their pairs."""
    n = params["n"]
    words = Tokens([texts[d] for d in sub], spans_of(sub), [arrays[d] for d in sub])
    seeds, _, _ = seed_table(words, n=n, max_articles=None, masked=masked, involving=involving)
    chains = chain_table(words, seeds, n=n, max_gap=params["max_gap"])
    table = passage_table(words, chains, [ids[d] for d in sub], n=n, min_words=params["min_words"])
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
    generation = {"generation": uuid.uuid4().hex}  # ties the files of one run together
    passages = pa.Table.from_pandas(state.passages, preserve_index=False)
    words = state.frequent["words"]
    frequent = pa.table({"gram": state.frequent["grams"], "count": state.frequent["counts"],
                         **{f"word{k}": words[:, k] for k in range(words.shape[1])}})
    for name, table in ((_PASSAGES, passages), (_FREQUENT, frequent)):
        table = table.replace_schema_metadata({**(table.schema.metadata or {}), _META: json.dumps(generation).encode()})
        atomic_write(folder / name, lambda tmp, t=table: pq.write_table(t, tmp))
    meta = {"format": _FORMAT, **generation, "params": state.params, "cutoff": state.cutoff, "floor": state.floor,
            "n_pairs": state.n_pairs}
    articles = pa.table({"key": pa.array(state.keys, type=pa.string()), "article_id": pa.array(state.ids, type=pa.string()),
                         "n_tokens": state.lengths, "masked": pa.array(state.masks, type=pa.binary())})
    articles = articles.replace_schema_metadata({_META: json.dumps(meta).encode()})
    atomic_write(folder / _ARTICLES, lambda tmp: pq.write_table(articles, tmp))  # last: it says the run is whole


def _read_state(folder: Path) -> _State | None:
    try:
        articles = pq.read_table(folder / _ARTICLES)
        meta = json.loads(articles.schema.metadata[_META])
        frequent = pq.read_table(folder / _FREQUENT)
        if meta["format"] != _FORMAT or any(
                json.loads(metadata[_META]) != {"generation": meta["generation"]}
                for metadata in (pq.read_schema(folder / _PASSAGES).metadata, frequent.schema.metadata)):
            return None
        lengths = articles.column("n_tokens").to_numpy().astype(np.int64)
        masks = articles.column("masked").to_pylist()
        if (lengths < 0).any() or any(len(b) != (size + 7) // 8 for b, size in zip(masks, lengths.tolist())):
            return None
        n = meta["params"]["n"]
        grams = frequent.column("gram").to_numpy().astype(np.uint64)
        table = {"grams": grams, "counts": frequent.column("count").to_numpy().astype(np.int64),
                 "words": np.stack([frequent.column(f"word{k}").to_numpy().astype(np.uint64) for k in range(n)], axis=1)}
        if (grams[1:] <= grams[:-1]).any() or (table["counts"] < 0).any():
            return None
        cutoff = None if meta["cutoff"] is None else int(meta["cutoff"])
        floor = None if meta["floor"] is None else int(meta["floor"])
        return _State(meta["params"], cutoff, articles.column("key").to_pylist(),
                      articles.column("article_id").to_pylist(), lengths, masks, floor,
                      table if floor is not None else _EMPTY, pd.read_parquet(folder / _PASSAGES), int(meta["n_pairs"]))
    except Exception:  # a missing, damaged or foreign memo is only a miss: everything is searched
        return None
