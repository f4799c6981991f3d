"""The package-level half of kepubify: the cover's `cover-image` property and a title page before a first chapter.

As kepubify (pgaskin/kepubify, ``kepub/transform.go``) does:

- Kobo finds a book's cover only through the manifest's ``properties="cover-image"``; an EPUB that names its cover
  only with EPUB 2's ``<meta name="cover" content="ID"/>`` (Calibre's, FanFicFare's) gets the property on that item;
- Kobo lays the first spine document out without margins, for a full-page cover: when that document is not a cover
  or title page but text (more than four paragraphs or twenty long words, or next to nothing), a title page goes
  first (kepubify adds a blank page; this one shows the title and the author), so the first chapter keeps its margins.

A package that needs neither is left byte for byte as it was.
"""

from __future__ import annotations

import html
import posixpath
from dataclasses import dataclass
from urllib.parse import unquote

from lxml import etree

OPF_NS = "http://www.idpf.org/2007/opf"
DC_NS = "http://purl.org/dc/elements/1.1/"
OPF = f"{{{OPF_NS}}}"
IMAGE_TYPES = ("image/jpeg", "image/png", "image/gif", "image/webp", "image/svg+xml")
TITLE_PAGE = "ebookgen-titlepage"  # kepubify's heuristic leaves a page with "title" in its name first: idempotent
XHTML11 = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">'


@dataclass(frozen=True)
class TitlePage:
    """The title page a kepub gains: its zip name and its XHTML."""

    name: str
    document: bytes


def with_cover_image(package: etree._Element) -> bool:
    """Give the image `<meta name="cover">` names the cover-image property; tell whether the package changed."""
    named = package.find(f"{OPF}metadata/{OPF}meta[@name='cover']")
    if named is None:
        named = package.find(".//{*}meta[@name='cover']")
    if named is None or not named.get("content"):
        return False
    manifest = package.iterfind(f"{OPF}manifest/{OPF}item")
    if any("cover-image" in (item.get("properties") or "").split() for item in manifest):
        return False
    item = next(
        (item for item in package.iterfind(f"{OPF}manifest/{OPF}item") if item.get("id") == named.get("content")), None
    )
    if item is None or item.get("media-type") not in IMAGE_TYPES:
        return False
    item.set("properties", " ".join([*(item.get("properties") or "").split(), "cover-image"]))
    return True


def first_linear_document(package: etree._Element, folder: str) -> str | None:
    """Return the zip name of the first linear spine item when it is a content document, else None."""
    items = {item.get("id"): item for item in package.iterfind(f"{OPF}manifest/{OPF}item")}
    for ref in package.iterfind(f"{OPF}spine/{OPF}itemref"):
        if ref.get("linear") == "no":
            continue
        item = items.get(ref.get("idref"))
        href = (item.get("href") or "") if item is not None else ""
        if not href.lower().endswith((".xhtml", ".html", ".htm")):
            return None
        return posixpath.normpath(posixpath.join(folder, unquote(href)))
    return None


def needs_title_page(name: str, document: bytes) -> bool:
    """Tell whether a first spine document is text Kobo would lay out without margins (kepubify's heuristic)."""
    if any(word in posixpath.basename(name).lower() for word in ("cover", "title")):
        return False
    import lxml.html

    try:
        body = lxml.html.document_fromstring(document, parser=lxml.html.HTMLParser(encoding="utf-8")).body
    except (etree.ParserError, ValueError):
        return False
    paragraphs = sum(1 for element in body.iter() if isinstance(element.tag, str) and element.tag.lower() == "p")
    images = sum(1 for element in body.iter() if isinstance(element.tag, str) and element.tag.lower() in ("img", "svg"))
    words = sum(1 for word in " ".join(body.itertext()).split() if len(word) > 3)
    return paragraphs > 4 or words > 20 or (images == 0 and words < 5) or images > 4


def add_title_page(package: etree._Element, folder: str) -> TitlePage:
    """Add a title page (title and author from the package) to the manifest and first in the spine."""
    taken = {item.get("id") for item in package.iter()} | {item.get("href") for item in package.iter()}
    uid = free_name(taken)
    manifest, spine = package.find(f"{OPF}manifest"), package.find(f"{OPF}spine")
    item = etree.SubElement(
        manifest, f"{OPF}item", {"id": uid, "href": f"{uid}.xhtml", "media-type": "application/xhtml+xml"}
    )
    item.tail = "\n"
    reference = etree.Element(f"{OPF}itemref", {"idref": uid})
    reference.tail = "\n"
    spine.insert(0, reference)
    return TitlePage(posixpath.join(folder, f"{uid}.xhtml") if folder else f"{uid}.xhtml", title_page(package))


def free_name(taken: set[str | None]) -> str:
    """Return the first of ebookgen-titlepage, ebookgen-titlepage-2... that no id or file of the package has."""
    number = 1
    while (name := TITLE_PAGE + (f"-{number}" if number > 1 else "")) in taken or f"{name}.xhtml" in taken:
        number += 1
    return name


def title_page(package: etree._Element) -> bytes:
    """Write the title page: the book's title and its authors, centred a third of the way down."""
    title = " ".join("".join(package.findtext(f".//{{{DC_NS}}}title") or "").split())
    authors = [" ".join((creator.text or "").split()) for creator in package.iter(f"{{{DC_NS}}}creator")]
    language = (package.findtext(f".//{{{DC_NS}}}language") or "").strip()
    epub2 = (package.get("version") or "3.0").startswith("2")
    lang = (
        f' xml:lang="{html.escape(language)}"' + ("" if epub2 else f' lang="{html.escape(language)}"')
        if language
        else ""
    )
    byline = "".join(f"<p>{html.escape(author)}</p>" for author in authors if author)
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n{XHTML11 if epub2 else "<!DOCTYPE html>"}\n'
        f'<html xmlns="http://www.w3.org/1999/xhtml"{lang}>\n<head>\n<title>{html.escape(title)}</title>\n</head>\n'
        f'<body>\n<div style="text-align: center; margin-top: 30%;">\n'
        f"<h1>{html.escape(title)}</h1>\n{byline}\n</div>\n</body>\n</html>\n"
    ).encode()
