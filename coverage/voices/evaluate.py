"""How well the quotation extractor works: span, speaker and role scores.

Two kinds of gold standard are read:

* the kit's own hand labels (``data/annotations/quotes.csv``, codebook beside
  it), which store each quotation's words rather than offsets and are placed
  in the clean text by :func:`align_annotations`;
* any folder of articles annotated in **brat standoff** format (``NAME.txt``
  + ``NAME.ann`` with ``Source``, ``Cue`` and ``Content`` spans), read by
  :func:`read_brat`. A *direct quotation* there is a ``Content`` span that
  begins with a quote mark; its speaker is the ``Source`` linked to it (by a
  relation or event, directly or through its ``Cue``).

:func:`score_quotes` compares predicted and gold spans by **character
overlap**, at 30% and 80%: a predicted quotation is correct when at least
that share of its characters lies inside gold quotations (precision), and a
gold quotation is found when at least that share of its characters is
covered by predicted quotations (recall). A quotation of several segments
(``"A," X said. "B"``: a discontinuous gold ``Content``, or a predicted
quotation with a ``segments`` column) counts once, by the characters of its
segments only. Coverage, rather than one-to-one pairing, is used because
annotators split quotations differently (the kit's own hand labels keep
``"A," X said. "B"`` as two rows). The price: a prediction that merges two
gold quotations is not penalised at 30%, and one split in two is not
penalised either; ``unit="segment"`` scores every segment on its own, which
shows the splits.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from coverage.voices.roles import ROLES
from coverage.errors import CorpusError, CorpusWarning
from coverage.voices.segments import parse_segments
from coverage.voices.quotes import KINDS, extract_quotes
from coverage.schema import require_columns
from coverage.params import check_choice, check_share

__all__ = [
    "ANNOTATION_COLUMNS",
    "read_annotations",
    "align_annotations",
    "score_quotes",
    "read_brat",
    "evaluate_brat",
    "format_scores",
    "same_speaker",
]

#: Columns of the hand-label file ``data/annotations/quotes.csv``.
ANNOTATION_COLUMNS = ("article_id", "prefix", "text", "kind", "speaker", "role", "cue", "attribution", "occurrence")

_QUOTE_MARKS = "\"“”„‟«»＂‘’‚‹›'"
_BRAT_TEXT = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t?(.*)$")
_BRAT_RELATION = re.compile(r"^(R\d+)\t(\S+) Arg1:(\S+) Arg2:(\S+)\s*$")
_BRAT_EVENT = re.compile(r"^(E\d+)\t(.+)$")
_DETERMINER = re.compile(r"^(?:the|a|an)\s+")


def read_annotations(path: str | Path) -> pd.DataFrame:
    """Read a hand-label file like ``data/annotations/quotes.csv``.

    Raises
    ------
    CorpusError
        When the file is missing, lacks a column, or a row has an unknown
        kind or role; the message names the file and the row.

    Examples
    --------
    >>> import tempfile, os
    >>> path = os.path.join(tempfile.mkdtemp(), "q.csv")
    >>> pd.DataFrame([["a", "", '"Hi,"', "full", "Bo", "other", "said", "after", 1]],
    ...              columns=ANNOTATION_COLUMNS).to_csv(path, index=False)
    >>> read_annotations(path)["text"].tolist()
    ['"Hi,"']
    """
    path = Path(path)
    if not path.is_file():
        raise CorpusError(f"{path}: annotation file not found; check the path")
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [c for c in ANNOTATION_COLUMNS if c not in table.columns]
    if missing:
        raise CorpusError(f"{path}: missing column(s) {', '.join(missing)}; the header must be "
                          + ",".join(ANNOTATION_COLUMNS))
    for row, record in enumerate(table.itertuples(index=False), start=1):
        if record.kind not in KINDS:
            raise CorpusError(f"{path}: row {row}: kind {record.kind!r} is not one of {', '.join(KINDS)}")
        if record.role not in ROLES:
            raise CorpusError(f"{path}: row {row}: role {record.role!r} is not one of {', '.join(ROLES)}")
        if not record.text:
            raise CorpusError(f"{path}: row {row}: empty text; copy the quotation with its marks")
        if not (record.occurrence or "1").isdigit() or int(record.occurrence or "1") < 1:
            raise CorpusError(f"{path}: row {row}: occurrence {record.occurrence!r} must be 1, 2, ...")
    table["occurrence"] = table["occurrence"].replace("", "1").astype(int)
    table.attrs["source"] = str(path)
    return table


def align_annotations(annotations: pd.DataFrame, corpus: pd.DataFrame) -> pd.DataFrame:
    """Place hand labels in the clean text: add ``start``/``end`` offsets.

    Each label's ``prefix`` + ``text`` is searched in its article's clean
    text, any run of white space matching any run of white space (a
    no-break space in the article matches a space in the label). An empty
    prefix means the quotation opens a paragraph.

    Returns
    -------
    pandas.DataFrame
        The label columns plus ``start``/``end``; ``text`` becomes the text
        exactly as found in the article.

    Raises
    ------
    CorpusError
        Naming the label file row whose article is unknown or whose words
        are not in the clean text.

    Examples
    --------
    >>> corpus = pd.DataFrame({"article_id": ["a"], "text": ['Bo said,\\u00a0"Hi."']})
    >>> labels = pd.DataFrame({"article_id": ["a"], "prefix": ["said, "], "text": ['"Hi."'],
    ...     "kind": ["full"], "speaker": ["Bo"], "role": ["other"], "cue": ["said"],
    ...     "attribution": ["before"], "occurrence": [1]})
    >>> align_annotations(labels, corpus)[["start", "end"]].values.tolist()
    [[9, 14]]
    """
    require_columns(annotations, ANNOTATION_COLUMNS, func="align_annotations")
    require_columns(corpus, ["article_id", "text"], func="align_annotations")
    source = annotations.attrs.get("source", "annotations")
    texts = dict(zip(corpus["article_id"], corpus["text"]))
    starts, ends, found = [], [], []
    for row, record in enumerate(annotations.itertuples(index=False), start=1):
        if record.article_id not in texts:
            raise CorpusError(f"{source}: row {row}: article_id {record.article_id!r} is not in the corpus; "
                              "fix the id or add the article")
        text = texts[record.article_id]
        anchor = _loose(record.prefix) if record.prefix else r"(?:^|(?<=\n))[^\S\n]*"
        matches = list(re.finditer(anchor + "(" + _loose(record.text) + ")", text))
        if len(matches) < int(record.occurrence):
            raise CorpusError(
                f"{source}: row {row} ({record.article_id}): quotation {record.text[:40]!r} "
                f"(occurrence {record.occurrence}) is not in the clean text; copy prefix and text exactly from it"
            )
        match = matches[int(record.occurrence) - 1]
        starts.append(match.start(1))
        ends.append(match.end(1))
        found.append(match.group(1))
    gold = annotations.reset_index(drop=True).assign(text=found, start=starts, end=ends)
    gold[["start", "end"]] = gold[["start", "end"]].astype("int64")
    return gold


def score_quotes(predicted: pd.DataFrame, gold: pd.DataFrame, *, overlaps=(0.3, 0.8),
                 kinds=("full",), unit: str = "quotation") -> pd.DataFrame:
    """Score predicted quotations against gold ones, at each character overlap.

    Measures span precision, recall and F1 by character coverage (see the
    module notes), speaker accuracy and role accuracy. For each gold
    quotation found at an overlap, the predicted quotation sharing most
    characters with it is its match. Its speaker is right when its
    ``speaker_start``/``speaker_end`` (or ``pronoun_start``/``pronoun_end``,
    the pronoun a named speaker was resolved from) overlap the gold
    ``speaker_spans`` (brat gold) or when :func:`same_speaker` says the words agree; its role
    is right when equal. Speaker accuracy counts only gold quotations with a
    speaker; role accuracy only gold with a ``role`` column.

    Parameters
    ----------
    predicted : pandas.DataFrame
        From :func:`coverage.voices.quotes.extract_quotes`.
    gold : pandas.DataFrame
        From :func:`align_annotations` or :func:`read_brat`; needs
        ``article_id``, ``start``, ``end`` and optionally ``fragments``,
        ``kind``, ``speaker``, ``speaker_spans``, ``role``.
    overlaps : sequence of float
        Shares of characters, each in (0, 1].
    kinds : sequence of str
        Which kinds of quotation are scored (both tables filtered when they
        have a ``kind`` column).
    unit : {"quotation", "segment"}
        ``quotation`` scores each quotation once, over all its segments;
        ``segment`` scores each segment (a gold fragment, a predicted
        segment) as a unit of its own, with its quotation's speaker and role.

    Returns
    -------
    pandas.DataFrame
        One row per overlap: ``overlap, n_gold, n_predicted, precision,
        recall, f1, speaker_accuracy, n_speaker, role_accuracy, n_role``
        (accuracies are NaN when there is nothing to count).

    Examples
    --------
    >>> gold = pd.DataFrame({"article_id": ["a"], "start": [0], "end": [10], "speaker": ["Bo"]})
    >>> pred = pd.DataFrame({"article_id": ["a", "a"], "start": [0, 20], "end": [8, 30],
    ...                      "kind": ["full", "full"], "speaker": ["Bo", ""]})
    >>> score_quotes(pred, gold)[["overlap", "precision", "recall", "speaker_accuracy"]].values.tolist()
    [[0.3, 0.5, 1.0, 1.0], [0.8, 0.5, 1.0, 1.0]]
    """
    require_columns(predicted, ["article_id", "start", "end"], func="score_quotes")
    require_columns(gold, ["article_id", "start", "end"], func="score_quotes")
    for value in overlaps:
        check_share(value, name="overlaps", func="score_quotes", high_open=False)
    check_choice(unit, name="unit", func="score_quotes", choices=("quotation", "segment"))
    pred = _only_kinds(predicted, kinds)
    gold = _only_kinds(gold, kinds)
    if unit == "segment":
        pred, gold = _by_segment(pred), _by_segment(gold)
    pred_cover, gold_cover, best = _coverage(pred, gold)
    rows = []
    for value in overlaps:
        right = pred_cover >= value - 1e-9
        found = gold_cover >= value - 1e-9
        precision = float(right.mean()) if len(right) else float("nan")
        recall = float(found.mean()) if len(found) else float("nan")
        f1 = (2 * precision * recall / (precision + recall)) if precision + recall > 0 else 0.0
        speaker_ok, role_ok = _attribution_hits(pred, gold, found, best)
        rows.append({
            "overlap": float(value), "n_gold": len(gold), "n_predicted": len(pred),
            "precision": precision, "recall": recall, "f1": f1,
            "speaker_accuracy": float(np.mean(speaker_ok)) if speaker_ok else float("nan"),
            "n_speaker": len(speaker_ok),
            "role_accuracy": float(np.mean(role_ok)) if role_ok else float("nan"),
            "n_role": len(role_ok),
        })
    return pd.DataFrame(rows)


def same_speaker(predicted: str, gold: str) -> bool:
    """True when two speaker strings name the same source, leniently.

    Lower case, punctuation and a leading ``the``/``a``/``an`` are ignored;
    then one must equal the other or contain it as whole words (``Andy
    Jassy`` matches ``Andy Jassy, CEO of Amazon Web Services``). Lenient on
    purpose, and so too lenient for ``Amazon`` against ``Amazon spokesperson
    Kathleen Rohde``.

    Examples
    --------
    >>> same_speaker("the letter", "The employee letter"), same_speaker("Bezos", "Jassy")
    (True, False)
    """
    a, b = _speaker_words(predicted), _speaker_words(gold)
    if not a or not b:
        return False
    short, long = sorted((a, b), key=len)
    return f" {short} " in f" {long} "


def read_brat(folder: str | Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read a folder of brat standoff files: texts and gold direct quotations.

    Parameters
    ----------
    folder : str or Path
        Holds ``NAME.txt`` + ``NAME.ann`` pairs. Offsets count characters of
        the ``.txt`` read as UTF-8 with line ends kept as they are.

    Returns
    -------
    texts : pandas.DataFrame
        ``article_id`` (the file stem) and ``text``.
    gold : pandas.DataFrame
        One row per direct quotation (a ``Content`` span starting with a
        quote mark): ``article_id, start, end, fragments, text, speaker,
        speaker_spans``. ``fragments`` lists the ``(start, end)`` pieces of a
        discontinuous span; ``speaker`` joins the linked ``Source`` texts.

    Raises
    ------
    CorpusError
        When the folder has no ``.ann`` file, an ``.ann`` has no ``.txt``, or
        a line cannot be read; the message names the file and line.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise CorpusError(f"{folder}: not a folder; give the folder that holds the .txt and .ann files")
    anns = sorted(folder.glob("*.ann"))
    if not anns:
        raise CorpusError(f"{folder}: no .ann files found; brat standoff needs NAME.txt + NAME.ann pairs")
    lonely = [p for p in folder.glob("*.txt") if not p.with_suffix(".ann").exists()]
    if lonely:
        warnings.warn(f"read_brat(): {len(lonely)} .txt file(s) in {folder} have no .ann and were skipped "
                      f"(first: {lonely[0].name})", CorpusWarning, stacklevel=2)
    texts, gold = [], []
    for ann in anns:
        txt = ann.with_suffix(".txt")
        if not txt.exists():
            raise CorpusError(f"{ann}: no {txt.name} beside it; brat needs the text the offsets refer to")
        with open(txt, encoding="utf-8", newline="") as handle:
            text = handle.read()
        texts.append((ann.stem, text))
        gold += _brat_quotes(ann, text)
    columns = ["article_id", "start", "end", "fragments", "text", "speaker", "speaker_spans"]
    return pd.DataFrame(texts, columns=["article_id", "text"]), pd.DataFrame(gold, columns=columns)


def evaluate_brat(folder: str | Path, *, overlaps=(0.3, 0.8), kinds=("full",), roles=None,
                  verbs=None, unit: str = "quotation") -> pd.DataFrame:
    """Run the extractor on a brat folder and score it (see :func:`score_quotes`).

    Gold quotations have no kind, so ``kinds`` filters the predictions only:
    by default the partial quotations (scare quotes, quoted phrases) are not
    scored, because brat ``Content`` spans of such sentences begin with the
    journalist's words, not with a mark. ``unit="segment"`` scores each
    segment of a quotation on its own.
    """
    texts, gold = read_brat(folder)
    predicted = extract_quotes(texts, roles=roles, verbs=verbs)
    scores = score_quotes(predicted, gold, overlaps=overlaps, kinds=kinds, unit=unit)
    return scores.assign(n_articles=len(texts))


def format_scores(scores: pd.DataFrame, *, unit: str = "quotations") -> str:
    """Return the score table as aligned text for the terminal.

    ``unit`` names what was counted in the first line (``segments`` for
    scores with ``unit="segment"``).

    Examples
    --------
    >>> t = pd.DataFrame({"overlap": [0.3], "n_gold": [2], "n_predicted": [2], "precision": [1.0],
    ...     "recall": [0.5], "f1": [2 / 3], "speaker_accuracy": [1.0], "n_speaker": [1],
    ...     "role_accuracy": [float("nan")], "n_role": [0]})
    >>> print(format_scores(t))
    quotations: 2 annotated, 2 predicted
    overlap  precision  recall     F1  speaker accuracy
        30%      1.000   0.500  0.667      1.000 (n=1)
    """
    first = scores.iloc[0]
    lines = [f"{unit}: {int(first['n_gold'])} annotated, {int(first['n_predicted'])} predicted"]
    with_roles = bool((scores["n_role"] > 0).any())
    header = "overlap  precision  recall     F1  speaker accuracy"
    lines.append(header + ("    role accuracy" if with_roles else ""))
    for row in scores.itertuples(index=False):
        speaker = "      n/a" if np.isnan(row.speaker_accuracy) else f"{row.speaker_accuracy:9.3f} (n={row.n_speaker})"
        line = f"{row.overlap:7.0%}  {row.precision:9.3f}  {row.recall:6.3f}  {row.f1:5.3f}  {speaker}"
        if with_roles:
            line += f"  {row.role_accuracy:9.3f} (n={row.n_role})"
        lines.append(line)
    return "\n".join(lines)


# -- helpers -----------------------------------------------------------------


def _loose(text: str) -> str:
    # Any run of white space (a no-break space, a newline) matches any other.
    return "".join(r"\s+" if part.isspace() else re.escape(part) for part in re.split(r"(\s+)", text) if part)


def _only_kinds(table: pd.DataFrame, kinds) -> pd.DataFrame:
    if kinds is None or "kind" not in table.columns:
        return table.reset_index(drop=True)
    return table[table["kind"].isin(list(kinds))].reset_index(drop=True)


def _pieces(table: pd.DataFrame) -> list[list[tuple[int, int]]]:
    if "fragments" in table.columns:
        return [list(f) for f in table["fragments"]]
    if "segments" in table.columns:
        return [parse_segments(v) for v in table["segments"]]
    return [[(int(s), int(e))] for s, e in zip(table["start"], table["end"])]


def _by_segment(table: pd.DataFrame) -> pd.DataFrame:
    # One row per piece, each carrying its quotation's speaker, role and kind.
    pieces = _pieces(table)
    rows = table.drop(columns=[c for c in ("fragments", "segments") if c in table.columns])
    rows = rows.loc[np.repeat(np.arange(len(rows)), [len(p) for p in pieces])].reset_index(drop=True)
    flat = [p for quotation in pieces for p in quotation]
    rows["start"] = [s for s, _ in flat]
    rows["end"] = [e for _, e in flat]
    return rows


def _shared(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _covered(pieces: list[tuple[int, int]], others: list[list[tuple[int, int]]]) -> float:
    length = sum(e - s for s, e in pieces)
    if length <= 0:
        return 0.0
    merged = _merge([p for other in others for p in other])
    return _shared(pieces, merged) / length


def _merge(pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for s, e in sorted(pieces):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


def _coverage(pred: pd.DataFrame, gold: pd.DataFrame):
    pred_pieces, gold_pieces = _pieces(pred), _pieces(gold)
    pred_ids, gold_ids = pred["article_id"].tolist(), gold["article_id"].tolist()
    by_article_pred: dict = {}
    by_article_gold: dict = {}
    for i, a in enumerate(pred_ids):
        by_article_pred.setdefault(a, []).append(i)
    for i, a in enumerate(gold_ids):
        by_article_gold.setdefault(a, []).append(i)
    pred_cover = np.array([_covered(pred_pieces[i], [gold_pieces[j] for j in by_article_gold.get(a, [])])
                           for i, a in enumerate(pred_ids)], dtype=float)
    gold_cover = np.zeros(len(gold_ids), dtype=float)
    best = np.full(len(gold_ids), -1)
    for j, a in enumerate(gold_ids):
        candidates = by_article_pred.get(a, [])
        gold_cover[j] = _covered(gold_pieces[j], [pred_pieces[i] for i in candidates])
        shares = [(_shared(pred_pieces[i], gold_pieces[j]), -i) for i in candidates]
        if shares and max(shares)[0] > 0:
            best[j] = -max(shares)[1]
    return pred_cover, gold_cover, best


def _attribution_hits(pred: pd.DataFrame, gold: pd.DataFrame, found, best) -> tuple[list, list]:
    speaker_ok, role_ok = [], []
    for j in np.flatnonzero(found):
        i = best[j]
        g = gold.iloc[j]
        p = pred.iloc[i] if i >= 0 else None
        gold_speaker = str(g.get("speaker", "") or "")
        if "speaker" in gold.columns and gold_speaker.strip():
            speaker_ok.append(p is not None and _speaker_hit(p, g))
        if "role" in gold.columns and "role" in pred.columns:
            role_ok.append(p is not None and p["role"] == g["role"])
    return speaker_ok, role_ok


def _speaker_hit(p: pd.Series, g: pd.Series) -> bool:
    spans = g.get("speaker_spans")
    if isinstance(spans, (list, tuple)) and spans:
        # The name found, or the pronoun it was resolved from ("she" in the gold).
        for start, end in (("speaker_start", "speaker_end"), ("pronoun_start", "pronoun_end")):
            at = int(p.get(start, -1))
            if at >= 0 and _shared([(at, int(p[end]))], list(spans)) > 0:
                return True
    return same_speaker(str(p.get("speaker", "") or ""), str(g["speaker"]))


def _speaker_words(text: str) -> str:
    words = re.sub(r"[^\w\s]", " ", text.replace("’", "'").lower()).split()
    return _DETERMINER.sub("", " ".join(words))


def _brat_quotes(ann: Path, text: str) -> list[tuple]:
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    links: dict[str, set[str]] = {}

    def link(a: str, b: str) -> None:
        links.setdefault(a, set()).add(b)
        links.setdefault(b, set()).add(a)

    with open(ann, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            line = line.rstrip("\r\n")
            if not line.strip() or line[0] in "#AMN*":
                continue
            if line.startswith("T"):
                match = _BRAT_TEXT.match(line)
                if not match:
                    raise CorpusError(f"{ann}:{number}: cannot read {line[:50]!r} as 'T1<TAB>Type start end<TAB>text'; "
                                      "fix or delete the line")
                pieces = [tuple(map(int, p.split())) for p in match.group(3).split(";")]
                if any(s > e or e > len(text) for s, e in pieces):
                    raise CorpusError(f"{ann}:{number}: offsets {match.group(3)} fall outside the "
                                      f"{len(text)} characters of {ann.with_suffix('.txt').name}; fix the offsets")
                spans[match.group(1)] = (match.group(2).lower(), pieces, match.group(4))
            elif line.startswith("R"):
                match = _BRAT_RELATION.match(line)
                if not match:
                    raise CorpusError(f"{ann}:{number}: cannot read {line[:50]!r} as 'R1<TAB>Type Arg1:T1 Arg2:T2'; "
                                      "fix or delete the line")
                link(match.group(3), match.group(4))
            elif line.startswith("E"):
                match = _BRAT_EVENT.match(line)
                args = [a.split(":", 1)[1] for a in match.group(2).split() if ":" in a] if match else []
                if len(args) < 1:
                    raise CorpusError(f"{ann}:{number}: cannot read {line[:50]!r} as 'E1<TAB>Type:T1 Role:T2 ...'; "
                                      "fix or delete the line")
                for other in args[1:]:
                    link(args[0], other)
    rows = []
    for tid, (kind, pieces, _) in spans.items():
        if kind != "content":
            continue
        pieces = sorted(pieces)
        first = text[pieces[0][0]:pieces[0][1]].lstrip()
        if not first or first[0] not in _QUOTE_MARKS:
            continue
        sources = _linked_sources(tid, spans, links)
        speaker = " ".join(spans[s][2] or text[spans[s][1][0][0]:spans[s][1][-1][1]] for s in sources)
        speaker_spans = [p for s in sources for p in spans[s][1]]
        rows.append((ann.stem, pieces[0][0], pieces[-1][1], tuple(pieces),
                     " ".join(text[s:e] for s, e in pieces), speaker, tuple(speaker_spans)))
    return sorted(rows, key=lambda r: r[1])


def _linked_sources(tid: str, spans: dict, links: dict) -> list[str]:
    # A Source linked to the Content directly, or through the Content's Cue.
    near = links.get(tid, set())
    found = {n for n in near if n in spans and spans[n][0] == "source"}
    for cue in (n for n in near if n in spans and spans[n][0] == "cue"):
        found |= {n for n in links.get(cue, set()) if n in spans and spans[n][0] == "source"}
    return sorted(found, key=lambda s: spans[s][1][0])
