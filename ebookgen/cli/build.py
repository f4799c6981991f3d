"""``ebookgen build``: the PDF and the EPUB together, the EPUB carrying the print edition's page numbers."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ebookgen.cli.console import SETTINGS, reported, say_notes, summarise
from ebookgen.cli.options import (
    AuthorOpt,
    BleedOpt,
    EmbedFontsOpt,
    EncodingOpt,
    FontSizeOpt,
    JobsOpt,
    KoboOpt,
    LangOpt,
    NoCacheOpt,
    NotesOpt,
    ProfileOpt,
    RunningHeadOpt,
    ScenesOpt,
    SourceArg,
    ThemeOpt,
    TitleOpt,
    TrimOpt,
)
from ebookgen.cli.summary import Written, chapter_progress

FolderOpt = Annotated[
    Optional[Path],
    typer.Option(
        "--output", "-o", help="Folder to write the EPUB and the PDF into (default: dist/ beside the manuscript)."
    ),
]


def build(
    source: SourceArg = None,
    output: FolderOpt = None,
    title: TitleOpt = None,
    author: AuthorOpt = None,
    lang: LangOpt = None,
    encoding: EncodingOpt = None,
    scene_breaks: ScenesOpt = None,
    author_notes: NotesOpt = None,
    kobo: KoboOpt = False,
    embed_fonts: EmbedFontsOpt = False,
    trim: TrimOpt = None,
    bleed: BleedOpt = False,
    profile: ProfileOpt = None,
    running_head: RunningHeadOpt = None,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    theme: ThemeOpt = None,
    font_size: FontSizeOpt = None,
) -> None:
    """Build the PDF and the EPUB together; the EPUB carries the print edition's page numbers."""
    with reported():
        from ebookgen.build import PrintChoices, build_all
        from ebookgen.project.manuscript import Overrides

        overrides = Overrides(title, author, lang, encoding, scene_breaks, author_notes)
        with chapter_progress("Laying out the PDF, then the EPUB", enabled=not SETTINGS.quiet) as progress:
            choices = PrintChoices(trim, profile, running_head, bleed, jobs, not no_cache, theme, font_size)
            result = build_all(source, output, kobo, embed_fonts, choices, progress, overrides=overrides)
        say_notes(result.notes)
        written = [Written(result.pdf.path, result.pdf.pages), Written(result.epub.path)]
        summarise(written, result.chapters, result.words)
