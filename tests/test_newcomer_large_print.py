"""Large print sets the epigraph, block quotes and verse at the body's size, not the classic sheet's 11 pt.

Measured from the PDF: each character's font size as PDFium reports it.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ebookgen.build import PrintChoices, build_pdf

TOML = """title = "Harbour Lights"
author = "Ann Lee"
epigraph = "Every house is a story, and every story a house."
epigraph_source = "Old proverb"
"""
STORY = (
    "Chapter 1\n\n"
    + "She waited for his call by the harbour wall. " * 30
    + "\n\n"
    + "> The letter said only that he would come.\n\n"
    + "He did not come that night. " * 20
    + "\n"
)


def sizes_of(pdf: Path, words: str) -> list[float]:
    """Return the font size of every character of the first run of words found in the PDF."""
    document = pdfium.PdfDocument(pdf)
    try:
        for page in document:
            text = page.get_textpage()
            whole = text.get_text_range()
            start = whole.find(words)
            if start >= 0:
                return [pdfium_c.FPDFText_GetFontSize(text.raw, start + index) for index in range(len(words))]
    finally:
        document.close()
    raise AssertionError(f"{words!r} is not in {pdf}")


def test_the_large_print_epigraph_and_quotes_are_set_at_the_body_size(tmp_path: Path) -> None:
    folder = tmp_path / "book"
    folder.mkdir()
    (folder / "book.toml").write_text(TOML, encoding="utf-8")
    (folder / "story.md").write_text(STORY, encoding="utf-8")
    pdf = build_pdf(folder, tmp_path / "large.pdf", PrintChoices(jobs=1, cache=False, font_size=17)).path
    body = max(sizes_of(pdf, "by the harbour wall"))
    assert body >= 16.5
    for words in ("Every house", "Old proverb", "The letter said"):
        assert min(sizes_of(pdf, words)) >= body * 0.95, words
