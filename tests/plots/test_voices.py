"""Tests of coverage.plots.voices: what the voice figures draw."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from coverage.voices.roles import ROLES
from coverage.errors import CorpusWarning
from coverage.plots.voices import (
    ROLE_COLORS,
    figure_specs,
    plot_by_voice,
    plot_voice_ledger,
)

LEDGER = pd.DataFrame({
    "outlet": ["B", "B", "A", "A", "C"],
    "role": ["company", "employees", "company", "unattributed", "company"],
    "quoted_word_share": [0.4, 0.6, 0.9, 0.1, np.nan],
})


def test_plot_voice_ledger_stacks_one_bar_per_outlet():
    ax = plot_voice_ledger(LEDGER)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["A", "B", "C"]
    # one bar per outlet and role, roles in the order of ROLES
    assert len(ax.patches) == 3 * len(ROLES)
    widths = np.array([p.get_width() for p in ax.patches]).reshape(len(ROLES), 3)
    company, employees = widths[ROLES.index("company")], widths[ROLES.index("employees")]
    assert company.tolist() == pytest.approx([0.9, 0.4, 0.0])  # C quotes no one: nothing drawn
    assert employees.tolist() == pytest.approx([0.0, 0.6, 0.0])
    # employees start where the company's share ends
    lefts = np.array([p.get_x() for p in ax.patches]).reshape(len(ROLES), 3)
    assert lefts[ROLES.index("employees")].tolist() == pytest.approx([0.9, 0.4, 0.0])
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [r.replace("_", " ") for r in ROLES]


def test_plot_voice_ledger_colours_and_axes():
    import matplotlib.colors as mcolors
    import matplotlib.pyplot as plt

    _, ax = plt.subplots()
    assert plot_voice_ledger(LEDGER, hue_order=["company"], ax=ax) is ax
    assert {mcolors.to_hex(p.get_facecolor()) for p in ax.patches} == {ROLE_COLORS["company"].lower()}


def test_plot_by_voice_draws_author_first():
    table = pd.DataFrame({"outlet": ["A", "A", "B", "B"], "voice": ["quoted", "author", "author", "quoted"],
                          "estimate": [-0.2, 0.1, 0.0, 0.3], "ci_low": [-0.3, 0.0, -0.1, 0.2],
                          "ci_high": [-0.1, 0.2, 0.1, 0.4]})
    ax = plot_by_voice(table)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["journalist's own sentences", "quoted sentences"]
    dots = [c.lines[0].get_xdata().tolist() for c in ax.containers]
    assert dots == [pytest.approx([0.1, 0.0]), pytest.approx([-0.2, 0.3])]


def test_plot_by_voice_checks_columns():
    with pytest.raises(ValueError, match=r"plot_by_voice\(\) needs column 'voice'"):
        plot_by_voice(pd.DataFrame({"outlet": ["A"], "estimate": [0.1], "ci_low": [0], "ci_high": [1]}))


def _tables():
    quotes = pd.DataFrame({"article_id": ["a", "b"], "kind": ["full", "partial"]})
    ledger = pd.DataFrame({"outlet": ["X", "X", "Y"], "role": ["company", "employees", "company"],
                           "quoted_word_share": [0.5, 0.5, 1.0], "n_articles": [1, 1, 1]})
    rng = np.random.default_rng(0)
    framing = pd.DataFrame({
        "article_id": ["a"] * 4 + ["b"] * 4, "sentence_id": list(range(4)) * 2, "outlet": ["X"] * 4 + ["Y"] * 4,
        "n_words": [10] * 8, "textblob_polarity": rng.uniform(-1, 1, 8), "vader_compound": rng.uniform(-1, 1, 8),
    })
    sentences = framing[["article_id", "sentence_id"]].assign(voice=["author", "quoted"] * 4)
    return {"quotes": quotes, "voice_ledger": ledger, "sentence_framing": framing, "sentences": sentences}


def test_figure_specs_names_captions_and_drawings():
    specs = figure_specs(_tables())
    assert [s.name for s in specs] == ["20_voice_ledger", "21_sentiment_by_voice"]
    assert "2 quotations (1 full, 1 partial) in 2 articles from 2 outlets" in specs[0].caption
    assert "8 sentences (4 own, 4 quoted) in 2 articles from 2 outlets" in specs[1].caption
    ledger_fig = specs[0].draw()
    assert len(ledger_fig.axes[0].patches) == 2 * len(ROLES)
    with pytest.warns(CorpusWarning):  # each outlet rests on one article
        sentiment_fig = specs[1].draw()
    assert [ax.get_xlabel().split(" (")[0] for ax in sentiment_fig.axes] == ["TextBlob polarity", "VADER compound"]
    # two outlets x two voices: one dot each, per measure
    assert [sum(len(c.lines[0].get_xdata()) for c in ax.containers) for ax in sentiment_fig.axes] == [4, 4]


def test_figure_specs_without_voices_leaves_figure_21_out():
    tables = _tables()
    del tables["sentences"]
    with pytest.warns(CorpusWarning, match="21_sentiment_by_voice left out"):
        specs = figure_specs(tables)
    assert [s.name for s in specs] == ["20_voice_ledger"]
