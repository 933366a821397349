"""Plots of sentiment and frames by outlet and by position, with intervals.

Plot functions take a comparison table (from
:func:`coverage.measures.sentiment.compare_sentiment`,
:func:`coverage.measures.frames.compare_frames` or
:func:`coverage.compare.intervals.compare_groups`), draw on ``ax`` (a new one when
``None``) and return the Axes. They compute nothing and save nothing; the
bootstrap runs in :func:`figure_specs`, when a figure is drawn.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from coverage.plots.registry import FigureSpec, fit_margins, unit_height, units_of
from coverage.schema import POSITIONS, require_columns

__all__ = ["plot_intervals", "figure_specs"]

#: Labels shown for the kit's measure columns.
LABELS = {
    "textblob_polarity": "TextBlob polarity",
    "vader_compound": "VADER compound",
    "surveillance_per_1k": "surveillance",
    "safety_per_1k": "safety",
    "frame_balance": "balance",
}


def _axes(ax, size=(6, 4)):
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=size)
    return ax


def plot_intervals(
    table: pd.DataFrame,
    *,
    y: str,
    hue: str | None = None,
    x: str = "estimate",
    low: str = "ci_low",
    high: str = "ci_high",
    order: Sequence | None = None,
    ax=None,
):
    """Draw one dot per row at ``x`` with a horizontal interval ``low``..``high``.

    Rows are placed on the ``y`` categories (in ``order``, else sorted); when
    ``hue`` is given, its values are drawn side by side within each category,
    in different colours, with a legend. A row with a missing estimate is not
    drawn; a missing interval draws the dot alone.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> t = pd.DataFrame({"outlet": ["A", "B"], "estimate": [0.1, -0.2],
    ...                   "ci_low": [0.0, -0.3], "ci_high": [0.2, -0.1]})
    >>> ax = plot_intervals(t, y="outlet")
    >>> [tick.get_text() for tick in ax.get_yticklabels()]
    ['A', 'B']
    """
    require_columns(table, [y, x, low, high] + ([hue] if hue else []), func="plot_intervals")
    ax = _axes(ax)
    categories = list(order) if order is not None else sorted(pd.unique(table[y]), key=str)
    hues = list(pd.unique(table[hue])) if hue else [None]
    step = 0.8 / max(len(hues), 1)
    for k, level in enumerate(hues):
        rows = table if level is None else table[table[hue] == level]
        rows = rows[rows[y].isin(categories) & rows[x].notna()]
        pos = rows[y].map({c: i for i, c in enumerate(categories)}).to_numpy(dtype=float)
        pos = pos + (k - (len(hues) - 1) / 2) * step
        est = rows[x].to_numpy(dtype=float)
        lo, hi = rows[low].to_numpy(dtype=float), rows[high].to_numpy(dtype=float)
        err = np.vstack([np.where(np.isnan(lo), 0, est - lo), np.where(np.isnan(hi), 0, hi - est)])
        label = None if level is None else LABELS.get(str(level), str(level))
        ax.errorbar(est, pos, xerr=err, fmt="o", capsize=3, color=f"C{k}", label=label)
    ax.set_yticks(range(len(categories)), [str(c) for c in categories])
    ax.set_ylim(len(categories) - 0.5, -0.5)  # first category on top
    if hue:
        ax.legend(frameon=False, fontsize="small")
    return ax


def _legend_below(ax) -> None:
    if ax.get_legend() is not None:
        # About 0.8 inch under the axes, however tall they are.
        tall = ax.get_position().height * ax.figure.get_figheight()
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -min(0.2, 0.8 / tall)), ncol=2, frameon=False,
                  fontsize="small")


def figure_specs(tables: Mapping[str, pd.DataFrame]) -> list[FigureSpec]:
    """Return the framing figures: sentiment and frames by unit, by position, and by period.

    ``tables`` needs ``"sentence_framing"`` (from
    :func:`coverage.measures.sentence_features.framing_tables`). The unit is
    ``tables["units"]`` (:func:`coverage.compare.units.unit_table`), every
    outlet by default; units are sorted by the measure, highest first, the
    pooled one last. With ``tables["periods"]``
    (:func:`coverage.compare.periods.period_table`) figure 13 shows frames,
    sentiment and stance by period.
    """
    from coverage.compare.units import pooling_note, single_article_note, unit_noun, unit_order, with_units

    sentences = tables["sentence_framing"]
    require_columns(sentences, ["article_id", "position", "n_words", "target"], func="figure_specs")
    units = units_of(tables)
    by = str(units["by"].iloc[0]) if len(units) else "outlet"
    labelled = with_units(sentences, units)
    n_art, n_sent = int(sentences["article_id"].nunique()), len(sentences)
    n_units = int(labelled["unit"].nunique())
    target = labelled["target"].fillna(False).astype(bool)
    has_target = bool(sentences["target"].notna().any())
    pooled = f"{n_art} articles, {n_sent} sentences, {unit_noun(by, int(units['value'].nunique()))}"
    single = single_article_note(units, labels=list(labelled["unit"].unique()))
    note = pooling_note(units)
    sample = pooled + (f"; {single}" if single else "") + "." + (f" {note}" if note else "")
    sample = sample[:-1] if sample.endswith(".") else sample
    bars = (f"Dots are estimates, bars 95% bootstrap intervals (articles resampled where {_a(by)} has several); "
            f"each label gives the {by}'s number of articles.")

    def sentiment_by_outlet():
        from coverage.measures.sentiment import compare_sentiment
        import matplotlib.pyplot as plt

        table = compare_sentiment(labelled, by="unit")
        order = unit_order(table[table["measure"] == "vader_compound"], units=units)
        fig, axes = plt.subplots(1, 2, figsize=(10, unit_height(n_units, per_row=0.5)), sharey=True)
        fit_margins(fig, bottom=0.7)
        for ax, measure in zip(axes, ("textblob_polarity", "vader_compound")):
            plot_intervals(table[table["measure"] == measure], y="unit", order=order, ax=ax)
            ax.axvline(0, color="grey", lw=0.8)
            ax.set_xlabel(f"{LABELS[measure]} (word-weighted sentence mean)")
        fig.suptitle(f"Sentiment by {by}")
        return fig

    def frames_by_outlet():
        from coverage.measures.frames import compare_frames
        import matplotlib.pyplot as plt

        parts = [compare_frames(labelled, by="unit").assign(scope="whole article")]
        if has_target and target.any():
            parts.append(compare_frames(labelled, by="unit", mentions=labelled.loc[target, ["article_id", "sentence_id"]])
                         .assign(scope="target sentences"))
        table = pd.concat(parts, ignore_index=True)
        table["series"] = table["measure"].map(LABELS) + ", " + table["scope"]
        order = unit_order(table[(table["measure"] == "frame_balance") & (table["scope"] == "whole article")],
                           units=units)
        fig, (left, right) = plt.subplots(1, 2, figsize=(11, unit_height(n_units, per_row=0.6, extra=2.2)), sharey=True)
        fit_margins(fig, bottom=1.3)  # room for the legends below
        plot_intervals(table[table["measure"] != "frame_balance"], y="unit", hue="series", order=order, ax=left)
        left.set_xlabel("frame terms per 1,000 words")
        _legend_below(left)
        plot_intervals(table[table["measure"] == "frame_balance"], y="unit", hue="scope", order=order, ax=right)
        _legend_below(right)
        right.axvline(0, color="grey", lw=0.8)
        right.set_xlim(-1.1, 1.1)
        right.set_xlabel("balance (surveillance − safety) / (surveillance + safety)")
        fig.suptitle(f"Surveillance versus safety by {by}")
        return fig

    def by_position():
        from coverage.measures.frames import compare_frames
        from coverage.measures.sentiment import compare_sentiment
        import matplotlib.pyplot as plt

        present = [p for p in POSITIONS if p in set(sentences["position"])]
        senti = compare_sentiment(sentences, by="position")
        frames = compare_frames(sentences, by="position")
        fig, (left, right) = plt.subplots(1, 2, figsize=(11, 3.2), sharey=True)
        plot_intervals(senti, y="position", hue="measure", order=present, ax=left)
        left.axvline(0, color="grey", lw=0.8)
        left.set_xlabel("sentiment (word-weighted sentence mean)")
        _legend_below(left)
        plot_intervals(frames[frames["measure"] != "frame_balance"], y="position", hue="measure",
                       order=present, ax=right)
        right.set_xlabel("frame terms per 1,000 words")
        _legend_below(right)
        fig.suptitle("Sentiment and frames by position in the article")
        return fig

    target_note = (f"over whole articles and over only the {int(target.sum())} sentences that mention "
                   "the target (target-scoped)" if has_target
                   else "over whole articles (no target mentions were given)")
    specs = [
        FigureSpec(
            "10_sentiment_by_outlet", f"Sentiment by {by}",
            f"Mean sentence sentiment per {by}, each sentence weighted by its words: TextBlob polarity "
            "(left) and VADER compound (right), both -1..+1; they agree with human ratings of news "
            f"sentences only moderately (see coverage.measures.human_ratings). Sorted by VADER, highest first. "
            f"{bars} {sample}.",
            sentiment_by_outlet),
        FigureSpec(
            "11_frames_by_outlet", f"Surveillance versus safety by {by}",
            "Terms of the surveillance and safety lexicons (coverage/data/frames.yaml) per 1,000 words "
            "(left) and the balance (surveillance - safety) / (surveillance + safety) of term counts, "
            f"+1 = only surveillance terms, -1 = only safety terms (right), {target_note}. Sorted by the "
            f"whole-article balance, highest first; {_a(by)} without any frame term has no balance dot. "
            f"{bars} {sample}.",
            frames_by_outlet),
        FigureSpec(
            "12_by_position", "Sentiment and frames by position",
            "Word-weighted mean sentence sentiment (left) and frame terms per 1,000 words (right) in "
            "headlines, ledes and bodies, all outlets pooled; articles are resampled within each "
            f"position. Dots are estimates, bars 95% bootstrap intervals. {pooled}.",
            by_position),
    ]
    periods = tables.get("periods")
    if periods is not None and periods["period"].notna().any():
        specs.append(_period_spec(sentences, periods, tables.get("mentions")))
    return specs


def _period_spec(sentences: pd.DataFrame, periods: pd.DataFrame, mentions: pd.DataFrame | None) -> FigureSpec:
    from coverage.compare.measures import compare_measures

    dated = periods[periods["period"].notna()]
    counts = dated.groupby("period")["article_id"].nunique()
    rank = dated.groupby("period")["period_rank"].min()
    label = {p: f"{p} (n={int(counts[p])})" for p in counts.index}
    groups = dated.assign(period=dated["period"].map(label))
    order = [label[p] for p in sorted(rank.index, key=lambda p: (rank[p], p))]
    undated = int(periods["period"].isna().sum())
    kind = str(periods["kind"].iloc[0]) if "kind" in periods.columns else "period"
    stance = mentions is not None and "stance_score" in mentions.columns
    panels = [("frame_balance", "frame balance (surveillance − safety) / (S + F)"),
              ("vader_compound", "VADER compound (word-weighted)")] + (
        [("stance_index", "stance index (positive − negative) / mentions")] if stance else [])
    single = int((counts == 1).sum())

    def draw():
        import matplotlib.pyplot as plt

        table = compare_measures(sentences, groups=groups, by="period", mentions=mentions if stance else None)
        fig, axes = plt.subplots(1, len(panels), figsize=(4.2 * len(panels), unit_height(len(order), per_row=0.5)),
                                 sharey=True, squeeze=False)
        fit_margins(fig, bottom=0.7)
        for ax, (measure, xlabel) in zip(axes[0], panels):
            plot_intervals(table[table["measure"] == measure], y="period", order=order, ax=ax)
            ax.axvline(0, color="grey", lw=0.8)
            ax.set_xlim(-1.05, 1.05)
            ax.set_xlabel(xlabel, fontsize="small")
        fig.suptitle(("Frames, sentiment and stance" if stance else "Frames and sentiment") + " by period of the story")
        return fig

    what = {"week": "calendar weeks (named by their Monday)", "month": "calendar months"}.get(
        kind, "the story phases of the periods file (data/periods.csv: name, start, end)")
    caption = ("Frame balance, VADER sentiment" + (" and the stance index toward the target" if stance else "")
               + f" per period, {what}, earliest first, with 95% bootstrap intervals (articles resampled "
               f"within a period); each label gives the period's number of articles. {int(counts.sum())} dated "
               f"articles in {len(order)} periods"
               + (f"; {single} period(s) rest on a single article, whose interval resamples its sentences" if single else "")
               + "." + (f" {undated} undated article{'s' * (undated != 1)} {'are' if undated != 1 else 'is'} left out."
                        if undated else ""))
    return FigureSpec("13_by_period", "Frames, sentiment and stance by period", caption, draw)


def _a(noun: str) -> str:
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"
