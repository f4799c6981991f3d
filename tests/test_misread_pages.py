"""Story text never removed as the wrong thing: headings in a row, a back-of-book index, a chapter of biographies,
a web page's footnotes (issue 27 class 3)."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from ebookgen.cli.app import app
from ebookgen.readers.table import read_source

from .conftest import epubcheck_later
from .fanfiles import write_epub
from .readergolden import book_text

runner = CliRunner()


def body_text(epub: Path) -> str:
    """Return the words of an EPUB's chapters, heads and tags removed."""
    return re.sub(r"<[^>]+>", " ", re.sub(r"<head>.*?</head>", "", book_text(epub), flags=re.S))


def built(tmp_path: Path, source: Path) -> tuple[str, str]:
    """Build a manuscript into an EPUB; return its chapters' words and check's report."""
    epub = tmp_path / "book.epub"
    result = runner.invoke(app, ["epub", str(source), "-o", str(epub)])
    assert result.exit_code == 0, result.output
    epubcheck_later(epub)
    return body_text(epub), runner.invoke(app, ["check", str(source)]).output


def test_four_headings_in_a_row_that_nothing_repeats_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "fleet.md"
    path.write_text(
        "# The Fleet\n\nThe ship sailed at dawn.\n\n# Orders\n\n# Signals\n\n# Stores\n\n# Watches\n\n"
        "The watch was kept at six bells.\n",
        encoding="utf-8",
    )
    text, report = built(tmp_path, path)
    for heading in ("Orders", "Signals", "Stores", "Watches"):
        assert heading in text
    assert "contents list" not in report


def test_a_contents_list_the_chapters_repeat_is_still_dropped_and_named(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    chapters = "\n\n".join(f"Chapter {n}\n\nIt rained on day {n}." for n in (1, 2, 3))
    path.write_text(f"Chapter 1\n\nChapter 2\n\nChapter 3\n\n{chapters}\n", encoding="utf-8")
    text, report = built(tmp_path, path)
    assert f"{path}:1: removed: a contents list (lines 1-5)" in report
    assert text.count("Chapter 1") == 1 and "It rained on day 3." in text


def test_a_back_of_book_index_is_kept_as_text_not_read_as_contents(tmp_path: Path) -> None:
    chapter = (
        "<html><head><title>One</title></head><body><h1>One</h1><p id='p1'>Whales sang off the point.</p></body></html>"
    )
    entries = "".join(f"<li>{term}, <a href='one.xhtml#p1'>1</a></li>" for term in ("lamp", "oil", "whales"))
    index = f"<html><head><title>Index</title></head><body><h1>Index</h1><ul>{entries}</ul></body></html>"
    epub = write_epub(tmp_path / "in.epub", {"one.xhtml": chapter, "index.xhtml": index}, "Songs", "Mara Quinn", "x")
    text, report = built(tmp_path, epub)
    assert "lamp" in text and "whales" in text
    assert "contents page" not in report


def test_a_chapter_of_biographies_is_neither_a_title_page_nor_an_info_page(tmp_path: Path) -> None:
    story = "<html><head><title>One</title></head><body><h1>One</h1><p>The harbour froze.</p></body></html>"
    bios = (
        "<html><head><title>Contributors</title></head><body><h1>Contributors</h1>"
        "<p>Mara Quinn grew up in a harbour town and wrote The Harbour over one long winter there.</p>"
        "<p>Published: 2019</p><p>Tom Hale drew the maps for every edition of the book since it first came out.</p>"
        "<p>Published: 2021</p><p>Ada Ross set the type by hand.</p><p>She lives inland now.</p></body></html>"
    )
    pages = {"one.xhtml": story, "bios.xhtml": bios}
    epub = write_epub(tmp_path / "bios.epub", pages, "The Harbour", "Mara Quinn", "x")
    assert "grew up in a harbour town" in read_source(epub).text
    text, _ = built(tmp_path, epub)
    assert "drew the maps" in text and "set the type by hand" in text


def test_a_web_pages_footnotes_are_notes_not_navigation(tmp_path: Path) -> None:
    page = (
        "<html><head><title>The Keeper | Tidewrack</title></head><body>"
        "<nav class='menu'><ul><li><a href='/'>Home</a></li><li><a href='/about'>About</a></li></ul></nav>"
        "<article><h1>The Keeper</h1><p>The lamp was lit at dusk, as it had been for forty years, and the keeper "
        "climbed the stair with his oil can.<sup><a href='#fn1' id='fnref1' role='doc-noteref'>1</a></sup> Nobody in "
        "the village had seen him come down in a week, and nobody went up to ask him why.</p><p>On the ninth night "
        "the light went out, and the boats came home by the stars.</p></article>"
        "<section class='footnotes' role='doc-endnotes'><hr/><ol><li id='fn1'><p>Whale oil until 1890, then "
        "paraffin.<a href='#fnref1' role='doc-backlink'>\u21a9</a></p></li></ol></section>"
        "<div class='comments'><p>Great story!</p></div></body></html>"
    )
    path = tmp_path / "keeper.html"
    path.write_text(page, encoding="utf-8")
    assert "[^1]: Whale oil until 1890, then paraffin." in read_source(path).text
    text, _ = built(tmp_path, path)
    assert "Whale oil until 1890" in text and "Great story" not in text
