"""Tests of coverage.measures.frame_rules and the rules of the shipped lexicon, on invented sentences.

DEV is the development set the shipped lexicon's rules were tuned on: sentences
written for the purpose (none taken from the test set in
data/annotations/frames_sentences.csv), each labelled by hand with the
sentence codebook's two questions (S surveillance, F safety) before the
lexicon was run on it.
"""

from __future__ import annotations

import pandas as pd
import pytest

from coverage.errors import LexiconError
from coverage.measures.frame_lexicon import load_frame_lexicon
from coverage.measures.frames import tag_frames
from coverage.measures.keyword_context import kwic
from coverage.text.tokens import count_words


def _one(text: str) -> pd.DataFrame:
    return pd.DataFrame({"article_id": ["x"], "sentence_id": [0], "text": [text], "n_words": [count_words(text)]})


# (text, S, F): hand labels by the codebook of data/annotations/frames_sentences_codebook.md.
DEV = [
    # misidentification
    ("The software falsely matched 28 members of Congress with mugshots of people who had been arrested.", 1, 0),
    ("Researchers found the system wrongly identified dark-skinned women far more often than white men.", 1, 0),
    ("A Detroit man was wrongfully arrested after a face recognition search returned the wrong person.", 1, 0),
    ("Critics say the algorithms have higher error rates for people with darker skin.", 1, 0),
    # identification and search
    ("Police can upload a photo and identify the people in it by scanning faces and searching databases.", 1, 0),
    ("Officers used the tool to search for people in the city's security camera footage.", 1, 0),
    ("The sheriff's office loaded 300,000 mugshots into a database it can match against any image.", 1, 0),
    ("The system can identify up to 100 faces in a single crowd photo.", 1, 0),
    # tracking
    ("The pilot let police track people in real time through cameras around the city.", 1, 0),
    ("Orlando fed live video from eight city cameras into Rekognition.", 1, 0),
    # deportation, freedom
    ("Activists fear the tool will help ICE deport immigrants and separate families.", 1, 0),
    ("Such tools threaten free speech and the right to protest.", 1, 0),
    ("Face recognition in the hands of the government is a threat to freedom, the group warned.", 1, 0),
    # safety benefits
    ("Amazon says the service can help find missing children and fight human trafficking.", 0, 1),
    ("The sheriff said the software helped deputies identify suspects and solve cases faster.", 0, 1),
    ("The technology will support the vital Homeland Security Investigations mission.", 0, 1),
    ("Border agents use face matching to screen travelers arriving at airports.", 0, 1),
    ("Supporters argue it keeps communities safe and helps police protect the public.", 0, 1),
    ("Officials said the cameras were installed to prevent crime and deter terrorism.", 0, 1),
    # sense traps: neither frame
    ("A security camera in the lobby recorded the meeting.", 0, 0),
    ("Security removed them from the room after they interrupted the talk.", 0, 0),
    ("The security guard asked the protesters to leave.", 0, 0),
    ("The city ran the Orlando Safety Video Proof of Concept for six months.", 0, 0),
    ("The Department of Homeland Security declined to comment.", 0, 0),
    ("It is safe to say the shareholders were not persuaded.", 0, 0),
    ("The company has a strong track record in cloud computing.", 0, 0),
    ("Police said two suspects were arrested after the robbery.", 0, 0),
    ("The mission-critical workloads run on AWS.", 0, 0),
    ("Amazon sells Rekognition to police departments in Oregon and Florida.", 0, 0),
    # conceded benefits and mixtures
    ("We are concerned about the safety of the general public if the technology is misused.", 1, 0),
    ("Police say the tool keeps people safe, but critics say it tracks protesters.", 1, 1),
    ("Police say it helps catch criminals; civil liberties groups call it a dragnet.", 1, 1),
    ("Investigators tracked down the suspect within hours using the footage.", 0, 1),
    # the vocabulary of political news, where most frame words mean something else
    ("National security adviser Michael Flynn resigned on Monday.", 0, 0),
    ("The attack was claimed by a terrorist group.", 0, 0),
    ("The senator said the bill would keep Americans safe from terrorists.", 0, 1),
    ("Trump vowed to deport millions of undocumented immigrants.", 1, 0),
    ("The civil rights leader spoke at the rally.", 0, 0),
    ("Lawmakers demanded answers about the data collection program.", 1, 0),
    ("The FBI can search a database of 640 million photos.", 1, 0),
    ("The new cameras will make the streets safer, the mayor said.", 0, 1),
    ("A court ruled the warrantless searches unconstitutional.", 1, 0),
    ("The UN Security Council met on Tuesday.", 0, 0),
    ("Republicans said the bill would protect people with pre-existing conditions.", 0, 0),
    ("Democrats warned of cuts to the social safety net.", 0, 0),
    ("Trump met with his national security team at the White House.", 0, 0),
    ("We are monitoring the situation closely, the spokesman said.", 0, 0),
    ("The senator accused the president of an abuse of power.", 0, 0),
    ("Police have not yet identified the victims of the crash.", 0, 0),
    ("Russia annexed Crimea in 2014 and stopped short of further moves.", 0, 0),
    ("The group urged Congress to help victims of the hurricane.", 0, 0),
    ("The White House said it would protect the country from terrorists.", 0, 1),
    ("He ran as a law and order candidate who was tough on crime.", 0, 1),
    ("The agency monitors social media posts of activists.", 1, 0),
    ("Officers abused the database to look up ex-partners.", 1, 0),
]


@pytest.mark.parametrize(("text", "surveillance", "safety"), DEV, ids=[t[:40] for t, _, _ in DEV])
def test_development_sentences(text, surveillance, safety):
    tagged = tag_frames(_one(text)).iloc[0]
    assert (int(tagged["surveillance_terms"] > 0), int(tagged["safety_terms"] > 0)) == (surveillance, safety)


@pytest.mark.parametrize(
    ("text", "match", "rule"),
    [
        ("A security camera in the lobby.", "security camera", "excluded: sense 'security camera'"),
        ("The American Civil Liberties Union objected.", "American Civil Liberties Union",
         "excluded: name 'American Civil Liberties Union'"),
        ("The city ran the Orlando Safety Video Proof of Concept.", "Safety",
         "safety term excluded: name 'Orlando Safety Video Proof of Concept'"),
        ("The vital Homeland Security Investigations mission.", "Homeland Security",
         "excluded: name 'Homeland Security'"),
        ("The vital Homeland Security Investigations mission.", "mission", "counted: near 'vital' ('vital', "
         "'critical', 'essential', ...)"),
        ("Rekognition can identify faces.", "identify", "counted: near 'faces' (technology, people)"),
        ("He was identified as the driver.", "identified",
         "surveillance term excluded: not within 8 words of technology, people"),
        ("The safety of the public if the tool is misused.", "safety",
         "counted as surveillance (safety term): near 'misused' (concession)"),
        ("Police tracked down the suspect.", "tracked down",
         "counted as safety (surveillance term): near 'suspect' (wrongdoers)"),
    ],
)
def test_every_decision_says_why(text, match, rule):
    ev = kwic(_one(text), excluded=True)
    row = ev[ev["match"] == match].iloc[0]
    assert row["rule"] == rule
    assert (row["decision"] == "excluded") == pd.isna(row["frame"])


def test_a_title_case_headline_is_not_a_name():
    ev = kwic(_one("Amazon Workers Say Surveillance Tools Threaten Privacy"), excluded=True)
    assert ev["decision"].tolist() == ["counted", "counted"]


def test_near_is_within_the_clause_and_the_distance():
    lex = pd.DataFrame({"frame": ["a"], "term": ["x"]})  # a table lexicon: no rules, everything counts
    assert tag_frames(_one("x far away"), lexicon=lex)["a_terms"].tolist() == [1]


def test_rules_in_a_users_file(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(
        "rules: {names: exclude, within: 2}\n"
        "groups:\n  tech: [camera*, drone*]\n"
        "frames:\n"
        "  watch:\n    terms:\n      - term: record*\n        near: tech\n      - term: track\n        names: count\n"
        "  care:\n    terms:\n      - term: help*\n        counts_as: {frame: watch, near: [spies], within: 1}\n"
        "exclude:\n  senses: [record player]\n",
        encoding="utf-8")
    text = pd.concat([_one(t) for t in [
        "Drones recording everyone.",           # near tech within 2: watch
        "They recording music with the band.",  # not near: excluded
        "A record player.",                     # sense excluded
        "Helping spies.",                       # counts_as watch
        "Helping far from any spies.",          # too far: care
        "Fast Track Program",                   # names: count, and a headline anyway
    ]], ignore_index=True).assign(sentence_id=range(6))
    tagged = tag_frames(text, lexicon=path)
    assert tagged[["watch_terms", "care_terms"]].values.tolist() == [[1, 0], [0, 0], [0, 0], [1, 0], [0, 1], [1, 0]]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("frames:\n  a:\n    - term: x\n      near: nogroup\n", r"near 'nogroup' is not a group"),
        ("frames:\n  a:\n    - term: x\n      within: 3\n", r"'within' needs 'near:' beside it"),
        ("frames:\n  a:\n    - term: x\n      nearby: [y]\n", r"unknown key 'nearby'"),
        ("frames:\n  a:\n    - near: [y]\n", r"needs 'term:'"),
        ("frames:\n  a:\n    - term: x\n      near: [y]\n      within: -1\n", r"'within' must be a whole number"),
        ("frames:\n  a:\n    - term: x\n      counts_as: {frame: b, near: [y]}\n",
         r"counts_as: frame 'b' must be another frame of this file"),
        ("frames:\n  a: [x]\nrules: {names: maybe}\n", r"rules 'names' must be 'exclude' or 'count'"),
        ("frames:\n  a: [x]\nexclude:\n  senses: x\n", r"exclude 'senses' must be a list"),
        ("frames:\n  a: [x]\nexclude:\n  senses: [x]\n", r"exclude entry #1 of 'senses' \('x'\) is also in frame 'a'"),
    ],
)
def test_bad_rules_are_one_line_errors(tmp_path, content, message):
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message) as info:
        load_frame_lexicon(path)
    assert str(info.value).startswith(str(path)) and "\n" not in str(info.value)


def test_a_loaded_lexicon_keeps_its_rules_when_passed_on():
    lex = load_frame_lexicon()
    text = _one("The city ran the Orlando Safety Video Proof of Concept.")
    assert tag_frames(text, lexicon=lex)["safety_terms"].tolist() == [0]
    assert kwic(text, lexicon=lex, excluded=True)["decision"].tolist() == ["excluded"]
