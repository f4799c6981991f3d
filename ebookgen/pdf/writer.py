"""The PDF writer: a Book in, a print-ready novel interior out, through WeasyPrint.

``write_pdf`` names the steps: check the glyphs, choose how many processes lay the book out, and
lay it out in this process (``single.py``) or in parallel chunks (``parallel.py``) where the
installed WeasyPrint has what the parallel layout hooks (``weasy.probe``). WeasyPrint is imported
only inside the layout functions, so ``ebookgen epub`` never loads it.
"""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import replace
from pathlib import Path

from ebookgen.errors import ConfigError
from ebookgen.languages import language_for
from ebookgen.model import Book
from ebookgen.pdf import headstart, weasy
from ebookgen.pdf.dates import date_as_built
from ebookgen.pdf.figures import resolution_notes
from ebookgen.pdf.glyphs import glyph_notes
from ebookgen.pdf.licences import license_faces
from ebookgen.pdf.options import RUNNING_HEADS, PdfOptions, PdfResult, Progress, report, worker_count
from ebookgen.pdf.parallel import Crew, write_parallel
from ebookgen.pdf.single import write_single
from ebookgen.pdf.trim import margins_for
from ebookgen.render.maths import formula_notes


def write_pdf(
    book: Book, target: Path, options: PdfOptions = PdfOptions(), progress: Progress | None = None, crew=None
) -> PdfResult:
    """Lay out the book and write it as a PDF at target, atomically; a long book in the crew's workers if given."""
    if options.language is None:  # a library caller's book: its language looked up from its tag, here, once
        options = replace(options, language=language_for(book.metadata.language))
    unset = (*glyph_notes(book), *formula_notes(book))
    result = laid_out(book, target, options, progress, crew)
    license_faces(result.path)
    date_as_built(result.path, options.profile.variant, options.dated)
    profile, trim = options.profile, options.trim
    said = (profile.page_count_note(result.pages), profile.trim_note(trim.width, trim.height))
    soft = resolution_notes(book, options.trim, margins_for(result.pages))
    notes = (*unset, *soft, *result.notes, *(note for note in said if note))
    return replace(result, notes=notes) if notes != result.notes else result


def laid_out(book: Book, target: Path, options: PdfOptions, progress: Progress | None, crew) -> PdfResult:
    """Lay the book out in this process, or in parallel where it is long and the installed WeasyPrint allows."""
    if options.recto_head not in RUNNING_HEADS:
        raise ConfigError(f"running head {options.recto_head!r} is not 'title' or 'chapter'")
    workers = worker_count(book, options)
    if workers < 2:
        return write_short(book, target, options, progress)
    headstart.dismiss()  # a long book: the parallel workers lay it out
    given = isinstance(crew, Crew) and crew.workers >= workers
    with nullcontext(crew) if given else Crew(workers) as working:
        missing = working.unsupported()
        if not missing:
            return write_parallel(book, target, options, workers, progress, working)
    note = f"laid out in one process: WeasyPrint {weasy.version()} lacks what the parallel layout hooks ({missing})"
    result = write_single(book, target, options, progress)
    return replace(result, notes=(*result.notes, note))


def write_short(book: Book, target: Path, options: PdfOptions, progress: Progress | None) -> PdfResult:
    """Lay a short book out in the layout process the command started first (``headstart``), else in this one."""
    from concurrent.futures.process import BrokenProcessPool

    pool = headstart.taken()
    if pool is None:
        return write_single(book, target, options, progress)
    report(progress, 0, len(book.chapters))
    try:
        result = pool.submit(write_single, book, target, options, None).result()
    except BrokenProcessPool:  # the layout process died (killed, out of memory): laid out here instead
        headstart.stop(pool)
        return write_single(book, target, options, progress)
    except BaseException:  # an error of the layout, or Ctrl-C: the process stops with the build
        headstart.stop(pool)
        raise
    pool.shutdown(wait=True)
    report(progress, len(book.chapters), len(book.chapters))
    return result
