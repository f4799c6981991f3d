"""The printed page: trim sizes, bleed, and the gutter a page count calls for.

A trim is given by name (``5x8``, ``6x9``, ``A5``) or as ``WxH`` in inches or millimetres
(``5.5x8.5``, ``148x210mm``). The named trims and the gutter a page count calls for are the printers'
facts (``printers.py``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from ebookgen.errors import ConfigError
from ebookgen.model import Book, Chapter
from ebookgen.model.book import Figure, SceneBreak, iter_chapter_text, plain_text
from ebookgen.pdf.printers import (
    BLEED_INCHES,
    DEFAULT_PRINTER,
    DEFAULT_TRIM,
    MM_PER_INCH,
    NAMED_TRIMS,
    PRINTERS,
    Printer,
)

# The printers' facts a page needs, named where the page is made.
__all__ = [
    "BLEED_INCHES",
    "DEFAULT_TRIM",
    "NAMED_TRIMS",
    "Margins",
    "Trim",
    "book_pages",
    "gutter_for",
    "margins_for",
    "measured",
    "parse_trim",
]

# A line of text at most this many ems of the body size: about 66 characters of EB Garamond (a novel's 60-70).
MEASURE_EMS = 26.5
POINTS_PER_INCH = 72.0
TRIM_PATTERN = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*[x×]\s*(\d+(?:\.\d+)?)\s*(in|mm)?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Trim:
    """A finished page size in inches."""

    width: float
    height: float

    @property
    def label(self) -> str:
        """Return the size as a reader of a printer's form would write it."""
        return f"{self.width:g} x {self.height:g} in"


@dataclass(frozen=True)
class Margins:
    """The text block's margins in inches; the inside one is the binding side's."""

    top: float = 0.7
    bottom: float = 0.75
    outside: float = 0.55
    inside: float = 0.625


def parse_trim(value: str) -> Trim:
    """Return the trim a name or a `WxH` size (inches, or mm with the suffix) stands for."""
    key = value.strip().lower()
    if key in NAMED_TRIMS:
        return Trim(*NAMED_TRIMS[key])
    match = TRIM_PATTERN.match(key)
    if not match:
        names = ", ".join(NAMED_TRIMS)
        raise ConfigError(f"trim {value!r} is not one of {names} or a size like 5.5x8.5 or 148x210mm")
    width, height, unit = float(match[1]), float(match[2]), (match[3] or "in").lower()
    if unit == "mm":
        width, height = width / MM_PER_INCH, height / MM_PER_INCH
    if not (3 <= width <= 12 and 4 <= height <= 15 and width < height):
        raise ConfigError(f"trim {value!r} is not a book page (portrait, 3 to 12 in wide, 4 to 15 in high)")
    return Trim(width, height)


def gutter_for(pages: int, printer: Printer = PRINTERS[DEFAULT_PRINTER]) -> float:
    """Return the least inside margin for a page count (the printer's table, KDP's by default)."""
    return printer.gutter(pages)


def margins_for(pages: int, printer: Printer = PRINTERS[DEFAULT_PRINTER]) -> Margins:
    """Return the margins for a book of that many pages: the gutter plus a comfortable quarter inch.

    The outside margin (0.55 in) clears KDP's minimum with or without bleed (0.25 / 0.375 in).
    """
    return Margins(inside=gutter_for(pages, printer) + 0.25)


def measured(trim: Trim, margins: Margins, points: float) -> Margins:
    """Return margins widened on both sides so a line of text is at most MEASURE_EMS of the body size.

    A novel reads best at 60-70 characters a line; EB Garamond's average character is about 0.39 em, so
    11 pt at 6x9 set edge to edge of KDP's margins ran 77. The inside and outside margins grow alike, so the
    gutter keeps its share and the running heads follow the text block.
    """
    width = trim.width - margins.inside - margins.outside
    extra = (width - MEASURE_EMS * points / POINTS_PER_INCH) / 2
    if extra <= 0:
        return margins
    return replace(margins, inside=round(margins.inside + extra, 4), outside=round(margins.outside + extra, 4))


def estimated_pages(words: int, trim: Trim, type_scale: float = 1.0) -> int:
    """Guess a book's page count from its words, to pick the gutter before the first layout.

    ``type_scale`` is the area a line of type takes against 11 pt on 14.5 (large print's is about 2.7).
    """
    text_area = (trim.width - 1.35) * (trim.height - 1.45)
    words_per_page = 10.5 * text_area / type_scale
    return int(words / max(words_per_page, 1)) + 12


# What a page holds, for the estimate a layout's gutter is first chosen by (``book_pages``): each a measure of the
# default book (EB Garamond at 11 on 14.5 pt, ``styles/print.css``), checked against laid-out books in
# tests/test_pdf_estimate.py.
# EB Garamond's mean advance a character, its word spaces and punctuation counted, in a justified line.
CHARACTER_EMS = 0.38
# Large print's (Atkinson Hyperlegible, ragged right with whole words): a wider face, lines ending short.
LARGE_PRINT_CHARACTER_EMS = 0.44
# A paragraph's first-line indent (base.css), in characters of that mean width.
INDENT_CHARACTERS = 3
# The lines of text a chapter's opening page gives up to its title, sunk 1.9 in with its fleuron under it.
OPENING_LINES = 15
# A scene break's fleuron with its space above and below, and a figure's picture with its caption, in lines.
SCENE_BREAK_LINES = 2
FIGURE_LINES = 12
# The front matter before the contents: half-title, its blank verso, the title page and the copyright page.
FRONT_PAGES = 4
# The lines the contents' title takes on its first page (sunk 0.9 in).
CONTENTS_TITLE_LINES = 8
# A part's own recto, with the blank verso behind it.
PART_PAGES = 2


@dataclass(frozen=True)
class BodyType:
    """The body's type for an estimate: its size and line height (points), its mean character's width (ems)."""

    points: float = 11.0
    leading: float = 14.5
    character_ems: float = CHARACTER_EMS


def book_pages(book: Book, trim: Trim, type_: BodyType = BodyType()) -> int:
    """Guess a book's page count from its paragraphs, to pick the gutter its first layout is set with.

    Each paragraph takes the lines its characters fill at the page's measure, its last line whole (a book of short
    paragraphs, dialogue, fills more pages for its words); each chapter opens on a recto with its title sunk. A wide
    gutter can narrow the measure: the guess is made again at the gutter the first one calls for.
    """
    chapters = [chapter_lengths(chapter) for chapter in book.chapters]
    parts = sum(1 for chapter in book.chapters if chapter.part)
    pages = 0
    for _ in range(2):  # from the narrowest gutter: a second guess at the gutter the first calls for settles it
        pages = pages_at(chapters, parts, trim, type_, measured(trim, margins_for(pages), type_.points))
    return pages


@dataclass(frozen=True)
class ChapterLengths:
    """What of a chapter an estimate of its pages reads: its lines' characters (a kept line end starts a line),
    and the lines its scene breaks and figures take."""

    lengths: tuple[int, ...]
    lines: int


def chapter_lengths(chapter: Chapter) -> ChapterLengths:
    """Return the characters of each line a chapter's text starts (a paragraph's, a verse line's, a note's)."""
    lengths = tuple(len(text) for block in iter_chapter_text(chapter) for text in plain_text(block.inlines).split("\n"))
    breaks = sum(isinstance(block, SceneBreak) for block in chapter.blocks)
    figures = sum(isinstance(block, Figure) for block in chapter.blocks)
    return ChapterLengths(lengths, breaks * SCENE_BREAK_LINES + figures * FIGURE_LINES)


def pages_at(chapters: list[ChapterLengths], parts: int, trim: Trim, type_: BodyType, margins: Margins) -> int:
    """Return the pages a book is guessed to take with these margins: front matter, then each chapter from a recto."""
    width = (trim.width - margins.inside - margins.outside) * POINTS_PER_INCH
    per_line = max(width / (type_.character_ems * type_.points), 1.0)
    per_page = max(int((trim.height - margins.top - margins.bottom) * POINTS_PER_INCH / type_.leading), 1)
    contents = 0 if len(chapters) < 2 else math.ceil((CONTENTS_TITLE_LINES + len(chapters) + parts) / per_page)
    pages = FRONT_PAGES + contents + contents % 2 + PART_PAGES * parts
    for number, chapter in enumerate(chapters):
        lines = OPENING_LINES + chapter.lines
        lines += sum(math.ceil((length + INDENT_CHARACTERS) / per_line) for length in chapter.lengths)
        taken = math.ceil(lines / per_page)
        pages += taken + (taken % 2 if number + 1 < len(chapters) else 0)  # the next chapter opens on a recto
    return pages
