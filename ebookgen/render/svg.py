"""An SVG picture made safe to put in a book: its own drawing, and nothing it would fetch or run.

An SVG figure or cover may name other files and addresses: ``<image href="/home/.../secret.png">``,
``<use href="http://...">``, ``fill="url(http://...)"``, a stylesheet's ``@import``, a ``<script>``, a
``<foreignObject>`` of HTML. Each is taken out before the picture reaches either edition, and the
references taken out are named, so the writer knows what the picture lost. What stays are references
within the drawing (``#id``) and pictures carried in it as ``data:image/...`` URLs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ebookgen.patterns import lazy

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
# Elements that run code, hold another document or only exist to fetch: taken out whole.
UNSAFE_ELEMENTS = frozenset({"script", "foreignObject", "iframe", "object", "embed", "handler", "listener"})
# Elements whose whole point is the resource they name: taken out when that resource is not their own.
FETCHING_ELEMENTS = frozenset({"image", "use", "feImage", "tref", "font-face-uri", "color-profile"})
# A reference that stays: a fragment of the drawing itself, or a raster picture carried in it.
OWN_REFERENCE = lazy(r"\s*(#|data:image/(png|jpeg|gif|webp)[;,])", re.IGNORECASE)
# `url(...)` in a style or presentation attribute, unless it points into the drawing (`url(#gradient)`).
OUTSIDE_URL = lazy(r"""url\(\s*(?!["']?\s*#)[^)]*\)""", re.IGNORECASE)
STYLE_IMPORT = lazy(r"@import[^;]*;?", re.IGNORECASE)


@dataclass(frozen=True)
class SafeSvg:
    """An SVG picture with its outside references taken out, and what was taken out."""

    data: bytes
    removed: tuple[str, ...]


def local_name(tag: object) -> str:
    """Return an element's name without its namespace ('' for a comment or processing instruction)."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def safe_svg(data: bytes) -> SafeSvg:
    """Return an SVG picture without anything that reaches outside it; a picture that does not parse as is."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError):
        return SafeSvg(data, ())  # no SVG reader can draw it either: the PDF's fetcher still refuses any fetch
    removed: list[str] = []
    for element in list(root.iter()):
        if element is not root and element.getparent() is None:
            continue  # inside an element already taken out
        removed.extend(cleaned(element))
    if not removed:
        return SafeSvg(data, ())
    return SafeSvg(etree.tostring(root, encoding="utf-8", xml_declaration=True), tuple(removed))


def cleaned(element) -> list[str]:
    """Take out of one element what reaches outside the drawing; return what was taken out."""
    from lxml import etree

    if isinstance(element, etree._Entity):
        drop(element)  # an entity the picture declares for itself may name any file
        return [f"&{element.name};"]
    if not isinstance(element.tag, str):
        return []
    name = local_name(element.tag)
    if name in UNSAFE_ELEMENTS:
        drop(element)
        return [f"<{name}>"]
    removed = []
    for attribute, value in list(element.attrib.items()):
        key = local_name(attribute)
        if key == "href" and not OWN_REFERENCE.match(value):
            if name in FETCHING_ELEMENTS:
                drop(element)
                return [value[:120]]
            del element.attrib[attribute]
            removed.append(value[:120])
        elif key.startswith("on"):
            del element.attrib[attribute]
            removed.append(f"{key}=")
        elif "url(" in value.lower() and OUTSIDE_URL.search(value):
            removed.extend(match[:120] for match in OUTSIDE_URL.findall(value))
            element.attrib[attribute] = OUTSIDE_URL.sub("none", value)
    if name == "style" and element.text:
        text = STYLE_IMPORT.sub("", element.text)
        outside = [*STYLE_IMPORT.findall(element.text), *OUTSIDE_URL.findall(text)]
        if outside:
            element.text = OUTSIDE_URL.sub("none", text)
            removed.extend(each[:120] for each in outside)
    return removed


def drop(element) -> None:
    """Take an element out of its parent, keeping the text that followed it."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    previous = element.getprevious()
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)
