"""One message format for parameter errors, wherever a function checks an option."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from coverage import compare_groups, find_reuse, keyness, kwic, sample_sentences
from coverage.params import check_choice, check_int, check_share
from coverage.voices import sentence_voices


@pytest.mark.parametrize("value,minimum,expected", [
    (0, 1, "The 'n' parameter of f must be a positive int. Got 0 instead."),
    (-1, 0, "The 'n' parameter of f must be a non-negative int. Got -1 instead."),
    (True, 1, "The 'n' parameter of f must be a positive int. Got True instead."),
    (2.0, 1, "The 'n' parameter of f must be a positive int. Got 2.0 instead."),
    (1, 2, "The 'n' parameter of f must be an int of at least 2. Got 1 instead."),
])
def test_check_int_refuses(value, minimum, expected):
    with pytest.raises(ValueError) as err:
        check_int(value, name="n", func="f", minimum=minimum)
    assert str(err.value) == expected


def test_check_int_accepts_numpy_ints_and_none_when_allowed():
    assert check_int(np.int64(3), name="n", func="f") == 3
    assert check_int(None, name="n", func="f", none_ok=True) is None


@pytest.mark.parametrize("value,low_open,high_open,ok", [
    (0.0, True, True, False), (0.0, False, True, True), (1.0, True, False, True), (1.0, True, True, False),
    (0.5, True, True, True), ("0.5", True, True, False), (False, False, True, False),
])
def test_check_share(value, low_open, high_open, ok):
    if ok:
        assert check_share(value, name="x", func="f", low_open=low_open, high_open=high_open) == float(value)
    else:
        with pytest.raises(ValueError, match=r"^The 'x' parameter of f must be in [\[(]0, 1[\])]\. Got .* instead\.$"):
            check_share(value, name="x", func="f", low_open=low_open, high_open=high_open)


def test_check_choice():
    with pytest.raises(ValueError, match=r"^The 'm' parameter of f must be one of 'a', 'b'\. Got 'c' instead\.$"):
        check_choice("c", name="m", func="f", choices=("a", "b"))


SENTENCES = pd.DataFrame({"article_id": ["a"], "sentence_id": [0], "start": [0], "end": [5], "text": ["Hello"],
                          "outlet": ["X"]})
CORPUS = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"], "text": ["one two", "three four"]})


@pytest.mark.parametrize("call,message", [
    (lambda: kwic(SENTENCES, "x", window=-3), "The 'window' parameter of kwic must be a non-negative int. Got -3 instead."),
    (lambda: find_reuse(CORPUS, n=0), "The 'n' parameter of find_reuse must be a positive int. Got 0 instead."),
    (lambda: find_reuse(CORPUS, max_articles=0),
     "The 'max_articles' parameter of find_reuse must be a positive int or None. Got 0 instead."),
    (lambda: keyness(CORPUS, min_count=0), "The 'min_count' parameter of keyness must be a positive int. Got 0 instead."),
    (lambda: sample_sentences(SENTENCES, per_outlet=0),
     "The 'per_outlet' parameter of sample_sentences must be a positive int. Got 0 instead."),
    (lambda: compare_groups(CORPUS.assign(v=1.0), value="v", confidence=1.5),
     "The 'confidence' parameter of compare_groups must be in (0, 1). Got 1.5 instead."),
    (lambda: sentence_voices(SENTENCES, pd.DataFrame(columns=["article_id", "start", "end"]), threshold=1),
     "The 'threshold' parameter of sentence_voices must be in [0, 1). Got 1 instead."),
])
def test_every_public_check_speaks_the_same_sentence(call, message):
    with pytest.raises(ValueError) as err:
        call()
    assert str(err.value) == message
