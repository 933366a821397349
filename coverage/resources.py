"""Load the kit's shipped data files (lexicons, roles, targets) or a user's own.

Shipped files live in ``coverage/data/`` and are read with
:mod:`importlib.resources`; any function that takes a lexicon also accepts a
path to a user's file with the same structure. YAML is always read with the
safe loader, so a file can never run code.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from coverage.errors import LexiconError

__all__ = ["shipped_path", "read_yaml", "describe_source"]


def shipped_path(name: str) -> Path:
    """Return the path of a data file shipped inside the package.

    Examples
    --------
    >>> shipped_path("frames.yaml").name
    'frames.yaml'
    """
    return Path(str(resources.files("coverage") / "data" / name))


def describe_source(source: str | Path) -> str:
    """Return how a file is named in messages (path as the user gave it)."""
    return str(source)


def read_yaml(source: str | Path) -> Any:
    """Read a YAML file with the safe loader and return its content.

    Parameters
    ----------
    source : str or Path
        Path of the file.

    Raises
    ------
    LexiconError
        When the file is missing, is not UTF-8 or is not valid YAML; the
        message names the file, the line where known, and the fix.

    Examples
    --------
    >>> sorted(read_yaml(shipped_path("frames.yaml")))[:1]  # doctest: +SKIP
    ['frames']
    """
    path = Path(source)
    if not path.is_file():
        raise LexiconError(f"{path}: file not found; check the path or drop the option to use the shipped file")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise LexiconError(
            f"{path}: not UTF-8 text (byte {exc.start}); save the file as UTF-8"
        ) from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise LexiconError(
            f"{path}: malformed YAML{where} ({problem}); fix the indentation or quoting there"
        ) from None
