"""``media-coverage figures``: features plus every figure, with a captions index."""

from __future__ import annotations

import importlib
from pathlib import Path

from coverage.commands._common import add_compare_options, add_data_option, add_jobs_option, figure_modules, progress
from coverage.commands.features import run_features
from coverage.plots.registry import save_figures
from coverage.report import SUMMARY_FILE, write_report

__all__ = ["add_parser", "all_specs"]


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("figures", help="compute features and regenerate every figure")
    add_data_option(parser)
    parser.add_argument("--out", type=Path, default=Path("figures"), metavar="DIR",
                        help="folder for the figures (default: figures)")
    add_jobs_option(parser)
    add_compare_options(parser)
    parser.set_defaults(run=_run)


def all_specs(tables):
    """Return the figure specs of every plotting module, in order."""
    specs = []
    for name in figure_modules:
        specs.extend(importlib.import_module(f"coverage.plots.{name}").figure_specs(tables))
    return specs


def _run(args) -> int:
    import matplotlib

    matplotlib.use("Agg")  # the command draws files, never windows
    from coverage.compare.intervals import interval_store

    # The comparison files and the figures resample the same groups: each interval is computed once.
    with interval_store({}):
        tables = run_features(args.data, jobs=args.jobs, cache=not args.no_cache, by=args.by,
                              min_articles=args.min_articles, period=args.period)
        specs = all_specs(tables)
        written = save_figures(specs, args.out, progress=lambda specs: progress(specs, desc="figures"))
    print(f"wrote {len(written) - 1} figure files and {written[-1]}")
    # The standalone HTML report, with what changed since the summary of the last run.
    report = write_report(tables, args.out, specs=specs, summary_path=args.data / "processed" / SUMMARY_FILE)
    print(f"wrote {report}")
    return 0
