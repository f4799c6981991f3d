"""The PDF writer: the book laid out as a print-ready interior, in one process or in the workers."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ebookgen.writers import Edition, Writer

if TYPE_CHECKING:
    from ebookgen.model import Book
    from ebookgen.pdf.options import PdfResult


def write_print_edition(book: Book, target: Path, edition: Edition) -> PdfResult:
    """Lay the book out as a PDF with the settled print options and say what was written, with its length."""
    from ebookgen.model import word_count
    from ebookgen.pdf.options import PdfOptions
    from ebookgen.pdf.writer import write_pdf

    built = edition.modified
    options = edition.print_options or replace(
        PdfOptions(), theme=edition.theme, year=built.year, dated=int(built.timestamp())
    )
    options = replace(options, language=edition.language)  # the book's, settled: no stage looks its tag up
    if options.profile.name == "hardcover":  # its copyright page prints the hardcover's ISBN first
        book = replace(book, metadata=replace(book.metadata, edition="hardcover"))
    result = write_pdf(book, target, options, edition.progress, edition.crew)
    notes = (*book.notes, *result.notes)
    return replace(result, chapters=len(book.chapters), words=word_count(book), notes=notes)


WRITER = Writer("pdf", ".pdf", "a print-ready PDF interior", write_print_edition, prints=True)
