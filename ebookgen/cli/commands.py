"""The ``ebookgen`` Typer application: the global options, and one module per command (``cli/<command>.py``).

Each command is option declarations and one call into the library, whose result it prints.
Domain errors (``EbookgenError``) become one line on stderr and a documented exit code; any
other error is one line too, and ``--verbose`` shows the traceback. Heavy libraries (ebooklib,
WeasyPrint, rich) are imported inside the commands so that ``ebookgen --help`` stays fast.
"""

from __future__ import annotations

from typing import Annotated

import typer

from ebookgen.cli.batch import batch
from ebookgen.cli.build import build
from ebookgen.cli.check import check
from ebookgen.cli.console import SETTINGS
from ebookgen.cli.cover import cover
from ebookgen.cli.epub import epub
from ebookgen.cli.group import EbookgenGroup
from ebookgen.cli.impose import impose
from ebookgen.cli.init import init
from ebookgen.cli.kepub import kepub
from ebookgen.cli.pdf import pdf
from ebookgen.cli.sideload import sideload
from ebookgen.cli.watch import watch
from ebookgen.errors import EXIT_CODES
from ebookgen.version import __version__

EPILOG = "Exit codes: " + "; ".join(f"{code} {meaning}" for code, meaning in EXIT_CODES.items()) + "."

app = typer.Typer(
    name="ebookgen",
    cls=EbookgenGroup,
    help="Turn a raw .txt manuscript into a valid EPUB 3 and a print-ready novel PDF.",
    epilog=EPILOG,
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)
for command in (epub, pdf, build, check, init, watch, sideload, kepub, batch, impose, cover):
    app.command()(command)


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
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print nothing but errors (also after the command).")
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Show tracebacks with errors (also after the command).")
    ] = False,
) -> None:
    """Turn a raw .txt manuscript into a valid EPUB 3 and a print-ready novel PDF."""
    SETTINGS.quiet, SETTINGS.verbose = quiet, verbose
