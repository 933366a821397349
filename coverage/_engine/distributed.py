"""Run the feature pipeline on a Dask cluster when one machine is not enough.

The per-article stages are a pure function of a partition of the corpus
(:func:`coverage._engine.pipeline.article_features`), so :func:`features_dask` maps
it over the partitions of a Dask DataFrame with
``dask.dataframe.map_partitions``; the corpus-level steps (removed lines,
voice ledger, keyness, text reuse, ...) then run on the collected
per-article tables, in the process that called it. The tables equal those of
:func:`coverage._engine.pipeline.build_tables` on the same articles (a test checks
it on a local cluster of two worker processes).

Dask is an optional extra: ``pip install 'media-coverage[dask]'``.

Pointing it at a real cluster
-----------------------------
Start a scheduler, and workers on the machines that will do the work; every
worker needs the same version of media-coverage installed, because the
per-article function is sent by name, not by value::

    dask scheduler                          # on the scheduler machine (port 8786)
    dask worker tcp://scheduler:8786        # on each worker machine

Then, in the notebook or script::

    import dask.dataframe as dd
    from dask.distributed import Client
    from coverage import load_corpus
    from coverage import features_dask

    client = Client("tcp://scheduler:8786")   # from now on every Dask computation runs there
    corpus = load_corpus("data")              # or dd.read_parquet(...) of a table with the corpus columns
    ddf = dd.from_pandas(corpus, npartitions=4 * len(client.nthreads()))
    tables = features_dask(ddf)

``Client(...)`` makes itself Dask's default scheduler, so nothing else
changes; without a client Dask runs on local threads. To try it on one
machine: ``Client(LocalCluster(n_workers=2, threads_per_worker=1))``.
Partitions of a few hundred articles keep the workers busy without flooding
the scheduler with tiny tasks.

What does not scale out: the corpus-level steps compare articles with each
other, so the calling machine holds every article's text and per-article
tables in memory (see ``benchmarks/README.md`` for measured peaks). The
per-article cache of :func:`~coverage._engine.pipeline.build_tables` is not used
here: results travel back to the caller instead.
"""

from __future__ import annotations

import pandas as pd

from coverage.schema import CORPUS_COLUMNS, require_columns

__all__ = ["features_dask"]


def features_dask(ddf, *, stance_model=None, npartitions: int = 1) -> dict[str, pd.DataFrame]:
    """Compute every feature table of a corpus held in a Dask DataFrame.

    Each partition goes through :func:`coverage._engine.pipeline.article_features`
    on whatever Dask scheduler is active (a ``dask.distributed.Client``, or
    local threads); the per-article tables are collected in corpus order
    and the corpus-level stages run on them here.

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame or pandas.DataFrame
        The corpus table, with the columns of
        :data:`coverage.schema.CORPUS_COLUMNS` (as from
        :func:`coverage.load_corpus`). A pandas table is split into
        ``npartitions`` first.
    stance_model : FinetunedStance, optional
        The stance model, e.g. the shipped one
        (:func:`coverage.stance.finetuned.load_finetuned_stance`, which
        :func:`~coverage._engine.pipeline.build_tables` uses); each worker
        reads it once from its folder. Without it mentions are found but not
        classified.
    npartitions : int, default 1
        Partitions for a pandas input; ignored for a Dask one.

    Returns
    -------
    dict of str to DataFrame
        The tables of :func:`~coverage._engine.pipeline.build_tables` (``corpus``,
        ``articles``, every per-article and corpus table) except
        ``skipped``, which records files :func:`~coverage.load_corpus`
        could not read and so belongs to loading.

    Raises
    ------
    ImportError
        When Dask is not installed, naming the extra to install.
    ValueError
        When a corpus column is missing.

    Examples
    --------
    >>> import dask.dataframe as dd  # doctest: +SKIP
    >>> from coverage import load_corpus  # doctest: +SKIP
    >>> tables = features_dask(dd.from_pandas(load_corpus("data"), npartitions=2))  # doctest: +SKIP
    >>> len(tables["articles"])  # doctest: +SKIP
    5
    """
    try:
        import dask
        import dask.dataframe as dd
    except ImportError as error:
        raise ImportError("features_dask() needs Dask, an optional extra: pip install 'media-coverage[dask]'") from error
    from coverage._engine.pipeline import ARTICLE_TABLES, corpus_tables, in_corpus_order

    if isinstance(ddf, pd.DataFrame):
        ddf = dd.from_pandas(ddf, npartitions=npartitions)
    require_columns(pd.DataFrame(columns=list(ddf.columns)), CORPUS_COLUMNS, func="features_dask")
    # One row per partition holding its dict of tables: each partition runs
    # every per-article stage once, and the tables keep their own columns.
    per_partition = ddf.map_partitions(_partition_features, stance_model=stance_model,
                                       meta=pd.DataFrame({"tables": pd.Series([], dtype=object)}))
    corpus, collected = dask.compute(ddf, per_partition)  # one pass over the partitions
    corpus = _pandas_strings(corpus).reset_index(drop=True)
    results = collected["tables"].tolist()
    order = {article_id: k for k, article_id in enumerate(corpus["article_id"])}
    tables: dict[str, pd.DataFrame] = {"corpus": corpus}
    for name in ARTICLE_TABLES:
        tables[name] = in_corpus_order(pd.concat([r[name] for r in results], ignore_index=True), order)
    return corpus_tables(tables)


def _partition_features(part: pd.DataFrame, stance_model=None) -> pd.DataFrame:
    # Runs on a worker: a module-level function, so it is sent by name.
    from coverage._engine.pipeline import article_features

    return pd.DataFrame({"tables": [article_features(_pandas_strings(part), stance_model=stance_model)]})


def _pandas_strings(table: pd.DataFrame) -> pd.DataFrame:
    """Give text columns pandas' default ``str`` dtype again.

    Dask stores text as ``string[pyarrow]``, where a missing value is
    ``pd.NA``; the kit's tables use pandas' default (missing is NaN), and
    ``pd.NA`` would propagate through comparisons and change results.
    """
    columns = {c: "str" for c, dtype in table.dtypes.items()
               if isinstance(dtype, pd.StringDtype) and dtype.na_value is pd.NA}
    return table.astype(columns) if columns else table
