"""Tests of the stance classifier (coverage.stance.features, coverage.stance.model),
the stance tables (coverage.stance.tables) and the train-stance / evaluate-stance commands."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone

import coverage.stance.model as sm
from coverage.stance.encoder import encode_mentions
from coverage.errors import CorpusError, CorpusWarning
from coverage.stance.mentions import find_mentions
from coverage.stance.tables import (article_stance, compare_stance, other_spans, predict_stance, stance_counts,
                             stance_tables)
from coverage.stance.features import StanceFeatures, masked_text, side_words
from coverage.stance.model import (LABELS, StanceClassifier, baseline_predictions, format_scores,
                                   load_stance_model, marked_tfidf_baseline, newsmtsc_splits, read_newsmtsc,
                                   stance_scores, train_stance_model)

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data"
NEWSMTSC = DATA / "external" / "newsmtsc"


# ---------------------------------------------------------------- fixtures

@pytest.fixture(scope="module")
def train_table():
    return read_newsmtsc(NEWSMTSC / "train.jsonl")


@pytest.fixture(scope="module")
def small_model(train_table):
    """Trained on the first 1,000 training mentions (about 3 s)."""
    head = train_table.head(1000)
    return StanceClassifier().fit(head, head["label"])


@pytest.fixture
def tiny_data(tmp_path):
    """A data folder with the first lines of the NewsMTSC splits: trains in about a second."""
    folder = tmp_path / "data" / "external" / "newsmtsc"
    folder.mkdir(parents=True)
    for name, n in (("train.jsonl", 250), ("dev_rw.jsonl", 40)):
        lines = (NEWSMTSC / name).read_text(encoding="utf-8").splitlines(keepends=True)[:n]
        (folder / name).write_text("".join(lines), encoding="utf-8")
    return tmp_path / "data"


class _FixedModel:
    """A stand-in model: class order differs from LABELS on purpose."""

    classes_ = np.array(["positive", "negative", "neutral"])

    def __init__(self, rows):
        self.rows = np.asarray(rows, dtype=float)

    def predict_proba(self, X):
        assert {"text", "start", "end"} <= set(X.columns)
        return self.rows[: len(X)]


def _parser(module):
    parser = argparse.ArgumentParser()
    module.add_parser(parser.add_subparsers())
    return parser


# ---------------------------------------------------------------- features

def test_masked_text_and_side_words():
    text = "Angry workers criticised Amazon on Monday."
    assert masked_text(text, 25, 31) == "Angry workers criticised xxtarget  on Monday."
    assert side_words(text, 25, 31, near=2) == "LN_criticised LN_workers L_angry RN_on RN_monday"


def test_learned_features_are_cross_fitted():
    # Two sentences, two folds: each row learns only from the other row.
    X = pd.DataFrame({"text": ["Fans praised Amazon.", "Critics slammed Amazon."],
                      "start": [13, 16], "end": [19, 22]})
    features = StanceFeatures(min_df=1, encoder=False)  # the lexicon block is then the last
    F = features.fit_transform(X, ["positive", "negative"])
    raw = features.scaler_.inverse_transform(F[:, -70:].toarray())
    # name prior of row 0 learnt from the negative row 1: P(.|pos) = 1/2, P(.|neg) = 2/3, P(.|neu) = 1/2,
    # P(.|polar) = 2/3, one mention; the same for the full name and the last word (both "amazon")
    assert raw[0, -6:] == pytest.approx([np.log(0.75), np.log(0.75), np.log(2)] * 2)
    assert raw[1, -6:] == pytest.approx([np.log(4 / 3), np.log(0.75), np.log(2)] * 2)
    assert raw[:, 42:64] == pytest.approx(np.zeros((2, 22)))  # no context word is in two sentences
    # after fitting, the name lexicon holds both rows: P(.|pos) = P(.|neg) = 2/3, P(.|neu) = 1/2, P(.|polar) = 3/4
    assert features.lexicons_["name"]["L:amazon"] == pytest.approx((0.0, np.log(0.5 / 0.75), 2))


def test_encoder_vectors_are_the_last_block_scaled_and_weighted():
    X = pd.DataFrame({"text": ["Fans praised Amazon.", "Critics slammed Amazon.", "Amazon opened a store."],
                      "start": [13, 16, 0], "end": [19, 22, 6]})
    features = StanceFeatures(min_df=1)
    F = features.fit_transform(X, ["positive", "negative", "neutral"]).toarray()
    vectors = encode_mentions(X).astype(np.float64)
    # Standardised column by column on the training rows, then weighted 0.07.
    expected = (vectors - vectors.mean(axis=0)) / vectors.std(axis=0) * 0.07
    assert F[:, -768:] == pytest.approx(expected, abs=1e-4)
    without = StanceFeatures(min_df=1, encoder=False).fit_transform(X, ["positive", "negative", "neutral"])
    assert F.shape[1] == without.shape[1] + 768
    assert features.transform(X).toarray()[:, -768:] == pytest.approx(expected, abs=1e-4)


def test_learned_features_need_labels():
    X = pd.DataFrame({"text": ["Critics slammed Amazon."], "start": [16], "end": [22]})
    with pytest.raises(ValueError, match=r"needs the labels y of the mentions; pass y or use learned=False"):
        StanceFeatures().fit(X)
    assert StanceFeatures(learned=False, min_df=1).fit_transform(X).shape[0] == 1


def test_features_depend_on_the_target_position():
    text = "Employees condemned Amazon after Google praised them."
    rows = pd.DataFrame({"text": [text, text], "start": [20, 33], "end": [26, 39]})
    X = StanceFeatures(min_df=1).fit_transform(rows, ["negative", "positive"])
    assert X.shape[0] == 2
    assert (X[0] != X[1]).nnz > 0


def test_features_need_offsets():
    with pytest.raises(ValueError, match=r"StanceFeatures\(\) needs column 'start'"):
        StanceFeatures().fit(pd.DataFrame({"text": ["x"], "end": [1]}), ["neutral"])


# ---------------------------------------------------------------- reading NewsMTSC

def test_read_newsmtsc_one_row_per_target(tmp_path):
    path = tmp_path / "x.jsonl"
    lines = [
        {"sentence_normalized": "Critics slammed Amazon and Bezos.",
         "targets": [{"from": 16, "to": 22, "mention": "Amazon", "polarity": 2.0},
                     {"from": 27, "to": 32, "mention": "Bezos", "polarity": 4.0}]},
        {"sentence_normalized": "Fans love Jassy.", "targets": [{"from": 10, "to": 15, "polarity": 6}]},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    table = read_newsmtsc(path)
    assert table[["line", "start", "end", "mention", "label"]].values.tolist() == [
        [1, 16, 22, "Amazon", "negative"], [1, 27, 32, "Bezos", "neutral"], [2, 10, 15, "Jassy", "positive"]]
    assert table["other_spans"].tolist() == [[(27, 32)], [(16, 22)], []]


@pytest.mark.parametrize(
    "second_line, message",
    [
        ('{"sentence_normalized": "x", ', r"line 2: not valid JSON"),
        ('["a list"]', r"line 2: expected an object with a 'sentence_normalized' text"),
        ('{"sentence_normalized": "Amazon."}', r"line 2: expected a non-empty 'targets' list"),
        ('{"sentence_normalized": "Amazon.", "targets": [{"from": 0, "to": 6}]}',
         r"line 2: target 0 needs numeric 'from', 'to' and 'polarity'"),
        ('{"sentence_normalized": "Amazon.", "targets": [{"from": 0, "to": 6, "polarity": 5.0}]}',
         r"line 2: target 0 has polarity 5.0; use 2.0 \(negative\)"),
        ('{"sentence_normalized": "Amazon.", "targets": [{"from": 0, "to": 60, "polarity": 2.0}]}',
         r"line 2: target 0 offsets 0-60 fall outside the 7-character sentence"),
    ],
)
def test_malformed_line_is_one_line_error_with_file_and_line(tmp_path, second_line, message):
    path = tmp_path / "bad.jsonl"
    good = '{"sentence_normalized": "Amazon.", "targets": [{"from": 0, "to": 6, "polarity": 4.0}]}'
    path.write_text(good + "\n" + second_line + "\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=message) as info:
        read_newsmtsc(path)
    assert str(info.value).startswith(f"{path}: line 2: ") and "\n" not in str(info.value)


def test_missing_or_empty_file(tmp_path):
    with pytest.raises(CorpusError, match="file not found"):
        read_newsmtsc(tmp_path / "none.jsonl")
    (tmp_path / "empty.jsonl").write_text("\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="no targets found"):
        read_newsmtsc(tmp_path / "empty.jsonl")


@pytest.mark.parametrize("split, n, counts", [
    ("train", 8739, {"negative": 3316, "neutral": 3028, "positive": 2395}),
    ("dev_rw", 343, {"negative": 134, "neutral": 136, "positive": 73}),
    ("dev_mt", 442, {"negative": 136, "neutral": 217, "positive": 89}),
])
def test_shipped_newsmtsc_counts_match_provenance(split, n, counts):
    table = read_newsmtsc(newsmtsc_splits(DATA)[split])
    assert len(table) == n
    assert table["label"].value_counts().to_dict() == counts


# ---------------------------------------------------------------- scores and baselines

def test_stance_scores_by_hand():
    # accuracy 3/4; kappa: p_o = .75, p_e = .5*.25 + .25*.5 + .25*.25 = .3125
    s = stance_scores(["negative", "negative", "neutral", "positive"],
                      ["negative", "neutral", "neutral", "positive"])
    assert s["accuracy"] == 0.75
    assert s["kappa"] == pytest.approx((0.75 - 0.3125) / (1 - 0.3125))
    # F1: negative 2/3, neutral 2/3, positive 1
    assert s["macro_f1"] == pytest.approx((2 / 3 + 2 / 3 + 1) / 3)
    assert s["confusion"].loc["negative"].tolist() == [1, 1, 0]
    assert list(s["confusion"].columns) == list(LABELS)
    text = format_scores(s, title="demo")
    assert "macro-F1: 0.778" in text and "accuracy: 0.750" in text


@pytest.mark.parametrize(
    "method, text, expected",
    [
        ("neutral", "A terrible disaster.", "neutral"),
        ("vader", "A terrible disaster.", "negative"),
        ("vader", "A wonderful success.", "positive"),
        ("vader", "The meeting is on Thursday.", "neutral"),
        ("textblob", "A terrible disaster.", "negative"),
        ("textblob", "A wonderful success.", "positive"),
        ("textblob", "The meeting is on Thursday.", "neutral"),
    ],
)
def test_sentence_baselines(method, text, expected):
    assert baseline_predictions(pd.DataFrame({"text": [text]}), method=method).tolist() == [expected]


def test_unknown_baseline():
    with pytest.raises(ValueError, match="must be one of 'neutral', 'textblob', 'vader'. Got 'bert'"):
        baseline_predictions(pd.DataFrame({"text": ["x"]}), method="bert")


def test_tfidf_baseline_learns_from_marked_text():
    train = pd.DataFrame({"text": ["Critics slammed Amazon.", "Fans praised Amazon."] * 4,
                          "start": [16, 13] * 4, "end": [22, 19] * 4, "label": ["negative", "positive"] * 4})
    assert marked_tfidf_baseline(train).predict(train.head(2)).tolist() == ["negative", "positive"]


# ---------------------------------------------------------------- the classifier

def test_classifier_follows_sklearn_conventions():
    clf = StanceClassifier(C=0.5, near=3)
    assert clf.get_params()["C"] == 0.5 and not hasattr(clf, "model_")
    assert clone(clf).get_params() == clf.get_params()


def test_prediction_in_blocks_changes_no_number(small_model, train_table, monkeypatch):
    rows = train_table.iloc[1000:1040]
    whole = small_model.predict_proba(rows)
    monkeypatch.setattr(sm, "PREDICT_BLOCK", 7)  # 6 blocks, the last of 5 rows
    assert np.array_equal(small_model.predict_proba(rows), whole)
    # The encoder vectors computed once for all rows are those each block would compute.
    vectors = encode_mentions(rows)
    assert np.array_equal(small_model.features_.transform(rows.iloc[7:14], vectors=vectors[7:14]).toarray(),
                          small_model.features_.transform(rows.iloc[7:14]).toarray())
    with pytest.raises(ValueError, match=r"3 encoder vectors for 7 mentions"):
        small_model.features_.transform(rows.iloc[7:14], vectors=vectors[:3])
    assert small_model.predict_proba(rows.head(0)).shape == (0, 3)


def test_training_is_deterministic(train_table):
    head = train_table.head(200)
    a = StanceClassifier().fit(head, head["label"]).predict_proba(train_table.iloc[200:260])
    b = StanceClassifier().fit(head, head["label"]).predict_proba(train_table.iloc[200:260])
    assert np.array_equal(a, b)


_TRAIN_AND_PRINT = """
import sys
from coverage.stance.model import StanceClassifier, read_newsmtsc
table = read_newsmtsc(sys.argv[1])
model = StanceClassifier().fit(table.head(300), table["label"].head(300))
print(model.predict_proba(table.iloc[300:340]).round(12).tolist())
"""


def test_training_is_the_same_in_every_process():
    # Python salts string hashes per process: any set or dict iterated while
    # computing features would sum floats in another order and change the
    # model. So would summing the loss over another number of threads.
    import subprocess
    import sys

    runs = [subprocess.run([sys.executable, "-c", _TRAIN_AND_PRINT, str(NEWSMTSC / "train.jsonl")],
                           capture_output=True, text=True, check=True, cwd=REPO,
                           env={**os.environ, "PYTHONHASHSEED": seed, "OMP_NUM_THREADS": threads}).stdout
            for seed, threads in (("1", "1"), ("2", "2"))]
    assert runs[0] == runs[1] and runs[0].startswith("[[")


def test_small_model_beats_the_sentence_baselines_on_dev(small_model):
    dev = read_newsmtsc(NEWSMTSC / "dev_rw.jsonl")
    # Always-neutral scores 0.19 and VADER 0.51 on this split; 1,000 mentions reach about 0.62.
    assert stance_scores(dev["label"], small_model.predict(dev))["macro_f1"] > 0.55
    proba = small_model.predict_proba(dev.head(5))
    assert proba.shape == (5, 3) and np.allclose(proba.sum(axis=1), 1)
    assert list(small_model.classes_) == list(LABELS)


def test_train_and_cache(tiny_data, monkeypatch):
    model = load_stance_model(tiny_data)
    assert (tiny_data / "processed" / "stance_model.pkl").is_file()
    assert (tiny_data / "processed" / "stance_model.pkl.meta.json").is_file()

    def fail(*args, **kwargs):
        raise AssertionError("retrained although the cache matches")

    monkeypatch.setattr(sm, "train_stance_model", fail)
    again = load_stance_model(tiny_data)
    assert np.array_equal(again.model_.coef_, model.model_.coef_)
    monkeypatch.undo()
    # a changed training file changes the key: the cache is refused and the model retrained
    train = tiny_data / "external" / "newsmtsc" / "train.jsonl"
    train.write_text("".join(train.read_text(encoding="utf-8").splitlines(keepends=True)[:200]), encoding="utf-8")
    with pytest.warns(CorpusWarning, match="key differs"):
        load_stance_model(tiny_data)


def test_missing_training_data_is_a_one_line_error(tmp_path):
    with pytest.raises(CorpusError, match=r"train\.jsonl: NewsMTSC training split not found"):
        load_stance_model(tmp_path)


def test_train_stance_model_limit(tiny_data):
    # 42 lexicon features, 22 learned-lexicon sums and 6 name-prior numbers; 2 x 384 encoder numbers
    features = train_stance_model(tiny_data, limit=60).features_
    assert len(features.scaler_.mean_) == 42 + 22 + 6
    assert len(features.encoder_scaler_.mean_) == 2 * 384


# ---------------------------------------------------------------- predicting and summarising

SENTENCES = pd.DataFrame({
    "article_id": ["a", "a", "b"],
    "sentence_id": [0, 1, 0],
    "text": ["Workers criticised Amazon.", "Bezos defended Amazon.", "Amazon grew."],
    "voice": ["author", "quoted", "author"],
})


def test_predict_stance_reorders_the_model_classes():
    mentions = find_mentions(SENTENCES)  # Amazon, Bezos, Amazon, Amazon
    model = _FixedModel([[0.1, 0.7, 0.2], [0.2, 0.2, 0.6], [0.5, 0.3, 0.2], [0.3, 0.3, 0.4]])
    out = predict_stance(mentions, SENTENCES, model=model)
    # rows are (positive, negative, neutral) probabilities
    assert out["stance"].tolist() == ["negative", "neutral", "positive", "neutral"]
    assert out[["p_negative", "p_neutral", "p_positive"]].values.tolist()[0] == [0.7, 0.2, 0.1]
    assert out["stance_score"].tolist() == [-1, 0, 1, 0]
    assert out["stance_net"].round(2).tolist() == [-0.6, 0.0, 0.2, 0.0]
    assert out["voice"].tolist() == ["author", "quoted", "quoted", "author"]
    assert out["sentence"].iloc[0] == "Workers criticised Amazon."


class _Recorder(_FixedModel):
    """A stand-in model that keeps the table it was asked to classify."""

    def predict_proba(self, X):
        self.seen = X
        return super().predict_proba(X)


def test_predict_stance_masks_the_other_mentions_of_the_sentence():
    sentences = pd.DataFrame({"article_id": ["a", "a", "b"], "sentence_id": [0, 1, 0],
                              "text": ["Bezos praised Amazon and AWS.", "Amazon grew.", "Amazon hired Bezos."]})
    mentions = pd.DataFrame({"article_id": ["a", "a", "a", "a", "b", "b"], "sentence_id": [0, 0, 0, 1, 0, 0],
                             "start": [0, 14, 25, 0, 0, 13], "end": [5, 20, 28, 6, 6, 18]})
    model = _Recorder([[0.2, 0.3, 0.5]] * 6)
    predict_stance(mentions, sentences, model=model)
    assert model.seen["other_spans"].tolist() == [[(14, 20), (25, 28)], [(0, 5), (25, 28)], [(0, 5), (14, 20)],
                                                  [], [(13, 18)], [(0, 6)]]
    assert "other_spans" not in predict_stance(mentions, sentences, model=model).columns
    # a table that brings its own spans keeps them
    predict_stance(mentions.assign(other_spans=[[]] * 6), sentences, model=model)
    assert model.seen["other_spans"].tolist() == [[]] * 6


def test_other_spans_needs_offsets():
    with pytest.raises(ValueError, match=r"other_spans\(\) needs column 'start'"):
        other_spans(pd.DataFrame({"article_id": ["a"], "sentence_id": [0], "end": [3]}))


def test_predict_stance_refuses_foreign_sentences():
    mentions = find_mentions(SENTENCES).assign(sentence_id=9)
    with pytest.raises(CorpusError, match="not in the sentence table"):
        predict_stance(mentions, SENTENCES, model=_FixedModel([[1, 0, 0]] * 4))


@pytest.mark.parametrize(
    "stances, counts, index",
    [
        (["negative", "negative", "positive"], [3, 2, 0, 1], -1 / 3),
        (["neutral", "neutral"], [2, 0, 2, 0], 0.0),
        (["positive"], [1, 0, 0, 1], 1.0),
        (["negative", "positive", "neutral", "positive"], [4, 1, 1, 2], 0.25),
    ],
)
def test_stance_counts_and_index(stances, counts, index):
    out = stance_counts(pd.DataFrame({"article_id": "a", "stance": stances}))
    row = out.iloc[0]
    assert [row["n_mentions"], row["n_negative"], row["n_neutral"], row["n_positive"]] == counts
    assert row["stance_index"] == pytest.approx(index)


def test_stance_counts_rejects_unknown_labels():
    with pytest.raises(ValueError, match="found 'angry'"):
        stance_counts(pd.DataFrame({"article_id": ["a"], "stance": ["angry"]}))


def test_article_stance_keeps_every_article_and_splits_leaders():
    mentions = pd.DataFrame({"article_id": ["a", "a", "a"], "group": ["target", "target", "affiliate"],
                             "stance": ["negative", "neutral", "positive"]})
    out = article_stance(mentions, pd.DataFrame({"article_id": ["a", "b"]}))
    assert out["stance_mentions"].tolist() == [2, 0]
    assert out["stance_negative"].tolist() == [1, 0]
    assert out["stance_index"].iloc[0] == -0.5 and np.isnan(out["stance_index"].iloc[1])
    assert out["affiliate_mentions"].tolist() == [1, 0]
    assert out["affiliate_stance_index"].iloc[0] == 1.0


def test_compare_stance_estimate_is_the_index():
    mentions = pd.DataFrame({
        "outlet": ["A"] * 4 + ["B"] * 2, "article_id": ["a1", "a1", "a2", "a2", "b1", "b1"],
        "stance": ["negative", "negative", "positive", "neutral", "positive", "positive"],
    }).assign(stance_score=lambda t: t["stance"].map({"negative": -1, "neutral": 0, "positive": 1}))
    with pytest.warns(CorpusWarning, match="single article"):
        out = compare_stance(mentions, by="outlet", n_resamples=200)
    a, b = out.iloc[0], out.iloc[1]
    assert a["estimate"] == pytest.approx(-0.25) and a["n_articles"] == 2 and a["n_units"] == 4
    assert [a["n_negative"], a["n_neutral"], a["n_positive"]] == [2, 1, 1]
    assert b["estimate"] == 1.0 and b["ci_low"] == b["ci_high"] == 1.0
    assert a["ci_low"] <= a["estimate"] <= a["ci_high"]


def test_stance_tables_with_voice(tmp_path):
    corpus = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"]})
    model = _FixedModel([[0.1, 0.7, 0.2], [0.2, 0.2, 0.6], [0.5, 0.3, 0.2], [0.3, 0.3, 0.4]])
    with pytest.warns(CorpusWarning):
        tables = stance_tables(corpus, SENTENCES, data_dir=tmp_path, model=model, n_resamples=100)
    mentions = tables["mentions"]
    assert mentions.columns[:10].tolist() == ["article_id", "outlet", "sentence_id", "start", "end", "mention",
                                              "target", "group", "kind", "modifier"]
    assert {"stance", "p_negative", "p_neutral", "p_positive", "voice"} <= set(mentions.columns)
    summary = tables["stance_summary"]
    assert sorted(summary["split"].unique()) == ["group", "outlet", "voice"]
    own_a = summary[(summary["split"] == "outlet") & (summary["outlet"] == "A")].iloc[0]
    assert own_a["estimate"] == 0.0 and own_a["n_units"] == 2  # negative + positive Amazon mentions
    assert tables["article_stance"]["article_id"].tolist() == ["a", "b"]
    assert not (tmp_path / "processed").exists()  # a given model is not cached


def test_stance_tables_without_voice_has_no_voice_split(tmp_path):
    corpus = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"]})
    with pytest.warns(CorpusWarning):
        tables = stance_tables(corpus, SENTENCES.drop(columns="voice"), data_dir=tmp_path,
                               model=_FixedModel([[0.1, 0.7, 0.2]] * 4), n_resamples=100)
    assert "voice" not in tables["mentions"].columns
    assert "voice" not in set(tables["stance_summary"]["split"])


def test_stance_tables_without_training_data_keeps_the_mentions(tmp_path):
    corpus = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"]})
    with pytest.warns(CorpusWarning, match=r"stance left out: .*train\.jsonl not found.*4 mentions"):
        tables = stance_tables(corpus, SENTENCES, data_dir=tmp_path)
    assert list(tables) == ["mentions"]
    assert tables["mentions"]["outlet"].tolist() == ["A", "A", "A", "B"]
    assert "stance" not in tables["mentions"].columns


# ---------------------------------------------------------------- commands

def test_evaluate_stance_command_prints_scores(tiny_data, capsys):
    from coverage.commands import evaluate_stance

    args = _parser(evaluate_stance).parse_args(
        ["evaluate-stance", str(tiny_data / "external" / "newsmtsc" / "dev_rw.jsonl"), "--data", str(tiny_data)])
    assert args.run(args) == 0
    out = capsys.readouterr().out
    assert "macro-F1: " in out and "accuracy: " in out and "confusion matrix" in out
    assert "mentions: 45" in out  # the first 40 lines of dev_rw hold 45 targets (grep -c polarity)


def test_evaluate_stance_command_bad_line_fails_before_training(tmp_path):
    from coverage.commands import evaluate_stance

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"sentence_normalized": "A.", "targets": [{"from": 0, "to": 1, "polarity": 4}]}\n{oops\n',
                   encoding="utf-8")
    args = _parser(evaluate_stance).parse_args(["evaluate-stance", str(bad)])
    with pytest.raises(CorpusError, match=r"bad\.jsonl: line 2: not valid JSON"):
        args.run(args)
    assert not (tmp_path / "processed").exists()


def test_train_stance_command_names_the_extra_when_torch_is_missing(tiny_data, monkeypatch):
    import importlib.util

    from coverage.commands import train_stance

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "torch" else real(name, *a))
    args = _parser(train_stance).parse_args(["train-stance", "--data", str(tiny_data), "--out", str(tiny_data / "m")])
    with pytest.raises(CorpusError, match=r"^train-stance: PyTorch and transformers are not installed; run \"pip install -e '\.\[train\]'\""):
        args.run(args)
    assert not (tiny_data / "m").exists()


def test_stance_model_key_follows_the_training_bytes_and_options(tiny_data):
    from coverage.stance.model import stance_model_key

    key = stance_model_key(tiny_data)
    assert stance_model_key(tiny_data) == key
    assert stance_model_key(tiny_data, params={"C": 2.0}) != key
    train = tiny_data / "external" / "newsmtsc" / "train.jsonl"
    train.write_text(train.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert stance_model_key(tiny_data) != key


def test_stance_model_key_follows_the_word_lists(tiny_data, tmp_path, monkeypatch):
    from coverage.resources import shipped_path
    from coverage.stance.model import stance_model_key

    key = stance_model_key(tiny_data)
    edited = tmp_path / "stance_grammar.yaml"
    edited.write_text(shipped_path("stance_grammar.yaml").read_text(encoding="utf-8").replace(
        "hardly", "hardly, barely"), encoding="utf-8")
    monkeypatch.setattr("coverage.stance.model.shipped_path",
                        lambda name: edited if name == "stance_grammar.yaml" else shipped_path(name))
    assert stance_model_key(tiny_data) != key


def test_mention_stance_and_stance_summary_compose_to_stance_tables(tmp_path):
    from coverage.stance.tables import mention_stance, stance_summary

    corpus = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"]})
    model = _FixedModel([[0.1, 0.7, 0.2], [0.2, 0.2, 0.6], [0.5, 0.3, 0.2], [0.3, 0.3, 0.4]])
    per_article = mention_stance(corpus, SENTENCES, model=model)
    assert sorted(per_article) == ["article_stance", "mentions"]
    with pytest.warns(CorpusWarning):
        summary = stance_summary(per_article["mentions"], n_resamples=100)
    with pytest.warns(CorpusWarning):
        together = stance_tables(corpus, SENTENCES, data_dir=tmp_path, model=model, n_resamples=100)
    pd.testing.assert_frame_equal(summary, together["stance_summary"])
    assert stance_summary(per_article["mentions"].iloc[:0]).empty
