"""Compute every feature table from a data folder and write ``data/processed/``.

Two kinds of stages:

* **Per-article stages** (:data:`ARTICLE_STAGES`) depend on one article at a
  time: sentences, readability, quotations and voices, target mentions and
  their stance, sentiment and frames, and the per-article halves of keyness
  (word counts) and text reuse (hashed words). They run on partitions of the
  corpus, in parallel (``jobs``), and their results are cached per article
  (:mod:`coverage._engine.cache`), so adding one article recomputes one article.
  :func:`article_features` is that pure function of a partition; the Dask
  runner (:mod:`coverage._engine.distributed`) maps it over a Dask DataFrame.
* **Corpus stages** (:data:`CORPUS_STAGES`) compare articles: removed-line
  boilerplate, keyness, text reuse (ignoring text carried by more articles
  than :func:`coverage.reuse.find.boilerplate_cutoff`), stance intervals. They
  always run on the whole corpus, from the per-article tables.

With the cache on, a re-run also reuses cleaned articles
(:mod:`coverage._engine.clean_cache`), the text reuse of the last run, updated for
the articles added, removed or changed (:mod:`coverage._engine.reuse_memo`), the
bootstrap intervals of unchanged outlets, and the CSV rows of unchanged articles
(:mod:`coverage._engine.spliced_csv`). Nothing cached changes a result: tests compare
every table and file with a run without the cache.

The stages themselves are in :mod:`coverage._engine.stages`: each takes the
tables computed so far and a :class:`~coverage._engine.stages.RunContext`
(the stance model, the memos) and returns new tables to add.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from coverage._engine.clean_cache import clean_articles
from coverage._engine.rows import take_rows
from coverage._engine.run_memos import INTERVALS_FILE, REUSE_DIR, IntervalMemo, read_reuse_memo
from coverage._engine.spliced_csv import write_by_article
from coverage._engine.cache import article_keys, read_cached, write_cached
from coverage._engine.stages import ARTICLE_STAGES, ARTICLE_TABLES, CORPUS_STAGES, RunContext
from coverage.io.corpus import assemble_corpus, read_articles
from coverage.io.write import write_table

__all__ = ["ARTICLE_STAGES", "CORPUS_STAGES", "article_features", "build_tables", "corpus_tables",
           "in_corpus_order", "write_processed", "PROCESSED_FILES"]

Tables = dict[str, pd.DataFrame]


#: Fewer articles than this are processed in the main process: starting
#: worker processes and sending them the model costs more than it saves
#: (100 articles: 5.0 s with 2 workers, 2.7 s with none; benchmarks/README.md).
MIN_ARTICLES_FOR_POOL = 200

#: Which table goes to which file of ``data/processed/``.
PROCESSED_FILES = {
    "articles": "articles.csv",
    "sentences": "sentences.csv",
    "removed": "removed_lines.csv",
    "quotes": "quotes.csv",
    "quote_segments": "quote_segments.csv",
    "voice_ledger": "voice_ledger.csv",
    "mentions": "mentions.csv",
    "stance_summary": "stance_summary.csv",
    "sentence_framing": "sentence_features.csv",
    "evidence": "evidence.csv",
    "keyness": "keyness.csv",
    "reuse": "reuse.csv",
    "reuse_pairs": "reuse_pairs.csv",
    "skipped": "skipped.csv",
}


def article_features(corpus: pd.DataFrame, *, stance_model=None) -> Tables:
    """Run every per-article stage on a partition of the corpus.

    A pure function: the result for an article depends only on that
    article's row (and the trained stance model), so partitions can be
    processed anywhere, in any order.

    Parameters
    ----------
    corpus : pandas.DataFrame
        A partition of the corpus table.
    stance_model : FinetunedStance, optional
        The shipped model (:func:`coverage.stance.finetuned.load_finetuned_stance`,
        what :func:`build_tables` uses); without it mentions are found but not classified.

    Returns
    -------
    dict of str to DataFrame
        One table per name in :data:`ARTICLE_TABLES`.
    """
    tables: dict = {"corpus": corpus}
    context = RunContext(stance_model=stance_model)
    for _, stage in ARTICLE_STAGES:
        tables.update(stage(tables, context))
    return {name: tables[name] for name in ARTICLE_TABLES}


def build_tables(data_dir: str | Path, *, jobs: int | None = None, cache: bool = True,
                 progress: Callable | None = None) -> Tables:
    """Load the corpus and run every stage.

    Parameters
    ----------
    data_dir : str or Path
        The data folder.
    jobs : int, optional
        Worker processes for the per-article stages; default all cores.
        Results are identical whatever the number.
    cache : bool, default True
        Reuse per-article results stored under ``data_dir/processed/cache``.
    progress : callable, optional
        Wraps an iterable to show progress, e.g. ``tqdm``.

    Returns
    -------
    dict of str to DataFrame
        ``corpus``, ``articles`` (article-level table for ``articles.csv``),
        every per-article and corpus table, ``skipped``, and with the cache
        on ``cache_keys`` (each article's cache key, for
        :func:`write_processed`).
    """
    data_dir = Path(data_dir)
    cache_dir = data_dir / "processed" / "cache" if cache else None
    raw, skipped = read_articles(data_dir)
    cleaned = clean_articles(raw["raw_text"].tolist(), raw["title"].tolist(), cache_dir=cache_dir)
    corpus, removed = assemble_corpus(raw, cleaned)
    order = {article_id: i for i, article_id in enumerate(corpus["article_id"])}
    model, model_key = _stance_model(data_dir)
    tables: Tables = {"corpus": corpus, "removed": in_corpus_order(removed, order)}
    keys = article_keys(corpus, extra=model_key)
    if cache_dir is not None:  # the single-folder cache of kit 0.1, now under cache/articles/
        for legacy in ("keys", *ARTICLE_TABLES):
            (cache_dir / f"{legacy}.parquet").unlink(missing_ok=True)
    reuse_memo = read_reuse_memo(cache_dir, corpus, keys)  # before the per-article cache lets removed articles go
    tables.update(_per_article(corpus, keys, cache_dir=cache_dir / "articles" if cache_dir else None,
                               stance_model=model, jobs=jobs, progress=progress))
    if cache_dir is not None:  # lets write_processed reuse the CSV rows of unchanged articles
        tables["cache_keys"] = pd.DataFrame({"article_id": corpus["article_id"], "key": keys.to_numpy()})
    memo = IntervalMemo.read(cache_dir / INTERVALS_FILE) if cache_dir is not None else None
    tables = corpus_tables(tables, context=RunContext(interval_memo=memo, reuse_memo=reuse_memo))
    if memo is not None:
        memo.write_used(cache_dir / INTERVALS_FILE)
        reuse_memo.write(cache_dir / REUSE_DIR)
    tables["skipped"] = skipped
    return tables


def corpus_tables(tables: Mapping[str, pd.DataFrame], *, context: RunContext | None = None) -> Tables:
    """Run the corpus stages on the per-article tables and build ``articles``.

    Parameters
    ----------
    tables : mapping of str to DataFrame
        ``corpus`` and every table of :data:`ARTICLE_TABLES`, in corpus order.
    context : RunContext, optional
        The memos of the last run; none by default.

    Returns
    -------
    dict of str to DataFrame
        ``tables`` plus every corpus table and ``articles`` (the corpus
        without raw text, with every article-level column merged on).
    """
    result: Tables = dict(tables)
    context = context or RunContext()
    for _, stage in CORPUS_STAGES:
        result.update(stage(result, context))
    result["articles"] = _article_table(result)
    return result


def _stance_model(data_dir: Path):
    # The fine-tuned model ships with the kit (coverage/data/stance_finetuned/):
    # nothing is trained on first use, any data folder gets stance, and every
    # machine gets the same labels. The data folder is not read.
    from coverage.stance.finetuned import load_finetuned_stance

    model = load_finetuned_stance()
    return model, model.key


def _per_article(corpus: pd.DataFrame, keys: pd.Series, *, cache_dir: Path | None, jobs: int | None,
                 stance_model=None, progress: Callable | None) -> Tables:
    cached, hits = read_cached(cache_dir, ARTICLE_TABLES, keys) if cache_dir else ({}, set())
    # A set lookup per key: Series.isin on pandas' Arrow strings converts each hit to an Arrow scalar first.
    missed = np.fromiter((key not in hits for key in keys), dtype=bool, count=len(keys))
    todo = corpus[missed]
    computed = _run_partitions(todo, jobs=jobs, progress=progress, stance_model=stance_model)
    key_of = dict(zip(corpus["article_id"].tolist(), keys.tolist()))
    order = {article_id: i for i, article_id in enumerate(corpus["article_id"])}
    result: Tables = {}
    for name in ARTICLE_TABLES:
        new = computed[name].assign(_key=computed[name]["article_id"].map(key_of))
        old = cached.get(name)
        parts = [t for t in (old, new) if t is not None and len(t)]
        table = pd.concat(parts, ignore_index=True) if parts else new
        result[name] = in_corpus_order(table, order)
    if cache_dir is not None and len(todo):
        write_cached(cache_dir, result, keys, new=keys[missed])
    return {name: table.drop(columns="_key") for name, table in result.items()}


def in_corpus_order(table: pd.DataFrame, order: Mapping[str, int]) -> pd.DataFrame:
    """Sort ``table`` by the position of its ``article_id`` in ``order``, stable within an article.

    Cached and fresh rows (or rows from different workers) interleave; sorting
    back to corpus order means the output never depends on how it was computed.
    """
    found = pd.Index(list(order)).get_indexer(table["article_id"])  # -1: not in ``order``, goes last
    position = np.append(np.fromiter(order.values(), dtype=np.float64, count=len(order)), np.inf)[found]
    if (position[1:] >= position[:-1]).all():  # cached rows usually are in order already
        return table.reset_index(drop=True)
    return take_rows(table, np.argsort(position, kind="stable"))


def _run_partitions(corpus: pd.DataFrame, *, jobs: int | None, progress: Callable | None,
                    stance_model=None) -> Tables:
    if corpus.empty:
        return article_features(corpus, stance_model=stance_model)
    jobs = jobs or os.cpu_count() or 1
    n_parts = 1 if jobs == 1 or len(corpus) < MIN_ARTICLES_FOR_POOL else min(len(corpus), jobs * 8)
    bounds = [round(i * len(corpus) / n_parts) for i in range(n_parts + 1)]
    parts = [corpus.iloc[a:b] for a, b in zip(bounds, bounds[1:])]
    if n_parts == 1:
        results = [article_features(parts[0], stance_model=stance_model)]
    else:
        from joblib import Parallel, delayed

        runner = Parallel(n_jobs=jobs, return_as="generator")
        calls = (delayed(article_features)(part, stance_model=stance_model) for part in parts)
        results = list(progress(runner(calls), total=n_parts) if progress else runner(calls))
    return {name: pd.concat([r[name] for r in results], ignore_index=True) for name in ARTICLE_TABLES}


def _article_table(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    # Article-level columns from every stage (tables named "article_*"),
    # merged onto the corpus without its raw text.
    articles = tables["corpus"].drop(columns=["raw_text"])
    for name, table in tables.items():
        if name.startswith("article_"):
            articles = articles.merge(table, on="article_id", how="left", validate="one_to_one")
    return articles


def write_processed(tables: Mapping[str, pd.DataFrame], out_dir: str | Path) -> list[Path]:
    """Write the processed tables as CSV files (atomically) and return their paths.

    When ``tables`` holds ``cache_keys`` (:func:`build_tables` with the
    cache on), per-article tables and ``articles.csv`` are written by
    :func:`coverage._engine.spliced_csv.write_by_article`: the rows of unchanged
    articles are copied from the previous file, with an index kept in
    ``out_dir/cache/csv``. The files are the same either way.
    """
    out = Path(out_dir)
    keys = tables.get("cache_keys")
    key_of = dict(zip(keys["article_id"].tolist(), keys["key"].tolist())) if keys is not None else None
    written = []
    for name, filename in PROCESSED_FILES.items():
        if name not in tables:
            continue
        if key_of is not None and name in ARTICLE_TABLES:
            written.append(write_by_article(tables[name], out / filename, keys=key_of,
                                            index_dir=out / "cache" / "csv"))
        elif key_of is not None and name == "articles":
            # One row per article, but with corpus-level columns (text reuse):
            # rows are reused when their values are unchanged.
            written.append(write_by_article(tables[name], out / filename, index_dir=out / "cache" / "csv"))
        else:
            written.append(write_table(tables[name], out / filename))
    return written
