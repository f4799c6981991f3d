"""An HTML tree's words: what every web reader asks of an element (its words, its tag) and how a page is parsed.

A script's or a style sheet's code is never anyone's words: a heading holding a ``<script>`` is named by
its words alone, and no word count counts code.
"""

from __future__ import annotations

from ebookgen.readers.runs import SPACES

# Elements whose content is code, never words a reader sees: left out of every element's words.
UNREAD = ("script", "style", "noscript", "template")


def parse_document(data: str | bytes):
    """Parse a page into an lxml HTML tree; a page with nothing in it (spaces, a comment) is an empty document."""
    import lxml.etree
    import lxml.html

    try:
        return lxml.html.document_fromstring(data)
    except (lxml.etree.ParserError, ValueError):
        return lxml.html.document_fromstring("<html><body></body></html>")


def words_of(element) -> str:
    """Return an element's words, spaces collapsed; a script's or a style sheet's code is no one's words."""
    if any(True for _ in element.iter(*UNREAD)):
        import copy

        import lxml.etree

        element = copy.deepcopy(element)
        lxml.etree.strip_elements(element, *UNREAD, with_tail=False)
    return SPACES.sub(" ", element.text_content()).strip()


def tag_of(element) -> str:
    """Return an element's tag name without a namespace, lower case ('' for comments)."""
    tag = element.tag
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def shortened(words: str) -> str:
    """Quote the first words of a passage for a one-line report."""
    return f'"{words[:60]}{"..." if len(words) > 60 else ""}"'
