"""``ebookgen init``: start a manuscript project that builds at once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ebookgen.cli.console import SETTINGS, reported
from ebookgen.cli.options import AuthorOpt, LangOpt, TitleOpt


def init(
    folder: Annotated[Path, typer.Argument(help="The folder to create the project in (created if missing).")],
    title: TitleOpt = None,
    author: AuthorOpt = None,
    lang: LangOpt = None,
) -> None:
    """Start a manuscript project: a commented book.toml, a first chapter and a .gitignore."""
    with reported():
        from ebookgen.project.init import create_project

        written = create_project(folder, title=title, author=author, language=lang)
        if not SETTINGS.quiet:
            for path in written:
                typer.echo(f"created {path}")
            typer.echo(f"next: ebookgen epub {folder}   (or: ebookgen pdf {folder})")
