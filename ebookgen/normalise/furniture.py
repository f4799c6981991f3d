"""Take the furniture off a manuscript before its story is read: licence text and header blocks.

Removed lines are blanked, not deleted, so every line keeps its number for ``ebookgen check``.
What a header block says about the book (``Title:``, ``Author:``...) is kept as found metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ebookgen.normalise.headings import heading_of

GUTENBERG_START = re.compile(r"^\s*(?:\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG|\*END\*\s*THE SMALL PRINT)", re.I)
GUTENBERG_END = re.compile(
    r"^\s*(?:\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG|End of (?:the |this )?Project Gutenberg)", re.I
)
GUTENBERG_CREDIT = re.compile(
    r"^\s*(?:Produced by|E-?text prepared by|Transcribed (?:by|from)|This e-?(?:text|book) was (?:prepared|produced)"
    r"|.*\b(?:Volunteers?|Distributed Proofread\w*|David Widger)\b)",
    re.I,
)

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
    "translator": "",
    "translators": "",
    "release date": "",
    "posting date": "",
    "last updated": "",
    "character set encoding": "",
    "illustrator": "",
    "editor": "",
}
HEADER_LINE = re.compile(r"^\s*(?P<key>[A-Za-z][A-Za-z '\u2019/.]{0,20}?)\s*:\s*(?P<value>.*)$")
# Header fields that are the author talking to the reader: kept in the text, as author's notes.
NOTE_KEYS = frozenset(
    {"disclaimer", "a/n", "an", "a.n.", "author's note", "author\u2019s note", "authors note", "author's notes", "note"}
)
LANGUAGES = {"english": "en", "french": "fr", "german": "de", "spanish": "es", "italian": "it", "portuguese": "pt"}


@dataclass(frozen=True)
class FoundMetadata:
    """What a manuscript's header block says about the book; empty strings where it says nothing."""

    title: str = ""
    author: str = ""
    description: str = ""
    subjects: tuple[str, ...] = ()
    series: str = ""
    language: str = ""


def strip_gutenberg(lines: list[str]) -> list[str]:
    """Blank the Project Gutenberg licence header and footer, keeping the book between them."""
    start = next((i for i, line in enumerate(lines) if GUTENBERG_START.match(line)), None)
    if start is None:
        return lines
    end = next((i for i in range(start + 1, len(lines)) if GUTENBERG_END.match(lines[i])), len(lines))
    out = [""] * (start + 1) + lines[start + 1 : end] + [""] * (len(lines) - end)
    first = next((i for i in range(start + 1, end) if out[i].strip()), None)
    if first is not None and GUTENBERG_CREDIT.match(out[first]):
        while first < end and out[first].strip():
            out[first] = ""
            first += 1
    return out


def gutenberg_header(lines: list[str]) -> list[str]:
    """Return the lines of a Gutenberg licence header (they hold Title: and Author:)."""
    start = next((i for i, line in enumerate(lines) if GUTENBERG_START.match(line)), None)
    return lines[:start] if start is not None else []


def header_key(line: str) -> str | None:
    """Return the lower-case key of a `Key: value` header line, or None."""
    match = HEADER_LINE.match(line)
    if not match:
        return None
    key = " ".join(match.group("key").lower().split())
    return key if key in HEADER_KEYS or key in NOTE_KEYS else None


def blank_header(lines: list[str], end: int) -> list[str]:
    """Blank a header block's lines, keeping its notes and disclaimers as paragraphs of the text."""
    out = list(lines)
    keep = False
    for index in range(end):
        key = header_key(lines[index]) if lines[index].strip() else None
        if key is not None:
            keep = key in NOTE_KEYS
        elif not lines[index].strip():
            keep = False
        if not keep:
            out[index] = ""
    return out


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
    return FoundMetadata(
        title=first.get("title", ""),
        author=first.get("author", ""),
        description=first.get("description", ""),
        subjects=subjects,
        series=first.get("series", ""),
        language=LANGUAGES.get(language.lower(), language if re.fullmatch(r"[a-z]{2}(?:-[A-Z]{2})?", language) else ""),
    )


def remove_furniture(text: str) -> tuple[list[str], FoundMetadata]:
    """Return the manuscript's lines without licence or header block, and what the header said."""
    lines = [line.rstrip() for line in text.split("\n")]
    licence_header = gutenberg_header(lines)
    lines = strip_gutenberg(lines)
    end = header_block_end(lines)
    found = read_header(lines[:end]) if end else read_header(licence_header[header_start(licence_header) :])
    if end:
        lines = blank_header(lines, end)
    if licence_header and found.title:
        lines = strip_title_page(lines, found.title)
    return lines, found


def strip_title_page(lines: list[str], title: str) -> list[str]:
    """Blank a Gutenberg book's own title page (its title, `By ...` lines) up to the first heading.

    The title page is made from the metadata; kept, it would be an untitled first chapter.
    """
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or simple(lines[first]) != simple(title):
        return lines
    text_lines = 0
    for index in range(first + 1, min(len(lines), first + 40)):
        line = lines[index].strip()
        if not line:
            continue
        if heading_of(line, set_apart=True) is not None:
            return [""] * index + lines[index:]
        text_lines += 1
        if text_lines > 8 or len(line) > 80:
            break
    return lines


def simple(text: str) -> str:
    """Return text in lower case with only its letters and digits, for comparing titles."""
    return "".join(char for char in text.lower() if char.isalnum())


def header_start(lines: list[str]) -> int:
    """Return where the first header line stands in a licence header."""
    return next((i for i, line in enumerate(lines) if header_key(line) is not None), len(lines))
