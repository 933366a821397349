"""Tests of coverage.stance.grammar: the clause and grammatical role of a mention."""

import pytest

from coverage.errors import LexiconError
from coverage.stance.grammar import clause_of, clause_words, load_stance_grammar, role_words


@pytest.mark.parametrize(
    "text, start, end, expected",
    [
        ("Amazon was accused of firing workers.", 0, 6, "PASS PASS_accused SENTSUBJ"),
        ("Critics slammed Amazon.", 16, 22, "OBJ OBJ_slammed"),
        ("Amazon cut jobs.", 0, 6, "SUBJ SUBJ_cut SENTSUBJ"),
        ("Amazon did not win the vote.", 0, 6, "SUBJ SUBJ_win NEG_SUBJ NEG_SUBJ_win SENTSUBJ CLAUSENEG"),
        ("Amazon said it would grow.", 0, 6, "SUBJ SUBJ_said SPEAKER SENTSUBJ SAYS_NEAR"),
        ("Amazon’s profits rose.", 0, 6, "POSS POSS_profits SENTSUBJ"),
        ("Amazon is a monopoly.", 0, 6, "COP COP_monopoly SENTSUBJ"),
        ("The fine was paid by Amazon.", 21, 27, "PREP_by HEAD_by_paid AGENT AGENT_paid"),
        ("Prices rose, according to Amazon.", 26, 32, "PREP_to HEAD_to_according SPEAKER"),
        ("Nothing here", 20, 25, ""),  # offsets beyond the words: no role
    ],
)
def test_role_words_by_hand(text, start, end, expected):
    assert role_words(text, start, end) == expected


@pytest.mark.parametrize(
    "text, start, end, expected",
    [
        ("Critics say Amazon cut jobs, but it grew.", 12, 18, "C_critics C_say C_cut C_jobs"),
        ("Workers, who love Amazon, struck.", 18, 24, "C_who C_love"),  # a clause opens with its "who"
        ("Amazon.", 0, 6, ""),
    ],
)
def test_clause_words(text, start, end, expected):
    assert clause_words(text, start, end) == expected


def test_reporting_verbs_come_from_the_quotation_cues():
    # "told" is in reporting_verbs.yaml, the list extract_quotes uses
    assert role_words("Amazon told investors it would grow.", 0, 6) == "SUBJ SUBJ_told SPEAKER SENTSUBJ SAYS_NEAR"


def test_grammar_file_reads_no_as_a_word():
    # unquoted, YAML reads "no" as false: the shipped file quotes it
    assert "no" in load_stance_grammar().negators
    assert role_words("Amazon had no answer.", 0, 6).endswith("CLAUSENEG")


def test_clause_of_cuts_at_openers_and_marks():
    assert clause_of("Workers, whose union sued Amazon, struck.", 26, 32) == "whose union sued  "


def test_malformed_grammar_file_is_one_line_error(tmp_path, monkeypatch):
    bad = tmp_path / "stance_grammar.yaml"
    bad.write_text("negators: [not]\nbe: []\n", encoding="utf-8")
    monkeypatch.setattr("coverage.stance.grammar.shipped_path", lambda name: bad)
    load_stance_grammar.cache_clear()
    try:
        with pytest.raises(LexiconError, match=r"stance_grammar.yaml: 'be' must be a non-empty list of words"):
            load_stance_grammar()
    finally:
        load_stance_grammar.cache_clear()
