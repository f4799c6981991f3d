"""The document model: a neutral tree that every writer reads and no writer looks past.

The reader and the normaliser build it; ``render`` turns it into XHTML. Blocks are small
frozen records, so a chapter is a plain tuple of them and can be compared in tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union


@dataclass(frozen=True)
class Text:
    """A run of plain text."""

    text: str


@dataclass(frozen=True)
class Emphasis:
    """A run of emphasised text (``*word*`` or ``_word_`` in the manuscript)."""

    children: tuple[Inline, ...]


Inline = Union[Text, Emphasis]


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
    """An author's note (``A/N:``), set apart from the story."""

    inlines: tuple[Inline, ...]


@dataclass(frozen=True)
class SceneBreak:
    """A change of scene, rendered as an ornament."""


@dataclass(frozen=True)
class Flashback:
    """A passage set in the past, rendered in italics."""

    blocks: tuple[Block, ...]


Block = Union[Paragraph, SceneNote, AuthorNote, SceneBreak, Flashback]


@dataclass(frozen=True)
class Chapter:
    """One chapter: a title (possibly empty) and its blocks."""

    title: str
    blocks: tuple[Block, ...]
    number: int = 0
    part: str = ""  # The title of a part (`Part One`, `BOOK ONE`) that begins just before this chapter.


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
    # Back matter, after the last chapter: texts of paragraphs parted by blank lines, a list of titles, a call.
    afterword: str = ""
    acknowledgements: str = ""
    about_the_author: str = ""
    also_by: tuple[str, ...] = ()
    newsletter: Newsletter | None = None

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


def plain_text(inlines: tuple[Inline, ...]) -> str:
    """Return the text of inline runs without markup."""
    parts: list[str] = []
    for run in inlines:
        parts.append(run.text if isinstance(run, Text) else plain_text(run.children))
    return "".join(parts)


def iter_paragraph_blocks(blocks: tuple[Block, ...]):
    """Yield every text-bearing block, looking inside flashbacks."""
    for block in blocks:
        if isinstance(block, Flashback):
            yield from iter_paragraph_blocks(block.blocks)
        elif not isinstance(block, SceneBreak):
            yield block


def chapter_word_count(chapter: Chapter) -> int:
    """Count the words of a chapter's text."""
    return sum(len(plain_text(block.inlines).split()) for block in iter_paragraph_blocks(chapter.blocks))


def word_count(book: Book) -> int:
    """Count the words of the book's text."""
    return sum(chapter_word_count(chapter) for chapter in book.chapters)
