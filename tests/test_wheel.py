"""The wheel: every subpackage and data file, and a ``media-coverage`` that works without the source tree."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # No build isolation: the build tools come from the kit's environment
    # (the test extra), so the test runs offline.
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet",
                    "--disable-pip-version-check", "-w", str(out), str(REPO)], check=True, cwd=out,
                   stdout=subprocess.DEVNULL)
    (found,) = out.glob("media_coverage-*.whl")
    return found


def _source_files() -> set[str]:
    listed = subprocess.run(["git", "ls-files", "coverage"], cwd=REPO, capture_output=True, text=True,
                            check=True).stdout.split()
    return {f for f in listed if f.endswith(".py") or f.startswith("coverage/data/")
            or (f.startswith("coverage/report/") and f.endswith((".js", ".css")))}


def test_the_wheel_holds_every_module_and_data_file(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    missing = sorted(_source_files() - names)
    assert missing == []
    assert "coverage/commands/features.py" in names and "coverage/plots/corpus.py" in names


def test_the_installed_wheel_validates_the_shipped_data(wheel, tmp_path):
    # A fresh environment without the source tree: the wheel installed
    # without its dependencies, which are read from the kit's environment
    # through a .pth file (that does not run the editable install's finder,
    # so `coverage` can only come from the wheel).
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    (site / "kit-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--quiet",
                    "--disable-pip-version-check", str(wheel)], check=True)
    data = shutil.copytree(REPO / "data", tmp_path / "work" / "data",
                           ignore=shutil.ignore_patterns("processed", "external"))
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    where = subprocess.run([str(python), "-c", "import coverage; print(coverage.__file__)"], cwd=tmp_path,
                           capture_output=True, text=True, check=True, env=env).stdout.strip()
    assert where.startswith(str(site)), where
    result = subprocess.run([str(venv / "bin" / "media-coverage"), "validate", "--data", str(data)],
                            cwd=tmp_path, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert "5 articles" in result.stdout
