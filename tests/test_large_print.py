"""Large print: `--font-size 16` and up (or the large-print theme) sets the book as large-print guidance asks.

Measured from the PDF's line boxes (poppler's ``pdftotext -bbox-layout``): the text is ragged right, no
line ends in a hyphen, the book has more pages and, past a bracket of the gutter table, a wider gutter.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree

from ebookgen.build import PrintChoices, build_pdf
from ebookgen.themes import THEMES, sized

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler's pdftotext is not installed")
LONG_WORDS = (
    "extraordinary understanding responsibility characteristically unquestionably misunderstanding "
    "the and of a to in she was her uncomfortable notwithstanding incomprehensible"
).split()


@dataclass(frozen=True)
class Line:
    """One laid-out line of a page: its left and right edges in points, and its text."""

    left: float
    right: float
    text: str


def story(chapters: int = 8, words: int = 2600) -> str:
    """Write a manuscript of long words, so that the justified edition has to hyphenate."""
    parts = []
    for number in range(1, chapters + 1):
        body = [LONG_WORDS[(number * 7 + index * 5) % len(LONG_WORDS)] for index in range(words)]
        paragraphs = [" ".join(body[start : start + 90]).capitalize() + "." for start in range(0, words, 90)]
        parts.append(f"Chapter {number}\n\n" + "\n\n".join(paragraphs))
    return "\n\n".join(parts) + "\n"


def body_lines(pdf: Path) -> list[tuple[int, float, list[Line]]]:
    """Return each page's number, width and text lines, leaving out the running head and the folio."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, check=True, timeout=120)
    root = etree.fromstring(xml.stdout, etree.XMLParser(recover=True))
    pages = []
    for number, page in enumerate(root.iter("{*}page"), start=1):
        height = float(page.get("height"))
        lines = [
            Line(float(line.get("xMin")), float(line.get("xMax")), " ".join(w.text or "" for w in line.iter("{*}word")))
            for line in page.iter("{*}line")
            if 0.1 * height < float(line.get("yMin")) < 0.9 * height
        ]
        pages.append((number, float(page.get("width")), lines))
    return pages


def measures(pdf: Path) -> dict[str, float]:
    """Measure a book: its gutter, the share of full lines ending flush right, lines ending in a hyphen.

    The gutter is a recto's inside margin less its outside one: a measure of 60-70 characters widens both
    margins alike (trim.measured), so only their difference shows the page-count bracket.
    """
    pages = [page for page in body_lines(pdf) if len(page[2]) > 12]  # pages of running text
    rectos = [
        min(line.left for line in lines) - (width - max(line.right for line in lines))
        for number, width, lines in pages
        if number % 2 == 1
    ]
    flush = total = hyphens = 0
    for _, _, lines in pages:
        right = max(line.right for line in lines)
        full = lines[:-1]  # a paragraph's last line is short in any setting; most lines are not last
        total += len(full)
        flush += sum(1 for line in full if right - line.right < 1.0)
        hyphens += sum(1 for line in lines if line.text.endswith(("-", "\u2010")))
    return {"gutter": min(rectos), "flush": flush / max(total, 1), "hyphens": hyphens}


@pytest.mark.slow
def test_large_print_is_ragged_unhyphenated_longer_with_its_gutter_recomputed(tmp_path: Path) -> None:
    folder = tmp_path / "book"
    folder.mkdir()
    (folder / "story.txt").write_text(story(), encoding="utf-8")
    regular = build_pdf(folder, tmp_path / "regular.pdf", PrintChoices(jobs=1))
    large = build_pdf(folder, tmp_path / "large.pdf", PrintChoices(jobs=1, font_size=17))
    assert large.pages > 2 * regular.pages
    assert regular.pages <= 150 < large.pages  # two brackets of the gutter table: 0.375 in, then 0.5 in
    usual, big = measures(regular.path), measures(large.path)
    assert big["gutter"] - usual["gutter"] == pytest.approx(0.125 * 72, abs=1.5)
    assert usual["flush"] > 0.8 and big["flush"] < 0.5  # justified, then ragged right
    assert usual["hyphens"] > 0 and big["hyphens"] == 0


def test_a_large_size_makes_any_theme_a_large_print_edition() -> None:
    large = sized(THEMES["romance"], 18)
    assert large.large_print and large.name == "large-print" and large.points == 18 and large.leading == 27
    assert sized(THEMES["classic"], 12).name == "classic" and not sized(THEMES["classic"], 12).large_print
    assert sized(THEMES["classic"], 0) == THEMES["classic"]
