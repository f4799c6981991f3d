"""What the user sees while a book is made: progress for long layouts and a closing summary.

The summary's figures (pages, chapters, words) come from the build's result record; nothing
here reads the book or the files again. rich is imported inside the functions, so
``ebookgen --help`` does not pay for it.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ebookgen.project.paths import shown

WORDS_PER_MINUTE = 250  # A common adult silent-reading speed for fiction.


@dataclass(frozen=True)
class Written:
    """One file a command wrote, with its page count when it is a PDF."""

    path: Path
    pages: int | None = None


def reading_minutes(words: int) -> int:
    """Return the reading time in minutes at an ordinary reading speed."""
    return max(1, round(words / WORDS_PER_MINUTE)) if words else 0


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


def summary_lines(written: list[Written], chapters: int, words: int) -> list[str]:
    """Return the closing summary: each file and its size, then the book's length."""
    lines = []
    for item in written:
        pages = f", {item.pages} pages" if item.pages is not None else ""
        lines.append(f"wrote {shown(item.path)} ({human_size(item.path.stat().st_size)}{pages})")
    reading = f", about {reading_time(reading_minutes(words))} of reading" if words else ""
    lines.append(f"{chapters} chapter{'s' * (chapters != 1)}, {words:,} words{reading}")
    return lines


def print_summary(written: list[Written], chapters: int, words: int) -> None:
    """Print the closing summary on standard output as plain lines.

    Plain, not through rich: the lines carry no style, rich's console cost a short build about a tenth of its time
    to import, and it read `:smile:` in a file's name as an emoji code. A name's undecodable bytes are shown escaped.
    """
    for line in summary_lines(written, chapters, words):
        sys.stdout.write(line.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace") + "\n")
    sys.stdout.flush()


Progress = Callable[[int, int], None]


def terminal():
    """Return a rich console on stderr when stderr is a terminal, else None: in a log a bar is a stray blank line."""
    from rich.console import Console

    console = Console(stderr=True)
    return console if console.is_terminal else None


@contextlib.contextmanager
def chapter_progress(label: str, enabled: bool = True) -> Iterator[Progress]:
    """Show a progress bar with an ETA on stderr; yield the callback `(done, total)` that moves it."""
    console = terminal() if enabled else None
    if console is None:
        yield lambda done, total: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task(label, total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield advance


@contextlib.contextmanager
def working(label: str, enabled: bool = True) -> Iterator[None]:
    """Show a spinner on stderr while work without steps runs (a terminal only: in a log there is nothing to see)."""
    if not enabled or not sys.stderr.isatty():
        yield
        return
    from rich.console import Console

    with Console(stderr=True).status(label):
        yield
