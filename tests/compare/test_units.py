"""Units of comparison: labels with counts, pooling of small and surplus units, order by a measure."""

from __future__ import annotations

import pandas as pd
import pytest

from coverage.compare.units import pooling_note, single_article_note, unit_order, unit_table, with_units
from coverage.errors import CorpusError


def _articles(counts: dict[str, int], column: str = "outlet") -> pd.DataFrame:
    rows = [(f"{name}-{i}", name) for name, n in counts.items() for i in range(n)]
    return pd.DataFrame(rows, columns=["article_id", column])


def test_five_outlets_of_one_article_are_not_pooled():
    units = unit_table(_articles({o: 1 for o in "ABCDE"}))
    assert units["unit"].tolist() == ["A (n=1)", "B (n=1)", "C (n=1)", "D (n=1)", "E (n=1)"]
    assert not units["pooled"].any()
    assert pooling_note(units) == ""


def test_past_25_units_those_with_one_article_are_pooled_by_default():
    # 3 outlets with 3 articles each and 49 with one: 52 outlets, 58 articles.
    counts = {"Big1": 3, "Big2": 3, "Big3": 3, **{f"Small{i:02d}": 1 for i in range(49)}}
    units = unit_table(_articles(counts))
    labels = list(dict.fromkeys(units["unit"]))
    assert labels[:3] == ["Big1 (n=3)", "Big2 (n=3)", "Big3 (n=3)"]
    assert set(labels[3:]) == {"other (49 outlets, 49 articles)"}
    assert int(units["pooled"].sum()) == 49
    assert pooling_note(units) == ("49 outlets with fewer than 2 articles (49 articles) are pooled as "
                                   "'other (49 outlets, 49 articles)'.")


def test_beyond_max_units_the_smallest_are_pooled_even_when_large_enough():
    # 30 outlets of 2 articles each: min_articles 2 keeps them all, max_units keeps 24 plus "other".
    units = unit_table(_articles({f"O{i:02d}": 2 for i in range(30)}))
    labels = list(dict.fromkeys(units["unit"]))
    assert len(labels) == 25
    assert labels[-1] == "other (6 outlets, 12 articles)"
    assert pooling_note(units) == ("6 outlets beyond the 24 largest (12 articles) are pooled as "
                                   "'other (6 outlets, 12 articles)'.")


def test_blank_values_are_a_unit_of_their_own_and_the_noun_follows_the_column():
    articles = pd.DataFrame({"article_id": list("abcd"), "group": ["tech", "tech", "", None]})
    units = unit_table(articles, by="group", min_articles=3)
    assert units["unit"].tolist() == ["other (2 groups, 4 articles)"] * 4
    units = unit_table(articles, by="group")
    assert units["unit"].tolist() == ["tech (n=2)", "tech (n=2)", "(no group) (n=2)", "(no group) (n=2)"]


def test_a_missing_column_names_the_columns_to_choose_from():
    articles = pd.DataFrame({"article_id": ["a"], "outlet": ["X"], "text": ["t"], "group": ["g"]})
    with pytest.raises(CorpusError, match=r"no column 'lean' to compare by; the articles have: outlet, group\."):
        unit_table(articles, by="lean")


def test_order_by_measure_then_missing_then_pooled():
    units = unit_table(_articles({"A": 2, "B": 2, "C": 2, "D": 1, "E": 1}), min_articles=2)
    table = pd.DataFrame({"unit": ["A (n=2)", "B (n=2)", "other (2 outlets, 2 articles)"],
                          "estimate": [-0.5, 0.7, 0.9]})
    assert unit_order(table, units=units) == ["B (n=2)", "A (n=2)", "C (n=2)", "other (2 outlets, 2 articles)"]
    assert unit_order(table, units=units, descending=False)[:2] == ["A (n=2)", "B (n=2)"]


def test_with_units_and_single_article_note():
    units = unit_table(_articles({"A": 2, "B": 1}))
    rows = with_units(pd.DataFrame({"article_id": ["A-0", "B-0", "Z-0"]}), units)
    assert rows["unit"].tolist() == ["A (n=2)", "B (n=1)"]
    assert single_article_note(units).startswith("1 of 2 outlets rest on a single article")
