"""``ebookgen kepub``: convert any EPUB into Kobo's kepub form, as kepubify does."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ebookgen.cli.console import SETTINGS, reported, say_notes

EpubArg = Annotated[Path, typer.Argument(help="Any EPUB: one ebookgen built, or FanFicFare's, AO3's, Calibre's.")]
KepubOutOpt = Annotated[
    Optional[Path], typer.Option("--output", "-o", help="Where to write it (default: NAME.kepub.epub beside the EPUB).")
]


def kepub(epub: EpubArg, output: KepubOutOpt = None) -> None:
    """Convert any EPUB into Kobo's kepub form: highlights, bookmarks and reading statistics on a Kobo."""
    with reported():
        from ebookgen.epub.kepub import convert_epub

        result = convert_epub(epub, output)
        say_notes(result.notes)
        if not SETTINGS.quiet:
            typer.echo(f"wrote {result.path} ({result.documents} documents in Kobo's markup)")
