"""Take the furniture off a manuscript before its story is read: licence text, header and title blocks.

Removed lines are blanked, not deleted, so every line keeps its number for ``ebookgen check``. Which
lines are a licence or a header block the reader found (``Document.furniture``): the conventions are
the reader's. A title page or title block repeating the book's title is found here.
"""

from __future__ import annotations

import re

from ebookgen.model.bylines import JOINS, byline_name
from ebookgen.model.document import Furniture
from ebookgen.normalise.headings import heading_of
from ebookgen.normalise.markers import FORM_FEED_LINE, PAGE_BREAK_TOKEN
from ebookgen.patterns import lazy

# Between two authors' names in a byline: `Ada and Ben`, `Ada & Ben`, `Ada, Ben`.
JOINED = lazy(r"\s*,\s*|\s+(?:" + "|".join(re.escape(word) for word in JOINS) + r")\s+")


def remove_furniture(
    text: str, furniture: Furniture = Furniture(), book_title: str = "", authors: tuple[str, ...] = ()
) -> list[str]:
    """Return the manuscript's lines with its licence, header block and a title block repeating the book's title
    and authors blanked (a page-break line a token)."""
    lines = [line.rstrip() for line in FORM_FEED_LINE.sub(PAGE_BREAK_TOKEN, text).split("\n")]
    blanked = furniture.lines
    if blanked:
        lines = ["" if index in blanked else line for index, line in enumerate(lines)]
    if furniture.edition_title:
        lines = strip_title_page(lines, furniture.edition_title)
    if book_title:
        lines = strip_title_block(lines, book_title, authors)
    return lines


def strip_title_block(lines: list[str], title: str, authors: tuple[str, ...]) -> list[str]:
    """Blank a title block the text opens with (`THE MILLER'S WINTER` / `BY JOSIAH CRANE`) that repeats the book's
    title and authors: the title page is made from the metadata; kept, it would be a chapter of its own."""
    shown = [index for index, line in enumerate(lines[:60]) if line.strip()][:6]
    if not shown or simple(lines[shown[0]]) != simple(title) or not simple(title):
        return lines
    block = [shown[0]]
    for index in shown[1:]:
        if not is_credit(lines[index], authors) or index - block[-1] > 3:
            break
        block.append(index)
    if len(block) < 2 and not authors_follow(lines, block[0]):
        return lines
    return [("" if index in block else line) for index, line in enumerate(lines)]


def is_credit(line: str, authors: tuple[str, ...]) -> bool:
    """Tell a line crediting the book's authors: their names alone, or a byline in any language naming them."""
    names = {simple(name) for name in authors} - {""}
    if simple(line) in names | {"by" + name for name in names}:
        return True
    named = byline_name(line)
    parts = {simple(part) for part in JOINED.split(named)} - {""}
    return bool(named) and (simple(named) in names or bool(parts) and parts <= names)


def authors_follow(lines: list[str], index: int) -> bool:
    """Tell whether a lone title line is set apart: a heading or a blank line and more text follow it."""
    after = next((line for line in lines[index + 1 :] if line.strip()), "")
    return heading_of(after.strip(), set_apart=True) is not None


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


def kept_byline(lines: list[str]) -> tuple[int, str] | None:
    """Find a title and byline the text still opens with (they did not repeat the book's title and author):
    the byline's line (from 1) and its words, for check to name; None when there is none."""
    shown = [index for index, line in enumerate(lines[:60]) if line.strip()][:2]
    if len(shown) < 2 or shown[1] - shown[0] > 4 or not byline_name(lines[shown[1]]):
        return None
    title = lines[shown[0]].strip().lstrip("#").strip()
    if not title or len(title.split()) > 15 or title[-1] in ".,;:" or byline_name(title):
        return None
    return shown[1] + 1, lines[shown[1]].strip()
