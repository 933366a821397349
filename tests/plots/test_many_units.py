"""Figures stay readable from 2 to 200 units: a generated corpus of 52 outlets, groups and undated rows.

The corpus (benchmarks/generate.py): 60 short articles, one from each of 52
outlets and 8 more shared by the first five, so 5 outlets end with 2-4
articles and 47 with one; 23 rows have no date. Without NewsMTSC in the
folder the stance figures are left out; they are tested in test_stance.py.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image

from coverage.commands._common import comparison_tables
from coverage.commands.figures import all_specs
from coverage.plots.registry import MAX_PIXELS, save_figures

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    from benchmarks.generate import generate, outlet_table, write

    folder = tmp_path_factory.mktemp("fifty-two")
    table = generate(60, sources=[REPO / "data"], seed=1, min_paras=2, max_paras=3, outlets=52, undated=0.3)
    write(table, folder)
    outlet_table(52, seed=1).to_csv(folder / "outlets.csv", index=False)
    return folder


@pytest.fixture(scope="module")
def tables(folder):
    from coverage._engine.pipeline import build_tables

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        built = build_tables(folder, jobs=1, cache=False)
    return built


def _specs(tables, folder, **options):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        extra = comparison_tables(tables, data_dir=folder, **options)
        return {s.name: s for s in all_specs({**tables, **extra})}, extra


def test_the_corpus_is_what_the_tests_assume(tables):
    articles = tables["articles"]
    counts = articles["outlet"].value_counts()
    assert len(articles) == 60 and len(counts) == 52
    assert int((counts == 1).sum()) == 47
    assert int(articles["date_missing"].sum()) == int(articles["published"].isna().sum()) == 23


@pytest.mark.parametrize("min_articles", [None, 1])  # 6 rows, and 25 rows (24 outlets + other)
def test_every_figure_is_saved_within_the_pixel_cap(tables, folder, tmp_path, min_articles):
    specs, _ = _specs(tables, folder, min_articles=min_articles)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        written = save_figures(specs.values(), tmp_path)
    sizes = {p.stem: Image.open(p).size for p in written if p.suffix == ".png"}
    assert len(sizes) >= 10
    assert max(max(s) for s in sizes.values()) <= MAX_PIXELS


def test_outlets_with_one_article_are_pooled_and_the_caption_says_so(tables, folder):
    specs, extra = _specs(tables, folder)
    units = extra["units"]
    labels = sorted(set(units["unit"]))
    # 52 outlets > 25, so min_articles defaults to 2: the 47 single-article outlets are pooled.
    assert labels == ["Business Insider (n=4)", "Forbes (n=2)", "Packt Hub (n=2)", "Recode (n=2)",
                      "Tech Observer (n=3)", "other (47 outlets, 47 articles)"]
    note = "47 outlets with fewer than 2 articles (47 articles) are pooled as 'other (47 outlets, 47 articles)'."
    for name in ("01_timeline", "10_sentiment_by_outlet", "11_frames_by_outlet", "20_voice_ledger",
                 "40_distinctive_words"):
        assert note in specs[name].caption, name


def test_rows_are_sorted_by_the_measure_with_the_pooled_unit_last(tables, folder):
    from coverage.compare.units import with_units
    from coverage.measures.frames import compare_frames

    specs, extra = _specs(tables, folder)
    fig = specs["11_frames_by_outlet"].draw()
    shown = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        balance = compare_frames(with_units(tables["sentence_framing"], extra["units"]), by="unit")
    balance = balance[balance["measure"] == "frame_balance"].set_index("unit")["estimate"]
    named = [u for u in shown if not u.startswith("other")]
    assert shown[-1].startswith("other (47 outlets")
    values = [float(balance[u]) for u in named]
    known = [v for v in values if v == v]
    # Highest balance first; a unit without any frame term (no balance) after those with one.
    assert values[:len(known)] == sorted(known, reverse=True) and len(known) >= 3


def test_time_figures_leave_undated_articles_out_and_say_how_many(tables, folder):
    specs, _ = _specs(tables, folder, period="month")
    for name in ("01_timeline", "03_volume"):
        assert "23 undated articles are left out." in specs[name].caption, name
    assert "37 dated articles" in specs["13_by_period"].caption
    assert "23 undated articles are left out." in specs["13_by_period"].caption
    timeline = specs["01_timeline"].draw().axes[0]
    assert sum(len(c.get_offsets()) for c in timeline.collections[:2]) == 37
    volume = specs["03_volume"].draw().axes[0]
    assert sum(p.get_height() for p in volume.patches) == 37


def test_by_group_on_a_column_the_user_added(tables, folder):
    # outlets.csv of the generator gives each outlet one of six groups.
    specs, extra = _specs(tables, folder, by="group")
    labels = sorted(set(extra["units"]["unit"]))
    assert len(labels) == 6 and all(" (n=" in label for label in labels)
    assert sum(int(label.rsplit("(n=", 1)[1][:-1]) for label in labels) == 60
    assert specs["10_sentiment_by_outlet"].title == "Sentiment by group"
    assert "60 articles, " in specs["10_sentiment_by_outlet"].caption and "6 groups" in specs["10_sentiment_by_outlet"].caption
    ticks = {t.get_text() for t in specs["11_frames_by_outlet"].draw().axes[0].get_yticklabels()}
    assert ticks == set(labels)


def test_distinctive_words_past_six_units_is_one_compact_grid(tables, folder):
    specs, _ = _specs(tables, folder, by="outlet", min_articles=1)
    # min_articles 1 on 52 outlets: the 24 largest and "other (28 outlets, ...)".
    fig = specs["40_distinctive_words"].draw()
    assert len(fig.axes) == 1
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert len(ticks) == 25 and ticks[-1].startswith("other (28 outlets, 28 articles)")


def test_two_hundred_outlets_give_25_rows_within_the_pixel_cap(tmp_path):
    # 200 outlets: the first 30 with 3 articles, 170 with one; two sentences an article.
    import numpy as np

    from coverage.compare.units import unit_table
    from coverage.plots import corpus, framing

    outlets = [f"O{i:03d}" for i in range(30) for _ in range(3)] + [f"S{i:03d}" for i in range(170)]
    ids = [f"a{i}" for i in range(len(outlets))]
    rng = np.random.default_rng(0)
    articles = pd.DataFrame({"article_id": ids, "outlet": outlets, "n_words": 300,
                             "published": pd.Timestamp("2018-06-01") + pd.to_timedelta(rng.integers(0, 200, len(ids)), "D"),
                             "date_estimated": False})
    sentences = pd.DataFrame({
        "article_id": np.repeat(ids, 2), "sentence_id": np.tile([0, 1], len(ids)), "position": "body",
        "n_words": 20, "target": True, "textblob_polarity": rng.uniform(-1, 1, 2 * len(ids)),
        "vader_compound": rng.uniform(-1, 1, 2 * len(ids)), "surveillance_terms": rng.integers(0, 3, 2 * len(ids)),
        "safety_terms": rng.integers(0, 3, 2 * len(ids))})
    units = unit_table(articles)
    # min_articles 2 keeps the 30 outlets of 3 articles, max_units keeps 24 of them.
    assert units["unit"].nunique() == 25
    assert "other (176 outlets, 188 articles)" in set(units["unit"])
    tables = {"articles": articles, "sentence_framing": sentences, "units": units}
    specs = [*corpus.figure_specs(tables), *framing.figure_specs(tables)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        written = save_figures([s for s in specs if s.name in ("01_timeline", "11_frames_by_outlet")], tmp_path)
    sizes = [Image.open(p).size for p in written if p.suffix == ".png"]
    assert len(sizes) == 2 and max(max(s) for s in sizes) <= MAX_PIXELS
    ticks = [t.get_text() for t in specs[0].draw().axes[0].get_yticklabels()]
    assert len(ticks) == 25 and ticks[-1] == "other (176 outlets, 188 articles)"
