"""Per-pair summaries of text reuse: shares of shared words, direction, syndication marks.

:func:`reuse_pairs` sums the passages of :func:`coverage.reuse.find.find_reuse`
per pair of articles and names the earlier article as the probable source;
:func:`reuse_marks` flags articles that are syndicated copies or rewrites;
:func:`share_matrix` is the square table the reuse heatmap draws.

:func:`reuse_pairs` and :func:`share_matrix` work on whole columns at once
(no row-by-row pandas access): well under a second for the ~20,000 pairs of
200 articles that all share text.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import pandas as pd

from coverage.errors import CorpusError
from coverage.schema import require_columns
from coverage.text.tokens import word_spans

__all__ = ["reuse_pairs", "reuse_marks", "share_matrix"]


def reuse_pairs(passages: pd.DataFrame, corpus: pd.DataFrame) -> pd.DataFrame:
    """Sum shared passages per pair of articles and name the probable source.

    What it measures: the share of each article's words (the kit's words)
    inside passages it shares with the other article, all passages and
    "prose" passages only (those not quoted in *both* articles: a quotation
    both carry is not evidence that one copied the other). Blind spots: a
    shared source both rewrote (a press release, a wire story) looks like one
    copying the other; the direction is only the publication order, so it is
    ``unknown`` whenever either date is estimated, missing, or the dates are
    equal.

    Parameters
    ----------
    passages : pandas.DataFrame
        The table of :func:`find_reuse`.
    corpus : pandas.DataFrame
        Needs ``article_id``, ``outlet``, ``text``, ``published`` and
        ``date_estimated``.

    Returns
    -------
    pandas.DataFrame
        One row per pair with at least one passage: ``article_id_a``,
        ``article_id_b``, ``outlet_a``, ``outlet_b``, ``n_passages``,
        ``n_prose_passages``, ``share_a``, ``share_b``, ``prose_share_a``,
        ``prose_share_b``, ``direction`` (``a->b``, ``b->a`` or ``unknown``),
        ``probable_source`` (an article id, or missing) and ``direction_basis``.

    Examples
    --------
    >>> corpus = pd.DataFrame({"article_id": ["x", "y"], "outlet": ["X", "Y"],
    ...     "text": ["one two three four", "zero one two three"],
    ...     "published": pd.to_datetime(["2018-06-01", "2018-06-03"]), "date_estimated": [False, False]})
    >>> passages = pd.DataFrame({"article_id_a": ["x"], "article_id_b": ["y"], "start_a": [0], "end_a": [13],
    ...     "start_b": [5], "end_b": [18], "quoted": ["neither"]})
    >>> reuse_pairs(passages, corpus)[["share_a", "share_b", "direction", "probable_source"]]
       share_a  share_b direction probable_source
    0     0.75     0.75      a->b               x
    """
    require_columns(passages, ["article_id_a", "article_id_b", "start_a", "end_a", "start_b", "end_b", "quoted"],
                    func="reuse_pairs")
    require_columns(corpus, ["article_id", "outlet", "text", "published", "date_estimated"], func="reuse_pairs")
    corpus_ids = corpus["article_id"].astype(str).tolist()
    position = {article_id: k for k, article_id in enumerate(corpus_ids)}
    id_a, id_b = passages["article_id_a"].astype(str).tolist(), passages["article_id_b"].astype(str).tolist()
    unknown = sorted((set(id_a) | set(id_b)) - set(position))
    if unknown:
        raise CorpusError(f"reuse_pairs(): passages name article {unknown[0]!r}, which is not in the corpus; "
                          "pass the corpus the passages were found in")
    columns = ["article_id_a", "article_id_b", "outlet_a", "outlet_b", "n_passages", "n_prose_passages",
               "share_a", "share_b", "prose_share_a", "prose_share_b", "direction", "probable_source",
               "direction_basis"]
    if passages.empty:
        return pd.DataFrame([], columns=columns)
    # One code per pair, numbered in sorted order of the two ids (as groupby(sort=True) would).
    pair_keys = pd.MultiIndex.from_arrays([id_a, id_b])
    codes, uniques = pd.factorize(pair_keys, sort=True)
    doc_a = np.array([position[i] for i in uniques.get_level_values(0)], dtype=np.int64)
    doc_b = np.array([position[i] for i in uniques.get_level_values(1)], dtype=np.int64)
    words = _WordIndex(corpus["text"], sorted({position[i] for i in id_a} | {position[i] for i in id_b}))
    prose = (passages["quoted"] != "both").to_numpy()
    n_pairs = len(uniques)
    out = {
        "article_id_a": list(uniques.get_level_values(0)), "article_id_b": list(uniques.get_level_values(1)),
        "outlet_a": corpus["outlet"].to_numpy()[doc_a].tolist(), "outlet_b": corpus["outlet"].to_numpy()[doc_b].tolist(),
        "n_passages": np.bincount(codes, minlength=n_pairs).tolist(),
        "n_prose_passages": np.bincount(codes[prose], minlength=n_pairs).tolist(),
    }
    for side, docs in (("a", doc_a), ("b", doc_b)):
        doc = docs[codes]
        lo, hi = words.index_range(doc, passages[f"start_{side}"].to_numpy(), passages[f"end_{side}"].to_numpy())
        total = words.count[docs]
        for name, rows in ((f"share_{side}", slice(None)), (f"prose_share_{side}", prose)):
            covered = _union_length(codes[rows], lo[rows], hi[rows], n_pairs)
            out[name] = [round(c / t, 4) if t else float("nan") for c, t in zip(covered.tolist(), total.tolist())]
    out.update(_directions(corpus, doc_a, doc_b, out["article_id_a"], out["article_id_b"]))
    return pd.DataFrame(out, columns=columns)


class _WordIndex:
    """Where the kit's words start, for the articles named by passages, searchable all at once."""

    def __init__(self, texts: pd.Series, docs: list[int]):
        texts = texts.tolist()
        self.count = np.zeros(len(texts), dtype=np.int64)
        self._length = np.array([len(t) if isinstance(t, str) else 0 for t in texts], dtype=np.int64)
        self._first = np.zeros(len(texts), dtype=np.int64)  # index of the article's first word in ``_keys``
        self._stride = max((len(t) for t in texts if isinstance(t, str)), default=0) + 1
        starts = []
        for d in docs:
            text = texts[d] if isinstance(texts[d], str) else ""
            found = np.array([s for s, _ in word_spans(text)], dtype=np.int64)
            self.count[d] = len(found)
            starts.append(found + d * self._stride)
        self._first[docs] = np.cumsum(self.count[docs]) - self.count[docs]
        self._keys = np.concatenate(starts) if starts else np.zeros(0, dtype=np.int64)

    def index_range(self, doc: np.ndarray, start: np.ndarray, end: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Words ``lo:hi`` of each article whose start lies in ``[start, end)``."""
        key = doc * self._stride
        first = self._first[doc]
        # Offsets past the text would reach into the next article's keys.
        start, end = np.clip(start, 0, self._length[doc]), np.clip(end, 0, self._length[doc])
        return (np.searchsorted(self._keys, key + start, "left") - first,
                np.searchsorted(self._keys, key + end, "left") - first)


def _union_length(group: np.ndarray, lo: np.ndarray, hi: np.ndarray, n_groups: int) -> np.ndarray:
    """Per group, the number of integers covered by the ranges ``lo:hi`` (overlaps counted once)."""
    order = np.lexsort((lo, group))
    group, lo, hi = group[order], lo[order], hi[order]
    new = np.r_[True, group[1:] != group[:-1]] if len(group) else np.zeros(0, dtype=bool)
    # The furthest end reached by earlier ranges of the same group: a running
    # maximum that restarts at every group (offset so groups never mix).
    shift = int(hi.max(initial=0)) + 1
    reached = np.maximum.accumulate(np.where(new, -1, np.r_[-1, hi[:-1]]) + group * shift) - group * shift
    reached = np.where(new, -1, reached)
    gained = np.maximum(hi - np.maximum(lo, reached), 0)
    return np.bincount(group, weights=gained, minlength=n_groups).astype(np.int64)


def _directions(corpus: pd.DataFrame, doc_a: np.ndarray, doc_b: np.ndarray, id_a: list, id_b: list) -> dict:
    """Direction of each pair from the publication dates (see :func:`reuse_pairs`)."""
    published = pd.to_datetime(corpus["published"].reset_index(drop=True))
    estimated = np.array([bool(x) for x in corpus["date_estimated"]], dtype=bool)
    date_a, date_b = published.iloc[doc_a].reset_index(drop=True), published.iloc[doc_b].reset_index(drop=True)
    missing = (date_a.isna() | date_b.isna()).to_numpy()
    guessed = ~missing & (estimated[doc_a] | estimated[doc_b])
    same_day = ~missing & ~guessed & (date_a.dt.normalize() == date_b.dt.normalize()).to_numpy()
    known = ~(missing | guessed | same_day)
    a_first = known & (date_a < date_b).to_numpy()
    basis = np.select([missing, guessed, same_day], ["a publication date is missing",
                                                     "a publication date is estimated", "published the same day"],
                      "published earlier")
    return {
        "direction": np.where(known, np.where(a_first, "a->b", "b->a"), "unknown").tolist(),
        "probable_source": [(x if first else y) if k else pd.NA
                            for x, y, first, k in zip(id_a, id_b, a_first.tolist(), known.tolist())],
        "direction_basis": basis.tolist(),
    }


def reuse_marks(pairs: pd.DataFrame, corpus: pd.DataFrame, *, min_share: float = 0.1) -> pd.DataFrame:
    """Return per-article reuse marks for tables and the coverage timeline.

    Parameters
    ----------
    pairs : pandas.DataFrame
        The table of :func:`reuse_pairs`.
    corpus : pandas.DataFrame
        Needs ``article_id``, ``outlet`` and ``via``.
    min_share : float, default 0.1
        Prose share (of the article's own words) from which a pair counts.

    Returns
    -------
    pandas.DataFrame
        One row per article: ``article_id``; ``syndicated`` (``via`` names a
        carrier other than the outlet, e.g. a syndication network or an
        aggregator page); ``shares_prose_with`` (ids, ``;``-separated, of
        articles with which at least ``min_share`` of this article's words
        are shared prose); ``reused_from`` (those of them that are the
        probable source); ``max_prose_share``.

    Examples
    --------
    >>> corpus = pd.DataFrame({"article_id": ["x", "y"], "outlet": ["X", "Y"], "via": ["X", "Feeds Inc"]})
    >>> pairs = pd.DataFrame({"article_id_a": ["x"], "article_id_b": ["y"], "prose_share_a": [0.05],
    ...     "prose_share_b": [0.4], "probable_source": ["x"]})
    >>> marks = reuse_marks(pairs, corpus)
    >>> marks["syndicated"].tolist(), marks["reused_from"].tolist()
    ([False, True], ['', 'x'])
    """
    require_columns(pairs, ["article_id_a", "article_id_b", "prose_share_a", "prose_share_b", "probable_source"],
                    func="reuse_marks")
    require_columns(corpus, ["article_id", "outlet", "via"], func="reuse_marks")
    partners: dict[str, list[str]] = defaultdict(list)
    sources: dict[str, list[str]] = defaultdict(list)
    best: dict[str, float] = defaultdict(float)
    for row in pairs.itertuples(index=False):
        for me, other, share in ((row.article_id_a, row.article_id_b, row.prose_share_a),
                                 (row.article_id_b, row.article_id_a, row.prose_share_b)):
            best[me] = max(best[me], float(share))
            if share >= min_share:
                partners[me].append(other)
                if not pd.isna(row.probable_source) and row.probable_source == other:
                    sources[me].append(other)
    ids = corpus["article_id"].astype(str)
    return pd.DataFrame({
        "article_id": ids.to_numpy(),
        "syndicated": [_carried_by_other(o, v) for o, v in zip(corpus["outlet"], corpus["via"], strict=True)],
        "shares_prose_with": [";".join(partners[i]) for i in ids],
        "reused_from": [";".join(sources[i]) for i in ids],
        "max_prose_share": [best[i] for i in ids],
    })


def _carried_by_other(outlet, via) -> bool:
    if not isinstance(via, str) or not via.strip():
        return False
    return str(outlet).strip().lower() not in via.lower()


def share_matrix(pairs: pd.DataFrame, article_ids, *, value: str = "share") -> pd.DataFrame:
    """Return a square table: share of the row article's words shared with the column article.

    Parameters
    ----------
    pairs : pandas.DataFrame
        The table of :func:`reuse_pairs`.
    article_ids : sequence of str
        Rows and columns, in this order. Pairs with no passage are 0; the
        diagonal is missing.
    value : {"share", "prose_share"}
        All passages, or only those not quoted in both articles.

    Raises
    ------
    ValueError
        When ``article_ids`` names an article twice.

    Examples
    --------
    >>> pairs = pd.DataFrame({"article_id_a": ["x"], "article_id_b": ["y"], "share_a": [0.5], "share_b": [0.25]})
    >>> share_matrix(pairs, ["x", "y"]).loc["y", "x"]
    np.float64(0.25)
    """
    require_columns(pairs, ["article_id_a", "article_id_b", f"{value}_a", f"{value}_b"], func="share_matrix")
    ids = [str(i) for i in article_ids]
    if len(set(ids)) < len(ids):
        raise ValueError(f"share_matrix(): article {pd.Series(ids)[pd.Series(ids).duplicated()].iloc[0]!r} "
                         "appears twice in article_ids; give each article once")
    position = {article_id: k for k, article_id in enumerate(ids)}
    a = np.array([position.get(str(x), -1) for x in pairs["article_id_a"]], dtype=np.int64)
    b = np.array([position.get(str(x), -1) for x in pairs["article_id_b"]], dtype=np.int64)
    both = (a >= 0) & (b >= 0)
    values = np.zeros((len(ids), len(ids)))
    # Interleaved (a, b), (b, a) per pair, so a repeated pair ends as its last row, as in a row-by-row fill.
    rows = np.column_stack([a[both], b[both]]).ravel()
    cols = np.column_stack([b[both], a[both]]).ravel()
    values[rows, cols] = np.column_stack([pairs[f"{value}_a"].to_numpy(dtype=float)[both],
                                          pairs[f"{value}_b"].to_numpy(dtype=float)[both]]).ravel()
    np.fill_diagonal(values, np.nan)
    return pd.DataFrame(values, index=pd.Index(ids, name="article_id"), columns=ids)
