"""Tests of coverage.classroom: set-up cells that run twice, blanks that stop, captions that wrap."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from coverage.classroom import notebook_setup, print_caption, work_in_scratch
from coverage.notebooks import DATA_ENV, execute_notebook

v4 = nbformat.v4


@pytest.fixture(autouse=True)
def _no_data_variable(monkeypatch):
    monkeypatch.delenv(DATA_ENV, raising=False)


@pytest.fixture
def notebook_folder(tmp_path, monkeypatch) -> Path:
    (tmp_path / "data" / "raw").mkdir(parents=True)
    (tmp_path / "notebooks").mkdir()
    monkeypatch.chdir(tmp_path / "notebooks")
    yield tmp_path / "notebooks"
    os.chdir(tmp_path)  # leave no kernel-wide state behind: the next call cleans up


def test_setup_after_scratch_returns_to_the_notebook_folder_and_finds_the_data(notebook_folder, tmp_path):
    first = notebook_setup()
    folder, scratch = work_in_scratch("test-")
    assert Path.cwd() == Path(scratch.name).resolve()
    # The second run of a set-up cell, with the kernel still in the scratch folder:
    assert notebook_setup() == first == (tmp_path / "data").resolve()
    assert Path.cwd() == folder == notebook_folder
    assert not Path(scratch.name).exists()


def test_setup_turns_off_mathjax_for_tables(notebook_folder):
    with pd.option_context("display.html.use_mathjax", True):
        notebook_setup()
        html = pd.DataFrame({"text": ["received $250,000 from ICE and $12.2 million"]})._repr_html_()
    assert 'class="dataframe tex2jax_ignore mathjax_ignore"' in html


@pytest.mark.parametrize("caption", [
    "Surveillance minus safety terms per 1,000 words, by outlet, with 95% bootstrap intervals over "
    "sentences; n = 5 articles, 231 sentences; an outlet with one article has no interval across articles.",
    "short",
])
def test_print_caption_wraps_at_words_only(caption, capsys):
    print_caption(caption, width=40)
    lines = capsys.readouterr().out.rstrip("\n").split("\n")
    assert all(len(line) <= 40 for line in lines)
    assert " ".join(lines) == caption  # no word was cut


def _run(*sources: str, tmp_path: Path):
    nb = v4.new_notebook(cells=[v4.new_code_cell(textwrap.dedent(s)) for s in sources])
    (tmp_path / "data" / "raw").mkdir(parents=True, exist_ok=True)
    return execute_notebook(nb, cwd=tmp_path, timeout=60, allow_errors=True, env={DATA_ENV: ""})


def _errors(executed) -> list[tuple[int, str, str]]:
    return [(i, o.ename, o.evalue) for i, c in enumerate(executed.cells) for o in c.outputs
            if o.output_type == "error"]


def test_a_blank_stops_its_whole_cell_and_names_the_line(tmp_path):
    executed = _run("from coverage.classroom import notebook_setup\ndata_dir = notebook_setup(workbook=True)",
                    "done = 'first line ran'\nmine = ___\nprint(mine)",
                    "print(globals().get('done', 'nothing ran'))",
                    "answer = 'filled'\nprint(answer)", tmp_path=tmp_path)
    assert _errors(executed) == [(1, "UnfilledBlank",
                                  "Fill in the blank ___ on line 2 of this cell: `mine = ___`; replace each ___ "
                                  "with your answer (the exercise above says what), then run the cell again")]
    assert executed.cells[2].outputs[0].text == "nothing ran\n"
    assert executed.cells[3].outputs[0].text == "filled\n"


@pytest.mark.parametrize("cell, line, more", [
    ("x = [___, ___]", 1, ""),
    ("a = 1\nb = 2\nfront = 'outlet: ___\\n'", 3, ""),  # a blank inside a string counts
    ("f(\n  ___,\n  y=___)", 2, " (and 1 more line below)"),
    ("a = ___\nb = ___\nc = ___", 1, " (and 2 more lines below)"),
])
def test_the_message_names_the_first_blank(tmp_path, cell, line, more):
    executed = _run("from coverage.classroom import notebook_setup\nnotebook_setup(workbook=True)",
                    "from coverage.classroom import notebook_setup\nnotebook_setup(workbook=True)",  # twice: one check
                    cell, tmp_path=tmp_path)
    (index, name, message), = _errors(executed)
    assert (index, name) == (2, "UnfilledBlank")
    assert message.startswith(f"Fill in the blank ___ on line {line} of this cell{more}: `")


def test_without_workbook_a_blank_is_ipythons_old_output(tmp_path):
    executed = _run("from coverage.classroom import notebook_setup\nnotebook_setup()", "x = ___",
                    tmp_path=tmp_path)
    assert _errors(executed) == []
