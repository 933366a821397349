"""Who said it: reporting verbs, speaker noun phrases and speaker roles.

The quotation extractor (:mod:`coverage.voices.quotes`) finds the quote marks; this
module holds the rules that name the source. No parser or tagger is
available offline, so a speaker is found with three small, readable pieces:

1. **Cues** - reporting verbs and phrases from the shipped
   ``reporting_verbs.yaml`` (``said``, ``wrote``, ``states``,
   ``according to``), matched as whole lower-case words.
2. **Speaker noun phrases** - each word gets a one-letter class (name,
   determiner, head noun, pronoun, ``of``, other word, stop word) and a
   speaker is a run of classes that reads as a noun phrase: ``Jeff Bezos``,
   ``an Amazon employee``, ``the Complaint letter of Amazon employees``,
   ``Amazon spokesperson Kathleen Rohde``, ``he``.
3. **Roles** - see :mod:`coverage.voices.roles`: the longest entry of the shipped
   ``roles.yaml`` found in the speaker decides its role.

Blind spots: no coreference (``he`` is kept as the speaker and inherits the
role of the nearest named speaker before it), no syntax (a subject far from
its verb, or a list of subjects, can be cut wrongly), English only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from coverage.errors import LexiconError
from coverage.resources import read_yaml, shipped_path
from coverage.text.tokens import word_spans

__all__ = [
    "Cues",
    "load_cues",
    "is_pronoun",
    "speaker_before",
    "speaker_after",
    "sentence_subject",
]


_PRONOUNS = frozenset("he she they it we i you".split())
# Determiners and quantifiers that may open a speaker ("one Amazon employee",
# "hundreds of Amazon employees"). "that" is left out: it mostly introduces
# a clause ("Recode reports that Amazon workers ...").
_DETERMINERS = frozenset(
    """the a an one two three four five six seven eight nine ten several some many most
    all both each another his her their its our my your this these those hundreds
    thousands dozens millions scores""".split()
)
# Words that end or cannot start a speaker, even when capitalised at the
# start of a sentence ("However, the ACLU revealed", "In June, ...").
_STOP = frozenset(
    """in at on for with by from to into about after before during since while when within
    without across around behind beyond toward towards upon against amid via per
    where as if because although though however but and or nor neither so yet also
    still then now meanwhile moreover furthermore indeed instead later earlier recently
    previously yesterday today tomorrow last next has have had is are was were be been
    being would will could should can may might must do does did not never reportedly
    publicly once just already again even only who whom whose which what why how
    speaking asked according than such like there here""".split()
)
# The word right before a cue, to tell verbs from nouns and passives.
_PREVIOUS_WORD = re.compile(r"([\w’'-]+)\s+$")
_BE = frozenset("be been being was were is are am".split())
# Time words break a noun phrase so "Microsoft staff this week" yields "Microsoft staff".
_TIME = frozenset(
    """week weeks month months year years day days morning afternoon evening night time
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december""".split()
)
# Nouns that head a speaker phrase besides the single words of the roles file.
_HEADS = frozenset(
    """source sources person people official officials spokesperson spokesman spokeswoman
    group company organization organisation statement report study memo email letter
    employee employees worker workers staff executive executives analyst analysts expert
    experts researcher researchers activist activists leader leaders founder chief head
    director manager member members user users customer customers critic critics""".split()
)
# A clause that starts with one of these is a parenthetical or an adverbial
# ("at a Wired conference last month", "When asked about ...", "which was
# signed by ..."), never the subject.
_OPENS_PARENTHETICAL = frozenset(
    """in at on for with by from to into about during which who whose whom that where
    speaking asked according than like unlike despite among between under over through
    within without across around behind beyond toward towards upon against amid via per""".split()
)
# A clause opening with one of these may end with the subject of the next
# verb ("After President Barack Obama said ..."), so its last noun phrase counts.
_SUBORDINATORS = frozenset("after before since when while as if because although though once".split())

# The speaker grammar, over one class letter per word:
#   N name-like (capitalised)   H head noun   D determiner   O "of"
#   P pronoun   M other lower-case word   X stop word or verb   T time word
# A nominal is "D M{0,2} (N|H)+" (an Amazon employee, the public documents);
# without a determiner, plain words may only precede a head noun ("civil
# rights groups", not "called Streep"); or a name ("Jeff Bezos"), or a
# determiner with one or two plain words ("the employeers"), or a quantifier
# before "of" (hundreds of ...). A speaker is a pronoun or nominals
# joined by "of" (the Complaint letter of Amazon employees).
_NOMINAL = r"(?:DM{0,2}[NH]+|M{0,2}H[NH]*|N[NH]*|DM{1,2}|D(?=O))"
_SPEAKER = re.compile(rf"P|{_NOMINAL}(?:O{_NOMINAL})*")
_SPEAKER_AT_END = re.compile(rf"(?:{_SPEAKER.pattern})$")
# Clause boundaries inside a region: commas, semicolons, dashes, brackets, colons.
# Quote marks break too: a blanked quotation separates the words around it.
_SEGMENT_BREAK = re.compile(r"[,;:()\[\]—–\"“”„‟«»＂‘’‹›]|\s-\s|'(?!\w)|(?<!\w)'")
# Where a speaker's head ends, for roles: "the public documents | obtained by ...".


@dataclass(frozen=True)
class Cues:
    """Reporting verbs and phrases, compiled (see :func:`load_cues`).

    Attributes
    ----------
    verb : re.Pattern
        Any reporting-verb form, lower case, as whole words.
    statement : re.Pattern
        Verbs that introduce a statement before a colon (``sent``, ``issued``).
    phrase : re.Pattern
        Phrases followed by the source (``according to``), either case first letter.
    forms : frozenset of str
        Every single-word form, for the speaker grammar.
    source : str
        The file the cues came from, for messages.
    """

    verb: re.Pattern
    statement: re.Pattern
    phrase: re.Pattern
    forms: frozenset
    source: str

    def is_participle(self, cue: str) -> bool:
        """True for ``adding``/``citing``: a cue with no subject of its own."""
        return cue.split()[0].endswith("ing")

    def find(self, text: str, start: int, end: int, *, statement: bool = False) -> list:
        """Return the cue matches in ``text[start:end]`` that are used as verbs.

        A form after a determiner or possessive is a noun (``in a tweet``,
        ``Trump’s claim``); a past participle after a form of *be* is passive
        (``had been warned``, ``was told``) and names no speaker before it.

        Examples
        --------
        >>> t = "In a tweet, she said he was told to leave."
        >>> [m.group() for m in load_cues().find(t, 0, len(t))]
        ['said']
        """
        pattern = self.statement if statement else self.verb
        found = []
        for match in pattern.finditer(text, start, end):
            before = _PREVIOUS_WORD.search(text, max(0, match.start() - 40), match.start())
            previous = before.group(1).lower().replace("’", "'") if before else ""
            if previous in _DETERMINERS or previous.endswith(("'s", "s'")):
                continue
            if previous in _BE and not self.is_participle(match.group()):
                continue
            found.append(match)
        return found


def load_cues(source: str | Path | None = None) -> Cues:
    """Read reporting verbs and phrases from ``source`` (default: the shipped file).

    Parameters
    ----------
    source : str or Path, optional
        A YAML file with ``verbs`` and ``statement_verbs`` (lemma -> list of
        forms) and ``source_phrases`` (list), like the shipped
        ``reporting_verbs.yaml``.

    Raises
    ------
    LexiconError
        Naming the file and the entry that is malformed.

    Examples
    --------
    >>> cues = load_cues()
    >>> bool(cues.verb.search("the letter states")), bool(cues.verb.search("United States"))
    (True, False)
    """
    path = Path(source) if source is not None else shipped_path("reporting_verbs.yaml")
    data = read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("verbs"), dict):
        raise LexiconError(
            f"{path}: expected a mapping with 'verbs:' (lemma -> list of forms); "
            "copy the structure of the shipped reporting_verbs.yaml"
        )
    verbs = _forms(data["verbs"], path, "verbs")
    statement = _forms(data.get("statement_verbs") or {}, path, "statement_verbs")
    phrases = data.get("source_phrases") or []
    if not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
        raise LexiconError(f"{path}: 'source_phrases' must be a list of phrases, e.g. - according to")
    phrase_alternatives = [
        f"[{p[0].upper()}{p[0].lower()}]{re.escape(p[1:])}" for p in (q.strip() for q in phrases)
    ]
    return Cues(
        verb=_word_pattern(verbs),
        statement=_word_pattern(statement or ["said"]),
        phrase=re.compile(r"\b(?:" + "|".join(phrase_alternatives or ["according to"]) + r")\b"),
        forms=frozenset(f for f in verbs + statement if " " not in f),
        source=str(path),
    )


def is_pronoun(speaker: str) -> bool:
    """True when the speaker is a bare pronoun (``he``, ``They``).

    Examples
    --------
    >>> is_pronoun("She"), is_pronoun("Shea")
    (True, False)
    """
    return speaker.strip().lower() in _PRONOUNS


def speaker_before(text: str, start: int, end: int, cues: Cues) -> tuple[int, int] | None:
    """Return the span of the subject that ends the region ``text[start:end]``.

    The region is the text between the clause start and a reporting verb.
    Its comma-separated parts are read from the verb backwards: parentheticals
    (``at a Wired conference last month``, ``which was signed ...``) are
    skipped; a part that is wholly a noun phrase is the subject, unless it
    is an appositive set off by commas after another noun phrase (``Andy
    Jassy, CEO of AWS, said`` gives ``Andy Jassy``; ``The world, Fukuyama
    argued`` gives ``Fukuyama``); otherwise the noun phrase that ends the
    part (``Recode reports that Amazon workers``, ``After President Obama``),
    unless that noun phrase is the object of a verb form (``Jane Roe, part
    of the team conducting the survey, told`` gives ``Jane Roe``, not ``the
    survey``).

    Examples
    --------
    >>> t = "When asked, Andy Jassy, CEO of Amazon Web Services, said"
    >>> s, e = speaker_before(t, 0, t.index(" said"), load_cues()); t[s:e]
    'Andy Jassy'
    """
    parts = _segments(text, start, end)
    skipped = 0
    nonempty = [i for i, part in enumerate(parts) if text[part[0]:part[1]].strip()]
    last = nonempty[-1] if nonempty else -1
    for index in range(len(parts) - 1, -1, -1):
        tokens = _tokens(text, *parts[index], cues)
        if not tokens:
            continue
        if tokens[0][3] in _OPENS_PARENTHETICAL:
            skipped += 1
            if skipped > 2:
                break
            continue
        if tokens[0][3] in _SUBORDINATORS:
            if index == last:
                tail = _speaker_match(_strip_edges(tokens[1:]), whole=False)
                if tail:
                    return tail
            skipped += 1
            continue
        tokens = _strip_edges(tokens)
        whole = _speaker_match(tokens, whole=True)
        if whole:
            # An appositive sits between commas ("Andy Jassy, CEO of AWS, said");
            # a part touching the verb is the subject ("The world, Fukuyama argued").
            if index > 0 and index != len(parts) - 1 and tokens[0][2] != "P":
                earlier = _tokens(text, *parts[index - 1], cues)
                if earlier and earlier[0][3] not in _OPENS_PARENTHETICAL | _SUBORDINATORS:
                    name = _speaker_match(_strip_edges(earlier), whole=True)
                    if name:
                        return name
            return whole
        tail = _speaker_match(tokens, whole=False)
        if tail:
            return tail
        skipped += 1
        if skipped > 2:
            break
    return None


def speaker_after(text: str, start: int, end: int, cues: Cues) -> tuple[int, int] | None:
    """Return the span of the speaker that opens ``text[start:end]`` (``said Bezos, ...``).

    Examples
    --------
    >>> t = "states the Complaint letter of Amazon employees, The hills."
    >>> s, e = speaker_after(t, 7, len(t), load_cues()); t[s:e]
    'the Complaint letter of Amazon employees'
    """
    parts = _segments(text, start, end)
    if not parts:
        return None
    tokens = _tokens(text, *parts[0], cues)
    classes = "".join(t[2] for t in tokens)
    match = _SPEAKER.match(classes)
    if not match:
        return None
    return tokens[0][0], tokens[match.end() - 1][1]


def sentence_subject(text: str, start: int, end: int, cues: Cues) -> tuple[int, int] | None:
    """Return the noun phrase that opens the first clause of ``text[start:end]``.

    Used for participle cues (``..., citing "..."``), whose subject is the
    subject of the sentence; clauses that do not open with a noun phrase
    (``In June``, ``excerpted from ...``) are skipped.

    Examples
    --------
    >>> t = "In June, hundreds of Amazon employees signed a letter, citing"
    >>> s, e = sentence_subject(t, 0, len(t), load_cues()); t[s:e]
    'hundreds of Amazon employees'
    """
    for part in _segments(text, start, end):
        tokens = _tokens(text, *part, cues)
        if not tokens or tokens[0][2] in "XT":
            continue
        classes = "".join(t[2] for t in tokens)
        match = _SPEAKER.match(classes)
        if match:
            return tokens[0][0], tokens[match.end() - 1][1]
    return None


# -- helpers -----------------------------------------------------------------


def _forms(mapping, path: Path, key: str) -> list[str]:
    if not isinstance(mapping, dict):
        raise LexiconError(f"{path}: {key!r} must map each lemma to a list of forms")
    forms: list[str] = []
    for lemma, values in mapping.items():
        if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
            raise LexiconError(
                f"{path}: {key}: {lemma!r} must be a list of forms, e.g. {lemma}: [{lemma}, {lemma}s]"
            )
        forms += [" ".join(v.lower().split()) for v in values]
    return forms


def _word_pattern(forms: list[str]) -> re.Pattern:
    # Case-sensitive on purpose: "States" in "United States" is not a cue.
    ordered = sorted(set(forms), key=len, reverse=True)
    return re.compile(r"(?<![\w’'-])(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in ordered) + r")(?![\w’'-])")


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    parts, cursor = [], start
    for match in _SEGMENT_BREAK.finditer(text, start, end):
        parts.append((cursor, match.start()))
        cursor = match.end()
    parts.append((cursor, end))
    return parts


def _tokens(text: str, start: int, end: int, cues: Cues) -> list[tuple[int, int, str]]:
    words = ((s + start, e + start, text[s + start:e + start]) for s, e in word_spans(text[start:end]))
    return [(s, e, _word_class(w, cues), w.lower()) for s, e, w in words]


def _word_class(word: str, cues: Cues) -> str:
    lower = word.lower().replace("’", "'")
    if lower in _PRONOUNS:
        return "P"
    if lower in _STOP or lower in cues.forms:
        return "X"
    if lower in _TIME:
        return "T"
    if lower == "of":
        return "O"
    if lower in _DETERMINERS:
        return "D"
    if word[0].isupper():
        return "N"
    if lower in _HEADS:
        return "H"
    return "M"


def _strip_edges(tokens: list) -> list:
    # Drop conjunctions before a subject ("and Bezos") and auxiliaries, time
    # words and stray determiners after it ("Amazon has", "staff this week").
    while tokens and tokens[0][2] == "X":
        tokens = tokens[1:]
    while tokens and tokens[-1][2] in "XTD":
        tokens = tokens[:-1]
    return tokens


def _takes_object(token) -> bool:
    word = token[3]
    return word in _OPENS_PARENTHETICAL or (token[2] == "M" and len(word) > 4 and word.endswith(("ing", "ed")))


def _speaker_match(tokens: list, *, whole: bool) -> tuple[int, int] | None:
    if not tokens:
        return None
    classes = "".join(t[2] for t in tokens)
    if whole:
        match = _SPEAKER.fullmatch(classes)
    else:
        match = _SPEAKER_AT_END.search(classes)
        # An object of a preposition ("a lawyer at the ACLU") or of a verb form
        # ("part of the team conducting the survey") is not a subject.
        if match and match.start() > 0 and _takes_object(tokens[match.start() - 1]):
            return None
    if not match or match.start() == match.end():
        return None
    return tokens[match.start()][0], tokens[match.end() - 1][1]
