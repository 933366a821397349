"""The HTML report written by `media-coverage figures`: standalone, complete, evidence behind every number."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from coverage.cli import main

REPO = Path(__file__).resolve().parents[2]


def _data_copy(target: Path, stance_model_dir: Path) -> Path:
    shutil.copytree(REPO / "data" / "raw", target / "raw")
    shutil.copy2(REPO / "data" / "articles.csv", target / "articles.csv")
    shutil.copytree(REPO / "data" / "external" / "newsmtsc", target / "external" / "newsmtsc")
    shutil.copytree(stance_model_dir, target / "processed")
    return target


def _content(page: str) -> dict:
    data = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', page, flags=re.S).group(1)
    return json.loads(data)


@pytest.fixture(scope="module")
def run(tmp_path_factory, stance_model_dir):
    """`figures` run twice on a copy of the shipped data, the second time without Forbes's article."""
    root = tmp_path_factory.mktemp("report")
    data = _data_copy(root / "data", stance_model_dir)
    assert main(["figures", "--data", str(data), "--out", str(root / "first")]) == 0
    first_evidence = pd.read_csv(data / "processed" / "evidence.csv")
    manifest = pd.read_csv(data / "articles.csv")
    gone = manifest[manifest["outlet"] == "Forbes"]
    (data / gone["file"].iloc[0]).unlink()  # the manifest names files relative to data/
    manifest.drop(gone.index).to_csv(data / "articles.csv", index=False)
    assert main(["figures", "--data", str(data), "--out", str(root / "second")]) == 0
    return {name: (root / name / "report.html").read_text(encoding="utf-8") for name in ("first", "second")} | {
        "data": data, "root": root, "gone": gone["article_id"].iloc[0], "evidence": first_evidence}


def test_the_report_loads_nothing_from_the_network(run):
    page = run["first"]
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, flags=re.I)
    assert not re.search(r"<script[^>]*\ssrc=|<link\b|@import|url\(", page, flags=re.I)
    content = _content(page)
    assert all(f["src"].startswith("data:image/png;base64,") for f in content["figures"])


def test_every_figure_is_shown_with_its_caption(run):
    index = (run["root"] / "first" / "README.md").read_text(encoding="utf-8")
    figures = _content(run["first"])["figures"]
    assert [f["name"] for f in figures] == re.findall(r"\]\((\w+)\.png\)", index)
    assert all(f["caption"] and f["caption"] in index for f in figures)


def test_a_measure_cell_leads_to_the_sentences_and_the_highlighted_terms(run):
    content = _content(run["first"])
    cells = {(unit, measure): row for unit, measure, *row in content["measures"]}
    assert {u for u, _ in cells} == {"Business Insider", "Forbes", "Packt Hub", "Recode", "Tech Observer"}
    assert {m for _, m in cells} == {"vader", "surveillance", "safety", "quoted", "stance"}
    # Tech Observer's 12 surveillance terms (workbook 03, exercise 2) are its cell's evidence.
    *_, key = cells[("Tech Observer", "surveillance")]
    hits = content["evidence"][key]
    assert len(hits) == 12
    for s, start, end, note in hits:
        article, _, _, text = content["sentences"][s]
        assert content["articles"][article][1] == "Tech Observer"
        assert note.startswith("surveillance: ") and 0 <= start < end <= len(text)
    # Stance: one dot per mention of the target, each with its sentence.
    assert len(content["dots"]) == sum(row[6] for row in content["measures"] if row[1] == "stance") > 80
    assert all(len(content["evidence"][key]) == 1 for *_, key in content["dots"])


def test_frame_terms_and_distinctive_words_lead_to_their_sentences(run):
    content = _content(run["first"])
    evidence = run["evidence"]
    for frame, term, n in content["frame_terms"]:
        assert n == len(content["evidence"][f"term|{frame}|{term}"])
        assert n == ((evidence["frame"] == frame) & (evidence["term"] == term)).sum()
    words = content["words"]
    assert len(words) == 5 * 10
    for unit, word, z, count, key in words:
        hits = content["evidence"][key]
        assert len(hits) >= 1
        s, start, end, _ = hits[0]
        assert content["sentences"][s][3][start:end].lower().replace("’", "'").startswith(word.lower())


def test_what_changed_is_recorded_and_compared_with_the_last_run(run):
    first, second = _content(run["first"])["changes"], _content(run["second"])["changes"]
    assert first["first_run"] is True
    assert (second["added"], second["changed"], second["removed"]) == ([], [], [run["gone"]])
    gone = [row for row in second["moved"] if row[0] == "Forbes"]
    assert len(gone) == 5 and all(before is not None and after is None for _, _, before, after in gone)
    summary = json.loads((run["data"] / "processed" / "report_summary.json").read_text())
    assert run["gone"] not in summary["articles"] and len(summary["articles"]) == 4


def test_the_report_is_small(run):
    assert len(run["first"].encode("utf-8")) < 5_000_000
