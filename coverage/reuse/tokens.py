"""The words text reuse compares, per article: normalised, hashed, with their offsets.

:func:`reuse_tokens` is the per-article half of :func:`coverage.reuse.find.find_reuse`:
it reads each article once and keeps, for every word, a 64-bit hash of its
normalised form and its character offsets. The pipeline caches this table
per article, so a re-run after adding one article tokenises one article and
the corpus-level search starts from the cached arrays.

Normalisation: the kit's words lowercased, hyphenated words split in parts
(``AI-powered`` is ``ai powered``) and dotted abbreviations joined (``U.S.``
is ``us``), so "US"/"U.S." and "family-separation"/"family separation"
match word for word. Two different words get the same hash with probability
about 2^-64 per pair of words (pandas' SipHash with its fixed key), which for
a vocabulary of a million words (5 x 10^11 pairs) is about one chance in
thirty-seven million. Such a pair would be read as one word.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from coverage.schema import require_columns

__all__ = ["REUSE_TOKEN_COLUMNS", "reuse_tokens", "token_arrays"]

#: Columns of :func:`reuse_tokens`: one row per article, the last three are arrays.
REUSE_TOKEN_COLUMNS = ("article_id", "token_hash", "token_start", "token_end")

# Kit words (coverage.text.tokens.WORD_RE) with hyphenated words split in parts.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)*")
_LETTER = re.compile(r"[^\W\d_]")
# The same words, each with the run of non-word characters before it: every
# character of a text is either in such a gap or starts a word.
_GAP_WORD = re.compile(r"([\W_]*)(\d+(?:[.,]\d+)*|[^\W\d_]+(?:'[^\W\d_]+)*)")


def reuse_tokens(corpus: pd.DataFrame) -> pd.DataFrame:
    """Return the hashed, normalised words of every article, one row per article.

    Parameters
    ----------
    corpus : pandas.DataFrame
        Needs ``article_id`` and ``text``.

    Returns
    -------
    pandas.DataFrame
        ``article_id``; ``token_hash`` (uint64 array, one hash per word),
        ``token_start`` and ``token_end`` (int64 arrays, character offsets
        into ``text``).

    Examples
    --------
    >>> t = reuse_tokens(pd.DataFrame({"article_id": ["a"], "text": ["The U.S. AI-powered tool"]}))
    >>> t["token_start"][0].tolist(), t["token_end"][0].tolist()  # "U.S" is one word, "AI-powered" two
    ([0, 4, 9, 12, 20], [3, 7, 11, 19, 24])
    """
    require_columns(corpus, ["article_id", "text"], func="reuse_tokens")
    arrays = [token_arrays(t if isinstance(t, str) else "") for t in corpus["text"]]
    return pd.DataFrame({"article_id": corpus["article_id"].to_numpy(),
                         "token_hash": [a[0] for a in arrays],
                         "token_start": [a[1] for a in arrays],
                         "token_end": [a[2] for a in arrays]}, columns=list(REUSE_TOKEN_COLUMNS))


def token_arrays(text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return ``(hashes, starts, ends)`` of the normalised words of ``text``.

    Examples
    --------
    >>> h, s, e = token_arrays("U.S. and US")
    >>> bool(h[0] == h[2]), s.tolist(), e.tolist()
    (True, [0, 5, 9], [3, 8, 11])
    """
    found, starts, ends = _normalised_tokens(text)
    hashes = pd.util.hash_array(np.array(found, dtype=object)) if found else np.zeros(0, dtype=np.uint64)
    return hashes.astype(np.uint64), np.asarray(starts, dtype=np.int64), np.asarray(ends, dtype=np.int64)


def _normalised_tokens(text: str) -> tuple[list[str], list[int], list[int]]:
    """Kit words, lowercased, hyphenated words split, dotted abbreviations joined.

    Splitting ``AI-powered`` into ``ai powered`` and joining ``U.S.`` into
    ``us`` lets "US"/"U.S." and "family-separation"/"family separation"
    match word for word instead of costing a gap.
    """
    lowered = text.lower()
    if len(lowered) == len(text) and "Σ" not in text:
        # Lowering went letter by letter, so offsets hold. Words and the gaps
        # before them come from one findall; offsets are running lengths.
        found = _GAP_WORD.findall(lowered.replace("’", "'"))
        gaps, words = (list(x) for x in zip(*found)) if found else ([], [])
        width = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
        ends = np.cumsum(np.fromiter(map(len, gaps), dtype=np.int64, count=len(gaps)) + width)
        starts = ends - width
        # A one-character word right after a dot may continue an abbreviation ("U.S.").
        joins = [k for k in np.flatnonzero(width == 1).tolist() if gaps[k].endswith(".")]
    else:  # a letter that lowers to two, or Greek final sigma: lower word by word
        spans = [m.span() for m in _TOKEN.finditer(text)]
        words = [text[s:e].lower().replace("’", "'") for s, e in spans]
        starts, ends = [s for s, _ in spans], [e for _, e in spans]
        joins = [k for k, (s, e) in enumerate(spans) if e - s == 1 and s and text[s - 1] == "."]
    if not joins:
        return words, starts, ends
    starts, ends = list(starts), list(ends)
    out_words, out_starts, out_ends, done = [], [], [], 0
    for k in joins:
        out_words += words[done:k]
        out_starts += starts[done:k]
        out_ends += ends[done:k]
        done = k + 1
        s, e = starts[k], ends[k]
        # Not the "a" of "x.a-b" (a hyphenated word); numbers never take a hyphen.
        whole = not (text[e:e + 1] == "-" and _LETTER.match(text, s) and _LETTER.match(text, e + 1))
        if whole and out_words and out_ends[-1] + 1 == s and _ABBREVIATION.fullmatch(text, out_starts[-1], out_ends[-1]):
            out_words[-1] += words[k]
            out_ends[-1] = e
        else:
            out_words.append(words[k])
            out_starts.append(s)
            out_ends.append(e)
    return out_words + words[done:], out_starts + starts[done:], out_ends + ends[done:]


# The previous token is single letters joined by dots so far ("u", "us" from "U.S").
_ABBREVIATION = re.compile(r"[^\W\d_](?:\.[^\W\d_])*")


