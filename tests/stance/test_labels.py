"""Tests of coverage.stance.labels: hand labels of stance and the model's agreement with them."""

import warnings
from pathlib import Path

import pandas as pd
import pytest

from coverage.errors import CorpusError, CorpusWarning
from coverage.stance.mentions import find_mentions
from coverage.stance.labels import LABELS_FILE, label_agreement, read_stance_labels

DATA = Path(__file__).resolve().parents[2] / "data"


def _write_labels(path, rows):
    pd.DataFrame(rows, columns=["article_id", "snippet", "mention", "occurrence", "group", "label",
                                "rationale"]).to_csv(path, index=False)


def test_read_stance_labels_and_agreement(tmp_path):
    sentences = pd.DataFrame({"article_id": ["a", "a"], "sentence_id": [0, 1],
                              "text": ["Amazon said Amazon would.", "Critics hit Amazon."]})
    mentions = find_mentions(sentences).assign(stance=["neutral", "negative", "negative"])
    path = tmp_path / "labels.csv"
    _write_labels(path, [["a", "Critics hit", "Amazon", 0, "target", "negative", "hit"],
                         ["a", "said Amazon", "amazon", 1, "target", "neutral", "speaks"]])
    with pytest.warns(CorpusWarning, match="1 of 3 mentions have no label"):
        labelled = read_stance_labels(path, mentions, sentences)
    assert labelled[["sentence_id", "start", "label"]].values.tolist() == [[0, 12, "neutral"], [1, 12, "negative"]]
    scores = label_agreement(labelled)
    assert scores["n"] == 2 and scores["accuracy"] == 0.5


@pytest.mark.parametrize(
    "row, message",
    [
        (["a", "Critics hit", "Amazon", 0, "target", "hostile", ""], r"row 2: label 'hostile' is not one of"),
        (["a", "Nowhere", "Amazon", 0, "target", "negative", ""], r"row 2: snippet 'Nowhere' found in no sentence"),
        (["a", "Amazon", "Amazon", 0, "target", "negative", ""], r"row 2: snippet 'Amazon' found in 2 sentences"),
        (["a", "Critics hit", "Amazon", 3, "target", "negative", ""], r"row 2: no mention 'Amazon' \(occurrence 3\)"),
        (["b", "Critics hit", "Amazon", 0, "target", "negative", ""], r"found in no sentence of article 'b'"),
        (["a", "Critics hit", "Amazon", "first", "target", "negative", ""], r"row 2: occurrence 'first' must be a whole"),
        (["a", "Critics hit", "Amazon", -1, "target", "negative", ""], r"row 2: occurrence -1 must be a whole"),
    ],
)
def test_bad_label_rows_name_file_and_row(tmp_path, row, message):
    sentences = pd.DataFrame({"article_id": ["a", "a"], "sentence_id": [0, 1],
                              "text": ["Amazon said Amazon would.", "Critics hit Amazon."]})
    path = tmp_path / "labels.csv"
    _write_labels(path, [row])
    with pytest.raises(CorpusError, match=message) as info:
        read_stance_labels(path, find_mentions(sentences), sentences)
    assert str(info.value).startswith(str(path))


def test_duplicate_and_missing_columns(tmp_path):
    sentences = pd.DataFrame({"article_id": ["a"], "sentence_id": [0], "text": ["Critics hit Amazon."]})
    path = tmp_path / "labels.csv"
    _write_labels(path, [["a", "Critics", "Amazon", 0, "target", "negative", ""]] * 2)
    with pytest.raises(CorpusError, match="two rows label the same mention"):
        read_stance_labels(path, find_mentions(sentences), sentences)
    pd.DataFrame({"article_id": ["a"], "label": ["negative"]}).to_csv(path, index=False)
    with pytest.raises(CorpusError, match="missing column\\(s\\) snippet, mention, occurrence"):
        read_stance_labels(path, find_mentions(sentences), sentences)


def test_shipped_labels_cover_every_amazon_mention(shipped_sentences):
    mentions = find_mentions(shipped_sentences)
    with warnings.catch_warnings():
        warnings.simplefilter("error", CorpusWarning)  # no mention left unlabelled
        labelled = read_stance_labels(DATA / LABELS_FILE, mentions, shipped_sentences)
    assert len(labelled) == len(mentions) == 115
    assert labelled["group"].value_counts().to_dict() == {"target": 96, "affiliate": 19}
    assert (labelled["rationale"].str.len() > 10).all()
    codebook = (DATA / "annotations" / "stance_codebook.md").read_text(encoding="utf-8")
    assert "## Labels" in codebook and "## Rules for hard cases" in codebook
