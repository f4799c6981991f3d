"""Check that the book face has a glyph for every character the printed book uses.

A character the face lacks would be set in some fallback font (or as a box), and WeasyPrint lays
out such text up to ten times slower: the build fails first, naming the character and where it is.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

from ebookgen.errors import RenderError
from ebookgen.model import Book, iter_paragraph_blocks, plain_text
from ebookgen.resources import styles_dir

# The faces the text is set in: roman for the story, italic for flashbacks and emphasis.
TEXT_FACES = ("EBGaramond-Regular.ttf", "EBGaramond-Italic.ttf")
# Characters Pango sets without a glyph of the face: controls, format marks, separators (and spaces).
SHAPER_CATEGORIES = {"Cc", "Cf", "Zl", "Zp"}


@cache
def face_characters(path: Path) -> frozenset[int]:
    """Return the code points a font file maps to glyphs."""
    from fontTools.ttLib import TTFont

    return frozenset(TTFont(path, lazy=True).getBestCmap())


def book_strings(book: Book):
    """Yield every piece of text the printed book sets: metadata, titles and paragraphs."""
    meta = book.metadata
    yield from (meta.title, meta.subtitle, meta.author, meta.publisher, meta.rights, meta.dedication)
    yield from (meta.epigraph, meta.epigraph_source)
    for chapter in book.chapters:
        yield chapter.title
        yield chapter.part
        for block in iter_paragraph_blocks(chapter.blocks):
            yield plain_text(block.inlines)


def missing_characters(book: Book) -> dict[str, str]:
    """Return each character the book face lacks, with a snippet of text around its first use."""
    folder = styles_dir() / "fonts"
    known = [face_characters(folder / name) for name in TEXT_FACES]
    strings = list(book_strings(book))
    used = set().union(*(set(value) for value in strings))
    lacking = {
        char
        for char in used
        if not char.isspace()
        and unicodedata.category(char) not in SHAPER_CATEGORIES
        and any(ord(char) not in face for face in known)
    }
    missing: dict[str, str] = {}
    for value in strings if lacking else ():
        for char in lacking.intersection(value) - missing.keys():
            index = value.index(char)
            missing[char] = value[max(0, index - 20) : index + 20].replace("\n", " ")
    return missing


def check_glyphs(book: Book) -> None:
    """Fail the build, naming the first few characters the book face cannot set."""
    missing = missing_characters(book)
    if not missing:
        return
    shown = "; ".join(
        f"U+{ord(char):04X} {unicodedata.name(char, 'unnamed')} in “{snippet.strip()}”"
        for char, snippet in list(missing.items())[:3]
    )
    more = f" and {len(missing) - 3} more" if len(missing) > 3 else ""
    raise RenderError(f"the book face (EB Garamond) has no glyph for {shown}{more}")
