"""Compute every feature table from a data folder and write ``data/processed/``.

The pipeline is a list of stages. A stage takes the dict of tables computed
so far and returns new tables to add; it never changes the tables it was
given. ``media-coverage features`` runs them and writes one CSV per table;
``media-coverage figures`` then draws from the same dict.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import pandas as pd

from coverage._io import write_table
from coverage.corpus import load_corpus, removed_lines
from coverage.framing import framing_tables
from coverage.outlets import outlet_tables
from coverage.sentences import split_sentences

__all__ = ["STAGES", "build_tables", "write_processed", "PROCESSED_FILES"]

Tables = dict[str, pd.DataFrame]


def _stage_sentences(tables: Mapping[str, pd.DataFrame]) -> Tables:
    return {"sentences": split_sentences(tables["corpus"]), "removed": removed_lines(tables["corpus"])}


def _stage_framing(tables: Mapping[str, pd.DataFrame]) -> Tables:
    return framing_tables(tables["corpus"], tables["sentences"], mentions=tables.get("mentions"))


def _stage_outlets(tables: Mapping[str, pd.DataFrame]) -> Tables:
    return outlet_tables(tables["corpus"], tables["sentences"], quotes=tables.get("quotes"))


#: Stages in order: (name shown in the progress bar, function).
STAGES: list[tuple[str, Callable[[Mapping[str, pd.DataFrame]], Tables]]] = [
    ("sentences", _stage_sentences),
    ("framing", _stage_framing),
    ("outlets", _stage_outlets),
]

#: Which table goes to which file of ``data/processed/``.
PROCESSED_FILES = {
    "articles": "articles.csv",
    "sentences": "sentences.csv",
    "removed": "removed_lines.csv",
    "sentence_framing": "sentence_features.csv",
    "evidence": "evidence.csv",
    "keyness": "keyness.csv",
    "reuse": "reuse.csv",
    "reuse_pairs": "reuse_pairs.csv",
    "skipped": "skipped.csv",
}


def build_tables(data_dir: str | Path, *, progress: Callable | None = None) -> Tables:
    """Load the corpus and run every stage.

    Parameters
    ----------
    data_dir : str or Path
        The data folder.
    progress : callable, optional
        Wraps the list of stages, e.g. ``tqdm``.

    Returns
    -------
    dict of str to DataFrame
        ``corpus``, ``articles`` (article-level table for ``articles.csv``),
        ``sentences``, ``removed``, ``skipped`` and every stage's tables.
    """
    skipped: list[dict[str, str]] = []
    tables: Tables = {"corpus": load_corpus(data_dir, skipped=skipped)}
    stages = progress(STAGES) if progress else STAGES
    for name, stage in stages:
        if hasattr(stages, "set_description"):
            stages.set_description(name)
        tables.update(stage(tables))
    tables["skipped"] = pd.DataFrame(skipped, columns=["source", "reason"])
    tables["articles"] = _article_table(tables)
    return tables


def _article_table(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    # Article-level columns from every stage (tables named "article_*"),
    # merged onto the corpus without its raw text.
    articles = tables["corpus"].drop(columns=["raw_text"])
    for name, table in tables.items():
        if name.startswith("article_"):
            articles = articles.merge(table, on="article_id", how="left", validate="one_to_one")
    return articles


def write_processed(tables: Mapping[str, pd.DataFrame], out_dir: str | Path) -> list[Path]:
    """Write the processed tables as CSV files (atomically) and return their paths."""
    out = Path(out_dir)
    return [write_table(tables[name], out / filename)
            for name, filename in PROCESSED_FILES.items() if name in tables]
