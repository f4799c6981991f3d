"""``ebookgen epub``: build an EPUB 3 e-book."""

from __future__ import annotations

from ebookgen.cli.options import (
    AuthorOpt,
    EmbedFontsOpt,
    EncodingOpt,
    KoboOpt,
    LangOpt,
    NotesOpt,
    OutputOpt,
    ScenesOpt,
    SourceArg,
    ThemeOpt,
    TitleOpt,
)
from ebookgen.cli.plain import epub_built


def epub(
    source: SourceArg = None,
    output: OutputOpt = None,
    title: TitleOpt = None,
    author: AuthorOpt = None,
    lang: LangOpt = None,
    encoding: EncodingOpt = None,
    scene_breaks: ScenesOpt = None,
    author_notes: NotesOpt = None,
    kobo: KoboOpt = False,
    embed_fonts: EmbedFontsOpt = False,
    theme: ThemeOpt = None,
) -> None:
    """Build an EPUB 3 e-book."""
    epub_built(source, output, title, author, lang, encoding, scene_breaks, author_notes, kobo, embed_fonts, theme)
