"""Plots that compare outlets: distinctive words and text reuse.

Plot functions take a table and column names, draw on ``ax`` (a new one when
``None``) and return the Axes. They compute nothing heavy and save nothing;
the tables come from :mod:`coverage.measures.keyness` and :mod:`coverage.reuse.find`.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from coverage.plots.registry import FigureSpec, unit_height, units_of
from coverage.schema import require_columns

__all__ = ["plot_distinctive_words", "plot_top_words", "plot_reuse_heatmap", "plot_passages", "figure_specs",
           "PANELS_MAX"]

#: Up to this many units the distinctive words get a bar panel each; beyond, one compact word grid.
PANELS_MAX = 6


def _axes(ax, size=(6, 4)):
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=size)
    return ax


def plot_distinctive_words(keyness: pd.DataFrame, *, group: str, by: str = "outlet", word: str = "word",
                           score: str = "z", top: int = 10, ax=None):
    """Draw the ``top`` words with the highest ``score`` for one group, as bars.

    The longest bar is at the top. Only positive scores are drawn: words the
    group uses *more* than the rest.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> t = pd.DataFrame({"outlet": ["X", "X", "X"], "word": ["ice", "police", "the"], "z": [2.0, 1.0, -1.0]})
    >>> len(plot_distinctive_words(t, group="X").patches)
    2
    """
    require_columns(keyness, [by, word, score], func="plot_distinctive_words")
    ax = _axes(ax)
    rows = keyness[(keyness[by] == group) & (keyness[score] > 0)].nlargest(top, score)
    ax.barh(range(len(rows)), rows[score].to_numpy(), color="C0")
    ax.set_yticks(range(len(rows)), rows[word].astype(str).tolist())
    ax.invert_yaxis()
    ax.set_title(str(group))
    ax.set_xlabel(score)
    return ax


def plot_top_words(keyness: pd.DataFrame, *, by: str = "outlet", word: str = "word", score: str = "z",
                   top: int = 8, order: Sequence | None = None, ax=None):
    """Draw a compact grid: one row per group (in ``order``), its ``top`` words by ``score`` left to right.

    Each word is written in its cell, darker for a higher score; only
    positive scores are shown (words the group uses more than the rest).

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> t = pd.DataFrame({"outlet": ["X", "X", "Y"], "word": ["ice", "police", "bezos"], "z": [2.0, 1.0, 3.0]})
    >>> [t.get_text() for t in plot_top_words(t, order=["Y", "X"]).texts]
    ['bezos', 'ice', 'police']
    """
    require_columns(keyness, [by, word, score], func="plot_top_words")
    ax = _axes(ax, (10, 6))
    groups = list(order) if order is not None else sorted(pd.unique(keyness[by]), key=str)
    positive = keyness[keyness[score] > 0]
    high = float(positive[score].max()) if len(positive) else 1.0
    grid = np.full((len(groups), top), np.nan)
    for r, group in enumerate(groups):
        rows = positive[positive[by] == group].nlargest(top, score)
        for c, (w, z) in enumerate(zip(rows[word].astype(str), rows[score].astype(float))):
            grid[r, c] = z
            ax.text(c, r, w, ha="center", va="center", fontsize="small",
                    color="white" if z > 0.6 * high else "black")
    ax.imshow(np.ma.masked_invalid(grid), cmap="Blues", vmin=0, vmax=high, aspect="auto")
    ax.set_yticks(range(len(groups)), [str(g) for g in groups])
    ax.set_xticks(range(top), [f"#{i + 1}" for i in range(top)])
    ax.xaxis.tick_top()
    ax.tick_params(length=0)
    return ax


def plot_reuse_heatmap(matrix: pd.DataFrame, *, labels: Mapping[str, str] | None = None, ax=None):
    """Draw a square table of shares as a heatmap with the values written in.

    ``matrix`` is :func:`coverage.reuse.summary.share_matrix`: row article's share of
    words shared with the column article. ``labels`` maps article ids to the
    names shown.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> m = pd.DataFrame([[np.nan, 0.5], [0.25, np.nan]], index=["x", "y"], columns=["x", "y"])
    >>> [t.get_text() for t in plot_reuse_heatmap(m).texts]
    ['50%', '25%']
    """
    if not isinstance(matrix, pd.DataFrame) or list(matrix.index) != list(matrix.columns):
        raise ValueError("plot_reuse_heatmap() needs a square table with the same articles as rows and "
                         "columns; build it with coverage.reuse.summary.share_matrix(pairs, article_ids)")
    ax = _axes(ax, (6, 5))
    values = matrix.to_numpy(dtype=float)
    image = ax.imshow(np.ma.masked_invalid(values), cmap="Blues", vmin=0, vmax=max(np.nanmax(values, initial=0), 0.01))
    for (r, c), v in np.ndenumerate(values):
        if not np.isnan(v) and v > 0:
            dark = v > 0.6 * image.norm.vmax
            ax.text(c, r, f"{v:.0%}", ha="center", va="center", fontsize="small",
                    color="white" if dark else "black")
    names = [str(labels.get(i, i)) if labels else str(i) for i in matrix.index]
    ax.set_xticks(range(len(names)), names, rotation=45, ha="right")
    ax.set_yticks(range(len(names)), names)
    ax.set_xlabel("shared with")
    ax.set_ylabel("share of this article's words")
    return ax


def plot_passages(passages: pd.DataFrame, *, text: str = "text_a", label: str = "pair",
                  n_words: str = "n_words", top: int = 8, width: int = 100, ax=None):
    """Draw the ``top`` longest passages as a table: pair, words, passage text.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> p = pd.DataFrame({"pair": ["X / Y"], "n_words": [9],
    ...                   "text_a": ["nine words shared by these two articles here"]})
    >>> ax = plot_passages(p)
    >>> ax.tables[0][0, 2].get_text().get_text(), ax.tables[0][1, 1].get_text().get_text()
    ('passage', '9')
    """
    require_columns(passages, [text, label, n_words], func="plot_passages")
    ax = _axes(ax, (10, 5))
    ax.axis("off")
    rows = passages.nlargest(top, n_words)
    if rows.empty:
        ax.text(0.5, 0.5, "no passages", ha="center", va="center", transform=ax.transAxes)
        return ax
    cells = [[str(pair), str(int(n)), textwrap.fill(" ".join(str(t).split()), width)]
             for pair, n, t in zip(rows[label], rows[n_words], rows[text], strict=True)]
    table = ax.table(cellText=cells, colLabels=["articles", "words", "passage"], colWidths=[0.2, 0.07, 0.73],
                     cellLoc="left", loc="upper center")
    table.auto_set_font_size(False)
    table.set_fontsize(8)
    for (r, _), cell in table.get_celld().items():
        lines = cells[r - 1][2].count("\n") + 1 if r else 1
        cell.set_height(0.045 * lines)
        cell.PAD = 0.02  # matplotlib pads by 10% of the cell width: too much for the wide text column
    return ax


def figure_specs(tables: Mapping[str, pd.DataFrame]) -> list[FigureSpec]:
    """Return the outlet figures ``40_distinctive_words``, ``41_reuse_heatmap``, ``42_reuse_passages``.

    Uses ``tables["articles"]`` (or ``"corpus"``), ``"keyness"``, ``"reuse"``
    and ``"reuse_pairs"``; a figure whose table is missing or empty is left
    out. The distinctive words are those of each unit of ``tables["units"]``
    (:func:`coverage.compare.units.unit_table`), recounted from
    ``"corpus"`` and ``"word_counts"`` when the unit is not the outlet or
    units were pooled; past :data:`PANELS_MAX` units they are one compact grid.
    """
    articles = tables["articles"] if "articles" in tables else tables["corpus"]
    n = len(articles)
    specs = []
    keyness = _unit_keyness(tables, units_of(tables))
    if keyness is not None and not keyness.empty:
        specs.append(_distinctive_spec(keyness, units_of(tables), n))
    if "reuse_pairs" in tables and "reuse" in tables:
        specs += _reuse_specs(tables["reuse"], tables["reuse_pairs"], articles, n)
    return specs


def _unit_keyness(tables, units) -> pd.DataFrame | None:
    keyness = tables.get("keyness")
    as_outlets = (units["by"] == "outlet").all() and not units["pooled"].any()
    if keyness is not None and "outlet" in keyness.columns and as_outlets:
        label = units.drop_duplicates("value").set_index("value")["unit"]
        return keyness.assign(unit=keyness["outlet"].map(label))
    if "corpus" not in tables or units["unit"].nunique() < 2:
        return None
    from coverage.compare.units import with_units
    from coverage.measures.keyness import keyness as keyness_of

    return keyness_of(with_units(tables["corpus"], units), by="unit", counts=tables.get("word_counts"))


def _distinctive_spec(keyness, units, n) -> FigureSpec:
    import matplotlib.pyplot as plt

    from coverage.compare.units import pooling_note, unit_noun
    from coverage.measures.keyness import load_stop_words

    by = str(units["by"].iloc[0])
    stop = load_stop_words("english")
    content = keyness[~keyness["word"].isin(stop)]
    shown = units.drop_duplicates("unit")
    pooled = set(shown.loc[shown["pooled"], "unit"])
    # Largest units first, the pooled one last.
    order = [u for u in shown.sort_values(["n_articles", "unit"], ascending=[False, True])["unit"] if u not in pooled]
    order += sorted(pooled)
    single = int((shown["n_articles"] == 1).sum())
    compact = len(order) > PANELS_MAX

    def draw():
        if compact:
            fig, ax = plt.subplots(figsize=(11, unit_height(len(order), per_row=0.4, extra=1.4)))
            plot_top_words(content, by="unit", order=order, ax=ax)
            ax.set_title(f"Words each {by} uses more than the others (top 8 by z, darker = higher)")
            return fig
        cols = min(3, len(order))
        rows = -(-len(order) // cols)
        fig, axes = plt.subplots(rows, cols, figsize=(4 * cols, 3.2 * rows), squeeze=False)
        for ax, unit in zip(axes.flat, order):
            plot_distinctive_words(content, group=unit, by="unit", ax=ax)
        for ax in axes.flat[len(order):]:
            ax.set_visible(False)
        fig.suptitle(f"Words each {by} uses more than the others")
        fig.tight_layout()
        return fig

    note = pooling_note(units)
    caption = (f"For each {by}, the {8 if compact else 10} words with the highest z-score of the log-odds ratio "
               f"with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008): that {by}'s articles "
               f"against all the others, English stop words left out of the display"
               + ("; one row per " + by + ", largest first" if compact else "") +
               f". {n} articles from {unit_noun(by, units['value'].nunique())}; {single} of the {unit_noun(by, len(order))} "
               f"shown rest on a single article, so their words are one article's words, not a habit."
               + (f" {note}" if note else ""))
    return FigureSpec("40_distinctive_words", f"Distinctive words per {by}", caption, draw)


def _label(articles) -> dict[str, str]:
    repeated = articles["outlet"].duplicated(keep=False)
    return {str(i): (f"{o} ({i})" if r else str(o))
            for i, o, r in zip(articles["article_id"], articles["outlet"], repeated, strict=True)}


#: Beyond this many articles the heatmap shows only those sharing the most
#: text: a cell per pair of 10,000 articles is unreadable and takes minutes.
HEATMAP_MAX_ARTICLES = 40


def _heatmap_ids(ordered: pd.DataFrame, pairs: pd.DataFrame) -> list[str]:
    ids = [str(i) for i in ordered["article_id"]]
    if len(ids) <= HEATMAP_MAX_ARTICLES:
        return ids
    shares = pd.concat([pairs.set_index("article_id_a")["share_a"], pairs.set_index("article_id_b")["share_b"]])
    top = set(shares.groupby(level=0).max().nlargest(HEATMAP_MAX_ARTICLES).index.astype(str))
    return [i for i in ids if i in top]


def _reuse_specs(passages, pairs, articles, n) -> list[FigureSpec]:
    import matplotlib.pyplot as plt

    from coverage.reuse.summary import share_matrix

    labels = _label(articles)
    ordered = articles.sort_values("published") if "published" in articles else articles  # oldest first
    ids = _heatmap_ids(ordered, pairs)

    def heatmap():
        fig, axes = plt.subplots(1, 2, figsize=(12, 5.5))
        for ax, value, title in zip(axes, ("share", "prose_share"),
                                    ("all shared passages", "shared prose (not quoted in both)")):
            plot_reuse_heatmap(share_matrix(pairs, ids, value=value), labels=labels, ax=ax)
            ax.set_title(title)
        fig.tight_layout()
        return fig

    unquoted = passages[passages["quoted"] == "neither"]
    named = unquoted.assign(pair=[f"{labels.get(a, a)} / {labels.get(b, b)}"
                                  for a, b in zip(unquoted["article_id_a"], unquoted["article_id_b"], strict=True)])

    def longest():
        fig, ax = plt.subplots(figsize=(11, 6))
        plot_passages(named, ax=ax)
        ax.set_title("Longest passages shared outside quotation marks")
        return fig

    return [
        FigureSpec("41_reuse_heatmap", "Text shared between articles",
                   f"Share of the row article's words inside passages of at least 8 words that it shares "
                   f"with the column article (5-word seeds, small edits allowed); left all passages, right "
                   f"only those not quoted in both articles. {n} articles; {len(pairs)} pairs share text"
                   + (f"; the {len(ids)} articles sharing the most are shown." if len(ids) < n else "."),
                   heatmap),
        FigureSpec("42_reuse_passages", "Longest shared unquoted passages",
                   f"The longest of the {len(unquoted)} passages two articles share with neither article "
                   f"quoting it (text as in the first article of the pair); "
                   f"{unquoted.groupby(['article_id_a', 'article_id_b']).ngroups} of the {n * (n - 1) // 2} "
                   f"pairs of the {n} articles share unquoted prose.", longest),
    ]
