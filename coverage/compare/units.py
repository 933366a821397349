"""The unit of comparison: which column groups the articles, and how small units are pooled.

Any column of the articles table can be the unit: ``outlet`` (the default),
``group`` or ``lean`` from ``outlets.csv``, or any column a manifest or bulk
table brings. :func:`unit_table` gives every article its unit's label, with
its number of articles (``"Forbes (n=1)"``); units with fewer than
``min_articles`` articles, and those beyond the ``max_units`` largest, are
pooled into one ``"other (N outlets, M articles)"`` unit so that a figure of
200 outlets still has at most about 25 rows. :func:`unit_order` sorts units
by a measure, the pooled unit last, and :func:`pooling_note` says in a
caption what was pooled.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from coverage.errors import CorpusError
from coverage.params import check_int
from coverage.schema import require_columns

__all__ = ["UNIT_COLUMNS", "MAX_UNITS", "unit_table", "unit_noun", "default_min_articles", "unit_order",
           "pooling_note", "single_article_note", "with_units", "groupable_columns"]

#: Columns of :func:`unit_table`.
UNIT_COLUMNS = ("article_id", "by", "value", "unit", "n_articles", "pooled", "pooled_because")
#: At most this many rows per figure, the pooled "other" row included.
MAX_UNITS = 25
#: Columns that describe an article's text, not a way to group articles.
_NOT_UNITS = {"article_id", "title", "published", "date_estimated", "date_missing", "url", "notes", "headline",
              "text", "body_start", "raw_text", "source_file", "n_words"}


def groupable_columns(articles: pd.DataFrame) -> list[str]:
    """Return the columns of ``articles`` that can be a unit of comparison (metadata, not text or numbers).

    Examples
    --------
    >>> groupable_columns(pd.DataFrame({"article_id": [1], "outlet": ["A"], "text": ["x"], "group": ["g"]}))
    ['outlet', 'group']
    """
    return [c for c in articles.columns if c not in _NOT_UNITS
            and (articles[c].dtype == object or isinstance(articles[c].dtype, pd.StringDtype)
                 or isinstance(articles[c].dtype, pd.CategoricalDtype))]


def unit_noun(by: str, n: int) -> str:
    """Return how ``n`` units of column ``by`` are named: ``"3 outlets"``, ``"1 group"``, ``"2 lean values"``.

    Examples
    --------
    >>> unit_noun("outlet", 3), unit_noun("group", 1), unit_noun("lean", 2)
    ('3 outlets', '1 group', '2 lean values')
    """
    if by in ("outlet", "group", "period", "country", "author"):
        return f"{n} {by}{'s' * (n != 1)}"
    return f"{n} {by} value{'s' * (n != 1)}"


def default_min_articles(n_units: int, *, max_units: int = MAX_UNITS) -> int:
    """The default ``min_articles``: 2 when there are more units than a figure has rows, else 1.

    Examples
    --------
    >>> default_min_articles(5), default_min_articles(52)
    (1, 2)
    """
    return 2 if n_units > max_units else 1


def unit_table(articles: pd.DataFrame, *, by: str = "outlet", min_articles: int | None = None,
               max_units: int = MAX_UNITS) -> pd.DataFrame:
    """Give every article the label of its unit of comparison, pooling units too small or too many to show.

    Parameters
    ----------
    articles : pandas.DataFrame
        One row per article with ``article_id`` and the column ``by``.
    by : str, default "outlet"
        The column whose values are the units (``outlet``, ``group``, ``lean``, ...).
        A blank value is a unit of its own, ``"(no <by>)"``.
    min_articles : int, optional
        Units with fewer articles are pooled; default
        :func:`default_min_articles` (2 when there are more than
        ``max_units`` units, else 1: nothing is pooled for the shipped five).
    max_units : int, default 25
        At most this many labels, the pooled one included: beyond it the
        units with the fewest articles are pooled too.

    Returns
    -------
    pandas.DataFrame
        :data:`UNIT_COLUMNS`: ``by`` (the column name), ``value`` (the
        article's own value), ``unit`` (the label shown, e.g. ``"Forbes
        (n=1)"`` or ``"other (47 outlets, 52 articles)"``), ``n_articles``
        of that label and ``pooled``.

    Raises
    ------
    CorpusError
        When ``by`` is not a column of ``articles``; the message lists the columns to choose from.

    Examples
    --------
    >>> a = pd.DataFrame({"article_id": list("abcd"), "outlet": ["X", "X", "Y", "Z"]})
    >>> unit_table(a, min_articles=2)["unit"].tolist()
    ['X (n=2)', 'X (n=2)', 'other (2 outlets, 2 articles)', 'other (2 outlets, 2 articles)']
    """
    if not isinstance(by, str) or by not in articles.columns:
        shown = ", ".join(groupable_columns(articles)) if isinstance(articles, pd.DataFrame) else "(no table)"
        raise CorpusError(f"no column {by!r} to compare by; the articles have: {shown}. Add {by!r} to "
                          "articles.csv, the front matter or outlets.csv, or choose one of those")
    require_columns(articles, ["article_id", by], func="unit_table")
    max_units = check_int(max_units, name="max_units", func="unit_table", minimum=2)
    values = articles[by].astype("string").fillna("").str.strip()
    values = values.where(values != "", f"(no {by})").astype(str)
    counts = values.value_counts()
    if min_articles is None:
        min_articles = default_min_articles(len(counts), max_units=max_units)
    min_articles = check_int(min_articles, name="min_articles", func="unit_table")
    # Largest units first, ties by name, so that the units kept do not depend on row order.
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    kept = [v for v, n in ranked if n >= min_articles]
    # Pooling takes a row of its own: keep max_units - 1 then.
    if len(kept) > max_units or (len(kept) < len(ranked) and len(kept) > max_units - 1):
        kept = kept[:max_units - 1]
    pooled = ~values.isin(set(kept))
    small = values.map(counts) < min_articles
    because = pd.Series("", index=values.index).mask(pooled & small, f"fewer than {min_articles} articles")
    because = because.mask(pooled & ~small, f"beyond the {max_units - 1} largest")
    labels = values.map(lambda v: f"{v} (n={counts[v]})")
    if pooled.any():
        n_pooled, m = int(values[pooled].nunique()), int(pooled.sum())
        labels = labels.where(~pooled, f"other ({unit_noun(by, n_pooled)}, {m} article{'s' * (m != 1)})")
    table = pd.DataFrame({"article_id": articles["article_id"].to_numpy(), "by": by, "value": values.to_numpy(),
                          "unit": labels.to_numpy(), "pooled": pooled.to_numpy(), "pooled_because": because.to_numpy()})
    table["n_articles"] = table.groupby("unit")["article_id"].transform("size").astype("int64")
    return table[list(UNIT_COLUMNS)]


def with_units(table: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame:
    """Return ``table`` with the ``unit`` label of each row's article (rows of unknown articles dropped).

    Examples
    --------
    >>> units = unit_table(pd.DataFrame({"article_id": ["a"], "outlet": ["X"]}))
    >>> with_units(pd.DataFrame({"article_id": ["a", "a"], "v": [1, 2]}), units)["unit"].tolist()
    ['X (n=1)', 'X (n=1)']
    """
    require_columns(table, ["article_id"], func="with_units")
    require_columns(units, ["article_id", "unit"], func="with_units")
    label = units.drop_duplicates("article_id").set_index("article_id")["unit"]
    out = table.drop(columns=[c for c in ("unit",) if c in table.columns])
    out = out.assign(unit=out["article_id"].map(label))
    return out[out["unit"].notna()].reset_index(drop=True)


def unit_order(table: pd.DataFrame, *, units: pd.DataFrame, unit: str = "unit", value: str = "estimate",
               descending: bool = True) -> list[str]:
    """Return the unit labels sorted by ``value`` (highest first), units without a value next, the pooled unit last.

    Every label of ``units`` is listed, also those ``table`` lacks, so
    that several panels of one figure share their rows.

    Examples
    --------
    >>> units = unit_table(pd.DataFrame({"article_id": list("abc"), "outlet": ["X", "Y", "Z"]}))
    >>> t = pd.DataFrame({"unit": ["X (n=1)", "Y (n=1)"], "estimate": [0.1, 0.5]})
    >>> unit_order(t, units=units)
    ['Y (n=1)', 'X (n=1)', 'Z (n=1)']
    """
    require_columns(table, [unit, value], func="unit_order")
    pooled = set(units.loc[units["pooled"], "unit"])
    scores = table.dropna(subset=[value]).groupby(unit)[value].first()
    labels = list(dict.fromkeys(units["unit"]))
    # Ties and missing values by number of articles, then name: the order never depends on row order.
    size = units.drop_duplicates("unit").set_index("unit")["n_articles"]
    sign = -1 if descending else 1

    def key(label):
        has = label in scores.index
        return (label in pooled, not has, sign * scores[label] if has else 0, -int(size.get(label, 0)), label)

    return sorted(labels, key=key)


def pooling_note(units: pd.DataFrame) -> str:
    """Return the caption sentence that says which units were pooled, or ``""`` when none was.

    Examples
    --------
    >>> a = pd.DataFrame({"article_id": list("abcd"), "outlet": ["X", "X", "Y", "Z"]})
    >>> pooling_note(unit_table(a, min_articles=2))
    "2 outlets with fewer than 2 articles (2 articles) are pooled as 'other (2 outlets, 2 articles)'."
    """
    require_columns(units, ["by", "value", "unit", "pooled", "pooled_because"], func="pooling_note")
    pooled = units[units["pooled"]]
    if pooled.empty:
        return ""
    by = str(units["by"].iloc[0])
    n, m = int(pooled["value"].nunique()), len(pooled)
    reason = " or ".join(("with " if r.startswith("fewer") else "") + r for r in dict.fromkeys(pooled["pooled_because"]))
    return (f"{unit_noun(by, n)} {reason} ({m} article{'s' * (m != 1)}) "
            f"{'are' if n != 1 else 'is'} pooled as '{pooled['unit'].iloc[0]}'.")


def single_article_note(units: pd.DataFrame, *, labels: Sequence[str] | None = None) -> str:
    """Return the caption clause on units that rest on one article, or ``""``.

    Examples
    --------
    >>> single_article_note(unit_table(pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"]})))
    '2 of 2 outlets rest on a single article, whose interval resamples its sentences and says nothing about the outlet in general'
    """
    require_columns(units, ["by", "unit", "n_articles"], func="single_article_note")
    shown = units.drop_duplicates("unit")
    if labels is not None:
        shown = shown[shown["unit"].isin(set(labels))]
    single = int((shown["n_articles"] == 1).sum())
    if not single:
        return ""
    by = str(units["by"].iloc[0])
    word = unit_noun(by, len(shown)).split(" ", 1)[1]
    return (f"{single} of {len(shown)} {word} rest on a single article, whose interval resamples its sentences "
            f"and says nothing about the {by} in general")
