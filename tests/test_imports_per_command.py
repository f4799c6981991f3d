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


def test_kepub_imports_only_what_it_uses(story):
    folder, cache = story
    if not (folder / "story.epub").exists():
        imported(folder, cache, "epub", "story.txt", "-o", "story.epub", "--lang", "en", "-q")
    modules = imported(folder, cache, "kepub", "story.epub", "-o", "story.kepub.epub", "-q")
    assert unused_found(modules, UNUSED["kepub"]) == []


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


def test_the_lists_catch_an_unused_import():
    """The check itself: a module inside a listed package is found, a module merely named alike is not."""
    modules = frozenset({"weasyprint.layout", "weasyprintish", "ebookgen.pdf.writer", "ebookgen.pdfish"})
    assert unused_found(modules, frozenset({"weasyprint", "ebookgen.pdf.writer"})) == [
        "ebookgen.pdf.writer",
        "weasyprint.layout",
    ]
