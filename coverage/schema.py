"""Column names of the kit's tables, defined once and checked at every entry.

Every public function that takes a table calls :func:`require_columns`
first, so a student who passes the wrong table learns which columns were
expected and which were found, instead of meeting a ``KeyError`` deep inside
pandas.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

__all__ = [
    "ARTICLE_ID",
    "SENTENCE_ID",
    "PARAGRAPH_ID",
    "CORPUS_COLUMNS",
    "MANIFEST_COLUMNS",
    "SENTENCE_COLUMNS",
    "REMOVED_COLUMNS",
    "POSITIONS",
    "require_columns",
]

ARTICLE_ID = "article_id"
SENTENCE_ID = "sentence_id"
PARAGRAPH_ID = "paragraph_id"

#: Columns of the manifest ``data/articles.csv``, in the order they are written.
MANIFEST_COLUMNS = (
    "article_id",
    "file",
    "outlet",
    "title",
    "published",
    "url",
    "author",
    "via",
    "notes",
)

#: Columns of the corpus table returned by :func:`coverage.load_corpus`.
#: ``text`` is the clean article: the headline as its first paragraph (when
#: one was found), a blank line, then the body; ``body_start`` is the offset
#: where the body begins, so ``text[body_start:]`` is the body alone.
#: ``published`` is NaT for an article with no date, and ``date_missing`` True.
#: Any further column (``group``, ``lean``, ...) is user metadata, kept after these.
CORPUS_COLUMNS = (
    "article_id",
    "outlet",
    "title",
    "published",
    "date_estimated",
    "date_missing",
    "url",
    "author",
    "via",
    "notes",
    "headline",
    "text",
    "body_start",
    "raw_text",
    "source_file",
    "n_words",
)

#: Columns of the sentence table returned by :func:`coverage.split_sentences`.
#: ``start``/``end`` are offsets into the article's clean ``text``.
SENTENCE_COLUMNS = (
    "article_id",
    "sentence_id",
    "paragraph_id",
    "position",
    "text",
    "start",
    "end",
    "n_words",
)

#: Columns of the table of lines removed by cleaning.
REMOVED_COLUMNS = ("article_id", "source_file", "line_no", "line", "rule")

#: The values of ``position`` in the sentence table, top of article first.
POSITIONS = ("headline", "lede", "body")


def require_columns(data: pd.DataFrame, columns: Iterable[str], *, func: str) -> None:
    """Raise a teaching ``ValueError`` when ``data`` lacks any of ``columns``.

    Parameters
    ----------
    data : pandas.DataFrame
        The table handed to a public function.
    columns : iterable of str
        Columns the function needs.
    func : str
        Name of the calling function, shown in the message.

    Raises
    ------
    ValueError
        Naming the function, the missing columns and the columns present.

    Examples
    --------
    >>> require_columns(pd.DataFrame({"a": [1]}), ["a"], func="demo")
    >>> require_columns(pd.DataFrame({"a": [1]}), ["b"], func="demo")
    Traceback (most recent call last):
    ...
    ValueError: demo() needs column 'b', which is missing; the table has: a
    """
    if not isinstance(data, pd.DataFrame):
        raise TypeError(
            f"{func}() expects a pandas DataFrame; got {type(data).__name__} instead"
        )
    missing = [c for c in columns if c not in data.columns]
    if missing:
        noun = "column" if len(missing) == 1 else "columns"
        names = ", ".join(repr(c) for c in missing)
        verb = "which is" if len(missing) == 1 else "which are"
        present = ", ".join(map(str, data.columns)) or "(no columns)"
        raise ValueError(
            f"{func}() needs {noun} {names}, {verb} missing; the table has: {present}"
        )
