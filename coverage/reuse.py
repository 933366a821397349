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
"""

from __future__ import annotations

import re
import warnings
from collections import defaultdict

import numpy as np
import pandas as pd

from coverage.errors import CorpusError, CorpusWarning
from coverage.schema import require_columns
from coverage.tokens import count_words, word_spans

__all__ = ["find_reuse", "quote_spans", "REUSE_COLUMNS"]

#: Columns of the passage table returned by :func:`find_reuse`.
REUSE_COLUMNS = (
    "article_id_a", "article_id_b", "start_a", "end_a", "start_b", "end_b",
    "n_words", "quoted", "quoted_a", "quoted_b", "similarity", "text_a", "text_b",
)

# Opening and closing double quote marks; straight quotes toggle.
_OPEN, _CLOSE = "“„«", "”»"
_HASH_BASE = np.uint64(0x100000001B3)  # FNV prime: spreads n-gram ids over 64 bits


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
        ``text``), e.g. from :mod:`coverage.quotes`; used instead of the
        built-in :func:`quote_spans` for every article.
    max_articles : int, optional
        Ignore n-grams found in more than this many articles (boilerplate);
        by default every shared n-gram is used. The number ignored is warned.

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
    if quotes is not None:
        require_columns(quotes, ["article_id", "start", "end"], func="find_reuse")
        given = {k: list(zip(g["start"], g["end"])) for k, g in quotes.groupby(quotes["article_id"].astype(str))}
        spans = [given.get(i, []) for i in ids]
    else:
        spans = [quote_spans(t) for t in texts]
    vocab: dict[str, int] = {}
    docs = [_Doc(t, s, vocab) for t, s in zip(texts, spans, strict=True)]
    seeds = _seed_pairs(docs, n=n, max_articles=max_articles)
    rows = []
    for (a, b), found in sorted(seeds.items()):
        for seg in _passages(docs[a], docs[b], found, n=n, max_gap=max_gap):
            rows.append(_row(ids[a], ids[b], docs[a], docs[b], seg))
    table = pd.DataFrame(rows, columns=list(REUSE_COLUMNS))
    table = table[table["n_words"] >= min_words].reset_index(drop=True)
    table = table.astype({"start_a": "int64", "end_a": "int64", "start_b": "int64", "end_b": "int64",
                          "n_words": "int64", "quoted_a": bool, "quoted_b": bool, "similarity": float})
    # How much the index saved: pairs aligned versus pairs a brute force would compare.
    table.attrs.update(pairs_compared=len(seeds), pairs_possible=len(docs) * (len(docs) - 1) // 2)
    return table


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
        for k, ch in enumerate(chunk):
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


class _Doc:
    """One article's normalised tokens, their offsets and quotation flags."""

    def __init__(self, text: str, quotes, vocab: dict[str, int]):
        self.text = text
        tokens, self.spans = _normalised_tokens(text)
        # Integer ids (shared vocabulary) make n-grams cheap to hash and compare.
        self.seq = [vocab.setdefault(t, len(vocab) + 1) for t in tokens]
        self.ids = np.array(self.seq, dtype=np.uint64)
        starts = np.array([s for s, _ in self.spans], dtype=np.int64)
        self.quoted = np.zeros(len(starts), dtype=bool)
        for start, end in quotes:
            self.quoted[(starts >= start) & (starts < end)] = True


def _normalised_tokens(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """Kit words, lowercased, hyphenated words split, dotted abbreviations joined.

    Splitting ``AI-powered`` into ``ai powered`` and joining ``U.S.`` into
    ``us`` lets "US"/"U.S." and "family-separation"/"family separation"
    match word for word instead of costing a gap.
    """
    tokens, spans = [], []
    for start, end in word_spans(text):
        word = text[start:end].lower().replace("’", "'")
        if (len(word) == 1 and tokens and spans[-1][1] + 1 == start and text[start - 1] == "."
                and _is_abbreviation(text, spans[-1])):
            tokens[-1] += word
            spans[-1] = (spans[-1][0], end)
            continue
        offset = start
        for part in word.split("-"):
            if part:
                tokens.append(part)
                spans.append((offset, offset + len(part)))
            offset += len(part) + 1
    return tokens, spans


def _is_abbreviation(text: str, span: tuple[int, int]) -> bool:
    # The previous token is single letters joined by dots so far ("u", "us" from "U.S").
    piece = text[span[0]:span[1]]
    return bool(re.fullmatch(r"[^\W\d_](?:\.[^\W\d_])*", piece))


def _seed_pairs(docs: list[_Doc], *, n: int, max_articles: int | None) -> dict:
    """Map each pair of articles sharing an n-gram to its seeds ``(i, j)``.

    All n-grams of the corpus are hashed and sorted once, so the work grows
    with the number of shared n-grams, not with the number of pairs.
    """
    hashes, owner, position = [], [], []
    for d, doc in enumerate(docs):
        m = len(doc.ids) - n + 1
        if m <= 0:
            continue
        h = np.zeros(m, dtype=np.uint64)
        for k in range(n):  # polynomial hash; uint64 arithmetic wraps by design
            h = h * _HASH_BASE + doc.ids[k:k + m]
        hashes.append(h)
        owner.append(np.full(m, d, dtype=np.int64))
        position.append(np.arange(m, dtype=np.int64))
    seeds: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    if not hashes:
        return seeds
    h, o, p = np.concatenate(hashes), np.concatenate(owner), np.concatenate(position)
    order = np.lexsort((p, o, h))
    h, o, p = h[order], o[order], p[order]
    cuts = np.flatnonzero(h[1:] != h[:-1]) + 1
    starts, ends = np.r_[0, cuts], np.r_[cuts, len(h)]
    shared = (ends - starts > 1) & (o[np.maximum(ends - 1, 0)] != o[starts])
    skipped = 0
    for s, e in zip(starts[shared], ends[shared], strict=True):
        # Group by the n-gram itself, not its hash, so a collision cannot pair
        # two different n-grams.
        grams: dict[tuple, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
        for d, i in zip(o[s:e].tolist(), p[s:e].tolist(), strict=True):
            grams[tuple(docs[d].seq[i:i + n])][d].append(i)
        for by_doc in grams.values():
            if len(by_doc) < 2:
                continue
            if max_articles is not None and len(by_doc) > max_articles:
                skipped += 1
                continue
            members = sorted(by_doc)
            for x, a in enumerate(members):
                for b in members[x + 1:]:
                    seeds[(a, b)].extend((i, j) for i in by_doc[a] for j in by_doc[b])
    if skipped:
        warnings.warn(f"find_reuse(): ignored {skipped} n-gram(s) found in more than {max_articles} articles "
                      "as boilerplate; raise max_articles to use them", CorpusWarning, stacklevel=3)
    return seeds


def _passages(a: _Doc, b: _Doc, seeds, *, n: int, max_gap: int):
    """Chain seeds into passages, extend them, split them by quotation status."""
    reach = n + max_gap
    open_chains: list[dict] = []
    done: list[dict] = []
    for i, j in sorted(seeds):
        still_open, best = [], None
        for chain in open_chains:
            if i - chain["i"] > reach:
                done.append(chain)
                continue
            still_open.append(chain)
            di, dj = i - chain["i"], j - chain["j"]
            if 0 < di and 0 < dj <= reach and abs(di - dj) <= max_gap:
                if best is None or abs(di - dj) < abs(best["i"] - best["j"] - (i - j)):
                    best = chain
        open_chains = still_open
        if best is None:
            best = {"pairs": {}}
            open_chains.append(best)
        for k in range(n):
            best["pairs"].setdefault(i + k, j + k)
        best["i"], best["j"] = i, j
    kept: list[list[tuple[int, int]]] = []
    for aligned in sorted((_extend(a, b, c["pairs"]) for c in done + open_chains), key=len, reverse=True):
        if not any(_inside(aligned, other) for other in kept):
            kept.append(aligned)
    for aligned in sorted(kept):
        yield from _split_by_quotes(a, b, aligned, n=n)


def _inside(aligned, other) -> bool:
    """True when most of ``aligned`` lies within ``other`` in both articles.

    Repetitive text ("should not be in the X business; we should not be in
    the Y business") also matches itself one clause off the diagonal; such
    echoes sit inside the true passage on both sides and are dropped.
    """
    def share(lo, hi, olo, ohi):
        return max(0, min(hi, ohi) - max(lo, olo) + 1) / (hi - lo + 1)

    (i0, j0), (i1, j1) = aligned[0], aligned[-1]
    (oi0, oj0), (oi1, oj1) = other[0], other[-1]
    return share(i0, i1, oi0, oi1) > 0.5 and share(j0, j1, oj0, oj1) > 0.5


def _extend(a: _Doc, b: _Doc, pairs: dict[int, int]) -> list[tuple[int, int]]:
    aligned = sorted(pairs.items())
    i, j = aligned[0]
    while i > 0 and j > 0 and a.seq[i - 1] == b.seq[j - 1]:
        i, j = i - 1, j - 1
        aligned.insert(0, (i, j))
    i, j = aligned[-1]
    while i + 1 < len(a.seq) and j + 1 < len(b.seq) and a.seq[i + 1] == b.seq[j + 1]:
        i, j = i + 1, j + 1
        aligned.append((i, j))
    # Keep the alignment monotone: a word of b is aligned to one word of a.
    monotone, last_j = [], -1
    for i, j in aligned:
        if j > last_j:
            monotone.append((i, j))
            last_j = j
    return monotone


def _split_by_quotes(a: _Doc, b: _Doc, aligned, *, n: int):
    status = [(bool(a.quoted[i]), bool(b.quoted[j])) for i, j in aligned]
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
        yield s, aligned[first:last + 1]


def _row(id_a: str, id_b: str, a: _Doc, b: _Doc, segment) -> dict:
    (qa, qb), part = segment
    (i0, j0), (i1, j1) = part[0], part[-1]
    start_a, end_a = a.spans[i0][0], a.spans[i1][1]
    start_b, end_b = b.spans[j0][0], b.spans[j1][1]
    len_a, len_b = i1 - i0 + 1, j1 - j0 + 1
    text_a, text_b = a.text[start_a:end_a], b.text[start_b:end_b]
    return {
        "article_id_a": id_a, "article_id_b": id_b,
        "start_a": start_a, "end_a": end_a, "start_b": start_b, "end_b": end_b,
        "n_words": min(count_words(text_a), count_words(text_b)),
        "quoted": "both" if qa and qb else "one" if qa or qb else "neither",
        "quoted_a": qa, "quoted_b": qb,
        "similarity": round(2 * len(part) / (len_a + len_b), 3),
        "text_a": text_a, "text_b": text_b,
    }
