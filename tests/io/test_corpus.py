"""Loading the corpus: the shipped articles, every input type, every bad input."""

from __future__ import annotations

import hashlib
import json
import warnings

import pandas as pd
import pytest

from coverage import CorpusError, CorpusWarning, load_corpus, removed_lines
from coverage.schema import CORPUS_COLUMNS

# sha256 of the files in ../shared/corpus/, taken with `sha256sum` when they
# were copied: the raw data must stay byte for byte as published.
RAW_HASHES = {
    "businessinsider-2018-11-06.txt": "1d5e244f24721e8efbbecea37054aa6b8d4114ccfeac2ed11f6a83c59cd41bc7",
    "forbes-2018-06-22.txt": "2cae39c39766f63e9711f7a63f9104322d7a4e0f7304eae76cdefed989f132dc",
    "recode-2018-11-05.txt": "dc54f1291928ee70de514dbd7edcf0734c706f38570f5c345d594e34b5c8f83d",
    "packthub-2018-11-09.txt": "ad8bd2d745f746c2437aef0323f0ae067d590312f3403c26610c08988cd630b7",
    "techobserver-2018-06.txt": "7ef4580c7647eadb2015de9742b019a79f3c9ccaae8057ede48ce42a17f1eb55",
}


@pytest.mark.parametrize("name,digest", sorted(RAW_HASHES.items()))
def test_raw_files_are_unchanged(repo, name, digest):
    assert hashlib.sha256((repo / "data" / "raw" / name).read_bytes()).hexdigest() == digest


def test_raw_folder_holds_only_the_five_articles(repo):
    assert sorted(p.name for p in (repo / "data" / "raw").iterdir()) == sorted(RAW_HASHES)


def test_shipped_corpus_shape(shipped_corpus):
    # The kit's columns, then those of the template data/outlets.csv.
    assert list(shipped_corpus.columns) == [*CORPUS_COLUMNS, "group", "lean"]
    assert len(shipped_corpus) == 5
    assert shipped_corpus["article_id"].is_unique
    assert pd.api.types.is_datetime64_any_dtype(shipped_corpus["published"])
    # Sorted by date: Forbes (22 June) first, Packt Hub (9 Nov) last.
    assert shipped_corpus["article_id"].tolist() == [
        "forbes-2018-06-22", "techobserver-2018-06", "recode-2018-11-05",
        "businessinsider-2018-11-06", "packthub-2018-11-09"]
    # Only Recode's date is confirmed (its page address carries it).
    assert shipped_corpus.set_index("article_id")["date_estimated"].to_dict() == {
        "forbes-2018-06-22": True, "techobserver-2018-06": True, "recode-2018-11-05": False,
        "businessinsider-2018-11-06": True, "packthub-2018-11-09": True}


# Expected body start and end read off the raw files by hand: the first line
# after the headline and chrome, the last line before the page footer.
@pytest.mark.parametrize("article_id,headline,first,last", [
    ("businessinsider-2018-11-06", "Amazon employees are reportedly gearing up",
     "• Amazon employees have openly and publicly criticized",
     "history of sexual misconduct."),
    ("forbes-2018-06-22", "Amazon Employees Ask Bezos To Stop Selling Facial Recognition To Cops",
     "Amazon employees have written a letter to CEO Jeff Bezos",
     "$12.2 million in May 2017, among many other orders."),
    ("recode-2018-11-05", "Amazon employees hope to confront Jeff Bezos",
     "The “We Won’t Build It” group sent a letter",
     "make the right decision, even when it’s unpopular.”"),
    ("packthub-2018-11-09", "Amazon addresses employees dissent",
     "Yesterday, at an Amazon all-staff meeting",
     "head over to the complete Q&A of the meeting on BuzzFeed."),
    ("techobserver-2018-06", "Amazon employees",
     "Amazon employees are protesting to stop the sale",
     "if they won’t speak up against unethical work."),
])
def test_body_start_and_end(shipped_corpus, article_id, headline, first, last):
    row = shipped_corpus.set_index("article_id").loc[article_id]
    body = row["text"][row["body_start"]:]
    assert row["headline"].startswith(headline)
    assert row["text"].startswith(row["headline"] + "\n\n")
    assert body.startswith(first)
    assert body.endswith(last)


def test_clean_text_has_no_chrome_and_no_odd_spaces(shipped_corpus):
    for text in shipped_corpus["text"]:
        for chrome in ("Browse latest", "Getty Images", "Read more:", "SEE ALSO", "NOW WATCH",
                       "Read Next", "syndicated", "Comments are closed", "More Articles"):
            assert chrome not in text
        assert "\u00a0" not in text and "\n\n\n" not in text
        assert "\n" not in text.replace("\n\n", "")


def test_word_counts_use_the_kit_tokeniser(shipped_corpus):
    from coverage.text.tokens import count_words

    assert (shipped_corpus["n_words"] == shipped_corpus["text"].map(count_words)).all()


# The exact lines removed from two articles, read off the raw files.
REMOVED_RECODE = [
    (1, "clock menu more-arrow no yes mobile", "page chrome"),
    (3, "Filed under:", "page chrome"),
    (9, "Amazon CEO Jeff Bezos walking toward the camera.", "photo caption"),
    (10, "Amazon CEO Jeff Bezos", "photo caption"),
    (11, "Drew Angerer / Getty Images", "photo credit"),
    (41, "This article originally appeared on", "syndication footer"),
]
REMOVED_PACKT = [
    (21, "Read Next", "read next list"),
    (23, "Apple and Amazon take punitive action against Bloomberg’s ‘misinformed’ hacking story", "read next list"),
    (25, "‘We are not going to withdraw from the future’ says Microsoft’s Brad Smith on the ongoing JEDI bid, Amazon concurs", "read next list"),
    (27, "Amazon tried to sell its facial recognition technology to ICE in June, emails reveal", "read next list"),
    (29, "*** This is a Security Bloggers Network syndicated blog from Security News – Packt Hub authored by Savia Lobo. Read the original post at:", "syndication footer"),
    (31, "Secure Guardrails", "after syndication footer"),
]
REMOVED_FORBES = [(33, "Popular", "page chrome"), (35, "More Articles", "page chrome"), (37, "Popular", "page chrome")]


@pytest.mark.parametrize("article_id,expected", [
    ("recode-2018-11-05", REMOVED_RECODE),
    ("packthub-2018-11-09", REMOVED_PACKT),
    ("forbes-2018-06-22", REMOVED_FORBES),
])
def test_removed_lines_exact(shipped_corpus, article_id, expected):
    removed = removed_lines(shipped_corpus)
    rows = removed[removed["article_id"] == article_id][["line_no", "line", "rule"]]
    assert list(rows.itertuples(index=False, name=None)) == expected


def test_removed_lines_count_business_insider(shipped_corpus):
    removed = removed_lines(shipped_corpus)
    bi = removed[removed["article_id"] == "businessinsider-2018-11-06"]
    # 3 navigation lines on top, the "jeff bezos" alt text, Read more, SEE ALSO,
    # Join the conversation, NOW WATCH, and 6 navigation lines at the bottom.
    assert len(bi) == 13
    assert bi["line"].str.startswith("Read more:").sum() == 1
    assert (bi["rule"] == "image alt text").sum() == 1


def test_every_raw_line_is_kept_or_recorded(shipped_corpus):
    removed = removed_lines(shipped_corpus)
    for row in shipped_corpus.itertuples():
        from coverage.io.cleaning import normalise_line

        kept = [p for p in row.text.split("\n\n")]
        n_raw = sum(1 for line in row.raw_text.splitlines() if normalise_line(line))
        n_removed = int((removed["article_id"] == row.article_id).sum())
        assert len(kept) + n_removed == n_raw


def test_front_matter_and_no_manifest(tiny_data):
    corpus = load_corpus(tiny_data)
    assert corpus["outlet"].tolist() == ["Daily One", "Weekly Two"]
    assert corpus["article_id"].tolist() == ["a", "b"]
    assert corpus.loc[1, "headline"] == "Company answers staff"
    assert corpus.loc[1, "text"] == "Company answers staff\n\nThe company answered on Thursday."
    assert corpus.loc[0, "published"] == pd.Timestamp("2018-06-21")


def test_manifest_row_overrides_front_matter(tiny_data):
    (tiny_data / "articles.csv").write_text(
        "article_id,file,outlet,title,published,url,author,via,notes\n"
        "first,raw/a.md,Renamed Outlet,,2018-06-20,,,,Date estimated\n", encoding="utf-8")
    corpus = load_corpus(tiny_data).set_index("article_id")
    assert corpus.loc["first", "outlet"] == "Renamed Outlet"
    assert corpus.loc["first", "date_estimated"]
    assert corpus.loc["b", "outlet"] == "Weekly Two"


def test_html_page_is_extracted(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    paragraphs = "".join(
        f"<p>Paragraph {i} says that Amazon employees wrote a long letter to the chief executive "
        f"about facial recognition sold to police departments across the country.</p>" for i in range(6))
    (raw / "page.html").write_text(
        "<html><head><title>Staff protest | Example News</title>"
        "<meta property='og:site_name' content='Example News'>"
        "<meta property='article:published_time' content='2018-11-05T10:00:00Z'>"
        "<script>document.write('evil')</script></head>"
        f"<body><nav>Home | World</nav><article><h1>Staff protest</h1>{paragraphs}</article>"
        "<footer>Comments are closed.</footer></body></html>", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    row = corpus.iloc[0]
    assert row["outlet"] == "Example News"
    assert row["published"] == pd.Timestamp("2018-11-05")
    assert "Paragraph 5 says" in row["text"]
    assert "evil" not in row["text"] and "Home | World" not in row["text"]


def _bulk(tmp_path, name, frame):
    raw = tmp_path / "raw"
    raw.mkdir(exist_ok=True)
    path = raw / name
    if name.endswith(".csv"):
        frame.to_csv(path, index=False)
    elif name.endswith(".jsonl"):
        path.write_text("\n".join(json.dumps(r) for r in frame.to_dict("records")) + "\n", encoding="utf-8")
    else:
        frame.to_parquet(path)
    return tmp_path


@pytest.mark.parametrize("name", ["stories.csv", "stories.jsonl", "stories.parquet"])
def test_bulk_tables(tmp_path, name):
    frame = pd.DataFrame({"text": ["Headline one\n\nFirst body, with a comma.", "Second story."],
                          "outlet": ["A", "B"], "published": ["2018-06-21", "2018-06-22"]})
    corpus = load_corpus(_bulk(tmp_path, name, frame))
    assert corpus["article_id"].tolist() == ["stories-1", "stories-2"]
    assert corpus["source_file"].tolist() == [f"data/raw/{name}#row1".replace("data/", tmp_path.name + "/"),
                                              f"{tmp_path.name}/raw/{name}#row2"]
    assert corpus.loc[0, "text"] == "Headline one\n\nFirst body, with a comma."


def test_media_cloud_export(tmp_path):
    frame = pd.DataFrame({
        "stories_id": [101, 102, 103], "media_name": ["Recode", "Forbes", "Forbes"],
        "publish_date": ["2018-11-05 14:00:00", "2018-06-22 09:30:00", "2018-06-23 09:30:00"],
        "title": ["Staff to confront Bezos", "Employees write", "No text here"],
        "url": ["https://example.org/1", "https://example.org/2", "https://example.org/3"],
        "story_text": ["Staff will ask questions.", "Employees wrote a letter.", ""]})
    with pytest.warns(CorpusWarning, match=r"skipped 1 table row with no text \(first: .*#row3\)"):
        corpus = load_corpus(_bulk(tmp_path, "mc.csv", frame))
    assert corpus["article_id"].tolist() == ["mc-102", "mc-101"]
    assert corpus["outlet"].tolist() == ["Forbes", "Recode"]
    assert corpus["url"].tolist() == ["https://example.org/2", "https://example.org/1"]


def _one_line(message: str) -> None:
    assert "\n" not in message and len(message) < 300


# Byte offsets by hand: "---" + newline 4, "outlet: X" + newline 10, "published: 2018-01-01" + newline 22, "---" + newline 4, "bad " 4: 44.
@pytest.mark.parametrize("setup,pattern", [
    (lambda raw: (raw / "story.docx").write_bytes(b"PK\x03\x04"), r"story\.docx: unknown file type '\.docx'; save"),
    (lambda raw: (raw / "empty.md").write_text("---\noutlet: X\npublished: 2018-01-01\n---\n"), r"empty\.md: the article is empty"),
    (lambda raw: (raw / "chrome.md").write_text("---\noutlet: X\npublished: 2018-01-01\n---\nFiled under:\nComments are closed.\n"), r"chrome\.md: the article holds only site chrome"),
    (lambda raw: (raw / "bad.txt").write_bytes(b"---\noutlet: X\npublished: 2018-01-01\n---\nbad \x81\x8d bytes\n"), r"bad\.txt: bytes that are not UTF-8 \(first at byte 44\) nor Windows-1252; re-save"),
    (lambda raw: (raw / "orphan.txt").write_text("Some article text.\n"), r"orphan\.txt: no manifest row and no front matter; add a row to articles\.csv with at least: file, outlet, published"),
    (lambda raw: (raw / "date.md").write_text("---\noutlet: X\npublished: last Tuesday\n---\nText.\n"), r"date\.md: cannot read the date 'last Tuesday'; write it as YYYY-MM-DD"),
    (lambda raw: (raw / "fm.md").write_text("---\noutlet: [X\npublished: 2018-01-01\n---\nText.\n"), r"fm\.md: malformed front matter"),
    (lambda raw: (raw / "open.md").write_text("---\noutlet: X\nText.\n"), r"open\.md: front matter opened with '---' but never closed"),
    (lambda raw: (raw / "nooutlet.md").write_text("---\npublished: 2018-01-01\n---\nText.\n"), r"nooutlet\.md: no 'outlet' given; add it"),
    (lambda raw: pd.DataFrame({"body": ["x"], "outlet": ["A"]}).to_csv(raw / "t.csv", index=False), r"t\.csv: table lacks column 'text'; it has: body, outlet"),
])
def test_bad_files_give_one_line_errors(tmp_path, setup, pattern):
    raw = tmp_path / "raw"
    raw.mkdir()
    setup(raw)
    before = {p.name: p.read_bytes() for p in raw.iterdir()}
    with pytest.raises(CorpusError, match=pattern) as info:
        load_corpus(tmp_path)
    _one_line(str(info.value))
    assert {p.name: p.read_bytes() for p in raw.iterdir()} == before


def _manifest(data, rows):
    header = "article_id,file,outlet,title,published,url,author,via,notes\n"
    (data / "articles.csv").write_text(header + "".join(r + "\n" for r in rows), encoding="utf-8")


@pytest.mark.parametrize("rows,pattern", [
    (["x,raw/missing.txt,A,,2018-01-01,,,,"], r"articles\.csv line 2: file 'raw/missing\.txt' does not exist"),
    (["x,../outside.txt,A,,2018-01-01,,,,"], r"articles\.csv line 2: file '\.\./outside\.txt' points outside the data folder"),
    (["x,raw/a.txt,A,,2018-01-01,,,,", "x,raw/b.txt,B,,2018-01-02,,,,"], r"articles\.csv: article_id 'x' appears more than once"),
    (["x,raw/a.txt,A,,31/31/2018,,,,", "y,raw/b.txt,B,,2018-01-02,,,,"], r"raw/a\.txt: cannot read the date '31/31/2018'"),
])
def test_bad_manifest_rows(tmp_path, rows, pattern):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("Headline\n\nBody text here.\n")
    (raw / "b.txt").write_text("Headline\n\nOther text here.\n")
    (tmp_path / "outside.txt").write_text("x")
    _manifest(tmp_path, rows)
    with pytest.raises(CorpusError, match=pattern) as info:
        load_corpus(tmp_path)
    _one_line(str(info.value))


def test_duplicate_article_id_across_sources(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.md").write_text("---\narticle_id: same\noutlet: A\npublished: 2018-01-01\n---\nText one.\n")
    (raw / "b.md").write_text("---\narticle_id: same\noutlet: B\npublished: 2018-01-01\n---\nText two.\n")
    with pytest.raises(CorpusError, match=r"b\.md: article_id 'same' is already used by .*a\.md"):
        load_corpus(tmp_path)


def test_cp1252_is_read_with_a_warning(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "win.txt").write_bytes("---\noutlet: A\npublished: 2018-01-01\n---\nHeadline\n\nIt’s “quoted”.\n".encode("cp1252"))
    with pytest.warns(CorpusWarning, match=r"win\.txt: not UTF-8 .* read as Windows-1252"):
        corpus = load_corpus(tmp_path)
    assert corpus.loc[0, "text"].endswith("It’s “quoted”.")


def test_bom_and_windows_line_endings(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "bom.txt").write_bytes("\ufeff---\r\noutlet: A\r\npublished: 2018-01-01\r\n---\r\nHead\r\n\r\nBody one.\r\n".encode("utf-8"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        corpus = load_corpus(tmp_path)
    assert corpus.loc[0, "text"] == "Head\n\nBody one."


def test_missing_raw_folder(tmp_path):
    with pytest.raises(CorpusError, match=r"no 'raw' folder; put the article files in"):
        load_corpus(tmp_path)
