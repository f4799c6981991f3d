"""The plain build line (``cli/plain.py``): read without Typer, and the same as Typer's to the byte.

`ebookgen epub FILE [-o OUT] [--lang TAG] [-q] [-v]` is run without importing Typer (a third of a short story's
start-up). Every other line goes to Typer. The same line, run by Typer and by the plain reader, must print the
same lines, exit with the same code and write the same book.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ebookgen.cli.plain import PlainLine, plain_line

ROOT = Path(__file__).resolve().parent.parent
STORY = "Chapter 1\n\nOnce upon a time there was a small fox who lived by the river.\n"
# Typer's application, reached without the plain reader: the line as Typer alone would run it.
BY_TYPER = "import sys; from ebookgen.cli.commands import app; sys.argv[0] = 'ebookgen'; app()"


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["epub", "s.txt"], PlainLine(Path("s.txt"))),
        (["epub"], PlainLine()),
        (["epub", "s.txt", "-o", "o.epub"], PlainLine(Path("s.txt"), Path("o.epub"))),
        (["epub", "--output=o.epub", "s.txt"], PlainLine(Path("s.txt"), Path("o.epub"))),
        (["epub", "s.txt", "--lang", "fr"], PlainLine(Path("s.txt"), lang="fr")),
        (["epub", "--lang=de", "s.txt"], PlainLine(Path("s.txt"), lang="de")),
        (["-q", "epub", "s.txt"], PlainLine(Path("s.txt"), quiet=True)),
        (["epub", "s.txt", "-qv"], PlainLine(Path("s.txt"), quiet=True, verbose=True)),
        (["--verbose", "epub", "s.txt", "--quiet"], PlainLine(Path("s.txt"), quiet=True, verbose=True)),
    ],
)
def test_a_plain_line_is_read(args, line):
    assert plain_line(args, {}) == line


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--help"],
        ["epub", "--help"],
        ["pdf", "s.txt"],
        ["check", "epub"],
        ["--version", "epub"],
        ["epub", "s.txt", "--title", "T"],
        ["epub", "s.txt", "--kobo"],
        ["epub", "a.txt", "b.txt"],
        ["epub", "s.txt", "-o", "a.epub", "-o", "b.epub"],
        ["epub", "s.txt", "-o"],
        ["epub", "s.txt", "-o", "-q"],
        ["epub", "s.txt", "-oout.epub"],
        ["epub", "s.txt", "--lang="],
        ["epub", "--", "-s.txt"],
        ["epub", "-"],
        ["epub", ""],
        ["epbu", "s.txt"],
    ],
)
def test_any_other_line_is_left_to_typer(args):
    assert plain_line(args, {}) is None


def test_shell_completion_is_left_to_typer():
    assert plain_line(["epub", "s.txt"], {"_EBOOKGEN_COMPLETE": "complete_bash"}) is None


def run(folder: Path, *args: str, typer: bool) -> tuple[int, str, str, bytes]:
    """Run a line through the plain reader (`python -m ebookgen`) or Typer alone; return what it did."""
    head = ["-c", BY_TYPER] if typer else ["-m", "ebookgen"]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(folder / "cache")}
    done = subprocess.run([sys.executable, *head, *args], cwd=folder, env=env, capture_output=True, timeout=300)
    book = folder / "story.epub"
    written = book.read_bytes() if book.exists() else b""
    book.unlink(missing_ok=True)
    return done.returncode, done.stdout.decode(), done.stderr.decode(), written


@pytest.mark.parametrize(
    "args",
    [
        ("epub", "story.txt", "-o", "story.epub", "--lang", "en"),
        ("-q", "epub", "story.txt", "--output=story.epub"),
        ("epub", "missing.txt", "-o", "story.epub", "-q"),
        ("epub", "story.txt", "-o", "story.epub", "--lang", "not a language"),
        ("epub", "story.txt", "-o", "story.txt/story.epub"),
        ("epub", "story.txt", "-o", "story.epub", "--lang", "xx-bogus-tag", "-v"),
    ],
    ids=["summary", "quiet", "missing", "bad-language", "bad-output", "verbose"],
)
def test_the_plain_line_does_what_typer_does(tmp_path, args):
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    plain = run(tmp_path, *args, typer=False)
    typer = run(tmp_path, *args, typer=True)
    assert plain == typer
    assert "Traceback" not in plain[2] or "-v" in args


def test_the_plain_line_builds_without_typer(tmp_path):
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    build = ["epub", "story.txt", "-o", "story.epub", "-q", "--lang", "en"]
    line = [sys.executable, "-X", "importtime", "-m", "ebookgen", *build]
    done = subprocess.run(line, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert (tmp_path / "story.epub").exists()
    imported = {row.split("|")[-1].strip() for row in done.stderr.splitlines() if row.startswith("import time:")}
    assert not {name for name in imported if name.split(".")[0] in {"typer", "click", "rich"}}
