"""Keyword in context: every match of a word or phrase, with the sentence it sits in.

:func:`kwic` is both the evidence behind the frame counts of
:mod:`coverage.measures.frames` (one row per counted term) and a search tool: give it
any word or phrase and it returns every occurrence with its left and right
context, keyed by ``article_id`` and ``sentence_id``. How a term matches is
said in :mod:`coverage.text.terms`.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from coverage.errors import CorpusError
from coverage.measures.frames import load_frame_lexicon
from coverage.schema import require_columns
from coverage.text.terms import find_matches, term_regex
from coverage.params import check_int

__all__ = ["kwic", "KWIC_COLUMNS"]

#: Columns of the table returned by :func:`kwic`, in order. ``start``/``end``
#: are offsets of the match in the sentence's ``text``.
KWIC_COLUMNS = ("article_id", "sentence_id", "frame", "term", "left", "match", "right", "start", "end")

def kwic(
    sentences: pd.DataFrame,
    terms: str | Iterable[str] | None = None,
    *,
    lexicon=None,
    window: int = 50,
) -> pd.DataFrame:
    """Find every occurrence of search terms (or of a frame lexicon) in context.

    Parameters
    ----------
    sentences : pandas.DataFrame
        Sentence table with ``article_id``, ``sentence_id`` and ``text``.
    terms : str or iterable of str, optional
        Words or phrases to find (see the module notes for the syntax). When
        omitted, the terms of ``lexicon`` are searched.
    lexicon : str, Path or DataFrame, optional
        A frame lexicon (see :func:`coverage.measures.frames.load_frame_lexicon`);
        defaults to the shipped ``frames.yaml``. Not allowed with ``terms``.
    window : int, default 50
        Characters of context kept on each side, within the sentence.

    Returns
    -------
    pandas.DataFrame
        One row per match with :data:`KWIC_COLUMNS`: ``frame`` (missing for
        a free search), ``term`` (the search term that matched, as written),
        ``left``, ``match`` (the text as found), ``right`` and the ``start`` /
        ``end`` offsets of the match in the sentence.

    Raises
    ------
    CorpusError
        When a search term is malformed (the message names it).

    Examples
    --------
    >>> s = pd.DataFrame({"article_id": [1], "sentence_id": [0],
    ...                   "text": ["Facial-recognition tools surveil crowds."]})
    >>> kwic(s, ["facial recognition", "surveil*"])[["term", "match", "start"]]
                     term               match  start
    0  facial recognition  Facial-recognition      0
    1            surveil*             surveil     25
    """
    require_columns(sentences, ["article_id", "sentence_id", "text"], func="kwic")
    check_int(window, name="window", func="kwic", minimum=0)
    if terms is not None and lexicon is not None:
        raise ValueError("kwic() takes either terms= or lexicon=, not both; drop one of them")
    if terms is None:
        lex = load_frame_lexicon(lexicon)
        entries = tuple(zip(lex["frame"].astype(object).where(lex["frame"].notna(), None), lex["term"]))
    else:
        terms = [terms] if isinstance(terms, str) else list(terms)
        for i, term in enumerate(terms):
            try:
                term_regex(term)
            except ValueError as exc:
                raise CorpusError(f"kwic(): search term #{i + 1} {exc}") from None
        # "" marks a searched term (None would mark an exclusion); the frame
        # column of a free search is left missing below.
        entries = tuple(("", t) for t in dict.fromkeys(terms))
    found = find_matches(sentences, entries, func="kwic")
    texts = found.pop("_text")
    found = found.drop(columns="_row")
    left = [t[max(0, s - window):s] for t, s in zip(texts, found["start"])]
    right = [t[e:e + window] for t, e in zip(texts, found["end"])]
    out = found.assign(left=left, right=right)
    if terms is not None:
        out["frame"] = pd.Series(pd.NA, index=out.index, dtype="string")
    return out[list(KWIC_COLUMNS)]

