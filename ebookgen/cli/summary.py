"""What the user sees while a book is made: progress for long layouts and a closing summary.

rich is imported inside the functions, so ``ebookgen --help`` does not pay for it.
"""

from __future__ import annotations

import contextlib
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ebookgen.model import Book, word_count

WORDS_PER_MINUTE = 250  # A common adult silent-reading speed for fiction.
CHAPTER_SECTION = re.compile(r'<section[^>]*epub:type="[^"]*\bchapter\b[^"]*".*?</section>', re.S)
PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.S)
TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Written:
    """One file a command wrote, with its page count when it is a PDF."""

    path: Path
    pages: int | None = None


@dataclass(frozen=True)
class BookStats:
    """How long the book is."""

    chapters: int
    words: int

    @property
    def reading_minutes(self) -> int:
        """Return the reading time in minutes at an ordinary reading speed."""
        return max(1, round(self.words / WORDS_PER_MINUTE)) if self.words else 0


def stats_of_book(book: Book) -> BookStats:
    """Count a book's chapters and words."""
    return BookStats(len(book.chapters), word_count(book))


def stats_of_epub(path: Path) -> BookStats:
    """Count the chapters and words of an EPUB that was written, from its chapter sections."""
    chapters = words = 0
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if not name.endswith((".xhtml", ".html")):
                continue
            for section in CHAPTER_SECTION.findall(archive.read(name).decode("utf-8", "replace")):
                chapters += 1
                words += sum(len(TAG.sub("", paragraph).split()) for paragraph in PARAGRAPH.findall(section))
    return BookStats(chapters, words)


def human_size(size: int) -> str:
    """Format a byte count the way a file manager does."""
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{size} B"


def reading_time(minutes: int) -> str:
    """Say a reading time in hours and minutes."""
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest:02d} min" if hours else f"{rest} min"


def summary_lines(written: list[Written], stats: BookStats | None) -> list[str]:
    """Return the closing summary: each file and its size, then the book's length."""
    lines = []
    for item in written:
        pages = f", {item.pages} pages" if item.pages is not None else ""
        lines.append(f"wrote {item.path} ({human_size(item.path.stat().st_size)}{pages})")
    if stats is not None:
        reading = f", about {reading_time(stats.reading_minutes)} of reading" if stats.words else ""
        lines.append(f"{stats.chapters} chapter{'s' * (stats.chapters != 1)}, {stats.words:,} words{reading}")
    return lines


def print_summary(written: list[Written], stats: BookStats | None) -> None:
    """Print the closing summary on standard output."""
    from rich.console import Console

    console = Console(highlight=False, soft_wrap=True)
    for line in summary_lines(written, stats):
        console.print(line, markup=False)


Progress = Callable[[int, int], None]


@contextlib.contextmanager
def chapter_progress(label: str, enabled: bool = True) -> Iterator[Progress]:
    """Show a progress bar with an ETA on stderr; yield the callback `(done, total)` that moves it."""
    if not enabled:
        yield lambda done, total: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield advance


@contextlib.contextmanager
def working(label: str, enabled: bool = True) -> Iterator[None]:
    """Show a spinner on stderr while work without steps runs."""
    if not enabled:
        yield
        return
    from rich.console import Console

    with Console(stderr=True).status(label):
        yield
