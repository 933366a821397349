"""``media-coverage features``: write the feature tables to ``data/processed/``."""

from __future__ import annotations

from coverage.commands._common import add_compare_options, add_data_option, add_jobs_option, comparison_tables, progress
from coverage._engine.pipeline import build_tables, write_processed

__all__ = ["add_parser", "run_features", "write_comparisons"]


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("features", help="compute every feature table into data/processed/")
    add_data_option(parser)
    add_jobs_option(parser)
    add_compare_options(parser)
    parser.set_defaults(run=_run)


def run_features(data_dir, *, jobs=None, cache=True, by="outlet", min_articles=None, period=None):
    """Build every table and write it under ``data_dir/processed``; return the tables.

    The tables also hold ``units`` and ``periods``
    (:func:`coverage.commands._common.comparison_tables`), and every measure
    by unit and by period is written as ``compare_<by>.csv`` and ``compare_period.csv``.
    """
    _check_options(data_dir, by=by, period=period)
    tables = build_tables(data_dir, jobs=jobs, cache=cache,
                          progress=lambda parts, **kw: progress(parts, desc="articles", **kw))
    tables.update(comparison_tables(tables, data_dir=data_dir, by=by, min_articles=min_articles, period=period))
    written = write_processed(tables, data_dir / "processed")
    written += write_comparisons(tables, data_dir / "processed")
    for path in written:
        print(f"wrote {path}")
    return tables


def _check_options(data_dir, *, by, period):
    # A typo in --by or a bad periods file should not cost a whole run first.
    from coverage.compare.periods import FREQUENCIES, read_periods

    if by != "outlet":
        import warnings

        from coverage.compare.units import unit_table
        from coverage.errors import CorpusError
        from coverage.io.corpus import read_articles

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the run itself warns
            articles, _ = read_articles(data_dir)
        try:
            unit_table(articles.drop(columns=["raw_text"]), by=by)
        except CorpusError as exc:
            raise CorpusError(f"--by {by}: {exc}") from None
    if period is not None and period not in FREQUENCIES:
        read_periods(period)


def write_comparisons(tables, out_dir):
    """Write every measure by unit (``compare_<by>.csv``) and by period (``compare_period.csv``)."""
    from coverage.compare.measures import compare_measures
    from coverage.io.write import write_table

    units, periods = tables["units"], tables["periods"]
    by = str(units["by"].iloc[0]) if len(units) else "outlet"
    mentions = tables.get("mentions")
    by_unit = compare_measures(tables["sentence_framing"], groups=units, mentions=mentions)
    # The file names each unit by its value (the figures' labels add "(n=...)"); the pooled one keeps its label.
    first = units.drop_duplicates("unit").set_index("unit")
    shown = first["value"].where(~first["pooled"], first.index.to_series())
    by_unit = by_unit.assign(unit=by_unit["unit"].map(shown)).rename(columns={"unit": by})
    by_period = compare_measures(tables["sentence_framing"], groups=periods.dropna(subset=["period"]), by="period",
                                 mentions=mentions)
    return [write_table(by_unit, out_dir / f"compare_{by}.csv"),
            write_table(by_period, out_dir / "compare_period.csv")]


def _run(args) -> int:
    run_features(args.data, jobs=args.jobs, cache=not args.no_cache, by=args.by, min_articles=args.min_articles,
                 period=args.period)
    return 0
