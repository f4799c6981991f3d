"""Collections: one book from several works (a fanbinder's anthology, an author's box set).

book.toml's ``works`` lists them, each a manuscript file or folder inside the project:
``works = [{source = "harbour.html"}, {source = "tide/", title = "Tide", author = "Bo Park", notes = "...",
rights = "..."}]``. Each work is read as a book of its own (its folder's book.toml too), then becomes a part of
the collection: the part's page carries the work's title, its author, its notes and its copyright line; the
work's own parts follow on pages of their own, then its chapters, numbered within the work. One contents lists
every work, part and chapter, in both editions.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ebookgen.errors import ConfigError

if TYPE_CHECKING:  # the model stays unloaded for `ebookgen --help` (the settings table names check_works)
    from ebookgen.languages.records import BookWords
    from ebookgen.model import Book, Chapter, Image, Metadata

WORK_KEYS = frozenset({"source", "title", "author", "notes", "rights"})


@dataclass(frozen=True)
class Work:
    """One work of a collection: its manuscript, and what book.toml says of it over what the work says itself."""

    source: Path
    title: str = ""
    author: str = ""
    notes: str = ""
    rights: str = ""


def check_works(value: object) -> None:
    """Refuse a work without a source, or with a key a work does not take."""
    for index, item in enumerate(value):
        where = f"works[{index}]"
        if set(item) - WORK_KEYS:
            unknown = ", ".join(sorted(set(item) - WORK_KEYS))
            raise ConfigError(f"{where}: {unknown} is not a work's key ({', '.join(sorted(WORK_KEYS))})")
        if not isinstance(item.get("source"), str) or not item["source"].strip():
            raise ConfigError(f"{where}: give the work's manuscript file or folder as source")
        if any(not isinstance(item[key], str) for key in item):
            raise ConfigError(f"{where}: every value of a work is a string")
    if not value:
        raise ConfigError("works holds an empty list; list the works in reading order")


def works_from(config: dict, folder: Path) -> tuple[Work, ...]:
    """Return book.toml's works, each source inside the project folder, or fail naming the one that is not."""
    works = []
    root = folder.resolve()
    for index, item in enumerate(config.get("works", ())):
        source = folder / item["source"]
        if not source.resolve().is_relative_to(root) or source.resolve() == root:
            raise ConfigError(f"{folder / 'book.toml'}: works[{index}] {item['source']!r} is not inside the project")
        if not source.exists():
            raise ConfigError(f"{folder / 'book.toml'}: works[{index}] {item['source']!r}: no such file or folder")
        fields = {key: item.get(key, "") for key in ("title", "author", "notes", "rights")}
        works.append(Work(source, **fields))
    return tuple(works)


def work_lines(work: Work, metadata: Metadata, collection: Metadata, words: BookWords, year: int) -> tuple[str, ...]:
    """Return what the work's part page carries under its title: byline, notes, copyright line.

    The work's own metadata stands where book.toml's entry says nothing, the collection's where neither does;
    the build's year (SOURCE_DATE_EPOCH's, else the manuscript's) where no date does.
    """
    named = metadata.author if metadata.authors != ("Anonymous",) else ""
    author = work.author or named or collection.author
    # The year the work's date gives, else the collection's, else the build's, as the copyright page has it.
    dated = next((date[:4] for date in (metadata.date, collection.date, str(year)) if date[:4].isdigit()), "")
    owned = " ".join(words.copyright_line.format(year=dated, author=author).split())  # the book's language's words
    rights = work.rights or metadata.rights or f"{owned} {words.rights}"
    notes = work.notes or metadata.description
    return tuple(line for line in (words.by_author.format(author=author), notes, rights) if line)


def work_chapters(
    book: Book, work: Work, collection: Metadata, first_number: int, words: BookWords, year: int
) -> list[Chapter]:
    """Return a work's chapters numbered on from the collection's, titled by their number within the work."""
    title = work.title or book.metadata.title
    chapters = []
    for index, chapter in enumerate(book.chapters):
        named = chapter.title or words.chapter.format(number=chapter.number or index + 1)
        # The work's own parts get pages of their own after the work's, listed under it; a part named as the
        # work is (a one-part work titled by its part) is the work's page itself.
        own = chapter.part if chapter.part and not (index == 0 and chapter.part == title) else ""
        lines = work_lines(work, book.metadata, collection, words, year) if index == 0 else ()
        opening = {"part": title if index == 0 else "", "part_lines": lines, "subpart": own}
        chapters.append(replace(chapter, title=named, number=first_number + index, **opening))
    return chapters


def own_images(book: Book, taken: dict[str, Image], index: int) -> Book:
    """Rename a work's images whose names another work's different image already has, so each keeps its own."""
    clashes = {i.name: f"work-{index}/{i.name}" for i in book.images if i.name in taken and taken[i.name] != i}
    if not clashes:
        return book
    chapters = tuple(
        replace(c, blocks=renamed(c.blocks, clashes), notes=renamed(c.notes, clashes)) for c in book.chapters
    )
    images = tuple(replace(i, name=clashes.get(i.name, i.name)) for i in book.images)
    return replace(book, chapters=chapters, images=images)


def renamed(blocks: tuple, names: dict[str, str]) -> tuple:
    """Return the blocks with their figures' sources renamed, inside quotes, notes and other nested blocks too."""
    from ebookgen.model import Figure

    out = []
    for block in blocks:
        if isinstance(block, Figure) and block.source in names:
            block = replace(block, source=names[block.source])
        inner = getattr(block, "blocks", None)
        if isinstance(inner, tuple) and inner:
            block = replace(block, blocks=renamed(inner, names))
        out.append(block)
    return tuple(out)


def collected(
    project_metadata: Metadata, works: tuple[Work, ...], books: list[Book], words: BookWords, year: int
) -> Book:
    """Return the collection of the works, read as books: one book, each work a part; `year` is the build's."""
    from ebookgen.model import Book

    chapters: list[Chapter] = []
    images: dict[str, Image] = {}
    notes = []
    for index, (work, book) in enumerate(zip(works, books, strict=True), start=1):
        book = own_images(book, images, index)
        chapters += work_chapters(book, work, project_metadata, len(chapters) + 1, words, year)
        images.update({image.name: image for image in book.images})
        notes += book.notes
    return Book(project_metadata, tuple(chapters), tuple(notes), tuple(images.values()))
