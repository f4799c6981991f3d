"""Find a text's furniture: a Project Gutenberg licence and credits, a fan-fiction header block.

The conventions are the reader's (``gutenberg.py``, ``header.py``); the readers' table records what
they find in every document it reads (``Document.furniture``), and the normaliser blanks those lines.
"""

from __future__ import annotations

import re

from ebookgen.model.document import Furniture
from ebookgen.readers.gutenberg import GUTENBERG_END, GUTENBERG_START, gutenberg_header, strip_gutenberg
from ebookgen.readers.header import NOTE_KEYS, found_in, header_block_end, header_key, manuscript_lines

# Header fields that are the author talking to the reader and no metadata: kept, set apart as author's notes.
# A line holding only a form feed (a page break): not a blank line between header fields.
FORM_FEED_LINE = re.compile(r"(?m)^[ \t]*\f[ \t]*$")
TALK_KEYS = frozenset({"warning", "warnings", "archive warning", "status", "notes", "spoilers"})


def furniture_of(text: str) -> Furniture:
    """Find the licence, its edition's credits and title, and a header block of a text."""
    lines = manuscript_lines(FORM_FEED_LINE.sub("\ue001", text))
    stripped = strip_gutenberg(lines)
    licence = licence_lines(lines)
    blanked = (index for index, line in enumerate(lines) if line.strip() and not stripped[index].strip())
    credits = {index for index in blanked if index not in licence}
    licence_header = gutenberg_header(lines)
    title = found_in(stripped, licence_header).title if licence_header else ""
    header = header_lines(stripped, header_block_end(stripped))
    return Furniture(frozenset(licence), frozenset(credits), frozenset(header), title)


def licence_lines(lines: list[str]) -> set[int]:
    """Return the indexes of a Gutenberg licence header and footer, with their start and end lines."""
    start = next((i for i, line in enumerate(lines) if GUTENBERG_START.match(line)), None)
    if start is None:
        return set()
    end = next((i for i in range(start + 1, len(lines)) if GUTENBERG_END.match(lines[i])), len(lines))
    return set(range(start + 1)) | set(range(end, len(lines)))


def header_lines(lines: list[str], end: int) -> set[int]:
    """Return a header block's lines that are metadata; its notes and disclaimers stay paragraphs of the text."""
    found = set()
    keep = False
    for index in range(end):
        key = header_key(lines[index]) if lines[index].strip() else None
        if key is not None:
            keep = key in NOTE_KEYS or key in TALK_KEYS
        elif not lines[index].strip():
            keep = False
        if not keep and lines[index].strip():
            found.add(index)
    return found
