"""Periods of the story: phases from a file, calendar weeks and months, coverage volume."""

from __future__ import annotations

import pandas as pd
import pytest

from coverage.compare.periods import OUTSIDE, coverage_volume, period_table, read_periods
from coverage.errors import CorpusError

ARTICLES = pd.DataFrame({
    "article_id": ["a", "b", "c", "d", "e"],
    "published": pd.to_datetime(["2018-06-22", "2018-06-30 18:00", "2018-11-08", "2019-03-01", None], format="mixed"),
})


def test_the_shipped_periods_file_reads_in_order(repo):
    periods = read_periods(repo / "data" / "periods.csv")
    assert periods["name"].tolist()[:2] == ["June 2018 letter", "November 2018 meeting"]
    assert (periods["end"] >= periods["start"]).all()


def test_phases_first_match_wins_ends_are_inclusive_and_undated_get_none(tmp_path):
    path = tmp_path / "periods.csv"
    path.write_text("# phases\nname,start,end\nletter,2018-06-18,2018-06-30\nmeeting,2018-11-01,2018-11-30\n"
                    "all 2018,2018-01-01,2018-12-31\n")
    table = period_table(ARTICLES, periods=read_periods(path))
    # b is published in the evening of the last day of the letter: still inside it.
    assert table["period"].tolist()[:4] == ["letter", "letter", "meeting", OUTSIDE]
    assert pd.isna(table["period"].iloc[4])
    assert table["period_rank"].tolist()[:4] == [0.0, 0.0, 1.0, 3.0]


@pytest.mark.parametrize("freq,expected", [
    ("month", ["2018-06", "2018-06", "2018-11", "2019-03"]),
    ("week", ["2018-06-18", "2018-06-25", "2018-11-05", "2019-02-25"]),
])
def test_calendar_periods(freq, expected):
    table = period_table(ARTICLES, periods=freq)
    assert table["period"].tolist()[:4] == expected
    assert pd.isna(table["period"].iloc[4])


@pytest.mark.parametrize("text,message", [
    ("name,begin,end\nx,2018-01-01,2018-02-01\n", r"no 'start' column"),
    ("name,start,end\nx,soon,2018-02-01\n", r"line 2: cannot read the start date 'soon'"),
    ("name,start,end\nx,2018-03-01,2018-02-01\n", r"line 2: period 'x' ends before it starts"),
    ("name,start,end\nx,2018-01-01,2018-02-01\nx,2018-03-01,2018-04-01\n", r"period 'x' is named twice"),
])
def test_bad_periods_files_teach(tmp_path, text, message):
    path = tmp_path / "periods.csv"
    path.write_text(text)
    with pytest.raises(CorpusError, match=message):
        read_periods(path)


def test_volume_counts_dated_articles_per_month_with_empty_months():
    articles = ARTICLES.assign(unit=["X", "Y", "X", "X", "Y"])
    volume = coverage_volume(articles, freq="month")
    # June 2018 to March 2019 is 10 months, 2 units each; the undated article is not counted.
    assert len(volume) == 20
    assert int(volume["n_articles"].sum()) == 4
    june = volume[volume["period_start"] == pd.Timestamp("2018-06-01")].set_index("unit")["n_articles"]
    assert june.to_dict() == {"X": 1, "Y": 1}
