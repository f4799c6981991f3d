"""Count a file's words without ebookgen's readers: the yardstick of the corpus test (tests/test_peer_corpus.py).

Each count walks the file as its own format defines it, with none of the readers' rules: a Word document's main
part (found by its relationship, as Word finds it) and its notes, every page an EPUB's spine lists (linear or
not) with the text of its SVG, pandoc's reading of a Markdown file, a text file's characters. A built EPUB's
words are counted the same way, so the two counts compare.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
import zipfile
from collections import Counter
from pathlib import Path

from lxml import etree

WORD = re.compile(r"[^\W_]+")
INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
MAIN_PART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
OPF = "{http://www.idpf.org/2007/opf}"
SKIPPED = ("script", "style", "head", "title")  # never a page's visible text
# Elements inside a line of text: their words run on into the words around them (`<em>un</em>done`).
INLINE = frozenset("a abbr b bdi bdo big cite code del dfn em font i ins kbd mark q rb s samp small span strong sub"
                   " sup time tspan tt u var".split())  # fmt: skip


def words(text: str) -> Counter[str]:
    """Count a text's words: runs of letters and digits, case and compatibility forms folded; an invisible
    format character (a word joiner, a soft hyphen) parts no word."""
    return Counter(WORD.findall(unicodedata.normalize("NFKC", INVISIBLE.sub("", text)).casefold()))


def docx_words(path: Path) -> Counter[str]:
    """Count a Word document's words: the main part's paragraphs, its footnotes and endnotes; deletions left out."""
    with zipfile.ZipFile(path) as archive:
        rels = etree.fromstring(archive.read("_rels/.rels"))
        target = next(rel.get("Target") for rel in rels.iter(f"{REL}Relationship") if rel.get("Type") == MAIN_PART)
        main = target.lstrip("/")
        names = set(archive.namelist())
        parts = [main, *(name for name in ("word/footnotes.xml", "word/endnotes.xml") if name in names)]
        return sum((word_part_words(archive.read(part)) for part in parts), Counter())


def word_part_words(data: bytes) -> Counter[str]:
    """Count the words of one WordprocessingML part: each paragraph's w:t text, tabs and breaks as spaces."""
    root = etree.fromstring(data)
    found: Counter[str] = Counter()
    for paragraph in root.iter(f"{W}p"):
        if paragraph.find(f".//{W}p") is not None:
            continue  # a paragraph holding paragraphs (a text box): its own are counted
        pieces = []
        for element in paragraph.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr"):
            if any(ancestor.tag in (f"{W}del", f"{W}moveFrom") for ancestor in element.iterancestors()):
                continue
            pieces.append(element.text or "" if element.tag == f"{W}t" else " ")
        found += words("".join(pieces))
    return found


def epub_pages(path: Path, linear_only: bool = False) -> dict[str, bytes]:
    """Return the pages an EPUB's spine lists, by zip path, in reading order."""
    with zipfile.ZipFile(path) as archive:
        container = etree.fromstring(archive.read("META-INF/container.xml"))
        opf_path = next(e.get("full-path") for e in container.iter() if e.get("full-path"))
        opf = etree.fromstring(archive.read(opf_path))
        base = posixpath.dirname(opf_path)
        hrefs = {item.get("id"): item.get("href") for item in opf.iter(f"{OPF}item")}
        pages = {}
        for ref in opf.iter(f"{OPF}itemref"):
            if ref.get("idref") not in hrefs or (linear_only and ref.get("linear") == "no"):
                continue
            name = posixpath.normpath(posixpath.join(base, hrefs[ref.get("idref")]))
            pages[name] = archive.read(name)
        return pages


def page_words(data: bytes) -> Counter[str]:
    """Count the words of an XHTML or SVG page: its text and an SVG's, not its scripts or styles; an inline
    element joins the words around it, a block or a ruby reading parts them."""
    root = etree.fromstring(data, etree.XMLParser(recover=True, resolve_entities=False, no_network=True))
    return words("".join(texts_of(root))) if root is not None else Counter()


def texts_of(element) -> list[str]:
    """Return an element's text pieces in order, a space where a block or a ruby reading starts and ends."""
    name = etree.QName(element).localname if isinstance(element.tag, str) else ""
    if name in SKIPPED or not isinstance(element.tag, str):
        return []
    if "math" in (element.get("class") or "").split():
        return [" "]  # a formula (pandoc's TeX maths): set as MathML in the book, its alt text no word of the text
    if "noteref" in (element.get("{http://www.idpf.org/2007/ops}type") or ""):
        return [" "]  # a note's call is a mark, numbered anew in a book: no word of the text (`curo¹`: one word)
    edge = "" if name in INLINE else " "
    pieces = [edge, element.text or ""]
    for child in element:
        pieces += texts_of(child)
        pieces.append(child.tail or "")
    return [*pieces, edge]


def epub_words(path: Path, linear_only: bool = False) -> Counter[str]:
    """Count the words of every page an EPUB's spine lists."""
    return sum((page_words(data) for data in epub_pages(path, linear_only).values()), Counter())


def markdown_words(path: Path) -> Counter[str]:
    """Count a Markdown file's words as pandoc reads it, in the dialect ebookgen reads (CommonMark, footnotes, $maths$):
    the HTML pandoc writes, counted as a page is (an ordered list's numbers are no words on either side)."""
    import lxml.html
    import pypandoc

    dialect = "commonmark+footnotes+tex_math_dollars"
    html = pypandoc.convert_file(str(path), "html", format=dialect, extra_args=["--quiet"])
    return words("".join(texts_of(lxml.html.document_fromstring(f"<html><body>{html}</body></html>"))))


def text_words(path: Path, encoding: str) -> Counter[str]:
    """Count a text file's words, decoded as its manifest says it is encoded."""
    return words(path.read_bytes().decode(encoding))


# A web page's furniture by its own markup: never the page's text (a site's menus, banners, forms, scripts).
PAGE_CHROME = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button",
               "select", "iframe")  # fmt: skip
DECLARED_CHARSET = re.compile(rb"""charset\s*=\s*["']?([\w.:-]+)""", re.I)


def page_tree(path: Path):
    """Parse a web page as it declares itself encoded (its `<meta charset>`), else as UTF-8, HTML's default."""
    import lxml.html

    data = path.read_bytes()
    declared = DECLARED_CHARSET.search(data[:4096])
    encoding = declared.group(1).decode("ascii") if declared else "utf-8"
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        text = data.decode("cp1252", "replace")  # what a browser falls back on
    return lxml.html.document_fromstring(text)


def without_calls(root):
    """Drop a web page's note calls (`<sup><a href="#cite_note-1">[1]</a></sup>`): marks numbered anew in a book."""
    for sup in list(root.iter("sup")):
        links = [child for child in sup if child.tag == "a" and (child.get("href") or "").startswith("#")]
        if links and len(sup) == len(links) and not (sup.text or "").strip() and sup.getparent() is not None:
            sup.drop_tree()
    return root


def page_body_words(path: Path) -> Counter[str]:
    """Count the words of a web page's body, its furniture by markup (PAGE_CHROME) and note calls left out."""
    root = without_calls(page_tree(path))
    body = root.find(".//body")
    body = body if body is not None else root
    for element in list(body.iter(*PAGE_CHROME)):
        if element.getparent() is not None:
            element.drop_tree()
    return words("".join(texts_of(body)))


def page_main_words(path: Path) -> Counter[str]:
    """Count the words of a web page's main text as readability-lxml (Mozilla Readability's port) finds it."""
    import lxml.html
    from readability import Document

    summary = Document(lxml.html.tostring(page_tree(path), encoding="unicode")).summary(html_partial=True)
    return words("".join(texts_of(without_calls(lxml.html.fragment_fromstring(summary, create_parent="div")))))
