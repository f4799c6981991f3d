"""Find where in a saved page each block of its main text stands: the page's own line, for ``check``.

Readability hands back the main text as new markup, whose lines are not the page's; each block is found
again in the page by the words it opens with (an element's text or the text after it), in reading order.
"""

from __future__ import annotations

from ebookgen.model import BlockQuote, Figure, ListBlock, plain_text
from ebookgen.model.document import Heading
from ebookgen.readers.runs import SPACES

KEY = 12  # the opening characters a block is looked up by


def lines_in_page(blocks, body) -> tuple[int, ...]:
    """Return the page's line for each block (the last found before it where its words are not found)."""
    index: dict[str, list[tuple[str, int]]] = {}
    for element in body.iter():
        if not isinstance(element.tag, str) or not element.sourceline:
            continue
        for piece in (element.text, element.tail):
            words = SPACES.sub(" ", piece or "").strip()
            if len(words) >= KEY:
                index.setdefault(words[:KEY], []).append((words, element.sourceline))
    lines, last = [], 0
    for block in blocks:
        opening = SPACES.sub(" ", opening_words(block)).strip()
        found = [line for words, line in index.get(opening[:KEY], ()) if opening.startswith(words[:40])]
        later = [line for line in found if line >= last]
        last = (later or found or [last])[0]
        lines.append(last)
    return tuple(lines)


def opening_words(block) -> str:
    """Return the words a block opens with: a heading's title, a paragraph's text, a quote's or list's first."""
    if isinstance(block, Heading):
        return block.title
    if isinstance(block, BlockQuote):
        return opening_words(block.blocks[0]) if block.blocks else ""
    if isinstance(block, ListBlock):
        return plain_text(block.items[0].inlines) if block.items else ""
    if isinstance(block, Figure):
        return plain_text(block.inlines)
    inlines = getattr(block, "inlines", None)
    if inlines is None and getattr(block, "blocks", None):
        return opening_words(block.blocks[0])
    return plain_text(inlines or ())
