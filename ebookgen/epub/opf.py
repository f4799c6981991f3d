"""The package metadata: Dublin Core, series, cover and EPUB Accessibility 1.1, set on an ebooklib book.

ebooklib writes ``dcterms:modified`` itself (from the ``mtime`` option), exactly once.
"""

from __future__ import annotations

import functools
import uuid
from dataclasses import dataclass, fields, is_dataclass
from datetime import UTC, datetime

from ebooklib import epub
from lxml import etree

from ebookgen.cachedir import sha1
from ebookgen.model import CONTRIBUTOR_ROLES, Book, Metadata
from ebookgen.model.book import Figure, Formula, Text
from ebookgen.patterns import lazy
from ebookgen.version import __version__

DC_NS = "http://purl.org/dc/elements/1.1/"
OPF_NS = "http://www.idpf.org/2007/opf"
BARE_DAY = lazy(r"\d{4}-\d{2}-\d{2}")
# Name parts that belong to the surname ("Le Guin", "van Gogh", "de la Hoya"), and suffixes that follow it.
PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "del", "della", "des", "ter", "ten"}
PARTICLES |= {"bin", "ibn", "al", "el", "dos", "das", "st.", "mac"}
SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "phd", "ph.d", "md", "esq"}
CONFORMANCE = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA"
# What every ebookgen book offers: a table of contents, headings, one reading order, no fixed styling.
FEATURES = ("structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability", "alternativeText")
PRINT_FEATURES = ("pageBreakMarkers", "pageNavigation")
MATH_FEATURES = ("MathML", "describedMath")  # every formula carries its alt text (its own, its TeX or its symbols)
# Apple Books sets its own faces unless the package says the book's are meant (Apple's Books asset guide).
IBOOKS_VOCABULARY = "http://vocabulary.itunes.apple.com/rdf/ibooks/vocabulary-extensions-1.0/"


def book_identifier(metadata: Metadata) -> str:
    """Return the book's identifier: the one given, or a UUID derived from title and author."""
    if metadata.identifier:
        return metadata.identifier
    name = f"ebookgen:{metadata.title}\x1f{metadata.author}"
    # uuid.uuid5(uuid.NAMESPACE_URL, name), with the SHA-1 that does not load OpenSSL
    digest = sha1(uuid.NAMESPACE_URL.bytes + name.encode("utf-8")).digest()
    return f"urn:uuid:{uuid.UUID(bytes=digest[:16], version=5)}"


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
        package.add_metadata("DC", "date", readers_day(metadata.date))
    for name in ("description", "publisher", "rights"):
        if getattr(metadata, name):
            package.add_metadata("DC", name, getattr(metadata, name))
    for subject in (*metadata.subjects, *filter(None, (metadata.rating,)), *metadata.warnings):
        package.add_metadata("DC", "subject", subject)  # A download's rating and warnings too, as AO3's EPUBs have.
    if metadata.source:
        package.add_metadata("DC", "source", metadata.source)


def add_edition_date(package: epub.EpubBook, modified: datetime) -> None:
    """Date a book that has no date by its edition (the manuscript's last change, or SOURCE_DATE_EPOCH).

    Without a dc:date, Calibre and a Kindle show the time of a conversion as the date the book was published.
    """
    package.add_metadata("DC", "date", readers_day(modified.astimezone(UTC).date().isoformat()))


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


def add_apple_fonts(package: epub.EpubBook) -> None:
    """Tell Apple Books to use the embedded faces: without ibooks:specified-fonts it ignores them."""
    package.add_prefix("ibooks", IBOOKS_VOCABULARY)
    meta(package, "ibooks:specified-fonts", "true")


@dataclass(frozen=True)
class Pictures:
    """The figures a book shows, for its accessibility metadata: how many, and how many have no text alternative."""

    figures: int = 0
    without_alt: int = 0
    formulas: int = 0  # MathML in the text: a feature to declare, each with its alt text (described maths)


# What a block's fields hold that has no figure nor formula in it: text, numbers, flags.
NOTHING_INSIDE = frozenset({str, Text, int, float, bool, type(None)})


def pictures_of(book: Book) -> Pictures:
    """Count the book's figures (notes' and quotes' too, each image once) and those without alt text, and its
    formulas (in any run of any block, tables' cells included)."""
    found: dict[str, Figure] = {}
    formulas = 0
    stack: list = [block for chapter in book.chapters for block in (*chapter.blocks, *chapter.notes)]
    while stack:
        item = stack.pop()
        if item.__class__ is tuple:  # most often a paragraph's runs, all text: none of them goes on the stack
            stack.extend([part for part in item if part.__class__ not in NOTHING_INSIDE])
            continue
        if item.__class__ in NOTHING_INSIDE or isinstance(item, str | Text):  # no figure nor formula inside
            continue
        if isinstance(item, Figure):
            found.setdefault(item.source, item)
        elif isinstance(item, Formula):
            formulas += 1
        elif isinstance(item, tuple):
            stack.extend(item)
        elif is_dataclass(item):
            stack.extend([getattr(item, name) for name in parts_of(type(item))])
    return Pictures(len(found), sum(1 for figure in found.values() if not figure.alt.strip()), formulas)


@functools.cache
def parts_of(kind: type) -> tuple[str, ...]:
    """Name the fields of a kind of block or run a figure or formula may be in (a figure's source is a name)."""
    return tuple(part.name for part in fields(kind) if part.name != "source")


def accessibility_summary(print_source: str, pictures: Pictures = Pictures()) -> str:
    """Describe the book's accessibility in a sentence or three: text only, or text with its figures."""
    if not pictures.figures:
        content = "It is text only"
    else:
        count = f"{pictures.figures} figure{'s' if pictures.figures > 1 else ''}"
        if not pictures.without_alt:
            described = "each described by a text alternative" if pictures.figures > 1 else "described by alt text"
        else:
            described = f"{pictures.without_alt} of them without a text alternative"
        content = f"It is text with {count}, {described},"
    summary = (
        f"This publication conforms to WCAG 2.2 Level AA. {content} in one logical reading order, "
        "with a heading for every chapter and a table of contents; the text can be restyled freely."
    )
    if print_source:
        summary += " Page break markers and a page list give the pages of the print edition."
    return summary


def add_accessibility(package: epub.EpubBook, print_source: str = "", pictures: Pictures = Pictures()) -> None:
    """Add the EPUB Accessibility 1.1 metadata, and the print edition when the book carries its pages.

    A book with figures is read visually too: text alone suffices only when every figure has alt text.
    """
    meta(package, "schema:accessMode", "textual")
    meta(package, "schema:accessMode", "visual")
    if not pictures.without_alt:
        meta(package, "schema:accessModeSufficient", "textual")
    if pictures.figures:
        meta(package, "schema:accessModeSufficient", "textual,visual")
    features = FEATURES if not pictures.without_alt else tuple(f for f in FEATURES if f != "alternativeText")
    features += MATH_FEATURES if pictures.formulas else ()
    for feature in features + (PRINT_FEATURES if print_source else ()):
        meta(package, "schema:accessibilityFeature", feature)
    meta(package, "schema:accessibilityHazard", "none")
    meta(package, "schema:accessibilitySummary", accessibility_summary(print_source, pictures))
    meta(package, "dcterms:conformsTo", CONFORMANCE)
    if print_source:
        package.add_metadata("DC", "source", print_source, {"id": "print-source"})
        meta(package, "source-of", "pagination", refines="#print-source")


def readers_day(date: str) -> str:
    """Write a bare day as noon UTC of that day, so that every reader shows the day written.

    Calibre 6 reads a bare ``2025-03-01`` as 2 March, and readers that show local time move a
    midnight back a day west of Greenwich; noon UTC is the same calendar day from UTC-12 to UTC+11.
    """
    return f"{date}T12:00:00Z" if BARE_DAY.fullmatch(date) else date


def sort_name(name: str) -> str:
    """Derive how a library files a name: "Ursula K. Le Guin" as "Le Guin, Ursula K.", "Homer" as "Homer"."""
    words = name.split()
    if "," in name or len(words) < 2:
        return name.strip()
    suffix = words.pop() if words[-1].lower().rstrip(".,") in SUFFIXES and len(words) > 2 else ""
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in PARTICLES:
        start -= 1
    surname, given = " ".join(words[start:]), " ".join(words[:start]).rstrip(",")
    return f"{surname}, {given}" + (f", {suffix}" if suffix else "")


def people_of(package_metadata: etree._Element) -> list[etree._Element]:
    """List the package's dc:creator and dc:contributor elements, whoever added them."""
    return [child for child in package_metadata if child.tag in (f"{{{DC_NS}}}creator", f"{{{DC_NS}}}contributor")]


def fresh_id(taken: set[str]) -> str:
    """Return an id no element of the package has yet, and take it."""
    number = 1
    while f"person{number}" in taken:
        number += 1
    taken.add(f"person{number}")
    return f"person{number}"


def with_file_as(opf: bytes, metadata: Metadata) -> bytes:
    """Give every dc:creator and dc:contributor a file-as (Calibre's author sort) unless it has one."""
    root = etree.fromstring(opf)
    package_metadata = root.find(f"{{{OPF_NS}}}metadata")
    given = dict(zip(metadata.authors, metadata.author_sort, strict=False))
    filed = {meta.get("refines") for meta in package_metadata.iterfind(f"{{{OPF_NS}}}meta[@property='file-as']")}
    taken = set(root.xpath("//@id"))
    for person in people_of(package_metadata):
        name = (person.text or "").strip()
        if not name or person.get(f"{{{OPF_NS}}}file-as") or f"#{person.get('id')}" in filed:
            continue  # Nothing to file, or filed already (EPUB 3's refines, or EPUB 2's opf:file-as).
        if not person.get("id"):
            person.set("id", fresh_id(taken))
        element = etree.SubElement(package_metadata, f"{{{OPF_NS}}}meta", nsmap={None: OPF_NS})  # no opf: prefix
        element.set("refines", f"#{person.get('id')}")
        element.set("property", "file-as")
        element.text = given.get(name) or sort_name(name)
    return etree.tostring(root, encoding="utf-8", xml_declaration=True, pretty_print=True)


class FilesOut:
    """Where ebooklib's writer puts the package's files: in memory, by name, for ``zipped.py`` to zip once."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}

    def writestr(self, name: str, data: str | bytes, compress_type: int | None = None) -> None:
        """Take one file as ``zipfile.ZipFile.writestr`` would (text as UTF-8); how to compress it is ours."""
        self.files[name] = data.encode("utf-8") if isinstance(data, str) else data


class PackageWriter(epub.EpubWriter):
    """ebooklib's writer, writing the package document and the files into memory rather than into a zip."""

    def write(self) -> None:
        """Write the files in ebooklib's order (mimetype, container, package document, items)."""
        self.out = FilesOut()
        self.out.writestr("mimetype", "application/epub+zip")
        self._write_container()
        self._write_opf()
        self._write_items()


def package_files(package: epub.EpubBook, modified: datetime) -> dict[str, bytes]:
    """Let ebooklib write the package's files into memory; return them by name."""
    options = {
        "mtime": modified.astimezone(UTC),
        "epub3_pages": False,
        "epub3_landmark": False,
        "raise_exceptions": True,
    }
    writer = PackageWriter(None, package, options)
    writer.process()
    writer.write()
    return writer.out.files
