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
from coverage.plots.registry import FigureSpec, unit_height, units_of
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
                      x: str = "estimate", low: str = "ci_low", high: str = "ci_high", order: Sequence | None = None,
                      ax=None):
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
    ax = plot_intervals(data, y=y, hue=hue, x=x, low=low, high=high, order=order, ax=_axes(ax))
    ax.axvline(0, color="grey", lw=0.8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("stance index: (positive − negative) / mentions")
    return ax


def plot_stance_mentions(mentions: pd.DataFrame, *, y: str = "outlet", x: str = "stance_net",
                         hue: str = "stance", order: Sequence | None = None, seed: int = 0,
                         count_format: str = "{label} (n={n})", ax=None):
    """Draw one dot per mention: its graded stance ``x`` on a row per ``y`` category.

    Dots are spread vertically by a seeded jitter so that they do not hide
    each other, and coloured by their class (``hue``); each row's label
    carries its number of mentions (``count_format``, with ``{label}`` and
    ``{n}``), so the reader sees the sample size.

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
    ax.set_yticks(range(len(categories)), [count_format.format(label=c, n=int(counts.get(c, 0))) for c in categories])
    ax.set_ylim(len(categories) - 0.5, -0.5)  # first category on top
    ax.axvline(0, color="grey", lw=0.8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("P(positive) − P(negative) of each mention")
    ax.legend(frameon=False, fontsize="small", loc="center left", bbox_to_anchor=(1.01, 0.5))
    return ax


def figure_specs(tables: Mapping[str, pd.DataFrame]) -> list[FigureSpec]:
    """Return the stance figures ``30_stance_by_outlet`` and ``31_stance_mentions``.

    ``tables`` needs ``"stance_summary"`` and ``"mentions"`` from
    :func:`coverage.stance.tables.stance_tables`; without them no figure is
    made (the index is recomputed from the mentions for the unit). The unit is ``tables["units"]`` (:func:`coverage.compare.units.unit_table`),
    every outlet by default, sorted by the stance index (highest first, the
    pooled unit last). Figure 30 is split by voice when the mentions carry one.
    """
    if "stance_summary" not in tables or "mentions" not in tables:
        return []
    from coverage.compare.units import with_units
    from coverage.stance.tables import STANCE_SCORE

    mentions, summary = tables["mentions"], tables["stance_summary"]
    require_columns(mentions, ["article_id", "outlet", "group", "target", "stance", "stance_net"], func="figure_specs")
    if "stance_score" not in mentions.columns:
        mentions = mentions.assign(stance_score=mentions["stance"].map(STANCE_SCORE))
    units = units_of(tables)
    own = with_units(mentions[mentions["group"] == "target"], units)
    if own.empty:
        return []
    name = _target_label(own["target"].iloc[0])
    by = str(units["by"].iloc[0])
    if by == "outlet" and not units["pooled"].any():
        # The run's summary is per outlet already: label its rows.
        require_columns(summary, ["split", "outlet", "estimate", "ci_low", "ci_high"], func="figure_specs")
        label = units.drop_duplicates("value").set_index("value")["unit"]
        summary = summary.assign(unit=summary["outlet"].astype(str).map(label))
    else:
        summary = None
    by_voice = (("voice" in own.columns and own["voice"].notna().any()) if summary is None
                else "voice" in summary.columns and (summary["split"] == "voice").any())
    return [_index_spec(own, units, name, by, by_voice=by_voice, summary=summary), _strip_spec(own, units, name, by)]


def _sample(own: pd.DataFrame, units: pd.DataFrame, by: str) -> str:
    from coverage.compare.units import pooling_note, unit_noun

    n_units = units["value"].nunique()
    text = f"{len(own)} mentions in {own['article_id'].nunique()} articles from {unit_noun(by, n_units)}"
    single = int((own.groupby("unit")["article_id"].nunique() == 1).sum())
    if single:
        rows = unit_noun(by, int(own["unit"].nunique()))
        text += (f"; {single} of the {rows} rest on a single article, so their interval "
                 f"resamples that article's mentions and says nothing about the {by} in general")
    note = pooling_note(units)
    return text + (f". {note[:-1]}" if note else "")


def _index_spec(own: pd.DataFrame, units: pd.DataFrame, name: str, by: str, *, by_voice: bool,
                summary: pd.DataFrame | None = None) -> FigureSpec:
    from coverage.compare.units import unit_order
    from coverage.stance.tables import compare_stance

    caption = (
        f"Stance toward {name}: (positive − negative mentions) / mentions, per {by}"
        + (", split by voice (sentences mostly inside quotation marks versus the journalist's own)"
           if by_voice else "")
        + f", with 95% bootstrap intervals; sorted by the index over all mentions, highest first, each label "
        f"giving the {by}'s number of articles. {_sample(own, units, by)}. Each mention's class comes from a "
        "fine-tuned classifier shipped with the kit, trained mostly on political news about persons "
        "(NewsMTSC); it agrees with hand labels of the shipped articles at kappa 0.37 (two coders: 0.97), "
        "so check the mentions behind a difference before reading it."
    )

    def draw():
        import matplotlib.pyplot as plt

        if summary is not None:
            overall = summary[summary["split"] == "outlet"]
            rows = summary[summary["split"] == "voice"] if by_voice else overall
        else:
            overall = compare_stance(own, by="unit")
            rows = compare_stance(own.dropna(subset=["voice"]), by=["unit", "voice"]) if by_voice else overall
        order = unit_order(overall, units=units)
        fig, ax = plt.subplots(figsize=(8, unit_height(len(order), per_row=0.6, extra=1.6)))
        plot_stance_index(rows, y="unit", hue="voice" if by_voice else None, order=order, ax=ax)
        ax.set_title(f"Stance toward {name}, by {by}" + (" and voice" if by_voice else ""))
        return fig

    return FigureSpec("30_stance_by_outlet", f"Stance toward {name} by {by}", caption, draw)


def _strip_spec(own: pd.DataFrame, units: pd.DataFrame, name: str, by: str) -> FigureSpec:
    from coverage.compare.units import unit_order

    counts = own["stance"].value_counts()
    mean = own.groupby("unit")["stance_net"].mean().rename("estimate").reset_index()
    order = unit_order(mean, units=units)
    caption = (
        f"Every mention of {name}, one dot each: the classifier's P(positive) − P(negative), coloured by "
        f"its predicted class ({', '.join(f'{int(counts.get(c, 0))} {c}' for c in LABELS)}). "
        f"{_sample(own, units, by).split(';')[0]}. Rows are sorted by the mean of the dots, highest first; "
        f"each label gives the {by}'s number of articles (n) and of mentions."
    )

    def draw():
        import matplotlib.pyplot as plt

        fig, ax = plt.subplots(figsize=(8, unit_height(len(order), per_row=0.5, extra=1.6)))
        plot_stance_mentions(own, y="unit", order=order, count_format="{label}, {n} mentions", ax=ax)
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
