"""The library's front door: load a manuscript and build its EPUB or PDF.

A library user calls ``build_epub``, ``build_pdf``, ``build_all``, or ``build_as`` with a writer's name
(``ebookgen.writers``: one module per format); each returns a small record of what it wrote (the file,
its pages, the book's chapters and words, notes for the user), so the CLI is a thin layer on top that
prints it. The print options are settled here, once (``print_options``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ebookgen.epub.pagelist import book_places, print_edition
from ebookgen.errors import InputError
from ebookgen.model import Book
from ebookgen.normalise.pipeline import NormalisedBook, normalise_book
from ebookgen.output import check_output, disk_errors_named
from ebookgen.project.figures import (
    carried_cover,
    figure_images,
    missing_figures,
    safe_pictures,
    svg_check_lines,
)
from ebookgen.project.manuscript import Overrides, Project, load_project, overridden
from ebookgen.project.origins import guessed_titles, metadata_lines, project_metadata
from ebookgen.readers.decode import REPLACED_NOTE
from ebookgen.readers.source import SourceText
from ebookgen.readers.table import read_unit
from ebookgen.shelf import noted_replacement, shelved_title
from ebookgen.writers import Edition, Written, writer_for
from ebookgen.writers.epub import EpubResult

if TYPE_CHECKING:
    from ebookgen.check import CheckResult
    from ebookgen.pdf.options import PdfOptions, PdfResult, Progress
    from ebookgen.pdf.preflight import PreflightResult
    from ebookgen.themes import Theme


def load_book(project: Project) -> Book:
    """Read every text file of a project with its reader and normalise them into one book."""
    return read_book(project).book


def read_book(project: Project) -> NormalisedBook:
    """Read every text file of a project and normalise them into one book, with its language's settled record."""
    if project.works:
        return read_collection(project)
    sources = [read_unit(unit, project.encoding) for unit in project.text_units()]
    # A title guessed from a file or folder name gives way to a header block's `Title:`.
    guessed = guessed_titles(project)
    options, explicit = project.options, project.explicit
    normalised = normalise_book(sources, project.metadata, options, default_titles=guessed, explicit=explicit)
    book = normalised.book
    if not book.chapters:
        raise InputError(f"{project.sources[0]}: no story text found, only marker lines; write the story in it first")
    cover, cover_note = carried_cover(book, sources)
    missing = missing_figures(book, sources, project.root)
    images, picture_notes = safe_pictures((*figure_images(book, sources, project.root), *filter(None, (cover,))))
    cover = images[-1] if cover else None
    book = replace(book, images=images[: len(images) - bool(cover)], cover=cover)
    replaced = tuple(f"{path}:{line}: {REPLACED_NOTE}" for source in sources for path, line in source.replaced)
    unmapped = tuple(unmapped_note(source) for source in sources if source.unmapped)
    notes = (*project.notes, *replaced, *unmapped, *missing, *filter(None, (cover_note,)), *picture_notes)
    book = replace(book, notes=(*book.notes, *notes)) if notes else book
    return replace(normalised, book=book)


def read_collection(project: Project) -> NormalisedBook:
    """Read each work of a collection as a book of its own and make it a part of one book.

    The collection takes the language record of a work in its own language (book.toml's), else, where book.toml
    names the collection's language, that language's (its part pages and contents speak it), else the first work's.
    """
    from ebookgen.languages import language_for
    from ebookgen.project.collection import collected

    works = [read_book(load_project(work.source)) for work in project.works]
    tag = project.metadata.language
    named = language_for(tag) if "language" in project.explicit else works[0].language
    language = next((work.language for work in works if work.book.metadata.language == tag), named)
    year = modification_time(project).year  # a work's page dated as the copyright page is, never by the clock
    book = collected(project.metadata, project.works, [work.book for work in works], language.words, year)
    if language.tag != tag:
        book = replace(
            book, notes=(*book.notes, f"no work is in {tag}: the collection is set as its first work, {language.tag}")
        )
    return NormalisedBook(book, language)


def unmapped_note(source: SourceText) -> str:
    """Say in one line that a reader could not map everything in a file, and where the list is."""
    count = len(source.unmapped)
    first = source.unmapped[0]
    more = f" and {count - 1} more" if count > 1 else ""
    return (
        f"{source.path}: the {source.reader} reader could not map everything ({first}{more}); `ebookgen check` lists it"
    )


ZIP_LAST_SECOND = 4354819198  # 2107-12-31T23:59:58Z, the last time a zip entry can carry


def modification_time(project: Project) -> datetime:
    """Return the build's timestamp: SOURCE_DATE_EPOCH when set, else the manuscript's newest change."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        seconds = int(epoch)
    else:
        seconds = int(max(path.stat().st_mtime for path in (project.inputs if project.works else project.sources)))
    # A zip holds no time past 2107: a later SOURCE_DATE_EPOCH or file time is clamped, not a crash.
    return datetime.fromtimestamp(max(min(seconds, ZIP_LAST_SECOND), 0), tz=UTC)


def default_folder(project: Project) -> Path:
    """Return where a book goes unless told: dist/ in the manuscript folder, or beside a single manuscript file."""
    return project.root / "dist"


def default_output(project: Project, suffix: str) -> Path:
    """Return <manuscript>/dist/<slug><suffix>."""
    return default_folder(project) / f"{project.slug}{suffix}"


def epub_writer_name(kobo: bool) -> str:
    """Return the e-book's writer: Kobo's `kepub` or `epub`."""
    return "kepub" if kobo else "epub"


@dataclass(frozen=True)
class BuildResult:
    """What build_all wrote: the EPUB, carrying the print edition's pages, and the PDF, from one book."""

    epub: EpubResult
    pdf: PdfResult

    @property
    def chapters(self) -> int:
        """Return the book's chapter count."""
        return self.epub.chapters

    @property
    def words(self) -> int:
        """Return the book's word count."""
        return self.epub.words

    @property
    def notes(self) -> tuple[str, ...]:
        """Return both writers' notes, each once."""
        return tuple(dict.fromkeys((*self.epub.notes, *self.pdf.notes)))


@dataclass(frozen=True)
class PrintChoices:
    """The print options a caller asks for, by name, as the CLI and a manifest give them (``ebookgen.settings``).

    None leaves the choice to book.toml, then to the default; ``print_options`` turns each into its record once.
    """

    trim: str | None = None
    profile: str | None = None
    running_head: str | None = None
    bleed: bool = False
    jobs: int | None = None
    cache: bool = True
    theme: str | None = None
    font_size: float | None = None


def open_project(source: str | Path | Project | None, overrides: Overrides | None = None) -> Project:
    """Load the project from a manuscript file or folder (unless given one) and apply the overrides."""
    if isinstance(source, Project):
        project = source
    else:
        project = load_project(Path(source) if source is not None else None)
    return overridden(project, overrides) if overrides else project


def book_theme(project: Project, theme: str | None = None, font_size: float | None = None) -> Theme:
    """Settle the book's design: the caller's theme, else book.toml's, else classic, at the size asked for."""
    from ebookgen.themes import DEFAULT_THEME, check_points, sized, theme_for

    chosen = theme_for(theme) if theme else project.theme or theme_for(DEFAULT_THEME)
    size = font_size or project.font_size
    return sized(chosen, check_points(size)) if size else chosen


def build_epub(
    source: str | Path | Project | None = None,
    output: str | Path | None = None,
    kobo: bool = False,
    embed_fonts: bool = False,
    overrides: Overrides | None = None,
    theme: str | None = None,
) -> EpubResult:
    """Build an EPUB (or a Kobo kepub) from a manuscript file or folder in a theme; return what was written."""
    return build_as(epub_writer_name(kobo), source, output, overrides=overrides, theme=theme, embed_fonts=embed_fonts)


def build_as(
    name: str,
    source: str | Path | Project | None = None,
    output: str | Path | None = None,
    *,
    overrides: Overrides | None = None,
    theme: str | None = None,
    embed_fonts: bool = False,
    print_choices: PdfOptions | PrintChoices | None = None,
    progress: Progress | None = None,
) -> Written:
    """Build a manuscript with the named writer (`epub`, `kepub`, `pdf`...); return what it wrote."""
    writer = writer_for(name)
    project = open_project(source, overrides)
    target = Path(output) if output else default_output(project, writer.suffix)
    if writer.prints:
        return build_printed(writer.name, project, target, chosen_theme(print_choices, theme), progress, embed_fonts)
    design = book_theme(project, theme)
    check_output(target, project.inputs)
    read = read_book(project)
    edition = Edition(modification_time(project), design, embed_fonts, language=read.language)
    previous = shelved_title(target)
    with disk_errors_named(target):
        return noted_replacement(writer.write(read.book, target, edition), previous, read.book.metadata.title)


def chosen_theme(choices: PdfOptions | PrintChoices | None, theme: str | None) -> PdfOptions | PrintChoices | None:
    """Fold a theme named beside the print choices into them (options already settled keep theirs)."""
    if not theme or choices is not None and not isinstance(choices, PrintChoices):
        return choices
    return replace(choices or PrintChoices(), theme=theme)


def build_printed(
    name: str,
    project: Project,
    target: Path,
    choices: PdfOptions | PrintChoices | None,
    progress: Progress | None = None,
    embed_fonts: bool = False,
) -> Written:
    """Lay a book out with a writer of printed pages, its workers started before the book is read."""
    check_output(target, project.inputs)
    options = settled(choices, project)
    edition = Edition(modification_time(project), options.theme, embed_fonts, options, progress=progress)
    previous = shelved_title(target)
    with workers_for(project, options) as crew, disk_errors_named(target):
        read = read_book(project)
        written = writer_for(name).write(read.book, target, replace(edition, crew=crew, language=read.language))
        return noted_replacement(with_glyph_lines(written, project), previous, read.book.metadata.title)


def build_all(
    source: str | Path | Project | None = None,
    folder: str | Path | None = None,
    kobo: bool = False,
    embed_fonts: bool = False,
    pdf_options: PdfOptions | PrintChoices | None = None,
    progress: Progress | None = None,
    overrides: Overrides | None = None,
) -> BuildResult:
    """Build the PDF and the EPUB from one normalisation; the EPUB gets the PDF's page list."""
    pdf_writer, epub_writer = writer_for("pdf"), writer_for(epub_writer_name(kobo))
    project = open_project(source, overrides)
    folder = Path(folder) if folder else default_folder(project)
    epub_target = folder / f"{project.slug}{epub_writer.suffix}"
    pdf_target = folder / f"{project.slug}{pdf_writer.suffix}"
    for target in (epub_target, pdf_target):
        check_output(target, project.inputs)
    options = settled(pdf_options, project)
    edition = Edition(modification_time(project), options.theme, embed_fonts, options, progress=progress)
    previous = {target: shelved_title(target) for target in (epub_target, pdf_target)}
    with workers_for(project, options) as crew, disk_errors_named(pdf_target):
        read = read_book(project)
        book, edition = read.book, replace(edition, language=read.language)
        printed = with_glyph_lines(pdf_writer.write(book, pdf_target, replace(edition, crew=crew)), project)
        printed = noted_replacement(printed, previous[pdf_target], book.metadata.title)
    places = book_places(book, read.language)  # part pages, chapters, back matter: where a page can begin
    source_note = f"{book.metadata.title}, print edition of {printed.pages} pages ({pdf_target.name})"
    pages = print_edition(places, printed.anchors, printed.folios, printed.page_starts, source_note)
    with disk_errors_named(epub_target):
        written = epub_writer.write(book, epub_target, replace(edition, print_options=None, print_edition=pages))
    epub = noted_replacement(
        EpubResult(written.path, printed.chapters, printed.words, book.notes),
        previous[epub_target],
        book.metadata.title,
    )
    return BuildResult(epub, printed)


def build_pdf(
    source: str | Path | Project | None = None,
    output: str | Path | None = None,
    options: PdfOptions | PrintChoices | None = None,
    progress: Progress | None = None,
    overrides: Overrides | None = None,
) -> PdfResult:
    """Build a print PDF from a manuscript file or folder; return what was written (a PdfResult).

    Options given as PdfOptions are used as they are; PrintChoices, or none, are settled with
    book.toml's trim and profile and the defaults (``print_options``).
    """
    return build_as("pdf", source, output, overrides=overrides, print_choices=options, progress=progress)


def check_manuscript(source: str | Path | Project | None = None, overrides: Overrides | None = None) -> CheckResult:
    """List what the normaliser could not be sure of in a manuscript's text files."""
    from ebookgen.check import check_project

    project = open_project(source, overrides)
    merged = project_metadata(project)  # checked in the language and with the title the build will have
    result = check_project(replace(project, metadata=merged.metadata))
    pictures = svg_check_lines(project.root)  # what a build takes out of each SVG picture, listed
    result = replace(result, lines=(*result.lines, *pictures), warnings=result.warnings + len(pictures))
    return replace(result, metadata=(*metadata_lines(merged), *project.notes))


def preflight_pdf(path: str | Path, profile: str = "kdp", trim: str | None = None) -> PreflightResult:
    """Check a print PDF, ours or another tool's, as the profile's printer would (``pdf/preflight.py``)."""
    from ebookgen.pdf.preflight import preflight
    from ebookgen.pdf.printers import preflight_printer
    from ebookgen.pdf.trim import parse_trim

    return preflight(Path(path), preflight_printer(profile), parse_trim(trim) if trim else None)


def print_options(project: Project, choices: PrintChoices = PrintChoices()) -> PdfOptions:
    """Settle the print options once: the caller's choice, else book.toml's, else PdfOptions' default; check each."""
    from ebookgen.pdf.options import PdfOptions, check_running_head
    from ebookgen.pdf.printers import printer_for
    from ebookgen.pdf.trim import parse_trim

    default, built = PdfOptions(), modification_time(project)
    return replace(
        default,
        trim=parse_trim(choices.trim) if choices.trim else project.trim or default.trim,
        bleed=choices.bleed,
        profile=printer_for(choices.profile) if choices.profile else project.profile or default.profile,
        recto_head=check_running_head(choices.running_head or default.recto_head),
        year=built.year,
        dated=int(built.timestamp()),
        jobs=default.jobs if choices.jobs is None else choices.jobs,
        cache=choices.cache,
        theme=book_theme(project, choices.theme, choices.font_size),
    )


def settled(options: PdfOptions | PrintChoices | None, project: Project) -> PdfOptions:
    """Return the PDF writer's options: as given, or settled from the choices, book.toml and the defaults."""
    from ebookgen.pdf.options import PdfOptions

    if isinstance(options, PdfOptions):
        return with_dates(options, project)
    return print_options(project, options or PrintChoices())


def with_dates(options: PdfOptions, project: Project) -> PdfOptions:
    """Give the copyright page the manuscript's year, and a PDF/X file its timestamp, unless the options name them."""
    built = modification_time(project)
    return replace(options, year=options.year or built.year, dated=options.dated or int(built.timestamp()))


def with_glyph_lines(result: Written, project: Project) -> Written:
    """Name the FILE:LINE of each character no face can set, where the writer could name only its chapter."""
    from ebookgen.pdf.glyphs import GLYPH_NOTE, glyph_lines
    from ebookgen.readers.table import read_source

    if not any(note.startswith(GLYPH_NOTE) for note in result.notes):
        return result
    lines = glyph_lines([read_source(path, project.encoding) for path in project.sources])
    kept = tuple(note for note in result.notes if not note.startswith(GLYPH_NOTE))
    return replace(result, notes=(*lines, *kept)) if lines else result


def workers_for(project: Project, options: PdfOptions):
    """Start the PDF's worker processes now, before the book is read, if the manuscript looks long enough."""
    from ebookgen.pdf.parallel import early_crew

    return early_crew(sum(path.stat().st_size for path in project.inputs), options)
