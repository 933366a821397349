"""Tests of coverage.kwic and coverage.text.terms: matching rules, contexts, offsets, speed path, errors."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from coverage.errors import CorpusError, CorpusWarning
from coverage.measures.keyword_context import KWIC_COLUMNS, kwic
from coverage.text.terms import term_regex


def _sentences(*texts, article_id="a"):
    return pd.DataFrame({"article_id": article_id, "sentence_id": range(len(texts)),
                         "text": pd.array(texts, dtype="string")})


@pytest.mark.parametrize(
    ("terms", "text", "expected"),
    [
        # inflections with a trailing *
        (["surveil*"], "They surveil; surveillance, surveilling and Surveilled.",
         ["surveil", "surveillance", "surveilling", "Surveilled"]),
        # hyphen, space, line break and case variants of a phrase
        (["facial recognition"], "facial-recognition, Facial Recognition, facial\nrecognition",
         ["facial-recognition", "Facial Recognition", "facial\nrecognition"]),
        # whole words only
        (["police"], "Police policed the policies of the police.", ["Police", "police"]),
        # straight apostrophe in the term matches a curly one in the text
        (["won't build it"], "The “We Won’t Build It” group", ["Won’t Build It"]),
        # the longer phrase wins and the shorter one is not counted again
        (["profiling", "racial profiling"], "misuse for racial profiling and profiling",
         ["racial profiling", "profiling"]),
        (["human rights", "human rights abuse*"], "human rights abuses and human rights",
         ["human rights abuses", "human rights"]),
        # * matches word characters only, not across a hyphen
        (["track*"], "tracking, track-record", ["tracking", "track"]),
        # a term inside a hyphenated compound is found (documented blind spot)
        (["surveillance"], "anti-surveillance", ["surveillance"]),
        (["ice"], "ICE, Ice, juice, ice-cold", ["ICE", "Ice", "ice"]),
        (["amazon"], "Amazon’s deal", ["Amazon"]),
    ],
)
def test_matching_rules(terms, text, expected):
    out = kwic(_sentences(text), terms)
    assert out["match"].tolist() == expected


def test_longer_phrase_reports_its_own_term():
    out = kwic(_sentences("misuse for racial profiling."), ["profiling", "racial profiling"])
    assert out["term"].tolist() == ["racial profiling"]


def test_columns_offsets_and_context():
    s = _sentences("Amazon sold a surveillance tool to police.", "Nothing here.", "Police use it.")
    out = kwic(s, ["surveil*", "police"], window=10)
    assert list(out.columns) == list(KWIC_COLUMNS)
    assert out[["sentence_id", "term", "match"]].values.tolist() == [
        [0, "surveil*", "surveillance"], [0, "police", "police"], [2, "police", "Police"]]
    first = out.iloc[0]
    assert (first["left"], first["right"]) == ("on sold a ", " tool to p")
    assert (first["start"], first["end"]) == (14, 26)
    for _, row in out.iterrows():
        text = s.loc[s["sentence_id"] == row["sentence_id"], "text"].iloc[0]
        assert text[row["start"]:row["end"]] == row["match"]
        assert row["left"] == text[max(0, row["start"] - 10):row["start"]]
    assert out["frame"].isna().all()


def test_phrases_do_not_cross_sentences():
    s = _sentences("They cited public", "safety as the reason.")
    assert kwic(s, ["public safety"]).empty


def test_length_changing_lowercase_takes_the_exact_path():
    # 'İ' becomes two characters when lower-cased; offsets must still be right.
    s = _sentences("İstanbul police use surveillance.", "More surveillance.")
    out = kwic(s, ["surveil*"])
    assert out[["sentence_id", "start", "end", "match"]].values.tolist() == [
        [0, 20, 32, "surveillance"], [1, 5, 17, "surveillance"]]


def _reference_matches(texts, terms):
    """An independent, slow matcher: at each word start try terms longest first."""
    order = sorted(terms, key=lambda t: (-len(re.split(r"[\s\-]+", t.strip())), -len(t)))
    compiled = [(t, re.compile(term_regex(t) + r"(?!\w)", re.IGNORECASE)) for t in order]
    found = []
    for sid, text in enumerate(texts):
        pos = 0
        while pos < len(text):
            if pos == 0 or not re.match(r"\w", text[pos - 1]):
                hit = next(((t, m) for t, rx in compiled if (m := rx.match(text, pos))), None)
                if hit:
                    found.append((sid, hit[0], hit[1].group()))
                    pos = hit[1].end()
                    continue
            pos += 1
    return found


def test_agrees_with_a_slow_reference_matcher_on_shipped_articles(shipped_sentences):
    from coverage.measures.frames import load_frame_lexicon

    lex = load_frame_lexicon()
    terms = lex["term"].tolist()
    texts = shipped_sentences["text"].tolist()
    out = kwic(shipped_sentences.assign(sentence_id=range(len(texts))), terms)
    got = list(zip(out["sentence_id"], out["term"], out["match"]))
    assert got == _reference_matches(texts, terms)
    assert len(got) > 40


@pytest.mark.parametrize(
    ("terms", "message"),
    [
        (["ok", "surv*eil"], r"^kwic\(\): search term #2 'surv\*eil' has '\*' inside a word"),
        (["a*"], r"^kwic\(\): search term #1 'a\*' needs at least 3 letters before '\*'"),
        (["  "], r"^kwic\(\): search term #1 is empty"),
        ([12], r"^kwic\(\): search term #1 is 12 \(int\), not text; quote it$"),
    ],
)
def test_bad_terms_are_one_line_errors(terms, message):
    with pytest.raises(CorpusError, match=message) as info:
        kwic(_sentences("text"), terms)
    assert "\n" not in str(info.value)


def test_bad_options():
    s = _sentences("text")
    with pytest.raises(ValueError, match=r"'window' parameter of kwic must be a non-negative int. Got -3"):
        kwic(s, "x", window=-3)
    with pytest.raises(ValueError, match=r"either terms= or lexicon="):
        kwic(s, "x", lexicon="frames.yaml")
    with pytest.raises(ValueError, match=r"kwic\(\) needs column 'text'"):
        kwic(s.drop(columns="text"), "x")


def test_missing_text_is_counted_and_empty_table_keeps_columns():
    s = _sentences("surveillance", None)
    with pytest.warns(CorpusWarning, match=r"1 of 2 sentences have no text"):
        out = kwic(s, "surveil*")
    assert len(out) == 1
    empty = kwic(s.iloc[:0], "surveil*")
    assert list(empty.columns) == list(KWIC_COLUMNS) and empty.empty


def test_default_is_the_frame_lexicon_with_exclusions():
    s = _sentences("The American Civil Liberties Union warned about civil liberties.",
                   "It helps prevent human trafficking.")
    out = kwic(s)
    assert out[["frame", "term", "match"]].values.tolist() == [
        ["surveillance", "civil libert*", "civil liberties"],
        ["safety", "human trafficking", "human trafficking"],
    ]


@pytest.mark.parametrize("term,text,expected", [
    ("(ICE)", "Immigration and Customs Enforcement (ICE) said no.", ["(ICE)"]),
    ("c++", "Engineers wrote c++ and C++ code.", ["c++", "C++"]),
    ("U.S.", "Sales to U.S. cops and to USA buyers.", ["U.S."]),
    ("a.b", "Neither axb nor a.b matched twice.", ["a.b"]),
    ("[x]", "A list [x] and x.", ["[x]"]),
])
def test_regex_like_characters_in_terms_match_literally(term, text, expected):
    sentences = pd.DataFrame({"article_id": ["a"], "sentence_id": [0], "text": [text]})
    assert kwic(sentences, [term])["match"].tolist() == expected


def test_excluded_rows_are_added_only_when_asked_and_say_why():
    s = _sentences("The American Civil Liberties Union warned about civil liberties and a security camera.")
    counted = kwic(s)
    everything = kwic(s, excluded=True)
    assert counted[["frame", "match", "decision", "rule"]].values.tolist() == [
        ["surveillance", "civil liberties", "counted", "counted"]]
    assert everything[["match", "decision", "rule"]].values.tolist() == [
        ["American Civil Liberties Union", "excluded", "excluded: name 'American Civil Liberties Union'"],
        ["civil liberties", "counted", "counted"],
        ["security camera", "excluded", "excluded: sense 'security camera'"],
    ]
    assert everything.loc[everything["decision"] == "excluded", "frame"].isna().all()


def test_a_free_search_has_no_decision():
    out = kwic(_sentences("Police use it."), "police")
    assert out["decision"].isna().all() and out["rule"].isna().all()


def test_an_old_style_exclude_list_is_reported_as_such(tmp_path):
    path = tmp_path / "old.yaml"
    path.write_text("frames:\n  a: [alpha]\n  b: [beta]\nexclude: [alpha beta]\n", encoding="utf-8")
    out = kwic(_sentences("alpha beta, alpha"), lexicon=path, excluded=True)
    assert out[["frame", "match", "rule"]].fillna("-").values.tolist() == [
        ["-", "alpha beta", "excluded: exclude list 'alpha beta'"], ["a", "alpha", "counted"]]
