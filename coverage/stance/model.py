"""The stance classifier: trained on NewsMTSC, scored by macro-F1, cached on disk.

:class:`StanceClassifier` predicts, for one mention of a target in a
sentence, whether the sentence treats the target negatively, neutrally or
positively. It is a scikit-learn estimator: the features of
:mod:`coverage.stance.features` (masked sentence, tagged side words, the
mention's words, its grammatical role, its clause, VADER/TextBlob lexicon
scores, a lexicon learned from the training labels, and the vectors a small
sentence encoder gives the mention and its sentence) and a multinomial
logistic regression. It trains in about a minute on two CPU cores (most
of it reading the 7,739 training sentences through the encoder), needs no
download, and gives the same model every run (the cross-fitting folds are
fixed and the solver is deterministic).

Training data: the NewsMTSC training split (Hamborg & Donnay, EACL 2021),
shipped under ``data/external/newsmtsc/`` with its MIT licence; the
development splits ``dev_rw`` and ``dev_mt`` were the only data used to
choose features and options. What it measures, and its blind spots: the
labels of NewsMTSC are readers' judgements of how a sentence of *political*
news treats a *person*; a company in tech news is outside that domain (see
the agreement check in :func:`coverage.stance.labels.label_agreement`). The model
sees one sentence at a time through a shallow part-of-speech parse, with no
coreference; the learned lexicon and the name prior know the words and the
politicians of NewsMTSC, and give nothing for words and names it never saw.
The encoder (:mod:`coverage.stance.encoder`) is a general sentence-similarity model,
not trained on stance; only the logistic regression on top of it is.
"""

from __future__ import annotations

import importlib.metadata
import json
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, cohen_kappa_score, confusion_matrix, f1_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import FunctionTransformer
from threadpoolctl import threadpool_limits
from sklearn.feature_extraction.text import TfidfVectorizer

from coverage.stance.encoder import ENCODER_SHA256, encode_mentions
from coverage.errors import CorpusError
from coverage.stance.model_store import cached_model, training_key
from coverage.resources import shipped_path
from coverage.schema import require_columns
from coverage.measures.sentiment import textblob_sentiment, vader_analyzer
from coverage.stance.features import MENTION_INPUT_COLUMNS, StanceFeatures
from coverage.stance.grammar import GRAMMAR_FILE
from coverage.text.tokens import words
from coverage.params import param_error

__all__ = [
    "LABELS", "MODEL_VERSION", "NEWSMTSC_DIR", "PREDICT_BLOCK", "StanceClassifier", "read_newsmtsc",
    "newsmtsc_splits", "train_stance_model", "stance_model_key", "load_stance_model", "stance_scores",
    "format_scores", "baseline_predictions", "marked_tfidf_baseline", "baseline_scores",
]

#: The three classes, in the order of probabilities and confusion matrices.
LABELS = ("negative", "neutral", "positive")

#: Bump when features or model change: it is part of the cache key.
MODEL_VERSION = "stance-3"

#: Where NewsMTSC lives inside a data folder.
NEWSMTSC_DIR = Path("external") / "newsmtsc"

_TRAIN = "train.jsonl"
_DEV = {"dev_rw": "dev_rw.jsonl", "dev_mt": "dev_mt.jsonl"}
_POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
_CACHE_NAME = "stance_model.pkl"

#: Mentions featurised at once by :meth:`StanceClassifier.predict_proba` (about 100 MB of features).
PREDICT_BLOCK = 5000


class StanceClassifier(ClassifierMixin, BaseEstimator):
    """Three-class stance toward a target mention (negative / neutral / positive).

    A mention is a row of a table with ``text`` (the sentence), ``start``
    and ``end`` (character offsets of the mention). An optional column
    ``other_spans`` lists the ``(start, end)`` offsets of the other mentions
    of the same sentence (:func:`read_newsmtsc` fills it with the other
    targets of the line); they are masked in the lexicon scores, so names
    such as "Amazon" (+0.7 in VADER) do not count as tone. Without the
    column nothing is masked but the mention itself.

    Parameters
    ----------
    C : float, default 0.5
        Inverse regularisation of the logistic regression.
    near : int, default 4
        Words on each side of the mention counted as "near" it.
    use_mention : bool, default True
        Whether the mention's own words are features.
    min_df : int, default 2
        Minimum document frequency of a word feature.
    encoder : bool, default True
        Whether the sentence encoder's vectors are features
        (:func:`coverage.stance.encoder.encode_mentions`).
    max_iter : int, default 3000
        Maximum number of iterations of the solver.
    tol : float, default 1e-4
        Stopping tolerance of the solver.

    Attributes
    ----------
    features_ : StanceFeatures
        The fitted features (vocabularies, learned lexicons, scaling).
    model_ : LogisticRegression
        The fitted logistic regression.
    classes_ : ndarray of str
        ``LABELS`` as seen in training.

    Examples
    --------
    >>> X = pd.DataFrame({"text": ["Critics slammed Amazon.", "Fans praised Amazon."] * 3,
    ...                   "start": [16, 13] * 3, "end": [22, 19] * 3, "mention": ["Amazon"] * 6})
    >>> clf = StanceClassifier(min_df=1).fit(X, ["negative", "positive"] * 3)
    >>> clf.predict(X.head(2)).tolist()
    ['negative', 'positive']
    """

    def __init__(self, C: float = 0.5, near: int = 4, use_mention: bool = True, min_df: int = 2,
                 encoder: bool = True, max_iter: int = 3000, tol: float = 1e-4):
        self.C = C
        self.near = near
        self.use_mention = use_mention
        self.min_df = min_df
        self.encoder = encoder
        self.max_iter = max_iter
        self.tol = tol

    def fit(self, X: pd.DataFrame, y) -> StanceClassifier:
        """Fit on mentions ``X`` (``text``, ``start``, ``end``, optional ``other_spans``) and labels ``y``."""
        require_columns(X, MENTION_INPUT_COLUMNS, func="StanceClassifier.fit")
        self.features_ = StanceFeatures(near=self.near, use_mention=self.use_mention, min_df=self.min_df,
                                        encoder=self.encoder)
        F = self.features_.fit_transform(X, y)
        self.model_ = LogisticRegression(C=self.C, max_iter=self.max_iter, tol=self.tol)
        # scikit-learn sums the multinomial loss over OpenMP threads, in an
        # order that depends on their number: on one thread the model is the
        # same on every machine (and training takes about as long).
        with threadpool_limits(limits=1):
            self.model_.fit(F, np.asarray(y))
        self.classes_ = self.model_.classes_
        return self

    def predict_proba(self, X: pd.DataFrame) -> np.ndarray:
        """Return class probabilities, columns in the order of ``classes_``.

        The encoder reads all the sentences of ``X`` first (each distinct
        sentence once); then mentions are featurised in blocks of
        :data:`PREDICT_BLOCK` rows: the encoder's 768 numbers a mention make
        the matrix dense, and 200,000 mentions at once would need about
        10 GB. Every row's features depend on that row only, so the blocks
        change no number.
        """
        require_columns(X, MENTION_INPUT_COLUMNS, func="StanceClassifier.predict_proba")
        vectors = encode_mentions(X) if self.features_.encoder else None
        blocks = [self.model_.predict_proba(self.features_.transform(
                      X.iloc[i:i + PREDICT_BLOCK], vectors=None if vectors is None else vectors[i:i + PREDICT_BLOCK]))
                  for i in range(0, len(X), PREDICT_BLOCK)]
        return np.vstack(blocks) if blocks else np.empty((0, len(self.classes_)))

    def predict(self, X: pd.DataFrame) -> np.ndarray:
        """Return the most probable class of each mention."""
        return self.classes_[self.predict_proba(X).argmax(axis=1)]


def read_newsmtsc(path: str | Path) -> pd.DataFrame:
    """Read a file in the NewsMTSC format: one sentence per line, one row per target.

    Parameters
    ----------
    path : str or Path
        JSON lines; each line ``{"sentence_normalized": str, "targets": [{"from":
        int, "to": int, "mention": str, "polarity": 2.0|4.0|6.0}, ...]}``.

    Returns
    -------
    pandas.DataFrame
        ``line`` (1-based), ``text``, ``start``, ``end``, ``mention``,
        ``label`` and ``other_spans`` (the sorted ``(start, end)`` offsets of
        the line's other targets; empty when the sentence has one target).

    Raises
    ------
    CorpusError
        One line naming the file and line number: not JSON, a missing key, a
        polarity other than 2, 4 or 6, or offsets outside the sentence.

    Examples
    --------
    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp(), "x.jsonl")
    >>> _ = p.write_text('{"sentence_normalized": "Critics slammed Amazon.", '
    ...                  '"targets": [{"from": 16, "to": 22, "mention": "Amazon", "polarity": 2.0}]}\\n')
    >>> read_newsmtsc(p)[["start", "mention", "label"]].values.tolist()
    [[16, 'Amazon', 'negative']]
    """
    path = Path(path)
    if not path.is_file():
        raise CorpusError(f"{path}: file not found; give a JSON-lines file in the NewsMTSC format")
    rows = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if line.strip():
                rows += _parse_line(path, n, line)
    if not rows:
        raise CorpusError(f"{path}: no targets found; each line needs a 'targets' list")
    return pd.DataFrame(rows, columns=["line", "text", "start", "end", "mention", "label", "other_spans"])


def _parse_line(path: Path, n: int, line: str) -> list[tuple]:
    where = f"{path}: line {n}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise CorpusError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno}); "
                          "each line must be one JSON object") from None
    if not isinstance(record, dict) or not isinstance(record.get("sentence_normalized"), str):
        raise CorpusError(f"{where}: expected an object with a 'sentence_normalized' text")
    text, targets = record["sentence_normalized"], record.get("targets")
    if not isinstance(targets, list) or not targets:
        raise CorpusError(f"{where}: expected a non-empty 'targets' list")
    parsed = []
    for i, t in enumerate(targets):
        try:
            start, end, polarity = int(t["from"]), int(t["to"]), float(t["polarity"])
        except (KeyError, TypeError, ValueError):
            raise CorpusError(f"{where}: target {i} needs numeric 'from', 'to' and 'polarity'") from None
        if polarity not in _POLARITY:
            raise CorpusError(f"{where}: target {i} has polarity {polarity}; use 2.0 (negative), "
                              "4.0 (neutral) or 6.0 (positive)")
        if not 0 <= start < end <= len(text):
            raise CorpusError(f"{where}: target {i} offsets {start}-{end} fall outside the "
                              f"{len(text)}-character sentence")
        parsed.append((start, end, _POLARITY[polarity]))
    spans = {(start, end) for start, end, _ in parsed}
    return [(n, text, start, end, text[start:end], label, sorted(spans - {(start, end)}))
            for start, end, label in parsed]


def newsmtsc_splits(data_dir: str | Path) -> dict[str, Path]:
    """Return the paths of the NewsMTSC splits in ``data_dir`` (train, dev_rw, dev_mt)."""
    folder = Path(data_dir) / NEWSMTSC_DIR
    return {"train": folder / _TRAIN, **{k: folder / v for k, v in _DEV.items()}}


def train_stance_model(data_dir: str | Path, *, params: Mapping | None = None,
                       limit: int | None = None) -> StanceClassifier:
    """Train a :class:`StanceClassifier` on the NewsMTSC training split of ``data_dir``.

    Parameters
    ----------
    data_dir : str or Path
        Data folder holding ``external/newsmtsc/train.jsonl``.
    params : mapping, optional
        Options of :class:`StanceClassifier`.
    limit : int, optional
        Train on the first ``limit`` mentions only (for quick tests).
    """
    train = read_newsmtsc(newsmtsc_splits(data_dir)["train"])
    if limit is not None:
        train = train.head(limit)
    return StanceClassifier(**dict(params or {})).fit(train, train["label"])


def stance_model_key(data_dir: str | Path, *, params: Mapping | None = None) -> str:
    """Return the cache key of the stance model that ``data_dir`` would train now.

    It hashes the bytes of ``train.jsonl`` and of the shipped word lists of
    the shallow parse (``stance_grammar.yaml``, ``reporting_verbs.yaml``),
    :data:`MODEL_VERSION`, the options, the scikit-learn and tokenizers
    versions and the digest of the encoder's weights (which
    :func:`coverage.stance.encoder.load_encoder` checks before use). A pipeline that caches per-article
    stance can fold it into its own keys, so that a new model recomputes them.

    Raises
    ------
    CorpusError
        When the NewsMTSC training split is missing.
    """
    import sklearn

    train_file = newsmtsc_splits(data_dir)["train"]
    if not train_file.is_file():
        raise CorpusError(f"{train_file}: NewsMTSC training split not found; copy it from the "
                          "NewsMTSC repository (see data/external/newsmtsc/PROVENANCE.md)")
    options = {**StanceClassifier().get_params(), **dict(params or {})}
    # The word lists of the shallow parse are part of the features: editing them retrains.
    word_lists = [shipped_path(GRAMMAR_FILE), shipped_path("reporting_verbs.yaml")]
    versions = {"sklearn": sklearn.__version__, "tokenizers": importlib.metadata.version("tokenizers"),
                "encoder_sha256": ENCODER_SHA256 if options.get("encoder") else None}
    return training_key([train_file, *word_lists], code_version=MODEL_VERSION, options={**options, **versions})


def load_stance_model(data_dir: str | Path, *, params: Mapping | None = None, retrain: bool = False,
                      cache_dir: str | Path | None = None) -> StanceClassifier:
    """Return the stance model, from the cache under ``data/processed/`` or trained now.

    The cache is keyed by :func:`stance_model_key`; a cache that does not
    match is refused and the model retrained (see :mod:`coverage.stance.model_store`).

    Parameters
    ----------
    data_dir : str or Path
        Data folder with ``external/newsmtsc/train.jsonl``.
    params : mapping, optional
        Options of :class:`StanceClassifier`.
    retrain : bool, default False
        Train anew even if the cache matches.
    cache_dir : str or Path, optional
        Folder of the cache; ``data_dir/processed`` by default.
    """
    key = stance_model_key(data_dir, params=params)
    options = {**StanceClassifier().get_params(), **dict(params or {})}
    path = Path(cache_dir) if cache_dir is not None else Path(data_dir) / "processed"
    return cached_model(path / _CACHE_NAME, key=key, expected_type=StanceClassifier, retrain=retrain,
                        train=lambda: train_stance_model(data_dir, params=options))


def stance_scores(y_true: Sequence[str], y_pred: Sequence[str]) -> dict:
    """Return macro-F1, accuracy, Cohen's kappa and the confusion matrix.

    Macro-F1 averages the F1 of the three classes, so the rare positive class
    counts as much as the others (always answering "neutral" scores about
    0.2). Rows of ``confusion`` are the true class, columns the prediction.

    Examples
    --------
    >>> s = stance_scores(["negative", "neutral", "positive"], ["negative", "neutral", "neutral"])
    >>> round(s["macro_f1"], 3), round(s["accuracy"], 3), int(s["confusion"].loc["positive", "neutral"])
    (0.556, 0.667, 1)
    """
    y_true, y_pred = np.asarray(y_true, dtype=object), np.asarray(y_pred, dtype=object)
    labels = list(LABELS)
    cm = confusion_matrix(y_true, y_pred, labels=labels)
    return {
        "n": int(len(y_true)),
        "macro_f1": float(f1_score(y_true, y_pred, labels=labels, average="macro", zero_division=0)),
        "accuracy": float(accuracy_score(y_true, y_pred)),
        "kappa": float(cohen_kappa_score(y_true, y_pred, labels=labels)),
        "confusion": pd.DataFrame(cm, index=pd.Index(labels, name="true"),
                                  columns=pd.Index(labels, name="predicted")),
    }


def format_scores(scores: Mapping, *, title: str = "") -> str:
    """Return the scores of :func:`stance_scores` as plain text for the terminal."""
    lines = [title] if title else []
    lines += [f"mentions: {scores['n']}", f"macro-F1: {scores['macro_f1']:.3f}",
              f"accuracy: {scores['accuracy']:.3f}", f"Cohen's kappa: {scores['kappa']:.3f}",
              "confusion matrix (rows: true, columns: predicted):",
              scores["confusion"].to_string()]
    return "\n".join(lines)


def baseline_predictions(table: pd.DataFrame, *, method: str) -> np.ndarray:
    """Predict stance without training: ``"neutral"``, ``"textblob"`` or ``"vader"``.

    ``"neutral"`` always answers neutral. ``"textblob"`` and ``"vader"``
    score the whole sentence, ignoring the target: TextBlob polarity above 0
    is positive, below 0 negative; VADER compound ≥ 0.05 positive, ≤ −0.05
    negative (the thresholds of their authors). They are the yardsticks of
    the model, not measures to use.

    Examples
    --------
    >>> t = pd.DataFrame({"text": ["A terrible, awful mess.", "A great success."]})
    >>> baseline_predictions(t, method="vader").tolist()
    ['negative', 'positive']
    """
    require_columns(table, ["text"], func="baseline_predictions")
    if method == "neutral":
        return np.array(["neutral"] * len(table), dtype=object)
    if method == "textblob":
        scores = [textblob_sentiment(t)[0] for t in table["text"]]
        return np.array([_sign_label(s, 0.0) for s in scores], dtype=object)
    if method == "vader":
        sia = vader_analyzer()
        scores = [sia.polarity_scores(t)["compound"] for t in table["text"]]
        return np.array([_sign_label(s, 0.05, inclusive=True) for s in scores], dtype=object)
    raise param_error("method", "baseline_predictions", "one of 'neutral', 'textblob', 'vader'", method)


def marked_tfidf_baseline(train: pd.DataFrame, *, C: float = 1.0):
    """Fit the TF-IDF logistic regression baseline with the target marked.

    The sentence is read with marker words around the mention ("... tgtstart
    Amazon tgtend ...") as word 1-2-grams; nothing else. Returns a fitted
    scikit-learn pipeline whose ``predict`` takes a table of mentions.
    """
    require_columns(train, [*MENTION_INPUT_COLUMNS, "label"], func="marked_tfidf_baseline")
    pipe = make_pipeline(
        FunctionTransformer(_marked_texts),
        TfidfVectorizer(tokenizer=words, token_pattern=None, lowercase=False, ngram_range=(1, 2),
                        min_df=2, sublinear_tf=True),
        LogisticRegression(C=C, max_iter=2000),
    )
    return pipe.fit(train, train["label"])


def baseline_scores(train: pd.DataFrame, splits: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Score the four baselines on each split: one row per (baseline, split).

    Columns: ``baseline``, ``split``, ``n``, ``macro_f1``, ``accuracy``.
    """
    tfidf = marked_tfidf_baseline(train)
    rows = []
    for name, table in splits.items():
        preds = {m: baseline_predictions(table, method=m) for m in ("neutral", "textblob", "vader")}
        preds["tfidf_marked"] = tfidf.predict(table)
        for method, pred in preds.items():
            s = stance_scores(table["label"], pred)
            rows.append({"baseline": method, "split": name, "n": s["n"],
                         "macro_f1": s["macro_f1"], "accuracy": s["accuracy"]})
    return pd.DataFrame(rows)


def _sign_label(score: float, threshold: float, *, inclusive: bool = False) -> str:
    if (score >= threshold) if inclusive else (score > threshold):
        return "positive"
    if (score <= -threshold) if inclusive else (score < -threshold):
        return "negative"
    return "neutral"


def _marked_texts(table: pd.DataFrame) -> list[str]:
    return [f"{t[:s]} tgtstart {t[s:e]} tgtend {t[e:]}"
            for t, s, e in zip(table["text"], table["start"].astype(int), table["end"].astype(int))]
