"""The print edition's front pages in every theme: the copyright page's text at the page's foot, the title page
centred and on one page even with a subtitle, a series, a translator and a publisher (large print spilled the
publisher onto a page of its own, with a blank after it)."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from ebookgen.build import PrintChoices, build_pdf
from ebookgen.themes import THEMES

TOML = """title = "Tell Me Something"
subtitle = "A Summer Story in Stars Hollow"
author = "Anonymous Writer"
language = "en"
series = "The Hollow Nights"
series_index = 2
publisher = "Stars Hollow Press"
contributors = [{ name = "Louise Maude and Aylmer Maude", role = "translator" }]
rights = "Copyright 2026 Anonymous. All rights reserved."
"""
STORY = "Chapter 1\n\n" + "\n\n".join(f"It was night, and the phone rang for the {n}th time." for n in range(40)) + "\n"
INCH = 72.0


def page_lines(pdf: pdfium.PdfDocument, index: int) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Return the text lines pdfium finds on a page, each with its (left, bottom, right, top) box."""
    text = pdf[index].get_textpage()
    rects = [text.get_rect(i) for i in range(text.count_rects())]
    return [(text.get_text_bounded(*rect).strip(), rect) for rect in rects]


@pytest.fixture(scope="module", params=sorted(THEMES))
def front(request, tmp_path_factory) -> pdfium.PdfDocument:
    """Build a short book with every title-page line, in one theme."""
    folder = tmp_path_factory.mktemp(request.param)
    (folder / "book").mkdir()
    (folder / "book" / "book.toml").write_text(TOML, encoding="utf-8")
    (folder / "book" / "story.txt").write_text(STORY, encoding="utf-8")
    built = build_pdf(folder / "book", folder / "book.pdf", PrintChoices(jobs=1, theme=request.param))
    return pdfium.PdfDocument(built.path)


def test_title_page_holds_every_line_centred_and_the_copyright_page_follows(front) -> None:
    title = page_lines(front, 2)
    texts = [line for line, _ in title]
    assert "Stars Hollow Press" in texts and any("Anonymous Writer" in line.title() for line in texts)
    centres = [(box[0] + box[2]) / 2 for _, box in title]
    assert max(centres) - min(centres) < 2.0, title  # every line centred on one axis, author and credit too
    assert any("Copyright" in line for line, _ in page_lines(front, 3))  # no spilled publisher, no extra blank


def test_publisher_stands_at_the_title_page_foot(front) -> None:
    boxes = {line: box for line, box in page_lines(front, 2)}
    lowest = min(box[1] for box in boxes.values())
    assert boxes["Stars Hollow Press"][1] == lowest < 1.2 * INCH


def test_copyright_text_sits_at_the_page_foot(front) -> None:
    lines = page_lines(front, 3)
    assert any("Copyright" in line for line, _ in lines)
    assert min(box[1] for _, box in lines) < 1.2 * INCH  # it ended some 4 in above the foot
