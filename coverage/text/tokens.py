"""Word tokenisation shared by every measure in the kit.

A *word* is a run of letters or digits, optionally joined by internal
apostrophes or hyphens: ``don't``, ``all-staff``, ``U.S`` counts as two words
(``U`` and ``S``) only where the dot splits it, so the kit treats
abbreviations with dots as their letters. Curly apostrophes count like
straight ones. Numbers such as ``20,000`` or ``12.2`` are one word.

This is deliberately simple and language-agnostic: it needs no downloaded
model, so it behaves the same on every laptop. Its blind spot is languages
written without spaces (Chinese, Japanese), where a whole clause is one word.
"""

from __future__ import annotations

import re

__all__ = ["WORD_RE", "word_spans", "words", "count_words"]

#: The one definition of a word used everywhere in the kit.
WORD_RE = re.compile(
    r"\d+(?:[.,]\d+)*"  # numbers: 20,000  12.2
    r"|[^\W\d_]+(?:['’\-][^\W\d_]+)*"  # letters, with internal ' ’ or -
)


def word_spans(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` offsets of every word in ``text``.

    Examples
    --------
    >>> word_spans("Amazon’s all-staff meeting")
    [(0, 8), (9, 18), (19, 26)]
    """
    return [m.span() for m in WORD_RE.finditer(text)]


def words(text: str, *, lowercase: bool = True) -> list[str]:
    """Return the words of ``text`` (curly apostrophes made straight).

    Examples
    --------
    >>> words("Amazon’s ICE deal, worth $20,000.")
    ["amazon's", 'ice', 'deal', 'worth', '20,000']
    """
    # Straightening apostrophes first changes no word boundary (the pattern
    # joins on both), and findall builds the strings in C.
    found = WORD_RE.findall(text.replace("’", "'"))
    if not lowercase or not found:
        return found
    # One lower() over the words joined by newlines (never inside a word,
    # and lowering never makes one).
    return "\n".join(found).lower().split("\n")


def count_words(text: str) -> int:
    """Return the number of words in ``text``.

    Examples
    --------
    >>> count_words("We Won’t Build It.")
    4
    """
    return len(WORD_RE.findall(text))
