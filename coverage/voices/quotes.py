"""Direct quotations: every stretch in quote marks, its speaker, role and cue.

:func:`extract_quotes` reads each article's clean ``text`` and returns one row
per quotation. It is rule-based (no parser is available offline) and works
in five steps:

1. **Pair the marks.** Straight and curly double marks are paired inside each
   paragraph (lines separated by blank lines, as in :mod:`coverage.text.sentences`;
   each line when the text has no blank line); whether a mark opens or closes is read from
   what touches it (``␣“We`` opens, ``it,”␣`` closes) and, when that is
   unclear, from its shape (``“`` opens, ``”`` closes, ``"`` toggles). Single
   marks inside double marks are nested quotes and stay part of the outer
   quotation. Curly single marks outside double marks (``‘We Won’t Build
   It’``) are quotations of their own; apostrophes (``Won’t``) are not, and
   straight single marks are ignored (too often apostrophes). A quotation not
   closed at the end of its paragraph continues when the next paragraph
   opens with a mark (the newspaper convention for multi-paragraph quotes);
   otherwise it ends with the paragraph.
2. **Tell full from partial.** A quotation that opens its paragraph or
   sentence, or follows ``,`` / ``:`` (``said, "...``), is ``full``; one
   worked into the journalist's sentence (``as "preventing human
   trafficking"``, ``citing "..."``) is ``partial``, and so are a lower-case
   fragment after a comma that no cue introduces and a short quoted name
   opening a sentence (``"Zero tolerance" is ...``).
3. **Attribute.** With the cues and the speaker grammar of
   :mod:`coverage.voices.speakers`, the rules look for a cue after the quotation
   (``," Bezos said`` / ``," said Bezos``), before it (``Andy Jassy ...
   said, "`` / ``According to X, "``), inside its marks by mistake (``...
   rights, said the employeers in the letter."``: the quotation then ends
   before that comma), and finally in the neighbouring sentences: a speaker
   introduced before a colon in the previous paragraph, the previous
   quotation of a continued quote (``"A," X said. "B"``), or the next
   paragraph's attribution, or reported speech ending the previous paragraph
   (``Ann Lee said the campaign was over.`` + ``"We lost."``). Partial
   quotations take the speaker of the reporting verb before them in their
   sentence. Quote marks that hold no statement (headline scare quotes,
   titles, slogans on clothing, transcript lines: :mod:`coverage.voices.statements`)
   become ``partial``.
4. **Resolve pronouns.** A ``he``/``she`` speaker becomes the nearest
   compatible named person in its paragraph or the two sentences before
   (:mod:`coverage.voices.pronouns`), following a nearer same pronoun (``She
   added that ...``) back to its person; the pronoun is kept in ``pronoun``.
5. **Join segments.** Stretches between marks that share speaker and cue,
   with no sentence of the journalist's own between them (``"A," said Ann
   Lee, a former aide. "B."``; ``"A," she said.`` + next paragraph ``"B."``),
   are one quotation of several segments (:mod:`coverage.voices.segments`).

Offsets are into the clean ``text`` and **include the marks**: for a quotation
of one segment ``text[start:end]`` is the quotation as printed, like the hand
labels in ``data/annotations``; for several, ``start``/``end`` span the first
to the last segment and ``segments`` lists each one (the words between are
the journalist's).

Blind spots: hard-wrapped text without blank lines between paragraphs (a
quotation then cannot cross a line break unless the next line opens with a
mark); quotations in straight single marks; block quotes set off without
marks; pronouns resolved without gender from first names; speakers named
only in a much earlier paragraph or in a relative clause (``Zuma, who said
...``); reporting verbs missing from the list (``mocked``, ``praised``,
``called``); and a quoted title after a reporting verb (``told MSNBC's
"Morning Joe"``) is given that verb's speaker.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from coverage.voices.speakers import (
    Cues,
    is_pronoun,
    load_cues,
    sentence_subject,
    speaker_after,
    speaker_before,
)
from coverage.voices.statements import not_a_statement
from coverage.voices.segments import format_segments, join_continued
from coverage.voices.pronouns import pronoun_window, resolve_pronoun
from coverage.voices.roles import Roles, assign_role, load_roles
from coverage.schema import require_columns
from coverage.text.quote_marks import DOUBLE, SINGLE_CLOSE, paragraphs, quote_spans
from coverage.text.sentences import sentence_spans
from coverage.text.tokens import count_words

__all__ = ["QUOTE_COLUMNS", "KINDS", "ATTRIBUTIONS", "extract_quotes", "quote_spans"]

#: Columns of the quotations table, in order.
QUOTE_COLUMNS = (
    "article_id", "quote_id", "start", "end", "text", "n_words", "kind", "speaker",
    "speaker_start", "speaker_end", "role", "cue", "attribution", "closed",
    "n_segments", "segments", "pronoun", "pronoun_start", "pronoun_end",
)
KINDS = ("full", "partial")
ATTRIBUTIONS = ("before", "after", "separate", "none")

# Punctuation after which a quotation is set off as a statement of its own.
_DETACHING = ",:;.!?…" + DOUBLE + SINGLE_CLOSE
# A cue inside the marks, at the very end: ', said the employeers in the letter."'
_INSIDE_CUE_TAIL = re.compile(r",\s*(?P<rest>[^,;:.!?\"“”]{1,80}?)[.!?]?\s*$")
_AFTER_SPEAKER = re.compile(r"\s+((?:in|of|from)\s[^,.;:!?\n]{1,60})")
_MAX_SPEAKER_GAP = 15  # words between a quotation and "X said" after it
# Characters searched for a cue on either side of a quotation: longer than any
# sentence of news prose, and it keeps a page of thousands of marks linear.
_WINDOW = 600
_BREAKS = ",;:—–("
# Verbs that introduce speech without an object, so 'said "We ..."' (no comma)
# is a statement; 'told "Fox News Sunday."' is not.
_SPEECH_FORMS = frozenset(
    """say says said write writes wrote add adds added state states stated declared
    replied explained insisted warned argued continued""".split()
)


@dataclass
class _Quote:
    start: int
    end: int
    closed: bool
    line: int
    kind: str = "partial"
    speaker: tuple[int, int] | None = None
    cue: str = ""
    attribution: str = "none"
    role: str = ""
    cue_at: int = -1  # where the cue starts: stretches sharing it continue one quotation
    pronoun: tuple[int, int] | None = None  # the pronoun a named speaker was resolved from
    copied_from: _Quote | None = field(default=None, repr=False)


def extract_quotes(corpus: pd.DataFrame, *, roles: str | Path | None = None,
                   verbs: str | Path | None = None) -> pd.DataFrame:
    """Return one row per quotation in every article, with speaker, role and cue.

    Measures every stretch of the clean text between quotation marks (see
    the module notes for the rules). ``kind`` is ``full`` for a quoted
    statement and ``partial`` for a quoted phrase inside the journalist's
    sentence. A quotation interrupted by its attribution is one row of
    several segments. ``speaker`` holds the words that name the source
    (empty when none was found; a ``he``/``she`` resolved to the person
    named just before gives the name, the pronoun is in ``pronoun``) and
    ``role`` its role from the roles file. Blind spots: pronouns are
    resolved by nearness and titles only (no gender from first names,
    ``they``/``it`` kept), English cues only, and a speaker named only far
    from the quotation is missed (``unattributed``).

    Parameters
    ----------
    corpus : pandas.DataFrame
        Needs ``article_id`` and ``text`` (the clean text).
    roles : str or Path, optional
        A roles YAML file replacing the shipped ``roles.yaml``.
    verbs : str or Path, optional
        A reporting-verbs YAML file replacing the shipped ``reporting_verbs.yaml``.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`QUOTE_COLUMNS`, one row per quotation. ``start``/``end``
        are offsets into the article's ``text``, marks included, from the
        first segment's start to the last one's end; ``segments`` holds every
        segment as ``"start-end;start-end"`` and ``n_segments`` their number
        (see :func:`coverage.voices.segments.quote_segments` for a table);
        ``text`` joins the segments with `` … `` and ``n_words`` counts their
        words only; ``speaker_start``/``speaker_end`` locate the speaker (-1
        when none) and ``pronoun``/``pronoun_start``/``pronoun_end`` the
        pronoun it was resolved from (empty / -1 when none); ``attribution``
        is ``before``, ``after``, ``separate`` (cue in a neighbouring
        sentence or paragraph) or ``none``; ``closed`` is False for a quotation whose closing mark
        is missing.

    Examples
    --------
    >>> corpus = pd.DataFrame({"article_id": ["a"],
    ...     "text": ['"We refuse," an Amazon employee wrote. The ACLU called it "chilling."']})
    >>> extract_quotes(corpus)[["text", "kind", "speaker", "role", "cue", "attribution"]].values.tolist()
    [['"We refuse,"', 'full', 'an Amazon employee', 'employees', 'wrote', 'after'], ['"chilling."', 'partial', '', 'unattributed', '', 'none']]
    """
    require_columns(corpus, ["article_id", "text"], func="extract_quotes")
    cues, role_map = load_cues(verbs), load_roles(roles)
    rows = []
    for article_id, text in corpus[["article_id", "text"]].itertuples(index=False):
        text = text if isinstance(text, str) else ""
        for quote_id, segments in enumerate(_article_quotes(text, cues, role_map)):
            rows.append((article_id, quote_id, *_row(text, segments)))
    table = pd.DataFrame(rows, columns=list(QUOTE_COLUMNS))
    for column in ("quote_id", "start", "end", "n_words", "speaker_start", "speaker_end", "n_segments",
                   "pronoun_start", "pronoun_end"):
        table[column] = table[column].astype("int64")
    table["closed"] = table["closed"].astype(bool)
    return table


def _row(text: str, segments: list[_Quote]) -> tuple:
    # One quotation: the attribution of the segment that found its own cue
    # (the others copied it), the words of every segment, the span of all.
    lead = next((q for q in segments if q.copied_from is None), segments[0])
    pieces = [text[q.start:q.end] for q in segments]
    speaker, pronoun = lead.speaker or (-1, -1), lead.pronoun or (-1, -1)
    return (
        segments[0].start, segments[-1].end, " … ".join(pieces), sum(count_words(p) for p in pieces),
        lead.kind, text[speaker[0]:speaker[1]] if lead.speaker else "", *speaker, lead.role, lead.cue,
        lead.attribution, segments[-1].closed, len(segments),
        format_segments((q.start, q.end) for q in segments),
        text[pronoun[0]:pronoun[1]] if lead.pronoun else "", *pronoun,
    )


# -- one article ---------------------------------------------------------------


def _article_quotes(text: str, cues: Cues, roles: Roles) -> list[list[_Quote]]:
    lines = paragraphs(text)
    line_starts = [s for s, _ in lines]
    quotes = [
        _Quote(s, e, closed, bisect.bisect_right(line_starts, s) - 1)
        for s, e, closed in quote_spans(text)
    ]
    if not quotes:
        return []
    for quote in quotes:
        quote.kind = _kind(text, quote, lines)
    layout = _Layout(text, _mask(text, quotes), lines, line_starts, _sentence_starts(text, quotes), quotes)
    for quote in quotes:
        if quote.kind == "full":
            _attribute_full(_Context(layout, quote), cues)
        else:
            _attribute_partial(_Context(layout, quote), cues)
    layout.index_full()  # attributions inside marks may have shortened quotations
    for quote in layout.full:
        if quote.attribution == "none":
            _attribute_separate(quote, layout, cues)
    for quote in quotes:
        if _is_phrase(text, quote, lines) or _not_a_statement(_Context(layout, quote), cues):
            _set(quote, "none", "", None)
            quote.kind, quote.copied_from = "partial", None
            _attribute_partial(_Context(layout, quote), cues)
    _resolve_pronouns(layout, quotes, cues)
    _assign_roles(text, quotes, roles)
    return join_continued(quotes, layout.starts)


class _Layout:
    """An article's paragraphs, sentence starts and full quotations, indexed once."""

    def __init__(self, text: str, masked: str, lines: list, line_starts: list, starts: list, quotes: list):
        self.text, self.masked, self.lines, self.line_starts, self.starts = text, masked, lines, line_starts, starts
        self.full = [q for q in quotes if q.kind == "full"]
        self.index_full()

    def index_full(self) -> None:
        # Quotations never overlap and come in text order, so starts and ends are sorted.
        self.full_starts = [q.start for q in self.full]
        self.full_ends = [q.end for q in self.full]
        self.position = {id(q): i for i, q in enumerate(self.full)}

    def line_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.line_starts, offset) - 1)

    def sentence_start(self, offset: int, line: int) -> int:
        at = bisect.bisect_right(self.starts, offset) - 1
        return max(self.starts[at] if at >= 0 else 0, self.lines[line][0])


@dataclass
class _Context:
    """Where a quotation sits: its sentence and the clauses around it."""

    layout: _Layout
    quote: _Quote

    @property
    def text(self) -> str:
        return self.layout.text

    @property
    def masked(self) -> str:
        return self.layout.masked

    @property
    def sentence_start(self) -> int:
        return self.layout.sentence_start(self.quote.start, self.quote.line)

    @property
    def clause_start(self) -> int:
        # The clause before a quotation starts after the previous full quotation.
        layout, start = self.layout, self.sentence_start
        at = bisect.bisect_right(layout.full_ends, self.quote.start) - 1
        return max(layout.full_ends[at], start) if at >= 0 else start

    @property
    def clause_end(self) -> int:
        layout, end = self.layout, self.quote.end
        limit = layout.lines[layout.line_of(end - 1)][1]
        at = bisect.bisect_right(layout.starts, end - 1)
        if at < len(layout.starts):
            limit = min(limit, layout.starts[at])
        at = bisect.bisect_left(layout.full_starts, end)
        return min(layout.full_starts[at], limit) if at < len(layout.full_starts) else limit

    def previous_in_sentence(self) -> _Quote | None:
        layout = self.layout
        at = bisect.bisect_right(layout.full_ends, self.quote.start) - 1
        if at >= 0 and layout.full[at].start >= self.sentence_start:
            return layout.full[at]
        return None


def _attribute_after(ctx: _Context, cues: Cues) -> bool:
    quote, masked = ctx.quote, ctx.masked
    after, end = quote.end, min(ctx.clause_end, quote.end + _WINDOW)
    lead = after + len(masked[after:end]) - len(masked[after:end].lstrip(" \t,"))
    # 1. ," said Bezos  /  ," according to Recode
    verb = next((m for m in cues.find(masked, lead, end) if m.start() == lead), None) or cues.phrase.match(masked, lead, end)
    if verb:
        speaker = speaker_after(masked, verb.end(), end, cues)
        if speaker:
            _set(quote, "after", verb.group(), speaker, verb.start())
            return True
    # 2. ," Bezos said  /  ," the letter, signed off by "...," read.
    verb = next(iter(cues.find(masked, after, end)), None)
    if verb and count_words(masked[after:verb.start()]) <= _MAX_SPEAKER_GAP:
        speaker = speaker_before(masked, after, verb.start(), cues)
        if speaker:
            _set(quote, "after", verb.group(), speaker, verb.start())
            return True
    return False


def _attribute_full(ctx: _Context, cues: Cues) -> None:
    # 1-2. ," Bezos said  /  ," said Bezos  /  ," according to Recode
    # 3. According to X, "  /  X said, "  /  ..., adding that, "
    # 4. "... human rights, said the employeers in the letter."
    if not _attribute_after(ctx, cues) and not _attribute_before(ctx, cues, full=True):
        _attribute_inside(ctx, cues)


def _attribute_before(ctx: _Context, cues: Cues, *, full: bool) -> bool:
    quote, masked = ctx.quote, ctx.masked
    start = max(ctx.clause_start if full else ctx.sentence_start, quote.start - _WINDOW)
    region = (start, quote.start)
    phrases = list(cues.phrase.finditer(masked, *region))
    if phrases:
        phrase = phrases[-1]
        source = masked[phrase.end():quote.start].rstrip().rstrip(",:").rstrip()
        if source.strip() and (not full or count_words(source) <= _MAX_SPEAKER_GAP):
            left = phrase.end() + len(source) - len(source.lstrip())
            speaker = (left, phrase.end() + len(source)) if full else speaker_after(masked, phrase.end(), quote.start, cues)
            if speaker:
                _set(quote, "before", phrase.group(), speaker, phrase.start())
                return True
    verbs = cues.find(masked, *region)
    if not verbs:
        return False
    verb = verbs[-1]
    tail = masked[verb.end():quote.start]
    if full and (re.search(r"[.!?;]", tail) or count_words(tail) > 8):
        return False
    if cues.is_participle(verb.group()):
        speaker = _participle_subject(ctx, verbs[:-1], cues)
    else:
        speaker = speaker_before(masked, start, verb.start(), cues)
        # 'said Bezos, "..."' / 'only then, said Gellman—...': a speaker after
        # the verb counts when a break follows it ('said Mandela would' is a clause).
        if speaker is None:
            after = speaker_after(masked, verb.end(), quote.start, cues)
            follows = masked[after[1]:quote.start].strip()[:1] if after else ""
            if after and ((follows and follows in _BREAKS) or (full and count_words(tail) <= 4)):
                speaker = after
    if speaker is None:
        return False
    _set(quote, "before", verb.group(), speaker, verb.start())
    return True


def _attribute_inside(ctx: _Context, cues: Cues) -> None:
    quote, text = ctx.quote, ctx.text
    inner_end = quote.end - 1 if quote.closed else quote.end
    match = _INSIDE_CUE_TAIL.search(text, quote.start + 1, inner_end)
    if not match:
        return
    rest_start = match.start("rest")
    verb = cues.verb.match(text, rest_start)
    speaker = None
    if verb:
        speaker = speaker_after(text, verb.end(), match.end("rest"), cues)
    else:
        verb = cues.verb.search(text, rest_start, match.end("rest"))
        if verb:
            speaker = speaker_before(text, rest_start, verb.start(), cues)
    if speaker and verb:
        _set(quote, "after", verb.group(), speaker, verb.start())
        quote.end = match.start()  # the attribution words are not the source's


def _participle_subject(ctx: _Context, earlier_verbs: list, cues: Cues):
    # "..., adding that, "..."" / "X told Y, calling it "..."": a participle has
    # the subject of the speech before it, else of the sentence.
    previous = ctx.previous_in_sentence()
    if previous is not None and previous.speaker:
        return previous.speaker
    finite = [v for v in earlier_verbs if not cues.is_participle(v.group())]
    if finite:
        speaker = speaker_before(ctx.masked, ctx.sentence_start, finite[-1].start(), cues)
        if speaker:
            return speaker
    return sentence_subject(ctx.masked, ctx.sentence_start, ctx.quote.start, cues)


def _attribute_partial(ctx: _Context, cues: Cues) -> None:
    # 'It's her "fervent hope ...," Wald said': a comma inside the closing
    # mark announces an attribution after the quotation.
    quote = ctx.quote
    if quote.closed and ctx.text[quote.end - 2:quote.end - 1] == "," and _attribute_after(ctx, cues):
        return
    _attribute_before(ctx, cues, full=False)


def _attribute_separate(quote: _Quote, layout: _Layout, cues: Cues) -> None:
    masked, lines, starts, full = layout.masked, layout.lines, layout.starts, layout.full
    line_start = lines[quote.line][0]
    opens_line = not masked[line_start:quote.start].strip()
    # a. A speaker introduced before a colon: "X sent the following comment:"
    before = masked[line_start:quote.start].rstrip()
    if opens_line and quote.line > 0:
        before = masked[lines[quote.line - 1][0]:lines[quote.line - 1][1]].rstrip()
        colon_line = lines[quote.line - 1]
    else:
        colon_line = (line_start, line_start + len(before))
    if before.endswith(":"):
        colon = colon_line[0] + len(before) - 1
        at = bisect.bisect_right(starts, colon) - 1
        sentence = max(starts[at] if at >= 0 else 0, colon_line[0])
        found = cues.find(masked, sentence, colon) + cues.find(masked, sentence, colon, statement=True)
        verb = min(found, key=lambda m: m.start()) if found else None
        speaker = (speaker_before(masked, sentence, verb.start(), cues) if verb
                   else sentence_subject(masked, sentence, colon, cues))
        if speaker:
            cue = masked[verb.start():colon].strip() if verb else ""
            return _set(quote, "separate", cue, speaker, verb.start() if verb else -1)
    # '"It is a disgrace," mocked a senator.': a comma and more words announce
    # an attribution of its own that the rules could not read; borrowing a
    # neighbour's speaker would be a guess.
    if _announces_attribution(layout, quote):
        return
    # b. The quotation continues an attributed one: same paragraph, or the
    #    previous paragraph when this one opens with the quotation.
    here = layout.position[id(quote)]
    oldest_line = quote.line - 1 if opens_line else quote.line
    for q in (full[i] for i in range(here - 1, -1, -1)):
        if q.line < oldest_line:
            break
        if q.speaker:
            return _copy(quote, q)
    # c. The attribution follows in the next paragraph's quotation.
    end_line = layout.line_of(quote.end - 1)
    ends_line = not masked[quote.end:lines[end_line][1]].strip()
    newest_line = end_line + 1 if ends_line else quote.line
    for q in (full[i] for i in range(here + 1, len(full))):
        if q.line > newest_line:
            break
        if q.speaker and q.attribution in ("before", "after"):
            return _copy(quote, q)
    # d. Reported speech ends the previous paragraph and introduces the source:
    #    'Ann Lee said the campaign was over.' + '"We lost."'
    if opens_line and quote.line > 0:
        _attribute_from_reported_speech(quote, layout, cues)


def _announces_attribution(layout: _Layout, quote: _Quote) -> bool:
    text = layout.text
    if "," not in text[max(quote.start, quote.end - 2):quote.end + 1]:
        return False
    rest = layout.masked[quote.end:_Context(layout, quote).clause_end]
    return any(c.isalpha() for c in rest)


def _attribute_from_reported_speech(quote: _Quote, layout: _Layout, cues: Cues) -> None:
    masked, (start, end) = layout.masked, layout.lines[quote.line - 1]
    sentence = layout.sentence_start(end - 1, quote.line - 1)
    verbs = cues.find(masked, sentence, end)
    # A quotation in that sentence has its own attribution (rule b handled it).
    if not verbs or any(start <= q.start < end and q.start >= sentence for q in layout.full):
        return
    speaker = speaker_before(masked, sentence, verbs[0].start(), cues)
    if speaker:
        _set(quote, "separate", verbs[0].group(), speaker, verbs[0].start())


def _resolve_pronouns(layout: _Layout, quotes: list[_Quote], cues: Cues) -> None:
    # "she said" names the person named just before it (coverage.voices.pronouns);
    # the pronoun is kept in quote.pronoun.
    text = layout.text
    named: list[tuple[int, int]] = []
    links: dict[tuple[int, int], tuple[int, int]] = {}  # pronouns already resolved
    for quote in quotes:
        if not quote.speaker:
            continue
        if not is_pronoun(text[quote.speaker[0]:quote.speaker[1]]):
            named.append(quote.speaker)
            continue
        found = links.get(quote.speaker) or _person_for(layout, cues, quote.speaker, named, links)
        if found:
            links[quote.speaker] = found
            quote.pronoun, quote.speaker = quote.speaker, found


def _person_for(layout: _Layout, cues: Cues, pronoun: tuple[int, int], named: list, links: dict,
                depth: int = 0) -> tuple[int, int] | None:
    text = layout.text
    paragraph = layout.lines[layout.line_of(pronoun[0])][0]
    window = pronoun_window(pronoun[0], layout.starts, paragraph)
    reported = _reported_speakers(layout, cues, window, pronoun[0])
    names = [s for s in reported if not is_pronoun(text[s[0]:s[1]])]
    found = resolve_pronoun(layout.masked, pronoun, sentence_starts=layout.starts,
                            paragraph_start=paragraph, speakers=named + names)
    # 'She added that ...' between her name and this "she": the same pronoun,
    # nearer than any name, stands for the same person, so follow it back.
    word = text[pronoun[0]:pronoun[1]].lower()
    same = [s for s in [*reported, *links] if window <= s[0] and s[1] <= pronoun[0] and s != pronoun
            and text[s[0]:s[1]].lower() == word]
    if same and depth < 3:
        link = max(same, key=lambda s: s[1])
        if found is None or link[1] > found[1]:
            return links.get(link) or _person_for(layout, cues, link, named, links, depth + 1) or found
    return found


def _reported_speakers(layout: _Layout, cues: Cues, start: int, end: int) -> list[tuple[int, int]]:
    # Subjects of reported speech ("Bezos said Amazon would ...") are named
    # speakers too, though nothing of theirs is in marks.
    found = []
    masked = layout.masked
    for verb in cues.find(masked, start, end):
        line = layout.line_of(verb.start())
        speaker = speaker_before(masked, layout.sentence_start(verb.start(), line), verb.start(), cues)
        if speaker:
            found.append(speaker)
    return found


def _assign_roles(text: str, quotes: list[_Quote], roles: Roles) -> None:
    last_named = None
    for quote in quotes:
        if quote.copied_from is not None:
            quote.role = quote.copied_from.role or _role_of(text, quote.copied_from, roles, last_named)
        else:
            quote.role = _role_of(text, quote, roles, last_named)
        if quote.speaker and not is_pronoun(text[quote.speaker[0]:quote.speaker[1]]):
            last_named = quote.role


def _role_of(text: str, quote: _Quote, roles: Roles, last_named: str | None) -> str:
    if not quote.speaker:
        return "unattributed"
    speaker = text[quote.speaker[0]:quote.speaker[1]]
    if is_pronoun(speaker):
        # No coreference: a pronoun takes the role of the nearest named speaker.
        return last_named or "other"
    # "said the employeers in the letter": a phrase after the speaker that
    # opens with in/of/from may name what the speaker stands for.
    tail = _AFTER_SPEAKER.match(text, quote.speaker[1])
    return assign_role(speaker, roles, context=tail.group(1) if tail else "")


# -- small rules ---------------------------------------------------------------


def _mask(text: str, quotes: list[_Quote]) -> str:
    # Blank the words inside quotation marks so that cues and speakers are
    # only looked for in the journalist's words; offsets stay the same.
    chars = list(text)
    for quote in quotes:
        for i in range(quote.start + 1, max(quote.start + 1, quote.end - (1 if quote.closed else 0))):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def _sentence_starts(text: str, quotes: list[_Quote]) -> list[int]:
    # Sentence ends inside a quotation ("A. B.") do not end the journalist's sentence.
    quote_starts = [q.start for q in quotes]
    starts = []
    for start, _, _ in sentence_spans(text):
        at = bisect.bisect_left(quote_starts, start) - 1
        if at < 0 or not quotes[at].start < start < quotes[at].end:
            starts.append(start)
    return starts


def _kind(text: str, quote: _Quote, lines: list) -> str:
    before = text[max(lines[quote.line][0], quote.start - _WINDOW):quote.start].rstrip()
    if not before or before[-1] in _DETACHING:
        return "full"
    previous_word = re.findall(r"[^\W\d_]+$", before)
    inner = text[quote.start + 1:quote.end].lstrip()
    # 'Bezos said "We will ..."' without a comma is still a statement.
    if previous_word and previous_word[0] in _SPEECH_FORMS and inner[:1].isupper():
        return "full"
    return "partial"


def _is_phrase(text: str, quote: _Quote, lines: list) -> bool:
    """Whether a quotation first read as ``full`` is a phrase after all."""
    if quote.kind != "full":
        return False
    inner = text[quote.start + 1:quote.end - (1 if quote.closed else 0)].strip()
    before = text[max(lines[quote.line][0], quote.start - _WINDOW):quote.start].rstrip()
    # '..., one of the panels, "to pass on what I know."': a lower-case
    # fragment after a comma is worked into the sentence unless a cue
    # ('the judge said, "whether ...') introduces it.
    if before.endswith(",") and inner[:1].islower() and quote.attribution != "before":
        return True
    # '"Zero tolerance" is a policy ...': a short quoted name opening a
    # sentence, without attribution or closing punctuation.
    follows = text[quote.end:lines[quote.line][1]].lstrip()
    return (quote.closed and quote.attribution == "none" and bool(inner) and inner[-1].isalnum()
            and count_words(inner) <= 4 and follows[:1].islower())


def _not_a_statement(ctx: _Context, cues: Cues) -> bool:
    # Scare quotes, titles, slogans and transcript lines are quoted words, not statements.
    quote, text = ctx.quote, ctx.text
    if quote.kind != "full":
        return False
    inner = text[quote.start + 1:quote.end - (1 if quote.closed else 0)]
    speaker = text[quote.speaker[0]:quote.speaker[1]] if quote.speaker else ""
    # A cue later in the sentence counts even when its speaker was missed ('"Go," the sign on the door read').
    cue = quote.cue or " ".join(m.group() for m in cues.find(ctx.masked, quote.end, ctx.clause_end))
    before = ctx.masked[ctx.sentence_start:quote.start]
    return bool(not_a_statement(inner, cue=cue, speaker=speaker, before=before))


def _set(quote: _Quote, attribution: str, cue: str, speaker, at: int = -1) -> None:
    quote.attribution, quote.cue, quote.speaker = attribution, " ".join(cue.split()), speaker
    quote.cue_at = at


def _copy(quote: _Quote, source: _Quote) -> None:
    _set(quote, "separate", source.cue, source.speaker, source.cue_at)
    quote.copied_from = source

