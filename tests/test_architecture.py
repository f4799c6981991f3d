"""The package's shape: stages as subpackages, small modules, and no import cycle, lazy imports included."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "ebookgen"
STAGES = ("readers", "normalise", "model", "render", "epub", "pdf", "cli")


def module_name(path: Path) -> str:
    """Return the dotted module name of a source file of the package."""
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    """Return every module of the package by name."""
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imported(path: Path, name: str, known: set[str]) -> set[str]:
    """Return the package modules a module imports anywhere in its source: top level, in functions, lazily."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            # `from pkg import name` imports the module pkg.name when there is one, else pkg itself.
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known:  # `import ebookgen.a.b` names ebookgen.a.b; an attribute, its module
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def import_graph() -> dict[str, set[str]]:
    """Map every module of the package to the package modules it imports."""
    found = modules()
    return {name: imported(path, name, set(found)) for name, path in found.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Return the strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_no_import_cycle_even_through_lazy_imports() -> None:
    assert cycles(import_graph()) == []


def test_the_cycle_finder_sees_a_lazy_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]


def test_a_function_level_import_is_an_edge(tmp_path: Path) -> None:
    source = tmp_path / "mod.py"
    source.write_text("def late():\n    from ebookgen.build import build_epub\n", encoding="utf-8")
    assert imported(source, "ebookgen.x", {"ebookgen.build", "ebookgen.x"}) == {"ebookgen.build"}


def test_the_stages_are_subpackages() -> None:
    for stage in STAGES:
        assert (PACKAGE / stage / "__init__.py").is_file(), stage


def test_no_module_over_400_lines() -> None:
    long = {name: n for name, path in modules().items() if (n := len(path.read_text().splitlines())) > 400}
    assert long == {}


def test_only_the_weasy_package_imports_weasyprint() -> None:
    """Every use of WeasyPrint, its internals included, sits behind pdf/weasy/ and its probe."""
    import ast

    users = set()
    for name, path in modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            found = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                found = [node.module]
            if any(module.split(".")[0] == "weasyprint" for module in found):
                users.add(name)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith("weasyprint."):
                users.add(name)  # a module named to be hooked by importlib
    assert users and all(name.startswith("ebookgen.pdf.weasy") for name in users), sorted(users)


# Issue 24's layering: what each stage may import of ebookgen besides itself. The stages not named (project, build,
# cli, batch, watch, devices, writers) sit on top and may import any of these; none of these may import them.
LEAVES = frozenset(
    {"errors", "resources", "languages", "version", "cachedir", "output", "scratch", "ziplimits", "patterns"}
)
MAY_IMPORT: dict[str, frozenset[str]] = {
    **{leaf: LEAVES for leaf in LEAVES},
    "model": frozenset({"patterns"}),
    "readers": frozenset(
        {"model", "errors", "ziplimits", "patterns", "cachedir"}
    ),  # ziplimits: the zip checks epub's conversions share; cachedir: the readers' table kept
    "normalise": frozenset({"model", "errors", "languages", "patterns", "cachedir"}),  # cachedir: detected languages
    "themes": LEAVES,
    "render": frozenset({"model", "normalise", "themes", *LEAVES}),
    "epub": frozenset({"model", "render", "themes", *LEAVES}),
    "pdf": frozenset({"model", "render", "themes", *LEAVES}),
}


def stage(module: str) -> str:
    """Return the stage a module of the package belongs to: `ebookgen.render.pages` is in render."""
    return module.split(".")[1] if "." in module else ""


def upward_imports(graph: dict[str, set[str]]) -> set[tuple[str, str]]:
    """Return every import of a module from a stage its own stage may not import."""
    return {
        (name, target)
        for name, targets in graph.items()
        if stage(name) in MAY_IMPORT
        for target in targets
        if stage(target) not in {stage(name), *MAY_IMPORT[stage(name)]}
    }


def test_imports_run_down_the_layers() -> None:
    """Render and the writers import no reader and nothing above them; the model nothing of ebookgen."""
    assert upward_imports(import_graph()) == set()


def test_an_upward_import_is_found() -> None:
    graph = {
        "ebookgen.render.pages": {"ebookgen.readers.decode", "ebookgen.model", "ebookgen.errors"},
        "ebookgen.pdf.writer": {"ebookgen.render.xhtml", "ebookgen.project.values"},
        "ebookgen.model.book": {"ebookgen.languages"},
        "ebookgen.cli.app": {"ebookgen.build", "ebookgen.pdf.writer"},
    }
    assert upward_imports(graph) == {
        ("ebookgen.render.pages", "ebookgen.readers.decode"),
        ("ebookgen.pdf.writer", "ebookgen.project.values"),
        ("ebookgen.model.book", "ebookgen.languages"),
    }
