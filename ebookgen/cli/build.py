"""``ebookgen build``: the PDF and the EPUB together, the EPUB carrying the print edition's page numbers."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ebookgen.cli.console import SETTINGS, reported, say_notes, summarise
from ebookgen.cli.options import (
    MANUSCRIPT_OPTIONS,
    PRINT_OPTIONS,
    EmbedFontsOpt,
    KoboOpt,
    SourceArg,
    manuscript_overrides,
    print_choices,
    taking,
)
from ebookgen.cli.summary import Written, chapter_progress

if TYPE_CHECKING:
    from ebookgen.build import PrintChoices
    from ebookgen.project.manuscript import Overrides

FolderOpt = Annotated[
    Optional[Path],
    typer.Option(
        "--output", "-o", help="Folder to write the EPUB and the PDF into (default: dist/ beside the manuscript)."
    ),
]


@taking("choices", PRINT_OPTIONS, print_choices)
@taking("overrides", MANUSCRIPT_OPTIONS, manuscript_overrides)
def build(
    source: SourceArg = None,
    output: FolderOpt = None,
    overrides: Overrides = None,
    kobo: KoboOpt = False,
    embed_fonts: EmbedFontsOpt = False,
    choices: PrintChoices = None,
) -> None:
    """Build the PDF and the EPUB together; the EPUB carries the print edition's page numbers."""
    with reported():
        from ebookgen.build import build_all

        with chapter_progress("Laying out the PDF, then the EPUB", enabled=not SETTINGS.quiet) as progress:
            result = build_all(source, output, kobo, embed_fonts, choices, progress, overrides=overrides)
        say_notes(result.notes)
        written = [Written(result.pdf.path, result.pdf.pages), Written(result.epub.path)]
        summarise(written, result.chapters, result.words)
