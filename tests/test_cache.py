"""The per-article cache: hits, misses, and writes interrupted half-way."""

from __future__ import annotations

import pandas as pd
import pytest

from coverage.cache import article_keys, read_cached, write_cached


def _tables():
    return {"sentences": pd.DataFrame({"article_id": ["a", "a", "b"], "text": ["x", "y", "z"], "_key": ["ka", "ka", "kb"]}),
            "quotes": pd.DataFrame({"article_id": ["a"], "text": ["q"], "_key": ["ka"]})}


def test_hits_include_articles_without_rows(tmp_path):
    write_cached(tmp_path, _tables(), ["ka", "kb"])
    tables, hits = read_cached(tmp_path, ["sentences", "quotes"], pd.Series(["kb", "kc"]))
    assert hits == {"kb"}  # b has no quotation, yet it was computed
    assert tables["sentences"]["text"].tolist() == ["z"] and tables["quotes"].empty


def test_interrupted_write_is_a_miss(tmp_path, monkeypatch):
    write_cached(tmp_path, _tables(), ["ka", "kb"])
    calls = {"n": 0}
    real = pd.DataFrame.to_parquet

    def dies_on_second(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        return real(self, *args, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "to_parquet", dies_on_second)
    with pytest.raises(KeyboardInterrupt):
        write_cached(tmp_path, _tables(), ["ka", "kb"])
    monkeypatch.undo()
    assert read_cached(tmp_path, ["sentences", "quotes"], pd.Series(["ka", "kb"])) == ({}, set())


def test_damaged_cache_is_a_miss(tmp_path):
    write_cached(tmp_path, _tables(), ["ka", "kb"])
    (tmp_path / "quotes.parquet").write_bytes(b"not parquet")
    assert read_cached(tmp_path, ["sentences", "quotes"], pd.Series(["ka"])) == ({}, set())


def test_keys_change_with_the_text():
    corpus = pd.DataFrame({"article_id": ["a", "b"], "outlet": "X", "published": pd.Timestamp("2018-01-01"),
                           "title": "", "text": ["Same.", "Same."], "body_start": 0})
    keys = article_keys(corpus)
    assert keys[0] != keys[1]  # the id is part of the key
    assert article_keys(corpus.assign(text=["Same.", "Other."]))[0] == keys[0]
    assert article_keys(corpus.assign(text=["Same.", "Other."]))[1] != keys[1]
    assert article_keys(corpus, extra="model-2")[0] != keys[0]
