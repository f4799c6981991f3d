"""``cover``: a manuscript's cover wrap sized from its interior, and ``check COVER.pdf`` against an interior.

The interior is the PDF given (``--interior``), else the one ``ebookgen pdf`` builds for the manuscript with
the same profile; its page count and TrimBox size the wrap. The metadata (title, subtitle, author,
description, cover image) is the manuscript's, as a build reads it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ebookgen.cover.geometry import Wrap, wrap_for
from ebookgen.errors import ConfigError, InputError
from ebookgen.pdf.printers import preflight_printer

if TYPE_CHECKING:
    from ebookgen.build import PrintChoices
    from ebookgen.model import Image
    from ebookgen.project.manuscript import Project

TOLERANCE = 0.01  # inches a cover's size may differ from the wrap's (printers allow rounding)


@dataclass(frozen=True)
class CoverChoices:
    """What the author asks for."""

    interior: Path | None = None
    profile: str = "kdp"
    paper: str = "white"
    template: bool = False
    printing: PrintChoices | None = None  # how to lay out the interior when none is given (its profile: ours)


@dataclass(frozen=True)
class CoverResult:
    """What ``cover`` wrote: the wrap, the template (when asked), the geometry, notes for the user."""

    path: Path
    wrap: Wrap
    template: tuple[Path, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Interior:
    """What a cover needs of an interior: its page count and trim, in inches."""

    pages: int
    trim: tuple[float, float]


def read_interior(path: Path) -> Interior:
    """Return an interior PDF's page count and trim (its TrimBox, less no bleed), or fail in one line."""
    import pikepdf

    try:
        with pikepdf.open(path) as pdf:
            box = [float(value) for value in pdf.pages[0].trimbox]
            return Interior(len(pdf.pages), ((box[2] - box[0]) / 72, (box[3] - box[1]) / 72))
    except (pikepdf.PdfError, OSError, IndexError) as error:
        raise InputError(f"{path}: not an interior PDF that can be read ({str(error).splitlines()[0]})") from None


def make_cover(source: Path | None, output: Path | None, choices: CoverChoices = CoverChoices()) -> CoverResult:
    """Write a manuscript's cover wrap (and template) for its interior; return what was written."""
    from ebookgen.build import book_theme, default_output, open_project
    from ebookgen.cover.template import write_template
    from ebookgen.cover.wrap import write_wrap
    from ebookgen.project.origins import project_metadata

    printer = preflight_printer(choices.profile)
    project = open_project(source)
    metadata = project_metadata(project).metadata
    interior_path = choices.interior
    notes: list[str] = []
    if interior_path is None:
        from ebookgen.build import PrintChoices, build_pdf

        built = build_pdf(project, None, replace(choices.printing or PrintChoices(), profile=choices.profile))
        interior_path, notes = built.path, [*built.notes, f"sized from the interior just built: {built.path}"]
    interior = read_interior(interior_path)
    wrap = wrap_for(printer, interior.trim, interior.pages, choices.paper)
    cover = front_image(project, metadata.cover)
    if not metadata.description.strip():
        notes.append("the back cover is blank: give book.toml a description for its blurb")
    if not wrap.spine_text:
        notes.append(f"{wrap.pages} pages: {printer.service} prints no spine text under {printer.spine_text_pages}")
    if printer.pdfx:
        notes.append(f"{printer.service} asks for a CMYK cover: this wrap's colours are RGB; convert it before upload")
    target = output or default_output(project, "-cover.pdf")
    write_wrap(wrap, metadata, book_theme(project), cover, target)
    template = write_template(wrap, target.with_name(f"{target.stem}-template.pdf")) if choices.template else ()
    return CoverResult(target, wrap, tuple(template), tuple(notes))


def front_image(project: Project, named: str) -> Image | None:
    """Return the front's image: book.toml's cover, else the one the first manuscript file carries (an EPUB's own)."""
    import mimetypes

    from ebookgen.build import read_book
    from ebookgen.model import Image

    if not named:
        return read_book(project).book.cover  # the build's own reading: an EPUB source's cover, made safe
    path = Path(named)  # book.toml's, already beside it
    if not path.is_file():
        raise ConfigError(f"cover {named!r}: no such image beside book.toml")
    return Image(path.name, path.read_bytes(), mimetypes.guess_type(path.name)[0] or "application/octet-stream")


def cover_failures(cover: Path, interior: Path, profile: str = "kdp", paper: str | None = None) -> list[str]:
    """Return one line per way a cover PDF does not fit its interior for the service (none: it fits)."""
    import pikepdf

    printer = preflight_printer(profile)
    book = read_interior(interior)
    try:
        with pikepdf.open(cover) as pdf:
            pages = len(pdf.pages)
            box = [float(value) for value in pdf.pages[0].mediabox]
    except (pikepdf.PdfError, OSError, IndexError) as error:
        raise InputError(f"{cover}: not a cover PDF that can be read ({str(error).splitlines()[0]})") from None
    size = ((box[2] - box[0]) / 72, (box[3] - box[1]) / 72)
    papers = [paper] if paper else [name for name, _ in printer.papers]
    wraps = [wrap_for(printer, book.trim, book.pages, name) for name in papers]
    failures = [] if pages == 1 else [f"the cover has {pages} pages; {printer.service} takes one"]
    if not any(abs(size[0] - w.width) <= TOLERANCE and abs(size[1] - w.height) <= TOLERANCE for w in wraps):
        wanted = " or ".join(f"{w.label} ({w.paper}, spine {w.spine:.3f} in)" for w in wraps)
        book_size = f"{article_for(book.pages)} {book.pages}-page interior of {book.trim[0]:g} x {book.trim[1]:g} in"
        failures.append(
            f"the cover is {size[0]:.3f} x {size[1]:.3f} in; {book_size} needs {wanted}, {wraps[0].edge:g} in "
            + ("turn-in and hinges" if wraps[0].hinge else "bleed")
        )
    return failures


def article_for(number: int) -> str:
    """Return the article a number takes when read aloud: "an 80-page", "an 11-page", "a 500-page"."""
    return "an" if str(number).startswith("8") or number in (11, 18) else "a"
