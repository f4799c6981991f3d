"""Each command imports only what it uses: read from ``python -X importtime``, per command, in a fresh process.

A short story's build is mostly start-up (issue 30): a library a command does not use, imported anyway, is time
every user pays on every build. Each command has a list of the heavy packages (and ebookgen's own stages) it has
no use for; the test fails naming any of them the command imported.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STORY = "Once upon a time there was a small fox who lived by the river and liked it there.\n"

# Heavy packages no command below needs: a dependency of Typer's argument coercion, other formats' readers,
# the maths, the live preview, the batch and imposition stages.
NEVER = frozenset(
    {
        "pydantic",
        "mammoth",
        "docx",
        "readability",
        "markdown_it",
        "ziamath",
        "latex2mathml",
        "watchfiles",
        "ebookgen.batch",
        "ebookgen.watch",
        "ebookgen.impose",
    }
)
# The print edition's libraries, which an e-book has no use for.
PRINT = frozenset({"weasyprint", "pikepdf", "pypdfium2", "pyphen", "tinycss2", "cssselect2", "cffi"})
# A plain `epub FILE -o OUT --lang X -q` line is read without Typer (cli/plain.py), and says nothing through rich.
PLAIN_LINE = frozenset({"typer", "click", "rich", "ebookgen.cli.commands", "ebookgen.cli.options", "ebookgen.check"})
# What each command does not use, beyond NEVER. The language is given (--lang en), so neither the detector
# (lingua) nor the tag registry (langcodes, for a tag with its own language file) is needed.
UNUSED = {
    "epub": NEVER | PRINT | PLAIN_LINE | {"lingua", "langcodes", "ebookgen.pdf.writer", "ebookgen.epub.kepub"},
    "pdf": NEVER | {"ebooklib", "lingua", "langcodes", "ebookgen.epub.writer", "ebookgen.epub.kepub"},
    "check": NEVER | PRINT | {"ebooklib", "lingua", "langcodes", "PIL.ImageDraw", "ebookgen.epub.writer"},
    "kepub": NEVER | PRINT | {"lingua", "langcodes", "fontTools", "PIL", "ebookgen.normalise", "ebookgen.readers"},
    "init": NEVER | PRINT | {"ebooklib", "lingua", "langcodes", "fontTools", "PIL", "ebookgen.epub", "ebookgen.render"},
}
# The plain `epub` line is held to what it uses, not only kept from what it must not: each module of ebookgen it
# imports is listed here (a rebuild with --lang en, the cover from the cache), and any other fails the test. A
# module the build comes to need is added here on purpose; a module imported by accident shows up as new.
EPUB_USES = frozenset(
    f"ebookgen.{name}" if name != "ebookgen" else name
    for name in """
    ebookgen build cachedir cli cli.app cli.console cli.keptcode cli.plain cli.summary epub epub.cover
    epub.coverfaces epub.navigation epub.opf epub.pagelist epub.writer epub.zipped errors languages languages.cldr
    languages.es languages.records languages.scripts languages.spaceless model model.book model.bylines
    model.characters model.document model.maths model.origins model.outline model.pages model.rawtext
    normalise normalise.blocks normalise.contents normalise.dashes normalise.detect normalise.doubts
    normalise.emphasis normalise.found normalise.found_language normalise.furniture normalise.heading_shapes
    normalise.heading_words normalise.headings normalise.marked normalise.markers normalise.marks
    normalise.notes normalise.options normalise.passes normalise.pasted normalise.pipeline
    normalise.pipetables normalise.quotes normalise.report normalise.runs normalise.speech
    normalise.structure normalise.title_case normalise.typed normalise.typesetting normalise.typography
    output patterns pdf pdf.printers project project.bookmeta project.collection project.editions
    project.figures project.images project.manuscript project.matter project.origins project.paths
    project.toml_types project.values readers readers.charset readers.decode readers.furniture
    readers.gutenberg readers.header readers.htmlwords readers.layout readers.reader readers.runs
    readers.source readers.table render render.backmatter render.blocks render.escaping render.frontmatter
    render.ids render.inlines render.maths render.pages render.scripts render.svg render.tables
    render.titles render.words render.xhtml resources resources.faces settings settings.setting
    settings.table shelf themes version writers writers.epub
""".split()
)
# The libraries each command may import (their top-level packages; the interpreter's own start is left out).
# `org` is copy's probe for Jython and `rnc2rng` lxml's probe for RELAX NG compact syntax: found, not used.
PROBES = frozenset({"org", "rnc2rng"})
TYPER = frozenset({"typer", "click", "rich", "shellingham", "annotated_doc"})
LIBRARIES = {
    "epub": PROBES | {"ebooklib", "lxml", "six", "PIL"},
    "kepub": PROBES | TYPER | {"lxml"},
    "check": PROBES | TYPER | {"lxml", "fontTools"},
    "init": PROBES | TYPER,
}
# The standard library's heavy parts (a network client, mail, processes, a GUI, a test runner) no e-book command
# uses; the zip's compressors and difflib's suggestions are used.
HEAVY_STDLIB = frozenset(
    {
        "email",
        "ssl",
        "http",
        "urllib.request",
        "asyncio",
        "xml",
        "sqlite3",
        "multiprocessing",
        "concurrent",
        "ctypes",
        "unittest",
        "argparse",
        "socket",
        "pickle",
        "csv",
        "decimal",
        "statistics",
        "pydoc",
        "tkinter",
    }
)
# The cover is drawn once, then read from the cache: a rebuild draws nothing and reads no font's tables.
DRAWING = frozenset({"PIL.ImageDraw", "PIL.ImageFont", "fontTools"})

IMPORTED = re.compile(r"^import time:\s+\d+ \|\s+\d+ \|\s*(\S+)\s*$", re.MULTILINE)


def imported(folder: Path, cache: Path, *args: str) -> frozenset[str]:
    """Run one ebookgen command with -X importtime and return the modules it imported."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(cache)}
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "ebookgen", *args],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return frozenset(IMPORTED.findall(done.stderr))


def unused_found(modules: frozenset[str], unused: frozenset[str]) -> list[str]:
    """Return the modules imported that are, or lie inside, a package of the unused list."""
    return sorted(name for name in modules if any(name == top or name.startswith(top + ".") for top in unused))


def interpreter_start() -> frozenset[str]:
    """Return the modules the bare interpreter imports before any command (site, the encodings)."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", "pass"], capture_output=True, text=True)
    return frozenset(IMPORTED.findall(done.stderr))


def libraries_found(modules: frozenset[str], allowed: frozenset[str]) -> list[str]:
    """Return the top-level packages imported outside the standard library and ebookgen that are not allowed."""
    tops = {name.split(".")[0] for name in modules - interpreter_start()}
    return sorted(tops - set(sys.stdlib_module_names) - {"ebookgen"} - allowed)


def not_listed(modules: frozenset[str], listed: frozenset[str]) -> list[str]:
    """Return the modules of ebookgen imported that the list of what the command uses does not name."""
    return sorted(
        name for name in modules if (name == "ebookgen" or name.startswith("ebookgen.")) and name not in listed
    )


@pytest.fixture(scope="module")
def story(tmp_path_factory) -> tuple[Path, Path]:
    """Return a folder holding a 17-word story, and the cache folder its commands share."""
    folder = tmp_path_factory.mktemp("imports")
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    return folder, folder / "cache"


def test_epub_imports_only_what_it_uses_and_draws_the_cover_once(story):
    folder, cache = story
    first = imported(folder, cache, "epub", "story.txt", "-o", "story.epub", "--lang", "en", "-q")
    assert "PIL.ImageDraw" in first, "the first build draws the cover"
    again = imported(folder, cache, "epub", "story.txt", "-o", "story.epub", "--lang", "en", "-q")
    assert unused_found(again, UNUSED["epub"]) == []
    assert unused_found(again, DRAWING) == [], "a rebuild reads the cover (and its notes) from the cache"
    assert not_listed(again, EPUB_USES) == [], "a module the plain epub line does not use (or add it to EPUB_USES)"
    assert libraries_found(again, LIBRARIES["epub"]) == []
    assert unused_found(again, HEAVY_STDLIB) == []


def test_the_summary_is_plain_lines_without_rich(story):
    # Without -q the closing summary is printed; in a log (not a terminal) there is no spinner either, so nothing
    # needs rich, and a file named with colons keeps its name (rich printed `:smile:` as an emoji).
    folder, cache = story
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(cache)}
    line = [sys.executable, "-X", "importtime", "-m", "ebookgen", "epub", "story.txt", "-o", ":smile:.epub"]
    done = subprocess.run([*line, "--lang", "en"], cwd=folder, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines()[0].startswith("wrote :smile:.epub (")
    assert unused_found(frozenset(IMPORTED.findall(done.stderr)), frozenset({"rich"})) == []


def test_kepub_imports_only_what_it_uses(story):
    folder, cache = story
    if not (folder / "story.epub").exists():
        imported(folder, cache, "epub", "story.txt", "-o", "story.epub", "--lang", "en", "-q")
    modules = imported(folder, cache, "kepub", "story.epub", "-o", "story.kepub.epub", "-q")
    assert unused_found(modules, UNUSED["kepub"]) == []
    assert libraries_found(modules, LIBRARIES["kepub"]) == []
    assert unused_found(modules, HEAVY_STDLIB) == []


@pytest.mark.parametrize(
    "command",
    [
        ("check", "story.txt", "--lang", "en"),
        ("init", "project", "--lang", "en", "-q"),
        ("pdf", "story.txt", "-o", "story.pdf", "--lang", "en", "-q"),
    ],
    ids=lambda command: command[0],
)
def test_command_imports_only_what_it_uses(story, command):
    folder, cache = story
    modules = imported(folder, cache, *command)
    assert unused_found(modules, UNUSED[command[0]]) == []
    if command[0] in LIBRARIES:  # the PDF's libraries are WeasyPrint's own choice
        assert libraries_found(modules, LIBRARIES[command[0]]) == []
        assert unused_found(modules, HEAVY_STDLIB) == []


def test_the_lists_catch_an_unused_import():
    """The check itself: a module inside a listed package is found, a module merely named alike is not."""
    modules = frozenset({"weasyprint.layout", "weasyprintish", "ebookgen.pdf.writer", "ebookgen.pdfish"})
    assert unused_found(modules, frozenset({"weasyprint", "ebookgen.pdf.writer"})) == [
        "ebookgen.pdf.writer",
        "weasyprint.layout",
    ]


def test_a_module_or_library_a_command_does_not_list_is_found():
    """The allow-lists themselves: an unlisted module of ebookgen, a library not allowed, a heavy stdlib part."""
    modules = frozenset({"ebookgen.build", "ebookgen.pdf.writer", "ebooklib.epub", "mammoth", "json", "email.parser"})
    assert not_listed(modules, frozenset({"ebookgen.build"})) == ["ebookgen.pdf.writer"]
    assert libraries_found(modules, frozenset({"ebooklib"})) == ["mammoth"]
    assert unused_found(modules, HEAVY_STDLIB) == ["email.parser"]
