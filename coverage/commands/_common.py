"""Options and helpers shared by the subcommands."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["add_data_option", "add_jobs_option", "add_compare_options", "comparison_tables", "progress",
           "figure_modules"]

#: Modules of :mod:`coverage.plots` whose ``figure_specs`` the figures command draws.
figure_modules = ("corpus", "framing", "voices", "stance", "outlets")


def add_data_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--data DIR`` (default ``data``)."""
    parser.add_argument("--data", type=Path, default=Path("data"), metavar="DIR",
                        help="data folder with raw/ and articles.csv (default: data)")


def add_jobs_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--jobs N`` (default all cores) and ``--no-cache``."""
    parser.add_argument("--jobs", type=int, default=None, metavar="N",
                        help="worker processes for per-article features (default: all cores)")
    parser.add_argument("--no-cache", action="store_true",
                        help="recompute every article instead of reusing data/processed/cache")


def add_compare_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--by COLUMN``, ``--min-articles N`` and ``--period week|month|FILE``."""
    parser.add_argument("--by", default="outlet", metavar="COLUMN",
                        help="unit of comparison: outlet (default), or any column of articles.csv, the front matter, "
                             "a bulk table or outlets.csv, e.g. group or lean")
    parser.add_argument("--min-articles", type=int, default=None, metavar="N",
                        help="pool units with fewer articles as 'other' (default: 2 when there are more than "
                             "25 units, else 1)")
    parser.add_argument("--period", default=None, metavar="week|month|FILE",
                        help="periods of the story: calendar weeks or months, or a file of phases "
                             "(name,start,end); default DIR/periods.csv when present, else month")


def comparison_tables(tables, *, data_dir: Path, by: str = "outlet", min_articles: int | None = None,
                      period: str | None = None) -> dict:
    """Return ``units`` and ``periods`` for the figures and comparison files: who is compared, and when.

    Raises
    ------
    CorpusError
        When ``by`` is not a column of the articles, or the periods file cannot be read.
    """
    from coverage.compare.periods import FREQUENCIES, PERIODS, period_table, read_periods
    from coverage.compare.units import unit_table
    from coverage.errors import CorpusError

    if min_articles is not None and min_articles < 1:
        raise CorpusError(f"--min-articles {min_articles}: must be at least 1; pass e.g. --min-articles 2")
    articles = tables["articles"]
    try:
        units = unit_table(articles, by=by, min_articles=min_articles)
    except CorpusError as exc:
        raise CorpusError(f"--by {by}: {exc}") from None
    if period is None:
        period = str(data_dir / PERIODS) if (data_dir / PERIODS).is_file() else "month"
    if period in FREQUENCIES:
        periods = period_table(articles, periods=period).assign(kind=period)
    else:
        periods = period_table(articles, periods=read_periods(period)).assign(kind="phases")
    return {"units": units, "periods": periods}


def progress(iterable, **kwargs):
    """Wrap ``iterable`` in a progress bar shown only on a terminal."""
    from tqdm import tqdm

    return tqdm(iterable, disable=None, file=sys.stderr, leave=False, **kwargs)
