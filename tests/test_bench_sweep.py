"""The size sweep of `make bench` prints one table: a row per size and format, ratios measured side by side.

No timing is asserted: the figures live in docs/speed.md. The test holds the table's shape and the text the
anchors are given (Typst's markup of the same story), with runs made up for it.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_sweep():
    """Load bench/sweep.py (bench/ is not a package)."""
    spec = importlib.util.spec_from_file_location("ebookgen_sweep", ROOT / "bench" / "sweep.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its records (dataclasses) look their module up while being made
    spec.loader.exec_module(module)
    return module


def test_table_has_a_row_per_size_with_its_ratios():
    sweep = load_sweep()
    run = sweep.Run
    rows = [
        sweep.Row(f"EPUB, {words:,} words", run(0.2, 40.0, 0.3), "Pandoc", run(0.1, 80.0, 0.1))
        for words in sweep.EPUB_SIZES
    ]
    rows += [
        sweep.Row(f"PDF, {words:,} words", run(3.0, 100.0), "WeasyPrint alone", run(4.0, 200.0), run(1.0, 50.0))
        for words in sweep.PDF_SIZES
    ]
    rows.append(sweep.Row("EPUB, 5 words", run(0.2, 40.0), "Pandoc", None))  # Pandoc not installed
    lines = sweep.table(rows).splitlines()
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    assert header == list(sweep.HEADER)
    body = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[2:]]
    assert len(body) == len(sweep.EPUB_SIZES) + len(sweep.PDF_SIZES) + 1
    assert all(len(cells) == len(header) for cells in body)
    assert [cells[0] for cells in body][:5] == [
        f"EPUB, {words:,} words" for words in (20, 3_000, 10_000, 100_000, 1_000_000)
    ]
    assert body[0][4:7] == ["2.00x", "3.00x", "0.50x"] and body[0][7:] == ["-", "-"]
    assert body[5][1] == "3.00 s, 100 MB" and body[5][4:] == ["0.75x", "-", "0.50x", "1.00 s, 50 MB", "3.00x"]
    assert body[-1][3:7] == ["-", "-", "-", "-"]


def test_typst_gets_the_same_story_as_headings_paragraphs_and_breaks():
    sweep = load_sweep()
    story = 'Chapter 1\n\n"It was *late*," she said #1 at 5$ @home <a> a/b_c.\n\n* * *\n\nAgain.\n'
    markup = sweep.typst_source(story)
    assert markup.startswith(sweep.TYPST_PAGE)
    body = markup[len(sweep.TYPST_PAGE) :].split("\n\n")
    assert body[0] == "= Chapter 1"
    assert body[1] == '"It was _late_," she said \\#1 at 5\\$ \\@home \\<a> a\\/b\\_c.'
    assert body[2] == "#align(center)[\\* \\* \\*]"
    assert body[3] == "Again.\n"


def test_story_sizes_hold_about_the_words_asked_for():
    sweep = load_sweep()
    for words in (20, 3_000):
        count = len(sweep.story_of(words).split())
        assert words * 0.8 <= count <= words * 1.3, (words, count)
