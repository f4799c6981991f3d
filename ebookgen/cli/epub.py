"""``ebookgen epub``: build an EPUB 3 e-book."""

from __future__ import annotations

from ebookgen.cli.console import SETTINGS, reported, say_notes, summarise
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
from ebookgen.cli.summary import Written, working


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
    with reported():
        from ebookgen.build import build_epub
        from ebookgen.project.manuscript import Overrides

        overrides = Overrides(title, author, lang, encoding, scene_breaks, author_notes)
        with working("Building the EPUB", enabled=not SETTINGS.quiet):
            result = build_epub(source, output, kobo, embed_fonts, overrides, theme)
        say_notes(result.notes)
        summarise([Written(result.path)], result.chapters, result.words)
