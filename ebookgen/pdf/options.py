"""What the PDF writer is asked for and what it gives back: the options, with their printer, and the result."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ebookgen.errors import ConfigError
from ebookgen.languages import Language, english
from ebookgen.model import Book, word_count
from ebookgen.pdf.printbook import PageStyle
from ebookgen.pdf.printers import DEFAULT_PRINTER, PRINTERS, Printer, printer_for
from ebookgen.pdf.trim import (
    CHARACTER_EMS,
    DEFAULT_TRIM,
    LARGE_PRINT_CHARACTER_EMS,
    BodyType,
    Trim,
    book_pages,
    margins_for,
    parse_trim,
)
from ebookgen.themes import DEFAULT_THEME, THEMES, Theme

Progress = Callable[[int, int], None]
# Below this many words a single layout is about as quick as starting worker processes.
PARALLEL_MIN_WORDS = 30_000
RUNNING_HEADS = ("title", "chapter")


@dataclass(frozen=True)
class PdfOptions:
    """The printed book's page and the file's profile."""

    trim: Trim = field(default_factory=lambda: parse_trim(DEFAULT_TRIM))
    bleed: bool = False
    profile: Printer = PRINTERS[DEFAULT_PRINTER]  # the print profile's record (a name given is looked up once)
    recto_head: str = "title"
    year: int = 0  # the copyright year when book.toml gives no date; 0 means this year
    # The build's timestamp (seconds: SOURCE_DATE_EPOCH, else the manuscript's newest change), a PDF/X file's dates;
    # 0: WeasyPrint's (the clock's)
    dated: int = 0
    jobs: int = 0  # worker processes; 0 means one per core, 1 lays the book out in this process
    cache: bool = True  # keep laid-out chunks of a parallel layout, and reuse the ones a rebuild did not change
    theme: Theme = THEMES[DEFAULT_THEME]  # the design, at its type size (themes.sized)
    language: Language | None = None  # the book's, settled by the build; None: write_pdf looks up the book's tag once

    def __post_init__(self) -> None:
        """Turn a profile given by name into its printer, once, so no stage looks the name up again."""
        if isinstance(self.profile, str):
            object.__setattr__(self, "profile", printer_for(self.profile))


@dataclass(frozen=True)
class PdfResult:
    """What was written: the file, its page count, where each element landed and each page's folio."""

    path: Path
    pages: int
    anchors: dict[str, int] = field(default_factory=dict)  # element id -> 1-based physical page
    folios: list[str] = field(default_factory=list)  # the printed folio of each page, "" where none
    # For each physical page: the id of the element whose text opens the page, and how many non-space
    # characters of that element's text were laid out on earlier pages (0 when the page opens with it).
    page_starts: list[tuple[str, int]] = field(default_factory=list)
    notes: tuple[str, ...] = ()  # one line each for the user: what the writer did differently, and why
    chapters: int = 0  # the book's length, for the summary: build_pdf fills it in from the book it read
    words: int = 0


def check_running_head(value: str) -> str:
    """Return a running-head choice, or fail naming the ones there are."""
    if value not in RUNNING_HEADS:
        raise ConfigError(f"--running-head must be title or chapter, not {value!r}")
    return value


def report(progress: Progress | None, done: int, total: int) -> None:
    """Tell the caller how many chapters are laid out."""
    if progress is not None:
        progress(done, total)


def worker_count(book: Book, options: PdfOptions) -> int:
    """Return how many processes lay the book out: one for a short book unless asked, at most one per chapter."""
    if options.jobs == 0 and word_count(book) < PARALLEL_MIN_WORDS:
        return 1
    wanted = options.jobs or os.cpu_count() or 1
    return max(1, min(wanted, len(book.chapters)))


def first_guess(book: Book, options: PdfOptions) -> int:
    """Return the page count a book's first layout takes its gutter from: guessed from its paragraphs at its type."""
    theme = options.theme
    ems = LARGE_PRINT_CHARACTER_EMS if theme.large_print else CHARACTER_EMS
    return book_pages(book, options.trim, BodyType(theme.points, theme.leading, ems))


def copyright_year(options: PdfOptions) -> int:
    """Return the year the copyright page shows when book.toml has no date."""
    return options.year or datetime.now(tz=UTC).year


def page_style(options: PdfOptions, pages: int) -> PageStyle:
    """Return the page style for a book of that many pages."""
    profile = options.profile
    return PageStyle(
        trim=options.trim,
        margins=margins_for(pages, profile),
        bleed=options.bleed,
        recto_head=options.recto_head,
        bookmarks=profile.bookmarks,
        grey=profile.grey,
        theme=options.theme,
        language=options.language or english(),  # write_pdf settles it; a caller's bare options: English
    )
