"""Tests of coverage.voices.quotes and coverage.voices.speakers: marks, kinds, speakers, roles."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coverage.voices.speakers import (
    load_cues,
    speaker_before,
)
from coverage.errors import LexiconError
from coverage.voices.quotes import QUOTE_COLUMNS, extract_quotes, quote_spans
from coverage.voices.roles import ROLES, assign_role, load_roles


def _quotes(text: str, **kwargs) -> pd.DataFrame:
    return extract_quotes(pd.DataFrame({"article_id": ["a"], "text": [text]}), **kwargs)


# -- pairing the marks ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "no." Then "yes."', ['"no."', '"yes."']),  # straight marks
        ("“We refuse,” she said.", ["“We refuse,”"]),  # curly marks
        ("“Write: ‘Why is Amazon doing this?’”", ["“Write: ‘Why is Amazon doing this?’”"]),  # nested singles
        ("“One. Two. Three.” Done.", ["“One. Two. Three.”"]),  # several sentences
        ("“First paragraph.\n\n“Second paragraph.”", ["“First paragraph.\n\n“Second paragraph.”"]),
        ("“Never closed\n\nNext paragraph.", ["“Never closed"]),  # unbalanced: ends with its paragraph
        ("We Won’t stop; workers’ rights.", []),  # apostrophes are not marks
        ("a letter titled ‘We Won’t Build It’, an open letter", ["‘We Won’t Build It’"]),
        ("It's 'odd' and 'rare'.", []),  # straight single marks are ignored
        ("stray closer” here", []),
        ("in writing … ”. He had “failed”.", ["“failed”"]),  # '… ”.' closes, never opens
        ("“open “again” done", ["“open", "“again”"]),  # a new opener ends an unclosed quotation
        # hard-wrapped paragraphs (blank lines between them): a quotation crosses a line break
        ("Intro.\n\n“We will\nnot build it,” she said.\n\nEnd.", ["“We will\nnot build it,”"]),
        # no blank line anywhere: every line is a paragraph
        ("“Never closed\nNext line “here”", ["“Never closed", "“here”"]),
    ],
)
def test_quote_spans(text, expected):
    assert [text[s:e] for s, e, _ in quote_spans(text)] == expected


def test_quote_spans_reports_unclosed():
    assert [closed for _, _, closed in quote_spans('"a" and "b')] == [True, False]


# -- attribution rules ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "index", "quoted", "kind", "speaker", "cue", "attribution", "role"),
    [
        ('"We refuse," Bezos said.', 0, '"We refuse,"', "full", "Bezos", "said", "after", "company"),
        ('"We refuse," said Bezos.', 0, '"We refuse,"', "full", "Bezos", "said", "after", "company"),
        ('Bezos said, “We refuse.”', 0, "“We refuse.”", "full", "Bezos", "said", "before", "company"),
        ("Bezos said “We refuse.”", 0, "“We refuse.”", "full", "Bezos", "said", "before", "company"),
        ("According to Recode, “the meeting is Thursday.”", 0, "“the meeting is Thursday.”", "full",
         "Recode", "According to", "before", "media"),
        ("“Stop it,” according to the ACLU.", 0, "“Stop it,”", "full", "the ACLU", "according to", "after",
         "civil_rights"),
        ("“We refuse,” an Amazon employee wrote to colleagues.", 0, "“We refuse,”", "full",
         "an Amazon employee", "wrote", "after", "employees"),
        ("“It is fine,” Jassy told reporters.", 0, "“It is fine,”", "full", "Jassy", "told", "after", "company"),
        ("The employee letter states, “Stop.”", 0, "“Stop.”", "full", "The employee letter", "states",
         "before", "employees"),
        ("“Stop,” the letter states.", 0, "“Stop,”", "full", "the letter", "states", "after", "employees"),
        ("“Stop,” states the Complaint letter of Amazon employees, The hills.", 0, "“Stop,”", "full",
         "the Complaint letter of Amazon employees", "states", "after", "employees"),
        ("Jeff Bezos, at a Wired conference last month, stated, “No.”", 0, "“No.”", "full", "Jeff Bezos",
         "stated", "before", "company"),
        ("When asked, Andy Jassy, CEO of Amazon Web Services, said, “Fine.”", 0, "“Fine.”", "full",
         "Andy Jassy", "said", "before", "company"),
        ("“A,” said Bezos, adding that, “B.”", 1, "“B.”", "full", "Bezos", "adding", "before", "company"),
        ("“A,” Bezos said. “B.”", 1, "“B.”", "full", "Bezos", "said", "separate", "company"),
        ("Amazon spokesperson Kathleen Rohde sent the following comment:\n\n“We participated.”", 0,
         "“We participated.”", "full", "Amazon spokesperson Kathleen Rohde", "sent the following comment",
         "separate", "company"),
        ("“One,” the letter read.\n\n“Two.\n\n“Three.”", 1, "“Two.\n\n“Three.”", "full", "the letter",
         "read", "separate", "employees"),
        ("“First,”\n\n“Second,” the letter states.", 0, "“First,”", "full", "the letter", "states",
         "separate", "employees"),
        ("“We refuse to build it, said the employeers in the letter.”", 0, "“We refuse to build it", "full",
         "the employeers", "said", "after", "employees"),
        ('The policy "Zero tolerance" split families.', 0, '"Zero tolerance"', "partial", "", "", "none",
         "unattributed"),
        ('"Zero tolerance" split families.', 0, '"Zero tolerance"', "partial", "", "", "none", "unattributed"),
        ('At a conference, Bezos said Amazon would "continue to support" the government.', 0,
         '"continue to support"', "partial", "Bezos", "said", "before", "company"),
        ('In June, hundreds of Amazon employees signed a letter, citing "historic militarization."', 0,
         '"historic militarization."', "partial", "hundreds of Amazon employees", "citing", "before",
         "employees"),
        ("It’s her “fervent hope,” Wald said.", 0, "“fervent hope,”", "partial", "Wald", "said", "after",
         "other"),
        ('The panel, "to pass on what I know."', 0, '"to pass on what I know."', "partial", "", "", "none",
         "unattributed"),
        ("“Nobody knows.”", 0, "“Nobody knows.”", "full", "", "", "none", "unattributed"),
        # a cue after a determiner or possessive is a noun; after "been" it is passive
        ('Trump called Streep "over-rated" in a tweet.', 0, '"over-rated"', "partial", "", "", "none",
         "unattributed"),
        ("Acosta asked if Trump’s claim that the “fake news media” lies was true.", 0, "“fake news media”",
         "partial", "Acosta", "asked", "before", "other"),
        ("He said Warren had been warned, and “nevertheless she persisted,” notching a win.", 0,
         "“nevertheless she persisted,”", "partial", "He", "said", "before", "other"),
    ],
)
def test_attribution_rules(text, index, quoted, kind, speaker, cue, attribution, role):
    row = _quotes(text).iloc[index]
    assert (row["text"], row["kind"], row["speaker"], row["cue"], row["attribution"], row["role"]) == (
        quoted, kind, speaker, cue, attribution, role)


def test_pronoun_takes_role_of_nearest_named_speaker():
    quotes = _quotes("“We stay,” Bezos said.\n\nLater, “we will see,” he said.")
    assert quotes[["speaker", "role"]].values.tolist() == [["Bezos", "company"], ["he", "company"]]


def test_offsets_hold_the_quotation_with_its_marks():
    text = 'Intro.\n\n"We refuse," Bezos said. He left.'
    row = _quotes(text).iloc[0]
    assert text[row["start"]:row["end"]] == row["text"] == '"We refuse,"'
    assert text[row["speaker_start"]:row["speaker_end"]] == "Bezos"
    assert row["n_words"] == 2


def test_table_shape_and_empty_corpus():
    empty = extract_quotes(pd.DataFrame({"article_id": ["a", "b"], "text": ["No quotes here.", ""]}))
    assert list(empty.columns) == list(QUOTE_COLUMNS)
    assert len(empty) == 0


def test_quote_ids_count_within_each_article():
    corpus = pd.DataFrame({"article_id": ["a", "b"], "text": ['"x" and "y"', '"z"']})
    assert extract_quotes(corpus)[["article_id", "quote_id"]].values.tolist() == [["a", 0], ["a", 1], ["b", 0]]


def test_input_is_not_changed():
    corpus = pd.DataFrame({"article_id": ["a"], "text": ['"x," he said.']})
    before = corpus.copy()
    extract_quotes(corpus)
    pd.testing.assert_frame_equal(corpus, before)


def test_missing_column_names_function():
    with pytest.raises(ValueError, match=r"extract_quotes\(\) needs column 'text'"):
        extract_quotes(pd.DataFrame({"article_id": ["a"]}))


_PIECES = st.sampled_from(list("ab Z.,:;\n\"“”‘’'«»—-") + ["said", " he ", "according to ", "Bezos", " the "])


@settings(max_examples=100, deadline=None)
@given(st.lists(_PIECES, max_size=60).map("".join))
def test_any_text_gives_valid_offsets(text):
    quotes = _quotes(text)
    for row in quotes.itertuples():
        assert 0 <= row.start < row.end <= len(text)
        assert text[row.start:row.end] == row.text
        assert row.kind in ("full", "partial") and row.role in ROLES
        if row.speaker_start >= 0:
            assert text[row.speaker_start:row.speaker_end] == row.speaker


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_unicode_never_raises(text):
    quotes = _quotes(text)
    assert all(text[s:e] == t for s, e, t in zip(quotes["start"], quotes["end"], quotes["text"]))


# -- the shipped articles ------------------------------------------------------------


def test_shipped_offsets_and_counts(shipped_corpus):
    quotes = extract_quotes(shipped_corpus)
    texts = dict(zip(shipped_corpus["article_id"], shipped_corpus["text"]))
    assert all(texts[a][s:e] == t for a, s, e, t in quotes[["article_id", "start", "end", "text"]].itertuples(index=False))
    # counted by hand in data/annotations/quotes.csv: 20 full and 14 partial quotations
    assert quotes["kind"].value_counts().to_dict() == {"full": 20, "partial": 14}


# -- lexicon files --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("speaker", "role"),
    [
        ("an Amazon employee", "employees"),
        ("Amazon spokesperson Kathleen Rohde", "company"),
        ("the ACLU", "civil_rights"),
        ("ICE", "government"),
        ("Recode", "media"),
        ("the public documents obtained by the Project on Government Oversight", "other"),
        ("Amazonians", "employees"),
        ("Ms Smith", "other"),
        ("", "unattributed"),
        # job titles take the role of the organisation named with them, else their own
        ("ICE spokesperson", "government"),
        ("a spokesperson for the ACLU", "civil_rights"),
        ("A spokesperson", "company"),
        ("Pentagon officials", "government"),
        ("Amazon officials", "company"),
    ],
)
def test_assign_role(speaker, role):
    assert assign_role(speaker, load_roles()) == role


def test_users_roles_file_replaces_shipped(tmp_path):
    path = tmp_path / "roles.yaml"
    path.write_text("roles:\n  government:\n    - bezos\n", encoding="utf-8")
    assert _quotes('"No," Bezos said.', roles=path)["role"].tolist() == ["government"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("roles:\n  villains:\n    - bezos\n", r"roles.yaml: role 'villains' is not one of company"),
        ("roles:\n  company:\n    - 3\n", r"roles.yaml: role 'company' has entry 3"),
        ("roles:\n  company: bezos\n", r"roles.yaml: role 'company' must hold a list"),
        ("roles:\n  company: [bezos]\n  media: [Bezos]\n", r"roles.yaml: entry 'Bezos' is listed under both"),
        ("- just a list\n", r"roles.yaml: expected a mapping 'roles:'"),
        ("roles:\n  company: [amazon]\ntitles:\n  spokesperson: boss\n",
         r"roles.yaml: title 'spokesperson' has role 'boss', which is not one of"),
        ("roles:\n  company: [spokesperson]\ntitles:\n  spokesperson: company\n",
         r"roles.yaml: 'spokesperson' is both a title and an entry of role 'company'"),
        ("roles:\n  company: [amazon]\ntitles: [spokesperson]\n", r"roles.yaml: 'titles' must map each job title"),
        ("roles: [unclosed\n", r"roles.yaml: malformed YAML at line"),
    ],
)
def test_malformed_roles_file(tmp_path, content, message):
    path = tmp_path / "roles.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message) as info:
        load_roles(path)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("verbs:\n  say: said\n", r"verbs.yaml: verbs: 'say' must be a list of forms"),
        ("nouns: {}\n", r"verbs.yaml: expected a mapping with 'verbs:'"),
        ("verbs:\n  say: [said]\nsource_phrases: according to\n", r"verbs.yaml: 'source_phrases' must be a list"),
    ],
)
def test_malformed_verbs_file(tmp_path, content, message):
    path = tmp_path / "verbs.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        load_cues(path)


def test_users_verbs_file_replaces_shipped(tmp_path):
    path = tmp_path / "verbs.yaml"
    path.write_text("verbs:\n  quip: [quipped]\n", encoding="utf-8")
    assert _quotes('"Fine," Bezos quipped.', verbs=path)["speaker"].tolist() == ["Bezos"]
    assert _quotes('"Fine," Bezos said.', verbs=path)["speaker"].tolist() == [""]


def test_speaker_before_skips_parenthetical():
    text = "Jeff Bezos, at a Wired conference last month, stated"
    start, end = speaker_before(text, 0, text.index(" stated"), load_cues())
    assert text[start:end] == "Jeff Bezos"
