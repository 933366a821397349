"""Find every mention of a target (Amazon by default), sentence by sentence.

Stance is judged where the target is mentioned, so the first step is to find
those places. :func:`find_mentions` reads the target's aliases from a targets
file (:mod:`coverage.stance.targets`) and returns one row per mention with offsets
into the *sentence* text, ready for the stance classifier.

What counts as a mention, exactly:

* a proper name or product of the target ("Amazon", "AWS", "Rekognition"),
  as whole words, longest alias first, so "Amazon Web Services" is one
  mention; an alias in capitals only ("AWS", "ICE") must match exactly,
  any other in any case;
* a name of an affiliate (its leaders: "Bezos", "Jassy"), as ``group``
  ``"affiliate"``, unless ``affiliates=False``;
* a generic phrase ("the company", "the tech giant") only when the most
  recent proper name before it - earlier in the same sentence, or in the two
  sentences before it in the same article - belongs to the target (name,
  product or affiliate) rather than to another target of the file or to one
  of its ``other_companies``.

Blind spots: pronouns ("it", "its") and unlisted phrasings ("our company",
"the firm") are never mentions; a company missing from ``other_companies``
can hand its "the company" to the target; "Amazon employees" is a mention of
Amazon although the sentence may be about the employees (``modifier`` marks
such mentions so an analysis can set them apart).
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pandas as pd

from coverage.errors import CorpusWarning, LexiconError
from coverage.schema import require_columns
from coverage.stance.targets import TargetFile, load_targets
from coverage.text.tokens import WORD_RE

__all__ = ["MENTION_COLUMNS", "GROUPS", "find_mentions"]

#: Columns of the table returned by :func:`find_mentions`.
MENTION_COLUMNS = ("article_id", "sentence_id", "start", "end", "mention",
                   "target", "group", "kind", "modifier")

#: Values of ``group``: the target itself or one of its affiliates.
GROUPS = ("target", "affiliate")

#: How many sentences back a generic phrase looks for the name it stands for.
_LOOKBACK = 2

_KINDS = {"names": "name", "products": "product", "affiliates": "affiliate"}


def find_mentions(
    sentences: pd.DataFrame,
    *,
    target: str = "amazon",
    targets_file: str | Path | None = None,
    affiliates: bool = True,
) -> pd.DataFrame:
    """Return one row per mention of ``target`` in the sentence table.

    Parameters
    ----------
    sentences : pandas.DataFrame
        Needs ``article_id``, ``sentence_id`` and ``text``; sentences are
        read in ``sentence_id`` order within each article (the order matters
        for generic phrases).
    target : str, default "amazon"
        Key of the target in the targets file.
    targets_file : str or Path, optional
        A targets file laid out like the shipped ``targets.yaml``.
    affiliates : bool, default True
        Whether mentions of the target's affiliates (leaders) are returned.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`MENTION_COLUMNS`: ``start``/``end`` are offsets into
        the sentence's ``text``; ``mention`` is the matched text; ``target``
        the key; ``group`` ``"target"`` or ``"affiliate"``; ``kind``
        ``"name"``, ``"product"``, ``"generic"`` or ``"affiliate"``;
        ``modifier`` is True when a name is directly followed by a word of
        the file's ``modifier_nouns`` ("Amazon employees").

    Raises
    ------
    LexiconError
        When the targets file is malformed or has no target ``target``.

    Examples
    --------
    >>> s = pd.DataFrame({"article_id": ["a", "a"], "sentence_id": [0, 1],
    ...     "text": ["Workers criticised Amazon.", "The company said nothing."]})
    >>> find_mentions(s)[["sentence_id", "start", "mention", "kind"]].values.tolist()
    [[0, 19, 'Amazon', 'name'], [1, 0, 'The company', 'generic']]
    """
    require_columns(sentences, ["article_id", "sentence_id", "text"], func="find_mentions")
    tf = load_targets(targets_file)
    if target not in tf.targets:
        raise LexiconError(f"{tf.source}: no target {target!r}; the file defines "
                           f"{', '.join(tf.targets)}; pick one or add it to the file")
    lookup, pattern = _proper_names(tf, target)
    generic = _generic_pattern(tf.targets[target].generic)
    modifiers = {w.casefold() for w in tf.modifier_nouns}

    table = sentences[["article_id", "sentence_id", "text"]]
    missing = table["text"].isna()
    if missing.any():
        warnings.warn(f"find_mentions: skipped {int(missing.sum())} sentence(s) without text",
                      CorpusWarning, stacklevel=2)
        table = table[~missing]
    # Keep articles in the order they come; sentences in reading order.
    order = {a: i for i, a in enumerate(pd.unique(table["article_id"]))}
    table = table.assign(_a=table["article_id"].map(order)).sort_values(["_a", "sentence_id"], kind="stable")

    rows = []
    for _, article in table.groupby("_a", sort=True):
        rows += _article_mentions(article, target, lookup, pattern, generic, modifiers, affiliates)
    out = pd.DataFrame(rows, columns=list(MENTION_COLUMNS))
    return out.astype({"start": "int64", "end": "int64", "sentence_id": "int64", "modifier": "bool",
                       "mention": "str", "target": "str", "group": "str", "kind": "str"})


def _article_mentions(article, target, lookup, pattern, generic, modifiers, affiliates) -> list[tuple]:
    rows = []
    history: list[tuple[int, str]] = []  # (sentence number in article, owner of a proper name)
    for n, (article_id, sentence_id, text) in enumerate(
            article[["article_id", "sentence_id", "text"]].itertuples(index=False)):
        found = [(m.start(), m.end(), "proper") for m in pattern.finditer(text)] if pattern else []
        if generic is not None:
            found += [(m.start(), m.end(), "generic") for m in generic.finditer(text)]
        for start, end, how in sorted(found):
            surface = text[start:end]
            if how == "generic":
                # The last proper name of the lookback window is the last one named (history is in reading
                # order): looking back through all of them was quadratic in a long article.
                if history and history[-1][0] >= n - _LOOKBACK and history[-1][1] == target:
                    rows.append((article_id, sentence_id, start, end, surface, target,
                                 "target", "generic", False))
                continue
            owner, kind = lookup[_fold(surface)]
            history.append((n, owner))
            if owner != target or (kind == "affiliate" and not affiliates):
                continue
            group = "affiliate" if kind == "affiliate" else "target"
            rows.append((article_id, sentence_id, start, end, surface, target, group, kind,
                         kind != "affiliate" and _next_word(text, end) in modifiers))
    return rows


def _proper_names(tf: TargetFile, target: str) -> tuple[dict[str, tuple[str, str]], re.Pattern | None]:
    # Every proper name of every target, plus other companies, so that a
    # generic phrase can tell whose name came last.
    lookup: dict[str, tuple[str, str]] = {}
    for key, t in tf.targets.items():
        for field, kind in _KINDS.items():
            for alias in getattr(t, field):
                lookup.setdefault(_fold(alias), (key, kind))
    for name in tf.other_companies:
        lookup.setdefault(_fold(name), ("(other)", "name"))
    aliases = {alias for t in tf.targets.values() for f in _KINDS for alias in getattr(t, f)}
    aliases |= set(tf.other_companies)
    if not aliases:
        return lookup, None
    return lookup, re.compile("|".join(_alias_regex(a) for a in _longest_first(aliases)))


def _generic_pattern(phrases) -> re.Pattern | None:
    if not phrases:
        return None
    # "the company-wide walkout" is not "the company".
    return re.compile("|".join(f"(?i:{_words_regex(p)})(?!-\\w)" for p in _longest_first(phrases)))


def _alias_regex(alias: str) -> str:
    body = _words_regex(alias)
    exact = alias.upper() == alias and any(c.isalpha() for c in alias)
    return body if exact else f"(?i:{body})"


def _words_regex(alias: str) -> str:
    # Whole words; any run of whitespace (a line break too) between them.
    words = alias.split()
    return r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)"


def _longest_first(aliases) -> list[str]:
    return sorted(set(aliases), key=lambda a: (-len(a), a))


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _next_word(text: str, end: int) -> str:
    rest = text[end:]
    if not rest[:1].isspace():
        return ""
    m = WORD_RE.match(rest.lstrip())
    return m.group().casefold() if m else ""
