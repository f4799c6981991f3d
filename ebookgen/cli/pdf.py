"""``ebookgen pdf``: build a print-ready PDF interior."""

from __future__ import annotations

from ebookgen.cli.console import SETTINGS, reported, say_notes, summarise
from ebookgen.cli.options import (
    AuthorOpt,
    BleedOpt,
    EncodingOpt,
    FontSizeOpt,
    JobsOpt,
    LangOpt,
    NoCacheOpt,
    NotesOpt,
    OutputOpt,
    ProfileOpt,
    RunningHeadOpt,
    ScenesOpt,
    SourceArg,
    ThemeOpt,
    TitleOpt,
    TrimOpt,
)
from ebookgen.cli.summary import Written, chapter_progress


def pdf(
    source: SourceArg = None,
    output: OutputOpt = None,
    title: TitleOpt = None,
    author: AuthorOpt = None,
    lang: LangOpt = None,
    encoding: EncodingOpt = None,
    scene_breaks: ScenesOpt = None,
    author_notes: NotesOpt = None,
    trim: TrimOpt = None,
    bleed: BleedOpt = False,
    profile: ProfileOpt = None,
    running_head: RunningHeadOpt = None,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    theme: ThemeOpt = None,
    font_size: FontSizeOpt = None,
) -> None:
    """Build a print-ready PDF interior."""
    with reported():
        from ebookgen.build import PrintChoices, build_pdf
        from ebookgen.project.manuscript import Overrides

        choices = PrintChoices(trim, profile, running_head, bleed, jobs, not no_cache, theme, font_size)
        overrides = Overrides(title, author, lang, encoding, scene_breaks, author_notes)
        with chapter_progress("Laying out the PDF", enabled=not SETTINGS.quiet) as progress:
            result = build_pdf(source, output, choices, progress, overrides=overrides)
        say_notes(result.notes)
        summarise([Written(result.path, result.pages)], result.chapters, result.words)
