"""Find the characters of the printed book that no face can set: not EB Garamond, nor a fallback face.

A character EB Garamond lacks is set in the fallback face print.css names for its script (Noto Serif CJK,
Noto Naskh Arabic, Noto Serif Hebrew, Noto Sans Symbols, Noto Emoji: ``make fonts`` installs them). One
that no face has would print as a box: the build goes on, with one note naming the character and where
it is. Looking at the fallback faces costs nothing for a book EB Garamond sets alone.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ebookgen.model import Book, iter_chapter_text, plain_text
from ebookgen.resources import styles_dir

if TYPE_CHECKING:
    from ebookgen.readers.source import SourceText

# The faces the text is set in: roman for the story, italic for flashbacks and emphasis.
TEXT_FACES = ("EBGaramond-Regular.ttf", "EBGaramond-Italic.ttf")
# The fallback families of print.css, in its order.
FALLBACK_FAMILIES = (
    "Noto Serif CJK JP",
    "Noto Naskh Arabic",
    "Noto Serif Hebrew",
    "Noto Sans Symbols 2",
    "Noto Sans Symbols",
    "Noto Emoji",
)
# Characters Pango sets without a glyph of the face: controls, format marks, separators (and spaces).
SHAPER_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Mn", "Me"}
SHOWN = 3  # characters named in the note; the rest are counted


@dataclass(frozen=True)
class Unset:
    """A character no face has, and where the book first uses it."""

    char: str
    place: str  # the chapter (or the book's metadata) it is in
    snippet: str


@cache
def face_characters(path: Path, index: int = 0) -> frozenset[int]:
    """Return the code points a font file (or one face of a collection) maps to glyphs."""
    from fontTools.ttLib import TTCollection, TTFont

    if path.suffix.lower() in (".ttc", ".otc"):
        return frozenset(TTCollection(path, lazy=True).fonts[index].getBestCmap())
    return frozenset(TTFont(path, lazy=True).getBestCmap())


@cache
def fallback_faces() -> tuple[tuple[Path, int], ...]:
    """Return the file and face index of each installed fallback family, asking fontconfig."""
    if not shutil.which("fc-list"):
        return ()
    faces = []
    for family in FALLBACK_FAMILIES:
        found = subprocess.run(
            ["fc-list", "-f", "%{file}|%{index}\n", f"{family}:style=Regular"], capture_output=True, text=True
        ).stdout.split("\n")
        for line in found[:1]:
            if "|" in line:
                file, index = line.rsplit("|", 1)
                faces.append((Path(file), int(index or 0)))
    return tuple(faces)


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
        for block in iter_chapter_text(chapter):
            yield place, plain_text(block.inlines)


def lacking(used: set[str], faces: list[frozenset[int]]) -> set[str]:
    """Return the characters of used that some face must set but none of faces has."""
    return {
        char
        for char in used
        if not char.isspace()
        and unicodedata.category(char) not in SHAPER_CATEGORIES
        and not all(ord(char) in face for face in faces[:2])  # both text faces (roman, italic)
        and not any(ord(char) in face for face in faces[2:])
    }


def unset_among(used: set[str]) -> set[str]:
    """Return the characters of used that no face can set: EB Garamond first, the fallback faces only if needed."""
    folder = styles_dir() / "fonts"
    text_faces = [face_characters(folder / name) for name in TEXT_FACES]
    missing = lacking(used, text_faces)
    if missing:
        missing = lacking(missing, text_faces + [face_characters(path, index) for path, index in fallback_faces()])
    return missing


def unset_in_lines(lines: list[str]) -> list[tuple[int, str]]:
    """Return (line number, character) for the first use of each character no face can set."""
    missing = unset_among(set().union(*(set(line) for line in lines)) if lines else set())
    found: dict[str, int] = {}
    for number, line in enumerate(lines if missing else (), start=1):
        for char in missing.intersection(line) - found.keys():
            found[char] = number
    return sorted((number, char) for char, number in found.items())


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


def glyph_lines(sources: list[SourceText]) -> tuple[str, ...]:
    """Return one note per character no face can set, at the FILE:LINE of its first use (a few, then a count)."""
    found: dict[str, str] = {}
    for source in sources:
        for line, char in unset_in_lines(source.text.split("\n")):
            name = unicodedata.name(char, "unnamed")
            where = f"{source.path}:{source.source_line(line)}"
            found.setdefault(char, f"{where}: {GLYPH_NOTE} U+{ord(char):04X} {name}; it prints as a box")
    notes = list(found.values())
    more = [f"{GLYPH_NOTE} {len(notes) - SHOWN} more characters"] if len(notes) > SHOWN else []
    return (*notes[:SHOWN], *more)


def glyph_notes(book: Book) -> tuple[str, ...]:
    """Return one note naming the first few characters no face can set, or none."""
    unset = unset_characters(book)
    if not unset:
        return ()
    shown = "; ".join(
        f"U+{ord(item.char):04X} {unicodedata.name(item.char, 'unnamed')} in {item.place}: \u201c{item.snippet}\u201d"
        for item in unset[:SHOWN]
    )
    more = f" and {len(unset) - SHOWN} more" if len(unset) > SHOWN else ""
    return (f"{GLYPH_NOTE} {shown}{more}; it prints as a box (`ebookgen check` gives the line)",)
