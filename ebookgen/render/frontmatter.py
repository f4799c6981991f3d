"""The printed book's front matter: half-title, title page, copyright page, dedication, epigraph, contents.

Each page is a small ``<section>``; print.css gives each its own page. The contents lists parts and
chapters; its page numbers are either left to WeasyPrint (``target-counter``) in a single layout, or
written in when they are already known (the parallel writer lays out the front matter last).
"""

from __future__ import annotations

from dataclasses import dataclass

from ebookgen.languages import Language
from ebookgen.languages.records import BookWords
from ebookgen.model import CONTRIBUTOR_ROLES, Book, Metadata
from ebookgen.render.backmatter import back_pages
from ebookgen.render.ids import chapter_anchor, part_page_anchor, subpart_page_anchor
from ebookgen.render.scripts import mark_scripts
from ebookgen.render.xhtml import attribute, chapter_title, text


@dataclass(frozen=True)
class ContentsEntry:
    """One line of the contents page: a part or a chapter, and the element it points at."""

    title: str
    anchor: str
    kind: str  # "part", "chapter" or "back" (a page of back matter)
    in_part: bool = False  # a chapter listed under its part, or a collected work's own part under the work
    in_subpart: bool = False  # a chapter listed under a collected work's own part, indented once more


def contents_entries(book: Book, language: Language) -> list[ContentsEntry]:
    """List the parts, chapters and back matter the contents page shows, in reading order."""
    entries: list[ContentsEntry] = []
    in_part = in_subpart = False
    for chapter in book.chapters:
        if chapter.part:
            entries.append(ContentsEntry(chapter.part, part_page_anchor(chapter.number), "part"))
            in_part, in_subpart = True, False
        if chapter.subpart:
            entries.append(ContentsEntry(chapter.subpart, subpart_page_anchor(chapter.number), "part", in_part))
            in_subpart = True
        title = chapter_title(chapter, book, language)
        entries.append(ContentsEntry(title, chapter_anchor(chapter.number), "chapter", in_part, in_subpart))
    entries += [ContentsEntry(page.title, page.anchor, "back") for page in back_pages(book, language)]
    return entries


def section_start(kind: str, semantics: bool = False) -> str:
    """Open a page's section; with semantics (the e-book's), it carries its epub:type and ARIA role."""
    roles = f' epub:type="{kind}" role="doc-{kind}"' if semantics else ""
    return f'<section{roles} class="{kind}" id="{kind}">'


def half_title(book: Book) -> str:
    """Render the half-title page: the title alone."""
    return f"{section_start('half-title')}\n<p>{text(book.metadata.title)}</p>\n</section>"


def series_line(meta: Metadata, language: Language) -> str:
    """Name the series and the book's place in it: "The Coast, Book 2"; "" outside a series."""
    if not meta.series:
        return ""
    if not meta.series_index:
        return meta.series
    return language.words.series_book.format(series=meta.series, number=meta.series_index)


def credit_lines(meta: Metadata) -> list[str]:
    """Credit the contributors by role, in book.toml's order: "Translated by Louise Maude and Aylmer Maude"."""
    names: dict[str, list[str]] = {}
    for contributor in meta.contributors:
        names.setdefault(contributor.role, []).append(contributor.name)
    return [f"{CONTRIBUTOR_ROLES[role].credit} {joined_names(people)}" for role, people in names.items()]


def joined_names(names: list[str]) -> str:
    """Join names for a credit: "A", "A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def title_page(book: Book, language: Language) -> str:
    """Render the title page: title, subtitle, series, author, contributors and publisher."""
    meta = book.metadata
    subtitle = f'\n<p class="subtitle">{text(meta.subtitle)}</p>' if meta.subtitle else ""
    series = f'\n<p class="series">{text(series_line(meta, language))}</p>' if meta.series else ""
    credits = "".join(f'\n<p class="credit">{text(line)}</p>' for line in credit_lines(meta))
    publisher = f'\n<p class="publisher">{text(meta.publisher)}</p>' if meta.publisher else ""
    section = (
        '<section epub:type="titlepage" class="titlepage" id="titlepage">\n'
        f'<h1 class="book-title">{text(meta.title)}</h1>{subtitle}{series}\n'
        f'<p class="book-author">{text(meta.author)}</p>{credits}{publisher}\n</section>'
    )
    return mark_scripts(section, language)


def rights_line(meta: Metadata, year: int, language: Language) -> str:
    """Say who holds the rights: book.toml's rights line, the public domain, or the author from the year."""
    if meta.rights and not meta.public_domain:
        return meta.rights
    if meta.public_domain:
        return "This text is in the public domain: no rights are reserved."
    shown_year = meta.date[:4] if meta.date[:4].isdigit() else str(year)
    said = language.words
    return f"{said.copyright_line.format(year=shown_year, author=meta.author)} {said.rights}"


def hyphenated_isbn(identifier: str) -> str:
    """Write an ISBN by its group and registrant (978-0-306-40615-7), or as given where the ranges do not know it."""
    import isbnlib

    digits = identifier.lower().removeprefix("urn:isbn:")
    try:
        return isbnlib.mask(digits) or digits
    except isbnlib.NotValidISBNError:
        return digits


def edition_isbn_lines(isbns: tuple[tuple[str, str], ...], edition: str, words: BookWords | None = None) -> list[str]:
    """List each edition's ISBN, this edition's first: `ISBN 978-... (paperback)`, then the others as also available,
    in the book's language's words."""
    words = words or BookWords()
    called = dict(words.editions)
    own = [f"ISBN {hyphenated_isbn(digits)} ({called.get(name, name)})" for name, digits in isbns if name == edition]
    others = [f"{called.get(name, name)} ISBN {hyphenated_isbn(digits)}" for name, digits in isbns if name != edition]
    return own + ([words.also_available.format(editions="; ".join(others))] if others else [])


def copyright_lines(
    book: Book, language: Language, year: int, ebook: bool = False, face: str = "EB Garamond"
) -> list[str]:
    """List the copyright page's lines: rights, publisher, ISBN and, in print, the face the book is set in."""
    meta = book.metadata
    said = language.words
    lines = [rights_line(meta, year, language)]
    if meta.publisher:
        lines.append(said.published_by.format(publisher=meta.publisher))
    if meta.edition_isbns:
        lines += edition_isbn_lines(
            meta.edition_isbns, "ebook" if ebook else meta.edition or "paperback", language.words
        )
    elif meta.identifier.lower().startswith("urn:isbn:"):
        lines.append(f"ISBN {hyphenated_isbn(meta.identifier)}")
    if not ebook:
        lines.append(said.set_in.format(face=face))
    return lines


def copyright_page(book: Book, language: Language, year: int, ebook: bool = False, face: str = "EB Garamond") -> str:
    """Render the copyright page; the e-book's is marked as one (epub:type copyright-page)."""
    lines = copyright_lines(book, language, year, ebook, face)
    paragraphs = "\n".join(f"<p>{text(line)}</p>" for line in lines)
    start = '<section epub:type="copyright-page" class="copyright" id="copyright">' if ebook else None
    return f"{start or section_start('copyright')}\n{paragraphs}\n</section>"


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


def contents_page(
    book: Book,
    language: Language,
    numbers: dict[str, str] | None = None,
    links: bool = True,
    link_prefix: str = "#",
) -> str:
    """Render the contents page when the book has more than one chapter.

    With `numbers` (anchor -> folio) the page numbers are written in; without, WeasyPrint
    finds them with target-counter. Links go to `link_prefix` + the id.
    """
    if len(book.chapters) < 2:
        return ""
    items = []
    for entry in contents_entries(book, language):
        page = f" data-page={attribute(numbers.get(entry.anchor, ''))}" if numbers is not None else ""
        tag = "a" if links else "span"
        target = f' href="{link_prefix}{entry.anchor}"' if links else f' data-target="#{entry.anchor}"'
        items.append(
            f'<li class="toc-{entry.kind}{" toc-in-part" if entry.in_part else ""}'
            f'{" toc-in-subpart" if entry.in_subpart else ""}">'
            f'<{tag} class="toc-link"{target}{page}>'
            f'<span class="toc-title">{text(entry.title)}</span></{tag}></li>'
        )
    entries = "\n".join(items)
    return (
        '<nav class="contents" id="contents" role="doc-toc">\n'
        f'<h2 class="contents-title">{text(language.words.contents)}</h2>\n'
        f"<ol>\n{entries}\n</ol>\n</nav>"
    )


def front_matter(
    book: Book,
    language: Language,
    year: int,
    numbers: dict[str, str] | None = None,
    links: bool = True,
    link_prefix: str = "#",
    face: str = "EB Garamond",
) -> str:
    """Render every front-matter page the book calls for, in order."""
    pages = [
        half_title(book),
        title_page(book, language),
        copyright_page(book, language, year, face=face),
        dedication_page(book),
        epigraph_page(book),
        contents_page(book, language, numbers, links, link_prefix),
    ]
    body = "\n".join(page for page in pages if page)
    return f'<div class="front">\n{body}\n</div>'
