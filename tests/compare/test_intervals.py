"""Tests of coverage.compare.intervals: estimates, bootstrap intervals, permutation tests."""

from __future__ import annotations

import itertools
import warnings

import numpy as np
import pandas as pd
import pytest

from coverage.compare.intervals import compare_groups, interval_store, permutation_test_groups
from coverage.errors import CorpusError, CorpusWarning


def _table(rows):
    return pd.DataFrame(rows, columns=["outlet", "article_id", "v", "w"])


@pytest.mark.parametrize(
    ("weight", "scale", "expected"),
    [
        # mean of v over rows: A = (2+4+6)/3, B = (1+3)/2
        (None, 1.0, {"A": 4.0, "B": 2.0}),
        # ratio of sums: A = 1000 * 12 / 300, B = 1000 * 4 / 400
        ("w", 1000.0, {"A": 40.0, "B": 10.0}),
    ],
)
def test_estimate_is_mean_or_ratio_of_sums(weight, scale, expected):
    t = _table([("A", 1, 2, 100), ("A", 1, 4, 100), ("A", 2, 6, 100),
                ("B", 3, 1, 300), ("B", 4, 3, 100)])
    out = compare_groups(t, value="v", by="outlet", weight=weight, scale=scale)
    assert dict(zip(out["outlet"], out["estimate"])) == pytest.approx(expected)
    assert out["n_articles"].tolist() == [2, 2]
    assert out["n_units"].tolist() == [3, 2]
    assert list(out.columns) == ["outlet", "estimate", "ci_low", "ci_high", "n_articles", "n_units"]


def test_two_articles_are_resampled_as_clusters():
    # Article 1 is all 0, article 2 all 1. Resampling the two articles gives
    # means 0, 0.5, 1 (probabilities 1/4, 1/2, 1/4), so the 95% percentile
    # interval is [0, 1]. Resampling the 20 sentences would give ~[0.3, 0.7].
    t = _table([("A", 1, 0, 1)] * 10 + [("A", 2, 1, 1)] * 10)
    out = compare_groups(t, value="v")
    assert out.loc[0, ["estimate", "ci_low", "ci_high"]].tolist() == [0.5, 0.0, 1.0]


def test_ratio_interval_of_two_clusters_by_hand():
    # Clusters (2 terms / 100 words) and (4 / 100): resampled ratios are
    # 20, 30 or 40 per 1,000 words, so the interval is [20, 40].
    t = _table([("A", 1, 2, 100), ("A", 2, 4, 100)])
    out = compare_groups(t, value="v", weight="w", scale=1000)
    assert out.loc[0, ["estimate", "ci_low", "ci_high"]].tolist() == [30.0, 20.0, 40.0]


def test_single_article_resamples_rows_and_warns():
    t = _table([("Forbes", 7, 0, 1), ("Forbes", 7, 1, 1), ("BI", 1, 1, 1), ("BI", 2, 3, 1)])
    with pytest.warns(CorpusWarning, match=r"1 group\(s\) rest on a single article \(Forbes\)"):
        out = compare_groups(t, value="v")
    forbes = out.set_index("outlet").loc["Forbes"]
    # rows 0 and 1 resampled: means 0, .5, 1 -> interval [0, 1]
    assert [forbes["estimate"], forbes["ci_low"], forbes["ci_high"]] == [0.5, 0.0, 1.0]
    assert forbes["n_articles"] == 1


def test_single_row_gets_nan_interval_and_warning():
    t = _table([("A", 1, 5, 1), ("B", 2, 1, 1), ("B", 3, 2, 1)])
    with pytest.warns(CorpusWarning, match=r"single row \(A\); their interval is NaN"):
        out = compare_groups(t, value="v")
    a = out.set_index("outlet").loc["A"]
    assert a["estimate"] == 5.0
    assert np.isnan(a["ci_low"]) and np.isnan(a["ci_high"])


def test_interval_matches_an_independent_cluster_bootstrap():
    rng = np.random.default_rng(42)
    n_articles = 12
    rows = []
    for art in range(n_articles):
        for _ in range(rng.integers(3, 9)):
            rows.append(("X", art, rng.poisson(art % 4), rng.integers(10, 40)))
    t = _table(rows)
    out = compare_groups(t, value="v", weight="w", scale=1000, n_resamples=4000, seed=1)
    # Independent percentile bootstrap over articles written with numpy only.
    sums = t.groupby("article_id")[["v", "w"]].sum().to_numpy(float)
    boot = np.random.default_rng(7).integers(0, n_articles, size=(20000, n_articles))
    ratios = 1000 * sums[boot, 0].sum(1) / sums[boot, 1].sum(1)
    low, high = np.percentile(ratios, [2.5, 97.5])
    width = high - low
    assert out.loc[0, "ci_low"] == pytest.approx(low, abs=0.06 * width)
    assert out.loc[0, "ci_high"] == pytest.approx(high, abs=0.06 * width)
    assert out.loc[0, "estimate"] == pytest.approx(1000 * sums[:, 0].sum() / sums[:, 1].sum())


def test_seed_and_group_independence():
    t = _table([("A", i, i % 3, 1) for i in range(8)] + [("B", 10 + i, i, 1) for i in range(5)])
    both = compare_groups(t, value="v", seed=3)
    again = compare_groups(t, value="v", seed=3)
    only_a = compare_groups(t[t["outlet"] == "A"], value="v", seed=3)
    pd.testing.assert_frame_equal(both, again)
    pd.testing.assert_frame_equal(both.iloc[[0]].reset_index(drop=True), only_a)


def test_zero_weight_rows_do_not_break_a_balance_interval():
    # Balance index: value = S - F, weight = S + F; most sentences have neither.
    t = _table([("A", 1, 0, 0)] * 30 + [("A", 1, 1, 1), ("A", 1, -1, 1), ("A", 1, 1, 1)])
    with pytest.warns(CorpusWarning):
        out = compare_groups(t, value="v", weight="w")
    row = out.loc[0]
    assert row["estimate"] == pytest.approx(1 / 3)
    assert row["n_units"] == 33
    # three informative sentences: resampled balances lie in [-1, 1]; extremes reachable
    assert row["ci_low"] == -1.0 and row["ci_high"] == 1.0


def test_by_accepts_several_columns():
    t = pd.DataFrame({"outlet": ["A", "A", "A", "A"], "position": ["lede", "body", "body", "body"],
                      "article_id": [1, 1, 1, 2], "v": [1.0, 2.0, 4.0, 6.0]})
    with pytest.warns(CorpusWarning):
        out = compare_groups(t, value="v", by=["outlet", "position"])
    assert out[["outlet", "position"]].values.tolist() == [["A", "body"], ["A", "lede"]]
    assert out["estimate"].tolist() == [4.0, 1.0]
    assert out["n_articles"].tolist() == [2, 1]


def test_missing_values_are_counted_not_silently_dropped():
    t = _table([("A", 1, 1, 1), ("A", 2, None, 1), ("A", 3, 3, 1)])
    with pytest.warns(CorpusWarning, match=r"skipped 1 of 3 rows with a missing 'v'"):
        out = compare_groups(t, value="v")
    assert out.loc[0, "estimate"] == 2.0
    assert out.loc[0, "n_units"] == 2


def test_bad_input_messages():
    t = _table([("A", 1, 1, 1)])
    with pytest.raises(ValueError, match=r"compare_groups\(\) needs column 'nope'"):
        compare_groups(t, value="nope")
    bad = t.assign(v=["high"])
    with pytest.raises(CorpusError, match=r"column 'v' must hold numbers"):
        compare_groups(bad, value="v")
    with pytest.raises(ValueError, match=r"'n_resamples' parameter of compare_groups must be a positive int. Got -3"):
        compare_groups(t, value="v", n_resamples=-3)


def test_input_is_not_mutated():
    t = _table([("A", 1, 1, 1), ("A", 2, None, 1)])
    before = t.copy()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        compare_groups(t, value="v")
    pd.testing.assert_frame_equal(t, before)


# ---------------------------------------------------------------- permutation


def _brute_force_p(num_a, den_a, num_b, den_b):
    """Exact two-sided p-value by enumerating every relabelling (scipy's definition)."""
    num = np.r_[num_a, num_b]
    den = np.r_[den_a, den_b]
    n, k = len(num), len(num_a)

    def stat(ia):
        ib = [i for i in range(n) if i not in ia]
        return num[list(ia)].sum() / den[list(ia)].sum() - num[ib].sum() / den[ib].sum()

    observed = stat(tuple(range(k)))
    null = np.array([stat(c) for c in itertools.combinations(range(n), k)])
    eps = 1e-12 * max(1.0, abs(observed))
    less, greater = np.mean(null <= observed + eps), np.mean(null >= observed - eps)
    return observed, min(1.0, 2 * min(less, greater))


def test_permutation_exact_p_value_by_hand():
    # A = {1,2,3}, B = {4,5,6}: only 2 of the 20 splits are as extreme -> p = 0.1
    t = pd.DataFrame({"outlet": list("AAABBB"), "article_id": range(6), "v": [1.0, 2, 3, 4, 5, 6]})
    r = permutation_test_groups(t, value="v", by="outlet", a="A", b="B")
    assert r["difference"] == -3.0
    assert r["p_value"] == pytest.approx(0.1)
    assert (r["n_articles_a"], r["n_articles_b"], r["unit"]) == (3, 3, "article")


def test_permutation_weighted_matches_brute_force():
    t = pd.DataFrame({
        "outlet": list("AAAABBB"), "article_id": [1, 1, 2, 3, 4, 5, 6],
        "v": [2.0, 1, 0, 5, 1, 0, 2], "w": [50.0, 50, 80, 120, 90, 60, 100],
    })
    # clusters of A: (3, 100), (0, 80), (5, 120); of B: (1, 90), (0, 60), (2, 100)
    obs, p = _brute_force_p([3, 0, 5], [100, 80, 120], [1, 0, 2], [90, 60, 100])
    r = permutation_test_groups(t, value="v", by="outlet", a="A", b="B", weight="w", scale=1000)
    assert r["difference"] == pytest.approx(1000 * obs)
    assert r["p_value"] == pytest.approx(p)
    assert r["unit"] == "article"


def test_permutation_falls_back_to_sentences_for_single_articles():
    t = pd.DataFrame({"outlet": list("AAABBB"), "article_id": [1, 1, 1, 2, 2, 2],
                      "v": [1.0, 2, 3, 4, 5, 6]})
    r = permutation_test_groups(t, value="v", by="outlet", a="A", b="B")
    assert (r["n_articles_a"], r["n_articles_b"], r["unit"]) == (1, 1, "sentence")
    assert r["p_value"] == pytest.approx(0.1)


def test_permutation_unknown_group_is_one_line_error():
    t = pd.DataFrame({"outlet": ["A", "B"], "article_id": [1, 2], "v": [1.0, 2.0]})
    with pytest.raises(CorpusError, match=r"group 'Forbes' not found in column 'outlet'; the groups are: A, B$"):
        permutation_test_groups(t, value="v", by="outlet", a="Forbes", b="A")


def test_a_memo_gives_the_same_intervals_without_resampling(monkeypatch):
    rng = np.random.default_rng(1)
    t = pd.DataFrame({"outlet": np.repeat(["A", "B"], 20), "article_id": np.arange(40),
                      "value": rng.normal(size=40)})
    memo: dict = {}
    with interval_store(memo):
        first = compare_groups(t, value="value")
    assert len(memo) == 2  # one interval per outlet
    pd.testing.assert_frame_equal(first, compare_groups(t, value="value"))
    from scipy import stats

    monkeypatch.setattr(stats, "bootstrap", lambda *a, **k: (_ for _ in ()).throw(AssertionError))
    with interval_store(memo):
        pd.testing.assert_frame_equal(compare_groups(t, value="value"), first)
    changed = t.assign(value=t["value"].where(t["outlet"] == "A", 0.5 + t["value"]))
    with pytest.raises(AssertionError), interval_store(memo):  # B's numbers changed: not in the memo
        compare_groups(changed, value="value")
