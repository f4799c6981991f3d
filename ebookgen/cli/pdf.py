"""``ebookgen pdf``: build a print-ready PDF interior."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ebookgen.cli.console import SETTINGS, reported, say_notes, summarise
from ebookgen.cli.options import (
    MANUSCRIPT_OPTIONS,
    PRINT_OPTIONS,
    OutputOpt,
    SourceArg,
    manuscript_overrides,
    print_choices,
    taking,
)
from ebookgen.cli.summary import Written, chapter_progress
from ebookgen.pdf.headstart import started_early

if TYPE_CHECKING:
    from ebookgen.build import PrintChoices
    from ebookgen.project.manuscript import Overrides


@started_early
@taking("choices", PRINT_OPTIONS, print_choices)
@taking("overrides", MANUSCRIPT_OPTIONS, manuscript_overrides)
def pdf(
    source: SourceArg = None,
    output: OutputOpt = None,
    overrides: Overrides = None,
    choices: PrintChoices = None,
) -> None:
    """Build a print-ready PDF interior."""
    from ebookgen.pdf.headstart import dismiss

    with reported():
        from ebookgen.build import build_pdf

        try:
            with chapter_progress("Laying out the PDF", enabled=not SETTINGS.quiet) as progress:
                result = build_pdf(source, output, choices, progress, overrides=overrides)
        finally:
            dismiss()
        say_notes(result.notes)
        summarise([Written(result.path, result.pages)], result.chapters, result.words)
