"""Plots of the corpus itself: when each outlet (or other unit) published, how much, and how long it wrote.

Plot functions take a table and column names, draw on ``ax`` (a new one when
``None``) and return the Axes. They compute nothing heavy and save nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from coverage.plots.registry import FigureSpec, unit_height, units_of
from coverage.schema import require_columns

__all__ = ["plot_timeline", "plot_length", "plot_volume", "figure_specs"]


def _axes(ax):
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=(8, 3.5))
    return ax


def plot_timeline(articles: pd.DataFrame, *, x: str = "published", y: str = "outlet",
                  estimated: str | None = "date_estimated", marked: str | None = None,
                  order: Sequence | None = None, ax=None):
    """Draw one dot per article: publication date against outlet (or any unit ``y``).

    Dots of estimated dates are hollow; articles flagged in the boolean
    column ``marked`` (e.g. syndicated copies) get a cross. Rows follow
    ``order`` (else sorted); undated articles (NaT) cannot be placed and are
    not drawn.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> t = pd.DataFrame({"published": pd.to_datetime(["2018-06-22", "2018-11-05"]),
    ...                   "outlet": ["Forbes", "Recode"], "date_estimated": [True, False]})
    >>> len(plot_timeline(t).collections)
    2
    """
    require_columns(articles, [x, y] + [c for c in (estimated, marked) if c], func="plot_timeline")
    ax = _axes(ax)
    outlets = list(order) if order is not None else sorted(articles[y].unique())
    dated = articles[articles[x].notna() & articles[y].isin(outlets)]
    rows = dated.assign(_row=dated[y].map({o: i for i, o in enumerate(outlets)}))
    est = rows[estimated].astype(bool) if estimated else pd.Series(False, index=rows.index)
    ax.scatter(rows.loc[~est, x], rows.loc[~est, "_row"], s=60, color="C0", label="date confirmed", zorder=3)
    ax.scatter(rows.loc[est, x], rows.loc[est, "_row"], s=60, facecolors="none", edgecolors="C0",
               label="date estimated", zorder=3)
    if marked:
        flag = rows[marked].astype(bool)
        ax.scatter(rows.loc[flag, x], rows.loc[flag, "_row"], marker="x", s=90, color="C3",
                   label=marked.replace("_", " "), zorder=4)
    ax.set_yticks(range(len(outlets)), [str(o) for o in outlets])
    ax.set_ylim(len(outlets) - 0.5, -0.5)  # first row on top
    ax.set_xlabel("publication date")
    ax.set_ylabel("")
    ax.grid(axis="x", alpha=0.3)
    ax.legend(loc="best", fontsize="small", frameon=False)
    ax.figure.autofmt_xdate()
    return ax


def plot_length(articles: pd.DataFrame, *, x: str = "n_words", y: str = "outlet", order: Sequence | None = None,
                ax=None):
    """Draw one bar per outlet (or unit ``y``, in ``order``): its articles' words, with a dot per article.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> t = pd.DataFrame({"n_words": [400, 800], "outlet": ["Forbes", "Recode"]})
    >>> len(plot_length(t).patches)
    2
    """
    import seaborn as sns

    require_columns(articles, [x, y], func="plot_length")
    ax = _axes(ax)
    order = list(order) if order is not None else sorted(articles[y].unique())
    sns.barplot(data=articles, x=x, y=y, order=order, estimator="mean", errorbar=None,
                color="C0", ax=ax)
    # One bar per unit: the mean of its articles; the dots show each article.
    sns.stripplot(data=articles, x=x, y=y, order=order, color="black", size=4, ax=ax)
    ax.set_xlabel("words (bar: mean of the articles; dots: one article each)")
    ax.set_ylabel("")
    return ax


def plot_volume(volume: pd.DataFrame, *, x: str = "period_start", y: str = "n_articles", hue: str = "unit",
                hue_order: Sequence | None = None, width: float = 25.0, ax=None):
    """Draw coverage volume as stacked bars: articles per period (``x``), one colour per ``hue`` level.

    ``volume`` is :func:`coverage.compare.periods.coverage_volume`; ``width``
    is the bar width in days (25 for months, 5 for weeks).

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> v = pd.DataFrame({"period_start": pd.to_datetime(["2018-06-01", "2018-06-01", "2018-07-01"]),
    ...                   "unit": ["A", "B", "A"], "n_articles": [2, 1, 3]})
    >>> [float(p.get_height()) for p in plot_volume(v).patches]
    [2.0, 3.0, 1.0, 0.0]
    """
    require_columns(volume, [x, y, hue], func="plot_volume")
    ax = _axes(ax)
    levels = list(hue_order) if hue_order is not None else sorted(pd.unique(volume[hue]), key=str)
    table = volume.pivot_table(index=x, columns=hue, values=y, aggfunc="sum", fill_value=0)
    table = table.reindex(columns=levels, fill_value=0).sort_index()
    bottom = np.zeros(len(table))
    palette = [f"C{i}" for i in range(10)]
    for k, level in enumerate(levels):
        heights = table[level].to_numpy(dtype=float)
        ax.bar(table.index, heights, bottom=bottom, width=width, label=str(level),
               color="#BBBBBB" if str(level).startswith("other") else palette[k % 10], align="edge")
        bottom += heights
    ax.set_ylabel("articles")
    ax.set_xlabel("")
    ax.legend(frameon=False, fontsize="small", loc="center left", bbox_to_anchor=(1.01, 0.5))
    ax.figure.autofmt_xdate()
    return ax


#: At most this many colours in the volume figure; smaller units share one grey.
VOLUME_COLOURS = 8


def figure_specs(tables: Mapping[str, pd.DataFrame]) -> list[FigureSpec]:
    """Return the corpus figures: timeline, coverage volume and length by unit of comparison.

    The unit is ``tables["units"]`` (:func:`coverage.compare.units.unit_table`),
    every outlet by default; ``tables["periods"]`` (with a ``kind`` column,
    ``"week"`` or otherwise months) sets the bars of the volume figure.
    """
    import matplotlib.pyplot as plt

    from coverage.compare.periods import coverage_volume
    from coverage.compare.units import pooling_note, unit_noun, with_units

    articles = tables["articles"]
    if "article_id" not in articles.columns:  # a table of articles without ids: number them
        articles = articles.assign(article_id=range(len(articles)))
    units = units_of({**tables, "articles": articles})
    articles = with_units(articles, units)
    by = str(units["by"].iloc[0]) if len(units) else "outlet"
    n, n_outlets = len(articles), articles["outlet"].nunique()
    n_units = articles["unit"].nunique()
    n_est = int(articles["date_estimated"].sum())
    undated = int(articles["published"].isna().sum())
    marked = "syndicated" if "syndicated" in articles.columns else None
    pooled = pooling_note(units)
    sample = f"{n} articles from {n_outlets} outlets" + (f", {unit_noun(by, units['value'].nunique())}" if by != "outlet" else "")
    left_out = (f" {undated} undated article{'s' * (undated != 1)} {'are' if undated != 1 else 'is'} left out."
                if undated else "")
    first_date = articles.groupby("unit")["published"].min()
    timeline_order = sorted(first_date.index, key=lambda u: (u in set(units.loc[units["pooled"], "unit"]),
                                                              pd.isna(first_date[u]), first_date[u] if pd.notna(first_date[u]) else 0, u))
    mean_words = articles.groupby("unit")["n_words"].mean().rename("estimate").reset_index()
    from coverage.compare.units import unit_order

    length_order = unit_order(mean_words, units=units)
    periods = tables.get("periods")
    freq = "week" if periods is not None and len(periods) and str(periods["kind"].iloc[0]) == "week" else "month"
    biggest = articles.groupby("unit").size().sort_values(ascending=False, kind="stable")
    coloured = [u for u in biggest.index if u not in set(units.loc[units["pooled"], "unit"])][:VOLUME_COLOURS - 1]
    rest = [u for u in biggest.index if u not in coloured]
    rest_label = f"other ({unit_noun(by, int(units.loc[units['unit'].isin(rest), 'value'].nunique()))}, " \
                 f"{int(biggest[rest].sum())} articles)" if rest else None
    stacked = articles.assign(unit=articles["unit"].where(articles["unit"].isin(coloured), rest_label))

    def timeline():
        fig, ax = plt.subplots(figsize=(8, unit_height(n_units, per_row=0.5)))
        plot_timeline(articles, y="unit", marked=marked, order=timeline_order, ax=ax)
        ax.set_title(f"Coverage timeline by {by}")
        return fig

    def volume():
        fig, ax = plt.subplots(figsize=(9, 4))
        plot_volume(coverage_volume(stacked, freq=freq), hue_order=[*coloured, *([rest_label] if rest else [])],
                    width=5 if freq == "week" else 25, ax=ax)
        ax.set_title(f"Coverage volume: articles per {freq}, by {by}")
        return fig

    def length():
        fig, ax = plt.subplots(figsize=(7, unit_height(n_units, per_row=0.45, extra=1.5)))
        plot_length(articles, y="unit", order=length_order, ax=ax)
        ax.set_title(f"Article length by {by}")
        return fig

    specs = [
        FigureSpec("01_timeline", f"Coverage timeline by {by}",
                   f"One dot per article at its publication date, one row per {by} (n = its articles), earliest "
                   f"first; hollow dots are estimated dates ({n_est} of {n}). {sample}.{left_out}"
                   + (f" {pooled}" if pooled else ""), timeline),
        FigureSpec("02_length_by_outlet", f"Article length by {by}",
                   f"Words in the clean text (headline and body, site chrome removed): the bar is the mean of the "
                   f"{by}'s articles, dots are single articles; longest first. {sample}."
                   + (f" {pooled}" if pooled else ""), length),
    ]
    if undated < n:  # no bars without a date
        specs.append(FigureSpec("03_volume", f"Coverage volume by {freq} and {by}",
                   f"Articles published per {freq} (bars start at the {freq}'s first day), stacked by {by}; the "
                   f"{len(coloured)} largest are coloured" + (", the rest grey" if rest else "") +
                   f". {sample}.{left_out}", volume))
    return specs
