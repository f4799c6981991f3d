"""Issue 31 item 14: no `Pango-CRITICAL` line reaches the writer's terminal from a PDF build.

Pango prints a failed argument check straight to standard error, past Python; the print layout sends
Pango's GLib messages to the ``ebookgen.pango`` logger instead. The check provokes a real Pango assertion
in the process after a layout (a tab array of negative size) and reads file descriptor 2 itself.
"""

from __future__ import annotations

import logging
from pathlib import Path

from ebookgen import build_pdf

from .conftest import run_cli


def provoke_pango_assertion() -> None:
    """Make Pango fail one of its own argument checks, as `pango_tab_array_new(-1)` does."""
    import cffi

    ffi = cffi.FFI()
    ffi.cdef("void* pango_tab_array_new(int initial_size, int positions_in_pixels);")
    ffi.dlopen("libpango-1.0.so.0").pango_tab_array_new(-1, 0)


def test_a_pango_assertion_after_a_layout_goes_to_logging_not_the_terminal(tmp_path: Path, capfd, caplog) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Chapter 1\n\nThe lamp\twas lit.\n", encoding="utf-8")
    capfd.readouterr()
    build_pdf(story, tmp_path / "book.pdf")
    with caplog.at_level(logging.DEBUG, logger="ebookgen.pango"):
        provoke_pango_assertion()
    assert "Pango" not in capfd.readouterr().err
    assert any("initial_size >= 0" in record.getMessage() for record in caplog.records)


def test_a_pdf_build_prints_no_pango_line(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Chapter 1\n\nThe lamp\twas lit. 日本語 and العربية.\n", encoding="utf-8")
    for quiet in ((), ("-q",)):
        result = run_cli(*quiet, "pdf", str(story), "-o", str(tmp_path / "book.pdf"))
        assert result.returncode == 0 and "Pango" not in result.stderr and "CRITICAL" not in result.stderr
