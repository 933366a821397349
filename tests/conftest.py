"""Shared fixtures: the repository, the five shipped articles, a tiny corpus."""

from __future__ import annotations

import shutil
from pathlib import Path

import matplotlib
import pandas as pd
import pytest

matplotlib.use("Agg")

# Scripts that made the reference numbers of some tests with PyTorch (not installed here): not tests.
collect_ignore_glob = ["fixtures/*.py"]

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shipped_corpus() -> pd.DataFrame:
    """The five shipped articles, loaded once per test session."""
    from coverage import load_corpus

    return load_corpus(DATA)


@pytest.fixture(scope="session")
def distinct_corpus(tmp_path_factory) -> pd.DataFrame:
    """40 articles of distinct NewsMTSC sentences (benchmarks/generate_distinct.py), loaded like any data folder."""
    import sys

    from coverage import load_corpus

    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from generate_distinct import generate, write
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    folder = tmp_path_factory.mktemp("distinct")
    write(generate(40, sources=[DATA], seed=7), folder)
    return load_corpus(folder)


@pytest.fixture(scope="session")
def shipped_sentences(shipped_corpus) -> pd.DataFrame:
    from coverage import split_sentences

    return split_sentences(shipped_corpus)


@pytest.fixture(scope="session")
def stance_model_dir(tmp_path_factory) -> Path:
    """The stance model trained once per test session (its cache key ignores paths)."""
    from coverage.stance.model import load_stance_model

    folder = tmp_path_factory.mktemp("stance-model")
    # The model `make figures` left in data/processed is reused when its cache key matches
    # (load_stance_model checks the key and the digest, and retrains otherwise).
    for cached in sorted((DATA / "processed").glob("stance_model.pkl*")):
        shutil.copy2(cached, folder / cached.name)
    load_stance_model(DATA, cache_dir=folder)
    return folder


@pytest.fixture
def data_copy(tmp_path, stance_model_dir) -> Path:
    """A writable copy of the shipped data folder: raw files, manifest, NewsMTSC, trained model."""
    target = tmp_path / "data"
    (target / "raw").mkdir(parents=True)
    for path in (DATA / "raw").iterdir():
        shutil.copy2(path, target / "raw" / path.name)
    shutil.copy2(DATA / "articles.csv", target / "articles.csv")
    shutil.copytree(DATA / "external" / "newsmtsc", target / "external" / "newsmtsc")
    shutil.copytree(stance_model_dir, target / "processed")
    return target


@pytest.fixture
def tiny_data(tmp_path) -> Path:
    """A data folder with two short articles in front matter, no manifest."""
    raw = tmp_path / "data" / "raw"
    raw.mkdir(parents=True)
    (raw / "a.md").write_text(
        "---\noutlet: Daily One\npublished: 2018-06-21\ntitle: Workers write to the CEO\n---\n"
        "Workers write to the CEO\n\nWorkers sent a letter on Monday. They want a reply.\n\n"
        "“We will not build it,” the letter said.\n",
        encoding="utf-8",
    )
    (raw / "b.txt").write_text(
        "---\noutlet: Weekly Two\npublished: 2018-11-05\n---\n"
        "Filed under:\n\nCompany answers staff\n\nThe company answered on Thursday.\n",
        encoding="utf-8",
    )
    return tmp_path / "data"
