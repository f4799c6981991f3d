"""A title and byline at the top of a story, in any language and in a web page: the book's title and author,
taken off the text and listed by check, never a stray first chapter (issue 27 class 4)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ebookgen.cli.app import app
from ebookgen.languages import language_files
from ebookgen.model.bylines import byline_name
from ebookgen.readers.table import read_source

from .conftest import epubcheck_later
from .readergolden import book_text

runner = CliRunner()
STORY = "Der Regen fiel seit dem Morgen. Mia stand am Fenster und sah hinaus.\n\nSie nickte nur.\n"


def written(tmp_path: Path, name: str, text: str) -> Path:
    """Write a manuscript file."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("title", "byline", "author"),
    [
        ("Kirschblüten im Regen", "von Lena Brandt", "Lena Brandt"),
        ("La Gare du Nord", "par Claire Dubois", "Claire Dubois"),
        ("El último tren", "por Ana García", "Ana García"),
        ("De laatste trein", "door Pieter de Vries", "Pieter de Vries"),
        ("Последний поезд", "автор: Иван Петров", "Иван Петров"),
        ("最後の列車", "山田太郎 著", "山田太郎"),
        ("The Last Train", "*by inkwell_writes*", "inkwell_writes"),
    ],
)
def test_a_title_and_byline_in_any_language_are_the_books_title_and_author(
    tmp_path: Path, title: str, byline: str, author: str
) -> None:
    path = written(tmp_path, "story.txt", f"{title}\n\n{byline}\n\n\n{STORY}")
    found = read_source(path).metadata
    assert (found.title, found.author) == (title, author)
    result = runner.invoke(app, ["check", str(path)])
    assert f'title "{title}"' in result.output and f'authors "{author}"' in result.output
    assert f"{path}:1: removed: a title block" in result.output  # check names what went, and why


def test_the_title_block_is_neither_a_chapter_nor_text_in_the_book(tmp_path: Path) -> None:
    path = written(tmp_path, "story.txt", f"Kirschblüten im Regen\n\nvon Lena Brandt\n\n\n{STORY}")
    epub = tmp_path / "book.epub"
    result = runner.invoke(app, ["epub", str(path), "-o", str(epub)])
    assert result.exit_code == 0, result.output
    pages = re.sub(r"<head>.*?</head>", "", book_text(epub), flags=re.S)
    assert "Lena Brandt" not in pages and "Der Regen fiel" in pages
    assert not re.search(r"<p[^>]*>[^<]*Kirschblüten", pages)  # the title is no paragraph (nor a second chapter)
    assert "1 chapter" in result.output
    epubcheck_later(epub)


def test_a_web_pages_heading_and_byline_are_its_title_and_author(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Saved page</title></head><body><h1>The Lighthouse Keeper</h1><p>by Mara Quinn</p>"
        "<p>The lamp was lit at dusk, as it had been for forty years.</p><p>Nobody came.</p></body></html>"
    )
    path = written(tmp_path, "keeper.html", page)
    found = read_source(path).metadata
    assert (found.title, found.author) == ("The Lighthouse Keeper", "Mara Quinn")
    epub = tmp_path / "keeper.epub"
    result = runner.invoke(app, ["epub", str(path), "-o", str(epub)])
    assert result.exit_code == 0, result.output
    pages = re.sub(r"<head>.*?</head>", "", book_text(epub), flags=re.S)
    assert "by Mara Quinn" not in pages and "The lamp was lit" in book_text(epub)


def test_a_byline_matching_the_authors_option_is_dropped_in_german_too(tmp_path: Path) -> None:
    path = written(tmp_path, "story.txt", f"Kirschblüten im Regen\n\nvon Lena Brandt\n\n\n{STORY}")
    epub = tmp_path / "book.epub"
    options = ["--title", "Kirschblüten im Regen", "--author", "Lena Brandt"]
    result = runner.invoke(app, ["epub", str(path), "-o", str(epub), *options])
    assert result.exit_code == 0, result.output
    pages = re.sub(r"<head>.*?</head>", "", book_text(epub), flags=re.S)
    assert "von Lena Brandt" not in pages and "Der Regen fiel" in pages


@pytest.mark.parametrize(
    "text",
    [
        "Chapter One\n\nBy Dawn\n\nThe ship sailed.\n",
        "Rain\n\nBy Monday the river had risen.\n\nNobody left.\n",
        "The harbour was quiet at six.\n\nby the river\n\nNobody left.\n",
    ],
)
def test_a_first_line_and_a_sentence_starting_with_by_are_no_title_block(tmp_path: Path, text: str) -> None:
    found = read_source(written(tmp_path, "story.txt", text)).metadata
    assert found.author == ""


BYLINES = {code: language.words.by_author for code, language in language_files().items()}


@pytest.mark.parametrize("code", sorted(code for code, byline in BYLINES.items() if byline != "{author}"))
def test_every_language_files_byline_is_read(code: str) -> None:
    template = BYLINES[code]
    assert byline_name(template.format(author="Ada Lovelace")) == "Ada Lovelace"


def test_a_title_and_byline_naming_another_book_are_kept_and_check_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "book"
    folder.mkdir()
    (folder / "book.toml").write_text('title = "Spring Rain"\nauthor = "L. B."\n', encoding="utf-8")
    written(folder, "story.txt", f"Kirschblüten im Regen\n\nvon Lena Brandt\n\n\n{STORY}")
    result = runner.invoke(app, ["check", str(folder)])
    line = next(line for line in result.output.splitlines() if "reads as a byline" in line)
    assert (
        line.startswith(f"{folder / 'story.txt'}:3: warning: 'von Lena Brandt'") and "kept as the story's text" in line
    )
