"""Build one work of a batch, in whichever process an engine runs it, through the library's build functions.

Each output is written by the library under a temporary name beside its target and renamed when complete, so
a worker killed mid-work leaves no half-written book; the results row is written by the driver alone. The
build sees the timestamp the driver settled (``Planned.epoch``) as SOURCE_DATE_EPOCH, so every worker, on any
machine, writes the same bytes.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ebookgen.batch.plan import Planned
from ebookgen.errors import EbookgenError


@dataclass(frozen=True)
class Output:
    """One file a work wrote: its format, path, size and, for a PDF, its pages."""

    format: str
    path: Path
    size: int
    pages: int | None = None


@dataclass(frozen=True)
class Outcome:
    """What building one work came to: its outputs, or the one-line error that stopped it."""

    index: int
    outputs: tuple[Output, ...] = ()
    error: str = ""
    seconds: float = 0.0
    chapters: int = 0
    words: int = 0


def build_work(planned: Planned) -> Outcome:
    """Build every format of one work; a failure is the Outcome's error line, never an exception."""
    started = time.perf_counter()
    outputs: list[Output] = []
    chapters = words = 0
    try:
        with source_date(planned.epoch):
            for form, target in planned.targets:
                output, chapters, words = build_format(planned, form, target)
                outputs.append(output)
    except EbookgenError as error:
        return Outcome(planned.index, tuple(outputs), one_line(str(error)), time.perf_counter() - started)
    except Exception as error:  # A bug in one work must not stop the others: one line, as the CLI says it.
        message = f"unexpected {type(error).__name__}: {error}; build it alone with --verbose and report it"
        return Outcome(planned.index, tuple(outputs), one_line(message), time.perf_counter() - started)
    return Outcome(planned.index, tuple(outputs), "", time.perf_counter() - started, chapters, words)


def build_format(planned: Planned, form: str, target: Path) -> tuple[Output, int, int]:
    """Build one format of a work with the library; return the file written and the book's length."""
    from ebookgen.build import PrintChoices, build_epub, build_pdf

    work = planned.work
    if form == "pdf":
        choices = PrintChoices(trim=work.trim, profile=work.profile, jobs=1)  # The batch's workers are the cores.
        result = build_pdf(work.source, target, choices, overrides=work.overrides)
        return Output(form, result.path, result.path.stat().st_size, result.pages), result.chapters, result.words
    kobo = form == "kepub"
    result = build_epub(work.source, target, kobo=kobo, embed_fonts=work.embed_fonts, overrides=work.overrides)
    return Output(form, result.path, result.path.stat().st_size), result.chapters, result.words


@contextlib.contextmanager
def source_date(epoch: int) -> Iterator[None]:
    """Have the build see the driver's timestamp as SOURCE_DATE_EPOCH, then put the worker's own back."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


def one_line(message: str) -> str:
    """Keep an error to its first line, as the results manifest and the summary show it."""
    return message.strip().splitlines()[0] if message.strip() else "failed without a message"
