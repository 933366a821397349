"""Tests of coverage.measures.frames: lexicon loading and errors, tags, rates, balance, scope."""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
import pytest

from coverage.errors import CorpusWarning, LexiconError
from coverage.measures.frame_lexicon import LEXICON_COLUMNS
from coverage.measures.frames import compare_frames, frame_names, frame_rates, load_frame_lexicon, tag_frames
from coverage import kwic
from coverage.resources import shipped_path


def _sentences(rows):
    """rows: (article_id, sentence_id, position, text); n_words counted by hand below."""
    t = pd.DataFrame(rows, columns=["article_id", "sentence_id", "position", "text"])
    from coverage.text.tokens import count_words

    return t.assign(n_words=[count_words(x) for x in t["text"]])


SYNTH = _sentences([
    ("a", 0, "headline", "Amazon sells surveillance to police"),                       # 5 words, S1
    ("a", 1, "lede", "Critics warn of racial profiling and civil liberties."),        # 8 words, S2
    ("a", 2, "body", "Amazon says it helps public safety and fights crime."),          # 9 words, F2
    ("b", 0, "headline", "The American Civil Liberties Union tested the tool."),       # 8 words, 0
    ("b", 1, "body", "Nothing here is framed."),                                       # 4 words, 0
])


# ---------------------------------------------------------------- lexicon


def test_shipped_lexicon_loads():
    lex = load_frame_lexicon()
    assert frame_names(lex) == ["surveillance", "safety"]
    assert tuple(lex.columns) == LEXICON_COLUMNS and list(lex.columns[:2]) == ["frame", "term"]
    assert {"surveil*", "racial profil*", "civil libert*"} <= set(lex.loc[lex["frame"] == "surveillance", "term"])
    assert {"public safety", "human trafficking", "child exploitation"} <= set(lex.loc[lex["frame"] == "safety", "term"])
    assert "american civil liberties union" in set(lex.loc[lex["frame"].isna(), "term"])
    assert shipped_path("frames_codebook.md").is_file()


def test_shipped_lexicon_has_a_header():
    head = shipped_path("frames.yaml").read_text(encoding="utf-8")[:3000].lower()
    for needed in ("what it measures", "who wrote it", "licence", "known failure cases"):
        assert needed in head


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("frames: [unclosed", r"malformed YAML at line 1"),
        ("- just\n- a list\n", r"expected a 'frames:' mapping of frame names to term lists; found list"),
        ("", r"expected a 'frames:' mapping .*; found nothing"),
        ("frames:\n  surveillance:\n    terms: []\n  safety: [safe]\n",
         r"frame 'surveillance' has no terms; add at least one"),
        ("frames:\n  surveillance: [privacy, safe]\n  safety: [Safe]\n",
         r"term #1 of frame 'safety' \('Safe'\) is also in frame 'surveillance'; a term may belong to one frame only"),
        ("frames:\n  surveillance: [privacy, 123]\n",
         r"term #2 of frame 'surveillance' is 123 \(int\), not text; quote it"),
        ("frames:\n  surveillance: [privacy, null]\n",
         r"term #2 of frame 'surveillance' is None \(NoneType\), not text"),
        ("frames:\n  surveillance: [privacy, [a, b]]\n",
         r"term #2 of frame 'surveillance' is \['a', 'b'\] \(list\), not text"),
        ("frames:\n  surveillance: [privacy, privacy]\n",
         r"term #2 of frame 'surveillance' \('privacy'\) is listed twice in frame 'surveillance'"),
        ("frames:\n  surveillance: [sur*veil]\n", r"term #1 of frame 'surveillance' 'sur\*veil' has '\*' inside a word"),
        ("frames:\n  Surveillance Frame: [privacy]\n", r"frame name 'Surveillance Frame' must be lowercase"),
        ("frames:\n  surveillance: [privacy]\nexlude: [x]\n", r"unknown top-level key 'exlude'"),
        ("frames:\n  surveillance: [privacy]\nexclude: [privacy]\n",
         r"exclude entry #1 \('privacy'\) is also in frame 'surveillance'"),
        ("frames:\n  surveillance:\n    terms: privacy\n", r"the terms of frame 'surveillance' must be a list"),
    ],
)
def test_malformed_lexicon_is_a_one_line_error_naming_file_and_entry(tmp_path, content, message):
    path = tmp_path / "my_frames.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message) as info:
        load_frame_lexicon(path)
    text = str(info.value)
    assert text.startswith(str(path)) and "\n" not in text


def test_missing_lexicon_file(tmp_path):
    with pytest.raises(LexiconError, match=r"nope.yaml: file not found"):
        load_frame_lexicon(tmp_path / "nope.yaml")


def test_users_lexicon_replaces_the_shipped_one(tmp_path):
    path = tmp_path / "protest.yaml"
    path.write_text(
        "frames:\n  protest:\n    description: workers object\n    terms: [protest*, walk out, petition*]\n"
        "  business:\n    terms: [contract*, customer*]\nexclude: [petition drive]\n",
        encoding="utf-8",
    )
    s = _sentences([("x", 0, "body", "Workers protested and signed a petition; the contract stands."),
                    ("x", 1, "body", "A petition drive for customers.")])
    tagged = tag_frames(s, lexicon=path)
    assert tagged[["protest_terms", "business_terms", "frame_tag"]].values.tolist() == [
        [2, 1, "protest+business"], [0, 1, "business"]]
    rates = frame_rates(tagged, lexicon=path).iloc[0]
    assert (rates["protest_count"], rates["business_count"]) == (2, 2)
    assert rates["frame_balance"] == 0.0  # as many of each: balanced, not missing


def test_lexicon_as_table_and_three_frames_have_no_balance():
    lex = pd.DataFrame({"frame": ["a", "b", "c", None], "term": ["alpha", "beta", "gamma", "alpha beta"]})
    s = _sentences([("x", 0, "body", "alpha beta gamma alpha")])
    tagged = tag_frames(s, lexicon=lex)
    assert tagged[["a_terms", "b_terms", "c_terms", "frame_tag"]].values.tolist() == [[1, 0, 1, "a+c"]]
    assert "frame_balance" not in frame_rates(tagged, lexicon=lex).columns


# ---------------------------------------------------------------- tags and rates


def test_tag_frames_by_hand():
    tagged = tag_frames(SYNTH)
    assert list(tagged.columns) == ["article_id", "sentence_id", "n_words", "surveillance_terms",
                                    "safety_terms", "frame_tag"]
    assert tagged["surveillance_terms"].tolist() == [1, 2, 0, 0, 0]
    assert tagged["safety_terms"].tolist() == [0, 0, 2, 0, 0]  # "public safety" once, "fights crime"
    assert tagged["frame_tag"].tolist() == ["surveillance", "surveillance", "safety", "none", "none"]


@pytest.mark.parametrize(
    ("text", "surveillance", "safety"),
    [
        ("police misuse for racial profiling", 2, 0),   # misuse (near police) + racial profiling, not + profiling
        ("human rights abuses", 1, 0),                  # one phrase, not human rights + abuses
        ("to stop child abuse", 0, 1),                  # child abuse is safety although abus* is surveillance
        ("public safety matters", 0, 1),                # not public safety + safety
        ("The Department of Homeland Security", 0, 0),  # a name, excluded
        ("not a surveillance tool", 1, 0),              # negation ignored (documented)
    ],
)
def test_no_double_counting_inside_longer_phrases(text, surveillance, safety):
    tagged = tag_frames(_sentences([("x", 0, "body", text)]))
    assert (tagged.loc[0, "surveillance_terms"], tagged.loc[0, "safety_terms"]) == (surveillance, safety)


def test_frame_rates_by_hand():
    out = frame_rates(tag_frames(SYNTH)).set_index("article_id")
    a = out.loc["a"]
    assert (a["n_sentences"], a["n_words"], a["surveillance_count"], a["safety_count"]) == (3, 22, 3, 2)
    assert a["surveillance_per_1k"] == pytest.approx(1000 * 3 / 22)
    assert a["safety_per_1k"] == pytest.approx(1000 * 2 / 22)
    assert a["frame_balance"] == pytest.approx((3 - 2) / (3 + 2))
    b = out.loc["b"]
    assert (b["surveillance_count"], b["safety_count"], b["surveillance_per_1k"]) == (0, 0, 0.0)
    assert np.isnan(b["frame_balance"])  # no frame terms: undefined, not 0


def test_frame_rates_by_any_sentence_column():
    tagged = tag_frames(SYNTH).assign(position=SYNTH["position"], voice=["author", "quoted", "quoted", "author", "author"])
    by_pos = frame_rates(tagged, by="position")
    assert by_pos[["article_id", "position", "surveillance_count", "safety_count"]].values.tolist() == [
        ["a", "body", 0, 2], ["a", "headline", 1, 0], ["a", "lede", 2, 0], ["b", "body", 0, 0], ["b", "headline", 0, 0]]
    by_voice = frame_rates(tagged, by="voice").set_index(["article_id", "voice"])
    assert by_voice.loc[("a", "quoted"), "frame_balance"] == 0.0


def test_target_scope_restricts_and_keeps_every_article():
    tagged = tag_frames(SYNTH)
    mentions = pd.DataFrame({"article_id": ["a", "a", "a"], "sentence_id": [0, 2, 2], "mention": ["Amazon"] * 3})
    out = frame_rates(tagged, mentions=mentions).set_index("article_id")
    a = out.loc["a"]
    assert (a["n_sentences"], a["n_words"], a["surveillance_count"], a["safety_count"]) == (2, 14, 1, 2)
    assert a["frame_balance"] == pytest.approx(-1 / 3)
    b = out.loc["b"]  # no sentence of b mentions the target
    assert (b["n_sentences"], b["n_words"], b["surveillance_count"]) == (0, 0, 0)
    assert np.isnan(b["surveillance_per_1k"]) and np.isnan(b["frame_balance"])


def test_target_scope_warns_about_unknown_sentences():
    mentions = pd.DataFrame({"article_id": ["a", "zzz"], "sentence_id": [0, 9]})
    with pytest.warns(CorpusWarning, match=r"1 of 2 mentioned sentences are not in the sentence table"):
        frame_rates(tag_frames(SYNTH), mentions=mentions)


def test_counts_equal_evidence_rows_synthetic():
    rates = frame_rates(tag_frames(SYNTH))
    evidence = kwic(SYNTH)
    for frame in ("surveillance", "safety"):
        per_article = evidence[evidence["frame"] == frame].groupby("article_id").size()
        assert rates.set_index("article_id")[f"{frame}_count"].to_dict() == per_article.reindex(
            rates["article_id"], fill_value=0).to_dict()


def test_counts_equal_evidence_rows_on_shipped_articles(shipped_sentences):
    tagged = tag_frames(shipped_sentences)
    evidence = kwic(shipped_sentences)
    rates = frame_rates(tagged).set_index("article_id")
    assert int(rates[["surveillance_count", "safety_count"]].to_numpy().sum()) == len(evidence)
    for frame in ("surveillance", "safety"):
        counted = evidence[evidence["frame"] == frame].groupby("article_id").size()
        assert (rates[f"{frame}_count"] == counted.reindex(rates.index, fill_value=0)).all()


def test_shipped_articles_known_evidence(shipped_sentences, shipped_corpus):
    evidence = kwic(shipped_sentences).merge(shipped_corpus[["article_id", "outlet"]], on="article_id")
    safety = evidence[evidence["frame"] == "safety"]
    # The only safety words in the five articles: Amazon's own description, quoted by Business Insider.
    assert sorted(safety["term"]) == ["child exploitation", "human trafficking"]
    assert set(safety["outlet"]) == {"Business Insider"}
    # The employees' letter: four surveillance terms in one sentence, in Forbes.
    forbes = evidence[(evidence["outlet"] == "Forbes")]
    per_sentence = forbes.groupby("sentence_id")["term"].apply(list)
    assert ["surveil*", "monitor*", "oppress*", "marginali*"] in per_sentence.tolist()
    # The ACLU's name is excluded, so "civil libert*" never matches in these articles.
    assert "civil libert*" not in set(evidence["term"])


def test_compare_frames_by_hand():
    tagged = tag_frames(SYNTH).assign(outlet=["X", "X", "X", "Y", "Y"])
    with pytest.warns(CorpusWarning, match="single article"):
        out = compare_frames(tagged, by="outlet")
    est = {(m, o): e for m, o, e in out[["measure", "outlet", "estimate"]].itertuples(index=False)}
    assert est[("surveillance_per_1k", "X")] == pytest.approx(1000 * 3 / 22)
    assert est[("safety_per_1k", "Y")] == 0.0
    assert est[("frame_balance", "X")] == pytest.approx(0.2)
    assert np.isnan(est[("frame_balance", "Y")])


def test_inputs_checked_and_not_mutated():
    before = SYNTH.copy()
    tagged = tag_frames(SYNTH)
    frame_rates(tagged, by=None)
    pd.testing.assert_frame_equal(SYNTH, before)
    with pytest.raises(ValueError, match=r"tag_frames\(\) needs column 'n_words'"):
        tag_frames(SYNTH.drop(columns="n_words"))
    with pytest.raises(ValueError, match=r"frame_rates\(\) needs column 'safety_terms'"):
        frame_rates(tagged.drop(columns="safety_terms"))


def test_frames_are_fast_on_many_sentences(shipped_sentences):
    # ~40k sentences (400 copies of the five articles): well under a second
    # on a laptop; the bound is loose for a shared machine.
    big = pd.concat([shipped_sentences.assign(article_id=shipped_sentences["article_id"] + f"-{i}")
                     for i in range(400)], ignore_index=True)
    start = time.perf_counter()
    tagged = tag_frames(big)
    frame_rates(tagged)
    elapsed = time.perf_counter() - start
    assert elapsed < 6
    assert int(tagged["surveillance_terms"].sum()) == 400 * int(tag_frames(shipped_sentences)["surveillance_terms"].sum())
