"""Safety: no network, atomic outputs, safe YAML."""

from __future__ import annotations

import os
import socket
import stat

import pandas as pd
import pytest

from coverage import LexiconError
from coverage.io.write import write_table
from coverage.cli import main
from coverage._engine.pipeline import build_tables, write_processed
from coverage.resources import read_yaml


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the kit tried to open a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_whole_pipeline_runs_with_sockets_blocked(data_copy, tmp_path, no_network, capsys):
    assert main(["figures", "--data", str(data_copy), "--out", str(tmp_path / "figs")]) == 0
    assert (tmp_path / "figs" / "README.md").exists()


def test_interrupted_write_keeps_previous_outputs(data_copy, monkeypatch):
    tables = build_tables(data_copy, cache=False)  # every file written by to_csv, in PROCESSED_FILES order
    out = data_copy / "processed"
    write_processed(tables, out)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}

    real = pd.DataFrame.to_csv
    calls = {"n": 0}

    def interrupted(self, path, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            # Write half a file, then die as a killed process would.
            real(self.head(1), path, *args, **kwargs)
            raise KeyboardInterrupt
        return real(self, path, *args, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "to_csv", interrupted)
    changed = {"articles": tables["articles"].assign(outlet="CHANGED"), **{k: v for k, v in tables.items() if k != "articles"}}
    with pytest.raises(KeyboardInterrupt):
        write_processed(changed, out)
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert set(after) == set(before)  # no stray temporary files
    assert after["sentences.csv"] == before["sentences.csv"]  # the interrupted file is intact
    assert b"CHANGED" in after["articles.csv"]  # the file finished before the interruption is new


def test_write_table_is_atomic_on_failure(tmp_path, monkeypatch):
    target = tmp_path / "t.csv"
    write_table(pd.DataFrame({"a": [1]}), target)
    monkeypatch.setattr(pd.DataFrame, "to_csv", lambda *a, **k: (_ for _ in ()).throw(OSError("disk full")))
    with pytest.raises(OSError):
        write_table(pd.DataFrame({"a": [2]}), target)
    assert target.read_text() == "a\n1\n"
    assert [p.name for p in tmp_path.iterdir()] == ["t.csv"]


def test_written_files_get_the_usual_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        target = write_table(pd.DataFrame({"a": [1]}), tmp_path / "t.csv")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644  # not mkstemp's private 0600


def test_yaml_is_loaded_safely(tmp_path):
    evil = tmp_path / "evil.yaml"
    evil.write_text("frames: !!python/object/apply:os.system ['echo pwned']\n")
    with pytest.raises(LexiconError, match=r"evil\.yaml: malformed YAML at line 1, column 9"):
        read_yaml(evil)


@pytest.mark.parametrize("content,pattern", [
    (b"a: [1, 2\n", r"bad\.yaml: malformed YAML at line 2"),
    (b"\xff\xfe a: 1", r"bad\.yaml: not UTF-8 text"),
])
def test_yaml_errors_name_the_file(tmp_path, content, pattern):
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    with pytest.raises(LexiconError, match=pattern) as info:
        read_yaml(path)
    assert "\n" not in str(info.value)
