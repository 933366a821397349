"""Deciding each lexicon match: counted, counted for the other frame, or excluded -- and why.

:func:`frame_matches` is the one place where a frame lexicon meets text:
:func:`coverage.measures.frames.tag_frames` counts its ``counted`` rows and
:func:`coverage.kwic` shows them all, so every count and every exclusion is
one evidence row with its reason. The rules, in the order they are tried:

1. **Exclusion list** -- a match of an ``exclude:`` phrase ("security
   camera", "American Civil Liberties Union") hides the frame words inside
   it: ``excluded``, with the list's reason (``name``, ``sense``...).
2. **Names** -- a frame word written in capitals inside a run of
   capitalised words ("Orlando Safety Video Proof of Concept", "Homeland
   Security Investigations") is part of a name: ``excluded``. Not applied
   in a sentence that is mostly capitalised (a Title Case headline), where
   every word looks like a name.
3. **counts_as** -- a term near the words of its ``counts_as`` rule counts
   for the other frame ("concerned about the safety of the public if the
   technology is misused" argues a cost).
4. **near** -- a term with a ``near:`` condition counts only when one of the
   listed words occurs at most ``within`` words away in the same clause;
   otherwise ``excluded``.
5. Otherwise the match is ``counted`` for its frame.

"Same clause" means no ``;``, ``:``, dash, or "but", "while", "although",
"whereas" between the two words. Blind spots: these are rules of thumb about
form, not meaning -- a name written in lower case is not seen as a name, a
headline in sentence case is treated like a sentence, and "near" cannot tell
"the tool identifies people" from "people identify the tool".
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

import numpy as np
import pandas as pd

from coverage.text.terms import find_matches

__all__ = ["frame_matches", "DECISIONS"]

#: Values of the ``decision`` column.
DECISIONS = ("counted", "excluded")

_CLAUSE_BREAK = re.compile(r"[;:\u2013\u2014]|\s-\s|\b(?:but|while|although|whereas)\b", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_TOKEN = re.compile(r"\S+")
_OPENERS = "\"'“‘(["
_CLOSERS = "\"'”’)]"
_STOPS = ",.;:!?"
_CONNECTORS = {"of", "and", "for", "the", "&", "on", "de", "in"}
# Words a Title Case headline leaves in lower case.
_SMALL_WORDS = {"a", "an", "the", "of", "to", "in", "for", "and", "or", "on", "at", "by", "with", "as", "from",
                "vs", "but", "nor", "is", "its", "it's", "into", "over", "up"}


def frame_matches(sentences: pd.DataFrame, lexicon: pd.DataFrame, *, func: str) -> pd.DataFrame:
    """Return every lexicon match in the sentences, each with its decision and rule.

    Parameters
    ----------
    sentences : pandas.DataFrame
        ``article_id``, ``sentence_id`` and ``text``.
    lexicon : pandas.DataFrame
        A loaded lexicon (:func:`coverage.measures.frame_lexicon.load_frame_lexicon`).
    func : str
        The public function calling, for messages.

    Returns
    -------
    pandas.DataFrame
        ``article_id, sentence_id, frame, term, match, start, end, decision,
        rule`` and private ``_text``, ``_row``. ``frame`` is the frame the
        match counts for (missing when excluded); ``decision`` is
        ``"counted"`` or ``"excluded"``; ``rule`` says why in words, e.g.
        ``"counted: near 'Rekognition' (technology)"`` or ``"safety term
        excluded: name 'Orlando Safety Video'"``.

    Examples
    --------
    >>> from coverage.measures.frame_lexicon import load_frame_lexicon
    >>> s = pd.DataFrame({"article_id": [1], "sentence_id": [0],
    ...                   "text": ["The Orlando Safety Video pilot used a security camera."]})
    >>> frame_matches(s, load_frame_lexicon(), func="example")[["match", "decision"]].values.tolist()
    [['Safety', 'excluded'], ['security camera', 'excluded']]
    """
    entries = tuple((None if pd.isna(f) else f, t) for f, t in zip(lexicon["frame"].astype(object), lexicon["term"]))
    found = find_matches(sentences, entries, func=func, excluded=True)
    n = len(found)
    entry = found.pop("_entry").to_numpy()
    frame = np.array([entries[i][0] for i in entry], dtype=object)
    decision = np.full(n, "counted", dtype=object)
    rule = np.full(n, "counted", dtype=object)
    texts, starts, ends = found["_text"].tolist(), found["start"].to_numpy(), found["end"].to_numpy()

    exclude = lexicon["exclude"].to_numpy(dtype=object)
    matched = found["match"].tolist()
    for k in np.flatnonzero([entries[i][0] is None for i in entry]):
        decision[k], frame[k] = "excluded", None
        rule[k] = f"excluded: {exclude[entry[k]]} '{matched[k]}'"

    names = lexicon["names"].to_numpy(dtype=bool)
    named: dict[tuple, str | None] = {}
    for k in np.flatnonzero((decision == "counted") & names[entry]):
        key = (texts[k], int(starts[k]), int(ends[k]))
        if key not in named:
            named[key] = None if _mostly_capitalised(texts[k]) else _name_around(texts[k], starts[k], ends[k])
        name = named[key]
        if name:
            rule[k] = f"{frame[k]} term excluded: name '{name}'"
            decision[k], frame[k] = "excluded", None

    specs = lexicon[["frame", "near", "near_label", "within", "counts_as", "as_near", "as_label",
                     "as_within"]].astype(object).to_dict("records")
    conditional = (decision == "counted") & np.array([specs[i]["near"] is not None or specs[i]["as_near"] is not None
                                                      for i in entry], dtype=bool)
    if conditional.any():
        near = _NearIndex(sentences, found, np.flatnonzero(conditional), func=func)
        # The same sentence (boilerplate, a quotation reprinted) gets the same decision.
        memo: dict[tuple, tuple] = {}
        for k in np.flatnonzero(conditional):
            key = (texts[k], int(starts[k]), int(entry[k]))
            if key not in memo:
                memo[key] = _decide(specs[entry[k]], near, k)
            decision[k], frame[k], rule[k] = memo[key]
    found["frame"] = pd.array(list(frame), dtype="string")
    found.insert(7, "decision", pd.array(list(decision), dtype="string"))
    found.insert(8, "rule", pd.array(list(rule), dtype="string"))
    return found


def _decide(spec: dict, near: "_NearIndex", k: int) -> tuple:
    """(decision, frame, rule) of match ``k`` of a term with conditions."""
    if spec["as_near"] is not None:
        hit = near.find(k, spec["as_near"], int(spec["as_within"]))
        if hit is not None:
            return ("counted", spec["counts_as"],
                    f"counted as {spec['counts_as']} ({spec['frame']} term): near '{hit}' ({spec['as_label']})")
    if spec["near"] is None:
        return "counted", spec["frame"], "counted"
    hit = near.find(k, spec["near"], int(spec["within"]))
    if hit is None:
        return ("excluded", None,
                f"{spec['frame']} term excluded: not within {int(spec['within'])} words of {spec['near_label']}")
    return "counted", spec["frame"], f"counted: near '{hit}' ({spec['near_label']})"


class _NearIndex:
    """Matches of the ``near:`` words in the sentences that need them, searched once per word list."""

    def __init__(self, sentences, found, which, *, func):
        self._text = found["_text"].tolist()
        self._start, self._end = found["start"].to_numpy(), found["end"].to_numpy()
        # Each distinct sentence is searched once, however often it recurs.
        self._texts = list(dict.fromkeys(self._text[k] for k in which))
        self._subset = pd.DataFrame({"article_id": 0, "sentence_id": range(len(self._texts)), "text": self._texts})
        self._func = func
        self._hits: dict[tuple, dict[str, list]] = {}
        self._words: dict[str, list[int]] = {}

    def _hits_for(self, terms: tuple) -> dict[str, list]:
        if terms not in self._hits:
            got = find_matches(self._subset, tuple(("", t) for t in terms), func=self._func)
            by_text: dict[str, list] = {}
            for r, s, e, m in zip(got["_row"].tolist(), got["start"].tolist(), got["end"].tolist(),
                                  got["match"].tolist()):
                by_text.setdefault(self._texts[r], []).append((s, e, str(m)))
            self._hits[terms] = by_text
        return self._hits[terms]

    def find(self, k: int, terms: tuple, within: int) -> str | None:
        """The nearest of ``terms`` within ``within`` words of match ``k``, in its clause, or None."""
        text = self._text[k]
        start, end = int(self._start[k]), int(self._end[k])
        best = None
        for s, e, m in self._hits_for(terms).get(text, ()):
            if s < end and e > start:
                continue  # the match itself (or a word inside it) is not its own context
            gap_from, gap_to = (end, s) if s >= end else (e, start)
            between = text[gap_from:gap_to]
            gap = self._gap(text, gap_from, gap_to)
            if gap <= within and not _CLAUSE_BREAK.search(between) and (best is None or gap < best[0]):
                best = (gap, m)
        return None if best is None else best[1]

    def _gap(self, text: str, a: int, b: int) -> int:
        if text not in self._words:
            self._words[text] = [m.start() for m in _WORD.finditer(text)]
        starts = self._words[text]
        return bisect_left(starts, b) - bisect_right(starts, a - 1) if b > a else 0


def _capitalised(token: str) -> bool:
    word = token.strip(_OPENERS + _CLOSERS + _STOPS)
    return bool(word) and word[0].isupper()


def _mostly_capitalised(text: str) -> bool:
    """A Title Case headline: at most one word in lower case, besides small words ("of", "to")."""
    words = re.findall(r"[^\W\d_][\w'’]*", text)
    lower = [w for w in words if not w[0].isupper() and w.lower() not in _SMALL_WORDS]
    return len(words) >= 3 and len(lower) <= 1


def _name_around(text: str, start: int, end: int) -> str | None:
    """The Title Case name a capitalised match sits in, or None.

    The run grows from the match over capitalised words and single connectors
    ("of", "and") between them, and stops at punctuation. It is a name when,
    besides the match, it holds a capitalised word that is not the first
    word of the sentence (which is capitalised anyway).
    """
    if not all(_capitalised(w) for w in text[start:end].split()):
        return None
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    first = next(i for i, (s, e, _) in enumerate(tokens) if e > start)
    last = next(i for i in range(len(tokens) - 1, -1, -1) if tokens[i][0] < end)
    lo, hi = first, last
    while lo > 0:
        prev = tokens[lo - 1][2]
        if prev[-1] in _STOPS + _CLOSERS or tokens[lo][2][0] in _OPENERS:
            break
        if _capitalised(prev):
            lo -= 1
        elif prev.lower() in _CONNECTORS and lo > 1 and _capitalised(tokens[lo - 2][2]) \
                and tokens[lo - 2][2][-1] not in _STOPS + _CLOSERS:
            lo -= 2
        else:
            break
    while hi < len(tokens) - 1:
        cur, nxt = tokens[hi][2], tokens[hi + 1][2]
        if cur[-1] in _STOPS + _CLOSERS or nxt[0] in _OPENERS:
            break
        if _capitalised(nxt):
            hi += 1
        elif nxt.lower() in _CONNECTORS and hi + 2 < len(tokens) and _capitalised(tokens[hi + 2][2]) \
                and nxt[-1] not in _STOPS:
            hi += 2
        else:
            break
    others = [i for i in range(lo, hi + 1) if not first <= i <= last and i != 0 and _capitalised(tokens[i][2])]
    if not others:
        return None
    return text[tokens[lo][0]:tokens[hi][1]].strip(_OPENERS + _CLOSERS + _STOPS)
