"""Undated articles are read with a flag and one warning; extra columns and outlets.csv become unit columns."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from coverage.errors import CorpusError, CorpusWarning
from coverage.io.corpus import extra_columns, load_corpus


def _load_warned(folder):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = load_corpus(folder)
    return corpus, [str(w.message) for w in caught if issubclass(w.category, CorpusWarning)]


@pytest.fixture
def mixed(tmp_path):
    """A bulk CSV with two undated rows, a front-matter file without a date, a dated manifest row."""
    raw = tmp_path / "raw"
    raw.mkdir()
    pd.DataFrame({"text": ["Amazon staff wrote. Again.", "Bezos answered. Then.", "Police bought it. Yes."],
                  "outlet": ["A", "B", "C"], "published": ["2018-06-22", "", "nan"],
                  "group": ["tech press", "wire copies", ""]}).to_csv(raw / "bulk.csv", index=False)
    (raw / "fm.md").write_text("---\noutlet: D\nlean: left\n---\nHeadline\n\nBody of the story.\n")
    (raw / "m.txt").write_text("Headline\n\nManifest body.\n")
    (tmp_path / "articles.csv").write_text(
        "article_id,file,outlet,title,published,url,author,via,notes,group\n"
        "m,raw/m.txt,A,,2018-11-05,,,,,business press\n")
    return tmp_path


def test_undated_rows_are_read_flagged_sorted_last_and_counted_once(mixed):
    corpus, messages = _load_warned(mixed)
    assert len(corpus) == 5
    # Dated first by date, then the three undated ones by article_id.
    assert corpus["article_id"].tolist() == ["bulk-1", "m", "bulk-2", "bulk-3", "fm"]
    assert corpus["date_missing"].tolist() == [False, False, True, True, True]
    assert corpus["published"].isna().tolist() == [False, False, True, True, True]
    undated = [m for m in messages if "no date" in m]
    assert undated == ["3 of 5 articles have no date; time figures leave them out (first: "
                       f"{mixed.name}/raw/bulk.csv#row2); add 'published' as YYYY-MM-DD to include them"]


def test_extra_columns_from_manifest_table_and_front_matter_are_kept(mixed):
    corpus, _ = _load_warned(mixed)
    assert extra_columns(corpus) == ["group", "lean"]
    by_id = corpus.set_index("article_id")
    assert by_id["group"].to_dict() == {"bulk-1": "tech press", "m": "business press", "bulk-2": "wire copies",
                                        "bulk-3": "", "fm": ""}
    assert by_id.loc["fm", "lean"] == "left"


def test_outlets_file_fills_columns_and_an_article_value_wins(mixed):
    (mixed / "outlets.csv").write_text("# template\noutlet,group,country\nA,national press,US\nC,local TV,CA\n")
    corpus, _ = _load_warned(mixed)
    by_id = corpus.set_index("article_id")
    # bulk-1 and m say their own group; bulk-3 (outlet C) had none and takes the outlet's.
    assert by_id["group"].to_dict() == {"bulk-1": "tech press", "m": "business press", "bulk-2": "wire copies",
                                        "bulk-3": "local TV", "fm": ""}
    assert by_id["country"].to_dict() == {"bulk-1": "US", "m": "US", "bulk-2": "", "bulk-3": "CA", "fm": ""}


@pytest.mark.parametrize("text,message", [
    ("name,group\nA,x\n", r"outlets\.csv: no 'outlet' column; the header must start with: outlet, group"),
    ("outlet,group\nA,x\nA,y\n", r"outlets\.csv: outlet 'A' is listed more than once; keep one row per outlet"),
])
def test_bad_outlets_file(mixed, text, message):
    (mixed / "outlets.csv").write_text(text)
    with pytest.raises(CorpusError, match=message):
        load_corpus(mixed)


def test_an_unreadable_date_is_still_an_error(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    pd.DataFrame({"text": ["A story. Yes."], "outlet": ["A"], "published": ["sometime in June"]}).to_csv(
        raw / "bulk.csv", index=False)
    with pytest.raises(CorpusError, match=r"bulk\.csv#row1: cannot read the date 'sometime in June'; write it as"):
        load_corpus(tmp_path)
