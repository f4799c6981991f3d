"""Tell an EPUB's pages apart: its own title, contents, info and cover pages from its chapters.

A made EPUB's furniture must not come back as chapters of the new book: a cover (an image alone),
a title page (the title and author, info lines), a contents page (links to the other pages), an
info page (``Status:``, ``Words:``, a chapter list). Chapters are mapped with their first heading as
the chapter's heading (or the table of contents' label), later headings set as strong paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ebookgen.model.document import Heading
from ebookgen.patterns import lazy
from ebookgen.readers.epubcontrols import controls_note, controls_read
from ebookgen.readers.epubruby import readings_in_brackets, ruby_note
from ebookgen.readers.epubsvg import svg_notes, svg_text_in_place
from ebookgen.readers.fanfic import info_lines, info_metadata, is_info_page, lines_of
from ebookgen.readers.htmltext import MappedText, map_html, tag_of, words_of
from ebookgen.readers.source import FoundMetadata

CONTENTS = lazy(r"^(?:table of )?contents$|^toc$", re.I)
# A back-of-book index: its entries link into the chapters, but it is the book's own text, never its contents.
INDEX = lazy(r"^(?:general |subject |name )?index(?: of \w+)?$|^register$|^índice analítico$", re.I)
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
OPS = "http://www.idpf.org/2007/ops"
PART_WORDS = lazy(r"^(?:part|book|volume)\b", re.I)
WORD = lazy(r"[^\W_]+")
# What a title page holds beside the title and the author: credit words, an edition, a publisher's line.
BOILERPLATE = frozenset(
    "by von de par di door av a an the novel story stories book edition ebook e published publisher publishing"
    " press copyright all rights reserved first second version written illustrated translated and with from"
    " cover title page isbn".split()
)


@dataclass(frozen=True)
class PageKind:
    """What one spine page is: "chapter", or furniture ("title page", "contents page"...) with its info lines."""

    kind: str
    description: str = ""
    info: tuple[tuple[str, str], ...] = ()

    def merged(self, found: FoundMetadata) -> FoundMetadata:
        """Fill what the package left empty from this page's info lines."""
        extra = info_metadata(dict(self.info))
        changes = {name: value for name, value in extra.__dict__.items() if value and not getattr(found, name)}
        return replace(found, **changes) if changes else found


def page_kind(tree, href: str, package) -> PageKind:
    """Tell what a spine page is."""
    body = tree.find("body")
    if body is None or href == package.nav:
        return PageKind("navigation", "the navigation page")
    words = words_of(body)
    images = [element for element in body.iter() if tag_of(element) in ("img", "image", "svg")]
    first = bool(package.spine) and package.spine[0] == href  # not .index(): a search a page was quadratic
    kinds = semantic_types(body)
    bare = images and len(words.split()) < 4 and not captioned(body)
    if (bare and (first or "cover" in href.lower())) or "cover" in kinds:
        return PageKind("cover", "the cover page")
    if kinds & {"titlepage", "halftitlepage", "copyright-page", "toc", "landmarks"} or is_copyright_page(words):
        return PageKind("front matter", "its title or copyright page")
    if "index" in kinds or is_index(body):
        return PageKind("chapter")
    if is_contents_page(body, package):
        return PageKind("contents", "its contents page")
    if is_info_page(body):
        return PageKind("info", "its title or info page", tuple(info_lines(body).items()))
    if is_title_page(words, package.metadata):
        return PageKind("title", "its title page")
    return PageKind("chapter")


def is_index(body) -> bool:
    """Tell a back-of-book index by its heading (`Index`, `Subject Index`): kept as text, never a contents page."""
    heading = next((words_of(element) for element in body.iter() if tag_of(element) in HEADINGS), "")
    return bool(INDEX.match(heading.strip()))


def captioned(body) -> bool:
    """Tell a page that heads or captions its picture: a chapter with a figure, not a cover."""
    return any(tag_of(element) in (*HEADINGS, "figcaption") for element in body.iter())


def is_title_page(words: str, found: FoundMetadata) -> bool:
    """Tell a title page: the book's title and author and boilerplate (`by`, a year, `All rights reserved`), and
    nothing else; a short chapter that names them is the story's."""
    title, author = found.title.lower(), found.author.split(" and ")[0].lower()
    lowered = words.lower()
    if not title or title not in lowered or author not in lowered:
        return False
    rest = lowered.replace(title, " ").replace(author, " ")
    return all(word in BOILERPLATE or word.isdigit() for word in WORD.findall(rest))


def semantic_types(body) -> set[str]:
    """Return the ``epub:type`` values a page's body and its top sections declare."""
    elements = [body, *(child for child in body if tag_of(child) in ("section", "div"))]
    values = " ".join(element.get(f"{{{OPS}}}type") or element.get("epub:type") or "" for element in elements)
    return set(values.split())


def is_copyright_page(words: str) -> bool:
    """Tell a copyright page: short, with a copyright sign or "All rights reserved"."""
    lowered = words.lower()
    return len(words.split()) < 80 and ("\u00a9" in words or "all rights reserved" in lowered)


def is_part_page(mapped: MappedText, tree) -> bool:
    """Tell a part's page: a heading alone (`Part One`, `Book II`), or a page typed as a part."""
    blocks = mapped.blocks
    body = tree.find("body")
    typed = body is not None and "part" in semantic_types(body)
    alone = len(blocks) == 1 and isinstance(blocks[0], Heading) and blocks[0].level == 1
    return alone and (typed or bool(PART_WORDS.match(blocks[0].title)))


def is_contents_page(body, package) -> bool:
    """Tell a contents page: headed Contents, or mostly links to the book's other pages."""
    heading = next((words_of(element) for element in body.iter() if tag_of(element) in HEADINGS), "")
    if CONTENTS.match(heading.strip()):
        return True
    links = [element for element in body.iter() if tag_of(element) == "a" and element.get("href")]
    linked = sum(len(words_of(link).split()) for link in links)
    total = len(words_of(body).split())
    if len(links) >= 2 and total > 0 and linked / total > 0.7:
        return True
    titles = {" ".join(label.lower().split()) for label in package.labels.values()} - {""}
    long_titles = [title for title in titles if len(title) > 3]
    lines = [line.lower().lstrip("0123456789. ") for line in lines_of(body) if line]
    listed = sum(1 for line in lines if line in titles or any(line.endswith(title) for title in long_titles))
    return listed >= 2 and listed >= 0.6 * len(lines)  # A chapter list without links.


def chapter_text(tree, href: str, figure, label: str, first_label: int) -> MappedText:
    """Map a chapter page: its first heading (or its contents label) as the chapter's heading, then its text."""
    body = tree.find("body")
    controls = controls_read(body)
    headings = [element for element in body.iter() if tag_of(element) in HEADINGS]
    title = words_of(headings[0]) if headings else ""
    if headings:
        headings[0].drop_tree()
    for heading in headings[1:]:
        heading.tag = "p"
        heading.set("style", "font-weight: bold")
    rubies, drawn = readings_in_brackets(body), svg_text_in_place(body)
    mapped = map_html(body, href, figure, first_label)
    stem = href.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    named = label and label != stem  # A label that is only the file's name is no title.
    opens = bool(mapped.blocks) and isinstance(mapped.blocks[0], Heading)
    heading = title or (label if named and not opens else "")
    blocks = (Heading(1, heading), *mapped.blocks) if heading else mapped.blocks
    notes = (*ruby_note(href, rubies), *svg_notes(href, False, tree, drawn), *controls_note(href, controls))
    return MappedText(blocks, (*mapped.unmapped, *notes))
