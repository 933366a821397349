"""Outlet plots are tested on what they draw."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from coverage.plots.outlets import figure_specs, plot_distinctive_words, plot_passages, plot_reuse_heatmap


@pytest.fixture
def keyness_table():
    return pd.DataFrame({
        "outlet": ["X"] * 4 + ["Y"] * 2,
        "word": ["ice", "police", "letter", "the", "ice", "cloud"],
        "z": [0.5, 2.0, 1.0, -1.0, -0.5, 3.0],
    })


def test_distinctive_words_draws_top_positive_words_longest_first(keyness_table):
    ax = plot_distinctive_words(keyness_table, group="X", top=2)
    assert [p.get_width() for p in ax.patches] == [2.0, 1.0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["police", "letter"]
    assert ax.yaxis_inverted() and ax.get_title() == "X" and ax.get_xlabel() == "z"


def test_distinctive_words_leaves_out_negative_scores(keyness_table):
    ax = plot_distinctive_words(keyness_table, group="X", top=10)
    assert len(ax.patches) == 3


def test_distinctive_words_checks_columns(keyness_table):
    with pytest.raises(ValueError, match=r"plot_distinctive_words\(\) needs column 'log_odds'"):
        plot_distinctive_words(keyness_table, group="X", score="log_odds")


def test_heatmap_draws_the_matrix_and_labels():
    matrix = pd.DataFrame([[np.nan, 0.5, 0.0], [0.25, np.nan, 0.0], [0.0, 0.0, np.nan]],
                          index=list("abc"), columns=list("abc"))
    ax = plot_reuse_heatmap(matrix, labels={"a": "Recode", "b": "Packt Hub"})
    image = ax.images[0].get_array()
    assert image.mask.tolist() == np.isnan(matrix.to_numpy()).tolist()
    assert image.data[0, 1] == 0.5 and image.data[1, 0] == 0.25
    assert [t.get_text() for t in ax.texts] == ["50%", "25%"]  # zero cells stay blank
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Recode", "Packt Hub", "c"]


def test_heatmap_rejects_a_non_square_table():
    with pytest.raises(ValueError, match="needs a square table"):
        plot_reuse_heatmap(pd.DataFrame({"a": [0.1]}, index=["b"]))


def test_passages_table_shows_longest_first():
    passages = pd.DataFrame({"pair": ["A / B", "A / C", "B / C"], "n_words": [9, 30, 12],
                             "text_a": ["short one", "long " * 30, "middle one"]})
    ax = plot_passages(passages, top=2)
    table = ax.tables[0]
    assert [table[0, c].get_text().get_text() for c in range(3)] == ["articles", "words", "passage"]
    assert [table[r, 0].get_text().get_text() for r in (1, 2)] == ["A / C", "B / C"]
    assert [table[r, 1].get_text().get_text() for r in (1, 2)] == ["30", "12"]
    assert (2, 0) in table.get_celld() and (3, 0) not in table.get_celld()


def test_passages_without_rows_says_so():
    ax = plot_passages(pd.DataFrame({"pair": [], "n_words": [], "text_a": []}))
    assert not ax.tables and ax.texts[0].get_text() == "no passages"


@pytest.fixture(scope="module")
def shipped_tables(shipped_corpus, shipped_sentences):
    from coverage.compare.outlets import outlet_tables

    return {"articles": shipped_corpus, **outlet_tables(shipped_corpus, shipped_sentences)}


def test_figure_specs_on_shipped_articles(shipped_tables):
    specs = figure_specs(shipped_tables)
    assert [s.name for s in specs] == ["40_distinctive_words", "41_reuse_heatmap", "42_reuse_passages"]
    assert "5 articles from 5 outlets; 5 of the 5 outlets shown rest on a single article" in specs[0].caption
    assert "5 articles; 6 pairs share text." in specs[1].caption
    n_unquoted = int((shipped_tables["reuse"]["quoted"] == "neither").sum())
    assert f"The longest of the {n_unquoted} passages" in specs[2].caption
    assert "2 of the 10 pairs of the 5 articles share unquoted prose" in specs[2].caption


def test_distinctive_words_figure_has_one_panel_per_outlet(shipped_tables):
    fig = figure_specs(shipped_tables)[0].draw()
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert sorted(ax.get_title() for ax in visible) == sorted(f"{o} (n=1)" for o in shipped_tables["articles"]["outlet"])
    words = {t.get_text() for ax in visible for t in ax.get_yticklabels()}
    assert "the" not in words and "refuse" in words  # stop words left out; Tech Observer's "refuse" kept


def test_reuse_figures_draw_shares_and_unquoted_passages(shipped_tables):
    heatmap, passages = figure_specs(shipped_tables)[1:]
    fig = heatmap.draw()
    assert [ax.get_title() for ax in fig.axes[:2]] == ["all shared passages", "shared prose (not quoted in both)"]
    prose = fig.axes[1].images[0].get_array()
    assert prose.shape == (5, 5) and prose.mask.diagonal().all()
    table = passages.draw().axes[0].tables[0]
    first = table[1, 2].get_text().get_text().replace("\n", " ")
    assert first.startswith("after the organization ran a test")  # 47 words, Recode / Packt Hub
    assert table[1, 0].get_text().get_text() == "Recode / Packt Hub"


def test_figure_specs_leave_out_missing_tables(shipped_corpus):
    assert figure_specs({"articles": shipped_corpus}) == []


def test_heatmap_shows_only_the_articles_sharing_most_when_there_are_many():
    from coverage.plots.outlets import HEATMAP_MAX_ARTICLES, _heatmap_ids

    n = HEATMAP_MAX_ARTICLES + 10
    articles = pd.DataFrame({"article_id": [f"a{i:02d}" for i in range(n)]})
    # Article i shares i% of its words with article i+1: the last 40 share most.
    pairs = pd.DataFrame({"article_id_a": [f"a{i:02d}" for i in range(n - 1)],
                          "article_id_b": [f"a{i + 1:02d}" for i in range(n - 1)],
                          "share_a": [i / 100 for i in range(n - 1)], "share_b": [0.0] * (n - 1)})
    ids = _heatmap_ids(articles, pairs)
    assert ids == [f"a{i:02d}" for i in range(n - 1 - HEATMAP_MAX_ARTICLES, n - 1)]
    assert _heatmap_ids(articles.head(5), pairs) == [f"a{i:02d}" for i in range(5)]
