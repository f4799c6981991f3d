"""A Chinese or Japanese print edition sets its quotes, ellipsis and dash a full ideograph wide, from its CJK face.

EB Garamond has `“ ” ‘ ’ … —` too, at a Latin width: between ideographs they stood cramped, the ellipsis low on
the baseline. The widths are read from the PDF's character boxes (pypdfium2).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ebookgen.build import build_pdf
from ebookgen.pdf.fonts import CJK_PUNCTUATION, fallback_css
from ebookgen.resources import faces

pytestmark = pytest.mark.skipif(
    faces.find_file("NotoSerifCJK-Regular.ttc") is None,
    reason="Noto Serif CJK is not installed (Debian's fonts-noto-cjk, or make fonts)",
)
BODY_SIZE = 11  # points: the classic theme's text size


def mark_widths(pdf: Path, marks: str) -> dict[str, float]:
    """Return the width, in points, of the first of each mark on the PDF's pages."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    widths: dict[str, float] = {}
    try:
        for page in document:
            text = page.get_textpage()
            for index in range(text.count_chars()):
                char = text.get_text_range(index, 1)
                if char in marks and char not in widths:
                    left, _, right, _ = text.get_charbox(index, loose=True)
                    widths[char] = right - left
    finally:
        document.close()
    return widths


@pytest.mark.slow  # a CJK face is cut down to the book's characters: some seconds
@pytest.mark.parametrize(
    "language, story, marks",
    [
        ("zh", "第一章\n\n他说：\"你好。我叫'春子'。\"她笑了...然后--走了。\n", "\u201c\u201d\u2026\u2014"),
        ("ja", "第1章\n\n彼は言った。待って...そして--行った。\n", "\u2026\u2014"),  # its quotes are 「」 and 『』
    ],
)
def test_cjk_marks_stand_a_full_ideograph_wide(tmp_path: Path, language: str, story: str, marks: str) -> None:
    """In a Chinese or Japanese book the quotes, ellipsis and dash are set from the CJK face, one em wide."""
    (tmp_path / "book.toml").write_text(f'title = "春"\nlanguage = "{language}"\n', encoding="utf-8")
    (tmp_path / "story.txt").write_text(story, encoding="utf-8")
    result = build_pdf(tmp_path, tmp_path / "book.pdf")
    widths = mark_widths(result.path, marks)
    assert set(widths) == set(marks), widths
    assert all(width >= 0.9 * BODY_SIZE for width in widths.values()), widths


def test_a_latin_book_keeps_its_own_marks() -> None:
    """An English book's quotes stay EB Garamond's: no CJK punctuation face is declared for it."""
    assert "CJK punctuation" not in fallback_css("“Hello,” she said… 你好", "en")
    assert "CJK punctuation" in fallback_css("“你好”", "zh")
    assert CJK_PUNCTUATION >= {ord("\u201c"), ord("\u2026")}
