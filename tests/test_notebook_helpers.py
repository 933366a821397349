"""Tests of coverage.notebooks: finding the data, copying it, pairing and executing notebooks."""

from __future__ import annotations

import json
import os
import platform
from pathlib import Path

import jupytext
import nbformat
import pytest

from coverage.errors import CorpusError
from coverage.notebooks import (
    DATA_ENV,
    check_pairing,
    copy_data_dir,
    execute_notebook,
    find_data_dir,
    kernel_language_info,
    main,
    notebook_paths,
    strip_volatile,
    sync_notebook,
    write_pair,
)

v4 = nbformat.v4


@pytest.fixture(autouse=True)
def _no_data_variable(monkeypatch):
    monkeypatch.delenv(DATA_ENV, raising=False)


def _data_folder(root: Path, *, marker: str) -> Path:
    data = root / "data"
    if marker == "manifest":
        data.mkdir(parents=True)
        (data / "articles.csv").write_text("article_id,file,outlet,published\n", encoding="utf-8")
    else:
        (data / "raw").mkdir(parents=True)
    return data


# --- find_data_dir ---------------------------------------------------------

@pytest.mark.parametrize("marker", ["manifest", "raw"])
@pytest.mark.parametrize("start", [".", "notebooks", "notebooks/workbooks/solutions"])
def test_find_data_dir_walks_up_to_the_data_folder(tmp_path, marker, start):
    data = _data_folder(tmp_path, marker=marker)
    (tmp_path / start).mkdir(parents=True, exist_ok=True)
    assert find_data_dir(tmp_path / start) == data.resolve()


def test_find_data_dir_defaults_to_the_working_directory(tmp_path, monkeypatch):
    data = _data_folder(tmp_path, marker="raw")
    (tmp_path / "notebooks").mkdir()
    monkeypatch.chdir(tmp_path / "notebooks")
    assert find_data_dir() == data.resolve()


def test_find_data_dir_skips_a_data_folder_that_holds_no_articles(tmp_path):
    data = _data_folder(tmp_path, marker="raw")
    (tmp_path / "project" / "data" / "processed").mkdir(parents=True)  # not a data folder
    assert find_data_dir(tmp_path / "project") == data.resolve()


def test_find_data_dir_prefers_the_environment_variable(tmp_path, monkeypatch):
    _data_folder(tmp_path, marker="raw")
    other = _data_folder(tmp_path / "elsewhere", marker="manifest")
    monkeypatch.setenv(DATA_ENV, str(other))
    assert find_data_dir(tmp_path) == other.resolve()


def test_find_data_dir_rejects_a_variable_that_names_no_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv(DATA_ENV, str(tmp_path / "nowhere"))
    with pytest.raises(CorpusError) as info:
        find_data_dir(tmp_path)
    message = str(info.value)
    assert message.startswith(f"{DATA_ENV}={tmp_path / 'nowhere'}: not a data folder")
    assert "unset it" in message and "\n" not in message


def test_find_data_dir_names_the_start_and_the_fix_when_nothing_is_found(tmp_path):
    with pytest.raises(CorpusError) as info:
        find_data_dir(tmp_path)
    message = str(info.value)
    assert message.startswith(f"{tmp_path.resolve()}: no data/ folder")
    assert DATA_ENV in message and "\n" not in message


# --- copy_data_dir ---------------------------------------------------------

def test_copy_data_dir_copies_everything_but_processed(tmp_path):
    data = _data_folder(tmp_path / "repo", marker="raw")
    (data / "raw" / "a.txt").write_text("A story\n\nIt happened.\n", encoding="utf-8")
    (data / "annotations").mkdir()
    (data / "annotations" / "labels.csv").write_text("x\n", encoding="utf-8")
    (data / "processed").mkdir()
    (data / "processed" / "sentences.csv").write_text("x\n", encoding="utf-8")
    copy = copy_data_dir(data, tmp_path / "scratch" / "data")
    assert copy == tmp_path / "scratch" / "data"
    assert sorted(str(p.relative_to(copy)) for p in copy.rglob("*")) == [
        "annotations", "annotations/labels.csv", "raw", "raw/a.txt"]
    assert (data / "processed" / "sentences.csv").exists()  # the source is untouched


@pytest.mark.parametrize("case, expected", [
    ("target exists", ": already exists; copy into a new, empty location"),
    ("not a data folder", ": not a data folder (no articles.csv and no raw/ inside)"),
])
def test_copy_data_dir_refuses_with_one_line(tmp_path, case, expected):
    data = _data_folder(tmp_path, marker="raw")
    target = tmp_path / "copy"
    if case == "target exists":
        target.mkdir()
    else:
        data = tmp_path / "empty"
        data.mkdir()
    with pytest.raises(CorpusError) as info:
        copy_data_dir(data, target)
    assert expected in str(info.value) and "\n" not in str(info.value)


# --- notebook_paths --------------------------------------------------------

def test_notebook_paths_lists_notebooks_solutions_and_optionally_exercises(tmp_path):
    for name in ["00_a.ipynb", "00_a.py", "01_b.py", ".hidden.ipynb", "jupytext.toml",
                 "workbooks/01_b_exercises.ipynb", "workbooks/README.md",
                 "workbooks/solutions/01_b_solutions.ipynb", "workbooks/solutions/01_b_solutions.py"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    runnable = ["00_a.ipynb", "01_b.ipynb", "workbooks/solutions/01_b_solutions.ipynb"]
    assert [str(p.relative_to(tmp_path)) for p in notebook_paths(tmp_path)] == runnable
    assert [str(p.relative_to(tmp_path)) for p in notebook_paths(tmp_path, exercises=True)] == \
        runnable[:2] + ["workbooks/01_b_exercises.ipynb", runnable[2]]


# --- pairing ---------------------------------------------------------------

def _notebook(*sources: str):
    cells = [v4.new_markdown_cell(s[2:]) if s.startswith("# ") else v4.new_code_cell(s) for s in sources]
    return v4.new_notebook(cells=cells)


def _set_mtime(path: Path, seconds: float) -> None:
    os.utime(path, (seconds, seconds))


def test_write_pair_writes_twins_that_check_as_paired(tmp_path):
    write_pair(_notebook("# Title", "x = 1"), tmp_path / "nb.ipynb")
    assert (tmp_path / "nb.py").read_text(encoding="utf-8").startswith("# %% [markdown]\n# Title\n")
    assert check_pairing(tmp_path / "nb.ipynb") == []


@pytest.mark.parametrize("py_cells, expected", [
    (("# Title", "x = 2"), ": cell 1 (code) differs from nb.py"),
    (("# Title", "x = 1", "y = 2"), ": 2 cells but nb.py has 3"),
    (("# Other", "x = 1"), ": cell 0 (markdown) differs from nb.py"),
])
def test_check_pairing_names_the_cell_that_differs(tmp_path, py_cells, expected):
    nbformat.write(_notebook("# Title", "x = 1"), tmp_path / "nb.ipynb")
    (tmp_path / "nb.py").write_text(jupytext.writes(_notebook(*py_cells), fmt="py:percent"), encoding="utf-8")
    problems = check_pairing(tmp_path / "nb.ipynb")
    assert len(problems) == 1
    assert problems[0] == (f"{tmp_path / 'nb.ipynb'}{expected}; "
                           f"run `python -m coverage.notebooks --sync {tmp_path}`")


def test_check_pairing_reports_a_missing_twin(tmp_path):
    nbformat.write(_notebook("x = 1"), tmp_path / "nb.ipynb")
    assert check_pairing(tmp_path / "nb.ipynb") == [
        f"{tmp_path / 'nb.py'}: missing twin of nb.ipynb; run `python -m coverage.notebooks --sync {tmp_path}`"]


def test_sync_takes_cells_from_the_newer_py_and_keeps_outputs_of_unchanged_cells(tmp_path):
    nb = _notebook("x = 1", "print(x)")
    nb.cells[1].outputs = [v4.new_output("stream", name="stdout", text="1\n")]
    write_pair(nb, tmp_path / "nb.ipynb")
    (tmp_path / "nb.py").write_text("# %%\nx = 2\n\n# %%\nprint(x)\n", encoding="utf-8")
    _set_mtime(tmp_path / "nb.ipynb", 1_000_000)
    _set_mtime(tmp_path / "nb.py", 2_000_000)
    synced = sync_notebook(tmp_path / "nb.ipynb")
    assert [c.source for c in synced.cells] == ["x = 2", "print(x)"]
    assert synced.cells[1].outputs[0]["text"] == "1\n"
    assert synced.cells[1].id == nb.cells[1].id


def test_sync_keeps_the_ipynb_when_it_is_newer(tmp_path):
    write_pair(_notebook("x = 1"), tmp_path / "nb.ipynb")
    (tmp_path / "nb.py").write_text("# %%\nx = 2\n", encoding="utf-8")
    _set_mtime(tmp_path / "nb.py", 1_000_000)
    _set_mtime(tmp_path / "nb.ipynb", 2_000_000)
    assert [c.source for c in sync_notebook(tmp_path / "nb.ipynb").cells] == ["x = 1"]


def test_main_check_reports_unpaired_notebooks(tmp_path, capsys):
    write_pair(_notebook("x = 1"), tmp_path / "a.ipynb")
    nbformat.write(_notebook("y = 1"), tmp_path / "b.ipynb")
    assert main(["--check", str(tmp_path)]) == 1
    assert capsys.readouterr().err.strip() == (
        f"{tmp_path / 'b.py'}: missing twin of b.ipynb; run `python -m coverage.notebooks --sync {tmp_path}`")


def test_main_refuses_a_missing_folder(tmp_path, capsys):
    assert main(["--sync", str(tmp_path / "nope")]) == 2
    assert capsys.readouterr().err.strip() == f"{tmp_path / 'nope'}: no such folder; give the notebook folder, e.g. notebooks"


# --- strip_volatile --------------------------------------------------------

def test_strip_volatile_drops_timestamps_and_the_jupytext_version(tmp_path):
    nb = _notebook("1 + 1")
    nb.cells[0].metadata["execution"] = {"shell.execute_reply": "2024-01-01T00:00:00Z"}
    nb.cells[0].metadata["tags"] = ["keep"]
    nb.cells[0].outputs = [v4.new_output("execute_result", data={"text/plain": "2"}, execution_count=1)]
    nb.metadata["language_info"] = {"name": "python", "version": "3.11.9"}
    nb.metadata["jupytext"] = {"text_representation": {"jupytext_version": "1.19.6"}}
    stripped = strip_volatile(nb)
    assert dict(stripped.cells[0].metadata) == {"tags": ["keep"]}
    assert stripped.cells[0].outputs == nb.cells[0].outputs
    assert stripped.metadata["language_info"] == kernel_language_info()
    assert stripped.metadata["language_info"]["version"] == platform.python_version()
    assert "jupytext" not in stripped.metadata
    assert stripped.metadata["kernelspec"]["name"] == "python3"
    assert "execution" in nb.cells[0].metadata  # the input is not modified


# --- executing in place ----------------------------------------------------

def test_execute_writes_outputs_and_a_second_run_changes_nothing(tmp_path):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    (folder / "01_demo.py").write_text("# %% [markdown]\n# Demo\n\n# %%\nprint(6 * 7)\n", encoding="utf-8")
    assert main(["--execute", str(folder), "--timeout", "60"]) == 0
    first = {p.name: p.read_bytes() for p in sorted(folder.iterdir())}
    nb = nbformat.read(folder / "01_demo.ipynb", as_version=4)
    assert nb.cells[1].outputs[0]["text"] == "42\n"
    assert nb.cells[1].execution_count == 1
    assert "execution" not in nb.cells[1].metadata
    assert main(["--execute", str(folder), "--timeout", "60"]) == 0
    assert {p.name: p.read_bytes() for p in sorted(folder.iterdir())} == first


def test_execute_leaves_a_failing_notebook_as_it_was(tmp_path, capsys):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    write_pair(_notebook("1 / 0"), folder / "broken.ipynb")
    before = (folder / "broken.ipynb").read_bytes()
    assert main(["--execute", str(folder), "--timeout", "60"]) == 1
    assert (folder / "broken.ipynb").read_bytes() == before
    err = capsys.readouterr().err
    assert f"{folder / 'broken.ipynb'}: FAILED (" in err and "ZeroDivisionError" in err


def test_language_info_is_what_the_kernel_reports(tmp_path):
    # JupyterLab writes the kernel's language_info into a notebook on opening; when the
    # file already holds exactly that, opening and saving leaves it unchanged (git clean).
    executed = execute_notebook(_notebook("import json; print(json.dumps(get_ipython().kernel.language_info))"),
                                cwd=tmp_path, timeout=60)
    assert json.loads(executed.cells[0].outputs[0]["text"]) == kernel_language_info()
    assert executed.metadata["language_info"] == kernel_language_info()
    assert executed.metadata["kernelspec"] == {"display_name": "Python 3 (ipykernel)", "language": "python",
                                               "name": "python3"}
