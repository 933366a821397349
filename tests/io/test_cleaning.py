"""Cleaning rules, and properties that hold for any text (Hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coverage.io.cleaning import clean_text, normalise_line, repeated_lines


@pytest.mark.parametrize("line,rule", [
    ("Viewing all articles", "aggregator navigation"),
    ("Browse latest Browse all 1375", "aggregator navigation"),
    ("clock menu more-arrow no yes mobile", "page chrome"),
    ("Comments are closed.", "page chrome"),
    ("You may also like", "page chrome"),
    ("Read more: An Amazon staffer says over 450 employees wrote", "link line"),
    ("SEE ALSO:\u00a0Amazon is breaking a central promise", "link line"),
    ("NOW WATCH: Watch Apple's October 2018 event in 8 minutes", "link line"),
    ("read also:\u00a0Amazon’s classified lab", "link line"),
    ("Drew Angerer / Getty Images", "photo credit"),
])
def test_chrome_rules(line, rule):
    article = clean_text(f"A headline\n\nFirst paragraph.\n\n{line}\n\nLast paragraph.\n")
    assert article.removed == [(5, line.strip(), rule)]
    assert article.paragraphs == ["First paragraph.", "Last paragraph."]


@pytest.mark.parametrize("line", [
    "Read more about the protest in our earlier story.",  # a sentence, not a link line
    "Popular demand drove the petition.",
    "Employee activism is alive",  # a sub-heading is content
    "• Amazon employees have openly criticized the company.",
])
def test_content_is_kept(line):
    article = clean_text(f"A headline\n\nFirst paragraph.\n\n{line}\n")
    assert article.removed == []
    assert article.paragraphs[-1] == normalise_line(line)


def test_everything_after_a_syndication_footer_is_page():
    article = clean_text("A headline\n\nBody.\n\nThis article originally appeared on Recode.net.\n\nTrending\n")
    assert [r[2] for r in article.removed] == ["syndication footer", "after syndication footer"]
    assert article.paragraphs == ["Body."]


def test_caption_lines_before_a_credit():
    raw = "Headline here\n\nLede paragraph.\n\nA man walking.\nA man\nJane Doe / Getty Images\n\nBody text.\n"
    article = clean_text(raw)
    assert [r[2] for r in article.removed] == ["photo caption", "photo caption", "photo credit"]
    assert article.paragraphs == ["Lede paragraph.", "Body text."]


def test_boilerplate_found_across_articles():
    texts = [f"Site Menu\n\nStory {i} headline\n\nBody {i}.\n" for i in range(3)]
    assert repeated_lines(texts) == {"Site Menu"}
    assert repeated_lines(texts[:2]) == set()  # two articles are too few to call it boilerplate
    article = clean_text(texts[0], boilerplate={"Site Menu"})
    assert article.removed == [(1, "Site Menu", "repeated across articles")]


@pytest.mark.parametrize("raw,expected", [
    ("zero\u200bwidth\u200d joiner\ufeff", "zerowidth joiner"),
    ("  no-break\u00a0\u00a0space  ", "no-break space"),
    ("* starred bullet", "• starred bullet"),
    ("- dashed bullet", "• dashed bullet"),
    ("-5 degrees", "-5 degrees"),
    ("مرحبا بالعالم 👋", "مرحبا بالعالم 👋"),
])
def test_normalise_line(raw, expected):
    assert normalise_line(raw) == expected


def test_one_word_article_has_no_headline():
    article = clean_text("Hello")
    assert (article.headline, article.paragraphs, article.text) == ("", ["Hello"], "Hello")


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_cleaning_never_fails_and_accounts_for_every_line(raw):
    article = clean_text(raw)
    kept = ([article.headline] if article.headline else []) + article.paragraphs
    non_blank = [normalise_line(line) for line in raw.splitlines() if normalise_line(line)]
    assert len(kept) + len(article.removed) == len(non_blank)
    assert "\n" not in article.text.replace("\n\n", "")
    assert article.text[article.body_start:] == "\n\n".join(article.paragraphs)
