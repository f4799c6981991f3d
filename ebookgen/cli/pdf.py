"""``ebookgen pdf``: build a print-ready PDF interior."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ebookgen.cli.console import SETTINGS, reported, say_notes, summarise
from ebookgen.cli.options import (
    AuthorOpt,
    EncodingOpt,
    LangOpt,
    NotesOpt,
    OutputOpt,
    ScenesOpt,
    SourceArg,
    TitleOpt,
)
from ebookgen.cli.summary import Written, chapter_progress

TrimOpt = Annotated[
    Optional[str],
    typer.Option(
        "--trim",
        help="Trim size: 5x8, 5.25x8, 5.5x8.5, 6x9, A5, or WxH in inches (or mm); default: book.toml or 5.5x8.5.",
    ),
]
BleedOpt = Annotated[
    bool, typer.Option("--bleed", help="Add 0.125 in of bleed on the top, bottom and outside edge (not the spine's).")
]
ProfileOpt = Annotated[
    Optional[str],
    typer.Option(
        "--profile",
        help="print (bookmarks), kdp (no bookmarks or links), ingram (PDF/X), screen; default: book.toml or print.",
    ),
]
RunningHeadOpt = Annotated[
    Optional[str],
    typer.Option(
        "--running-head", help="What rectos carry at the top: the book's title or the chapter's; default: title."
    ),
]
JobsOpt = Annotated[
    Optional[int],
    typer.Option("--jobs", "-j", min=0, help="Worker processes for the layout (0, the default: one per core)."),
]


def pdf(
    source: SourceArg = Path("manuscript"),
    output: OutputOpt = None,
    title: TitleOpt = None,
    author: AuthorOpt = None,
    lang: LangOpt = None,
    encoding: EncodingOpt = None,
    scene_breaks: ScenesOpt = None,
    author_notes: NotesOpt = None,
    trim: TrimOpt = None,
    bleed: BleedOpt = False,
    profile: ProfileOpt = None,
    running_head: RunningHeadOpt = None,
    jobs: JobsOpt = None,
) -> None:
    """Build a print-ready PDF interior."""
    with reported():
        from ebookgen.build import PrintChoices, build_pdf
        from ebookgen.project.manuscript import Overrides

        choices = PrintChoices(trim, profile, running_head, bleed, jobs)
        overrides = Overrides(title, author, lang, encoding, scene_breaks, author_notes)
        with chapter_progress("Laying out the PDF", enabled=not SETTINGS.quiet) as progress:
            result = build_pdf(source, output, choices, progress, overrides=overrides)
        say_notes(result.notes)
        summarise([Written(result.path, result.pages)], result.chapters, result.words)
