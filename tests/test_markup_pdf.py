"""Issue 16 in print: a note's text at the foot of the page that calls it, a figure on its page, a warning for a
soft image, in one process and in the parallel chunked layout (its chunk cache too)."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from PIL import Image as Picture
from pypdf import PdfReader
from typer.testing import CliRunner

from ebookgen.build import build_pdf
from ebookgen.cli.app import app
from ebookgen.model import Book, Metadata
from ebookgen.pdf import weasy
from ebookgen.pdf.options import PdfOptions, page_style
from ebookgen.pdf.printbook import book_html, page_css, printed_chapters

from .conftest import SHARED, requires_shared
from .rawtext import normalise_text

pytestmark = pytest.mark.slow

PROSE = "The mill stood where the river bent, and the miller kept it as his father had kept it before him. "
NOTE = "The letter came from Oslo by the winter post."


def manuscript(folder: Path, image: tuple[int, int] = (2400, 1600)) -> Path:
    """Write a two-chapter Markdown story whose first chapter calls a note on its second page, and a figure."""
    Picture.new("RGB", image, (120, 140, 90)).save(folder / "map.png")
    opening = "\n\n".join(PROSE * 4 for _ in range(9))
    text = (
        f"# The Letter\n\n{opening}\n\nQuillfeather opened the letter[^oslo] at last.\n\n{PROSE * 3}\n\n"
        '![A map of the valley](map.png "The valley in 1805")\n\n'
        f"# The Thaw\n\nIt thawed[^april].\n\n[^oslo]: {NOTE}\n\n[^april]: In April, late.\n"
    )
    path = folder / "story.md"
    path.write_text(text, encoding="utf-8")
    return path


def lines_with_heights(page) -> list[tuple[str, float]]:
    """Return the page's text runs with the height each sits at (from the page's foot)."""
    found: list[tuple[str, float]] = []

    def visit(text, matrix, text_matrix, *_):
        if text.strip():
            found.append((text, matrix[5] + text_matrix[5] * matrix[3]))

    page.extract_text(visitor_text=visit)
    return found


def height_of(runs: list[tuple[str, float]], words: str) -> float:
    """Return the height of the run holding the words."""
    return next(height for text, height in runs if words in text)


def assert_note_at_the_foot_of_its_call(pdf: Path) -> None:
    """The note's text is on the page of its call, below the text, and the figure is printed."""
    pages = PdfReader(pdf).pages
    texts = [page.extract_text() or "" for page in pages]
    calling = next(index for index, text in enumerate(texts) if "Quillfeather" in text)
    assert "came from Oslo" in texts[calling], "the note's text is not on the page of its call"
    assert sum("came from Oslo" in text for text in texts) == 1
    runs = lines_with_heights(pages[calling])
    assert height_of(runs, "came from Oslo") < height_of(runs, "Quillfeather")
    assert height_of(runs, "came from Oslo") < min(height for text, height in runs if "mill stood" in text)
    thaw = next(index for index, text in enumerate(texts) if "It thawed" in text)
    assert "In April, late." in texts[thaw]
    with pikepdf.open(pdf) as document:
        figure = next(index for index, text in enumerate(texts) if "The valley in 1805" in text)
        assert len(document.pages[figure].get_images()) == 1


def test_a_note_prints_at_the_foot_of_the_page_that_calls_it(tmp_path: Path) -> None:
    result = build_pdf(manuscript(tmp_path), tmp_path / "single.pdf", PdfOptions(jobs=1))
    assert_note_at_the_foot_of_its_call(result.path)
    assert not any("dpi" in note for note in result.notes)


def test_notes_and_figures_survive_the_parallel_layout_and_its_cache(tmp_path: Path) -> None:
    source = manuscript(tmp_path)
    first = build_pdf(source, tmp_path / "parallel.pdf", PdfOptions(jobs=2))
    again = build_pdf(source, tmp_path / "again.pdf", PdfOptions(jobs=2))
    for result in (first, again):
        assert_note_at_the_foot_of_its_call(result.path)
    texts = [[page.extract_text() for page in PdfReader(result.path).pages] for result in (first, again)]
    assert texts[0] == texts[1]


def test_a_soft_image_is_a_warning_naming_it_and_its_dpi(tmp_path: Path) -> None:
    source = manuscript(tmp_path, image=(600, 400))
    result = CliRunner().invoke(app, ["pdf", str(source), "-o", str(tmp_path / "soft.pdf")])
    assert result.exit_code == 0, result.output
    assert "ebookgen: warning: figure map.png prints at " in result.output
    assert "dpi, under the 300 dpi" in result.output


@requires_shared
def test_a_note_stays_on_its_calls_page_when_the_next_paragraph_breaks_the_page(tmp_path: Path) -> None:
    # War and Peace, book one, chapters I-III, set with the gutter of the whole 950-page book: WeasyPrint 70
    # moved the Petersbourg note a page on to fit a line that then broke the page anyway (weasy.footnotes_kept).
    lines = (SHARED / "corpus" / "pg2600.txt").read_text(encoding="utf-8").split("\n")[804:1500]
    book = Book(Metadata("War and Peace"), tuple(normalise_text("\n".join(lines) + "\n")))
    style = page_style(PdfOptions(), 950)
    document = weasy.lay_out(book_html(book, printed_chapters(book), 2030), page_css(book, style))
    path = tmp_path / "excerpt.pdf"
    weasy.write(document, path)
    texts = [page.extract_text() or "" for page in PdfReader(path).pages]
    calling = next(index for index, text in enumerate(texts) if "Petersbourg," in text)
    assert "most fascinating woman" in texts[calling]
