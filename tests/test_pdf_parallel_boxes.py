"""The two PDF layouts make the same book: every page's words and figures in the same boxes.

A book with parts, notes, verse and figures (one of them taller than a page holds) is laid out in one
process and in parallel chunks (``--jobs 2``); PDFium reads back each page's word boxes and image boxes.
The parallel layout once set its chunks with page rules of its own, without the one that keeps a figure
within the page: a tall figure printed 4.33 x 17.3 in, running 9.65 in off a 5.5 x 8.5 in page.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image as Picture

from ebookgen.model import (
    Book,
    Chapter,
    Figure,
    Footnote,
    Image,
    Metadata,
    NoteRef,
    Paragraph,
    SceneBreak,
    Text,
    Verse,
    VerseLine,
)
from ebookgen.pdf.options import PdfOptions
from ebookgen.pdf.writer import write_pdf

from .test_pdf_print import paragraph

# Points two layouts of the same page may differ by and still be the same page.
TOLERANCE = 0.1
POINTS = 72


@dataclass(frozen=True)
class Box:
    """A word or an image on a page, and where it lies in points (from the page's lower left corner)."""

    text: str
    left: float
    bottom: float
    right: float
    top: float

    @property
    def edges(self) -> tuple[float, float, float, float]:
        """Return the box's left, bottom, right and top."""
        return (self.left, self.bottom, self.right, self.top)

    def near(self, other: Box) -> bool:
        """Tell whether two boxes hold the same thing in the same place, within the tolerance."""
        pairs = zip(self.edges, other.edges, strict=True)
        return self.text == other.text and all(abs(mine - theirs) <= TOLERANCE for mine, theirs in pairs)


@dataclass(frozen=True)
class PageBoxes:
    """One page as PDFium reads it: its size, its words, its images and its drawings (rules)."""

    size: tuple[float, float]
    words: tuple[Box, ...]
    images: tuple[Box, ...]
    drawings: tuple[Box, ...]


def picture(width: int, height: int, colour: tuple[int, int, int]) -> Image:
    """Make a PNG figure image of that many pixels."""
    data = io.BytesIO()
    Picture.new("RGB", (width, height), colour).save(data, "PNG")
    return Image(f"{width}x{height}.png", data.getvalue(), "image/png")


TALL, WIDE = picture(900, 3600, (120, 140, 90)), picture(2400, 1600, (90, 100, 140))


def verse() -> Verse:
    """Make two stanzas of verse, one line indented."""
    first = (VerseLine((Text("The river bends where the miller sleeps,"),)), VerseLine((Text("and keeps"),), 4))
    second = (VerseLine((Text("What the water took, the water keeps."),)),)
    return Verse((first, second))


def chapter(number: int) -> Chapter:
    """Make a chapter of uneven length; some carry a note, verse, a wide figure or the tall one."""
    blocks: list = [paragraph(60, number * 10 + index) for index in range(4 + 3 * (number % 3))]
    blocks.insert(2, SceneBreak())
    notes: tuple[Footnote, ...] = ()
    if number % 2:
        blocks.insert(
            1, Paragraph((Text("The letter came at last"), NoteRef("post", 1), Text(", by the winter post.")))
        )
        notes = (Footnote("post", 1, (Paragraph((Text(f"From Oslo, the {number}th of March."),)),)),)
    if number % 3 == 0:
        blocks.insert(3, verse())
    if number in (2, 7):
        blocks.insert(4, Figure(TALL.name, "A tower", (Text("The tower, taller than the page."),)))
    if number == 5:
        blocks.insert(2, Figure(WIDE.name, "The valley", (Text("The valley in 1805."),)))
    part = {1: "Part One", 4: "Part Two", 8: "Part Three"}.get(number, "")
    return Chapter(f"Chapter {number}", tuple(blocks), number, part, notes)


def figure_book() -> Book:
    """Make a ten-chapter book with parts, notes, verse, a wide figure and a figure taller than a page."""
    metadata = Metadata(title="The Mill", authors=("Jane Roe",), rights="All rights reserved.", date="2024-05-01")
    return Book(metadata, tuple(chapter(number) for number in range(1, 11)), images=(TALL, WIDE))


def page_boxes(path: Path) -> list[PageBoxes]:
    """Read every page's size, word boxes, image boxes and drawing boxes with PDFium."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return [one_page(page) for page in document]
    finally:
        document.close()


def one_page(page) -> PageBoxes:
    """Read one page's size and boxes, looking into its forms (the heads and folios a chunk draws)."""
    import pypdfium2.raw as pdfium_c

    images = [Box("image", *item.get_bounds()) for item in page.get_objects([pdfium_c.FPDF_PAGEOBJ_IMAGE], 5)]
    drawings = [Box("drawing", *item.get_bounds()) for item in page.get_objects([pdfium_c.FPDF_PAGEOBJ_PATH], 5)]
    found = tuple(words(page.get_textpage()))
    return PageBoxes(
        tuple(page.get_size()), found, tuple(sorted(images, key=place)), tuple(sorted(drawings, key=place))
    )


def words(text) -> list[Box]:
    """Group a page's characters into words (runs without a space), each with the box around its characters."""
    found, letters, boxes = [], [], []
    for index in range(text.count_chars()):
        char = text.get_text_range(index, 1)
        if char.strip():
            letters.append(char)
            boxes.append(text.get_charbox(index))
            continue
        if letters:
            found.append(word_box("".join(letters), boxes))
        letters, boxes = [], []
    if letters:
        found.append(word_box("".join(letters), boxes))
    return found


def word_box(word: str, boxes: list[tuple[float, float, float, float]]) -> Box:
    """Return a word and the box around its characters' boxes."""
    return Box(
        word, min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes)
    )


def place(box: Box) -> tuple[float, float]:
    """Order boxes down the page, then across."""
    return (-round(box.top), round(box.left))


def differences(single: list[PageBoxes], parallel: list[PageBoxes]) -> list[str]:
    """Name each page where the two layouts differ, and its first differing box."""
    found = []
    for number, (mine, theirs) in enumerate(zip(single, parallel, strict=True), start=1):
        if mine.size != theirs.size:
            found.append(f"page {number}: {mine.size} against {theirs.size}")
        for kind in ("words", "images", "drawings"):
            ours, others = getattr(mine, kind), getattr(theirs, kind)
            if len(ours) != len(others):
                found.append(f"page {number}: {len(ours)} {kind} in one process, {len(others)} in parallel")
                continue
            wrong = next(((a, b) for a, b in zip(ours, others, strict=True) if not a.near(b)), None)
            if wrong:
                found.append(f"page {number}: {wrong[0]} in one process, {wrong[1]} in parallel")
    return found


@pytest.mark.parametrize("profile", ["print", "ingram"])
def test_a_chunk_is_set_with_the_one_process_stylesheet_less_its_bookmarks(profile: str) -> None:
    """The parallel layout's chunks and front matter take the very rules the one-process layout takes."""
    from ebookgen.pdf.options import page_style
    from ebookgen.pdf.parallel import chunk_css
    from ebookgen.pdf.printbook import page_css

    book, style = figure_book(), page_style(PdfOptions(profile=profile, bleed=True), 300)
    whole, chunk = page_css(book, style).splitlines(), chunk_css(book, style).splitlines()
    outline = [rule for rule in whole if "bookmark-level: 1" in rule or "bookmark-level: 2" in rule]
    assert [rule for rule in whole if rule not in chunk] == outline
    assert any("figure.figure img { max-height:" in rule for rule in chunk)


@pytest.fixture(scope="module")
def layouts(tmp_path_factory):
    """Lay the figure book out in one process and in two workers; read back every page of both."""
    folder = tmp_path_factory.mktemp("boxes")
    book = figure_book()
    single = write_pdf(book, folder / "single.pdf", PdfOptions(jobs=1, year=2030))
    parallel = write_pdf(book, folder / "parallel.pdf", PdfOptions(jobs=2, year=2030, cache=False))
    return single, parallel, page_boxes(single.path), page_boxes(parallel.path)


@pytest.mark.slow
def test_the_book_was_laid_out_in_parallel(layouts) -> None:
    _, parallel, _, _ = layouts
    assert not any("laid out in one process" in note for note in parallel.notes), parallel.notes


@pytest.mark.slow
def test_same_pages_with_the_same_words_and_images_in_the_same_boxes(layouts) -> None:
    single, parallel, single_pages, parallel_pages = layouts
    assert parallel.pages == single.pages == len(single_pages) == len(parallel_pages)
    assert sum(len(page.words) for page in single_pages) > 3000
    assert sum(len(page.images) for page in single_pages) == 3
    assert sum(len(page.drawings) for page in single_pages) > 0
    assert differences(single_pages, parallel_pages) == []


@pytest.mark.slow
def test_every_figure_lies_within_its_page_on_both_paths(layouts) -> None:
    _, _, single_pages, parallel_pages = layouts
    for pages in (single_pages, parallel_pages):
        for page in pages:
            width, height = page.size
            for image in page.images:
                assert 0 <= image.left and image.right <= width and 0 <= image.bottom and image.top <= height, image
    tall = [image for page in parallel_pages for image in page.images if image.top - image.bottom > 4 * POINTS]
    assert len(tall) == 2  # the tall figure, both times, set as high as the text block lets it
