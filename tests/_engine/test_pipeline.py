"""The pipeline: same results whatever the number of jobs, cached or not."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from coverage._engine.pipeline import ARTICLE_TABLES, PROCESSED_FILES, build_tables, write_processed


@pytest.fixture(scope="module")
def sixty_articles(tmp_path_factory):
    # 60 articles, split over worker processes when the pool threshold is lowered.
    from benchmarks.generate import generate, write

    folder = tmp_path_factory.mktemp("sixty")
    write(generate(60, sources=[Path(__file__).resolve().parents[2] / "data"],
                   seed=3, min_paras=2, max_paras=4), folder)
    return folder


def _same(a, b, names):
    for name in names:
        pd.testing.assert_frame_equal(_comparable(a[name]), _comparable(b[name]), obj=name)


def _comparable(table):
    # Cells holding arrays (word counts, reuse tokens) compare as lists.
    return table.apply(lambda c: c.map(lambda v: v.tolist() if isinstance(v, np.ndarray) else v)
                       if c.dtype == object else c)


def test_results_identical_whatever_jobs_and_cache(sixty_articles, monkeypatch):
    import coverage._engine.pipeline as pipeline

    monkeypatch.setattr(pipeline, "MIN_ARTICLES_FOR_POOL", 50)  # make 60 articles use the worker pool
    names = [*ARTICLE_TABLES, "articles", "keyness", "reuse"]
    serial = build_tables(sixty_articles, jobs=1, cache=False)
    parallel = build_tables(sixty_articles, jobs=2, cache=True)  # cold: fills the cache
    warm = build_tables(sixty_articles, jobs=2, cache=True)  # every article from the cache
    _same(serial, parallel, names)
    _same(serial, warm, names)


def test_adding_an_article_recomputes_only_that_one(data_copy, monkeypatch):
    import coverage._engine.pipeline as pipeline

    build_tables(data_copy, jobs=1)
    (data_copy / "raw" / "new.md").write_text(
        "---\noutlet: New Outlet\npublished: 2018-11-10\n---\nHeadline\n\nAmazon employees protested.\n",
        encoding="utf-8")
    seen, searched = [], []
    real = pipeline.article_features
    monkeypatch.setattr(pipeline, "article_features",
                        lambda part, **kw: seen.append(list(part["article_id"])) or real(part, **kw))
    import coverage._engine.stages as reuse

    real_remember = reuse.remember_reuse
    monkeypatch.setattr(reuse, "remember_reuse", lambda *a, **kw: searched.append(1) or real_remember(*a, **kw))
    tables = build_tables(data_copy, jobs=1)
    assert seen == [["new"]]
    assert searched == []  # text reuse updated from the last run, not searched anew
    assert len(tables["articles"]) == 6
    fresh = build_tables(data_copy, jobs=1, cache=False)
    _same(fresh, tables, [*ARTICLE_TABLES, "articles", "keyness", "reuse", "reuse_pairs"])


def test_changed_text_is_recomputed(data_copy, monkeypatch):
    import coverage._engine.stages as reuse

    build_tables(data_copy, jobs=1)
    path = data_copy / "raw" / "forbes-2018-06-22.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("Amazon employees have written", "Amazon staff have written"),
                    encoding="utf-8")
    searched = []
    real_remember = reuse.remember_reuse
    monkeypatch.setattr(reuse, "remember_reuse", lambda *a, **kw: searched.append(1) or real_remember(*a, **kw))
    tables = build_tables(data_copy, jobs=1)
    lede = tables["sentences"].query("article_id == 'forbes-2018-06-22' and position == 'lede'")["text"].iloc[0]
    assert lede.startswith("Amazon staff have written")
    assert searched == []  # text reuse updated: the old version taken out, the new one aligned
    _same(build_tables(data_copy, jobs=1, cache=False), tables, ["reuse", "reuse_pairs", "articles"])


def test_written_files_are_the_same_spliced_or_not(data_copy, tmp_path):
    processed = data_copy / "processed"
    write_processed(build_tables(data_copy, jobs=1), processed)
    (data_copy / "raw" / "new.md").write_text(
        "---\noutlet: New Outlet\npublished: 2018-11-07\n---\nHeadline\n\n"
        "Amazon employees said, \"We refuse\", on Monday.\n", encoding="utf-8")
    write_processed(build_tables(data_copy, jobs=1), processed)  # per-article files spliced
    assert sorted(p.name for p in (processed / "cache" / "csv").iterdir()) == sorted(
        f"{PROCESSED_FILES[name]}.index.json" for name in [*ARTICLE_TABLES, "articles"] if name in PROCESSED_FILES)
    write_processed(build_tables(data_copy, jobs=1, cache=False), tmp_path)
    for filename in PROCESSED_FILES.values():
        assert (processed / filename).read_bytes() == (tmp_path / filename).read_bytes(), filename


@pytest.mark.parametrize(("ids", "expected"), [
    (["b", "a", "b", "a"], [1, 3, 0, 2]),  # stable within an article
    (["a", "a", "b"], [0, 1, 2]),  # already in order
    (["x", "b", "a"], [2, 1, 0]),  # an id not in the corpus goes last
    ([], []),
])
def test_in_corpus_order(ids, expected):
    from coverage._engine.pipeline import in_corpus_order

    table = pd.DataFrame({"article_id": ids, "row": range(len(ids))}, index=range(10, 10 + len(ids)))
    got = in_corpus_order(table, {"a": 0, "b": 1})
    assert got["row"].tolist() == expected and got.index.tolist() == list(range(len(ids)))


def test_in_corpus_order_with_many_runs_is_the_same(monkeypatch):
    import coverage._engine.rows
    import coverage._engine.pipeline as pipeline

    rng = np.random.default_rng(0)
    ids = [f"a{k}" for k in rng.integers(0, 40, size=300)]
    table = pd.DataFrame({"article_id": ids, "text": [f"t{k}" for k in range(300)], "n": np.arange(300)})
    order = {f"a{k}": int(p) for k, p in enumerate(rng.permutation(40))}
    expected = table.assign(_p=table["article_id"].map(order)).sort_values("_p", kind="stable").drop(columns="_p")
    for max_runs in (10**6, 1):  # slices concatenated, or one take
        monkeypatch.setattr(coverage._engine.rows, "_MAX_RUNS", max_runs)
        pd.testing.assert_frame_equal(pipeline.in_corpus_order(table, order), expected.reset_index(drop=True))
