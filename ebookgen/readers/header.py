"""Read what a text manuscript says about its book: a header block's ``Title:``, ``Author:``...

A fan-fiction or Gutenberg header block (``Key: value`` lines at the top of the text) or, failing
one, a Gutenberg licence header gives the book's metadata. The conventions live here, in the
reader stage; the normaliser imports them to blank those lines before the story is read.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ebookgen.model import Contributor
from ebookgen.patterns import lazy
from ebookgen.readers.decode import DecodedText, require_text
from ebookgen.readers.gutenberg import gutenberg_header, is_gutenberg, strip_gutenberg
from ebookgen.readers.source import FoundMetadata, SourceText

# Keys a fan-fiction or Gutenberg header block uses, and the metadata field each one feeds.
HEADER_KEYS = {
    "title": "title",
    "story": "title",
    "author": "author",
    "by": "author",
    "writer": "author",
    "summary": "description",
    "description": "description",
    "fandom": "subjects",
    "fandoms": "subjects",
    "category": "subjects",
    "categories": "subjects",
    "genre": "subjects",
    "genres": "subjects",
    "series": "series",
    "language": "language",
    "rating": "",
    "rated": "",
    "pairing": "",
    "pairings": "",
    "relationship": "",
    "relationships": "",
    "characters": "",
    "warning": "",
    "warnings": "",
    "archive warning": "",
    "status": "",
    "words": "",
    "word count": "",
    "chapters": "",
    "published": "",
    "updated": "",
    "completed": "",
    "feedback": "",
    "beta": "",
    "beta reader": "",
    "spoilers": "",
    "timeline": "",
    "tags": "",
    "additional tags": "",
    "notes": "",
    "translator": "translator",
    "translators": "translator",
    "release date": "",
    "posting date": "",
    "last updated": "",
    "character set encoding": "",
    "illustrator": "illustrator",
    "editor": "editor",
}
HEADER_LINE = lazy(r"^\s*(?P<key>[A-Za-z][A-Za-z '\u2019/.]{0,20}?)\s*:\s*(?P<value>.*)$")
# Header fields that are the author talking to the reader: kept in the text, as author's notes.
NOTE_KEYS = frozenset(
    {"disclaimer", "a/n", "an", "a.n.", "author's note", "author\u2019s note", "authors note", "author's notes", "note"}
)
# Header fields that credit a contributor (Gutenberg's "Translator: Louise and Aylmer Maude").
CREDITED_ROLES = ("translator", "editor", "illustrator")
LANGUAGES = {"english": "en", "french": "fr", "german": "de", "spanish": "es", "italian": "it", "portuguese": "pt"}


def text_source(path: Path, decoded: DecodedText, text: str) -> SourceText:
    """Hand back a text manuscript's raw text with what its header block says about the book."""
    text = require_text(path, text)
    replaced = tuple((path, line) for line in decoded.replaced_lines)
    return SourceText(path, text, decoded.encoding, decoded.repairs, header_metadata(text), replaced)


def header_metadata(text: str) -> FoundMetadata:
    """Read the metadata of a text's header block, or else of its Gutenberg licence header."""
    lines = manuscript_lines(text)
    found = found_in(strip_gutenberg(lines), gutenberg_header(lines))
    return replace(found, public_domain=True) if is_gutenberg(lines) else found


def manuscript_lines(text: str) -> list[str]:
    """Split a text into lines without trailing spaces, as the header conventions see them."""
    return [line.rstrip() for line in text.split("\n")]


def found_in(book_lines: list[str], licence_header: list[str]) -> FoundMetadata:
    """Read a header block at the top of the book's lines; without one, the licence header's fields."""
    end = header_block_end(book_lines)
    if end:
        return read_header(book_lines[:end])
    return read_header(licence_header[header_start(licence_header) :])


def header_key(line: str) -> str | None:
    """Return the lower-case key of a `Key: value` header line, or None."""
    match = HEADER_LINE.match(line)
    if not match:
        return None
    key = " ".join(match.group("key").lower().split())
    return key if key in HEADER_KEYS or key in NOTE_KEYS else None


def header_block_end(lines: list[str]) -> int:
    """Return how many lines a header block takes at the top of the text (0 when there is none)."""
    index, keys, end = 0, 0, 0
    while index < len(lines):
        while index < len(lines) and not lines[index].strip():
            index += 1
        if index >= len(lines) or header_key(lines[index]) is None:
            break
        while index < len(lines) and lines[index].strip():
            keys += header_key(lines[index]) is not None
            index += 1
        end = index
    return end if keys >= 2 else 0


def header_start(lines: list[str]) -> int:
    """Return where the first header line stands in a licence header."""
    return next((i for i, line in enumerate(lines) if header_key(line) is not None), len(lines))


def read_header(lines: list[str]) -> FoundMetadata:
    """Read the metadata of a header block's lines."""
    fields: dict[str, list[str]] = {}
    current = ""
    for line in lines:
        key = header_key(line) if line.strip() else None
        if key is not None:
            current = HEADER_KEYS.get(key, "")
            value = HEADER_LINE.match(line).group("value").strip()
            if current and value:
                fields.setdefault(current, []).append(value)
        elif line.strip() and current == "description" and fields.get(current):
            fields[current][-1] += " " + line.strip()
        elif not line.strip():
            current = ""
    return found_metadata(fields)


def found_metadata(fields: dict[str, list[str]]) -> FoundMetadata:
    """Turn the values of header fields into found metadata."""
    first = {name: values[0] for name, values in fields.items() if values}
    subjects = tuple(part.strip() for value in fields.get("subjects", []) for part in value.split(",") if part.strip())
    language = first.get("language", "").strip()
    credited = tuple(Contributor(name, role) for role in CREDITED_ROLES for name in fields.get(role, []))
    return FoundMetadata(
        title=first.get("title", ""),
        author=first.get("author", ""),
        description=first.get("description", ""),
        subjects=subjects,
        series=first.get("series", ""),
        contributors=credited,
        language=LANGUAGES.get(language.lower(), language),  # a tag or another name: checked when merged
    )
