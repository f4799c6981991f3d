"""Issue 27 class 9 in print: a table stays within the measure, however long its words, and reads from the start
side of a right-to-left book (laid out by WeasyPrint, the print edition's engine)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ebookgen.cli.app import app
from ebookgen.resources import stylesheet

from .acetools import ace_unavailable, run_ace

pytestmark = pytest.mark.slow
runner = CliRunner()
PROSE = "The mill stood where the river bent, and the miller kept it as his father had kept it before him. " * 5
DIGITS = "1234567890" * 8
WORD = re.compile(
    r'<word xMin="(?P<x0>[\d.]+)" yMin="[\d.]+" xMax="(?P<x1>[\d.]+)" yMax="[\d.]+">(?P<text>[^<]*)</word>'
)


def words_by_page(pdf: Path) -> list[list[tuple[float, float, str]]]:
    """Return each page's words as (left, right, text), read by pdftotext's bounding boxes."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = html.split("<page ")[1:]
    return [[(float(m["x0"]), float(m["x1"]), m["text"]) for m in WORD.finditer(page)] for page in pages]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils' pdftotext is not installed")
def test_a_wide_table_with_unbreakable_words_stays_within_the_measure(tmp_path: Path) -> None:
    rows = "\n".join(
        f"| {n} | Supercalifragilisticexpialidocious | https://example.org/a/very/long/address/{n} | {DIGITS} | "
        "north-north-east | 12.5 | yes |"
        for n in range(4)
    )
    story = tmp_path / "wide.md"
    story.write_text(
        f"# Chapter 1\n\n{PROSE}\n\n| N | Word | Where | Digits | Wind | Depth | Seen |\n"
        f"|---|---|---|---|---|---|---|\n{rows}\n\n{PROSE}\n",
        encoding="utf-8",
    )
    pdf = tmp_path / "wide.pdf"
    result = runner.invoke(app, ["pdf", str(story), "-o", str(pdf)])
    assert result.exit_code == 0, result.output
    pages = [page for page in words_by_page(pdf) if any(text == "Depth" for _, _, text in page)]
    assert pages, "the table's head is on no page"
    page = pages[0]
    vocabulary = set(PROSE.split())
    prose = [(x0, x1) for x0, x1, text in page if text in vocabulary]
    left, right = min(x0 for x0, _ in prose), max(x1 for _, x1 in prose)
    assert right - left > 200  # the measure, from the justified prose on the same page
    outside = [(text, x0, x1) for x0, x1, text in page if x0 < left - 0.5 or x1 > right + 0.5]
    assert outside == [], f"words past the measure ({left:.1f}-{right:.1f}): {outside[:5]}"
    assert any(text == "Depth" for _, _, text in page) and any(text == "yes" for _, _, text in page)


def cell_boxes(direction: str, text: str) -> list[object]:
    """Lay out a two-column table of base.css in one direction and return its cells' boxes, in source order."""
    from weasyprint import HTML

    page = "@page { size: 400px 600px; margin: 0 } body { margin: 0; font-size: 10px }"
    html = (
        f'<html dir="{direction}"><head><style>{page}{stylesheet("base.css")}</style></head><body>'
        f'<table class="table"><tr><td>{text}</td><td>{text}</td></tr></table></body></html>'
    )
    found, stack = [], [HTML(string=html).render().pages[0]._page_box]
    while stack:
        box = stack.pop()
        if getattr(box, "element_tag", "") == "td" and type(box).__name__ == "TableCellBox":
            found.append(box)
        stack.extend(reversed(getattr(box, "children", [])))
    return found


def test_a_right_to_left_books_table_reads_from_the_right_its_gap_at_each_cells_end() -> None:
    first, second = cell_boxes("ltr", "Words of a cell")
    assert first.position_x < second.position_x and first.padding_right > 0 and first.padding_left == 0
    first, second = cell_boxes("rtl", "מילים של תא")
    assert first.position_x > second.position_x  # the first column at the right
    assert first.padding_left > 0 and first.padding_right == 0


@pytest.mark.skipif(bool(ace_unavailable()), reason=ace_unavailable() or "-")
def test_a_book_with_a_table_and_formulas_passes_daisy_ace(tmp_path: Path) -> None:
    story = tmp_path / "log.html"
    story.write_text(
        "<html lang='en'><head><title>Log</title></head><body><h1>Chapter 1</h1><p>The log read:</p>"
        "<table><caption>Soundings</caption><thead><tr><th>Hour</th><th>Fathoms</th></tr></thead>"
        "<tbody><tr><th>One</th><td>12</td></tr><tr><th>Two</th><td colspan='1'>9</td></tr></tbody></table>"
        "<p>So <math alttext='d = 12 - 3'><mi>d</mi><mo>=</mo><mn>12</mn><mo>-</mo><mn>3</mn></math> fathoms.</p>"
        "<math display='block'><mfrac><mi>a</mi><mi>b</mi></mfrac></math><p>The end.</p></body></html>",
        encoding="utf-8",
    )
    epub = tmp_path / "log.epub"
    assert runner.invoke(app, ["epub", str(story), "-o", str(epub)]).exit_code == 0
    report = run_ace(epub, tmp_path / "ace")
    assert report.outcome == "pass" and report.violations == (), "\n".join(report.violations)
