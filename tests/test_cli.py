"""The command line: summaries, exit codes, one-line errors, adding articles."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from coverage import load_corpus
from coverage.cli import main


def _snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_validate_prints_summary(data_copy, capsys):
    assert main(["validate", "--data", str(data_copy)]) == 0
    out = capsys.readouterr().out
    # 559 + 433 + 802 + 521 + 453 words, counted by the tokeniser per article.
    assert "5 articles from 5 outlets, 2018-06-22 to 2018-11-09 (4 dates estimated), 2,768 words" in out
    assert "  Recode: 1 article, 802 words" in out


def test_error_is_one_line_exit_2_and_data_unchanged(data_copy, capsys):
    (data_copy / "raw" / "stray.txt").write_text("An article nobody listed.\n")
    before = _snapshot(data_copy)
    assert main(["validate", "--data", str(data_copy)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("media-coverage: error: data/raw/stray.txt: no manifest row and no front matter")
    assert _snapshot(data_copy) == before


def test_python_dash_m_runs_the_same_command(data_copy):
    (data_copy / "raw" / "x.pdf").write_bytes(b"%PDF")
    done = subprocess.run([sys.executable, "-m", "coverage", "validate", "--data", str(data_copy)],
                          capture_output=True, text=True)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "data/raw/x.pdf: unknown file type '.pdf'" in done.stderr


def test_features_writes_processed_tables(data_copy, capsys):
    assert main(["features", "--data", str(data_copy)]) == 0
    processed = data_copy / "processed"
    articles = pd.read_csv(processed / "articles.csv")
    sentences = pd.read_csv(processed / "sentences.csv")
    assert len(articles) == 5 and "raw_text" not in articles.columns
    assert sentences.groupby("article_id").size().sum() == len(sentences) > 90
    assert len(pd.read_csv(processed / "removed_lines.csv")) == 32


def test_figures_writes_files_and_captions(data_copy, tmp_path, capsys):
    out = tmp_path / "figs"
    assert main(["figures", "--data", str(data_copy), "--out", str(out)]) == 0
    for stem in ("01_timeline", "02_length_by_outlet"):
        assert (out / f"{stem}.png").stat().st_size > 1000
        assert (out / f"{stem}.svg").read_text().lstrip().startswith("<?xml")
    index = (out / "README.md").read_text()
    assert "![Coverage timeline by outlet](01_timeline.png)" in index
    assert "hollow dots are estimated dates (4 of 5). 5 articles from 5 outlets." in index


def test_add_copies_and_lists_the_article(data_copy, tmp_path, capsys):
    new = tmp_path / "new story.txt"
    new.write_text("Staff confront Bezos\n\nEmployees asked questions at the meeting. Bezos answered.\n", encoding="utf-8")
    assert main(["add", str(new), "--outlet", "The Verge", "--published", "2018-11-09",
                 "--title", "Staff confront Bezos", "--data", str(data_copy)]) == 0
    assert (data_copy / "raw" / "theverge-2018-11-09.txt").read_bytes() == new.read_bytes()
    manifest = pd.read_csv(data_copy / "articles.csv", dtype=str, keep_default_na=False)
    assert manifest.iloc[-1][["article_id", "file", "outlet", "published"]].tolist() == [
        "theverge-2018-11-09", "raw/theverge-2018-11-09.txt", "The Verge", "2018-11-09"]
    assert len(load_corpus(data_copy)) == 6


def test_add_refuses_an_article_already_there(data_copy, repo, capsys):
    before = _snapshot(data_copy)
    status = main(["add", str(repo / "data" / "raw" / "forbes-2018-06-22.txt"), "--outlet", "Forbes",
                   "--published", "2018-06-22", "--data", str(data_copy)])
    assert status == 2
    assert "already in the corpus" in capsys.readouterr().err
    assert _snapshot(data_copy) == before


@pytest.mark.parametrize("content,args,message", [
    ("Head\n\nBody.\n", ["--published", "June 2018ish"], "cannot read the date 'June 2018ish'"),
    ("Filed under:\nComments are closed.\n", ["--published", "2018-06-22"], "no article text left"),
    ("Head\n\nBody.\n", ["--published", "2018-06-22", "--id", "forbes-2018-06-22"], "article_id 'forbes-2018-06-22' is already in articles.csv"),
])
def test_add_bad_input_changes_nothing(data_copy, tmp_path, capsys, content, args, message):
    new = tmp_path / "new.txt"
    new.write_text(content, encoding="utf-8")
    before = _snapshot(data_copy)
    assert main(["add", str(new), "--outlet", "X", *args, "--data", str(data_copy)]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert _snapshot(data_copy) == before


def test_add_rolls_back_when_the_corpus_check_fails(data_copy, tmp_path, capsys):
    # The corpus is already broken by a stray file: adding must not leave a copy behind.
    (data_copy / "raw" / "stray.txt").write_text("Unlisted.\n")
    new = tmp_path / "new.txt"
    new.write_text("Head\n\nBody text.\n", encoding="utf-8")
    before = _snapshot(data_copy)
    assert main(["add", str(new), "--outlet", "X", "--published", "2018-06-22", "--data", str(data_copy)]) == 2
    assert _snapshot(data_copy) == before


@pytest.fixture(scope="module")
def fifty_outlets(tmp_path_factory, repo):
    """52 outlets, 60 short articles, 23 undated; the user added a 'desk' column to the bulk table."""
    from benchmarks.generate import generate, write

    folder = tmp_path_factory.mktemp("fifty-outlets")
    table = generate(60, sources=[repo / "data"], seed=1, min_paras=2, max_paras=3, outlets=52, undated=0.3)
    write(table.assign(desk=["national", "tech", "business"] * 20), folder)
    return folder


def test_figures_by_a_column_the_user_added_on_fifty_outlets(fifty_outlets, tmp_path, capsys):
    from PIL import Image

    out = tmp_path / "figs"
    assert main(["figures", "--data", str(fifty_outlets), "--out", str(out), "--by", "desk"]) == 0
    err = capsys.readouterr().err
    assert "warning: 23 of 60 articles have no date; time figures leave them out" in err
    sizes = [Image.open(p).size for p in out.glob("*.png")]
    assert len(sizes) >= 10 and max(max(s) for s in sizes) <= 3000
    index = (out / "README.md").read_text()
    assert "## Sentiment by desk" in index
    assert "60 articles from 52 outlets, 3 desk values." in index
    by_desk = pd.read_csv(fifty_outlets / "processed" / "compare_desk.csv")
    assert sorted(by_desk["desk"].unique()) == ["business", "national", "tech"]
    assert set(by_desk.loc[by_desk["measure"] == "vader_compound", "n_articles"]) == {20}


def test_a_missing_by_column_is_a_one_line_error_naming_the_columns(fifty_outlets, capsys):
    assert main(["features", "--data", str(fifty_outlets), "--by", "lean", "--jobs", "1"]) == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err.startswith("media-coverage: error: --by lean: no column 'lean' to compare by; the articles have: ")
    assert "outlet" in err and "desk" in err
