"""What every reader hands back: a manuscript file's text and what the file itself says about the book."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ebookgen.model import Contributor


@dataclass(frozen=True)
class FoundMetadata:
    """What a manuscript file says about the book (a header block today); empty strings where it says nothing."""

    title: str = ""
    author: str = ""
    description: str = ""
    subjects: tuple[str, ...] = ()
    series: str = ""
    language: str = ""
    contributors: tuple[Contributor, ...] = ()  # credited in the header: a translator, an editor, an illustrator
    public_domain: bool = False  # the file is a Project Gutenberg text


@dataclass(frozen=True)
class SourceText:
    """A manuscript file's text in raw-text conventions, how it was decoded, what was repaired and its metadata."""

    path: Path
    text: str
    encoding: str
    repairs: tuple[str, ...] = ()
    metadata: FoundMetadata = field(default_factory=FoundMetadata)
    replaced: tuple[tuple[Path, int], ...] = ()  # (file, line) where invalid UTF-8 bytes became U+FFFD.
