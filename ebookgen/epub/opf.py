"""The package metadata: Dublin Core, series, cover and EPUB Accessibility 1.1, set on an ebooklib book.

ebooklib writes ``dcterms:modified`` itself (from the ``mtime`` option), exactly once.
"""

from __future__ import annotations

import uuid

from ebooklib import epub
from lxml import etree

from ebookgen.model import CONTRIBUTOR_ROLES, Metadata
from ebookgen.version import __version__

CONFORMANCE = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA"
# What every ebookgen book offers: a table of contents, headings, one reading order, no fixed styling.
FEATURES = ("structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability", "alternativeText")
PRINT_FEATURES = ("pageBreakMarkers", "pageNavigation")


def book_identifier(metadata: Metadata) -> str:
    """Return the book's identifier: the one given, or a UUID derived from title and author."""
    if metadata.identifier:
        return metadata.identifier
    name = f"ebookgen:{metadata.title}\x1f{metadata.author}"
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


def name_generator(package: epub.EpubBook) -> None:
    """Name ebookgen, not ebooklib, as the generator."""
    package.set_unique_metadata("OPF", "generator", "", {"name": "generator", "content": f"ebookgen {__version__}"})


def with_package_language(opf: bytes, language: str) -> bytes:
    """Set xml:lang on the package element, which ebooklib leaves out (Ace's epub-lang check)."""
    root = etree.fromstring(opf)
    root.set("{http://www.w3.org/XML/1998/namespace}lang", language)
    return etree.tostring(root, encoding="utf-8", xml_declaration=True, pretty_print=True)


def meta(package: epub.EpubBook, prop: str, value: str, **others: str) -> None:
    """Add one EPUB 3 `<meta property=...>` element."""
    package.add_metadata(None, "meta", value, {"property": prop, **others})


def add_dublin_core(package: epub.EpubBook, metadata: Metadata) -> None:
    """Add identifier, title, language, creators with their role, and the descriptive elements."""
    name_generator(package)
    package.set_identifier(book_identifier(metadata))
    package.set_title(metadata.title)
    package.set_language(metadata.language)
    for index, author in enumerate(metadata.authors):
        package.add_author(author, role="aut", uid=f"creator{index + 1}" if index else "creator")
    if metadata.date:  # checked when book.toml was loaded (project/values.py)
        package.add_metadata("DC", "date", metadata.date)
    for name in ("description", "publisher", "rights"):
        if getattr(metadata, name):
            package.add_metadata("DC", name, getattr(metadata, name))
    for subject in metadata.subjects:
        package.add_metadata("DC", "subject", subject)


def add_series(package: epub.EpubBook, metadata: Metadata) -> None:
    """Add the series as an EPUB 3 collection, and as Calibre's metadata that Kobo and Calibre read."""
    if not metadata.series:
        return
    meta(package, "belongs-to-collection", metadata.series, id="series")
    meta(package, "collection-type", "series", refines="#series")
    package.add_metadata(None, "meta", "", {"name": "calibre:series", "content": metadata.series})
    if metadata.series_index:  # checked when book.toml was loaded (project/values.py)
        meta(package, "group-position", metadata.series_index, refines="#series")
        package.add_metadata(None, "meta", "", {"name": "calibre:series_index", "content": metadata.series_index})


def add_contributors(package: epub.EpubBook, metadata: Metadata) -> None:
    """Add each contributor as a dc:contributor refined by its MARC relator role (trl, edt, ill...)."""
    for index, contributor in enumerate(metadata.contributors, start=1):
        package.add_metadata("DC", "contributor", contributor.name, {"id": f"contributor{index}"})
        role = CONTRIBUTOR_ROLES[contributor.role].marc
        meta(package, "role", role, refines=f"#contributor{index}", scheme="marc:relators")


def add_cover_meta(package: epub.EpubBook, image_id: str) -> None:
    """Name the cover image for EPUB 2 reading systems (Kindle, older Kobo firmware)."""
    package.add_metadata(None, "meta", "", {"name": "cover", "content": image_id})


def accessibility_summary(print_source: str) -> str:
    """Describe the book's accessibility in a sentence or three."""
    summary = (
        "This publication conforms to WCAG 2.2 Level AA. It is text only, in one logical reading order, "
        "with a heading for every chapter and a table of contents; the text can be restyled freely."
    )
    if print_source:
        summary += " Page break markers and a page list give the pages of the print edition."
    return summary


def add_accessibility(package: epub.EpubBook, print_source: str = "") -> None:
    """Add the EPUB Accessibility 1.1 metadata, and the print edition when the book carries its pages."""
    meta(package, "schema:accessMode", "textual")
    meta(package, "schema:accessMode", "visual")
    meta(package, "schema:accessModeSufficient", "textual")
    for feature in FEATURES + (PRINT_FEATURES if print_source else ()):
        meta(package, "schema:accessibilityFeature", feature)
    meta(package, "schema:accessibilityHazard", "none")
    meta(package, "schema:accessibilitySummary", accessibility_summary(print_source))
    meta(package, "dcterms:conformsTo", CONFORMANCE)
    if print_source:
        package.add_metadata("DC", "source", print_source, {"id": "print-source"})
        meta(package, "source-of", "pagination", refines="#print-source")
