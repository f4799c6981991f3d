"""What a command says besides its result: errors and warnings on stderr, the closing summary on stdout.

The global options (``--quiet``, ``--verbose``) are kept in ``SETTINGS`` once per invocation.
"""

from __future__ import annotations

import contextlib
import sys
import traceback
from collections.abc import Iterator
from dataclasses import dataclass

import typer

from ebookgen.cli.summary import Written
from ebookgen.errors import EbookgenError


@dataclass
class Settings:
    """The global options, set once per invocation."""

    quiet: bool = False
    verbose: bool = False


SETTINGS = Settings()


def say_error(message: str) -> None:
    """Print one error line on stderr, with the traceback first when --verbose is on."""
    if SETTINGS.verbose and sys.exc_info()[0] is not None:
        typer.echo(traceback.format_exc().rstrip(), err=True)
    typer.echo(f"ebookgen: error: {message}", err=True)


@contextlib.contextmanager
def reported() -> Iterator[None]:
    """Turn whatever a command raises into one line on stderr and its documented exit code."""
    try:
        yield
    except typer.Exit:
        raise
    except EbookgenError as error:
        say_error(str(error))
        raise typer.Exit(code=error.exit_code) from None
    except KeyboardInterrupt:
        say_error("interrupted; nothing was written")
        raise typer.Exit(code=130) from None
    except MemoryError:
        say_error("out of memory; close other programs or split the manuscript into several files")
        raise typer.Exit(code=1) from None
    except Exception as error:  # A bug: still one line, and the way to see more.
        say_error(f"unexpected {type(error).__name__}: {error}; run again with --verbose and report it")
        raise typer.Exit(code=1) from None


def say_notes(notes: tuple[str, ...]) -> None:
    """Print what the library did differently, one warning line each, on stderr (not with --quiet)."""
    for note in () if SETTINGS.quiet else notes:
        typer.echo(f"ebookgen: warning: {note}", err=True)


def summarise(written: list[Written], chapters: int, words: int) -> None:
    """Print the closing summary unless --quiet: files, sizes, pages, chapters, words, reading time."""
    if SETTINGS.quiet:
        return
    from ebookgen.cli.summary import print_summary

    print_summary(written, chapters, words)
