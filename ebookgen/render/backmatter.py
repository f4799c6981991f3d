"""The back matter, after the last chapter, in the order books print it: afterword, acknowledgements, about the
author, the author's other books, and last the call to action (a newsletter to join).

Each page is a ``<section>`` rendered once for both editions, carrying its EPUB structural semantics
(``epub:type`` from the EPUB SSV) and its DPUB-ARIA role where one exists; the e-book gives each its own
document, the print book its own page.
"""

from __future__ import annotations

from dataclasses import dataclass

from ebookgen.languages import Language
from ebookgen.model import Book
from ebookgen.render.scripts import mark_scripts
from ebookgen.render.xhtml import attribute, text


@dataclass(frozen=True)
class Semantics:
    """How a back-matter page is marked: its epub:type, its ARIA role ("" for none) and its print class."""

    epub_type: str
    role: str = ""


# The pages, by id: the SSV's afterword and acknowledgments (with the DPUB-ARIA roles of the same name).
# The SSV and DPUB-ARIA have no term for about the author, the author's other books or a newsletter: they
# are plain back matter (Z39.98's biographical-note would need an epub:prefix on every document).
SEMANTICS = {
    "afterword": Semantics("afterword", "doc-afterword"),
    "acknowledgements": Semantics("acknowledgments", "doc-acknowledgments"),
    "about-the-author": Semantics("backmatter"),
    "also-by": Semantics("backmatter"),
    "newsletter": Semantics("backmatter"),
}


@dataclass(frozen=True)
class BackPage:
    """One page of back matter: its id, the title the contents lists it under, and its section."""

    anchor: str
    title: str
    section: str

    @property
    def epub_type(self) -> str:
        """Return the page's epub:type."""
        return SEMANTICS[self.anchor].epub_type


def paragraphs(value: str) -> str:
    """Render a back-matter text's paragraphs (parted by blank lines)."""
    return "\n".join(f"<p>{text(paragraph)}</p>" for paragraph in value.split("\n\n") if paragraph)


def back_section(anchor: str, title: str, body: str, language: Language) -> BackPage:
    """Wrap one back-matter page's body in its section and heading, with its semantics."""
    marks = SEMANTICS[anchor]
    role = f' role="{marks.role}"' if marks.role else ""
    heading = f"{anchor}-title"
    section = (
        f'<section epub:type="{marks.epub_type}"{role} class="back-matter {anchor}" id="{anchor}"'
        f' aria-labelledby="{heading}">\n'
        f'<h2 class="matter-title" id="{heading}" data-title={attribute(title)}>{text(title)}</h2>\n{body}\n</section>'
    )
    return BackPage(anchor, title, mark_scripts(section, language))


def also_by_list(titles: tuple[str, ...]) -> str:
    """Render the author's other books, one title a line."""
    items = "\n".join(f"<li><cite>{text(title)}</cite></li>" for title in titles)
    return f'<ul class="book-list">\n{items}\n</ul>'


def call_to_action(line: str, url: str) -> str:
    """Render the newsletter's line and its web address, shown without its scheme."""
    shown = url.split("://", 1)[-1].rstrip("/")
    address = f'<p class="call-address"><a href={attribute(url)}>{text(shown)}</a></p>'
    return f'<p class="call-line">{text(line)}</p>\n{address}'


def back_pages(book: Book, language: Language) -> list[BackPage]:
    """List the back-matter pages the book calls for, in the order books print them, titled in its language."""
    meta, said = book.metadata, language.words
    pages = [
        ("afterword", said.afterword, paragraphs(meta.afterword) if meta.afterword else ""),
        ("acknowledgements", said.acknowledgements, paragraphs(meta.acknowledgements)),
        ("about-the-author", said.about_the_author, paragraphs(meta.about_the_author)),
        ("also-by", said.also_by.format(author=meta.author), also_by_list(meta.also_by) if meta.also_by else ""),
        (
            "newsletter",
            said.newsletter,
            call_to_action(meta.newsletter.line, meta.newsletter.url) if meta.newsletter else "",
        ),
    ]
    return [back_section(anchor, title, body, language) for anchor, title, body in pages if body]


def back_matter(book: Book, language: Language) -> str:
    """Render the printed book's back matter, every page in order, or "" when it has none."""
    pages = back_pages(book, language)
    return '<div class="back">\n' + "\n".join(page.section for page in pages) + "\n</div>" if pages else ""
