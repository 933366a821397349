"""Stance targets: who is looked for, under which names.

A *target* is the actor whose treatment in the news is measured (Amazon by
default). The shipped file ``coverage/data/targets.yaml`` lists its names,
products, generic phrases ("the company") and affiliates (its leaders); a
user's own file with the same layout replaces it, so new targets (Palantir,
ICE, Google) need no code. This module only reads and checks such files;
:func:`coverage.stance.mentions.find_mentions` does the finding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from coverage.errors import LexiconError
from coverage.resources import describe_source, read_yaml, shipped_path

__all__ = ["TARGETS_FILE", "ALIAS_KINDS", "Target", "TargetFile", "load_targets", "get_target"]

#: The shipped targets file, in ``coverage/data/``.
TARGETS_FILE = "targets.yaml"

#: Kinds of alias a target can have, in the order of the file.
ALIAS_KINDS = ("names", "products", "generic", "affiliates")

_KEY = re.compile(r"[a-z][a-z0-9_]*\Z")
_TOP_KEYS = ("targets", "other_companies", "modifier_nouns")
_TARGET_KEYS = ("label",) + ALIAS_KINDS


@dataclass(frozen=True)
class Target:
    """One target: its key, label and aliases (each a tuple of strings)."""

    key: str
    label: str
    names: tuple[str, ...] = ()
    products: tuple[str, ...] = ()
    generic: tuple[str, ...] = ()
    affiliates: tuple[str, ...] = ()


@dataclass(frozen=True)
class TargetFile:
    """A checked targets file.

    Attributes
    ----------
    targets : dict of str to Target
        In the order of the file.
    other_companies : tuple of str
        Names that a generic phrase may refer to instead of a target.
    modifier_nouns : tuple of str
        Words that, right after a target name, make it a modifier
        ("Amazon employees").
    source : str
        The file, as named in messages.
    """

    targets: dict[str, Target]
    other_companies: tuple[str, ...]
    modifier_nouns: tuple[str, ...]
    source: str


def load_targets(source: str | Path | None = None) -> TargetFile:
    """Read and check a targets file.

    Parameters
    ----------
    source : str or Path, optional
        A YAML file laid out like the shipped ``targets.yaml``: a
        ``targets:`` mapping of key to ``label``/``names``/``products``/
        ``generic``/``affiliates``, and optional ``other_companies`` and
        ``modifier_nouns`` lists. Defaults to the shipped file.

    Returns
    -------
    TargetFile

    Raises
    ------
    LexiconError
        One line naming the file and the entry that is malformed, and the fix.

    Examples
    --------
    >>> tf = load_targets()
    >>> tf.targets["amazon"].label, "Bezos" in tf.targets["amazon"].affiliates
    ('Amazon', True)
    """
    path = Path(source) if source is not None else shipped_path(TARGETS_FILE)
    where = describe_source(path)
    data = read_yaml(path)
    if not isinstance(data, dict) or "targets" not in data:
        raise LexiconError(f"{where}: expected a mapping with a 'targets:' key at the top; "
                           "lay the file out like the shipped targets.yaml")
    for key in data:
        if key not in _TOP_KEYS:
            raise LexiconError(f"{where}: unknown top-level key {key!r}; use only {', '.join(_TOP_KEYS)}")
    raw_targets = data["targets"]
    if not isinstance(raw_targets, dict) or not raw_targets:
        raise LexiconError(f"{where}: 'targets' must map each target key to its names; "
                           "add at least one target such as 'amazon:' with 'names:'")
    targets: dict[str, Target] = {}
    owner: dict[str, str] = {}
    for key, spec in raw_targets.items():
        target = _check_target(where, key, spec)
        # Generic phrases ("the company") may be shared: the nearest-name rule
        # decides whom they refer to. Proper names must belong to one target.
        for alias in _proper_aliases(target):
            folded = alias.casefold()
            if folded in owner and owner[folded] != key:
                raise LexiconError(f"{where}: targets.{key}: {alias!r} is also listed under "
                                   f"targets.{owner[folded]}; keep each name under one target")
            owner[folded] = key
        targets[key] = target
    return TargetFile(
        targets=targets,
        other_companies=_string_list(where, "other_companies", data.get("other_companies") or []),
        modifier_nouns=_string_list(where, "modifier_nouns", data.get("modifier_nouns") or []),
        source=where,
    )


def get_target(key: str, source: str | Path | None = None) -> Target:
    """Return the target ``key`` of a targets file (the shipped one by default).

    Raises
    ------
    LexiconError
        When the file has no such target; the message lists those it has.

    Examples
    --------
    >>> get_target("amazon").names[0]
    'Amazon'
    """
    tf = load_targets(source)
    if key not in tf.targets:
        raise LexiconError(f"{tf.source}: no target {key!r}; the file defines "
                           f"{', '.join(tf.targets)}; pick one or add it to the file")
    return tf.targets[key]


def _check_target(where: str, key, spec) -> Target:
    if not isinstance(key, str) or not _KEY.match(key):
        raise LexiconError(f"{where}: target key {key!r} must be lower-case letters, digits "
                           "or _ (e.g. amazon, palantir); rename it")
    if not isinstance(spec, dict):
        raise LexiconError(f"{where}: targets.{key}: expected a mapping with 'names:'; "
                           f"found {type(spec).__name__}")
    for field in spec:
        if field not in _TARGET_KEYS:
            raise LexiconError(f"{where}: targets.{key}: unknown key {field!r}; "
                               f"use only {', '.join(_TARGET_KEYS)}")
    lists = {kind: _string_list(where, f"targets.{key}.{kind}", spec.get(kind) or [])
             for kind in ALIAS_KINDS}
    if not lists["names"] and not lists["products"]:
        raise LexiconError(f"{where}: targets.{key}: no names; add a 'names:' list with at "
                           "least one proper name")
    label = spec.get("label", key)
    if not isinstance(label, str) or not label.strip():
        raise LexiconError(f"{where}: targets.{key}.label: expected a non-empty text; found {label!r}")
    return Target(key=key, label=label.strip(), **lists)


def _string_list(where: str, name: str, value) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise LexiconError(f"{where}: {name}: expected a list ('- entry' lines); "
                           f"found {type(value).__name__}")
    out = []
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise LexiconError(f"{where}: {name}[{i}]: expected a non-empty text, found {item!r}; "
                               "write the entry in quotes")
        out.append(" ".join(item.split()))
    return tuple(out)


def _proper_aliases(target: Target) -> list[str]:
    return [*target.names, *target.products, *target.affiliates]
