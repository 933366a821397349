"""Outlet metadata: ``outlets.csv``, one row per outlet, joined onto its articles.

``outlet`` (spelled as in the articles) and any columns a user adds
(``group``, ``lean``, ``country``, ...). Each becomes a column of the corpus,
so it can be the unit of comparison (``media-coverage figures --by group``).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from coverage.errors import CorpusError
from coverage.schema import CORPUS_COLUMNS

__all__ = ["OUTLETS", "RESERVED", "read_outlets", "join_outlets"]

#: File name of the optional outlet metadata inside a data folder.
OUTLETS = "outlets.csv"
#: Names a user's extra column may not take: the kit's own columns and reading internals.
RESERVED = frozenset(CORPUS_COLUMNS) | {"file", "has_front_matter", "row_no", "extra", "id"}


def read_outlets(data_dir: str | Path) -> pd.DataFrame:
    """Return the outlet metadata of a data folder (``outlets.csv``), or an empty table when there is none.

    One row per outlet: ``outlet`` (spelled as in the articles) and any
    columns the user adds (``group``, ``lean``, ``country``, ...). Every
    article of an outlet gets its columns; an article's own value of the
    same column (manifest, front matter, table) wins over it.

    Raises
    ------
    CorpusError
        When the file cannot be read, lacks ``outlet``, or lists an outlet twice.

    Examples
    --------
    >>> read_outlets("no-such-folder").columns.tolist()
    ['outlet']
    """
    data_dir = Path(data_dir)
    path = data_dir / OUTLETS
    name = str(Path(data_dir.name) / OUTLETS)
    if not path.exists():
        return pd.DataFrame(columns=["outlet"], dtype=str)
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig", comment="#")
    except UnicodeDecodeError:
        raise CorpusError(f"{name}: not UTF-8 text; re-save the outlet table as UTF-8 CSV") from None
    except (pd.errors.ParserError, ValueError) as exc:
        raise CorpusError(f"{name}: cannot read the outlet table ({str(exc).splitlines()[0]}); "
                          "check it opens in a spreadsheet and re-export it as CSV") from None
    table.columns = [str(c).strip() for c in table.columns]
    if "outlet" not in table.columns:
        raise CorpusError(f"{name}: no 'outlet' column; the header must start with: outlet, group, ... "
                          f"(it has: {', '.join(table.columns)})")
    table["outlet"] = table["outlet"].str.strip()
    dupes = table["outlet"][table["outlet"].duplicated()].unique()
    if len(dupes):
        raise CorpusError(f"{name}: outlet '{dupes[0]}' is listed more than once; keep one row per outlet")
    return table[["outlet", *[c for c in table.columns if c != "outlet" and c not in RESERVED]]]


def join_outlets(table: pd.DataFrame, outlets: pd.DataFrame) -> pd.DataFrame:
    """Add the columns of ``outlets`` (:func:`read_outlets`) to the articles of ``table``, by ``outlet``.

    An article's own non-blank value of a column wins; an outlet missing
    from ``outlets`` gets ``""``.

    Examples
    --------
    >>> a = pd.DataFrame({"outlet": ["X", "Y"], "group": ["own", ""]})
    >>> join_outlets(a, pd.DataFrame({"outlet": ["X", "Y"], "group": ["tech", "wire"]}))["group"].tolist()
    ['own', 'wire']
    """
    columns = [c for c in outlets.columns if c != "outlet"]
    if not columns:
        return table
    by_outlet = outlets.set_index("outlet")
    for column in columns:
        joined = table["outlet"].map(by_outlet[column]).fillna("")
        if column in table.columns:  # the article's own value wins
            joined = table[column].where(table[column].astype(str).str.strip() != "", joined)
        table = table.assign(**{column: joined.astype(str)})
    return table
