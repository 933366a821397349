"""Split clean article text into sentences, with offsets back into the text.

The splitter is rule-based and needs no downloaded model. It never crosses a
paragraph boundary (a blank line), so headlines without a full stop, bullet
points and sub-headings are sentences of their own. Inside a paragraph it
ends a sentence after ``.``, ``!``, ``?`` or ``…`` (and any closing quote
marks or brackets right after them) when whitespace follows and the next
character opens a sentence: a capital letter, a digit or an opening quote.

It does **not** end a sentence after

* known abbreviations: titles (Mr., Dr., Sen.), company forms (Inc., Corp.),
  months (Jan.), and dotted initialisms (U.S., U.N., a.m.);
* single capital initials ("John F. Kennedy");
* a full stop inside a number ("12.2 million"), since no space follows it.

Blind spots: an abbreviation that really ends a sentence ("... in the U.S.
The next day ...") is joined to the next sentence; a sentence that starts
with a lower-case word after a full stop is joined to the previous one.
"""

from __future__ import annotations

import re

import pandas as pd

from coverage.schema import SENTENCE_COLUMNS, require_columns
from coverage.text.tokens import count_words

__all__ = ["split_sentences", "sentence_spans", "ABBREVIATIONS"]

#: Words that take a full stop without ending a sentence (lower case, no dot).
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen rep gov gen col lt sgt capt st jr sr rev hon pres
    inc corp co ltd llc plc dept univ assn bros
    jan feb mar apr jun jul aug sep sept oct nov dec
    vol fig approx vs etc al cf ft mt""".split()
)

# A candidate end: terminal punctuation, optional closers, then whitespace.
_END = re.compile(r"""([.!?…]+)(["'”’)\]]*)(\s+)(?=[\"'“‘(\[]?[A-Z0-9•])""")
_DOTTED = re.compile(r"(?:[A-Za-z]\.){2,}$")  # U.S.  a.m.  U.N.
_INITIAL = re.compile(r"(?:^|[\s(])[A-Z]\.$")
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]+)*")


def sentence_spans(text: str) -> list[tuple[int, int, int]]:
    """Return ``(start, end, paragraph_index)`` for every sentence of ``text``.

    Spans exclude surrounding whitespace; together they cover every
    non-space character of ``text`` exactly once.

    Examples
    --------
    >>> t = "Mr. Bezos met U.S. officials. They paid $12.2 million.\\n\\nNo dot here"
    >>> [t[s:e] for s, e, _ in sentence_spans(t)]
    ['Mr. Bezos met U.S. officials.', 'They paid $12.2 million.', 'No dot here']
    """
    spans: list[tuple[int, int, int]] = []
    for paragraph_index, para in enumerate(_PARAGRAPH.finditer(text)):
        p_start, p_text = para.start(), para.group()
        cursor = 0
        for match in _END.finditer(p_text):
            if match.group(1) == "." and not match.group(2) and _is_abbreviation(p_text[cursor:match.start(1) + 1]):
                continue
            end = match.end(2)
            _append(spans, p_text, p_start, cursor, end, paragraph_index)
            cursor = match.end(3)
        _append(spans, p_text, p_start, cursor, len(p_text), paragraph_index)
    return spans


def _append(spans, p_text, p_start, start, end, paragraph_index):
    piece = p_text[start:end]
    stripped_left = len(piece) - len(piece.lstrip())
    stripped_right = len(piece.rstrip())
    if stripped_right > stripped_left:
        spans.append((p_start + start + stripped_left, p_start + start + stripped_right, paragraph_index))


def _is_abbreviation(before: str) -> bool:
    # ``before`` ends with the full stop under test.
    token = before.rsplit(None, 1)[-1] if before.strip() else ""
    token = token.lstrip("\"'“‘([")
    if _DOTTED.search(token) or _INITIAL.search(" " + token):
        return True
    return token[:-1].lower() in ABBREVIATIONS


def split_sentences(corpus: pd.DataFrame) -> pd.DataFrame:
    """Return the sentence table: one row per sentence of every article.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The corpus table; needs ``article_id``, ``text`` and ``body_start``.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`coverage.schema.SENTENCE_COLUMNS`. ``sentence_id``
        and ``paragraph_id`` count from 0 within each article, paragraph 0
        being the headline when the article has one. ``position`` is
        ``headline`` (before ``body_start``), ``lede`` (the first body
        paragraph) or ``body``. ``start``/``end`` are offsets into the
        article's ``text``, so ``text[start:end]`` is the sentence.

    Examples
    --------
    >>> corpus = pd.DataFrame({"article_id": ["a"], "body_start": [10],
    ...     "text": ["Big news\\n\\nIt rained. Then it stopped.\\n\\nThe end."]})
    >>> split_sentences(corpus)[["sentence_id", "paragraph_id", "position", "text"]].values.tolist()
    [[0, 0, 'headline', 'Big news'], [1, 1, 'lede', 'It rained.'], [2, 1, 'lede', 'Then it stopped.'], [3, 2, 'body', 'The end.']]
    """
    require_columns(corpus, ["article_id", "text", "body_start"], func="split_sentences")
    rows = []
    for article_id, text, body_start in corpus[["article_id", "text", "body_start"]].itertuples(index=False):
        lede_paragraph = None
        for sentence_id, (start, end, paragraph_id) in enumerate(sentence_spans(text)):
            if start < body_start:
                position = "headline"
            else:
                lede_paragraph = paragraph_id if lede_paragraph is None else lede_paragraph
                position = "lede" if paragraph_id == lede_paragraph else "body"
            sentence = text[start:end]
            rows.append((article_id, sentence_id, paragraph_id, position, sentence, start, end,
                         count_words(sentence)))
    table = pd.DataFrame(rows, columns=list(SENTENCE_COLUMNS))
    for column in ("sentence_id", "paragraph_id", "start", "end", "n_words"):
        table[column] = table[column].astype("int64")
    return table
