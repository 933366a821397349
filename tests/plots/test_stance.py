"""Tests of coverage.plots.stance: what is drawn, not how it looks."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from coverage.plots.stance import STANCE_COLORS, figure_specs, plot_stance_index, plot_stance_mentions

MENTIONS = pd.DataFrame({
    "article_id": ["a1", "a1", "a1", "a2", "b1", "b1"],
    "outlet": ["A", "A", "A", "A", "B", "B"],
    "group": ["target", "target", "affiliate", "target", "target", "target"],
    "target": "amazon",
    "stance": ["negative", "neutral", "positive", "negative", "positive", "negative"],
    "stance_net": [-0.8, 0.05, 0.7, -0.5, 0.6, -0.3],
})

SUMMARY = pd.DataFrame({
    "split": ["outlet", "outlet", "voice", "voice", "voice"],
    "outlet": ["A", "B", "A", "A", "B"],
    "voice": [None, None, "author", "quoted", "author"],
    "estimate": [-0.67, 0.0, -0.5, -1.0, 0.0],
    "ci_low": [-1.0, -1.0, -1.0, np.nan, -1.0],
    "ci_high": [0.0, 1.0, 0.0, np.nan, 1.0],
    "n_articles": [2, 1, 2, 1, 1],
    "n_units": [3, 2, 2, 1, 2],
})


def test_stance_index_one_point_per_row_with_voice_legend():
    rows = SUMMARY[SUMMARY["split"] == "voice"]
    ax = plot_stance_index(rows)
    points = [line for line in ax.get_lines() if line.get_marker() == "o"]
    xs = sorted(float(x) for line in points for x in line.get_xdata())
    assert xs == [-1.0, -0.5, 0.0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["A", "B"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["journalist's own sentences",
                                                                 "quoted sentences"]
    assert tuple(map(float, ax.get_xlim())) == (-1.05, 1.05)
    assert "positive − negative" in ax.get_xlabel()


def test_stance_index_without_hue_draws_on_given_axes():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    out = plot_stance_index(SUMMARY[SUMMARY["split"] == "outlet"], hue=None, ax=ax)
    assert out is ax
    points = [line for line in ax.get_lines() if line.get_marker() == "o"]
    assert sorted(float(x) for line in points for x in line.get_xdata()) == [-0.67, 0.0]
    assert ax.get_legend() is None


def test_strip_chart_one_dot_per_mention_coloured_by_class():
    ax = plot_stance_mentions(MENTIONS)
    total = sum(len(c.get_offsets()) for c in ax.collections)
    assert total == len(MENTIONS)
    by_label = {c.get_label(): c for c in ax.collections}
    assert sorted(by_label) == ["negative", "neutral", "positive"]
    assert sorted(by_label["negative"].get_offsets()[:, 0].tolist()) == [-0.8, -0.5, -0.3]
    assert matplotlib.colors.to_hex(by_label["positive"].get_facecolor()[0]) == STANCE_COLORS["positive"].lower()
    assert [t.get_text() for t in ax.get_yticklabels()] == ["A (n=4)", "B (n=2)"]


def test_strip_chart_jitter_is_seeded_and_stays_in_its_row():
    def offsets(seed):
        ax = plot_stance_mentions(MENTIONS, seed=seed)
        return np.vstack([c.get_offsets() for c in ax.collections])

    first, again = offsets(0), offsets(0)
    assert np.array_equal(first, again)
    rows = np.round(first[:, 1])
    assert (np.abs(first[:, 1] - rows) <= 0.25).all()
    assert sorted(rows.tolist()) == [0, 0, 0, 0, 1, 1]


def test_strip_chart_order_and_missing_values():
    data = MENTIONS.assign(stance_net=[np.nan, 0.05, 0.7, -0.5, 0.6, -0.3])
    ax = plot_stance_mentions(data, order=["B", "A"])
    assert [t.get_text() for t in ax.get_yticklabels()] == ["B (n=2)", "A (n=3)"]
    assert sum(len(c.get_offsets()) for c in ax.collections) == 5


def test_missing_column_names_the_function():
    with pytest.raises(ValueError, match=r"plot_stance_mentions\(\) needs column 'stance_net'"):
        plot_stance_mentions(MENTIONS.drop(columns="stance_net"))


def test_figure_specs_names_captions_and_drawings():
    specs = figure_specs({"stance_summary": SUMMARY, "mentions": MENTIONS})
    assert [s.name for s in specs] == ["30_stance_by_outlet", "31_stance_mentions"]
    index, strip = specs
    # target mentions only: 5 mentions in 3 articles from 2 outlets; B rests on one article
    assert "5 mentions in 3 articles from 2 outlets" in index.caption
    assert "1 of the 2 outlets rest on a single article" in index.caption
    assert "split by voice" in index.caption and "Amazon" in index.caption
    assert "3 negative, 1 neutral, 1 positive" in strip.caption
    fig = index.draw()
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["journalist's own sentences", "quoted sentences"]
    fig = strip.draw()
    assert sum(len(c.get_offsets()) for c in fig.axes[0].collections) == 5  # the leader's mention is left out


def test_figure_specs_without_voice_shows_one_index_per_outlet():
    summary = SUMMARY[SUMMARY["split"] == "outlet"].drop(columns="voice")
    index = figure_specs({"stance_summary": summary, "mentions": MENTIONS})[0]
    assert "split by voice" not in index.caption
    ax = index.draw().axes[0]
    assert ax.get_legend() is None
    # Sorted by the index, highest first; labels carry the articles.
    assert [t.get_text() for t in ax.get_yticklabels()] == ["B (n=1)", "A (n=2)"]


@pytest.mark.parametrize("tables", [{}, {"mentions": MENTIONS}, {"stance_summary": SUMMARY,
                                                                 "mentions": MENTIONS.iloc[:0]}])
def test_figure_specs_without_the_tables_make_no_figure(tables):
    assert figure_specs(tables) == []
