"""Where each block of an EPUB came from: its page and that page's line, for check (`book.epub:EPUB/ch1.xhtml:42`).

Check counted the lines of the raw text the reader made, which no one can find in the EPUB. Each page's block
elements are listed with their source line before the page is mapped; each mapped block is then found at the
first element, from the last one found on (a bounded way ahead), whose text opens with the block's letters
(marks, spaces and the brackets of a ruby reading set aside), or else stays at the last place found.
"""

from __future__ import annotations

from ebookgen.model import Figure
from ebookgen.model.outline import outline, written
from ebookgen.patterns import lazy
from ebookgen.readers.htmltext import tag_of

BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li dt dd pre blockquote td th figcaption caption aside section article"
    " header footer nav table ul ol dl figure body text".split()
)
LETTERS = lazy(r"[^\W_]+")
KEY_LENGTH = 24  # letters enough to tell a paragraph from the next
AHEAD = 200  # elements searched past the last place found: the search stays linear in a page of any length
SURE_LENGTH = 12  # an element's letters that a block may open with and still be that element's
NOTE_CALL = lazy(r"\[\^[^\]\s]+\]")  # a note's call in the raw text: `[^6]`, never in the page's words


def key_of(text: str) -> str:
    """Return a text's opening letters, folded, without spaces, marks or brackets."""
    return "".join(LETTERS.findall(text.casefold()))[:KEY_LENGTH]


def page_elements(tree) -> list[tuple[str, int]]:
    """List a page's innermost block elements in order, each as (its opening letters, its source line)."""
    body = tree.find("body")
    if body is None:
        return []
    found = []
    for element in body.iter():
        if tag_of(element) not in BLOCK_TAGS or element.sourceline is None:
            continue
        if any(tag_of(inner) in BLOCK_TAGS for inner in element.iterdescendants()):
            continue
        found.append((key_of(element.text_content()), element.sourceline))
    return found


def block_lines(blocks, elements: list[tuple[str, int]]) -> list[int]:
    """Return each block's source line on its page: the element it opens with, or the last place found."""
    lines, cursor = [], 0
    for block in blocks:
        key = "" if isinstance(block, Figure) else key_of(NOTE_CALL.sub("", written(block)).replace("*", ""))
        ahead = range(cursor, min(cursor + AHEAD, len(elements)))
        match = next((index for index in ahead if opens(elements[index][0], key)), None)
        cursor = match if match is not None else cursor
        lines.append(elements[cursor][1] if elements else 1)
    return lines


def opens(element_key: str, key: str) -> bool:
    """Tell whether an element opens with a block's letters (or, long enough, is the block's opening itself)."""
    if not key:
        return False
    return element_key.startswith(key) or (len(element_key) >= SURE_LENGTH and key.startswith(element_key))


def text_places(blocks, places: list[str]) -> tuple[str, ...]:
    """Return the place of each line of the blocks' raw text: the place of the block the line belongs to."""
    text, starts = outline(tuple(blocks))
    located = {start: place for start, place in zip(starts, places, strict=True) if start}
    out, current = [], places[0] if places else ""
    for line in range(1, text.count("\n") + 2):
        current = located.get(line, current)
        out.append(current)
    return tuple(out)
