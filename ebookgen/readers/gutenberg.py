"""Project Gutenberg's conventions: where its licence header and footer stand around the book.

The licence header holds the book's ``Title:`` and ``Author:``; the reader takes them as metadata
and the normaliser blanks the licence (``strip_gutenberg``) before the story is read.
"""

from __future__ import annotations

import re

from ebookgen.patterns import lazy

GUTENBERG_START = lazy(r"^\s*(?:\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG|\*END\*\s*THE SMALL PRINT)", re.I)
GUTENBERG_END = lazy(
    r"^\s*(?:\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG|End of (?:the |this )?Project Gutenberg)", re.I
)
GUTENBERG_CREDIT = lazy(
    r"^\s*(?:Produced by|E-?text prepared by|Transcribed (?:by|from)|This e-?(?:text|book) was (?:prepared|produced)"
    r"|.*\b(?:Distributed Proofread\w*|David Widger)\b"
    # Volunteers only in a credit: with what they did (`produced by Gutenberg volunteers`), not in the story.
    r"|.*\b(?:Volunteers?\b.*\b(?:Gutenberg|proofread\w*|produced|prepared|transcribed|scanned)"
    r"|(?:Gutenberg|proofread\w*|produced|prepared|transcribed|scanned)\b.*\bVolunteers?)\b)",
    re.I,
)


def is_licence_start(line: str) -> bool:
    """Tell the line that starts a Gutenberg licence's book (``GUTENBERG_START``), looking first at the line's
    first character: the pattern's line starts with spaces or a `*`, which passes most lines of a book at once."""
    return (line[:1] == "*" or line[:1].isspace()) and GUTENBERG_START.match(line) is not None


def strip_gutenberg(lines: list[str]) -> list[str]:
    """Blank the Project Gutenberg licence header and footer, keeping the book between them."""
    start = next((i for i, line in enumerate(lines) if is_licence_start(line)), None)
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


def is_gutenberg(lines: list[str]) -> bool:
    """Tell whether a text is a Project Gutenberg file: it carries the licence's start line."""
    return any(map(is_licence_start, lines))


def gutenberg_header(lines: list[str]) -> list[str]:
    """Return the lines of a Gutenberg licence header (they hold Title: and Author:)."""
    start = next((i for i, line in enumerate(lines) if is_licence_start(line)), None)
    return lines[:start] if start is not None else []
