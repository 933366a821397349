"""Hand labels of stance: read them, attach them to mentions, measure agreement.

The stance model was trained on political news about persons; the kit
applies it to a company in tech news. The shipped hand labels
(``data/annotations/stance_amazon.csv``, coded by the rules of
``data/annotations/stance_codebook.md``) say how far to trust it there:
:func:`read_stance_labels` finds the mention each label row describes and
:func:`label_agreement` scores the model against them. They are a check,
never training or tuning data.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from coverage.errors import CorpusError, CorpusWarning
from coverage.schema import require_columns
from coverage.stance.model import LABELS, stance_scores

__all__ = ["LABELS_FILE", "label_agreement", "read_stance_labels"]

#: Hand labels of the shipped articles, relative to the data folder.
LABELS_FILE = Path("annotations") / "stance_amazon.csv"

_LABEL_COLUMNS = ("article_id", "snippet", "mention", "occurrence", "label")


def read_stance_labels(path: str | Path, mentions: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Read hand labels and attach them to the mentions they describe.

    A label row names its mention without offsets: ``article_id``, a
    ``snippet`` that is a whole sentence of that article or found in exactly
    one of its sentences, the
    ``mention`` text and its ``occurrence`` (0 = first mention with that text
    in the sentence). See ``data/annotations/stance_codebook.md``.

    Returns
    -------
    pandas.DataFrame
        The labelled mentions: columns of ``mentions`` plus ``label`` and
        (if the file has it) ``rationale``.

    Raises
    ------
    CorpusError
        One line naming the file and row: missing columns, an unknown label,
        a snippet found in no sentence or in several, or a mention that is
        not there.

    Warns
    -----
    CorpusWarning
        Counting the mentions that have no label.
    """
    path = Path(path)
    if not path.is_file():
        raise CorpusError(f"{path}: label file not found; write one as described in stance_codebook.md")
    labels = pd.read_csv(path, dtype={"article_id": str}, keep_default_na=False)
    missing = [c for c in _LABEL_COLUMNS if c not in labels.columns]
    if missing:
        raise CorpusError(f"{path}: missing column(s) {', '.join(missing)}; the header must include "
                          f"{', '.join(_LABEL_COLUMNS)}")
    require_columns(mentions, ["article_id", "sentence_id", "mention"], func="read_stance_labels")
    require_columns(sentences, ["article_id", "sentence_id", "text"], func="read_stance_labels")
    ordered = mentions.assign(_i=np.arange(len(mentions))).sort_values(["article_id", "sentence_id", "start"])
    ordered["_occ"] = ordered.groupby(["article_id", "sentence_id", ordered["mention"].str.casefold()]).cumcount()
    index = {(a, s, m.casefold(), o): i for a, s, m, o, i in
             ordered[["article_id", "sentence_id", "mention", "_occ", "_i"]].itertuples(index=False)}
    texts = {a: g[["sentence_id", "text"]].itertuples(index=False) for a, g in sentences.groupby("article_id")}
    texts = {a: list(rows) for a, rows in texts.items()}
    picked, labs, why = [], [], []
    for n, row in enumerate(labels.itertuples(index=False), start=2):  # line 1 is the header
        where = f"{path}: row {n}"
        if row.label not in LABELS:
            raise CorpusError(f"{where}: label {row.label!r} is not one of {', '.join(LABELS)}")
        try:
            occurrence = int(row.occurrence)
        except (TypeError, ValueError):
            occurrence = -1
        if occurrence < 0 or str(row.occurrence).strip() != str(occurrence):
            raise CorpusError(f"{where}: occurrence {row.occurrence!r} must be a whole number from 0 "
                              "(0 = first mention with that text in the sentence)")
        rows = texts.get(row.article_id, [])
        # A whole sentence ("Amazon employees", a headline) may recur inside
        # others: an exact match wins over containment.
        hits = [s for s, t in rows if t.strip() == row.snippet] or [s for s, t in rows if row.snippet in t]
        if len(hits) != 1:
            problem = "in no sentence" if not hits else f"in {len(hits)} sentences"
            raise CorpusError(f"{where}: snippet {row.snippet!r} found {problem} of article "
                              f"{row.article_id!r}; use a piece of text unique to one sentence")
        key = (row.article_id, hits[0], str(row.mention).casefold(), occurrence)
        if key not in index:
            raise CorpusError(f"{where}: no mention {row.mention!r} (occurrence {row.occurrence}) in that "
                              "sentence; check find_mentions() output for this sentence")
        picked.append(index[key])
        labs.append(row.label)
        why.append(getattr(row, "rationale", ""))
    if len(set(picked)) < len(picked):
        raise CorpusError(f"{path}: two rows label the same mention; keep one row per mention")
    unlabelled = len(mentions) - len(picked)
    if unlabelled:
        warnings.warn(f"read_stance_labels: {unlabelled} of {len(mentions)} mentions have no label in "
                      f"{path.name}", CorpusWarning, stacklevel=2)
    out = mentions.iloc[picked].assign(label=labs, rationale=why)
    return out.sort_values(["article_id", "sentence_id", "start"]).reset_index(drop=True)


def label_agreement(labelled: pd.DataFrame, *, truth: str = "label", predicted: str = "stance") -> dict:
    """Agreement of predicted stance with hand labels.

    Returns the dict of :func:`coverage.stance.model.stance_scores`:
    ``n``, ``accuracy``, ``kappa`` (Cohen's, chance-corrected), ``macro_f1``
    and ``confusion`` (rows: hand label, columns: model).

    Examples
    --------
    >>> t = pd.DataFrame({"label": ["negative", "neutral"], "stance": ["negative", "negative"]})
    >>> label_agreement(t)["accuracy"]
    0.5
    """
    require_columns(labelled, [truth, predicted], func="label_agreement")
    return stance_scores(labelled[truth], labelled[predicted])
