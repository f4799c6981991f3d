"""The PDF writer: a Book in, a print-ready novel interior out, through WeasyPrint.

``write_pdf`` names the steps. The book is laid out once with the gutter its estimated page count
calls for, and again only when the real count falls in another bracket of the gutter table. A long
book with several cores to spare is laid out in parallel chunks instead (``parallel.py``).
WeasyPrint is imported here only, so ``ebookgen epub`` never loads it.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from ebookgen.errors import ConfigError, RenderError
from ebookgen.model import Book, word_count
from ebookgen.output import atomic_path
from ebookgen.pdf.glyphs import check_glyphs
from ebookgen.pdf.printbook import GREY_PROFILE, PageStyle, book_html, page_css
from ebookgen.pdf.trim import DEFAULT_TRIM, Trim, estimated_pages, gutter_for, margins_for, parse_trim
from ebookgen.render.xhtml import render_book
from ebookgen.resources import styles_dir

Progress = Callable[[int, int], None]
# Pages whose furniture is cleared: front matter and part pages carry no folio.
UNNUMBERED_PAGES = ("front", "part", "first-part")
# Below this many words a single layout is about as quick as starting worker processes.
PARALLEL_MIN_WORDS = 30_000


@dataclass(frozen=True)
class Profile:
    """What a printer or a reader wants from the file."""

    name: str
    bookmarks: bool
    links: bool
    variant: str | None = None
    grey: bool = False


PROFILES = {
    "print": Profile("print", bookmarks=True, links=False),
    "kdp": Profile("kdp", bookmarks=False, links=False),
    "ingram": Profile("ingram", bookmarks=False, links=False, variant="pdf/x-4", grey=True),
    "screen": Profile("screen", bookmarks=True, links=True),
}


@dataclass(frozen=True)
class PdfOptions:
    """The printed book's page and the file's profile."""

    trim: Trim = field(default_factory=lambda: parse_trim(DEFAULT_TRIM))
    bleed: bool = False
    profile: str = "print"
    recto_head: str = "title"
    year: int = 0  # the copyright year when book.toml gives no date; 0 means this year
    jobs: int = 0  # worker processes; 0 means one per core, 1 lays the book out in this process


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


def profile_for(name: str) -> Profile:
    """Return the named profile, or fail naming the ones there are."""
    if name not in PROFILES:
        raise ConfigError(f"profile {name!r} is not one of {', '.join(PROFILES)}")
    return PROFILES[name]


def write_pdf(
    book: Book, target: Path, options: PdfOptions = PdfOptions(), progress: Progress | None = None, crew=None
) -> PdfResult:
    """Lay out the book and write it as a PDF at target, atomically; a long book in the crew's workers if given."""
    check_glyphs(book)
    profile = profile_for(options.profile)
    if options.recto_head not in ("title", "chapter"):
        raise ConfigError(f"running head {options.recto_head!r} is not 'title' or 'chapter'")
    workers = worker_count(book, options)
    if workers > 1:
        from ebookgen.pdf.parallel import write_parallel

        return write_parallel(book, target, options, workers, progress, crew)
    report(progress, 0, len(book.chapters))
    html = book_html(book, render_book(book, block_ids=True), copyright_year(options), links=profile.links)
    document = lay_out_fitted(book, html, options)
    with atomic_path(target) as temporary:
        document.write_pdf(temporary, **write_options(profile))
    report(progress, len(book.chapters), len(book.chapters))
    pages = document.pages
    return PdfResult(target, len(pages), page_anchors(pages), folio_labels(pages), page_starts(pages))


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


def copyright_year(options: PdfOptions) -> int:
    """Return the year the copyright page shows when book.toml has no date."""
    return options.year or datetime.now(tz=UTC).year


def page_style(options: PdfOptions, pages: int) -> PageStyle:
    """Return the page style for a book of that many pages."""
    profile = profile_for(options.profile)
    return PageStyle(
        trim=options.trim,
        margins=margins_for(pages),
        bleed=options.bleed,
        recto_head=options.recto_head,
        bookmarks=profile.bookmarks,
        grey=profile.grey,
    )


def lay_out_fitted(book: Book, html: str, options: PdfOptions):
    """Lay out with the gutter for the estimated page count; again if the real count needs another."""
    guess = estimated_pages(word_count(book), options.trim)
    style = page_style(options, guess)
    document = lay_out(html, page_css(book, style, grey_profile_url()), options)
    pages = len(document.pages)
    if gutter_for(pages) != gutter_for(guess):
        style = replace(style, margins=margins_for(pages))
        document = lay_out(html, page_css(book, style, grey_profile_url()), options)
    return document


def grey_profile_url() -> str:
    """Return the URL of the grey ICC profile shipped for press files."""
    return (styles_dir() / "icc" / "ebookgen-grey.icc").as_uri()


def render_options(options: PdfOptions) -> dict:
    """Return WeasyPrint's layout options for the profile."""
    return {"output_intent": GREY_PROFILE} if profile_for(options.profile).grey else {}


def write_options(profile: Profile, full_fonts: bool = False) -> dict:
    """Return WeasyPrint's PDF options for the profile."""
    found = {"pdf_variant": profile.variant} if profile.variant else {}
    return {**found, "full_fonts": full_fonts}


def lay_out(html: str, geometry: str, options: PdfOptions):
    """Lay out the document with the shared base, the print layer and the generated page rules."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    folder = styles_dir()
    fonts, profiles = FontConfiguration(), {}
    sheets = [
        CSS(filename=str(folder / "base.css"), font_config=fonts),
        CSS(filename=str(folder / "print.css"), font_config=fonts),
        CSS(string=geometry, font_config=fonts, color_profiles=profiles, base_url=str(folder)),
    ]
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    try:
        return HTML(string=html, base_url=str(folder)).render(
            stylesheets=sheets, font_config=fonts, color_profiles=profiles, **render_options(options)
        )
    except Exception as error:  # WeasyPrint raises many kinds; the user needs one line.
        raise RenderError(f"PDF layout failed: {error}") from error


def page_anchors(pages, offset: int = 0) -> dict[str, int]:
    """Map every element id on the laid-out pages to its 1-based physical page."""
    anchors: dict[str, int] = {}
    for index, page in enumerate(pages):
        for anchor in page.anchors:
            anchors.setdefault(anchor, offset + index + 1)
    return anchors


def folio_labels(pages) -> list[str]:
    """Return the folio printed on each page: counted from the first body page, shown where not cleared."""
    labels: list[str] = []
    folio = 0
    for page in pages:
        kind = page._page_box.page_type
        if folio == 0 and not kind.blank and kind.name in ("first-chapter", "first-part"):
            folio = 1
        elif folio:
            folio += 1
        shown = folio and not kind.blank and kind.name not in UNNUMBERED_PAGES
        labels.append(str(folio) if shown else "")
    return labels


def text_boxes(box, anchor: str = ""):
    """Yield (id of the nearest element with one, text box) for the text laid out in a box, in order."""
    tag = getattr(box, "element_tag", "") or ""
    if tag.endswith(("::before", "::after", "::marker")) or type(box).__name__ == "MarginBox":
        return
    anchor = box.style["anchor"] or anchor
    if type(box).__name__ == "TextBox":
        yield anchor, box
    for child in getattr(box, "children", ()):
        yield from text_boxes(child, anchor)


def page_starts(pages, laid_out: dict[str, int] | None = None) -> list[tuple[str, int]]:
    """Say for each page which element's text opens it and how much of that text came before."""
    laid_out = {} if laid_out is None else laid_out
    starts = []
    for page in pages:
        start = ("", 0)
        for anchor, box in text_boxes(page._page_box):
            if start == ("", 0) and box.text.strip():
                start = (anchor, laid_out.get(anchor, 0))
            text = box.text.removesuffix(box.style["hyphenate_character"])
            laid_out[anchor] = laid_out.get(anchor, 0) + len("".join(text.split()))
        starts.append(start)
    return starts
