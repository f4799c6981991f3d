"""Word's equations (Office Math, ``m:oMath``) read as MathML, which mammoth leaves out.

Before mammoth reads the document, each equation is swapped for a link run holding its text
(``with_equation_links``): mammoth writes it as ``<a href="#ebookgen-formula-N">``, and ``put_equations``
puts the equation's MathML in its place in the HTML, so the shared mapper reads it as any page's
``<math>``. Office Math's structures map to MathML's: fractions, scripts, radicals, delimiters, n-ary
operators, functions, accents, bars, limits, matrices and equation arrays; an equation alone in its
paragraph (``m:oMathPara``) is displayed.
"""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

from ebookgen.patterns import lazy
from ebookgen.readers.embedded import linear

M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MATHML = "http://www.w3.org/1998/Math/MathML"
ANCHOR = "ebookgen-formula-"
NUMBER = lazy(r"\d+(?:[.,]\d+)*")
# The structures whose parts are named children, each made into its MathML element from those parts in order.
SCRIPTS = {"sSup": ("msup", ("e", "sup")), "sSub": ("msub", ("e", "sub")),
           "sSubSup": ("msubsup", ("e", "sub", "sup")), "limLow": ("munder", ("e", "lim")),
           "limUpp": ("mover", ("e", "lim")), "f": ("mfrac", ("num", "den"))}  # fmt: skip


def q(name: str) -> str:
    """Return an Office Math element's qualified name."""
    return f"{{{M}}}{name}"


def property_of(element, holder: str, name: str, default: str | None = None) -> str | None:
    """Return an equation part's property (``m:naryPr/m:chr/@m:val``), or the default when it is not set."""
    found = element.find(f"{q(holder)}/{q(name)}")
    if found is None:
        return default
    return found.get(q("val"), found.get(f"{{{W}}}val", "1"))


def mathml(tag: str, *children, **attributes) -> etree._Element:
    """Make a MathML element with children (elements) and attributes."""
    element = etree.Element(f"{{{MATHML}}}{tag}", nsmap={None: MATHML})
    for key, value in attributes.items():
        element.set(key, value)
    element.extend(child for child in children if child is not None)
    return element


def token(tag: str, text: str) -> etree._Element:
    """Make a token element (mi, mn, mo) holding text."""
    element = mathml(tag)
    element.text = text
    return element


def run_tokens(run) -> list:
    """Read a run's text as tokens: numbers mn, letters mi (one each, as Word sets them), the rest mo."""
    text = "".join(node.text or "" for node in run.iter(q("t"), f"{{{W}}}t"))
    plain = property_of(run, "rPr", "sty") == "p" or run.find(f"{q('rPr')}/{q('nor')}") is not None
    tokens, index = [], 0
    while index < len(text):
        number = NUMBER.match(text, index)
        char = text[index]
        if number:
            tokens.append(token("mn", number.group()))
            index = number.end()
            continue
        if char.isspace():
            index += 1
            continue
        if char.isalpha() and plain:
            word = re.match(r"[^\W\d_]+", text[index:]).group()
            tokens.append(token("mi", word))  # plain text in an equation (`sin`, `max`): one identifier
            index += len(word)
            continue
        tokens.append(token("mi" if char.isalpha() else "mo", char))
        index += 1
    return tokens


def row(element) -> etree._Element:
    """Read an argument (``m:e``, ``m:num``...) as one row of its children."""
    children = [part for child in (element if element is not None else ()) for part in converted(child)]
    return children[0] if len(children) == 1 else mathml("mrow", *children)


def part(element, name: str) -> etree._Element:
    """Read a named argument of a structure as a row (an empty row when it is missing)."""
    return row(element.find(q(name)))


def converted(element) -> list:
    """Convert one Office Math element to MathML elements."""
    name = etree.QName(element).localname if isinstance(element.tag, str) else ""
    if name == "r":
        return run_tokens(element)
    if name in SCRIPTS:
        tag, names = SCRIPTS[name]
        made = mathml(tag, *(part(element, child) for child in names))
        if name == "f" and property_of(element, "fPr", "type") == "noBar":
            made.set("linethickness", "0")
        return [made]
    if name == "sPre":
        return [mathml("mmultiscripts", part(element, "e"), mathml("mprescripts"), part(element, "sub"),
                       part(element, "sup"))]  # fmt: skip
    if name == "rad":
        hidden = property_of(element, "radPr", "degHide", "0") in ("1", "on", "true")
        degree = element.find(q("deg"))
        if hidden or degree is None or not len(degree):
            return [mathml("msqrt", part(element, "e"))]
        return [mathml("mroot", part(element, "e"), part(element, "deg"))]
    if name == "d":
        return [delimited(element)]
    if name == "nary":
        return [n_ary(element)]
    if name == "func":
        return [mathml("mrow", part(element, "fName"), token("mo", "\u2061"), part(element, "e"))]
    if name in ("acc", "groupChr", "bar"):
        return [accented(element, name)]
    if name in ("m", "eqArr"):
        rows = element.findall(q("mr")) if name == "m" else [[item] for item in element.findall(q("e"))]
        return [mathml("mtable", *(mathml("mtr", *(mathml("mtd", row(cell)) for cell in cells)) for cells in rows))]
    if name == "borderBox":
        return [mathml("menclose", part(element, "e"), notation="box")]
    if name == "phant":
        return [mathml("mphantom", part(element, "e"))]
    if name.endswith("Pr") or name in ("ctrlPr", "argPr"):
        return []
    return [child for inner in element for child in converted(inner)]  # a box, an argument, a run's group


def delimited(element) -> etree._Element:
    """Read a delimiter: its opening and closing characters around its arguments, a separator between them."""
    opening = property_of(element, "dPr", "begChr", "(")
    closing = property_of(element, "dPr", "endChr", ")")
    separator = property_of(element, "dPr", "sepChr", "|")
    inner = []
    for index, argument in enumerate(element.findall(q("e"))):
        inner += [token("mo", separator)] if index else []
        inner.append(row(argument))
    fences = [token("mo", opening)] if opening else []
    return mathml("mrow", *fences, *inner, *([token("mo", closing)] if closing else []))


def n_ary(element) -> etree._Element:
    """Read an n-ary operator (a sum, a product, an integral) with its limits, then what it applies to."""
    operator = token("mo", property_of(element, "naryPr", "chr", "\u222b"))
    under = property_of(element, "naryPr", "limLoc", "undOvr" if operator.text != "\u222b" else "subSup") == "undOvr"
    low = None if property_of(element, "naryPr", "subHide", "0") in ("1", "on") else part(element, "sub")
    high = None if property_of(element, "naryPr", "supHide", "0") in ("1", "on") else part(element, "sup")
    names = ("munder", "mover", "munderover") if under else ("msub", "msup", "msubsup")
    if low is not None and high is not None:
        limits = mathml(names[2], operator, low, high)
    elif low is not None or high is not None:
        limits = mathml(names[0] if low is not None else names[1], operator, low if low is not None else high)
    else:
        limits = operator
    return mathml("mrow", limits, part(element, "e"))


def accented(element, name: str) -> etree._Element:
    """Read an accent, a bar or a grouping character over or under its argument."""
    holder = f"{name}Pr"
    default = {"acc": "\u0302", "groupChr": "\u23df", "bar": "\u00af"}[name]
    mark = token("mo", property_of(element, holder, "chr", default) or default)
    position = property_of(element, holder, "pos", "top" if name != "groupChr" else "bot")
    if name == "bar" and position == "bot":
        mark.text = "_"
    below = position == "bot"
    return mathml("munder" if below else "mover", part(element, "e"), mark, **({} if below else {"accent": "true"}))


def equation_mathml(equation, display: bool) -> str:
    """Return an equation (``m:oMath``) as a ``<math>`` element's markup, with its text as alt text."""
    root = mathml("math", *converted(equation))
    if display:
        root.set("display", "block")
    root.set("alttext", linear(root) or equation_text(equation))
    return etree.tostring(root, encoding="unicode")


def equation_text(equation) -> str:
    """Return an equation's text as Word writes it, in reading order."""
    return " ".join("".join(node.text or "" for node in equation.iter(q("t"))).split()) or "equation"


def swapped_equations(
    path,
    body_xml: bytes,
    main: str = "word/document.xml",
    docx: bytes | None = None,
) -> tuple[bytes | None, list[str]]:
    """Return a Word document's bytes (docx, already changed, or the file's) with its equations swapped for links,
    and their MathML; (None, []) when it has none, or when they cannot be read (mammoth then names what it left
    out)."""
    if f"{M}".encode() not in body_xml or b"oMath" not in body_xml:
        return None, []
    try:
        return with_equation_links(docx if docx is not None else path.read_bytes(), main)
    except (etree.XMLSyntaxError, zipfile.BadZipFile, KeyError, ValueError):
        return None, []


def with_equation_links(docx: bytes, main: str = "word/document.xml") -> tuple[bytes, list[str]]:
    """Return the document with each equation swapped for a link run holding its text, and their MathML."""
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        tree = etree.fromstring(archive.read(main))
        equations = [found for found in tree.iter(q("oMath")) if found.getparent().tag != q("oMath")]
        if not equations:
            return docx, []
        made = []
        for number, equation in enumerate(equations):
            display = equation.getparent() is not None and equation.getparent().tag == q("oMathPara")
            made.append(equation_mathml(equation, display))
            link = etree.Element(f"{{{W}}}hyperlink", {f"{{{W}}}anchor": f"{ANCHOR}{number}"})
            text = etree.SubElement(etree.SubElement(link, f"{{{W}}}r"), f"{{{W}}}t")
            text.text = equation_text(equation)
            equation.getparent().replace(equation, link)
        for holder in list(tree.iter(q("oMathPara"))):  # its equations, now links, go in the paragraph itself
            unwrapped(holder)
        output = io.BytesIO()
        with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as copy:
            for item in archive.infolist():
                copy.writestr(item, written(tree) if item.filename == main else archive.read(item))
    return output.getvalue(), made


def unwrapped(holder) -> None:
    """Put a display equation paragraph's links in its place (a Word paragraph holds runs and links)."""
    parent, index = holder.getparent(), holder.getparent().index(holder)
    links = [child for child in holder if child.tag == f"{{{W}}}hyperlink"]
    parent.remove(holder)
    for offset, link in enumerate(links):
        parent.insert(index + offset, link)


def written(tree) -> bytes:
    """Write a part back as Word writes it."""
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True)


def put_equations(root, made: list[str]) -> None:
    """Put each equation's MathML where mammoth wrote its link."""
    for link in list(root.iter("a")):
        number = (link.get("href") or "").removeprefix(f"#{ANCHOR}")
        if number.isdigit() and int(number) < len(made) and link.get("href") != number:
            math = etree.fromstring(made[int(number)])
            math.tail = link.tail
            link.getparent().replace(link, math)
