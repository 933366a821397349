"""Hand coding: measure agreement between coders, and between coders and the kit.

The kit's measures are word counts; people read meaning. This module ends
the small content-analysis study that checks one against the other (the
sample and the coding sheets come from :mod:`coverage.compare.coding`):
:func:`reliability` measures how
far coders agree (Cohen's kappa per pair with scikit-learn, Krippendorff's
alpha over all with the ``krippendorff`` package, nominal level); and
:func:`measure_agreement` scores a kit measure against the settled human
codes (precision, recall, F1 per outlet, with scikit-learn).

What the statistics measure, and their blind spots. *Observed agreement* is
the share of units two coders code alike; it looks good when one code is
very common (two coders who always write "neither" agree on most sentences
of this corpus). *Cohen's kappa* corrects for the agreement expected from
each coder's own code frequencies: 1 is perfect, 0 is chance, below 0 worse
than chance; it is undefined when both coders used one and the same code for
every unit. *Krippendorff's alpha* makes the same correction from the
pooled code frequencies, allows any number of coders and missing codes, and
is undefined when only one code occurs. Both are unstable on small samples:
with a few dozen units, one changed code moves them by 0.05 to 0.1, and a
rare code weighs heavily. Low agreement means the *codebook* is unclear, and
then no measure can be validated against the codes. *Precision* is the share
of the units the measure flags that people coded positive; *recall* the share
of the people's positive units that the measure flags. Neither says whether
the human codes are right: they are a second reading, not the truth.
"""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd

from coverage.compare.coding import normalise_codes
from coverage.errors import CorpusError, CorpusWarning
from coverage.schema import require_columns

__all__ = ["reliability", "measure_agreement"]


def reliability(
    codes: pd.DataFrame,
    *,
    coders: Sequence[str],
    by: str | None = None,
    categories: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Agreement between coders: Cohen's kappa per pair, Krippendorff's alpha over all.

    Parameters
    ----------
    codes : pandas.DataFrame
        One row per unit, one column of codes per coder (e.g. from
        :func:`collect_codes`). Codes are compared stripped and lower-cased;
        a blank or missing cell is a missing code.
    coders : sequence of str
        The columns to compare, at least two (e.g. ``["frame_ana", "frame_ben"]``).
    by : str, optional
        Also compute the statistics within each group of this column (e.g.
        ``"outlet"``); the rows pooling all units come last, labelled ``"all"``.
    categories : sequence of str, optional
        The codes of the codebook. A code outside them raises, so that a
        typo is not counted as a disagreement.

    Returns
    -------
    pandas.DataFrame
        ``by`` (when given), ``statistic`` (``"cohen_kappa"`` for each pair of
        coders, then ``"krippendorff_alpha"``), ``coders`` (the columns,
        comma-separated), ``n_units`` (units coded by both coders of the pair;
        for alpha, by at least two coders), ``agreement`` (share of those
        units on which the coders agree) and ``value``. The value is missing
        when it is undefined (a single code throughout, or no units).

    Raises
    ------
    CorpusError
        When a code is not in ``categories`` (naming the unit and the column).

    Warns
    -----
    CorpusWarning
        Counting units with a missing code, left out of the pairs that lack it.

    Examples
    --------
    >>> t = pd.DataFrame({"ana": ["a", "a", "b", "b"], "ben": ["a", "b", "b", "b"]})
    >>> reliability(t, coders=["ana", "ben"])[["statistic", "agreement", "value"]].round(3)
                statistic  agreement  value
    0         cohen_kappa       0.75  0.500
    1  krippendorff_alpha       0.75  0.533
    """
    coders = list(coders)
    if len(coders) < 2 or len(set(coders)) != len(coders):
        raise ValueError(f"reliability() needs at least two different coder columns; got {coders!r}")
    require_columns(codes, [*coders, *([by] if by else [])], func="reliability")
    table = pd.DataFrame({c: normalise_codes(codes[c]) for c in coders})
    _check_categories(codes, table, categories)
    missing = int(table.isna().any(axis=1).sum())
    if missing:
        warnings.warn(f"reliability(): {missing} of {len(table)} units lack a code from at least one coder; "
                      "each statistic uses the units its coders both coded", CorpusWarning, stacklevel=2)
    labels = list(dict.fromkeys(normalise_codes(pd.Series(list(categories))))) if categories else \
        sorted(pd.unique(table.stack().dropna()))
    rows = []
    if by:
        for key, index in codes.groupby(by, sort=True).groups.items():
            rows += [{by: key, **r} for r in _agreement_rows(table.loc[index], coders, labels)]
    rows += [{**({by: "all"} if by else {}), **r} for r in _agreement_rows(table, coders, labels)]
    return pd.DataFrame(rows, columns=[*([by] if by else []), "statistic", "coders", "n_units", "agreement", "value"])


def measure_agreement(
    codes: pd.DataFrame,
    *,
    human: str,
    measure: str,
    positive: str,
    by: str | None = "outlet",
) -> pd.DataFrame:
    """Precision, recall and F1 of a kit measure against human codes, per group.

    Parameters
    ----------
    codes : pandas.DataFrame
        One row per unit with the ``human`` codes, the ``measure`` and ``by``
        (e.g. collected codes merged with the ``sentence_framing`` table).
    human : str
        Column of human codes (e.g. an adjudicated ``frame_agreed``).
    measure : str
        Column of the kit measure: booleans (True = the measure flags the
        unit), or codes compared with ``positive`` like the human ones.
    positive : str
        The code that counts as positive, e.g. ``"surveillance"``.
    by : str or None, default "outlet"
        Grouping column; a last row ``"all"`` pools every unit. ``None`` gives
        the pooled row only.

    Returns
    -------
    pandas.DataFrame
        ``by`` (when given), ``n_units``, ``human_positive``,
        ``measure_positive``, ``both_positive`` (true positives),
        ``precision`` (missing when the measure flags nothing), ``recall``
        (missing when people coded nothing positive) and ``f1``.

    Warns
    -----
    CorpusWarning
        Counting units without a human code or a measure, which are left out.

    Examples
    --------
    >>> t = pd.DataFrame({"outlet": ["X", "X", "X", "Y"], "human": ["s", "s", "n", "n"],
    ...                   "kit": [True, False, True, False]})
    >>> measure_agreement(t, human="human", measure="kit", positive="s")[["outlet", "precision", "recall"]]
      outlet  precision  recall
    0      X        0.5     0.5
    1      Y        NaN     NaN
    2    all        0.5     0.5
    """
    require_columns(codes, [human, measure, *([by] if by else [])], func="measure_agreement")
    target = normalise_codes(pd.Series([positive])).iloc[0]
    truth = normalise_codes(codes[human])
    if pd.api.types.is_bool_dtype(codes[measure].dtype) or _is_boolean_objects(codes[measure]):
        flag = codes[measure].astype("boolean")
    else:
        flag = (normalise_codes(codes[measure]) == target).astype("boolean").where(codes[measure].notna())
    usable = (truth.notna() & flag.notna()).to_numpy(dtype=bool)
    if not usable.all():
        warnings.warn(f"measure_agreement(): {int((~usable).sum())} of {len(codes)} units lack a human code "
                      f"in {human!r} or a value in {measure!r} and were left out", CorpusWarning, stacklevel=2)
    data = pd.DataFrame({"y_true": (truth == target).to_numpy(dtype=bool, na_value=False),
                         "y_pred": flag.to_numpy(dtype=bool, na_value=False)})
    if by:
        data[by] = codes[by].to_numpy()
    data = data[usable]
    rows = []
    if by:
        rows += [{by: key, **_binary_scores(group)} for key, group in data.groupby(by, sort=True)]
    rows.append({**({by: "all"} if by else {}), **_binary_scores(data)})
    columns = [*([by] if by else []), "n_units", "human_positive", "measure_positive", "both_positive",
               "precision", "recall", "f1"]
    return pd.DataFrame(rows, columns=columns)


def _shown(value) -> str:
    # Messages show 12, not np.int64(12).
    return repr(value.item() if isinstance(value, np.generic) else value)


def _is_boolean_objects(values: pd.Series) -> bool:
    present = values.dropna()
    return len(present) > 0 and all(isinstance(v, (bool, np.bool_)) for v in present)


def _check_categories(codes: pd.DataFrame, table: pd.DataFrame, categories) -> None:
    if not categories:
        return
    allowed = set(normalise_codes(pd.Series(list(categories))))
    units = codes["unit_id"] if "unit_id" in codes.columns else pd.Series(codes.index, index=codes.index)
    for column in table.columns:
        wrong = table[column].notna() & ~table[column].isin(allowed)
        if wrong.any():
            where = wrong.to_numpy().nonzero()[0][0]
            raise CorpusError(
                f"reliability(): unit {_shown(units.iloc[where])}, column {column!r}: "
                f"code {table[column].iloc[where]!r} is not in the codebook ({', '.join(sorted(allowed))}); "
                "correct the sheet")


def _agreement_rows(table: pd.DataFrame, coders: list[str], labels: list[str]) -> list[dict]:
    from sklearn.metrics import cohen_kappa_score

    rows = []
    for a, b in itertools.combinations(coders, 2):
        both = table[[a, b]].dropna()
        x, y = both[a].to_numpy(dtype=object), both[b].to_numpy(dtype=object)
        value = np.nan
        if len(both) and len(set(x) | set(y)) > 1:
            value = float(cohen_kappa_score(x, y, labels=labels))
        rows.append({"statistic": "cohen_kappa", "coders": f"{a}, {b}", "n_units": len(both),
                     "agreement": float((x == y).mean()) if len(both) else np.nan, "value": value})
    rows.append(_alpha_row(table[coders], labels))
    return rows


def _alpha_row(table: pd.DataFrame, labels: list[str]) -> dict:
    import krippendorff

    index = {label: i for i, label in enumerate(labels)}
    matrix = table.apply(lambda col: col.map(index)).to_numpy(dtype=float, na_value=np.nan).T
    pairable = (~np.isnan(matrix)).sum(axis=0) >= 2
    values = matrix[:, pairable]
    present = values[~np.isnan(values)]
    value = np.nan
    if len(np.unique(present)) > 1:
        value = float(krippendorff.alpha(reliability_data=values, level_of_measurement="nominal",
                                         value_domain=list(range(len(labels)))))
    # A unit agrees when every coder who coded it gave the same code.
    spread = np.nanmax(values, axis=0) - np.nanmin(values, axis=0) if values.shape[1] else np.array([])
    return {"statistic": "krippendorff_alpha", "coders": ", ".join(table.columns), "n_units": int(pairable.sum()),
            "agreement": float((spread == 0).mean()) if len(spread) else np.nan, "value": value}


def _binary_scores(data: pd.DataFrame) -> dict:
    from sklearn.metrics import f1_score, precision_score, recall_score

    y_true, y_pred = data["y_true"].to_numpy(dtype=bool), data["y_pred"].to_numpy(dtype=bool)
    both = int((y_true & y_pred).sum())
    with warnings.catch_warnings():
        # An undefined score is reported as NaN, which is the message; sklearn's warning adds nothing.
        warnings.simplefilter("ignore")
        precision = float(precision_score(y_true, y_pred, zero_division=np.nan)) if len(data) else np.nan
        recall = float(recall_score(y_true, y_pred, zero_division=np.nan)) if len(data) else np.nan
        # F1 = 2TP / (2TP + FP + FN): 0 when the measure misses every positive, undefined with no positives at all.
        f1 = float(f1_score(y_true, y_pred, zero_division=np.nan)) if len(data) else np.nan
    return {"n_units": len(data), "human_positive": int(y_true.sum()), "measure_positive": int(y_pred.sum()),
            "both_positive": both, "precision": precision, "recall": recall, "f1": f1}
