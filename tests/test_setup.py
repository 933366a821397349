"""The kit's set-up: one environment, one dependency list, no coverage.py clash."""

from __future__ import annotations

import importlib
import os
import re
import tomllib
import warnings
from importlib import metadata

import pytest
import yaml

import coverage


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_lists_the_same_dependencies(repo):
    project = tomllib.loads((repo / "pyproject.toml").read_text())["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["test"]
    env = yaml.safe_load((repo / "environment.yml").read_text())
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    listed = [p for p in pip if not p.startswith("-e")]
    assert sorted(listed) == sorted(wanted)  # same names and the same version pins
    assert "python=3.11" in env["dependencies"]


def test_kit_is_imported_from_this_repository(repo):
    assert coverage.__file__ == str(repo / "coverage" / "__init__.py")
    assert hasattr(coverage, "load_corpus")  # not coverage.py, which has no such thing


def test_nothing_depends_on_coverage_py(repo):
    project = tomllib.loads((repo / "pyproject.toml").read_text())["project"]
    every = project["dependencies"] + [r for extra in project["optional-dependencies"].values() for r in extra]
    assert not {"coverage", "pytest-cov"} & {_name(r) for r in every}
    with pytest.raises(metadata.PackageNotFoundError):
        metadata.distribution("pytest-cov")


def test_import_warns_when_coverage_py_is_installed(monkeypatch):
    class FakeDist:
        version = "7.6.1"

    real = metadata.distribution
    monkeypatch.setattr(metadata, "distribution",
                        lambda name: FakeDist() if name == "coverage" else real(name))
    with pytest.warns(UserWarning, match=r"coverage\.py 7\.6\.1 is installed .* shares the import name 'coverage'"):
        coverage._warn_if_coverage_py_installed()


def test_import_is_silent_in_the_kit_environment():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        importlib.reload(coverage)


def test_ci_calls_the_readme_test_command(repo):
    assert "make test" in (repo / ".ci" / "run").read_text()
    readme = (repo / "README.md").read_text()
    assert "make figures" in readme and "make test" in readme


def test_console_script_is_declared(repo):
    project = tomllib.loads((repo / "pyproject.toml").read_text())["project"]
    assert project["name"] == "media-coverage"
    assert project["scripts"] == {"media-coverage": "coverage.cli:main"}


def test_binder_post_build_installs_the_encoder_weights_like_the_makefile(repo):
    # Binder installs environment.yml, then runs postBuild (root or binder/): the weights
    # need pip's --no-deps, which a requirements list cannot say for one package.
    post_build = repo / "postBuild"
    assert os.access(post_build, os.X_OK)
    encoder = re.search(r"^ENCODER\s*:=\s*(\S+)", (repo / "Makefile").read_text(), flags=re.M).group(1)
    assert re.search(rf"pip install .*--no-deps {re.escape(encoder)}$", post_build.read_text(), flags=re.M)


def test_ci_runs_the_browser_tests_and_installs_chromium_itself(repo):
    ci = (repo / ".ci" / "run").read_text()
    assert ci.index("\nmake test\n") < ci.index("\nmake test-browser")
    assert "apt-get install -y" in ci and "chromium chromium-driver" in ci
    project = tomllib.loads((repo / "pyproject.toml").read_text())
    assert [_name(r) for r in project["project"]["optional-dependencies"]["browser"]] == ["selenium"]
    assert "not browser" in project["tool"]["pytest"]["ini_options"]["addopts"]
