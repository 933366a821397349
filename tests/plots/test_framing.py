"""Tests of coverage.plots.framing: what is drawn, and the figure specs."""

from __future__ import annotations

import warnings

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd
import pytest

from coverage.measures.sentence_features import framing_tables
from coverage.plots.framing import figure_specs, plot_intervals


def _dots(ax):
    """(x, y) of every dot drawn by errorbar, per container."""
    return [np.column_stack(c.lines[0].get_data()) for c in ax.containers]


def test_plot_intervals_draws_one_dot_and_bar_per_row():
    t = pd.DataFrame({"outlet": ["B", "A"], "estimate": [0.5, -0.2],
                      "ci_low": [0.1, -0.4], "ci_high": [0.9, 0.0]})
    ax = plot_intervals(t, y="outlet")
    assert [tick.get_text() for tick in ax.get_yticklabels()] == ["A", "B"]
    (dots,) = _dots(ax)
    assert dots.tolist() == [[0.5, 1.0], [-0.2, 0.0]]  # B on row 1, A on row 0
    segments = ax.containers[0].lines[2][0].get_segments()
    assert np.array([s[:, 0] for s in segments]) == pytest.approx(np.array([[0.1, 0.9], [-0.4, 0.0]]))
    assert ax.get_legend() is None


def test_plot_intervals_dodges_hue_and_labels_legend():
    t = pd.DataFrame({"position": ["headline", "body", "headline", "body"],
                      "measure": ["textblob_polarity", "textblob_polarity", "vader_compound", "vader_compound"],
                      "estimate": [0.1, 0.2, 0.3, np.nan], "ci_low": [0.0, 0.1, 0.2, np.nan],
                      "ci_high": [0.2, 0.3, 0.4, np.nan]})
    ax = plot_intervals(t, y="position", hue="measure", order=["headline", "body"])
    first, second = _dots(ax)
    assert first.tolist() == [[0.1, -0.2], [0.2, 0.8]]
    assert second.tolist() == [[0.3, 0.2]]  # the missing estimate is not drawn
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["TextBlob polarity", "VADER compound"]
    assert ax.get_ylim() == (1.5, -0.5)  # first category on top


def test_plot_intervals_missing_interval_draws_dot_alone():
    t = pd.DataFrame({"g": ["x"], "estimate": [2.0], "ci_low": [np.nan], "ci_high": [np.nan]})
    ax = plot_intervals(t, y="g")
    segment = ax.containers[0].lines[2][0].get_segments()[0]
    assert segment[:, 0].tolist() == [2.0, 2.0]


def test_plot_intervals_checks_columns():
    with pytest.raises(ValueError, match=r"plot_intervals\(\) needs column 'ci_low'"):
        plot_intervals(pd.DataFrame({"g": ["x"], "estimate": [1.0], "ci_high": [1.0]}), y="g")


@pytest.fixture(scope="module")
def tables(shipped_corpus, shipped_sentences):
    hit = shipped_sentences["text"].str.contains(r"\bAmazon", regex=True)
    mentions = shipped_sentences.loc[hit, ["article_id", "sentence_id"]]
    return framing_tables(shipped_corpus, shipped_sentences, mentions=mentions)


def test_figure_specs_names_and_captions(tables, shipped_sentences):
    specs = figure_specs(tables)
    assert [s.name for s in specs] == ["10_sentiment_by_outlet", "11_frames_by_outlet", "12_by_position"]
    n_sent = len(shipped_sentences)
    n_target = int(tables["sentence_framing"]["target"].sum())
    for spec in specs:
        assert f"5 articles, {n_sent} sentences, 5 outlets" in spec.caption
    assert "5 of 5 outlets rest on a single article" in specs[0].caption
    assert f"the {n_target} sentences that mention the target" in specs[1].caption


def test_figures_draw_what_the_tables_say(tables):
    specs = {s.name: s for s in figure_specs(tables)}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # single-article warnings are tested in test_compare
        sentiment = specs["10_sentiment_by_outlet"].draw()
        frames = specs["11_frames_by_outlet"].draw()
        position = specs["12_by_position"].draw()
    left, right = sentiment.axes
    assert [len(d) for d in _dots(left)] == [5] and [len(d) for d in _dots(right)] == [5]
    # VADER dots are the word-weighted means of the sentence table, rows sorted by them, highest first
    sent = tables["sentence_framing"]
    expected = sent.groupby("outlet").apply(lambda g: np.average(g["vader_compound"], weights=g["n_words"]),
                                            include_groups=False).sort_values(ascending=False)
    assert [t.get_text() for t in left.get_yticklabels()] == [f"{o} (n=1)" for o in expected.index]
    dots = _dots(right)[0]
    assert dots[np.argsort(dots[:, 1]), 0] == pytest.approx(expected.to_numpy())

    rates, balance = frames.axes[:2]
    # 2 frames x 2 scopes on the left; whole/target balance on the right
    assert len(rates.containers) == 4 and len(balance.containers) == 2
    assert [t.get_text() for t in rates.get_legend().get_texts()] == [
        "surveillance, whole article", "safety, whole article",
        "surveillance, target sentences", "safety, target sentences"]
    # balance dots only where an outlet has frame terms
    whole_balance = _dots(balance)[0][:, 0]
    assert np.all((whole_balance >= -1) & (whole_balance <= 1)) and len(whole_balance) == 5

    senti_pos, frames_pos = position.axes[:2]
    assert [t.get_text() for t in senti_pos.get_yticklabels()] == ["headline", "lede", "body"]
    assert len(frames_pos.containers) == 2
