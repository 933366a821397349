"""The clause and grammatical role of a target mention, from a shallow parse.

"Employees condemned Amazon" and "Amazon condemned the leak" share their
words; what differs is the role of the target: object of "condemned" in the
first, its subject in the second. :func:`role_words` reads that role from the
words next to the mention, tagged with parts of speech by TextBlob's pattern
tagger (which ships its lexicon and works offline), and :func:`clause_words`
returns the clause that holds the mention, where its predicate usually is.
The closed word classes (negators, forms of "to be", clause openers, ...)
are the shipped ``stance_grammar.yaml``; reporting verbs are those of
``reporting_verbs.yaml``.

Blind spots: this is not a parser. Relative clauses ("X, who was accused,
..."), long noun phrases and tagging errors ("lies" read as a verb) give
wrong roles; coreference is ignored; English only.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from functools import lru_cache

from coverage.voices.speakers import load_cues
from coverage.errors import LexiconError
from coverage.resources import read_yaml, shipped_path
from coverage.text.tokens import words

__all__ = ["GRAMMAR_FILE", "StanceGrammar", "clause_of", "clause_words", "load_stance_grammar", "role_words"]

#: The shipped word lists of the shallow parse.
GRAMMAR_FILE = "stance_grammar.yaml"

_LISTS = ("negators", "be", "auxiliaries", "clause_openers", "pronouns")
# Tokens of the tagger: numbers, words with inner apostrophes or hyphens, single marks.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’\-][^\W\d_]+)*|[^\w\s]")
_CLAUSE_MARKS = frozenset(",;:()—–\"“”?!")
_BEFORE_NOUN = frozenset({"DT", "JJ", "JJR", "JJS", "NNP", "NNPS", "PRP$", "POS", "CD"})


@dataclass(frozen=True)
class StanceGrammar:
    """The closed word classes of the shallow parse (see ``stance_grammar.yaml``)."""

    negators: frozenset
    be: frozenset
    auxiliaries: frozenset
    clause_openers: frozenset
    pronouns: frozenset
    reporting: frozenset
    clause_cut: re.Pattern


@lru_cache(maxsize=1)
def load_stance_grammar() -> StanceGrammar:
    """Read the shipped ``stance_grammar.yaml`` and the reporting verbs, once per process.

    Raises
    ------
    LexiconError
        When a list is missing or holds something other than words.

    Examples
    --------
    >>> g = load_stance_grammar()
    >>> "never" in g.negators, "said" in g.reporting
    (True, True)
    """
    path = shipped_path(GRAMMAR_FILE)
    data = read_yaml(path)
    lists = {}
    for name in _LISTS:
        items = data.get(name) if isinstance(data, dict) else None
        if not isinstance(items, list) or not items or not all(isinstance(w, str) and w.strip() for w in items):
            raise LexiconError(f"{path}: '{name}' must be a non-empty list of words; "
                               "restore it from the kit's repository")
        lists[name] = frozenset(w.strip().lower() for w in items)
    openers = "|".join(sorted(map(re.escape, lists["clause_openers"])))
    # A clause ends at punctuation, a spaced hyphen, or before an opener word.
    cut = re.compile(rf"[,;:()\u2014\u2013]|\s-\s|\b(?:{openers})\b", re.IGNORECASE)
    return StanceGrammar(**lists, reporting=load_cues().forms, clause_cut=cut)


def clause_of(text: str, start: int, end: int) -> str:
    """Return the clause holding the mention ``text[start:end]``, without the mention.

    Examples
    --------
    >>> clause_of("Critics say Amazon cut jobs, but it grew.", 12, 18)
    'Critics say   cut jobs'
    """
    cuts = [0, *(m.start() for m in load_stance_grammar().clause_cut.finditer(text)), len(text)]
    a = max(c for c in cuts if c <= start)
    b = min(c for c in cuts if c >= end)
    return f"{text[a:start]} {text[end:b]}"


def clause_words(text: str, start: int, end: int) -> str:
    """Return the words of the clause holding the mention (without it), tagged ``C_``.

    A clause ends at punctuation (, ; : dashes, brackets) and before the
    clause openers of ``stance_grammar.yaml`` ("but", "while", "because",
    "and", "who", "which", "that", ...).

    Examples
    --------
    >>> clause_words("Critics say Amazon cut jobs, but it grew.", 12, 18)
    'C_critics C_say C_cut C_jobs'
    """
    return " ".join("C_" + w for w in words(clause_of(text, start, end)))


def role_words(text: str, start: int, end: int) -> str:
    """Return the grammatical role of the mention as tags, from a shallow parse.

    The sentence is tagged with parts of speech and the words next to the
    mention inside its clause are read:

    * ``SUBJ_<verb>``: a verb follows (skipping modals, adverbs, "has",
      "did"): "Amazon *cut* jobs"; ``SPEAKER`` if the verb is a reporting verb
      ("said", "told", ...);
    * ``PASS_<participle>``: "Amazon was *accused*"; ``COP_<word>``: "Amazon
      is a *monopoly*"; ``POSS_<noun>``: "Amazon's *profits*";
    * ``OBJ_<verb>``: a verb precedes (skipping articles, adjectives, titles):
      "critics *slammed* Amazon";
    * ``PREP_<preposition>`` and ``HEAD_<preposition>_<word>``: "criticism of
      Amazon" gives ``HEAD_of_criticism``; ``AGENT_<participle>`` for "fined
      by Amazon"; "according to Amazon" is ``SPEAKER``;
    * ``NEG_`` before a role negated ("Amazon did not *win*"),
      ``CLAUSENEG`` for any negation in the clause, ``SENTSUBJ`` when no verb
      precedes the mention in the sentence, ``SAYS_NEAR`` for a reporting verb
      up to three words after it.

    Each role also appears without its word (``SUBJ``, ``OBJ``, ...), so a
    verb unseen in training still tells the role.

    Examples
    --------
    >>> role_words("Amazon was accused of firing workers.", 0, 6)
    'PASS PASS_accused SENTSUBJ'
    >>> role_words("Critics slammed Amazon.", 16, 22)
    'OBJ OBJ_slammed'
    """
    g = load_stance_grammar()
    toks = _tagged(text)
    inside = [i for i, (a, b, _, _) in enumerate(toks) if a < end and b > start]
    if not inside:
        return ""
    first, last = inside[0], inside[-1]
    lo, hi = first, last
    while lo > 0 and not _is_boundary(toks[lo - 1], g):
        lo -= 1
    while hi < len(toks) - 1 and not _is_boundary(toks[hi + 1], g):
        hi += 1
    out = _right_role(toks, last, hi, g) + _left_role(toks, first, lo, g)
    if not any(t.startswith("VB") for *_, t in toks[:first]):
        out.append("SENTSUBJ")
    if any(w in g.negators for _, _, w, _ in toks[lo:hi + 1]):
        out.append("CLAUSENEG")
    if any(w in g.reporting for _, _, w, _ in toks[last + 1:min(hi + 1, last + 4)]):
        out.append("SAYS_NEAR")
    return " ".join(out)


@lru_cache(maxsize=4096)
def _tagged(text: str) -> tuple[tuple[int, int, str, str], ...]:
    """(start, end, normalised word, part-of-speech tag) of each token; "’s" and "n't" split off."""
    spans = []
    for m in _TOKEN.finditer(text):
        a, b, w = m.start(), m.end(), m.group()
        cut = 2 if len(w) > 2 and w[-2] in "'’" and w[-1] in "sS" else (
            3 if len(w) > 3 and w.lower().endswith(("n't", "n’t")) else 0)
        spans += [(a, b - cut, w[:-cut]), (b - cut, b, w[-cut:])] if cut else [(a, b, w)]
    if not spans:
        return ()
    tags = _tagger().tag(" ".join(w for *_, w in spans), tokenize=False)
    norm = [w.lower().replace("’", "'") for *_, w in spans]
    return tuple((a, b, "not" if w == "n't" else w, t) for (a, b, _), w, (_, t) in zip(spans, norm, tags))


@lru_cache(maxsize=1)
def _tagger():
    # Built on first use, not at import: it reads TextBlob's shipped lexicon.
    # TextBlob's loader leaves those files open (a ResourceWarning that is
    # theirs, not the user's): load them now, with that warning silenced.
    from textblob.en.taggers import PatternTagger

    tagger = PatternTagger()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        tagger.tag("Critics said it", tokenize=False)
    return tagger


def _is_boundary(tok, g: StanceGrammar) -> bool:
    return tok[2] in _CLAUSE_MARKS or tok[2] in g.clause_openers


def _right_role(toks, last: int, hi: int, g: StanceGrammar) -> list[str]:
    """Role read from the words after the mention: possessor, subject, passive or copula."""
    j = last + 1
    if j < len(toks) and toks[j][2] == "'s":  # possessive: the noun it owns
        k = j + 1
        while k < len(toks) and toks[k][3] in ("JJ", "JJR", "JJS", "RB", "CD"):
            k += 1
        return ["POSS", "POSS_" + toks[k][2]] if k < len(toks) and toks[k][2][:1].isalpha() else []
    neg = False
    while j <= hi and (toks[j][3] in ("MD", "RB") or toks[j][2] in g.negators or toks[j][2] in g.auxiliaries):
        neg |= toks[j][2] in g.negators
        j += 1
    if j > hi:
        return []
    word, tag = toks[j][2], toks[j][3]
    out = []
    if word in g.be:
        k = j + 1
        while k <= hi and (toks[k][3] == "RB" or toks[k][2] in g.negators or toks[k][2] in g.be):
            neg |= toks[k][2] in g.negators
            k += 1
        tag2 = toks[k][3] if k <= hi else ""
        if tag2 == "VBN":
            out = ["PASS", "PASS_" + toks[k][2]]
        elif tag2.startswith(("JJ", "NN")) or tag2 == "DT":
            while k <= hi and toks[k][3] in ("DT", "RB"):
                k += 1
            out = ["COP", "COP_" + toks[k][2]] if k <= hi else []
        elif tag2 == "VBG":
            out = ["SUBJ", "SUBJ_" + toks[k][2]]
    elif tag.startswith("VB"):
        out = ["SUBJ", "SUBJ_" + word] + (["SPEAKER"] if word in g.reporting else [])
    return out + (["NEG_" + r for r in out] if neg else [])


def _left_role(toks, first: int, lo: int, g: StanceGrammar) -> list[str]:
    """Role read from the words before the mention: object, preposition and its head."""
    k = first - 1
    while k >= lo and toks[k][3] in _BEFORE_NOUN:
        k -= 1
    if k < lo:
        return []
    word, tag = toks[k][2], toks[k][3]
    if tag.startswith("VB"):
        return ["OBJ", "OBJ_" + word] + (["NEG_OBJ_" + word] if k > lo and toks[k - 1][2] in g.negators else [])
    if tag not in ("IN", "TO"):
        return []
    out = ["PREP_" + word]
    h = k - 1
    while h >= lo and toks[h][3] in ("DT", "JJ", "RB"):
        h -= 1
    if h >= lo and toks[h][3].startswith(("NN", "VB", "JJ")):
        out.append(f"HEAD_{word}_{toks[h][2]}")
        if word == "by" and toks[h][3] == "VBN":
            out += ["AGENT", "AGENT_" + toks[h][2]]
    if word == "to" and k > 0 and toks[k - 1][2] == "according":
        out.append("SPEAKER")
    return out
