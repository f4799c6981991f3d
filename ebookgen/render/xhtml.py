"""Render the document model to XHTML, once, for both writers.

Every chapter becomes one ``<section>``; the EPUB writer wraps each in its own document and
the PDF writer places them all in one. Text is escaped here and nowhere else; ids are made in
``ids.py``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import count
from xml.sax.saxutils import escape, quoteattr

from ebookgen.model import (
    AuthorNote,
    Block,
    Book,
    Chapter,
    Emphasis,
    Flashback,
    Inline,
    Paragraph,
    SceneBreak,
    SceneNote,
    Text,
)
from ebookgen.readers.decode import FORBIDDEN
from ebookgen.render.ids import block_anchor, chapter_anchor, part_anchor, part_page_anchor, title_anchor

XHTML_NS = "http://www.w3.org/1999/xhtml"
EPUB_NS = "http://www.idpf.org/2007/ops"

# Page variants: the first body section opens the page group where the print edition's folio 1 falls.
FIRST_CHAPTER = "first-chapter"
FIRST_PART = "first-part"


@dataclass(frozen=True)
class RenderedChapter:
    """A chapter's XHTML section and what a table of contents needs to point at it."""

    number: int
    title: str
    anchor: str
    section: str


def text(value: str) -> str:
    """Escape text for XHTML, dropping anything XML cannot carry."""
    return escape(FORBIDDEN.sub("", value))


def attribute(value: str) -> str:
    """Quote and escape an attribute value."""
    return quoteattr(FORBIDDEN.sub("", value))


def render_inlines(inlines: tuple[Inline, ...]) -> str:
    """Render inline runs."""
    parts = []
    for run in inlines:
        if isinstance(run, Text):
            parts.append(text(run.text))
        elif isinstance(run, Emphasis):
            parts.append(f"<em>{render_inlines(run.children)}</em>")
    return "".join(parts)


def block_id(ids: Iterator[str] | None) -> str:
    """Return the next block's id attribute, or nothing when blocks carry no ids."""
    return f' id="{next(ids)}"' if ids is not None else ""


def render_block(block: Block, ids: Iterator[str] | None = None) -> str:
    """Render one block; with ids, every paragraph and break carries the next stable id."""
    if isinstance(block, Paragraph):
        return f"<p{block_id(ids)}>{render_inlines(block.inlines)}</p>"
    if isinstance(block, SceneNote):
        return f'<p{block_id(ids)} class="scene-setting">{render_inlines(block.inlines)}</p>'
    if isinstance(block, AuthorNote):
        return f'<p{block_id(ids)} class="author-note">{render_inlines(block.inlines)}</p>'
    if isinstance(block, SceneBreak):
        return f'<hr{block_id(ids)} class="scene-break" aria-label="Scene break"/>'
    if isinstance(block, Flashback):
        inner = "\n".join(render_block(child, ids) for child in block.blocks)
        return f'<div class="flashback">\n{inner}\n</div>'
    raise TypeError(f"cannot render {type(block).__name__}")


def chapter_title(chapter: Chapter, book: Book) -> str:
    """Return the title a chapter is shown and listed under."""
    if chapter.title:
        return chapter.title
    if len(book.chapters) == 1:
        return book.metadata.title
    return f"Chapter {chapter.number}"


def render_chapter(chapter: Chapter, book: Book, block_ids: bool = False, variant: str = "") -> RenderedChapter:
    """Render a chapter as an XHTML section with its heading.

    With ``block_ids`` every paragraph and scene break gets a stable id (``block-3-12``), so the
    print layout can say on which page each one begins. A ``variant`` (``FIRST_CHAPTER``) is a
    page variant the print edition asks for.
    """
    title = chapter_title(chapter, book)
    anchor = chapter_anchor(chapter.number)
    ids = (block_anchor(chapter.number, n) for n in count(1)) if block_ids else None
    body = "\n".join(render_block(block, ids) for block in chapter.blocks)
    heading = title_anchor(anchor)
    section = (
        f'<section epub:type="chapter" role="doc-chapter" class="{classes("chapter", variant)}" id="{anchor}"'
        f' aria-labelledby="{heading}">\n'
        f'<h2 class="chapter-title" id="{heading}">{text(title)}</h2>\n{body}\n</section>'
    )
    return RenderedChapter(chapter.number, title, anchor, section)


def classes(kind: str, variant: str) -> str:
    """Return a section's classes: its kind, then its page variant if it has one."""
    return f"{kind} {variant}" if variant else kind


def render_book(book: Book, block_ids: bool = False) -> list[RenderedChapter]:
    """Render every chapter of a book."""
    return [render_chapter(chapter, book, block_ids) for chapter in book.chapters]


def render_part(number: int, title: str) -> str:
    """Render the opening page of a part as a section."""
    anchor = part_anchor(number)
    heading = title_anchor(anchor)
    return (
        f'<section epub:type="part" role="doc-part" class="part" id="{anchor}" aria-labelledby="{heading}">\n'
        f'<h2 class="part-title" id="{heading}">{text(title)}</h2>\n</section>'
    )


def render_part_page(chapter: Chapter, variant: str = "") -> str:
    """Render the printed page that opens a part, before the chapter it precedes; `variant` names its page group."""
    return (
        f'<section class="{classes("part", variant)}" id="{part_page_anchor(chapter.number)}" role="doc-part">\n'
        f'<h2 class="part-title">{text(chapter.part)}</h2>\n</section>'
    )


def render_title_page(book: Book) -> str:
    """Render the title page as a section."""
    meta = book.metadata
    subtitle = f'\n<p class="subtitle">{text(meta.subtitle)}</p>' if meta.subtitle else ""
    return (
        '<section epub:type="titlepage" class="titlepage" id="titlepage">\n'
        f'<h1 class="book-title">{text(meta.title)}</h1>{subtitle}\n'
        f'<p class="book-author">{text(meta.author)}</p>\n</section>'
    )


def xhtml_document(title: str, language: str, body: str, stylesheets: list[str], body_class: str = "") -> str:
    """Wrap body markup in a complete XHTML document with an XML declaration."""
    links = "".join(f'\n<link rel="stylesheet" type="text/css" href={attribute(href)}/>' for href in stylesheets)
    lang = attribute(language)
    body_attr = f" class={attribute(body_class)}" if body_class else ""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
        f'<html xmlns="{XHTML_NS}" xmlns:epub="{EPUB_NS}" lang={lang} xml:lang={lang}>\n'
        f'<head>\n<meta charset="utf-8"/>\n<title>{text(title)}</title>{links}\n</head>\n'
        f"<body{body_attr}>\n{body}\n</body>\n</html>\n"
    )
