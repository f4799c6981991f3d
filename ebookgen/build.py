"""The library's front door: load a manuscript and build its EPUB or PDF.

A library user calls ``build_epub`` or ``build_pdf``; the CLI is a thin layer on top.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ebookgen.epub.pagelist import print_edition
from ebookgen.epub.writer import EpubOptions, write_epub
from ebookgen.errors import InputError
from ebookgen.model import Book
from ebookgen.normalise.pipeline import build_book
from ebookgen.output import check_output
from ebookgen.project.manuscript import Project, load_project, title_from_filename
from ebookgen.readers.decode import read_unit
from ebookgen.render.xhtml import render_book

if TYPE_CHECKING:
    from ebookgen.pdf.options import PdfOptions, PdfResult


def load_book(project: Project) -> Book:
    """Read and normalise every text file of a project into one book."""
    texts = [read_unit(unit, project.encoding) for unit in project.text_units()]
    # A title guessed from a file or folder name gives way to a header block's `Title:`.
    guessed = frozenset(title_from_filename(path) for path in (project.root, *project.sources[:1]))
    book = build_book(texts, project.metadata, project.options, default_titles=guessed)
    if not book.chapters:
        raise InputError(f"{project.sources[0]}: no story text found, only marker lines; write the story in it first")
    return book


def modification_time(project: Project) -> datetime:
    """Return the build's timestamp: SOURCE_DATE_EPOCH when set, else the manuscript's newest change."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    newest = max(path.stat().st_mtime for path in project.sources)
    return datetime.fromtimestamp(int(newest), tz=UTC)


def default_output(project: Project, suffix: str) -> Path:
    """Return dist/<slug><suffix> in the current folder."""
    return Path("dist") / f"{project.slug}{suffix}"


def epub_suffix(kobo: bool) -> str:
    """Return the EPUB's file suffix: Kobo's `.kepub.epub` or `.epub`."""
    return ".kepub.epub" if kobo else ".epub"


def build_epub(
    source: str | Path | Project, output: str | Path | None = None, kobo: bool = False, embed_fonts: bool = False
) -> Path:
    """Build an EPUB (or a Kobo kepub) from a manuscript file or folder; return its path."""
    project = source if isinstance(source, Project) else load_project(Path(source))
    target = Path(output) if output else default_output(project, epub_suffix(kobo))
    check_output(target, project.inputs)
    book = load_book(project)
    options = EpubOptions(modified=modification_time(project), kobo=kobo, embed_fonts=embed_fonts)
    return write_epub(book, target, options)


@dataclass(frozen=True)
class BuildResult:
    """What `build` wrote: the EPUB, carrying the print edition's pages, and the PDF."""

    epub: Path
    pdf: PdfResult
    book: Book


def build_all(
    source: str | Path | Project,
    folder: str | Path | None = None,
    kobo: bool = False,
    embed_fonts: bool = False,
    pdf_options: PdfOptions | None = None,
    progress=None,
) -> BuildResult:
    """Build the PDF and the EPUB from one normalisation; the EPUB gets the PDF's page list."""
    from ebookgen.pdf.options import PdfOptions
    from ebookgen.pdf.writer import write_pdf

    project = source if isinstance(source, Project) else load_project(Path(source))
    folder = Path(folder) if folder else Path("dist")
    epub_target, pdf_target = folder / f"{project.slug}{epub_suffix(kobo)}", folder / f"{project.slug}.pdf"
    for target in (epub_target, pdf_target):
        check_output(target, project.inputs)
    pdf_options = with_year(pdf_options or PdfOptions(), project)
    with workers_for(project, pdf_options) as crew:
        book = load_book(project)
        printed = write_pdf(book, pdf_target, pdf_options, progress, crew)
    places = [place for rendered in render_book(book, block_ids=True) for place in rendered.places]
    source_note = f"{book.metadata.title}, print edition of {printed.pages} pages ({pdf_target.name})"
    edition = print_edition(places, printed.anchors, printed.folios, printed.page_starts, source_note)
    options = EpubOptions(modification_time(project), kobo=kobo, embed_fonts=embed_fonts, print_edition=edition)
    return BuildResult(write_epub(book, epub_target, options), printed, book)


def with_year(options: PdfOptions, project: Project) -> PdfOptions:
    """Give the copyright page the manuscript's year unless the options name one."""
    return options if options.year else replace(options, year=modification_time(project).year)


def build_pdf(
    source: str | Path | Project, output: str | Path | None = None, options: PdfOptions | None = None, progress=None
) -> PdfResult:
    """Build a print PDF from a manuscript file or folder; return what was written (a PdfResult)."""
    from ebookgen.pdf.options import PdfOptions
    from ebookgen.pdf.writer import write_pdf

    project = source if isinstance(source, Project) else load_project(Path(source))
    target = Path(output) if output else default_output(project, ".pdf")
    check_output(target, project.inputs)
    options = with_year(options or PdfOptions(), project)
    with workers_for(project, options) as crew:
        return write_pdf(load_book(project), target, options, progress, crew)


def workers_for(project: Project, options: PdfOptions):
    """Start the PDF's worker processes now, before the book is read, if the manuscript looks long enough."""
    from ebookgen.pdf.parallel import early_crew

    return early_crew(sum(path.stat().st_size for path in project.inputs), options)
