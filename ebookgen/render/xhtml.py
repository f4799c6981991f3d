"""Render the document model to XHTML, once, for both writers.

Every chapter becomes one ``<section>``; the EPUB writer wraps each in its own document and
the PDF writer places them all in one. Text is escaped here and nowhere else, ids are made here
(``ids.py``), and what differs between the editions is asked for while rendering: the print
edition's page markers in the e-book (``pages.py``) and the print edition's page variants.
Nothing edits the markup afterwards.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from ebookgen.model import (
    AuthorNote,
    Block,
    Book,
    Chapter,
    Emphasis,
    Flashback,
    Inline,
    PageBreak,
    Paragraph,
    SceneBreak,
    SceneNote,
    Text,
)
from ebookgen.readers.decode import FORBIDDEN
from ebookgen.render.ids import block_anchor, chapter_anchor, part_anchor, part_page_anchor, title_anchor
from ebookgen.render.pages import breaks_at_start, breaks_before, breaks_by_place, element_text, place_breaks
from ebookgen.render.scripts import is_right_to_left, mark_scripts
from ebookgen.render.titles import split_title
from ebookgen.render.words import ENGLISH, BookWords, words_for

XHTML_NS = "http://www.w3.org/1999/xhtml"
EPUB_NS = "http://www.idpf.org/2007/ops"


# Page variants: the first body section opens the page group where the print edition's folio 1 falls.
FIRST_CHAPTER = "first-chapter"
FIRST_PART = "first-part"


@dataclass(frozen=True)
class RenderedChapter:
    """A chapter's XHTML section, the ids it gave, and what a table of contents needs to point at it."""

    number: int
    title: str
    anchor: str
    section: str
    places: tuple[str, ...] = ()  # Ids a print page can begin at: the chapter's, then its blocks' in order.


@dataclass(frozen=True)
class RenderedPart:
    """A part's opening in the e-book, and what a table of contents needs to point at it."""

    number: int
    title: str
    anchor: str
    section: str


class BlockIds:
    """Hand out a chapter's block ids in reading order, keep them, and hold the page breaks at each."""

    def __init__(self, chapter: int, breaks: Mapping[str, Sequence[PageBreak]]):
        self.chapter = chapter
        self.breaks = breaks
        self.given: list[str] = []

    def take(self) -> str:
        """Return the next block's id."""
        place = block_anchor(self.chapter, len(self.given) + 1)
        self.given.append(place)
        return place

    def at(self, place: str) -> Sequence[PageBreak]:
        """Return the page breaks that begin at an element."""
        return self.breaks.get(place, ())


def text(value: str) -> str:
    """Escape text for XHTML, dropping anything XML cannot carry."""
    return escape(FORBIDDEN.sub("", value))


def attribute(value: str) -> str:
    """Quote and escape an attribute value."""
    return quoteattr(FORBIDDEN.sub("", value))


def page_marker(page: PageBreak) -> str:
    """Render the page-break marker for one printed page."""
    return (
        f'<span epub:type="pagebreak" role="doc-pagebreak" id="{page.marker_id}"'
        f" aria-label={attribute(page.label)} title={attribute(page.label)}></span>"
    )


def page_markers(pages: Sequence[PageBreak]) -> str:
    """Render the markers of pages that begin at one place, in order."""
    return "".join(page_marker(page) for page in pages)


def render_inlines(inlines: tuple[Inline, ...]) -> str:
    """Render inline runs."""
    parts = []
    for run in inlines:
        if isinstance(run, Text):
            parts.append(text(run.text))
        elif isinstance(run, Emphasis):
            parts.append(f"<em>{render_inlines(run.children)}</em>")
    return "".join(parts)


def render_marked_inlines(
    inlines: tuple[Inline, ...], inside: Mapping[int, Sequence[PageBreak]], start: int = 0
) -> tuple[str, int]:
    """Render inline runs with page markers before the characters they fall at; return it and the text's end."""
    parts, index = [], start
    for run in inlines:
        if isinstance(run, Text):
            value = FORBIDDEN.sub("", run.text)
            parts.append(marked_text(value, index, inside))
            index += len(value)
        elif isinstance(run, Emphasis):
            inner, index = render_marked_inlines(run.children, inside, index)
            parts.append(f"<em>{inner}</em>")
    return "".join(parts), index


def marked_text(value: str, start: int, inside: Mapping[int, Sequence[PageBreak]]) -> str:
    """Escape a run of text that begins at character `start` of its element, with the markers that fall in it."""
    pieces, last = [], 0
    for cut in sorted(index - start for index in inside if start <= index < start + len(value)):
        pieces += [text(value[last:cut]), page_markers(inside[start + cut])]
        last = cut
    return "".join(pieces) + text(value[last:])


def text_block(attributes: str, inlines: tuple[Inline, ...], ids: BlockIds | None) -> str:
    """Render a paragraph-like block; with ids, it carries the next id and the page markers that fall in it."""
    if ids is None:
        return f"<p{attributes}>{render_inlines(inlines)}</p>"
    place = ids.take()
    breaks = ids.at(place)
    if not breaks:
        return f'<p id="{place}"{attributes}>{render_inlines(inlines)}</p>'
    placed = place_breaks(breaks, element_text(inlines))
    inner = render_marked_inlines(inlines, placed.inside)[0]
    return f'<p id="{place}"{attributes}>{page_markers(placed.start)}{inner}{page_markers(placed.end)}</p>'


def scene_break(ids: BlockIds | None, label: str = ENGLISH.scene_break) -> str:
    """Render a scene break named for screen readers in the book's language; with ids, it carries the next id,
    the markers of pages beginning at it just before."""
    if ids is None:
        return f'<hr class="scene-break" aria-label={attribute(label)}/>'
    place = ids.take()
    before = page_markers(breaks_before(ids.at(place)))
    return f'{before}<hr id="{place}" class="scene-break" aria-label={attribute(label)}/>'


def render_block(block: Block, ids: BlockIds | None = None, said: BookWords = ENGLISH) -> str:
    """Render one block; with ids, every paragraph and break carries the next stable id."""
    if isinstance(block, Paragraph):
        return text_block("", block.inlines, ids)
    if isinstance(block, SceneNote):
        return text_block(' class="scene-setting"', block.inlines, ids)
    if isinstance(block, AuthorNote):
        return text_block(' class="author-note"', block.inlines, ids)
    if isinstance(block, SceneBreak):
        return scene_break(ids, said.scene_break)
    if isinstance(block, Flashback):
        inner = "\n".join(render_block(child, ids, said) for child in block.blocks)
        return f'<div class="flashback">\n{inner}\n</div>'
    raise TypeError(f"cannot render {type(block).__name__}")


def chapter_title(chapter: Chapter, book: Book) -> str:
    """Return the title a chapter is shown and listed under."""
    if chapter.title:
        return chapter.title
    if len(book.chapters) == 1:
        return book.metadata.title
    return words_for(book.metadata.language).chapter.format(number=chapter.number)


def heading(kind: str, title: str, anchor: str = "") -> str:
    """Render a heading as its number, separator and name spans, keeping its whole text in data-title."""
    number, colon, name = split_title(title)
    spans = [
        f'<span class="title-{part}">{text(value)}</span>'
        for part, value in (("number", number), ("colon", colon if name else ""), ("name", name))
        if value
    ]
    id_attribute = f' id="{anchor}"' if anchor else ""
    return f'<h2 class="{kind}-title"{id_attribute} data-title={attribute(title)}>{"".join(spans)}</h2>'


def render_chapter(
    chapter: Chapter,
    book: Book,
    block_ids: bool = False,
    breaks: Mapping[str, Sequence[PageBreak]] | None = None,
    variant: str = "",
) -> RenderedChapter:
    """Render a chapter as an XHTML section with its heading.

    With ``block_ids`` every paragraph and scene break gets a stable id (``block-3-12``), so the
    print layout can say on which page each one begins, and ``breaks`` (by the id each begins at)
    put the print edition's page markers in. A ``variant`` (``FIRST_CHAPTER``) is a page variant
    the print edition asks for. A page that begins at the chapter gets its marker at its start:
    the chapter's own text is its heading, which has an id of its own.
    """
    title = chapter_title(chapter, book)
    anchor, pages = chapter_anchor(chapter.number), breaks or {}
    ids = BlockIds(chapter.number, pages) if block_ids else None
    said = words_for(book.metadata.language)
    body = "\n".join(render_block(block, ids, said) for block in chapter.blocks)
    heading_id = title_anchor(anchor)
    section = (
        f'<section epub:type="chapter" role="doc-chapter" class="{classes("chapter", variant)}" id="{anchor}"'
        f' aria-labelledby="{heading_id}">{page_markers(breaks_at_start(pages.get(anchor, ())))}\n'
        f"{heading('chapter', title, heading_id)}\n{body}\n</section>"
    )
    section = mark_scripts(section, book.metadata.language)
    return RenderedChapter(chapter.number, title, anchor, section, (anchor, *(ids.given if ids else ())))


def classes(kind: str, variant: str) -> str:
    """Return a section's classes: its kind, then its page variant if it has one."""
    return f"{kind} {variant}" if variant else kind


def render_book(book: Book, block_ids: bool = False, breaks: Sequence[PageBreak] = ()) -> list[RenderedChapter]:
    """Render every chapter of a book, with the print edition's page markers when given its breaks."""
    grouped = breaks_by_place(breaks)
    return [render_chapter(chapter, book, block_ids, grouped) for chapter in book.chapters]


def render_part(number: int, title: str) -> RenderedPart:
    """Render the e-book's opening of its `number`-th part as a section."""
    anchor = part_anchor(number)
    heading_id = title_anchor(anchor)
    section = (
        f'<section epub:type="part" role="doc-part" class="part" id="{anchor}" aria-labelledby="{heading_id}">\n'
        f"{heading('part', title, heading_id)}\n</section>"
    )
    return RenderedPart(number, title, anchor, section)


def render_part_page(chapter: Chapter, variant: str = "") -> str:
    """Render the printed page that opens a part, before the chapter it precedes; `variant` names its page group."""
    return (
        f'<section class="{classes("part", variant)}" id="{part_page_anchor(chapter.number)}" role="doc-part">\n'
        f"{heading('part', chapter.part)}\n</section>"
    )


def direction_of(language: str) -> str:
    """Return the dir attribute a document in this language carries: rtl for Arabic, Hebrew..., else none."""
    return ' dir="rtl"' if is_right_to_left(language) else ""


def xhtml_document(title: str, language: str, body: str, stylesheets: list[str], body_class: str = "") -> str:
    """Wrap body markup in a complete XHTML document with an XML declaration."""
    links = "".join(f'\n<link rel="stylesheet" type="text/css" href={attribute(href)}/>' for href in stylesheets)
    lang = attribute(language)
    body_attr = f" class={attribute(body_class)}" if body_class else ""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
        f'<html xmlns="{XHTML_NS}" xmlns:epub="{EPUB_NS}" lang={lang} xml:lang={lang}{direction_of(language)}>\n'
        f'<head>\n<meta charset="utf-8"/>\n<title>{text(title)}</title>{links}\n</head>\n'
        f"<body{body_attr}>\n{body}\n</body>\n</html>\n"
    )
