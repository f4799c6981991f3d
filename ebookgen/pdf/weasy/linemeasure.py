"""Measure a WeasyPrint paragraph for the total-fit breaker (``linebreak``), with WeasyPrint's own Pango layouts.

A paragraph's line box holds text boxes, some inside inline boxes (an italic span, the raised initial). Each text
box is laid out once on one unbroken line, in its own style, and the x of every break point read from it: the same
fonts and shaping as WeasyPrint's lines, so a line the breaker chose fits WeasyPrint's measure as the breaker said.
A paragraph holding anything else (an image, a float, an inline block, soft hyphens) is not measured: WeasyPrint
breaks it first-fit.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from itertools import accumulate

from ebookgen.pdf.weasy.linebreak import Breaks

# A word the dictionary may hyphenate: letters, with inner apostrophes ("Bolkonski's" is one word).
WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
# A break at a hyphen of the text keeps this many letters on each side (as setting.SHORT_FRAGMENT).
SHORT_FRAGMENT = 3
SPACES = " \u00a0"
INDEX_TO_POS = """
typedef struct { int x; int y; int width; int height; } PangoRectangle;
void pango_layout_index_to_pos (void *layout, int index, PangoRectangle *pos);
"""


@dataclass(frozen=True)
class Run:
    """A text box of the paragraph: where it sits in the line box's tree and in the paragraph's text."""

    path: tuple[int, ...]
    box: object
    start: int  # its first character's offset in the paragraph's text
    x: float  # where it starts on an unbroken line, its inline boxes' margins counted


@dataclass(frozen=True)
class Paragraph:
    """A measured paragraph: its text, its text boxes, its break points (character offsets) and their widths."""

    text: str
    runs: tuple[Run, ...]
    points: tuple[int, ...]
    breaks: Breaks


def decoration(box, side: str) -> float | None:
    """Return an inline box's margin, border and padding on one side, or None when it is not a plain length."""
    total = box.style[f"border_{side}_width"] or 0.0
    for name in (f"margin_{side}", f"padding_{side}"):
        value = box.style[name]
        if value == "auto" or getattr(value, "unit", "px") not in ("px", None):
            return None
        total += getattr(value, "value", value) or 0.0
    return total


def flatten(box, path: tuple[int, ...], texts: list, spacing: list) -> bool:
    """Collect a line box's text boxes (path, box) and inline boxes' spacing; tell whether all of it is text."""
    for index, child in enumerate(box.children):
        kind = type(child).__name__
        if kind == "TextBox":
            if child.style["white_space"] != "normal" or "\xad" in child.text:
                return False
            texts.append(((*path, index), child))
        elif kind == "InlineBox":
            left, right = decoration(child, "left"), decoration(child, "right")
            if left is None or right is None or not child.is_in_normal_flow():
                return False
            spacing.append((sum(len(box.text) for _, box in texts), left))
            if not flatten(child, (*path, index), texts, spacing):
                return False
            spacing.append((sum(len(box.text) for _, box in texts), right))
        else:
            return False
    return True


def styled(box, first_line_style: dict | None) -> dict:
    """Return a text box's style, with the first line's own (small capitals) over it when given."""
    if not first_line_style:
        return box.style
    from weasyprint.css.properties import INHERITED

    style = box.style.copy()
    for key, value in first_line_style.items():
        if key in INHERITED:
            style[key] = value
    return style


@cache
def index_to_pos():
    """Return Pango's pango_layout_index_to_pos (WeasyPrint's bindings lack it), or None without Pango."""
    try:
        import cffi

        ffi = cffi.FFI()
        ffi.cdef(INDEX_TO_POS)
        return ffi, ffi.dlopen("libpango-1.0.so.0")
    except (ImportError, OSError, AttributeError):
        return None


def positions(context, text: str, style, wanted: list[int]) -> dict[int, float]:
    """Return the x of each wanted character offset on the text laid out unbroken in a style."""
    from weasyprint.text.ffi import FROM_UNITS
    from weasyprint.text.ffi import ffi as weasy_ffi
    from weasyprint.text.line_break import create_layout

    ffi, pango = index_to_pos()
    layout = create_layout(text, style, context, None, 0)
    pointer = ffi.cast("void *", int(weasy_ffi.cast("uintptr_t", layout.layout)))
    places = [0, *accumulate(len(char.encode()) for char in text)]
    rectangle = ffi.new("PangoRectangle *")
    found = {}
    for offset in wanted:
        pango.pango_layout_index_to_pos(pointer, places[offset], rectangle)
        found[offset] = rectangle.x * FROM_UNITS
    if len(text) in found:
        width, _ = layout_width(layout, style)
        found[len(text)] = width
    layout.deactivate()
    return found


def layout_width(layout, style) -> tuple[float, float]:
    """Return the width of a layout's first line, as WeasyPrint measures a line."""
    from weasyprint.text.line_break import line_size

    return line_size(layout.get_first_line()[0], style)


def text_width(context, text: str, style) -> float:
    """Return the width of a short text set in a style (a hyphen, a space)."""
    from weasyprint.text.line_break import create_layout

    layout = create_layout(text, style, context, None, 0)
    width, _ = layout_width(layout, style)
    layout.deactivate()
    return width


def break_points(text: str, lang: str | None) -> list[int]:
    """Return where Pango may break the paragraph's text (offsets of a next line's first character)."""
    from weasyprint.text.line_break import get_log_attrs

    attrs = get_log_attrs(text, lang)
    return [index for index in range(1, len(text)) if attrs[index].is_line_break and text[index] not in SPACES]


def hyphen_points(context, text: str, runs: list[tuple[int, object]]) -> dict[int, object]:
    """Return the offsets where the dictionary may hyphenate a word (never a capitalised one), and each one's box."""
    import pyphen

    found = {}
    for start, box in runs:
        style = box.style
        lang = style["lang"] and pyphen.language_fallback(style["lang"])
        if style["hyphens"] != "auto" or not lang or style["font_variant_caps"] != "normal":
            continue
        total, left, right = style["hyphenate_limit_chars"]
        dictionary = hyphenation(lang, left, right)
        for word in WORD.finditer(box.text):
            if len(word.group()) < total or spared(word.group(), lang):
                continue  # short words, and names (Nata-sha, Bolkon-ski), are not hyphenated
            for place in dictionary.positions(word.group()):
                found[start + word.start() + int(place)] = box
    return found


# Languages that capitalise every noun: there a capital letter does not mark a name, and nouns hyphenate as they
# always have (Donau-dampf-schiff).
NOUNS_CAPITALISED = ("de", "lb")


def spared(word: str, lang: str) -> bool:
    """Tell whether a word is kept whole as a name: it opens with a capital, in a language that does not
    capitalise its nouns."""
    return word[:1].isupper() and lang.lower().replace("-", "_").split("_")[0] not in NOUNS_CAPITALISED


@cache
def hyphenation(lang: str, left: int, right: int):
    """Return pyphen's dictionary for a language and the letters a hyphen leaves each side (WeasyPrint's own)."""
    import pyphen

    return pyphen.Pyphen(lang=lang, left=left, right=right)


def compound_ok(text: str, point: int) -> bool:
    """Tell whether a break after a hyphen of the text leaves enough letters on each side (no "in-/chief")."""
    if text[point - 1] != "-":
        return True
    before = re.search(r"[^\W\d_]*$", text[: point - 1]).group(0)
    after = re.match(r"[^\W\d_]*", text[point : point + 40]).group(0)
    return min(len(before), len(after)) >= SHORT_FRAGMENT


def last_line_kind(text: str, point: int, hyphen: bool, last_space: int) -> tuple[bool, bool]:
    """Tell whether a last line from a point would be one word alone (a runt: "asked.", "Bartholomew."), and a
    hyphenated word's tail.

    `last_space` is where the text's last word space is (-1 for none): a last line after it is one word.
    """
    if point <= last_space:
        return False, False
    return any(char.isalpha() for char in text[point:]), hyphen


def measure_paragraph(context, linebox, first_line_style: dict | None = None) -> Paragraph | None:
    """Measure a paragraph's break points with WeasyPrint's layouts, or None when it is not all text."""
    texts: list = []
    spacing: list = []
    if index_to_pos() is None or not flatten(linebox, (), texts, spacing) or not texts:
        return None
    text = "".join(box.text for _, box in texts)
    if not text.strip(" "):
        return None
    starts = [0, *accumulate(len(box.text) for _, box in texts)]
    hyphens = hyphen_points(context, text, [(starts[k], box) for k, (_, box) in enumerate(texts)])
    points = sorted(
        {0, len(text), *(p for p in break_points(text, linebox.style["lang"]) if compound_ok(text, p))} | set(hyphens)
    )
    ends = [p if p in hyphens else len(text[:p].rstrip(" ")) for p in points]
    begins = [p + len(text[p:]) - len(text[p:].lstrip(" ")) for p in points]
    runs = tuple(Run(path, box, starts[k], 0.0) for k, (path, box) in enumerate(texts))
    normal = Widths(context, runs, starts, spacing, None, begins + ends, hyphens)
    counted = [0, *accumulate(char in SPACES for char in text)]
    trimmed = text.rstrip(" ")
    last_space = max(trimmed.rfind(space) for space in SPACES)
    kinds = [last_line_kind(text, p, p in hyphens, last_space) for p in points]
    first = (
        Widths(context, runs, starts, spacing, first_line_style, [begins[0], *ends], hyphens)
        if (first_line_style)
        else normal
    )
    first_style = styled(texts[0][1], first_line_style)
    first_caps, first_spacing = first_style["font_variant_caps"], first_style["letter_spacing"]
    breaks = Breaks(
        start=tuple(normal.at(b, end=False) for b in begins),
        end=tuple(normal.at(e, end=True, hyphen=p) for p, e in zip(points, ends, strict=True)),
        spaces_start=tuple(counted[b] for b in begins),
        spaces_end=tuple(counted[e] for e in ends),
        hyphen=tuple(p in hyphens for p in points),
        runt=tuple(kind[0] for kind in kinds),
        fragment=tuple(kind[1] for kind in kinds),
        first_start=first.at(begins[0], end=False),
        first_end=tuple(first.at(e, end=True, hyphen=p) for p, e in zip(points, ends, strict=True)),
        first_hyphen_ok=first_caps == "normal",
        first_spacing=0.0 if first_spacing == "normal" else first_spacing,
        letters_start=tuple(begins),
        letters_end=tuple(e + (p in hyphens) for p, e in zip(points, ends, strict=True)),
    )
    return Paragraph(text, runs, tuple(points), breaks)


class Widths:
    """The x of offsets of a paragraph's text set unbroken, each text box in its style (or the first line's)."""

    def __init__(self, context, runs, starts, spacing, first_line_style, offsets, hyphens) -> None:
        self.starts, self.hyphens = starts, hyphens
        wanted: list[list[int]] = [[] for _ in runs]
        for offset in offsets:
            for k in {self.run(offset, True), self.run(offset, False)}:
                wanted[k].append(offset - starts[k])
        self.local, self.x, self.hyphen_width = [], [], []
        texts = 0.0
        for k, run in enumerate(runs):
            style = styled(run.box, first_line_style)
            found = positions(context, run.box.text, style, sorted({*wanted[k], len(run.box.text)}))
            self.local.append(found)
            self.x.append(texts + sum(width for at, width in spacing if at <= starts[k]))
            self.hyphen_width.append(text_width(context, style["hyphenate_character"], style))
            texts += found[len(run.box.text)]

    def run(self, offset: int, end: bool) -> int:
        """Return the text box an offset ends a line in (end) or starts one in."""
        k = bisect.bisect_left(self.starts, offset) - 1 if end else bisect.bisect_right(self.starts, offset) - 1
        return min(max(k, 0), len(self.starts) - 2)

    def at(self, offset: int, end: bool, hyphen: int | None = None) -> float:
        """Return the x of an offset, with the hyphen's width when the line ends hyphenated there."""
        k = self.run(offset, end)
        x = self.x[k] + self.local[k][offset - self.starts[k]]
        return x + (self.hyphen_width[k] if hyphen is not None and hyphen in self.hyphens else 0.0)


def signature(linebox) -> tuple | None:
    """Return what a paragraph's plan was made from (its text boxes, where they sit), or None when not all text."""
    texts: list = []
    if not flatten(linebox, (), texts, []):
        return None
    return tuple((path, id(box), len(box.text)) for path, box in texts)


def offset_of(paragraph: Paragraph, linebox, skip_stack) -> int | None:
    """Return the paragraph's text offset a WeasyPrint skip stack resumes at, after any spaces."""
    box, path, stack = linebox, (), skip_stack
    offset = None
    while stack:
        ((index, stack),) = stack.items()
        if type(box).__name__ == "TextBox":
            run = next((run for run in paragraph.runs if run.path == path), None)
            if run is None:
                return None
            offset = run.start + len(box.text.encode()[:index].decode(errors="ignore"))
            break
        path = (*path, index)
        if index >= len(box.children):
            return None
        box = box.children[index]
    if offset is None:
        offset = next((run.start for run in paragraph.runs if run.path[: len(path)] == path), None)
        if offset is None:
            return None
    text = paragraph.text
    while offset < len(text) and text[offset] == " ":
        offset += 1
    return offset
