"""Features of a mention for the stance classifier: what surrounds the target.

The classifier judges the tone toward one target in a sentence, so every
feature is computed *relative to the mention*: the mention itself is masked,
words are tagged with the side they stand on and whether they are near it,
and lexicon scores are taken separately for the left side, the right side,
the clause and a window around the mention. :class:`StanceFeatures` turns a
table of ``text``/``start``/``end``/``mention`` rows into one sparse matrix:

* word 1-2-grams (TF-IDF) of the sentence with the mention replaced by a
  placeholder, so "Amazon" and "Trump" are the same slot;
* the words of each side, tagged ``L``/``R`` and near (≤ ``near`` words) or
  far: "slammed" right after the target differs from "slammed" before it;
* the words of the mention itself (``use_mention``), which carry the priors
  of the training data (NewsMTSC is harsher on some politicians than others;
  for a target unseen in training, such as Amazon, these weights are zero);
* dense lexicon scores (VADER and TextBlob) of the whole sentence, the
  masked sentence, each side, the clause holding the mention and windows of
  5 and 10 words, plus VADER word valences weighted by their distance to the
  mention, the mention's relative position and whether it is quoted.

Words are :func:`coverage.tokens.words`. Blind spots: no syntax, so "X
attacked Y" and "Y attacked X" differ only through word order near the
mention; coreference is ignored; lexicon scores are English only.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import StandardScaler

from coverage.schema import require_columns
from coverage.tokens import WORD_RE, words

__all__ = ["MENTION_INPUT_COLUMNS", "PLACEHOLDER", "StanceFeatures", "lexicon_features", "masked_text", "side_words"]

#: Columns a table must have to be featurised.
MENTION_INPUT_COLUMNS = ("text", "start", "end")

#: What the mention is replaced by in the masked sentence.
PLACEHOLDER = "xxtarget"

# Clause boundaries: punctuation and the conjunctions/relatives that start a
# new clause; the clause holding the mention is where its predicate usually is.
_CLAUSE = re.compile(r"[,;:()\u2014\u2013]|\s-\s|\b(?:but|while|although|though|whereas|however|"
                     r"because|and|who|which|that)\b", re.IGNORECASE)
_PRONOUNS = frozenset("he she him her his hers they them their it its i we us our you "
                      "himself herself themselves itself".split())
_TAUS = (2.0, 5.0, 10.0)


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


def lexicon_features(text: str, start: int, end: int) -> list[float]:
    """Return the dense lexicon and position features of one mention.

    Measures, in order: VADER (compound, positive, negative) of the whole
    sentence, the masked sentence, the left side, the right side, windows of
    ±5 and ±10 words and the clause holding the mention; TextBlob (polarity,
    subjectivity) of the sentence, left side, right side and clause; sums of
    positive and of negative VADER word valences weighted by
    ``exp(-distance / tau)`` for tau = 2, 5, 10 words; the clause length in
    words, the share of words left of the mention, whether it opens the
    sentence, the number of words (log), whether it stands inside quotation
    marks, whether the sentence has any, and whether the mention is a pronoun.

    Blind spots: VADER and TextBlob were built for reviews and social media;
    TextBlob scores "firm" as an adjective; negation is only seen by VADER.

    Examples
    --------
    >>> f = lexicon_features("Critics slammed Amazon.", 16, 22)
    >>> len(f), f[0] < 0   # 42 numbers; the sentence's VADER compound is negative
    (42, True)
    """
    left, right = text[:start], text[end:]
    spans = list(WORD_RE.finditer(text))
    lw = [_word(m) for m in spans if m.end() <= start]
    rw = [_word(m) for m in spans if m.start() >= end]
    clause = _clause(text, start, end)
    f: list[float] = []
    for part in (text, f"{left} {right}", left, right, " ".join(lw[-5:] + rw[:5]),
                 " ".join(lw[-10:] + rw[:10]), clause):
        f += _vader(part)
    for part in (text, left, right, clause):
        f += _textblob(part)
    lexicon = _vader_analyzer().lexicon
    for tau in _TAUS:
        pos = neg = 0.0
        # Distance 0 is the word next to the mention, on either side.
        for d, w in [*enumerate(lw[::-1]), *enumerate(rw)]:
            v = lexicon.get(w, 0.0) * np.exp(-d / tau)
            pos, neg = (pos + v, neg) if v > 0 else (pos, neg + v)
        f += [pos, neg]
    n = len(spans)
    quotes_before = sum(left.count(q) for q in '"“”')
    f += [
        len(clause.split()),
        len(lw) / max(n, 1),
        float(not lw),
        float(np.log1p(n)),
        float(quotes_before % 2 == 1 or left.count("“") > left.count("”")),
        float(any(q in text for q in '"“”')),
        float(text[start:end].strip().lower() in _PRONOUNS),
    ]
    return [float(x) for x in f]


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

    Attributes
    ----------
    vectorizers_ : dict of str to TfidfVectorizer
        Fitted vocabularies of the masked sentence, the side words and the mention.
    scaler_ : StandardScaler
        Fitted scaling of :func:`lexicon_features`.

    Examples
    --------
    >>> X = pd.DataFrame({"text": ["Critics slammed Amazon.", "Amazon won praise."],
    ...                   "start": [16, 0], "end": [22, 6], "mention": ["Amazon"] * 2})
    >>> StanceFeatures(min_df=1).fit_transform(X).shape[0]
    2
    """

    def __init__(self, near: int = 4, use_mention: bool = True, min_df: int = 2):
        self.near = near
        self.use_mention = use_mention
        self.min_df = min_df

    def fit(self, X: pd.DataFrame, y=None) -> StanceFeatures:
        """Learn vocabularies and lexicon scaling from the mentions ``X``."""
        texts = self._texts(X)
        self.vectorizers_ = {}
        for name, docs in texts.items():
            vec = _vectorizer(name, self.min_df if name != "mention" else 1)
            vec.fit(docs)
            self.vectorizers_[name] = vec
        self.scaler_ = StandardScaler().fit(_dense(X))
        return self

    def transform(self, X: pd.DataFrame) -> sparse.csr_matrix:
        """Return the feature matrix of the mentions ``X`` (one row each)."""
        texts = self._texts(X)
        blocks = [self.vectorizers_[name].transform(docs) for name, docs in texts.items()]
        blocks.append(sparse.csr_matrix(self.scaler_.transform(_dense(X))))
        return sparse.hstack(blocks, format="csr")

    def _texts(self, X: pd.DataFrame) -> dict[str, list[str]]:
        require_columns(X, MENTION_INPUT_COLUMNS, func=type(self).__name__)
        rows = list(zip(X["text"], X["start"].astype(int), X["end"].astype(int)))
        out = {
            "masked": [masked_text(t, s, e) for t, s, e in rows],
            "side": [side_words(t, s, e, near=self.near) for t, s, e in rows],
        }
        if self.use_mention:
            out["mention"] = [" ".join("T_" + w for w in words(t[s:e])) for t, s, e in rows]
        return out


def _vectorizer(name: str, min_df: int) -> TfidfVectorizer:
    if name == "masked":
        return TfidfVectorizer(tokenizer=words, token_pattern=None, lowercase=False,
                               ngram_range=(1, 2), min_df=min_df, sublinear_tf=True)
    # Side and mention words are already tokens with tags: split on spaces.
    return TfidfVectorizer(tokenizer=str.split, token_pattern=None, lowercase=False,
                           min_df=min_df, sublinear_tf=True)


def _dense(X: pd.DataFrame) -> np.ndarray:
    rows = zip(X["text"], X["start"].astype(int), X["end"].astype(int))
    return np.array([lexicon_features(t, s, e) for t, s, e in rows], dtype=float).reshape(len(X), -1)


def _word(match: re.Match) -> str:
    return match.group().lower().replace("’", "'")


def _clause(text: str, start: int, end: int) -> str:
    cuts = [0, *(m.start() for m in _CLAUSE.finditer(text)), len(text)]
    a = max(c for c in cuts if c <= start)
    b = min(c for c in cuts if c >= end)
    return f"{text[a:start]} {text[end:b]}"


@lru_cache(maxsize=1)
def _vader_analyzer():
    # Built on first use, not at import: it reads its lexicon file.
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def _vader(text: str) -> list[float]:
    s = _vader_analyzer().polarity_scores(text)
    return [s["compound"], s["pos"], s["neg"]]


def _textblob(text: str) -> list[float]:
    from textblob import TextBlob

    s = TextBlob(text).sentiment
    return [s.polarity, s.subjectivity]
