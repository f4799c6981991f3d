"""`ebookgen cover`: the front taken from the cover an EPUB source carries; a hardcover's case laminate wrap made."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from PIL import Image
from typer.testing import CliRunner

from ebookgen.cli.app import app
from ebookgen.cover.make import CoverChoices, cover_failures, make_cover
from ebookgen.impose.numbered import numbered_pdf

SIX_BY_NINE = (6 * 72.0, 9 * 72.0)
TOML = 'title = "The Harbour"\nauthor = "Ann Lee"\ndescription = "A keeper finds a letter in the sand."\n'


def images_on(path: Path) -> int:
    """Count the images drawn on a one-page PDF."""
    with pikepdf.open(path) as pdf:
        return len(list(pdf.pages[0].get_images()))


def epub_with_cover(folder: Path) -> Path:
    """Build an EPUB whose own cover is a red picture, with ebookgen itself."""
    folder.mkdir()
    (folder / "book.toml").write_text(TOML + 'cover = "cover.png"\n', encoding="utf-8")
    (folder / "01.txt").write_text("Chapter 1\n\nThe sea was grey.\n", encoding="utf-8")
    Image.new("RGB", (600, 900), (200, 20, 20)).save(folder / "cover.png")
    target = folder.parent / "harbour.epub"
    result = CliRunner().invoke(app, ["epub", str(folder), "-o", str(target)])
    assert result.exit_code == 0, result.output
    return target


def test_the_cover_an_epub_source_carries_is_the_front_when_book_toml_names_none(tmp_path: Path) -> None:
    epub = epub_with_cover(tmp_path / "made")
    interior = numbered_pdf(tmp_path / "interior.pdf", 120, SIX_BY_NINE)
    result = make_cover(epub, tmp_path / "cover.pdf", CoverChoices(interior, "kdp", "white"))  # no book.toml
    assert images_on(result.path) == 1
    with pikepdf.open(result.path) as pdf:
        [image] = pdf.pages[0].get_images().values()
        picture = pikepdf.PdfImage(image).as_pil_image().convert("RGB")
    assert picture.getpixel((picture.width // 2, picture.height // 2)) == pytest.approx((200, 20, 20), abs=3)
    folder = tmp_path / "book"
    folder.mkdir()
    (folder / "book.toml").write_text(TOML, encoding="utf-8")
    (folder / "01.txt").write_text("Chapter 1\n\nThe sea was grey.\n", encoding="utf-8")
    plain = make_cover(folder, tmp_path / "plain.pdf", CoverChoices(interior, "kdp", "white"))
    assert images_on(plain.path) == 0  # no cover anywhere: the typographic front


@pytest.mark.parametrize("pages", [100, 500])
def test_a_hardcover_wrap_is_written_with_its_turn_ins_and_fits_its_interior(tmp_path: Path, pages: int) -> None:
    folder = tmp_path / "book"
    folder.mkdir()
    (folder / "book.toml").write_text(TOML, encoding="utf-8")
    (folder / "01.txt").write_text("Chapter 1\n\nThe sea was grey.\n", encoding="utf-8")
    interior = numbered_pdf(tmp_path / "interior.pdf", pages, SIX_BY_NINE)
    result = make_cover(folder, tmp_path / "cover.pdf", CoverChoices(interior, "hardcover", "white", template=True))
    spine = pages * 0.002252
    with pikepdf.open(result.path) as pdf:
        width, height = (float(v) / 72 for v in pdf.pages[0].mediabox[2:])
        trim = [float(v) / 72 for v in pdf.pages[0].trimbox]
    assert width == pytest.approx(2 * 0.591 + 12.0 + 2 * 0.197 + spine, abs=0.002)
    assert height == pytest.approx(9.0 + 2 * 0.591, abs=0.002)
    assert trim[:2] == pytest.approx([0.591, 0.591], abs=0.002)
    assert cover_failures(result.path, interior, "hardcover", "white") == []
    [failure] = cover_failures(result.path, interior, "kdp", "white")  # a paperback's wrap is smaller
    assert "bleed" in failure
    [failure] = cover_failures(tmp_path / "cover.pdf", numbered_pdf(tmp_path / "x.pdf", pages + 40, SIX_BY_NINE),
                               "hardcover", "white")  # fmt: skip
    assert "turn-in and hinges" in failure and f"a {pages + 40}-page interior" in failure


def test_a_size_failure_reads_as_english_an_80_page_interior() -> None:
    from ebookgen.cover.make import article_for

    assert [article_for(n) for n in (80, 84, 800, 11, 18, 24, 100, 500)] == ["an"] * 5 + ["a"] * 3
