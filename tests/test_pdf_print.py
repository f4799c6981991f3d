"""The paperback interior: trim and bleed boxes, front matter, openers on rectos, folios, heads, profiles."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from ebookgen.cli.app import app
from ebookgen.errors import ConfigError
from ebookgen.model import Book, Chapter, Metadata, Paragraph, SceneBreak, Text
from ebookgen.pdf.options import PdfOptions
from ebookgen.pdf.trim import gutter_for, parse_trim
from ebookgen.pdf.writer import write_pdf

from .test_pdf import fonts_of

POINTS = 72


def paragraph(words: int, seed: int) -> Paragraph:
    """Make a paragraph of plain words, varied by seed."""
    vocabulary = "the night was long and she said nothing but he knew what she meant when the door opened".split()
    text = " ".join(vocabulary[(seed * 7 + index * 3) % len(vocabulary)] for index in range(words))
    return Paragraph((Text(f"“{text.capitalize()},” she said."),))


def make_book(chapters: int = 4, parts: bool = True) -> Book:
    """Make a small book with parts, a dedication, an epigraph and chapters of uneven length."""
    metadata = Metadata(
        title="The Long Night",
        authors=("Jane Roe",),
        rights="All rights reserved.",
        publisher="Small Press",
        date="2024-05-01",
        dedication="For M., who waited.",
        epigraph="It was the best of times, it was the worst of times.",
        epigraph_source="Charles Dickens",
    )
    made = []
    for number in range(1, chapters + 1):
        blocks = [paragraph(60, number * 10 + index) for index in range(6 + 5 * (number % 3))]
        blocks.insert(3, SceneBreak())
        part = {1: "Part One", 3: "Part Two"}.get(number, "") if parts else ""
        made.append(Chapter(f"Chapter {number}", tuple(blocks), number, part))
    return Book(metadata, tuple(made))


@pytest.fixture(scope="module")
def book_pdf(tmp_path_factory):
    """A small book with parts, laid out in one process, with chapter titles on rectos."""
    target = tmp_path_factory.mktemp("print") / "book.pdf"
    options = PdfOptions(jobs=1, recto_head="chapter", year=2030)
    return write_pdf(make_book(), target, options)


def page_texts(path: Path) -> list[str]:
    """Return the extracted text of every page."""
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def test_trim_sizes_by_name_and_by_measure() -> None:
    assert parse_trim("6x9") == parse_trim("6 x 9in")
    a5 = parse_trim("A5")
    assert (round(a5.width * 25.4), round(a5.height * 25.4)) == (148, 210)
    assert parse_trim("127x203mm").width == pytest.approx(5.0)
    for wrong in ("9x6", "huge", "1x2"):
        with pytest.raises(ConfigError):
            parse_trim(wrong)
    assert [gutter_for(n) for n in (100, 151, 400, 600, 800, 900)] == [0.375, 0.5, 0.625, 0.75, 0.875, 0.875]


def test_trim_box_is_the_trim_and_bleed_adds_an_eighth(tmp_path: Path) -> None:
    options = PdfOptions(trim=parse_trim("6x9"), bleed=True, jobs=1, profile="kdp")
    result = write_pdf(make_book(2, parts=False), tmp_path / "bleed.pdf", options)
    with pikepdf.open(result.path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            trim = [float(value) for value in page.trimbox]
            media = [float(value) for value in page.mediabox]
            assert (trim[2] - trim[0], trim[3] - trim[1]) == pytest.approx((6 * POINTS, 9 * POINTS), abs=0.1)
            # issue 14: the bleed is on the top, bottom and outside edge only, not the spine's
            assert (media[2] - media[0], media[3] - media[1]) == pytest.approx((6.125 * POINTS, 9.25 * POINTS), abs=0.1)
            outside = trim[0] - media[0] if number % 2 == 0 else media[2] - trim[2]
            assert outside == pytest.approx(0.125 * POINTS, abs=0.1)


def test_front_matter_pages_in_order(book_pdf) -> None:
    texts = page_texts(book_pdf.path)
    assert texts[0].strip() == "The Long Night"  # half-title
    assert texts[1].strip() == ""
    assert "The Long Night" in texts[2] and "Jane Roe" in texts[2].title()
    # issue 14: book.toml's rights line is the copyright page's only one
    assert "All rights reserved." in texts[3] and "Copyright ©" not in texts[3]
    assert "For M., who waited." in texts[4]
    assert "Charles Dickens" in texts[6]
    assert "Contents" in texts[8].splitlines()
    assert all(label == "" for label in book_pdf.folios[: book_pdf.anchors["part-before-1"] - 1])


def contents_listing(path: Path, page: int) -> dict[str, str]:
    """Read the contents page: each entry's title, lower-cased, and the page number it gives."""
    lines = [line.strip() for line in page_texts(path)[page - 1].splitlines() if line.strip()]
    numbers = [line for line in lines if line.isdigit()]
    titles = [line.lower() for line in lines if not line.isdigit() and line != "Contents"]
    assert len(numbers) == len(titles), lines
    return dict(zip(titles, numbers, strict=True))


def test_contents_numbers_are_the_printed_folios(book_pdf) -> None:
    listed = contents_listing(book_pdf.path, book_pdf.anchors["contents"])
    assert list(listed) == ["part one", "chapter 1", "chapter 2", "part two", "chapter 3", "chapter 4"]
    for anchor, title in (("part-before-1", "part one"), ("chapter-2", "chapter 2"), ("chapter-4", "chapter 4")):
        page = book_pdf.anchors[anchor]
        assert listed[title] == str(page - book_pdf.anchors["part-before-1"] + 1)
    assert listed["chapter 2"] == book_pdf.folios[book_pdf.anchors["chapter-2"] - 1]


def test_parts_and_chapters_open_on_rectos_after_blank_versos(book_pdf) -> None:
    texts = page_texts(book_pdf.path)
    openers = [page for anchor, page in book_pdf.anchors.items() if re.fullmatch(r"(chapter|part-before)-\d+", anchor)]
    assert len(openers) >= 6
    assert all(page % 2 == 1 for page in openers), openers
    blanks = [index for index, text in enumerate(texts) if not text.strip()]
    assert blanks, "a book with parts has blank versos"
    with pikepdf.open(book_pdf.path) as pdf:
        for index in blanks:
            operators = {str(op) for _, op in pikepdf.parse_content_stream(pdf.pages[index])}
            assert not operators & {"Tj", "TJ", "Do", "re"}, f"page {index + 1} should carry nothing"
            assert book_pdf.folios[index] == ""


def test_folios_continuous_from_the_first_body_page(book_pdf) -> None:
    texts = page_texts(book_pdf.path)
    start = book_pdf.anchors["part-before-1"] - 1
    for index in range(start, len(texts)):
        label = book_pdf.folios[index]
        if label:
            assert label == str(index - start + 1)
            assert texts[index].strip().splitlines()[-1].strip() == label
    assert book_pdf.folios[book_pdf.anchors["chapter-1"] - 1] != ""  # an opener keeps its drop folio
    assert book_pdf.folios[book_pdf.anchors["part-before-3"] - 1] == ""  # a part page shows none


def test_running_heads_author_verso_chapter_recto_none_on_openers(book_pdf) -> None:
    texts = page_texts(book_pdf.path)
    openers = {page - 1 for anchor, page in book_pdf.anchors.items() if re.fullmatch(r"chapter-\d+", anchor)}
    chapter_heads = {f"chapter {number}" for number in range(1, 5)}
    checked = 0
    for index in range(book_pdf.anchors["chapter-1"] - 1, len(texts)):
        lines = {line.strip().lower() for line in texts[index].splitlines()}
        if index in openers:
            assert "jane roe" not in lines and len(lines & chapter_heads) == 1, "an opener shows its title, no head"
        elif book_pdf.folios[index]:  # a text page (part pages and blanks show no folio)
            assert ("jane roe" in lines) if index % 2 else bool(lines & chapter_heads), (index, lines)
            checked += 1
    assert checked >= 4


def test_book_face_only_embedded_and_subset(book_pdf) -> None:
    with pikepdf.open(book_pdf.path) as pdf:
        fonts = fonts_of(pdf)
    assert fonts and all(fonts.values())
    assert all(name.split("+", 1)[-1].startswith("EB-Garamond") and "+" in name for name in fonts), fonts


def test_a_character_no_face_has_builds_with_a_note_naming_it(tmp_path: Path) -> None:
    book = make_book(2, parts=False)
    odd = Chapter("Chapter 3", (Paragraph((Text("A private mark \ue000 here."),)),), 3)
    result = write_pdf(replace(book, chapters=(*book.chapters, odd)), tmp_path / "x.pdf", PdfOptions(jobs=1))
    assert (tmp_path / "x.pdf").exists()
    assert [note for note in result.notes if "U+E000" in note and "chapter 3" in note]


def outline_titles(pdf: pikepdf.Pdf) -> list[str]:
    """Return every bookmark's title, depth first."""
    titles: list[str] = []

    def walk(items) -> None:
        for item in items:
            titles.append(str(item.title))
            walk(item.children)

    with pdf.open_outline() as outline:
        walk(outline.root)
    return titles


def annotation_count(pdf: pikepdf.Pdf) -> int:
    """Count annotations on every page."""
    return sum(len(page.obj.get("/Annots", [])) for page in pdf.pages)


def test_print_profile_has_chapter_bookmarks(book_pdf) -> None:
    with pikepdf.open(book_pdf.path) as pdf:
        assert outline_titles(pdf) == ["Part One", "Chapter 1", "Chapter 2", "Part Two", "Chapter 3", "Chapter 4"]
        assert not pdf.is_encrypted


@pytest.mark.parametrize("profile", ["kdp", "ingram", "screen"])
def test_profiles(profile: str, tmp_path: Path) -> None:
    result = write_pdf(make_book(3, parts=False), tmp_path / f"{profile}.pdf", PdfOptions(jobs=1, profile=profile))
    with pikepdf.open(result.path) as pdf:
        titles, annotations = outline_titles(pdf), annotation_count(pdf)
        if profile == "kdp":
            assert titles == [] and annotations == 0 and not pdf.is_encrypted
        if profile == "screen":
            assert titles == ["Chapter 1", "Chapter 2", "Chapter 3"]
            links = pdf.pages[result.anchors["contents"] - 1].obj.get("/Annots", [])
            assert len(links) >= 3 and all(link.Subtype == "/Link" for link in links)
        if profile == "ingram":
            assert_pdfx_grey(pdf)


def assert_pdfx_grey(pdf: pikepdf.Pdf) -> None:
    """Check the PDF/X keys, a grey output intent and that no page paints in RGB or CMYK."""
    intent = pdf.Root.OutputIntents[0]
    assert intent.S == "/GTS_PDFX" and int(intent.DestOutputProfile.N) == 1
    with pdf.open_metadata() as xmp:
        assert xmp.get("pdfxid:GTS_PDFXVersion") == "PDF/X-4"
    assert str(pdf.trailer.Info.Trapped) == "/False"
    for page in pdf.pages:
        operators = {str(op) for _, op in pikepdf.parse_content_stream(page)}
        assert not operators & {"rg", "RG", "k", "K"}, operators


def test_cli_rejects_a_bad_trim_and_profile_in_one_line(tmp_path: Path) -> None:
    runner = CliRunner()
    for args in (["--trim", "huge"], ["--profile", "vellum"], ["--running-head", "author"]):
        result = runner.invoke(app, ["pdf", "manuscript", "-o", str(tmp_path / "x.pdf"), *args])
        assert result.exit_code == 3, result.output
        assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output


def test_cli_builds_a_6x9_kdp_interior(tmp_path: Path) -> None:
    from .conftest import MANUSCRIPT

    target = tmp_path / "kdp.pdf"
    result = CliRunner().invoke(app, ["pdf", str(MANUSCRIPT), "-o", str(target), "--trim", "6x9", "--profile", "kdp"])
    assert result.exit_code == 0, result.output
    with pikepdf.open(target) as pdf:
        box = [float(value) for value in pdf.pages[0].trimbox]
        assert (box[2] - box[0], box[3] - box[1]) == pytest.approx((432, 648), abs=0.1)
        assert annotation_count(pdf) == 0 and outline_titles(pdf) == []
