"""Normalise the documents a book's readers read into the book: the passes (``passes.py``) over each.

A raw text's parse is the first pass; a structured document's blocks are taken as they are. What a
file says about the book fills the metadata the user left at a default (``found.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

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


def build_book(
    sources: Sequence[Document],
    metadata: Metadata,
    options: NormaliseOptions = NormaliseOptions(),
    default_titles: frozenset[str] = frozenset(),
    findings: Findings = None,
    explicit: Explicit = Explicit(),
) -> Book:
    """Normalise the texts its readers gave into a book, numbering chapters in order.

    What the first file says about the book (its header block, properties, download page) fills the
    metadata the user did not set (``default_titles`` are the titles only guessed from a file name).
    """
    merged = merge_found(metadata, sources[0] if sources else None, explicit, default_titles)
    metadata = merged.metadata
    options = replace(options, language=metadata.language, title=metadata.title, authors=metadata.authors)
    chapters = [chapter for source in sources for chapter in normalise_source(source, options, findings)]
    numbered = tuple(replace(chapter, number=number) for number, chapter in enumerate(chapters, start=1))
    return Book(metadata=metadata, chapters=numbered, notes=merged.notes, origins=merged.origins)


__all__ = ["NormaliseOptions", "build_book", "normalise_source", "normalise_text", "Text"]
