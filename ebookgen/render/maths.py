"""Render a formula: its MathML in the e-book (EPUB 3 reading systems set it), a drawing in print.

WeasyPrint sets MathML as loose text, so the print edition draws each formula as an inline SVG through
ziamath (its glyphs from STIX Two Math, as paths: no font to embed), sized in ems so it follows the
text's size and sitting on the line's baseline. A formula ziamath cannot draw prints as its alt text,
and ``formula_notes`` names each such formula for ``check`` and the build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ebookgen.model import Book, Formula, Text, iter_chapter_text
from ebookgen.model.book import Emphasis, Strong
from ebookgen.model.characters import FORBIDDEN
from ebookgen.patterns import lazy
from ebookgen.render.escaping import escape, quoteattr

# The size ziamath draws at, in its units (points); the drawing is then set in ems of the text around it.
DRAWN_SIZE = 20.0
VIEW_BOX = lazy(r'viewBox="(?P<x>[-\d.]+) (?P<y>[-\d.]+) (?P<width>[-\d.]+) (?P<height>[-\d.]+)"')


@dataclass(frozen=True)
class Drawing:
    """A formula drawn: its SVG markup, or the reason it could not be drawn."""

    svg: str = ""
    error: str = ""


def render_formula(formula: Formula, printed: bool) -> str:
    """Render a formula: MathML in the e-book; in print its drawing, or its alt text where it cannot be drawn."""
    if not printed:
        return formula.mathml
    drawing = drawn(formula.mathml, formula.alt, formula.display)
    if drawing.svg:
        return drawing.svg
    return f'<span class="formula-text">{escape(FORBIDDEN.sub("", formula.alt))}</span>'


@lru_cache(maxsize=4096)
def drawn(mathml: str, alt: str, display: bool) -> Drawing:
    """Draw a formula's MathML as SVG sized in ems and set on the baseline, or say why it cannot be drawn."""
    import logging

    logging.disable(logging.WARNING)  # ziamath logs an element it does not know to the root logger: said below
    try:
        import ziamath

        ziamath.config.svg2 = False  # SVG 1.1 paths, which WeasyPrint draws (it does not follow <symbol>)
        svg = ziamath.Math(mathml, size=DRAWN_SIZE).svg()
    except Exception as error:  # ziamath raises what its MathML parser and layout raise on a formula it cannot set
        return Drawing(error=f"ziamath cannot lay it out: {error}" if str(error) else "ziamath cannot lay it out")
    finally:
        logging.disable(logging.NOTSET)
    box = VIEW_BOX.search(svg)
    if box is None:
        return Drawing(error="the drawing has no size")
    width, height = float(box["width"]) / DRAWN_SIZE, float(box["height"]) / DRAWN_SIZE
    below = (float(box["height"]) + float(box["y"])) / DRAWN_SIZE  # how far the drawing reaches under the baseline
    kind = "formula display" if display else "formula"
    place = "display: block; margin: 0.5em auto" if display else f"vertical-align: {-below:.3f}em"
    label = quoteattr(FORBIDDEN.sub("", alt))
    opening = (
        f'<svg class="{kind}" role="img" aria-label={label} width="{width:.3f}em" height="{height:.3f}em"'
        f' style="{place}"'
    )
    return Drawing(svg=re.sub(r'^<svg(?: width="[^"]*"| height="[^"]*")*', lambda _: opening, svg, count=1))


def is_display_formula(paragraph) -> bool:
    """Tell a paragraph that is one displayed formula (set centred, the paragraph after it going on unindented)."""
    found = None
    for run in paragraph.inlines:
        if isinstance(run, Text) and not run.text.strip():
            continue  # blank text around the formula
        if found is not None or not isinstance(run, Formula):
            return False  # a second run, or a first that is no formula (most paragraphs: their first run)
        found = run
    return found is not None and found.display


def formulas(book: Book):
    """Yield (chapter number, formula) for every formula of the book, in reading order."""
    for chapter in book.chapters:
        for block in iter_chapter_text(chapter):
            stack = list(reversed(block.inlines))
            while stack:
                run = stack.pop()
                if isinstance(run, Formula):
                    yield chapter.number, run
                elif isinstance(run, (Emphasis, Strong)):
                    stack.extend(reversed(run.children))


def formula_notes(book: Book) -> tuple[str, ...]:
    """Name each formula the print edition cannot draw (it prints its alt text there instead), and why."""
    notes = []
    for number, formula in formulas(book):
        drawing = drawn(formula.mathml, formula.alt, formula.display)
        if drawing.error:
            notes.append(
                f"chapter {number}: the formula \u201c{formula.alt[:60]}\u201d cannot be drawn in print"
                f" ({drawing.error[:80]}); its alt text is printed instead"
            )
    return tuple(notes)
