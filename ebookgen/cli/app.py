"""The ``ebookgen`` command line: option declarations and one call into the library each.

Domain errors (``EbookgenError``) become one line on stderr and a documented exit code; any
other error is one line too, and ``--verbose`` shows the traceback. Heavy libraries (ebooklib,
WeasyPrint, rich) are imported inside the commands so that ``ebookgen --help`` stays fast.
"""

from __future__ import annotations

import contextlib
import sys
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Optional

import typer

from ebookgen.errors import EXIT_CODES, EbookgenError
from ebookgen.version import __version__

EPILOG = "Exit codes: " + "; ".join(f"{code} {meaning}" for code, meaning in EXIT_CODES.items()) + "."

app = typer.Typer(
    name="ebookgen",
    help="Turn a raw .txt manuscript into a valid EPUB 3 and a print-ready novel PDF.",
    epilog=EPILOG,
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)

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


@dataclass
class Settings:
    """The global options, set once per invocation."""

    quiet: bool = False
    verbose: bool = False


SETTINGS = Settings()


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
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show tracebacks with errors.")] = False,
) -> None:
    """Turn a raw .txt manuscript into a valid EPUB 3 and a print-ready novel PDF."""
    SETTINGS.quiet, SETTINGS.verbose = quiet, verbose


def say_error(message: str) -> None:
    """Print one error line on stderr, with the traceback first when --verbose is on."""
    if SETTINGS.verbose and sys.exc_info()[0] is not None:
        typer.echo(traceback.format_exc().rstrip(), err=True)
    typer.echo(f"ebookgen: error: {message}", err=True)


@contextlib.contextmanager
def reported() -> Iterator[None]:
    """Turn whatever a command raises into one line on stderr and its documented exit code."""
    try:
        yield
    except typer.Exit:
        raise
    except EbookgenError as error:
        say_error(str(error))
        raise typer.Exit(code=error.exit_code) from None
    except KeyboardInterrupt:
        say_error("interrupted; nothing was written")
        raise typer.Exit(code=130) from None
    except MemoryError:
        say_error("out of memory; close other programs or split the manuscript into several files")
        raise typer.Exit(code=1) from None
    except Exception as error:  # A bug: still one line, and the way to see more.
        say_error(f"unexpected {type(error).__name__}: {error}; run again with --verbose and report it")
        raise typer.Exit(code=1) from None


def prepare(
    source: Path,
    title: str | None,
    author: str | None,
    lang: str | None,
    encoding: str | None = None,
    scene_breaks: str | None = None,
    author_notes: str | None = None,
):
    """Load the project and apply command-line overrides."""
    from ebookgen.project.manuscript import load_project, with_normalise_overrides, with_overrides

    project = with_overrides(load_project(source), title, author, lang, encoding)
    return with_normalise_overrides(project, scene_breaks, author_notes)


def say_notes(notes) -> None:
    """Print what the library did differently, one warning line each, on stderr (not with --quiet)."""
    for note in () if SETTINGS.quiet else notes:
        typer.echo(f"ebookgen: warning: {note}", err=True)


def summarise(written: list, stats=None) -> None:
    """Print the closing summary unless --quiet: files, sizes, pages, chapters, words, reading time."""
    if SETTINGS.quiet:
        return
    from ebookgen.cli.summary import print_summary

    print_summary(written, stats)


@app.command()
def epub(
    source: SourceArg = Path("manuscript"),
    output: OutputOpt = None,
    title: TitleOpt = None,
    author: AuthorOpt = None,
    lang: LangOpt = None,
    encoding: EncodingOpt = None,
    scene_breaks: ScenesOpt = None,
    author_notes: NotesOpt = None,
    kobo: KoboOpt = False,
    embed_fonts: EmbedFontsOpt = False,
) -> None:
    """Build an EPUB 3 e-book."""
    with reported():
        from ebookgen.build import build_epub
        from ebookgen.cli.summary import Written, stats_of_epub, working

        with working("Building the EPUB", enabled=not SETTINGS.quiet):
            project = prepare(source, title, author, lang, encoding, scene_breaks, author_notes)
            path = build_epub(project, output, kobo=kobo, embed_fonts=embed_fonts)
        summarise([Written(path)], stats_of_epub(path))


@app.command()
def pdf(
    source: SourceArg = Path("manuscript"),
    output: OutputOpt = None,
    title: TitleOpt = None,
    author: AuthorOpt = None,
    lang: LangOpt = None,
    encoding: EncodingOpt = None,
    scene_breaks: ScenesOpt = None,
    author_notes: NotesOpt = None,
    trim: Annotated[
        Optional[str],
        typer.Option(
            "--trim",
            help="Trim size: 5x8, 5.25x8, 5.5x8.5, 6x9, A5, or WxH in inches (or mm); default: book.toml or 5.5x8.5.",
        ),
    ] = None,
    bleed: Annotated[bool, typer.Option("--bleed", help="Add 0.125 in of bleed around every page.")] = False,
    profile: Annotated[
        Optional[str],
        typer.Option(
            "--profile",
            help="print (bookmarks), kdp (no bookmarks or links), ingram (PDF/X), screen; default: book.toml or print.",
        ),
    ] = None,
    running_head: Annotated[
        str, typer.Option("--running-head", help="What rectos carry at the top: the book's title or the chapter's.")
    ] = "title",
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=0, help="Worker processes for the layout (0: one per core).")
    ] = 0,
) -> None:
    """Build a print-ready PDF interior."""
    with reported():
        from ebookgen.build import load_book
        from ebookgen.cli.summary import Written, stats_of_book

        project = prepare(source, title, author, lang, encoding, scene_breaks, author_notes)
        trim, profile = trim or project.trim or "5.5x8.5", profile or project.profile or "print"
        options = pdf_options(trim, bleed, profile, running_head, jobs)
        result = build_pdf_with_progress(project, output, options=options)
        say_notes(result.notes)
        summarise([Written(result.path, result.pages)], stats_of_book(load_book(project)))


def build_pdf_with_progress(project, output: Path | None, **options):
    """Build the PDF, with a per-chapter progress bar when the PDF writer reports progress."""
    import inspect

    from ebookgen.build import build_pdf
    from ebookgen.cli.summary import chapter_progress, working

    shown = not SETTINGS.quiet
    if "progress" in inspect.signature(build_pdf).parameters:
        with chapter_progress("Laying out the PDF", enabled=shown) as progress:
            return build_pdf(project, output, progress=progress, **options)
    with working("Laying out the PDF", enabled=shown):
        return build_pdf(project, output, **options)


def pdf_options(trim: str, bleed: bool, profile: str, running_head: str, jobs: int):
    """Check the pdf command's page options and gather them."""
    from ebookgen.errors import ConfigError
    from ebookgen.pdf.options import PdfOptions, profile_for
    from ebookgen.pdf.trim import parse_trim

    profile_for(profile)
    if running_head not in ("title", "chapter"):
        raise ConfigError(f"--running-head must be title or chapter, not {running_head!r}")
    return PdfOptions(trim=parse_trim(trim), bleed=bleed, profile=profile, recto_head=running_head, jobs=jobs)


@app.command()
def check(
    source: SourceArg = Path("manuscript"),
    encoding: EncodingOpt = None,
    scene_breaks: ScenesOpt = None,
    author_notes: NotesOpt = None,
) -> None:
    """List what the normaliser could not be sure of, as FILE:LINE: messages; exit 1 on an error."""
    with reported():
        from ebookgen.normalise.check import check_project

        result = check_project(prepare(source, None, None, None, encoding, scene_breaks, author_notes))
        for line in result.lines:
            typer.echo(line)
        if not SETTINGS.quiet:
            typer.echo(result.summary, err=True)
    raise typer.Exit(code=1 if result.errors else 0)


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(help="The folder to create the project in (created if missing).")],
    title: TitleOpt = None,
    author: AuthorOpt = None,
) -> None:
    """Start a manuscript project: a commented book.toml, a first chapter and a .gitignore."""
    with reported():
        from ebookgen.project.init import create_project

        written = create_project(folder, title=title, author=author)
        if not SETTINGS.quiet:
            for path in written:
                typer.echo(f"created {path}")
            typer.echo(f"next: ebookgen epub {folder}   (or: ebookgen pdf {folder})")


@app.command()
def sideload(
    book: Annotated[Path, typer.Argument(help="A manuscript (file or folder), or a built .epub, .kepub.epub or .pdf.")],
    device: Annotated[
        Optional[Path],
        typer.Option("--device", "-d", help="The e-reader's mount point (default: look under the usual mount points)."),
    ] = None,
    pdf: Annotated[
        bool, typer.Option("--pdf", help="Copy the print PDF instead (the way to read on a Kindle).")
    ] = False,
    title: TitleOpt = None,
    author: AuthorOpt = None,
    lang: LangOpt = None,
    encoding: EncodingOpt = None,
    scene_breaks: ScenesOpt = None,
    author_notes: NotesOpt = None,
) -> None:
    """Copy the book onto a mounted e-reader, in the form that reader wants."""
    with reported():
        from ebookgen.devices.sideload import sideload as copy_to_reader

        result = copy_to_reader(
            book,
            device,
            want_pdf=pdf,
            prepare=lambda source: prepare(source, title, author, lang, encoding, scene_breaks, author_notes),
        )
        if not SETTINGS.quiet:
            typer.echo(f"copied {result.copied} to your {result.device.label} ({result.device.root})")
            for note in result.notes:
                typer.echo(note)


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
    encoding: EncodingOpt = None,
    scene_breaks: ScenesOpt = None,
    author_notes: NotesOpt = None,
    kobo: KoboOpt = False,
    embed_fonts: EmbedFontsOpt = False,
) -> None:
    """Build the PDF and the EPUB together; the EPUB carries the print edition's page numbers."""
    with reported():
        from ebookgen.build import build_all
        from ebookgen.cli.summary import Written, chapter_progress, stats_of_book

        project = prepare(source, title, author, lang, encoding, scene_breaks, author_notes)
        options = pdf_options(project.trim or "5.5x8.5", False, project.profile or "print", "title", 0)
        with chapter_progress("Laying out the PDF, then the EPUB", enabled=not SETTINGS.quiet) as progress:
            result = build_all(
                project, output, kobo=kobo, embed_fonts=embed_fonts, pdf_options=options, progress=progress
            )
        say_notes(result.pdf.notes)
        written = [Written(result.pdf.path, result.pdf.pages), Written(result.epub)]
        summarise(written, stats_of_book(result.book))


def main() -> None:
    """Run the CLI."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("ebookgen: error: interrupted; nothing was written", err=True)
        sys.exit(130)
