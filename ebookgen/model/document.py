"""What a reader hands on: one manuscript file as a document, before the normaliser reads it.

A plain-text or Markdown file is handed on as its raw text (docs/raw-text.md), which the normaliser's
first pass parses. A structured file (Word, a web page, an EPUB) is handed on as model blocks: what
its writer typed in a paragraph is text, never a mark. Either way the record carries what the file says
about the book (``FoundMetadata``), the images it carries and what its reader repaired or left aside.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Union

from ebookgen.model.book import Block, Contributor


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
    """A file a manuscript carries inside it (a DOCX's or an EPUB's image), named as its figures name it."""

    name: str
    data: bytes
    media_type: str


@dataclass(frozen=True)
class Heading:
    """A heading the file marks as one (an HTML ``h1``, Word's Heading 1): level 1 a chapter, or a part when
    a level 2 is used under it; its title as plain words."""

    level: int
    title: str


@dataclass(frozen=True)
class Gap:
    """Empty paragraphs the writer left beyond the usual separator: a pause, or a scene break by the policy."""


@dataclass(frozen=True)
class NewPage:
    """A page break the writer set (Word's, a page's ``break-before``): a scene break between paragraphs."""


@dataclass(frozen=True)
class Furniture:
    """A raw text's lines that are its file's furniture, not its story, as its reader found them (from 0).

    The reader knows the file's conventions (a Project Gutenberg licence, a fan-fiction header block);
    the normaliser blanks these lines before the story is read, and check lists why each went.
    """

    licence: frozenset[int] = frozenset()  # a Project Gutenberg licence header and footer
    credits: frozenset[int] = frozenset()  # the Gutenberg edition's credit lines (`Produced by ...`)
    header: frozenset[int] = frozenset()  # a header block's lines, read as metadata (its notes are kept)
    edition_title: str = ""  # a Gutenberg edition's title: its own title page is dropped too

    @property
    def lines(self) -> frozenset[int]:
        """Return every line to blank."""
        return self.licence | self.credits | self.header


# What a structured reader's body holds: the model's blocks and the three above.
ReadBlock = Union[Block, Heading, Gap, NewPage]


@dataclass(frozen=True)
class Document:
    """One manuscript file as its reader read it: raw text (``blocks`` empty) or model blocks, and the rest.

    For a structured file ``text`` is its blocks written out in raw-text form (``model.outline``): what
    a person reviews, and what check's line numbers count; the normaliser reads the blocks, never it.
    """

    path: Path
    text: str
    encoding: str
    repairs: tuple[str, ...] = ()
    metadata: FoundMetadata = field(default_factory=FoundMetadata)
    replaced: tuple[tuple[Path, int], ...] = ()  # (file, line) where invalid UTF-8 bytes became U+FFFD.
    resources: tuple[Resource, ...] = ()  # images the file carries, named in its figures
    reader: str = ""  # the reader that read it ("plain text", "Markdown", "Word", ...), for check
    unmapped: tuple[str, ...] = ()  # what the reader found but could not map, one line each, for check
    lines: tuple[int, ...] = ()  # the file's line each line of the text came from; empty when they are the same
    blocks: tuple[ReadBlock, ...] = ()  # a structured file's body; empty for a raw-text file
    furniture: Furniture = field(default_factory=Furniture)  # its text's licence and header lines
    counted: str = ""  # what ``lines`` counts in the file when not its lines: "paragraphs" (a Word document's)
    places: tuple[str, ...] = ()  # each text line's place where a number cannot name it: `EPUB/ch1.xhtml:42`

    @property
    def structured(self) -> bool:
        """Tell a document read into blocks from one handed on as raw text."""
        return bool(self.blocks)

    def place(self, line: int) -> str:
        """Name the place in the file a line of the raw text came from: its page and line, or its line."""
        if self.places and line >= 1:
            return self.places[min(line, len(self.places)) - 1]
        return str(self.source_line(line))

    def source_line(self, line: int) -> int:
        """Return the line of the file that a line of the raw text (counted from 1) came from."""
        if not self.lines or line < 1:
            return line
        return self.lines[min(line, len(self.lines)) - 1]
