"""A one-process PDF layout reports its progress chapter by chapter, as the parallel one does."""

from __future__ import annotations

import logging
from pathlib import Path

from ebookgen.pdf import weasy
from ebookgen.pdf.options import PdfOptions
from ebookgen.pdf.writer import write_pdf

from .test_pdf_print import make_book


def test_one_process_progress_moves_chapter_by_chapter(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    write_pdf(make_book(8, parts=False), tmp_path / "book.pdf", PdfOptions(jobs=1), progress=lambda *c: calls.append(c))
    done = [count for count, total in calls]
    assert all(total == 8 for _, total in calls)
    assert done[0] == 0 and done[-1] == 8
    assert done == sorted(done), "progress never goes back"
    assert len(set(done)) >= 4, f"chapters reported along the way, not only at the ends: {done}"


def test_the_progress_log_is_heard_not_printed(tmp_path: Path, caplog) -> None:
    pages: list[int] = []
    with caplog.at_level(logging.INFO), weasy.pages_laid(pages.append):
        write_pdf(make_book(2, parts=False), tmp_path / "book.pdf", PdfOptions(jobs=1))
    assert pages[:3] == [1, 2, 3]
    assert not [record for record in caplog.records if record.name == "weasyprint.progress"]
    assert not logging.getLogger("weasyprint.progress").handlers  # the listener is gone afterwards
