"""Take the furniture off a manuscript before its story is read: licence text and header blocks.

Removed lines are blanked, not deleted, so every line keeps its number for ``ebookgen check``.
What a header block says about the book is the reader's to read (``ebookgen.readers.header``);
the conventions of both come from there.
"""

from __future__ import annotations

from ebookgen.normalise.headings import heading_of
from ebookgen.readers.gutenberg import gutenberg_header, strip_gutenberg
from ebookgen.readers.header import NOTE_KEYS, found_in, header_block_end, header_key, manuscript_lines

# Header fields that are the author talking to the reader and no metadata: kept, set apart as author's notes.
TALK_KEYS = frozenset({"warning", "warnings", "archive warning", "status", "notes", "spoilers"})


def remove_furniture(text: str) -> list[str]:
    """Return the manuscript's lines with its licence and header block blanked."""
    lines = manuscript_lines(text)
    licence_header = gutenberg_header(lines)
    lines = strip_gutenberg(lines)
    title = found_in(lines, licence_header).title if licence_header else ""
    end = header_block_end(lines)
    if end:
        lines = blank_header(lines, end)
    if title:
        lines = strip_title_page(lines, title)
    return lines


def blank_header(lines: list[str], end: int) -> list[str]:
    """Blank a header block's lines, keeping its notes and disclaimers as paragraphs of the text."""
    out = list(lines)
    keep = False
    for index in range(end):
        key = header_key(lines[index]) if lines[index].strip() else None
        if key is not None:
            keep = key in NOTE_KEYS or key in TALK_KEYS
        elif not lines[index].strip():
            keep = False
        if not keep:
            out[index] = ""
    return out


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
