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

from ebookgen.languages import Language
from ebookgen.model import Book, Chapter, PageBreak
from ebookgen.render.blocks import (
    BlockIds,
    footnote_text,
    note_asides,
    render_block,
    render_chapter_blocks,
    scene_break,
    text_block,
)
from ebookgen.render.ids import chapter_anchor, part_anchor, part_page_anchor, subpart_page_anchor, title_anchor
from ebookgen.render.inlines import Setting, attribute, page_marker, page_markers, render_inlines, text
from ebookgen.render.pages import breaks_at_start, breaks_by_place
from ebookgen.render.scripts import mark_scripts
from ebookgen.render.titles import split_title

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


def chapter_title(chapter: Chapter, book: Book, language: Language) -> str:
    """Return the title a chapter is shown and listed under."""
    if chapter.title:
        return chapter.title
    if len(book.chapters) == 1:
        return book.metadata.title
    return language.words.chapter.format(number=chapter.number)


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
    language: Language,
    block_ids: bool = False,
    breaks: Mapping[str, Sequence[PageBreak]] | None = None,
    variant: str = "",
    images: Mapping[str, str] | None = None,
    printed: bool = False,
) -> RenderedChapter:
    """Render a chapter as an XHTML section with its heading, in the book's language (its settled record).

    With ``block_ids`` every paragraph and scene break gets a stable id (``block-3-12``), so the
    print layout can say on which page each one begins, and ``breaks`` (by the id each begins at)
    put the print edition's page markers in. A ``variant`` (``FIRST_CHAPTER``) is a page variant
    the print edition asks for. A page that begins at the chapter gets its marker at its start:
    the chapter's own text is its heading, which has an id of its own. ``images`` give the src each figure's
    image is shown from; ``printed`` sets the notes as page-foot footnotes, else as pop-up asides at the end.
    """
    title = chapter_title(chapter, book, language)
    anchor, pages = chapter_anchor(chapter.number), breaks or {}
    ids = BlockIds(chapter.number, pages) if block_ids else None
    said = language.words
    notes = {note.number: note for note in chapter.notes}
    setting = Setting(chapter.number, notes, printed, images or {}, note_text=footnote_text)
    body = "\n".join(render_chapter_blocks(chapter.blocks, ids, said, setting, language.joins_letters))
    if notes and not printed:
        body += "\n" + note_asides(setting, said)
    heading_id = title_anchor(anchor)
    section = (
        f'<section epub:type="chapter" role="doc-chapter" class="{classes("chapter", variant)}" id="{anchor}"'
        f' aria-labelledby="{heading_id}">{page_markers(breaks_at_start(pages.get(anchor, ())))}\n'
        f"{heading('chapter', title, heading_id)}\n{body}\n</section>"
    )
    section = mark_scripts(section, language)
    return RenderedChapter(chapter.number, title, anchor, section, (anchor, *(ids.given if ids else ())))


__all__ = [
    "BlockIds",
    "RenderedChapter",
    "RenderedPart",
    "attribute",
    "page_marker",
    "page_markers",
    "render_block",
    "render_inlines",
    "scene_break",
    "text",
    "text_block",
]


def classes(kind: str, variant: str) -> str:
    """Return a section's classes: its kind, then its page variant if it has one."""
    return f"{kind} {variant}" if variant else kind


def render_book(
    book: Book,
    language: Language,
    block_ids: bool = False,
    breaks: Sequence[PageBreak] = (),
    images: Mapping[str, str] | None = None,
    printed: bool = False,
) -> list[RenderedChapter]:
    """Render every chapter of a book, with the print edition's page markers when given its breaks; ``images``
    and ``printed`` as ``render_chapter`` takes them."""
    grouped = breaks_by_place(breaks)
    chapters = book.chapters
    return [render_chapter(chapter, book, language, block_ids, grouped, "", images, printed) for chapter in chapters]


def part_lines(lines: tuple[str, ...]) -> str:
    """Render the lines a part's page carries under its title (a collected work's byline, notes, copyright)."""
    return "".join(f'\n<p class="part-line">{text(line)}</p>' for line in lines)


def render_part(number: int, title: str, lines: tuple[str, ...] = ()) -> RenderedPart:
    """Render the e-book's opening of its `number`-th part as a section."""
    anchor = part_anchor(number)
    heading_id = title_anchor(anchor)
    section = (
        f'<section epub:type="part" role="doc-part" class="part" id="{anchor}" aria-labelledby="{heading_id}">\n'
        f"{heading('part', title, heading_id)}{part_lines(lines)}\n</section>"
    )
    return RenderedPart(number, title, anchor, section)


def render_part_page(chapter: Chapter, variant: str = "") -> str:
    """Render the printed page that opens a part, before the chapter it precedes; `variant` names its page group."""
    return (
        f'<section class="{classes("part", variant)}" id="{part_page_anchor(chapter.number)}" role="doc-part">\n'
        f"{heading('part', chapter.part)}{part_lines(chapter.part_lines)}\n</section>"
    )


def render_subpart_page(chapter: Chapter) -> str:
    """Render the printed page of a collected work's own part, after the work's page when both open here."""
    return (
        f'<section class="part subpart" id="{subpart_page_anchor(chapter.number)}" role="doc-part">\n'
        f"{heading('part', chapter.subpart)}\n</section>"
    )


def direction_of(language: Language) -> str:
    """Return the dir attribute a document in this language carries: rtl for Arabic, Hebrew..., else none."""
    return ' dir="rtl"' if language.right_to_left else ""


def xhtml_document(title: str, language: Language, body: str, stylesheets: list[str], body_class: str = "") -> str:
    """Wrap body markup in a complete XHTML document with an XML declaration, its lang the book's tag."""
    links = "".join(f'\n<link rel="stylesheet" type="text/css" href={attribute(href)}/>' for href in stylesheets)
    lang = attribute(language.tag)
    body_attr = f" class={attribute(body_class)}" if body_class else ""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
        f'<html xmlns="{XHTML_NS}" xmlns:epub="{EPUB_NS}" lang={lang} xml:lang={lang}{direction_of(language)}>\n'
        f'<head>\n<meta charset="utf-8"/>\n<title>{text(title)}</title>{links}\n</head>\n'
        f"<body{body_attr}>\n{body}\n</body>\n</html>\n"
    )
