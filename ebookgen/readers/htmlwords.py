"""An HTML tree's words: what every web reader asks of an element (its words, its tag) and how a page is parsed.

A script's or a style sheet's code is never anyone's words: a heading holding a ``<script>`` is named by
its words alone, and no word count counts code.
"""

from __future__ import annotations

import codecs
import re

from ebookgen.patterns import lazy
from ebookgen.readers.charset import declared_charset
from ebookgen.readers.runs import SPACES

# How deep libxml2 reads nested elements with its huge-tree option.
MOST_DEPTH = 2048

# Elements whose content is code, never words a reader sees: left out of every element's words.
UNREAD = ("script", "style", "noscript", "template")
CENTRED_STYLE = lazy(r"text-align\s*:\s*center", re.I)
CENTRED_CLASS = lazy(r"\b(?:center|centre|centred|centered|text-center|text-centre)\b", re.I)
XML_DECLARATION = lazy(r"^\s*<\?xml[^>]*\?>")
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def markup_text(data: bytes) -> str:
    """Decode an XHTML or HTML file's bytes as XML says: its byte-order mark, its declared encoding, else UTF-8.

    A page without an XML declaration is UTF-8 (XML's default), never Latin-1 as an HTML parser would guess;
    an HTML page's `<meta charset>` is heeded when its bytes are not UTF-8.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace")
    if data.startswith(UTF16_BOMS):
        return data.decode("utf-16", "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode(declared_charset(data) or "utf-8", "replace")


class NestedTooDeep(ValueError):
    """A page or document nested deeper than its reader goes: refused whole, never read in part."""


def parse_document(data: str | bytes):
    """Parse a page into an lxml HTML tree; a page with nothing in it (spaces, a comment) is an empty document.

    libxml2 stops reading a page nested past 256 elements (400 unclosed ``<font>`` tags) and keeps what came
    before, silently: the huge-tree option takes it to 2,048, and a page nested deeper still is refused in one
    line rather than read in part.
    """
    import lxml.etree
    import lxml.html

    text = markup_text(data) if isinstance(data, bytes) else data
    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        root = lxml.html.document_fromstring(XML_DECLARATION.sub("", text, count=1), parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return lxml.html.document_fromstring("<html><body></body></html>")
    if any(error.type == lxml.etree.ErrorTypes.ERR_RESOURCE_LIMIT for error in parser.error_log):
        raise NestedTooDeep(f"its elements nest more than {MOST_DEPTH} deep")
    return root


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


def is_empty_paragraph(element) -> bool:
    """Tell an empty paragraph (`<p></p>`, `<p>&nbsp;</p>`, `<p><br></p>`) from one whose content was mapped."""
    pictures = any(tag_of(child) in ("img", "image", "svg") for child in element.iter())
    return not pictures and not words_of(element)


def is_page_break(element) -> bool:
    """Tell mammoth's page break (``hr.page-break``) from other elements."""
    classes = element.get("class", "") if isinstance(element.tag, str) else ""
    return "page-break" in classes.split() and tag_of(element) == "hr"


def is_centred(element, tag: str) -> bool:
    """Tell whether an element is set centred (by tag, attribute, inline style or class)."""
    return (
        tag == "center"
        or (element.get("align") or "").lower() == "center"
        or bool(CENTRED_STYLE.search(element.get("style") or ""))
        or bool(CENTRED_CLASS.search(element.get("class") or ""))
    )
