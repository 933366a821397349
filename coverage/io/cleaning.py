"""Remove site chrome from scraped articles, keeping a record of every line removed.

Scraped pages carry navigation ("Viewing all articles", "Browse latest"),
photo captions and credits ("Drew Angerer / Getty Images"), link lines
("Read more:", "SEE ALSO:", "NOW WATCH:"), "Read Next" headline lists,
syndication footers and sidebar headings ("Popular", "You may also like").
Cleaning works line by line: each line of the raw text is kept or removed by
a named rule, so a student can see exactly what was taken out and why
(:func:`removed_lines`).

What the cleaned text looks like
--------------------------------
* Every kept line becomes one paragraph; paragraphs are joined by a blank
  line (``"\\n\\n"``), so the clean text never holds a single newline.
* The headline is the first kept line when it reads like a headline (no
  final full stop) or matches the manifest title; it becomes the first
  paragraph and ``body_start`` marks where the body begins.
* Within a line: no-break and other exotic spaces become plain spaces,
  zero-width characters and the byte-order mark are dropped, runs of spaces
  collapse to one, and the line is stripped. Quote marks and dashes are kept
  as they are, because quotation extraction needs them.
* Bullet points ("•", "*", "-") are kept as content with the marker
  normalised to "• ".

Blind spots: the rules are written for English news pages; a sidebar
heading that is also a plausible one-line paragraph ("Popular") is removed
only when it is short and carries no full stop; truncated scrapes are kept
as they are.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pandas as pd

from coverage.text.tokens import count_words

__all__ = ["CLEAN_COLUMNS", "CleanArticle", "clean_articles", "clean_text", "clean_row", "corpus_boilerplate",
           "repeated_lines", "short_labels", "normalise_line"]

_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_BULLET = re.compile(r"^(?:[•●▪◦‣∙·]|[*-](?=\s))\s*")

# Each rule: name -> pattern matched against the normalised line (whole line).
# Order matters only for the name reported; a line is removed by the first hit.
_LINE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("aggregator navigation", re.compile(
        r"(?i)channel: .*|viewing all articles|browse latest( browse all \d+)?|"
        r"latest images|trending articles")),
    ("page chrome", re.compile(
        r"(?i)clock menu more-arrow.*|filed under:?|share this story|share|tweet|"
        r"comments are closed\.?|you may also like|more in \w+( \w+)?|popular|"
        r"more articles|related articles?|advertisement|skip to (main )?content|"
        r"sign up for .*newsletter.*|join the conversation about this story\W*")),
    ("link line", re.compile(
        r"(?i)(read more|read also|see also|now watch|related|recommended|"
        r"watch|more from \w+)\s*:.*")),
    ("syndication footer", re.compile(
        r"(?i)(\*{3} )?this is a .*syndicated (blog|post).*|"
        r"this (article|story|post) (originally )?(appeared|was originally published) (on|in)\b.*|"
        r"read the original (post|article) at:?.*")),
    ("photo credit", re.compile(
        r"(?:(?:photo|image)(?: by)?:?\s*)?[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}"
        r"\s*/\s*(?:Getty Images|AP|AP Photo|Reuters|AFP|Shutterstock|Bloomberg|"
        r"EPA|Associated Press|Getty)(?: .*)?")),
)

# A short line with no sentence punctuation right before a photo credit is its
# caption; scraped Vox pages put the alt text and caption there.
_CAPTION_MAX_WORDS = 15
# Lower-case lines of a few words with no punctuation are image alt text that
# aggregators print in place of the picture ("jeff bezos").
_ALT_TEXT = re.compile(r"[a-z][a-z' ]{0,40}")
_READ_NEXT = re.compile(r"(?i)read next|up next|more stories|related stories")


@dataclass
class CleanArticle:
    """The result of cleaning one raw text.

    Attributes
    ----------
    headline : str
        The headline found in the text, or ``""``.
    paragraphs : list of str
        Body paragraphs in order (headline excluded).
    removed : list of tuple
        ``(line_no, line, rule)`` for every removed non-blank line; line
        numbers start at 1 and count lines of the raw text.
    """

    headline: str = ""
    paragraphs: list[str] = field(default_factory=list)
    removed: list[tuple[int, str, str]] = field(default_factory=list)

    @property
    def text(self) -> str:
        """Headline and body as one clean text (paragraphs joined by a blank line)."""
        parts = ([self.headline] if self.headline else []) + self.paragraphs
        return "\n\n".join(parts)

    @property
    def body_start(self) -> int:
        """Offset in :attr:`text` where the body begins."""
        return len(self.headline) + 2 if self.headline and self.paragraphs else (
            len(self.headline) if self.headline else 0
        )


def normalise_line(line: str) -> str:
    """Return ``line`` with invisible characters dropped and spaces normalised.

    Examples
    --------
    >>> normalise_line("  petitioned\\u00a0 the\\u200b company ")
    'petitioned the company'
    >>> normalise_line("  • Amazon employees")
    '• Amazon employees'
    """
    line = _INVISIBLE.sub("", line)
    line = _SPACES.sub(" ", line).strip()
    if _BULLET.match(line) and len(line) > 2:
        line = _BULLET.sub("• ", line, count=1)
    return line


def repeated_lines(texts: Iterable[str], *, min_articles: int = 3, max_words: int = 8) -> set[str]:
    """Return short lines that recur across articles: boilerplate of a site.

    A line counts when it has at most ``max_words`` words, no final full stop,
    and appears (after normalisation) in at least ``min_articles`` different
    texts. With few articles (fewer than ``min_articles``) nothing is found,
    which is the safe direction: no content is removed for recurring.

    Examples
    --------
    >>> sorted(repeated_lines(["Menu\\nA story.", "Menu\\nB story.", "Menu\\nC."]))
    ['Menu']
    """
    return corpus_boilerplate((short_labels(text, max_words=max_words) for text in texts), min_articles=min_articles)


def short_labels(text: str, *, max_words: int = 8) -> set[str]:
    """Return the distinct lines of ``text`` that could be site boilerplate.

    They are the normalised lines of at most ``max_words`` words without a
    final full stop: the candidates :func:`repeated_lines` counts.

    Examples
    --------
    >>> sorted(short_labels("Menu\\nIt happened today.\\nMenu\\nShare this"))
    ['Menu', 'Share this']
    """
    seen = {normalise_line(line) for line in text.splitlines()}
    return {s for s in seen if s and _is_short_label(s, max_words)}


#: Columns of the table :func:`clean_articles` returns.
CLEAN_COLUMNS = ("headline", "text", "body_start", "n_words", "removed")


def clean_articles(raw: Sequence[str], titles: Sequence[str]) -> pd.DataFrame:
    """Clean each raw text, as :func:`clean_text` with the short lines the corpus repeats as boilerplate.

    Parameters
    ----------
    raw, titles : sequence of str
        Raw texts and manifest titles, one per article.

    Returns
    -------
    pandas.DataFrame
        One row per article, in the given order: ``headline``, ``text``,
        ``body_start``, ``n_words`` and ``removed`` (a list of
        ``(line_no, line, rule)`` for the lines cleaning removed).

    Examples
    --------
    >>> out = clean_articles(["Menu\\nA story.", "Menu\\nB story.", "Menu\\nC."], ["", "", ""])
    >>> out["text"].tolist(), out["removed"][0]
    (['A story.', 'B story.', 'C.'], [(1, 'Menu', 'repeated across articles')])
    """
    if len(raw) != len(titles):
        raise ValueError(f"clean_articles(): got {len(raw)} texts but {len(titles)} titles; give one title per text")
    boilerplate = corpus_boilerplate(short_labels(text) for text in raw)
    return clean_table([clean_row(text, title, boilerplate) for text, title in zip(raw, titles)])


def corpus_boilerplate(labels: Iterable[Iterable[str]], *, min_articles: int = 3) -> set[str]:
    """The short lines found in at least ``min_articles`` articles, from each article's :func:`short_labels`.

    The same set as :func:`repeated_lines` of the texts.
    """
    counts = Counter(line for own in labels for line in own)
    return {line for line, n in counts.items() if n >= min_articles}


def clean_row(text: str, title: str, boilerplate: set[str]) -> dict:
    """One row of :func:`clean_articles`: the article cleaned with the corpus's ``boilerplate`` lines."""
    article = clean_text(text, title=title, boilerplate=boilerplate)
    return {"headline": article.headline, "text": article.text, "body_start": article.body_start,
            "n_words": count_words(article.text), "removed": article.removed}


def clean_table(rows: Iterable[dict]) -> pd.DataFrame:
    """The table of :func:`clean_articles` from its rows."""
    return pd.DataFrame(list(rows), columns=list(CLEAN_COLUMNS)).astype({"body_start": "int64", "n_words": "int64"})


def _is_short_label(line: str, max_words: int) -> bool:
    return len(line.split()) <= max_words and not line.endswith((".", "?", "!", "”", '"', ":"))


def clean_text(raw: str, *, title: str = "", boilerplate: frozenset[str] | set[str] = frozenset()) -> CleanArticle:
    """Split ``raw`` into headline and body paragraphs, removing site chrome.

    Parameters
    ----------
    raw : str
        The article as read from its file.
    title : str, optional
        The manifest title, used to recognise the headline.
    boilerplate : set of str, optional
        Lines found repeated across the corpus (:func:`repeated_lines`).

    Returns
    -------
    CleanArticle

    Examples
    --------
    >>> art = clean_text("Filed under:\\n\\nBig news today\\n\\nIt happened. Read more: x\\n")
    >>> art.headline, art.paragraphs
    ('Big news today', ['It happened. Read more: x'])
    >>> art.removed
    [(1, 'Filed under:', 'page chrome')]
    """
    lines = [normalise_line(line) for line in raw.splitlines()]
    rules: list[str | None] = [_line_rule(line, boilerplate) for line in lines]
    _mark_within_article_repeats(lines, rules)
    _mark_captions(lines, rules)
    _mark_tail(lines, rules)

    kept = [(i, line) for i, line in enumerate(lines) if line and rules[i] is None]
    removed = [(i + 1, raw_line.strip(), rules[i]) for i, raw_line in enumerate(raw.splitlines())
               if rules[i] is not None and lines[i]]
    headline = ""
    if kept and _looks_like_headline(kept[0][1], title, len(kept)):
        headline = kept.pop(0)[1]
        # Aggregators print image alt text right under the headline.
        if kept and _ALT_TEXT.fullmatch(kept[0][1]) and len(kept[0][1].split()) <= 4:
            i, _ = kept.pop(0)
            removed.append((i + 1, raw.splitlines()[i].strip(), "image alt text"))
            removed.sort()
    return CleanArticle(headline=headline, paragraphs=[line for _, line in kept], removed=removed)


def _line_rule(line: str, boilerplate: frozenset[str] | set[str]) -> str | None:
    if not line:
        return None
    for name, pattern in _LINE_RULES:
        if pattern.fullmatch(line):
            return name
    if line in boilerplate:
        return "repeated across articles"
    return None


def _mark_within_article_repeats(lines: Sequence[str], rules: list[str | None]) -> None:
    # Navigation printed at the top and bottom of one page: the same short
    # label twice in one article is chrome, a repeated sentence is not.
    counts = Counter(line for line in lines if line and _is_short_label(line, 5))
    for i, line in enumerate(lines):
        if rules[i] is None and counts.get(line, 0) >= 2:
            rules[i] = "repeated within article"


def _mark_captions(lines: Sequence[str], rules: list[str | None]) -> None:
    for i, rule in enumerate(rules):
        if rule != "photo credit":
            continue
        j = i - 1
        while j >= 0 and j >= i - 2 and lines[j] and rules[j] is None \
                and len(lines[j].split()) <= _CAPTION_MAX_WORDS:
            rules[j] = "photo caption"
            j -= 1


def _mark_tail(lines: Sequence[str], rules: list[str | None]) -> None:
    # Everything after a syndication footer belongs to the page, not the
    # article; so does a "Read Next" heading and the headline list under it.
    tail_rule = None
    for i, line in enumerate(lines):
        if rules[i] == "syndication footer":
            tail_rule = "after syndication footer"
        elif tail_rule is None and rules[i] is None and _READ_NEXT.fullmatch(line):
            tail_rule = rules[i] = "read next list"
        elif tail_rule and line and rules[i] is None:
            rules[i] = tail_rule


def _looks_like_headline(line: str, title: str, n_lines: int) -> bool:
    if n_lines < 2:
        return False
    if title and (_fold(line) == _fold(title) or _fold(title).startswith(_fold(line))):
        return True
    return len(line.split()) <= 40 and not line.endswith((".", "?\u201d", ".\u201d", '."'))


def _fold(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()
