"""The measure on PDFs laid out to hold one known fault each (a widow, a loose line, an uneven spread), so that
a measure that stops seeing them fails; WeasyPrint lays them out in a monospaced face, whose widths are known."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ebookgen.pdf.measure import measure

pytestmark = [
    pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) reads the word boxes"),
    pytest.mark.skipif(not shutil.which("fc-list"), reason="fontconfig finds the monospaced face"),
]

# 13 lines of 20 px on a page; 59 monospaced characters a line; a chapter title takes two lines.
PAGE = """<html lang="en"><style>
@page { size: 400px 300px; margin: 20px }
body { font-family: "DejaVu Sans Mono"; font-size: 10px; line-height: 20px; margin: 0 }
h1 { font-size: 20px; line-height: 40px; margin: 0; font-weight: normal }
p { margin: 0; text-align: justify; hyphens: manual; text-indent: 5ch; widows: %d; orphans: %d }
</style><h1>Chapter</h1>%s</html>"""


def words(count: int, word: str = "abcd") -> str:
    """Write `count` words of the same length."""
    return " ".join([word] * count)


def laid_out(tmp_path: Path, paragraphs: list[str], widows: int = 2) -> Path:
    """Lay paragraphs out under a chapter title and return the PDF."""
    weasyprint = pytest.importorskip("weasyprint")
    target = tmp_path / "book.pdf"
    weasyprint.HTML(string=PAGE % (widows, widows, "".join(paragraphs))).write_pdf(target)
    return target


def test_a_paragraphs_last_line_alone_at_the_top_of_a_page_is_a_widow(tmp_path: Path) -> None:
    # 11 words on the indented first line, 12 on each of the ten after, 3 on the twelfth: page 1 holds the
    # title and eleven lines, so the twelfth falls alone onto page 2 (widows: 1 lets it).
    first = f"<p>{words(11 + 120 + 3)}</p>"
    pdf = laid_out(tmp_path, [first, f"<p>{words(40)}</p>"], widows=1)
    quality = measure(pdf)
    assert quality.widow_pages == (2,) and quality.orphans == 0


def test_the_same_paragraph_kept_two_lines_together_has_no_widow(tmp_path: Path) -> None:
    pdf = laid_out(tmp_path, [f"<p>{words(11 + 120 + 3)}</p>", f"<p>{words(40)}</p>"], widows=2)
    assert measure(pdf).widows == 0


def test_a_line_of_three_short_words_before_a_long_one_is_loose(tmp_path: Path) -> None:
    loose = f"<p>aa bb cc {'x' * 50} and the end of it.</p>"
    body = [f"<p>{words(11 + 24 + 3)}</p>", loose, f"<p>{words(11 + 24 + 3)}</p>"]
    quality = measure(laid_out(tmp_path, body))
    assert quality.loose_lines == 1 and quality.loose_examples[0].endswith("aa bb cc")
    assert quality.median_space == pytest.approx(1.0, abs=0.15)  # the other lines: 12 words, spaces near natural


def test_a_recto_ended_early_under_a_full_verso_is_an_uneven_spread_and_a_short_page(tmp_path: Path) -> None:
    # One-line paragraphs: page 1 holds the title and 11, pages 2 to 5 hold 13; the 34th opens a new page,
    # so page 3 (a recto) ends four lines above page 2 (its verso).
    talk = f"<p>{words(4)}</p>"
    lines = [talk] * 33 + [f'<p style="break-before: page">{words(4)}</p>'] + [talk] * 28
    quality = measure(laid_out(tmp_path, lines))
    assert quality.pages == 6 and quality.spreads == 2
    assert quality.uneven_versos == (2,) and quality.short_page_numbers == (3,)
