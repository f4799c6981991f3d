"""Normalising is an ordered list of named passes over one document (Pandoc's filters, Sphinx's build steps).

``PASSES`` is the whole normaliser, in order; each pass takes the ``Work`` so far and returns it with its
own part done. The build runs them with nobody listening; ``ebookgen check`` runs the very same passes
with a collector for their findings, so what check reports is what the build did.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from ebookgen.model import Chapter
from ebookgen.model.document import Document, Furniture, ReadBlock
from ebookgen.normalise.blocks import RawBlock
from ebookgen.normalise.doubts import report_doubts
from ebookgen.normalise.furniture import kept_byline, remove_furniture
from ebookgen.normalise.marks import raw_blocks, without_page_breaks
from ebookgen.normalise.notes import attach_notes, gutenberg_notes
from ebookgen.normalise.options import NormaliseOptions
from ebookgen.normalise.report import Findings, warn
from ebookgen.normalise.structure import StructureOptions, find_structure
from ebookgen.normalise.typed import typed_blocks
from ebookgen.normalise.typesetting import typeset_chapter, typography_options
from ebookgen.normalise.typography import TypographyOptions


@dataclass(frozen=True)
class Work:
    """One document on its way through the passes: what it was handed on as, and what each pass made of it."""

    text: str  # the raw text (a structured document's outline, which its block lines count)
    blocks: tuple[ReadBlock, ...]  # a structured reader's blocks; empty for a raw text
    furniture: Furniture  # the lines its reader found to be a licence or a header block
    options: NormaliseOptions
    findings: Findings = None  # the collector check listens with; None for a build
    raw: tuple[RawBlock, ...] = ()
    chapters: tuple[Chapter, ...] = ()
    typography: TypographyOptions = TypographyOptions()


def normalise_document(document: Document, options: NormaliseOptions, findings: Findings = None) -> Work:
    """Run every pass in order over one document; the last ``Work`` holds its typeset chapters."""
    work = Work(document.text, document.blocks, document.furniture, options, findings)
    for step in PASSES:
        work = step(work)
    return work


def read_raw_text(work: Work) -> Work:
    """Parse a .txt or .md file's raw text (furniture off first): its marks and paragraphs become raw blocks."""
    if work.blocks:
        return work
    lines = remove_furniture(work.text, work.furniture, work.options.title, work.options.authors)
    report_kept_byline(lines, work)
    return replace(work, raw=tuple(raw_blocks(lines, work.options.paragraph_style, work.findings)))


def read_structured(work: Work) -> Work:
    """Take a Word, web or EPUB reader's blocks as raw blocks: furniture dropped, no typed mark read."""
    if not work.blocks:
        return work
    kept = remove_furniture(work.text, work.furniture, work.options.title, work.options.authors)
    report_kept_byline(kept, work)
    raw = [block for block in typed_blocks(work.blocks) if not blanked(block, kept)]
    return replace(work, raw=tuple(without_page_breaks(raw)))


def report_kept_byline(lines: list[str], work: Work) -> None:
    """Warn of a title and byline kept as the story's text: they name another title or author than the book's."""
    found = kept_byline(lines)
    if found:
        line, byline = found
        warn(
            work.findings,
            line,
            f"{byline!r} reads as a byline under a title, but the book's title and author "
            f"({work.options.title!r}, {', '.join(work.options.authors)}) are not those: kept as the story's text",
        )


def blanked(block: RawBlock, kept: list[str]) -> bool:
    """Tell a block whose outline line the furniture rules blanked (a header block, a repeated title block)."""
    return 0 < block.line <= len(kept) and not kept[block.line - 1].strip()


def find_chapters(work: Work) -> Work:
    """Find the book's structure: chapters, parts, scene breaks, flashbacks, notes and author's notes."""
    options = StructureOptions(
        blank_runs=work.options.blank_runs,
        author_notes=work.options.author_notes,
        speech_dashes=bool(work.options.language.dashes.dialogue),
    )
    return replace(work, chapters=tuple(find_structure(list(work.raw), options, work.findings)))


def read_gutenberg_notes(work: Work) -> Work:
    """Read a plain text's inline notes (a call `[1]`, its note a paragraph after it) as notes."""
    return replace(work, chapters=tuple(gutenberg_notes(chapter) for chapter in work.chapters))


def choose_quotes(work: Work) -> Work:
    """Choose the primary quote mark (as configured, else as the dialogue of the plain paragraphs shows)."""
    paragraphs = [block.text for block in work.raw if block.mark is None]
    return replace(work, typography=typography_options(work.options, paragraphs))


def report_uncertain(work: Work) -> Work:
    """Tell check what the rules could not be sure of: quotes, emphasis, notes (nothing when nobody listens)."""
    report_doubts(list(work.raw), work.typography, work.findings)
    return work


def typeset_text(work: Work) -> Work:
    """Apply typography to every title and text block, reading or rebuilding the inline runs."""
    return replace(work, chapters=tuple(typeset_chapter(chapter, work.typography) for chapter in work.chapters))


def number_notes(work: Work) -> Work:
    """Give each chapter the notes it calls, numbered from 1, and take their texts out of the flow."""
    return replace(work, chapters=tuple(attach_notes(list(work.chapters))))


# The normaliser, in order.
PASSES: tuple[Callable[[Work], Work], ...] = (
    read_raw_text,
    read_structured,
    find_chapters,
    read_gutenberg_notes,
    choose_quotes,
    report_uncertain,
    typeset_text,
    number_notes,
)
