"""``ebookgen check``: what the normaliser could not be sure of, as FILE:LINE: messages.

Given a PDF (``ebookgen check BOOK.pdf --profile kdp|ingram``), it is a printer's preflight instead:
one line per failure, exit 1 when there is any.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ebookgen.cli.console import SETTINGS, escaped, reported
from ebookgen.cli.options import EncodingOpt, LangOpt, NotesOpt, ScenesOpt, SourceArg
from ebookgen.pdf.printers import PRINTERS

SERVICES = " or ".join(f"{printer.name}'s" for printer in PRINTERS.values() if printer.service)
PreflightOpt = Annotated[
    Optional[str],
    typer.Option("--profile", help=f"For a PDF: check it as {SERVICES} preflight would (default: kdp)."),
]
CoverOfOpt = Annotated[
    Optional[Path], typer.Option("--interior", help="For a cover PDF: the interior it must wrap (its size is checked).")
]
CoverPaperOpt = Annotated[
    Optional[str], typer.Option("--paper", help="For a cover PDF: white or cream (default: either).")
]
ExpectedTrimOpt = Annotated[
    Optional[str], typer.Option("--trim", help="For a PDF: the trim it must have, such as 6x9 (default: any trim).")
]


def check(
    source: SourceArg = None,
    encoding: EncodingOpt = None,
    scene_breaks: ScenesOpt = None,
    author_notes: NotesOpt = None,
    profile: PreflightOpt = None,
    trim: ExpectedTrimOpt = None,
    lang: LangOpt = None,
    interior: CoverOfOpt = None,
    paper: CoverPaperOpt = None,
) -> None:
    """List what the normaliser could not be sure of, or what a printer's preflight rejects in a PDF; exit 1 on any."""
    if source is not None and source.suffix.lower() == ".pdf" and interior is not None:
        cover_preflight(source, interior, profile, paper)
    if source is not None and source.suffix.lower() == ".pdf":
        preflight(source, profile, trim)
    with reported():
        from ebookgen.build import check_manuscript
        from ebookgen.errors import ConfigError
        from ebookgen.project.manuscript import Overrides

        if profile or trim or interior or paper:
            raise ConfigError("--profile, --trim, --interior and --paper check a PDF: give BOOK.pdf, not a manuscript")
        overrides = Overrides(language=lang, encoding=encoding, scene_breaks=scene_breaks, author_notes=author_notes)
        result = check_manuscript(source, overrides)
        for line in result.lines:
            typer.echo(escaped(line))
        if not SETTINGS.quiet:
            for line in (*result.readers, *result.metadata):
                typer.echo(escaped(line), err=True)
            typer.echo(result.summary, err=True)
    raise typer.Exit(code=1 if result.errors else 0)


def preflight(source: Path, profile: str | None, trim: str | None) -> None:
    """Print each failure of a PDF's preflight as PATH: line, and exit 1 when there is any."""
    with reported():
        from ebookgen.build import preflight_pdf

        result = preflight_pdf(source, profile or "kdp", trim)
        for line in result.failures:
            typer.echo(f"{source}: {line}")
        if not SETTINGS.quiet:
            count = len(result.failures)
            verdict = f"{count} failure{'s' if count > 1 else ''}" if count else "passes"
            typer.echo(
                f"{source}: {verdict} ({result.profile} preflight, {result.pages} pages, {result.trim})", err=True
            )
    raise typer.Exit(code=1 if result.failures else 0)


def cover_preflight(cover: Path, interior: Path, profile: str | None, paper: str | None) -> None:
    """Print each way a cover PDF does not fit its interior as PATH: line, and exit 1 when there is any."""
    with reported():
        from ebookgen.cover.make import cover_failures

        failures = cover_failures(cover, interior, profile or "kdp", paper)
        for line in failures:
            typer.echo(f"{cover}: {line}")
        if not SETTINGS.quiet and not failures:
            typer.echo(f"{cover}: passes ({profile or 'kdp'} cover for {interior})", err=True)
    raise typer.Exit(code=1 if failures else 0)
