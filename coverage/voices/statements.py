"""Quote marks that do not hold a statement: scare quotes, titles, slogans, transcripts.

:mod:`coverage.voices.quotes` first calls a quotation ``full`` from where it stands
(it opens a sentence, follows a comma or a colon). Some of those are not a
source's statement at all, and :func:`not_a_statement` tells the rules so;
they are then kept as ``partial`` (a quoted phrase), not dropped, because
the words are still in marks:

* **short words without a cue**: one or two words, no reporting verb, and no
  full stop: the scare-quoted words of a headline (``CNN’s Jake Tapper on the
  leak: ‘Unethical,’ ‘Horrifying’``). ``“Nobody knows.”`` is a sentence and
  ``"No," she said.`` has a cue: both stay statements.
* **titles of works**: words in title case without a cue or a full stop
  (``Her new book, "A Promised Land in Winter," is out``).
* **slogans on clothing**: marks right after a shirt, hat or the like
  (``a T-shirt that said "I Can't Breathe"``, ``"Jesus Saves," her shirt read``).
  Signs and banners are left alone: annotators count them as sources.
* **transcript lines**: an upper-case speaker label and a colon inside the
  marks (``"PARTICIPANT: ..."``, ``"Q: ..."``): a record of an exchange, not a
  quotation set in the journalist's prose.

Blind spots: a one- or two-word answer with no cue nearby (``"Never,"``
after a question in the previous paragraph) becomes ``partial``; a title
with a full stop or a lower-case first word, and clothing words the list
below lacks, are missed.
"""

from __future__ import annotations

import re

from coverage.text.tokens import count_words

__all__ = ["not_a_statement"]

# Words of a title that may stay lower case ("A Promised Land in Winter").
_TITLE_SMALL = frozenset("a an the of in on and or for to at by with from nor but as vs".split())
_CLOTHING = re.compile(
    r"\b(?:t-shirts?|tee-shirts?|shirts?|hats?|caps?|hoodies?|sweatshirts?|sweaters?|jackets?|jerseys?"
    r"|masks?|buttons?|badges?|stickers?|armbands?|socks?|tote bags?)\b",
    re.IGNORECASE,
)
# How far before the marks a clothing word still introduces them ("a hat that read").
_CLOTHING_REACH = 40
_TRANSCRIPT_LABEL = re.compile(r"^[A-Z][A-Z.'’ -]{0,30}:\s")
_SENTENCE_END = ".!?…"


def not_a_statement(inner: str, *, cue: str, speaker: str, before: str) -> str:
    """Return why a quotation read as ``full`` is not a statement, or ``""``.

    Parameters
    ----------
    inner : str
        The words inside the marks.
    cue : str
        The reporting verb found for it (empty when none).
    speaker : str
        The words of its speaker (empty when none).
    before : str
        The journalist's words of its sentence before the opening mark.

    Returns
    -------
    str
        ``"transcript"``, ``"slogan"``, ``"short"``, ``"title"`` or ``""``.

    Examples
    --------
    >>> not_a_statement("Unethical,", cue="", speaker="", before="Tapper on the leak: ")
    'short'
    >>> not_a_statement("Nobody knows.", cue="", speaker="", before="")
    ''
    """
    inner = inner.strip()
    if not inner:
        return ""
    if _is_transcript_line(inner):
        return "transcript"
    if _is_slogan(speaker, before):
        return "slogan"
    if cue:
        return ""
    if _is_short_phrase(inner):
        return "short"
    if _is_title(inner):
        return "title"
    return ""


def _is_transcript_line(inner: str) -> bool:
    # "PARTICIPANT: I think ..." / "Q: Did you know?": a speaker label in capitals.
    return bool(_TRANSCRIPT_LABEL.match(inner))


def _is_slogan(speaker: str, before: str) -> bool:
    # Words printed on clothing have a wearer, not a speaker.
    return bool(_CLOTHING.search(speaker) or _CLOTHING.search(before[-_CLOTHING_REACH:]))


def _is_short_phrase(inner: str) -> bool:
    # One or two words that are not a sentence: scare quotes, a headline's labels.
    return count_words(inner) <= 2 and inner.rstrip(",;:'\"’”) ")[-1:] not in _SENTENCE_END


def _is_title(inner: str) -> bool:
    # Title case, several words, no full stop: the name of a book, film or show.
    words = re.findall(r"[^\W\d_][\w’'-]*", inner)
    if len(words) < 2 or inner.rstrip(",;:'\"’”) ")[-1:] in _SENTENCE_END:
        return False
    return words[0][0].isupper() and all(w[0].isupper() or w.lower() in _TITLE_SMALL for w in words)
