"""Stance features: the dense block is lexicon_features of each mention, recurring mentions included."""

from __future__ import annotations

import numpy as np

from coverage.stance.features import _dense
from coverage.stance.lexicon import lexicon_features


def test_recurring_mentions_get_the_features_of_each_one_computed_alone():
    rows = [("Critics slammed Amazon and Google.", 16, 22, ((27, 33),)),
            ("Amazon grew.", 0, 6, ()),
            ("Critics slammed Amazon and Google.", 16, 22, ((27, 33),)),
            ("Critics slammed Amazon and Google.", 16, 22, ()),  # same sentence, other spans differ
            ("Amazon grew.", 0, 6, None)]
    expected = np.array([lexicon_features(t, s, e, others=list(o or ())) for t, s, e, o in rows])
    got = _dense(rows)
    assert np.array_equal(got, expected)
    assert not np.array_equal(got[0], got[3])  # the other company's span is masked in one only
