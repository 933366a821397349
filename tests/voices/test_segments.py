"""Tests of coverage.voices.segments: the segments column and table."""

from __future__ import annotations

import pandas as pd
import pytest

from coverage.voices.segments import (
    SEGMENT_COLUMNS,
    format_segments,
    parse_segments,
    quote_segments,
)


@pytest.mark.parametrize("value", ["", "0-31;", "31-0", "a-b", "0:31"])
def test_parse_segments_rejects_bad_values(value):
    with pytest.raises(ValueError, match="'segments' value must be start-end pairs joined by ';'"):
        parse_segments(value)


def test_format_and_parse_round_trip():
    assert parse_segments(format_segments([(0, 31), (61, 90)])) == [(0, 31), (61, 90)]


def test_quote_segments_with_texts_and_without_segments_column():
    corpus = pd.DataFrame({"article_id": ["a"], "text": ['"Yes," he said, "we will."']})
    joined = pd.DataFrame({"article_id": ["a"], "quote_id": [0], "segments": ["0-6;16-26"]})
    table = quote_segments(joined, corpus)
    assert list(table.columns) == list(SEGMENT_COLUMNS)
    assert table["text"].tolist() == ['"Yes,"', '"we will."']
    # an older quotes.csv without the column: one segment per quotation
    old = pd.DataFrame({"article_id": ["a"], "quote_id": [3], "start": [0], "end": [6]})
    assert quote_segments(old)[["quote_id", "segment", "start", "end", "text"]].values.tolist() == [[3, 0, 0, 6, ""]]
