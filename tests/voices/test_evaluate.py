"""Tests of coverage.voices.evaluate and the evaluate-quotes command."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import pandas as pd
import pytest

from coverage.commands import evaluate_quotes
from coverage.errors import CorpusError, CorpusWarning
from coverage.voices.evaluate import (
    ANNOTATION_COLUMNS,
    align_annotations,
    evaluate_brat,
    format_scores,
    read_annotations,
    read_brat,
    same_speaker,
    score_quotes,
)
from coverage.voices.quotes import extract_quotes

REPO = Path(__file__).resolve().parents[2]
LABELS = REPO / "data" / "annotations" / "quotes.csv"
BRAT = Path(__file__).resolve().parents[1] / "fixtures" / "brat"


# -- the hand labels of the shipped articles ------------------------------------------


@pytest.fixture(scope="module")
def gold(shipped_corpus):
    return align_annotations(read_annotations(LABELS), shipped_corpus)


def test_every_label_is_found_with_its_marks(gold, shipped_corpus):
    texts = dict(zip(shipped_corpus["article_id"], shipped_corpus["text"]))
    assert len(gold) == 34
    assert gold["kind"].value_counts().to_dict() == {"full": 20, "partial": 14}
    for row in gold.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.text
        assert row.text[0] in "\"“‘"


@pytest.mark.parametrize("kinds", [("full",), ("full", "partial")])
def test_shipped_articles_meet_the_targets(gold, shipped_corpus, kinds):
    scores = score_quotes(extract_quotes(shipped_corpus), gold, kinds=kinds)
    assert scores["overlap"].tolist() == [0.3, 0.8]
    assert (scores["f1"] >= 0.95).all()
    assert (scores["role_accuracy"] >= 0.90).all()
    assert (scores["speaker_accuracy"] >= 0.90).all()


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"kind": "direct"}, r"q.csv: row 1: kind 'direct' is not one of full, partial"),
        ({"role": "police"}, r"q.csv: row 1: role 'police' is not one of company"),
        ({"text": ""}, r"q.csv: row 1: empty text"),
        ({"occurrence": "0"}, r"q.csv: row 1: occurrence '0' must be 1, 2"),
    ],
)
def test_read_annotations_rejects_bad_rows(tmp_path, row, message):
    good = {"article_id": "a", "prefix": "", "text": '"Hi,"', "kind": "full", "speaker": "Bo",
            "role": "other", "cue": "said", "attribution": "after", "occurrence": "1"}
    path = tmp_path / "q.csv"
    pd.DataFrame([{**good, **row}], columns=ANNOTATION_COLUMNS).to_csv(path, index=False)
    with pytest.raises(CorpusError, match=message):
        read_annotations(path)


def test_read_annotations_needs_every_column(tmp_path):
    path = tmp_path / "q.csv"
    path.write_text("article_id,text\na,x\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"q.csv: missing column\(s\) prefix"):
        read_annotations(path)


@pytest.mark.parametrize(
    ("label", "message"),
    [
        ({"article_id": "zz"}, r"labels: row 1: article_id 'zz' is not in the corpus"),
        ({"text": '"Bye."'}, r"labels: row 1 \(a\): quotation '\"Bye.\"' \(occurrence 1\) is not in the clean text"),
        ({"occurrence": 2}, r"\(occurrence 2\) is not in the clean text"),
    ],
)
def test_align_annotations_names_the_row(label, message):
    corpus = pd.DataFrame({"article_id": ["a"], "text": ['Bo said, "Hi."']})
    base = {"article_id": "a", "prefix": "said, ", "text": '"Hi."', "kind": "full", "speaker": "Bo",
            "role": "other", "cue": "said", "attribution": "before", "occurrence": 1}
    labels = pd.DataFrame([{**base, **label}])
    labels.attrs["source"] = "labels"
    with pytest.raises(CorpusError, match=message):
        align_annotations(labels, corpus)


def test_align_annotations_empty_prefix_means_paragraph_start():
    corpus = pd.DataFrame({"article_id": ["a"], "text": ['He said "Go." Then:\n\n"Go."']})
    labels = pd.DataFrame([{"article_id": "a", "prefix": "", "text": '"Go."', "kind": "full", "speaker": "",
                            "role": "unattributed", "cue": "", "attribution": "none", "occurrence": 1}])
    assert align_annotations(labels, corpus)[["start", "end"]].values.tolist() == [[21, 26]]


# -- scoring ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pred", "gold", "expected"),
    [
        # exact match
        ([(0, 10)], [(0, 10)], [(1.0, 1.0), (1.0, 1.0)]),
        # prediction covers half of the gold span: found at 30%, not at 80%; all of it is gold
        ([(0, 5)], [(0, 10)], [(1.0, 1.0), (1.0, 0.0)]),
        # prediction twice as long: 50% of it is gold
        ([(0, 20)], [(0, 10)], [(1.0, 1.0), (0.0, 1.0)]),
        # two predictions inside one gold quotation both count
        ([(0, 5), (6, 10)], [(0, 10)], [(1.0, 1.0), (1.0, 1.0)]),
        # a false positive and a miss
        ([(0, 10), (50, 60)], [(0, 10), (20, 30)], [(0.5, 0.5), (0.5, 0.5)]),
        # nothing predicted
        ([], [(0, 10)], [(float("nan"), 0.0), (float("nan"), 0.0)]),
    ],
)
def test_score_quotes_precision_recall(pred, gold, expected):
    predicted = pd.DataFrame([("a", s, e, "full") for s, e in pred], columns=["article_id", "start", "end", "kind"])
    golden = pd.DataFrame([("a", s, e) for s, e in gold], columns=["article_id", "start", "end"])
    scores = score_quotes(predicted, golden)
    got = list(zip(scores["precision"], scores["recall"]))
    assert got == [pytest.approx(pair, nan_ok=True) for pair in expected]


def test_score_quotes_speaker_role_and_kinds():
    predicted = pd.DataFrame({"article_id": ["a"] * 3, "start": [0, 20, 40], "end": [10, 30, 50],
                              "kind": ["full", "full", "partial"], "speaker": ["Bezos", "a worker", ""],
                              "role": ["company", "other", "unattributed"]})
    gold = pd.DataFrame({"article_id": ["a"] * 3, "start": [0, 20, 40], "end": [10, 30, 50],
                         "kind": ["full", "full", "partial"], "speaker": ["Jeff Bezos", "the letter", ""],
                         "role": ["company", "employees", "unattributed"]})
    full = score_quotes(predicted, gold).iloc[0]
    assert (full["n_gold"], full["speaker_accuracy"], full["n_speaker"], full["role_accuracy"]) == (2, 0.5, 2, 0.5)
    both = score_quotes(predicted, gold, kinds=("full", "partial")).iloc[0]
    assert (both["n_gold"], both["n_speaker"], both["role_accuracy"]) == (3, 2, pytest.approx(2 / 3))


def test_score_quotes_rejects_bad_overlap():
    table = pd.DataFrame({"article_id": [], "start": [], "end": []})
    with pytest.raises(ValueError, match=r"^The 'overlaps' parameter of score_quotes must be in \(0, 1\]\. Got 30 instead\.$"):
        score_quotes(table, table, overlaps=(30,))


@pytest.mark.parametrize(
    ("predicted", "gold", "same"),
    [
        ("Andy Jassy", "Andy Jassy, CEO of Amazon Web Services", True),
        ("the letter", "The employee letter", True),
        ("She", "she", True),
        ("Bezos", "Jassy", False),
        ("", "Bezos", False),
        ("Amazon", "Amazonians", False),
    ],
)
def test_same_speaker(predicted, gold, same):
    assert same_speaker(predicted, gold) is same


# -- brat standoff ------------------------------------------------------------------------------


def test_read_brat_fixture():
    texts, gold = read_brat(BRAT)
    assert texts["article_id"].tolist() == ["doc1", "doc2", "doc3", "doc4"]
    # doc1's third Content opens with the journalist's words: not a direct quotation
    assert gold.groupby("article_id").size().to_dict() == {"doc1": 2, "doc2": 2, "doc3": 1, "doc4": 1}
    first = gold[gold["article_id"] == "doc2"].iloc[0]
    assert first["fragments"] == ((0, 19), (30, 43))
    assert first["speaker"] == "she"
    # sources reached through the cue (relation and event lines)
    assert gold[gold["article_id"] == "doc1"]["speaker"].tolist() == ["an engineer", "the union"]


def test_evaluate_brat_fixture():
    scores = evaluate_brat(BRAT)
    # Worked out by hand (tests/fixtures/brat/README.md): 6 gold, 6 predicted full quotations;
    # doc2's '"The deal is done," she said. "We move on."' is one predicted quotation of two
    # segments, like its gold; "Nobody knows." is not annotated; 'We are ready,' (straight
    # single marks) is missed; doc4's gold joins '"Yes," he said, "we will' (0-25): the
    # predicted quotation's two segments hold 15 of its 25 characters (60%).
    assert scores[["n_gold", "n_predicted"]].iloc[0].tolist() == [6, 6]
    assert scores["precision"].tolist() == pytest.approx([5 / 6, 5 / 6])
    assert scores["recall"].tolist() == pytest.approx([5 / 6, 4 / 6])
    assert scores["f1"].tolist() == pytest.approx([5 / 6, 2 * (5 / 6) * (4 / 6) / (5 / 6 + 4 / 6)])
    # the sign's speaker is missed: 4 of 5 at 30%, 3 of 4 at 80%
    assert scores["speaker_accuracy"].tolist() == pytest.approx([4 / 5, 3 / 4])


def test_evaluate_brat_fixture_per_segment():
    scores = evaluate_brat(BRAT, unit="segment")
    # 7 gold segments (doc2's Content has two fragments), 8 predicted (doc2's and doc4's
    # quotations have two each); only "Nobody knows." lies outside gold; doc3 is missed and
    # doc4's one gold fragment is covered 15/25, so found at 30% only.
    assert scores[["n_gold", "n_predicted"]].iloc[0].tolist() == [7, 8]
    assert scores["precision"].tolist() == pytest.approx([7 / 8, 7 / 8])
    assert scores["recall"].tolist() == pytest.approx([6 / 7, 5 / 7])
    # each gold segment takes its quotation's speaker: only the sign's is missed
    assert scores["speaker_accuracy"].tolist() == pytest.approx([5 / 6, 4 / 5])


@pytest.mark.parametrize(
    ("pred", "gold", "unit", "expected"),
    [
        # one predicted quotation of two segments, one gold of two fragments: one hit each way
        ([[(0, 10), (20, 30)]], [[(0, 10), (20, 30)]], "quotation", (1, 1, [1.0, 1.0], [1.0, 1.0])),
        ([[(0, 10), (20, 30)]], [[(0, 10), (20, 30)]], "segment", (2, 2, [1.0, 1.0], [1.0, 1.0])),
        # the same gold predicted as two quotations, the second too short: per segment it is
        # found at 30% (4 of 10 characters) but not at 80%
        ([[(0, 10)], [(20, 24)]], [[(0, 10), (20, 30)]], "segment", (2, 2, [1.0, 1.0], [1.0, 0.5])),
        # a prediction joining a segment that is not quoted: 10 of its 20 characters are gold
        ([[(0, 10), (40, 50)]], [[(0, 10)]], "quotation", (1, 1, [1.0, 0.0], [1.0, 1.0])),
    ],
)
def test_score_quotes_with_segments(pred, gold, unit, expected):
    predicted = pd.DataFrame({
        "article_id": ["a"] * len(pred), "start": [p[0][0] for p in pred], "end": [p[-1][1] for p in pred],
        "segments": [";".join(f"{s}-{e}" for s, e in p) for p in pred], "kind": ["full"] * len(pred)})
    golden = pd.DataFrame({"article_id": ["a"] * len(gold), "start": [g[0][0] for g in gold],
                           "end": [g[-1][1] for g in gold], "fragments": [tuple(g) for g in gold]})
    scores = score_quotes(predicted, golden, unit=unit)
    n_gold, n_pred, precision, recall = expected
    assert scores[["n_gold", "n_predicted"]].iloc[0].tolist() == [n_gold, n_pred]
    assert scores["precision"].tolist() == pytest.approx(precision)
    assert scores["recall"].tolist() == pytest.approx(recall)


def test_score_quotes_rejects_unknown_unit():
    table = pd.DataFrame({"article_id": [], "start": [], "end": []})
    with pytest.raises(ValueError, match=r"^The 'unit' parameter of score_quotes must be one of 'quotation', 'segment'\. Got "):
        score_quotes(table, table, unit="word")


def test_resolved_pronoun_matches_a_gold_pronoun_span():
    # gold marks the pronoun as the Source; the prediction names the person it resolved
    text = 'Ann Lee joined in 2015. "We had a plan," she said.'
    predicted = extract_quotes(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    she = text.index("she")
    gold = pd.DataFrame({"article_id": ["a"], "start": [24], "end": [40], "speaker": ["she"],
                         "speaker_spans": [((she, she + 3),)]})
    assert score_quotes(predicted, gold)["speaker_accuracy"].tolist() == [1.0, 1.0]


@pytest.mark.parametrize(
    ("ann", "message"),
    [
        ("T1\tContent zero 5\tx\n", r"doc.ann:1: cannot read 'T1\\tContent zero 5\\tx' as 'T1<TAB>Type start end"),
        ("T1\tContent 0 500\tx\n", r"doc.ann:1: offsets 0 500 fall outside the 6 characters of doc.txt"),
        ("T1\tContent 0 3\tx\nR1\tRel T1 T2\n", r"doc.ann:2: cannot read 'R1\\tRel T1 T2'"),
    ],
)
def test_read_brat_malformed_lines(tmp_path, ann, message):
    (tmp_path / "doc.txt").write_text('"Hi," ', encoding="utf-8")
    (tmp_path / "doc.ann").write_text(ann, encoding="utf-8")
    with pytest.raises(CorpusError, match=message):
        read_brat(tmp_path)


def test_read_brat_folder_problems(tmp_path):
    with pytest.raises(CorpusError, match="no .ann files found"):
        read_brat(tmp_path)
    with pytest.raises(CorpusError, match="not a folder"):
        read_brat(tmp_path / "missing")
    (tmp_path / "lonely.ann").write_text("", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"lonely.ann: no lonely.txt beside it"):
        read_brat(tmp_path)


def test_read_brat_warns_about_txt_without_ann(tmp_path):
    for path in BRAT.glob("doc1.*"):
        shutil.copy2(path, tmp_path / path.name)
    (tmp_path / "extra.txt").write_text("text", encoding="utf-8")
    with pytest.warns(CorpusWarning, match=r"1 .txt file\(s\) .* have no .ann and were skipped"):
        texts, _ = read_brat(tmp_path)
    assert texts["article_id"].tolist() == ["doc1"]


def test_read_brat_keeps_windows_line_ends(tmp_path):
    text = 'Intro.\r\n\r\n"Go," she said.'
    (tmp_path / "d.txt").write_bytes(text.encode("utf-8"))
    (tmp_path / "d.ann").write_text("T1\tContent 10 15\t\"Go,\"\n", encoding="utf-8")
    texts, gold = read_brat(tmp_path)
    assert gold["text"].tolist() == ['"Go,"']
    assert extract_quotes(texts)[["start", "end"]].values.tolist() == [[10, 15]]


# -- the command ---------------------------------------------------------------------------------


def _run(argv):
    parser = argparse.ArgumentParser(prog="media-coverage")
    evaluate_quotes.add_parser(parser.add_subparsers())
    args = parser.parse_args(argv)
    return args.run(args)


def test_evaluate_quotes_command_prints_scores(capsys):
    assert _run(["evaluate-quotes", str(BRAT)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith("4 articles, full quotations")
    assert lines[1] == "quotations: 6 annotated, 6 predicted"
    assert lines[2].split() == ["overlap", "precision", "recall", "F1", "speaker", "accuracy"]
    assert lines[3].split()[:4] == ["30%", "0.833", "0.833", "0.833"]
    assert lines[4].split()[:4] == ["80%", "0.833", "0.667", "0.741"]
    # then the same scores per segment (see test_evaluate_brat_fixture_per_segment)
    assert lines[5] == "segments: 7 annotated, 8 predicted"
    assert lines[7].split()[:4] == ["30%", "0.875", "0.857", "0.866"]
    assert lines[8].split()[:4] == ["80%", "0.875", "0.714", "0.787"]


def test_evaluate_quotes_command_bad_folder(tmp_path):
    with pytest.raises(CorpusError, match="no .ann files found"):
        _run(["evaluate-quotes", str(tmp_path)])


def test_format_scores_without_speakers():
    scores = pd.DataFrame({"overlap": [0.3], "n_gold": [1], "n_predicted": [0], "precision": [float("nan")],
                           "recall": [0.0], "f1": [0.0], "speaker_accuracy": [float("nan")], "n_speaker": [0],
                           "role_accuracy": [float("nan")], "n_role": [0]})
    assert format_scores(scores).splitlines()[-1].split() == ["30%", "nan", "0.000", "0.000", "n/a"]


def test_command_through_the_cli(capsys, tmp_path):
    import coverage.cli as cli

    assert "evaluate_quotes" in cli.COMMANDS
    assert cli.main(["evaluate-quotes", str(BRAT)]) == 0
    assert "quotations: 6 annotated, 6 predicted" in capsys.readouterr().out
    assert cli.main(["evaluate-quotes", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("media-coverage: error: ") and "no .ann files found" in err[0]
