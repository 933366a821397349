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
        # a quotation interrupted by its attribution is one quotation (issue 18)
        ("“A,” Bezos said. “B.”", 0, "“A,” … “B.”", "full", "Bezos", "said", "after", "company"),
        ("Amazon spokesperson Kathleen Rohde sent the following comment:\n\n“We participated.”", 0,
         "“We participated.”", "full", "Amazon spokesperson Kathleen Rohde", "sent the following comment",
         "separate", "company"),
        ("“One,” the letter read.\n\n“Two.\n\n“Three.”", 0, "“One,” … “Two.\n\n“Three.”", "full", "the letter",
         "read", "after", "employees"),
        ("“First,”\n\n“Second,” the letter states.", 0, "“First,” … “Second,”", "full", "the letter", "states",
         "after", "employees"),
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
    # the pronoun is resolved to the named speaker before it (issue 18), so the role is his
    assert quotes[["speaker", "role", "pronoun"]].values.tolist() == [["Bezos", "company", ""], ["Bezos", "company", "he"]]


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
        pieces = [tuple(map(int, p.split("-"))) for p in row.segments.split(";")]
        assert len(pieces) == row.n_segments and pieces[0][0] == row.start and pieces[-1][1] == row.end
        assert " … ".join(text[s:e] for s, e in pieces) == row.text
        assert row.kind in ("full", "partial") and row.role in ROLES
        if row.speaker_start >= 0:
            assert text[row.speaker_start:row.speaker_end] == row.speaker


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_unicode_never_raises(text):
    quotes = _quotes(text)
    single = quotes[quotes["n_segments"] == 1]
    assert all(text[s:e] == t for s, e, t in zip(single["start"], single["end"], single["text"]))


# -- the shipped articles ------------------------------------------------------------


def test_shipped_offsets_and_counts(shipped_corpus):
    quotes = extract_quotes(shipped_corpus)
    texts = dict(zip(shipped_corpus["article_id"], shipped_corpus["text"]))
    single = quotes[quotes["n_segments"] == 1]
    assert all(texts[a][s:e] == t for a, s, e, t in single[["article_id", "start", "end", "text"]].itertuples(index=False))
    # counted by hand in data/annotations/quotes.csv: 20 full and 14 partial stretches in marks;
    # five pairs of full ones are one quotation continued by the same source (Recode twice,
    # Business Insider, Forbes, Tech Observer), so 15 full quotations, 5 of two segments
    assert quotes["kind"].value_counts().to_dict() == {"full": 15, "partial": 14}
    assert quotes.groupby("n_segments").size().to_dict() == {1: 24, 2: 5}


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


# -- issue 18: a quotation is one or more segments ------------------------------------
# Expected values below were worked out by hand from the invented texts.

ANN_LEE = '"We had a sense of who he was," said Ann Lee, a former aide. "He knew exactly who he was."'


def _segments(row, text):
    return [text[int(s):int(e)] for s, e in (p.split("-") for p in row["segments"].split(";"))]


def test_interrupted_quotation_is_one_row_with_two_segments():
    quotes = _quotes(ANN_LEE)
    assert len(quotes) == 1
    row = quotes.iloc[0]
    # '"We had a sense of who he was,"' is 31 characters; ' said Ann Lee, a former aide. ' is 30
    assert (row["start"], row["end"], row["segments"], row["n_segments"]) == (0, 90, "0-31;61-90", 2)
    assert _segments(row, ANN_LEE) == ['"We had a sense of who he was,"', '"He knew exactly who he was."']
    assert row["text"] == '"We had a sense of who he was," … "He knew exactly who he was."'
    # 8 + 6 quoted words; the attribution's words are not counted
    assert row["n_words"] == 14
    assert (row["quote_id"], row["kind"], row["speaker"], row["cue"], row["attribution"]) == (
        0, "full", "Ann Lee", "said", "after")


@pytest.mark.parametrize(
    ("text", "segments", "speaker"),
    [
        # the next paragraph continues the same speaker
        ('"We lost the vote," she said.\n\n"We will try again next year."',
         ['"We lost the vote,"', '"We will try again next year."'], "she"),
        # one cue between two segments: "Yes," he said, "we will."
        ('"Yes," he said, "we will."', ['"Yes,"', '"we will."'], "he"),
        # attribution after the second paragraph's segment
        ("“First,”\n\n“Second,” the letter states.", ["“First,”", "“Second,”"], "the letter"),
        # the multi-paragraph convention stays one segment, joined to the next by the same cue
        ("“One,” the letter read.\n\n“Two.\n\n“Three.”", ["“One,”", "“Two.\n\n“Three.”"], "the letter"),
    ],
)
def test_continued_quotations_are_joined(text, segments, speaker):
    quotes = _quotes(text)
    assert len(quotes) == 1
    assert _segments(quotes.iloc[0], text) == segments
    assert quotes.iloc[0]["speaker"] == speaker


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a sentence of the journalist's own between the two: two quotations
        ('"A," she said. She left the room. "B."', ["she", "she"]),
        # two speakers, each with a cue
        ('"We stay," Bezos said. "We go," Jassy said.', ["Bezos", "Jassy"]),
        # a second cue of its own ("adding that") starts a second quotation
        ('"We stay," said Bezos, adding that, "we go."', ["Bezos", "Bezos"]),
    ],
)
def test_quotations_that_are_not_joined(text, speakers):
    quotes = _quotes(text)
    assert quotes["speaker"].tolist() == speakers
    assert quotes["n_segments"].tolist() == [1, 1]
    assert quotes["quote_id"].tolist() == [0, 1]


def test_single_segment_keeps_its_offsets():
    text = 'Intro.\n\n"We refuse," Bezos said. He left.'
    row = _quotes(text).iloc[0]
    assert (row["segments"], row["n_segments"]) == ("8-20", 1)
    assert text[row["start"]:row["end"]] == row["text"]


# -- issue 18: what is not a quotation --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # headline scare quotes, curly single and double marks
        ("CNN’s Jake Tapper on the leak: ‘Unethical,’ ‘Horrifying’", ["partial", "partial"]),
        ('CNN\'s Jake Tapper on the leak: "Unethical," "Horrifying"', ["partial", "partial"]),
        # a title of a work set off by commas
        ('Her new book, "A Promised Land in Winter," is out on Tuesday.', ["partial"]),
        ('The film, “The Long Night,” opens Friday.', ["partial"]),
        # slogans on clothing
        ('He wore a T-shirt that said "I Can\'t Breathe" to the game.', ["partial"]),
        ('"Jesus Saves," her shirt read.', ["partial"]),
        # transcript lines
        ('"PARTICIPANT: I think the economy is fine."', ["partial"]),
        ('"Q: Did you know? A: No."', ["partial"]),
        # still statements: a two-word sentence, a one-word reply with a cue, a sign
        ("“Nobody knows.”", ["full"]),
        ('"No," she said.', ["full"]),
        ('"Go," the sign on the door read.', ["full"]),
    ],
)
def test_what_is_not_a_statement(text, kinds):
    assert _quotes(text)["kind"].tolist() == kinds


# -- issue 18: speakers ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "pronoun"),
    [
        # the named person in the sentence before
        ('Ann Lee joined the campaign in 2015. "We had a plan," she said.', "Ann Lee", "she"),
        # introduced in the previous paragraph
        ('Ann Lee, a former aide, spoke to reporters on Monday.\n\n"We had a plan," she said.', "Ann Lee", "she"),
        # the speaker of the previous quotation
        ('"We stay," Bezos said.\n\nLater, "we will see," he said.', "Bezos", "he"),
        # a title tells she from he: Mr. Park is nearer but not compatible
        ('Ms. Lee met Mr. Park on Monday. "We talked," she said.', "Ms. Lee", "she"),
        # an organisation is not a he
        ('The Senate passed the bill on Monday. "It is a good day," he said.', "he", ""),
        # three sentences back, in another paragraph: too far
        ('Ann Lee left in May. The office closed. Rents rose.\n\n"We had a plan," she said.', "she", ""),
    ],
)
def test_pronoun_speakers_are_resolved(text, speaker, pronoun):
    row = _quotes(text).iloc[-1]
    assert (row["speaker"], row["pronoun"]) == (speaker, pronoun)
    if pronoun:
        assert text[row["pronoun_start"]:row["pronoun_end"]] == pronoun
        assert text[row["speaker_start"]:row["speaker_end"]] == speaker
    else:
        assert (row["pronoun_start"], row["pronoun_end"]) == (-1, -1)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the head of an appositive, cue after and before
        ('"We will appeal," Jane Roe, the editor in chief of the Daily Bugle, wrote.', "Jane Roe"),
        ('Jane Roe, the editor in chief of the Daily Bugle, wrote, "We will appeal."', "Jane Roe"),
        # a noun phrase before the cue that is not the speaker
        ('"It is rare," Jane Roe, part of the team conducting the survey, told NBC News.', "Jane Roe"),
        ('"It is rare," a scientist, part of the team conducting the survey, told NBC.', "a scientist"),
        # the speaker introduced by reported speech in the previous paragraph
        ('Ann Lee said the campaign was over.\n\n"We lost. We move on."', "Ann Lee"),
    ],
)
def test_speaker_noun_phrases(text, speaker):
    assert _quotes(text)["speaker"].tolist() == [speaker]


def test_pronoun_resolves_to_the_subject_of_reported_speech():
    # Bezos is only paraphrased, yet he is the named person before "he"
    text = 'Bezos said Amazon would keep selling it. "We will keep selling it," he said.'
    row = _quotes(text).iloc[0]
    assert (row["speaker"], row["pronoun"], row["role"]) == ("Bezos", "he", "company")


@pytest.mark.parametrize(
    "text",
    [
        # "mocked" is not a cue: the words after the comma are an attribution the rules
        # cannot read, so neither the quotation before nor reported speech lends a speaker
        '"We stay," Bezos said. "It is a disgrace," mocked a senator.',
        'Amazon employees wrote to Jeff Bezos on Monday.\n\n"It is a disgrace," mocked a senator.',
    ],
)
def test_unread_attribution_borrows_no_speaker(text):
    row = _quotes(text).iloc[-1]
    assert (row["text"], row["speaker"], row["attribution"], row["role"]) == (
        '"It is a disgrace,"', "", "none", "unattributed")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "She added ..." in between is the same person: follow it back to Ortiz
        ('Sen. Maria Ortiz spoke on Tuesday.\n\n"This is a scandal," Ortiz said. "Nobody should accept it."\n\n'
         'She added that the inquiry would continue. "We will find out who did this," she said.', "Ortiz"),
        # an earlier quotation's resolved "she" links the chain the same way
        ('Ann Lee spoke first. "We had a plan," she said. The plan failed.\n\n'
         '"We tried," she said.', "Ann Lee"),
    ],
)
def test_pronoun_chains(text, speaker):
    assert _quotes(text)["speaker"].tolist()[-1] == speaker
