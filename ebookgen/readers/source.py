"""What every reader hands back: a manuscript file's text and what the file itself says about the book.

The text is in ebookgen's raw-text form, described in docs/raw-text.md: every reader writes it, and the
normaliser reads nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ebookgen.model import Contributor


@dataclass(frozen=True)
class FoundMetadata:
    """What a manuscript file says about the book (a header block, a document's properties, an archive's
    preface, an EPUB's package); empty strings where it says nothing."""

    title: str = ""
    author: str = ""
    description: str = ""
    subjects: tuple[str, ...] = ()  # fandoms, relationships, characters, tags, genres: in that order
    series: str = ""
    language: str = ""  # as the file gives it, a tag or a name ("fr-FR", "Français"): the merge checks it
    contributors: tuple[Contributor, ...] = ()  # credited in the header: a translator, an editor, an illustrator
    public_domain: bool = False  # the file is a Project Gutenberg text
    cover: str = ""  # the name of the file's own cover image among its resources (an EPUB's)
    subtitle: str = ""
    series_index: str = ""  # the work's place in its series: "2"
    rating: str = ""  # a fan archive's rating: "Teen And Up Audiences", "Fiction T"
    warnings: tuple[str, ...] = ()  # a fan archive's warnings: "No Archive Warnings Apply"
    source: str = ""  # where the work was published: its URL
    date: str = ""  # when it was published: YYYY-MM-DD
    publisher: str = ""  # the archive that published it: "Archive of Our Own"
    rights: str = ""  # the rights statement it carries: "All rights reserved", a licence


@dataclass(frozen=True)
class Resource:
    """A file a manuscript carries inside it (a DOCX's or an EPUB's image), named as its raw text names it."""

    name: str
    data: bytes
    media_type: str


@dataclass(frozen=True)
class SourceText:
    """A manuscript file's text in raw-text conventions, how it was decoded, what was repaired and its metadata."""

    path: Path
    text: str
    encoding: str
    repairs: tuple[str, ...] = ()
    metadata: FoundMetadata = field(default_factory=FoundMetadata)
    replaced: tuple[tuple[Path, int], ...] = ()  # (file, line) where invalid UTF-8 bytes became U+FFFD.
    resources: tuple[Resource, ...] = ()  # images the file carries, named in its text's figures
    reader: str = ""  # the reader that read it ("plain text", "Markdown", "Word", ...), for check
    unmapped: tuple[str, ...] = ()  # what the reader found but could not map, one line each, for check
    lines: tuple[int, ...] = ()  # the file's line each line of the text came from; empty when they are the same

    def source_line(self, line: int) -> int:
        """Return the line of the file that a line of the raw text (counted from 1) came from."""
        if not self.lines or line < 1:
            return line
        return self.lines[min(line, len(self.lines)) - 1]
