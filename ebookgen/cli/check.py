"""``ebookgen check``: what the normaliser could not be sure of, as FILE:LINE: messages."""

from __future__ import annotations

from pathlib import Path

import typer

from ebookgen.cli.console import SETTINGS, escaped, reported
from ebookgen.cli.options import EncodingOpt, NotesOpt, ScenesOpt, SourceArg


def check(
    source: SourceArg = Path("manuscript"),
    encoding: EncodingOpt = None,
    scene_breaks: ScenesOpt = None,
    author_notes: NotesOpt = None,
) -> None:
    """List what the normaliser could not be sure of, as FILE:LINE: messages; exit 1 on an error."""
    with reported():
        from ebookgen.build import check_manuscript
        from ebookgen.project.manuscript import Overrides

        overrides = Overrides(encoding=encoding, scene_breaks=scene_breaks, author_notes=author_notes)
        result = check_manuscript(source, overrides)
        for line in result.lines:
            typer.echo(escaped(line))
        if not SETTINGS.quiet:
            typer.echo(result.summary, err=True)
    raise typer.Exit(code=1 if result.errors else 0)
