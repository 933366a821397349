"""The per-article cache: hits, appended parts, compaction, and writes interrupted half-way."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from coverage._engine.cache import MAX_PARTS, article_keys, read_cached, write_cached

NAMES = ["sentences", "quotes"]


def _tables(keys=("ka", "kb")):
    # Article "a" has two sentences and a quotation; every other article one sentence, no quotation.
    rows = [(k[1], f"{k}-s{i}", k) for k in keys for i in range(2 if k == "ka" else 1)]
    sentences = pd.DataFrame(rows, columns=["article_id", "text", "_key"])
    quotes = pd.DataFrame({"article_id": ["a"], "text": ["q"], "_key": ["ka"]})
    return {"sentences": sentences, "quotes": quotes[quotes["_key"].isin(keys)]}


def _parts(folder):
    return sorted(p.name for p in folder.glob("part-*"))


def test_hits_include_articles_without_rows(tmp_path):
    write_cached(tmp_path, _tables(), ["ka", "kb"])
    tables, hits = read_cached(tmp_path, NAMES, pd.Series(["kb", "kc"]))
    assert hits == {"kb"}  # b has no quotation, yet it was computed
    assert tables["sentences"]["text"].tolist() == ["kb-s0"] and tables["quotes"].empty


def test_a_new_article_is_appended_as_a_part_of_its_own(tmp_path):
    write_cached(tmp_path, _tables(), ["ka", "kb"])
    write_cached(tmp_path, _tables(("ka", "kb", "kc")), ["ka", "kb", "kc"], new=["kc"])
    assert _parts(tmp_path) == ["part-000001", "part-000002"]
    second = pd.read_parquet(tmp_path / "part-000002" / "sentences.parquet")
    assert second["text"].tolist() == ["kc-s0"]  # only the new article was written
    tables, hits = read_cached(tmp_path, NAMES, ["ka", "kb", "kc"])
    assert hits == {"ka", "kb", "kc"}
    assert sorted(tables["sentences"]["text"]) == ["ka-s0", "ka-s1", "kb-s0", "kc-s0"]


def test_a_part_whose_articles_all_left_is_deleted(tmp_path):
    write_cached(tmp_path, _tables(("ka",)), ["ka"])
    write_cached(tmp_path, _tables(("ka", "kb")), ["ka", "kb"], new=["kb"])
    write_cached(tmp_path, _tables(("kb", "kc")), ["kb", "kc"], new=["kc"])
    assert _parts(tmp_path) == ["part-000002", "part-000003"]  # part 1 held only "ka"


def test_parts_are_compacted_past_the_limit(tmp_path):
    keys = ["k0"]
    write_cached(tmp_path, _tables(keys), keys)
    for i in range(1, MAX_PARTS + 3):
        keys = [*keys, f"k{i}"]
        write_cached(tmp_path, _tables(keys), keys, new=[keys[-1]])
        assert len(_parts(tmp_path)) <= MAX_PARTS
    tables, hits = read_cached(tmp_path, NAMES, keys)
    assert hits == set(keys)
    assert sorted(tables["sentences"]["text"]) == sorted(f"{k}-s0" for k in keys)  # each row once


def test_more_stale_rows_than_live_ones_compacts(tmp_path):
    old = ["ka", "kb", "kc", "kd"]
    write_cached(tmp_path, _tables(old), old)
    write_cached(tmp_path, _tables(("ka", "ke")), ["ka", "ke"], new=["ke"])  # 3 stale keys, 2 live
    assert _parts(tmp_path) == ["part-000002"]
    assert set(pd.read_parquet(tmp_path / "part-000002" / "keys.parquet")["_key"]) == {"ka", "ke"}


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
        write_cached(tmp_path, _tables(("ka", "kb", "kc")), ["ka", "kb", "kc"], new=["kc"])
    monkeypatch.undo()
    # The half-written part has no key file: "kc" is a miss, the first part still serves.
    assert read_cached(tmp_path, NAMES, ["ka", "kb", "kc"])[1] == {"ka", "kb"}
    write_cached(tmp_path, _tables(("ka", "kb", "kc")), ["ka", "kb", "kc"], new=["kc"])
    assert _parts(tmp_path) == ["part-000001", "part-000002"]  # the leftover was replaced
    assert (tmp_path / "part-000002" / "keys.parquet").is_file()
    assert read_cached(tmp_path, NAMES, ["ka", "kb", "kc"])[1] == {"ka", "kb", "kc"}


def test_damaged_part_is_a_miss_for_its_articles_only(tmp_path):
    write_cached(tmp_path, _tables(), ["ka", "kb"])
    write_cached(tmp_path, _tables(("ka", "kb", "kc")), ["ka", "kb", "kc"], new=["kc"])
    (tmp_path / "part-000001" / "quotes.parquet").write_bytes(b"not parquet")
    tables, hits = read_cached(tmp_path, NAMES, ["ka", "kb", "kc"])
    assert hits == {"kc"} and tables["sentences"]["text"].tolist() == ["kc-s0"]


def test_an_empty_folder_is_a_miss(tmp_path):
    assert read_cached(tmp_path / "nothing", NAMES, ["ka"]) == ({}, set())


def test_keys_change_with_the_text():
    corpus = pd.DataFrame({"article_id": ["a", "b"], "outlet": "X", "published": pd.Timestamp("2018-01-01"),
                           "title": "", "text": ["Same.", "Same."], "body_start": 0})
    keys = article_keys(corpus)
    assert keys[0] != keys[1]  # the id is part of the key
    assert article_keys(corpus.assign(text=["Same.", "Other."]))[0] == keys[0]
    assert article_keys(corpus.assign(text=["Same.", "Other."]))[1] != keys[1]
    assert article_keys(corpus, extra="model-2")[0] != keys[0]


def _arrays_table(keys=("ka", "kb", "kc")):
    # Like word counts and reuse tokens: one array per row, of strings or numbers, some empty.
    words = [np.array(["ice", "police", "ice's"], dtype=object), np.array([], dtype=object),
             np.array(["naïve", ""], dtype=object)]
    hashes = [np.array([2**64 - 1, 0, 7], dtype=np.uint64), np.zeros(0, dtype=np.uint64),
              np.array([5, 5], dtype=np.uint64)]
    return pd.DataFrame({"article_id": [k[1] for k in keys], "words": words[:len(keys)],
                         "counts": [np.arange(len(w), dtype=np.int64) for w in words[:len(keys)]],
                         "token_hash": hashes[:len(keys)], "_key": list(keys)})


def _as_lists(table):
    return table.assign(**{c: table[c].map(lambda a: (a.dtype.str, a.tolist())) for c in ("words", "counts", "token_hash")})


def test_columns_of_arrays_come_back_the_same(tmp_path):
    table = _arrays_table()
    write_cached(tmp_path, {"word_counts": table}, list(table["_key"]))
    got, hits = read_cached(tmp_path, ["word_counts"], ["ka", "kc"])
    assert hits == {"ka", "kc"}
    expected = table[table["_key"].isin(["ka", "kc"])].reset_index(drop=True)
    pd.testing.assert_frame_equal(_as_lists(got["word_counts"]), _as_lists(expected))
    # Stored flat: the table keeps each row's length, the values are one column of their own.
    stored = pd.read_parquet(tmp_path / "part-000001" / "word_counts.parquet")
    assert stored["words"].tolist() == [3, 0, 2]
    assert pd.read_parquet(tmp_path / "part-000001" / "word_counts.token_hash.list.parquet")["values"].tolist() == [
        2**64 - 1, 0, 7, 5, 5]


def test_arrays_that_cannot_be_stored_flat_are_kept_as_lists(tmp_path):
    table = pd.DataFrame({"article_id": ["a", "b"], "mixed": [np.array([1, 2]), np.array([1.5])],
                          "_key": ["ka", "kb"]})
    write_cached(tmp_path, {"odd": table}, ["ka", "kb"])
    assert not list((tmp_path / "part-000001").glob("*.list.parquet"))
    got = read_cached(tmp_path, ["odd"], ["ka", "kb"])[0]["odd"]
    assert got["mixed"].map(list).tolist() == [[1, 2], [1.5]]


@pytest.mark.parametrize("damage", ["missing", "garbage", "other rows"])
def test_a_damaged_file_of_values_is_a_miss(tmp_path, damage):
    table = _arrays_table()
    write_cached(tmp_path, {"word_counts": table}, list(table["_key"]))
    path = tmp_path / "part-000001" / "word_counts.words.list.parquet"
    if damage == "missing":
        path.unlink()
    elif damage == "garbage":
        path.write_bytes(b"PAR1 not parquet")
    else:  # values of another table: the lengths no longer add up
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.table({"values": pa.array(["ice", "x"]).dictionary_encode()}), path)
    assert read_cached(tmp_path, ["word_counts"], ["ka", "kb", "kc"]) == ({}, set())
