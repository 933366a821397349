"""Term matching: how a search term or a lexicon term finds its words in sentences.

The matcher behind :func:`coverage.kwic` and the frame lexicons of
:mod:`coverage.measures.frames`.

How a search term matches
-------------------------
* Case is ignored: ``ice`` finds "ICE" (and "ice").
* Words match whole words only: ``police`` does not match "policed" or
  "policies".
* A ``*`` at the end of a word matches any further letters: ``surveil*``
  finds "surveil", "surveils", "surveilled", "surveillance", "surveilling".
* The words of a phrase may be separated by spaces, line breaks or hyphens:
  ``facial recognition`` also finds "facial-recognition" and
  "Facial  Recognition".
* A straight apostrophe also matches a curly one.
* Matches never overlap. Where several terms could start at the same place,
  the one with more words wins (``racial profiling`` before ``profiling``),
  so a term inside a longer matched phrase is not counted twice.

Blind spots: a term also matches inside a hyphenated compound
("anti-surveillance" contains "surveillance"); ``*`` cannot catch irregular
forms (``spy*`` misses "spies"); and a match is a string, not a meaning —
"security" in an outlet's site name counts like "security" in a sentence.
"""

from __future__ import annotations

import re
import warnings
from functools import lru_cache

import numpy as np
import pandas as pd

from coverage.errors import CorpusError, CorpusWarning
from coverage.schema import require_columns

__all__ = ["term_regex", "find_matches", "WORD_SPLIT"]

_SEPARATOR = r"[\s\-\u2010\u2011]+"  # space(s) or a hyphen between words
#: Splits a term into its words: spaces or hyphens.
WORD_SPLIT = re.compile(r"[\s\-\u2010\u2011]+")
_MIN_STEM = 3  # letters before a '*': 'a*' would match half the language
_JOIN = "\x00"  # sentence separator in the concatenated search text


def term_regex(term: str) -> str:
    """Return the regular expression that a search term compiles to.

    Parameters
    ----------
    term : str
        A word or phrase, optionally with ``*`` at the end of a word.

    Raises
    ------
    ValueError
        When the term is empty, not text, or has a ``*`` anywhere but at the
        end of a word of at least three letters.

    Examples
    --------
    >>> import re
    >>> bool(re.fullmatch(term_regex("facial recognition"), "Facial-Recognition", re.I))
    True
    >>> bool(re.fullmatch(term_regex("surveil*"), "surveilling", re.I))
    True
    """
    if not isinstance(term, str):
        raise ValueError(f"is {term!r} ({type(term).__name__}), not text; quote it")
    parts = [p for p in WORD_SPLIT.split(term.strip().lower()) if p]
    if not parts:
        raise ValueError("is empty; remove it or write a word")
    pieces = []
    for word in parts:
        stem, star = (word[:-1], True) if word.endswith("*") else (word, False)
        if "*" in stem:
            raise ValueError(f"{term!r} has '*' inside a word; '*' may only end a word, as in 'surveil*'")
        if star and len(stem) < _MIN_STEM:
            raise ValueError(f"{term!r} needs at least {_MIN_STEM} letters before '*'")
        piece = re.escape(stem.replace("’", "'")).replace("'", "['’]")
        pieces.append(piece + (r"\w*" if star else ""))
    return _SEPARATOR.join(pieces)


def find_matches(sentences: pd.DataFrame, entries: tuple, *, func: str, excluded: bool = False) -> pd.DataFrame:
    """Return every match of ``entries`` (pairs of frame, term) in the sentences.

    Entries whose frame is ``None`` are exclusions: they are matched (so the
    terms inside them are not) but produce no row, unless ``excluded`` is
    true. The result has ``article_id, sentence_id, frame, term, match,
    start, end`` plus private columns ``_text`` (the match's sentence),
    ``_row`` (its position in ``sentences``) and ``_entry`` (the position of
    the matching entry in ``entries``), in the order of the sentences and of
    the text.
    """
    require_columns(sentences, ["article_id", "sentence_id", "text"], func=func)
    text = sentences["text"]
    missing = text.isna()
    if missing.any():
        warnings.warn(
            f"{func}(): {int(missing.sum())} of {len(text)} sentences have no text and were not searched",
            CorpusWarning, stacklevel=3,
        )
    texts = text.astype(object).where(~missing, "").tolist()
    matcher = _compile(entries)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    offsets = np.concatenate([[0], np.cumsum(lengths + len(_JOIN))[:-1]]).astype(np.int64)
    # One pass over all sentences joined by a separator no term can cross:
    # the regex engine does the work, not a Python loop over 400k sentences.
    joined = _JOIN.join(texts)
    lowered = joined.lower()
    if len(lowered) == len(joined):
        # Lower-cased text with a case-sensitive pattern is several times
        # faster: the engine can reject most branches on their first letter.
        spans = [m.span() for m in matcher.fast.finditer(lowered)]
    else:  # a letter such as 'İ' changes length when lower-cased
        spans = [m.span() for m in matcher.slow.finditer(joined)]
        lowered = None
    source = lowered if lowered is not None else joined
    which = [matcher.which(source[s:e]) for s, e in spans]
    keep = [i for i, w in enumerate(which) if excluded or entries[w][0] is not None]
    pos = np.array([spans[i][0] for i in keep], dtype=np.int64)
    end = np.array([spans[i][1] for i in keep], dtype=np.int64)
    row = np.searchsorted(offsets, pos, side="right") - 1
    start_in = pos - offsets[row]
    end_in = end - offsets[row]
    return pd.DataFrame({
        "article_id": sentences["article_id"].to_numpy()[row],
        "sentence_id": sentences["sentence_id"].to_numpy()[row],
        "frame": pd.array([entries[which[i]][0] for i in keep], dtype="string"),
        "term": pd.array([entries[which[i]][1] for i in keep], dtype="string"),
        "match": pd.array([joined[p:e] for p, e in zip(pos, end)], dtype="string"),
        "start": start_in,
        "end": end_in,
        "_text": [texts[r] for r in row],
        "_row": row,
        "_entry": np.array([which[i] for i in keep], dtype=np.int64),
    })


class _Matcher:
    """One compiled search for a tuple of (frame, term) entries.

    ``fast`` runs on lower-cased text, ``slow`` on the original text; both
    find the same spans. ``which(span_text)`` names the entry that produced a
    match: the first entry, in the order the alternation tries them, whose
    own pattern matches the whole span (the alternation would have stopped
    at any earlier one that did).
    """

    def __init__(self, entries: tuple):
        order = sorted(
            range(len(entries)),
            key=lambda i: (-len(WORD_SPLIT.split(entries[i][1].strip())), -len(entries[i][1]), i),
        )
        # Group alternatives by first letter (a one-level trie): at each
        # position the engine then tests ~20 letters instead of every term.
        groups: dict[str, list[str]] = {}
        for i in order:
            first, rest = _split_first(entries[i][1])
            groups.setdefault(first, []).append(rest)
        # (?<!\w.) after the first letter: the character before it is not part
        # of a word. Put after the letter, it keeps the letter first, which is
        # what lets the engine skip quickly.
        body = "|".join(f"{first}(?<!\\w.)(?:{'|'.join(rests)})" for first, rests in groups.items())
        pattern = rf"(?:{body})(?!\w)"
        self.fast = re.compile(pattern)
        self.slow = re.compile(pattern, re.IGNORECASE)
        self._each = [(i, re.compile(term_regex(entries[i][1]), re.IGNORECASE)) for i in order]
        self._cache: dict[str, int] = {}

    def which(self, span_text: str) -> int:
        key = span_text.lower()
        if key not in self._cache:
            self._cache[key] = next(i for i, rx in self._each if rx.fullmatch(span_text))
        return self._cache[key]


def _split_first(term: str) -> tuple[str, str]:
    """Split a term's pattern into its first character (as a regex) and the rest."""
    word = term.strip().lower()
    first = word[0]
    if first in "'’":
        return "['’]", term_regex(term)[len("['’]"):]
    full = term_regex(term)
    escaped = re.escape(first)
    return escaped, full[len(escaped):]


@lru_cache(maxsize=64)
def _compile(entries: tuple) -> _Matcher:
    if not entries:
        raise CorpusError("no search terms given; pass at least one word or phrase")
    return _Matcher(entries)
