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
KoboOpt = Annotated[
    bool, typer.Option("--kobo", help="Write a Kobo .kepub.epub (sentence spans, Kobo's body wrapper).")
]
EmbedFontsOpt = Annotated[
    bool, typer.Option("--embed-fonts", help="Embed the book font (EB Garamond, subset to the text) in the EPUB.")
]
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
    kobo: KoboOpt = False,
    embed_fonts: EmbedFontsOpt = False,
) -> None:
    """Build an EPUB 3 e-book."""
    from .build import build_epub

    try:
        path = build_epub(prepare(source, title, author, lang), output, kobo=kobo, embed_fonts=embed_fonts)
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
) -> None:
    """Build a print-ready PDF interior."""
    from .build import build_pdf

    try:
        result = build_pdf(prepare(source, title, author, lang), output)
    except EbookgenError as error:
        fail(error)
    typer.echo(f"wrote {result.path} ({result.pages} pages)")


@app.command()
def build(
    source: SourceArg = Path("manuscript"),
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", help="Folder to write the EPUB and the PDF into (default: dist)."),
    ] = None,
    title: TitleOpt = None,
    author: AuthorOpt = None,
    lang: LangOpt = None,
    kobo: KoboOpt = False,
    embed_fonts: EmbedFontsOpt = False,
) -> None:
    """Build the PDF and the EPUB together; the EPUB carries the print edition's page numbers."""
    from .build import build_all

    try:
        result = build_all(prepare(source, title, author, lang), output, kobo=kobo, embed_fonts=embed_fonts)
    except EbookgenError as error:
        fail(error)
    typer.echo(f"wrote {result.pdf.path} ({result.pdf.pages} pages)")
    typer.echo(f"wrote {result.epub} (page list from the PDF)")


def main() -> None:
    """Run the CLI."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("ebookgen: interrupted; nothing was written", err=True)
        sys.exit(130)
