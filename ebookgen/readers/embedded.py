"""Maths and embedded media in a page: a ``<math>`` element read into the model's formula; a video, a sound or
a drawing a book cannot play named with its alternative text.

A formula's MathML is rebuilt in its own namespace from the presentation elements EPUB 3 allows, with
their layout attributes; a ``<semantics>`` wrapper gives its first child (and its TeX annotation, as alt
text); an element MathML has no use for gives its words as ``<mtext>``, so none is lost. The alt text is
the source's own (``alttext``), else its TeX, else the formula written in one line (`x^2 + y^2`).

A book has no player: a ``<video>``, ``<audio>`` or ``<canvas>`` is dropped, and check names it by its file
and its alternative text (its ``aria-label``, ``title``, the words a page shows where it cannot play it, or
a described track's label), so the writer can put that text in the story where the reader needs it.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from lxml import etree

from ebookgen.model import Formula
from ebookgen.model.maths import formula_key, formula_mark
from ebookgen.readers.runs import SPACES, Piece

MATHML = "http://www.w3.org/1998/Math/MathML"
# MathML's presentation elements (MathML 3 and Core), which EPUB 3 reading systems render.
PRESENTATION = frozenset(
    {"mi", "mn", "mo", "mtext", "mspace", "ms", "mglyph", "mrow", "mfrac", "msqrt", "mroot", "mstyle", "merror",
     "mpadded", "mphantom", "mfenced", "menclose", "msub", "msup", "msubsup", "munder", "mover", "munderover",
     "mmultiscripts", "mprescripts", "none", "mtable", "mtr", "mlabeledtr", "mtd", "maligngroup", "malignmark",
     "mstack", "mlongdiv", "msgroup", "msrow", "mscarries", "mscarry", "msline", "maction"}
)  # fmt: skip
TOKENS = frozenset({"mi", "mn", "mo", "mtext", "ms"})
# Attributes of layout and meaning; ids, classes and styles are the page's, not the formula's.
KEPT_ATTRIBUTES = frozenset(
    {"mathvariant", "mathsize", "dir", "display", "displaystyle", "scriptlevel", "stretchy", "symmetric",
     "largeop", "movablelimits", "accent", "accentunder", "fence", "separator", "form", "lspace", "rspace",
     "minsize", "maxsize", "linethickness", "bevelled", "numalign", "denomalign", "notation", "open", "close",
     "separators", "width", "height", "depth", "voffset", "columnalign", "rowalign", "columnspan", "rowspan",
     "columnlines", "rowlines", "frame", "columnspacing", "rowspacing", "align", "actiontype", "selection"}
)  # fmt: skip
TEX_ENCODINGS = ("application/x-tex", "tex", "latex", "application/x-latex")
MEDIA = frozenset({"video", "audio", "canvas"})
LINE = "data-ebookgen-line"  # a media element's line in the page, kept while readability rewrites the page


def local(element) -> str:
    """Return an element's name without a namespace or a prefix (`m:mi` -> `mi`), lower case."""
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1].lower()


def is_math(element) -> bool:
    """Tell a ``<math>`` element, however it is prefixed."""
    return local(element) == "math"


def formula_of_element(element) -> Formula:
    """Return the formula a ``<math>`` element writes: its cleaned MathML, its alt text, and whether it is displayed."""
    display = (element.get("display") or element.get("mode") or "").lower() in ("block", "display")
    tex = tex_of(element)
    root = etree.Element(f"{{{MATHML}}}math", nsmap={None: MATHML})
    if display:
        root.set("display", "block")
    copy_children(element, root)
    alt = (element.get("alttext") or tex or linear(root)).strip() or "formula"
    root.set("alttext", alt)
    return Formula(etree.tostring(root, encoding="unicode"), " ".join(alt.split()), display)


def formula_piece(element) -> Piece:
    """Return a ``<math>`` element as a piece of its paragraph, the formula carried as its key."""
    return Piece(None, formula=formula_key(formula_of_element(element)))


def tex_mark(tex: str, display: bool, unmapped: list[str]) -> str:
    """Return a TeX formula (a Markdown file's `$x^2$`) as a marked formula for its raw text (``model.maths``),
    through latex2mathml; one it cannot read stays as typed, and is named."""
    from latex2mathml.converter import convert

    source = " ".join(tex.split())
    try:
        element = etree.fromstring(convert(source, display="block" if display else "inline"))
    except Exception:  # latex2mathml raises what its tokenizer and walker raise on TeX it does not know
        unmapped.append(f"a TeX formula latex2mathml cannot read was kept as typed: ${source[:60]}$")
        return f"${source}$"
    element.set("alttext", source)
    return formula_mark(formula_of_element(element))


def tex_of(element) -> str:
    """Return a formula's TeX annotation, if it carries one."""
    for child in element.iter():
        if local(child) == "annotation" and (child.get("encoding") or "").lower() in TEX_ENCODINGS:
            return (child.text or "").strip()
    return ""


def copy_children(source, target) -> None:
    """Copy a MathML element's children into target, each by ``copy_node``'s rules."""
    for child in source:
        copy_node(child, target)


def copy_node(source, target) -> None:
    """Copy one node: a presentation element kept, a semantics wrapper opened, annotations left (their TeX is
    the alt text), anything else as its words in an ``<mtext>``."""
    name = local(source)
    if not name or name in ("annotation", "annotation-xml"):
        return
    if name == "semantics":
        first = next((inner for inner in source if local(inner) not in ("annotation", "annotation-xml", "")), None)
        if first is not None:
            copy_node(first, target)
    elif name in PRESENTATION:
        copy_element(source, name, target)
    elif words := " ".join("".join(source.itertext()).split()):
        etree.SubElement(target, f"{{{MATHML}}}mtext").text = words


def copy_element(source, name: str, target) -> None:
    """Copy a presentation element with its kept attributes, and its text or its children."""
    element = etree.SubElement(target, f"{{{MATHML}}}{name}")
    for key, value in source.attrib.items():
        if local_attribute(key) in KEPT_ATTRIBUTES:
            element.set(local_attribute(key), value)
    if name in TOKENS:
        element.text = "".join(source.itertext()).strip()
    else:
        copy_children(source, element)


def local_attribute(key: str) -> str:
    """Return an attribute's name without a namespace."""
    return key.rsplit("}", 1)[-1].lower()


def linear(element) -> str:
    """Write a formula's MathML in one line of text, as a reader would type it (`x^2 + y^2`, `(a)/(b)`, `√(x)`):
    its alt text when it carries no alttext or TeX."""
    name, parts = local(element), [linear(child) for child in element if local(child)]
    if name in TOKENS:
        return " ".join("".join(element.itertext()).split())
    if name == "mfrac" and len(parts) == 2:
        return f"{grouped(parts[0])}/{grouped(parts[1])}"
    if name in SCRIPT_MARKS and len(parts) == len(SCRIPT_MARKS[name]) + 1:
        return grouped(parts[0]) + "".join(
            f"{mark}{grouped(part)}" for mark, part in zip(SCRIPT_MARKS[name], parts[1:], strict=True)
        )
    if name == "msqrt":
        return f"\u221a({' '.join(parts)})"
    if name == "mroot" and len(parts) == 2:
        return f"{grouped(parts[0])}^(1/{parts[1]})"
    if name == "mphantom":
        return ""
    if name in ("mtable", "mtr"):
        return ("; " if name == "mtable" else ", ").join(parts)
    return " ".join(part for part in parts if part)


# The marks a script's parts are typed with after its base: `x_i`, `x^2`, `x_i^2`; limits under and over alike.
SCRIPT_MARKS = {"msub": "_", "msup": "^", "msubsup": "_^", "munder": "_", "mover": "^", "munderover": "_^"}


def grouped(text: str) -> str:
    """Return a part of a formula bracketed unless it is one word or number (`x`, `12`, `\u03c0`)."""
    return text if text.replace(".", "").isalnum() or len(text) == 1 else f"({text})"


def media_file(element) -> str:
    """Return the file a video or sound plays: its own ``src`` or its first ``<source>``'s, by name."""
    sources = [element.get("src") or ""] + [child.get("src") or "" for child in element if local(child) == "source"]
    found = next((source for source in sources if source.strip()), "")
    return PurePosixPath(found.split("?", 1)[0]).name or found[:60]


def alternative_text(element) -> str:
    """Return what stands for an element where it cannot play: its label, title, fallback words or track label."""
    for value in (element.get("aria-label"), element.get("title"), element.get("alt")):
        if value and value.strip():
            return SPACES.sub(" ", value).strip()
    words = " ".join("".join(element.itertext()).split())
    if words:
        return words
    tracks = [child.get("label") for child in element if local(child) == "track" and child.get("label")]
    return tracks[0].strip() if tracks else ""


def lined_media(root) -> None:
    """Write each video's, sound's and canvas's line in the page on it, before a rewrite of the page loses it."""
    for element in root.iter(*MEDIA):
        if element.sourceline:
            element.set(LINE, str(element.sourceline))


def media_note(element, what: str, located: bool = False) -> str:
    """Say that a video, sound or drawing was dropped, naming its file, its line in the page (unless the note
    is located already: the mapper adds the line) and its alternative text."""
    name = media_file(element)
    number = None if located else element.get(LINE) or getattr(element, "sourceline", None)
    line = f"line {number} of the page" if number else ""
    shown = f"{what} ({', '.join(filter(None, (name, line)))})" if name or line else what
    alt = alternative_text(element)
    if not alt:
        return f"{shown} was dropped; it has no alternative text to put in its place"
    return f'{shown} was dropped; its alternative text: "{alt[:120]}{"..." if len(alt) > 120 else ""}"'
