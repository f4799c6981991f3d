"""The document model: a neutral tree that every writer reads and no writer looks past.

The reader and the normaliser build it; ``render`` turns it into XHTML. Blocks are small
frozen records, so a chapter is a plain tuple of them and can be compared in tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

from ebookgen.model.origins import MetadataOrigin


@dataclass(frozen=True)
class Text:
    """A run of plain text."""

    text: str


@dataclass(frozen=True)
class Emphasis:
    """A run of emphasised text (``*word*`` or ``_word_`` in the manuscript)."""

    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Strong:
    """A run of strongly emphasised text (``**word**`` in the raw text), set in bold."""

    children: tuple[Inline, ...]


@dataclass(frozen=True)
class LineBreak:
    """A line end the author kept inside a block (a raw-text line ending in ``\\``): lyrics, an address, texts."""


@dataclass(frozen=True)
class NoteRef:
    """Where a note is called in the text (``[^label]``); its number counts the chapter's notes from 1."""

    label: str
    number: int = 0


@dataclass(frozen=True)
class Formula:
    """A mathematical formula: its MathML (one whole ``<math>`` element), what it says for a reader who cannot
    see it (its alt text: the source's own, its TeX, or its symbols), and whether it stands on a line of its own."""

    mathml: str
    alt: str
    display: bool = False


Inline = Union[Text, Emphasis, Strong, LineBreak, NoteRef, Formula]


@dataclass(frozen=True)
class Paragraph:
    """An ordinary paragraph of narration or dialogue."""

    inlines: tuple[Inline, ...]


@dataclass(frozen=True)
class SceneNote:
    """A scene-setting note, such as an opening parenthetical telling where the scene is."""

    inlines: tuple[Inline, ...]


@dataclass(frozen=True)
class AuthorNote:
    """An author's note (``A/N:``, or a paragraph of a ``::: note`` block), set apart from the story."""

    inlines: tuple[Inline, ...]
    title: str = ""  # the heading a ``::: note Notes`` block gives, on its first paragraph


@dataclass(frozen=True)
class SceneBreak:
    """A change of scene, rendered as an ornament."""


@dataclass(frozen=True)
class Flashback:
    """A passage set in the past, rendered in italics."""

    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class VerseLine:
    """One line of verse and how far the author indented it (in spaces)."""

    inlines: tuple[Inline, ...]
    indent: int = 0


@dataclass(frozen=True)
class Verse:
    """Lines kept as typed (a poem, song lyrics, a letter's address block), in stanzas."""

    stanzas: tuple[tuple[VerseLine, ...], ...]


@dataclass(frozen=True)
class BlockQuote:
    """A passage quoted as a block (a letter, a message, an inscription): ``> `` lines in the raw text."""

    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class ListItem:
    """One item of a list."""

    inlines: tuple[Inline, ...]


@dataclass(frozen=True)
class ListBlock:
    """A list (``- item`` or ``1. item`` lines): bulleted, or numbered from ``start``."""

    items: tuple[ListItem, ...]
    ordered: bool = False
    start: int = 1


@dataclass(frozen=True)
class Figure:
    """An image set as a block: its source name (a resource or a file), its alt text and its caption."""

    source: str
    alt: str
    inlines: tuple[Inline, ...] = ()  # the caption, empty when there is none


@dataclass(frozen=True)
class ChatLine:
    """One message of a chat log or a text-message exchange: who sent it and what it says."""

    sender: str
    message: tuple[Inline, ...]

    @property
    def inlines(self) -> tuple[Inline, ...]:
        """Return the line as read: the sender, a colon, the message (for counting and checking words)."""
        return (Text(f"{self.sender}: "), *self.message)


@dataclass(frozen=True)
class ChatLog:
    """Messages typed as ``Name: message`` lines in one block, set as one block with the senders distinct."""

    lines: tuple[ChatLine, ...]


@dataclass(frozen=True)
class TableCell:
    """One cell of a table: its text (paragraphs joined by kept line ends), whether it heads its row or column,
    how many columns and rows it spans, and how a Markdown table aligns it (`start`, `center`, `end` or none)."""

    inlines: tuple[Inline, ...]
    header: bool = False
    columns: int = 1
    rows: int = 1
    align: str = ""


@dataclass(frozen=True)
class Table:
    """A table the author typed (a schedule, a ship's log, letters side by side): rows of cells, the first
    ``head`` rows its column headings, and its caption."""

    rows: tuple[tuple[TableCell, ...], ...]
    head: int = 0
    caption: tuple[Inline, ...] = ()

    @property
    def cells(self) -> tuple[TableCell, ...]:
        """Return every cell in reading order, row by row."""
        return tuple(cell for row in self.rows for cell in row)


Block = Union[
    Paragraph, SceneNote, AuthorNote, SceneBreak, Flashback, Verse, BlockQuote, ListBlock, Figure, ChatLog, Table
]


@dataclass(frozen=True)
class Footnote:
    """A note (``[^label]: text`` in the raw text) called from a chapter: its label, number and paragraphs."""

    label: str
    number: int
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Image:
    """An image a figure shows, its bytes read: the name the raw text gives it, and its media type."""

    name: str
    data: bytes
    media_type: str


@dataclass(frozen=True)
class Chapter:
    """One chapter: a title (possibly empty) and its blocks."""

    title: str
    blocks: tuple[Block, ...]
    number: int = 0
    part: str = ""  # The title of a part (`Part One`, `BOOK ONE`) that begins just before this chapter.
    notes: tuple[Footnote, ...] = ()  # the notes its text calls, in the order of their numbers
    part_lines: tuple[str, ...] = ()  # lines the part's page carries under its title (a collected work's byline)
    # In a collection, a work's own part (its `Part One`) that begins before this chapter: a page of its own,
    # after the work's page when both open here, and listed under the work in the contents.
    subpart: str = ""


@dataclass(frozen=True)
class Role:
    """What a contributor did: its MARC relator code (for the EPUB) and the title page's credit."""

    marc: str
    credit: str


# The roles book.toml's contributors may have, by the name a user writes.
CONTRIBUTOR_ROLES = {
    "translator": Role("trl", "Translated by"),
    "editor": Role("edt", "Edited by"),
    "illustrator": Role("ill", "Illustrated by"),
    "introduction": Role("win", "Introduction by"),
    "foreword": Role("wfw", "Foreword by"),
    "afterword": Role("aft", "Afterword by"),
    "cover artist": Role("cov", "Cover by"),
}


@dataclass(frozen=True)
class Contributor:
    """Someone other than the author who made the book: a translator, an editor, an illustrator..."""

    name: str
    role: str  # a key of CONTRIBUTOR_ROLES


@dataclass(frozen=True)
class Newsletter:
    """The back matter's call to action: where readers sign up, and the line that asks them to."""

    url: str
    line: str


@dataclass(frozen=True)
class Metadata:
    """What the book says about itself: title page, OPF metadata, PDF info."""

    title: str
    authors: tuple[str, ...] = ("Anonymous",)
    language: str = "en"
    subtitle: str = ""
    description: str = ""
    subjects: tuple[str, ...] = ()
    publisher: str = ""
    rights: str = ""
    identifier: str = ""
    date: str = ""
    series: str = ""
    series_index: str = ""
    dedication: str = ""
    epigraph: str = ""
    epigraph_source: str = ""
    cover: str = ""
    author_sort: tuple[str, ...] = ()  # How a library files each author ("Le Guin, Ursula K."); derived when empty.
    contributors: tuple[Contributor, ...] = ()
    public_domain: bool = False  # a Project Gutenberg text, or book.toml's rights = "public domain"
    source: str = ""  # where the work was first published (an archive's URL), from its download
    rating: str = ""  # a fan archive's rating ("Teen And Up Audiences"), from its download
    warnings: tuple[str, ...] = ()  # a fan archive's warnings, from its download
    # Back matter, after the last chapter: texts of paragraphs parted by blank lines, a list of titles, a call.
    afterword: str = ""
    acknowledgements: str = ""
    about_the_author: str = ""
    also_by: tuple[str, ...] = ()
    newsletter: Newsletter | None = None
    # Each edition's own ISBN, (edition, digits): ebook, paperback, hardcover; and the edition this book is.
    edition_isbns: tuple[tuple[str, str], ...] = ()
    edition: str = ""

    @property
    def author(self) -> str:
        """Return the authors joined for display."""
        names = list(self.authors)
        if len(names) <= 1:
            return "".join(names)
        return ", ".join(names[:-1]) + " and " + names[-1]


@dataclass(frozen=True)
class Book:
    """A whole book: its metadata and its chapters in reading order."""

    metadata: Metadata
    chapters: tuple[Chapter, ...]
    notes: tuple[str, ...] = field(default=(), compare=False)
    images: tuple[Image, ...] = ()  # the images its figures show, each once
    cover: Image | None = None  # the cover its manuscript file carried (an EPUB's), when book.toml names none
    origins: tuple[MetadataOrigin, ...] = field(default=(), compare=False)  # where each metadata field came from


def plain_text(inlines: tuple[Inline, ...], formulas: bool = True) -> str:
    """Return the text of inline runs without markup (a kept line end a newline, a note call nothing, a formula
    its alt text, or nothing without ``formulas``: the print edition draws it, in no face)."""
    parts: list[str] = []
    for run in inlines:
        if isinstance(run, Text):
            parts.append(run.text)
        elif isinstance(run, LineBreak):
            parts.append("\n")
        elif isinstance(run, (Emphasis, Strong)):
            parts.append(plain_text(run.children, formulas))
        elif isinstance(run, Formula) and formulas:
            parts.append(run.alt)
    return "".join(parts)


def iter_paragraph_blocks(blocks: tuple[Block, ...]):
    """Yield every text-bearing record (each with its ``inlines``), looking inside flashbacks, quotes and verse."""
    for block in blocks:
        if isinstance(block, (Flashback, BlockQuote)):
            yield from iter_paragraph_blocks(block.blocks)
        elif isinstance(block, Verse):
            yield from (line for stanza in block.stanzas for line in stanza)
        elif isinstance(block, ListBlock):
            yield from block.items
        elif isinstance(block, ChatLog):
            yield from block.lines
        elif isinstance(block, Table):
            yield from (TableCell(block.caption),) if block.caption else ()
            yield from block.cells
        elif not isinstance(block, SceneBreak):
            yield block


def iter_chapter_text(chapter: Chapter):
    """Yield every text-bearing record of a chapter: its blocks', then its notes'."""
    yield from iter_paragraph_blocks(chapter.blocks)
    for note in chapter.notes:
        yield from iter_paragraph_blocks(note.blocks)


def chapter_word_count(chapter: Chapter) -> int:
    """Count the words of a chapter's text, its notes' too."""
    return sum(len(plain_text(block.inlines).split()) for block in iter_chapter_text(chapter))


def word_count(book: Book) -> int:
    """Count the words of the book's text."""
    return sum(chapter_word_count(chapter) for chapter in book.chapters)
