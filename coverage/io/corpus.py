"""Load the articles of a data folder into the corpus table.

A data folder holds ``raw/`` (the article files, never modified by the kit)
and, optionally, the manifest ``articles.csv`` with one row per article
(``article_id, file, outlet, title, published, url, author, via, notes``;
``file`` is relative to the data folder, e.g. ``raw/forbes-2018-06-22.txt``).
Files without a manifest row must carry their own metadata (front matter,
HTML metadata or table columns).

A note that contains the word "estimate" (e.g. "Date estimated: ...") marks
the publication date as estimated; comparisons of dates then say "unknown"
rather than trusting it. An article with no date at all is read with
``published`` NaT and ``date_missing`` True (one warning counts them); a date
that is given but cannot be read is an error.

Columns beyond the kit's own (a manifest column, a front-matter key, a column
of a bulk table, e.g. ``group`` or ``lean``) are kept, after the corpus
columns, so that any of them can be the unit of comparison. An optional
``outlets.csv`` in the data folder (``outlet`` plus any columns) adds its
columns to every article of that outlet (:mod:`coverage.io.outlets`).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from coverage.io.cleaning import clean_articles, clean_text, repeated_lines
from coverage.errors import CorpusError, CorpusWarning
from coverage.io.outlets import RESERVED, join_outlets, read_outlets
from coverage.io.readers import TABLE_TYPES, read_file
from coverage.schema import CORPUS_COLUMNS, MANIFEST_COLUMNS, REMOVED_COLUMNS, require_columns

__all__ = ["load_corpus", "read_articles", "assemble_corpus", "read_manifest", "extra_columns",
           "removed_lines", "parse_date", "MANIFEST"]

#: File name of the manifest inside a data folder.
MANIFEST = "articles.csv"
_REQUIRED_META = ("outlet",)


def load_corpus(data_dir: str | Path) -> pd.DataFrame:
    """Read, check and clean every article of a data folder.

    Parameters
    ----------
    data_dir : str or Path
        The data folder (holding ``raw/`` and optionally ``articles.csv``).
        Rows of a table with no text are skipped, and a
        :class:`~coverage.errors.CorpusWarning` counts them; the lines that
        cleaning removed are listed by :func:`removed_lines`.

    Returns
    -------
    pandas.DataFrame
        One row per article, columns :data:`coverage.schema.CORPUS_COLUMNS`,
        sorted by publication date then ``article_id``.

    Raises
    ------
    CorpusError
        For any file or manifest row the kit cannot use; the message names
        the file, the problem and the fix.

    Examples
    --------
    >>> corpus = load_corpus("data")  # doctest: +SKIP
    >>> corpus[["outlet", "n_words"]].head(2)  # doctest: +SKIP
    """
    table, _ = read_articles(data_dir)
    corpus, _ = assemble_corpus(table, clean_articles(table["raw_text"].tolist(), table["title"].tolist()))
    return corpus


def read_articles(data_dir: str | Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read every article of a data folder, not yet cleaned: the first half of :func:`load_corpus`.

    Returns
    -------
    (pandas.DataFrame, pandas.DataFrame)
        The articles (the columns of :data:`coverage.schema.CORPUS_COLUMNS`
        but ``headline``, ``text``, ``body_start`` and ``n_words``), and the
        inputs that were skipped, with their ``source`` and ``reason``.

    Raises
    ------
    CorpusError
        As :func:`load_corpus`.
    """
    data_dir = Path(data_dir)
    records, skipped = _drop_empty_rows(_read_records(data_dir))
    table = join_outlets(_to_table(records), read_outlets(data_dir))
    return table, pd.DataFrame(skipped, columns=["source", "reason"])


def extra_columns(corpus: pd.DataFrame) -> list[str]:
    """Return the columns of ``corpus`` beyond the kit's own: user metadata such as ``group`` or ``lean``.

    Examples
    --------
    >>> extra_columns(pd.DataFrame(columns=["article_id", "outlet", "group"]))
    ['group']
    """
    return [c for c in corpus.columns if c not in CORPUS_COLUMNS]


def assemble_corpus(table: pd.DataFrame, cleaned: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Join the articles of :func:`read_articles` with their cleaned text: the second half of :func:`load_corpus`.

    Parameters
    ----------
    table : pandas.DataFrame
        The first table of :func:`read_articles`.
    cleaned : pandas.DataFrame
        :func:`coverage.io.cleaning.clean_articles` of its raw texts and titles, row for row.

    Returns
    -------
    (pandas.DataFrame, pandas.DataFrame)
        The corpus (as :func:`load_corpus` returns it) and the lines cleaning
        removed (:data:`coverage.schema.REMOVED_COLUMNS`, in the order of ``table``).

    Raises
    ------
    CorpusError
        When no body paragraph of an article survived cleaning.
    """
    removed: list[tuple] = []
    corpus = _clean(table, cleaned, removed=removed)
    return corpus, pd.DataFrame(removed, columns=list(REMOVED_COLUMNS))


def read_manifest(data_dir: str | Path) -> pd.DataFrame:
    """Return the manifest of a data folder (empty table when there is none).

    Raises
    ------
    CorpusError
        When the manifest cannot be read, lacks ``file``, or repeats an
        ``article_id``.
    """
    data_dir = Path(data_dir)
    path = data_dir / MANIFEST
    name = _display(data_dir, path)
    if not path.exists():
        return pd.DataFrame(columns=list(MANIFEST_COLUMNS), dtype=str)
    try:
        manifest = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise CorpusError(f"{name}: not UTF-8 text; re-save the manifest as UTF-8 CSV") from None
    except (pd.errors.ParserError, ValueError) as exc:
        raise CorpusError(f"{name}: cannot read the manifest ({str(exc).splitlines()[0]}); "
                          "check quoting of titles that contain commas") from None
    if "file" not in manifest.columns:
        raise CorpusError(f"{name}: no 'file' column; the header must start with: "
                          f"{', '.join(MANIFEST_COLUMNS)}")
    for column in MANIFEST_COLUMNS:
        if column not in manifest.columns:
            manifest[column] = ""
    blank_id = manifest["article_id"].str.strip() == ""
    manifest.loc[blank_id, "article_id"] = manifest.loc[blank_id, "file"].map(lambda f: Path(f).stem)
    dupes = manifest["article_id"][manifest["article_id"].duplicated()].unique()
    if len(dupes):
        raise CorpusError(f"{name}: article_id '{dupes[0]}' appears more than once; "
                          "give each row its own article_id")
    return manifest


def parse_date(value: str, *, where: str) -> pd.Timestamp:
    """Parse a publication date; time zones are converted to UTC and dropped.

    An empty value is an error here (``media-coverage add`` needs a date);
    articles read from a data folder may have none.

    Examples
    --------
    >>> parse_date("2018-11-05", where="x")
    Timestamp('2018-11-05 00:00:00')
    >>> parse_date("2018-11-05T20:00:00-08:00", where="x")
    Timestamp('2018-11-06 04:00:00')
    """
    return _parse_dates(pd.Series([value]), [where]).iloc[0]


def _parse_dates(values: pd.Series, where: list[str], *, missing_ok: bool = False) -> pd.Series:
    # One vectorised parse for the whole column (a 50,000-row export would
    # take seconds value by value); the first failure is reported by name.
    text = values.astype(str).str.strip()
    parsed = pd.to_datetime(text, utc=True, format="mixed", errors="coerce")
    # "9 Nov" parses as year 1: a date without a plausible year is unreadable too.
    parsed = parsed.where((parsed.dt.year >= 1800) & (parsed.dt.year <= 2200))
    failed = parsed.isna() & ~(_blank(text) if missing_ok else False)
    bad = failed.to_numpy().nonzero()[0]
    if len(bad):
        i = int(bad[0])
        if not text.iloc[i]:
            raise CorpusError(f"{where[i]}: no publication date; add one as YYYY-MM-DD")
        raise CorpusError(f"{where[i]}: cannot read the date '{text.iloc[i]}'; write it as YYYY-MM-DD "
                          "(e.g. 2018-11-05)")
    return parsed.dt.tz_convert(None).astype("datetime64[ns]")


def _blank(text: pd.Series) -> pd.Series:
    # What a spreadsheet or an export writes for "no date".
    return text.str.lower().isin(["", "nan", "nat", "none", "null"])


def removed_lines(corpus: pd.DataFrame) -> pd.DataFrame:
    """Return every line that cleaning removed, with the rule that removed it.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The corpus table (needs ``article_id``, ``source_file``, ``title``,
        ``raw_text``).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`coverage.schema.REMOVED_COLUMNS`; ``line_no`` counts
        lines of the raw text from 1.

    Examples
    --------
    >>> table = pd.DataFrame({"article_id": ["a"], "source_file": ["raw/a.txt"],
    ...                       "title": [""], "raw_text": ["Filed under:\\nNews today\\nIt was.\\n"]})
    >>> removed_lines(table)[["line_no", "rule"]].to_dict("records")
    [{'line_no': 1, 'rule': 'page chrome'}]
    """
    require_columns(corpus, ["article_id", "source_file", "title", "raw_text"], func="removed_lines")
    boilerplate = repeated_lines(corpus["raw_text"])
    rows = [
        (article_id, source, line_no, line, rule)
        for article_id, source, title, raw in corpus[["article_id", "source_file", "title", "raw_text"]].itertuples(index=False)
        for line_no, line, rule in clean_text(raw, title=title, boilerplate=boilerplate).removed
    ]
    return pd.DataFrame(rows, columns=list(REMOVED_COLUMNS))


def _read_records(data_dir: Path) -> list[dict[str, Any]]:
    raw_dir = data_dir / "raw"
    if not raw_dir.is_dir():
        raise CorpusError(f"{data_dir}: no 'raw' folder; put the article files in {raw_dir}/")
    manifest = read_manifest(data_dir)
    root = data_dir.resolve()
    manifest_name = _display(data_dir, data_dir / MANIFEST)
    listed: dict[Path, dict[str, Any]] = {}
    for row_no, row in enumerate(manifest.to_dict("records"), start=2):
        where = f"{manifest_name} line {row_no}"
        path = (data_dir / row["file"]).resolve()
        if not path.is_relative_to(root):
            raise CorpusError(f"{where}: file '{row['file']}' points outside the data folder; "
                              "copy the article into raw/ and list it as raw/NAME")
        if not path.is_file():
            raise CorpusError(f"{where}: file '{row['file']}' does not exist; fix the name "
                              "or remove the row")
        listed[path] = row
    records: list[dict[str, Any]] = []
    for path in _article_files(raw_dir):
        name = _display(data_dir, path)
        row = listed.pop(path.resolve(), None)
        for record in read_file(path, name=name):
            records.append(_merge(record, row, name=name, path=path))
    for path, row in listed.items():  # listed files outside raw/ but inside data/
        name = _display(data_dir, path)
        for record in read_file(path, name=name):
            records.append(_merge(record, row, name=name, path=path))
    return records


def _article_files(raw_dir: Path) -> list[Path]:
    # Hidden files (.gitkeep, .DS_Store) are not articles.
    return sorted(p for p in raw_dir.rglob("*")
                  if p.is_file() and not any(part.startswith(".") for part in p.relative_to(raw_dir).parts))


def _merge(record: dict[str, Any], row: dict[str, Any] | None, *, name: str, path: Path) -> dict[str, Any]:
    if row is not None and path.suffix.lower() not in TABLE_TYPES:
        # A manifest row overrides whatever the file says about itself.
        record.update({k: v for k, v in row.items() if k != "file" and str(v).strip()})
        record["article_id"] = row["article_id"]
    elif not record.get("has_front_matter"):
        raise CorpusError(
            f"{name}: no manifest row and no front matter; add a row to {MANIFEST} "
            "with at least: file, outlet, published"
        )
    if row is not None and path.suffix.lower() not in TABLE_TYPES:
        extra = dict(record.get("extra") or {})
        extra.update({k: str(v) for k, v in row.items() if k not in MANIFEST_COLUMNS and str(v).strip()})
        record["extra"] = extra
    record.setdefault("article_id", path.stem)
    for key in _REQUIRED_META:
        if not str(record.get(key, "")).strip():
            raise CorpusError(f"{record['source_file']}: no '{key}' given; add it to the manifest "
                              f"row or the front matter (e.g. {key}: {'Forbes' if key == 'outlet' else '2018-06-22'})")
    return record


def _drop_empty_rows(records: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
    kept, empty = [], []
    for record in records:
        if "row_no" in record and not record["raw_text"].strip():
            empty.append(record)
        else:
            kept.append(record)
    if empty:
        warnings.warn(
            f"skipped {len(empty)} table row{'s' if len(empty) > 1 else ''} with no text "
            f"(first: {empty[0]['source_file']}); export the stories with their text to include them",
            CorpusWarning, stacklevel=4)
    return kept, [{"source": r["source_file"], "reason": "no text"} for r in empty]


def _to_table(records: Iterable[dict[str, Any]]) -> pd.DataFrame:
    rows, extras = [], []
    seen: dict[str, str] = {}
    for record in records:
        article_id = str(record["article_id"]).strip()
        if article_id in seen:
            raise CorpusError(f"{record['source_file']}: article_id '{article_id}' is already used by "
                              f"{seen[article_id]}; give each article its own article_id")
        seen[article_id] = record["source_file"]
        notes = str(record.get("notes", ""))
        extras.append({k: v for k, v in (record.get("extra") or {}).items() if k not in RESERVED})
        rows.append({
            "article_id": article_id,
            "outlet": str(record["outlet"]).strip(),
            "title": str(record.get("title", "")).strip(),
            "published": str(record.get("published", "")),
            "date_estimated": "estimat" in notes.lower(),
            "date_missing": False,
            "url": str(record.get("url", "")),
            "author": str(record.get("author", "")),
            "via": str(record.get("via", "")),
            "notes": notes,
            "raw_text": record["raw_text"],
            "source_file": record["source_file"],
        })
    table = pd.DataFrame(rows, columns=[c for c in CORPUS_COLUMNS if c not in ("headline", "text", "body_start", "n_words")])
    table["published"] = _parse_dates(table["published"], table["source_file"].tolist(), missing_ok=True).to_numpy()
    table["date_missing"] = table["published"].isna()
    table.loc[table["date_missing"], "date_estimated"] = False
    _warn_undated(table)
    # Extra columns in first-seen order; an article without the column gets "".
    names = list(dict.fromkeys(k for extra in extras for k in extra))
    for column in names:
        table[column] = [extra.get(column, "") for extra in extras]
    return table


def _warn_undated(table: pd.DataFrame) -> None:
    missing = table["date_missing"]
    if missing.any():
        n, total = int(missing.sum()), len(table)
        first = table.loc[missing, "source_file"].iloc[0]
        warnings.warn(
            f"{n} of {total} article{'s' * (total != 1)} {'have' if n != 1 else 'has'} no date; time figures "
            f"leave {'them' if n != 1 else 'it'} out (first: {first}); add 'published' as YYYY-MM-DD "
            "to include them", CorpusWarning, stacklevel=5)


def _clean(table: pd.DataFrame, clean: pd.DataFrame, *, removed: list | None) -> pd.DataFrame:
    for source, raw, text, start in zip(table["source_file"].tolist(), table["raw_text"].tolist(),
                                        clean["text"].tolist(), clean["body_start"].tolist()):
        if not text[start:]:  # no body paragraph survived
            problem = "is empty" if not raw.strip() else "holds only site chrome (navigation, captions, links)"
            raise CorpusError(f"{source}: the article {problem}; paste the article's text "
                              "into the file or remove it")
    if removed is not None:
        removed.extend((article_id, source, *line)
                       for article_id, source, lines in zip(table["article_id"].tolist(), table["source_file"].tolist(),
                                                            clean["removed"].tolist())
                       for line in lines)
    table = table.assign(headline=clean["headline"].to_numpy(), text=clean["text"].to_numpy(),
                         body_start=clean["body_start"].to_numpy(), n_words=clean["n_words"].to_numpy())
    table["title"] = table["title"].where(table["title"] != "", table["headline"])
    # Undated articles last, in article_id order like the rest.
    table = table.sort_values(["published", "article_id"], kind="stable", na_position="last").reset_index(drop=True)
    return table[[*CORPUS_COLUMNS, *extra_columns(table)]]


def _display(data_dir: Path, path: Path) -> str:
    # Name files as the user sees them: data/raw/x.txt, not an absolute path.
    try:
        return str(Path(data_dir.name) / path.resolve().relative_to(data_dir.resolve()))
    except ValueError:
        return str(path)
