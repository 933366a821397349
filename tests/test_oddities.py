"""Real-world oddities, each with its expected outcome."""

from __future__ import annotations

import pandas as pd
import pytest

from coverage import CorpusError, CorpusWarning, load_corpus, split_sentences
from coverage.io.corpus import read_articles


def _write(tmp_path, name, content):
    raw = tmp_path / "raw"
    raw.mkdir(exist_ok=True)
    path = raw / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return tmp_path


FM = "---\noutlet: A\npublished: 2018-11-05\n---\n"


def test_ten_megabyte_article(tmp_path):
    para = "Amazon employees wrote to Mr. Bezos about the U.S. police. “We refuse,” they said.\n\n"
    n = 10_000_000 // len(para)
    corpus = load_corpus(_write(tmp_path, "big.md", FM + "Big headline\n\n" + para * n))
    sentences = split_sentences(corpus)
    # Each paragraph is two sentences; the headline is one more.
    assert len(sentences) == 2 * n + 1
    # Amazon employees wrote to Mr Bezos about the U S police We refuse they said: 15 words.
    assert corpus.loc[0, "n_words"] == 2 + 15 * n


def test_article_of_one_word(tmp_path):
    corpus = load_corpus(_write(tmp_path, "one.md", FM + "Rekognition"))
    assert (corpus.loc[0, "headline"], corpus.loc[0, "text"], corpus.loc[0, "n_words"]) == ("", "Rekognition", 1)
    assert split_sentences(corpus)["position"].tolist() == ["lede"]


def test_right_to_left_text_and_emoji(tmp_path):
    corpus = load_corpus(_write(tmp_path, "rtl.md", FM + "عنوان الخبر\n\nموظفو أمازون كتبوا رسالة. 👍 Amazon answered.\n"))
    assert corpus.loc[0, "headline"] == "عنوان الخبر"
    assert split_sentences(corpus)["text"].tolist() == ["عنوان الخبر", "موظفو أمازون كتبوا رسالة. 👍 Amazon answered."]


def test_zero_width_characters_are_removed(tmp_path):
    corpus = load_corpus(_write(tmp_path, "zw.md", FM + "Head\u200bline\n\nAma\u200czon\u2060 employees\u00ad wrote.\n"))
    assert corpus.loc[0, "text"] == "Headline\n\nAmazon employees wrote."


def test_mixed_and_unbalanced_quote_marks(tmp_path):
    text = FM + "Head\n\n\"Straight,” she said. “Curly\" he said. 'Single’ and “never closed. Next one.\n"
    sentences = split_sentences(load_corpus(_write(tmp_path, "q.md", text)))
    assert sentences["text"].tolist() == ["Head", "\"Straight,” she said.", "“Curly\" he said.",
                                          "'Single’ and “never closed.", "Next one."]


def test_html_with_scripts_iframes_and_no_body(tmp_path):
    html = "<html><head><script>alert(1)</script></head><iframe src='http://example.org'></iframe></html>"
    with pytest.raises(CorpusError, match=r"page\.html: no article text found in this HTML page"):
        load_corpus(_write(tmp_path, "page.html", html))


def test_html_page_that_is_not_an_article(tmp_path):
    links = "".join(f"<li><a href='/story/{i}'>Story {i}</a></li>" for i in range(30))
    html = f"<html><head><title>Index</title></head><body><nav><ul>{links}</ul></nav></body></html>"
    with pytest.raises(CorpusError, match=r"index\.html: no article text found"):
        load_corpus(_write(tmp_path, "index.html", html))


def test_csv_with_embedded_newlines_and_quotes(tmp_path):
    frame = pd.DataFrame({"text": ['Head\n\nShe said "no, never", twice.\nThen left.'],
                          "outlet": ["A, the outlet"], "published": ["2018-11-05"]})
    raw = tmp_path / "raw"
    raw.mkdir()
    frame.to_csv(raw / "t.csv", index=False)
    corpus = load_corpus(tmp_path)
    assert corpus.loc[0, "outlet"] == "A, the outlet"
    assert corpus.loc[0, "text"] == 'Head\n\nShe said "no, never", twice.\n\nThen left.'


def test_media_cloud_export_with_missing_text(tmp_path):
    frame = pd.DataFrame({"stories_id": [1, 2], "media_name": ["A", "B"], "publish_date": ["2018-11-05", "2018-11-06"],
                          "title": ["t1", "t2"], "url": ["u1", "u2"], "text": ["Body one.", None]})
    raw = tmp_path / "raw"
    raw.mkdir()
    frame.to_csv(raw / "mc.csv", index=False)
    with pytest.warns(CorpusWarning, match="skipped 1 table row with no text"):
        corpus = load_corpus(tmp_path)
    assert corpus["article_id"].tolist() == ["mc-1"]
    with pytest.warns(CorpusWarning, match="skipped 1 table row with no text"):
        _, skipped = read_articles(tmp_path)
    assert skipped.to_dict("records") == [{"source": f"{tmp_path.name}/raw/mc.csv#row2", "reason": "no text"}]


@pytest.mark.parametrize("value,expected", [
    ("2018-11-05", "2018-11-05 00:00:00"),
    ("05 Nov 2018", "2018-11-05 00:00:00"),
    ("November 5, 2018", "2018-11-05 00:00:00"),
    ("2018/11/05", "2018-11-05 00:00:00"),
    ("2018-11-05T20:00:00-08:00", "2018-11-06 04:00:00"),  # Pacific evening is next day in UTC
    ("Mon, 05 Nov 2018 10:00:00 GMT", "2018-11-05 10:00:00"),
    ("2018-11-05 14:00:00+01:00", "2018-11-05 13:00:00"),
])
def test_dates_in_several_formats_and_time_zones(tmp_path, value, expected):
    corpus = load_corpus(_write(tmp_path, "d.md", f"---\noutlet: A\npublished: '{value}'\n---\nText.\n"))
    assert str(corpus.loc[0, "published"]) == expected


def test_fifty_thousand_rows_in_one_csv(tmp_path):
    n = 50_000
    frame = pd.DataFrame({"text": [f"Headline {i}\n\nStory {i} happened." for i in range(n)],
                          "outlet": ["A", "B"] * (n // 2), "published": "2018-11-05"})
    raw = tmp_path / "raw"
    raw.mkdir()
    frame.to_csv(raw / "many.csv", index=False)
    corpus = load_corpus(tmp_path)
    assert len(corpus) == n and corpus["article_id"].is_unique
    assert corpus["outlet"].value_counts().to_dict() == {"A": n // 2, "B": n // 2}


@pytest.mark.parametrize("value", ["9 Nov", "0001-01-01", "31/31/2018"])
def test_dates_without_a_plausible_year_are_errors(tmp_path, value):
    with pytest.raises(CorpusError, match=rf"d\.md: cannot read the date '{value}'; write it as YYYY-MM-DD"):
        load_corpus(_write(tmp_path, "d.md", f"---\noutlet: A\npublished: '{value}'\n---\nText.\n"))


def test_html_headline_is_not_repeated_as_the_lede(tmp_path):
    body = "".join(f"<p>Paragraph {i} tells how Amazon employees wrote to the chief executive about "
                   f"face recognition sold to police departments across the country.</p>" for i in range(5))
    html = ("<html><head><title>Staff protest</title><meta property='og:site_name' content='Example'>"
            "<meta property='article:published_time' content='2018-11-05'></head><body><article>"
            f"<h1>Staff protest</h1>{body}</article></body></html>")
    corpus = load_corpus(_write(tmp_path, "p.html", html))
    assert corpus.loc[0, "headline"] == "Staff protest"
    assert corpus.loc[0, "text"].count("Staff protest") == 1
