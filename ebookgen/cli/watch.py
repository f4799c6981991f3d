"""``ebookgen watch``: rebuild on every save and show the book live in a browser."""

from __future__ import annotations

from typing import Annotated

import typer

from ebookgen.cli.console import reported
from ebookgen.cli.options import LangOpt, SourceArg

PortOpt = Annotated[int, typer.Option("--port", min=0, max=65535, help="Port of the preview on localhost (0: any).")]
WithPdfOpt = Annotated[bool, typer.Option("--pdf", help="Rebuild the PDF too, and show its pages.")]


def watch(source: SourceArg = None, port: PortOpt = 8000, pdf: WithPdfOpt = False, lang: LangOpt = None) -> None:
    """Rebuild the book whenever a manuscript file or book.toml is saved, with a live preview on localhost."""
    with reported():
        from ebookgen.watch.run import watch_book

        watch_book(
            source, port, pdf, say=lambda line: typer.echo(line, err=line.startswith("ebookgen: error")), language=lang
        )
