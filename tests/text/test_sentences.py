"""Sentence splitting: hand-written expectations for the hard cases."""

from __future__ import annotations

import pandas as pd
import pytest

from coverage.schema import SENTENCE_COLUMNS
from coverage.text.sentences import sentence_spans, split_sentences


def _split(text: str) -> list[str]:
    return [text[s:e] for s, e, _ in sentence_spans(text)]


@pytest.mark.parametrize("text,expected", [
    ("Sales to U.S. cops rose. Police paid.", ["Sales to U.S. cops rose.", "Police paid."]),
    ("Mr. Bezos spoke. Dr. Smith and Mrs. Lee listened.", ["Mr. Bezos spoke.", "Dr. Smith and Mrs. Lee listened."]),
    ("Palantir Inc. paid $12.2 million. It was 3.5 times more.", ["Palantir Inc. paid $12.2 million.", "It was 3.5 times more."]),
    ("John F. Kennedy spoke at 9 a.m. Monday. Then he left.", ["John F. Kennedy spoke at 9 a.m. Monday.", "Then he left."]),
    # A quotation holding several sentences, then its attribution.
    ("“We refuse to build it. We demand a choice,” the letter said. Amazon declined.",
     ["“We refuse to build it.", "We demand a choice,” the letter said.", "Amazon declined."]),
    ("He asked: “Why now?” She said nothing.", ["He asked: “Why now?”", "She said nothing."]),
    ("“Is this right?” asked one employee.", ["“Is this right?” asked one employee."]),
    ('"Stop it." Then "go on."', ['"Stop it."', 'Then "go on."']),
    ("It grew... and then fell. Wow!", ["It grew... and then fell.", "Wow!"]),
    ("The deal (worth $20 million.) Closed.", ["The deal (worth $20 million.)", "Closed."]),
    ("20,000 Googlers walked out. 400 people signed.", ["20,000 Googlers walked out.", "400 people signed."]),
    ("no final punctuation", ["no final punctuation"]),
    ("", []),
    ("   \n\n  ", []),
])
def test_sentence_boundaries(text, expected):
    assert _split(text) == expected


def test_paragraphs_bullets_and_headlines():
    text = ("Amazon employees hope to confront Bezos\n\n"
            "• Employees criticized the company.\n\n• They urge colleagues to act\n\n"
            "Employee activism is alive\n\nIt comes after protests. Google staff walked out.")
    corpus = pd.DataFrame({"article_id": ["a"], "text": [text], "body_start": [len("Amazon employees hope to confront Bezos") + 2]})
    table = split_sentences(corpus)
    assert list(table.columns) == list(SENTENCE_COLUMNS)
    assert table["text"].tolist() == [
        "Amazon employees hope to confront Bezos", "• Employees criticized the company.",
        "• They urge colleagues to act", "Employee activism is alive", "It comes after protests.",
        "Google staff walked out."]
    assert table["paragraph_id"].tolist() == [0, 1, 2, 3, 4, 4]
    assert table["position"].tolist() == ["headline", "lede", "body", "body", "body", "body"]
    assert table["n_words"].tolist() == [6, 4, 5, 4, 4, 4]


def test_offsets_point_into_clean_text(shipped_corpus, shipped_sentences):
    texts = shipped_corpus.set_index("article_id")["text"]
    for row in shipped_sentences.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.text


def test_sentences_cover_all_text_without_overlap(shipped_corpus, shipped_sentences):
    for article_id, text in shipped_corpus[["article_id", "text"]].itertuples(index=False):
        rows = shipped_sentences[shipped_sentences["article_id"] == article_id]
        covered = "".join(text[s:e] for s, e in zip(rows["start"], rows["end"]))
        assert covered.replace(" ", "") == text.replace(" ", "").replace("\n", "")
        assert (rows["start"].iloc[1:].to_numpy() >= rows["end"].iloc[:-1].to_numpy()).all()


# Counted by hand from the clean texts (one headline each).
@pytest.mark.parametrize("article_id,n_sentences,n_lede", [
    ("recode-2018-11-05", 25, 1),
    ("forbes-2018-06-22", 17, 1),
    ("businessinsider-2018-11-06", 23, 1),
])
def test_shipped_counts(shipped_sentences, article_id, n_sentences, n_lede):
    rows = shipped_sentences[shipped_sentences["article_id"] == article_id]
    assert len(rows) == n_sentences
    assert (rows["position"] == "headline").sum() == 1
    assert (rows["position"] == "lede").sum() == n_lede


def test_split_sentences_names_missing_columns():
    with pytest.raises(ValueError, match=r"split_sentences\(\) needs column 'body_start', which is missing; the table has: article_id, text"):
        split_sentences(pd.DataFrame({"article_id": ["a"], "text": ["x"]}))


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_NEWSY = st.lists(st.sampled_from(list("ab AZ.?!…“”\"'’()\n•09,;:—") + ["U.S.", "Mr.", "\n\n", "Inc. "])).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(), _NEWSY))
def test_spans_cover_every_character_once(text):
    spans = sentence_spans(text)
    previous_end = 0
    for start, end, _ in spans:
        assert 0 <= previous_end <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        previous_end = end
    covered = set()
    for start, end, _ in spans:
        covered.update(range(start, end))
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)
