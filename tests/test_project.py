"""Manuscript folders: book.toml checked key by key, chapter files in order, init, three-file books."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pikepdf
import pytest
from PIL import Image
from typer.testing import CliRunner

from ebookgen.cli.app import app
from ebookgen.errors import ConfigError, InputError
from ebookgen.pdf.printers import printer_for
from ebookgen.pdf.trim import parse_trim
from ebookgen.project.init import book_toml
from ebookgen.project.manuscript import BOOK_KEYS, load_project

from .conftest import epubcheck_later
from .epubstats import stats_of_epub

runner = CliRunner()


def make_project(folder: Path, toml: str, files: dict[str, str] | None = None) -> Path:
    """Write a manuscript folder with a book.toml and text files."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "book.toml").write_text(toml, encoding="utf-8")
    for name, text in (files or {"01.txt": "Chapter 1\n\nHello.\n"}).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


MISTAKES = [
    ('title = "A"\nauther = "B"\n', 2, "unknown key 'auther'; did you mean 'author'?"),
    ('title = "A"\n\n\nlanguage = 3\n', 4, "'language' must be a string, not an integer"),
    ('author = ["A", 2]\n', 1, "'author' must be a string or list of strings, not a list"),
    ('title = "A"\nsubjects = "Fiction"\n', 2, "'subjects' must be list of strings, not a string"),
    ('title = "A"\nseries_index = true\n', 2, "'series_index' must be an integer or a number or a string"),
    ('quotes = "curly"\n', 1, "'quotes' must be one of auto, double, single, not 'curly'"),
    ('title = "A"\nscene_breaks = "stars"\n', 2, "'scene_breaks' must be one of markers, blank-lines"),
    ('title = "A"\n[series]\nname = "X"\n', 2, "'series' must be a string, not a table"),
    ('title = "A"\ncover = "missing.jpg"\n', 2, "cover image not found"),
    ('title = "A"\ntrim = "huge"\n', 2, "trim 'huge' is not one of"),
    ('title = "A"\nprofile = "lulu"\n', 2, "profile 'lulu' is not one of"),
    ('title = "A"\nchapters = ["01.txt", "02.txt"]\n', 1, "chapter file not found"),
]


@pytest.mark.parametrize(("toml", "line", "message"), MISTAKES, ids=[m[2][:30] for m in MISTAKES])
def test_book_toml_mistakes_name_the_key_and_its_line(tmp_path: Path, toml: str, line: int, message: str) -> None:
    folder = make_project(tmp_path / "novel", toml)
    with pytest.raises(ConfigError) as caught:
        load_project(folder)
    text = str(caught.value)
    assert message in text
    if "chapter file" not in message:
        assert f"book.toml:{line}:" in text


def test_book_toml_mistake_is_one_line_exit_3_on_the_command_line(tmp_path: Path) -> None:
    folder = make_project(tmp_path / "novel", 'title = "A"\nlanguage = ["en"]\n')
    result = runner.invoke(app, ["epub", str(folder), "-o", str(tmp_path / "b.epub")])
    assert result.exit_code == 3
    assert (
        result.stderr.strip() == f"ebookgen: error: {folder / 'book.toml'}:2: 'language' must be a string, not a list"
    )
    assert not (tmp_path / "b.epub").exists()


def test_broken_toml_is_one_line_with_its_line(tmp_path: Path) -> None:
    folder = make_project(tmp_path / "novel", 'title = "A\nauthor = "B"\n')
    result = runner.invoke(app, ["epub", str(folder), "-o", str(tmp_path / "b.epub")])
    assert result.exit_code == 3
    assert "not valid TOML" in result.stderr and "line 1" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_every_key_is_read_into_metadata_and_options(tmp_path: Path) -> None:
    toml = """
title = "The Long Night"
subtitle = "A Novel"
author = ["Ann Lee", "Bo Park"]
language = "en-GB"
date = 2024-03-01
isbn = "978-3-16-148410-0"
description = "Blurb."
subjects = ["Fiction", "Mystery"]
series = "Nights"
series_index = 2
publisher = "Small Press"
rights = "(c) 2024"
cover = "cover.jpg"
dedication = "For M."
epigraph = "Words."
epigraph_source = "Someone"
encoding = "cp1252"
trim = "6x9"
profile = "kdp"
paragraph_style = "blank"
scene_breaks = "blank-lines"
author_notes = "drop"
quotes = "single"
"""
    folder = make_project(tmp_path / "novel", toml)
    Image.new("RGB", (16, 24)).save(folder / "cover.jpg", "JPEG")
    project = load_project(folder)
    meta = project.metadata
    assert meta.title == "The Long Night" and meta.authors == ("Ann Lee", "Bo Park")
    assert meta.identifier == "urn:isbn:9783161484100" and meta.date == "2024-03-01"
    assert meta.series == "Nights" and meta.series_index == "2" and meta.subjects == ("Fiction", "Mystery")
    assert meta.cover == str(folder / "cover.jpg")
    assert (project.encoding, project.trim, project.profile) == ("cp1252", parse_trim("6x9"), printer_for("kdp"))
    options = project.options
    assert (options.paragraph_style, options.blank_runs, options.author_notes, options.quotes) == (
        "blank",
        "break",
        "drop",
        "single",
    )


def test_text_files_are_read_in_natural_name_order(tmp_path: Path) -> None:
    files = {name: f"Text of {name}.\n" for name in ("10-end.txt", "2-middle.md", "1-start.txt")}
    files.update({"README.md": "notes", ".draft.txt": "hidden", "outline.odt": "x"})
    folder = make_project(tmp_path / "novel", 'title = "A"\n', files)
    names = [path.name for path in load_project(folder).sources]
    assert names == ["1-start.txt", "2-middle.md", "10-end.txt"]


def test_chapters_list_orders_files_and_lets_one_chapter_span_listed_files(tmp_path: Path) -> None:
    from ebookgen.build import load_book

    files = {
        "b.txt": "Chapter 1\n\nThe first half of the first chapter.\n",
        "b2.txt": "and its second half, in another file.\n",
        "a.txt": "Chapter 2\n\nThe second chapter.\n",
        "unused.txt": "Chapter 9\n\nNot listed.\n",
    }
    folder = make_project(tmp_path / "novel", 'chapters = [["b.txt", "b2.txt"], "a.txt"]\n', files)
    book = load_book(load_project(folder))
    assert [chapter.title for chapter in book.chapters] == ["Chapter 1", "Chapter 2"]
    assert len(book.chapters[0].blocks) == 2  # Both files' paragraphs are in the first chapter.
    assert "Not listed" not in str(book)


def test_one_file_may_hold_many_chapters_and_files_do_not_merge_chapters(tmp_path: Path) -> None:
    from ebookgen.build import load_book

    files = {"01.txt": "Chapter 1\n\nOne.\n\nChapter 2\n\nTwo.\n", "02.txt": "The third chapter has no heading.\n"}
    book = load_book(load_project(make_project(tmp_path / "novel", 'title = "A"\n', files)))
    assert len(book.chapters) == 3


def test_a_folder_of_three_chapter_files_builds_to_epub_and_pdf(tmp_path: Path) -> None:
    files = {
        "01-arrival.txt": 'Chapter 1\n\n"We\'re here," she said.\n\n* * *\n\nNight fell.\n',
        "02-storm.md": "# Chapter 2\n\nThe *storm* came.\n\n---\n\nThen it went.\n",
        "03-after.txt": "Chapter 3\n\nMorning, and quiet.\n",
    }
    toml = 'title = "Three Files"\nauthor = "Ann Lee"\ntrim = "5x8"\n'
    folder = make_project(tmp_path / "novel", toml, files)
    epub_path, pdf_path = tmp_path / "out" / "three.epub", tmp_path / "out" / "three.pdf"
    result = runner.invoke(app, ["epub", str(folder), "-o", str(epub_path)])
    assert result.exit_code == 0, result.output
    assert "3 chapters" in result.stdout
    with zipfile.ZipFile(epub_path) as archive:
        nav = archive.read("EPUB/nav.xhtml").decode()
    assert "Chapter 3" in nav and stats_of_epub(epub_path).chapters == 3
    epubcheck_later(epub_path)
    result = runner.invoke(app, ["pdf", str(folder), "-o", str(pdf_path)])
    assert result.exit_code == 0, result.output
    with pikepdf.open(pdf_path) as document:
        pages = len(document.pages)
        assert str(document.docinfo["/Title"]) == "Three Files"
        width, height = (float(value) for value in document.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (360, 576)  # book.toml's trim, 5 x 8 inches
    assert f"{pages} pages" in result.stdout and "3 chapters" in result.stdout


def test_init_then_build_works_at_once(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["init", "my-novel", "--author", "Ann Lee"])
    assert result.exit_code == 0, result.output
    folder = tmp_path / "my-novel"
    assert {path.name for path in folder.iterdir()} == {"book.toml", "01-chapter-one.txt", ".gitignore"}
    assert "dist/" in (folder / ".gitignore").read_text(encoding="utf-8")
    result = runner.invoke(app, ["epub", "my-novel"])
    assert result.exit_code == 0, result.output
    built = folder / "dist" / "my-novel.epub"  # Beside the manuscript, where its .gitignore looks.
    epubcheck_later(built)
    with zipfile.ZipFile(built) as archive:
        opf = archive.read("EPUB/content.opf").decode()
    assert "<dc:title>My Novel</dc:title>" in opf and "Ann Lee" in opf
    result = runner.invoke(app, ["pdf", "my-novel"])
    assert result.exit_code == 0, result.output
    with pikepdf.open(folder / "dist" / "my-novel.pdf") as document:
        assert len(document.pages) >= 2


def test_init_comments_every_key_and_each_uncommented_line_is_valid(tmp_path: Path) -> None:
    text = book_toml('She said "hi"', "Ann \\ Lee")
    for key in BOOK_KEYS:
        assert f"{key} = " in text, key
    uncommented = "\n".join(line.lstrip("# ") for line in text.splitlines() if " = " in line)
    folder = make_project(tmp_path / "novel", uncommented, {"01-chapter-one.txt": "Hello.\n"})
    Image.new("RGB", (16, 24)).save(folder / "cover.jpg", "JPEG")
    for name in ("02-part-a.txt", "02-part-b.txt"):
        (folder / name).write_text("More.\n", encoding="utf-8")
    project = load_project(folder)
    assert project.metadata.title == "She said “hi”"  # the quotes survive TOML's escaping, then are typeset
    assert project.metadata.date == dt.date.today().isoformat()


def test_init_refuses_an_existing_project(tmp_path: Path) -> None:
    folder = make_project(tmp_path / "novel", 'title = "Mine"\n')
    result = runner.invoke(app, ["init", str(folder)])
    assert result.exit_code == 4
    assert "already" in result.stderr
    assert (folder / "book.toml").read_text(encoding="utf-8") == 'title = "Mine"\n'


def test_a_folder_without_book_toml_takes_its_title_from_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "the_quiet_year"
    folder.mkdir()
    (folder / "01.txt").write_text("Hello.\n", encoding="utf-8")
    assert load_project(folder).metadata.title == "The Quiet Year"
    with pytest.raises(InputError):
        load_project(tmp_path / "absent")
