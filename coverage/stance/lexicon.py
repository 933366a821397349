"""Lexicon scores around a target mention: VADER, TextBlob and a lexicon learned from labels.

Two kinds of dense features of the stance classifier, both computed relative
to the mention:

* :func:`lexicon_features`: VADER and TextBlob scores of the sentence, each
  side of the mention, the clause and windows around it, and VADER word
  valences weighted by their distance to the mention. The mention and the
  sentence's other mentions are masked first: VADER scores the word "amazon"
  +0.7, and a name says nothing about tone.
* :func:`learned_features`: a lexicon *learned from the training labels*
  (:func:`label_lexicon`): for each word, how much more often it occurs
  around negative than positive targets, and around neutral than polar ones,
  summed over windows, sides and the clause of the mention; the same
  statistics of the mention's name (full and last word) are the target's
  prior.

Blind spots: VADER and TextBlob were built for reviews and social media
(TextBlob scores the noun "firm" as an adjective; negation is only seen by
VADER); the learned lexicon knows only the words and names of the political
news it was fitted on and gives nothing for a name it never saw, such as
"Amazon"; English only.
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np

from coverage.measures.sentiment import textblob_sentiment, vader_analyzer
from coverage.stance.grammar import clause_of, load_stance_grammar
from coverage.text.tokens import WORD_RE, words

__all__ = ["N_LEARNED", "PLACEHOLDER", "fit_lexicons", "label_lexicon", "learned_features", "lexicon_features",
           "mention_context"]

#: What the mention is replaced by before scoring (no lexicon knows it).
PLACEHOLDER = "xxtarget"

#: Number of :func:`learned_features` per mention: 11 sums on each of two
#: axes over context words, 3 numbers for each of two name keys.
N_LEARNED = 2 * 11 + 2 * 3

_TAUS = (2.0, 5.0, 10.0)
_CLASSES = ("negative", "neutral", "positive")


def lexicon_features(text: str, start: int, end: int, *, others=()) -> list[float]:
    """Return the dense lexicon and position features of one mention.

    The mention and the spans in ``others`` (other mentions of the sentence,
    ``(start, end)`` pairs) are first replaced by placeholder words, which
    no lexicon scores. Then, in order: VADER (compound, positive, negative)
    of the whole sentence, the sentence without the mention, the left side,
    the right side, windows of ±5 and ±10 words and the clause holding the
    mention; TextBlob (polarity, subjectivity) of the sentence, left side,
    right side and clause; sums of positive and of negative VADER word
    valences weighted by ``exp(-distance / tau)`` for tau = 2, 5, 10 words;
    the clause length in words, the share of words left of the mention,
    whether it opens the sentence, the number of words (log), whether it
    stands inside quotation marks, whether the sentence has any, and whether
    the mention is a pronoun.

    Examples
    --------
    >>> f = lexicon_features("Amazon grew.", 0, 6)
    >>> len(f), f[0]   # 42 numbers; compound 0: "Amazon" (+0.7 in VADER) is masked
    (42, 0.0)
    >>> lexicon_features("Critics slammed Amazon.", 16, 22)[0] < 0
    True
    """
    pronoun = float(text[start:end].strip().lower() in load_stance_grammar().pronouns)
    text, start, end = mask_spans(text, start, end, others)
    left, right = text[:start], text[end:]
    spans = list(WORD_RE.finditer(text))
    lw = [_word(m) for m in spans if m.end() <= start]
    rw = [_word(m) for m in spans if m.start() >= end]
    clause = clause_of(text, start, end)
    f: list[float] = []
    for part in (text, f"{left} {right}", left, right, " ".join(lw[-5:] + rw[:5]),
                 " ".join(lw[-10:] + rw[:10]), clause):
        f += _vader(part)
    for part in (text, left, right, clause):
        f += _textblob(part)
    lexicon = vader_analyzer().lexicon
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
        pronoun,
    ]
    return [float(x) for x in f]


def mask_spans(text: str, start: int, end: int, others=()) -> tuple[str, int, int]:
    """Replace the mention by the placeholder and the ``others`` spans by "xxother".

    Returns the new text and the mention's new offsets. A span of ``others``
    that overlaps the mention, or an earlier span, is left alone.

    Examples
    --------
    >>> mask_spans("Bezos met Amazon.", 10, 16, [(0, 5)])
    ('xxother  met xxtarget .', 13, 21)
    """
    spans = sorted([(start, end, True), *((a, b, False) for a, b in spans_of(others)
                                           if b <= start or a >= end)])
    out, pos, new = [], 0, (0, 0)
    for a, b, is_target in spans:
        if a < pos:
            continue
        out.append(text[pos:a])
        if is_target:
            at = sum(map(len, out))
            new = (at, at + len(PLACEHOLDER))
        # The space keeps the placeholder one word before a possessive "’s".
        out.append((PLACEHOLDER if is_target else "xxother") + " ")
        pos = b
    out.append(text[pos:])
    return "".join(out), new[0], new[1]


def spans_of(value) -> list[tuple[int, int]]:
    """Return ``other_spans`` as a list of ``(start, end)``; a missing value (None, NaN) is empty."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return []
    return [(int(a), int(b)) for a, b in value]


def label_lexicon(docs, labels, *, alpha: float = 1.0, min_count: int = 2) -> dict[str, tuple[float, float, int]]:
    """Learn, from labelled mentions, how each word leans: the "learned lexicon".

    For each word in at least ``min_count`` documents (sets of words):
    ``log(P(word | positive) / P(word | negative))`` (above 0: it comes with
    positive targets), ``log(P(word | neutral) / P(word | negative or
    positive))`` and its document count, with ``alpha`` added to every count.

    Examples
    --------
    >>> lex = label_lexicon([{"praised"}, {"praised"}, {"slammed"}, {"slammed"}],
    ...                     ["positive", "positive", "negative", "negative"])
    >>> round(lex["praised"][0], 3), lex["praised"][2]   # log((2+1)/(2+2) / ((0+1)/(2+2)))
    (1.099, 2)
    """
    counts = {c: Counter() for c in _CLASSES}
    for doc, label in zip(docs, labels):
        if label in counts:
            counts[label].update(set(doc))
    n = Counter(labels)

    def rate(classes, w):  # P(word | one of classes), smoothed
        return (sum(counts[c][w] for c in classes) + alpha) / (sum(n[c] for c in classes) + 2 * alpha)

    out = {}
    for w in sorted(set().union(*counts.values())):
        total = sum(counts[c][w] for c in _CLASSES)
        if total >= min_count:
            out[w] = (float(np.log(rate(["positive"], w) / rate(["negative"], w))),
                      float(np.log(rate(["neutral"], w) / rate(["negative", "positive"], w))), total)
    return out


def mention_context(rows) -> tuple[list[tuple[list[str], list[str], list[str]]], list[tuple[str, str]]]:
    """Return the context words and name keys of mentions given as ``(text, start, end, ...)`` rows.

    Context: left words (nearest first), right words and clause words. Name
    keys: the mention's words, and its last word ("President Trump" ->
    "trump").

    Examples
    --------
    >>> mention_context([("Critics slammed President Trump today.", 16, 31)])
    ([(['slammed', 'critics'], ['today'], ['critics', 'slammed', 'today'])], [('president trump', 'trump')])
    """
    context, names = [], []
    for t, s, e, *_ in rows:
        context.append((words(t[:s])[::-1], words(t[e:]), words(clause_of(t, s, e))))
        w = words(t[s:e])
        names.append((" ".join(w), w[-1] if w else ""))
    return context, names


def fit_lexicons(context, names, y) -> dict[str, dict]:
    """Learn the context-word lexicon and the name prior from labelled mentions (see :func:`mention_context`)."""
    return {"context": label_lexicon([left + right for left, right, _ in context], y),
            "name": {**label_lexicon([{"F:" + full} for full, _ in names], y, min_count=1),
                     **label_lexicon([{"L:" + last} for _, last in names], y, min_count=1)}}


def learned_features(context, names, lexicons) -> np.ndarray:
    """Return the :data:`N_LEARNED` learned-lexicon features of each mention.

    For each axis of :func:`label_lexicon` (positive versus negative, neutral
    versus polar): sums of the word leanings within 3, 6 and 12 words of the
    mention, of the left side, the right side and the clause, sums weighted
    by ``exp(-distance / tau)`` for tau = 2 and 5, and the minimum, maximum
    and mean leaning; then, for the full name and the last word of the
    mention, its two leanings and the log of its count (zeros if unseen).
    """
    out = np.zeros((len(context), N_LEARNED))
    words_lex, names_lex = lexicons["context"], lexicons["name"]
    for i, (left, right, clause) in enumerate(context):
        f = []
        for axis in (0, 1):
            lv = [words_lex[w][axis] if w in words_lex else 0.0 for w in left]
            rv = [words_lex[w][axis] if w in words_lex else 0.0 for w in right]
            # Each clause word once, in order: a set would sum in an order that changes per process.
            cv = [words_lex[w][axis] if w in words_lex else 0.0 for w in dict.fromkeys(clause)]
            both = lv + rv
            f += [sum(lv[:k]) + sum(rv[:k]) for k in (3, 6, 12)]
            f += [sum(lv), sum(rv), sum(cv)]
            f += [sum(v * np.exp(-d / tau) for d, v in [*enumerate(lv), *enumerate(rv)]) for tau in (2.0, 5.0)]
            f += [min(both, default=0.0), max(both, default=0.0), float(np.mean(both)) if both else 0.0]
        for key in ("F:" + names[i][0], "L:" + names[i][1]):
            pos_neg, neutral, n = names_lex.get(key, (0.0, 0.0, 0))
            f += [pos_neg, neutral, float(np.log1p(n))]
        out[i] = f
    return out


def _word(match: re.Match) -> str:
    return match.group().lower().replace("’", "'")


def _vader(text: str) -> list[float]:
    s = vader_analyzer().polarity_scores(text)
    return [s["compound"], s["pos"], s["neg"]]


def _textblob(text: str) -> list[float]:
    return list(textblob_sentiment(text))
