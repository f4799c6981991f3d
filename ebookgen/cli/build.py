"""``ebookgen build``: the PDF and the EPUB together, the EPUB carrying the print edition's page numbers."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ebookgen.cli.console import SETTINGS, reported, say_notes, summarise
from ebookgen.cli.options import (
    AuthorOpt,
    EmbedFontsOpt,
    EncodingOpt,
    KoboOpt,
    LangOpt,
    NotesOpt,
    ScenesOpt,
    SourceArg,
    TitleOpt,
)
from ebookgen.cli.summary import Written, chapter_progress

FolderOpt = Annotated[
    Optional[Path],
    typer.Option("--output", "-o", help="Folder to write the EPUB and the PDF into (default: dist)."),
]


def build(
    source: SourceArg = Path("manuscript"),
    output: FolderOpt = None,
    title: TitleOpt = None,
    author: AuthorOpt = None,
    lang: LangOpt = None,
    encoding: EncodingOpt = None,
    scene_breaks: ScenesOpt = None,
    author_notes: NotesOpt = None,
    kobo: KoboOpt = False,
    embed_fonts: EmbedFontsOpt = False,
) -> None:
    """Build the PDF and the EPUB together; the EPUB carries the print edition's page numbers."""
    with reported():
        from ebookgen.build import build_all
        from ebookgen.project.manuscript import Overrides

        overrides = Overrides(title, author, lang, encoding, scene_breaks, author_notes)
        with chapter_progress("Laying out the PDF, then the EPUB", enabled=not SETTINGS.quiet) as progress:
            result = build_all(
                source, output, kobo=kobo, embed_fonts=embed_fonts, progress=progress, overrides=overrides
            )
        say_notes(result.notes)
        written = [Written(result.pdf.path, result.pdf.pages), Written(result.epub.path)]
        summarise(written, result.chapters, result.words)
