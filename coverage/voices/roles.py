"""Speaker roles: which side a quoted source speaks for.

The shipped, editable ``roles.yaml`` maps words and phrases to roles
(``company``, ``employees``, ``civil_rights``, ``government``, ``media``,
``other``); the longest entry found in a speaker decides its role, and a job
title (``spokesperson``) takes the role of the organisation named with it.

Blind spots: a speaker named only by a pronoun has no words to match (the
quotation extractor lends it the role of the nearest named speaker); an
organisation missing from the file is ``other``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from coverage.errors import LexiconError
from coverage.resources import read_yaml, shipped_path

__all__ = ["ROLES", "Roles", "load_roles", "assign_role"]

#: Every value of a quotation's ``role``; the last two are never in a roles file.
ROLES = ("company", "employees", "civil_rights", "government", "media", "other", "unattributed")

_HEAD_END = re.compile(r"\s(?:of|by|from|at|in|with|who|which|obtained|for)\s|,", re.IGNORECASE)


@dataclass(frozen=True)
class Roles:
    """Speaker words mapped to roles (see :func:`load_roles`).

    Attributes
    ----------
    terms : dict
        Lower-case word or phrase -> role.
    pattern : re.Pattern
        All terms as whole words, longest first.
    titles : dict
        Job titles (``spokesperson``) -> the role they take when no
        organisation is named with them.
    title_pattern : re.Pattern
        All titles as whole words.
    source : str
        The file the roles came from, for messages.
    """

    terms: dict
    pattern: re.Pattern
    titles: dict
    title_pattern: re.Pattern
    source: str


def load_roles(source: str | Path | None = None) -> Roles:
    """Read the speaker-to-role file ``source`` (default: the shipped ``roles.yaml``).

    Parameters
    ----------
    source : str or Path, optional
        A YAML file ``roles: {role: [word or phrase, ...]}`` whose roles are
        among ``company, employees, civil_rights, government, media, other``.

    Raises
    ------
    LexiconError
        Naming the file and the role or entry that is malformed or repeated.

    Examples
    --------
    >>> load_roles().terms["aclu"]
    'civil_rights'
    """
    path = Path(source) if source is not None else shipped_path("roles.yaml")
    data = read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("roles"), dict):
        raise LexiconError(
            f"{path}: expected a mapping 'roles:' of role -> list of words; "
            "copy the structure of the shipped roles.yaml"
        )
    allowed = ROLES[:-1]
    terms: dict[str, str] = {}
    for role, entries in data["roles"].items():
        if role not in allowed:
            raise LexiconError(
                f"{path}: role {role!r} is not one of {', '.join(allowed)}; rename it"
            )
        if not isinstance(entries, list):
            raise LexiconError(f"{path}: role {role!r} must hold a list of words (- word)")
        for entry in entries:
            if not isinstance(entry, str) or not entry.strip():
                raise LexiconError(
                    f"{path}: role {role!r} has entry {entry!r}, which is not a word or phrase; "
                    "write it as text"
                )
            term = _normalise(entry)
            if term in terms and terms[term] != role:
                raise LexiconError(
                    f"{path}: entry {entry!r} is listed under both {terms[term]!r} and {role!r}; "
                    "keep it in one role"
                )
            terms[term] = role
    titles = _titles(data.get("titles") or {}, terms, path)
    return Roles(terms=terms, pattern=_phrase_pattern(terms), titles=titles,
                 title_pattern=_phrase_pattern(titles), source=str(path))


def assign_role(speaker: str, roles: Roles, *, context: str = "") -> str:
    """Return the role of ``speaker``: the role of the longest roles entry it contains.

    The speaker's head (the words before ``of``/``by``/``obtained``/... or a
    comma) is searched first, then the whole speaker, then ``context`` (the
    rest of the attribution, e.g. ``in the letter``). A job title of the
    roles file (``spokesperson``) takes the role of the organisation named
    with it (``ICE spokesperson``, ``a spokesperson for the ACLU``), else its
    own. A speaker that matches nothing is ``other``; an empty speaker is
    ``unattributed``.

    Examples
    --------
    >>> roles = load_roles()
    >>> [assign_role(s, roles) for s in ("an Amazon employee", "Amazon spokesperson Kathleen Rohde",
    ...  "the public documents obtained by the Project on Government Oversight", "", "Ms Smith")]
    ['employees', 'company', 'other', 'unattributed', 'other']
    """
    if not speaker or not speaker.strip():
        return "unattributed"
    title = [m.group() for m in roles.title_pattern.finditer(_normalise(speaker))]
    if title:
        return _longest_role(speaker, roles) or roles.titles[max(title, key=len)]
    head = _HEAD_END.split(speaker, maxsplit=1)[0]
    for area in (head, speaker, context):
        role = _longest_role(area, roles)
        if role:
            return role
    return "other"



# -- helpers -----------------------------------------------------------------


def _normalise(text: str) -> str:
    return " ".join(text.replace("’", "'").lower().split())


def _titles(mapping, terms: dict, path: Path) -> dict:
    if not isinstance(mapping, dict):
        raise LexiconError(f"{path}: 'titles' must map each job title to a role, e.g. spokesperson: company")
    titles = {}
    for title, role in mapping.items():
        if role not in ROLES[:-1]:
            raise LexiconError(f"{path}: title {title!r} has role {role!r}, which is not one of "
                               f"{', '.join(ROLES[:-1])}; fix the role")
        if _normalise(str(title)) in terms:
            raise LexiconError(f"{path}: {title!r} is both a title and an entry of role "
                               f"{terms[_normalise(str(title))]!r}; keep it in one place")
        titles[_normalise(str(title))] = role
    return titles


def _phrase_pattern(phrases) -> re.Pattern:
    ordered = sorted(phrases, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, ordered or ["\0"])) + r")\b")


def _longest_role(area: str, roles: Roles) -> str | None:
    found = [m.group() for m in roles.pattern.finditer(_normalise(area))]
    if not found:
        return None
    return roles.terms[max(found, key=len)]
