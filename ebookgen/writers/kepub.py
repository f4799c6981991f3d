"""The kepub writer: the EPUB in Kobo's form, for highlights, bookmarks and reading statistics on a Kobo."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ebookgen.writers import Edition, Writer
from ebookgen.writers.epub import EpubResult, write_epub_edition

if TYPE_CHECKING:
    from ebookgen.model import Book


def write_kepub(book: Book, target: Path, edition: Edition) -> EpubResult:
    """Write the book as a Kobo kepub: the EPUB, its text in Kobo's spans."""
    return write_epub_edition(book, target, edition, kobo=True)


WRITER = Writer("kepub", ".kepub.epub", "the EPUB in Kobo's kepub form", write_kepub)
