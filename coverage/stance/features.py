"""Features of a mention for the stance classifier: what surrounds the target.

The classifier judges the tone toward one target in a sentence, so every
feature is computed *relative to the mention*: the mention itself is masked,
words are tagged with the side they stand on and whether they are near it,
and lexicon scores are taken separately for the left side, the right side,
the clause and a window around the mention. :class:`StanceFeatures` turns a
table of ``text``/``start``/``end`` rows (and an optional ``other_spans``)
into one sparse matrix of seven blocks:

* word 1-2-grams (TF-IDF) of the sentence with the mention replaced by a
  placeholder, so "Amazon" and "Trump" are the same slot (:func:`masked_text`);
* the words of each side, tagged ``L``/``R`` and near (≤ ``near`` words) or
  far: "slammed" right after the target differs from "slammed" before it
  (:func:`side_words`);
* the words of the mention itself (``use_mention``), which carry the priors
  of the training data (NewsMTSC is harsher on some politicians than others;
  for a target unseen in training, such as Amazon, these weights are zero);
* the grammatical role of the mention and the words of its clause
  (:mod:`coverage.stance.grammar`);
* VADER and TextBlob scores around the mention, with the mention and the
  sentence's other mentions masked, and a lexicon learned from the training
  labels (:mod:`coverage.stance.lexicon`). The learned features of a
  training row are computed out of fold (5 folds of sentences), so a row
  never sees its own label.

Words are :func:`coverage.text.tokens.words`. Blind spots: see the two modules
above; coreference is ignored; English only.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import GroupKFold
from sklearn.preprocessing import StandardScaler

from coverage.stance.encoder import encode_mentions
from coverage.schema import require_columns
from coverage.stance.lexicon import (N_LEARNED, PLACEHOLDER, fit_lexicons, learned_features, lexicon_features,
                                     mention_context, spans_of)
from coverage.stance.grammar import clause_words, role_words
from coverage.text.tokens import words

__all__ = ["MENTION_INPUT_COLUMNS", "PLACEHOLDER", "StanceFeatures", "masked_text", "side_words"]

#: Columns a table must have to be featurised (``other_spans`` is optional).
MENTION_INPUT_COLUMNS = ("text", "start", "end")

# Relative weight of each block in the one matrix the logistic regression sees
# (chosen by 5-fold cross-validation on train and the dev splits).
_WEIGHTS = {"masked": 1.0, "side": 0.5, "mention": 0.7, "roles": 1.0, "clause": 1.0, "encoder": 0.07}


def masked_text(text: str, start: int, end: int) -> str:
    """Return ``text`` with the mention ``text[start:end]`` replaced by the placeholder.

    Examples
    --------
    >>> masked_text("Workers criticised Amazon.", 19, 25)
    'Workers criticised xxtarget .'
    """
    # The space keeps "xxtarget" one word before a possessive "’s".
    return f"{text[:start]}{PLACEHOLDER} {text[end:]}"


def side_words(text: str, start: int, end: int, *, near: int = 4) -> str:
    """Return the words around the mention tagged by side and distance.

    Left words are counted outward from the mention. ``LN_``/``RN_`` mark
    the ``near`` closest words on each side, ``L_``/``R_`` the others.

    Examples
    --------
    >>> side_words("Angry workers criticised Amazon on Monday.", 25, 31, near=1)
    'LN_criticised L_workers L_angry RN_on R_monday'
    """
    left = words(text[:start])[::-1]
    right = words(text[end:])
    tags = [("LN_" if i < near else "L_") + w for i, w in enumerate(left)]
    tags += [("RN_" if i < near else "R_") + w for i, w in enumerate(right)]
    return " ".join(tags)


class StanceFeatures(TransformerMixin, BaseEstimator):
    """Turn mentions into the sparse feature matrix of the stance classifier.

    Parameters
    ----------
    near : int, default 4
        Words on each side counted as "near" the mention.
    use_mention : bool, default True
        Whether the mention's own words are features.
    min_df : int, default 2
        Minimum number of training mentions a word or word pair must occur in.
    learned : bool, default True
        Whether to add the learned lexicon and name prior of
        :func:`coverage.stance.lexicon.label_lexicon`; fitting then needs the labels ``y``.
    encoder : bool, default True
        Whether to add the sentence encoder's vectors of the mention and its
        sentence (:func:`coverage.stance.encoder.encode_mentions`).

    Attributes
    ----------
    vectorizers_ : dict of str to TfidfVectorizer
        Fitted vocabularies of the masked sentence, the side words, the
        mention, the roles and the clause.
    lexicons_ : dict of str to dict
        The learned lexicons of context words (``"context"``) and of the
        mention's name (``"name"``), fitted on all training rows.
    scaler_ : StandardScaler
        Fitted scaling of :func:`coverage.stance.lexicon.lexicon_features` and the learned features.
    encoder_scaler_ : StandardScaler or None
        Fitted scaling of the encoder's vectors (``None`` without the encoder).

    Notes
    -----
    ``fit_transform(X, y)`` returns the learned features of each training row
    computed from the other four fifths of the sentences (cross-fitting, as
    scikit-learn's ``TargetEncoder`` does); ``fit(X, y).transform(X)`` would
    let every row see its own label.

    Examples
    --------
    >>> X = pd.DataFrame({"text": ["Critics slammed Amazon.", "Amazon won praise."] * 5,
    ...                   "start": [16, 0] * 5, "end": [22, 6] * 5, "mention": ["Amazon"] * 10})
    >>> StanceFeatures(min_df=1).fit_transform(X, ["negative", "positive"] * 5).shape[0]
    10
    """

    def __init__(self, near: int = 4, use_mention: bool = True, min_df: int = 2, learned: bool = True,
                 encoder: bool = True):
        self.near = near
        self.use_mention = use_mention
        self.min_df = min_df
        self.learned = learned
        self.encoder = encoder

    def fit(self, X: pd.DataFrame, y=None) -> StanceFeatures:
        """Learn vocabularies, lexicons and scaling from the mentions ``X`` (labels ``y``)."""
        self.fit_transform(X, y)
        return self

    def fit_transform(self, X: pd.DataFrame, y=None) -> sparse.csr_matrix:
        """Fit on ``X`` and return its matrix, the learned features cross-fitted."""
        rows = self._rows(X)
        if self.learned and y is None:
            raise ValueError("StanceFeatures(learned=True).fit needs the labels y of the mentions; "
                             "pass y or use learned=False")
        texts = self._texts(rows)
        self.vectorizers_ = {name: _vectorizer(name, self.min_df if name != "mention" else 1).fit(docs)
                             for name, docs in texts.items()}
        dense = _dense(rows)
        if self.learned:
            y = np.asarray(y, dtype=object)
            context, names = mention_context(rows)
            learned = np.zeros((len(rows), N_LEARNED))
            groups = X["text"].to_numpy()
            n_folds = min(5, len(set(groups)))  # a single sentence has nothing out of fold: zeros
            for fit, held in (GroupKFold(n_splits=n_folds).split(rows, y, groups) if n_folds > 1 else []):
                lexicons = fit_lexicons([context[i] for i in fit], [names[i] for i in fit], y[fit])
                learned[held] = learned_features([context[i] for i in held], [names[i] for i in held], lexicons)
            self.lexicons_ = fit_lexicons(context, names, y)
            dense = np.hstack([dense, learned])
        self.scaler_ = StandardScaler().fit(dense)
        vectors = self._vectors(X, None)
        self.encoder_scaler_ = StandardScaler().fit(vectors) if self.encoder else None
        return self._stack(texts, dense, vectors)

    def transform(self, X: pd.DataFrame, *, vectors: np.ndarray | None = None) -> sparse.csr_matrix:
        """Return the feature matrix of the mentions ``X`` (one row each).

        ``vectors`` may bring the encoder's vectors of ``X``, computed
        beforehand (:func:`coverage.stance.encoder.encode_mentions`); otherwise
        they are computed here.
        """
        rows = self._rows(X)
        dense = _dense(rows)
        if self.learned:
            dense = np.hstack([dense, learned_features(*mention_context(rows), self.lexicons_)])
        return self._stack(self._texts(rows), dense, self._vectors(X, vectors))

    def _vectors(self, X: pd.DataFrame, given: np.ndarray | None) -> np.ndarray | None:
        if not self.encoder:
            return None
        if given is not None and len(given) != len(X):
            raise ValueError(f"StanceFeatures.transform(): {len(given)} encoder vectors for {len(X)} mentions; "
                             "pass encode_mentions() of the same rows")
        # In float64: two of the encoder's 384 dimensions are scaled down to
        # about 1e-33 by its last layer, and their variance would underflow
        # in float32 (StandardScaler would then treat them as constant).
        return (given if given is not None else encode_mentions(X)).astype(np.float64)

    def _rows(self, X: pd.DataFrame) -> list[tuple]:
        require_columns(X, MENTION_INPUT_COLUMNS, func=type(self).__name__)
        others = X["other_spans"] if "other_spans" in X.columns else [()] * len(X)
        return list(zip(X["text"], X["start"].astype(int), X["end"].astype(int), others))

    def _texts(self, rows: list[tuple]) -> dict[str, list[str]]:
        out = {
            "masked": [masked_text(t, s, e) for t, s, e, _ in rows],
            "side": [side_words(t, s, e, near=self.near) for t, s, e, _ in rows],
            "roles": [role_words(t, s, e) for t, s, e, _ in rows],
            "clause": [clause_words(t, s, e) for t, s, e, _ in rows],
        }
        if self.use_mention:
            out["mention"] = [" ".join("T_" + w for w in words(t[s:e])) for t, s, e, _ in rows]
        return out

    def _stack(self, texts: dict[str, list[str]], dense: np.ndarray, vectors: np.ndarray | None
               ) -> sparse.csr_matrix:
        blocks = [self.vectorizers_[name].transform(docs) * _WEIGHTS[name] for name, docs in texts.items()]
        blocks.append(sparse.csr_matrix(self.scaler_.transform(dense)))
        if vectors is not None:
            blocks.append(sparse.csr_matrix(self.encoder_scaler_.transform(vectors) * _WEIGHTS["encoder"]))
        return sparse.hstack(blocks, format="csr")


def _vectorizer(name: str, min_df: int) -> TfidfVectorizer:
    if name == "masked":
        return TfidfVectorizer(tokenizer=words, token_pattern=None, lowercase=False,
                               ngram_range=(1, 2), min_df=min_df, sublinear_tf=True)
    # The other blocks are already tokens with tags: split on spaces.
    return TfidfVectorizer(tokenizer=str.split, token_pattern=None, lowercase=False,
                           min_df=min_df, sublinear_tf=True)


def _dense(rows: list[tuple]) -> np.ndarray:
    # lexicon_features is a function of the sentence, the mention and the other spans: a mention
    # that recurs word for word (a sentence printed 60,000 times) is scored once per call.
    seen: dict[tuple, list[float]] = {}
    out = []
    for t, s, e, o in rows:
        others = spans_of(o)
        key = (t, s, e, tuple(others))
        if (f := seen.get(key)) is None:
            f = seen[key] = lexicon_features(t, s, e, others=others)
        out.append(f)
    return np.array(out, dtype=float).reshape(len(rows), -1)
