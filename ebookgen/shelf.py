"""The book already at an output path: a build that replaces one of another title says so.

Two titles can share a file name (`Café!` and `Café?` are both `café`), and a library user who keeps several books
in one dist/ folder would lose one silently. The title is read from the file itself: an EPUB's ``dc:title``
(through ``META-INF/container.xml``), a PDF's document information ``Title``.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from lxml import etree

Result = TypeVar("Result")
PACKAGE_LIMIT = 1 << 20  # a package document is a few kilobytes; a larger one is not read for its title
XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def shelved_title(path: Path) -> str | None:
    """Return the title of the book already at path, or None where there is none or it cannot be read."""
    if not path.is_file() or path.is_symlink():
        return None
    try:
        return epub_title(path) if zipfile.is_zipfile(path) else pdf_title(path)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError):
        return None


def epub_title(path: Path) -> str | None:
    """Read an EPUB's dc:title from its package document."""
    with zipfile.ZipFile(path) as archive:
        container = etree.fromstring(small_entry(archive, "META-INF/container.xml"), XML_PARSER)
        rootfile = container.find(".//{*}rootfile[@full-path]")
        if rootfile is None:
            return None
        package = etree.fromstring(small_entry(archive, posixpath.normpath(rootfile.get("full-path"))), XML_PARSER)
    title = package.find(".//{http://purl.org/dc/elements/1.1/}title")
    return " ".join((title.text or "").split()) or None if title is not None else None


def small_entry(archive: zipfile.ZipFile, name: str) -> bytes:
    """Read one small entry of a zip, refusing one that unpacks larger than a package document can be."""
    if archive.getinfo(name).file_size > PACKAGE_LIMIT:
        raise ValueError(f"{name} is too large to be a package document")
    return archive.read(name)


def pdf_title(path: Path) -> str | None:
    """Read a PDF's Title from its document information, when the file is a PDF."""
    with path.open("rb") as handle:
        if handle.read(5) != b"%PDF-":
            return None
    import pikepdf

    try:
        with pikepdf.open(path) as pdf:
            title = pdf.docinfo.get("/Title") if pdf.trailer.get("/Info") is not None else None
    except pikepdf.PdfError:
        return None
    return " ".join(str(title).split()) or None if title is not None else None


def replacement_note(target: Path, previous: str | None, title: str) -> str | None:
    """Say that the build replaced a book of another title at target, or None when it did not."""
    if previous is None or previous == " ".join(title.split()):
        return None
    return f"{target}: replaced the book titled {previous!r} that was there with {title!r}; give -o to keep both"


def noted_replacement(written: Result, previous: str | None, title: str) -> Result:
    """Add the replacement note to what a writer returned, when it replaced a book of another title."""
    note = replacement_note(written.path, previous, title)
    return replace(written, notes=(*written.notes, note)) if note else written
