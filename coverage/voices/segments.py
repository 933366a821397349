"""Quotations of several segments: one quotation across its interruptions.

Journalists break a source's words with the attribution: ``"We had a sense
of who he was," said Ann Lee, a former aide. "He knew exactly who he
was."`` is one quotation in two **segments**, with one speaker and one cue.
:mod:`coverage.voices.quotes` finds each stretch between marks; :func:`join_continued`
groups the stretches that continue one quotation, and the quotations table
stores each quotation's segments in a ``segments`` column
(``"start-end;start-end"``, offsets into the clean text, marks included).

:func:`quote_segments` turns that column into a table with one row per
segment, for whatever needs the characters inside the marks only (the voice
of each sentence, text reuse): the words between two segments are the
journalist's.

Blind spots: two stretches are joined only when they share the speaker *and*
the cue found for them and no sentence of the journalist's own stands
between them, so a continuation after a sentence of narration (``"A," she
said. She paused. "B."``) stays two quotations, and so does a second
segment with a cue of its own (``..., adding that, "B."``).
"""

from __future__ import annotations

import bisect

import pandas as pd

from coverage.schema import require_columns

__all__ = ["SEGMENT_COLUMNS", "join_continued", "format_segments", "parse_segments", "quote_segments"]

#: Columns of the segments table.
SEGMENT_COLUMNS = ("article_id", "quote_id", "segment", "start", "end", "text")


def join_continued(quotes: list, sentence_starts: list[int]) -> list[list]:
    """Group the stretches between marks that continue one quotation.

    ``quotes`` are the stretches of one article in text order, each with
    ``start``, ``end``, ``kind``, ``speaker`` (a span or None) and ``cue_at``
    (where its cue starts, -1 without one). A full stretch joins the one
    before it when (1) that is the previous full stretch, (2) both have the
    same speaker span and the same cue (a copied attribution shares both) and
    (3) no sentence starts between them: ``," said Ann Lee, a former aide.
    "`` and ``," she said.`` + paragraph break are attributions, while a
    sentence of narration in between means the journalist took over.

    Returns
    -------
    list of list
        The quotations, in text order, each a list of its segments.

    Examples
    --------
    >>> from types import SimpleNamespace as Q
    >>> a = Q(start=0, end=6, kind="full", speaker=(7, 9), cue_at=10)
    >>> b = Q(start=15, end=25, kind="full", speaker=(7, 9), cue_at=10)
    >>> [[q.start for q in g] for g in join_continued([a, b], [0])]
    [[0, 15]]
    """
    groups: list[list] = []
    previous = None  # the quotation of the previous full stretch
    for quote in quotes:
        if quote.kind == "full" and previous is not None and _continues(previous[-1], quote, sentence_starts):
            previous.append(quote)
            continue
        groups.append([quote])
        if quote.kind == "full":
            previous = groups[-1]
    return groups


def _continues(previous, quote, sentence_starts: list[int]) -> bool:
    # Same source mention and same cue: the attribution both stretches hang on.
    if previous.speaker is None or previous.speaker != quote.speaker or previous.cue_at != quote.cue_at:
        return False
    # A sentence starting strictly between them is the journalist's own.
    at = bisect.bisect_right(sentence_starts, previous.end)
    return at >= len(sentence_starts) or sentence_starts[at] >= quote.start


def format_segments(pieces) -> str:
    """Write segment offsets as the ``segments`` column does: ``"start-end;start-end"``.

    Examples
    --------
    >>> format_segments([(0, 31), (61, 90)])
    '0-31;61-90'
    """
    return ";".join(f"{int(s)}-{int(e)}" for s, e in pieces)


def parse_segments(value: str) -> list[tuple[int, int]]:
    """Read a ``segments`` value back into ``(start, end)`` pairs.

    Raises
    ------
    ValueError
        When the value is not ``start-end`` pairs joined by ``;``.

    Examples
    --------
    >>> parse_segments("0-31;61-90")
    [(0, 31), (61, 90)]
    """
    try:
        pieces = [tuple(int(n) for n in part.split("-")) for part in str(value).split(";")]
    except ValueError:
        pieces = []
    if not pieces or any(len(p) != 2 or p[0] > p[1] for p in pieces):
        raise ValueError(f"A 'segments' value must be start-end pairs joined by ';', e.g. '0-31;61-90'. "
                         f"Got {value!r} instead.")
    return [(p[0], p[1]) for p in pieces]


def quote_segments(quotes: pd.DataFrame, corpus: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return one row per segment of every quotation.

    Parameters
    ----------
    quotes : pandas.DataFrame
        From :func:`coverage.voices.quotes.extract_quotes`: ``article_id``,
        ``quote_id`` and ``segments``. A table without ``segments`` (an
        older ``quotes.csv``) is read as one segment ``start``-``end`` per
        quotation.
    corpus : pandas.DataFrame, optional
        With ``article_id`` and ``text``: adds each segment's ``text``
        (empty without a corpus).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`SEGMENT_COLUMNS`; ``segment`` counts from 0 within a
        quotation, ``start``/``end`` are offsets into the clean text, marks
        included.

    Examples
    --------
    >>> q = pd.DataFrame({"article_id": ["a"], "quote_id": [0], "segments": ["0-6;15-25"]})
    >>> quote_segments(q)[["segment", "start", "end"]].values.tolist()
    [[0, 0, 6], [1, 15, 25]]
    """
    require_columns(quotes, ["article_id", "quote_id"], func="quote_segments")
    if "segments" not in quotes.columns:
        require_columns(quotes, ["start", "end"], func="quote_segments")
    texts = {}
    if corpus is not None:
        require_columns(corpus, ["article_id", "text"], func="quote_segments")
        texts = dict(zip(corpus["article_id"], corpus["text"]))
    rows = []
    for record in quotes.to_dict("records"):
        pieces = (parse_segments(record["segments"]) if "segments" in record
                  else [(int(record["start"]), int(record["end"]))])
        text = texts.get(record["article_id"], "")
        text = text if isinstance(text, str) else ""
        for number, (start, end) in enumerate(pieces):
            rows.append((record["article_id"], record["quote_id"], number, start, end, text[start:end]))
    table = pd.DataFrame(rows, columns=list(SEGMENT_COLUMNS))
    for column in ("quote_id", "segment", "start", "end"):
        table[column] = table[column].astype("int64")
    return table
