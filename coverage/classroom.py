"""What a notebook's set-up cell calls: safe to run twice, blanks that say what to fill.

Students re-run notebooks from the top, in the same kernel, many times. The
set-up cell of every notebook and workbook therefore calls
:func:`notebook_setup`, which

* finds the data folder from the notebook's own folder, even when an
  earlier run of the set-up cell left the kernel in a scratch folder
  (:func:`work_in_scratch`);
* turns off MathJax for DataFrame tables, so "$250,000 ... $12.2 million"
  in a table is shown as text, not typeset as a formula;
* in workbooks, makes every unfilled blank ``___`` stop its cell with an
  :class:`UnfilledBlank` error naming the line to fill. (In IPython, ``___``
  is otherwise a real variable, the third-last output, so a cell with a
  blank would run and show empty tables.)

:func:`print_caption` prints a figure caption wrapped at word boundaries
(Jupyter wraps long output lines in the middle of words).

Nothing here runs at import; every function is a no-op for IPython parts
outside IPython (a script, a test).
"""

from __future__ import annotations

import ast
import os
import tempfile
import textwrap
from pathlib import Path

from coverage.notebooks import find_data_dir

__all__ = ["BLANK", "UnfilledBlank", "notebook_setup", "work_in_scratch", "print_caption"]

#: What a workbook writes where the student's answer goes.
BLANK = "___"
#: The scratch folder a set-up cell moved the kernel into, and where it came from.
_ACTIVE: dict[str, object] = {}


class UnfilledBlank(NameError):
    """A workbook cell was run with a blank ``___`` still in it."""


def notebook_setup(*, workbook: bool = False) -> Path:
    """Prepare the kernel for a notebook and return the data folder; safe to call twice.

    Parameters
    ----------
    workbook : bool, optional
        Also make every unfilled blank ``___`` stop its cell with
        :class:`UnfilledBlank` (exercise workbooks and their solutions).

    Returns
    -------
    Path
        The data folder, as :func:`coverage.notebooks.find_data_dir` finds it
        from the notebook's folder.

    Raises
    ------
    CorpusError
        When no data folder is found.

    Examples
    --------
    >>> import tempfile
    >>> tmp = tempfile.TemporaryDirectory()
    >>> (Path(tmp.name) / "data" / "raw").mkdir(parents=True)
    >>> here = os.getcwd()
    >>> os.chdir(tmp.name)
    >>> folder, scratch = work_in_scratch()
    >>> notebook_setup() == notebook_setup() == (Path(tmp.name) / "data").resolve()
    True
    >>> Path.cwd() == Path(tmp.name).resolve()
    True
    >>> os.chdir(here); tmp.cleanup()
    """
    import pandas as pd

    _leave_scratch()
    # pandas marks its tables mathjax_ignore/tex2jax_ignore, which JupyterLab's MathJax honours.
    pd.set_option("display.html.use_mathjax", False)
    shell = _ipython()
    if shell is not None and workbook:
        _check_blanks(shell)
    return find_data_dir()


def work_in_scratch(prefix: str = "media-coverage-") -> tuple[Path, tempfile.TemporaryDirectory]:
    """Move the kernel into a new temporary folder; return ``(notebook folder, scratch)``.

    Files a notebook writes (an edited lexicon, a copy of the data) go there,
    and their names stay short in messages. A second call, or the next
    :func:`notebook_setup`, first returns to the notebook folder and deletes
    the previous scratch folder, so a set-up cell that calls this can run
    any number of times. ``os.chdir(folder); scratch.cleanup()`` at the end
    of the notebook leaves it early.

    Examples
    --------
    >>> here = Path.cwd()
    >>> folder, scratch = work_in_scratch()
    >>> folder == here and Path.cwd() == Path(scratch.name).resolve()
    True
    >>> again, second = work_in_scratch()
    >>> again == here and not Path(scratch.name).exists()
    True
    >>> os.chdir(again); second.cleanup()
    """
    _leave_scratch()
    folder = Path.cwd()
    scratch = tempfile.TemporaryDirectory(prefix=prefix)
    _ACTIVE.update(folder=folder, scratch=scratch)
    os.chdir(scratch.name)
    return folder, scratch


def _leave_scratch() -> None:
    scratch = _ACTIVE.pop("scratch", None)
    folder = _ACTIVE.pop("folder", None)
    if scratch is None:
        return
    inside = Path(scratch.name).resolve()
    if Path.cwd().resolve().is_relative_to(inside):
        os.chdir(folder)
    scratch.cleanup()


def print_caption(caption, *, width: int = 88) -> None:
    """Print a figure caption (a string or anything with ``.caption``) wrapped at words.

    Examples
    --------
    >>> print_caption("one two three four", width=9)
    one two
    three
    four
    <BLANKLINE>
    """
    text = getattr(caption, "caption", caption)
    print(textwrap.fill(" ".join(str(text).split()), width=width), end="\n\n")


def _ipython():
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython ships with the kit
        return None
    return get_ipython()


class _BlankChecker(ast.NodeTransformer):
    """Puts ``raise UnfilledBlank(...)`` before a cell that still holds ``___``.

    The whole cell stops before its first line runs, so nothing is half done,
    and the traceback points at the line with the blank. Registered as an
    IPython input transformer too, to quote that line as the student wrote it.
    """

    def __init__(self):
        self.lines: list[str] = []

    def __call__(self, lines: list[str]) -> list[str]:  # input_transformers_post
        self.lines = list(lines)
        return lines

    def visit_Module(self, node: ast.Module) -> ast.Module:
        found = sorted({n.lineno for n in ast.walk(node) if _is_blank(n)})
        if not found:
            return node
        line = found[0]
        code = self.lines[line - 1].strip() if line <= len(self.lines) else ""
        more = f" (and {len(found) - 1} more line{'s' * (len(found) > 2)} below)" if len(found) > 1 else ""
        message = (f"Fill in the blank {BLANK} on line {line} of this cell{more}: `{code}`; "
                   f"replace each {BLANK} with your answer (the exercise above says what), "
                   "then run the cell again")
        stop = ast.parse(f"raise __import__('coverage.classroom').classroom.UnfilledBlank({message!r})").body[0]
        for part in ast.walk(stop):
            if hasattr(part, "lineno"):
                part.lineno = part.end_lineno = line
                part.col_offset, part.end_col_offset = 0, 0
        node.body.insert(0, stop)
        return node


def _is_blank(node: ast.AST) -> bool:
    if isinstance(node, ast.Name):
        return node.id == BLANK
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and BLANK in node.value


def _check_blanks(shell) -> None:
    if any(isinstance(t, _BlankChecker) for t in shell.ast_transformers):
        return
    checker = _BlankChecker()
    shell.input_transformers_post.append(checker)
    shell.ast_transformers.append(checker)
