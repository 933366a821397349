"""Plots of stance toward a target: the index per outlet, and every mention as a dot.

Plot functions take a table and column names, draw on ``ax`` (a new one when
``None``) and return the Axes; they save nothing. :func:`figure_specs`
builds ``30_stance_by_outlet`` and ``31_stance_mentions`` for
``media-coverage figures`` from the tables of
:func:`coverage.stance.tables.stance_tables`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from coverage.errors import LexiconError
from coverage.plots.registry import FigureSpec
from coverage.schema import require_columns
from coverage.stance.model import LABELS

__all__ = ["STANCE_COLORS", "plot_stance_index", "plot_stance_mentions", "figure_specs"]

#: One colour per class (Okabe-Ito: vermillion, grey, bluish green).
STANCE_COLORS = {"negative": "#D55E00", "neutral": "#999999", "positive": "#009E73"}

_VOICE_LABELS = {"author": "journalist's own sentences", "quoted": "quoted sentences"}


def _axes(ax, size=(7, 3.5)):
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=size)
    return ax


def plot_stance_index(table: pd.DataFrame, *, y: str = "outlet", hue: str | None = "voice",
                      x: str = "estimate", low: str = "ci_low", high: str = "ci_high", ax=None):
    """Draw the stance index with its interval per outlet, one colour per ``hue`` level.

    Takes rows of :func:`coverage.stance.tables.compare_stance` (``by=["outlet",
    "voice"]`` or ``by="outlet"`` with ``hue=None``). The axis runs from −1
    (every mention negative) to +1 (every mention positive).

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> t = pd.DataFrame({"outlet": ["A", "B"], "estimate": [-0.5, 0.25],
    ...                   "ci_low": [-0.8, 0.0], "ci_high": [-0.2, 0.5]})
    >>> ax = plot_stance_index(t, hue=None)
    >>> [tick.get_text() for tick in ax.get_yticklabels()], tuple(map(float, ax.get_xlim()))
    (['A', 'B'], (-1.05, 1.05))
    """
    from coverage.plots.framing import plot_intervals

    require_columns(table, [y, x, low, high] + ([hue] if hue else []), func="plot_stance_index")
    data = table
    if hue:
        data = table.assign(**{hue: table[hue].map(lambda v: _VOICE_LABELS.get(v, v))})
    ax = plot_intervals(data, y=y, hue=hue, x=x, low=low, high=high, ax=_axes(ax))
    ax.axvline(0, color="grey", lw=0.8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("stance index: (positive − negative) / mentions")
    return ax


def plot_stance_mentions(mentions: pd.DataFrame, *, y: str = "outlet", x: str = "stance_net",
                         hue: str = "stance", order: Sequence | None = None, seed: int = 0, ax=None):
    """Draw one dot per mention: its graded stance ``x`` on a row per ``y`` category.

    Dots are spread vertically by a seeded jitter so that they do not hide
    each other, and coloured by their class (``hue``); each row's label
    carries its number of mentions, so the reader sees the sample size.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> m = pd.DataFrame({"outlet": ["A", "A", "B"], "stance_net": [-0.8, 0.1, 0.6],
    ...                   "stance": ["negative", "neutral", "positive"]})
    >>> ax = plot_stance_mentions(m)
    >>> sum(len(c.get_offsets()) for c in ax.collections), [t.get_text() for t in ax.get_yticklabels()]
    (3, ['A (n=2)', 'B (n=1)'])
    """
    require_columns(mentions, [y, x, hue], func="plot_stance_mentions")
    ax = _axes(ax)
    data = mentions[mentions[x].notna()]
    categories = list(order) if order is not None else sorted(pd.unique(data[y]), key=str)
    rank = {c: i for i, c in enumerate(categories)}
    data = data[data[y].isin(categories)]
    jitter = np.random.default_rng(seed).uniform(-0.25, 0.25, len(data))
    pos = data[y].map(rank).to_numpy(dtype=float) + jitter
    for level in [*LABELS, *sorted(set(data[hue]) - set(LABELS), key=str)]:
        keep = (data[hue] == level).to_numpy()
        if keep.any():
            ax.scatter(data[x].to_numpy(dtype=float)[keep], pos[keep], s=22, alpha=0.8,
                       color=STANCE_COLORS.get(level), edgecolors="white", linewidths=0.4, label=level)
    counts = data[y].value_counts()
    ax.set_yticks(range(len(categories)), [f"{c} (n={int(counts.get(c, 0))})" for c in categories])
    ax.set_ylim(len(categories) - 0.5, -0.5)  # first category on top
    ax.axvline(0, color="grey", lw=0.8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("P(positive) − P(negative) of each mention")
    ax.legend(frameon=False, fontsize="small", loc="center left", bbox_to_anchor=(1.01, 0.5))
    return ax


def figure_specs(tables: Mapping[str, pd.DataFrame]) -> list[FigureSpec]:
    """Return the stance figures ``30_stance_by_outlet`` and ``31_stance_mentions``.

    ``tables`` needs ``"stance_summary"`` and ``"mentions"`` from
    :func:`coverage.stance.tables.stance_tables`; without them no figure is made.
    Figure 30 is split by voice when the summary has voice rows, else it
    shows one index per outlet.
    """
    if "stance_summary" not in tables or "mentions" not in tables:
        return []
    summary, mentions = tables["stance_summary"], tables["mentions"]
    require_columns(summary, ["split", "outlet", "estimate", "ci_low", "ci_high", "n_articles", "n_units"],
                    func="figure_specs")
    require_columns(mentions, ["article_id", "outlet", "group", "target", "stance", "stance_net"],
                    func="figure_specs")
    own = mentions[mentions["group"] == "target"]
    if own.empty:
        return []
    name = _target_label(own["target"].iloc[0])
    return [_index_spec(summary, own, name), _strip_spec(own, name)]


def _sample(own: pd.DataFrame) -> str:
    n_out = own["outlet"].nunique()
    single = int((own.groupby("outlet")["article_id"].nunique() == 1).sum())
    text = (f"{len(own)} mentions in {own['article_id'].nunique()} articles from {n_out} outlets")
    if single:
        text += (f"; {single} outlet(s) rest on a single article, so their interval resamples that "
                 "article's mentions and says nothing about the outlet in general")
    return text


def _index_spec(summary: pd.DataFrame, own: pd.DataFrame, name: str) -> FigureSpec:
    by_voice = "voice" in summary.columns and (summary["split"] == "voice").any()
    rows = summary[summary["split"] == ("voice" if by_voice else "outlet")]
    caption = (
        f"Stance toward {name}: (positive − negative mentions) / mentions, per outlet"
        + (", split by voice (sentences mostly inside quotation marks versus the journalist's own)"
           if by_voice else "")
        + f", with 95% bootstrap intervals. {_sample(own)}. Each mention's class comes from a "
        "classifier trained on NewsMTSC (political news about persons); check its agreement with the "
        "hand labels of data/annotations/ before reading small differences."
    )

    def draw():
        import matplotlib.pyplot as plt

        n = rows["outlet"].nunique()
        fig, ax = plt.subplots(figsize=(8, 0.7 * n + 1.6))
        plot_stance_index(rows, hue="voice" if by_voice else None, ax=ax)
        ax.set_title(f"Stance toward {name}, by outlet" + (" and voice" if by_voice else ""))
        return fig

    return FigureSpec("30_stance_by_outlet", f"Stance toward {name} by outlet", caption, draw)


def _strip_spec(own: pd.DataFrame, name: str) -> FigureSpec:
    counts = own["stance"].value_counts()
    caption = (
        f"Every mention of {name}, one dot each: the classifier's P(positive) − P(negative), coloured by "
        f"its predicted class ({', '.join(f'{int(counts.get(c, 0))} {c}' for c in LABELS)}). "
        f"{_sample(own).split(';')[0]}. The row labels give each outlet's number of mentions."
    )

    def draw():
        import matplotlib.pyplot as plt

        n = own["outlet"].nunique()
        fig, ax = plt.subplots(figsize=(8, 0.6 * n + 1.6))
        plot_stance_mentions(own, ax=ax)
        ax.set_title(f"Each mention of {name}")
        return fig

    return FigureSpec("31_stance_mentions", f"Each mention of {name}", caption, draw)


def _target_label(key: str) -> str:
    from coverage.stance.targets import load_targets

    try:
        targets = load_targets().targets
    except LexiconError:
        return str(key)
    return targets[key].label if key in targets else str(key)
