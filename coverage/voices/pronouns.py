"""Pronoun speakers: ``she said`` resolved to the person named just before.

:mod:`coverage.voices.quotes` finds ``she`` as the speaker of ``"We had a plan," she
said.``; a reader knows it is Ann Lee from the sentence before. No parser or
coreference model is available offline, so :func:`resolve_pronoun` applies one
readable rule: a ``he`` or ``she`` is the **nearest compatible named person**
before it, looking back over the same paragraph and the two sentences before
the pronoun's sentence (which may lie in the previous paragraph).

Candidates are, in the journalist's words only (quoted words are blanked):

* the named speakers of earlier quotations (``Bezos``, ``Andy Jassy``);
* person names: two to four capitalised words (``Ann Lee``, ``Jane Q. Roe``),
  or a title and a name (``Ms. Lee``, ``Sen. Warren``), with leading sentence
  words (``Later``, ``The``) dropped and organisation words (``Senate``,
  ``Department``) ruling a phrase out.

A nearer ``she`` of reported speech or of an earlier quotation (``She added
that ...``) stands for the same person; the rules in :mod:`coverage.voices.quotes`
follow such links back, at most three.

Compatible means: a title says the gender (``Mr.`` is a he, ``Ms.`` a she);
without a title either pronoun fits. ``they``, ``it``, ``we`` and ``I`` are
left as they are (they name groups and documents as often as people).

Blind spots: no gender from first names (``Ann Lee met Tom Park. "...," she
said`` gives Tom Park, the nearer one); an object is as good a candidate as a
subject (``Trump attacked Ann Lee. "...," he said`` gives Ann Lee); a
one-word name is a candidate only with a title or as an earlier speaker, and
a one-word organisation that was an earlier speaker (``Amazon``) is taken for
a person.
"""

from __future__ import annotations

import bisect
import re

__all__ = ["resolve_pronoun", "pronoun_window", "person_names"]

_PERSONAL = {"he": "m", "she": "f"}
_TITLES = {
    "mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f",
    "dr": "", "prof": "", "sen": "", "senator": "", "rep": "", "gov": "", "governor": "",
    "president": "", "judge": "", "justice": "", "gen": "", "mayor": "", "secretary": "",
}
_CAPITALISED = r"[A-Z][\w’'-]*\.?"
_NAME = re.compile(rf"{_CAPITALISED}(?:[ \t]+{_CAPITALISED}){{0,4}}")
# Sentence words that can be capitalised before a name ("Later Ann Lee", "The ...").
_LEADING = frozenset(
    """the a an in on at but and or later then however meanwhile earlier also when while after before
    as if because so yet this that these those his her their its our my one both
    monday tuesday wednesday thursday friday saturday sunday""".split()
)
# Words that make a capitalised phrase an organisation, place or date, not a person.
_NOT_PERSON = frozenset(
    """senate house congress department ministry agency office court committee council union party
    university college school inc corp corporation company co ltd llc group association institute
    foundation services times news post journal press network street avenue city county state states
    republic kingdom united america american national federal white monday tuesday wednesday
    thursday friday saturday sunday january february march april may june july august september
    october november december""".split()
)


def person_names(masked: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Return ``(start, end, gender)`` of person names in ``masked[start:end]``.

    ``gender`` is ``"m"`` or ``"f"`` when a title says so, else ``""``.

    Examples
    --------
    >>> t = "Later Ann Lee met Mr. Park at the White House."
    >>> [(t[s:e], g) for s, e, g in person_names(t, 0, len(t))]
    [('Ann Lee', ''), ('Mr. Park', 'm')]
    """
    found = []
    for match in _NAME.finditer(masked, start, end):
        words = [(m.start() + match.start(), m.end() + match.start(), m.group())
                 for m in re.finditer(r"\S+", match.group())]
        while words and _bare(words[0][2]) in _LEADING:
            words = words[1:]
        if not words or any(_bare(w) in _NOT_PERSON for _, _, w in words):
            continue
        title = _TITLES.get(_bare(words[0][2]))
        if title is not None and len(words) >= 2:
            found.append((words[0][0], _trim(masked, words[-1][1]), title))
        elif len(words) >= 2:
            found.append((words[0][0], _trim(masked, words[-1][1]), ""))
    return found


def resolve_pronoun(masked: str, pronoun: tuple[int, int], *, sentence_starts: list[int],
                    paragraph_start: int, speakers: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Return the span of the named person a ``he``/``she`` speaker stands for, or None.

    Parameters
    ----------
    masked : str
        The article with quoted words blanked (offsets as in the clean text).
    pronoun : tuple of int
        Where the pronoun is.
    sentence_starts : list of int
        Sorted starts of the journalist's sentences.
    paragraph_start : int
        Start of the pronoun's paragraph.
    speakers : list of tuple of int
        Spans of the named speakers of earlier quotations.

    Examples
    --------
    >>> t = 'Ann Lee joined in 2015. "              ," she said.'
    >>> s, e = resolve_pronoun(t, (t.index("she"), t.index("she") + 3), sentence_starts=[0, 24],
    ...                        paragraph_start=0, speakers=[]); t[s:e]
    'Ann Lee'
    """
    gender = _PERSONAL.get(masked[pronoun[0]:pronoun[1]].lower())
    if gender is None:
        return None
    window = pronoun_window(pronoun[0], sentence_starts, paragraph_start)
    candidates = [(s, e, g) for s, e, g in person_names(masked, window, pronoun[0])]
    candidates += [(s, e, _title_gender(masked, s, e)) for s, e in speakers
                   if window <= s and e <= pronoun[0] and _named(masked[s:e])]
    fitting = [(e, s) for s, e, g in candidates if g in ("", gender)]
    if not fitting:
        return None
    end, start = max(fitting)  # the nearest one before the pronoun
    return start, end


def pronoun_window(at: int, sentence_starts: list[int], paragraph_start: int) -> int:
    """Return where the search for a pronoun's person starts: the same
    paragraph, or the two sentences before the pronoun's sentence, whichever
    reaches further back.

    Examples
    --------
    >>> pronoun_window(50, [0, 10, 20, 30, 40], paragraph_start=40)
    20
    """
    sentence = bisect.bisect_right(sentence_starts, at) - 1
    back = sentence_starts[max(sentence - 2, 0)] if sentence >= 0 else 0
    return min(back, paragraph_start)


def _bare(word: str) -> str:
    # "CNN’s" -> "cnn", "Mr." -> "mr"
    for ending in ("’s", "'s"):
        if word.endswith(ending):
            word = word[:-2]
    return word.rstrip(".,;:").lower()


def _trim(text: str, end: int) -> int:
    # "Mr. Park." at a sentence end: the full stop is not part of the name.
    while end > 0 and text[end - 1] in ".,;:":
        end -= 1
    return end


def _title_gender(masked: str, start: int, end: int) -> str:
    first = masked[start:end].split()[0] if masked[start:end].split() else ""
    return _TITLES.get(_bare(first)) or ""


def _named(speaker: str) -> bool:
    # An earlier speaker counts when it is a name: capitalised words, no organisation word.
    words = speaker.split()
    return bool(words) and all(w[:1].isupper() for w in words) and not any(_bare(w) in _NOT_PERSON | _LEADING
                                                                             for w in words)
