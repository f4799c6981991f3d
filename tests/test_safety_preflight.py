"""Issue 31 item 10: `check BOOK.pdf` on a PDF it cannot read is one line and its own exit code, in bounded time.

Odd page boxes, font and image entries of the wrong kind, thousands of nested forms, odd output intents and
colour spaces each crashed the preflight with "unexpected" exit 1, which is also its "fails the preflight"
code. Each malformed file here is made with pikepdf from a good one; each must give exit 8 (the PDF cannot
be read) or a preflight verdict (0 or 1) with no traceback, and never "unexpected".
"""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from pikepdf import Array, Dictionary, Name, Stream
from typer.testing import CliRunner

from ebookgen.cli.app import app
from ebookgen.errors import EXIT_CODES, PdfUnreadableError

UNREADABLE = PdfUnreadableError.exit_code
runner = CliRunner()


def run_cli(*args: str):
    """Run the command line in this process; the result's returncode and stderr as a subprocess's."""
    result = runner.invoke(app, list(args))
    result.returncode = result.exit_code
    return result


def base_pdf(path: Path, pages: int = 2) -> pikepdf.Pdf:
    """A small PDF of a trade trim with some text, to be damaged by a test."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(
        Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica, Encoding=Name.WinAnsiEncoding)
    )
    for _ in range(pages):
        content = Stream(pdf, b"BT /F1 12 Tf 100 400 Td (Words of the book) Tj ET")
        page = Dictionary(
            Type=Name.Page,
            MediaBox=Array([0, 0, 432, 648]),
            Resources=Dictionary(Font=Dictionary(F1=font)),
            Contents=pdf.make_indirect(content),
        )
        pdf.pages.append(pikepdf.Page(page))
    return pdf


def odd_media_box(pdf: pikepdf.Pdf) -> None:
    pdf.pages[0].obj.MediaBox = Array([0, 0, 432])


def textual_trim_box(pdf: pikepdf.Pdf) -> None:
    pdf.pages[1].obj.TrimBox = Array([pikepdf.String("a"), 0, 432, 648])


def box_of_a_name(pdf: pikepdf.Pdf) -> None:
    pdf.pages[0].obj.BleedBox = Name.Nothing


def font_of_a_number(pdf: pikepdf.Pdf) -> None:
    pdf.pages[0].obj.Resources.Font = 12


def font_entry_of_a_number(pdf: pikepdf.Pdf) -> None:
    pdf.pages[0].obj.Resources.Font.F2 = 7


def empty_descendant_fonts(pdf: pikepdf.Pdf) -> None:
    pdf.pages[0].obj.Resources.Font.F3 = Dictionary(Type=Name.Font, Subtype=Name.Type0, DescendantFonts=Array([]))


def image_of_an_odd_colour_space(pdf: pikepdf.Pdf) -> None:
    image = Stream(pdf, b"\0" * 3, Type=Name.XObject, Subtype=Name.Image, Width=1, Height=1, BitsPerComponent=8)
    image.ColorSpace = Array([Name.ICCBased, 5])
    pdf.pages[0].obj.Resources.XObject = Dictionary(Im1=image)


def indexed_over_itself(pdf: pikepdf.Pdf) -> None:
    space = pdf.make_indirect(Array([Name.Indexed]))
    space.append(space)
    image = Stream(pdf, b"\0", Type=Name.XObject, Subtype=Name.Image, Width=1, Height=1, BitsPerComponent=8)
    image.ColorSpace = space
    pdf.pages[0].obj.Resources.XObject = Dictionary(Im1=image)


def indexed_short(pdf: pikepdf.Pdf) -> None:
    pdf.pages[0].obj.Resources.ColorSpace = Dictionary(CS0=Array([Name.Indexed]))
    pdf.pages[0].obj.Contents.write(b"/CS0 cs 0 sc 0 0 10 10 re f")


def nested_forms(pdf: pikepdf.Pdf, depth: int = 3000) -> None:
    inner = None
    for _ in range(depth):
        form = pdf.make_indirect(Stream(pdf, b"/X0 Do", Type=Name.XObject, Subtype=Name.Form, BBox=[0, 0, 10, 10]))
        form.Resources = Dictionary(XObject=Dictionary(X0=inner) if inner is not None else Dictionary())
        inner = form
    pdf.pages[0].obj.Resources.XObject = Dictionary(X0=inner)
    pdf.pages[0].obj.Contents.write(b"/X0 Do")


def output_intents_of_a_string(pdf: pikepdf.Pdf) -> None:
    pdf.Root.OutputIntents = pikepdf.String("GTS_PDFX")


def output_intent_of_a_number(pdf: pikepdf.Pdf) -> None:
    pdf.Root.OutputIntents = Array([3, Dictionary(S=Name.GTS_PDFX)])


def garbage_contents(pdf: pikepdf.Pdf) -> None:
    pdf.pages[0].obj.Contents.write(b"BT /F1 12 Tf ( unclosed [[[ << >> ET 1 2 3 4 5 re q q q")


def resources_of_an_array(pdf: pikepdf.Pdf) -> None:
    pdf.pages[1].obj.Resources = Array([1, 2])


DAMAGES = [
    odd_media_box,
    textual_trim_box,
    box_of_a_name,
    font_of_a_number,
    font_entry_of_a_number,
    empty_descendant_fonts,
    image_of_an_odd_colour_space,
    indexed_over_itself,
    indexed_short,
    nested_forms,
    output_intents_of_a_string,
    output_intent_of_a_number,
    garbage_contents,
    resources_of_an_array,
]


@pytest.mark.parametrize("damage", DAMAGES, ids=[damage.__name__ for damage in DAMAGES])
@pytest.mark.parametrize("profile", ["kdp", "ingram"])
def test_a_malformed_pdf_is_a_verdict_or_its_own_code_never_unexpected(tmp_path: Path, damage, profile) -> None:
    path = tmp_path / "book.pdf"
    with base_pdf(path) as pdf:
        damage(pdf)
        pdf.save(path)
    result = run_cli("check", str(path), "--profile", profile)
    assert result.returncode in (0, 1, UNREADABLE), result.stderr
    assert "unexpected" not in result.stderr and "Traceback" not in result.stderr, result.stderr
    if result.returncode == UNREADABLE:
        assert len(result.stderr.strip().splitlines()) == 1 and str(path) in result.stderr


@pytest.mark.parametrize("content", [b"", b"%PDF-1.7\n", b"not a pdf at all", b"%PDF-1.4\n1 0 obj << /Type /Catalog"])
def test_a_file_that_is_no_pdf_is_its_own_code(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "book.pdf"
    path.write_bytes(content)
    result = run_cli("check", str(path))
    assert result.returncode == UNREADABLE and len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_the_unreadable_code_is_documented_and_not_the_failing_one() -> None:
    assert UNREADABLE not in (0, 1, 2) and UNREADABLE in EXIT_CODES
    reference = (Path(__file__).resolve().parent.parent / "docs" / "reference" / "exit-codes.md").read_text()
    assert f"| {UNREADABLE} |" in reference


def test_forms_shared_by_every_page_are_read_once(tmp_path: Path) -> None:
    """A tree of forms every page draws is walked once per file, not once per page and path: doubling it doubles."""
    from ebookgen.pdf.preflight import preflight

    def build(pages: int, depth: int) -> Path:
        path = tmp_path / f"book-{pages}-{depth}.pdf"
        with base_pdf(path, pages) as pdf:
            nested_forms(pdf, depth)
            shared = pdf.pages[0].obj.Resources.XObject
            for page in pdf.pages:
                page.obj.Resources.XObject = shared
                page.obj.Contents.write(b"/X0 Do")
            pdf.save(path)
        return path

    counted: list[int] = []
    parse = pikepdf.parse_content_stream

    def counting(*args, **kwargs):
        counted.append(1)
        return parse(*args, **kwargs)

    pikepdf.parse_content_stream = counting
    try:
        preflight(build(40, 200), "ingram")
    finally:
        pikepdf.parse_content_stream = parse
    assert len(counted) <= 40 + 200 + 5  # each page's own stream and each form once


def test_the_font_walk_grows_with_the_file_not_with_pages_times_forms(tmp_path: Path, monkeypatch) -> None:
    """Doubling both the pages and the depth of the forms they share about doubles the dictionaries read."""
    import ebookgen.pdf.preflight as preflight_module

    def build(pages: int, depth: int) -> Path:
        path = tmp_path / f"shared-{pages}-{depth}.pdf"
        with base_pdf(path, pages) as pdf:
            nested_forms(pdf, depth)
            shared = pdf.pages[0].obj.Resources.XObject
            for page in pdf.pages:
                page.obj.Resources.XObject = shared
            pdf.save(path)
        return path

    read: list[int] = []
    entries = preflight_module.entries
    monkeypatch.setattr(preflight_module, "entries", lambda *args: read.append(1) or entries(*args))
    counts = []
    for pages, depth in ((30, 150), (60, 300)):
        read.clear()
        preflight_module.preflight(build(pages, depth), "kdp")
        counts.append(len(read))
    assert counts[1] <= 2.3 * counts[0], counts
