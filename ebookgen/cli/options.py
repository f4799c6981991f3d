"""The options several commands share, declared once; the library settles every default they leave as None."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

SourceArg = Annotated[
    Path,
    typer.Argument(help="A .txt or .md manuscript, or a manuscript folder (with or without book.toml)."),
]
OutputOpt = Annotated[
    Optional[Path], typer.Option("--output", "-o", help="Where to write the book (default: dist/<slug>.<ext>).")
]
TitleOpt = Annotated[Optional[str], typer.Option("--title", help="Book title (overrides book.toml or the file name).")]
AuthorOpt = Annotated[Optional[str], typer.Option("--author", help="Author name (overrides book.toml).")]
LangOpt = Annotated[
    Optional[str], typer.Option("--lang", help="Language tag such as en or en-GB (overrides book.toml).")
]
KoboOpt = Annotated[
    bool, typer.Option("--kobo", help="Write a Kobo .kepub.epub (sentence spans, Kobo's body wrapper).")
]
EmbedFontsOpt = Annotated[
    bool, typer.Option("--embed-fonts", help="Embed the book font (EB Garamond, subset to the text) in the EPUB.")
]
EncodingOpt = Annotated[
    Optional[str],
    typer.Option("--encoding", help="Read the text files in this encoding (cp1252, latin-1...) instead of detecting."),
]
ScenesOpt = Annotated[
    Optional[str],
    typer.Option(
        "--scene-breaks",
        help="markers: only marker lines break scenes; blank-lines: every run of 2+ blank lines does too "
        "(default: book.toml or markers).",
    ),
]
NotesOpt = Annotated[
    Optional[str],
    typer.Option("--author-notes", help="keep or drop author's notes (A/N:, Disclaimer:); default: book.toml or keep."),
]
