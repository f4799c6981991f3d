"""Read an EPUB's package document: its metadata, manifest, spine and table of contents labels.

EPUB 2 and 3 alike: Dublin Core elements, Calibre's ``calibre:series`` metas and EPUB 3's
``belongs-to-collection``; the NCX's or the navigation document's labels for each page.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from ebookgen.errors import InputError
from ebookgen.readers.archive import read_member
from ebookgen.readers.source import FoundMetadata

KIND = "EPUB"
NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "c": "urn:oasis:names:tc:opendocument:xmlns:container",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
    "x": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
}
PAGE_TYPES = ("application/xhtml+xml", "text/html", "application/x-dtbook+xml")
SVG_TYPE = "image/svg+xml"  # a fixed-layout book's page may be an SVG document of its own


@dataclass(frozen=True)
class Package:
    """What an EPUB's package says: pages in reading order, every item's media type, labels and metadata."""

    spine: tuple[str, ...]
    media: dict[str, str] = field(default_factory=dict)  # zip path -> media type
    labels: dict[str, str] = field(default_factory=dict)  # zip path of a page -> its table-of-contents label
    metadata: FoundMetadata = field(default_factory=FoundMetadata)
    maker: str = "unknown maker"  # "FanFicFare", "Calibre", ...
    nav: str = ""  # the EPUB 3 navigation document, never a chapter
    cover: str = ""  # the cover image's zip path (EPUB 3's cover-image property, or EPUB 2's <meta name="cover">)
    aside: frozenset[str] = frozenset()  # pages outside the reading order (linear="no"), set at the book's end


def xml_of(path: Path, data: bytes, name: str):
    """Parse an XML member safely (no entities, no network), or refuse the EPUB as broken."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise InputError(f"{path}: {name} inside this EPUB is not well-formed XML ({error}); it is broken") from None


def read_package(path: Path, archive) -> Package:
    """Find the package document through META-INF/container.xml and read it."""
    container = xml_of(path, read_member(path, archive, "META-INF/container.xml", KIND), "META-INF/container.xml")
    rootfile = container.find(".//c:rootfile", NS)
    if rootfile is None or not rootfile.get("full-path"):
        raise InputError(f"{path}: META-INF/container.xml names no package document; the EPUB is broken")
    opf_path = rootfile.get("full-path")
    opf = xml_of(path, read_member(path, archive, opf_path, KIND), opf_path)
    base = posixpath.dirname(opf_path)
    items = {item.get("id"): item for item in opf.iterfind("opf:manifest/opf:item", NS)}
    href = {key: posixpath.normpath(posixpath.join(base, item.get("href", ""))) for key, item in items.items()}
    media = {href[key]: item.get("media-type", "") for key, item in items.items()}
    nav = next((href[key] for key, item in items.items() if "nav" in (item.get("properties") or "").split()), "")
    refs = [ref for ref in opf.iterfind("opf:spine/opf:itemref", NS) if ref.get("idref") in href]
    pages = [(href[ref.get("idref")], ref.get("linear") == "no") for ref in refs
             if media[href[ref.get("idref")]] in (*PAGE_TYPES, SVG_TYPE)]  # fmt: skip
    # Pages outside the reading order (linear="no": a glossary, answers, notes) are the book's too: at its end.
    spine = tuple(page for page, aside in pages if not aside) + tuple(page for page, aside in pages if aside)
    if not spine:
        raise InputError(f"{path}: this EPUB's spine lists no pages; it is broken")
    labels = toc_labels(path, archive, opf, href, nav)
    found = package_metadata(opf)
    cover = cover_of(opf, items, href, media)
    aside = frozenset(page for page, outside in pages if outside)
    return Package(spine, media, labels, found, maker_of(opf), nav, cover, aside)


def cover_of(opf, items: dict, href: dict[str, str], media: dict[str, str]) -> str:
    """Return the zip path of the package's cover image: EPUB 3's cover-image item, else EPUB 2's cover meta."""
    marked = [key for key, item in items.items() if "cover-image" in (item.get("properties") or "").split()]
    named = [item.get("content") for item in opf.iterfind("opf:metadata/opf:meta[@name='cover']", NS)]
    for key in (*marked, *named):
        if key in href and media.get(href[key], "").startswith("image/"):
            return href[key]
    return ""


def text_of(opf, query: str) -> list[str]:
    """Return the stripped texts of the package elements a query finds."""
    texts = (" ".join((element.text or "").split()) for element in opf.iterfind(query, NS))
    return [text for text in texts if text]


def package_metadata(opf) -> FoundMetadata:
    """Read the package's Dublin Core metadata and its series."""
    meta = opf.find("opf:metadata", NS)
    if meta is None:
        return FoundMetadata()
    named = {item.get("name"): item.get("content", "") for item in meta.iterfind("opf:meta", NS) if item.get("name")}
    collection = meta.find("opf:meta[@property='belongs-to-collection']", NS)
    position = meta.find("opf:meta[@property='group-position']", NS)
    creators = [c for c in meta.iterfind("dc:creator", NS) if (c.get(f"{{{NS['opf']}}}role") or "aut") == "aut"]
    dates = text_of(meta, "dc:date")
    return FoundMetadata(
        title=(text_of(meta, "dc:title") or [""])[0],
        author=" and ".join(" ".join((c.text or "").split()) for c in creators if (c.text or "").strip()),
        description=plain_description((text_of(meta, "dc:description") or [""])[0]),
        subjects=tuple(dict.fromkeys(text_of(meta, "dc:subject"))),
        series=named.get("calibre:series", "") or (getattr(collection, "text", "") or "").strip(),
        series_index=series_number(named.get("calibre:series_index", "") or getattr(position, "text", "")),
        language=(text_of(meta, "dc:language") or [""])[0],
        source=(text_of(meta, "dc:source") or [""])[0],
        date=dates[0][:10] if dates and re.match(r"\d{4}-\d{2}-\d{2}", dates[0]) else "",
        publisher=(text_of(meta, "dc:publisher") or [""])[0],
        rights=(text_of(meta, "dc:rights") or [""])[0],
    )


def series_number(value: str) -> str:
    """Write a series position as a plain number: `2.0` -> `2`."""
    value = (value or "").strip()
    return value[:-2] if value.endswith(".0") else value


def plain_description(text: str) -> str:
    """Return a description as plain text: FanFicFare and Calibre write HTML there."""
    if "<" not in text:
        return text
    import lxml.html

    return " ".join(lxml.html.fromstring(f"<div>{text}</div>").text_content().split())


def maker_of(opf) -> str:
    """Name the tool that made the EPUB, from its identifiers and generator metas."""
    text = " ".join(opf.itertext()) + " ".join(str(element.attrib) for element in opf.iter())
    for maker in ("FanFicFare", "calibre", "ebookgen", "Sigil", "Pandoc"):
        if maker.lower() in text.lower():
            return "Calibre" if maker == "calibre" else maker
    return "unknown maker"


def toc_labels(path: Path, archive, opf, href: dict[str, str], nav: str) -> dict[str, str]:
    """Read each page's label from the NCX (EPUB 2) or the navigation document (EPUB 3)."""
    spine = opf.find("opf:spine", NS)
    ncx = href.get(spine.get("toc", "")) if spine is not None else None
    labels: dict[str, str] = {}
    if ncx and ncx in set(archive.namelist()):
        tree = xml_of(path, read_member(path, archive, ncx, KIND), ncx)
        base = posixpath.dirname(ncx)
        for point in tree.iterfind(".//ncx:navPoint", NS):
            label, content = point.find("ncx:navLabel/ncx:text", NS), point.find("ncx:content", NS)
            if label is not None and content is not None:
                target = posixpath.normpath(posixpath.join(base, content.get("src", "").split("#")[0]))
                labels.setdefault(target, " ".join((label.text or "").split()))
    elif nav and nav in set(archive.namelist()):
        tree = xml_of(path, read_member(path, archive, nav, KIND), nav)
        base = posixpath.dirname(nav)
        for link in tree.iterfind(".//x:nav//x:a", NS):
            target = posixpath.normpath(posixpath.join(base, link.get("href", "").split("#")[0]))
            labels.setdefault(target, " ".join("".join(link.itertext()).split()))
    return labels
