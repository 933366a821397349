"""take_rows: the same as DataFrame.take, by slices or row by row."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import coverage._engine.rows
from coverage._engine.rows import take_rows


@pytest.mark.parametrize("rows", [[], [0, 1, 2, 3, 4, 5], [4, 5, 0, 1, 2], [5, 3, 1], [2], [0, 1, 4, 5], [3, 3, 4]])
@pytest.mark.parametrize("max_runs", [256, 1])  # slices concatenated, or one take
def test_same_as_take(rows, max_runs, monkeypatch):
    monkeypatch.setattr(coverage._engine.rows, "_MAX_RUNS", max_runs)
    table = pd.DataFrame({"text": list("abcdef"), "n": np.arange(6), "arrays": [np.arange(k) for k in range(6)]},
                         index=range(10, 16))
    got = take_rows(table, np.array(rows, dtype=np.int64))
    expected = table.take(rows).reset_index(drop=True)
    pd.testing.assert_frame_equal(got.drop(columns="arrays"), expected.drop(columns="arrays"))
    assert [a.tolist() for a in got["arrays"]] == [a.tolist() for a in expected["arrays"]]
