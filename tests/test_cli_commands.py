"""The command line as a user meets it: global options, errors, summary, interruption, a manuscript left alone."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

import ebookgen
from ebookgen.cli.app import app
from ebookgen.errors import EXIT_CODES

from .conftest import MANUSCRIPT

runner = CliRunner()
STORY = 'Chapter 1\n\n"Hello," she said. It was *late*.\n\nChapter 2\n\nHe left.\n'


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"ebookgen {ebookgen.__version__}"


def test_help_lists_every_command_the_exit_codes_and_completion() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for word in ("epub", "pdf", "init", "sideload", "--quiet", "--verbose", "--install-completion", "130"):
        assert word in result.stdout, word
    for command in ("epub", "pdf", "init", "sideload"):
        assert runner.invoke(app, [command, "--help"]).exit_code == 0


def test_completion_script_is_offered() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ebookgen", "--show-completion", "bash"],
        capture_output=True,
        text=True,
        env={**os.environ, "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"},
    )
    assert result.returncode == 0, result.stderr
    assert "complete" in result.stdout and "ebookgen" in result.stdout.lower()


def test_the_command_line_loads_no_book_library_until_a_command_runs() -> None:
    code = "import sys, ebookgen.cli.app; print(sorted(m for m in ('weasyprint', 'ebooklib', 'ftfy', 'markdown_it', 'charset_normalizer') if m in sys.modules))"  # noqa: E501
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]", result.stderr


def test_epub_prints_a_closing_summary(story: Path, tmp_path: Path) -> None:
    target = tmp_path / "book.epub"
    result = runner.invoke(app, ["epub", str(story), "-o", str(target)])
    assert result.exit_code == 0, result.output
    size = target.stat().st_size
    assert f"wrote {target} ({size / 1000:.1f} KB)" in result.stdout
    assert "2 chapters, 8 words, about 1 min of reading" in result.stdout


def test_quiet_prints_nothing_and_still_builds(story: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["--quiet", "epub", str(story), "-o", str(tmp_path / "book.epub")])
    assert result.exit_code == 0
    assert result.output == ""
    assert zipfile.is_zipfile(tmp_path / "book.epub")


def test_verbose_shows_the_traceback_quiet_errors_do_not(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.txt")
    plain = runner.invoke(app, ["epub", missing])
    verbose = runner.invoke(app, ["--verbose", "epub", missing])
    assert plain.exit_code == verbose.exit_code == 2
    assert "Traceback" not in plain.stderr and "Traceback" in verbose.stderr
    assert verbose.stderr.strip().endswith(plain.stderr.strip())


def test_an_unexpected_error_is_one_line_exit_1(story: Path, tmp_path: Path, monkeypatch) -> None:
    def broken(*args, **kwargs):
        raise ValueError("something inside broke")

    monkeypatch.setattr("ebookgen.build.load_book", broken)
    result = runner.invoke(app, ["epub", str(story), "-o", str(tmp_path / "book.epub")])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        "ebookgen: error: unexpected ValueError: something inside broke; run again with --verbose and report it"
    ]
    assert not (tmp_path / "book.epub").exists()


def leftovers(folder: Path) -> list[Path]:
    """Return temporary files a write left behind."""
    return [path for path in folder.rglob("*") if path.name.endswith(".part")]


@pytest.mark.parametrize("command", ["epub", "pdf"])
def test_ctrl_c_leaves_the_old_book_and_no_half_written_file(story: Path, tmp_path: Path, monkeypatch, command) -> None:
    target = tmp_path / f"book.{command}"
    target.write_bytes(b"the book built yesterday")
    real_replace = os.replace

    def interrupted(source, destination, *args, **kwargs):
        if Path(destination) == target:
            assert Path(source).stat().st_size > 0  # The new book was being written beside the old one...
            raise KeyboardInterrupt  # ...and the user pressed Ctrl-C before it was complete.
        return real_replace(source, destination, *args, **kwargs)

    monkeypatch.setattr("ebookgen.output.os.replace", interrupted)
    result = runner.invoke(app, [command, str(story), "-o", str(target)])
    assert result.exit_code == 130
    assert "interrupted; nothing was written" in result.stderr
    assert target.read_bytes() == b"the book built yesterday"
    assert leftovers(tmp_path) == []


def test_a_failed_layout_never_replaces_a_good_book(story: Path, tmp_path: Path, monkeypatch) -> None:
    from ebookgen.errors import RenderError

    target = tmp_path / "book.pdf"
    target.write_bytes(b"%PDF good")

    def failing_layout(*args, **kwargs):
        raise RenderError("PDF layout failed: simulated")

    monkeypatch.setattr("ebookgen.pdf.weasy.lay_out", failing_layout)
    result = runner.invoke(app, ["pdf", str(story), "-o", str(target)])
    assert result.exit_code == 5
    assert target.read_bytes() == b"%PDF good" and leftovers(tmp_path) == []


def fingerprint(folder: Path) -> dict[str, tuple]:
    """Return every file's bytes hash, mode and modification time under folder."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "dist" not in path.relative_to(folder).parts:  # dist/: where the books go
            status = path.stat()
            found[path.name] = (hashlib.sha256(path.read_bytes()).hexdigest(), status.st_mode, status.st_mtime_ns)
    return found


def test_the_manuscript_is_opened_read_only_and_never_modified(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "novel"
    folder.mkdir()
    (folder / "book.toml").write_text('title = "Left Alone"\n', encoding="utf-8")
    (folder / "01.txt").write_bytes(b'Chapter 1\r\n\r\n\xef\xbb\xbfCaf\xc3\xa9\x00 "quotes"\r\n')
    (folder / "02.md").write_text("# Chapter 2\n\n*Two*.\n", encoding="utf-8")
    for path in folder.iterdir():
        path.chmod(0o444)
    before = fingerprint(folder)
    opened: list[tuple[str, str]] = []
    real_open = open

    def watching_open(file, mode="r", *args, **kwargs):
        opened.append((str(file), mode))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", watching_open)
    monkeypatch.chdir(tmp_path)
    for command in ("epub", "pdf"):
        result = runner.invoke(app, [command, "novel"])
        assert result.exit_code == 0, result.output
    assert fingerprint(folder) == before
    manuscript_opens = [(name, mode) for name, mode in opened if Path(name).resolve().parent == folder.resolve()]
    assert manuscript_opens and all(mode in ("r", "rb") for _, mode in manuscript_opens), manuscript_opens
    assert sorted(path.name for path in (folder / "dist").iterdir()) == ["left-alone.epub", "left-alone.pdf"]


def test_every_exit_code_is_in_the_commands_page() -> None:
    page = (MANUSCRIPT.parent / "docs" / "commands.md").read_text(encoding="utf-8")
    section = page.split("## When something goes wrong", 1)[1].split("\n## ", 1)[0]
    for code in EXIT_CODES:
        assert f"\n- `{code}`: " in section, code
