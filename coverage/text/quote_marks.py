"""Quote marks: where the quotations of a text begin and end.

One pairing of quote marks for the whole kit: :func:`quote_spans` is read by
the quotation extractor (:mod:`coverage.voices.quotes`) and by text reuse,
which splits shared passages by whether they are quoted
(:mod:`coverage.reuse.find`).

How marks pair: a double mark opens or closes by what touches it (a mark
after a space and before a word opens, whatever its shape; some sites use
the same mark on both sides). A quotation still open at the end of a
paragraph closes there, unless the next paragraph opens with a quote mark:
the news convention for a quotation that runs over several paragraphs.
Single marks count only when clearly flanked, so the apostrophe of
"won’t" never closes anything; straight single quotes are ignored.

Blind spots: a stray or missing mark shifts the pairing for the rest of its
paragraph; quotations marked by italics or indentation alone are invisible.
"""

from __future__ import annotations

import re

__all__ = ["quote_spans", "mark_role", "paragraphs", "trimmed_end", "DOUBLE", "OPENS", "CLOSES", "SINGLE_OPEN",
           "SINGLE_CLOSE", "MARKS", "ALL_MARKS"]

DOUBLE = "\"“”„‟«»＂"
OPENS = "“„‟«"  # shape says "opening" when the neighbours do not tell
CLOSES = "”»"
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
MARKS = re.compile("[\"“”„‟«»＂‘’‹›]")
ALL_MARKS = DOUBLE + SINGLE_OPEN + SINGLE_CLOSE + "'"
# What may touch an opening mark on its left / a closing mark on its right.
_BEFORE_OPEN = "([{—–-/:" + ALL_MARKS
_AFTER_CLOSE = ".,;:!?)]}—–-/…" + ALL_MARKS
# Paragraphs as in coverage.text.sentences: runs of lines separated by blank lines;
# a text without any blank line has one paragraph per line.
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_LINES = re.compile(r"[^\n]+")


def quote_spans(text: str) -> list[tuple[int, int, bool]]:
    """Return ``(start, end, closed)`` of every quotation in ``text``, marks included.

    Examples
    --------
    >>> t = 'He said "no." She wrote “yes, ‘maybe’”. It’s ‘odd’.'
    >>> [t[s:e] for s, e, _ in quote_spans(t)]
    ['"no."', '“yes, ‘maybe’”', '‘odd’']
    """
    spans: list[tuple[int, int, bool]] = []
    lines = paragraphs(text)
    open_at, continuation = None, -1
    for index, (line_start, line_end) in enumerate(lines):
        single_at = None
        for match in MARKS.finditer(text, line_start, line_end):
            i, mark = match.start(), match.group()
            if i == continuation:
                continue
            if mark in DOUBLE:
                role = mark_role(text, i)
                if open_at is None:
                    if role != "close":  # a stray closing mark is left alone
                        open_at, single_at = i, None
                elif role == "open" and mark not in CLOSES:  # the last quotation was never closed
                    spans.append((open_at, trimmed_end(text, open_at, i), False))
                    open_at = i
                else:
                    spans.append((open_at, i + 1, True))
                    open_at = None
            elif open_at is None:
                # Single marks must be clearly flanked: ’ between letters (Won’t) is an apostrophe.
                if mark in SINGLE_OPEN and mark_role(text, i, strict=True) == "open":
                    single_at = i
                elif mark in SINGLE_CLOSE and single_at is not None and mark_role(text, i, strict=True) == "close":
                    spans.append((single_at, i + 1, True))
                    single_at = None
        if open_at is not None:
            following = lines[index + 1][0] if index + 1 < len(lines) else None
            if following is not None:
                following += len(text[following:]) - len(text[following:].lstrip())
            if following is not None and text[following] in DOUBLE and mark_role(text, following) != "close":
                continuation = following
            else:
                spans.append((open_at, trimmed_end(text, open_at, line_end), False))
                open_at = None
    return spans


def mark_role(text: str, i: int, *, strict: bool = False) -> str:
    """Whether the quote mark at ``text[i]`` opens, closes, or could do either (``"neither"`` when ``strict``)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    # An opening mark is followed by words, never by closing punctuation: 'writing … ”.'
    can_open = not after.isspace() and after not in ".,;:!?)]}" and (before.isspace() or before in _BEFORE_OPEN)
    can_close = not before.isspace() and (after.isspace() or after in _AFTER_CLOSE)
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    if strict:
        return "neither"
    mark = text[i]
    return "open" if mark in OPENS + SINGLE_OPEN else "close" if mark in CLOSES + SINGLE_CLOSE else "either"


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph: runs of lines between blank lines, or each line when there is none."""
    # A hard-wrapped article (lines inside paragraphs separated by blank
    # lines) keeps a quotation going across its line breaks.
    lines = [m.span() for m in _LINES.finditer(text) if not m.group().isspace()]
    if not _BLANK_LINE.search(text):
        return lines
    blocks: list[tuple[int, int]] = []
    for start, end in lines:
        if blocks and text[blocks[-1][1]:start] == "\n":  # a single line break: same paragraph
            blocks[-1] = (blocks[-1][0], end)
        else:
            blocks.append((start, end))
    return blocks


def trimmed_end(text: str, start: int, end: int) -> int:
    """``end`` moved back over white space, keeping at least one character after ``start``."""
    return max(start + 1, start + len(text[start:end].rstrip()))
