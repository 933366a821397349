"""Atomic file output: write to a temporary file beside the target, then rename.

An interrupted run therefore leaves the previous output intact instead of a
half-written file.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd

__all__ = ["atomic_write", "write_table", "write_text"]


def atomic_write(path: str | Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(tmp_path)`` and rename the result onto ``path``.

    Parameters
    ----------
    path : str or Path
        Final location. Its folder is created if missing.
    write : callable
        Writes the complete content to the temporary path it is given.

    Returns
    -------
    Path
        ``path``.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        write(tmp_path)
        # mkstemp makes the file private (0600); give it the mode a plain
        # open() would have, so a shared data folder stays readable.
        os.chmod(tmp_path, 0o666 & ~_umask())
        os.replace(tmp_path, path)
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise
    return path


def write_table(table: pd.DataFrame, path: str | Path) -> Path:
    """Write ``table`` as UTF-8 CSV without the index, atomically."""
    return atomic_write(path, lambda tmp: table.to_csv(tmp, index=False, encoding="utf-8"))


def write_text(text: str, path: str | Path) -> Path:
    """Write ``text`` as UTF-8, atomically."""
    return atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def _umask() -> int:
    # The only portable way to read the umask is to set it and put it back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
