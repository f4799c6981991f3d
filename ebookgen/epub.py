"""The EPUB writer: a Book in, a valid EPUB 3 (with an EPUB 2 NCX) out, through ebooklib.

``write_epub`` names the build steps in order; each step is a small function below.
"""

from __future__ import annotations

import io
import uuid
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ebooklib import epub

from .model import Book, Metadata
from .output import atomic_path
from .render import RenderedChapter, render_book, render_title_page, xhtml_document
from .resources import stylesheet

STYLESHEETS = ("base.css", "epub.css")
XHTML = "application/xhtml+xml"


@dataclass(frozen=True)
class EpubOptions:
    """How to package the EPUB."""

    modified: datetime


def write_epub(book: Book, target: Path, options: EpubOptions) -> Path:
    """Write the book as an EPUB file at target, atomically."""
    package = start_package(book.metadata)
    add_stylesheets(package)
    title_page = add_title_page(package, book)
    chapters = add_chapters(package, book)
    add_navigation(package, title_page, chapters)
    data = reproducible_zip(package_bytes(package, options.modified), options.modified)
    with atomic_path(target) as temporary:
        temporary.write_bytes(data)
    return target


def book_identifier(metadata: Metadata) -> str:
    """Return the book's identifier: the one given, or a UUID derived from title and author."""
    if metadata.identifier:
        return metadata.identifier
    name = f"ebookgen:{metadata.title}\x1f{metadata.author}"
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


def start_package(metadata: Metadata) -> epub.EpubBook:
    """Create the package with its metadata."""
    package = epub.EpubBook()
    package.set_identifier(book_identifier(metadata))
    package.set_title(metadata.title)
    package.set_language(metadata.language)
    for index, author in enumerate(metadata.authors):
        package.add_author(author, role="aut", uid=f"creator{index + 1}" if index else "creator")
    if metadata.description:
        package.add_metadata("DC", "description", metadata.description)
    for subject in metadata.subjects:
        package.add_metadata("DC", "subject", subject)
    if metadata.publisher:
        package.add_metadata("DC", "publisher", metadata.publisher)
    if metadata.rights:
        package.add_metadata("DC", "rights", metadata.rights)
    return package


def add_stylesheets(package: epub.EpubBook) -> None:
    """Add the shared base stylesheet and the EPUB layer."""
    for name in STYLESHEETS:
        item = epub.EpubItem(uid=name.replace(".", "-"), file_name=f"css/{name}", media_type="text/css")
        item.content = stylesheet(name).encode("utf-8")
        package.add_item(item)


def document(uid: str, file_name: str, title: str, language: str, body: str) -> epub.EpubItem:
    """Make one XHTML content document, linked to the shared stylesheets."""
    item = epub.EpubItem(uid=uid, file_name=file_name, media_type=XHTML)
    css = [f"../css/{name}" for name in STYLESHEETS] if "/" in file_name else [f"css/{name}" for name in STYLESHEETS]
    item.content = xhtml_document(title, language, body, css).encode("utf-8")
    return item


def add_title_page(package: epub.EpubBook, book: Book) -> epub.EpubItem:
    """Add the title page."""
    meta = book.metadata
    item = document("titlepage", "text/titlepage.xhtml", meta.title, meta.language, render_title_page(book))
    package.add_item(item)
    return item


def add_chapters(package: epub.EpubBook, book: Book) -> list[tuple[epub.EpubItem, RenderedChapter]]:
    """Add one XHTML document per chapter."""
    chapters = []
    for rendered in render_book(book):
        name = f"text/chapter-{rendered.number:03d}.xhtml"
        item = document(rendered.anchor, name, rendered.title, book.metadata.language, rendered.section)
        package.add_item(item)
        chapters.append((item, rendered))
    return chapters


def add_navigation(
    package: epub.EpubBook, title_page: epub.EpubItem, chapters: list[tuple[epub.EpubItem, RenderedChapter]]
) -> None:
    """Add the table of contents (nav and NCX), the landmarks and the reading order."""
    package.toc = [epub.Link(item.file_name, rendered.title, rendered.anchor) for item, rendered in chapters]
    package.add_item(epub.EpubNcx())
    nav = epub.EpubNav(title="Contents")
    package.add_item(nav)
    first = chapters[0][0]
    package.guide = [
        {"href": title_page.file_name, "title": "Title Page", "type": "title-page"},
        {"href": "nav.xhtml", "title": "Contents", "type": "toc"},
        {"href": first.file_name, "title": "Start of Text", "type": "text"},
    ]
    package.spine = [title_page, nav] + [item for item, _ in chapters]


def package_bytes(package: epub.EpubBook, modified: datetime) -> bytes:
    """Let ebooklib write the package into memory."""
    buffer = io.BytesIO()
    options = {"mtime": modified.astimezone(UTC), "epub3_pages": False, "raise_exceptions": True}
    epub.write_epub(buffer, package, options)
    return buffer.getvalue()


def reproducible_zip(data: bytes, modified: datetime) -> bytes:
    """Repack the EPUB: mimetype first and stored, then entries in a fixed order with fixed times."""
    stamp = max(modified.astimezone(UTC), datetime(1980, 1, 1, tzinfo=UTC)).timetuple()[:6]
    source = zipfile.ZipFile(io.BytesIO(data))
    names = sorted(source.namelist(), key=lambda name: (name != "mimetype", name != "META-INF/container.xml", name))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.external_attr = 0o644 << 16
            info.create_system = 3
            if name == "mimetype":
                info.compress_type = zipfile.ZIP_STORED
            else:
                info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(name), compresslevel=9 if name != "mimetype" else None)
    return buffer.getvalue()
