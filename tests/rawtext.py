"""Normalise a raw text in tests as a book build does: its furniture (licence, header block) found as its reader
finds it, then the normaliser's passes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ebookgen.model import Chapter
from ebookgen.model.document import Document, FoundMetadata
from ebookgen.normalise.conservation import Removal
from ebookgen.normalise.conservation import removals as removals_of
from ebookgen.normalise.options import NormaliseOptions
from ebookgen.normalise.pipeline import normalise_source
from ebookgen.readers.furniture import furniture_of
from ebookgen.readers.header import header_metadata


@dataclass(frozen=True)
class Manuscript:
    """One normalised manuscript: its chapters and what its header block said about the book."""

    chapters: list[Chapter]
    found: FoundMetadata


def document(text: str) -> Document:
    """Return a raw text as the plain-text reader hands it on."""
    return Document(Path("story.txt"), text, "utf-8", metadata=header_metadata(text), furniture=furniture_of(text))


def normalise_text(text: str, options: NormaliseOptions = NormaliseOptions(), findings=None) -> list[Chapter]:
    """Turn a raw text into typeset chapters, its furniture off."""
    return normalise_source(document(text), options, findings)


def normalise_manuscript(text: str, options: NormaliseOptions = NormaliseOptions(), findings=None) -> Manuscript:
    """Turn a raw text into typeset chapters, with what its header block says about the book."""
    return Manuscript(normalise_text(text, options, findings), header_metadata(text))


def removals(text: str, options: NormaliseOptions = NormaliseOptions()) -> list[Removal]:
    """Return what of a raw text did not reach the book, and why."""
    return removals_of(text, options, normalise_text(text, options), furniture_of(text))
