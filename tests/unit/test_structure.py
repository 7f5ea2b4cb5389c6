"""The code's shape: no import cycle, public names that type-checkers see, the project's own gates."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "trigger_content"


def _module(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    """Each module of the package, and the modules of the package it imports, at any level but for type checkers only."""
    modules = {_module(path): path for path in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        typing_only = {
            id(inner)
            for node in ast.walk(tree)
            if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING"
            for statement in node.body
            for inner in ast.walk(statement)
        }
        found: set[str] = set()
        for node in ast.walk(tree):
            if id(node) in typing_only:
                continue
            if isinstance(node, ast.ImportFrom):
                base = package[: len(package) - node.level + 1] if node.level else []
                target = ".".join([*base, *filter(None, [node.module])])
                found.update(t for t in (target, *(f"{target}.{alias.name}" for alias in node.names)) if t in modules)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names if alias.name in modules)
        graph[name] = found - {name}
    return graph


def test_no_module_imports_one_that_imports_it_back() -> None:
    graph = _imports()
    state: dict[str, int] = {}  # 1: on the path being walked, 2: done

    def walk(name: str, path: list[str]) -> None:
        state[name] = 1
        for target in sorted(graph[name]):
            assert state.get(target) != 1, " -> ".join([*path[path.index(target) :], target]) if target in path else target
            if target not in state:
                walk(target, [*path, target])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            walk(name, [name])


def test_every_public_name_is_exported_for_type_checkers_too() -> None:
    """``__init__`` loads each name on first use; its ``TYPE_CHECKING`` block must name the same ones, from the same modules."""
    import trigger_content

    tree = ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8"))
    typed = {
        alias.asname: node.module
        for block in tree.body
        if isinstance(block, ast.If) and getattr(block.test, "id", "") == "TYPE_CHECKING"
        for node in block.body
        if isinstance(node, ast.ImportFrom) and node.level == 1
        for alias in node.names
    }
    assert typed == trigger_content._EXPORTS


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip(f"{name} is not installed (pip install -e '.[test]')")
    return found


def test_user_code_type_checks_against_the_public_names(tmp_path: Path) -> None:
    """Under ``mypy --strict``: every name of ``tc.*`` exported and typed, the errors classes included."""
    (tmp_path / "app.py").write_text(
        "from pathlib import Path\n\n"
        "import trigger_content as tc\n\n\n"
        "def french(path: Path) -> str:\n"
        "    try:\n"
        "        page = tc.load_page(path)\n"
        "    except tc.SourceError as error:\n"
        "        return str(error)\n"
        "    translations, _note = tc.load_translations(tc.find_project().catalog('fr'))\n"
        "    return tc.render_html(tc.localize(page, translations, locale='fr'))\n\n\n"
        "def where(error: tc.CatalogError) -> int | None:\n"
        "    return error.line\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [_tool("mypy"), "--strict", "--no-incremental", "app.py"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(
    "command",
    [["mypy"], ["ruff", "check", "--quiet"], ["ruff", "format", "--check", "--quiet"]],
    ids=["mypy --strict", "ruff check", "ruff format"],
)
def test_the_project_passes_its_own_gates(command: list[str]) -> None:
    """mypy --strict (the package and the scripts) and ruff (the tests too), with the settings of pyproject.toml."""
    result = subprocess.run([_tool(command[0]), *command[1:]], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
