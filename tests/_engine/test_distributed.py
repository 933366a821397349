"""The Dask runner: on a local cluster of two worker processes, the same tables as one machine."""

from __future__ import annotations

import builtins
import importlib.util
import warnings
from pathlib import Path

import pandas as pd
import pytest

from coverage.io.corpus import load_corpus
from coverage._engine.distributed import features_dask
from coverage.errors import CorpusWarning
from coverage._engine.pipeline import build_tables

HAVE_DASK = all(importlib.util.find_spec(name) for name in ("dask", "distributed"))
needs_dask = pytest.mark.skipif(not HAVE_DASK, reason="Dask is not installed: pip install 'media-coverage[dask]'")


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as dask_client:
        yield dask_client


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    from benchmarks.generate import generate, write

    folder = tmp_path_factory.mktemp("generated")
    # Raw articles only (no NewsMTSC): stance comes from the shipped model all the same.
    write(generate(24, sources=[Path(__file__).resolve().parents[2] / "data"], seed=11, min_paras=2, max_paras=5),
          folder)
    return folder


def _single_machine(folder: Path) -> dict[str, pd.DataFrame]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)  # e.g. no stance training data in a copied folder
        return build_tables(folder, jobs=1, cache=False)


def _on_cluster(client, folder: Path, npartitions: int, *, stance_model=None):
    import dask.dataframe as dd
    from distributed import get_task_stream

    ddf = dd.from_pandas(load_corpus(folder), npartitions=npartitions)
    with warnings.catch_warnings(), get_task_stream(client) as stream:
        warnings.simplefilter("ignore", CorpusWarning)
        tables = features_dask(ddf, stance_model=stance_model)
    workers = {task["worker"] for task in stream.data if "partition_features" in str(task["key"])}
    return tables, workers


def _assert_same(got: dict, expected: dict) -> None:
    assert sorted(got) == sorted(set(expected) - {"skipped"})
    for name, table in got.items():
        pd.testing.assert_frame_equal(table, expected[name], obj=name)


@needs_dask
def test_shipped_articles_equal_single_machine(client, data_copy):
    from coverage.stance.finetuned import load_finetuned_stance

    # build_tables classifies stance with the shipped model; the workers read it from its folder.
    tables, workers = _on_cluster(client, data_copy, npartitions=3, stance_model=load_finetuned_stance())
    _assert_same(tables, _single_machine(data_copy))
    assert len(tables["articles"]) == 5
    assert "stance" in tables["mentions"].columns  # the model travelled to the workers
    assert workers and workers <= set(client.scheduler_info()["workers"])  # the partitions ran on the cluster


@needs_dask
def test_generated_corpus_equals_single_machine(client, generated):
    from coverage.stance.finetuned import load_finetuned_stance

    tables, workers = _on_cluster(client, generated, npartitions=4, stance_model=load_finetuned_stance())
    _assert_same(tables, _single_machine(generated))
    assert len(tables["articles"]) == 24
    assert len(tables["reuse"]) > 0  # recombined paragraphs: the corpus stage had work to do
    assert len(workers) == 2  # four partitions, two idle workers: both take some


@needs_dask
def test_pandas_input_is_split(client, data_copy):
    corpus = load_corpus(data_copy)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        tables = features_dask(corpus, npartitions=2)
    pd.testing.assert_frame_equal(tables["corpus"], corpus)


@needs_dask
def test_missing_column_is_named(data_copy):
    corpus = load_corpus(data_copy).drop(columns="text")
    with pytest.raises(ValueError, match=r"features_dask\(\) needs column 'text', which is missing"):
        features_dask(corpus)


def test_without_dask_the_error_names_the_extra(monkeypatch):
    real_import = builtins.__import__

    def no_dask(name, *args, **kwargs):
        if name == "dask" or name.startswith("dask."):
            raise ModuleNotFoundError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_dask)
    with pytest.raises(ImportError, match=r"^features_dask\(\) needs Dask, an optional extra: "
                                          r"pip install 'media-coverage\[dask\]'$"):
        features_dask(pd.DataFrame())
