"""The measure of a set book (ebookgen.pdf.measure), on word boxes made up to hold one known fault each.

A body line here is 14.4 pt high (EB Garamond's box at 11 pt), 15 pt apart; the measure runs from 40 to 350 pt.
"""

from __future__ import annotations

import pytest

from ebookgen.pdf.measure import measure_pages, pages_from_boxes
from ebookgen.pdf.measure.fonts import BodyType
from ebookgen.pdf.measure.hyphens import runs

BODY = 14.4
TITLE = 23.5
NATURAL = BodyType("Test-Serif", 11.0, 3.0)  # a natural space of 3 pt


def word(text: str, x0: float, top: float, width: float, height: float = BODY) -> str:
    """Write one <word> box as pdftotext -bbox-layout does."""
    return f'<word xMin="{x0}" yMin="{top}" xMax="{x0 + width}" yMax="{top + height}">{text}</word>'


def line(top: float, *words: str, gap: float = 3.0, right: float | None = None, left: float = 40.0, height=BODY):
    """Write a <line> of words with even gaps, the last one ending at `right` when given."""
    boxes, x = [], left
    for index, text in enumerate(words):
        width = 5.0 * len(text)
        if right is not None and index == len(words) - 1:
            width = right - x
        boxes.append(word(text, x, top, width, height))
        x += width + gap
    return f"<line>{''.join(boxes)}</line>"


def full(top: float, *words: str, gap: float = 3.0, left: float = 40.0) -> str:
    """Write a justified line: its last word reaches the measure's edge at 350 pt."""
    return line(top, *words, gap=gap, right=350.0, left=left)


def document(*pages: list[str]) -> bytes:
    """Write pdftotext's XHTML for pages of lines."""
    body = "".join(f'<page width="432" height="648"><flow><block>{"".join(p)}</block></flow></page>' for p in pages)
    return f'<html xmlns="http://www.w3.org/1999/xhtml"><body><doc>{body}</doc></body></html>'.encode()


def text_page(lines: int, last: list[str] | None = None) -> list[str]:
    """Write a page of one running paragraph: `lines` full lines, then `last` if given."""
    page = [full(15 * n, "words", "on", "a", "page") for n in range(1, lines + 1)]
    return page + (last or [])


def opener(lines: int = 3) -> list[str]:
    """Write a chapter's first page: a title, then full lines of text."""
    return [line(20, "CHAPTER", "I", height=TITLE), *[full(60 + 15 * n, "A", "chapter", "opens") for n in range(lines)]]


def book(*pages: list[str], chapters: tuple[int, ...] = (1,)):
    """Measure made-up pages, the first a chapter's opener unless told."""
    return measure_pages(pages_from_boxes(document(*pages)), list(chapters), NATURAL)


def test_the_word_boxes_become_pages_of_lines_in_reading_order() -> None:
    pages = pages_from_boxes(document([full(30, "second", "line"), full(15, "first", "line")]))
    assert [[w.text for w in ln.words] for ln in pages[0].lines] == [["first", "line"], ["second", "line"]]


def test_hyphenated_lines_runs_and_short_carry_overs_are_counted() -> None:
    page = [
        full(10, "a", "long", "hyphen\u2010"),
        full(25, "ated", "line", "grown-"),
        full(40, "up", "people", "fath\u2010"),
        full(55, "er", "and", "more"),
        line(70, "end."),
    ]
    figures = book(page).hyphens
    assert figures.hyphenated == 3 and (figures.runs_of_three, figures.longest_run) == (1, 3)
    assert figures.short_carry_overs == 2 and figures.short_examples == ("grown-/up", "fath-/er")
    assert (figures.short_before, figures.short_after) == (0, 2)
    assert runs([True, True, False, True]) == [2, 1]


def test_the_small_caps_opening_line_is_the_first_body_line_under_a_title() -> None:
    page = [
        line(100, "CHAPTER", "I", height=TITLE),
        full(140, "WELL,", "PRINCE,", "SO", "GE\u2010"),
        full(155, "noa", "and", "Lucca", "are\u2010"),
        line(170, "now."),
    ]
    quality = book(page)
    assert quality.openers == 1 and quality.opening_hyphens == 1


def test_a_justified_line_spaced_over_twice_the_fonts_space_is_loose() -> None:
    page = [full(15 * n, "one", "two", "three", "four", gap=4.0) for n in range(1, 8)]
    page.append(full(120, "wide", "gaps", "here", gap=6.5))  # 2.17 times the natural 3 pt
    page.append(line(135, "a", "paragraph's", "last", "line", gap=9.0))  # not justified: never loose
    quality = book([line(0, "CHAPTER", height=TITLE), *page])
    assert quality.justified and quality.loose_lines == 1 and quality.loose_percent == pytest.approx(100 / 7, abs=0.01)
    assert quality.loose_examples[0].startswith("p1: wide gaps")
    assert quality.median_space == pytest.approx(4.0 / 3.0, abs=0.01)


def test_a_uniformly_loose_book_is_loose_everywhere() -> None:
    page = [full(15 * n, "one", "two", "three", "four", gap=7.0) for n in range(1, 9)]
    quality = book([line(0, "CHAPTER", height=TITLE), *page])
    assert quality.loose_lines == quality.justified_lines == 7  # the opener's line counted apart
    assert quality.loose_openers == 1 and quality.loose_opener_pages == (1,)


def test_spreads_compare_the_last_baselines_of_text_pages_only() -> None:
    # page 1 an opener; spread 2-3 even; spread 4-5 uneven; spread 6-7 not compared, 7 ends the chapter
    pages = [opener(), text_page(10), text_page(10), text_page(10), text_page(9), text_page(10), text_page(4), []]
    quality = book(*pages)
    assert (quality.spreads, quality.uneven_spreads, quality.uneven_percent) == (2, 1, 50.0)
    assert quality.uneven_versos == (4,)


def test_a_page_two_lines_short_is_short_unless_it_ends_a_chapter() -> None:
    pages = [opener(), text_page(10), text_page(8), text_page(10), text_page(9), text_page(10), text_page(3), []]
    quality = book(*pages)
    assert quality.short_page_numbers == (3,)


def test_a_page_a_line_short_is_not_short_where_spreads_run_a_line_long() -> None:
    # Full pages of 10 lines, spreads run a line long (11) and spreads a line short (9): no page two lines short.
    depths = (10, 10, 11, 11, 10, 10, 9, 9, 10, 10, 11, 11, 10, 10, 9, 9, 10, 10, 8, 10, 3)
    quality = book(opener(), *(text_page(lines) for lines in depths), [])
    assert quality.short_page_numbers == (20,)


def test_a_paragraphs_last_line_alone_at_the_top_of_a_page_is_a_widow() -> None:
    widowed = [line(15, "over."), full(30, "A", "new", "paragraph", left=52.0), *text_page(8)[2:]]
    quality = book(opener(), text_page(10), widowed, text_page(10), chapters=(1,))
    assert (quality.widows, quality.widow_pages, quality.orphans) == (1, (3,), 0)


def test_a_paragraphs_first_line_alone_at_a_pages_foot_is_an_orphan() -> None:
    orphaned = [*text_page(9, [line(150, "end.")]), full(165, "A", "paragraph", "starts", left=52.0)]
    quality = book(opener(), orphaned, text_page(11))
    assert (quality.orphans, quality.orphan_pages, quality.widows) == (1, (2,), 0)


def test_one_word_alone_on_a_paragraphs_last_line_is_a_runt() -> None:
    page = text_page(4, [line(75, "said."), full(90, "Then", "the", "sen\u2010", left=52.0), line(105, "tence.")])
    page += [full(120, "A", "third", "paragraph", left=52.0), line(135, "ends", "well.")]
    quality = book(opener(), page)
    assert (quality.runts, quality.hyphenated_tails) == (2, 1)
    assert quality.runt_examples == ("p2: said.", "p2: tence.")


def test_a_capitalised_word_broken_at_a_lines_end_is_counted() -> None:
    page = text_page(3) + [full(60, "said", "Nata\u2010"), full(75, "sha", "to", "Anna-"), full(90, "Maria", "and")]
    quality = book(opener(), page + [line(105, "left.")])
    assert quality.capital_hyphens == 1 and quality.capital_examples == ("Nata-sha",)


def test_characters_a_line_count_the_lines_inside_paragraphs() -> None:
    page = [full(15 * n, "abcde", "fghij", "klmno") for n in range(1, 6)] + [line(90, "end.")]
    assert book(opener(), page).characters_per_line == len("abcde fghij klmno")


def test_an_openers_text_off_the_baseline_grid_is_counted() -> None:
    on_grid = [line(20, "CHAPTER", "I", height=TITLE), *[full(60 + 15 * n, "On", "the", "grid") for n in range(4)]]
    off_grid = [line(20, "CHAPTER", "II", height=TITLE), *[full(67 + 15 * n, "Off", "the", "grid") for n in range(4)]]
    pages = [on_grid, text_page(10), text_page(10), off_grid, text_page(10), text_page(10)]
    quality = book(*pages, chapters=(1, 4))
    assert quality.openers == 2 and quality.openers_off_grid == 1 and quality.grid_offsets == ((4, 7.0),)


def test_ragged_text_has_no_loose_lines() -> None:
    page = [line(15 * n, "one", "ragged", "line", "here" * (n % 3 + 1), gap=9.0) for n in range(1, 10)]
    quality = book([line(0, "CHAPTER", height=TITLE), *page])
    assert not quality.justified and quality.loose_lines == 0
