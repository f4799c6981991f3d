"""The setting of the print interior: hyphens, loose lines and spreads, as ebookgen.pdf.measure (bench/quality.py)
measures them from the PDF's word boxes (docs/setting.md); the measure's own tests are in test_quality_measure.py."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ebookgen.cli.app import app
from ebookgen.pdf import weasy
from ebookgen.pdf.measure import measure
from ebookgen.pdf.measure.hyphens import runs
from ebookgen.pdf.weasy import setting


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
    quality = measure(target)
    assert quality.body_lines > 300 and quality.openers == 4
    assert quality.hyphens.runs_of_three == 0, quality.hyphens
    assert quality.hyphens.short_carry_overs == 0, quality.hyphens.short_examples
    assert quality.opening_hyphens == 0
    assert 0 < quality.hyphenated_percent <= 12.0  # a 66-character measure (was 77) hyphenates more lines


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


def test_a_german_noun_hyphenates_though_it_opens_with_a_capital() -> None:
    nouns = "Rechtsschutzversicherungsgesellschaften Donaudampfschifffahrt " * 4
    german = NARROW.replace('lang="en"', 'lang="de"')
    assert [end for end in line_ends(german % ("normal", nouns)) if end.endswith("\u2010")]


def setting_runs(flags: list[bool]) -> list[int]:
    """Return the lengths of the runs of hyphenated lines."""
    return runs(flags)
