"""The print PDF: trim size, embedded book font, page numbers, italics for the flashback."""

from __future__ import annotations

import pikepdf
import pytest
from pypdf import PdfReader


def fonts_of(pdf: pikepdf.Pdf) -> dict[str, bool]:
    """Return every font used on any page and whether its program is embedded."""
    found: dict[str, bool] = {}
    for page in pdf.pages:
        for font in page.resources.get("/Font", {}).values():
            descendants = font.get("/DescendantFonts")
            target = descendants[0] if descendants else font
            descriptor = target.get("/FontDescriptor", {})
            embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font.BaseFont)] = embedded
    return found


def test_trim_size_is_5_5_by_8_5_inches(sample_pdf) -> None:
    with pikepdf.open(sample_pdf.path) as pdf:
        for page in pdf.pages:
            box = [float(value) for value in page.mediabox]
            assert box[2] - box[0] == pytest.approx(5.5 * 72, abs=0.5)
            assert box[3] - box[1] == pytest.approx(8.5 * 72, abs=0.5)


def test_only_the_book_face_embedded_and_subset(sample_pdf) -> None:
    with pikepdf.open(sample_pdf.path) as pdf:
        fonts = fonts_of(pdf)
    assert fonts and all(fonts.values()), fonts
    names = {name.split("+", 1)[-1].lstrip("/") for name in fonts}
    assert all(name.startswith("EB-Garamond") for name in names), names
    assert any("Italic" in name for name in names), "the flashback should be set in italic"
    assert all("+" in name for name in fonts), "fonts should be subset"


def test_page_count_and_folios(sample_pdf) -> None:
    reader = PdfReader(sample_pdf.path)
    assert sample_pdf.pages == len(reader.pages) >= 6
    # The half-title is recto 1, its back is blank, the story opens on a recto numbered 1.
    assert "Tell Me Something" in reader.pages[0].extract_text()
    assert reader.pages[1].extract_text().strip() == ""
    first = sample_pdf.anchors["chapter-1"]
    assert first % 2 == 1
    opener = reader.pages[first - 1].extract_text()
    assert "It hurts" in opener.replace("IT HURTS", "It hurts") or "t hurts" in opener
    folios = [page.extract_text().strip().splitlines()[-1].strip() for page in reader.pages[first - 1 :]]
    assert folios == [str(number) for number in range(1, len(folios) + 1)]
    assert sample_pdf.folios[first - 1 :] == folios


def test_text_is_curled_and_markers_gone(sample_pdf) -> None:
    reader = PdfReader(sample_pdf.path)
    text = "".join(page.extract_text() for page in reader.pages)
    assert "End Flashback" not in text and '"' not in text
    assert "“" in text and "’" in text
