"""The baseline grid in every theme, on a small dialogue-heavy book: the text under an opener, under a note that
sets the scene and after a scene break sits on the lines of a full text page (openers lost about a line in
modern, half a line in large print); the opening quote before a raised initial hangs in the margin, and the
initial stands clear of the note above it."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from ebookgen.build import PrintChoices, build_pdf
from ebookgen.themes import THEMES

from .spreadtools import dialogue_story, grid_offsets, have_poppler, printed_pages

pytestmark = pytest.mark.skipif(not have_poppler(), reason="needs poppler's pdftotext (Debian poppler-utils)")


@pytest.fixture(scope="module", params=sorted(THEMES))
def book(request, tmp_path_factory) -> tuple[str, Path]:
    """Build a three-chapter dialogue-heavy story, notes and scene breaks in it, in one theme."""
    folder = tmp_path_factory.mktemp(request.param)
    (folder / "story.txt").write_text(dialogue_story(4000), encoding="utf-8")
    (folder / "book.toml").write_text('title = "Nights"\nauthor = "A. Fan"\nlanguage = "en"\n', encoding="utf-8")
    built = build_pdf(folder, folder / "book.pdf", PrintChoices(jobs=1, theme=request.param))
    return request.param, built.path


def test_every_text_line_sits_on_the_grid_of_the_full_pages(book) -> None:
    theme, pdf = book
    pages = printed_pages(pdf)
    openers = [page for page in pages if page.lines and not page.headed and page.lines[0] > 2 * page.lines[-1] / 5]
    assert len(openers) >= 3 and sum(len(page.lines) for page in openers) > 20  # openers with text under them
    assert grid_offsets(pages, THEMES[theme].leading) == []


def chars(page) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Return a page's characters with their (left, bottom, right, top) boxes, in pt from the page's foot."""
    text = page.get_textpage()
    return [(text.get_text_range(index, 1), text.get_charbox(index)) for index in range(text.count_chars())]


def opener_with_note(pdf: Path):
    """Return the characters of the first opener page, which opens with a note setting the scene."""
    document = pdfium.PdfDocument(pdf)
    for index in range(len(document)):
        found = chars(document[index])
        if "(Rory is sitting" in "".join(char for char, _ in found):
            return found
    raise AssertionError("no opener")


def test_the_opening_quote_hangs_and_the_initial_clears_the_note(book) -> None:
    _, pdf = book
    found = opener_with_note(pdf)
    text = "".join(char for char, _ in found)
    quote = text.index("\u201c", text.index("driving.)"))
    mark, initial = found[quote][1], found[quote + 1][1]
    edge = min(box[0] for char, box in found if char.isalpha())  # the text block's left edge
    assert mark[2] <= edge + 0.5 and mark[0] < edge - 3  # the quotation mark out in the margin
    assert abs(initial[0] - edge) < 2.5  # the initial's letter flush with the text
    note_foot = min(box[1] for char, box in found[text.index("driving.)") : quote] if char.strip())
    assert note_foot - initial[3] > 5  # clear of the note's last line (it nearly touched)
