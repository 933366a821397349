"""Checks of function parameters, with one message format for the whole kit.

Every public function that checks an option raises the same sentence, the
one scikit-learn uses, so a student learns to read it once::

    The 'window' parameter of kwic must be a non-negative int. Got -3 instead.
"""

from __future__ import annotations

import numbers
from collections.abc import Collection

import numpy as np

__all__ = ["param_error", "check_int", "check_share", "check_choice"]


def param_error(name: str, func: str, expected: str, value) -> ValueError:
    """Return the kit's error for a parameter that is not what ``func`` expects.

    Parameters
    ----------
    name : str
        The parameter, as the caller wrote it.
    func : str
        The function's name (without parentheses).
    expected : str
        What was expected, to follow "must be", e.g. ``"a positive int"``.
    value : object
        What was given.

    Examples
    --------
    >>> str(param_error("window", "kwic", "a non-negative int", -3))
    "The 'window' parameter of kwic must be a non-negative int. Got -3 instead."
    """
    return ValueError(f"The {name!r} parameter of {func} must be {expected}. Got {value!r} instead.")


def check_int(value, *, name: str, func: str, minimum: int = 1, none_ok: bool = False) -> int | None:
    """Return ``value`` as an int if it is a whole number of at least ``minimum``; raise otherwise.

    ``True`` and ``False`` are refused: ``window=True`` is a slip, not 1.

    Examples
    --------
    >>> check_int(3, name="n", func="find_reuse")
    3
    >>> check_int(0, name="n", func="find_reuse")
    Traceback (most recent call last):
    ...
    ValueError: The 'n' parameter of find_reuse must be a positive int. Got 0 instead.
    """
    if value is None and none_ok:
        return None
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)) or value < minimum:
        kind = {0: "a non-negative int", 1: "a positive int"}.get(minimum, f"an int of at least {minimum}")
        raise param_error(name, func, kind + (" or None" if none_ok else ""), value)
    return int(value)


def check_share(value, *, name: str, func: str, low_open: bool = True, high_open: bool = True) -> float:
    """Return ``value`` as a float if it lies between 0 and 1; raise otherwise.

    ``low_open`` and ``high_open`` say whether 0 and 1 themselves are refused.

    Examples
    --------
    >>> check_share(0.95, name="confidence", func="compare_groups")
    0.95
    >>> check_share(1.0, name="threshold", func="sentence_voices", low_open=False)
    Traceback (most recent call last):
    ...
    ValueError: The 'threshold' parameter of sentence_voices must be in [0, 1). Got 1.0 instead.
    """
    ok = isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_))
    if ok:
        ok = (value > 0 if low_open else value >= 0) and (value < 1 if high_open else value <= 1)
    if not ok:
        interval = f"{'(' if low_open else '['}0, 1{')' if high_open else ']'}"
        raise param_error(name, func, f"in {interval}", value)
    return float(value)


def check_choice(value, *, name: str, func: str, choices: Collection[str]) -> str:
    """Return ``value`` if it is one of ``choices``; raise otherwise.

    Examples
    --------
    >>> check_choice("vader", name="method", func="baseline_predictions", choices=("neutral", "vader"))
    'vader'
    >>> check_choice("bert", name="method", func="baseline_predictions", choices=("neutral", "vader"))
    Traceback (most recent call last):
    ...
    ValueError: The 'method' parameter of baseline_predictions must be one of 'neutral', 'vader'. Got 'bert' instead.
    """
    if not isinstance(value, str) or value not in choices:
        raise param_error(name, func, "one of " + ", ".join(map(repr, choices)), value)
    return value
