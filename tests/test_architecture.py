"""The package's layout rules: imports point one way, no cycles, curated public names.

Read from the source with :mod:`ast`, so an import inside a function counts
as much as one at the top of a module.
"""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "coverage"
SUBPACKAGES = ("io", "text", "measures", "voices", "stance", "reuse", "compare", "plots", "report")
#: The only modules that may import the engine: the commands, the command line and the top-level API.
ENGINE_USERS = re.compile(r"^coverage(\.commands(\..*)?|\.cli|\.__main__)?$|^coverage\._engine(\..*)?$")


def _module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


MODULES = _modules()


def _imports(path: Path) -> list[tuple[str, str | None, int]]:
    """``(module, name or None, line)`` for every import of the kit in ``path``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(a.name, None, node.lineno) for a in node.names if a.name.split(".")[0] == "coverage"]
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "coverage":
            found += [(node.module, a.name, node.lineno) for a in node.names]
    return found


def _targets(module: str, name: str | None) -> set[str]:
    """The kit's modules an import statement loads: the module, and a submodule if ``name`` is one."""
    out = {module} if module in MODULES else set()
    if name and f"{module}.{name}" in MODULES:
        out.add(f"{module}.{name}")
    return out


def _graph() -> dict[str, set[str]]:
    graph = {}
    for module, path in MODULES.items():
        edges = set()
        for target, name, _ in _imports(path):
            edges |= _targets(target, name)
        edges.discard(module)
        # A package's __init__ is loaded before its modules: importing
        # coverage.stance.model also runs coverage/stance/__init__.py, but that
        # is not an edge the module wrote, so it is left out here.
        graph[module] = edges
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_the_checker_finds_a_cycle_and_an_engine_import():
    # The checks below must be able to fail: a hand-made graph with one cycle.
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert not _cycles({"a": {"b"}, "b": set()})
    assert ENGINE_USERS.match("coverage.commands.features")
    assert not ENGINE_USERS.match("coverage.measures.frames")


def test_no_import_cycles():
    assert _cycles(_graph()) == []


def test_only_the_commands_import_the_engine():
    offenders = [f"{module} line {line}: imports {target}"
                 for module, path in MODULES.items() if not ENGINE_USERS.match(module)
                 for target, _, line in _imports(path) if target.startswith("coverage._engine")]
    assert offenders == []


def _room(module: str) -> str:
    """The subpackage a module belongs to (``"stance"`` for ``coverage.stance.model``), or ``"<top>"``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and (PACKAGE / parts[1]).is_dir() else "<top>"


def test_no_private_name_is_imported_across_subpackages():
    offenders = []
    for module, path in MODULES.items():
        for target, name, line in _imports(path):
            if name and name.startswith("_") and not name.startswith("__") and _room(target) != _room(module):
                offenders.append(f"{module} line {line}: {name} from {target}")
    assert offenders == []


@pytest.mark.parametrize("sub", SUBPACKAGES)
def test_each_subpackage_has_a_curated_public_api(sub):
    package = importlib.import_module(f"coverage.{sub}")
    assert package.__doc__, f"coverage/{sub}/__init__.py needs a docstring saying what the room is for"
    names = package.__all__
    assert names and len(names) == len(set(names))
    missing = [n for n in names if not hasattr(package, n)]
    assert missing == []
    assert all(not n.startswith("_") for n in names)


def test_the_top_level_api_is_unchanged_and_kwic_is_a_function():
    import coverage

    missing = [n for n in coverage.__all__ if not hasattr(coverage, n)]
    assert missing == []
    assert callable(coverage.kwic) and not isinstance(coverage.kwic, type(coverage))
    importlib.import_module("coverage.measures.keyword_context")
    assert callable(coverage.kwic)  # importing the module does not shadow the function


def _notebook_sources() -> list[Path]:
    return sorted((REPO / "notebooks").rglob("*.py"))


@pytest.mark.parametrize("path", _notebook_sources(), ids=lambda p: p.name)
def test_notebooks_import_only_public_names(path):
    offenders = []
    for target, name, line in _imports(path):
        parts = target.split(".")
        if len(parts) == 1:
            continue  # from coverage import name
        if parts[1] not in SUBPACKAGES:
            top = importlib.import_module(target)
            if parts[1].startswith("_") or (name and name not in getattr(top, "__all__", ())):
                offenders.append(f"line {line}: {name} from {target}")
            continue
        package = importlib.import_module(".".join(parts[:2]))
        if len(parts) > 2 and parts[2] not in package.__all__:
            offenders.append(f"line {line}: {target} is not a public module of coverage.{parts[1]}")
        elif len(parts) == 2 and name not in package.__all__:
            offenders.append(f"line {line}: {name} is not public in coverage.{parts[1]}")
    assert offenders == []
