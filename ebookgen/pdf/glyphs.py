"""Find the characters of the printed book that no face can set: not EB Garamond, nor a fallback face.

A character EB Garamond lacks is set in the fallback face for its script (``pdf/fonts.py``: Noto Serif CJK,
Noto Naskh Arabic, Noto Serif Hebrew, Devanagari and the rest, Noto Sans Symbols, the monochrome Noto Emoji;
``make fonts`` installs them), found by path. One that no face has would print as a box: the build goes on,
with one note naming the character and where it is; the characters whose face is not installed make one note
naming the face and what installs it. Looking at the fallback faces costs nothing for a book EB Garamond sets
alone. ``faces_css`` declares the fallback faces a book needs for its PDF.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ebookgen.model import Book, iter_chapter_text, plain_text
from ebookgen.pdf.fonts import fallback_css
from ebookgen.resources.faces import (
    FALLBACKS,
    MAKE_FONTS,
    Fallback,
    covered,
    find_file,
    in_blocks,
    installed,
    text_characters,
)

if TYPE_CHECKING:
    from ebookgen.languages import Language
    from ebookgen.model.document import Document as SourceText

# Characters Pango sets without a glyph of the face: controls, format marks, separators (and spaces).
SHAPER_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Mn", "Me"}
SHOWN = 3  # characters named in the note; the rest are counted


@dataclass(frozen=True)
class Unset:
    """A character no face has, and where the book first uses it."""

    char: str
    place: str  # the chapter (or the book's metadata) it is in
    snippet: str


def fallback_faces() -> tuple[tuple[Path, int], ...]:
    """Return the file and face index of each fallback face installed on this machine."""
    return tuple((path, fallback.index) for fallback in FALLBACKS if (path := find_file(fallback.regular)))


def absent_face(char: str) -> Fallback | None:
    """Return the fallback face that would set a character but is not installed, or None."""
    return next((face for face in FALLBACKS if in_blocks(ord(char), face.blocks) and not installed(face)), None)


def book_strings(book: Book):
    """Yield (place, text) for every piece of text the printed book sets: metadata, titles and paragraphs."""
    meta = book.metadata
    for value in (meta.title, meta.subtitle, meta.author, meta.publisher, meta.rights, meta.dedication):
        yield "the book's metadata", value
    yield "the book's metadata", meta.epigraph
    yield "the book's metadata", meta.epigraph_source
    for chapter in book.chapters:
        place = f"chapter {chapter.number}" + (f" ({chapter.title})" if chapter.title else "")
        yield place, chapter.title
        yield place, chapter.part
        yield place, chapter.subpart
        yield from ((place, line) for line in chapter.part_lines)
        for block in iter_chapter_text(chapter):
            yield place, plain_text(block.inlines, formulas=False)  # a formula is drawn, in no face


def unset_among(used: set[str]) -> set[str]:
    """Return the characters of used that no face can set: EB Garamond first, the fallback faces only if needed."""
    text = text_characters()
    return {
        char
        for char in used
        if ord(char) not in text
        and not char.isspace()
        and unicodedata.category(char) not in SHAPER_CATEGORIES
        and not any(ord(char) in covered(face) for face in FALLBACKS)
    }


def unset_in_lines(lines: list[str]) -> list[tuple[int, str]]:
    """Return (line number, character) for the first use of each character no face can set, in reading order."""
    missing = unset_among(set().union(*(set(line) for line in lines)) if lines else set())
    found: dict[str, tuple[int, int]] = {}
    for number, line in enumerate(lines if missing else (), start=1):
        for char in missing.intersection(line) - found.keys():
            found[char] = (number, line.index(char))
    return [(number, char) for char, (number, _) in sorted(found.items(), key=lambda item: item[1])]


def unset_characters(book: Book) -> list[Unset]:
    """Return each character no face can set, with where the book first uses it."""
    strings = list(book_strings(book))
    missing = unset_among(set().union(*(set(value) for _, value in strings)))
    found: dict[str, Unset] = {}
    for place, value in strings if missing else ():
        for char in missing.intersection(value) - found.keys():
            index = value.index(char)
            found[char] = Unset(char, place, value[max(0, index - 20) : index + 20].replace("\n", " ").strip())
    return list(found.values())


GLYPH_NOTE = "no face has a glyph for"


def named(char: str) -> str:
    """Name a character as the notes do: U+05E9 HEBREW LETTER SHIN."""
    return f"U+{ord(char):04X} {unicodedata.name(char, 'unnamed')}"


def absent_clause(faces: list[Fallback]) -> str:
    """Say which fallback faces are missing and what installs them."""
    names = " and ".join(dict.fromkeys(face.name for face in faces))
    packages = ", ".join(dict.fromkeys(face.brings for face in faces))
    one = len(dict.fromkeys(face.name for face in faces)) == 1
    return (
        f"{names} {'is' if one else 'are'} not installed; {MAKE_FONTS} installs {'it' if one else 'them'} ({packages})"
    )


def absent_line(places: dict[str, str], lead: bool = True) -> str:
    """Return the one note for the characters whose fallback face is missing: each face's first, at its place.

    With lead, the first character's place (a FILE:LINE) opens the line; otherwise each place follows its character.
    """
    by_face: dict[Fallback, list[str]] = {}
    for char in places:
        by_face.setdefault(absent_face(char), []).append(char)
    firsts = [chars[0] for chars in by_face.values()][:SHOWN]
    shown = ", ".join(
        named(char) if lead and index == 0 else f"{named(char)} ({places[char]})" for index, char in enumerate(firsts)
    )
    more = f" and {len(places) - len(firsts)} more characters" if len(places) > len(firsts) else ""
    line = f"{GLYPH_NOTE} {shown}{more}, which print as boxes: {absent_clause(list(by_face))}"
    return f"{places[firsts[0]]}: {line}" if lead else line


def glyph_lines(sources: list[SourceText]) -> tuple[str, ...]:
    """Return the notes of the characters no face can set, at the FILE:LINE of their first use.

    Those a missing fallback face would set make one line naming the face and what installs it; each
    other character (a few, then a count) one line of its own.
    """
    found: dict[str, str] = {}
    for source in sources:
        for line, char in unset_in_lines(source.text.split("\n")):
            found.setdefault(char, f"{source.path}:{source.source_line(line)}")
    absent = {char: where for char, where in found.items() if absent_face(char)}
    notes = [f"{where}: {GLYPH_NOTE} {named(char)}; it prints as a box" for char, where in found.items()]
    notes = [note for char, note in zip(found, notes, strict=True) if char not in absent]
    more = [f"{GLYPH_NOTE} {len(notes) - SHOWN} more characters"] if len(notes) > SHOWN else []
    return (*([absent_line(absent)] if absent else []), *notes[:SHOWN], *more)


def glyph_notes(book: Book) -> tuple[str, ...]:
    """Return a note naming the first few characters no face can set, and one for a missing fallback face."""
    unset = unset_characters(book)
    absent = [item for item in unset if absent_face(item.char)]
    unset = [item for item in unset if item not in absent]
    notes = []
    if absent:
        places = {item.char: item.place for item in absent}
        notes.append(absent_line(places, lead=False))
    if unset:
        shown = "; ".join(f"{named(item.char)} in {item.place}: \u201c{item.snippet}\u201d" for item in unset[:SHOWN])
        more = f" and {len(unset) - SHOWN} more" if len(unset) > SHOWN else ""
        notes.append(f"{GLYPH_NOTE} {shown}{more}; it prints as a box (`ebookgen check` gives the line)")
    return tuple(notes)


def faces_css(book: Book, language: Language) -> str:
    """Declare, by file, the fallback faces the printed book needs: its text's, its metadata's, its own words'
    (its language's record's)."""
    from dataclasses import astuple

    words = str(astuple(language.words))
    metadata = str(astuple(book.metadata))  # every field the front and back matter may print, contributors too
    text = "".join(value or "" for _, value in book_strings(book))
    return fallback_css(text + metadata + words, book.metadata.language)
