"""Add one article to a data folder: copy it into ``raw/`` and list it in the manifest.

Either both happen or neither: the file is copied and the manifest rewritten
atomically, the whole corpus is then loaded as a check, and any failure
restores ``data/`` exactly as it was.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from pathlib import Path

from coverage.io.write import atomic_write
from coverage.io.cleaning import clean_text
from coverage.io.corpus import MANIFEST, load_corpus, parse_date, read_manifest
from coverage.errors import CorpusError
from coverage.io.readers import HTML_TYPES, TEXT_TYPES, read_file
from coverage.schema import MANIFEST_COLUMNS

__all__ = ["add_article"]


def add_article(data_dir: str | Path, source: str | Path, *, outlet: str, published: str,
                title: str = "", url: str = "", author: str = "", article_id: str = "") -> dict[str, str]:
    """Copy ``source`` into ``data_dir/raw`` and append its manifest row.

    Parameters
    ----------
    data_dir : str or Path
        The data folder.
    source : str or Path
        A ``.txt``, ``.md``, ``.html`` or ``.htm`` file holding one article.
    outlet, published : str
        Outlet name and publication date (YYYY-MM-DD).
    title, url, author, article_id : str, optional
        Further manifest fields; ``article_id`` defaults to
        ``<outlet>-<date>`` made unique with a number.

    Returns
    -------
    dict
        The manifest row written.

    Raises
    ------
    CorpusError
        When the file is unusable or already in the corpus; ``data/`` is
        then unchanged.
    """
    data_dir, source = Path(data_dir), Path(source)
    if not source.is_file():
        raise CorpusError(f"{source}: no such file; check the path")
    if source.suffix.lower() not in TEXT_TYPES + HTML_TYPES:
        raise CorpusError(f"{source}: 'add' takes one article as .txt, .md, .html or .htm; "
                          "copy a table (.csv, .jsonl, .parquet) into data/raw/ directly")
    if not outlet.strip():
        raise CorpusError(f"{source}: --outlet is empty; give the outlet's name, e.g. --outlet Forbes")
    date = parse_date(published, where=f"{source}: --published")
    record = read_file(source, name=str(source))[0]
    if not clean_text(record["raw_text"], title=title).paragraphs:
        raise CorpusError(f"{source}: no article text left once site chrome is removed; "
                          "check that the file holds the article itself")

    raw_dir = data_dir / "raw"
    data = source.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    for existing in sorted(raw_dir.rglob("*")) if raw_dir.is_dir() else []:
        if existing.is_file() and hashlib.sha256(existing.read_bytes()).hexdigest() == digest:
            raise CorpusError(f"{source}: already in the corpus as {existing}; nothing was added")
    manifest = read_manifest(data_dir)
    taken = set(manifest["article_id"])
    if article_id:
        if article_id in taken:
            raise CorpusError(f"{source}: article_id '{article_id}' is already in {MANIFEST}; "
                              "choose another with --id")
    else:
        article_id = _unique(f"{_slug(outlet)}-{date:%Y-%m-%d}", taken)
    target = raw_dir / f"{article_id}{source.suffix.lower()}"
    if target.exists():
        raise CorpusError(f"{source}: {target} already exists; choose another --id")

    row = dict.fromkeys(MANIFEST_COLUMNS, "")
    row.update(article_id=article_id, file=f"raw/{target.name}", outlet=outlet.strip(),
               title=title, published=f"{date:%Y-%m-%d}", url=url, author=author)
    manifest_path = data_dir / MANIFEST
    old_manifest = manifest_path.read_bytes() if manifest_path.exists() else None
    try:
        atomic_write(target, lambda tmp: tmp.write_bytes(data))
        atomic_write(manifest_path, lambda tmp: tmp.write_bytes(_with_row(old_manifest, row)))
        load_corpus(data_dir)  # the new article must not break the corpus
    except BaseException:
        target.unlink(missing_ok=True)
        if old_manifest is None:
            manifest_path.unlink(missing_ok=True)
        else:
            atomic_write(manifest_path, lambda tmp: tmp.write_bytes(old_manifest))
        raise
    return row


def _with_row(old: bytes | None, row: dict[str, str]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(MANIFEST_COLUMNS), lineterminator="\n")
    if old is None or not old.strip():
        writer.writeheader()
        old = b""
    elif not old.endswith(b"\n"):
        old += b"\n"
    writer.writerow(row)
    return old + buffer.getvalue().encode("utf-8")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.lower()) or "article"


def _unique(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate
