"""A thin command line: each command reads the book once, prints the library's result, and adds no defaults."""

from __future__ import annotations

import ast
import re
import zipfile
from dataclasses import replace
from pathlib import Path

import pikepdf
import pytest
from typer.testing import CliRunner

import ebookgen.build
from ebookgen.build import PrintChoices, build_all, build_epub, build_pdf, print_options
from ebookgen.cli.app import app
from ebookgen.errors import ConfigError
from ebookgen.languages import language_for
from ebookgen.model import word_count
from ebookgen.pdf.options import PdfOptions, PdfResult
from ebookgen.pdf.printers import printer_for
from ebookgen.pdf.trim import parse_trim
from ebookgen.project.manuscript import Overrides, load_project

from .epubstats import EpubStats, stats_of_epub

PACKAGE = Path(ebookgen.build.__file__).parent
runner = CliRunner()
STORY = (
    'Chapter 1\n\n"Hello," she said. It was *late*.\n\n'
    "Chapter 2\n\nHe left the house before the rain.\n\n"
    "Chapter 3\n\nThe train was slow, and nobody spoke until the river.\n"
)
WORDS = 6 + 7 + 10  # the three chapters' paragraphs, counted by hand


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


@pytest.fixture
def reads(monkeypatch) -> list[Path]:
    """Count the reads of the whole book (read_book) and of each text file (read_unit)."""
    calls: list = []
    real_load, real_read = ebookgen.build.read_book, ebookgen.build.read_unit

    def counting_load(project):
        calls.append("book")
        return real_load(project)

    def counting_read(unit, encoding):
        calls.append(unit)
        return real_read(unit, encoding)

    monkeypatch.setattr("ebookgen.build.read_book", counting_load)
    monkeypatch.setattr("ebookgen.build.read_unit", counting_read)
    return calls


def pages_of(path: Path) -> int:
    """Count a PDF's pages."""
    with pikepdf.open(path) as document:
        return len(document.pages)


def test_pdf_reads_the_manuscript_once_and_counts_from_that_read(story: Path, tmp_path: Path, reads: list) -> None:
    target = tmp_path / "story.pdf"
    result = runner.invoke(app, ["pdf", str(story), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert reads == ["book", (story,)]
    assert f"wrote {target} (" in result.stdout and f", {pages_of(target)} pages)" in result.stdout
    assert f"3 chapters, {WORDS} words, about 1 min of reading" in result.stdout


def test_build_reads_the_manuscript_once(story: Path, tmp_path: Path, reads: list) -> None:
    result = runner.invoke(app, ["build", str(story), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert reads == ["book", (story,)]
    pdf = tmp_path / "out" / "story.pdf"
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith(f"wrote {pdf} (") and lines[0].endswith(f", {pages_of(pdf)} pages)")
    assert lines[1].startswith(f"wrote {tmp_path / 'out' / 'story.epub'} (")
    assert lines[2] == f"3 chapters, {WORDS} words, about 1 min of reading"


def test_epub_never_opens_the_book_it_wrote(story: Path, tmp_path: Path, reads: list, monkeypatch) -> None:
    target = tmp_path / "story.epub"
    opened: list = []
    real_zip, real_open = zipfile.ZipFile, open

    def watching_zip(file, mode="r", *args, **kwargs):
        opened.append((str(file), mode))
        return real_zip(file, mode, *args, **kwargs)

    def watching_open(file, mode="r", *args, **kwargs):
        opened.append((str(file), mode))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr("zipfile.ZipFile", watching_zip)
    monkeypatch.setattr("builtins.open", watching_open)
    result = runner.invoke(app, ["epub", str(story), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert [(name, mode) for name, mode in opened if name == str(target) and "r" in mode] == []
    assert reads == ["book", (story,)]
    assert f"3 chapters, {WORDS} words, about 1 min of reading" in result.stdout
    assert stats_of_epub(target) == EpubStats(3, WORDS)


def test_the_results_say_what_the_summary_needs(story: Path, tmp_path: Path) -> None:
    book = ebookgen.build.load_book(load_project(story))
    assert (len(book.chapters), word_count(book)) == (3, WORDS)
    epub = build_epub(story, tmp_path / "story.epub")
    assert (epub.path, epub.chapters, epub.words, epub.notes) == (tmp_path / "story.epub", 3, WORDS, ())
    pdf = build_pdf(story, tmp_path / "story.pdf")
    assert (pdf.path, pdf.chapters, pdf.words, pdf.pages) == (tmp_path / "story.pdf", 3, WORDS, pages_of(pdf.path))
    both = build_all(story, tmp_path / "out")
    assert (both.chapters, both.words, both.pdf.pages) == (3, WORDS, pdf.pages)
    assert both.epub.path == tmp_path / "out" / "story.epub" and both.pdf.path == tmp_path / "out" / "story.pdf"


def test_the_overrides_reach_the_book(story: Path, tmp_path: Path) -> None:
    result = build_epub(story, tmp_path / "x.epub", overrides=Overrides(title="Night Train", author_notes="drop"))
    with zipfile.ZipFile(result.path) as archive:
        assert "<dc:title>Night Train</dc:title>" in archive.read("EPUB/content.opf").decode()


@pytest.mark.parametrize("command", ["epub", "pdf", "build"])
def test_the_book_s_notes_are_warnings_on_stderr(story: Path, tmp_path: Path, monkeypatch, command: str) -> None:
    real_read = ebookgen.build.read_book

    def noted(project):
        read = real_read(project)
        return replace(read, book=replace(read.book, notes=("fixed it",)))

    monkeypatch.setattr("ebookgen.build.read_book", noted)
    output = str(tmp_path / ("out" if command == "build" else f"story.{command}"))
    result = runner.invoke(app, [command, str(story), "-o", output])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines().count("ebookgen: warning: fixed it") == 1
    quiet = runner.invoke(app, ["-q", command, str(story), "-o", output])
    assert quiet.exit_code == 0 and quiet.output == ""


def novel(folder: Path, toml: str) -> Path:
    """Write a manuscript folder with a book.toml."""
    folder.mkdir(parents=True)
    (folder / "book.toml").write_text(toml, encoding="utf-8")
    (folder / "01.txt").write_text(STORY, encoding="utf-8")
    return folder


def test_print_options_take_the_caller_then_book_toml_then_the_default(tmp_path: Path) -> None:
    plain = load_project(novel(tmp_path / "plain", 'title = "P"\n'))
    given = load_project(novel(tmp_path / "given", 'title = "G"\ntrim = "5x8"\nprofile = "kdp"\n'))
    default = PdfOptions()
    settled = print_options(plain)  # the build's year and timestamp are the project's, not a default
    assert settled == replace(default, year=settled.year, dated=settled.dated)
    assert (print_options(given).trim, print_options(given).profile) == (parse_trim("5x8"), printer_for("kdp"))
    chosen = print_options(given, PrintChoices(trim="6x9", profile="screen", running_head="chapter", jobs=1))
    wanted = (parse_trim("6x9"), printer_for("screen"), "chapter", 1)
    assert (chosen.trim, chosen.profile, chosen.recto_head, chosen.jobs) == wanted
    with pytest.raises(ConfigError, match="--running-head must be title or chapter, not 'author'"):
        print_options(plain, PrintChoices(running_head="author"))


def test_the_library_uses_book_toml_s_trim_without_the_cli(tmp_path: Path) -> None:
    folder = novel(tmp_path / "novel", 'title = "Small"\ntrim = "5x8"\n')
    result = build_pdf(folder, tmp_path / "small.pdf")
    with pikepdf.open(result.path) as document:
        width, height = (float(value) for value in document.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (360, 576)


def test_the_pdf_command_passes_no_defaults_of_its_own(tmp_path: Path, monkeypatch) -> None:
    folder = novel(tmp_path / "novel", 'title = "Small"\ntrim = "5x8"\nprofile = "kdp"\n')
    asked: list[PdfOptions] = []

    def fake_write_pdf(book, target, options, progress=None, crew=None):
        asked.append(options)
        target.write_bytes(b"%PDF-1.7 fake")
        return PdfResult(target, 1)

    monkeypatch.setattr("ebookgen.pdf.writer.write_pdf", fake_write_pdf)
    result = runner.invoke(app, ["pdf", str(folder), "-o", str(tmp_path / "small.pdf")])
    assert result.exit_code == 0, result.output
    # The writer hands on the book's settled language with the options the project settled, nothing more.
    assert asked == [replace(print_options(load_project(folder)), language=language_for("en"))]
    result = runner.invoke(app, ["pdf", str(folder), "-o", str(tmp_path / "small.pdf"), "--trim", "6x9", "-j", "1"])
    assert result.exit_code == 0, result.output
    assert asked[1] == replace(
        print_options(load_project(folder), PrintChoices(trim="6x9", jobs=1)), language=language_for("en")
    )


def names_imported(path: Path) -> set[str]:
    """Return every name a module imports, at the top or inside a function."""
    nodes = ast.walk(ast.parse(path.read_text(encoding="utf-8")))
    return {alias.name for node in nodes if isinstance(node, ast.Import | ast.ImportFrom) for alias in node.names}


CALLERS = [*sorted((PACKAGE / "cli").glob("*.py")), PACKAGE / "devices" / "sideload.py"]


@pytest.mark.parametrize("path", CALLERS, ids=lambda path: path.name)
def test_no_caller_of_the_build_functions_inspects_their_signatures(path: Path) -> None:
    # `--signature` (sheets folded together) is a binder's word, not inspect's call. The shared options'
    # decorator (options.py's `taking`) reads the signature of the command it decorates, and only that.
    source = path.read_text(encoding="utf-8")
    if path.name == "options.py":
        assert set(re.findall(r"signature\((\w+)", source)) == {"command"}
        return
    assert "inspect" not in names_imported(path) and "signature(" not in source


@pytest.mark.parametrize("path", sorted((PACKAGE / "cli").glob("*.py")), ids=lambda path: path.name)
def test_the_cli_neither_reads_the_book_nor_settles_print_options(path: Path) -> None:
    settling = {"PdfOptions", "parse_trim", "printer_for", "check_running_head", "print_options"}
    assert not names_imported(path) & {"load_book", "load_project", "write_epub", "write_pdf", *settling}
