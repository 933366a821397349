"""Property-based tests (Hypothesis): text functions on arbitrary Unicode never fail
and every offset they return points into the text they were given.

Cleaning, sentences and quotations have their own properties in
test_cleaning.py, test_sentences.py and test_quotes.py; this file covers
mention finding, frame matching (kwic), and reuse.
"""

from __future__ import annotations

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coverage import kwic
from coverage.stance.mentions import find_mentions
from coverage.reuse.find import find_reuse
from coverage.text.sentences import split_sentences

# Arbitrary Unicode, plus text made of the words the functions look for, so
# that matches actually happen.
_WORDS = st.sampled_from([
    "Amazon", "amazon’s", "AWS", "Amazon Web Services", "the company", "Bezos", "Rekognition", "surveillance",
    "surveil", "public safety", "facial-recognition", "racial profiling", "civil liberties", "“", "”", '"',
    ".", ",", " ", "\n\n", "Ama\u200bzon", "é", "👍", "ال", "U.S.", "the tech giant", "We refuse to build it",
])
TEXT = st.one_of(st.text(max_size=300), st.lists(_WORDS, max_size=60).map(" ".join))
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _sentences(texts: list[str]) -> pd.DataFrame:
    corpus = pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))], "text": texts,
                           "body_start": 0, "outlet": "X"})
    return split_sentences(corpus)


@SETTINGS
@given(TEXT)
def test_mentions_lie_inside_their_sentence(text):
    sentences = _sentences([text])
    mentions = find_mentions(sentences)
    by_id = sentences.set_index("sentence_id")["text"]
    for row in mentions.itertuples():
        sentence = by_id[row.sentence_id]
        assert 0 <= row.start < row.end <= len(sentence)
        assert sentence[row.start:row.end] == row.mention


@SETTINGS
@given(TEXT)
def test_frame_evidence_lies_inside_its_sentence(text):
    sentences = _sentences([text])
    evidence = kwic(sentences)
    by_id = sentences.set_index("sentence_id")["text"]
    for row in evidence.itertuples():
        sentence = by_id[row.sentence_id]
        assert 0 <= row.start < row.end <= len(sentence)
        assert sentence[row.start:row.end] == row.match
        assert sentence.endswith(row.match + row.right) or row.right in sentence[row.end:]


@SETTINGS
@given(TEXT, TEXT)
def test_reuse_offsets_are_valid(a, b):
    # The same text twice, plus an arbitrary other, so shared passages exist.
    corpus = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["X", "Y", "Z"], "text": [a, a, b],
                           "published": pd.to_datetime(["2018-01-01"] * 3), "date_estimated": False,
                           "body_start": 0, "via": ""})
    passages = find_reuse(corpus)
    texts = dict(zip(corpus["article_id"], corpus["text"]))
    for row in passages.itertuples():
        assert 0 <= row.start_a < row.end_a <= len(texts[row.article_id_a])
        assert 0 <= row.start_b < row.end_b <= len(texts[row.article_id_b])
        assert texts[row.article_id_a][row.start_a:row.end_a] == row.text_a
        assert texts[row.article_id_b][row.start_b:row.end_b] == row.text_b
