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
from collections import Counter
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
    scorer = _Scorer() if _Scorer.applies(textstat.textstat) else _library_scores
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
                row |= scorer(prepared)
        rows.append(row)
    if empty:
        warnings.warn(f"readability(): {empty} article(s) have no body words; their scores are missing",
                      CorpusWarning, stacklevel=2)
    return pd.DataFrame(rows, columns=list(READABILITY_COLUMNS))


def _library_scores(prepared: str) -> dict:
    """``syllables_per_word`` and the six scores of ``prepared``, each from its textstat function."""
    import textstat

    scores = {"syllables_per_word": textstat.syllable_count(prepared) / textstat.lexicon_count(prepared)}
    return scores | {column: float(getattr(textstat, name)(prepared)) for column, name in _SCORES.items()}


class _Scorer:
    """textstat 0.7.8's scores of many texts, each word's syllables and difficulty looked up once.

    textstat scores one text at a time and recounts the same things for each
    score: its words four times, and the syllables of every word three times
    (in the text's total, for polysyllables and for each list of difficult
    words), each recount of one word passing through two regular expressions
    and a 128-entry cache that a whole article overflows. This computes each
    count once per text (with textstat's own functions, or their lines
    copied for the per-word syllables of the total), remembers per distinct
    word its syllables and whether it is difficult across all texts of a
    call, and combines the counts with textstat's formulas in textstat's
    order of operations: the numbers are textstat's, to the last bit
    (``tests/test_readability.py`` compares them with ``==``).

    Only for textstat's defaults (``en_US``, no rounding): :meth:`applies`.
    """

    lang = "en_US"

    @staticmethod
    def applies(stats) -> bool:
        # Another language or rounding set on textstat's shared object: let textstat compute everything.
        return (getattr(stats, "_textstatistics__lang", None) == _Scorer.lang
                and getattr(stats, "_textstatistics__round_points", 0) is None)

    def __init__(self):
        from textstat.backend import counts, utils

        self.counts, self.utils = counts, utils
        self.cmu = self.pyphen = None  # loaded on first use, with the collector paused (_gc_paused)
        self.cfg = {key: utils.get_lang_cfg(self.lang, key)
                    for key in ("fre_base", "fre_sentence_length", "fre_syll_per_word", "syllable_threshold")}
        self.syllables: dict[str, int] = {}  # a lowercased word of the text, as count_syllables(text) counts it
        self.word_syllables: dict[str, int] = {}  # count_syllables(word), as count_polysyllable_words calls it
        self.difficult: dict[tuple[str, int], bool] = {}
        self.sentence_words: dict[str, int] = {}

    def _syllables(self, word: str) -> int:
        # The loop body of textstat.backend.counts.count_syllables, for one word.
        try:
            return sum(1 for p in self.cmu[word][0] if p[-1].isdigit())
        except (TypeError, IndexError, KeyError):
            return len(self.pyphen.positions(word)) + 1

    def _sentences(self, text: str) -> int:
        # textstat.backend.counts.count_sentences, each distinct sentence's words counted once.
        if len(text) == 0:
            return 0
        found = re.findall(r"\b[^.!?]+[.!?]*", text, re.UNICODE)
        ignore = 0
        for sentence in found:
            if (n := self.sentence_words.get(sentence)) is None:
                n = self.sentence_words[sentence] = self.counts.count_words(sentence)
            ignore += n <= 2
        return max(1, len(found) - ignore)

    def _n_difficult(self, words: Counter, threshold: int) -> int:
        from textstat.backend.validations import is_difficult_word

        n = 0
        for word, times in words.items():
            if (hard := self.difficult.get((word, threshold))) is None:
                hard = self.difficult[word, threshold] = is_difficult_word(word, threshold, self.lang)
            n += hard * times
        return n

    def __call__(self, text: str) -> dict:
        from textstat.backend.selections import list_words
        from textstat.backend.transformations import remove_punctuation

        if self.cmu is None:
            self.cmu, self.pyphen = self.utils.get_cmudict(self.lang), self.utils.get_pyphen(self.lang)
        listed = list_words(text)
        n_words = len(listed)
        words = Counter(listed)  # sums over words are sums over distinct words times their uses
        syllables = 0
        for word, times in Counter(list_words(text, lowercase=True)).items():
            if (k := self.syllables.get(word)) is None:
                k = self.syllables[word] = self._syllables(word)
            syllables += k * times
        n_poly = 0
        for word, times in words.items():
            if (k := self.word_syllables.get(word)) is None:
                k = self.word_syllables[word] = self.counts.count_syllables(word, self.lang)
            n_poly += (k >= 3) * times
        n_sentences = self._sentences(text)
        n_letters = len(remove_punctuation(re.sub(r"\s", "", text), rm_apostrophe=True))
        cfg = self.cfg
        # Below, each line is the textstat function named, on these counts.
        wps = n_words / n_sentences if n_sentences else 0.0  # words_per_sentence
        spw = syllables / n_words if n_words else 0.0  # syllables_per_word
        out = {"syllables_per_word": syllables / n_words}  # the kit's: syllable_count / lexicon_count
        if wps == 0 or spw == 0:  # flesch_reading_ease, flesch_kincaid_grade
            out["flesch_reading_ease"] = out["flesch_kincaid_grade"] = 0.0
        else:
            out["flesch_reading_ease"] = cfg["fre_base"] - cfg["fre_sentence_length"] * wps - cfg["fre_syll_per_word"] * spw
            out["flesch_kincaid_grade"] = (0.39 * wps) + (11.8 * spw) - 15.59
        if n_words:  # gunning_fog
            out["gunning_fog"] = 0.4 * (wps + 100 * self._n_difficult(words, int(cfg["syllable_threshold"])) / n_words)
        else:
            out["gunning_fog"] = 0.0
        out["smog_index"] = (1.043 * (30 * (n_poly / n_sentences)) ** 0.5) + 3.1291 if n_sentences else 0.0
        letters = (n_letters / n_words if n_words else 0.0) * 100  # coleman_liau_index
        per_word = (n_sentences / n_words if n_words else 0.0) * 100
        out["coleman_liau_index"] = 0.0 if letters == 0 or per_word == 0 else (0.058 * letters) - (0.296 * per_word) - 15.8
        if n_words:  # dale_chall_readability_score
            hard = 100 * self._n_difficult(words, 0) / n_words
            score = (0.1579 * hard) + (0.0496 * wps)
            out["dale_chall"] = score + 3.6365 if hard > 5 else score
        else:
            out["dale_chall"] = 0.0
        return {key: float(value) for key, value in out.items()}


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
