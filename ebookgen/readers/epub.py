"""Read an EPUB someone else made (FanFicFare's, AO3's, Calibre's), to typeset it again.

Its package gives the metadata (dc:title, creator, description, subjects, source, language,
Calibre's series); its spine gives the chapters, each page through the shared HTML mapper with its
first heading as the chapter's. Its own title, contents and info pages are recognised and read as
metadata, never repeated as chapters; an AO3 EPUB is read as an AO3 download. A locked (DRM) or
broken EPUB is refused in one line.
"""

from __future__ import annotations

import copy
import posixpath
from dataclasses import replace
from pathlib import Path

from ebookgen.errors import InputError
from ebookgen.model import Footnote
from ebookgen.model.document import Document, Heading, ReadBlock, Resource
from ebookgen.model.outline import outline
from ebookgen.readers.archive import open_archive, read_member
from ebookgen.readers.classes import with_class_styles
from ebookgen.readers.epubpages import PageKind, chapter_text, is_part_page, page_kind
from ebookgen.readers.epubplaces import block_lines, page_elements, text_places
from ebookgen.readers.epubsvg import svg_notes, svg_page
from ebookgen.readers.htmltext import parse_document
from ebookgen.readers.opf import SVG_TYPE, Package, read_package
from ebookgen.readers.reader import Reader

EPUB_SUFFIXES = (".epub",)
KIND = "EPUB"
# Encryption that only obfuscates embedded fonts: the text is readable.
FONT_OBFUSCATION = ("http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC")


def read_epub(path: Path, encoding: str | None = None) -> Document:
    """Read an EPUB: its spine's chapters as model blocks, its images, and its package's metadata."""
    with open_archive(path, KIND) as archive:
        refuse_locked(path, archive)
        package = read_package(path, archive)
        pages = [(href, read_member(path, archive, href, KIND)) for href in package.spine]
        pictures = [href for href, kind in package.media.items() if kind.startswith("image/")]
        images = {href: read_member(path, archive, href, KIND) for href in pictures}
        present = set(archive.namelist())
        sheets = [href for href, kind in package.media.items() if kind == "text/css" and href in present]
        css = "\n".join(read_member(path, archive, href, KIND).decode("utf-8", "replace") for href in sheets)
    trees = [(href, page_tree(href, data, package)) for href, data in pages if data.strip()]
    for _, tree in trees:
        with_class_styles(tree, css)
    resources = resources_of(images, package)
    names = {href: resource.name for href, resource in zip(images, resources, strict=True)}
    ao3 = ao3_source(path, trees, package)
    if ao3 is not None:
        return ao3
    parts, unmapped, found, part_pages, places = [], [], package.metadata, set(), []
    notes = 0  # The notes read so far, counted as each page comes (counting them all again each page was quadratic).
    for href, tree in trees:
        kind = page_kind(tree, href, package)
        if kind.kind != "chapter":
            unmapped.append(f"{href}: {kind.description} read as metadata, not as a chapter")
            found = kind.merged(found)
            continue
        unmapped += page_notes(href, tree, package)
        figure = figure_resolver(href, names)
        elements = page_elements(tree)
        mapped = chapter_text(tree, href, figure, package.labels.get(href, ""), 1 + notes)
        if is_part_page(mapped, tree):
            part_pages.add(len(parts))
        parts.append(mapped.blocks)
        notes += sum(isinstance(block, Footnote) for block in mapped.blocks)
        places += [f"{href}:{line}" for line in block_lines(mapped.blocks, elements)]
        unmapped += mapped.unmapped
    blocks = tuple(block for part in leveled(parts, part_pages) for block in part)
    text = outline(blocks)[0]
    if not text.strip():
        raise InputError(f"{path}: this EPUB has no chapter text in its spine; it is empty or broken")
    cover = names.get(package.cover, "")
    used = [resource for resource in resources if f"({resource.name}" in text or resource.name == cover]
    found = replace(found, cover=cover) if cover else found
    reader = f"EPUB ({package.maker})"
    located = text_places(blocks, places)
    return Document(path, text, "utf-8", (), found, (), tuple(used), reader, tuple(unmapped), (), blocks,
                    counted="pages' lines", places=located)  # fmt: skip


def page_tree(href: str, data: bytes, package: Package):
    """Parse a spine page: an XHTML page as it is, an SVG page as an HTML page of its text or its picture."""
    return svg_page(data, href) if package.media.get(href) == SVG_TYPE else parse_document(data)


def page_notes(href: str, tree, package: Package) -> tuple[str, ...]:
    """Say how a page was read when it is not an ordinary page: outside the reading order, or an SVG page."""
    aside = (f'{href}: a page outside the reading order (linear="no"), set at the end of the book',)
    return (aside if href in package.aside else ()) + svg_notes(href, package.media.get(href) == SVG_TYPE, tree, 0)


def leveled(parts: list[tuple[ReadBlock, ...]], part_pages: set[int]) -> list[tuple[ReadBlock, ...]]:
    """Set chapters a level under the book's parts when it has part pages (level 1 parts, level 2 chapters)."""
    if not part_pages:
        return parts
    return [part if index in part_pages or not opens_chapter(part) else chapter_under(part) for index, part in
            enumerate(parts)]  # fmt: skip


def opens_chapter(part: tuple[ReadBlock, ...]) -> bool:
    """Tell a page that opens with a top-level heading."""
    return bool(part) and isinstance(part[0], Heading) and part[0].level == 1


def chapter_under(part: tuple[ReadBlock, ...]) -> tuple[ReadBlock, ...]:
    """Set a page's opening heading a level down, under its part."""
    return (Heading(2, part[0].title), *part[1:])


def refuse_locked(path: Path, archive) -> None:
    """Refuse an EPUB whose text is encrypted (DRM); obfuscated fonts alone are fine."""
    names = set(archive.namelist())
    if "META-INF/rights.xml" in names:
        raise InputError(f"{path}: this EPUB is locked with DRM (Adobe); ebookgen cannot read it")
    if "META-INF/encryption.xml" in names:
        text = read_member(path, archive, "META-INF/encryption.xml", KIND).decode("utf-8", "replace")
        algorithms = [part.split('"', 1)[0] for part in text.split('Algorithm="')[1:]]
        if any(algorithm not in FONT_OBFUSCATION for algorithm in algorithms):
            raise InputError(f"{path}: this EPUB is locked with DRM (its text is encrypted); ebookgen cannot read it")


def resources_of(images: dict[str, bytes], package: Package) -> list[Resource]:
    """Keep the EPUB's images as resources, each under a name of its own."""
    resources, taken = [], set()
    for href, data in images.items():
        name = posixpath.basename(href)
        while name in taken:
            name = f"x{name}"
        taken.add(name)
        resources.append(Resource(name, data, package.media[href]))
    return resources


def figure_resolver(href: str, names: dict[str, str]):
    """Resolve an image reference of a page (relative to it) to the name of its resource."""
    base = posixpath.dirname(href)

    def resolve(src: str) -> str | None:
        return names.get(posixpath.normpath(posixpath.join(base, src.split("#")[0])))

    return resolve


def ao3_source(path: Path, trees, package: Package) -> Document | None:
    """Read an AO3 EPUB as the AO3 download its pages are: joined, then read by the AO3 reader."""
    import lxml.html

    from ebookgen.readers.ao3 import is_ao3, read_ao3

    if not any(tree.xpath("//div[@id='preface']") for _, tree in trees):
        return None
    joined = lxml.html.document_fromstring("<html><body></body></html>")
    body = joined.find("body")
    for _, tree in trees:
        page = tree.find("body")
        for child in page if page is not None else []:
            body.append(copy.deepcopy(child))
    if not is_ao3(joined):
        return None
    mapped, found = read_ao3(joined, "")
    found = package.metadata if not found.title else found
    blocks = mapped.blocks
    return Document(path, mapped.text, "utf-8", (), found, (), (), "EPUB (AO3 download)", mapped.unmapped, (), blocks)


# A folder's EPUB is most often a book built from it: read only when `chapters` names it.
READER = Reader("EPUB", EPUB_SUFFIXES, read_epub, in_folders=False, rank=50)


__all__ = ["EPUB_SUFFIXES", "PageKind", "read_epub"]
