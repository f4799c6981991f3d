"""The EPUB 3 writer: the book packaged as an e-book, in the theme's light e-book style."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ebookgen.writers import Edition, Writer

if TYPE_CHECKING:
    from ebookgen.model import Book


@dataclass(frozen=True)
class EpubResult:
    """What the EPUB writer wrote: the file, the book's length, and one line for each thing the user should know."""

    path: Path
    chapters: int
    words: int
    notes: tuple[str, ...] = ()


def write_epub_edition(book: Book, target: Path, edition: Edition, kobo: bool = False) -> EpubResult:
    """Write the book as an EPUB 3 (Kobo's kepub form if asked) and say what was written."""
    from ebookgen.epub.writer import EpubOptions, write_epub
    from ebookgen.model import word_count

    options = EpubOptions(edition.modified, kobo, edition.embed_fonts, edition.print_edition, edition.theme)
    from ebookgen.epub.cover import cover_notes

    written = write_epub(book, target, options)
    return EpubResult(
        written, len(book.chapters), word_count(book), (*book.notes, *cover_notes(book.metadata, book.cover))
    )


WRITER = Writer("epub", ".epub", "an EPUB 3 e-book for any reading app or e-reader", write_epub_edition)
