"""Tests of coverage.voices.ledger: sentence voice, voice ledger, means by voice, the stage."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from coverage.voices.roles import ROLES
from coverage.errors import CorpusWarning
from coverage.schema import SENTENCE_COLUMNS
from coverage.voices.ledger import mean_by_voice, quote_tables, sentence_voices, voice_ledger

SENTENCES = pd.DataFrame({
    "article_id": ["a", "a", "a", "b"],
    "sentence_id": [0, 1, 2, 0],
    "start": [0, 10, 30, 0],
    "end": [10, 30, 40, 8],
})


@pytest.mark.parametrize(
    ("quotes", "shares", "voices"),
    [
        # no quotation at all
        ([], [0.0, 0.0, 0.0, 0.0], ["author"] * 4),
        # 15 of the 20 characters of sentence 1 are quoted
        ([("a", 12, 27)], [0.0, 0.75, 0.0, 0.0], ["author", "quoted", "author", "author"]),
        # exactly half is not "more than half"
        ([("a", 30, 35)], [0.0, 0.0, 0.5, 0.0], ["author"] * 4),
        # a quotation spanning two sentences; overlapping quotations count once
        ([("a", 5, 20), ("a", 8, 12)], [0.5, 0.5, 0.0, 0.0], ["author"] * 4),
        # quotations of another article do not leak
        ([("b", 0, 8)], [0.0, 0.0, 0.0, 1.0], ["author", "author", "author", "quoted"]),
    ],
)
def test_sentence_voices(quotes, shares, voices):
    table = pd.DataFrame(quotes, columns=["article_id", "start", "end"])
    out = sentence_voices(SENTENCES, table)
    assert out["quoted_share"].tolist() == pytest.approx(shares)
    assert out["voice"].tolist() == voices
    assert list(out.columns) == [*SENTENCES.columns, "quoted_share", "voice"]


def test_sentence_voices_threshold_and_no_mutation():
    quotes = pd.DataFrame({"article_id": ["a"], "start": [12], "end": [27]})
    before = SENTENCES.copy()
    out = sentence_voices(SENTENCES, quotes, threshold=0.8)
    assert out["voice"].tolist() == ["author"] * 4
    pd.testing.assert_frame_equal(SENTENCES, before)
    with pytest.raises(ValueError, match="threshold"):
        sentence_voices(SENTENCES, quotes, threshold=1.5)


QUOTES = pd.DataFrame({
    "article_id": ["a1", "a1", "a1", "a2", "a2", "b1"],
    "start": [50, 10, 90, 5, 40, 0],
    "n_words": [10, 4, 6, 20, 2, 8],
    "kind": ["full", "partial", "full", "full", "partial", "full"],
    "role": ["company", "unattributed", "employees", "employees", "company", "government"],
})
CORPUS = pd.DataFrame({"article_id": ["a1", "a2", "b1", "c1"], "outlet": ["A", "A", "B", "C"]})


def _row(ledger, outlet, role):
    return ledger[(ledger["outlet"] == outlet) & (ledger["role"] == role)].iloc[0]


@pytest.mark.parametrize(
    ("outlet", "role", "n_quotes", "words", "share", "first"),
    [
        # outlet A quotes 42 words: company 10 + 2, employees 6 + 20, unattributed 4
        ("A", "company", 2, 12, 12 / 42, 1),  # a1's first attributed quotation (start 50) is the company's
        ("A", "employees", 2, 26, 26 / 42, 1),  # a2's first (start 5) is the employees'
        ("A", "unattributed", 1, 4, 4 / 42, 0),  # first in a1 by offset, but it has no speaker
        ("A", "media", 0, 0, 0.0, 0),
        ("B", "government", 1, 8, 1.0, 1),
        ("C", "company", 0, 0, math.nan, 0),  # an outlet that quotes no one
    ],
)
def test_voice_ledger(outlet, role, n_quotes, words, share, first):
    row = _row(voice_ledger(QUOTES, CORPUS), outlet, role)
    assert (row["n_quotes"], row["quoted_words"], row["n_first"]) == (n_quotes, words, first)
    assert row["quoted_word_share"] == pytest.approx(share, nan_ok=True)


def test_voice_ledger_grid_and_kinds():
    ledger = voice_ledger(QUOTES, CORPUS, kinds=("full",))
    assert len(ledger) == 3 * len(ROLES)
    assert ledger.groupby("outlet")["n_articles"].first().to_dict() == {"A": 2, "B": 1, "C": 1}
    assert _row(ledger, "A", "company")["quoted_words"] == 10  # the partial quotation is left out


def test_voice_ledger_warns_about_unknown_articles():
    quotes = pd.concat([QUOTES, QUOTES.iloc[:1].assign(article_id="zz")], ignore_index=True)
    with pytest.warns(CorpusWarning, match="1 quotations belong to articles missing"):
        voice_ledger(quotes, CORPUS)


def test_mean_by_voice_weighted():
    features = pd.DataFrame({"article_id": ["a"] * 3, "sentence_id": [0, 1, 2], "n_words": [10, 30, 10],
                             "vader": [0.5, -0.5, 0.1]})
    voices = pd.DataFrame({"article_id": ["a"] * 3, "sentence_id": [0, 1, 2], "outlet": ["X"] * 3,
                           "voice": ["quoted", "quoted", "author"]})
    out = mean_by_voice(features, voices, columns=["vader"], by=["outlet"])
    # quoted: (10 * 0.5 + 30 * -0.5) / 40 = -0.25
    assert out[["outlet", "voice", "n_sentences"]].values.tolist() == [["X", "author", 1], ["X", "quoted", 2]]
    assert out["vader"].tolist() == pytest.approx([0.1, -0.25])


def test_mean_by_voice_warns_about_sentences_without_voice():
    features = pd.DataFrame({"article_id": ["a", "a"], "sentence_id": [0, 1], "x": [1.0, 3.0]})
    voices = pd.DataFrame({"article_id": ["a"], "sentence_id": [0], "voice": ["author"]})
    with pytest.warns(CorpusWarning, match="1 of 2 sentences have no voice"):
        out = mean_by_voice(features, voices, columns=["x"], weight=None)
    assert out["x"].tolist() == [1.0]


def test_quote_tables_on_shipped_articles(shipped_corpus, shipped_sentences):
    tables = quote_tables(shipped_corpus, shipped_sentences)
    assert set(tables) == {"quotes", "quote_segments", "sentences", "voice_ledger"}
    voiced = tables["sentences"]
    assert list(voiced.columns) == [*SENTENCE_COLUMNS, "quoted_share", "voice"]
    assert len(voiced) == len(shipped_sentences)
    forbes = voiced[voiced["article_id"] == "forbes-2018-06-22"].set_index("text")
    # the letter's second paragraph is one quoted sentence, marks included
    letter = ("“We refuse to build the platform that powers ICE, and we refuse to contribute "
              "to tools that violate human rights.")
    assert forbes.loc[letter, "quoted_share"] == 1.0
    assert forbes.loc["Microsoft staff this week called on the company to cease working with ICE.",
                      "voice"] == "author"
    ledger = tables["voice_ledger"]
    shares = ledger.groupby("outlet")["quoted_word_share"].sum()
    assert shares.tolist() == pytest.approx([1.0] * 5)
    # Tech Observer quotes only the employees' letter (and two unattributed phrases): four
    # stretches in marks, but the first two are one quotation continued over a paragraph
    assert _row(ledger, "Tech Observer", "employees")["n_quotes"] == 3


def test_quote_tables_checks_columns(shipped_corpus):
    with pytest.raises(ValueError, match=r"quote_tables\(\) needs column"):
        quote_tables(shipped_corpus, pd.DataFrame({"article_id": []}))


# -- issue 18: quotations of several segments ------------------------------------------------

ANN_LEE = '"We had a sense of who he was," said Ann Lee, a former aide. "He knew exactly who he was."'


def test_attribution_between_segments_is_the_journalists_voice():
    from coverage.voices.quotes import extract_quotes

    quotes = extract_quotes(pd.DataFrame({"article_id": ["a"], "text": [ANN_LEE]}))
    # the first segment, the attribution, the second segment, as three "sentences"
    sentences = pd.DataFrame({"article_id": ["a"] * 3, "sentence_id": [0, 1, 2],
                              "start": [0, 32, 61], "end": [31, 60, 90]})
    out = sentence_voices(sentences, quotes)
    assert out["quoted_share"].tolist() == pytest.approx([1.0, 0.0, 1.0])
    assert out["voice"].tolist() == ["quoted", "author", "quoted"]


def test_sentence_voices_reads_a_segments_table():
    segments = pd.DataFrame({"article_id": ["a", "a"], "quote_id": [0, 0], "segment": [0, 1],
                             "start": [0, 30], "end": [10, 40]})
    out = sentence_voices(SENTENCES, segments)
    # sentence 1 (10-30) lies between the segments; sentence 2 (30-40) is the second one
    assert out["quoted_share"].tolist() == pytest.approx([1.0, 0.0, 1.0, 0.0])


def test_ledger_counts_quotations_not_segments():
    from coverage.voices.quotes import extract_quotes

    corpus = pd.DataFrame({"article_id": ["a"], "outlet": ["X"], "text": [ANN_LEE]})
    ledger = voice_ledger(extract_quotes(corpus), corpus)
    row = _row(ledger, "X", "other")
    assert (row["n_quotes"], row["quoted_words"], row["n_first"]) == (1, 14, 1)


def test_quote_tables_returns_the_segments_table():
    from coverage.text.sentences import split_sentences

    corpus = pd.DataFrame({"article_id": ["a"], "outlet": ["X"], "body_start": [0], "text": [ANN_LEE]})
    tables = quote_tables(corpus, split_sentences(corpus))
    segments = tables["quote_segments"]
    assert list(segments.columns) == ["article_id", "quote_id", "segment", "start", "end", "text"]
    assert segments[["quote_id", "segment", "start", "end"]].values.tolist() == [[0, 0, 0, 31], [0, 1, 61, 90]]
    assert segments["text"].tolist() == ['"We had a sense of who he was,"', '"He knew exactly who he was."']
