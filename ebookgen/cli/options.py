"""The options several commands share, declared once; the library settles every default they leave as None."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

SourceArg = Annotated[
    Optional[Path],
    typer.Argument(
        help="A .txt or .md manuscript, or a manuscript folder (with or without book.toml); default: manuscript/ here.",
        show_default=False,
    ),
]
OutputOpt = Annotated[
    Optional[Path],
    typer.Option("--output", "-o", help="Where to write the book (default: dist/<slug>.<ext> beside the manuscript)."),
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
TrimOpt = Annotated[
    Optional[str],
    typer.Option(
        "--trim",
        help="Trim size: 5x8, 5.25x8, 5.5x8.5, 6x9, A5, or WxH in inches (or mm); default: book.toml or 5.5x8.5.",
    ),
]
BleedOpt = Annotated[
    bool, typer.Option("--bleed", help="Add 0.125 in of bleed on the top, bottom and outside edge (not the spine's).")
]
ProfileOpt = Annotated[
    Optional[str],
    typer.Option(
        "--profile",
        help="print (bookmarks), kdp (no bookmarks or links), ingram (PDF/X), screen; default: book.toml or print.",
    ),
]
RunningHeadOpt = Annotated[
    Optional[str],
    typer.Option(
        "--running-head", help="What rectos carry at the top: the book's title or the chapter's; default: title."
    ),
]
JobsOpt = Annotated[
    Optional[int],
    typer.Option("--jobs", "-j", min=0, help="Worker processes for the layout (0, the default: one per core)."),
]
NoCacheOpt = Annotated[
    bool,
    typer.Option("--no-cache", help="Lay every chunk out again instead of reusing the ones laid out before."),
]
ThemeOpt = Annotated[
    Optional[str],
    typer.Option(
        "--theme",
        help="The book's design, for the PDF and the EPUB: classic (the default), modern, romance or large-print "
        "(default: book.toml's theme).",
    ),
]
FontSizeOpt = Annotated[
    Optional[float],
    typer.Option(
        "--font-size",
        help="The print edition's body size in points (8 to 24); 16 and up sets a large-print edition: ragged right, "
        "no hyphenation, open leading (default: book.toml or the theme's).",
        show_default=False,
    ),
]
