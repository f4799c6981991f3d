"""A WeasyPrint without the private parts the parallel layout hooks: the book is laid out in one process."""

from __future__ import annotations

from pathlib import Path

import pytest

from ebookgen.pdf import weasy
from ebookgen.pdf.options import PdfOptions
from ebookgen.pdf.writer import write_pdf

from .test_pdf_print import make_book, page_texts


def test_the_probe_passes_on_the_installed_weasyprint() -> None:
    assert weasy.probe() == ""


def test_the_probe_names_a_missing_hook(monkeypatch) -> None:
    monkeypatch.setattr(weasy, "MARGIN_HOOK", ("weasyprint.layout", "make_margin_boxes_renamed"))
    assert "make_margin_boxes_renamed" in weasy.probe()


def test_the_probe_fails_when_a_hook_no_longer_numbers_the_pages(monkeypatch) -> None:
    from contextlib import nullcontext

    monkeypatch.setattr(weasy, "numbered_from", lambda first_folio: nullcontext())
    assert weasy.probe().startswith("no ")


@pytest.mark.slow
def test_a_missing_hook_gives_the_one_process_pdf_with_one_note(tmp_path: Path, monkeypatch) -> None:
    book = make_book(6)
    single = write_pdf(book, tmp_path / "single.pdf", PdfOptions(jobs=1, year=2030))
    # The workers fork from this process, so they inherit the renamed hook, as from an older WeasyPrint.
    monkeypatch.setattr(weasy, "MARGIN_HOOK", ("weasyprint.layout", "make_margin_boxes_renamed"))
    fallback = write_pdf(book, tmp_path / "fallback.pdf", PdfOptions(jobs=2, year=2030))
    assert len(fallback.notes) == 1 and "one process" in fallback.notes[0]
    assert "make_margin_boxes_renamed" in fallback.notes[0]
    assert single.notes == ()
    assert fallback.pages == single.pages and fallback.folios == single.folios
    assert fallback.anchors == single.anchors and fallback.page_starts == single.page_starts
    assert page_texts(fallback.path) == page_texts(single.path)


@pytest.mark.slow
def test_the_command_line_says_so_in_one_line_and_exits_0(tmp_path: Path, monkeypatch) -> None:
    from typer.testing import CliRunner

    from ebookgen.cli.app import app

    story = tmp_path / "story.txt"
    story.write_text("\n\n".join(f"Chapter {n}\n\n" + "A line of the story. " * 60 for n in range(1, 4)))
    monkeypatch.setattr(weasy, "MARGIN_HOOK", ("weasyprint.layout", "make_margin_boxes_renamed"))
    result = CliRunner().invoke(app, ["pdf", str(story), "-o", str(tmp_path / "book.pdf"), "--jobs", "2"])
    assert result.exit_code == 0, result.output
    notes = [line for line in result.stderr.splitlines() if "one process" in line]
    assert len(notes) == 1 and notes[0].startswith("ebookgen: warning: ")
    assert (tmp_path / "book.pdf").stat().st_size > 1000
