"""Normalise the documents a book's readers read into the book: the passes (``passes.py``) over each.

A raw text's parse is the first pass; a structured document's blocks are taken as they are. What a
file says about the book fills the metadata the user left at a default (``found.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ebookgen.languages import Language
from ebookgen.model import (
    Book,
    Chapter,
    Metadata,
    Text,
)
from ebookgen.model.document import Document
from ebookgen.normalise.found import Explicit, merge_found
from ebookgen.normalise.options import NormaliseOptions
from ebookgen.normalise.passes import normalise_document
from ebookgen.normalise.report import Findings


def normalise_source(source: Document, options: NormaliseOptions, findings: Findings = None) -> list[Chapter]:
    """Turn one read document into typeset chapters: its blocks when a structured reader read it, else its text."""
    return list(normalise_document(source, options, findings).chapters)


def normalise_text(
    text: str, options: NormaliseOptions = NormaliseOptions(), findings: Findings = None
) -> list[Chapter]:
    """Turn one raw text into typeset chapters (no licence or header block taken off: its reader finds those)."""
    return list(normalise_document(Document(Path(""), text, "utf-8"), options, findings).chapters)


@dataclass(frozen=True)
class NormalisedBook:
    """A normalised book and its language's record, settled once from the merged metadata for every later stage."""

    book: Book
    language: Language


def normalise_book(
    sources: Sequence[Document],
    metadata: Metadata,
    options: NormaliseOptions = NormaliseOptions(),
    default_titles: frozenset[str] = frozenset(),
    findings: Findings = None,
    explicit: Explicit = Explicit(),
) -> NormalisedBook:
    """Normalise the texts its readers gave into a book, numbering chapters in order, with its language's record.

    What the first file says about the book (its header block, properties, download page) fills the
    metadata the user did not set (``default_titles`` are the titles only guessed from a file name),
    the language among it: its record is settled there, once (``merge_found``).
    """
    merged = merge_found(metadata, sources[0] if sources else None, explicit, default_titles)
    metadata = merged.metadata
    options = replace(options, language=merged.language, title=metadata.title, authors=metadata.authors)
    chapters = [chapter for source in sources for chapter in normalise_source(source, options, findings)]
    numbered = tuple(replace(chapter, number=number) for number, chapter in enumerate(chapters, start=1))
    book = Book(metadata=metadata, chapters=numbered, notes=merged.notes, origins=merged.origins)
    return NormalisedBook(book, merged.language)


def build_book(
    sources: Sequence[Document],
    metadata: Metadata,
    options: NormaliseOptions = NormaliseOptions(),
    default_titles: frozenset[str] = frozenset(),
    findings: Findings = None,
    explicit: Explicit = Explicit(),
) -> Book:
    """Normalise the texts its readers gave into a book (``normalise_book``'s, without its language record)."""
    return normalise_book(sources, metadata, options, default_titles, findings, explicit).book


__all__ = [
    "NormaliseOptions",
    "NormalisedBook",
    "Text",
    "build_book",
    "normalise_book",
    "normalise_source",
    "normalise_text",
]
