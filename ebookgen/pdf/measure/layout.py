"""Find a book's layout in its word boxes: body lines, the text block's edges, paragraphs, text pages, the grid."""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass

from ebookgen.pdf.measure.boxes import Line, Page

BODY_TOLERANCE = 0.08  # a body line's height within 8% of the body height
TITLE_RATIO = 1.3  # a line this much taller than the body is a title (or holds an initial)
EDGE_TOLERANCE = 1.5  # points short of the measure's right edge that still count as reaching it
INDENT = 2.0  # points in from the text block's left edge that make a line indented
GAP_LINES = 1.6  # a gap between two body lines over this many line spacings parts two blocks
FOLIO = re.compile(r"^(\d+|[ivxlcdm]+)$", re.IGNORECASE)  # a page number, arabic or roman
RAGGED_SHARE = 0.5  # under this share of a paragraph's inner lines reaching the right edge, the text is ragged


@dataclass(frozen=True)
class SetLine:
    """A body line in reading order, with what the page make-up needs to know about it."""

    page: int
    line: Line
    full: bool  # reaches the right edge of the measure: a justified line, never a paragraph's last
    starts: bool  # opens a paragraph
    ends: bool  # closes a paragraph
    first_on_page: bool
    last_on_page: bool


@dataclass(frozen=True)
class Layout:
    """The book's layout as read from its pages."""

    height: float  # the body lines' height
    leading: float  # the distance between two body baselines
    edges: dict[int, tuple[float, float]]  # the text block's left and right edge, by page parity
    chapters: frozenset[int]  # pages where a chapter, part or back-matter section opens
    text_pages: frozenset[int]  # pages of running text: body lines, no opener, inside the book
    lines: tuple[SetLine, ...]  # every body line from the first chapter on, in reading order
    justified: bool  # most lines inside a paragraph reach the right edge (else the text is set ragged)
    feet: dict[int, float]  # each page's lowest baseline of text, notes included, its folio not


def body_height(pages: list[Page]) -> float:
    """Return the most common line height: the body type's."""
    heights = [round(line.height, 1) for page in pages for line in page.lines]
    if not heights:
        return 0.0
    return Counter(heights).most_common(1)[0][0]


def is_body(line: Line, height: float) -> bool:
    """Tell whether a line is in the body size."""
    return abs(line.height - height) <= BODY_TOLERANCE * height


def is_title(line: Line, height: float) -> bool:
    """Tell whether a line is a title: much taller than the body, and more than a raised or dropped initial."""
    return line.height > TITLE_RATIO * height and len("".join(word.text for word in line.words)) > 2


def body_lines(page: Page, height: float) -> list[Line]:
    """Return a page's body lines, top to bottom."""
    return [line for line in page.lines if is_body(line, height)]


def mode(values: list[float], default: float = 0.0) -> float:
    """Return the most common of some values rounded to half a point."""
    rounded = [round(value * 2) / 2 for value in values]
    return Counter(rounded).most_common(1)[0][0] if rounded else default


def text_edges(pages: list[Page], height: float) -> dict[int, tuple[float, float]]:
    """Return the text block's left and right edges for even and odd pages (mirrored margins differ)."""
    edges = {}
    for parity in (0, 1):
        chosen = [body_lines(page, height) for page in pages if page.number % 2 == parity]
        lefts = [min(line.left for line in lines) for lines in chosen if len(lines) > 3]
        rights = [max(line.right for line in lines) for lines in chosen if len(lines) > 3]
        edges[parity] = (mode(lefts), mode(rights))
    return edges


def line_spacing(pages: list[Page], height: float) -> float:
    """Return the most common distance between two body baselines that follow each other."""
    steps = []
    for page in pages:
        lines = body_lines(page, height)
        steps += [after.bottom - before.bottom for before, after in zip(lines, lines[1:], strict=False)]
    steps = [step for step in steps if 0 < step < 2.5 * height]
    return statistics.median(steps) if steps else height


def centred(line: Line, left: float, right: float) -> bool:
    """Tell whether a line stands in the middle of the measure, as a title or an ornament does."""
    return line.left > left + INDENT and abs((line.left - left) - (right - line.right)) < 2.0


def layout(pages: list[Page], chapters: list[int]) -> Layout:
    """Read the book's layout: body size, spacing, edges, which pages are text pages, and the paragraphs."""
    height = body_height(pages)
    leading = line_spacing(pages, height)
    edges = text_edges(pages, height)
    if not chapters:  # no outline: a page with a title line opens a chapter
        chapters = [page.number for page in pages if any(is_title(line, height) for line in page.lines)]
    first = min(chapters, default=1)
    text = frozenset(
        page.number
        for page in pages
        if page.number > first
        and page.number not in chapters
        and body_lines(page, height)
        and not any(is_title(line, height) for line in page.lines)
    )
    lines, justified = set_lines([p for p in pages if p.number >= first], height, leading, edges, set(chapters))
    feet = {page.number: foot for page in pages if (foot := page_foot(page)) is not None}
    return Layout(height, leading, edges, frozenset(chapters), text, tuple(lines), justified, feet)


def page_foot(page: Page) -> float | None:
    """Return the lowest baseline of a page's text (a footnote's too), leaving out a folio below it."""
    lines = [line for line in page.lines if not (len(line.words) == 1 and FOLIO.match(line.words[0].text))]
    return max((line.bottom for line in lines), default=None)


def set_lines(pages: list[Page], height: float, leading: float, edges, chapters: set[int]) -> tuple[list, bool]:
    """Mark every body line: full or not, opening a paragraph (indented, or after a gap) or not; which close one."""
    top = mode([lines[0].bottom for page in pages if len(lines := body_lines(page, height)) > 3])
    marked: list[tuple[int, Line, bool, bool, bool, bool]] = []
    for page in pages:
        left, right = edges[page.number % 2]
        previous = None
        lines = body_lines(page, height)
        for index, line in enumerate(lines):
            above = previous.bottom if previous else top - leading  # a page's first line: the text block's top
            starts = line.bottom - above > GAP_LINES * leading or line.left > left + INDENT
            full = line.right >= right - EDGE_TOLERANCE and len(line.words) > 1
            marked.append((page.number, line, full, starts, index == 0, index == len(lines) - 1))
            previous = line
    inner = [mark[2] for mark, after in zip(marked, marked[1:], strict=False) if not after[3]]
    justified = bool(inner) and sum(inner) >= RAGGED_SHARE * len(inner)
    found = []
    for index, (number, line, full, starts, first, last) in enumerate(marked):
        following = marked[index + 1] if index + 1 < len(marked) else None
        ends = (
            following is None
            or following[3]
            or (following[0] != number and following[0] in chapters)
            or (justified and not full and not centred(line, *edges[number % 2]) and not line.hyphenated)
        )
        found.append(SetLine(number, line, full, starts, ends, first, last))
    return found, justified
