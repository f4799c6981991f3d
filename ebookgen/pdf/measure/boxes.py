"""Read a PDF's word boxes, page by page and line by line, with poppler's ``pdftotext -bbox-layout``."""

from __future__ import annotations

import shutil
import statistics
import subprocess
import tempfile
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

HYPHENS = ("\u2010", "-")  # the hyphen WeasyPrint sets at a break, and the text's own


class MeasureError(RuntimeError):
    """A PDF that cannot be measured: no pdftotext, or no body text."""


@dataclass(frozen=True)
class Word:
    """One word's box on a page, in points from the top left."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def height(self) -> float:
        """Return the box's height, which grows with the type size."""
        return self.y1 - self.y0


@dataclass(frozen=True)
class Line:
    """One line of words, left to right."""

    words: tuple[Word, ...]

    @property
    def height(self) -> float:
        """Return the line's height: its words' median, so that a raised initial does not make it a title's."""
        return statistics.median(word.height for word in self.words)

    @property
    def bottom(self) -> float:
        """Return the line's lower edge (its words' median), which stands for its baseline."""
        return statistics.median(word.y1 for word in self.words)

    @property
    def left(self) -> float:
        """Return where the line's first word starts."""
        return self.words[0].x0

    @property
    def right(self) -> float:
        """Return where the line's last word ends."""
        return self.words[-1].x1

    @property
    def hyphenated(self) -> bool:
        """Tell whether the line ends in a hyphen."""
        return self.words[-1].text.endswith(HYPHENS)

    @property
    def text(self) -> str:
        """Return the line's words joined by single spaces."""
        return " ".join(word.text for word in self.words)


@dataclass(frozen=True)
class Page:
    """One page's lines, top to bottom, numbered from 1 as the PDF's pages are."""

    number: int
    lines: tuple[Line, ...]


def read_pages(pdf: Path) -> list[Page]:
    """Read every page's lines of word boxes out of a PDF with poppler's pdftotext."""
    if not shutil.which("pdftotext"):
        raise MeasureError("pdftotext (Debian's poppler-utils) is needed to read the word boxes")
    with tempfile.TemporaryDirectory() as folder:
        boxes = Path(folder) / "boxes.html"
        subprocess.run(["pdftotext", "-bbox-layout", str(pdf), str(boxes)], check=True, capture_output=True)
        return pages_from_boxes(boxes.read_bytes())


def pages_from_boxes(document: bytes) -> list[Page]:
    """Parse pdftotext's -bbox-layout XHTML into pages of lines."""
    root = ElementTree.fromstring(document)
    pages = []
    for number, page in enumerate((e for e in root.iter() if local(e.tag) == "page"), start=1):
        lines = []
        for line in (e for e in page.iter() if local(e.tag) == "line"):
            words = tuple(word_of(e) for e in line if local(e.tag) == "word" and (e.text or "").strip())
            if words:
                lines.append(Line(words))
        pages.append(Page(number, tuple(merged(lines))))
    return pages


def merged(lines: list[Line]) -> list[Line]:
    """Sort lines top to bottom and join pieces sharing a baseline (a raised initial and its line's words)."""
    lines = sorted(lines, key=lambda line: (round(line.bottom, 1), line.left))
    joined: list[Line] = []
    for line in lines:
        if joined and abs(joined[-1].bottom - line.bottom) < 0.5 and line.left >= joined[-1].right:
            joined[-1] = Line(joined[-1].words + line.words)
        else:
            joined.append(line)
    return joined


def local(tag: str) -> str:
    """Return an XML tag's name without its namespace."""
    return tag.rsplit("}", 1)[-1]


def word_of(element) -> Word:
    """Make a word from a <word> element's box."""
    box = [float(element.get(edge)) for edge in ("xMin", "yMin", "xMax", "yMax")]
    return Word(element.text.strip(), *box)
