"""Corpus plots are tested on what they draw."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from coverage.plots.corpus import figure_specs, plot_length, plot_timeline


@pytest.fixture
def articles():
    return pd.DataFrame({
        "published": pd.to_datetime(["2018-06-22", "2018-06-25", "2018-11-05"]),
        "outlet": ["Forbes", "Tech Observer", "Forbes"],
        "date_estimated": [True, True, False],
        "n_words": [433, 453, 800],
        "syndicated": [False, True, False],
    })


def test_timeline_draws_one_dot_per_article(articles):
    ax = plot_timeline(articles, marked="syndicated")
    confirmed, estimated, marked = ax.collections
    assert len(confirmed.get_offsets()) == 1 and len(estimated.get_offsets()) == 2
    assert np.asarray(marked.get_offsets())[:, 1].tolist() == [1.0]  # Tech Observer row
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Forbes", "Tech Observer"]


def test_length_bars_are_the_mean_of_each_outlet(articles):
    # A mean, not a sum, so that a unit of many articles (or the pooled "other") is comparable.
    ax = plot_length(articles)
    assert sorted(p.get_width() for p in ax.patches) == [453, (433 + 800) / 2]


def test_plot_functions_check_columns(articles):
    with pytest.raises(ValueError, match=r"plot_length\(\) needs column 'words'"):
        plot_length(articles, x="words")


def test_figure_specs_caption_states_sample(articles):
    specs = figure_specs({"articles": articles})
    assert [s.name for s in specs] == ["01_timeline", "02_length_by_outlet", "03_volume"]
    assert "(2 of 3). 3 articles from 2 outlets." in specs[0].caption
    fig = specs[0].draw()
    assert fig.axes[0].get_title() == "Coverage timeline by outlet"
    # Rows carry their articles, earliest first.
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["Forbes (n=2)", "Tech Observer (n=1)"]
    # Two articles in June 2018 and one in November: six months of bars, 3 articles in all.
    volume = specs[2].draw().axes[0]
    assert sum(p.get_height() for p in volume.patches) == 3 and len(volume.patches) == 2 * 6


def test_undated_articles_are_left_out_of_the_time_figures_and_counted(articles):
    undated = articles.assign(published=pd.to_datetime(["2018-06-22", None, None]))
    specs = {s.name: s for s in figure_specs({"articles": undated})}
    assert "2 undated articles are left out." in specs["01_timeline"].caption
    assert "2 undated articles are left out." in specs["03_volume"].caption
    ax = specs["01_timeline"].draw().axes[0]
    assert sum(len(c.get_offsets()) for c in ax.collections[:2]) == 1
    # Nothing dated: no volume figure at all.
    none = {s.name for s in figure_specs({"articles": articles.assign(published=pd.NaT)})}
    assert none == {"01_timeline", "02_length_by_outlet"}
