"""Read one input file into article records (dicts of manifest fields + text).

Supported inputs, by extension:

* ``.txt`` / ``.md``: one article; metadata from the manifest or from YAML
  front matter (a block between ``---`` lines at the top of the file).
* ``.html`` / ``.htm``: one page; main text and metadata extracted with
  trafilatura, which parses the page and never runs its scripts or fetches
  anything.
* ``.csv`` / ``.jsonl`` / ``.parquet``: many articles, one per row, with at
  least ``text`` and ``outlet`` columns; Media Cloud story exports
  (``media_name``, ``publish_date``, ``title``, ``url`` and a text column) are
  recognised and mapped onto the same fields.

Every problem is a :class:`~coverage.errors.CorpusError` whose message names
the file, the problem and the fix.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from coverage.errors import CorpusError, CorpusWarning

__all__ = ["TEXT_TYPES", "HTML_TYPES", "TABLE_TYPES", "SUPPORTED", "decode", "read_file"]

TEXT_TYPES = (".txt", ".md")
HTML_TYPES = (".html", ".htm")
TABLE_TYPES = (".csv", ".jsonl", ".parquet")
SUPPORTED = TEXT_TYPES + HTML_TYPES + TABLE_TYPES

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_META_FIELDS = ("article_id", "outlet", "title", "published", "url", "author", "via", "notes")
_MEDIA_CLOUD_TEXT = ("text", "story_text", "full_text", "body")


def decode(data: bytes, *, name: str) -> str:
    """Decode file bytes as UTF-8 (BOM dropped), else as cp1252 with a warning.

    Examples
    --------
    >>> decode("café".encode("utf-8"), name="a.txt")
    'café'
    >>> decode("\\ufeffhi".encode("utf-8"), name="a.txt")
    'hi'
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        position = exc.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise CorpusError(
            f"{name}: bytes that are not UTF-8 (first at byte {position}) nor Windows-1252; "
            "re-save the file as UTF-8 text"
        ) from None
    warnings.warn(
        f"{name}: not UTF-8 (first bad byte at {position}); read as Windows-1252 — "
        "check quotes and accents, and re-save as UTF-8 to silence this",
        CorpusWarning,
        stacklevel=2,
    )
    return text


def read_file(path: Path, *, name: str) -> list[dict[str, Any]]:
    """Read one file into a list of article records.

    Parameters
    ----------
    path : Path
        The file.
    name : str
        How the file is named in messages (its path relative to the data folder).

    Returns
    -------
    list of dict
        Records with ``raw_text`` and whatever metadata the file itself
        carries (front matter, HTML metadata, table columns); ``source_file``
        is ``name``, plus ``#row`` for rows of a table.
    """
    suffix = path.suffix.lower()
    if suffix in TEXT_TYPES:
        return [_read_text(path, name)]
    if suffix in HTML_TYPES:
        return [_read_html(path, name)]
    if suffix in TABLE_TYPES:
        return _read_table(path, name)
    raise CorpusError(
        f"{name}: unknown file type '{path.suffix or '(none)'}'; save the article as "
        f"{', '.join(SUPPORTED[:-1])} or {SUPPORTED[-1]}, or move it out of the data folder"
    )


def _read_text(path: Path, name: str) -> dict[str, Any]:
    text = decode(path.read_bytes(), name=name)
    record: dict[str, Any] = {"source_file": name, "raw_text": text, "has_front_matter": False}
    match = _FRONT_MATTER.match(text)
    if text.startswith("---") and match is None:
        raise CorpusError(
            f"{name}: front matter opened with '---' but never closed; "
            "end the header with a line holding only '---'"
        )
    if match:
        try:
            meta = yaml.safe_load(match.group(1))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" line {mark.line + 2}" if mark else ""
            raise CorpusError(
                f"{name}: malformed front matter at{where or ' the top'} "
                f"({getattr(exc, 'problem', None) or 'invalid YAML'}); "
                "write one 'key: value' per line, e.g. 'outlet: Forbes'"
            ) from None
        if not isinstance(meta, dict):
            raise CorpusError(
                f"{name}: front matter is not a list of 'key: value' lines; "
                "write e.g. 'outlet: Forbes' and 'published: 2018-06-22'"
            )
        record.update({k: _as_text(v) for k, v in meta.items() if k in _META_FIELDS})
        # Other scalar keys (group, lean, country, ...) are kept as extra columns.
        record["extra"] = {str(k): _as_text(v) for k, v in meta.items()
                           if k not in _META_FIELDS and not isinstance(v, (dict, list))}
        record["raw_text"] = text[match.end():]
        record["has_front_matter"] = True
    return record


def _read_html(path: Path, name: str) -> dict[str, Any]:
    import trafilatura

    html = decode(path.read_bytes(), name=name)
    # bare_extraction parses only: no scripts run, no links fetched.
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    if doc is None:
        raise CorpusError(
            f"{name}: no article text found in this HTML page; save the article's own page "
            "(not a list or index page), or paste its text into a .txt file"
        )
    data = doc if isinstance(doc, dict) else doc.as_dict()
    body = (data.get("text") or "").strip()
    title = (data.get("title") or "").strip()
    # trafilatura's text often starts with the <h1> headline already.
    raw = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    record = {
        "source_file": name,
        "raw_text": raw,
        "title": title,
        "outlet": data.get("sitename") or "",
        "published": data.get("date") or "",
        "author": data.get("author") or "",
        "url": data.get("url") or "",
        # A page without a date is read (undated), as a table row without one is.
        "has_front_matter": bool(data.get("sitename")),
    }
    return record


def _read_table(path: Path, name: str) -> list[dict[str, Any]]:
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        elif suffix == ".jsonl":
            table = pd.read_json(path, lines=True, dtype=False)
        else:
            table = pd.read_parquet(path)
    except UnicodeDecodeError:
        raise CorpusError(f"{name}: not UTF-8 text; re-save the table as UTF-8 CSV") from None
    except (ValueError, pd.errors.ParserError, OSError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise CorpusError(f"{name}: cannot read this table ({first}); check it opens in a spreadsheet and re-export it") from None
    table = _map_media_cloud(table)
    missing = [c for c in ("text", "outlet") if c not in table.columns]
    if missing:
        raise CorpusError(
            f"{name}: table lacks column{'s' if len(missing) > 1 else ''} "
            f"{', '.join(repr(c) for c in missing)}; it has: {', '.join(map(str, table.columns))}. "
            "Rename the columns holding the article text and the outlet name"
        )
    records = []
    stem = _slug(path.stem)
    for row_no, row in enumerate(table.to_dict("records"), start=1):
        record = {k: _as_text(row.get(k)) for k in _META_FIELDS if k in row}
        if not record.get("article_id"):
            ident = _as_text(row.get("id") or row.get("stories_id") or "")
            record["article_id"] = f"{stem}-{ident or row_no}"
        record.update(source_file=f"{name}#row{row_no}", raw_text=_as_text(row.get("text")),
                      has_front_matter=True, row_no=row_no,
                      extra={str(k): _as_text(v) for k, v in row.items() if k not in _META_FIELDS and k != "text"})
        records.append(record)
    return records


def _map_media_cloud(table: pd.DataFrame) -> pd.DataFrame:
    if not {"media_name", "publish_date"} <= set(table.columns):
        return table
    renames = {"media_name": "outlet", "publish_date": "published"}
    if "text" not in table.columns:
        for col in _MEDIA_CLOUD_TEXT[1:]:
            if col in table.columns:
                renames[col] = "text"
                break
    if "media_url" in table.columns and "via" not in table.columns:
        renames["media_url"] = "via"
    return table.rename(columns=renames)


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value != value:  # NaN
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "article"
