"""Plots of who is quoted and of how the journalist's own voice differs from the quoted one.

Plot functions take a table and column names, draw on ``ax`` (a new one when
``None``) and return the Axes; they compute nothing heavy and save nothing.
:func:`figure_specs` builds the figures ``20_voice_ledger`` and
``21_sentiment_by_voice`` for ``media-coverage figures``.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from coverage.voices.roles import ROLES
from coverage.errors import CorpusWarning
from coverage.plots.registry import FigureSpec, fit_margins, unit_height, units_of
from coverage.schema import require_columns
from coverage.voices.ledger import VOICES, voice_ledger

__all__ = ["ROLE_COLORS", "VOICE_LABELS", "plot_voice_ledger", "plot_by_voice", "figure_specs"]

#: One colour per role (Okabe-Ito, readable by colour-blind readers); grey for no speaker.
ROLE_COLORS = {
    "company": "#E69F00",
    "employees": "#0072B2",
    "civil_rights": "#009E73",
    "government": "#D55E00",
    "media": "#CC79A7",
    "other": "#56B4E9",
    "unattributed": "#BBBBBB",
}
#: How the two voices are named in legends.
VOICE_LABELS = {"author": "journalist's own sentences", "quoted": "quoted sentences"}


def _axes(ax, size=(7, 3.5)):
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=size)
    return ax


def plot_voice_ledger(ledger: pd.DataFrame, *, y: str = "outlet", x: str = "quoted_word_share",
                      hue: str = "role", hue_order: Sequence[str] = ROLES, order: Sequence | None = None, ax=None):
    """Draw one stacked horizontal bar per outlet (or unit ``y``, in ``order``): the share of quoted words by role.

    A missing share (an outlet that quotes no one) draws nothing for it.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> t = pd.DataFrame({"outlet": ["A", "A"], "role": ["company", "employees"],
    ...                   "quoted_word_share": [0.25, 0.75]})
    >>> [float(p.get_width()) for p in plot_voice_ledger(t, hue_order=["company", "employees"]).patches]
    [0.25, 0.75]
    """
    require_columns(ledger, [y, x, hue], func="plot_voice_ledger")
    ax = _axes(ax)
    outlets = list(order) if order is not None else sorted(pd.unique(ledger[y]), key=str)
    shares = ledger.pivot_table(index=y, columns=hue, values=x, aggfunc="sum", dropna=False)
    shares = shares.reindex(index=outlets, columns=list(hue_order)).astype(float)
    left = np.zeros(len(outlets))
    for role in hue_order:
        width = shares[role].to_numpy()
        drawn = np.nan_to_num(width)
        ax.barh(range(len(outlets)), drawn, left=left, color=ROLE_COLORS.get(role), label=role.replace("_", " "),
                height=0.7)
        left += drawn
    ax.set_yticks(range(len(outlets)), [str(o) for o in outlets])
    ax.set_ylim(len(outlets) - 0.5, -0.5)  # first outlet on top
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of quoted words")
    ax.legend(frameon=False, fontsize="small", loc="center left", bbox_to_anchor=(1.01, 0.5))
    return ax


def plot_by_voice(table: pd.DataFrame, *, y: str = "outlet", hue: str = "voice", x: str = "estimate",
                  low: str = "ci_low", high: str = "ci_high", order: Sequence | None = None, ax=None):
    """Draw an estimate with its interval per outlet, one colour per voice.

    Takes the output of :func:`coverage.measures.sentiment.compare_sentiment` with
    ``by=["outlet", "voice"]`` (one measure). The journalist's voice is drawn
    first, then the quoted voice.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> t = pd.DataFrame({"outlet": ["A", "A"], "voice": ["quoted", "author"], "estimate": [-0.2, 0.1],
    ...                   "ci_low": [-0.3, 0.0], "ci_high": [-0.1, 0.2]})
    >>> [text.get_text() for text in plot_by_voice(t).get_legend().get_texts()]
    ["journalist's own sentences", 'quoted sentences']
    """
    from coverage.plots.framing import plot_intervals

    require_columns(table, [y, hue, x, low, high], func="plot_by_voice")
    rank = {v: i for i, v in enumerate(VOICES)}
    ordered = table.sort_values(hue, key=lambda s: s.map(rank).fillna(len(rank)), kind="stable")
    ordered = ordered.assign(**{hue: ordered[hue].map(lambda v: VOICE_LABELS.get(v, v))})
    ax = plot_intervals(ordered, y=y, hue=hue, x=x, low=low, high=high, order=order, ax=_axes(ax))
    ax.axvline(0, color="grey", lw=0.8)
    return ax


def figure_specs(tables: Mapping[str, pd.DataFrame]) -> list[FigureSpec]:
    """Return the voice figures: ``20_voice_ledger`` and ``21_sentiment_by_voice``.

    ``tables`` needs ``"quotes"`` and the articles (``"articles"`` or
    ``"corpus"``) for figure 20, whose ledger is counted per unit of
    ``tables["units"]`` (:func:`coverage.compare.units.unit_table`; every
    outlet by default). Figure 21 needs the per-sentence sentiment table
    ``"sentence_framing"`` (columns ``article_id, sentence_id, n_words,
    textblob_polarity, vader_compound``) and the voices, either as a
    ``voice`` column there or in ``"sentences"`` (from
    :func:`coverage.voices.ledger.quote_tables`); without them figure 21 is
    left out with a warning.
    """
    specs = []
    units = _units(tables)
    if "quotes" in tables and ("voice_ledger" in tables or "articles" in tables or "corpus" in tables):
        specs.append(_ledger_spec(tables["quotes"], units, ledger=tables.get("voice_ledger")))
    scored = _scored_with_voice(tables)
    if scored is not None:
        specs.append(_sentiment_spec(scored, units))
    return specs


def _units(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    from coverage.compare.units import unit_table

    try:
        return units_of(tables)
    except ValueError:
        ledger = tables.get("voice_ledger")
        if ledger is None or not {"outlet", "n_articles"} <= set(ledger.columns):
            raise
    # Only the ledger: its n_articles say how many articles each outlet has.
    per_outlet = ledger.drop_duplicates("outlet")
    rows = [(f"{o}#{i}", o) for o, n in zip(per_outlet["outlet"], per_outlet["n_articles"]) for i in range(int(n))]
    return unit_table(pd.DataFrame(rows, columns=["article_id", "outlet"]), by="outlet")


def _ledger_spec(quotes: pd.DataFrame, units: pd.DataFrame, *, ledger: pd.DataFrame | None = None) -> FigureSpec:
    from coverage.compare.units import pooling_note, unit_noun, unit_order

    by = str(units["by"].iloc[0])
    if ledger is not None and by == "outlet" and not units["pooled"].any():
        # The run's ledger is per outlet already: label its rows.
        require_columns(ledger, ["outlet", "role", "quoted_word_share", "n_articles"], func="figure_specs")
        label = units.drop_duplicates("value").set_index("value")["unit"]
        ledger = ledger.assign(unit=ledger["outlet"].astype(str).map(label))
    else:
        # The ledger counts per "outlet": here, per unit label.
        ledger = voice_ledger(quotes, units[["article_id", "unit"]].rename(columns={"unit": "outlet"}))
        ledger = ledger.rename(columns={"outlet": "unit"})
    first_role = ledger[ledger["role"] == ROLES[0]].rename(columns={"quoted_word_share": "estimate"})
    order = unit_order(first_role, units=units)
    n_quotes = len(quotes)
    n_full = int((quotes["kind"] == "full").sum()) if "kind" in quotes.columns else n_quotes
    note = pooling_note(units)
    caption = (
        f"Share of the words inside quotation marks that each {by} gives to each kind of speaker "
        "(company, employees, civil-rights groups, government, other media, other sources, or no speaker "
        f"named), sorted by the company's share, highest first; each label gives the {by}'s number of articles. "
        f"{n_quotes} quotations ({n_full} full, {n_quotes - n_full} partial) in {units['article_id'].nunique()} "
        f"articles from {unit_noun(by, units['value'].nunique())}. Speakers and roles come from the kit's "
        "rule-based extractor and its editable roles file (coverage/data/roles.yaml); paraphrase without quote "
        "marks is not counted." + (f" {note}" if note else "")
    )

    def draw():
        import matplotlib.pyplot as plt

        fig, ax = plt.subplots(figsize=(8, unit_height(len(order), per_row=0.45, extra=1.6)))
        plot_voice_ledger(ledger, y="unit", order=order, ax=ax)
        ax.set_title(f"Whose words each {by} quotes")
        return fig

    return FigureSpec("20_voice_ledger", "Voice ledger: quoted words by speaker role", caption, draw)


def _scored_with_voice(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame | None:
    scored = tables.get("sentence_framing")
    voiced = tables.get("sentences")
    if scored is None:
        return None
    if "voice" not in scored.columns:
        if voiced is None or "voice" not in voiced.columns:
            warnings.warn("figure 21_sentiment_by_voice left out: no 'voice' column in the sentence tables; "
                          "run the quotes stage before the framing stage", CorpusWarning, stacklevel=3)
            return None
        scored = scored.merge(voiced[["article_id", "sentence_id", "voice"]], on=["article_id", "sentence_id"],
                              how="left", validate="one_to_one")
    require_columns(scored, ["article_id", "n_words", "voice", "textblob_polarity", "vader_compound"],
                    func="figure_specs")
    return scored


def _sentiment_spec(scored: pd.DataFrame, units: pd.DataFrame) -> FigureSpec:
    from coverage.compare.units import pooling_note, single_article_note, unit_noun, unit_order, with_units

    by = str(units["by"].iloc[0])
    scored = with_units(scored, units)
    counts = scored["voice"].value_counts()
    single = single_article_note(units, labels=list(scored["unit"].unique()))
    note = pooling_note(units)
    caption = (
        "Mean sentence sentiment (TextBlob polarity and VADER compound, each sentence weighted by its words) "
        "of the journalist's own sentences and of quoted sentences (more than half of the sentence inside "
        f"quotation marks), per {by}, with 95% bootstrap intervals; sorted by the VADER score of the "
        f"journalist's own sentences, highest first, each label giving the {by}'s number of articles. "
        f"{len(scored)} sentences ({int(counts.get('author', 0))} own, {int(counts.get('quoted', 0))} quoted) "
        f"in {scored['article_id'].nunique()} articles from {unit_noun(by, units['value'].nunique())}"
        + (f"; {single}" if single else "")
        + ". Lexicon scores measure the tone of the wording, not the outlet's stance." + (f" {note}" if note else "")
    )

    def draw():
        import matplotlib.pyplot as plt

        from coverage.measures.sentiment import compare_sentiment

        table = compare_sentiment(scored.dropna(subset=["voice"]), by=["unit", "voice"])
        own = table[(table["measure"] == "vader_compound") & (table["voice"] == "author")]
        order = unit_order(own, units=units)
        fig, axes = plt.subplots(1, 2, figsize=(10, unit_height(len(order), per_row=0.6, extra=1.8)), sharey=True)
        fit_margins(fig, bottom=0.7)
        for ax, measure, label in zip(axes, ("textblob_polarity", "vader_compound"),
                                      ("TextBlob polarity", "VADER compound")):
            plot_by_voice(table[table["measure"] == measure], y="unit", order=order, ax=ax)
            ax.set_xlabel(f"{label} (word-weighted sentence mean)")
        axes[1].get_legend().remove()
        fig.suptitle("Sentiment of the journalist's voice and of the quoted voice")
        return fig

    return FigureSpec("21_sentiment_by_voice", f"Sentiment by {by}, split by voice", caption, draw)
