"""Parse a Word document's XML parts for mammoth with the C ElementTree parser instead of its minidom.

mammoth reads each part (the body, ``styles.xml``, the notes) with Python's minidom and then copies the DOM
into its own ``XmlElement`` tree; minidom builds every node in Python, and that was most of a Word document's
reading time (a 1,000-word document's ``styles.xml`` alone holds 9,550 elements). ``parse_xml`` builds the
same ``XmlElement`` tree from ElementTree's C parser: the same names (``w:p``, ``{uri}name`` for a namespace
mammoth does not know), the same attributes (no ``xmlns`` declarations) and the same text nodes, a comment or
a processing instruction splitting the text around it as minidom does. A part with a CDATA section or a DOCTYPE
(neither written by Word), which ElementTree cannot tell apart, is left to mammoth's own parser.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

MINIDOM_ONLY = (b"<![CDATA[", b"<!DOCTYPE")  # Marks whose nodes ElementTree reads differently from minidom.


def install() -> None:
    """Have mammoth read the document's parts with parse_xml (once; mammoth looks it up when it reads a part)."""
    from mammoth.docx import office_xml

    office_xml.parse_xml = parse_xml


def parse_xml(fileobj, namespace_mapping=None):
    """Return mammoth's XmlElement tree of an XML part, as mammoth's minidom parser would build it."""
    from mammoth.docx import xmlparser
    from mammoth.docx.xmlparser import XmlElement, XmlText

    data = fileobj.read()
    if any(mark in data for mark in MINIDOM_ONLY):
        import io

        return xmlparser.parse_xml(io.BytesIO(data), namespace_mapping)
    prefixes = {uri: prefix for prefix, uri in namespace_mapping or ()}
    names: dict[str, str] = {}

    def name_of(tag: str) -> str:
        """Return mammoth's name for an ElementTree name: prefix:local for a namespace it knows."""
        if (known := names.get(tag)) is None:
            uri, brace, local = tag[1:].partition("}")
            known = tag if not brace else (f"{prefixes[uri]}:{local}" if uri in prefixes else tag)
            names[tag] = known
        return known

    def convert(element) -> XmlElement:
        """Copy one element and everything under it, text and tails in document order."""
        children = [XmlText(element.text)] if element.text else []
        for child in element:
            if isinstance(child.tag, str):
                children.append(convert(child))
            if child.tail:
                children.append(XmlText(child.tail))
        attributes = {name_of(key): value for key, value in element.attrib.items()}
        return XmlElement(name_of(element.tag), attributes, children)

    builder = ElementTree.TreeBuilder(insert_comments=True, insert_pis=True)
    parser = ElementTree.XMLParser(target=builder)
    parser.feed(data)
    return convert(parser.close())
