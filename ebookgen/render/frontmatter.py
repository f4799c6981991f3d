"""The printed book's front matter: half-title, title page, copyright page, dedication, epigraph, contents.

Each page is a small ``<section>``; print.css gives each its own page. The contents lists parts and
chapters; its page numbers are either left to WeasyPrint (``target-counter``) in a single layout, or
written in when they are already known (the parallel writer lays out the front matter last).
"""

from __future__ import annotations

from dataclasses import dataclass

from ebookgen.model import Book
from ebookgen.render.ids import chapter_anchor, part_page_anchor
from ebookgen.render.words import words_for
from ebookgen.render.xhtml import attribute, chapter_title, text


@dataclass(frozen=True)
class ContentsEntry:
    """One line of the contents page: a part or a chapter, and the element it points at."""

    title: str
    anchor: str
    kind: str  # "part" or "chapter"


def contents_entries(book: Book) -> list[ContentsEntry]:
    """List the parts and chapters the contents page shows, in reading order."""
    entries: list[ContentsEntry] = []
    for chapter in book.chapters:
        if chapter.part:
            entries.append(ContentsEntry(chapter.part, part_page_anchor(chapter.number), "part"))
        entries.append(ContentsEntry(chapter_title(chapter, book), chapter_anchor(chapter.number), "chapter"))
    return entries


def section_start(kind: str, semantics: bool = False) -> str:
    """Open a page's section; with semantics (the e-book's), it carries its epub:type and ARIA role."""
    roles = f' epub:type="{kind}" role="doc-{kind}"' if semantics else ""
    return f'<section{roles} class="{kind}" id="{kind}">'


def half_title(book: Book) -> str:
    """Render the half-title page: the title alone."""
    return f"{section_start('half-title')}\n<p>{text(book.metadata.title)}</p>\n</section>"


def title_page(book: Book) -> str:
    """Render the title page: title, subtitle, author and publisher."""
    meta = book.metadata
    subtitle = f'\n<p class="subtitle">{text(meta.subtitle)}</p>' if meta.subtitle else ""
    publisher = f'\n<p class="publisher">{text(meta.publisher)}</p>' if meta.publisher else ""
    return (
        '<section epub:type="titlepage" class="titlepage" id="titlepage">\n'
        f'<h1 class="book-title">{text(meta.title)}</h1>{subtitle}\n'
        f'<p class="book-author">{text(meta.author)}</p>{publisher}\n</section>'
    )


def copyright_page(book: Book, year: int) -> str:
    """Render the copyright page: year, author, rights line, publisher and the face the book is set in."""
    meta = book.metadata
    shown_year = meta.date[:4] if meta.date[:4].isdigit() else str(year)
    said = words_for(meta.language)
    lines = [f"Copyright © {shown_year} {meta.author}", meta.rights or said.rights]
    if meta.publisher:
        lines.append(said.published_by.format(publisher=meta.publisher))
    if meta.identifier and "isbn" in meta.identifier.lower():
        lines.append(meta.identifier.replace("urn:isbn:", "ISBN "))
    lines.append(said.set_in.format(face="EB Garamond"))
    paragraphs = "\n".join(f"<p>{text(line)}</p>" for line in lines)
    return f"{section_start('copyright')}\n{paragraphs}\n</section>"


def dedication_page(book: Book, semantics: bool = False) -> str:
    """Render the dedication, when the book has one; the e-book's carries its semantics."""
    if not book.metadata.dedication:
        return ""
    return f"{section_start('dedication', semantics)}\n<p>{text(book.metadata.dedication)}</p>\n</section>"


def epigraph_page(book: Book, semantics: bool = False) -> str:
    """Render the epigraph and its source, when the book has one; the e-book's carries its semantics."""
    meta = book.metadata
    if not meta.epigraph:
        return ""
    source = f'\n<p class="epigraph-source">— {text(meta.epigraph_source)}</p>' if meta.epigraph_source else ""
    return (
        f"{section_start('epigraph', semantics)}\n<blockquote>\n<p>{text(meta.epigraph)}</p>{source}\n"
        "</blockquote>\n</section>"
    )


def contents_page(book: Book, numbers: dict[str, str] | None = None, links: bool = True, link_prefix: str = "#") -> str:
    """Render the contents page when the book has more than one chapter.

    With `numbers` (anchor -> folio) the page numbers are written in; without, WeasyPrint
    finds them with target-counter. Links go to `link_prefix` + the id.
    """
    if len(book.chapters) < 2:
        return ""
    items = []
    for entry in contents_entries(book):
        page = f" data-page={attribute(numbers.get(entry.anchor, ''))}" if numbers is not None else ""
        tag = "a" if links else "span"
        target = f' href="{link_prefix}{entry.anchor}"' if links else f' data-target="#{entry.anchor}"'
        items.append(
            f'<li class="toc-{entry.kind}"><{tag} class="toc-link"{target}{page}>'
            f'<span class="toc-title">{text(entry.title)}</span></{tag}></li>'
        )
    entries = "\n".join(items)
    return (
        '<nav class="contents" id="contents" role="doc-toc">\n'
        f'<h2 class="contents-title">{text(words_for(book.metadata.language).contents)}</h2>\n'
        f"<ol>\n{entries}\n</ol>\n</nav>"
    )


def front_matter(
    book: Book, year: int, numbers: dict[str, str] | None = None, links: bool = True, link_prefix: str = "#"
) -> str:
    """Render every front-matter page the book calls for, in order."""
    pages = [
        half_title(book),
        title_page(book),
        copyright_page(book, year),
        dedication_page(book),
        epigraph_page(book),
        contents_page(book, numbers, links, link_prefix),
    ]
    body = "\n".join(page for page in pages if page)
    return f'<div class="front">\n{body}\n</div>'
