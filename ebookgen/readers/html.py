"""Read a saved web page (.html, .htm): an AO3 download, a FanFiction.Net or FanFicFare page, or any page.

An archive's own layout is recognised first (ao3.py, fanfic.py); any other page has its main text
found by readability-lxml when it carries a site's furniture (navigation, sidebars, comments), and
is read whole when it is only a story. Either way the shared mapper makes its model blocks.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote

from ebookgen.model.document import Document, FoundMetadata
from ebookgen.patterns import lazy
from ebookgen.readers.classes import with_class_styles
from ebookgen.readers.decode import decode_file, require_text
from ebookgen.readers.embedded import lined_media
from ebookgen.readers.htmltables import restored_tables, shielded_tables
from ebookgen.readers.htmltext import MappedText, map_html, parse_document, words_of
from ebookgen.readers.pagelines import lines_in_page
from ebookgen.readers.reader import Reader

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
# What marks a page as a site's page rather than a story alone: its navigation, sidebars, comments.
FURNITURE = lazy(r"\b(?:nav|navbar|menu|sidebar|comments?|footer|share|social|related|widget|breadcrumbs?)\b", re.I)
# A page title's site name after a bar or a dash: "The Keeper | Tidewrack Stories".
SITE_NAME = lazy(r"\s+[|\u2013\u2014-]\s+[^|\u2013\u2014]+$")
XML_DECLARATION = lazy(r"^\s*<\?xml[^>]*\?>")
# What marks a page's notes: a footnotes section, an endnotes list, a references list, a note itself.
NOTES = lazy(r"(?:foot|end)?notes?\b|\breferences\b|\bdoc-(?:foot|end)notes?\b|^fn\d|\bcite_note", re.I)


def read_html(path: Path, encoding: str | None = None) -> Document:
    """Read a saved web page: the archive's layout when it is one, else its main text."""
    from ebookgen.readers.ao3 import is_ao3, read_ao3
    from ebookgen.readers.ao3page import is_ao3_page, read_ao3_page
    from ebookgen.readers.fanfic import is_fanfic_page, read_fanfic_page

    decoded = decode_file(path, encoding, markup=True)
    root, where = parse_page(decoded.text), ""
    with_class_styles(root)
    if is_ao3(root):
        mapped, found, reader = *read_ao3(root, where), "AO3 download"
    elif is_ao3_page(root):
        mapped, found, reader = *read_ao3_page(root, where, saved_image(path)), "saved AO3 work page"
    elif is_fanfic_page(root):
        mapped, found, reader = *read_fanfic_page(root, where), "fan-fiction page"
    else:
        mapped, found, reader = *read_page(root, where, saved_image(path)), "web page"
    text = require_text(path, mapped.text)
    replaced = tuple((path, line) for line in decoded.replaced_lines)
    if not mapped.lines:  # an archive's layout: each block found again in the page by its opening words
        mapped = replace(mapped, lines=lines_in_page(mapped.blocks, root))
    read = (found, replaced, (), reader, mapped.unmapped, mapped.file_lines, mapped.blocks)
    return Document(path, text, decoded.encoding, decoded.repairs, *read)


def parse_page(text: str):
    """Parse a page's text into an lxml HTML tree."""
    return parse_document(XML_DECLARATION.sub("", text))


def saved_image(path: Path):
    """Resolve a saved page's image to its file beside the page (`story_files/map.png`), or None."""

    def resolve(src: str) -> str | None:
        name = unquote(src.split("?")[0].split("#")[0])
        if not name or ":" in name or name.startswith("/") or ".." in name.split("/"):
            return None
        return name if (path.parent / name).is_file() else None

    return resolve


def read_page(root, where: str, figure=None) -> tuple[MappedText, FoundMetadata]:
    """Read any saved page: its main text (through readability where the page has a site around it)."""
    found = page_metadata(root)
    body = root.find("body") if root.find("body") is not None else root
    if not has_furniture(root):
        return map_html(body, where, figure, located=True), found
    main = with_notes(main_text(root), body)
    kept, total = len(words_of(main).split()), len(words_of(body).split())
    note = (
        f"a web page: its main text kept ({kept} words); "
        f"{total - kept} words of navigation, comments and the like left out: {left_out(body, main)}"
    )
    mapped = map_html(main, where, figure)  # after the count: mapping takes the notes out of the tree
    mapped = replace(mapped, lines=lines_in_page(mapped.blocks, body))
    return (replace(mapped, unmapped=(*mapped.unmapped, note)) if total > kept else mapped), found


def left_out(body, main) -> str:
    """Quote the first passages of a page that its main text left out, so the report shows what went."""
    kept = words_of(main)
    passages: list[str] = []
    for element in body.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "noscript", "template"):
            continue
        text = " ".join((element.text or "").split())
        if text and text not in kept and text not in passages:
            passages.append(text)
    shown = ", ".join(f'"{text[:40]}"' for text in passages[:6])
    return shown + (f" and {len(passages) - 6} more" if len(passages) > 6 else "")


def with_notes(main, body):
    """Give the main text back the notes its references call: readability counts a footnotes list as navigation."""
    import copy

    kept = set(ids_of(main))
    called = [link.get("href")[1:] for link in main.iter("a") if (link.get("href") or "").startswith("#")]
    targets = ids_of(body)
    missing = [targets[name] for name in dict.fromkeys(called) if name in targets and name not in kept]
    holders = [notes_holder(target) for target in missing]
    for holder in dict.fromkeys(holder for holder in holders if holder is not None):
        main.append(copy.deepcopy(holder))
    return main


def ids_of(root) -> dict:
    """Return a tree's elements by their ids."""
    return {element.get("id"): element for element in root.iter() if isinstance(element.tag, str) and element.get("id")}


def notes_holder(target):
    """Return the list or section that holds a note (a page's footnotes), or None when the target is no note."""
    for element in (target, *target.iterancestors()):
        if NOTES.search(f"{element.get('class', '')} {element.get('role', '')} {element.get('id', '')}"):
            return element
        if element.tag in ("body", "article", "main"):
            break
    return None


def has_furniture(root) -> bool:
    """Tell a site's page (navigation, sidebars, comments, scripts) from a page that is only a story."""
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in ("nav", "aside", "script", "footer"):
            return True
        if FURNITURE.search(f"{element.get('class', '')} {element.get('id', '')}"):
            return True
    return False


def main_text(root):
    """Find a page's main text with readability-lxml: the tree of its article, emphasis kept."""
    import lxml.etree
    import lxml.html
    from readability import Document
    from readability.readability import Unparseable

    swapped = shielded_tables(root)  # readability drops a short table as furniture: it reads its words as prose
    lined_media(root)  # check names a dropped video by its line in this page, not in readability's
    try:
        article = Document(lxml.html.tostring(root, encoding="unicode")).summary(html_partial=True)
        main = lxml.html.fragment_fromstring(article, create_parent="div")
    except (AssertionError, ValueError, lxml.etree.ParserError, Unparseable):  # no body (a lone <script>)
        main = None
    if main is None:  # readability found no article: the page's body is its text, its tables put back first
        restored_tables(root, lxml.html.fragment_fromstring("<div></div>"), swapped)
        body = root.find(".//body")
        return body if body is not None else lxml.html.fragment_fromstring("<div></div>")
    restored_tables(root, main, swapped)
    return main


def page_metadata(root) -> FoundMetadata:
    """Read a page's title, author, description and language from its head."""

    def meta(*names: str) -> str:
        for name in names:
            for element in root.iter("meta"):
                if (element.get("name") or element.get("property") or "").lower() == name:
                    return (element.get("content") or "").strip()
        return ""

    heading, first = root.find(".//title"), root.find(".//body//h1")
    page_title = SITE_NAME.sub("", words_of(heading)) if heading is not None else ""
    title = meta("og:title", "dc.title") or (words_of(first) if first is not None else "") or page_title
    return FoundMetadata(
        title=title,
        author=meta("author", "dc.creator", "article:author"),
        description=meta("description", "og:description", "dc.description"),
        language=(root.get("lang") or "").strip(),
        source=meta("og:url"),
    )


READER = Reader("HTML", HTML_SUFFIXES, read_html, rank=40)
