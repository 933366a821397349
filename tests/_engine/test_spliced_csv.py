"""CSV tables written by splicing unchanged articles: byte for byte a fresh to_csv."""

from __future__ import annotations

import json
import os

import numpy as np
import pandas as pd
import pytest

from coverage._engine import spliced_csv
from coverage._engine.spliced_csv import write_by_article


def _table(ids):
    # Awkward text on purpose: commas, doubled quotes, a newline inside a field, floats, NaN, booleans.
    rows = []
    for a in ids:
        rows += [(a, 0, f'He said, "{a} said\nthis"', 0.1 * len(a), True),
                 (a, 1, "plain", np.nan, False)]
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "text", "score", "flag"])


def _fresh(table):
    return table.to_csv(index=False).encode("utf-8")


@pytest.fixture
def formatted(monkeypatch):
    """Article ids formatted one by one by the splicing path."""
    seen = []
    real = pd.DataFrame.to_csv

    def spy(self, *args, **kwargs):
        if kwargs.get("header") is False and "article_id" in self.columns:
            seen.append(self["article_id"].iloc[0])
        return real(self, *args, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "to_csv", spy)
    return seen


def test_first_write_is_a_plain_to_csv(tmp_path):
    table = _table(["a", "bb"])
    write_by_article(table, tmp_path / "t.csv", keys={"a": "ka", "bb": "kb"}, index_dir=tmp_path / "ix")
    assert (tmp_path / "t.csv").read_bytes() == _fresh(table)
    assert (tmp_path / "ix" / "t.csv.index.json").is_file()


def test_an_added_article_is_the_only_one_formatted(tmp_path, formatted):
    keys = {a: "k" + a for a in ["a", "bb", "ccc", "dddd", "eeeee", "ffffff"]}
    write_by_article(_table(["a", "bb", "dddd", "eeeee", "ffffff"]), tmp_path / "t.csv", keys=keys, index_dir=tmp_path)
    table = _table(["a", "bb", "ccc", "dddd", "eeeee", "ffffff"])  # "ccc" lands in the middle
    write_by_article(table, tmp_path / "t.csv", keys=keys, index_dir=tmp_path)
    assert formatted == ["ccc"]
    assert (tmp_path / "t.csv").read_bytes() == _fresh(table)


def test_a_changed_article_is_formatted_again(tmp_path, formatted):
    ids = ["a", "bb", "ccc", "dddd", "eeeee", "ffffff"]
    write_by_article(_table(ids), tmp_path / "t.csv", keys={a: "k" for a in ids}, index_dir=tmp_path)
    table = _table(ids)
    table.loc[table["article_id"] == "bb", "text"] = "changed"
    write_by_article(table, tmp_path / "t.csv", keys={**{a: "k" for a in ids}, "bb": "k2"}, index_dir=tmp_path)
    assert formatted == ["bb"]
    assert (tmp_path / "t.csv").read_bytes() == _fresh(table)


def test_removed_articles_leave_the_file(tmp_path):
    ids = ["a", "bb", "ccc", "dddd", "eeeee", "ffffff"]
    write_by_article(_table(ids), tmp_path / "t.csv", keys={a: "k" for a in ids}, index_dir=tmp_path)
    table = _table(ids[1:])
    write_by_article(table, tmp_path / "t.csv", keys={a: "k" for a in ids}, index_dir=tmp_path)
    assert (tmp_path / "t.csv").read_bytes() == _fresh(table)


def test_a_file_changed_by_hand_is_written_in_full(tmp_path, formatted):
    ids = ["a", "bb", "ccc", "dddd", "eeeee", "ffffff"]
    keys = {a: "k" for a in ids}
    write_by_article(_table(ids), tmp_path / "t.csv", keys=keys, index_dir=tmp_path)
    path = tmp_path / "t.csv"
    path.write_bytes(path.read_bytes().replace(b"plain", b"PLAIN"))  # same size
    os.utime(path, ns=(0, 0))
    write_by_article(_table(ids), path, keys=keys, index_dir=tmp_path)
    assert formatted == [] and path.read_bytes() == _fresh(_table(ids))


def test_new_dtypes_mean_a_full_write(tmp_path, formatted):
    ids = ["a", "bb", "ccc", "dddd", "eeeee", "ffffff"]
    keys = {a: "k" for a in ids}
    write_by_article(_table(ids), tmp_path / "t.csv", keys=keys, index_dir=tmp_path)
    table = _table(ids).assign(sentence_id=lambda t: t["sentence_id"].astype(float))  # 0 -> 0.0
    write_by_article(table, tmp_path / "t.csv", keys=keys, index_dir=tmp_path)
    assert formatted == [] and (tmp_path / "t.csv").read_bytes() == _fresh(table)


def test_dates_keep_the_format_of_their_column(tmp_path, formatted):
    ids = ["a", "bb", "ccc", "dddd", "eeeee", "ffffff"]
    keys = {a: "k" for a in ids}
    table = _table(ids).assign(when=pd.Timestamp("2018-11-05"))
    write_by_article(table, tmp_path / "t.csv", keys=keys, index_dir=tmp_path)
    assert (tmp_path / "t.csv").read_bytes() == _fresh(table)  # dates only: 2018-11-05
    added = pd.concat([table, _table(["g"]).assign(when=pd.Timestamp("2018-11-05"))], ignore_index=True)
    write_by_article(added, tmp_path / "t.csv", keys={**keys, "g": "k"}, index_dir=tmp_path)
    assert formatted == ["g"] and (tmp_path / "t.csv").read_bytes() == _fresh(added)
    # One value with a time of day: every date of the column is now written with it.
    timed = added.assign(when=lambda t: t["when"].where(t["article_id"] != "g", pd.Timestamp("2018-11-05 10:30")))
    write_by_article(timed, tmp_path / "t.csv", keys={**keys, "g": "k"}, index_dir=tmp_path)
    assert formatted == ["g"]  # nothing spliced this time
    assert (tmp_path / "t.csv").read_bytes() == _fresh(timed)
    assert b"2018-11-05 00:00:00" in _fresh(timed)


def test_content_hashes_stand_in_for_missing_keys(tmp_path, formatted):
    ids = ["a", "bb", "ccc", "dddd", "eeeee", "ffffff"]
    write_by_article(_table(ids), tmp_path / "t.csv", index_dir=tmp_path)
    table = _table(ids)
    table.loc[table["article_id"] == "ccc", "score"] = 9.5
    write_by_article(table, tmp_path / "t.csv", index_dir=tmp_path)
    assert formatted == ["ccc"] and (tmp_path / "t.csv").read_bytes() == _fresh(table)


def test_scattered_rows_are_not_indexed(tmp_path):
    table = pd.concat([_table(["a"]), _table(["bb"]), _table(["a"])], ignore_index=True)
    write_by_article(table, tmp_path / "t.csv", keys={"a": "k", "bb": "k"}, index_dir=tmp_path)
    assert (tmp_path / "t.csv").read_bytes() == _fresh(table)
    assert not (tmp_path / "t.csv.index.json").exists()


def test_a_table_without_rows(tmp_path):
    table = _table([])
    write_by_article(table, tmp_path / "t.csv", keys={}, index_dir=tmp_path)
    write_by_article(table, tmp_path / "t.csv", keys={}, index_dir=tmp_path)
    assert (tmp_path / "t.csv").read_bytes() == b"article_id,sentence_id,text,score,flag\n"


def test_many_new_rows_are_written_in_full(tmp_path, formatted):
    write_by_article(_table(["a"]), tmp_path / "t.csv", keys={"a": "k"}, index_dir=tmp_path)
    table = _table(["a", "bb", "ccc"])
    write_by_article(table, tmp_path / "t.csv", keys={"a": "k", "bb": "k", "ccc": "k"}, index_dir=tmp_path)
    assert formatted == [] and spliced_csv._MAX_NEW_SHARE < 2 / 3
    assert (tmp_path / "t.csv").read_bytes() == _fresh(table)


@pytest.mark.parametrize("kernel", ["copies", "cannot copy", "copies a little at a time"])
def test_unchanged_bytes_copied_by_the_kernel_or_not(tmp_path, monkeypatch, kernel):
    ids = ["a", "bb", "dddd", "eeeee", "ffffff"]
    keys = {a: "k" + a for a in [*ids, "ccc", "g"]}
    write_by_article(_table(ids), tmp_path / "t.csv", keys=keys, index_dir=tmp_path)
    real = os.copy_file_range
    if kernel == "cannot copy":
        def refuse(*args, **kwargs):
            raise OSError(18, "Invalid cross-device link")
        monkeypatch.setattr(os, "copy_file_range", refuse)
    elif kernel == "copies a little at a time":
        monkeypatch.setattr(os, "copy_file_range", lambda src, dst, count, offset: real(src, dst, min(count, 7), offset))
    table = _table(["a", "bb", "ccc", "dddd", "eeeee", "ffffff", "g"])  # new rows in the middle and at the end
    write_by_article(table, tmp_path / "t.csv", keys=keys, index_dir=tmp_path)
    assert (tmp_path / "t.csv").read_bytes() == _fresh(table)


def test_old_runs_are_copied_in_one_piece_each(tmp_path):
    keys = {a: "k" + a for a in ["a", "bb", "ccc", "dddd", "eeeee"]}
    write_by_article(_table(["a", "bb", "dddd", "eeeee"]), tmp_path / "t.csv", keys=keys, index_dir=tmp_path)
    index = spliced_csv._read_index(tmp_path / "t.csv.index.json", tmp_path / "t.csv",
                                    spliced_csv._signature(_table(["a"])))
    table = _table(["a", "bb", "ccc", "dddd", "eeeee"])
    pieces, _ = spliced_csv._splice(table, spliced_csv._article_bounds(table["article_id"].to_numpy()), keys, index)
    assert [type(p).__name__ for p in pieces] == ["bytes", "tuple", "bytes", "tuple"]  # header, a+bb, ccc, dddd+eeeee
    assert pieces[1] == (index["a"][1], index["bb"][2]) and pieces[3] == (index["dddd"][1], index["eeeee"][2])


@pytest.mark.parametrize("damage", [
    lambda index: "not json",
    lambda index: "[1, 2]",
    lambda index: json.dumps({**index, "format": 1}),  # written by an older kit
    lambda index: json.dumps({**index, "ends": index["ends"][:-1]}),  # fields of different lengths
    lambda index: json.dumps({**index, "ends": [e + 10**6 for e in index["ends"]]}),  # past the end of the file
    lambda index: json.dumps({k: v for k, v in index.items() if k != "starts"}),
])
def test_an_unusable_index_means_a_full_write(tmp_path, formatted, damage):
    ids = ["a", "bb", "ccc"]
    keys = {a: "k" for a in ids}
    write_by_article(_table(ids), tmp_path / "t.csv", keys=keys, index_dir=tmp_path)
    path = tmp_path / "t.csv.index.json"
    path.write_text(damage(json.loads(path.read_text(encoding="utf-8"))), encoding="utf-8")
    table = _table([*ids, "dddd"])
    write_by_article(table, tmp_path / "t.csv", keys={**keys, "dddd": "k"}, index_dir=tmp_path)
    assert formatted == [] and (tmp_path / "t.csv").read_bytes() == _fresh(table)
    assert (tmp_path / "t.csv.index.json").is_file()  # indexed again
