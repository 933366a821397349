"""The main path of a student, in JupyterLab in headless Chromium: open, Run All, read.

Fails on an error output, a table typeset as maths by MathJax, a figure
that is not drawn, or a notebook that shows as modified right after
opening. A workbook solution runs twice in one kernel (students re-run from
the top), and an exercise workbook stops at its first blank.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

REPO = Path(__file__).resolve().parents[2]
SOLUTION = "notebooks/workbooks/solutions/03_frames_solutions.ipynb"
EXERCISE = "notebooks/workbooks/03_frames_exercises.ipynb"


def _errors(state: dict) -> list[str]:
    return [f"cell {i}: {o['ename']}: {o['evalue']}" for i, c in enumerate(state["cells"])
            for o in c["outputs"] if o.get("output_type") == "error"]


def _figures(outputs) -> int:
    return sum(1 for o in outputs if any(k.startswith("image/") for k in o.get("data", {})))


def _committed_figures(path: str) -> int:
    nb = nbformat.read(REPO / path, as_version=4)
    return _figures(o for c in nb.cells if c.cell_type == "code" for o in c.outputs)


def _check_run(state: dict, path: str) -> None:
    assert _errors(state) == []
    assert state["maths_in_tables"] == 0, "a table cell was typeset as maths (MathJax)"
    shown = _figures(o for c in state["cells"] for o in c["outputs"])
    assert shown == _committed_figures(path), "a figure of the committed run is missing"
    assert state["images"] == shown, "a figure output was not drawn in the page"


@pytest.mark.parametrize("path", ["notebooks/00_start_here.ipynb", "notebooks/03_frames.ipynb",
                                  "notebooks/05_stance.ipynb"])
def test_notebook_runs_all_cells_in_jupyterlab(open_notebook, path):
    notebook = open_notebook(path)
    assert notebook.state()["dirty"] is False, "the notebook shows as modified right after opening"
    _check_run(notebook.run_all(timeout=420), path)


def test_a_solution_runs_twice_in_one_kernel(open_notebook):
    notebook = open_notebook(SOLUTION)
    _check_run(notebook.run_all(timeout=300), SOLUTION)
    _check_run(notebook.run_all(timeout=300), SOLUTION)


def test_an_exercise_stops_at_its_first_blank_and_runs_again(open_notebook):
    notebook = open_notebook(EXERCISE)
    for _ in range(2):
        state = notebook.run_all(timeout=300)
        first_blank = next(i for i, c in enumerate(nbformat.read(REPO / EXERCISE, as_version=4).cells)
                           if c.cell_type == "code" and "___" in c.source)
        errors = _errors(state)
        assert len(errors) == 1 and errors[0].startswith(f"cell {first_blank}: UnfilledBlank: Fill in the blank")


def test_opening_and_saving_changes_no_file(open_notebook, sandbox):
    path = "notebooks/00_start_here.ipynb"
    notebook = open_notebook(path)
    notebook.driver.execute_script("window.jupyterapp.shell.currentWidget.context.model.dirty = true")
    notebook.save()
    for name in ("00_start_here.ipynb", "00_start_here.py"):
        assert (sandbox / "notebooks" / name).read_bytes() == (REPO / "notebooks" / name).read_bytes(), name


def test_the_checks_can_fail(open_notebook, sandbox):
    # A table typeset as maths and an error, in a notebook of our own: both must be seen.
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell('import pandas as pd\npd.set_option("display.html.use_mathjax", True)\n'
                                  'pd.DataFrame({"text": ["received $250,000 from ICE and $12.2 million"]})'),
        nbformat.v4.new_code_cell("1 / 0")])
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    nbformat.write(nb, sandbox / "notebooks" / "control.ipynb")
    state = open_notebook("notebooks/control.ipynb").run_all(timeout=120)
    assert [e.split(":")[1].strip() for e in _errors(state)] == ["ZeroDivisionError"]
    assert state["maths_in_tables"] >= 1
