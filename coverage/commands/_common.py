"""Options and helpers shared by the subcommands."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["add_data_option", "add_jobs_option", "progress", "figure_modules"]

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


def progress(iterable, **kwargs):
    """Wrap ``iterable`` in a progress bar shown only on a terminal."""
    from tqdm import tqdm

    return tqdm(iterable, disable=None, file=sys.stderr, leave=False, **kwargs)
