"""Tests of coverage.stance.lexicon: VADER/TextBlob scores around a mention and the learned lexicon."""

import numpy as np
import pytest

from coverage.stance.lexicon import (N_LEARNED, label_lexicon, learned_features, lexicon_features, mask_spans,
                                     mention_context, spans_of)


@pytest.mark.parametrize(
    "text, start, end, index, expected",
    [
        ("He said it.", 0, 2, -1, 1.0),  # the mention is a pronoun
        ("Amazon said it.", 0, 6, -1, 0.0),
        ("Amazon said it.", 0, 6, -5, 1.0),  # opens the sentence
        ("They said Amazon erred.", 10, 16, -5, 0.0),
        ('"Amazon erred," they said.', 1, 7, -3, 1.0),  # inside quotation marks
        ('They said "Amazon erred."', 11, 17, -3, 1.0),
        ('Amazon said "no."', 0, 6, -3, 0.0),  # quotes in the sentence, but not around it
        ('Amazon said "no."', 0, 6, -2, 1.0),
        ("They said Amazon erred.", 10, 16, -6, 0.5),  # 2 of 4 words on its left
    ],
)
def test_lexicon_features_position_flags(text, start, end, index, expected):
    assert lexicon_features(text, start, end)[index] == expected


def test_distance_weighted_valence_prefers_near_words():
    # "good" is 1.9 in VADER's lexicon: weight exp(0) right next to the mention
    near = lexicon_features("Amazon good.", 0, 6)
    far = lexicon_features("Amazon said that today was good.", 0, 6)
    tau2_pos = 3 * 7 + 2 * 4  # after 7 VADER triples and 4 TextBlob pairs
    assert near[tau2_pos] == pytest.approx(1.9)
    assert far[tau2_pos] == pytest.approx(1.9 * np.exp(-4 / 2))


def test_lexicon_features_mask_the_mention_and_the_other_mentions():
    # "amazon" is +0.7 in VADER's lexicon, "bezos" and "met" are not in it:
    # unmasked, the sentence's compound would be 0.7 / sqrt(0.7**2 + 15) = 0.178.
    text = "Bezos met Amazon."
    assert lexicon_features(text, 0, 5)[0] == pytest.approx(0.7 / np.sqrt(0.49 + 15), abs=1e-4)
    assert lexicon_features(text, 0, 5, others=[(10, 16)])[0] == 0.0
    assert lexicon_features(text, 10, 16)[0] == 0.0  # the mention itself is always masked
    # a span overlapping the mention is ignored rather than masking it twice
    assert lexicon_features(text, 10, 16, others=[(12, 16)]) == lexicon_features(text, 10, 16)


def test_label_lexicon_by_hand():
    lex = label_lexicon([{"praised", "met"}, {"praised"}, {"slammed"}, {"met"}],
                        ["positive", "positive", "negative", "neutral"])
    # praised: P(.|pos) = (2+1)/(2+2), P(.|neg) = (0+1)/(1+2), P(.|neu) = (0+1)/(1+2), P(.|polar) = (2+1)/(3+2)
    assert lex["praised"] == pytest.approx((np.log(0.75 / (1 / 3)), np.log((1 / 3) / 0.6), 2))
    # met: P(.|pos) = 2/4, P(.|neg) = 1/3, P(.|neu) = 2/3, P(.|polar) = 2/5
    assert lex["met"] == pytest.approx((np.log(0.5 / (1 / 3)), np.log((2 / 3) / 0.4), 2))
    assert "slammed" not in lex  # in one document only (min_count=2)


@pytest.mark.parametrize(
    "others, expected",
    [
        ([], ("Bezos met xxtarget .", 10, 18)),
        ([(0, 5)], ("xxother  met xxtarget .", 13, 21)),  # offsets move by the longer placeholder
        ([(0, 5), (2, 7)], ("xxother  met xxtarget .", 13, 21)),  # overlaps an earlier span: skipped
        ([(12, 16)], ("Bezos met xxtarget .", 10, 18)),  # overlaps the mention: skipped
    ],
)
def test_mask_spans_by_hand(others, expected):
    assert mask_spans("Bezos met Amazon.", 10, 16, others) == expected


@pytest.mark.parametrize("value, expected", [(None, []), (float("nan"), []), ([], []), ([[1, 2]], [(1, 2)])])
def test_spans_of_missing_values(value, expected):
    assert spans_of(value) == expected


def test_learned_features_by_hand():
    text = "bad x y z Amazon good"
    start = text.index("Amazon")
    context, names = mention_context([(text, start, start + 6)])
    assert context == [(["z", "y", "x", "bad"], ["good"], ["bad", "x", "y", "z", "good"])]
    lexicons = {"context": {"bad": (-1.0, 0.5, 3), "good": (2.0, -0.5, 4)}, "name": {"L:amazon": (0.3, 0.1, 5)}}
    f = learned_features(context, names, lexicons)
    assert f.shape == (1, N_LEARNED)
    e = np.exp
    # axis 0: left leanings [0, 0, 0, -1] (nearest first), right [2]; "bad" is 3 words away
    axis0 = [2, 1, 1, -1, 2, 1, 2 - e(-3 / 2), 2 - e(-3 / 5), -1, 2, 0.2]
    # axis 1: left [0, 0, 0, 0.5], right [-0.5]
    axis1 = [-0.5, 0, 0, 0.5, -0.5, 0, 0.5 * e(-3 / 2) - 0.5, 0.5 * e(-3 / 5) - 0.5, -0.5, 0.5, 0]
    names_ = [0, 0, 0, 0.3, 0.1, np.log(6)]  # the full name "amazon" is unseen, its last word is not
    assert f[0] == pytest.approx(axis0 + axis1 + names_)
