"""Cleaned articles reused between runs: same result as cleaning anew, and only what changed is cleaned."""

from __future__ import annotations

import pandas as pd
import pytest

from coverage.io import cleaning
from coverage._engine.clean_cache import clean_articles
from coverage.io.corpus import assemble_corpus, load_corpus, read_articles, removed_lines

MENU = ["Menu\nStory {} is told here.\n", "Menu\nAnother story {} follows.\n", "Menu\nA third one {}.\n"]


@pytest.fixture
def counted(monkeypatch):
    calls = []
    real = cleaning.clean_text

    def counting(raw, **kwargs):
        calls.append(raw)
        return real(raw, **kwargs)

    monkeypatch.setattr(cleaning, "clean_text", counting)
    return calls


def _texts(n):
    return [MENU[i % 3].format(i) for i in range(n)]


def test_a_second_run_cleans_nothing(tmp_path, counted):
    first = clean_articles(_texts(4), [""] * 4, cache_dir=tmp_path)
    assert len(counted) == 4
    again = clean_articles(_texts(4), [""] * 4, cache_dir=tmp_path)
    assert len(counted) == 4
    pd.testing.assert_frame_equal(again, first)


def test_only_the_new_article_is_cleaned(tmp_path, counted):
    clean_articles(_texts(4), [""] * 4, cache_dir=tmp_path)
    out = clean_articles(_texts(5), [""] * 5, cache_dir=tmp_path)
    assert counted[4:] == [_texts(5)[4]]
    pd.testing.assert_frame_equal(out, clean_articles(_texts(5), [""] * 5))


def test_articles_are_cleaned_again_when_their_repeated_lines_change(tmp_path, counted):
    three = clean_articles(_texts(3), [""] * 3, cache_dir=tmp_path)
    assert three["removed"][0] == [(1, "Menu", "repeated across articles")]
    two = clean_articles(_texts(2), [""] * 2, cache_dir=tmp_path)  # "Menu" is now in two articles only
    assert len(counted) == 5
    assert two["text"].tolist() == ["Menu\n\nStory 0 is told here.", "Menu\n\nAnother story 1 follows."]
    pd.testing.assert_frame_equal(two, clean_articles(_texts(2), [""] * 2))


def test_a_damaged_cache_is_only_a_miss(tmp_path):
    expected = clean_articles(_texts(3), [""] * 3, cache_dir=tmp_path)
    (tmp_path / "clean.parquet").write_bytes(b"not parquet")
    pd.testing.assert_frame_equal(clean_articles(_texts(3), [""] * 3, cache_dir=tmp_path), expected)


def test_titles_must_match_texts():
    with pytest.raises(ValueError, match="got 2 texts but 1 titles"):
        clean_articles(["a", "b"], [""])


def test_the_shipped_corpus_is_the_same_cached_or_not(tmp_path):
    plain = load_corpus("data")
    for _ in range(2):  # cold cache, then warm
        raw, _ = read_articles("data")
        cached, found = assemble_corpus(raw, clean_articles(raw["raw_text"].tolist(), raw["title"].tolist(),
                                                            cache_dir=tmp_path))
        pd.testing.assert_frame_equal(cached, plain)
        order = {a: i for i, a in enumerate(plain["article_id"])}
        found = found.sort_values("article_id", key=lambda s: s.map(order), kind="stable").reset_index(drop=True)
        pd.testing.assert_frame_equal(found, removed_lines(plain))
    assert len(found) == 32
