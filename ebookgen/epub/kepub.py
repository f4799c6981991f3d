"""Kobo's kepub flavour: the markup Kobo's own renderer expects, kept valid XHTML.

As kepubify does, every sentence of every paragraph and heading is wrapped in
``<span class="koboSpan" id="kobo.P.S">`` (P counts the paragraphs of the document, S the
sentences of the paragraph) and the body's content in ``div#book-columns > div#book-inner``.
Kobo uses the spans for highlights, reading position and statistics.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from ebookgen.render.xhtml import EPUB_NS, XHTML_NS

PARAGRAPH_TAGS = {f"{{{XHTML_NS}}}{name}" for name in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "figcaption")}
# A sentence: anything up to closing punctuation (and any closing quotes or brackets) and the spaces after it.
SENTENCE = re.compile(r".*?(?:[.!?\u2026]+[\u201d\u2019\"')\]]*(?:\s+|$)|$)", re.S)


@dataclass
class Counter:
    """The paragraph and sentence numbers of the spans written so far."""

    paragraph: int = 0
    sentence: int = 0


def sentences(text: str) -> list[str]:
    """Split a run of text into sentences, each keeping the spaces that follow it."""
    return [match.group(0) for match in SENTENCE.finditer(text) if match.group(0)]


def kobo_spans(text: str | None, counter: Counter) -> list[etree._Element]:
    """Wrap each sentence of a text run in a numbered koboSpan."""
    if not text or not text.strip():
        return []
    spans = []
    for sentence in sentences(text):
        counter.sentence += 1
        number = f"kobo.{counter.paragraph}.{counter.sentence}"
        span = etree.Element(f"{{{XHTML_NS}}}span", {"class": "koboSpan", "id": number})
        span.text = sentence
        spans.append(span)
    return spans


def is_marker(element: etree._Element) -> bool:
    """Tell whether an element is an empty page-break marker, which stays as it is."""
    return element.get(f"{{{EPUB_NS}}}type") == "pagebreak"


def wrap_text_of(element: etree._Element, counter: Counter) -> None:
    """Wrap the text inside an element (and inside its inline children) in koboSpans."""
    spans = kobo_spans(element.text, counter)
    if spans:
        element.text = None
        for index, span in enumerate(spans):
            element.insert(index, span)
    for child in [child for child in element if child not in spans]:
        if not is_marker(child) and isinstance(child.tag, str):
            wrap_text_of(child, counter)
        tail_spans = kobo_spans(child.tail, counter)
        if tail_spans:
            child.tail = None
            for offset, span in enumerate(tail_spans, start=1):
                element.insert(element.index(child) + offset, span)


def add_kobo_spans(body: etree._Element) -> None:
    """Number every paragraph-like element of the body and wrap its sentences."""
    counter = Counter()
    for element in body.iter(*PARAGRAPH_TAGS):
        counter.paragraph += 1
        counter.sentence = 0
        wrap_text_of(element, counter)


def wrap_body(body: etree._Element) -> None:
    """Move the body's content into div#book-columns > div#book-inner."""
    columns = etree.Element(f"{{{XHTML_NS}}}div", {"id": "book-columns"})
    inner = etree.SubElement(columns, f"{{{XHTML_NS}}}div", {"id": "book-inner"})
    inner.text = body.text
    for child in list(body):
        inner.append(child)
    body.text = "\n"
    body.append(columns)
    columns.tail = "\n"


def kepubify(document: bytes) -> bytes:
    """Turn one XHTML content document into its Kobo form."""
    tree = etree.ElementTree(etree.fromstring(document))
    body = tree.getroot().find(f"{{{XHTML_NS}}}body")
    add_kobo_spans(body)
    wrap_body(body)
    markup = etree.tostring(tree, encoding="utf-8", doctype="<!DOCTYPE html>")
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + markup + b"\n"
