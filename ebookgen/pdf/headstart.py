"""A short book's layout process, started by ``ebookgen pdf`` before anything else is imported.

A short story's PDF is laid out in one process, but not the command's own: importing WeasyPrint and the
setting's hooks costs about 0.3 s of CPU, and ebookgen's own start (its stages, reading and normalising the
story) about as much again. Forked first, the layout process imports WeasyPrint on the second core while the
command imports ebookgen and reads the story; then it lays the book out (``single.write_single``, the same
function as ever, so the PDF is byte for byte the one the command's own process makes) and hands back what it
wrote. A book long enough for the parallel workers dismisses it (``dismiss``): they have their own start.

This module imports nothing heavy at load: it is imported before the build.
"""

from __future__ import annotations

import functools
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path

# Bytes of manuscript under which a book is likely short enough for one process (30,000 words of 6 bytes).
SHORT_BYTES = 30_000 * 6
# Words of a command line that ask `ebookgen pdf` for something other than a book: no layout process for them.
NOT_A_BUILD = ("--help", "-h", "--version", "--install-completion", "--show-completion")
_started: list = []  # the one layout process of this command, if started


def manuscript_bytes(source: str | Path | None) -> int:
    """Return the size of a manuscript file, or of the files directly in a manuscript folder (a guess)."""
    path = Path(source) if source else Path.cwd()
    try:
        if path.is_file():
            return path.stat().st_size
        return sum(entry.stat().st_size for entry in os.scandir(path) if entry.is_file())
    except OSError:
        return SHORT_BYTES  # unreadable: the build will say so; start nothing


def head_start(source: str | Path | None, jobs: int = 0) -> None:
    """Fork the layout process of a short book now, importing WeasyPrint while the command reads the book."""
    if _started or jobs > 1 or os.cpu_count() in (None, 1) or manuscript_bytes(source) >= SHORT_BYTES:
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    try:
        context = multiprocessing.get_context("fork")
        pool = ProcessPoolExecutor(1, context, initializer=start_layout, initargs=(os.getpid(),))
        warmed = pool.submit(warm_up)  # forks the process now
    except (OSError, ValueError, RuntimeError):  # no fork here, or no room for a process: laid out in this one
        return
    _started.append((pool, warmed))


def head_start_from_line(arguments: list[str]) -> bool:
    """Fork a short book's layout process from the bare command line, before Typer and the commands are imported.

    Its source is a guess (the first word after ``pdf`` that names a file or folder), so the command's own
    ``started_early`` looks again with the options read: a process started for a long book is dismissed by the
    parallel layout, and the command starts one it finds missing. Return whether the line is a build of a PDF.
    """
    words = [word for word in arguments if not word.startswith("-")]
    if not words or words[0] != "pdf" or any(word.split("=")[0] in NOT_A_BUILD for word in arguments):
        return False
    source = next((word for word in words[1:] if os.path.exists(word)), None)
    head_start(source, jobs_asked(arguments))
    return True


def jobs_asked(arguments: list[str]) -> int:
    """Return the worker processes a command line asks for with ``--jobs``/``-j`` (0 when none or unreadable)."""
    for index, word in enumerate(arguments):
        name, equals, value = word.partition("=")
        if name in ("--jobs", "-j"):
            value = value if equals else (arguments[index + 1] if index + 1 < len(arguments) else "")
            return int(value) if value.isdigit() else 0
    return 0


def started_early(command: Callable[..., None]) -> Callable[..., None]:
    """Start a short book's layout process before a command (``source``, ``jobs``) reads its options into records."""

    @functools.wraps(command)  # the signature typer reads, with the shared options, goes with it
    def run(**values: object) -> None:
        head_start(values.get("source"), int(values.get("jobs") or 0))
        return command(**values)

    return run


def start_layout(parent: int) -> None:
    """Start the layout process: it dies with its parent and leaves Ctrl-C and signals to it."""
    for name in ("SIGTERM", "SIGHUP"):
        signal.signal(getattr(signal, name), signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent)


def die_with_parent(parent: int) -> None:
    """Have Linux kill this worker when its parent dies, even by SIGKILL (prctl PR_SET_PDEATHSIG)."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)  # 1 is PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # The parent died before the request took effect.
        os._exit(1)


def warm_up() -> bool:
    """Import WeasyPrint and the single layout's modules in the layout process (not the command's)."""
    from ebookgen.pdf import weasy

    weasy.imported()
    return True


def taken():
    """Return the started layout process's pool, once, or None (then the command lays the book out itself)."""
    if not _started:
        return None
    pool, _ = _started.pop()
    return pool


def dismiss() -> None:
    """Stop the layout process unused (a long book: the parallel workers lay it out)."""
    pool = taken()
    if pool is not None:
        stop(pool)


def stop(pool) -> None:
    """Stop a layout process at once, whatever it is doing, and reap it."""
    workers = list(dict(getattr(pool, "_processes", None) or {}).values())
    for worker in workers:
        worker.kill()
    pool.shutdown(wait=True, cancel_futures=True)
