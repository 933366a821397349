"""How well do the sentiment measures agree with people?

The kit ships (in ``data/external/vader-nyt/``) 5,190 New York Times
editorial sentences, each rated by 20 people from -4 to +4 (Hutto & Gilbert,
2014). :func:`human_rating_correlations` scores them with every measure of
:mod:`coverage.measures.sentiment` and reports Pearson and Spearman correlations with
the mean human rating. A correlation says how well a measure *ranks*
sentences like people do; it says nothing about whether its zero is people's
neutral, and it is measured on opinion writing, not on news reports.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats

from coverage.errors import CorpusError
from coverage.schema import require_columns
from coverage.measures.sentiment import SENTIMENT_MEASURES, score_texts

__all__ = ["VADER_NYT_FILE", "read_vader_nyt", "human_rating_correlations"]

#: File name of the human ratings inside ``data/external/vader-nyt/``.
VADER_NYT_FILE = "nytEditorialSnippets_GroundTruth.txt"


def read_vader_nyt(path: str | Path) -> pd.DataFrame:
    """Read the NYT sentences with their mean human rating.

    Parameters
    ----------
    path : str or Path
        The file, or the folder holding :data:`VADER_NYT_FILE`
        (``data/external/vader-nyt``).

    Returns
    -------
    pandas.DataFrame
        ``id``, ``rating`` (mean of 20 raters, -4 .. +4) and ``text``.

    Raises
    ------
    CorpusError
        When the file is missing or a line is not ``id<TAB>rating<TAB>text``
        (the message names the line).

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / VADER_NYT_FILE).write_bytes(b"1_1\\t0.4\\tA fine day.\\r\\n1_2\\t-1.5\\tA loss.")
    >>> read_vader_nyt(folder)["rating"].tolist()
    [0.4, -1.5]
    >>> import shutil; shutil.rmtree(folder)
    """
    path = Path(path)
    if path.is_dir():
        path = path / VADER_NYT_FILE
    if not path.is_file():
        raise CorpusError(f"{path}: file not found; copy {VADER_NYT_FILE} from the vaderSentiment repository there")
    rows = []
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        parts = line.split("\t")
        try:
            if len(parts) != 3:
                raise ValueError
            rows.append((parts[0], float(parts[1]), parts[2]))
        except ValueError:
            raise CorpusError(
                f"{path}: line {line_no} is not 'id<TAB>rating<TAB>sentence' "
                f"(found {len(parts)} field(s)); restore the original file"
            ) from None
    return pd.DataFrame(rows, columns=["id", "rating", "text"]).astype(
        {"id": "string", "rating": float, "text": "string"}
    )


def human_rating_correlations(ratings: pd.DataFrame, *, confidence: float = 0.95) -> pd.DataFrame:
    """Correlate each sentiment measure with human ratings of the same sentences.

    Parameters
    ----------
    ratings : pandas.DataFrame
        ``text`` and ``rating`` (e.g. from :func:`read_vader_nyt`).
    confidence : float, default 0.95
        Level of the intervals.

    Returns
    -------
    pandas.DataFrame
        One row per comparison: ``measure``, ``compared_with`` (``"rating"``;
        for TextBlob subjectivity also ``"|rating|"``, because subjectivity
        is meant to track how strongly, not which way, people react), ``n``,
        ``pearson`` with ``pearson_low``/``pearson_high`` (Fisher z interval)
        and ``spearman`` with ``spearman_low``/``spearman_high`` (Fisher z
        with the Fieller–Hartley–Pearson standard error sqrt(1.06/(n-3))).

    Examples
    --------
    >>> r = pd.DataFrame({"text": ["A wonderful, happy day.", "A terrible, sad loss.", "The bus left."],
    ...                   "rating": [2.5, -2.0, 0.1]})
    >>> row = human_rating_correlations(r).iloc[0]
    >>> row["measure"], int(row["n"]), float(row["spearman"])
    ('textblob_polarity', 3, 1.0)
    """
    require_columns(ratings, ["text", "rating"], func="human_rating_correlations")
    rating = pd.to_numeric(ratings["rating"]).to_numpy(dtype=float)
    scores = score_texts(ratings["text"].astype(object).where(ratings["text"].notna(), None))
    comparisons = [(m, "rating") for m in SENTIMENT_MEASURES] + [("textblob_subjectivity", "|rating|")]
    rows = []
    for measure, target in comparisons:
        x = scores[measure].to_numpy(dtype=float)
        y = np.abs(rating) if target == "|rating|" else rating
        ok = ~(np.isnan(x) | np.isnan(y))
        x, y = x[ok], y[ok]
        n = int(ok.sum())
        pearson = stats.pearsonr(x, y)
        p_ci = pearson.confidence_interval(confidence_level=confidence)
        spearman = float(stats.spearmanr(x, y).statistic)
        s_low, s_high = _fisher_interval(spearman, n, se_scale=1.06, confidence=confidence)
        rows.append({
            "measure": measure, "compared_with": target, "n": n,
            "pearson": float(pearson.statistic), "pearson_low": float(p_ci.low), "pearson_high": float(p_ci.high),
            "spearman": spearman, "spearman_low": s_low, "spearman_high": s_high,
        })
    return pd.DataFrame(rows)


def _fisher_interval(r: float, n: int, *, se_scale: float, confidence: float) -> tuple[float, float]:
    if n <= 3 or not np.isfinite(r) or abs(r) >= 1:
        return (np.nan, np.nan) if not abs(r) >= 1 else (float(r), float(r))
    z = np.arctanh(r)
    half = stats.norm.ppf(0.5 + confidence / 2) * np.sqrt(se_scale / (n - 3))
    return float(np.tanh(z - half)), float(np.tanh(z + half))
