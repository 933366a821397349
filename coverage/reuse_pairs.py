"""Per-pair summaries of text reuse: shares of shared words, direction, syndication marks.

:func:`reuse_pairs` sums the passages of :func:`coverage.reuse.find_reuse`
per pair of articles and names the earlier article as the probable source;
:func:`reuse_marks` flags articles that are syndicated copies or rewrites;
:func:`share_matrix` is the square table the reuse heatmap draws.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import pandas as pd

from coverage.errors import CorpusError
from coverage.schema import require_columns
from coverage.tokens import word_spans

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
    info = corpus.assign(article_id=corpus["article_id"].astype(str)).set_index("article_id")
    named = set(passages["article_id_a"].astype(str)) | set(passages["article_id_b"].astype(str))
    unknown = sorted(named - set(info.index))
    if unknown:
        raise CorpusError(f"reuse_pairs(): passages name article {unknown[0]!r}, which is not in the corpus; "
                          "pass the corpus the passages were found in")
    starts = {i: np.array([s for s, _ in word_spans(t if isinstance(t, str) else "")]) for i, t in info["text"].items()}
    rows = []
    for (id_a, id_b), group in passages.groupby(["article_id_a", "article_id_b"], sort=True):
        prose = group[group["quoted"] != "both"]
        row = {"article_id_a": id_a, "article_id_b": id_b,
               "outlet_a": info.at[id_a, "outlet"], "outlet_b": info.at[id_b, "outlet"],
               "n_passages": len(group), "n_prose_passages": len(prose)}
        for side, key in (("a", id_a), ("b", id_b)):
            row[f"share_{side}"] = _covered_share(starts[key], group[f"start_{side}"], group[f"end_{side}"])
            row[f"prose_share_{side}"] = _covered_share(starts[key], prose[f"start_{side}"], prose[f"end_{side}"])
        row.update(_direction(info.loc[id_a], info.loc[id_b], id_a, id_b))
        rows.append(row)
    columns = ["article_id_a", "article_id_b", "outlet_a", "outlet_b", "n_passages", "n_prose_passages",
               "share_a", "share_b", "prose_share_a", "prose_share_b", "direction", "probable_source",
               "direction_basis"]
    return pd.DataFrame(rows, columns=columns)


def _covered_share(word_starts: np.ndarray, starts, ends) -> float:
    if len(word_starts) == 0:
        return float("nan")
    covered = np.zeros(len(word_starts), dtype=bool)
    for s, e in zip(starts, ends, strict=True):  # overlapping passages count a word once
        covered |= (word_starts >= s) & (word_starts < e)
    return round(float(covered.mean()), 4)


def _direction(a: pd.Series, b: pd.Series, id_a: str, id_b: str) -> dict:
    date_a, date_b = pd.Timestamp(a["published"]), pd.Timestamp(b["published"])
    if pd.isna(date_a) or pd.isna(date_b):
        basis = "a publication date is missing"
    elif bool(a["date_estimated"]) or bool(b["date_estimated"]):
        basis = "a publication date is estimated"
    elif date_a.normalize() == date_b.normalize():
        basis = "published the same day"
    else:
        first = "a" if date_a < date_b else "b"
        return {"direction": "a->b" if first == "a" else "b->a",
                "probable_source": id_a if first == "a" else id_b, "direction_basis": "published earlier"}
    return {"direction": "unknown", "probable_source": pd.NA, "direction_basis": basis}


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

    Examples
    --------
    >>> pairs = pd.DataFrame({"article_id_a": ["x"], "article_id_b": ["y"], "share_a": [0.5], "share_b": [0.25]})
    >>> share_matrix(pairs, ["x", "y"]).loc["y", "x"]
    np.float64(0.25)
    """
    require_columns(pairs, ["article_id_a", "article_id_b", f"{value}_a", f"{value}_b"], func="share_matrix")
    ids = [str(i) for i in article_ids]
    matrix = pd.DataFrame(0.0, index=pd.Index(ids, name="article_id"), columns=ids)
    for row in pairs.itertuples(index=False):
        a, b = str(row.article_id_a), str(row.article_id_b)
        if a in matrix.index and b in matrix.index:
            matrix.loc[a, b] = getattr(row, f"{value}_a")
            matrix.loc[b, a] = getattr(row, f"{value}_b")
    for i in ids:
        matrix.loc[i, i] = np.nan
    return matrix
