"""The ``ebookgen`` command line: option declarations and one call into the library each.

Domain errors (``EbookgenError``) become one line on stderr and a documented exit code.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__
from .errors import EbookgenError

app = typer.Typer(
    name="ebookgen",
    help="Turn a raw .txt manuscript into a valid EPUB 3 and a print-ready novel PDF.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)

SourceArg = Annotated[
    Path,
    typer.Argument(help="A .txt manuscript or a manuscript folder with book.toml.", show_default=True),
]
OutputOpt = Annotated[
    Optional[Path], typer.Option("--output", "-o", help="Where to write the book (default: dist/<slug>.<ext>).")
]
TitleOpt = Annotated[Optional[str], typer.Option("--title", help="Book title (overrides book.toml or the file name).")]
AuthorOpt = Annotated[Optional[str], typer.Option("--author", help="Author name (overrides book.toml).")]
LangOpt = Annotated[
    Optional[str], typer.Option("--lang", help="Language tag such as en or en-GB (overrides book.toml).")
]


def fail(error: EbookgenError) -> None:
    """Print one line for a domain error and exit with its code."""
    typer.echo(f"ebookgen: error: {error}", err=True)
    raise typer.Exit(code=error.exit_code)


def version_callback(value: bool) -> None:
    """Print the version and exit."""
    if value:
        typer.echo(f"ebookgen {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool, typer.Option("--version", callback=version_callback, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Turn a raw .txt manuscript into a valid EPUB 3 and a print-ready novel PDF."""


def prepare(source: Path, title: str | None, author: str | None, lang: str | None):
    """Load the project and apply command-line overrides."""
    from .project import load_project, with_overrides

    return with_overrides(load_project(source), title, author, lang)


@app.command()
def epub(
    source: SourceArg = Path("manuscript"),
    output: OutputOpt = None,
    title: TitleOpt = None,
    author: AuthorOpt = None,
    lang: LangOpt = None,
) -> None:
    """Build an EPUB 3 e-book."""
    from .build import build_epub

    try:
        path = build_epub(prepare(source, title, author, lang), output)
    except EbookgenError as error:
        fail(error)
    typer.echo(f"wrote {path}")


@app.command()
def pdf(
    source: SourceArg = Path("manuscript"),
    output: OutputOpt = None,
    title: TitleOpt = None,
    author: AuthorOpt = None,
    lang: LangOpt = None,
    trim: Annotated[
        str, typer.Option("--trim", help="Trim size: 5x8, 5.25x8, 5.5x8.5, 6x9, A5, or WxH in inches (or mm).")
    ] = "5.5x8.5",
    bleed: Annotated[bool, typer.Option("--bleed", help="Add 0.125 in of bleed around every page.")] = False,
    profile: Annotated[
        str, typer.Option("--profile", help="print (bookmarks), kdp (no bookmarks or links), ingram (PDF/X), screen.")
    ] = "print",
    running_head: Annotated[
        str, typer.Option("--running-head", help="What rectos carry at the top: the book's title or the chapter's.")
    ] = "title",
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=0, help="Worker processes for the layout (0: one per core).")
    ] = 0,
) -> None:
    """Build a print-ready PDF interior."""
    from .build import build_pdf

    try:
        options = pdf_options(trim, bleed, profile, running_head, jobs)
        result = build_pdf(prepare(source, title, author, lang), output, options)
    except EbookgenError as error:
        fail(error)
    typer.echo(f"wrote {result.path} ({result.pages} pages)")


@app.command()
def check(source: SourceArg = Path("manuscript")) -> None:
    """List what the normaliser could not be sure of, as FILE:LINE: messages; exit 1 on an error."""
    from .check import check_project

    try:
        result = check_project(prepare(source, None, None, None))
    except EbookgenError as error:
        fail(error)
    for line in result.lines:
        typer.echo(line)
    typer.echo(result.summary, err=True)
    raise typer.Exit(code=1 if result.errors else 0)


def pdf_options(trim: str, bleed: bool, profile: str, running_head: str, jobs: int):
    """Check the pdf command's page options and gather them."""
    from .pdf import PdfOptions, profile_for
    from .trim import parse_trim

    profile_for(profile)
    if running_head not in ("title", "chapter"):
        from .errors import ConfigError

        raise ConfigError(f"--running-head must be title or chapter, not {running_head!r}")
    return PdfOptions(trim=parse_trim(trim), bleed=bleed, profile=profile, recto_head=running_head, jobs=jobs)


def main() -> None:
    """Run the CLI."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("ebookgen: interrupted; nothing was written", err=True)
        sys.exit(130)
