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
from coverage.measures.frame_lexicon import load_frame_lexicon
from coverage.measures.frame_rules import frame_matches
from coverage.schema import require_columns
from coverage.text.terms import find_matches, term_regex
from coverage.params import check_int

__all__ = ["kwic", "KWIC_COLUMNS"]

#: Columns of the table returned by :func:`kwic`, in order. ``start``/``end``
#: are offsets of the match in the sentence's ``text``; ``decision`` and
#: ``rule`` say whether and why a lexicon match was counted.
KWIC_COLUMNS = ("article_id", "sentence_id", "frame", "term", "left", "match", "right", "start", "end",
                "decision", "rule")

def kwic(
    sentences: pd.DataFrame,
    terms: str | Iterable[str] | None = None,
    *,
    lexicon=None,
    window: int = 50,
    excluded: bool = False,
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
    excluded : bool, default False
        With a lexicon, also return the matches its rules did not count
        (inside an excluded phrase or a name, or not near the words a term
        needs), with ``decision`` ``"excluded"`` and missing ``frame``. By
        default only counted matches are returned, so the rows per frame
        are the counts of :func:`coverage.measures.frames.tag_frames`.

    Returns
    -------
    pandas.DataFrame
        One row per match with :data:`KWIC_COLUMNS`: ``frame`` (the frame
        the match counts for; missing for a free search or an excluded
        match), ``term`` (the search term that matched, as written),
        ``left``, ``match`` (the text as found), ``right``, the ``start`` /
        ``end`` offsets of the match in the sentence, ``decision``
        (``"counted"`` or ``"excluded"``; missing for a free search) and
        ``rule`` (why, in words: ``"counted"``, ``"counted: near
        'Rekognition' (technology)"``, ``"safety term excluded: name
        'Orlando Safety Video'"``, ``"excluded: sense 'security camera'"``,
        ``"counted as surveillance (safety term): near 'misused'
        (concession)"``...).

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
    >>> s = pd.DataFrame({"article_id": [1], "sentence_id": [0],
    ...                   "text": ["A security camera filmed the Public Safety Committee."]})
    >>> kwic(s, excluded=True)[["match", "decision", "rule"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['security camera', 'excluded', "excluded: sense 'security camera'"],
     ['Public Safety', 'excluded', "safety term excluded: name 'Public Safety Committee'"]]
    """
    require_columns(sentences, ["article_id", "sentence_id", "text"], func="kwic")
    check_int(window, name="window", func="kwic", minimum=0)
    if terms is not None and lexicon is not None:
        raise ValueError("kwic() takes either terms= or lexicon=, not both; drop one of them")
    if terms is None:
        found = frame_matches(sentences, load_frame_lexicon(lexicon), func="kwic")
        if not excluded:
            found = found[found["decision"] == "counted"].reset_index(drop=True)
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
        found = find_matches(sentences, entries, func="kwic").drop(columns="_entry")
        found["decision"] = found["rule"] = pd.Series(pd.NA, index=found.index, dtype="string")
    texts = found.pop("_text")
    found = found.drop(columns="_row")
    left = [t[max(0, s - window):s] for t, s in zip(texts, found["start"])]
    right = [t[e:e + window] for t, e in zip(texts, found["end"])]
    out = found.assign(left=left, right=right)
    if terms is not None:
        out["frame"] = pd.Series(pd.NA, index=out.index, dtype="string")
    return out[list(KWIC_COLUMNS)]

