"""The options several commands share, made from the settings table; the library settles every default left None.

Each ``...Opt`` is the typer annotation of one row of ``ebookgen.settings.table``: its flags, its help
and, for a number, its least value. A test holds every command's options to the table.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ebookgen.settings import setting

SourceArg = Annotated[
    Optional[Path],
    typer.Argument(
        help="A manuscript (.txt, .md, .docx, .html, .epub) or a manuscript folder (with or without book.toml); "
        "default: manuscript/ here.",
        show_default=False,
    ),
]


def option(name: str):
    """Return the typer annotation of the named setting: a flag for a yes/no, else a value left None by default."""
    row = setting(name)
    extra = {"min": row.least} if row.least is not None else {}
    declared = typer.Option(*row.flags, help=row.option_help, show_default=False, **extra)
    return Annotated[bool if row.kind is bool else Optional[row.kind], declared]


OutputOpt = option("output")
TitleOpt = option("title")
AuthorOpt = option("author")
LangOpt = option("language")
KoboOpt = option("kobo")
EmbedFontsOpt = option("embed_fonts")
EncodingOpt = option("encoding")
ScenesOpt = option("scene_breaks")
NotesOpt = option("author_notes")
TrimOpt = option("trim")
BleedOpt = option("bleed")
ProfileOpt = option("profile")
RunningHeadOpt = option("running_head")
JobsOpt = option("jobs")
NoCacheOpt = option("no_cache")
ThemeOpt = option("theme")
FontSizeOpt = option("font_size")
