"""Tests of coverage.stance.mentions.find_mentions: what counts as a mention of the target."""

from __future__ import annotations


import pandas as pd
import pytest

from coverage.errors import CorpusWarning, LexiconError
from coverage.stance.mentions import MENTION_COLUMNS, find_mentions


def _sentences(*texts, article="a"):
    return pd.DataFrame({"article_id": [article] * len(texts), "sentence_id": range(len(texts)),
                         "text": list(texts)})


def _found(table):
    return [(r.sentence_id, r.mention, r.start, r.kind, r.group) for r in table.itertuples()]


@pytest.mark.parametrize(
    "texts, expected",
    [
        (["Workers criticised Amazon."], [(0, "Amazon", 19, "name", "target")]),
        # longest alias first: one mention, not "Amazon" + more
        (["Amazon Web Services sells Rekognition."],
         [(0, "Amazon Web Services", 0, "name", "target"), (0, "Rekognition", 26, "product", "target")]),
        (["They bought Amazon Rekognition."], [(0, "Amazon Rekognition", 12, "product", "target")]),
        # an all-capitals alias matches exactly; others in any case
        (["AWS is not aws."], [(0, "AWS", 0, "name", "target")]),
        (["It marketed its rekognition software."], [(0, "rekognition", 16, "product", "target")]),
        # whole words only
        (["Amazonians protest."], []),
        (["Amazon’s tool"], [(0, "Amazon", 0, "name", "target")]),
        # affiliates are their own group
        (["Jeff Bezos and Jassy spoke."],
         [(0, "Jeff Bezos", 0, "affiliate", "affiliate"), (0, "Jassy", 15, "affiliate", "affiliate")]),
        # a name split by a line break is still one mention
        (["Amazon Web\nServices grew."], [(0, "Amazon Web\nServices", 0, "name", "target")]),
    ],
)
def test_names_products_and_affiliates(texts, expected):
    assert _found(find_mentions(_sentences(*texts))) == expected


@pytest.mark.parametrize(
    "texts, expected",
    [
        # the nearest earlier name is Amazon: counted, in the same or a later sentence
        (["Amazon sold it, and the company said so."], [(0, "Amazon", 0, "name", "target"),
                                                        (0, "the company", 20, "generic", "target")]),
        (["Amazon sold it.", "The tech giant said no."], [(0, "Amazon", 0, "name", "target"),
                                                          (1, "The tech giant", 0, "generic", "target")]),
        # an affiliate is also a name of the target
        (["Bezos spoke.", "The company agreed."], [(0, "Bezos", 0, "affiliate", "affiliate"),
                                                   (1, "The company", 0, "generic", "target")]),
        # the nearest earlier name is another company: not counted
        (["Amazon sold it.", "Google staff protested and the company listened."], [(0, "Amazon", 0, "name", "target")]),
        # ... or another target of the file (Palantir)
        (["Amazon serves Palantir, over concerns about the company's work."], [(0, "Amazon", 0, "name", "target")]),
        # no name at all before it: not counted
        (["The company said nothing."], []),
        # two sentences back is the limit
        (["Amazon sold it.", "Nothing.", "The company said no."],
         [(0, "Amazon", 0, "name", "target"), (2, "The company", 0, "generic", "target")]),
        (["Amazon sold it.", "Nothing.", "Still nothing.", "The company said no."], [(0, "Amazon", 0, "name", "target")]),
        # "the company-wide walkout" is not "the company"
        (["Amazon staged the company-wide walkout."], [(0, "Amazon", 0, "name", "target")]),
    ],
)
def test_generic_phrases_count_only_after_the_target_is_named(texts, expected):
    assert _found(find_mentions(_sentences(*texts))) == expected


def test_generic_phrases_do_not_look_into_another_article():
    sentences = pd.concat([_sentences("Amazon sold it.", article="a"),
                           _sentences("The company said no.", article="b")], ignore_index=True)
    assert find_mentions(sentences)["article_id"].tolist() == ["a"]


def test_sentences_are_read_in_sentence_id_order():
    sentences = pd.DataFrame({"article_id": ["a", "a"], "sentence_id": [1, 0],
                              "text": ["The company said no.", "Amazon sold it."]})
    assert _found(find_mentions(sentences)) == [(0, "Amazon", 0, "name", "target"),
                                               (1, "The company", 0, "generic", "target")]


def test_affiliates_false_drops_leaders_but_they_still_resolve_the_company():
    found = find_mentions(_sentences("Bezos spoke.", "The company agreed."), affiliates=False)
    assert _found(found) == [(1, "The company", 0, "generic", "target")]


@pytest.mark.parametrize(
    "text, modifier",
    [
        ("Amazon employees protested.", True),
        ("Amazon shareholders voted.", True),
        ("Amazon’s employees protested.", False),  # possessive: Amazon's own staff, but not "Amazon X"
        ("Amazon executives declined.", False),  # executives speak for the company
        ("Amazon sold it.", False),
    ],
)
def test_modifier_marks_names_followed_by_a_modifier_noun(text, modifier):
    assert find_mentions(_sentences(text))["modifier"].tolist() == [modifier]


def test_offsets_are_into_the_sentence_text_and_columns_as_documented():
    sentences = _sentences("Critics say Amazon, and the company, erred.", "Then Bezos spoke of AWS.")
    found = find_mentions(sentences)
    assert tuple(found.columns) == MENTION_COLUMNS
    texts = sentences.set_index("sentence_id")["text"]
    assert [texts[r.sentence_id][r.start:r.end] for r in found.itertuples()] == found["mention"].tolist()
    assert found["target"].unique().tolist() == ["amazon"]
    assert str(found["start"].dtype) == "int64" and str(found["modifier"].dtype) == "bool"


def test_no_mention_gives_an_empty_table_with_the_columns():
    found = find_mentions(_sentences("Nothing here."))
    assert found.empty and tuple(found.columns) == MENTION_COLUMNS


def test_another_target_and_a_users_file(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text("targets:\n  palantir:\n    names: [Palantir]\n    generic: [the data firm]\n"
                    "  acme:\n    names: [Acme]\n", encoding="utf-8")
    sentences = _sentences("Palantir works with ICE.", "The data firm grew.", "Acme too, and the data firm shrank.")
    found = find_mentions(sentences, target="palantir", targets_file=path)
    assert _found(found) == [(0, "Palantir", 0, "name", "target"), (1, "The data firm", 0, "generic", "target")]


def test_unknown_target_is_a_one_line_lexicon_error():
    with pytest.raises(LexiconError, match=r"targets\.yaml: no target 'google'"):
        find_mentions(_sentences("Google."), target="google")


def test_missing_column_names_the_function():
    with pytest.raises(ValueError, match=r"find_mentions\(\) needs column 'text'"):
        find_mentions(pd.DataFrame({"article_id": ["a"], "sentence_id": [0]}))


def test_sentences_without_text_are_skipped_and_counted():
    sentences = pd.DataFrame({"article_id": ["a", "a"], "sentence_id": [0, 1], "text": [None, "Amazon."]})
    with pytest.warns(CorpusWarning, match="skipped 1 sentence"):
        found = find_mentions(sentences)
    assert found["sentence_id"].tolist() == [1]


def test_input_is_not_changed():
    sentences = _sentences("Amazon sold it.")
    before = sentences.copy()
    find_mentions(sentences)
    pd.testing.assert_frame_equal(sentences, before)


# The shipped articles: cases read by hand in the five texts.
@pytest.mark.parametrize(
    "article, snippet, mention, counted",
    [
        # "the company" after Palantir refers to Palantir
        ("forbes-2018-06-22", "over concerns about the company", "the company", False),
        # "the company" after Microsoft / Google
        ("forbes-2018-06-22", "Microsoft staff this week called on the company", "the company", False),
        ("businessinsider-2018-11-06", "After workers at Google condemned", "the company", False),
        ("businessinsider-2018-11-06", "The protest internally at Amazon", "the tech giant", False),
        # "the company" after Amazon or Bezos
        ("businessinsider-2018-11-06", "openly and publicly criticized the company", "the company", True),
        ("recode-2018-11-05", "decrying the company", "the company", True),
        ("packthub-2018-11-09", "the company addressed its relationship", "the company", True),
        # products and lowercase product names
        ("techobserver-2018-06", "heavily marketed its rekognition", "rekognition", True),
        ("packthub-2018-11-09", "Andy Jassy, CEO of Amazon Web Services", "Amazon Web Services", True),
    ],
)
def test_shipped_articles(shipped_sentences, article, snippet, mention, counted):
    found = find_mentions(shipped_sentences)
    sentence = shipped_sentences[(shipped_sentences["article_id"] == article)
                                 & shipped_sentences["text"].str.contains(snippet, regex=False)]
    assert len(sentence) == 1
    row = sentence.iloc[0]
    hits = found[(found["article_id"] == article) & (found["sentence_id"] == row["sentence_id"])]
    at = row["text"].index(mention, row["text"].index(snippet))  # first one at or after the snippet
    assert (at in hits["start"].tolist()) is counted


@pytest.mark.parametrize("seed", range(4))
def test_generic_phrases_follow_the_last_name_in_long_random_articles(seed):
    # 400 sentences drawn from names of the target, of another company, "the company" and filler:
    # a generic phrase counts when the last name of the two sentences before (or its own) is Amazon's.
    import random

    rng = random.Random(seed)
    parts = {"Amazon sold it.": "Amazon", "Google staff protested.": "(other)", "Nothing happened.": None,
             "The company said no.": "generic", "Amazon and the company agreed.": "both"}
    texts = rng.choices(list(parts), k=400)
    expected, last = [], None  # last: (sentence, owner) of the last proper name
    for n, text in enumerate(texts):
        kind = parts[text]
        if kind in ("Amazon", "both"):
            last = (n, "amazon")
        if kind == "(other)":
            last = (n, "(other)")
        if kind in ("generic", "both") and last is not None and last[0] >= n - 2 and last[1] == "amazon":
            expected.append(n)
    got = find_mentions(_sentences(*texts))
    assert got.loc[got["kind"] == "generic", "sentence_id"].tolist() == expected
    assert len(expected) > 40
