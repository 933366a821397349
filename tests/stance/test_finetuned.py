"""The shipped fine-tuned stance model: its digest check, NumPy against PyTorch, and known cases."""

import json
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from coverage.errors import CorpusError
from coverage.stance.tables import predict_stance
from coverage.stance.finetuned import LABELS, MODEL_DIR, build_input, load_finetuned_stance

REFERENCE = json.loads((Path(__file__).resolve().parents[1] / "fixtures" / "stance_finetuned_reference.json").read_text())


def _rows(cases):
    return pd.DataFrame([{k: c[k] for k in ("text", "start", "end")} for c in cases])


def test_changed_weights_are_refused_with_one_line_naming_the_file_and_the_fix(tmp_path):
    folder = tmp_path / "model"
    shutil.copytree(MODEL_DIR, folder)
    with (folder / "model.safetensors").open("r+b") as fh:  # flip one byte far inside the tensors
        fh.seek(-1000, 2)
        byte = fh.read(1)
        fh.seek(-1000, 2)
        fh.write(bytes([byte[0] ^ 1]))
    with pytest.raises(CorpusError) as err:
        load_finetuned_stance(folder)
    message = str(err.value)
    assert "\n" not in message
    assert str(folder / "model.safetensors") in message and "SHA-256" in message
    assert "git checkout" in message and "make train-stance" in message


def test_missing_weights_are_named(tmp_path):
    folder = tmp_path / "model"
    folder.mkdir()
    shutil.copy(MODEL_DIR / "config.json", folder)
    with pytest.raises(CorpusError, match="model.safetensors: fine-tuned stance file not found"):
        load_finetuned_stance(folder)


@pytest.mark.parametrize("case", REFERENCE, ids=[f"{c['mention']}: {c['text'][:30]}" for c in REFERENCE])
def test_numpy_matches_pytorch(case):
    # fixtures/make_stance_finetuned_reference.py ran the shipped weights through
    # transformers' BertModel on PyTorch (float32); another summation order differs by ~1e-6.
    model = load_finetuned_stance()
    enc = model.tokenizer.encode(case["text"])
    assert build_input(enc.ids, enc.offsets, case["start"], case["end"], model.window)[0] == case["pieces"]
    got = model.predict_proba(_rows([case]))[0]
    np.testing.assert_allclose(got, [case["proba"][k] for k in LABELS], atol=1e-4)


def test_results_do_not_depend_on_the_other_rows():
    model = load_finetuned_stance()
    alone = np.vstack([model.predict_proba(_rows([c])) for c in REFERENCE])
    together = model.predict_proba(_rows(REFERENCE[::-1] + REFERENCE))
    assert np.array_equal(together[len(REFERENCE):], alone)
    assert np.array_equal(together[:len(REFERENCE)], alone[::-1])


@pytest.mark.parametrize("text, mention, label", [
    ("Employees urged the company to stop selling the software to police.", "the company", "negative"),
    ("Regulators fined Acme Corp $20 million for hiding the defect.", "Acme Corp", "negative"),
    ("Shares of Globex closed slightly higher on Tuesday.", "Globex", "neutral"),
    ("Teachers praised Initech for giving its software to schools at no cost.", "Initech", "positive"),
])
def test_known_cases(text, mention, label):
    start = text.index(mention)
    rows = pd.DataFrame({"text": [text], "start": [start], "end": [start + len(mention)]})
    assert load_finetuned_stance().predict(rows)[0] == label


def test_works_in_predict_stance_like_the_logistic_model():
    s = pd.DataFrame({"article_id": ["a", "a"], "sentence_id": [0, 1],
                      "text": ["Employees urged Amazon to stop selling the software to police.",
                               "Amazon is based in Seattle."]})
    m = pd.DataFrame({"article_id": ["a", "a"], "sentence_id": [0, 1], "start": [16, 0], "end": [22, 6],
                      "mention": ["Amazon", "Amazon"]})
    out = predict_stance(m, s, model=load_finetuned_stance())
    assert out["stance"].isin(LABELS).all()
    np.testing.assert_allclose(out[["p_negative", "p_neutral", "p_positive"]].sum(axis=1), 1.0)
    assert out["stance_score"].tolist() == [{"negative": -1, "neutral": 0, "positive": 1}[x] for x in out["stance"]]


def test_an_empty_table_gives_no_rows():
    assert load_finetuned_stance().predict_proba(pd.DataFrame(columns=["text", "start", "end"])).shape == (0, 3)


def test_mention_stance_takes_it_as_its_model():
    from coverage.stance.tables import mention_stance

    corpus = pd.DataFrame({"article_id": ["a"], "outlet": ["x"]})
    s = pd.DataFrame({"article_id": ["a"], "sentence_id": [0],
                      "text": ["Activists urged Amazon to stop selling the software to police."]})
    tables = mention_stance(corpus, s, model=load_finetuned_stance())
    assert tables["mentions"]["stance"].tolist() == ["negative"]
    assert tables["article_stance"]["stance_index"].tolist() == [-1.0]
