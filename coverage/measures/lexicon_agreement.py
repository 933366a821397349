"""How far the frame lexicon agrees with human coders, sentence by sentence.

A sentence is *tagged* with a frame when at least one term of that frame is
counted in it (:func:`coverage.measures.frames.tag_frames`). Coders answered
the same question by reading ("does this sentence present face recognition
in terms of surveillance?"). :func:`frame_agreement` puts the two side by
side: Cohen's kappa (agreement corrected for chance; 1 perfect, 0 what
guessing with the same rates would give) and plain accuracy, per frame and
per subset, next to the coders' agreement with each other -- the ceiling a
lexicon can be expected to reach.

Blind spots: kappa is unstable when a frame is rare (a handful of positive
sentences moves it a lot; read ``coded`` and ``tagged`` beside it), and a
sentence-level tag says nothing about whether the *counts* are right.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score, cohen_kappa_score

from coverage.measures.frame_lexicon import frame_names, load_frame_lexicon
from coverage.measures.frames import tag_frames
from coverage.schema import require_columns
from coverage.text.tokens import count_words

__all__ = ["FRAME_LABELS", "frame_agreement"]

#: Label columns of the kit's hand-coded sentences
#: (``data/annotations/frames_sentences.csv``), by frame.
FRAME_LABELS = {"surveillance": "S", "safety": "F"}


def frame_agreement(
    labelled: pd.DataFrame,
    *,
    labels: Mapping[str, str] = FRAME_LABELS,
    by: str | None = None,
    coders: Sequence[str] | None = None,
    lexicon=None,
) -> pd.DataFrame:
    """Agreement of the lexicon's sentence tags with hand-coded labels.

    Parameters
    ----------
    labelled : pandas.DataFrame
        One row per coded sentence with ``text`` and, for each frame, a 0/1
        label column (``labels``), plus ``by`` and the coders' columns when
        given.
    labels : mapping of str to str, default ``{"surveillance": "S", "safety": "F"}``
        Frame name to the column holding the consensus label.
    by : str, optional
        A column to report subsets by (e.g. where the sentences come from);
        an ``"all"`` row per frame is added.
    coders : sequence of two str, optional
        Suffixes of the two coders' columns (``("coder_a", "coder_b")`` reads
        ``S_coder_a`` and ``S_coder_b``); adds ``coders_kappa``.
    lexicon : str, Path or DataFrame, optional
        The frame lexicon; the shipped one by default.

    Returns
    -------
    pandas.DataFrame
        One row per subset and frame: ``by`` (when given), ``frame``, ``n``,
        ``coded`` (sentences the coders marked), ``tagged`` (sentences the
        lexicon tagged), ``kappa``, ``accuracy`` and, with ``coders``,
        ``coders_kappa``. Kappa is missing when it is undefined (both sides
        give every sentence the same answer).

    Examples
    --------
    >>> s = pd.DataFrame({"text": ["Police track protesters.", "It keeps people safe.", "Sales rose."],
    ...                   "S": [1, 0, 0], "F": [0, 1, 1]})
    >>> frame_agreement(s)[["frame", "coded", "tagged", "accuracy"]].values.tolist()
    [['surveillance', 1, 1, 1.0], ['safety', 2, 1, 0.6666666666666666]]
    """
    names = frame_names(load_frame_lexicon(lexicon))
    unknown = [f for f in labels if f not in names]
    if unknown:
        raise ValueError(f"frame_agreement(): frame {unknown[0]!r} is not in the lexicon (frames: {', '.join(names)})")
    needed = ["text", *labels.values(), *([by] if by else [])]
    if coders is not None:
        if len(coders) != 2:
            raise ValueError(f"frame_agreement(): coders must name two coders, e.g. ('coder_a', 'coder_b'); got {coders!r}")
        needed += [f"{col}_{c}" for col in labels.values() for c in coders]
    require_columns(labelled, needed, func="frame_agreement")
    data = labelled.reset_index(drop=True)
    sentences = pd.DataFrame({"article_id": 0, "sentence_id": np.arange(len(data)), "text": data["text"],
                              "n_words": [count_words(t) for t in data["text"].fillna("")]})
    tagged = tag_frames(sentences, lexicon=lexicon)
    groups = [("all", np.ones(len(data), dtype=bool))]
    if by:
        groups = [(g, (data[by] == g).to_numpy()) for g in pd.unique(data[by])] + groups
    rows = []
    for group, mask in groups:
        for frame, col in labels.items():
            coded = data.loc[mask, col].astype(int).to_numpy()
            pred = (tagged.loc[mask, f"{frame}_terms"] > 0).astype(int).to_numpy()
            row = {**({by: group} if by else {}), "frame": frame, "n": int(mask.sum()), "coded": int(coded.sum()),
                   "tagged": int(pred.sum()), "kappa": _kappa(coded, pred),
                   "accuracy": float(accuracy_score(coded, pred))}
            if coders is not None:
                a, b = (data.loc[mask, f"{col}_{c}"].astype(int).to_numpy() for c in coders)
                row["coders_kappa"] = _kappa(a, b)
            rows.append(row)
    return pd.DataFrame(rows)


def _kappa(a: np.ndarray, b: np.ndarray) -> float:
    if len(set(a) | set(b)) < 2:
        return float("nan")  # one answer for every sentence on both sides: chance agreement is 1
    return float(cohen_kappa_score(a, b))
