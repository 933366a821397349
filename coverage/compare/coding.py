"""Hand coding: draw a sample of sentences, make coding sheets, bring the codes back.

The first half of the small content-analysis study of
:mod:`coverage.compare.reliability`: :func:`sample_sentences` draws a stratified,
seeded sample (shuffled, so no coder meets one outlet in a block);
:func:`coding_sheet` makes a blank sheet per coder, blind to the outlet;
:func:`read_codes` and :func:`collect_codes` bring the filled sheets back
side by side, ready for :func:`coverage.compare.reliability.reliability`.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from coverage.errors import CorpusError, CorpusWarning
from coverage.schema import require_columns
from coverage.params import check_int

__all__ = ["SHEET_KEYS", "sample_sentences", "coding_sheet", "read_codes", "collect_codes", "normalise_codes"]

#: Columns that identify a unit on a coding sheet; every other column but
#: ``note`` holds codes.
SHEET_KEYS = ("unit_id", "article_id", "sentence_id", "text")


def sample_sentences(
    sentences: pd.DataFrame,
    *,
    per_outlet: int = 8,
    seed: int = 0,
    by: str = "outlet",
    corpus: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Draw ``per_outlet`` sentences from each group of ``by``, reproducibly.

    Parameters
    ----------
    sentences : pandas.DataFrame
        Sentence table with ``article_id``, ``sentence_id``, ``text`` and the
        ``by`` column (or pass ``corpus`` to add it).
    per_outlet : int, default 8
        Sentences per group. A group with fewer sentences gives all of them.
    seed : int, default 0
        The same seed and sentence table give the same sample. Each group is
        drawn with the seed on its own, so adding an outlet does not change
        the sentences drawn from the others.
    by : str, default "outlet"
        The column to stratify on.
    corpus : pandas.DataFrame, optional
        The corpus table, to take ``by`` from when ``sentences`` lacks it.

    Returns
    -------
    pandas.DataFrame
        ``unit_id`` (1, 2, ... in a shuffled order that mixes the groups),
        ``article_id``, ``sentence_id``, ``by``, ``position`` (when present)
        and ``text``, sorted by ``unit_id``.

    Warns
    -----
    CorpusWarning
        Counting sentences without text or without a ``by`` value (never
        drawn) and naming groups with fewer than ``per_outlet`` sentences.

    Examples
    --------
    >>> s = pd.DataFrame({"article_id": ["a", "a", "a", "b"], "sentence_id": [0, 1, 2, 0],
    ...                   "outlet": ["X", "X", "X", "Y"], "text": ["One.", "Two.", "Three.", "Four."]})
    >>> sample = sample_sentences(s, per_outlet=1, seed=0)
    >>> sorted(sample["outlet"]), sample["unit_id"].tolist()
    (['X', 'Y'], [1, 2])
    """
    check_int(per_outlet, name="per_outlet", func="sample_sentences")
    require_columns(sentences, ["article_id", "sentence_id", "text"], func="sample_sentences")
    if by not in sentences.columns and corpus is not None:
        require_columns(corpus, ["article_id", by], func="sample_sentences(corpus=...)")
        groups = corpus.drop_duplicates("article_id").set_index("article_id")[by]
        sentences = sentences.assign(**{by: sentences["article_id"].map(groups)})
    require_columns(sentences, [by], func="sample_sentences")
    blank = sentences["text"].isna() | (sentences["text"].astype("string").str.strip() == "")
    if blank.any():
        warnings.warn(f"sample_sentences(): {int(blank.sum())} of {len(sentences)} sentences have no text "
                      "and cannot be drawn", CorpusWarning, stacklevel=2)
    usable = sentences[~blank.fillna(True).to_numpy(dtype=bool)]
    if (ungrouped := int(usable[by].isna().sum())):
        warnings.warn(f"sample_sentences(): {ungrouped} of {len(sentences)} sentences have no {by!r} value "
                      "and cannot be drawn", CorpusWarning, stacklevel=2)
    parts, short = [], []
    for key, group in usable.groupby(by, sort=True):
        if len(group) < per_outlet:
            short.append(f"{key} ({len(group)})")
        parts.append(group.sample(n=min(per_outlet, len(group)), random_state=seed))
    if short:
        warnings.warn(f"sample_sentences(): {len(short)} group(s) have fewer than {per_outlet} sentences and "
                      f"give all they have: {', '.join(short)}", CorpusWarning, stacklevel=2)
    columns = ["article_id", "sentence_id", by] + (["position"] if "position" in usable.columns else []) + ["text"]
    drawn = pd.concat(parts, ignore_index=True)[columns] if parts else usable[columns].iloc[:0]
    # Shuffle the units so that a coder meets the outlets interleaved, not in blocks.
    order = np.random.default_rng(seed).permutation(len(drawn))
    drawn = drawn.iloc[order].reset_index(drop=True)
    drawn.insert(0, "unit_id", np.arange(1, len(drawn) + 1))
    return drawn


def coding_sheet(sample: pd.DataFrame, *, variables: Sequence[str] = ("frame", "tone")) -> pd.DataFrame:
    """Return a blank coding sheet for one coder: the units and an empty column per variable.

    The sheet leaves out the outlet (and position), so that what a coder
    knows about an outlet cannot colour the codes. Give every coder their
    own copy (e.g. as CSV, ``sheet.to_csv(path, index=False)``) and collect
    the filled copies with :func:`collect_codes`.

    Parameters
    ----------
    sample : pandas.DataFrame
        From :func:`sample_sentences`.
    variables : sequence of str, default ("frame", "tone")
        The variables of the codebook, one empty column each.

    Returns
    -------
    pandas.DataFrame
        ``unit_id``, ``article_id``, ``sentence_id``, ``text``, one empty
        (missing) column per variable and an empty ``note`` column.

    Examples
    --------
    >>> sample = pd.DataFrame({"unit_id": [1], "article_id": ["a"], "sentence_id": [0],
    ...                        "outlet": ["X"], "text": ["One."]})
    >>> list(coding_sheet(sample).columns)
    ['unit_id', 'article_id', 'sentence_id', 'text', 'frame', 'tone', 'note']
    """
    require_columns(sample, list(SHEET_KEYS), func="coding_sheet")
    variables = [variables] if isinstance(variables, str) else list(variables)
    clash = [v for v in variables if v in (*SHEET_KEYS, "note")] or ([] if variables else ["(none)"])
    if clash:
        raise ValueError(f"coding_sheet(): variable {clash[0]!r} is not allowed; name the codebook's "
                         "variables, e.g. variables=('frame', 'tone')")
    sheet = sample[list(SHEET_KEYS)].reset_index(drop=True)
    for name in [*variables, "note"]:
        sheet[name] = pd.Series(pd.NA, index=sheet.index, dtype="string")
    return sheet


def read_codes(path: str | Path) -> pd.DataFrame:
    """Read a filled coding sheet (CSV) with every code as text.

    Lines starting with ``#`` at the top of the file are comments (the
    shipped example says there that it is an example). A byte-order mark, as
    written by spreadsheet programs, is ignored.

    Parameters
    ----------
    path : str or Path
        The CSV file; it needs a ``unit_id`` column.

    Returns
    -------
    pandas.DataFrame
        The sheet: ``unit_id`` (and ``sentence_id``, when present) as
        integers, every other column as text, blank cells missing.

    Raises
    ------
    CorpusError
        When the file is missing, has no ``unit_id`` column, or a ``unit_id``
        is not a whole number (naming the line).

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "sheet.csv"
    >>> _ = path.write_text("# practice\\nunit_id,frame\\n1,safety\\n2,\\n", encoding="utf-8")
    >>> read_codes(path)["frame"].tolist()
    ['safety', <NA>]
    >>> import shutil; shutil.rmtree(path.parent)
    """
    path = Path(path)
    if not path.is_file():
        raise CorpusError(f"{path}: file not found; save the coding sheet as CSV there or check the name")
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    comments = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
    sheet = pd.read_csv(path, skiprows=comments, dtype="string", keep_default_na=False, na_values=[""],
                        encoding="utf-8-sig")
    if "unit_id" not in sheet.columns:
        raise CorpusError(f"{path}: no 'unit_id' column (found: {', '.join(sheet.columns) or 'none'}); "
                          "keep the columns of the sheet made by coding_sheet()")
    for column in ("unit_id", "sentence_id"):
        if column in sheet.columns:
            number = pd.to_numeric(sheet[column].str.strip(), errors="coerce")
            bad = number.isna() | (number != number.round())
            if bad.any():
                line = comments + 2 + int(bad.to_numpy().nonzero()[0][0])
                raise CorpusError(f"{path}: line {line}: {column} {sheet[column][bad].iloc[0]!r} is not a whole "
                                  "number; restore it from the blank sheet")
            sheet[column] = number.astype("int64")
    return sheet


def collect_codes(sheets: Mapping[str, pd.DataFrame], *, sample: pd.DataFrame) -> pd.DataFrame:
    """Put the filled sheets of several coders side by side, with the sample's groups.

    Parameters
    ----------
    sheets : mapping of str to DataFrame
        Coder name -> that coder's filled sheet (``unit_id`` and one column
        per variable, as made by :func:`coding_sheet`; ``note`` is dropped).
    sample : pandas.DataFrame
        The sample the sheets were made from (:func:`sample_sentences`).

    Returns
    -------
    pandas.DataFrame
        The sample's columns, then ``<variable>_<coder>`` for every variable
        and coder (e.g. ``frame_ana``), codes stripped and lower-cased, blank
        cells missing. One row per unit of the sample.

    Raises
    ------
    CorpusError
        When a sheet names a unit that is not in the sample, or repeats one.

    Warns
    -----
    CorpusWarning
        Counting, per coder, the units of the sample missing from the sheet.

    Examples
    --------
    >>> sample = pd.DataFrame({"unit_id": [1, 2], "article_id": ["a", "b"], "sentence_id": [0, 0],
    ...                        "outlet": ["X", "Y"], "text": ["One.", "Two."]})
    >>> ana = pd.DataFrame({"unit_id": [1, 2], "frame": ["Safety ", "neither"]})
    >>> collect_codes({"ana": ana}, sample=sample)["frame_ana"].tolist()
    ['safety', 'neither']
    """
    require_columns(sample, ["unit_id"], func="collect_codes(sample=...)")
    out = sample.reset_index(drop=True)
    units = set(out["unit_id"])
    for coder, sheet in sheets.items():
        require_columns(sheet, ["unit_id"], func=f"collect_codes(sheets[{coder!r}])")
        unknown = sorted(set(sheet["unit_id"]) - units, key=str)
        if unknown:
            raise CorpusError(f"collect_codes(): {coder}'s sheet has unit_id {_shown(unknown[0])}, which is not in the "
                              "sample; code the sheet made from this sample")
        repeated = sheet["unit_id"][sheet["unit_id"].duplicated()]
        if len(repeated):
            raise CorpusError(f"collect_codes(): {coder}'s sheet has unit_id {_shown(repeated.iloc[0])} twice; "
                              "keep one row per unit")
        missing = len(units - set(sheet["unit_id"]))
        if missing:
            warnings.warn(f"collect_codes(): {coder}'s sheet lacks {missing} of {len(units)} units; "
                          "their codes are missing", CorpusWarning, stacklevel=2)
        variables = [c for c in sheet.columns if c not in (*SHEET_KEYS, "note")]
        codes = sheet[["unit_id", *variables]].rename(columns={v: f"{v}_{coder}" for v in variables})
        for v in variables:
            codes[f"{v}_{coder}"] = normalise_codes(codes[f"{v}_{coder}"])
        out = out.merge(codes, on="unit_id", how="left")
    return out


def normalise_codes(codes: pd.Series) -> pd.Series:
    """Return codes stripped and lower-cased; a blank cell becomes missing.

    "Safety " and "safety" are the same code.

    Examples
    --------
    >>> normalise_codes(pd.Series(["Safety ", "", "NEITHER"])).tolist()
    ['safety', <NA>, 'neither']
    """
    text = codes.astype("string").str.strip().str.lower()
    return text.mask(text == "")


def _shown(value) -> str:
    # Messages show 12, not np.int64(12).
    return repr(value.item() if isinstance(value, np.generic) else value)
