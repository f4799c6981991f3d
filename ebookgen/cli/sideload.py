"""``ebookgen sideload``: copy the book onto a mounted e-reader, in the form that reader wants."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Annotated, Optional

import typer

from ebookgen.cli.console import SETTINGS, reported
from ebookgen.cli.options import AuthorOpt, EncodingOpt, LangOpt, NotesOpt, ScenesOpt, TitleOpt

BookArg = Annotated[Path, typer.Argument(help="A manuscript (file or folder), or a built .epub, .kepub.epub or .pdf.")]
DeviceOpt = Annotated[
    Optional[Path],
    typer.Option("--device", "-d", help="The e-reader's mount point (default: look under the usual mount points)."),
]
PdfOpt = Annotated[bool, typer.Option("--pdf", help="Copy the print PDF instead (the way to read on a Kindle).")]


def sideload(
    book: BookArg,
    device: DeviceOpt = None,
    pdf: PdfOpt = False,
    title: TitleOpt = None,
    author: AuthorOpt = None,
    lang: LangOpt = None,
    encoding: EncodingOpt = None,
    scene_breaks: ScenesOpt = None,
    author_notes: NotesOpt = None,
) -> None:
    """Copy the book onto a mounted e-reader, in the form that reader wants."""
    with reported():
        from ebookgen.build import open_project
        from ebookgen.devices.sideload import sideload as copy_to_reader
        from ebookgen.project.manuscript import Overrides

        overrides = Overrides(title, author, lang, encoding, scene_breaks, author_notes)
        result = copy_to_reader(book, device, want_pdf=pdf, prepare=partial(open_project, overrides=overrides))
        if not SETTINGS.quiet:
            typer.echo(f"copied {result.copied} to your {result.device.label} ({result.device.root})")
            for note in result.notes:
                typer.echo(note)
