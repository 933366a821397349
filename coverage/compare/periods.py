"""Periods of the story: phases from an editable file, or calendar weeks and months.

A periods file (``data/periods.csv``) names the phases a researcher wants to
compare, one per row: ``name, start, end`` (dates, both inclusive), in the
order they are shown. :func:`period_table` gives every article its period:
the first phase whose dates hold its publication date, ``"outside the
periods"`` for a dated article no phase holds, and nothing (NaN) for an
undated article, which every time comparison leaves out and counts.
:func:`coverage_volume` counts articles per week or month and unit.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from coverage.errors import CorpusError
from coverage.params import check_choice
from coverage.schema import require_columns

__all__ = ["PERIODS", "FREQUENCIES", "OUTSIDE", "read_periods", "period_table", "coverage_volume"]

#: File name of the story phases inside a data folder.
PERIODS = "periods.csv"
#: Calendar periods that need no file.
FREQUENCIES = ("week", "month")
#: The period of a dated article outside every phase of the file.
OUTSIDE = "outside the periods"


def read_periods(path: str | Path) -> pd.DataFrame:
    """Read a periods file: ``name, start, end`` per row (``#`` starts a comment line).

    Returns
    -------
    pandas.DataFrame
        ``name``, ``start``, ``end`` (Timestamps; ``end`` is inclusive, to the end of that day), in file order.

    Raises
    ------
    CorpusError
        Naming the file, the row and the fix: a missing column, an unreadable
        date, an end before its start, or a name used twice.

    Examples
    --------
    >>> import tempfile, os
    >>> path = os.path.join(tempfile.mkdtemp(), "periods.csv")
    >>> _ = open(path, "w").write("name,start,end\\nletter,2018-06-18,2018-06-30\\n")
    >>> read_periods(path)[["name", "start"]].to_dict("records")
    [{'name': 'letter', 'start': Timestamp('2018-06-18 00:00:00')}]
    """
    path = Path(path)
    name = str(path)
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, comment="#", encoding="utf-8-sig")
    except FileNotFoundError:
        raise CorpusError(f"{name}: no such periods file; write one with the columns name, start, end "
                          "or pass --period week or --period month") from None
    except (pd.errors.ParserError, ValueError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{name}: cannot read the periods ({str(exc).splitlines()[0]}); "
                          "write one 'name,start,end' row per phase") from None
    table.columns = [str(c).strip() for c in table.columns]
    missing = [c for c in ("name", "start", "end") if c not in table.columns]
    if missing:
        raise CorpusError(f"{name}: no {', '.join(repr(c) for c in missing)} column; the header must be "
                          f"name,start,end (it is: {','.join(table.columns)})")
    rows = []
    for line, row in enumerate(table.to_dict("records"), start=2):
        dates = {}
        for key in ("start", "end"):
            value = str(row[key]).strip()
            stamp = pd.to_datetime(value, errors="coerce", format="mixed") if value else pd.NaT
            if pd.isna(stamp):
                raise CorpusError(f"{name} line {line}: cannot read the {key} date {value!r}; "
                                  "write it as YYYY-MM-DD (e.g. 2018-11-05)")
            dates[key] = stamp
        if dates["end"] < dates["start"]:
            raise CorpusError(f"{name} line {line}: period {row['name']!r} ends before it starts; swap start and end")
        rows.append({"name": str(row["name"]).strip(), "start": dates["start"],
                     "end": dates["end"].normalize() + pd.Timedelta(days=1) - pd.Timedelta(1, "ns")})
    periods = pd.DataFrame(rows, columns=["name", "start", "end"])
    dupes = periods["name"][periods["name"].duplicated()].unique()
    if len(dupes):
        raise CorpusError(f"{name}: period {dupes[0]!r} is named twice; give each phase its own name")
    return periods


def period_table(articles: pd.DataFrame, *, periods: pd.DataFrame | str = "month",
                 published: str = "published") -> pd.DataFrame:
    """Give every dated article its period; undated articles get none.

    Parameters
    ----------
    articles : pandas.DataFrame
        Needs ``article_id`` and ``published`` (NaT when undated).
    periods : DataFrame or {"week", "month"}, default "month"
        The phases of :func:`read_periods`, or a calendar period: weeks
        start on Monday and are named by that day, months as ``2018-06``.

    Returns
    -------
    pandas.DataFrame
        ``article_id``, ``period`` (NaN for an undated article) and
        ``period_rank`` (the position of the period in time, for ordering;
        ``outside the periods`` ranks last).

    Examples
    --------
    >>> a = pd.DataFrame({"article_id": ["a", "b", "c"],
    ...                   "published": pd.to_datetime(["2018-06-22", "2018-11-05", None])})
    >>> period_table(a)["period"].tolist()
    ['2018-06', '2018-11', nan]
    >>> phases = pd.DataFrame({"name": ["letter"], "start": pd.to_datetime(["2018-06-18"]),
    ...                        "end": pd.to_datetime(["2018-06-30"])})
    >>> period_table(a, periods=phases)["period"].tolist()
    ['letter', 'outside the periods', nan]
    """
    require_columns(articles, ["article_id", published], func="period_table")
    dates = pd.to_datetime(articles[published])
    out = pd.DataFrame({"article_id": articles["article_id"].to_numpy()})
    if isinstance(periods, str):
        check_choice(periods, name="periods", func="period_table", choices=FREQUENCIES)
        start = dates.dt.to_period("W-SUN" if periods == "week" else "M").dt.start_time
        label = start.dt.strftime("%Y-%m-%d" if periods == "week" else "%Y-%m")
        out["period"] = label.where(dates.notna()).to_numpy(dtype=object)
        rank = pd.Series(start.rank(method="dense").to_numpy())
        out["period_rank"] = rank.to_numpy()
        return out
    require_columns(periods, ["name", "start", "end"], func="period_table")
    label = pd.Series(OUTSIDE, index=dates.index, dtype=object).where(dates.notna())
    rank = pd.Series(float(len(periods)), index=dates.index).where(dates.notna())
    for i, row in reversed(list(enumerate(periods.itertuples(index=False)))):  # the first phase that holds a date wins
        inside = (dates >= row.start) & (dates <= row.end)
        label = label.mask(inside, row.name)
        rank = rank.mask(inside, float(i))
    out["period"] = label.to_numpy()
    out["period_rank"] = rank.to_numpy()
    return out


def coverage_volume(articles: pd.DataFrame, *, unit: str = "unit", freq: str = "month",
                    published: str = "published") -> pd.DataFrame:
    """Count the dated articles per week or month and unit (undated ones are left out).

    Returns
    -------
    pandas.DataFrame
        ``period_start`` (Timestamp), ``unit`` and ``n_articles``, one row per
        period and unit, every period from the first to the last (zeros
        included), so a stacked bar chart has no gaps.

    Examples
    --------
    >>> a = pd.DataFrame({"unit": ["X", "Y", "X"],
    ...                   "published": pd.to_datetime(["2018-06-22", "2018-08-05", None])})
    >>> coverage_volume(a)["n_articles"].tolist()
    [1, 0, 0, 0, 0, 1]
    """
    require_columns(articles, [unit, published], func="coverage_volume")
    check_choice(freq, name="freq", func="coverage_volume", choices=FREQUENCIES)
    dated = articles[articles[published].notna()]
    code = "W-SUN" if freq == "week" else "M"
    if dated.empty:
        return pd.DataFrame(columns=["period_start", "unit", "n_articles"])
    start = pd.to_datetime(dated[published]).dt.to_period(code)
    counts = dated.assign(_p=start).groupby(["_p", unit]).size()
    spans = pd.period_range(start.min(), start.max(), freq=code)
    units = sorted(dated[unit].astype(str).unique())
    grid = pd.MultiIndex.from_product([spans, units], names=["_p", unit])
    table = counts.reindex(grid, fill_value=0).rename("n_articles").reset_index()
    table.insert(0, "period_start", table.pop("_p").dt.start_time)
    return table.rename(columns={unit: "unit"}).astype({"n_articles": "int64"})
