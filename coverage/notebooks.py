"""Run the teaching notebooks and keep them paired with their text twins.

Every notebook ``notebooks/NAME.ipynb`` has a jupytext percent-format twin
``notebooks/NAME.py`` holding the same cells, so a change reviews as text;
the ``.ipynb`` keeps the outputs, so a reader on a code-hosting site sees
the figures without running anything. ``make notebooks`` calls::

    python -m coverage.notebooks --execute notebooks

which, for every notebook and workbook solution, takes the cells from the
newer of the two files, executes them top to bottom in a fresh ``python3``
kernel of *this* interpreter (the notebook's folder as working directory),
drops execution timestamps, and writes both files back. Running it twice
therefore changes nothing but outputs that depend on new data.
``--sync`` pairs without executing (exercise workbooks are only ever
synced: their blanks are meant to fail), ``--check`` reports pairs whose
cells differ.

Notebooks find the data with :func:`find_data_dir`, never with a path that
only works from one folder; their set-up cells call
:func:`coverage.classroom.notebook_setup`, which does so and can run twice.
"""

from __future__ import annotations

import argparse
import copy
import os
import shutil
import sys
import time
from functools import cache
from pathlib import Path

from coverage.errors import CorpusError

__all__ = [
    "DATA_ENV",
    "find_data_dir",
    "copy_data_dir",
    "notebook_paths",
    "check_pairing",
    "sync_notebook",
    "execute_notebook",
    "strip_volatile",
    "kernel_language_info",
    "write_pair",
    "main",
]

#: Environment variable naming the data folder; it wins over the folder search.
DATA_ENV = "MEDIA_COVERAGE_DATA"
KERNEL_NAME = "python3"
#: Text format of the paired ``.py`` files (also set in ``notebooks/jupytext.toml``).
TEXT_FORMAT = "py:percent"
_TEXT_FILTERS = {"notebook_metadata_filter": "-all", "cell_metadata_filter": "-all"}
_SOLUTIONS = Path("workbooks") / "solutions"
_EXERCISES = Path("workbooks")


def find_data_dir(start: str | Path | None = None) -> Path:
    """Return the kit's data folder, wherever a notebook is opened from.

    The environment variable ``MEDIA_COVERAGE_DATA``, when set, names the
    folder. Otherwise the search walks up from ``start`` (default: the
    current working directory) and returns the first ``data/`` folder that
    holds ``articles.csv`` or a ``raw/`` folder, so the same notebook works
    from ``notebooks/``, ``notebooks/workbooks/solutions/`` or the
    repository root.

    Parameters
    ----------
    start : str or Path, optional
        Where the search begins.

    Returns
    -------
    Path
        The absolute path of the data folder.

    Raises
    ------
    CorpusError
        When the variable names something that is not a data folder, or no
        data folder is found up to the file-system root.

    Examples
    --------
    >>> import tempfile
    >>> tmp = tempfile.TemporaryDirectory()
    >>> root = Path(tmp.name)
    >>> (root / "data" / "raw").mkdir(parents=True)
    >>> find_data_dir(root / "notebooks" / "workbooks") == (root / "data").resolve()
    True
    >>> tmp.cleanup()
    """
    named = os.environ.get(DATA_ENV, "").strip()
    if named:
        path = Path(named).expanduser()
        if not _is_data_dir(path):
            raise CorpusError(f"{DATA_ENV}={named}: not a data folder (no articles.csv and no raw/ "
                              f"inside); point {DATA_ENV} at the folder that holds raw/, or unset it")
        return path.resolve()
    here = Path.cwd() if start is None else Path(start)
    here = here.expanduser().resolve()
    for folder in (here, *here.parents):
        if _is_data_dir(folder / "data"):
            return folder / "data"
    raise CorpusError(f"{here}: no data/ folder with articles.csv or raw/ here or above; open the "
                      f"notebook inside the media-coverage folder or set {DATA_ENV} to your data folder")


def _is_data_dir(path: Path) -> bool:
    return (path / "articles.csv").is_file() or (path / "raw").is_dir()


def copy_data_dir(data_dir: str | Path, target: str | Path) -> Path:
    """Copy a data folder (all but ``processed/``) to ``target`` for safe experiments.

    Notebooks that add articles work on such a copy, so the real ``data/``
    is never changed. ``processed/`` is left out because everything in it
    is regenerated, except the trained stance model when there is one: it
    takes about a minute to train, and its cache key and digest are checked
    before it is used, so a copy is as safe as the original.

    Parameters
    ----------
    data_dir : str or Path
        The data folder to copy.
    target : str or Path
        Where the copy goes; must not exist yet. Name it ``data`` so that
        file names in messages read ``data/raw/...`` as usual.

    Returns
    -------
    Path
        ``target``.

    Raises
    ------
    CorpusError
        When ``data_dir`` is not a data folder or ``target`` exists.

    Examples
    --------
    >>> import tempfile
    >>> tmp = tempfile.TemporaryDirectory()
    >>> root = Path(tmp.name)
    >>> (root / "data" / "raw").mkdir(parents=True)
    >>> (root / "data" / "processed").mkdir()
    >>> copy = copy_data_dir(root / "data", root / "copy" / "data")
    >>> sorted(p.name for p in copy.iterdir())
    ['raw']
    >>> tmp.cleanup()
    """
    source, target = Path(data_dir), Path(target)
    if not _is_data_dir(source):
        raise CorpusError(f"{source}: not a data folder (no articles.csv and no raw/ inside); "
                          "pass the folder that holds raw/")
    if target.exists():
        raise CorpusError(f"{target}: already exists; copy into a new, empty location")
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("processed"))
    for model in sorted((source / "processed").glob("stance_model.pkl*")):
        (target / "processed").mkdir(exist_ok=True)
        shutil.copy2(model, target / "processed" / model.name)
    return target


def notebook_paths(folder: str | Path, *, exercises: bool = False) -> list[Path]:
    """Return the notebooks of a notebook folder, as ``.ipynb`` paths, sorted.

    A notebook counts when its ``.ipynb`` or its paired ``.py`` exists (a new
    notebook may be written as ``.py`` first). Included: ``folder/*`` and
    ``folder/workbooks/solutions/*``; with ``exercises=True`` also the
    exercise workbooks ``folder/workbooks/*``, which are synced but never
    executed.

    Examples
    --------
    >>> notebook_paths("no-such-folder")
    []
    """
    folder = Path(folder)
    subfolders = [folder, folder / _SOLUTIONS] + ([folder / _EXERCISES] if exercises else [])
    stems = {
        path.with_suffix(".ipynb")
        for sub in subfolders if sub.is_dir()
        for path in sub.iterdir()
        if path.suffix in (".ipynb", ".py") and not path.name.startswith(".")
    }
    return sorted(stems)


def _py(path: Path) -> Path:
    return Path(path).with_suffix(".py")


def _cells(nb) -> list[tuple[str, str]]:
    # What pairing must preserve: the kind and the text of every cell.
    return [(cell.cell_type, cell.source.strip()) for cell in nb.cells]


def check_pairing(path: str | Path) -> list[str]:
    """Return the problems of one notebook's pairing; empty when paired.

    Parameters
    ----------
    path : str or Path
        The ``.ipynb`` (or its ``.py`` twin).

    Returns
    -------
    list of str
        One line per problem, naming the file and the fix.

    Examples
    --------
    >>> check_pairing("missing.ipynb")
    ['missing.ipynb: no such notebook and no missing.py; create one of them']
    """
    import jupytext
    import nbformat

    ipynb = Path(path).with_suffix(".ipynb")
    py = _py(ipynb)
    fix = f"run `python -m coverage.notebooks --sync {ipynb.parent}`"
    if not ipynb.exists() and not py.exists():
        return [f"{ipynb}: no such notebook and no {py.name}; create one of them"]
    if not py.exists():
        return [f"{py}: missing twin of {ipynb.name}; {fix}"]
    if not ipynb.exists():
        return [f"{ipynb}: missing twin of {py.name}; {fix}"]
    left = _cells(nbformat.read(ipynb, as_version=4))
    right = _cells(jupytext.read(py, fmt=TEXT_FORMAT))
    if len(left) != len(right):
        return [f"{ipynb}: {len(left)} cells but {py.name} has {len(right)}; {fix}"]
    return [f"{ipynb}: cell {i} ({a[0]}) differs from {py.name}; {fix}"
            for i, (a, b) in enumerate(zip(left, right)) if a != b]


def sync_notebook(path: str | Path):
    """Return the notebook with the cells of the newer twin and the outputs of the ``.ipynb``.

    The rule is jupytext's: whichever of ``.ipynb`` and ``.py`` was saved
    last holds the current cells; outputs (and cell ids) of unchanged cells
    are kept from the ``.ipynb``. Nothing is written.

    Returns
    -------
    nbformat.NotebookNode
    """
    import jupytext
    import nbformat
    from jupytext.combine import combine_inputs_with_outputs

    ipynb = Path(path).with_suffix(".ipynb")
    py = _py(ipynb)
    if not ipynb.exists() and not py.exists():
        raise CorpusError(f"{ipynb}: no such notebook and no {py.name}; check the name")
    if not py.exists():
        return nbformat.read(ipynb, as_version=4)
    text = jupytext.read(py, fmt=TEXT_FORMAT)
    if not ipynb.exists():
        return text
    outputs = nbformat.read(ipynb, as_version=4)
    if _cells(text) == _cells(outputs) or ipynb.stat().st_mtime >= py.stat().st_mtime:
        return outputs
    return combine_inputs_with_outputs(text, outputs, fmt=TEXT_FORMAT)


def strip_volatile(nb):
    """Return a copy of ``nb`` without what changes on every run.

    Drops cell execution timestamps and the jupytext version, fixes the
    kernel spec to ``python3``, and writes ``language_info`` exactly as the
    kit's kernel reports it (Python version included): JupyterLab copies the
    kernel's ``language_info`` into a notebook when it opens it, so anything
    else would show every notebook as modified right after opening, and
    saving it unchanged would change the file. Outputs and execution counts
    stay.

    Examples
    --------
    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")])
    >>> nb.cells[0].metadata["execution"] = {"iopub.execute_input": "2024-01-01T00:00:00Z"}
    >>> dict(strip_volatile(nb).cells[0].metadata)
    {}
    """
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    jupytext_meta = nb.metadata.get("jupytext", {})
    jupytext_meta.pop("text_representation", None)
    if not jupytext_meta:
        nb.metadata.pop("jupytext", None)
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python",
                                 "name": KERNEL_NAME}
    nb.metadata["language_info"] = kernel_language_info()
    return nb


def kernel_language_info() -> dict:
    """The ``language_info`` that a ``python3`` kernel of this interpreter reports.

    Examples
    --------
    >>> import platform
    >>> kernel_language_info()["version"] == platform.python_version()
    True
    """
    from ipykernel.ipkernel import IPythonKernel

    return copy.deepcopy(IPythonKernel.language_info)


def write_pair(nb, path: str | Path) -> None:
    """Write ``nb`` as ``path`` (``.ipynb``) and as its percent-format ``.py`` twin.

    Examples
    --------
    >>> import tempfile, nbformat
    >>> tmp = tempfile.TemporaryDirectory()
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1")])
    >>> write_pair(nb, Path(tmp.name) / "demo.ipynb")
    >>> print((Path(tmp.name) / "demo.py").read_text())
    # %%
    x = 1
    <BLANKLINE>
    >>> tmp.cleanup()
    """
    import jupytext
    import nbformat

    from coverage.io.write import atomic_write

    ipynb = Path(path).with_suffix(".ipynb")
    nb = copy.deepcopy(nb)
    # The .py twin carries cells only, no metadata header: nothing in it
    # changes when jupytext or Python is upgraded (as in notebooks/jupytext.toml).
    for key, value in _TEXT_FILTERS.items():
        nb.metadata.setdefault("jupytext", {}).setdefault(key, value)
    atomic_write(ipynb, lambda tmp: nbformat.write(nb, tmp))
    text = jupytext.writes(nb, fmt=TEXT_FORMAT)
    atomic_write(_py(ipynb), lambda tmp: tmp.write_text(text, encoding="utf-8"))


@cache
def _kernel_manager_class():
    # A python3 kernel that runs *this* interpreter (the kit's .venv), whatever
    # python3 kernel spec a user may have installed in ~/.local/share/jupyter.
    from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import default

    class ThisPythonSpecs(KernelSpecManager):
        def get_kernel_spec(self, kernel_name):
            if kernel_name != KERNEL_NAME:
                return super().get_kernel_spec(kernel_name)
            return KernelSpec(argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                              display_name="Python 3 (ipykernel)", language="python", metadata={})

    class ThisPythonKernel(AsyncKernelManager):
        @default("kernel_spec_manager")
        def _default_specs(self):
            return ThisPythonSpecs(data_dir=self.data_dir)

    return ThisPythonKernel


def execute_notebook(nb, *, cwd: str | Path, timeout: int = 120, env: dict[str, str] | None = None,
                     allow_errors: bool = False):
    """Execute ``nb`` top to bottom in a fresh kernel and return the executed copy.

    Parameters
    ----------
    nb : nbformat.NotebookNode
        The notebook; it is not modified.
    cwd : str or Path
        Working directory of the kernel (the notebook's folder).
    timeout : int, optional
        Seconds allowed per cell.
    env : dict, optional
        Extra environment variables for the kernel (e.g. ``MEDIA_COVERAGE_DATA``).
    allow_errors : bool, optional
        Keep going after a cell raises, with the error as that cell's output
        (to test what a student sees); by default the first error stops the run.

    Returns
    -------
    nbformat.NotebookNode
        With outputs, volatile metadata stripped (:func:`strip_volatile`).

    Raises
    ------
    nbclient.exceptions.CellExecutionError
        When a cell raises; the message shows the cell and the traceback.
    """
    from nbclient import NotebookClient

    nb = copy.deepcopy(nb)
    # The inline backend must draw the figures; an inherited MPLBACKEND=Agg would hide them.
    kernel_env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    kernel_env.update(env or {})
    client = NotebookClient(nb, timeout=timeout, kernel_name=KERNEL_NAME, record_timing=False,
                            allow_errors=allow_errors,
                            kernel_manager_class=_kernel_manager_class(),
                            # ipykernel warns on every start that local TCP is unencrypted.
                            extra_arguments=["--IPKernelApp.log_level=ERROR"],
                            resources={"metadata": {"path": str(cwd)}})
    client.execute(env=kernel_env)
    return strip_volatile(nb)


def _run(folder: Path, *, execute: bool, timeout: int) -> int:
    failed = 0
    runnable = set(notebook_paths(folder))
    for path in notebook_paths(folder, exercises=True):
        nb = sync_notebook(path)
        if execute and path in runnable:
            started = time.perf_counter()
            try:
                nb = execute_notebook(nb, cwd=path.parent, timeout=timeout)
            except Exception as exc:  # one failing notebook must not stop the others
                first = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
                print(f"{path}: FAILED ({first}); fix the cell and rerun, the file was left as it was",
                      file=sys.stderr)
                failed += 1
                continue
            print(f"{path}: executed in {time.perf_counter() - started:.1f} s")
        else:
            print(f"{path}: synced")
        write_pair(strip_volatile(nb), path)
    return failed


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m coverage.notebooks (--execute | --sync | --check) [FOLDER]``."""
    parser = argparse.ArgumentParser(prog="python -m coverage.notebooks", description=__doc__.split("\n")[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--execute", action="store_true", help="sync, execute in place and write both twins")
    action.add_argument("--sync", action="store_true", help="sync the .ipynb/.py twins without executing")
    action.add_argument("--check", action="store_true", help="report twins whose cells differ")
    parser.add_argument("folder", nargs="?", default="notebooks", type=Path,
                        help="the notebook folder (default: notebooks)")
    parser.add_argument("--timeout", type=int, default=120, help="seconds allowed per cell (default 120)")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"{args.folder}: no such folder; give the notebook folder, e.g. notebooks", file=sys.stderr)
        return 2
    if args.check:
        problems = [p for path in notebook_paths(args.folder, exercises=True) for p in check_pairing(path)]
        print("\n".join(problems) or "all notebooks are paired", file=sys.stderr if problems else sys.stdout)
        return 1 if problems else 0
    return 1 if _run(args.folder, execute=args.execute, timeout=args.timeout) else 0


if __name__ == "__main__":
    sys.exit(main())
