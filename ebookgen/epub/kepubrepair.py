"""Repair a content document that is not well-formed XHTML, as kepubify does: read it with an HTML parser.

kepubify (pgaskin/kepubify, ``kepub/transform.go``) parses every content document with an HTML5 parser and writes
it back as polyglot XHTML, so an unclosed ``<p>`` or a bare ``&`` converts. Here lxml's HTML parser reads the
document and the tree is rebuilt in the XHTML namespace (SVG and MathML in theirs), keeping every element, text
and attribute an XML document can hold; the kepub's build says which documents it repaired.
"""

from __future__ import annotations

import re

from lxml import etree

XHTML_NS = "http://www.w3.org/1999/xhtml"
NAMESPACES = {"svg": "http://www.w3.org/2000/svg", "math": "http://www.w3.org/1998/Math/MathML"}
# HTML attributes written with a prefix that XML gives a namespace.
PREFIXED = {
    "xml:lang": "{http://www.w3.org/XML/1998/namespace}lang",
    "xml:space": "{http://www.w3.org/XML/1998/namespace}space",
    "epub:type": "{http://www.idpf.org/2007/ops}type",
    "xlink:href": "{http://www.w3.org/1999/xlink}href",
}
XML_NAME = re.compile(r"^[A-Za-z_][\w.\-]*$")
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # characters no XML document may hold


def repaired_document(document: bytes) -> etree._ElementTree:
    """Read an ill-formed document with lxml's HTML parser; return it as an XHTML tree with a head and a body."""
    import lxml.html

    parser = lxml.html.HTMLParser(encoding="utf-8", remove_pis=True, huge_tree=True)
    source = lxml.html.document_fromstring(document, parser=parser)
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
        raise ValueError("nested deeper than an HTML parser reads; its innermost text would be lost")
    root = rebuilt(source, XHTML_NS)
    if root.find(f"{{{XHTML_NS}}}head") is None:
        head = etree.Element(f"{{{XHTML_NS}}}head")
        etree.SubElement(head, f"{{{XHTML_NS}}}title")
        root.insert(0, head)
    if root.find(f"{{{XHTML_NS}}}body") is None:
        etree.SubElement(root, f"{{{XHTML_NS}}}body")
    return etree.ElementTree(root)


def rebuilt(source: etree._Element, namespace: str) -> etree._Element:
    """Copy an HTML tree into namespace (SVG and MathML into their own), depth first without recursion."""
    root = copied(source, namespace)
    stack = [(source, root)]
    while stack:
        element, copy = stack.pop()
        for child in element:
            if isinstance(child.tag, str):
                made = copied(child, etree.QName(copy).namespace)
                stack.append((child, made))
            elif child.tag is etree.Comment:
                made = etree.Comment(clean(child.text or "").replace("--", "- -"))
            else:
                continue  # a processing instruction: no part of the text
            made.tail = clean(child.tail)
            copy.append(made)
    return root


def copied(element: etree._Element, namespace: str) -> etree._Element:
    """Make an element's copy in namespace, with its text and the attributes an XML document can hold."""
    name = element.tag.lower().rpartition(":")[2]
    namespace = NAMESPACES.get(name, namespace)
    copy = etree.Element(f"{{{namespace}}}{name}", nsmap={None: namespace} if namespace != XHTML_NS else None)
    for key, value in element.attrib.items():
        key = PREFIXED.get(key.lower(), key)
        if key.startswith("{") or (XML_NAME.match(key) and not key.lower().startswith("xmlns")):
            copy.set(key, clean(value))
    copy.text = clean(element.text)
    return copy


def clean(text: str | None) -> str | None:
    """Drop the characters an XML document cannot hold (C0 controls but tab and line ends)."""
    return NOT_XML.sub("", text) if text else text
