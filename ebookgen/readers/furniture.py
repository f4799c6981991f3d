"""Find a text's furniture: a Project Gutenberg licence and credits, a fan-fiction header block.

The conventions are the reader's (``gutenberg.py``, ``header.py``); the readers' table records what
they find in every document it reads (``Document.furniture``), and the normaliser blanks those lines.
"""

from __future__ import annotations

from dataclasses import replace

from ebookgen.model.bylines import byline_name
from ebookgen.model.document import FoundMetadata, Furniture
from ebookgen.patterns import lazy
from ebookgen.readers.gutenberg import GUTENBERG_END, gutenberg_header, is_licence_start, strip_gutenberg
from ebookgen.readers.header import NOTE_KEYS, found_in, header_block_end, header_key, manuscript_lines
from ebookgen.readers.layout import CHAPTER_TITLE, PART_TITLE

# Header fields that are the author talking to the reader and no metadata: kept, set apart as author's notes.
# A line holding only a form feed (a page break): not a blank line between header fields.
FORM_FEED_LINE = lazy(r"(?m)^[ \t]*\f[ \t]*$")
TALK_KEYS = frozenset({"warning", "warnings", "archive warning", "status", "notes", "spoilers"})
# A title line's marks in raw text: a `#` heading's hashes, emphasis around it.
TITLE_MARKS = lazy(r"^#{1,6}\s+|^[*_]+|[*_]+$")
MOST_TITLE_WORDS = 15


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
    start = next((i for i, line in enumerate(lines) if is_licence_start(line)), None)
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


def title_block(text: str) -> tuple[str, str] | None:
    """Find a title and a byline at the top of a story (`Kirschblüten im Regen` / `von Lena Brandt`).

    The title is the first line, short and no sentence; the byline the next line but for blank ones, in any
    language the bylines know (``model/bylines.py``). Return the title and the author, or None.
    """
    lines = [(index, line.strip()) for index, line in enumerate(text.split("\n")[:80]) if line.strip()]
    if len(lines) < 3 or lines[1][0] - lines[0][0] > 3:
        return None
    title = TITLE_MARKS.sub("", lines[0][1]).strip()
    author = byline_name(lines[1][1])
    words = title.split()
    if not author or not words or len(words) > MOST_TITLE_WORDS or title[-1] in ".,;:" or header_key(title):
        return None
    if byline_name(title) or CHAPTER_TITLE.match(title) or PART_TITLE.match(title):
        return None  # `Chapter One` / `By Dawn` is a chapter and its first line
    return title, author


def with_title_block(found: FoundMetadata, text: str) -> FoundMetadata:
    """Fill the title and author a reader did not find from a title and byline at the top of the story."""
    block = title_block(text) if not (found.title and found.author) else None
    if block is None:
        return found
    return replace(found, title=found.title or block[0], author=found.author or block[1])
