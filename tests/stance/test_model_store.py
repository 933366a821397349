"""Tests of coverage.stance.model_store: keyed, digest-checked model cache."""

from __future__ import annotations

import json
import pickle
import warnings

import pytest

from coverage.errors import CorpusWarning
from coverage.stance.model_store import cached_model, load_model, meta_path, save_model, training_key


class _Evil:
    """Unpickling this creates a file: proof that unverified bytes were unpickled."""

    def __init__(self, flag):
        self.flag = flag

    def __reduce__(self):
        return (open, (self.flag, "w"))


@pytest.fixture
def train_file(tmp_path):
    path = tmp_path / "train.jsonl"
    path.write_text('{"a": 1}\n', encoding="utf-8")
    return path


def test_key_depends_on_bytes_code_version_and_options(tmp_path, train_file):
    key = training_key([train_file], code_version="1", options={"C": 1})
    copy = tmp_path / "elsewhere.jsonl"
    copy.write_bytes(train_file.read_bytes())
    assert training_key([copy], code_version="1", options={"C": 1}) == key  # the name does not matter
    assert training_key([train_file], code_version="2", options={"C": 1}) != key
    assert training_key([train_file], code_version="1", options={"C": 2}) != key
    train_file.write_text('{"a": 2}\n', encoding="utf-8")
    assert training_key([train_file], code_version="1", options={"C": 1}) != key


def test_save_then_load_round_trip_and_record(tmp_path):
    path = tmp_path / "m.pkl"
    save_model({"weights": [1, 2, 3]}, path, key="k1")
    record = json.loads(meta_path(path).read_text(encoding="utf-8"))
    assert record["key"] == "k1" and len(record["sha256"]) == 64
    assert load_model(path, key="k1") == {"weights": [1, 2, 3]}


def test_missing_cache_returns_none_without_warning(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert load_model(tmp_path / "none.pkl", key="k") is None


@pytest.mark.parametrize(
    "damage, reason",
    [
        ("key", "key differs"),
        ("bytes", "SHA-256 digest does not match"),
        ("record", "record m.pkl.meta.json is missing or unreadable"),
        ("garbled_record", "missing or unreadable"),
        ("pickle", "the pickle is missing"),
    ],
)
def test_mismatch_is_refused_with_a_warning(tmp_path, damage, reason):
    path = tmp_path / "m.pkl"
    save_model([1, 2], path, key="k1")
    key = "k1"
    if damage == "key":
        key = "k2"
    elif damage == "bytes":
        path.write_bytes(pickle.dumps([1, 3]))
    elif damage == "record":
        meta_path(path).unlink()
    elif damage == "garbled_record":
        meta_path(path).write_text("{not json", encoding="utf-8")
    elif damage == "pickle":
        path.unlink()
    with pytest.warns(CorpusWarning, match=reason):
        assert load_model(path, key=key) is None


def test_unverified_pickle_is_never_unpickled(tmp_path):
    path = tmp_path / "m.pkl"
    flag = tmp_path / "pwned"
    save_model([1], path, key="k1")
    path.write_bytes(pickle.dumps(_Evil(str(flag))))  # swapped in after the kit wrote its record
    with pytest.warns(CorpusWarning, match="digest"):
        assert load_model(path, key="k1") is None
    assert not flag.exists()
    # and with a record for another key, the bytes are not even read
    meta_path(path).write_text(json.dumps({"format": 1, "key": "other", "sha256": "0" * 64}), encoding="utf-8")
    with pytest.warns(CorpusWarning, match="key differs"):
        load_model(path, key="k1")
    assert not flag.exists()


def test_unexpected_type_is_refused(tmp_path):
    path = tmp_path / "m.pkl"
    save_model([1], path, key="k")
    with pytest.warns(CorpusWarning, match="holds a list"):
        assert load_model(path, key="k", expected_type=dict) is None


def test_cached_model_trains_once_then_loads_and_retrains_on_request(tmp_path):
    calls = []

    def train():
        calls.append(1)
        return {"n": len(calls)}

    path = tmp_path / "sub" / "m.pkl"
    assert cached_model(path, key="k", train=train) == {"n": 1}
    assert cached_model(path, key="k", train=train) == {"n": 1}
    assert len(calls) == 1
    assert cached_model(path, key="k", train=train, retrain=True) == {"n": 2}
    with pytest.warns(CorpusWarning, match="key differs"):
        assert cached_model(path, key="other", train=train) == {"n": 3}
    assert load_model(path, key="other") == {"n": 3}  # the new model replaced the stale one

