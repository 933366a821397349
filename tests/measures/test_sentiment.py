"""Tests of coverage.measures.sentiment: pinned sentence scores, article summaries, comparisons."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from textblob import TextBlob
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from coverage.errors import CorpusWarning
from coverage.measures.sentiment import (
    CLEAR_THRESHOLDS,
    SENTIMENT_MEASURES,
    article_sentiment,
    compare_sentiment,
    score_sentences,
    score_texts,
    summarise_sentiment,
    textblob_sentiment,
)


def _vader_norm(x: float) -> float:
    """VADER's compound normalisation, x / sqrt(x^2 + 15), written out by hand."""
    return x / math.sqrt(x * x + 15)


# Expected values derived by hand from the lexicons (TextBlob: good = 0.7 pol /
# 0.6 subj, firm = -0.2 / 0.4, "not" multiplies by -0.5; VADER: good = 1.9,
# horror = -2.7, protest = -1.1, a negator multiplies by -0.74).
@pytest.mark.parametrize(
    ("text", "polarity", "subjectivity", "compound"),
    [
        ("It is good.", 0.7, 0.6, _vader_norm(1.9)),
        ("The software is not good.", -0.35, 0.6, _vader_norm(1.9 * -0.74)),
        # the noun "firm" is scored as the adjective: (0.7 + -0.2) / 2
        ("The firm said it was a good day.", 0.25, 0.5, _vader_norm(1.9)),
        ("firm", -0.2, 0.4, 0.0),
        # TextBlob knows no word here; VADER knows "horror"
        ("We watched in horror as authorities tore children away from their parents.", 0.0, 0.0, _vader_norm(-2.7)),
        # a topic word scored as sentiment: VADER reads "protesting" as negative
        ("Amazon employees are protesting.", 0.0, 0.0, _vader_norm(-1.1)),
        ("Our company should not be in the surveillance business.", 0.0, 0.0, 0.0),
    ],
)
def test_pinned_sentence_scores(text, polarity, subjectivity, compound):
    row = score_texts([text]).iloc[0]
    assert row["textblob_polarity"] == pytest.approx(polarity, abs=1e-9)
    assert row["textblob_subjectivity"] == pytest.approx(subjectivity, abs=1e-9)
    assert row["vader_compound"] == pytest.approx(compound, abs=5e-5)  # VADER rounds to 4 places
    # and the same as the libraries themselves
    blob = TextBlob(text).sentiment
    assert (row["textblob_polarity"], row["textblob_subjectivity"]) == (blob.polarity, blob.subjectivity)
    assert row["vader_compound"] == SentimentIntensityAnalyzer().polarity_scores(text)["compound"]


def test_vader_compound_saturates_on_long_text():
    # The documented blind spot: repeating a mildly negative sentence drives
    # the compound towards -1, which is why the kit averages sentences.
    one = "Amazon employees are angry about the deal."
    single = score_texts([one]).loc[0, "vader_compound"]
    many = score_texts([" ".join([one] * 8)]).loc[0, "vader_compound"]
    assert single == pytest.approx(-0.3818)
    assert many == pytest.approx(-0.9571)


def test_score_sentences_keys_and_missing_text():
    s = pd.DataFrame({"article_id": ["a", "a", "b"], "sentence_id": [0, 1, 0],
                      "text": pd.array(["It is good.", None, "firm"], dtype="string")},
                     index=[10, 11, 12])
    with pytest.warns(CorpusWarning, match=r"1 of 3 sentences have no text"):
        out = score_sentences(s)
    assert list(out.columns) == ["article_id", "sentence_id", *SENTIMENT_MEASURES]
    assert out[["article_id", "sentence_id"]].values.tolist() == [["a", 0], ["a", 1], ["b", 0]]
    assert out.loc[0, "textblob_polarity"] == pytest.approx(0.7)
    assert out.loc[1, SENTIMENT_MEASURES].isna().all()
    assert out.loc[2, "textblob_polarity"] == pytest.approx(-0.2)


def _scored(**extra):
    base = {
        "article_id": [1, 1, 1, 2],
        "position": ["headline", "lede", "body", "body"],
        "n_words": [5, 15, 20, 10],
        "textblob_polarity": [-0.4, 0.0, 0.3, 0.25],
        "textblob_subjectivity": [0.5, 0.1, 0.2, 0.0],
        "vader_compound": [-0.5, 0.0, 0.6, -0.49],
    }
    base.update(extra)
    return pd.DataFrame(base)


def test_summary_weighted_means_and_shares_by_hand():
    out = summarise_sentiment(_scored()).set_index("article_id")
    a = out.loc[1]
    # polarity weighted by words: (5*-0.4 + 15*0 + 20*0.3) / 40 = 0.1
    assert a["textblob_polarity"] == pytest.approx(0.1)
    assert a["textblob_subjectivity"] == pytest.approx((2.5 + 1.5 + 4.0) / 40)
    assert a["vader_compound"] == pytest.approx((-2.5 + 12.0) / 40)
    # clear = at or beyond the threshold (inclusive): -0.5 is clearly negative
    assert (a["vader_share_negative"], a["vader_share_positive"]) == (pytest.approx(1 / 3), pytest.approx(1 / 3))
    # TextBlob threshold 0.25: -0.4 negative, 0.3 positive
    assert (a["textblob_share_negative"], a["textblob_share_positive"]) == (pytest.approx(1 / 3), pytest.approx(1 / 3))
    b = out.loc[2]
    assert (b["n_sentences"], b["n_words"]) == (1, 10)
    assert b["vader_share_negative"] == 0.0  # -0.49 is not clearly negative
    assert b["textblob_share_positive"] == 1.0  # 0.25 is, inclusive


def test_summary_by_any_sentence_column():
    # "voice" is added later by the quotes helper; nothing changes here.
    t = _scored(voice=["author", "quoted", "quoted", "author"])
    out = summarise_sentiment(t, by="voice")
    assert out[["article_id", "voice", "n_sentences"]].values.tolist() == [
        [1, "author", 1], [1, "quoted", 2], [2, "author", 1]]
    quoted = out[(out["article_id"] == 1) & (out["voice"] == "quoted")].iloc[0]
    assert quoted["textblob_polarity"] == pytest.approx(6.0 / 35)


def test_summary_custom_thresholds_and_bad_thresholds():
    out = summarise_sentiment(_scored(), thresholds={"vader_compound": 0.45})
    assert "textblob_share_negative" not in out.columns
    assert out.set_index("article_id").loc[2, "vader_share_negative"] == 1.0
    with pytest.raises(ValueError, match=r"'thresholds' parameter of summarise_sentiment"):
        summarise_sentiment(_scored(), thresholds={"vader_compound": -1})


def test_summary_zero_words_and_missing_scores():
    t = _scored(n_words=[0, 0, 0, 10], vader_compound=[-0.5, 0.0, 0.6, np.nan])
    with pytest.warns(CorpusWarning, match=r"1 of 4 sentences have no score"):
        out = summarise_sentiment(t).set_index("article_id")
    assert np.isnan(out.loc[1, "textblob_polarity"])  # no words to weight by
    assert out.loc[1, "vader_share_positive"] == pytest.approx(1 / 3)  # shares count sentences
    assert out.loc[2, "n_sentences"] == 0 and np.isnan(out.loc[2, "vader_share_negative"])


def test_article_sentiment_has_positions():
    out = article_sentiment(_scored()).set_index("article_id")
    assert out.loc[1, "headline_textblob_polarity"] == pytest.approx(-0.4)
    assert out.loc[1, "lede_vader_compound"] == pytest.approx(0.0)
    assert out.loc[1, "body_vader_share_positive"] == 1.0
    assert out.loc[1, "textblob_polarity"] == pytest.approx(0.1)
    # article 2 has no headline or lede: missing, not zero
    assert np.isnan(out.loc[2, "headline_textblob_polarity"]) and np.isnan(out.loc[2, "lede_vader_share_negative"])
    expected = 7 * 4  # 3 means + 4 shares, whole article + 3 positions
    assert len(out.columns) == expected


def test_compare_sentiment_is_word_weighted():
    t = _scored(outlet=["X", "X", "X", "Y"])
    with pytest.warns(CorpusWarning) as caught:
        out = compare_sentiment(t, by="outlet", measures=["textblob_polarity"])
    messages = " ".join(str(w.message) for w in caught)
    assert "single article (X)" in messages and "single row (Y)" in messages
    x = out.set_index("outlet").loc["X"]
    assert x["estimate"] == pytest.approx(0.1)
    assert (x["measure"], x["n_articles"], x["n_units"]) == ("textblob_polarity", 1, 3)


def test_functions_check_columns_and_do_not_mutate():
    t = _scored()
    before = t.copy()
    summarise_sentiment(t, by="position")
    article_sentiment(t)
    pd.testing.assert_frame_equal(t, before)
    with pytest.raises(ValueError, match=r"summarise_sentiment\(\) needs column 'voice'"):
        summarise_sentiment(t, by="voice")
    with pytest.raises(ValueError, match=r"score_sentences\(\) needs columns 'sentence_id', 'text'"):
        score_sentences(t)


def test_thresholds_are_documented_values():
    assert CLEAR_THRESHOLDS == {"textblob_polarity": 0.25, "vader_compound": 0.5}


def test_shipped_articles_scored(shipped_sentences):
    out = score_sentences(shipped_sentences)
    assert len(out) == len(shipped_sentences)
    assert out[list(SENTIMENT_MEASURES)].notna().all().all()
    # pin one sentence of the Forbes article against the libraries
    mask = shipped_sentences["text"].str.startswith("“We refuse to build the platform")
    row = out[mask.to_numpy()].iloc[0]
    text = shipped_sentences.loc[mask, "text"].iloc[0]
    assert row["vader_compound"] == SentimentIntensityAnalyzer().polarity_scores(text)["compound"]
    assert row["vader_compound"] < -0.5  # "refuse", "violate": clearly negative


def test_textblob_sentiment_equals_textblob_on_every_shipped_sentence(shipped_sentences):
    texts = [*shipped_sentences["text"], "", "Not bad.", "The firm was VERY good!!!", "¿Qué?"]
    assert [textblob_sentiment(t) for t in texts] == [tuple(TextBlob(t).sentiment) for t in texts]


@pytest.mark.parametrize("corpus_name", ["shipped_corpus", "distinct_corpus"])
def test_scores_equal_the_libraries_called_directly(request, corpus_name):
    # Each distinct text is scored once per call; repeated texts must get the very same numbers.
    from coverage.text.sentences import split_sentences

    texts = split_sentences(request.getfixturevalue(corpus_name))["text"].tolist()
    texts = texts + texts[::3]
    got = score_texts(texts)
    vader = SentimentIntensityAnalyzer()
    expected = [(*TextBlob(t).sentiment, vader.polarity_scores(t)["compound"]) for t in texts]
    assert [tuple(row) for row in got.itertuples(index=False)] == expected
    assert len(texts) > 130
