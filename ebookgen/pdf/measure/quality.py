"""Measure a PDF book's setting as a typographer does, into one record."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from pathlib import Path

from ebookgen.pdf.measure import figures
from ebookgen.pdf.measure.boxes import MeasureError, Page, read_pages
from ebookgen.pdf.measure.fonts import BodyType, body_type, chapter_pages
from ebookgen.pdf.measure.hyphens import Hyphens, hyphens
from ebookgen.pdf.measure.layout import Layout, layout

EXAMPLES = 12  # how many instances of each fault the record names, for a reader to go and look


@dataclass(frozen=True)
class Quality:
    """A book's setting figures; each fault also named by page (and text) so that it can be looked at."""

    pages: int
    body_lines: int
    justified: bool  # False: the text is set ragged, and loose lines are not counted
    font: str
    body_size: float  # points
    natural_space: float  # the body font's space glyph at the body size, in points
    justified_lines: int
    median_space: float  # the justified lines' median word space, as a multiple of the natural space
    loose_lines: int  # justified lines (openers' first lines apart) with spaces over twice the natural space
    loose_percent: float  # of the justified lines
    loose_examples: tuple[str, ...]
    openers: int  # chapter pages with an opening line of text
    loose_openers: int
    loose_opener_pages: tuple[int, ...]
    widows: int
    widow_pages: tuple[int, ...]
    orphans: int
    orphan_pages: tuple[int, ...]
    runts: int  # a paragraph's last line holding one word alone
    hyphenated_tails: int  # of the runts, those that are the tail of a word broken on the line above (tence.)
    runt_examples: tuple[str, ...]
    short_pages: int  # text pages two or more lines short that do not end a chapter
    short_page_numbers: tuple[int, ...]
    spreads: int  # spreads of two text pages compared (a chapter's last recto excepted)
    uneven_spreads: int
    uneven_percent: float
    uneven_versos: tuple[int, ...]
    capital_hyphens: int
    capital_examples: tuple[str, ...]
    characters_per_line: int  # median characters of a line inside a paragraph, spaces included
    hyphenated_percent: float  # body lines ending in a hyphen
    hyphens: Hyphens
    opening_hyphens: int  # chapters' opening lines (set in small capitals) ending in a hyphen
    openers_off_grid: int  # chapter pages whose text lines sit over a point off the text pages' baseline grid
    grid_offsets: tuple[tuple[int, float], ...]  # (page, median offset in points) of those


def measure(pdf: Path) -> Quality:
    """Measure a PDF's setting from its word boxes, its body font and its outline."""
    pdf = Path(pdf)
    return measure_pages(read_pages(pdf), chapter_pages(pdf), body_type(pdf), pdf.name)


def measure_pages(pages: list[Page], chapters: list[int], kind: BodyType | None = None, name: str = "") -> Quality:
    """Measure pages of word boxes; the natural space is a quarter of the body height when the font is unknown."""
    book = layout(pages, chapters)
    if not book.lines:
        raise MeasureError(f"{name or 'the book'}: no body text to measure")
    kind = kind or BodyType("", 0.0, 0.0)
    return record(book, len(pages), kind.font, kind.size, kind.space or 0.25 * book.height)


def record(book: Layout, pages: int, font: str, size: float, natural: float) -> Quality:
    """Gather the figures of a book's layout into its record."""
    openings = figures.opening_lines(book)
    opening_ids = {id(line) for line in openings.values()}
    running = [line for line in book.lines if id(line) not in opening_ids]
    full = [line for line in running if line.full]
    spaces = [space for line in full if (space := figures.line_space(line.line, book.height))]
    loose = figures.loose(running, book, natural) if book.justified else []
    loose_openers = figures.loose(list(openings.values()), book, natural) if book.justified else []
    runts = figures.runts(book)
    pairs = figures.spreads(book)
    uneven = [verso for verso, difference in pairs if abs(difference) > figures.BASELINE_TOLERANCE]
    capitals = figures.capital_hyphens(book)
    widows, orphans, short = figures.widows(book), figures.orphans(book), figures.short_pages(book)
    offsets = figures.grid_offsets(book).items()
    off_grid = {page: offset for page, offset in offsets if abs(offset) > figures.GRID_TOLERANCE}
    return Quality(
        pages=pages,
        body_lines=len(book.lines),
        justified=book.justified,
        font=font,
        body_size=size,
        natural_space=round(natural, 3),
        justified_lines=len(full),
        median_space=round(statistics.median(spaces) / natural, 2) if spaces else 0.0,
        loose_lines=len(loose),
        loose_percent=percent(len(loose), len(full)),
        loose_examples=tuple(f"p{s.page}: {s.line.text}" for s in loose[:EXAMPLES]),
        openers=len(openings),
        loose_openers=len(loose_openers),
        loose_opener_pages=tuple(s.page for s in loose_openers),
        widows=len(widows),
        widow_pages=tuple(s.page for s in widows),
        orphans=len(orphans),
        orphan_pages=tuple(s.page for s in orphans),
        runts=len(runts),
        hyphenated_tails=sum(tail for _, tail in runts),
        runt_examples=tuple(f"p{s.page}: {s.line.text}" for s, _ in runts[:EXAMPLES]),
        short_pages=len(short),
        short_page_numbers=tuple(short),
        spreads=len(pairs),
        uneven_spreads=len(uneven),
        uneven_percent=percent(len(uneven), len(pairs)),
        uneven_versos=tuple(uneven),
        capital_hyphens=len(capitals),
        capital_examples=tuple(capitals[:EXAMPLES]),
        characters_per_line=figures.characters(running),
        hyphenated_percent=percent(sum(s.line.hyphenated for s in book.lines), len(book.lines)),
        hyphens=hyphens([s.line for s in book.lines]),
        opening_hyphens=sum(s.line.hyphenated for s in openings.values()),
        openers_off_grid=len(off_grid),
        grid_offsets=tuple(sorted(off_grid.items())),
    )


def percent(part: int, whole: int) -> float:
    """Return part as a percentage of whole, to two places."""
    return round(100 * part / whole, 2) if whole else 0.0
