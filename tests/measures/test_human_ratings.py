"""Tests of coverage.measures.human_ratings and of the shipped copy of the VADER NYT ratings."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from textblob import TextBlob
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from coverage.errors import CorpusError
from coverage.measures.human_ratings import VADER_NYT_FILE, human_rating_correlations, read_vader_nyt

FOLDER = Path(__file__).resolve().parents[2] / "data" / "external" / "vader-nyt"


@pytest.fixture(scope="module")
def ratings():
    return read_vader_nyt(FOLDER)


@pytest.fixture(scope="module")
def correlations(ratings):
    return human_rating_correlations(ratings).set_index(["measure", "compared_with"])


def test_shipped_copy_is_byte_for_byte_with_licence_and_provenance():
    digest = hashlib.sha256((FOLDER / VADER_NYT_FILE).read_bytes()).hexdigest()
    assert digest == "7d8fbcce7dde5d716da53e78f4ef4be6b706e9ef1e1d51887e6d0ad4b69cc27e"
    assert "MIT License" in (FOLDER / "LICENSE").read_text(encoding="utf-8")
    provenance = (FOLDER / "PROVENANCE.md").read_text(encoding="utf-8")
    for needed in ("cjhutto/vaderSentiment", "44fc044", "Hutto", "ICWSM"):
        assert needed in provenance


def test_read_vader_nyt(ratings):
    assert ratings.shape == (5190, 3)
    assert ratings.loc[0, ["id", "rating"]].tolist() == ["1_1", 0.4]
    assert ratings["rating"].between(-4, 4).all()
    assert ratings["id"].is_unique
    assert not ratings["text"].str.endswith("\r").any()  # CRLF line ends stripped


def test_malformed_line_names_the_line(tmp_path):
    path = tmp_path / VADER_NYT_FILE
    path.write_text("1_1\t0.4\tFine.\n1_2\tnot-a-number\tBad.\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"line 2 is not 'id<TAB>rating<TAB>sentence'"):
        read_vader_nyt(tmp_path)
    with pytest.raises(CorpusError, match=r"file not found"):
        read_vader_nyt(tmp_path / "missing")


def test_correlations_match_an_independent_computation(ratings, correlations):
    # Score with the libraries directly and correlate with pandas.
    analyzer = SentimentIntensityAnalyzer()
    independent = pd.DataFrame({
        "textblob_polarity": [TextBlob(t).sentiment.polarity for t in ratings["text"]],
        "vader_compound": [analyzer.polarity_scores(t)["compound"] for t in ratings["text"]],
        "rating": ratings["rating"],
    })
    for measure in ("textblob_polarity", "vader_compound"):
        row = correlations.loc[(measure, "rating")]
        assert row["n"] == 5190
        assert row["pearson"] == pytest.approx(independent[measure].corr(independent["rating"]))
        assert row["spearman"] == pytest.approx(independent[measure].corr(independent["rating"], method="spearman"))
        assert row["pearson_low"] < row["pearson"] < row["pearson_high"]
        assert row["spearman_low"] < row["spearman"] < row["spearman_high"]


@pytest.mark.parametrize(
    ("measure", "compared_with", "pearson", "spearman"),
    [
        # the numbers reported in the kit's documentation (n = 5,190)
        ("textblob_polarity", "rating", 0.299, 0.266),
        ("vader_compound", "rating", 0.503, 0.480),
        ("textblob_subjectivity", "rating", 0.009, -0.003),
        ("textblob_subjectivity", "|rating|", 0.147, 0.167),
    ],
)
def test_reported_correlations(correlations, measure, compared_with, pearson, spearman):
    row = correlations.loc[(measure, compared_with)]
    assert row["pearson"] == pytest.approx(pearson, abs=0.0005)
    assert row["spearman"] == pytest.approx(spearman, abs=0.0005)


def test_clear_thresholds_precision_claimed_in_docs(ratings):
    # coverage.measures.sentiment.CLEAR_THRESHOLDS says: of the sentences VADER calls
    # clearly negative (<= -0.5) about 55% are rated <= -1 by people; TextBlob
    # (<= -0.25) about 47%; against 19% of all sentences.
    from coverage.measures.sentiment import score_texts

    scores = score_texts(ratings["text"])
    people_negative = ratings["rating"] <= -1
    assert people_negative.mean() == pytest.approx(0.19, abs=0.005)
    assert people_negative[scores["vader_compound"] <= -0.5].mean() == pytest.approx(0.55, abs=0.005)
    assert people_negative[scores["textblob_polarity"] <= -0.25].mean() == pytest.approx(0.47, abs=0.005)


def test_fisher_interval_by_hand():
    from coverage.measures.human_ratings import _fisher_interval

    # r = 0.5, n = 103: z = atanh(.5) = 0.5493061, se = 1/sqrt(100) = 0.1, z_.975 = 1.959964
    low, high = _fisher_interval(0.5, 103, se_scale=1.0, confidence=0.95)
    assert low == pytest.approx(np.tanh(0.5493061 - 0.1959964))
    assert high == pytest.approx(np.tanh(0.5493061 + 0.1959964))


def test_tiny_table_by_hand():
    r = pd.DataFrame({"text": ["A wonderful, happy day.", "A terrible, sad loss.", "The bus left.", "Good."],
                      "rating": [2.5, -2.0, 0.1, 1.0]})
    out = human_rating_correlations(r).set_index(["measure", "compared_with"])
    assert out["n"].tolist() == [4, 4, 4, 4]
    # VADER ranks the four sentences exactly as the ratings do
    assert out.loc[("vader_compound", "rating"), "spearman"] == pytest.approx(1.0)
