"""Tests of coverage.compare.reliability: sampling, coding sheets, inter-coder agreement, measure validity.

Expected statistics are worked out by hand in the comments (Cohen 1960;
Krippendorff 2011, "Computing Krippendorff's alpha-reliability", nominal
metric: alpha = 1 - D_o / D_e from the coincidence matrix).
"""

from __future__ import annotations

import warnings
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from coverage.errors import CorpusError, CorpusWarning
from coverage.compare.coding import coding_sheet, collect_codes, read_codes, sample_sentences
from coverage.compare.reliability import measure_agreement, reliability

EXAMPLE = Path(__file__).resolve().parents[2] / "data" / "annotations" / "coding_exercise" / "example_codes.csv"
FRAME_CODES = ["surveillance", "safety", "both", "neither"]
TONE_CODES = ["negative", "neutral", "positive"]


def _sentences(counts: dict[str, int]) -> pd.DataFrame:
    """A sentence table with ``counts[outlet]`` sentences per outlet, one article each."""
    rows = [(f"{outlet.lower()}-1", i, outlet, "body", f"{outlet} sentence {i}.")
            for outlet, n in counts.items() for i in range(n)]
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "outlet", "position", "text"])


# --- sample_sentences ---------------------------------------------------------------------------


@pytest.mark.parametrize(("per_outlet", "expected"), [(2, {"X": 2, "Y": 2, "Z": 1}), (5, {"X": 5, "Y": 3, "Z": 1})])
def test_sample_takes_per_outlet_sentences_or_all_a_group_has(per_outlet, expected):
    s = _sentences({"X": 6, "Y": 3, "Z": 1})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        sample = sample_sentences(s, per_outlet=per_outlet)
    assert sample["outlet"].value_counts().to_dict() == expected
    assert sample["unit_id"].tolist() == list(range(1, sum(expected.values()) + 1))
    # every drawn sentence is a real sentence of its own outlet, drawn once
    assert not sample.duplicated(["article_id", "sentence_id"]).any()
    assert (sample["text"].str.split().str[0] == sample["outlet"]).all()


def test_sample_is_reproducible_and_changes_with_the_seed():
    s = _sentences({"X": 30, "Y": 30})
    first = sample_sentences(s, per_outlet=5, seed=3)
    again = sample_sentences(s, per_outlet=5, seed=3)
    other = sample_sentences(s, per_outlet=5, seed=4)
    pd.testing.assert_frame_equal(first, again)
    assert set(first["sentence_id"] + 100 * (first["outlet"] == "Y")) != \
        set(other["sentence_id"] + 100 * (other["outlet"] == "Y"))


def test_adding_an_outlet_leaves_the_other_outlets_draws_alone():
    with_two = sample_sentences(_sentences({"X": 20, "Y": 20}), per_outlet=4, seed=0)
    with_three = sample_sentences(_sentences({"X": 20, "Y": 20, "W": 20}), per_outlet=4, seed=0)
    for outlet in ("X", "Y"):
        assert set(with_two.loc[with_two["outlet"] == outlet, "sentence_id"]) == \
            set(with_three.loc[with_three["outlet"] == outlet, "sentence_id"])


def test_sample_interleaves_outlets_instead_of_blocks():
    sample = sample_sentences(_sentences({"X": 20, "Y": 20, "Z": 20}), per_outlet=6, seed=0)
    # Sorted by outlet there would be exactly 2 changes of outlet from one unit to the next.
    changes = int((sample["outlet"] != sample["outlet"].shift()).sum()) - 1
    assert changes > 2


def test_sample_takes_the_outlet_from_the_corpus_when_needed():
    s = _sentences({"X": 3, "Y": 3}).drop(columns="outlet")
    corpus = pd.DataFrame({"article_id": ["x-1", "y-1"], "outlet": ["X", "Y"]})
    sample = sample_sentences(s, per_outlet=1, corpus=corpus)
    assert sorted(sample["outlet"]) == ["X", "Y"]
    assert list(sample.columns) == ["unit_id", "article_id", "sentence_id", "outlet", "position", "text"]


def test_sample_warns_about_short_groups_and_sentences_without_text():
    s = _sentences({"X": 4, "Y": 1})
    s.loc[0, "text"] = "  "
    with pytest.warns(CorpusWarning) as caught:
        sample = sample_sentences(s, per_outlet=3)
    messages = [str(w.message) for w in caught]
    assert any("1 of 5 sentences have no text" in m for m in messages)
    assert any("1 group(s) have fewer than 3 sentences and give all they have: Y (1)" in m for m in messages)
    assert 0 not in set(sample.loc[sample["outlet"] == "X", "sentence_id"])


def test_sentences_without_an_outlet_are_counted_not_dropped_silently():
    s = _sentences({"X": 3})
    s.loc[1, "outlet"] = None
    with pytest.warns(CorpusWarning, match="1 of 3 sentences have no 'outlet' value and cannot be drawn"):
        sample = sample_sentences(s, per_outlet=2)
    assert sorted(sample["sentence_id"]) == [0, 2]


@pytest.mark.parametrize("per_outlet", [0, -2, 2.5, True])
def test_sample_rejects_a_bad_size(per_outlet):
    with pytest.raises(ValueError, match="'per_outlet' parameter of sample_sentences must be a positive int"):
        sample_sentences(_sentences({"X": 3}), per_outlet=per_outlet)


def test_sample_without_outlet_names_the_missing_column():
    with pytest.raises(ValueError, match=r"sample_sentences\(\) needs column 'outlet'"):
        sample_sentences(_sentences({"X": 3}).drop(columns="outlet"))


# --- coding_sheet, read_codes, collect_codes ---------------------------------------------------


def test_coding_sheet_is_blank_and_blind_to_the_outlet():
    sample = sample_sentences(_sentences({"X": 3, "Y": 3}), per_outlet=2)
    sheet = coding_sheet(sample, variables=["frame"])
    assert list(sheet.columns) == ["unit_id", "article_id", "sentence_id", "text", "frame", "note"]
    assert sheet["frame"].isna().all() and sheet["note"].isna().all()
    assert sheet["unit_id"].tolist() == [1, 2, 3, 4]
    assert sample["outlet"].tolist() != []  # the sample keeps what the sheet hides


@pytest.mark.parametrize("variables", [["unit_id"], ["note"], []])
def test_coding_sheet_rejects_variables_that_clash_with_its_columns(variables):
    sample = sample_sentences(_sentences({"X": 2}), per_outlet=1)
    with pytest.raises(ValueError, match="coding_sheet\\(\\): variable .* is not allowed"):
        coding_sheet(sample, variables=variables)


def test_a_sheet_survives_the_round_trip_through_csv(tmp_path):
    sample = sample_sentences(_sentences({"X": 3, "Y": 3}), per_outlet=2)
    sheet = coding_sheet(sample, variables=["frame"])
    path = tmp_path / "sheet.csv"
    sheet.assign(frame=["Safety ", "neither", "", "surveillance"]).to_csv(path, index=False, encoding="utf-8-sig")
    back = read_codes(path)
    assert back["unit_id"].tolist() == [1, 2, 3, 4]
    assert back["text"].tolist() == sheet["text"].tolist()
    collected = collect_codes({"ana": back}, sample=sample)
    assert collected["frame_ana"].tolist()[:2] == ["safety", "neither"]
    assert collected["frame_ana"].isna().tolist() == [False, False, True, False]
    assert "note_ana" not in collected.columns


def test_read_codes_skips_leading_comments_only(tmp_path):
    path = tmp_path / "codes.csv"
    path.write_text("# example\n# for practice\nunit_id,text,frame\n1,\"Look # here\",safety\n", encoding="utf-8")
    back = read_codes(path)
    assert back.to_dict("list") == {"unit_id": [1], "text": ["Look # here"], "frame": ["safety"]}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("frame\nsafety\n", r"codes.csv: no 'unit_id' column \(found: frame\)"),
        ("unit_id,frame\n1,safety\nx,neither\n", r"codes.csv: line 3: unit_id 'x' is not a whole number"),
    ],
)
def test_read_codes_names_the_file_and_the_line(tmp_path, content, message):
    path = tmp_path / "codes.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CorpusError, match=message):
        read_codes(path)


def test_read_codes_of_a_missing_file(tmp_path):
    with pytest.raises(CorpusError, match="nothing.csv: file not found"):
        read_codes(tmp_path / "nothing.csv")


def test_collect_codes_checks_units_against_the_sample():
    sample = sample_sentences(_sentences({"X": 3}), per_outlet=3)
    with pytest.raises(CorpusError, match="ben's sheet has unit_id 9, which is not in the sample"):
        collect_codes({"ben": pd.DataFrame({"unit_id": [1, 9], "frame": ["a", "b"]})}, sample=sample)
    with pytest.raises(CorpusError, match="ben's sheet has unit_id 1 twice"):
        collect_codes({"ben": pd.DataFrame({"unit_id": [1, 1], "frame": ["a", "b"]})}, sample=sample)
    with pytest.warns(CorpusWarning, match="ana's sheet lacks 2 of 3 units"):
        out = collect_codes({"ana": pd.DataFrame({"unit_id": [2], "frame": ["a"]})}, sample=sample)
    assert out.set_index("unit_id")["frame_ana"].isna().to_dict() == {1: True, 2: False, 3: True}


# --- reliability -------------------------------------------------------------------------------


def test_kappa_and_alpha_of_two_coders_by_hand():
    # ana: a a b b; ben: a b b b. Observed agreement 3/4.
    # Kappa: expected = P(a)P(a) + P(b)P(b) = .5*.25 + .5*.75 = .5, so (.75 - .5) / (1 - .5) = .5.
    # Alpha: 8 values, 3 a and 5 b; the one disagreeing unit gives coincidences o_ab = o_ba = 1.
    # D_o = 2/8, D_e = 2*3*5 / (8*7) = 30/56, alpha = 1 - (2/8) / (30/56) = 1 - 14/30 = 8/15.
    t = pd.DataFrame({"ana": ["a", "a", "b", "b"], "ben": ["a", "b", "b", "b"]})
    out = reliability(t, coders=["ana", "ben"])
    assert out["statistic"].tolist() == ["cohen_kappa", "krippendorff_alpha"]
    assert out["coders"].tolist() == ["ana, ben", "ana, ben"]
    assert out["n_units"].tolist() == [4, 4]
    assert out["agreement"].tolist() == pytest.approx([0.75, 0.75])
    assert out["value"].tolist() == pytest.approx([0.5, 8 / 15])


def test_three_coders_with_missing_codes_by_hand():
    # Units: u1 (a, a, a), u2 (a, b, -), u3 (b, b, b), u4 (a, -, -).
    # Alpha: u4 has one code and is not pairable. Values: u1 a x3, u2 a+b, u3 b x3: n = 8.
    # Coincidences: o_aa = 3*2/2 = 3, o_bb = 3, o_ab = o_ba = 1/(2-1) = 1; n_a = n_b = 4.
    # D_o = 2/8; D_e = 2*4*4 / (8*7) = 32/56; alpha = 1 - (1/4) / (4/7) = 1 - 7/16 = 9/16.
    # Kappa c1-c2 on u1..u3: c1 a a b, c2 a b b: p_o = 2/3, p_e = 2/3*1/3 + 1/3*2/3 = 4/9,
    # kappa = (6/9 - 4/9) / (5/9) = 2/5. c1-c3 and c2-c3 on u1, u3: a b against a b: kappa 1.
    t = pd.DataFrame({"c1": ["a", "a", "b", "a"], "c2": ["a", "b", "b", None], "c3": ["a", None, "b", None]})
    with pytest.warns(CorpusWarning, match="2 of 4 units lack a code from at least one coder"):
        out = reliability(t, coders=["c1", "c2", "c3"])
    assert out["coders"].tolist() == ["c1, c2", "c1, c3", "c2, c3", "c1, c2, c3"]
    assert out["n_units"].tolist() == [3, 2, 2, 3]
    assert out["agreement"].tolist() == pytest.approx([2 / 3, 1, 1, 2 / 3])
    assert out["value"].tolist() == pytest.approx([0.4, 1.0, 1.0, 9 / 16])


def test_reliability_uses_the_krippendorff_package_as_documented():
    # The same data as above through the package directly, as a cross-check of the code mapping.
    import krippendorff

    data = np.array([[0, 0, 1, 0], [0, 1, 1, np.nan], [0, np.nan, 1, np.nan]])
    assert krippendorff.alpha(reliability_data=data, level_of_measurement="nominal") == pytest.approx(9 / 16)


def test_a_single_code_throughout_leaves_kappa_and_alpha_undefined():
    t = pd.DataFrame({"ana": ["neither"] * 5, "ben": ["neither"] * 5})
    out = reliability(t, coders=["ana", "ben"])
    assert out["agreement"].tolist() == [1.0, 1.0]
    assert out["value"].isna().all()


def test_codes_are_compared_stripped_and_lower_cased():
    t = pd.DataFrame({"ana": ["Safety ", "neither", ""], "ben": ["safety", " NEITHER", "neither"]})
    with pytest.warns(CorpusWarning, match="1 of 3 units"):
        out = reliability(t, coders=["ana", "ben"])
    assert out["n_units"].tolist() == [2, 2]
    assert out["value"].tolist() == [1.0, 1.0]


def test_a_code_outside_the_codebook_names_the_unit_and_the_column():
    t = pd.DataFrame({"unit_id": [11, 12], "ana": ["safety", "neither"], "ben": ["safety", "survelliance"]})
    with pytest.raises(CorpusError, match="unit 12, column 'ben': code 'survelliance' is not in the codebook"):
        reliability(t, coders=["ana", "ben"], categories=FRAME_CODES)


def test_categories_fix_the_label_set_of_kappa():
    # With the label 'c' declared but unused, kappa is unchanged (it only adds empty rows).
    t = pd.DataFrame({"ana": ["a", "a", "b", "b"], "ben": ["a", "b", "b", "b"]})
    out = reliability(t, coders=["ana", "ben"], categories=["a", "b", "c"])
    assert out["value"].tolist() == pytest.approx([0.5, 8 / 15])


def test_reliability_per_group_then_pooled():
    # Group X: the two-coder table above (kappa .5); group Y: two units, full agreement on two codes
    # (kappa 1, alpha 1). Pooled: p_o = 5/6; ana a a b b a b, ben a b b b a b:
    # p_e = (3/6)(2/6) + (3/6)(4/6) = 1/6 + 2/6 = 1/2, kappa = (5/6 - 1/2) / (1/2) = 2/3.
    t = pd.DataFrame({"outlet": list("XXXXYY"), "ana": list("aabbab"), "ben": list("abbbab")})
    out = reliability(t, coders=["ana", "ben"], by="outlet")
    kappa = out[out["statistic"] == "cohen_kappa"]
    assert kappa["outlet"].tolist() == ["X", "Y", "all"]
    assert kappa["value"].tolist() == pytest.approx([0.5, 1.0, 2 / 3])
    assert kappa["n_units"].tolist() == [4, 2, 6]


@pytest.mark.parametrize("coders", [["ana"], ["ana", "ana"]])
def test_reliability_needs_two_different_coders(coders):
    with pytest.raises(ValueError, match="at least two different coder columns"):
        reliability(pd.DataFrame({"ana": ["a"]}), coders=coders)


def test_reliability_names_a_missing_coder_column():
    with pytest.raises(ValueError, match=r"reliability\(\) needs column 'frame_cleo'"):
        reliability(pd.DataFrame({"frame_ana": ["a"]}), coders=["frame_ana", "frame_cleo"])


# --- measure_agreement -------------------------------------------------------------------------


def test_precision_recall_f1_per_group_by_hand():
    # X: human s s n n, kit T F T F -> TP 1, FP 1, FN 1: precision 1/2, recall 1/2, F1 1/2.
    # Y: human s, kit F -> TP 0, FN 1: precision undefined (nothing flagged), recall 0, F1 = 0/(0+0+1) = 0.
    # all: TP 1, FP 1, FN 2: precision 1/2, recall 1/3, F1 = 2/(2+1+2) = 0.4.
    t = pd.DataFrame({"outlet": list("XXXXY"), "human": ["s", "s", "n", "n", "s"],
                      "kit": [True, False, True, False, False]})
    out = measure_agreement(t, human="human", measure="kit", positive="s")
    assert out["outlet"].tolist() == ["X", "Y", "all"]
    assert out["n_units"].tolist() == [4, 1, 5]
    assert out["human_positive"].tolist() == [2, 1, 3]
    assert out["measure_positive"].tolist() == [2, 0, 2]
    assert out["both_positive"].tolist() == [1, 0, 1]
    np.testing.assert_allclose(out["precision"], [0.5, np.nan, 0.5])
    np.testing.assert_allclose(out["recall"], [0.5, 0.0, 1 / 3])
    np.testing.assert_allclose(out["f1"], [0.5, 0.0, 0.4])


def test_a_label_measure_is_compared_with_the_positive_code():
    # frame_tag 'surveillance+safety' is not the code 'surveillance': compare labels, or pass a boolean.
    t = pd.DataFrame({"human": ["surveillance", "Surveillance", "neither"],
                      "frame_tag": ["surveillance", "surveillance+safety", "none"]})
    out = measure_agreement(t, human="human", measure="frame_tag", positive="surveillance", by=None)
    assert list(out.columns) == ["n_units", "human_positive", "measure_positive", "both_positive",
                                 "precision", "recall", "f1"]
    assert out.iloc[0][["human_positive", "measure_positive", "precision", "recall"]].tolist() == [2, 1, 1.0, 0.5]


def test_units_without_a_code_or_a_measure_are_left_out_and_counted():
    t = pd.DataFrame({"human": ["s", None, "s", "n"], "kit": pd.array([True, True, pd.NA, False], dtype="boolean")})
    with pytest.warns(CorpusWarning, match="2 of 4 units lack a human code in 'human' or a value in 'kit'"):
        out = measure_agreement(t, human="human", measure="kit", positive="s", by=None)
    assert out.iloc[0][["n_units", "precision", "recall"]].tolist() == [2, 1.0, 1.0]


def test_no_positive_anywhere_leaves_every_score_undefined():
    t = pd.DataFrame({"human": ["n", "n"], "kit": [False, False]})
    out = measure_agreement(t, human="human", measure="kit", positive="s", by=None)
    assert out[["precision", "recall", "f1"]].isna().all(axis=None)


# --- the shipped example -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def example() -> pd.DataFrame:
    return read_codes(EXAMPLE)


def test_example_is_labelled_as_practice_data():
    head = EXAMPLE.read_text(encoding="utf-8").splitlines()[0]
    assert head.startswith("# EXAMPLE FOR PRACTICE, NOT RESEARCH DATA")


def test_example_is_the_documented_sample_of_the_shipped_sentences(example, shipped_corpus, shipped_sentences):
    sample = sample_sentences(shipped_sentences, corpus=shipped_corpus, per_outlet=8, seed=0)
    pd.testing.assert_frame_equal(example[list(sample.columns)], sample, check_dtype=False)


@pytest.mark.parametrize(("columns", "allowed"), [(["frame_ana", "frame_ben", "frame_agreed"], FRAME_CODES),
                                                  (["tone_ana", "tone_ben", "tone_agreed"], TONE_CODES)])
def test_example_uses_only_codebook_codes(example, columns, allowed):
    assert set(example[columns].stack()) <= set(allowed)
    assert example[columns].notna().all(axis=None)


@pytest.mark.parametrize("variable", ["frame", "tone"])
def test_example_kappa_matches_a_count_by_hand(example, variable):
    # Independent computation from the marginals: kappa = (p_o - p_e) / (1 - p_e).
    a, b = example[f"{variable}_ana"].tolist(), example[f"{variable}_ben"].tolist()
    n = len(a)
    p_o = sum(x == y for x, y in zip(a, b, strict=True)) / n
    count_a, count_b = Counter(a), Counter(b)
    p_e = sum(count_a[k] * count_b[k] for k in count_a) / n**2
    out = reliability(example, coders=[f"{variable}_ana", f"{variable}_ben"])
    assert out["agreement"].iloc[0] == pytest.approx(p_o)
    assert out["value"].iloc[0] == pytest.approx((p_o - p_e) / (1 - p_e))


def test_example_frame_disagreements_are_the_seven_discussed_in_the_notes(example):
    disagree = example.loc[example["frame_ana"] != example["frame_ben"], "unit_id"].tolist()
    assert disagree == [2, 5, 6, 8, 28, 36, 40]
