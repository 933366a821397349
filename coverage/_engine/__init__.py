"""The re-run engine: pipeline stages, per-article cache, memos, spliced CSV files, the Dask runner.

Private: only :mod:`coverage.commands` (and the package's top level, for
:func:`coverage.features_dask`) import it. Nothing in it measures; it decides
what to compute again and calls the measures. Measures never take a cache
or memo argument.
"""
