"""The library's front door: load a manuscript and build its EPUB or PDF.

A library user calls ``build_epub`` or ``build_pdf``; the CLI is a thin layer on top.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from .epub import EpubOptions, write_epub
from .errors import InputError
from .model import Book
from .normalise import build_book
from .output import check_output
from .project import Project, load_project, title_from_filename
from .reader import read_unit


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


def build_epub(source: str | Path | Project, output: str | Path | None = None) -> Path:
    """Build an EPUB from a manuscript file or folder; return its path."""
    project = source if isinstance(source, Project) else load_project(Path(source))
    target = Path(output) if output else default_output(project, ".epub")
    check_output(target, project.sources)
    book = load_book(project)
    return write_epub(book, target, EpubOptions(modified=modification_time(project)))


def build_pdf(source: str | Path | Project, output: str | Path | None = None, options=None, progress=None):
    """Build a print PDF from a manuscript file or folder; return what was written (a PdfResult)."""
    from dataclasses import replace

    from .pdf import PdfOptions, write_pdf

    project = source if isinstance(source, Project) else load_project(Path(source))
    target = Path(output) if output else default_output(project, ".pdf")
    check_output(target, project.sources)
    options = options or PdfOptions()
    if not options.year:
        options = replace(options, year=modification_time(project).year)
    return write_pdf(load_book(project), target, options, progress)
