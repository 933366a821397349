"""Reading and checking a frame lexicon: terms, exclusions and the sense rules a file can state.

A frame lexicon is a YAML file (the shipped one is ``coverage/data/frames.yaml``)
or a table. The oldest layout still loads unchanged::

    frames:
      surveillance: [surveil*, privacy]
      safety:
        terms: [public safety]
    exclude: [american civil liberties union]

and means what it always meant: every match counts, except inside an
excluded phrase. A file may also state *sense rules*, each shown in the
evidence table (``kwic(..., excluded=True)``) when it decides a match:

``groups:``
    Named word lists, reused by ``near:`` (``technology: [face recognition, camera*]``).
``rules: {names: exclude, within: 8}``
    ``names: exclude`` -- a frame word inside a Title Case name ("Orlando
    Safety Video Proof of Concept", "Homeland Security Investigations") is not
    counted; a term may opt out with ``names: count``. ``within`` is the
    default distance of ``near:`` conditions, in words.
A term written as a mapping (``- term: identif*``) with
    ``near: technology`` (a group, or a list of terms and groups) and
    optionally ``within: 6`` -- counted only when one of those words occurs
    in the same clause at most that many words away; ``counts_as: {frame:
    surveillance, near: concession}`` -- counted for the other frame when
    near those words (a conceded or negated benefit: "the safety of the
    public if the technology is misused").
``exclude:`` as a mapping of reasons to lists
    (``names: [...]``, ``senses: [security camera*]``); the reason is shown
    in the evidence.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from coverage.errors import LexiconError
from coverage.resources import describe_source, read_yaml, shipped_path
from coverage.schema import require_columns
from coverage.text.terms import WORD_SPLIT, term_regex

__all__ = ["FRAMES_FILE", "LEXICON_COLUMNS", "DEFAULT_WITHIN", "load_frame_lexicon", "frame_names"]

#: The shipped frame lexicon, in ``coverage/data/``.
FRAMES_FILE = "frames.yaml"
#: Distance in words of a ``near:`` condition when the file does not say.
DEFAULT_WITHIN = 8
#: Columns of a loaded lexicon, in order (see :func:`load_frame_lexicon`).
LEXICON_COLUMNS = ("frame", "term", "exclude", "near", "near_label", "within",
                   "counts_as", "as_near", "as_label", "as_within", "names")

_FRAME_NAME = re.compile(r"[a-z][a-z0-9_]*\Z")
_TOP_KEYS = ("frames", "exclude", "groups", "rules")
_TERM_KEYS = ("term", "near", "within", "counts_as", "names")
_RULE_KEYS = ("names", "within")
_LABEL_ITEMS = 3
# Reasons of the exclude mapping, as the evidence table words them.
_REASON = {"names": "name", "senses": "sense"}


def load_frame_lexicon(source=None) -> pd.DataFrame:
    """Read and check a frame lexicon.

    Parameters
    ----------
    source : str, Path or DataFrame, optional
        A YAML file laid out like the shipped ``frames.yaml`` (see the module
        notes), or a table with columns ``frame`` and ``term`` (missing frame
        = exclusion). Defaults to the shipped lexicon.

    Returns
    -------
    pandas.DataFrame
        One row per term or exclusion, in file order, with
        :data:`LEXICON_COLUMNS`: ``frame`` (missing for exclusions), ``term``,
        ``exclude`` (the reason of an exclusion: ``"name"``, ``"sense"``, or
        ``"exclude list"`` for a plain list), ``near`` (tuple of terms the
        match must be near, or None), ``near_label`` (how the evidence names
        them), ``within`` (words), ``counts_as`` / ``as_near`` /
        ``as_label`` / ``as_within`` (the other frame a match counts for
        when near those words) and ``names`` (True when the Title Case name
        rule applies to the term).

    Raises
    ------
    LexiconError
        One line naming the file and the entry: bad YAML, a missing or empty
        frame, a term in two frames, a term that is not text, a bad ``*``, an
        unknown key, group or frame in a rule.

    Examples
    --------
    >>> lex = load_frame_lexicon()
    >>> frame_names(lex)
    ['surveillance', 'safety']
    >>> "racial profil*" in set(lex.loc[lex["frame"] == "surveillance", "term"])
    True
    >>> lex.set_index("term").loc["security camera*", "exclude"]
    'sense'
    """
    if isinstance(source, pd.DataFrame):
        require_columns(source, ["frame", "term"], func="load_frame_lexicon")
        if all(c in source.columns for c in LEXICON_COLUMNS):
            return source[list(LEXICON_COLUMNS)].copy()  # already loaded: keep its rules
        frames: dict = {}
        exclude = []
        for frame, term in zip(source["frame"], source["term"]):
            if pd.isna(frame):
                exclude.append(term)
            else:
                frames.setdefault(frame, []).append(term)
        return _parse({"frames": frames, "exclude": exclude}, where="lexicon table")
    path = shipped_path(FRAMES_FILE) if source is None else Path(source)
    return _parse(read_yaml(path), where=describe_source(path))


def frame_names(lexicon: pd.DataFrame) -> list[str]:
    """Return the frame names of a loaded lexicon, in file order.

    Examples
    --------
    >>> frame_names(pd.DataFrame({"frame": ["b", "a", None], "term": ["x", "y", "z"]}))
    ['b', 'a']
    """
    return list(dict.fromkeys(lexicon["frame"].dropna()))


def _parse(data, *, where: str) -> pd.DataFrame:
    """Check a lexicon's structure; return its table of terms and rules."""
    if not isinstance(data, dict) or not isinstance(data.get("frames"), dict) or not data["frames"]:
        found = "nothing" if data is None else type(data).__name__
        raise LexiconError(
            f"{where}: expected a 'frames:' mapping of frame names to term lists; found {found}; "
            "copy the layout of coverage/data/frames.yaml"
        )
    for key in data:
        if key not in _TOP_KEYS:
            raise LexiconError(f"{where}: unknown top-level key {key!r}; use {', '.join(map(repr, _TOP_KEYS))}")
    rules = _rules(data.get("rules"), where=where)
    groups = _groups(data.get("groups"), where=where)
    names_of_frames = [n for n in data["frames"]]
    rows, seen = [], {}
    for name, spec in data["frames"].items():
        if not isinstance(name, str) or not _FRAME_NAME.match(name):
            raise LexiconError(
                f"{where}: frame name {name!r} must be lowercase letters, digits or '_' "
                "(it becomes a column name), e.g. 'surveillance'"
            )
        terms = spec.get("terms") if isinstance(spec, dict) else spec
        if not terms:
            raise LexiconError(f"{where}: frame {name!r} has no terms; add at least one under 'terms:' or remove the frame")
        if not isinstance(terms, list):
            raise LexiconError(f"{where}: the terms of frame {name!r} must be a list ('- term' lines); found {type(terms).__name__}")
        for i, entry in enumerate(terms):
            here = f"{where}: term #{i + 1} of frame {name!r}"
            rows.append(_term_row(entry, frame=name, where=here, seen=seen, groups=groups, rules=rules,
                                  frames=names_of_frames))
    for reason, i, term in _exclusions(data.get("exclude"), where=where):
        here = f"{where}: exclude entry #{i + 1}" + ("" if reason == "exclude list" else f" of {reason!r}")
        rows.append({**_plain(None, _check_term(term, where=here, seen=seen, owner="exclude")),
                     "exclude": _REASON.get(reason, reason)})
    table = pd.DataFrame(rows, columns=list(LEXICON_COLUMNS))
    for col in ("frame", "term", "exclude", "near_label", "counts_as", "as_label"):
        table[col] = table[col].astype("string")
    for col in ("within", "as_within"):
        table[col] = table[col].astype("Int64")
    table["names"] = table["names"].astype(bool)
    return table


def _plain(frame, term: str, *, names: bool = False) -> dict:
    return {"frame": frame, "term": term, "exclude": None, "near": None, "near_label": None, "within": None,
            "counts_as": None, "as_near": None, "as_label": None, "as_within": None, "names": names}


def _term_row(entry, *, frame, where, seen, groups, rules, frames) -> dict:
    if not isinstance(entry, dict):
        return _plain(frame, _check_term(entry, where=where, seen=seen, owner=frame), names=rules["names"])
    unknown = [k for k in entry if k not in _TERM_KEYS]
    if unknown:
        raise LexiconError(f"{where}: unknown key {unknown[0]!r}; a term mapping may have {', '.join(_TERM_KEYS)}")
    if "term" not in entry:
        raise LexiconError(f"{where}: a term written as a mapping needs 'term:' (e.g. '- term: identif*')")
    term = _check_term(entry["term"], where=where, seen=seen, owner=frame)
    names = entry.get("names", "exclude" if rules["names"] else "count")
    if names not in ("exclude", "count"):
        raise LexiconError(f"{where} ({term!r}): 'names' must be 'exclude' or 'count'; found {names!r}")
    row = _plain(frame, term, names=names == "exclude")
    if "near" in entry:
        row["near"], row["near_label"] = _near(entry["near"], where=f"{where} ({term!r})", groups=groups)
        row["within"] = _within(entry.get("within", rules["within"]), where=f"{where} ({term!r})")
    elif "within" in entry:
        raise LexiconError(f"{where} ({term!r}): 'within' needs 'near:' beside it; add the words it must be near")
    if "counts_as" in entry:
        spec = entry["counts_as"]
        here = f"{where} ({term!r}) counts_as"
        if not isinstance(spec, dict) or set(spec) - {"frame", "near", "within"} or not {"frame", "near"} <= set(spec):
            raise LexiconError(f"{here}: expected a mapping with 'frame:', 'near:' and optionally 'within:'")
        if spec["frame"] not in frames or spec["frame"] == frame:
            raise LexiconError(f"{here}: frame {spec['frame']!r} must be another frame of this file: "
                               f"{', '.join(f for f in frames if f != frame)}")
        row["counts_as"] = spec["frame"]
        row["as_near"], row["as_label"] = _near(spec["near"], where=here, groups=groups)
        row["as_within"] = _within(spec.get("within", rules["within"]), where=here)
    return row


def _near(value, *, where: str, groups: dict) -> tuple[tuple, str]:
    """Expand a ``near:`` value into its terms and the label the evidence shows."""
    if isinstance(value, str):
        if value not in groups:
            known = ", ".join(groups) or "none defined"
            raise LexiconError(f"{where}: near {value!r} is not a group (groups: {known}); "
                               "define it under 'groups:' or write a list of words")
        return groups[value], value
    if not isinstance(value, list) or not value:
        raise LexiconError(f"{where}: 'near' must be a group name or a non-empty list of words; found {value!r}")
    terms, labels = [], []
    for item in value:
        if isinstance(item, str) and item in groups:
            terms.extend(groups[item])
            labels.append(item)
        else:
            terms.append(_valid(item, where=f"{where}: near"))
            labels.append(repr(item))
    # A long list is named by its first items: the evidence row must stay readable.
    label = ", ".join(labels[:_LABEL_ITEMS]) + (", ..." if len(labels) > _LABEL_ITEMS else "")
    return tuple(dict.fromkeys(terms)), label


def _within(value, *, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise LexiconError(f"{where}: 'within' must be a whole number of words (0 or more); found {value!r}")
    return value


def _rules(value, *, where: str) -> dict:
    rules = {"names": False, "within": DEFAULT_WITHIN}
    if value is None:
        return rules
    if not isinstance(value, dict) or set(value) - set(_RULE_KEYS):
        raise LexiconError(f"{where}: 'rules' must be a mapping with {' and/or '.join(_RULE_KEYS)}; found {value!r}")
    if "names" in value:
        if value["names"] not in ("exclude", "count"):
            raise LexiconError(f"{where}: rules 'names' must be 'exclude' or 'count'; found {value['names']!r}")
        rules["names"] = value["names"] == "exclude"
    if "within" in value:
        rules["within"] = _within(value["within"], where=f"{where}: rules")
    return rules


def _groups(value, *, where: str) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise LexiconError(f"{where}: 'groups' must map group names to lists of words; found {type(value).__name__}")
    out = {}
    for name, words in value.items():
        if not isinstance(words, list) or not words:
            raise LexiconError(f"{where}: group {name!r} must be a non-empty list ('- word' lines)")
        out[name] = tuple(dict.fromkeys(_valid(w, where=f"{where}: group {name!r}") for w in words))
    return out


def _exclusions(value, *, where: str):
    """Yield (reason, index, term) of the exclude list or mapping."""
    if value is None:
        return
    if isinstance(value, list):
        for i, term in enumerate(value):
            yield "exclude list", i, term
        return
    if not isinstance(value, dict):
        raise LexiconError(f"{where}: 'exclude' must be a list ('- phrase' lines) or a mapping of reasons "
                           f"to lists; found {type(value).__name__}")
    for reason, terms in value.items():
        if not isinstance(terms, list):
            raise LexiconError(f"{where}: exclude {reason!r} must be a list ('- phrase' lines); found {type(terms).__name__}")
        for i, term in enumerate(terms):
            yield str(reason), i, term


def _valid(term, *, where: str) -> str:
    try:
        term_regex(term)
    except ValueError as exc:
        raise LexiconError(f"{where} {exc}") from None
    return term.strip()


def _check_term(term, *, where: str, seen: dict, owner: str) -> str:
    term = _valid(term, where=where)
    key = " ".join(p for p in WORD_SPLIT.split(term.lower()) if p)
    if key in seen:
        other = seen[key]
        if other == owner:
            raise LexiconError(f"{where} ({term!r}) is listed twice in {_owner(owner)}; delete one")
        raise LexiconError(
            f"{where} ({term!r}) is also in {_owner(other)}; a term may belong to one frame only"
        )
    seen[key] = owner
    return term


def _owner(owner: str) -> str:
    return "the exclude list" if owner == "exclude" else f"frame {owner!r}"
