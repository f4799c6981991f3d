"""Print files a printer's preflight accepts: bleed geometry, Ghostscript, page counts, and the preflight itself."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from typer.testing import CliRunner

from ebookgen.cli.app import app
from ebookgen.pdf.options import PdfOptions
from ebookgen.pdf.preflight import preflight
from ebookgen.pdf.printers import NAMED_TRIMS, printer_for
from ebookgen.pdf.trim import parse_trim
from ebookgen.pdf.writer import write_pdf

from .test_pdf_print import make_book

POINTS = 72
BLEED = 0.125 * POINTS


def boxes(page) -> tuple[list[float], list[float], list[float]]:
    """Return a page's MediaBox, TrimBox and BleedBox in points."""
    return tuple([float(value) for value in page.obj[name]] for name in ("/MediaBox", "/TrimBox", "/BleedBox"))


def assert_print_geometry(path: Path, trim: tuple[float, float], bleed: bool) -> None:
    """Every page is the trim; with bleed, 0.125 in on top, bottom and outside, the spine edge flush."""
    with pikepdf.open(path) as pdf:
        sides = set()
        for number, page in enumerate(pdf.pages, start=1):
            media, trimmed, bled = boxes(page)
            assert (trimmed[2] - trimmed[0], trimmed[3] - trimmed[1]) == pytest.approx(
                (trim[0] * POINTS, trim[1] * POINTS), abs=0.05
            )
            assert bled == pytest.approx(media, abs=0.01)  # BleedBox = MediaBox
            edge = BLEED if bleed else 0.0
            recto = number % 2 == 1
            sides.add(recto)
            left, right = (0.0, edge) if recto else (edge, 0.0)  # the spine is a recto's left, a verso's right
            assert trimmed[0] - media[0] == pytest.approx(left, abs=0.01), number
            assert media[2] - trimmed[2] == pytest.approx(right, abs=0.01), number
            assert (trimmed[1] - media[1], media[3] - trimmed[3]) == pytest.approx((edge, edge), abs=0.01)
        assert sides == {True, False}


@pytest.mark.slow
@pytest.mark.parametrize("bleed", [False, True])
@pytest.mark.parametrize("trim", list(NAMED_TRIMS))
def test_box_geometry_of_every_trim(trim: str, bleed: bool, tmp_path: Path) -> None:
    options = PdfOptions(trim=parse_trim(trim), bleed=bleed, jobs=1, profile="kdp")
    result = write_pdf(make_book(2, parts=False), tmp_path / "book.pdf", options)
    assert_print_geometry(result.path, NAMED_TRIMS[trim], bleed)
    if bleed and trim == "6x9":
        with pikepdf.open(result.path) as pdf:
            media = [float(value) for value in pdf.pages[0].mediabox]
        assert (media[2] - media[0], media[3] - media[1]) == pytest.approx((6.125 * POINTS, 9.25 * POINTS), abs=0.05)


@pytest.fixture(scope="module")
def parallel_books(tmp_path_factory) -> dict[str, Path]:
    """A book laid out on the parallel path (jobs=2), with bleed, for KDP and for IngramSpark."""
    folder = tmp_path_factory.mktemp("preflight")
    made = {}
    for profile in ("kdp", "ingram"):
        options = PdfOptions(jobs=2, profile=profile, bleed=True, trim=parse_trim("6x9"), year=2030)
        made[profile] = write_pdf(make_book(8, parts=False), folder / f"{profile}.pdf", options).path
    return made


def joined_blanks(path: Path) -> list[int]:
    """Return the 1-based pages the join added blank."""
    with pikepdf.open(path) as pdf:
        return [number for number, page in enumerate(pdf.pages, start=1) if page.obj.Contents.read_bytes() == b"q Q\n"]


@pytest.mark.slow
def test_the_parallel_book_has_the_print_geometry_blanks_included(parallel_books) -> None:
    assert joined_blanks(parallel_books["kdp"]), "the book is too short to have blank versos from the join"
    assert all(number % 2 == 0 for number in joined_blanks(parallel_books["kdp"]))
    assert_print_geometry(parallel_books["kdp"], (6, 9), bleed=True)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("gs") is None, reason="Ghostscript (gs) is not installed: `make system-deps` as root")
def test_ghostscript_reads_every_page_of_a_parallel_book(parallel_books) -> None:
    for path in parallel_books.values():
        run = subprocess.run(
            ["gs", "-dPDFSTOPONERROR", "-dBATCH", "-dNOPAUSE", "-dQUIET", "-sDEVICE=nullpage", str(path)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert run.returncode == 0 and "error" not in (run.stdout + run.stderr).lower(), run.stdout + run.stderr


@pytest.mark.slow
def test_our_print_files_pass_their_preflight(parallel_books) -> None:
    for profile, path in parallel_books.items():
        result = preflight(path, profile, parse_trim("6x9"))
        assert result.failures == () and result.pages >= printer_for(profile).least_pages


def test_the_page_count_table() -> None:
    kdp, ingram = printer_for("kdp"), printer_for("ingram")
    assert kdp.page_count_note(300) == "" and ingram.page_count_note(1000) == ""
    assert kdp.page_count_note(12).startswith("12 pages: KDP paperbacks take 24 to 828 pages")
    assert kdp.page_count_note(841).startswith("841 pages: KDP paperbacks take 24 to 828 pages")
    assert ingram.page_count_note(1300).startswith("1300 pages: IngramSpark paperbacks take 18 to 1200 pages")
    no_service = (printer_for("print").page_count_note(3), printer_for("screen").page_count_note(3000))
    assert no_service == ("", "")  # no service behind them


@pytest.mark.slow
def test_a_short_story_warns_of_its_page_count_in_one_line(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Chapter 1\n\nIt was night.\n\nChapter 2\n\nIt was day.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["pdf", str(story), "--profile", "kdp", "-o", str(tmp_path / "story.pdf")])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("ebookgen: warning:")]
    assert len(warnings) == 1 and " pages: KDP paperbacks take 24 to 828 pages" in warnings[0]


def made_pdf(path: Path, pages: int = 24, size: tuple[float, float] = (6, 9), x: float = 72, embed: bool = False):
    """Write a PDF another tool might have made: a line of Helvetica on each page, the font not embedded."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(
        pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica)
    )
    for _ in range(pages):
        page = pikepdf.Dictionary(
            Type=pikepdf.Name.Page,
            MediaBox=[0, 0, size[0] * POINTS, size[1] * POINTS],
            Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
            Contents=pdf.make_stream(f"BT /F1 11 Tf {x} 300 Td (Hello) Tj ET".encode()),
        )
        pdf.pages.append(pikepdf.Page(page))
    pdf.save(path)
    return path


def test_fonts_not_embedded_is_one_line(tmp_path: Path) -> None:
    result = preflight(made_pdf(tmp_path / "other.pdf"), "kdp")
    assert result.failures == ("fonts: not embedded: Helvetica (24 pages (first: page 1)); embed every font",)


def test_a_trim_no_service_prints_or_not_the_one_asked_for(tmp_path: Path) -> None:
    (small,) = [line for line in preflight(made_pdf(tmp_path / "a.pdf", size=(3, 5)), "kdp").failures if "trim" in line]
    assert small == "trim: 3 x 5 in is not a KDP trim (4 to 8.5 in wide, 6 to 11.69 in high)"
    asked = preflight(made_pdf(tmp_path / "b.pdf"), "kdp", parse_trim("5x8")).failures
    assert "trim: 6 x 9 in, not the 5 x 8 in asked for" in asked


def test_ink_in_the_gutter_and_the_margin(tmp_path: Path) -> None:
    failures = preflight(made_pdf(tmp_path / "tight.pdf", x=10), "kdp").failures
    assert [line.split(":")[0] for line in failures] == ["fonts", "gutter", "margins"]
    # the text stands 10 pt (0.14 in) from the left edge: a recto's spine, a verso's outside
    assert re.fullmatch(
        r"gutter: ink 0\.1\d in from the spine on 12 pages \(first: page 1\); a 24-page book needs 0.375 in",
        failures[1],
    )
    assert re.fullmatch(
        r"margins: ink 0\.1\d in from the outside edge on 12 pages \(first: page 2\); KDP needs 0.25 in", failures[2]
    )


@pytest.mark.slow
def test_rgb_in_a_grey_ink_file_and_a_missing_pdfx_id(parallel_books, tmp_path: Path) -> None:
    coloured = tmp_path / "coloured.pdf"
    with pikepdf.open(parallel_books["ingram"]) as pdf:
        pdf.pages[4].contents_add(pdf.make_stream(b"1 0 0 rg"), prepend=True)
        pdf.save(coloured)
    assert preflight(coloured, "ingram").failures == (
        "colour: RGB colour on page 5; a black-ink interior takes grey only",
    )
    unmarked = tmp_path / "unmarked.pdf"
    with pikepdf.open(parallel_books["ingram"]) as pdf:
        del pdf.Root.OutputIntents
        if "/GTS_PDFXVersion" in pdf.docinfo:
            del pdf.docinfo["/GTS_PDFXVersion"]
        with pdf.open_metadata() as xmp:
            if "pdfxid:GTS_PDFXVersion" in xmp:
                del xmp["pdfxid:GTS_PDFXVersion"]
        pdf.save(unmarked)
    assert [line.split(":")[0] for line in preflight(unmarked, "ingram").failures] == ["PDF/X", "PDF/X"]


@pytest.mark.slow
def test_bleed_on_the_spine_edge_fails(parallel_books, tmp_path: Path) -> None:
    wide = tmp_path / "wide.pdf"
    with pikepdf.open(parallel_books["kdp"]) as pdf:
        for page in pdf.pages[::2]:  # the rectos bleed on all four sides, as --bleed used to
            page.obj.MediaBox[0] = page.obj.BleedBox[0] = -BLEED
        pdf.save(wide)
    failures = preflight(wide, "kdp").failures
    assert len(failures) == 1 and failures[0].startswith("bleed: ") and "bleed on the spine edge" in failures[0]


@pytest.mark.slow
def test_the_check_command_prints_one_line_per_failure_and_exits_1(parallel_books, tmp_path: Path) -> None:
    good = CliRunner().invoke(app, ["check", str(parallel_books["ingram"]), "--profile", "ingram"])
    assert good.exit_code == 0 and "passes (ingram preflight" in good.output
    bad = CliRunner().invoke(app, ["check", str(parallel_books["kdp"]), "--profile", "ingram"])
    lines = [line for line in bad.output.splitlines() if line.startswith(str(parallel_books["kdp"]) + ": ")]
    assert bad.exit_code == 1 and len(lines) == 4  # RGB, no PDF/X version, no PDF/X output intent, and the summary
    with pikepdf.open(parallel_books["kdp"]) as pdf:
        pages = len(pdf.pages)
    assert lines[-1].endswith(f"3 failures (ingram preflight, {pages} pages, 6 x 9 in)")


def test_the_check_command_refuses_what_is_not_a_pdf(tmp_path: Path) -> None:
    fake = tmp_path / "fake.pdf"
    fake.write_text("not a pdf", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(fake)])
    # exit 8, its own code (issue 31 item 10): not 2, which is a manuscript that cannot be read
    assert result.exit_code == 8 and result.output.count("\n") == 1 and "not a PDF" in result.output
    unknown = CliRunner().invoke(app, ["check", str(made_pdf(tmp_path / "a.pdf")), "--profile", "lulu"])
    assert unknown.exit_code == 3 and "the preflight knows kdp and ingram" in unknown.output
