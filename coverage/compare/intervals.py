"""Compare groups (outlets, positions, voices) with intervals, not just points.

Every per-outlet number in the kit rests on very few articles; often one.
These two functions put an honest interval around such numbers:

* :func:`compare_groups` gives one estimate per group with a seeded 95%
  bootstrap interval (:func:`scipy.stats.bootstrap`, percentile method).
* :func:`permutation_test_groups` asks whether two groups differ by more than
  a random relabelling would produce (:func:`scipy.stats.permutation_test`).

Both resample *articles* (clusters) whenever a group has at least two, because
sentences of one article are not independent draws: they share an author, an
editor and a house style. When a group has a single article there is nothing
to resample at that level, so the functions fall back to resampling its
sentences (or whatever rows the table holds) and warn: the interval then
describes variation *within that one article* and says nothing about how the
outlet writes in general.

The estimate is either a plain mean of ``value`` over rows, or a ratio
estimate ``scale * sum(value) / sum(weight)`` (for example frame terms per
1,000 words with ``value="count"``, ``weight="n_words"``, ``scale=1000``).
A ratio of sums weights long articles more than short ones, which is what
"per 1,000 words of this outlet's coverage" means.
"""

from __future__ import annotations

import hashlib
from contextlib import contextmanager
from contextvars import ContextVar
import warnings
from collections.abc import MutableMapping, Sequence

import numpy as np
import pandas as pd

from coverage.errors import CorpusError, CorpusWarning
from coverage.params import check_int, check_share
from coverage.schema import require_columns

__all__ = ["compare_groups", "permutation_test_groups", "interval_store"]

#: Above this many numbers per batch, resampling is done in several batches so
#: that 2,000 resamples of 10,000 articles do not allocate gigabytes at once.
_MAX_BATCH_CELLS = 4_000_000


_STORE: ContextVar[MutableMapping | None] = ContextVar("interval_store", default=None)


@contextmanager
def interval_store(store: MutableMapping[str, list[float]]):
    """Within this block, bootstrap intervals found in ``store`` are reused and new ones are added to it.

    The key is a hash of a group's resampled numbers and the options, and
    the bootstrap is deterministic, so a reused interval is the one that
    would be computed. The kit's re-run engine keeps a store between runs,
    so adding an article of one outlet resamples that outlet only.

    Examples
    --------
    >>> t = pd.DataFrame({"outlet": ["A"] * 3, "article_id": [1, 2, 3], "x": [1.0, 2.0, 4.0]})
    >>> store = {}
    >>> with interval_store(store):
    ...     first = compare_groups(t, value="x", n_resamples=50)
    >>> len(store)
    1
    """
    token = _STORE.set(store)
    try:
        yield store
    finally:
        _STORE.reset(token)


def compare_groups(
    table: pd.DataFrame,
    *,
    value: str,
    by: str | Sequence[str] = "outlet",
    cluster: str = "article_id",
    weight: str | None = None,
    scale: float = 1.0,
    confidence: float = 0.95,
    n_resamples: int = 2000,
    seed: int = 0,
) -> pd.DataFrame:
    """Estimate ``value`` per group of ``by`` with a bootstrap interval.

    Parameters
    ----------
    table : pandas.DataFrame
        One row per unit (sentence, mention, article) with the columns
        ``by``, ``cluster``, ``value`` and, if given, ``weight``.
    value : str
        Numeric column to summarise.
    by : str or sequence of str, default "outlet"
        Column(s) defining the groups.
    cluster : str, default "article_id"
        Column naming the cluster a row belongs to; clusters are resampled
        when a group has two or more.
    weight : str, optional
        When given, the estimate is ``scale * sum(value) / sum(weight)``;
        otherwise it is the mean of ``value``.
    scale : float, default 1.0
        Multiplier of the ratio estimate (1000 for "per 1,000 words").
    confidence : float, default 0.95
        Confidence level of the interval.
    n_resamples : int, default 2000
        Bootstrap resamples per group.
    seed : int, default 0
        Seed; each group uses its own generator seeded with it, so a group's
        interval does not depend on which other groups are present.

    Returns
    -------
    pandas.DataFrame
        One row per group: the ``by`` column(s), ``estimate``, ``ci_low``,
        ``ci_high``, ``n_articles`` (distinct clusters) and ``n_units`` (rows).

    Warns
    -----
    CorpusWarning
        Naming the groups that rest on a single article (interval from rows
        of that one article), groups with a single row (no interval), and
        rows skipped because ``value`` or ``weight`` is missing.

    Notes
    -----
    The interval is a percentile bootstrap. With two or three articles per
    group it is too narrow (the bootstrap cannot see variation it never
    sampled); read it as a lower bound on the uncertainty. Rows whose weight
    and value are both zero (sentences without any frame term, in a balance
    index) are left out of the resampling because they change neither sum;
    this keeps the interval defined when few rows carry the measure.

    Examples
    --------
    >>> t = pd.DataFrame({"outlet": ["A", "A", "B", "B"], "article_id": [1, 2, 3, 4],
    ...                   "count": [2, 4, 1, 1], "n_words": [100, 100, 50, 150]})
    >>> compare_groups(t, value="count", weight="n_words", scale=1000)[["outlet", "estimate"]]
      outlet  estimate
    0      A      30.0
    1      B      10.0
    """
    by_cols = [by] if isinstance(by, str) else list(by)
    needed = [*by_cols, cluster, value] + ([weight] if weight else [])
    require_columns(table, needed, func="compare_groups")
    _check_options(confidence=confidence, n_resamples=n_resamples, func="compare_groups")
    data = _numeric_rows(table, value=value, weight=weight, needed=needed, func="compare_groups")

    rows, single_article, single_row = [], [], []
    for key, group in data.groupby(by_cols, sort=True, dropna=False):
        key = key if isinstance(key, tuple) else (key,)
        n_articles = int(group[cluster].nunique())
        est, low, high = _estimate_with_interval(
            group, value=value, weight=weight, cluster=cluster, scale=scale,
            confidence=confidence, n_resamples=n_resamples, seed=seed,
        )
        label = "/".join(map(str, key))
        if len(group) < 2:
            single_row.append(label)
        elif n_articles < 2:
            single_article.append(label)
        rows.append({**dict(zip(by_cols, key)), "estimate": est, "ci_low": low, "ci_high": high,
                     "n_articles": n_articles, "n_units": int(len(group))})

    if single_article:
        warnings.warn(
            f"compare_groups(): {len(single_article)} group(s) rest on a single article "
            f"({_some(single_article)}); their interval resamples rows within that one "
            "article and says nothing about the outlet in general",
            CorpusWarning, stacklevel=2,
        )
    if single_row:
        warnings.warn(
            f"compare_groups(): {len(single_row)} group(s) have a single row "
            f"({_some(single_row)}); their interval is NaN",
            CorpusWarning, stacklevel=2,
        )
    columns = [*by_cols, "estimate", "ci_low", "ci_high", "n_articles", "n_units"]
    return pd.DataFrame(rows, columns=columns)


def permutation_test_groups(
    table: pd.DataFrame,
    *,
    value: str,
    by: str,
    a,
    b,
    cluster: str = "article_id",
    weight: str | None = None,
    scale: float = 1.0,
    n_resamples: int = 9999,
    seed: int = 0,
) -> pd.Series:
    """Test whether groups ``a`` and ``b`` of ``by`` differ in ``value``.

    The statistic is ``estimate(a) - estimate(b)`` with the estimate of
    :func:`compare_groups`. Group labels are shuffled between whole articles
    when both groups have at least two; otherwise between rows (sentences),
    which treats the sentences of one article as independent and therefore
    overstates the evidence: read such a p-value as descriptive.

    Parameters
    ----------
    table : pandas.DataFrame
        One row per unit with ``by``, ``cluster``, ``value`` (and ``weight``).
    value, by, cluster, weight, scale
        As in :func:`compare_groups`; ``by`` is one column.
    a, b
        The two values of ``by`` to compare.
    n_resamples : int, default 9999
        Random relabellings; when the number of distinct relabellings is
        smaller, all of them are enumerated and the p-value is exact.
    seed : int, default 0

    Returns
    -------
    pandas.Series
        ``difference``, ``p_value`` (two-sided), ``n_articles_a``,
        ``n_articles_b`` and ``unit`` (``"article"`` or ``"sentence"``).

    Raises
    ------
    CorpusError
        When ``a`` or ``b`` is not a value of ``by``.

    Examples
    --------
    >>> t = pd.DataFrame({"outlet": list("AAABBB"), "article_id": range(6),
    ...                   "v": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]})
    >>> r = permutation_test_groups(t, value="v", by="outlet", a="A", b="B")
    >>> float(r["difference"]), round(float(r["p_value"]), 2), r["unit"]
    (-3.0, 0.1, 'article')
    """
    needed = [by, cluster, value] + ([weight] if weight else [])
    require_columns(table, needed, func="permutation_test_groups")
    _check_options(confidence=0.5, n_resamples=n_resamples, func="permutation_test_groups")
    data = _numeric_rows(table, value=value, weight=weight, needed=needed, func="permutation_test_groups")
    present = pd.unique(data[by])
    for label in (a, b):
        if label not in set(present):
            shown = ", ".join(map(str, sorted(map(str, present)))) or "(none)"
            raise CorpusError(
                f"permutation_test_groups(): group {label!r} not found in column {by!r}; "
                f"the groups are: {shown}"
            )
    group_a, group_b = data[data[by] == a], data[data[by] == b]
    n_art_a, n_art_b = int(group_a[cluster].nunique()), int(group_b[cluster].nunique())
    unit = "article" if min(n_art_a, n_art_b) >= 2 else "sentence"
    if unit == "article":
        num_a, den_a = _cluster_sums(group_a, value=value, weight=weight, cluster=cluster)
        num_b, den_b = _cluster_sums(group_b, value=value, weight=weight, cluster=cluster)
    else:
        num_a, den_a = _row_arrays(group_a, value=value, weight=weight)
        num_b, den_b = _row_arrays(group_b, value=value, weight=weight)
    num = np.concatenate([num_a, num_b])
    den = np.concatenate([den_a, den_b])

    # Permute indices rather than values so that each unit keeps its
    # (value, weight) pair together; the statistic looks the pair up.
    def statistic(ia, ib, axis=-1):
        with np.errstate(invalid="ignore", divide="ignore"):
            ea = num[ia].sum(axis=axis) / den[ia].sum(axis=axis)
            eb = num[ib].sum(axis=axis) / den[ib].sum(axis=axis)
        return scale * (ea - eb)

    idx_a = np.arange(len(num_a))
    idx_b = np.arange(len(num_a), len(num))
    observed = float(statistic(idx_a, idx_b))
    if len(num_a) + len(num_b) < 3 or not np.isfinite(observed):
        p_value = np.nan
    else:
        from scipy import stats  # here, not at import: a re-run that resamples nothing never loads it

        result = stats.permutation_test(
            (idx_a, idx_b), statistic, permutation_type="independent", vectorized=True,
            n_resamples=n_resamples, alternative="two-sided", rng=np.random.default_rng(seed),
        )
        p_value = float(result.pvalue)
    return pd.Series({
        "difference": observed,
        "p_value": p_value,
        "n_articles_a": n_art_a,
        "n_articles_b": n_art_b,
        "unit": unit,
    })


def _some(labels: list[str], *, shown: int = 6) -> str:
    # 48 outlet names make a warning nobody reads: the first few and a count.
    more = len(labels) - shown
    return ", ".join(labels[:shown]) + (f" and {more} more" if more > 0 else "")


def _check_options(*, confidence: float, n_resamples: int, func: str) -> None:
    check_share(confidence, name="confidence", func=func)
    check_int(n_resamples, name="n_resamples", func=func)


def _numeric_rows(table, *, value, weight, needed, func) -> pd.DataFrame:
    """Return the needed columns with numeric value/weight; warn about missing ones."""
    data = table[list(dict.fromkeys(needed))].copy()
    for col in [value] + ([weight] if weight else []):
        try:
            data[col] = pd.to_numeric(data[col]).astype(float)
        except (TypeError, ValueError):
            raise CorpusError(
                f"{func}(): column {col!r} must hold numbers; found {data[col].dtype} values "
                "such as " + repr(data[col].iloc[0]) + "; pass a numeric column"
            ) from None
    measured = [value] + ([weight] if weight else [])
    missing = data[measured].isna().any(axis=1)
    if missing.any():
        warnings.warn(
            f"{func}(): skipped {int(missing.sum())} of {len(data)} rows with a missing "
            f"{' or '.join(repr(c) for c in measured)}",
            CorpusWarning, stacklevel=3,
        )
        data = data[~missing]
    return data


def _row_arrays(group, *, value, weight):
    num = group[value].to_numpy(dtype=float)
    den = group[weight].to_numpy(dtype=float) if weight else np.ones(len(group))
    return num, den


def _cluster_sums(group, *, value, weight, cluster):
    num, den = _row_arrays(group, value=value, weight=weight)
    codes = pd.factorize(group[cluster])[0]
    n = codes.max() + 1 if len(codes) else 0
    return np.bincount(codes, weights=num, minlength=n), np.bincount(codes, weights=den, minlength=n)


def _estimate_with_interval(group, *, value, weight, cluster, scale, confidence, n_resamples, seed):
    num, den = _row_arrays(group, value=value, weight=weight)
    with np.errstate(invalid="ignore", divide="ignore"):
        estimate = float(scale * num.sum() / den.sum()) if len(num) else np.nan
    if len(group) < 2:
        return estimate, np.nan, np.nan
    if group[cluster].nunique() >= 2:
        num, den = _cluster_sums(group, value=value, weight=weight, cluster=cluster)
    informative = (num != 0) | (den != 0)
    num, den = num[informative], den[informative]
    if len(num) < 2:
        # Only one unit carries the measure: nothing varies under resampling.
        return estimate, estimate, estimate

    batch = max(1, _MAX_BATCH_CELLS // len(num))
    memo = _STORE.get()
    if memo is not None:
        key = hashlib.sha256(b"".join([num.astype(float).tobytes(), b"|", den.astype(float).tobytes(),
                                       repr((scale, confidence, n_resamples, seed, batch)).encode()])).hexdigest()
        if key in memo:
            low, high = memo[key]
            return estimate, float(low), float(high)

    def statistic(n, d, axis=-1):
        with np.errstate(invalid="ignore", divide="ignore"):
            return scale * n.sum(axis=axis) / d.sum(axis=axis)

    with warnings.catch_warnings():
        # A constant measure gives a degenerate (zero-width) interval, which
        # is the right answer here, not something to warn about.
        from scipy import stats  # here, not at import: a re-run that resamples nothing never loads it

        warnings.simplefilter("ignore", stats.DegenerateDataWarning)
        result = stats.bootstrap(
            (num, den), statistic, paired=True, vectorized=True, n_resamples=n_resamples,
            batch=batch, confidence_level=confidence,
            method="percentile", rng=np.random.default_rng(seed),
        )
    low, high = float(result.confidence_interval.low), float(result.confidence_interval.high)
    if memo is not None:
        memo[key] = [low, high]
    return estimate, low, high
