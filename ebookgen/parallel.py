"""Lay a long book out on every core: chapters in chunks, each a WeasyPrint document in a worker.

WeasyPrint lays out one document on one core. A novel's chapters each open on a recto, so a chunk
of whole chapters lays out exactly as it would inside the whole book. The workers lay out the
chunks' text without running heads or folios; once every chunk's page count is known, the heads
and folios are laid out as a second, light set of documents (``overlay.py``), the front matter
with its contents page numbers is laid out, and ``pdfjoin`` stitches everything into one PDF.
"""

from __future__ import annotations

import multiprocessing
import tempfile
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, replace
from pathlib import Path

from .frontmatter import front_matter
from .model import Book, iter_paragraph_blocks, plain_text, word_count
from .output import atomic_path
from .overlay import BodyPage, Laid, chunk_sheets, overlay_html
from .pdf import (
    PdfOptions,
    PdfResult,
    Progress,
    copyright_year,
    grey_profile_url,
    lay_out,
    page_anchors,
    page_starts,
    page_style,
    profile_for,
    report,
    write_options,
)
from .pdfjoin import LINK_SCHEME, Pieces, join_pdf
from .printbook import PageStyle, body_sections, geometry_css, html_document, ink_css, outline_css
from .render import RenderedChapter, render_book
from .trim import estimated_pages, gutter_for, margins_for

# Chunks per worker: more even loads and smaller processes, against a fixed cost per document.
CHUNKS_PER_WORKER = 4


@dataclass(frozen=True)
class Job:
    """A document for a worker to lay out and write."""

    html: str
    css: str
    options: PdfOptions
    path: Path
    chapters: int = 0  # chapters this document holds, for progress


def write_parallel(book: Book, target: Path, options: PdfOptions, workers: int, progress: Progress | None) -> PdfResult:
    """Lay the book out in worker processes and join the pieces into one PDF at target."""
    rendered = render_book(book, block_ids=True)
    guess = estimated_pages(word_count(book), options.trim)
    style = page_style(options, guess)
    with tempfile.TemporaryDirectory(prefix="ebookgen-") as name, pool_of(workers) as pool:
        layout = Layout(pool, workers, book, rendered, options, Path(name))
        pieces, sheets = lay_out_pieces(layout, style, progress)
        pages = pieces.front.pages + pieces.front.pages % 2 + len(sheets)
        if gutter_for(pages) != gutter_for(guess):
            style = replace(style, margins=margins_for(pages))
            pieces, sheets = lay_out_pieces(layout, style, progress)
        with atomic_path(target) as temporary:
            anchors = join_pdf(book, pieces, sheets, profile_for(options.profile).bookmarks, temporary)
    offset = pieces.front.pages + pieces.front.pages % 2
    folios = [""] * offset + [sheet.folio for sheet in sheets]
    return PdfResult(target, len(folios), anchors, folios, joined_starts(pieces, sheets, offset))


def joined_starts(pieces: Pieces, sheets: list[BodyPage], offset: int) -> list[tuple[str, int]]:
    """Say for each page of the joined book which element's text opens it (see ``pdf.page_starts``)."""
    nothing = ("", 0)
    starts = list(pieces.front.starts) + [nothing] * (offset - pieces.front.pages)
    for sheet in sheets:
        starts.append(nothing if sheet.page is None else pieces.chunks[sheet.chunk].starts[sheet.page])
    return starts


@dataclass(frozen=True)
class Layout:
    """What every step of a parallel layout shares: the workers, the book and where pieces go."""

    pool: ProcessPoolExecutor
    workers: int
    book: Book
    rendered: list[RenderedChapter]
    options: PdfOptions
    folder: Path


def lay_out_pieces(layout: Layout, style: PageStyle, progress: Progress | None) -> tuple[Pieces, list[BodyPage]]:
    """Lay out the chunks, each chunk's heads and folios as soon as its first folio is known, then the front."""
    book, pool = layout.book, layout.pool
    runs = split_chapters(book, layout.workers * CHUNKS_PER_WORKER)
    jobs = [chunk_job(layout, run, chunk_css(style), f"body-{number:04d}.pdf") for number, run in enumerate(runs)]
    futures = {pool.submit(lay_out_job, job): number for number, job in enumerate(jobs)}
    titles = {done.anchor: done.title for done in layout.rendered} if layout.options.recto_head == "chapter" else None
    chunks: dict[int, Laid] = {}
    sheets: list[BodyPage] = []
    overlays = []
    report(progress, 0, len(book.chapters))
    for future in as_completed(futures):
        chunks[futures[future]] = future.result()
        report(progress, sum(jobs[number].chapters for number in chunks), len(book.chapters))
        while len(overlays) in chunks:  # the next chunk in reading order is laid out: its folios are known
            number = len(overlays)
            head = sheets[-1].head if sheets else book.metadata.title
            new = chunk_sheets(chunks[number], number, len(sheets), head, titles, number + 1 == len(jobs))
            sheets += new
            overlays.append(pool.submit(lay_out_job, overlay_job(layout, style, new, f"overlay-{number:04d}.pdf")))
    front = pool.submit(lay_out_job, front_job(layout, style, sheets))
    laid_chunks = [chunks[number] for number in range(len(jobs))]
    return Pieces(front.result(), laid_chunks, [overlay.result() for overlay in overlays]), sheets


def pool_of(workers: int) -> ProcessPoolExecutor:
    """Start the worker processes, forked after WeasyPrint is loaded so none imports it again."""
    import weasyprint  # noqa: F401  (loaded once, shared by every forked worker)

    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))


def chapter_words(book: Book) -> list[int]:
    """Count each chapter's words, to balance the chunks."""
    return [
        sum(len(plain_text(block.inlines).split()) for block in iter_paragraph_blocks(chapter.blocks)) + 50
        for chapter in book.chapters
    ]


def split_chapters(book: Book, chunks: int) -> list[range]:
    """Split the chapters into runs of about equal length, in reading order."""
    words = chapter_words(book)
    share = sum(words) / max(chunks, 1)
    runs, start, running = [], 0, 0
    for index, count in enumerate(words):
        running += count
        if running >= share * (len(runs) + 1) and index + 1 < len(words):
            runs.append(range(start, index + 1))
            start = index + 1
    runs.append(range(start, len(words)))
    return [run for run in runs if len(run)]


def chunk_css(style: PageStyle) -> str:
    """Return the page rules of a chunk: geometry and ink; no heads, folios or bookmarks."""
    no_bookmarks = outline_css(replace(style, bookmarks=False), False)
    return "\n".join([geometry_css(style), no_bookmarks, ink_css(style, grey_profile_url())])


def chunk_job(layout: Layout, run: range, css: str, name: str) -> Job:
    """Make the job that lays out one run of chapters."""
    part = replace(layout.book, chapters=tuple(layout.book.chapters[index] for index in run))
    body = body_sections(part, [layout.rendered[index] for index in run], first=False)
    return Job(html_document(layout.book, body), css, layout.options, layout.folder / name, len(run))


def overlay_job(layout: Layout, style: PageStyle, sheets: list[BodyPage], name: str) -> Job:
    """Make the job that lays out the running heads and folios of a run of body pages."""
    html, css = overlay_html(layout.book, style, sheets, grey_profile_url())
    return Job(html, css, layout.options, layout.folder / name)


def front_job(layout: Layout, style: PageStyle, sheets: list[BodyPage]) -> Job:
    """Make the job that lays out the front matter, its contents numbered from the body's folios."""
    numbers = {anchor: sheet.folio_number for sheet in sheets for anchor in sheet.anchors}
    links = profile_for(layout.options.profile).links
    year = copyright_year(layout.options)
    front = front_matter(layout.book, year, numbers, links, link_prefix=LINK_SCHEME)
    return Job(html_document(layout.book, front), chunk_css(style), layout.options, layout.folder / "front.pdf")


def lay_out_job(job: Job) -> Laid:
    """Lay out and write one document, in a worker; report the glyphs it used so the join can share fonts."""
    document = lay_out(job.html, job.css, job.options)
    document.write_pdf(job.path, **write_options(profile_for(job.options.profile)))
    glyphs = {
        font.name.decode().lstrip("/"): {gid: (text, font.widths[gid]) for gid, text in font.to_unicode.items()}
        for font in document.fonts.values()
    }
    pages = document.pages
    blanks = frozenset(index for index, page in enumerate(pages) if page._page_box.page_type.blank)
    return Laid(job.path, len(pages), blanks, page_anchors(pages), glyphs, tuple(page_starts(pages)))
