"""The kit's own exception and warning types.

Messages follow one rule: what was expected, what was found, where, and the
fix, on one line. The command line prints them without a traceback.
"""

from __future__ import annotations

__all__ = ["CorpusError", "CorpusWarning", "LexiconError"]


class CorpusError(ValueError):
    """An input file or table that the kit cannot use as it is.

    The message names the file, the problem and the fix on one line.
    """


class LexiconError(CorpusError):
    """A lexicon, roles or target file that is malformed."""


class CorpusWarning(UserWarning):
    """Something was skipped, repaired or estimated; the message counts it."""
