"""Lay a long book out on every core: chapters in chunks, each a WeasyPrint document in a worker.

WeasyPrint lays out one document on one core. A novel's chapters each open on a recto, so a chunk
of whole chapters lays out as it would inside the whole book (tests/test_pdf_chunk_sizes.py: the same pages at any
chunk size and in one process, footnotes included). Each chunk is paginated, then
waits for the folio its first page carries (``folios.py``: the chunks before it were handed out
first, so their page counts come in at about the same time) and draws its own running heads and
folios. Then the front matter is laid out with the contents numbered from the body's folios, and
``join.py`` stitches everything into one PDF. The workers (a ``Crew``) are best started before the
manuscript is read: ``build.build_pdf`` does so for a manuscript long enough to want them.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import shutil
import signal
import tempfile
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from ebookgen.model import Book
from ebookgen.output import atomic_path
from ebookgen.pdf import weasy
from ebookgen.pdf.bodypages import BodyPage, Laid, chunk_sheets
from ebookgen.pdf.cache import ChunkCache
from ebookgen.pdf.chunks import split_chapters
from ebookgen.pdf.folios import FolioChannel, FolioRelay, first_folio, join_channel, make_channel, reset_channel
from ebookgen.pdf.headstart import die_with_parent, dismiss
from ebookgen.pdf.join import LINK_SCHEME, Pieces, join_pdf
from ebookgen.pdf.options import (
    PARALLEL_MIN_WORDS,
    PdfOptions,
    PdfResult,
    Progress,
    copyright_year,
    first_guess,
    page_style,
    report,
)
from ebookgen.pdf.printbook import PageStyle, body_sections, html_document, page_css, printed_chapters
from ebookgen.pdf.single import lay_out
from ebookgen.pdf.trim import estimated_pages, gutter_for, margins_for
from ebookgen.render.backmatter import back_matter
from ebookgen.render.frontmatter import front_matter
from ebookgen.render.xhtml import RenderedChapter
from ebookgen.scratch import scratch_folder, sweep_stale

# Chunks per worker at least: even loads and small processes, against a fixed cost per document (0.05 s).
CHUNKS_PER_WORKER = 4
# Pages a chunk holds at most in a long book: what a rebuild after an edit lays out again (about half a second), and
# what a worker holds at once (20 pages: its peak 11% under 40 pages', the same CPU; a 300-page book's wall time 7%
# longer, the chunks waiting on each other's folios more often, War and Peace's 7% shorter; docs/speed.md).
PAGES_PER_CHUNK = 20
# The most chunks a worker takes, which sizes the folio channel: War and Peace's 940 pages in 20-page chunks cut
# where its chapters say (more would cut a long book evenly, and an edit would move every cut after it).
MOST_CHUNKS_PER_WORKER = 32
# Bytes of manuscript per word, to guess before reading it whether the book is long enough for workers.
BYTES_PER_WORD = 6


class Crew:
    """The worker processes of a parallel layout, best forked before the book is read.

    A forked worker shares its parent's memory pages until one of them writes to a page, which then
    costs a copy. Forked from a parent that has already read, normalised and rendered a long book,
    a worker's own objects land in the free slots of the parent's heap, page after shared page
    (War and Peace's chunks measured up to 15% slower that way). Forked first, the workers start
    from a small heap, and they import WeasyPrint while the parent reads the book: about 0.5 s of a
    14 s build.
    """

    def __init__(self, workers: int):
        context = multiprocessing.get_context("fork")
        self.workers = workers
        self.channel: FolioChannel = make_channel(context, workers * MOST_CHUNKS_PER_WORKER)
        sweep_stale()  # the folders of builds killed outright (kill -9): their pages stayed in TMPDIR
        self.folder = scratch_folder("workers")  # the workers' TMPDIR, removed at exit
        arguments = (self.channel, str(self.folder), os.getpid())
        self.pool = ProcessPoolExecutor(workers, context, initializer=start_worker, initargs=arguments)
        gc.freeze()  # a crew forked late: the workers' collector then never walks what they inherit
        try:
            # The first submit forks every worker; each imports WeasyPrint and probes its private hooks.
            self.probes = [self.pool.submit(warm_up) for _ in range(workers)]
        finally:
            gc.unfreeze()

    def unsupported(self) -> str:
        """Return what the workers' WeasyPrint lacks for the parallel layout, "" when it has it all."""
        return self.probes[0].result()

    def __enter__(self) -> Crew:
        return self

    def __exit__(self, kind, *exception) -> None:
        if kind is not None:  # Stopped (an error, Ctrl-C, SIGTERM): no chunk is worth waiting for.
            self.stop_workers()
        self.pool.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(self.folder, ignore_errors=True)

    def stop_workers(self) -> None:
        """Kill the worker processes at once rather than wait for the chunks they are laying out."""
        # The executor has no public way to stop its workers before Python 3.14 (terminate_workers).
        workers = list(dict(getattr(self.pool, "_processes", None) or {}).values())
        for worker in workers:
            worker.kill()
        for worker in workers:
            worker.join(timeout=5)


def start_worker(channel: FolioChannel, folder: str, parent: int) -> None:
    """Start a worker: it dies with its parent, leaves signals to it, and keeps its temporary files in folder."""
    for name in ("SIGTERM", "SIGHUP"):
        signal.signal(getattr(signal, name), signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent stops the workers.
    die_with_parent(parent)
    # WeasyPrint writes each document's fonts into a mkdtemp folder it only removes when the document is
    # collected, which a worker's last documents never are: here they land in the crew's folder.
    tempfile.tempdir = folder
    join_channel(channel)


def warm_up() -> str:
    """Import WeasyPrint in a worker while the main process reads the book, and probe its hooks."""
    return weasy.probe()


def early_crew(manuscript_bytes: int, options: PdfOptions) -> AbstractContextManager[Crew | None]:
    """Start the workers before the book is read when it looks long enough to want them, else nothing."""
    wanted = options.jobs or os.cpu_count() or 1
    if wanted < 2 or options.jobs == 0 and manuscript_bytes < PARALLEL_MIN_WORDS * BYTES_PER_WORD:
        return nullcontext()
    dismiss()  # the crew's workers have their own start
    return Crew(wanted)


@dataclass(frozen=True)
class Job:
    """A document for a worker to lay out and write."""

    html: str
    css: str
    options: PdfOptions
    path: Path
    chapters: int = 0  # chapters this document holds, for progress
    chunk: int = -1  # the chunk's place in reading order; -1 for the front matter
    first: int = 0  # the folio its first page carries, when known before it is laid out (0: ask the relay)


def write_parallel(
    book: Book, target: Path, options: PdfOptions, workers: int, progress: Progress | None, crew: Crew
) -> PdfResult:
    """Lay the book out with the crew's workers and join the pieces into one PDF at target."""
    return write_with(crew, book, target, options, workers, progress)


def write_with(crew: Crew, book: Book, target: Path, options: PdfOptions, workers: int, progress) -> PdfResult:
    """Lay the book out with the crew's workers and join the pieces into one PDF at target."""
    rendered = printed_chapters(book, options.language)
    guess = first_guess(book, options)
    style = page_style(options, guess)
    with tempfile.TemporaryDirectory(prefix=f"ebookgen-{os.getpid()}-chunks-") as name:  # scratch.sweep_stale
        chunks = ChunkCache.open() if options.cache else None
        layout = Layout(workers, book, rendered, options, Path(name), crew, chunks)
        pieces, sheets = lay_out_pieces(layout, style, progress)
        pages = pieces.front.pages + pieces.front.pages % 2 + len(sheets)
        if gutter_for(pages) != gutter_for(guess):
            style = replace(style, margins=margins_for(pages))
            pieces, sheets = lay_out_pieces(layout, style, progress)
        with atomic_path(target) as temporary:
            anchors = join_pdf(book, options.language, pieces, sheets, options.profile.bookmarks, temporary)
    offset = pieces.front.pages + pieces.front.pages % 2
    folios = [""] * offset + [sheet.folio for sheet in sheets]
    notes = tuple(filter(None, [chunks.warning() if chunks else ""]))
    return PdfResult(target, len(folios), anchors, folios, joined_starts(pieces, sheets, offset), notes)


def joined_starts(pieces: Pieces, sheets: list[BodyPage], offset: int) -> list[tuple[str, int]]:
    """Say for each page of the joined book which element's text opens it (see ``weasy.page_starts``)."""
    nothing = ("", 0)
    starts = list(pieces.front.starts) + [nothing] * (offset - pieces.front.pages)
    for sheet in sheets:
        starts.append(nothing if sheet.page is None else pieces.chunks[sheet.chunk].starts[sheet.page])
    return starts


@dataclass(frozen=True)
class Layout:
    """What every step of a parallel layout shares: the number of workers, the book, where pieces go."""

    workers: int
    book: Book
    rendered: list[RenderedChapter]
    options: PdfOptions
    folder: Path
    crew: Crew
    cache: ChunkCache | None = None


def lay_out_pieces(layout: Layout, style: PageStyle, progress: Progress | None) -> tuple[Pieces, list[BodyPage]]:
    """Lay out the chunks across the workers, each numbering its pages on from the one before, then the front.

    With a cache, a chunk laid out before is not laid out again: its page count joins the relay at once,
    and its pages are taken from the cache once every first folio is known (or laid out again if its
    folio moved).
    """
    book, pool, channel = layout.book, layout.crew.pool, layout.crew.channel
    workers = layout.workers
    most = workers * MOST_CHUNKS_PER_WORKER - 1  # the last run may come on top: the channel holds them all
    runs = split_chapters(book, workers * CHUNKS_PER_WORKER, words_per_chunk(layout), most)
    css = chunk_css(book, style)
    jobs = [chunk_job(layout, run, css, number) for number, run in enumerate(runs)]
    keys = [cache_key(layout, job) for job in jobs]
    known = [layout.cache.pages(key) if layout.cache and key else None for key in keys]
    reset_channel(channel, len(jobs))
    relay = FolioRelay(channel, len(jobs))
    for number, pages in enumerate(known):
        if pages is not None:
            channel.counts.put((number, pages))
    chunks: dict[int, Laid] = {}
    report(progress, 0, len(book.chapters))
    try:
        new = {pool.submit(lay_out_job, job): number for number, job in enumerate(jobs) if known[number] is None}
        collect(new, chunks, jobs, progress, len(book.chapters))
        relay.thread.join()  # every page count is in: every chunk's first folio is known
    except BaseException:
        relay.fail()
        raise
    firsts = [channel.starts[number] for number in range(len(jobs))]
    again = {}
    for number in (number for number, pages in enumerate(known) if pages is not None):
        kept = layout.cache.get(keys[number], firsts[number])
        if kept is not None and kept.pages != known[number]:
            layout.cache.forget_pages(keys[number])  # a page count its pages contradict: every folio after it moved
            return lay_out_pieces(layout, style, progress)
        if kept is not None:
            chunks[number] = kept
            report(progress, sum(jobs[done].chapters for done in chunks), len(book.chapters))
        else:
            again[pool.submit(lay_out_job, replace(jobs[number], first=firsts[number]))] = number
    collect(again, chunks, jobs, progress, len(book.chapters))
    if layout.cache:
        for number in (*new.values(), *again.values()):
            layout.cache.put(keys[number], firsts[number], chunks[number])
    sheets = body_sheets(layout, [chunks[number] for number in range(len(jobs))])
    front = lay_out_front(layout, front_job(layout, style, sheets))
    return Pieces(front, [chunks[number] for number in range(len(jobs))]), sheets


def words_per_chunk(layout: Layout) -> int:
    """Return the words of about PAGES_PER_CHUNK pages at the book's trim: a long book's chunks hold no more."""
    options = layout.options
    words_per_page = 100_000 / max(estimated_pages(100_000, options.trim, options.theme.type_scale) - 12, 1)
    return int(PAGES_PER_CHUNK * words_per_page)


def collect(futures: dict, chunks: dict[int, Laid], jobs: list[Job], progress: Progress | None, total: int) -> None:
    """Gather the chunks the workers lay out, reporting progress as each comes in."""
    for future in as_completed(futures):
        chunks[futures[future]] = future.result()
        report(progress, sum(jobs[number].chapters for number in chunks), total)


def cache_key(layout: Layout, job: Job) -> str:
    """Return a job's key in the cache of laid-out chunks, or "" without a cache."""
    if layout.cache is None:
        return ""
    return layout.cache.key(job.html, job.css, job.options.profile.variant)


def lay_out_front(layout: Layout, job: Job) -> Laid:
    """Lay out the front matter, or take it from the cache when nothing on it changed."""
    key = cache_key(layout, job)
    kept = layout.cache.get(key, 0) if key else None
    if kept is not None:
        return kept
    front = layout.crew.pool.submit(lay_out_job, job).result()
    if key:
        layout.cache.put(key, 0, front)
    return front


def body_sheets(layout: Layout, chunks: list[Laid]) -> list[BodyPage]:
    """Describe every body page in reading order, with the blanks between chunks."""
    chapter_heads = layout.options.recto_head == "chapter"
    titles = {done.anchor: done.title for done in layout.rendered} if chapter_heads else None
    sheets: list[BodyPage] = []
    for number, chunk in enumerate(chunks):
        head = sheets[-1].head if sheets else layout.book.metadata.title
        sheets += chunk_sheets(chunk, number, len(sheets), head, titles, number + 1 == len(chunks))
    return sheets


def chunk_css(book: Book, style: PageStyle) -> str:
    """Return the stylesheet of a chunk or the front matter: the whole book's, without bookmarks (the joiner's)."""
    return page_css(book, replace(style, bookmarks=False))


def chunk_job(layout: Layout, run: range, css: str, number: int) -> Job:
    """Make the job that lays out one run of chapters."""
    part = replace(layout.book, chapters=tuple(layout.book.chapters[index] for index in run))
    language = layout.options.language
    body = body_sections(part, language, [layout.rendered[index] for index in run], first=False)
    if run[-1] == len(layout.book.chapters) - 1:  # the last chapter's chunk carries the back matter
        body += "\n" + back_matter(layout.book, language)
    path = layout.folder / f"body-{number:04d}.pdf"
    return Job(html_document(layout.book, language, body), css, layout.options, path, len(run), number)


def front_job(layout: Layout, style: PageStyle, sheets: list[BodyPage]) -> Job:
    """Make the job that lays out the front matter, its contents numbered from the body's folios."""
    numbers = {anchor: sheet.folio_number for sheet in sheets for anchor in sheet.anchors}
    links = layout.options.profile.links
    year = copyright_year(layout.options)
    language = layout.options.language
    front = front_matter(layout.book, language, year, numbers, links, LINK_SCHEME, layout.options.theme.body_face)
    css = chunk_css(layout.book, style)
    return Job(html_document(layout.book, language, front), css, layout.options, layout.folder / "front.pdf")


def lay_out_job(job: Job) -> Laid:
    """Lay out and write one document, in a worker; report the glyphs it used so the join can share fonts."""
    if job.first:
        numbered = weasy.numbered_from(lambda pages: job.first)
    elif job.chunk >= 0:
        numbered = weasy.numbered_from(partial(first_folio, job.chunk))
    else:
        numbered = nullcontext()
    with numbered:
        document = lay_out(job.html, job.css, job.options)
    weasy.write(document, job.path, job.options.profile.variant)
    pages = document.pages
    return Laid(
        job.path,
        len(pages),
        weasy.blank_pages(pages),
        weasy.page_anchors(pages),
        weasy.used_glyphs(document),
        tuple(weasy.page_starts(pages)),
    )
