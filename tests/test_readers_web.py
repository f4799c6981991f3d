"""The web-page readers on files nobody here wrote: a saved AO3 work page, pages misread as furniture (issue 27)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from typer.testing import CliRunner

from ebookgen.cli.app import app
from ebookgen.readers.table import read_source

from .conftest import epubcheck_later
from .fanfiles import ao3_html
from .readergolden import assert_every_word_reaches, book_text
from .webpages import AO3_CHAPTER_TEXTS, ao3_saved_page

runner = CliRunner()


def saved(tmp_path: Path, text: str, name: str = "page.html") -> Path:
    """Write a page to a file, as a browser saves it."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_saved_ao3_work_page_gives_the_works_metadata_not_the_archives(tmp_path: Path) -> None:
    source = read_source(saved(tmp_path, ao3_saved_page()))
    found = source.metadata
    assert source.reader == "saved AO3 work page"
    assert (found.title, found.author) == ("The Ferry at Six", "inkwell_writes")
    assert found.description == "Two strangers, one late ferry."
    assert found.subjects == ("Harbour Lights (TV)", "Mara/Tom", "Mara Quinn", "Tom Hale")
    assert found.rating == "Teen And Up Audiences" and found.warnings == ("No Archive Warnings Apply",)
    assert (found.series, found.series_index) == ("Crossings", "2")
    assert found.source == "https://archiveofourown.org/works/98765" and found.date == "2024-02-01"
    assert found.language == "en"


def test_a_saved_ao3_work_pages_notes_are_authors_notes_and_the_site_is_left_out_and_named(tmp_path: Path) -> None:
    source = read_source(saved(tmp_path, ao3_saved_page()))
    text = source.text
    assert text.startswith("::: note Notes\n\nWritten for the Crossings exchange.\n\n:::\n\n# Chapter 1: The Ferry")
    assert "::: note Chapter Notes\n\nThanks to my beta, rosehip!" in text
    assert "::: note Chapter End Notes\n\nMore soon, I promise." in text
    assert "# Chapter 2: Ashore" in text
    assert text.rstrip().endswith("::: note End Notes\n\nThank you for reading!\n\n:::")
    for furniture in ("Chapter Text", "See the end", "Kudos", "Loved it", "Archive of Our Own", "Fandoms", "Rating"):
        assert furniture not in text
    assert any("saved AO3 work page" in line and "comments" in line for line in source.unmapped)


def test_a_saved_ao3_work_page_builds_a_valid_epub_with_every_word(tmp_path: Path) -> None:
    epub = tmp_path / "ferry.epub"
    result = runner.invoke(app, ["epub", str(saved(tmp_path, ao3_saved_page())), "-o", str(epub)])
    assert result.exit_code == 0, result.output
    assert_every_word_reaches(epub, " ".join(AO3_CHAPTER_TEXTS))
    with zipfile.ZipFile(epub) as archive:
        opf = archive.read("EPUB/content.opf").decode()
    assert "<dc:title>The Ferry at Six</dc:title>" in opf and "inkwell_writes" in opf
    assert "Archive of Our Own beta" not in opf
    assert "Thank you for reading!" in book_text(epub)
    epubcheck_later(epub)


def test_an_ao3_download_without_endnotes_ids_keeps_each_chapters_end_notes(tmp_path: Path) -> None:
    page = ao3_html()
    for number in (1, 2):
        page = page.replace(f'<div class="meta" id="endnotes{number}">', '<div class="meta">')
    assert 'id="endnotes1"' not in page
    text = read_source(saved(tmp_path, page)).text
    assert "::: note Chapter End Notes\n\nMore soon." in text
    assert text.index("More soon.") < text.index("# Chapter 2: Ashore")
    assert "::: note Chapter Notes\n\nThanks to my beta" in text
