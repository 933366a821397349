"""``media-coverage features``: write the feature tables to ``data/processed/``."""

from __future__ import annotations

from coverage.commands._common import add_data_option, add_jobs_option, progress
from coverage._engine.pipeline import build_tables, write_processed

__all__ = ["add_parser", "run_features"]


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("features", help="compute every feature table into data/processed/")
    add_data_option(parser)
    add_jobs_option(parser)
    parser.set_defaults(run=_run)


def run_features(data_dir, *, jobs=None, cache=True):
    """Build every table and write it under ``data_dir/processed``; return the tables."""
    tables = build_tables(data_dir, jobs=jobs, cache=cache,
                          progress=lambda parts, **kw: progress(parts, desc="articles", **kw))
    written = write_processed(tables, data_dir / "processed")
    for path in written:
        print(f"wrote {path}")
    return tables


def _run(args) -> int:
    run_features(args.data, jobs=args.jobs, cache=not args.no_cache)
    return 0
