"""The setting of the print interior: hyphens, loose lines and spreads, as bench/quality.py measures them from
the PDF's word boxes (docs/setting.md)."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bench import quality
from ebookgen.cli.app import app
from ebookgen.pdf import weasy
from ebookgen.pdf.weasy import setting

BODY = 14.4  # a body line's box height, as pdftotext reads EB Garamond at 11 pt
TITLE = 23.5


def word(text: str, x0: float, top: float, width: float | None = None, height: float = BODY) -> str:
    """Write one <word> box as pdftotext -bbox-layout does."""
    width = width if width is not None else 5.0 * len(text)
    return f'<word xMin="{x0}" yMin="{top}" xMax="{x0 + width}" yMax="{top + height}">{text}</word>'


def line(top: float, *words: str, gap: float = 3.0, right: float | None = None, height: float = BODY) -> str:
    """Write a <line> of words set left to right with even gaps, the last one ending at `right` when given."""
    boxes, x = [], 40.0
    for index, text in enumerate(words):
        width = 5.0 * len(text)
        if right is not None and index == len(words) - 1:
            width = right - x
        boxes.append(word(text, x, top, width, height))
        x += width + gap
    return f"<line>{''.join(boxes)}</line>"


def document(*pages: list[str]) -> bytes:
    """Write pdftotext's XHTML for pages of lines."""
    body = "".join(f'<page width="432" height="648"><flow><block>{"".join(p)}</block></flow></page>' for p in pages)
    return f'<html xmlns="http://www.w3.org/1999/xhtml"><body><doc>{body}</doc></body></html>'.encode()


def full(top: float, *words: str, gap: float = 3.0) -> str:
    """Write a justified line: its last word reaches the measure's edge at 350 pt."""
    return line(top, *words, gap=gap, right=350.0)


def test_the_word_boxes_become_pages_of_lines_in_reading_order() -> None:
    pages = quality.pages_from_boxes(document([full(30, "second", "line"), full(15, "first", "line")]))
    assert [[w.text for w in ln.words] for ln in pages[0].lines] == [["first", "line"], ["second", "line"]]


def test_hyphenated_lines_runs_and_short_carry_overs_are_counted() -> None:
    page = [
        full(10, "a", "long", "hyphen\u2010"),
        full(25, "ated", "line", "grown-"),
        full(40, "up", "people", "fath\u2010"),
        full(55, "er", "and", "more"),
        line(70, "end."),
    ]
    setting = quality.measure(quality.pages_from_boxes(document(page)))
    assert setting.body_lines == 5 and setting.hyphenated == 3 and setting.hyphenated_percent == 60.0
    assert setting.runs_of_three == 1 and setting.longest_run == 3
    assert setting.short_carry_overs == 2 and setting.short_examples == ("grown-/up", "fath-/er")
    assert (setting.short_before, setting.short_after) == (0, 2)


def test_a_fragment_of_two_letters_before_the_hyphen_is_short_too() -> None:
    page = [full(10, "a", "line", "re\u2010"), line(25, "ceived.")]
    setting = quality.measure(quality.pages_from_boxes(document(page)))
    assert setting.short_examples == ("re-/ceived",) and (setting.short_before, setting.short_after) == (1, 0)


def test_the_small_caps_opening_line_is_the_first_body_line_under_a_title() -> None:
    opener = [
        line(100, "CHAPTER", "I", height=TITLE),
        full(140, "WELL,", "PRINCE,", "SO", "GE\u2010"),
        full(155, "noa", "and", "Lucca", "are\u2010"),
        line(170, "now."),
    ]
    setting = quality.measure(quality.pages_from_boxes(document(opener)))
    assert setting.opening_lines == 1 and setting.opening_hyphens == 1


def test_a_justified_line_with_gaps_over_twice_the_pages_median_is_loose() -> None:
    page = [full(15 * n, "one", "two", "three", "four") for n in range(1, 8)]
    page.append(full(120, "wide", "gaps", "here", gap=7.0))
    page.append(line(135, "a", "paragraph's", "last", "line", gap=9.0))  # ragged: never loose
    setting = quality.measure(quality.pages_from_boxes(document(page)))
    assert setting.loose == 1 and setting.loose_percent == pytest.approx(100 / 9, abs=0.01)


def test_spreads_compare_the_last_baselines_of_text_pages_only() -> None:
    def text_page(lines: int) -> list[str]:
        return [full(15 * n, "words", "on", "a", "page") for n in range(1, lines + 1)]

    opener = [line(100, "CHAPTER", "I", height=TITLE), *text_page(3)]
    # page 1 an opener; spread 2-3 even; spread 4-5 uneven; spread 6-7 not compared, 7 ends the chapter
    pages = [opener, text_page(10), text_page(10), text_page(10), text_page(9), text_page(10), text_page(4), []]
    setting = quality.measure(quality.pages_from_boxes(document(*pages)))
    assert (setting.spreads, setting.uneven_spreads, setting.uneven_percent) == (2, 1, 50.0)


def test_the_probe_names_a_missing_setting_hook(monkeypatch) -> None:
    hooks = list(setting.SETTING_HOOKS)
    hooks[0] = ("weasyprint.layout.inline", "get_next_linebox_renamed")
    monkeypatch.setattr(setting, "SETTING_HOOKS", tuple(hooks))
    assert "get_next_linebox_renamed" in weasy.probe()


@pytest.mark.slow
def test_a_missing_setting_hook_gives_one_note_and_still_a_book(tmp_path: Path, monkeypatch) -> None:
    from ebookgen.pdf.options import PdfOptions
    from ebookgen.pdf.writer import write_pdf

    from .test_pdf_print import make_book, page_texts

    hooks = list(setting.SETTING_HOOKS)
    hooks[2] = ("weasyprint.layout.page", "make_page_renamed")
    monkeypatch.setattr(setting, "SETTING_HOOKS", tuple(hooks))
    book = make_book(6)
    fallback = write_pdf(book, tmp_path / "fallback.pdf", PdfOptions(jobs=2, year=2030))
    assert len(fallback.notes) == 1 and "one process" in fallback.notes[0] and "make_page_renamed" in fallback.notes[0]
    texts = page_texts(fallback.path)
    assert len(texts) == fallback.pages and "The Long Night" in " ".join(texts)


COMMON = (
    "the and of to a in that was he she it with his her had for not on at but said as they you all there "
    "would been one could when little who night long door looked back never again thought before after "
    "everything something window morning evening princess regiment general"
).split()
LONG = (
    "remembering extraordinary conversation immediately understanding particularly circumstances "
    "acknowledgement nevertheless uncomfortable disappointment responsibility establishment Petersburg commander"
).split()


def long_story(words: int = 4000, seed: int = 11) -> str:
    """Write a story of about `words` words in four chapters, its long words as frequent as War and Peace's.

    (3.5% of War and Peace's words have ten letters or more.)
    """
    chance, chapters, per = random.Random(seed), [], words // 4
    for number in range(1, 5):
        paragraphs, written = [f"Chapter {number}"], 0
        while written < per:
            count = chance.randint(8, 70)
            sentence = [chance.choice(LONG if chance.random() < 0.035 else COMMON) for _ in range(count)]
            paragraphs.append(" ".join(sentence).capitalize() + ".")
            written += len(sentence)
        chapters.append("\n\n".join(paragraphs))
    return "\n\n".join(chapters) + "\n"


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) reads the word boxes")
def test_a_small_book_at_6x9_is_set_to_the_targets(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(long_story(), encoding="utf-8")
    target = tmp_path / "book.pdf"
    result = CliRunner().invoke(app, ["pdf", str(story), "-o", str(target), "--trim", "6x9", "--no-cache"])
    assert result.exit_code == 0, result.output
    setting = quality.measure(quality.read_pages(target))
    assert setting.body_lines > 300 and setting.opening_lines == 4
    assert setting.runs_of_three == 0, setting
    assert setting.short_carry_overs == 0, setting.short_examples
    assert setting.opening_hyphens == 0
    assert 0 < setting.hyphenated_percent <= 12.0  # a 66-character measure (was 77) hyphenates more lines
    assert setting.loose_percent <= 0.5


def line_ends(html: str) -> list[str]:
    """Lay out a document with the setting's hooks and return how each of its lines ends."""
    from weasyprint import HTML

    with setting.well_set(strict=True):
        document = HTML(string=html).render()
    return [
        "".join(box.text for _, box in setting.text_boxes(line)).rstrip()
        for page in document.pages
        for line in setting.line_boxes(page._page_box)
    ]


NARROW = """<html lang="en"><style>@page { size: 300px 2000px } p { width: 60px; font-size: 10px; hyphens: auto;
text-align: justify; margin: 0 } p::first-line { font-variant-caps: %s }</style><p>%s</p></html>"""
HARD = "incomprehensibility unquestionably extraordinarily responsibilities characteristically " * 3


def test_no_three_lines_in_a_row_end_in_a_hyphen() -> None:
    ends = [line.endswith("\u2010") for line in line_ends(NARROW % ("normal", HARD))]
    assert sum(ends) >= 6 and max(setting_runs(ends)) == 2


def test_a_first_line_in_small_caps_is_never_hyphenated() -> None:
    assert line_ends(NARROW % ("normal", HARD))[0].endswith("\u2010")
    assert not line_ends(NARROW % ("small-caps", HARD))[0].endswith("\u2010")


def test_a_break_at_the_texts_hyphen_leaves_three_letters_each_side() -> None:
    text = "the old commander-in-chief and the grown-up aide-de-camp said nothing at all " * 2
    ends = line_ends(NARROW.replace("60px", "90px") % ("normal", text))
    assert not [end for end in ends if end.endswith(("-in-", "aide-", "de-", "grown-"))], ends


def test_a_capitalised_word_is_never_hyphenated_though_the_same_word_in_lower_case_is() -> None:
    names = "Konstantinovich Alexandrovna Drubetskoy Mikhaylovna " * 4
    assert [end for end in line_ends(NARROW % ("normal", names.lower())) if end.endswith("\u2010")]
    assert not [end for end in line_ends(NARROW % ("normal", names)) if end.endswith("\u2010")]


def setting_runs(flags: list[bool]) -> list[int]:
    """Return the lengths of the runs of hyphenated lines."""
    return quality.runs(flags)
