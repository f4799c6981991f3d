"""The web-page readers on files nobody here wrote: a saved AO3 work page, pages misread as furniture (issue 27)."""

from __future__ import annotations

import re
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


def story_page(body: str, title: str = "A Story") -> str:
    """A page that is only a story (no site around it), with this body."""
    head = f'<head><meta charset="utf-8"/><title>{title}</title></head>'
    return f'<!DOCTYPE html><html lang="en">{head}<body>{body}</body></html>'


def built(tmp_path: Path, page: str) -> tuple[Path, str]:
    """Build a page into an EPUB; return it and its chapters' text, tags removed."""
    epub = tmp_path / "book.epub"
    result = runner.invoke(app, ["epub", str(saved(tmp_path, page)), "-o", str(epub)])
    assert result.exit_code == 0, result.output
    epubcheck_later(epub)
    return epub, re.sub(r"<[^>]+>", " ", book_text(epub))


ROTA = ("Monday", "Harbour watch at six bells", "Tuesday", "Nets mended before the noon tide")


def test_a_figure_holding_a_table_keeps_every_word_and_its_caption(tmp_path: Path) -> None:
    rows = "".join(f"<tr><td>{ROTA[i]}</td><td>{ROTA[i + 1]}</td></tr>" for i in (0, 2))
    page = story_page(
        f"<h1>Rota</h1><p>The rota was pinned up.</p><figure><table>{rows}</table>"
        "<figcaption>The watch rota for spring</figcaption></figure><p>Nobody read it.</p>"
    )
    epub, text = built(tmp_path, page)
    assert_every_word_reaches(
        epub, " ".join(("The rota was pinned up.", *ROTA, "The watch rota for spring", "Nobody read it."))
    )


def test_a_script_inside_a_heading_is_neither_the_title_nor_printed(tmp_path: Path) -> None:
    page = story_page(
        '<h1>The Keeper<script>document.write("Ad banner")</script></h1><p>The lamp was lit at dusk.</p>'
        "<h2>Two<style>h2 { color: red }</style></h2><p>Dawn came.</p>",
        title="",
    )
    source = read_source(saved(tmp_path, page))
    assert source.metadata.title == "The Keeper"
    assert "document.write" not in source.text and "color" not in source.text
    _, text = built(tmp_path, page)
    assert "document.write" not in text and "Ad banner" not in text and "The Keeper" in text


def test_a_block_quote_in_a_list_item_or_a_note_is_kept_as_a_quote_never_printed_as_marks(tmp_path: Path) -> None:
    page = story_page(
        '<h1>One</h1><p>She read the list aloud.<a href="#n1" id="r1">1</a></p>'
        "<ol><li><p>Bread from the mill.</p><blockquote><p>Only the brown loaf.</p></blockquote></li>"
        "<li>Lamp oil.</li></ol><p>Then they went out.</p>"
        '<ol class="notes"><li id="n1"><p>Her mother wrote it.</p><blockquote><p>Do not forget.</p></blockquote>'
        '<a href="#r1">\u21a9</a></li></ol>'
    )
    epub, text = built(tmp_path, page)
    assert_every_word_reaches(epub, "She read the list aloud. Bread from the mill. Only the brown loaf. Lamp oil.")
    pages = book_text(epub)
    assert "&gt;" not in pages and "> Only" not in text
    assert re.search(r"<blockquote>\s*<p>Only the brown loaf.</p>", pages)
    assert re.search(
        r"<aside[^>]*footnote[^>]*>.*Her mother wrote it.*<blockquote>\s*<p>Do not forget.</p>", pages, re.S
    )
    assert re.search(r'<ol start="2">\s*<li>Lamp oil.</li>', pages)  # the list goes on from its number


LINED_PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"/><title>The Keeper</title></head>
<body>
<h1>The Keeper</h1>
<p>The lamp was lit at dusk.</p>
<p>He said, "It will hold until morning.</p>
<p>
  Nobody answered him.
</p>
<p><img src="https://example.org/far.png" alt="The far lamp"></p>
<p>The end.</p>
</body>
</html>
"""


def test_check_names_a_web_pages_own_line_for_each_finding(tmp_path: Path) -> None:
    path = saved(tmp_path, LINED_PAGE, "keeper.html")
    result = runner.invoke(app, ["check", str(path)])
    assert f"{path}:7: error: a double quote opened in this paragraph is never closed" in result.output
    assert "(line 11)" in next(line for line in result.output.splitlines() if "The far lamp" in line)
    assert "line numbers are the file's own lines" in result.output
    numbers = [int(found) for found in re.findall(rf"{re.escape(str(path))}:(\d+):", result.output)]
    assert numbers and max(numbers) <= LINED_PAGE.count("\n")  # never a line past the file's end


def test_check_names_the_pages_own_line_after_readability_took_its_main_text(tmp_path: Path) -> None:
    furniture = "".join(f"<li><a href='/{n}'>Link {n}</a></li>\n" for n in range(30))
    prose = "".join(
        f"<p>Paragraph {n} of the story goes on for a while, long enough to be the main text of the page.</p>\n"
        for n in range(12)
    )
    page = (
        f"<html><head><title>T</title></head><body>\n<nav class='menu'><ul>\n{furniture}</ul></nav>\n"
        f'<article>\n<h1>The Keeper</h1>\n{prose}<p>He said, "It will hold.</p>\n</article>\n</body></html>\n'
    )
    path = saved(tmp_path, page, "site.html")
    line = page.split("\n").index('<p>He said, "It will hold.</p>') + 1
    result = runner.invoke(app, ["check", str(path)])
    assert f"{path}:{line}: error: a double quote opened in this paragraph is never closed" in result.output


def test_a_markdown_quotation_under_a_list_item_is_a_quotation_never_printed_marks(tmp_path: Path) -> None:
    path = saved(tmp_path, "# One\n\n- Bread from the mill.\n\n  > Only the brown loaf.\n\n- Lamp oil.\n", "list.md")
    epub = tmp_path / "list.epub"
    result = runner.invoke(app, ["epub", str(path), "-o", str(epub)])
    assert result.exit_code == 0, result.output
    pages = book_text(epub)
    assert "&gt;" not in pages and re.search(r"<blockquote>\s*<p>Only the brown loaf.</p>", pages)
    assert "Bread from the mill." in pages and "Lamp oil." in pages
    epubcheck_later(epub)


def test_check_on_a_saved_ao3_page_names_its_own_lines_and_no_fence_of_the_outline(tmp_path: Path) -> None:
    page = ao3_saved_page().replace("><", ">\n<").replace("The ferry left at six.", '"The ferry left at six.')
    path = saved(tmp_path, page, "work.html")
    line = page.split("\n").index('<p>"The ferry left at six.</p>') + 1
    result = runner.invoke(app, ["check", str(path)])
    assert f"{path}:{line}: error: a double quote opened in this paragraph is never closed" in result.output
    assert "line numbers are the file's own lines" in result.output and "a marker line" not in result.output
