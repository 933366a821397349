"""Plots of the corpus itself: when each outlet published and how long it wrote.

Plot functions take a table and column names, draw on ``ax`` (a new one when
``None``) and return the Axes. They compute nothing heavy and save nothing.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from coverage.plots.registry import FigureSpec
from coverage.schema import require_columns

__all__ = ["plot_timeline", "plot_length", "figure_specs"]


def _axes(ax):
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=(8, 3.5))
    return ax


def plot_timeline(articles: pd.DataFrame, *, x: str = "published", y: str = "outlet",
                  estimated: str | None = "date_estimated", marked: str | None = None, ax=None):
    """Draw one dot per article: publication date against outlet.

    Dots of estimated dates are hollow; articles flagged in the boolean
    column ``marked`` (e.g. syndicated copies) get a cross.

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
    outlets = sorted(articles[y].unique())
    rows = articles.assign(_row=articles[y].map({o: i for i, o in enumerate(outlets)}))
    est = rows[estimated].astype(bool) if estimated else pd.Series(False, index=rows.index)
    ax.scatter(rows.loc[~est, x], rows.loc[~est, "_row"], s=60, color="C0", label="date confirmed", zorder=3)
    ax.scatter(rows.loc[est, x], rows.loc[est, "_row"], s=60, facecolors="none", edgecolors="C0",
               label="date estimated", zorder=3)
    if marked:
        flag = rows[marked].astype(bool)
        ax.scatter(rows.loc[flag, x], rows.loc[flag, "_row"], marker="x", s=90, color="C3",
                   label=marked.replace("_", " "), zorder=4)
    ax.set_yticks(range(len(outlets)), outlets)
    ax.set_ylim(-0.5, len(outlets) - 0.5)
    ax.set_xlabel("publication date")
    ax.set_ylabel("")
    ax.grid(axis="x", alpha=0.3)
    ax.legend(loc="best", fontsize="small", frameon=False)
    ax.figure.autofmt_xdate()
    return ax


def plot_length(articles: pd.DataFrame, *, x: str = "n_words", y: str = "outlet", ax=None):
    """Draw one bar per article: its length in words, grouped by outlet.

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
    order = sorted(articles[y].unique())
    sns.barplot(data=articles, x=x, y=y, order=order, estimator="sum", errorbar=None,
                color="C0", ax=ax)
    # One bar per outlet sums its articles; the dots show each article.
    sns.stripplot(data=articles, x=x, y=y, order=order, color="black", size=4, ax=ax)
    ax.set_xlabel("words (bar: all the outlet's articles; dots: one article each)")
    ax.set_ylabel("")
    return ax


def figure_specs(tables: Mapping[str, pd.DataFrame]) -> list[FigureSpec]:
    """Return the corpus figures: timeline and length by outlet."""
    import matplotlib.pyplot as plt

    articles = tables["articles"]
    n, n_outlets = len(articles), articles["outlet"].nunique()
    n_est = int(articles["date_estimated"].sum())
    marked = "syndicated" if "syndicated" in articles.columns else None

    def timeline():
        fig, ax = plt.subplots(figsize=(8, 0.6 * n_outlets + 1.8))
        plot_timeline(articles, marked=marked, ax=ax)
        ax.set_title("Coverage timeline by outlet")
        return fig

    def length():
        fig, ax = plt.subplots(figsize=(7, 0.5 * n_outlets + 1.5))
        plot_length(articles, ax=ax)
        ax.set_title("Article length by outlet")
        return fig

    return [
        FigureSpec("01_timeline", "Coverage timeline by outlet",
                   f"One dot per article at its publication date; hollow dots are estimated dates "
                   f"({n_est} of {n}). {n} articles from {n_outlets} outlets.", timeline),
        FigureSpec("02_length_by_outlet", "Article length by outlet",
                   f"Words in the clean text (headline and body, site chrome removed) per outlet; "
                   f"dots are single articles. {n} articles from {n_outlets} outlets.", length),
    ]
