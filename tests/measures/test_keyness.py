"""Keyness statistics against scipy and against arithmetic done by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from scipy.stats import chi2_contingency

from coverage.errors import CorpusError, CorpusWarning, LexiconError
from coverage.measures.keyness import KEYNESS_COLUMNS, keyness, load_stop_words
from coverage.text.tokens import count_words


def _corpus_for_table(a: int, b: int, n_target: int, n_reference: int) -> pd.DataFrame:
    """Two outlets whose counts of the word ``w`` make the 2x2 table [[a, b], [nt-a, nr-b]]."""
    return pd.DataFrame({
        "article_id": ["t", "r"],
        "outlet": ["T", "R"],
        "text": [" ".join(["w"] * a + ["x"] * (n_target - a)), " ".join(["w"] * b + ["y"] * (n_reference - b))],
    })


TABLES = [(10, 3, 1000, 2000), (0, 5, 100, 100), (2, 1, 50, 50), (7, 7, 30, 300), (40, 2, 60, 45)]


@pytest.mark.parametrize(("a", "b", "n_target", "n_reference"), TABLES)
def test_chi2_with_yates_matches_scipy(a, b, n_target, n_reference):
    table = [[a, b], [n_target - a, n_reference - b]]
    expected_stat, expected_p, _, _ = chi2_contingency(table, correction=True)
    row = keyness(_corpus_for_table(a, b, n_target, n_reference), target="T", min_count=1).set_index("word").loc["w"]
    assert row["chi2"] == pytest.approx(expected_stat, rel=1e-9)
    assert row["chi2_p"] == pytest.approx(expected_p, rel=1e-9)


@pytest.mark.parametrize(("a", "b", "n_target", "n_reference"), TABLES)
def test_g2_matches_scipy_log_likelihood_without_correction(a, b, n_target, n_reference):
    # Dunning's G2 has no continuity correction, hence correction=False.
    table = [[a, b], [n_target - a, n_reference - b]]
    expected_stat, expected_p, _, _ = chi2_contingency(table, correction=False, lambda_="log-likelihood")
    row = keyness(_corpus_for_table(a, b, n_target, n_reference), target="T", min_count=1).set_index("word").loc["w"]
    assert row["g2"] == pytest.approx(expected_stat, rel=1e-9)
    assert row["g2_p"] == pytest.approx(expected_p, rel=1e-9)


TINY = pd.DataFrame({"article_id": ["x1", "y1"], "outlet": ["X", "Y"], "text": ["a a b", "a B b b"]})
# By hand, Monroe et al. (2008) eq. 16 and 20 with alpha_w = corpus count of w,
# alpha_0 = corpus size = 7; X has n=3 (a:2, b:1), Y has n=4 (a:1, b:3).
# word a, X vs Y: alpha=3; delta = log((2+3)/(3+7-2-3)) - log((1+3)/(4+7-1-3)) = log(5/5) - log(4/7)
#                 var = 1/(2+3) + 1/(1+3)
# word b, X vs Y: alpha=4; delta = log((1+4)/(3+7-1-4)) - log((3+4)/(4+7-3-4)) = log(5/5) - log(7/4)
#                 var = 1/(1+4) + 1/(3+4)
DELTA_A, VAR_A = math.log(5 / 5) - math.log(4 / 7), 1 / 5 + 1 / 4
DELTA_B, VAR_B = math.log(5 / 5) - math.log(7 / 4), 1 / 5 + 1 / 7


@pytest.mark.parametrize(("outlet", "word", "log_odds", "z", "rounded"), [
    ("X", "a", DELTA_A, DELTA_A / math.sqrt(VAR_A), (0.5596, 0.8342)),
    ("X", "b", DELTA_B, DELTA_B / math.sqrt(VAR_B), (-0.5596, -0.9557)),
    # With two groups, Y against the rest mirrors X against the rest.
    ("Y", "a", -DELTA_A, -DELTA_A / math.sqrt(VAR_A), (-0.5596, -0.8342)),
    ("Y", "b", -DELTA_B, -DELTA_B / math.sqrt(VAR_B), (0.5596, 0.9557)),
])
def test_log_odds_with_informative_dirichlet_prior_by_hand(outlet, word, log_odds, z, rounded):
    table = keyness(TINY, min_count=1)
    row = table[(table["outlet"] == outlet) & (table["word"] == word)].iloc[0]
    assert row["log_odds"] == pytest.approx(log_odds, rel=1e-12)
    assert row["z"] == pytest.approx(z, rel=1e-12)
    assert (round(row["log_odds"], 4), round(row["z"], 4)) == rounded


def test_columns_order_and_sorting():
    table = keyness(TINY, min_count=1)
    assert list(table.columns) == ["outlet", *KEYNESS_COLUMNS]
    assert table[["outlet", "word"]].values.tolist() == [["X", "a"], ["X", "b"], ["Y", "b"], ["Y", "a"]]
    assert table.loc[0, "per_1000_target"] == pytest.approx(1000 * 2 / 3)
    assert table.loc[0, "per_1000_reference"] == pytest.approx(1000 * 1 / 4)


def test_lowercase_false_keeps_case_apart():
    table = keyness(TINY, min_count=1, lowercase=False, target="Y").set_index("word")
    assert table.loc["B", "count_target"] == 1 and table.loc["b", "count_target"] == 2
    assert table.loc["b", "count_reference"] == 1


def test_stop_words_filter_rows_but_not_totals():
    corpus = pd.DataFrame({"article_id": ["1", "2"], "outlet": ["X", "Y"],
                           "text": ["the the the ice police", "the police police ice ice"]})
    full = keyness(corpus, min_count=1).set_index(["outlet", "word"])
    filtered = keyness(corpus, min_count=1, stop_words="english").set_index(["outlet", "word"])
    assert "the" not in filtered.index.get_level_values("word")
    pd.testing.assert_frame_equal(filtered, full.drop(index="the", level="word"))


def test_stop_words_from_yaml_file(tmp_path):
    path = tmp_path / "stop.yaml"
    path.write_text("# my list\n- Police\n- ice\n", encoding="utf-8")
    assert load_stop_words(path) == {"police", "ice"}
    (tmp_path / "map.yaml").write_text("words: [ice]\n", encoding="utf-8")
    assert load_stop_words(tmp_path / "map.yaml") == {"ice"}
    table = keyness(TINY.assign(text=["ice a", "police a"]), min_count=1, stop_words=path)
    assert set(table["word"]) == {"a"}


@pytest.mark.parametrize(("content", "message"), [
    ("words: 3\n", r"stop\.yaml: expected a YAML list of words"),
    ("- [unclosed\n", r"stop\.yaml: malformed YAML at line 2"),
])
def test_bad_stop_word_file_is_a_one_line_lexicon_error(tmp_path, content, message):
    path = tmp_path / "stop.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message) as info:
        keyness(TINY, stop_words=path)
    assert "\n" not in str(info.value)


def test_min_count_counts_the_whole_corpus():
    corpus = TINY.assign(text=["a a b c", "a b b d d"])
    assert set(keyness(corpus, min_count=2)["word"]) == {"a", "b", "d"}
    assert set(keyness(corpus, min_count=3)["word"]) == {"a", "b"}


@pytest.mark.parametrize("bad", [0, -1, 1.5, True])
def test_min_count_must_be_positive_int(bad):
    with pytest.raises(ValueError, match=r"^The 'min_count' parameter of keyness must be a positive int\. Got "):
        keyness(TINY, min_count=bad)


def test_target_not_a_group_names_the_groups():
    with pytest.raises(CorpusError, match=r"target 'Z' is not a value of column 'outlet'; choose one of: X, Y"):
        keyness(TINY, target="Z")


def test_one_group_is_an_error():
    with pytest.raises(CorpusError, match=r"column 'outlet' has 1 group\(s\) \('X'\); keyness needs at least two"):
        keyness(TINY.assign(outlet="X"))


def test_missing_column_names_function_and_column():
    with pytest.raises(ValueError, match=r"keyness\(\) needs column 'source'"):
        keyness(TINY, by="source")


def test_articles_without_group_are_counted_in_a_warning():
    corpus = pd.concat([TINY, pd.DataFrame({"article_id": ["z"], "outlet": [None], "text": ["zzz"]})],
                       ignore_index=True)
    with pytest.warns(CorpusWarning, match="skipped 1 article"):
        table = keyness(corpus, min_count=1)
    assert "zzz" not in set(table["word"])


def test_input_is_not_mutated():
    before = TINY.copy()
    keyness(TINY, min_count=1)
    pd.testing.assert_frame_equal(TINY, before)


def test_groups_by_any_column():
    corpus = TINY.assign(month=["June", "November"])
    assert set(keyness(corpus, by="month", min_count=1)["month"]) == {"June", "November"}


# --- the five shipped articles ---------------------------------------------------------


def test_shipped_counts_add_up_to_every_word(shipped_corpus):
    table = keyness(shipped_corpus, target="Tech Observer", min_count=1)
    total = sum(count_words(t) for t in shipped_corpus["text"])
    assert int((table["count_target"] + table["count_reference"]).sum()) == total


@pytest.mark.parametrize(("outlet", "word", "target", "reference"), [
    # Tech Observer quotes "We refuse ... and we refuse ..." twice; Forbes once.
    ("Tech Observer", "refuse", 4, 2),
    # "Palantir": Forbes 3, Recode 1, BI 2, Packt 1, Tech Observer 1.
    ("Forbes", "palantir", 3, 5),
])
def test_shipped_counts_by_hand(shipped_corpus, outlet, word, target, reference):
    row = keyness(shipped_corpus, target=outlet, min_count=1).set_index("word").loc[word]
    assert (row["count_target"], row["count_reference"]) == (target, reference)
    assert row["z"] > 0


@pytest.mark.parametrize("by", ["outlet", "article_id"])
def test_counts_per_article_give_the_same_table(shipped_corpus, by):
    # The pipeline sums cached per-article counts; counting the text directly is the independent path.
    from coverage.measures.keyness import word_counts

    expected = keyness(shipped_corpus, by=by, min_count=1)
    got = keyness(shipped_corpus, by=by, min_count=1, counts=word_counts(shipped_corpus))
    pd.testing.assert_frame_equal(got.reset_index(drop=True), expected.reset_index(drop=True))


def test_reference_counts_of_many_groups_are_the_rest_of_the_corpus():
    # 40 outlets: each group's reference counts, summed the slow way (every other group's column).
    import random

    rng = random.Random(3)
    vocabulary = ["ice", "police", "amazon", "bezos", "letter", "staff", "cloud", "contract"]
    corpus = pd.DataFrame({"article_id": [f"a{k}" for k in range(120)],
                           "outlet": [f"O{k % 40}" for k in range(120)],
                           "text": [" ".join(rng.choices(vocabulary, k=rng.randrange(1, 30))) for _ in range(120)]})
    table = keyness(corpus, min_count=1)
    for outlet, group in table.groupby("outlet"):
        rest = corpus[corpus["outlet"] != outlet]["text"].str.split().explode().value_counts()
        assert group.set_index("word")["count_reference"].to_dict() == {w: rest.get(w, 0) for w in group["word"]}
    assert table["outlet"].nunique() == 40
