"""Normalise the documents a book's readers read into the book: the passes (``passes.py``) over each.

A raw text's parse is the first pass; a structured document's blocks are taken as they are. What a
file says about the book fills the metadata the user left at a default.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from ebookgen.model import (
    Book,
    Chapter,
    Metadata,
    Text,
)
from ebookgen.model.document import Document, FoundMetadata
from ebookgen.normalise.options import NormaliseOptions
from ebookgen.normalise.passes import normalise_document
from ebookgen.normalise.report import Findings
from ebookgen.normalise.typography import typeset

ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def normalise_source(source: Document, options: NormaliseOptions, findings: Findings = None) -> list[Chapter]:
    """Turn one read document into typeset chapters: its blocks when a structured reader read it, else its text."""
    return list(normalise_document(source, options, findings).chapters)


def normalise_text(
    text: str, options: NormaliseOptions = NormaliseOptions(), findings: Findings = None
) -> list[Chapter]:
    """Turn one raw text into typeset chapters (no licence or header block taken off: its reader finds those)."""
    return list(normalise_document(Document(Path(""), text, "utf-8"), options, findings).chapters)


def with_found_metadata(metadata: Metadata, found: FoundMetadata, default_titles: frozenset[str]) -> Metadata:
    """Fill what book.toml and the command line left at their defaults from a header block."""
    changes: dict = {}
    if found.title and metadata.title in default_titles:
        changes["title"] = typeset(found.title)
    if found.author and metadata.authors == ("Anonymous",):
        changes["authors"] = tuple(name.strip() for name in found.author.split(" and ") if name.strip())
    if found.description and not metadata.description:
        changes["description"] = typeset(found.description)
    if found.subjects and not metadata.subjects:
        changes["subjects"] = found.subjects
    if found.series and not metadata.series:
        changes["series"] = found.series
    if found.contributors and not metadata.contributors:
        changes["contributors"] = found.contributors
    if found.public_domain:
        changes["public_domain"] = True
    changes.update(archive_metadata(metadata, found))
    return replace(metadata, **changes) if changes else metadata


def archive_metadata(metadata: Metadata, found: FoundMetadata) -> dict:
    """Fill what a download says beyond a header block: subtitle, series place, date, source, rating, warnings."""
    changes: dict = {}
    if found.subtitle and not metadata.subtitle:
        changes["subtitle"] = typeset(found.subtitle)
    if found.series_index.isdigit() and not metadata.series_index and (metadata.series or found.series):
        changes["series_index"] = found.series_index
    if ISO_DAY.fullmatch(found.date) and not metadata.date:
        changes["date"] = found.date
    for name in ("source", "rating", "warnings"):
        if getattr(found, name) and not getattr(metadata, name):
            changes[name] = getattr(found, name)
    return changes


def build_book(
    sources: Sequence[Document],
    metadata: Metadata,
    options: NormaliseOptions = NormaliseOptions(),
    default_titles: frozenset[str] = frozenset(),
    findings: Findings = None,
) -> Book:
    """Normalise the texts its readers gave into a book, numbering chapters in order.

    What the first file says about the book (its header block) fills the metadata left at a
    default (``default_titles`` are the titles that were only guessed from a file name).
    """
    if sources:
        metadata = with_found_metadata(metadata, sources[0].metadata, default_titles)
    options = replace(options, language=metadata.language, title=metadata.title, authors=metadata.authors)
    chapters = [chapter for source in sources for chapter in normalise_source(source, options, findings)]
    numbered = tuple(replace(chapter, number=number) for number, chapter in enumerate(chapters, start=1))
    return Book(metadata=metadata, chapters=numbered)


__all__ = ["NormaliseOptions", "build_book", "normalise_source", "normalise_text", "Text"]
