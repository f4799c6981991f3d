"""Kobo's kepub flavour of any EPUB: the markup Kobo's own renderer expects, kept valid.

As kepubify (pgaskin/kepubify, ``kepub/transform.go``) does, every spine document, the
cover, the title page and the navigation document included, gets:

- every sentence of its text in ``<span class="koboSpan" id="kobo.P.S">``, P counting the
  paragraphs (p, ol, ul, table, headings; an image is a paragraph of its own) and S the
  sentences since; Kobo uses them for highlights, bookmarks, reading position and statistics;
- its body's content in ``div#book-columns > div#book-inner``, the targets of Kobo's paging;
- the ``kobostylehacks`` style at the end of its head.

A document that is not well-formed XHTML is read with an HTML parser and repaired (``kepubrepair.py``), and the
conversion says so; the package gains the cover's ``cover-image`` property and, before a first chapter, a title page
(``kepubopf.py``). Every other file of the EPUB is copied as it is, ``mimetype`` first and stored.
"""

from __future__ import annotations

import html.entities
import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

from ebookgen.epub.kepubopf import add_title_page, first_linear_document, needs_title_page, with_cover_image
from ebookgen.epub.kepubrepair import repaired_document
from ebookgen.epub.unzip import check_epub_sizes
from ebookgen.errors import InputError
from ebookgen.output import atomic_path, check_output
from ebookgen.render.xhtml import XHTML_NS

X = f"{{{XHTML_NS}}}"
OPF_NS = "http://www.idpf.org/2007/opf"
CONTAINER_NS = "urn:oasis:names:tc:opendocument:xmlns:container"
# The elements that open a new paragraph for Kobo's numbering, once they hold a span.
PARAGRAPHS = {X + name for name in ("p", "ol", "ul", "table", "h1", "h2", "h3", "h4", "h5", "h6")}
# The elements whose text Kobo leaves as it is.
UNSPANNED = {X + name for name in ("script", "style", "pre", "audio", "video", "svg", "math")}
# Where Kobo's sentence ends: . ! or ?, then at most one quote or ellipsis, then whitespace. "…" alone ends none.
# (Searched for on its own: a pattern with a leading ".*?" scans to the end of the run from every place, so a
# long run without a sentence end took quadratic time.)
SENTENCE_END = re.compile(r"[.!?]['\"\u201d\u2019\u201c\u2026]?[\t\n\f\r ]+")
# A named character reference such as &nbsp;, which XHTML 1.1's DTD defines and XML alone does not.
NAMED_ENTITY = re.compile(rb"&([A-Za-z][A-Za-z0-9]*);")
XML_ENTITIES = {b"amp", b"lt", b"gt", b"quot", b"apos"}
XHTML11_DOCTYPE = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">'
STYLE_HACKS = "div#book-inner { margin-top: 0; margin-bottom: 0;}"
CONTENT_TYPES = ("application/xhtml+xml", "text/html")
# Font obfuscation is the only encryption a reader can undo; anything else is DRM.
FONT_OBFUSCATION = ("http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC")


@dataclass
class Counter:
    """Kobo's paragraph and sentence numbers, and whether the next span opens a paragraph."""

    paragraph: int = 0
    sentence: int = 0
    opening: bool = False

    def next_id(self) -> str:
        """Number the next span."""
        if self.opening:
            self.paragraph, self.sentence, self.opening = self.paragraph + 1, 0, False
        self.sentence += 1
        return f"kobo.{self.paragraph}.{self.sentence}"


@dataclass(frozen=True)
class Kepub:
    """A kepub written from an EPUB: where, and how many documents got Kobo's markup."""

    path: Path
    documents: int
    notes: tuple[str, ...] = ()  # one line for each thing the user should know: the documents repaired


@dataclass(frozen=True)
class Conversion:
    """A kepub made in memory: its bytes, how many documents got Kobo's markup, and the documents repaired."""

    data: bytes
    documents: int
    notes: tuple[str, ...] = ()


def sentences(text: str) -> list[str]:
    """Split a run of text into Kobo's sentences, each keeping the whitespace that follows it."""
    pieces, start = [], 0
    for match in SENTENCE_END.finditer(text):
        pieces.append(text[start : match.end()])
        start = match.end()
    if start < len(text) or not pieces:
        pieces.append(text[start:])
    return pieces


def span(counter: Counter, text: str | None = None) -> etree._Element:
    """Make the next numbered koboSpan."""
    element = etree.Element(X + "span", {"class": "koboSpan", "id": counter.next_id()})
    element.text = text
    return element


def append_text(parent: etree._Element, text: str) -> None:
    """Add plain text after whatever parent holds so far."""
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def add_spanned(parent: etree._Element, text: str | None, counter: Counter) -> None:
    """Add a run of text to parent, each sentence in a span; whitespace outside a paragraph stays bare."""
    if not text:
        return
    for sentence in sentences(text):
        if sentence.isspace() and parent.tag != X + "p":
            append_text(parent, sentence)
        else:
            parent.append(span(counter, sentence))


def add_spans(element: etree._Element, counter: Counter) -> None:
    """Wrap the text inside element and its descendants, in reading order, as Kobo numbers it (any depth)."""
    stack = [spans_of(element, counter)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        else:
            stack.append(spans_of(child, counter))


def spans_of(element: etree._Element, counter: Counter) -> Iterator[etree._Element]:
    """Span one element's own text and its children's tails; yield each child to span, before its tail."""
    if element.tag in PARAGRAPHS:
        counter.opening = True
    children, text = list(element), element.text
    element.text = None
    for child in children:
        element.remove(child)
    add_spanned(element, text, counter)
    for child in children:
        tail, child.tail = child.tail, None
        if child.tag == X + "img":
            counter.opening = True
            holder = span(counter)
            holder.append(child)
            element.append(holder)
        else:
            element.append(child)
            if isinstance(child.tag, str) and child.tag.startswith(X) and child.tag not in UNSPANNED:
                yield child
        add_spanned(element, tail, counter)


def has_wrappers(body: etree._Element) -> bool:
    """Tell whether the body already sits in div#book-columns > div#book-inner."""
    return any(
        child.get("id") == "book-columns" and any(inner.get("id") == "book-inner" for inner in child) for child in body
    )


def wrap_body(body: etree._Element) -> None:
    """Move the body's content into div#book-columns > div#book-inner."""
    columns = etree.Element(X + "div", {"id": "book-columns"})
    inner = etree.SubElement(columns, X + "div", {"id": "book-inner"})
    inner.text, body.text = body.text, "\n"
    for child in list(body):
        inner.append(child)
    body.append(columns)
    columns.tail = "\n"


def add_style_hacks(head: etree._Element, xhtml11: bool) -> None:
    """Add Kobo's style tweaks at the end of the head, as Kobo's own kepubs have them.

    XHTML 1.1 (an EPUB 2's documents) allows no class on a style, so there it goes without one.
    """
    if any(style.text == STYLE_HACKS for style in head.iterfind(X + "style")):
        return
    marker = {} if xhtml11 else {"class": "kobostylehacks"}
    style = etree.SubElement(head, X + "style", {"type": "text/css", **marker})
    style.text, style.tail = STYLE_HACKS, "\n"


def numeric_entities(document: bytes) -> bytes:
    """Write HTML's named character references (&nbsp;) as numbers, so a sentence is one run of text."""

    def number(match: re.Match) -> bytes:
        name = match.group(1)
        code = html.entities.name2codepoint.get(name.decode())
        return match.group(0) if name in XML_ENTITIES or code is None else b"&#%d;" % code

    return NAMED_ENTITY.sub(number, document)


def parse_document(document: bytes, name: str = "document") -> tuple[etree._ElementTree, str | None]:
    """Parse an XHTML content document without fetching its DTD; repair one that is not well formed, saying so."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)
    try:
        return etree.ElementTree(etree.fromstring(numeric_entities(document), parser)), None
    except etree.XMLSyntaxError as error:
        note = (
            f"{name}: not well-formed XHTML ({error}); repaired with an HTML parser, as kepubify does: check that page"
        )
    try:
        return repaired_document(document), note
    except (etree.ParserError, ValueError) as error:
        raise InputError(f"{name}: not well-formed XHTML, nor HTML an HTML parser can read ({error})") from None


def kepubify(document: bytes, name: str = "document", xhtml11: bool = False) -> bytes:
    """Turn one XHTML content document (of an EPUB 3, or with xhtml11 of an EPUB 2) into its Kobo form."""
    return kobo_document(document, name, xhtml11)[0]


def kobo_document(document: bytes, name: str = "document", xhtml11: bool = False) -> tuple[bytes, str | None]:
    """Turn one content document into its Kobo form; return it and the note saying it was repaired, if it was."""
    tree, note = parse_document(document, name)
    root = tree.getroot()
    head, body = root.find(X + "head"), root.find(X + "body")
    if head is None or body is None:
        raise InputError(f"{name}: an XHTML document without a head or a body")
    add_style_hacks(head, xhtml11)
    if not has_wrappers(body):
        wrap_body(body)
    if body.find(f".//{X}span[@class='koboSpan']") is None:
        add_spans(body, Counter())
    declaration = b'<?xml version="1.0" encoding="utf-8"?>\n'
    doctype = (XHTML11_DOCTYPE if xhtml11 else "<!DOCTYPE html>") if note else tree.docinfo.doctype or None
    return declaration + etree.tostring(tree, encoding="utf-8", doctype=doctype) + b"\n", note


def xml_of(archive: zipfile.ZipFile, name: str, epub: str) -> etree._Element:
    """Parse one XML file of the EPUB, refusing a missing or broken one in a line."""
    try:
        return etree.fromstring(archive.read(name), etree.XMLParser(resolve_entities=False, no_network=True))
    except KeyError:
        raise InputError(f"{epub}: not an EPUB: {name} is missing") from None
    except etree.XMLSyntaxError as error:
        raise InputError(f"{epub}: {name} is not well-formed XML ({error})") from None


def package_path(archive: zipfile.ZipFile, epub: str) -> str:
    """Find the package document through META-INF/container.xml."""
    container = xml_of(archive, "META-INF/container.xml", epub)
    rootfile = container.find(f".//{{{CONTAINER_NS}}}rootfile[@full-path]")
    if rootfile is None:
        raise InputError(f"{epub}: META-INF/container.xml names no package document")
    return rootfile.get("full-path")


def content_documents(opf: etree._Element, folder: str) -> list[str]:
    """List the zip names of the spine's XHTML documents and the navigation document, in reading order."""
    items = {item.get("id"): item for item in opf.iterfind(f"{{{OPF_NS}}}manifest/{{{OPF_NS}}}item")}
    spine = [items.get(ref.get("idref")) for ref in opf.iterfind(f"{{{OPF_NS}}}spine/{{{OPF_NS}}}itemref")]
    navs = [item for item in items.values() if "nav" in (item.get("properties") or "").split()]
    names = []
    for item in [*spine, *navs]:
        if item is not None and is_content(item):
            name = posixpath.normpath(posixpath.join(folder, unquote(item.get("href", ""))))
            if name not in names:
                names.append(name)
    return names


def is_content(item: etree._Element) -> bool:
    """Tell whether a manifest item is an XHTML content document (some EPUBs call it text/html)."""
    href = (item.get("href") or "").lower()
    return item.get("media-type") in CONTENT_TYPES or href.endswith((".xhtml", ".html", ".htm"))


def refuse_drm(archive: zipfile.ZipFile, epub: str) -> None:
    """Refuse an EPUB whose text is encrypted: only its seller's app can read it."""
    if "META-INF/encryption.xml" not in archive.namelist():
        return
    encryption = xml_of(archive, "META-INF/encryption.xml", epub)
    if any(method.get("Algorithm") not in FONT_OBFUSCATION for method in encryption.iter("{*}EncryptionMethod")):
        raise InputError(f"{epub}: the EPUB is DRM-protected; only the seller's app can read it")


def kepub_archive(data: bytes, epub: str = "EPUB") -> Conversion:
    """Convert a whole EPUB held in memory; return the kepub, how many documents got Kobo's markup, and notes."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, NotImplementedError, EOFError, OSError):
        raise InputError(f"{epub}: not an EPUB (not a zip archive)") from None
    with archive:
        check_epub_sizes(archive, epub)  # before any member is read
        refuse_drm(archive, epub)
        opf_name = package_path(archive, epub)
        package, folder = xml_of(archive, opf_name, epub), posixpath.dirname(opf_name)
        documents = content_documents(package, folder)
        xhtml11 = package.get("version", "3.0").startswith("2")
        missing = [name for name in documents if name not in archive.namelist()]
        if missing:
            raise InputError(f"{epub}: not a whole EPUB: {missing[0]} is in the spine but not in the archive")
        try:
            added = kobo_package(archive, package, folder)
            if added is not None:
                added[opf_name] = etree.tostring(package, encoding="utf-8", xml_declaration=True)
                documents += [name for name in added if name != opf_name]
            return repacked(archive, documents, epub, xhtml11, added or {})
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as error:
            raise InputError(f"{epub}: a file inside it cannot be read ({error}); it is broken or locked") from None


def kobo_package(archive: zipfile.ZipFile, package: etree._Element, folder: str) -> dict[str, bytes] | None:
    """Give the package Kobo's cover-image property and a title page before a first chapter, as kepubify does.

    Return the files to add (the title page), or None when the package needs nothing and stays as it was.
    """
    changed = with_cover_image(package)
    first = first_linear_document(package, folder)
    if first is None or first not in archive.namelist() or not needs_title_page(first, archive.read(first)):
        return {} if changed else None
    page = add_title_page(package, folder)
    return {page.name: page.document}


def repacked(
    archive: zipfile.ZipFile, documents: list[str], epub: str, xhtml11: bool, added: dict[str, bytes]
) -> Conversion:
    """Write the archive again, mimetype first and stored, the content documents in Kobo's form, added files last."""
    infos = sorted(archive.infolist(), key=lambda info: info.filename != "mimetype")
    stamp = max((info.date_time for info in infos), default=(1980, 1, 1, 0, 0, 0))
    infos += [new_entry(name, stamp) for name in added if name not in archive.namelist()]
    buffer, notes, kobo = io.BytesIO(), [], set(documents)
    with zipfile.ZipFile(buffer, "w") as target:
        if infos[0].filename != "mimetype":
            target.writestr(zipfile.ZipInfo("mimetype", (1980, 1, 1, 0, 0, 0)), "application/epub+zip")
        for info in infos:
            if info.is_dir():
                continue
            content = added[info.filename] if info.filename in added else archive.read(info)
            if info.filename in kobo:
                content, note = kobo_document(content, f"{epub}: {info.filename}", xhtml11)
                notes += [note] if note else []
            copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            copy.external_attr, copy.create_system = info.external_attr, info.create_system
            stored = info.filename == "mimetype"
            copy.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            target.writestr(copy, content, compresslevel=None if stored else 9)
    return Conversion(buffer.getvalue(), len(documents), tuple(notes))


def new_entry(name: str, stamp: tuple[int, ...]) -> zipfile.ZipInfo:
    """Make the zip entry of a file the kepub adds: readable by all, dated as the newest of the EPUB's."""
    entry = zipfile.ZipInfo(name, stamp)
    entry.external_attr, entry.create_system = 0o644 << 16, 3
    return entry


def kepub_name(source: Path) -> Path:
    """Name the kepub beside its EPUB: book.epub becomes book.kepub.epub."""
    name = source.name
    for suffix in (".kepub.epub", ".epub"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
            break
    return source.with_name(f"{name}.kepub.epub")


def convert_epub(source: Path, target: Path | None = None) -> Kepub:
    """Convert any EPUB file (ours, FanFicFare's, AO3's, Calibre's) into a kepub, atomically."""
    source = Path(source)
    target = Path(target) if target else kepub_name(source)
    if not source.is_file():
        raise InputError(f"{source}: no such EPUB file")
    check_output(target, (source,))
    try:
        data = source.read_bytes()
    except OSError as error:
        raise InputError(f"{source}: cannot read it ({error.strerror})") from None
    conversion = kepub_archive(data, str(source))
    with atomic_path(target) as temporary:
        temporary.write_bytes(conversion.data)
    return Kepub(target, conversion.documents, conversion.notes)
