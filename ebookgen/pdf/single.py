"""Lay a book out in this process, as one WeasyPrint document.

The book is laid out once with the gutter its estimated page count calls for, and again only when
the real count falls in another bracket of the gutter table. It needs none of the private hooks the
parallel layout uses to write the PDF; the folios and page starts it reports for the e-book's page
list do read WeasyPrint's page boxes (``pdf/weasy``).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ebookgen.model import Book, chapter_word_count
from ebookgen.output import atomic_path
from ebookgen.pdf import weasy
from ebookgen.pdf.options import PdfOptions, PdfResult, Progress, copyright_year, first_guess, page_style, report
from ebookgen.pdf.printbook import GREY_PROFILE, book_html, page_css, printed_chapters
from ebookgen.pdf.trim import estimated_pages, gutter_for, margins_for

# Pages of front matter before the first chapter (half-title, title, copyright, contents), for progress.
FRONT_PAGES = 6


def write_single(book: Book, target: Path, options: PdfOptions, progress: Progress | None) -> PdfResult:
    """Lay the whole book out in this process and write it at target, atomically."""
    profile = options.profile
    report(progress, 0, len(book.chapters))
    language = options.language  # settled: write_pdf fills it in
    rendered = printed_chapters(book, language)
    html = book_html(book, language, rendered, copyright_year(options), links=profile.links, theme=options.theme)
    with weasy.pages_laid(ChapterProgress(book, options, progress)):
        document = lay_out_fitted(book, html, options)
    with atomic_path(target) as temporary:
        weasy.write(document, temporary, profile.variant)
    report(progress, len(book.chapters), len(book.chapters))
    pages = document.pages
    return PdfResult(target, len(pages), weasy.page_anchors(pages), weasy.folio_labels(pages), weasy.page_starts(pages))


class ChapterProgress:
    """Turn the pages WeasyPrint has laid out into chapters done, from each chapter's share of the words."""

    def __init__(self, book: Book, options: PdfOptions, progress: Progress | None):
        self.progress, self.total, self.done = progress, len(book.chapters), 0
        words = [chapter_word_count(chapter) for chapter in book.chapters]
        pages, whole = estimated_pages(sum(words), options.trim, options.theme.type_scale), max(sum(words), 1)
        running, self.ends = 0, []
        for count in words:  # the page each chapter is expected to end on, after the front matter
            running += count
            self.ends.append(FRONT_PAGES + pages * running / whole)

    def __call__(self, page: int) -> None:
        """Report every chapter expected to end before this page, never going back."""
        done = sum(1 for end in self.ends[:-1] if end < page)
        if done > self.done:
            self.done = done
            report(self.progress, done, self.total)


def lay_out_fitted(book: Book, html: str, options: PdfOptions):
    """Lay out with the gutter for the estimated page count; again if the real count needs another."""
    guess = first_guess(book, options)
    style = page_style(options, guess)
    document = lay_out(html, page_css(book, style), options)
    pages = len(document.pages)
    if gutter_for(pages) != gutter_for(guess):
        style = replace(style, margins=margins_for(pages))
        document = lay_out(html, page_css(book, style), options)
    return document


def lay_out(html: str, css: str, options: PdfOptions):
    """Lay out a document for the options' profile (a press profile writes a grey output intent)."""
    return weasy.lay_out(html, css, GREY_PROFILE if options.profile.grey else None)
