"""`ebookgen cover`: the wrap's size from the page count against KDP's formula, spine text, the wrap, its preflight."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from typer.testing import CliRunner

from ebookgen.cli.app import app
from ebookgen.cover.geometry import wrap_for
from ebookgen.cover.make import CoverChoices, cover_failures, make_cover
from ebookgen.errors import ConfigError
from ebookgen.impose.numbered import numbered_pdf
from ebookgen.pdf.printers import PRINTERS

from .sheettext import printed_numbers

KDP = PRINTERS["kdp"]
SIX_BY_NINE = (6 * 72.0, 9 * 72.0)


@pytest.mark.parametrize("pages", [24, 80, 500])
@pytest.mark.parametrize(("paper", "per_page"), [("white", 0.002252), ("cream", 0.0025)])
def test_the_wrap_is_kdp_s_formula(pages: int, paper: str, per_page: float) -> None:
    wrap = wrap_for(KDP, (6.0, 9.0), pages, paper)
    assert wrap.spine == pytest.approx(pages * per_page, abs=1e-4)
    assert wrap.width == pytest.approx(0.125 + 6 + pages * per_page + 6 + 0.125, abs=1e-4)
    assert wrap.height == pytest.approx(9.25)
    assert wrap.front.x == pytest.approx(0.125 + 6 + wrap.spine, abs=1e-4)


def test_spine_text_from_80_pages_on_kdp_and_48_on_ingramspark() -> None:
    assert not wrap_for(KDP, (6.0, 9.0), 79).spine_text and wrap_for(KDP, (6.0, 9.0), 80).spine_text
    ingram = PRINTERS["ingram"]
    assert not wrap_for(ingram, (6.0, 9.0), 47).spine_text and wrap_for(ingram, (6.0, 9.0), 48).spine_text


def test_the_barcode_area_sits_lower_right_on_the_back_inside_the_trim() -> None:
    wrap = wrap_for(KDP, (6.0, 9.0), 200)
    barcode, back = wrap.barcode, wrap.back
    assert (barcode.width, barcode.height) == (2.0, 1.2)
    assert back.x + back.width / 2 < barcode.x and barcode.x + barcode.width < back.x + back.width
    assert back.y < barcode.y < back.y + back.height / 2


def test_a_paper_or_profile_without_covers_is_refused_naming_the_choices() -> None:
    with pytest.raises(ConfigError, match="white or cream"):
        wrap_for(KDP, (6.0, 9.0), 100, "glossy")
    with pytest.raises(ConfigError, match="--profile kdp, ingram or hardcover"):
        wrap_for(PRINTERS["print"], (6.0, 9.0), 100)


@pytest.mark.parametrize("pages", [100, 500])
def test_a_hardcover_wrap_has_turn_ins_and_hinges_around_the_spine(pages: int) -> None:
    hardcover = PRINTERS["hardcover"]
    wrap = wrap_for(hardcover, (6.0, 9.0), pages, "white")
    spine = pages * 0.002252
    assert wrap.spine == pytest.approx(spine, abs=1e-4)
    # turn-in + back + hinge + spine + hinge + front + turn-in across; turn-in + trim + turn-in down
    assert wrap.width == pytest.approx(2 * 0.591 + 2 * 6.0 + 2 * 0.197 + spine, abs=1e-4)
    assert wrap.height == pytest.approx(2 * 0.591 + 9.0, abs=1e-4)
    assert wrap.back.x == pytest.approx(0.591) and wrap.back.y == pytest.approx(0.591)
    assert wrap.spine_box.x == pytest.approx(0.591 + 6.0 + 0.197)
    assert wrap.front.x == pytest.approx(wrap.spine_box.x + wrap.spine + 0.197)
    assert wrap.front.x + wrap.front.width + 0.591 == pytest.approx(wrap.width)
    assert wrap.spine_text  # 100 and 500 pages are over KDP's 79


def project(folder: Path, description: str = "A keeper finds a letter in the sand.") -> Path:
    """Write a small manuscript folder with a blurb."""
    folder.mkdir()
    toml = f'title = "The Harbour"\nauthor = "Ann Lee"\ndescription = "{description}"\n'
    (folder / "book.toml").write_text(toml, encoding="utf-8")
    (folder / "01.txt").write_text("Chapter 1\n\nThe sea was grey.\n", encoding="utf-8")
    return folder


def words(path: Path) -> str:
    """Return the text of a one-page PDF, as pdfium reads it."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return document[0].get_textpage().get_text_range()
    finally:
        document.close()


@pytest.mark.parametrize(("pages", "spine_text"), [(79, False), (80, True)])
def test_the_wrap_carries_blurb_front_and_spine_text_only_from_the_limit(
    tmp_path: Path, pages: int, spine_text: bool
) -> None:
    interior = numbered_pdf(tmp_path / "interior.pdf", pages, SIX_BY_NINE)
    result = make_cover(project(tmp_path / "book"), tmp_path / "cover.pdf", CoverChoices(interior, "kdp", "white"))
    with pikepdf.open(result.path) as pdf:
        width, height = (float(v) / 72 for v in pdf.pages[0].mediabox[2:])
        trim = [float(v) / 72 for v in pdf.pages[0].trimbox]
    assert width == pytest.approx(12.25 + pages * 0.002252, abs=0.002) and height == pytest.approx(9.25, abs=0.002)
    assert trim[:2] == pytest.approx([0.125, 0.125], abs=0.002)
    text = words(result.path)
    assert "A keeper finds a letter in the sand." in " ".join(text.split())
    assert text.count("The Harbour") == (2 if spine_text else 1)  # the front, and the spine when allowed
    assert any("spine text" in note for note in result.notes) != spine_text


def test_the_template_draws_the_geometry_as_pdf_and_png(tmp_path: Path) -> None:
    interior = numbered_pdf(tmp_path / "interior.pdf", 120, SIX_BY_NINE)
    choices = CoverChoices(interior, "kdp", "cream", template=True)
    result = make_cover(project(tmp_path / "book"), tmp_path / "cover.pdf", choices)
    pdf_path, png_path = result.template
    assert "barcode 2 x 1.2 in" in words(pdf_path) and "spine 0.300 in" in words(pdf_path)
    from PIL import Image

    with Image.open(png_path) as image:
        assert image.size == pytest.approx((result.wrap.width * 150, result.wrap.height * 150), abs=1)


def test_check_a_cover_against_its_interior(tmp_path: Path) -> None:
    interior = numbered_pdf(tmp_path / "interior.pdf", 200, SIX_BY_NINE)
    result = make_cover(project(tmp_path / "book"), tmp_path / "cover.pdf", CoverChoices(interior, "kdp", "cream"))
    assert cover_failures(result.path, interior, "kdp") == []
    assert cover_failures(result.path, interior, "kdp", "cream") == []
    [failure] = cover_failures(result.path, interior, "kdp", "white")
    assert "needs 12.700 x 9.250 in (white, spine 0.450 in)" in failure
    longer = numbered_pdf(tmp_path / "longer.pdf", 240, SIX_BY_NINE)
    runner = CliRunner()
    passed = runner.invoke(app, ["check", str(result.path), "--profile", "kdp", "--interior", str(interior)])
    failed = runner.invoke(app, ["check", str(result.path), "--profile", "kdp", "--interior", str(longer)])
    assert passed.exit_code == 0, passed.output
    assert failed.exit_code == 1 and "a 240-page interior of 6 x 9 in needs" in failed.output
    assert printed_numbers(interior)[0][0].number == 1  # the interior is read, never changed


def test_the_front_is_the_book_s_cover_image_to_the_bleed(tmp_path: Path) -> None:
    from PIL import Image

    folder = project(tmp_path / "book")
    Image.new("RGB", (1600, 2400), (20, 60, 120)).save(folder / "cover.png")
    with (folder / "book.toml").open("a", encoding="utf-8") as toml:
        toml.write('cover = "cover.png"\n')
    interior = numbered_pdf(tmp_path / "interior.pdf", 100, SIX_BY_NINE)
    result = make_cover(folder, tmp_path / "cover.pdf", CoverChoices(interior))
    with pikepdf.open(result.path) as pdf:
        assert len(pdf.pages[0].get_images()) == 1
    assert "The Harbour" in words(result.path)  # on the spine only: the front is the picture
    import subprocess

    subprocess.run(["pdftoppm", "-r", "20", "-png", str(result.path), str(tmp_path / "front")], check=True)
    with Image.open(next(tmp_path.glob("front*.png"))) as page:
        width, height = page.size
        front = page.convert("RGB").getpixel((int(width * 0.8), height // 2))
        back = page.convert("RGB").getpixel((int(width * 0.2), height // 2))
    assert front == pytest.approx((20, 60, 120), abs=8) and back != front


def test_an_ingramspark_wrap_says_its_colours_are_rgb(tmp_path: Path) -> None:
    interior = numbered_pdf(tmp_path / "interior.pdf", 60, SIX_BY_NINE)
    result = make_cover(project(tmp_path / "book"), tmp_path / "cover.pdf", CoverChoices(interior, "ingram", "cream"))
    assert result.wrap.spine == pytest.approx(60 / 400, abs=1e-4) and result.wrap.spine_text  # 48 pages and up
    assert any("CMYK" in note for note in result.notes)


@pytest.mark.slow
def test_a_cover_without_an_interior_lays_one_out_with_the_print_options_given(tmp_path: Path) -> None:
    folder = project(tmp_path / "book")
    result = CliRunner().invoke(app, ["cover", str(folder), "--trim", "6x9", "-j", "1", "-o", str(tmp_path / "c.pdf")])
    assert result.exit_code == 0, result.output
    interior = folder / "dist" / f"{next(folder.glob('dist/*.pdf')).stem}.pdf"
    with pikepdf.open(interior) as pdf:
        pages = len(pdf.pages)
        assert [float(v) / 72 for v in pdf.pages[0].trimbox[2:]] == pytest.approx([6.0, 9.0], abs=0.01)
    with pikepdf.open(tmp_path / "c.pdf") as pdf:
        width = float(pdf.pages[0].mediabox[2]) / 72
    assert width == pytest.approx(2 * 6.0 + pages * 0.002252 + 2 * 0.125, abs=0.002)  # KDP's profile, white paper
