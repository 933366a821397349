"""Keyness: which words set one group's coverage apart from the rest.

For every group of articles (by default every outlet) the words of that
group (the *target*) are compared with the words of all other articles (the
*reference*). Three statistics are reported side by side because they answer
slightly different questions and fail in different places:

* **chi-squared with Yates' continuity correction** on the 2x2 table
  ``[[word in target, word in reference], [other words in target, other words
  in reference]]``: the classic test, unreliable when an expected count is
  below 5, which is most words of a small corpus.
* **log-likelihood G²** (Dunning 1993, "Accurate methods for the statistics of
  surprise and coincidence"), the same table without a continuity correction:
  better behaved than chi-squared for rare words, but still a significance
  test, so it grows with corpus size rather than with how distinctive a word
  is.
* **log-odds ratio with an informative Dirichlet prior** and its z-score
  (Monroe, Colaresi and Quinn 2008, "Fightin' Words", *Political Analysis*
  16(4), eq. 16-22): the difference in a word's log-odds between target and
  reference, shrunk towards the word's rate in the whole corpus, divided by
  its approximate standard deviation. Rare words are pulled towards zero, so
  a word used once by one outlet does not top the list; this is the score the
  kit plots.

Words are the kit's words (:func:`coverage.text.tokens.words`): runs of letters or
digits with internal apostrophes or hyphens, so ``amazon's`` and ``amazon``
are different words and ``U.S.`` is the two words ``u`` and ``s``.
"""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.special import chdtrc, xlogy

from coverage.errors import CorpusError, CorpusWarning, LexiconError
from coverage.resources import read_yaml
from coverage.schema import require_columns
from coverage.text.tokens import words
from coverage.params import check_int

__all__ = ["keyness", "load_stop_words", "word_counts", "KEYNESS_COLUMNS"]

#: Columns of the table returned by :func:`keyness` (after the group column).
KEYNESS_COLUMNS = (
    "word",
    "count_target",
    "count_reference",
    "per_1000_target",
    "per_1000_reference",
    "chi2",
    "chi2_p",
    "g2",
    "g2_p",
    "log_odds",
    "z",
)


def keyness(
    corpus: pd.DataFrame,
    *,
    by: str = "outlet",
    target: str | None = None,
    lowercase: bool = True,
    stop_words: None | str | Path | Iterable[str] = None,
    min_count: int = 3,
    counts: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Compare the words of each group of articles with those of all the others.

    What it measures: for each word and group, how much more (or less) often
    the group's articles use the word than the rest of the corpus does, per
    word of running text. Blind spots: it counts word forms, not meanings
    (``police`` and ``cops`` are unrelated words; ``ice`` the agency and
    ``ice`` the frozen water are one); a word repeated inside one long quoted
    letter counts as the outlet's own vocabulary; with one article per outlet
    an "outlet" difference is really an article difference, and the p-values
    assume words are independent draws, which they are not (a word that occurs
    once tends to recur), so they overstate certainty. Read the z-scores as a
    ranking, not as tests.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The corpus table; needs ``article_id``, ``text`` and the ``by`` column.
    by : str, default "outlet"
        Column whose values define the groups.
    target : str, optional
        Compare only this group with the rest; by default every group is
        compared with the rest in turn.
    lowercase : bool, default True
        Fold case before counting, so ``Amazon`` and ``amazon`` are one word.
    stop_words : None, "english", path or iterable of str
        Words to leave out of the *result*: ``"english"`` is scikit-learn's
        English list (318 words; it also lists content words such as
        ``computer``, ``system`` and ``fire``), a path is a YAML list of words
        (see :func:`load_stop_words`). Stop words are still counted in the
        totals, so every other word's statistics do not depend on the list.
    min_count : int, default 3
        Keep words used at least this often in the whole corpus. Like the stop
        words, this filters rows only; totals include every word.
    counts : pandas.DataFrame, optional
        The words of each article already counted by :func:`word_counts`
        with the same ``lowercase`` (the pipeline caches them per article);
        counted from ``text`` otherwise. The result is the same.

    Returns
    -------
    pandas.DataFrame
        One row per group and word: ``<by>``, ``word``, ``count_target``,
        ``count_reference``, ``per_1000_target``, ``per_1000_reference``,
        ``chi2`` and ``chi2_p`` (Yates-corrected), ``g2`` and ``g2_p``
        (uncorrected log-likelihood), ``log_odds`` (target minus reference,
        natural log, with the prior) and ``z``. Positive ``log_odds``/``z``
        mean the target uses the word more. Sorted by group, then ``z``
        descending.

    Raises
    ------
    CorpusError
        When there are fewer than two groups or ``target`` is not a group.

    Examples
    --------
    >>> corpus = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"],
    ...                        "text": ["ice ice police", "police police ice"]})
    >>> table = keyness(corpus, min_count=1)
    >>> table.loc[table["outlet"] == "X", ["word", "count_target", "count_reference"]]
         word  count_target  count_reference
    0     ice             2                1
    1  police             1                2
    """
    require_columns(corpus, ["article_id", "text", by], func="keyness")
    check_int(min_count, name="min_count", func="keyness")
    usable = _drop_missing_groups(corpus, by)
    if counts is None:
        counts = _count_words(usable, by=by, lowercase=lowercase)
    else:
        counts = _sum_counts(usable, counts, by=by)
    groups = list(counts.columns)
    if len(groups) < 2:
        found = ", ".join(map(repr, groups)) or "none"
        raise CorpusError(
            f"keyness(): column {by!r} has {len(groups)} group(s) ({found}); "
            "keyness needs at least two to compare; add articles from another group or choose another `by`"
        )
    if target is not None:
        if target not in groups:
            raise CorpusError(
                f"keyness(): target {target!r} is not a value of column {by!r}; "
                f"choose one of: {', '.join(map(str, groups))}"
            )
        groups = [target]
    keep = counts.sum(axis=1) >= min_count
    if stop_words is not None:
        keep &= ~counts.index.isin(load_stop_words(stop_words))
    # Each group's reference is the total minus the group: one pass over the table, not one per group
    # (a corpus of 10,000 outlets would otherwise sum a 10,000-column table 10,000 times).
    total = counts.sum(axis=1).to_numpy()
    tables = [_one_against_rest(counts, group, by=by, keep=keep.to_numpy(), total=total) for group in groups]
    return pd.concat(tables, ignore_index=True)


def load_stop_words(source: str | Path | Iterable[str]) -> frozenset[str]:
    """Return a set of stop words from ``"english"``, a YAML file, or words given.

    Parameters
    ----------
    source : "english", str or Path, or iterable of str
        ``"english"`` is scikit-learn's built-in English list. A path is a
        YAML file holding either a list of words or a mapping with a ``words``
        list. Any other iterable is used as given.

    Raises
    ------
    LexiconError
        When the file is missing, malformed or is not a list of strings.

    Examples
    --------
    >>> "the" in load_stop_words("english")
    True
    >>> sorted(load_stop_words(["ICE", "police"]))
    ['ice', 'police']
    """
    if isinstance(source, str) and source == "english":
        # A well-kept, widely cited list beats one we would write ourselves.
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

        return frozenset(ENGLISH_STOP_WORDS)
    if isinstance(source, (str, Path)):
        content = read_yaml(source)
        if isinstance(content, dict):
            content = content.get("words")
        if not isinstance(content, list) or not all(isinstance(w, str) for w in content):
            raise LexiconError(
                f"{source}: expected a YAML list of words (or a mapping with a 'words' list); "
                "write one word per line as '- word'"
            )
        return frozenset(w.strip().lower() for w in content)
    return frozenset(str(w).lower() for w in source)


def _drop_missing_groups(corpus: pd.DataFrame, by: str) -> pd.DataFrame:
    missing = corpus[by].isna()
    if missing.any():
        warnings.warn(
            f"keyness(): skipped {int(missing.sum())} article(s) with no {by!r} value; "
            f"fill the column to include them",
            CorpusWarning,
            stacklevel=3,
        )
    return corpus.loc[~missing]


def _count_words(corpus: pd.DataFrame, *, by: str, lowercase: bool) -> pd.DataFrame:
    """Return a word x group table of counts (words in first-seen order)."""
    per_group: dict[object, Counter] = {}
    for group, text in zip(corpus[by], corpus["text"], strict=True):
        tokens = words(text if isinstance(text, str) else "", lowercase=lowercase)
        per_group.setdefault(group, Counter()).update(tokens)
    table = pd.DataFrame(per_group).fillna(0).astype("int64")
    table.index.name = "word"
    return table


def word_counts(corpus: pd.DataFrame, *, lowercase: bool = True) -> pd.DataFrame:
    """Count the words of each article: the per-article half of :func:`keyness`.

    Parameters
    ----------
    corpus : pandas.DataFrame
        Needs ``article_id`` and ``text``.
    lowercase : bool, default True
        Fold case before counting.

    Returns
    -------
    pandas.DataFrame
        One row per article: ``article_id``, ``words`` (an array of the
        distinct words, in order of first use) and ``counts`` (an int64
        array, how often each is used).

    Examples
    --------
    >>> t = word_counts(pd.DataFrame({"article_id": ["a"], "text": ["Ice, ICE and police."]}))
    >>> t["words"][0].tolist(), t["counts"][0].tolist()
    (['ice', 'and', 'police'], [2, 1, 1])
    """
    require_columns(corpus, ["article_id", "text"], func="word_counts")
    found = [Counter(words(t if isinstance(t, str) else "", lowercase=lowercase)) for t in corpus["text"]]
    return pd.DataFrame({"article_id": corpus["article_id"].to_numpy(),
                         "words": [np.array(list(c), dtype=object) for c in found],
                         "counts": [np.fromiter(c.values(), dtype=np.int64, count=len(c)) for c in found]},
                        columns=["article_id", "words", "counts"])


def _sum_counts(corpus: pd.DataFrame, counts: pd.DataFrame, *, by: str) -> pd.DataFrame:
    """The word x group table of :func:`_count_words`, summed from per-article counts."""
    require_columns(counts, ["article_id", "words", "counts"], func="keyness")
    rows = dict(zip(counts["article_id"], zip(counts["words"], counts["counts"])))
    if missing := [a for a in corpus["article_id"] if a not in rows]:
        raise ValueError(f"keyness(): `counts` has no row for article {missing[0]!r}; "
                         "build it with coverage.measures.keyness.word_counts(corpus)")
    per_article = [rows[a] for a in corpus["article_id"]]
    group_codes, groups = pd.factorize(corpus[by], sort=False)
    lengths = np.array([len(w) for w, _ in per_article], dtype=np.int64)
    if lengths.sum():
        all_words = np.concatenate([np.asarray(w, dtype=object) for w, _ in per_article])
        all_counts = np.concatenate([np.asarray(c, dtype=np.int64) for _, c in per_article])
    else:
        all_words, all_counts = np.zeros(0, dtype=object), np.zeros(0, dtype=np.int64)
    word_codes, vocabulary = pd.factorize(all_words)
    # bincount sums in float64, exact for counts below 2**53; np.add.at is several times slower.
    cells = word_codes * len(groups) + np.repeat(group_codes, lengths)
    matrix = np.bincount(cells, weights=all_counts, minlength=len(vocabulary) * len(groups))
    return pd.DataFrame(matrix.astype(np.int64).reshape(len(vocabulary), len(groups)),
                        index=pd.Index(vocabulary, name="word"), columns=list(groups))


def _one_against_rest(counts: pd.DataFrame, group, *, by: str, keep: np.ndarray, total: np.ndarray) -> pd.DataFrame:
    target = counts[group].to_numpy()
    a = target.astype(float)  # word in target
    b = (total - target).astype(float)  # word in reference: int64 sums, exact as before
    n_target, n_reference = a.sum(), b.sum()
    # Totals count every word; the statistics, word by word, only for the words reported.
    a, b = a[keep], b[keep]
    chi2 = _chi2_yates(a, b, n_target, n_reference)
    g2 = _g2(a, b, n_target, n_reference)
    log_odds, z = _log_odds_dirichlet(a, b, n_target, n_reference)
    table = pd.DataFrame(
        {
            by: group,
            "word": counts.index.to_numpy()[keep],
            "count_target": a.astype("int64"),
            "count_reference": b.astype("int64"),
            "per_1000_target": 1000 * a / n_target if n_target else np.nan,
            "per_1000_reference": 1000 * b / n_reference if n_reference else np.nan,
            "chi2": chi2,
            "chi2_p": chdtrc(1, chi2),  # scipy.stats.chi2.sf(chi2, df=1), without importing scipy.stats
            "g2": g2,
            "g2_p": chdtrc(1, g2),
            "log_odds": log_odds,
            "z": z,
        }
    )
    return table.sort_values(["z", "word"], ascending=[False, True], kind="stable")


def _cells(a, b, n_target, n_reference):
    """Observed and expected counts of the four cells of each word's 2x2 table."""
    observed = np.stack([a, b, n_target - a, n_reference - b])
    total = n_target + n_reference
    row_word, row_other = a + b, total - (a + b)
    expected = np.stack(
        [
            row_word * n_target / total,
            row_word * n_reference / total,
            row_other * n_target / total,
            row_other * n_reference / total,
        ]
    )
    return observed, expected


def _chi2_yates(a, b, n_target, n_reference):
    observed, expected = _cells(a, b, n_target, n_reference)
    # Yates: move each observed count up to 0.5 towards its expectation, as
    # scipy.stats.chi2_contingency(correction=True) does for 2x2 tables.
    diff = expected - observed
    observed = observed + np.sign(diff) * np.minimum(0.5, np.abs(diff))
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(expected > 0, (observed - expected) ** 2 / expected, 0.0).sum(axis=0)


def _g2(a, b, n_target, n_reference):
    observed, expected = _cells(a, b, n_target, n_reference)
    # xlogy gives 0 for an empty cell, the limit of O*log(O/E) as O -> 0.
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(expected > 0, xlogy(observed, observed / expected), 0.0)
    return 2 * terms.sum(axis=0)


def _log_odds_dirichlet(a, b, n_target, n_reference):
    """Monroe et al. (2008) eq. 16 and 20: prior alpha_w = the word's corpus count.

    The informative prior is the whole corpus (target + reference), so
    alpha_0 equals the corpus size: every word is shrunk towards its overall
    rate with as much weight as the data have. This is the choice of
    Jurafsky et al. (2014) and of most "Fightin' Words" implementations.
    """
    alpha = a + b
    alpha_0 = n_target + n_reference
    with np.errstate(divide="ignore", invalid="ignore"):
        odds_target = (a + alpha) / (n_target + alpha_0 - a - alpha)
        odds_reference = (b + alpha) / (n_reference + alpha_0 - b - alpha)
        delta = np.log(odds_target) - np.log(odds_reference)
        variance = 1 / (a + alpha) + 1 / (b + alpha)
        return delta, delta / np.sqrt(variance)
